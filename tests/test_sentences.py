"""The one sentence splitter that the check and drafting share (writer/check/sentences.py)."""

from __future__ import annotations

from writer.check.sentences import sentence_bounds, split_sentences
from writer.draft.layer import TOKEN_OPEN


def _pieces(text: str, **kw) -> list[str]:
    return [text[a:b] for a, b in sentence_bounds(text, **kw)]


def test_ends_before_a_capital_a_digit_or_a_dollar_sign():
    assert _pieces("Longs lost most. Shorts lost less. $5 million went in an hour. 12 venues reported.") == [
        "Longs lost most.", "Shorts lost less.", "$5 million went in an hour.", "12 venues reported."]


def test_abbreviations_and_decimals_do_not_end_a_sentence():
    assert _pieces("The U.S. desk saw approx. 3.5% moves. Then it calmed.") == [
        "The U.S. desk saw approx. 3.5% moves.", "Then it calmed."]


def test_a_blank_line_ends_a_sentence():
    assert split_sentences("First block without a stop\n\nSecond block.") == ["First block without a stop", "Second block."]


def test_drafting_may_open_a_sentence_with_a_placeholder():
    token = f"{TOKEN_OPEN}\ue100\ue001"
    text = f"Longs paid most. {token} went from shorts."
    assert _pieces(text) == [text]  # the check's own text never holds placeholders
    assert _pieces(text, starts=TOKEN_OPEN) == ["Longs paid most.", f"{token} went from shorts."]


def test_a_ticker_that_opens_in_lower_case_opens_a_sentence():
    """"stETH", "vBNB", "cbBTC": a sentence may open on one (the draft's "vBNB positions worth ..." after a sentence of
    another window was read as that sentence's, and its window as this figure's: P012)."""
    assert _pieces("Longs lost $5 million over 9 hours. vBNB positions lost less over the past hour. cbBTC held.") == [
        "Longs lost $5 million over 9 hours.", "vBNB positions lost less over the past hour.", "cbBTC held."]
    assert _pieces("The desk saw approx. wBTC flows and more. then it calmed.") == [
        "The desk saw approx. wBTC flows and more. then it calmed."]  # an abbreviation, or a word all in small letters
