"""The drafts of the reference and corpus events against their original articles.

For every event file that names the article it was written from (a comment
``# Reference article NNN`` for ../shared/seeds, ``# Corpus article NN`` or a
``source_article:`` comment for ../shared/corpus), draft it and write one row:
words, sections, the headline figure, and which of the original article's
angles the draft covers and which it does not. An angle is a family of the
article's annotated claims (``metric`` in its ``.claims.json``), mapped to the
draft section that would carry it; an angle counts as covered when the draft
prints one of its figures (or, without figures, has that section).

    python bench/draft_events.py [--shared ../shared] [--out bench/results/draft_events.md]

Reads ../shared (this is an evaluation, not a test). Events whose article is
not found are listed with their figures and "no article" for the angles.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from writer.draft import Drafter  # noqa: E402
from writer.factbase.loader import load_event  # noqa: E402

# Annotated claim families -> (angle, draft sections that carry it). First match wins, so the narrower families
# come first: a price, supply or index claim naming an asset ("btc_price_change", "btc_supply_cap") or a record
# ("nikkei_225_record_high", "days_since_previous_ath") is market context, not an asset's liquidations or the
# liquidation history; a count of liquidated traders is part of the totals, not a large account; a heat map's
# intensity on one side is a pressure zone, not the realised split.
ANGLES = [
    (r"quote", "quotes", {"quotes"}),
    (r"rumou?r|claimed|crowding|concentration|fud|whale_claim", "rumours and unverified claims", {"rumors", "data"}),
    (r"pressure|heat ?map|zone|potential|intensity", "pressure zones", {"zones"}),
    (r"price|supply|market_cap|_ath\b|record_high|nikkei|export|etf|flow|sentiment|fear|index|funding|open_interest|"
     r"macro|policy|user|volume|analyst_view", "market and macro context", {"context"}),
    (r"histor|peak|previous", "history", {"history"}),
    (r"traders_liquidated|accounts_liquidated|traders_and_total", "totals", {"figures", "headline"}),
    (r"share|ratio|long_liq|short_liq|long_short|side|direction", "long/short split", {"figures", "analysis"}),
    (r"account|loss|trader|whale|transfer|largest|single", "large accounts and transfers", {"venues"}),
    (r"exchange|venue|binance|bybit|okx|htx|hyperliquid|contract|feed", "venues and contracts", {"venues", "data"}),
    (r"btc_|eth_|xrp|doge|sol_|asset|token|altcoin", "assets", {"assets"}),
    (r"gap|unavailable|pending|data_source|data_tools|discrepan|differ", "data caveats", {"data"}),
    (r"total|liquidation|scale|headline", "totals", {"figures", "headline"}),
]


def article_for(event_path: Path, shared: Path) -> Path | None:
    if event_path.parent.name == "corpus":  # factbase/corpus/<article stem>.yaml, with '-' for its first '_'
        stem = event_path.stem
        found = sorted((shared / "seeds").glob(f"{stem.replace('-', '_', 1)}.claims.json")) if len(stem.split("-")[0]) == 3 else []
        found = found or sorted((shared / "corpus").glob(f"{stem[:2]}_*.claims.json"))
        return found[0] if found else None
    head = event_path.read_text(encoding="utf-8")[:2000]
    m = re.search(r"Reference article (\d{3})", head)
    if m:
        found = sorted((shared / "seeds").glob(f"{m.group(1)}_*.claims.json"))
        return found[0] if found else None
    m = re.search(r"(?:Corpus article|corpus/)\s*(\d{2})", head)
    if m:
        found = sorted((shared / "corpus").glob(f"{m.group(1)}_*.claims.json"))
        return found[0] if found else None
    return None


def angles_of(claims_path: Path) -> dict[str, tuple[set[str], list[float]]]:
    """Each angle of the article: the sections that carry it and the values of the article's figures for it."""
    out: dict[str, tuple[set[str], list[float]]] = {}
    for claim in json.loads(claims_path.read_text(encoding="utf-8")):
        metric = str(claim.get("metric") or "")
        for rx, angle, sections in ANGLES:
            if re.search(rx, metric, re.I):
                out.setdefault(angle, (sections, []))[1].extend(values_in(str(claim.get("figures") or "")))
                break
    return out


