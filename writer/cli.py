"""The ``writer`` command line: parse arguments, call the library, print.

Nothing here decides anything about facts, articles or provenance; it maps
library results to output and library errors to exit codes (one path, in
writer/cli_errors.py): 0 success, 1 findings or rejected events, 2 usage or
input error.
"""

from __future__ import annotations

import gc
import importlib
import os

import click

from writer import __version__

# Command name -> (module, attribute). A command's module is imported when that command runs
# (or for --help), so `writer draft` and `writer check` do not import batch publishing,
# preview and the importers' command lines at start (click's documented lazy-group pattern).
# Each command lives in a module of its own so it can grow without crowding this file.
COMMANDS = {
    "facts": ("writer.cli_facts", "facts"),
    "draft": ("writer.cli_draft", "draft"),
    "preview": ("writer.cli_preview", "preview"),
    "batch": ("writer.cli_batch", "batch"),
    "import": ("writer.cli_import", "import_command"),
    "check": ("writer.cli_check", "check"),
    "rules": ("writer.cli_check", "rules"),
    "rule": ("writer.cli_check", "rule"),
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})  # click lists commands sorted

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            module, attribute = COMMANDS[cmd_name]
            return getattr(importlib.import_module(module), attribute)
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="writer")
def main() -> None:
    """Editorial assistant for crypto-market news desks.

    Every figure in the fact base carries its provenance; drafts and checks
    make sure no article prints a number with more certainty than its source allows.
    """


# writer uses no pydantic plugin, and looking for them (pydantic's documented switch, read when it
# builds its first validator) scans the metadata of every installed package: about 6 of a cold
# `writer draft`'s CPU-ms. An environment that sets the variable itself keeps its own value.
NO_PYDANTIC_PLUGINS = ("PYDANTIC_DISABLE_PLUGINS", "__all__")


def run() -> None:
    """The ``writer`` console script: the command line, then an exit without the collector's last pass.

    As the interpreter shuts down it collects garbage over every object still alive, every imported
    module's included; the process is ending, so none of it needs collecting. ``gc.freeze()`` takes
    them out of the collector's sight first: about 45 of the 540 CPU-ms of a cold `writer draft`
    (bench/results/draft.md). Output is flushed and files are closed before this point; click
    ends ``main`` with SystemExit, which carries the exit code on past the freeze.
    """
    os.environ.setdefault(*NO_PYDANTIC_PLUGINS)
    try:
        main()
    finally:
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    run()
