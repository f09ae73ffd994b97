"""``python -m writer``: the same command line as the ``writer`` console script (writer/cli.py)."""

from writer.cli import run

run()
