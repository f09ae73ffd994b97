"""bench/eval_why.py, counts of the fact-free check's errors on a held-out folder by mechanism: each kind of error
lands in its own category, on a folder of our own sentences annotated as the held-out sets are."""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import eval_why  # noqa: E402  (bench/eval_why.py)

from writer.check import Checker  # noqa: E402

# Line 1: a credit that the check carries to line 1's second sentence, which the annotation calls unattributed.
# Line 3: a figure the check flags, annotated as credited by a firm named two paragraphs up (scope).
# Line 5: a flagged bare figure, rightly.
ARTICLE = (
    "Longs lost $310 million, Kestrel Data figures show. Shorts lost $42 million.\n\n"
    "Funding turned negative at 0.02%.\n\n"
    "Open interest fell 8%.\n"
)


def record(line, sentence, figures, label, names=()):
    return {"line": line, "sentence": sentence, "figures": figures, "provenance_in_text": label,
            "sources_named": list(names), "caveat_phrases": [], "caveat_scope": None}


def test_each_error_lands_in_its_category(tmp_path: Path):
    (tmp_path / "01_own.md").write_text(ARTICLE, encoding="utf-8")
    claims = [
        record(1, "Longs lost $310 million, Kestrel Data figures show.", ["$310 million"], "single_source_named", ["Kestrel Data"]),
        record(1, "Shorts lost $42 million.", ["$42 million"], "unattributed"),
        record(3, "Funding turned negative at 0.02%.", ["0.02%"], "single_source_named", ["Kestrel Data"]),
        record(5, "Open interest fell 8%.", ["8%"], "unattributed"),
    ]
    (tmp_path / "01_own.claims.json").write_text(json.dumps(claims), encoding="utf-8")
    misses, false_flags, figures, notes = eval_why.diagnose(Checker(), eval_why.articles_in(tmp_path))
    assert misses == {"credit carried from an earlier sentence": 1}
    assert false_flags == {"a source's name only outside the sentence (scope)": 1}
    assert figures == {"credit carried from an earlier sentence": 1}
    assert "01_own.md:1 missed: credit carried from an earlier sentence" in notes
