"""Attributions of forms the check had not read, each with sentences where it must and must not credit a figure.

- a numbered reference ("... by the close [3].") cites a source listed elsewhere: an unnamed attribution of its own
  sentence only (Markdown's link brackets are still blanked: "[CoinGlass](url)" reads as its name);
- a source named by its role through what it publishes: "..., the exchange's data showed", "its figures show";
- a reporting verb before its source: "..., reported Decrypt";
- the event just told, credited in the next sentence by who found it: "The loss, flagged by Velo, ..." covers
  the earlier sentences of its paragraph (a note of the run before it, phrases.yaml ``note_run``);
- a percentage in words ("fell four percent", "down 4 pct") is a figure.

Every sentence is the project's own.
"""

from __future__ import annotations

import pytest

from check_support import f001_figures as flagged

from writer.check.document import mask_inline


@pytest.mark.parametrize("text, expected", [
    # a numbered reference credits its own sentence...
    ("Shorts on the venue lost $58 million by the close [3].", []),
    ("Shorts on the venue lost $58 million by the close [3][7].", []),
    ("Shorts on the venue lost $58 million by the close [12](https://example.org/refs).", []),
    # ...not the sentence before it, and not a bracketed word
    ("Shorts on the venue lost $58 million by the close. Funding turned negative soon after [3].", ["$58 million"]),
    ("Shorts on the venue lost $58 million by the close [sic].", ["$58 million"]),
    ("Shorts on the venue lost $58 million by the close [1000].", ["$58 million"]),
])
def test_a_numbered_reference_credits_its_own_sentence(checker, text, expected):
    assert flagged(checker, text) == expected


def test_link_brackets_are_still_blanked_but_a_reference_number_is_kept():
    link = "(https://example.org)"
    assert mask_inline(f"per [Velo]{link} [4].") == "per  Velo " + " " * len(link) + " [4]."
    assert mask_inline("see [the chart] above") == "see  the chart  above"


@pytest.mark.parametrize("text, expected", [
    ("Long positions worth $74 million were closed, the exchange's data showed.", []),
    ("Long positions worth $74 million were closed, its own figures show.", []),
    ("Long positions worth $74 million were closed, the venue's dashboard indicates.", []),
    ("Long positions worth $74 million were closed, reported Decrypt.", []),
    # no one named: still flagged
    ("Long positions worth $74 million were closed, the day's largest flush so far.", ["$74 million"]),
    ("Long positions worth $74 million were closed as the exchange's matching engine slowed.", ["$74 million"]),
    ("Long positions worth $74 million were closed, as reported earlier.", ["$74 million"]),
])
def test_a_source_named_by_role_or_after_its_verb(checker, text, expected):
    assert flagged(checker, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A wallet lost close to $3 million on a short in minutes. The loss, flagged by Velo, came as the token spiked.", []),
    ("A wallet lost close to $3 million on a short in minutes. The episode was first reported by Velo.", []),
    ("A wallet lost close to $3 million on a short in minutes. The trade, which was spotted by Velo, used two accounts.", []),
    # the next sentence tells more of the event but credits no one: the figure stays unattributed
    ("A wallet lost close to $3 million on a short in minutes. The loss came as the token spiked.", ["$3 million"]),
    # a credit of something else is not a credit of the event
    ("A wallet lost close to $3 million on a short in minutes. The token, listed by Velo last year, spiked.", ["$3 million"]),
])
def test_the_event_credited_in_the_next_sentence(checker, text, expected):
    assert flagged(checker, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Solana slid four percent before the open.", ["four percent"]),
    ("Ether gave up twenty-two per cent on the week.", ["twenty-two per cent"]),
    ("The index fell 3 pct in the session.", ["3 pct"]),
    ("Solana slid four percent before the open, CoinGlass data show.", []),
    # not a percentage
    ("Four people at the desk watched the percent column.", []),
])
def test_a_percentage_in_words_is_a_figure(checker, text, expected):
    assert flagged(checker, text) == expected


@pytest.mark.parametrize("text, expected", [
    # what a speaker's colon introduces: a block quote (every paragraph of it), a quoted paragraph, the one
    # paragraph right after
    ('A Velo analyst told clients on Friday:\n\n"Shorts gave back $41 million in two sessions, and nobody was hedged."\n', []),
    ("Jane Roe of Velo wrote on Friday:\n\n> Shorts gave back $41 million in two sessions.\n>\n> The longs held $9 million.\n", []),
    ("In her note to clients, Jane Roe of Velo wrote:\n\nShorts gave back $41 million in two sessions.\n", []),
    # ...not a colon with no one behind it, nor a second paragraph after it
    ("The week in one line:\n\nShorts gave back $41 million in two sessions.\n", ["$41 million"]),
    ("The desk's view of the week:\n\n> Shorts gave back $41 million in two sessions.\n", ["$41 million"]),
    ("In her note to clients, Jane Roe of Velo wrote:\n\nShorts gave back $41 million in two sessions.\n\n"
     "Longs held $9 million.\n", ["$9 million"]),
])
def test_a_speakers_colon_credits_what_it_introduces(checker, text, expected):
    assert flagged(checker, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name with what it publishes, as a label opening a news flash
    ("Velo data: shorts gave back $41 million in two sessions.", []),
    ("CoinGlass's tally: shorts gave back $41 million in two sessions.", []),
    # a summary marker or a generic noun before the colon credits no one
    ("Market data: shorts gave back $41 million in two sessions.", ["$41 million"]),
    ("Key figures: shorts gave back $41 million in two sessions.", ["$41 million"]),
    ("The numbers: shorts gave back $41 million in two sessions.", ["$41 million"]),
])
def test_a_name_and_its_data_as_a_label(checker, text, expected):
    assert flagged(checker, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an attributed sentence that points at the list or table after it credits it, with or without a colon
    ("Velo's figures for the session are below.\n\n- Binance: $61 million\n- OKX: $17 million\n", []),
    ("Here is the split by venue, according to Velo.\n\n- Binance: $61 million\n- OKX: $17 million\n", []),
    ("The table below holds CoinGlass data for the session.\n\n| Venue | Longs |\n|---|---|\n| Binance | $61 million |\n", []),
    # not when it credits no one, or does not point at what follows
    ("The split by venue is below.\n\n- Binance: $61 million\n- OKX: $17 million\n", ["$61 million", "$17 million"]),
    ("Velo counted the whole market, not venues.\n\n- Binance: $61 million\n- OKX: $17 million\n",
     ["$61 million", "$17 million"]),
])
def test_an_attributed_introduction_credits_the_list_after_it(checker, text, expected):
    assert flagged(checker, text) == expected
