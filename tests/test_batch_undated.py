"""An event whose report gave no time validates, drafts and checks, but is not published: the
rejection points at its `as_of` line and says what to add (the corpus fact files are such events)."""

from __future__ import annotations

import re

from click.testing import CliRunner

from test_batch_support import make_factbase
from writer.cli import main


def _set_as_of(path, value: str) -> int:
    text = path.read_text(encoding="utf-8")
    text, n = re.subn(r"(?m)^as_of: .*$", f"as_of: {value}", text, count=1)
    assert n == 1
    path.write_text(text, encoding="utf-8")
    return next(i for i, line in enumerate(text.split("\n"), 1) if line.startswith("as_of:"))


def test_undated_events_are_rejected_at_their_as_of_line_with_what_to_add(tmp_path):
    make_factbase(tmp_path / "fb", 3)
    null_file, day_file, dated = sorted((tmp_path / "fb" / "events").glob("*.yaml"))
    null_line = _set_as_of(null_file, "null")
    day_line = _set_as_of(day_file, "'2025-01-06'")
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "fb"), "--out", str(tmp_path / "site"), "-q"], catch_exceptions=False)
    assert result.exit_code == 1, (result.output, result.stderr)
    err = result.output  # stdout and stderr as the terminal shows them
    assert f"{null_file.name}:{null_line}:1: facts: rejected" in err and "it is null or missing" in err
    assert f"{day_file.name}:{day_line}:1: facts: rejected" in err and "only the day (2025-01-06) is known" in err
    assert "as_of: '2025-01-06T16:00:00+08:00'" in err  # the example keeps the known day
    assert "Traceback" not in err
    assert (tmp_path / "site" / dated.stem / "index.html").is_file()
    assert not (tmp_path / "site" / null_file.stem).exists() and not (tmp_path / "site" / day_file.stem).exists()
