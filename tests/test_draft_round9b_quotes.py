"""One remark is set against the event's own figure for what it talks about, or left to stand alone.

The old closing sentence weighed "the speaker's seat" whatever the remark said: filler that named the speaker
twice. Now a remark whose words name something the event measures (funding, open interest, sentiment, fund flows)
is set beside that figure, with whether the figure's sign bears out the sign the remark gives it; any other
remark gets no sentence about it. Every event and remark here is our own.
"""

from __future__ import annotations

from functools import lru_cache

from draft_support import repo_registry
from writer.factbase.loader import event_from_text

# Rich enough (eight figures and more) that the old one-role sentence was printed.
EVENT = """
id: quote-case
as_of: 2026-12-04T08:00:00+00:00
windows: [12h]
facts:
  - {{id: total, metric: liquidations, unit: USD, window: 12h, observations: [{{source: coinglass, value: 388M}}]}}
  - {{id: longs, metric: liquidations, unit: USD, window: 12h, side: long, observations: [{{source: coinglass, value: 301M}}]}}
  - {{id: btc, metric: liquidations, unit: USD, window: 12h, asset: BTC, observations: [{{source: coinglass, value: 150M}}]}}
  - {{id: eth, metric: liquidations, unit: USD, window: 12h, asset: ETH, observations: [{{source: coinglass, value: 97M}}]}}
  - {{id: move, metric: price_change, unit: percent, asset: BTC, window: 12h, observations: [{{source: coinmarketcap, value: -6.1}}]}}
  - {{id: level, metric: price_level, unit: USD, asset: BTC, direction: below, observations: [{{source: coinmarketcap, value: 84000}}]}}
  - {{id: accounts, metric: liquidated_accounts, unit: count, window: 12h, observations: [{{source: coinglass, value: 91000}}]}}
{extra}
quotes:
  - {{id: q, speaker: Lena Okafor, role: options strategist at a trading firm, words: "{words}", source: research-brief{status}}}
"""
FUNDING = "  - {{id: funding, metric: funding_rate, unit: percent, asset: BTC, observations: [{{source: coinglass, value: {v}}}]}}"
OI = "  - {id: oi, metric: open_interest_change, unit: percent, asset: BTC, window: 12h, observations: [{source: coinglass, value: -9.3}]}"


@lru_cache(maxsize=1)
def drafter():
    from writer.draft import Drafter

    return Drafter()  # with the provenance check's round trip


def quotes_section(words: str, extra: str = "", status: str = "") -> str:
    text = EVENT.format(words=words, extra=extra, status=status)
    md = drafter().draft(event_from_text(text, "quote-case.yaml", repo_registry())).markdown
    part = [p for p in md.split("\n## ") if p.startswith(("What they said", "Voices from the market"))]
    assert part, md
    return part[0].split("\n## ")[0]


def paragraphs(section: str) -> list[str]:
    return [p for p in section.split("\n\n")[1:] if p.strip()]


def test_a_remark_on_funding_that_the_figure_bears_out_says_so_without_naming_the_speaker_again():
    sec = quotes_section("Funding went negative overnight and the longs paid for it", FUNDING.format(v=-0.02))
    assert "BTC funding rate was indeed negative in the figures reported here" in sec
    assert sec.count("Lena Okafor") == 1
    assert "seat" not in sec and "standing" not in sec


def test_a_remark_the_figure_contradicts_is_called_a_view():
    sec = quotes_section("Funding went negative overnight and the longs paid for it", FUNDING.format(v=0.015))
    assert "was positive in the figures reported here, not negative as the remark has it" in sec


def test_a_remark_with_no_sign_word_is_set_beside_its_figure_without_a_verdict():
    sec = quotes_section("Open interest is the number I am watching this week", OI)
    assert "The remark turns on" in sec and "open interest" in paragraphs(sec)[-1]
    assert "indeed" not in sec and "as the remark has it" not in sec


def test_a_remark_on_a_topic_the_event_does_not_measure_gets_no_sentence_about_it():
    sec = quotes_section("Funding went negative overnight and the longs paid for it")  # no funding figure
    assert len(paragraphs(sec)) == 1, sec
    sec = quotes_section("Leverage always comes back faster than anyone expects", FUNDING.format(v=-0.02))
    assert len(paragraphs(sec)) == 1, sec


def test_an_unverified_remark_is_not_weighed_against_the_figures():
    sec = quotes_section("Funding went negative overnight and the longs paid for it", FUNDING.format(v=-0.02), ", status: rumor")
    assert "indeed" not in sec and "The remark turns on" not in sec
