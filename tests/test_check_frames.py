"""Fail/pass fixtures, in the project's own words, for each attribution frame, caveat frame and figure form
(issue 11 items 1-3). A *pass* sentence carries provenance the check must read (no F001); a *fail*
sentence is the same figure with the frame broken or missing (F001 on the figure).
"""

from __future__ import annotations

import pytest

from writer.check import Checker
from writer.check.figures import find_figures
from writer.check.frames import verb_forms

ATTRIBUTED = [
    # source + reporting verb, any tense and voice
    "Glassnode reported that longs lost $312 million on Tuesday.",
    "Longs lost $312 million on Tuesday, Glassnode has reported.",
    "Santiment's figures show $312 million in long liquidations.",
    "Kaiko data revealed $312 million in long liquidations.",
    "On-chain data tracked $312 million leaving exchange wallets.",
    "Analysts at Matrixport estimated the damage at $312 million.",
    "The desk flagged $312 million in forced selling, she noted.",
    "Lookonchain posted that one whale dumped $12 million of ether.",
    "Bybt shows $312 million of longs closed out overnight.",
    # agent
    "Some $312 million in longs were wiped out, as tracked by Hyblock.",
    "The $312 million figure was compiled by analytics firm Kaiko.",
    "The tally of $312 million, flagged by on-chain analytics platforms, surprised traders.",
    "\"This is a leverage flush,\" said Markus Thielen, pointing to $312 million in long losses.",
    # prepositions
    "Per Santiment, long liquidations reached $312 million.",
    "As per a report by Kaiko, long liquidations reached $312 million.",
    "Citing Glassnode, the newsletter put long losses at $312 million.",
    "Long liquidations reached $312 million, a figure attributed to Hyblock.",
    "Long liquidations reached $312 million in Kaiko's latest data.",
    "The total of $312 million is grounded in Hyblock's own statistics.",
    "The $312 million total comes from Santiment.",
    # labels
    "Source: Kaiko. Long liquidations reached $312 million.",
    "Long liquidations reached $312 million (Data: Santiment).",
]

UNATTRIBUTED = [
    # a capitalised asset or exchange as the subject of a market verb is not a source
    "Bitcoin posted a $312 million swing in open interest.",
    "Binance recorded $312 million in long liquidations.",
    # "came from" a group of traders, "indicates that" with nobody behind it
    "Most of the $312 million came from retail longs.",
    "Current data indicates that longs lost $312 million.",
    # an analytic sentence about the article's own numbers is not a source
    "These figures suggest that $312 million of longs were overextended.",
    # ordinary words that are caveats only in frame
    "Alts varied widely, and longs lost $312 million.",
    "Longs lost $312 million, far different from last week.",
    "Traders at risk of margin calls lost $312 million.",
    "A break lower could trigger more selling after longs lost $312 million.",
    # a label in a list item is a heading for the figure, not a source
    "- **Kraken:** $312 million in long liquidations.",
]

CAVEATED = [
    "CoinAnk and CoinGlass differ: long liquidations were $312 million or $330 million.",
    "Long liquidations of $312 million are an estimate from a heat map.",
    "Potential long liquidations of $312 million sit below $80,000.",
    "The $312 million loss is unverified and circulating on X.",
]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def _flags(checker: Checker, sentence: str) -> list[str]:
    return [f.figure for f in checker.check_text(sentence + "\n") if f.code == "F001"]


@pytest.mark.parametrize("sentence", ATTRIBUTED + CAVEATED)
def test_attribution_and_caveat_frames_pass(checker, sentence):
    assert _flags(checker, sentence) == []


@pytest.mark.parametrize("sentence", UNATTRIBUTED)
def test_words_out_of_frame_fail(checker, sentence):
    assert _flags(checker, sentence), f"no F001 on {sentence!r}"


def test_a_run_is_opened_only_by_a_sentence_about_figures_or_data(checker):
    text = "Regulators announced new rules on Monday. Longs lost $312 million.\n"
    assert _flags(checker, text) == ["$312 million"]
    text = "Kaiko data showed a heavy flush on Monday. Longs lost $312 million.\n"
    assert _flags(checker, text) == []


