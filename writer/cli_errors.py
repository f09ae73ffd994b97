"""The one path from library errors to messages and exit codes.

Every ``writer`` command runs its library calls inside :func:`reporting_errors`;
nothing else in the CLI prints an error or picks an exit code for one. The
library raises typed errors (``writer.errors``) that name file, line and field;
here they become ``file:line:col: field: message`` on stderr and the documented
exit code:

    0 success, 1 findings or rejected events (or a draft refused by its own check),
    2 usage or input error, 128 + N stopped by signal N (``writer.errors.Interrupted``:
    130 SIGINT, 143 SIGTERM).

A command whose output format must carry input errors itself (``writer check
--format sarif|github|json``) passes ``render``: it receives the problems and
returns the text to print on stdout, so a code-scanning upload still gets a
valid document.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

from writer.errors import InputError, Interrupted, Problem, WriterError

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def problems_of(exc: BaseException) -> list[Problem]:
    """The located problems an error stands for (one unlocated problem for a plain WriterError)."""
    if isinstance(exc, InputError):
        return list(exc.problems)
    if isinstance(exc, OSError):
        return [Problem(str(exc.filename or ""), 0, 0, "", exc.strerror or str(exc))]
    return [Problem("", 0, 0, "", str(exc))]


def report_problems(problems: list[Problem]) -> None:
    """Print input problems to stderr with their count."""
    for p in problems:
        click.echo(str(p) if p.path else f"error: {p.message}", err=True)
    n = len(problems)
    click.echo(f"{n} problem{'s' if n != 1 else ''} found", err=True)


def fail(exc: BaseException, render: Callable[[list[Problem]], str] | None = None) -> None:
    """Print a library error (and, with ``render``, its formatted form on stdout); exit with its code."""
    if isinstance(exc, BrokenPipeError):  # the reader went away (`writer check ... | head`): stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_FINDINGS)
    if isinstance(exc, (InputError, OSError)):
        problems = problems_of(exc)
        report_problems(problems)
        if render is not None:
            click.echo(render(problems), nl=False)
        sys.exit(EXIT_INPUT)
    code = exc.exit_code if isinstance(exc, WriterError) else EXIT_INPUT
    click.echo(f"error: {exc}", err=True)
    if render is not None:
        click.echo(render(problems_of(exc)), nl=False)
    sys.exit(code)


@contextmanager
def reporting_errors(render: Callable[[list[Problem]], str] | None = None) -> Iterator[None]:
    """Run library calls; a WriterError or OSError becomes a message and its exit code, never a traceback."""
    try:
        yield
    except (WriterError, OSError) as exc:
        fail(exc, render)
    except Interrupted as exc:  # a run stopped on purpose (writer.publish.interrupt): what it left, no traceback
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)


__all__ = ["EXIT_OK", "EXIT_FINDINGS", "EXIT_INPUT", "fail", "problems_of", "report_problems", "reporting_errors"]
