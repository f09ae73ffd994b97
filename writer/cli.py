"""The ``writer`` command line: parse arguments, call the library, print.

Nothing here decides anything about facts, articles or provenance; it maps
library results to output and library errors to exit codes (one path, in
writer/cli_errors.py): 0 success, 1 findings or rejected events, 2 usage or
input error.
"""

from __future__ import annotations

import click

from writer import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="writer")
def main() -> None:
    """Editorial assistant for crypto-market news desks.

    Every figure in the fact base carries its provenance; drafts and checks
    make sure no article prints a number with more certainty than its source allows.
    """


# The other commands live one module each so they can grow without crowding this file.
from writer.cli_batch import batch  # noqa: E402
from writer.cli_check import check_commands  # noqa: E402
from writer.cli_draft import draft  # noqa: E402
from writer.cli_facts import facts  # noqa: E402
from writer.cli_import import import_command  # noqa: E402
from writer.cli_preview import preview  # noqa: E402

main.add_command(facts)
main.add_command(draft)
main.add_command(preview)
main.add_command(batch)
main.add_command(import_command)
for _command in check_commands:
    main.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    main()
