"""Checks that need the annotated articles in ../shared (never part of the test suite,
which must pass on a clone with nothing beside it).

1. The seed-claims table that tests/test_factbase_examples.py keeps (so its tests run
   anywhere) still equals the shared `.claims.json` annotations.
2. The check gives the same findings with and without spaCy's Language around its
   component on every real article (seeds and corpus).

    python bench/verify_shared.py [--shared ../shared]

Exit 0 when both hold, 1 otherwise (what differs is printed).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_factbase_examples import SEED_CLAIMS  # noqa: E402

from writer.check import Checker  # noqa: E402


def _quoted(sentence: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[“\"]([^”\"]+)[”\"]", sentence))


def seed_table_differences(seeds: Path) -> list[str]:
    out = []
    for seed, rows in SEED_CLAIMS.items():
        [path] = seeds.glob(f"{seed}_*.claims.json")
        claims = json.loads(path.read_text(encoding="utf-8"))
        shared = [(c["line"], c["metric"], c["provenance_in_text"], tuple(c["figures"]),
                   _quoted(c["sentence"]) if c["provenance_in_text"] == "quote_attributed" else ()) for c in claims]
        if rows != shared:
            out.append(f"{path.name}: the table in tests/test_factbase_examples.py differs from the annotations")
    return out


def pipeline_differences(articles: list[Path]) -> list[str]:
    with_spacy, without = Checker(), Checker(spacy_pipeline=False)
    out = []
    for path in articles:
        text = path.read_text(encoding="utf-8")
        if with_spacy.check_text(text, path=str(path)) != without.check_text(text, path=str(path)):
            out.append(f"{path}: findings differ with and without the spaCy pipeline")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    seeds, corpus = args.shared / "seeds", args.shared / "corpus"
    if not seeds.is_dir():
        print(f"{seeds}: not found; these checks need the annotated articles", file=sys.stderr)
        return 2
    articles = sorted(seeds.glob("*.md")) + sorted(corpus.glob("*.md"))
    articles = [a for a in articles if a.name != "README.md"]
    problems = seed_table_differences(seeds) + pipeline_differences(articles)
    for p in problems:
        print(p)
    print(f"{len(articles)} articles compared; {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