def test_headline_label_is_a_source_only_at_the_start_of_a_headline_or_paragraph(checker):
    assert _flags(checker, "# Kaiko: Longs Lose $312 Million") == []
    assert _flags(checker, "# Longs Lose $312 Million As Bitcoin Slides") == ["$312 Million"]
    assert _flags(checker, "- Kaiko: longs lost $312 million.") == ["$312 million"]


@pytest.mark.parametrize(("lemma", "forms"), [
    ("report", {"report", "reports", "reported", "reporting"}),
    ("flag", {"flag", "flags", "flagged", "flagging"}),
    ("tally", {"tally", "tallies", "tallied", "tallying"}),
    ("note", {"note", "notes", "noted", "noting"}),
    ("point out", {"point out", "points out", "pointed out", "pointing out"}),
    ("show", {"show", "shows", "showed", "shown", "showing"}),
])
def test_reporting_verbs_are_inflected(lemma, forms):
    assert set(verb_forms(lemma)) == forms


FIGURE_FORMS = [
    # (text, figure text, unit, low, high)
    ("Losses came to between roughly $210 million and $260 million.", "$210 million and $260 million", "USD", 210e6, 260e6),
    ("Estimates ranged from $610 million to $700 million.", "$610 million to $700 million", "USD", 610e6, 700e6),
    ("Somewhere from 90,000 to as many as 120,000 traders were hit.", "90,000 to as many as 120,000 traders", "count", 90e3, 120e3),
    ("Ether shed 5-6% overnight.", "5-6%", "percent", 5, 6),
    ("Shorts lost $62 mln.", "$62 mln", "USD", 62e6, 62e6),
    ("Longs lost $1.7 bln.", "$1.7 bln", "USD", 1.7e9, 1.7e9),
    ("Almost half a billion dollars of longs closed.", "half a billion dollars", "USD", 5e8, 5e8),
    ("Liquidations ran at a 12x multiple of the daily norm.", "12x", "ratio", 12, 12),
    ("Retail traders in Seoul lost 3.1 trillion won.", "3.1 trillion won", "KRW", 3.1e12, 3.1e12),
    ("The gauge closed at 211.75 on Friday.", "211.75", "index", 211.75, 211.75),
]


@pytest.mark.parametrize(("text", "figure", "unit", "lo", "hi"), FIGURE_FORMS)
def test_figure_forms(text, figure, unit, lo, hi):
    found = find_figures(text)
    assert len(found) == 1, [f.text for f in found]
    f = found[0]
    assert (f.text, f.unit) == (figure, unit)
    assert f.lo == pytest.approx(lo) and f.hi == pytest.approx(hi)


@pytest.mark.parametrize("text", [
    "Bitcoin climbed from $88,000 to $93,500 in a day.",  # a move: two points
    "Shorts lost $40 million and longs $75 million.",  # two figures joined by "and", no "between"
])
def test_two_points_stay_two(text):
    assert len(find_figures(text)) == 2


def test_leverage_is_not_a_figure():
    assert find_figures("He was long 25x and others used 50x leverage.") == []


def test_house_rule_a_figure_that_refers_back_is_covered_a_bare_repeat_is_not(checker):
    opening = "## Damage\n\nLongs lost $312 million over the day, Kaiko data showed.\n\n"
    assert _flags(checker, opening + "Most of this $312 million came from a single venue.\n") == []
    assert _flags(checker, opening + "Traders point to the $312 million total as a warning.\n") == []
    assert _flags(checker, opening + "Longs lost $312 million.\n") == ["$312 million"]
    # another section: the reader is no longer pointed at the attribution
    assert _flags(checker, opening + "## Outlook\n\nThis $312 million may not be the end.\n") == ["$312 million"]
    # the headline neither covers nor is covered
    assert _flags(checker, "# Longs lose $312 million\n\nThis $312 million came mostly from one venue.\n") == ["$312 million", "$312 million"]