_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(trillion|billion|million|thousand|bn|[kmb]\b)?", re.I)
_SCALE = {"trillion": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3}
# A printed figure matches the article's when it is within this share of it: drafts round to three figures (or
# the source's own rounding) and hedge; a looser match would take any number for any other.
MATCH_WITHIN = 0.03


def values_in(text: str) -> list[float]:
    return [float(m.group(1).replace(",", "")) * _SCALE.get((m.group(2) or "").lower(), 1) for m in _NUMBER.finditer(text)]


def covers(printed: list[float], wanted: list[float]) -> bool:
    return any(abs(p - w) <= MATCH_WITHIN * abs(w) for w in wanted if w for p in printed)


def row(drafter: Drafter, path: Path, shared: Path) -> dict:
    event = load_event(path)
    draft = drafter.draft(event, facts_path=str(path.relative_to(ROOT)))
    body = draft.markdown.split("---\n", 2)[2]
    sections = [s["id"] for s in draft.claims["sections"]]
    headline_fig = next((f["text"] for f in draft.claims["figures"] if f["section"] == "headline"), "(none)")
    article = article_for(path, shared)
    covered, missing = [], []
    printed = [v for f in draft.claims["figures"] for v in values_in(f["text"])]
    if article is not None:
        # covered: the draft prints one of the angle's figures, or (an angle without figures: quotes, a claim in
        # words) has the section that carries it
        for angle, (needs, wanted) in sorted(angles_of(article).items()):
            (covered if (covers(printed, wanted) if wanted else needs & set(sections)) else missing).append(angle)
    return {
        "event": event.id,
        "article": article.name.removesuffix(".claims.json") if article else "no article",
        "article_words": _article_words(article),
        "facts": len(event.all_facts()),
        "words": len(re.findall(r"\b[\w'’$%.,-]+\b", body)),
        "sections": len(sections),
        "shape": draft.claims["shape"],
        "headline": headline_fig,
        "covered": covered,
        "missing": missing,
    }


def _article_words(claims: Path | None) -> str:
    """The original article's length in words (its Markdown beside the claims file), for "length follows the material"."""
    if claims is None:
        return "-"
    md = claims.with_name(claims.name.removesuffix(".claims.json") + ".md")
    return str(len(md.read_text(encoding="utf-8").split())) if md.is_file() else "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    shared = next((p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()), ROOT.parent / "shared")
    ap.add_argument("--shared", default=str(shared), type=Path, help="the ../shared folder (found next to the checkout or its parent)")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "draft_events.md"), type=Path)
    args = ap.parse_args()
    paths = sorted((ROOT / "factbase" / "events").glob("*.yaml"))
    paths += sorted((ROOT / "factbase" / "corpus").glob("*.yaml")) if (ROOT / "factbase" / "corpus").is_dir() else []
    drafter = Drafter()
    rows = [row(drafter, p, args.shared) for p in paths]
    lines = [
        "# Drafts of the reference and corpus events",
        "",
        "Written by `python bench/draft_events.py`. Angles: the families of the original article's annotated",
        "claims (its `.claims.json`); an angle is covered when the draft prints one of its figures (within 3%: drafts",
        "round to three figures), or, for an angle without figures (a quote, a claim in words), when the draft has the",
        "section that carries it. `facts`: the",
        "event's facts (derived ones included); `article words`: the original article's length, for comparison",
        "(the corpus articles run 120-310 words, some stored copies partial; the seeds run 1,600-2,400).",
        "",
        "| event | article | article words | facts | words | sections | shape | headline figure | angles covered | angles not covered |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['event']} | {r['article']} | {r['article_words']} | {r['facts']} | {r['words']} | {r['sections']} | {r['shape']} | {r['headline']} | "
            f"{', '.join(r['covered']) or '-'} | {', '.join(r['missing']) or '-'} |"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
