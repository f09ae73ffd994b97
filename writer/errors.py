"""Typed errors shared by every layer.

Library code never prints and never exits: it raises one of these, each
carrying enough location (file, line, column, field path) for the CLI to
print an editor-actionable ``file:line:col: field: message`` and pick the
documented exit code. Nothing here imports the rest of the project.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input file, at one place."""

    path: str
    line: int  # 1-based; a problem about the whole file is at 1:1
    column: int  # 1-based; 0 when unknown
    field: str  # dotted field path such as "facts[2].observations[0].source"
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class WriterError(Exception):
    """Base class: every error writer raises on purpose derives from this."""

    exit_code = 2


class InputError(WriterError):
    """One or more input files are invalid; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def single_problem(path: str | Path, message: str, *, line: int = 1, column: int = 1, field: str = "") -> InputError:
    """Shorthand for the common case of a file with exactly one problem."""
    return InputError([Problem(str(path), line, column, field, message)])


class DerivationError(WriterError):
    """A derived figure was asked for from inputs that cannot be combined."""



class DraftError(WriterError):
    """A draft failed its own provenance self-check or its template broke.

    Names the template and line so the template author (not the editor of the
    fact file) knows where to look; a failing draft is never returned.
    """

    exit_code = 1

    def __init__(self, message: str, *, template: str = "", line: int = 0, event: str = ""):
        self.template, self.line, self.event = template, line, event
        where = f"{template}:{line}: " if template else ""
        prefix = f"{event}: " if event else ""
        super().__init__(f"{prefix}{where}{message}")


# A process a signal stopped exits with 128 + the signal's number, as a shell reports it (130: SIGINT, 143: SIGTERM).
SIGNAL_EXIT_BASE = 128


class Interrupted(BaseException):
    """A run stopped by a signal (SIGINT, SIGTERM) on purpose: not an error of the input.

    A BaseException, like KeyboardInterrupt, so no handler of ordinary errors (an event's
    rejection, a template's compile error) takes it for one of them. ``committed``: the
    signal arrived during a step that was let finish (a batch's commit); ``outcome``: what
    the stopped run left, said by the code that knows it.
    """

    def __init__(self, signum: int, *, committed: bool = False):
        super().__init__(signum)
        self.signum = signum
        self.committed = committed
        self.outcome = ""

    @property
    def exit_code(self) -> int:
        return SIGNAL_EXIT_BASE + self.signum

    def __str__(self) -> str:
        import signal

        try:
            name = signal.Signals(self.signum).name
        except ValueError:
            name = f"signal {self.signum}"
        return f"stopped by {name}" + (f": {self.outcome}" if self.outcome else "")