def test_a_conditional_is_potential_not_a_source(checker):
    # "if ... would" frames a figure as what would happen (P004 accepts it as an estimate's wording),
    # but it names no one: without a source the figure is still unattributed.
    assert _flags(checker, "If bitcoin slips under $80,000, longs worth $312 million would be at stake.\n") == ["$80,000", "$312 million"]
    assert "conditional" in checker.phrases.classes_in("If ether tops $4,000, shorts would lose $90 million.")
    assert "conditional" not in checker.phrases.classes_in("Shorts lost $90 million as ether topped $4,000.")


def test_a_parenthesis_right_after_a_figure_does_not_reach_back_to_earlier_figures():
    from writer.check.analysis import analyse
    from writer.check.checker import Checker as _C
    from writer.check.document import read_article
    from writer.check.phrases import source_pattern

    c = _C()
    text = "Liquidations reached $150 million, about $120 million (in data from Kaiko) of it from longs, and shorts $30 million.\n"
    article = read_article(text)
    sentences, figures = c._segment([article])[0]
    rx, spelling = source_pattern({"kaiko": ["Kaiko"]})
    a = analyse(article, sentences, figures, c.phrases, rx, spelling)
    own = {fu.figure.text: a.own_attributed(fu) for fu in a.figures}
    assert own == {"$150 million": set(), "$120 million": {"kaiko"}, "$30 million": {"kaiko"}}
    trailing = "Bitcoin fell to $89,000 and rose above $95,000 overnight (according to a single source, Kaiko).\n"
    article = read_article(trailing)
    sentences, figures = c._segment([article])[0]
    a = analyse(article, sentences, figures, c.phrases, rx, spelling)
    assert [a.own_attributed(fu) for fu in a.figures] == [{"kaiko"}, {"kaiko"}]


DIFFER = [
    "CoinAnk and CoinGlass differ: long liquidations were $312 million or $330 million.",
    "Hyblock's and Kaiko's data diverge on the size of the flush.",
    "The counts of Glassnode, Santiment and Kaiko disagreed by $20 million.",
    "Kaiko and Hyblock figures that varied put the total near $300 million.",
    "Different sources differ.",  # a verb with no two names: no frame
    "Estimates varied between venues.",
    "CoinGlass and Binance both reported $312 million.",  # two names with no verb of difference
    "Kaiko differs.",
]


@pytest.mark.parametrize("sentence", DIFFER + ATTRIBUTED + UNATTRIBUTED + CAVEATED)
def test_differ_frame_with_its_verb_searched_first_is_the_plain_search(checker, sentence):
    phrases = checker.phrases
    assert phrases.differs(sentence) == bool(phrases.differ_frame.search(sentence))


def test_differ_frame_finds_named_sources_that_differ(checker):
    assert [checker.phrases.differs(s) for s in DIFFER[:4]] == [True] * 4
    assert not any(checker.phrases.differs(s) for s in DIFFER[4:])


def test_differ_frame_joins_names_only_by_a_comma_or_and(checker):
    """Two names side by side with a bare space are one run of capitalised words, not a list."""
    assert checker.phrases.differs("Kaiko, Hyblock & Glassnode diverge on the total.")
    assert not checker.phrases.differs("Kaiko Hyblock diverge on the total.")


def test_an_all_capitals_sentence_with_a_differ_verb_is_read_at_once(tmp_path):
    """A run of capitalised words used to be cut into names in exponentially many ways before the
    verb was found missing (about 3.5 times longer per two words: minutes at thirty words). The
    bound below is a hang guard, not a speed target: the sentence takes milliseconds."""
    import subprocess
    import sys

    words = " ".join(["KAIKO", "HYBLOCK", "GLASSNODE", "MARKETS", "TODAY"][i % 5] for i in range(40))
    article = tmp_path / "caps.md"
    article.write_text(f"# Note\n\n{words} , SAID TOTALS VARY BY $5 MILLION.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "writer.cli", "check", str(article)], capture_output=True, timeout=60)
    assert done.returncode in (0, 1), done.stderr  # findings or none; a hang raises TimeoutExpired
