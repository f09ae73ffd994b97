"""One length of time under two names ("24 hours" and "one day"): said once, where the second name is first printed.

A reader who meets "over the past day" and later "over the past 24 hours" takes them for two periods, or for one,
without being told. The sentence that tells them (style ``phrases.twin_windows``) goes at the end of the paragraph
that first prints the second name, beside the figures it qualifies, and only when both names are printed in the body
(a window said only inside a label, a past episode's "single-day", or only in the headline is not a window a reader
sets against the other)."""

from __future__ import annotations

from writer.draft.assemble import Section
from writer.draft.layer import TOKEN_RE, Piece, Render, window_words

# a paragraph that is not prose (a list, a quote block, a table, a heading) takes no sentence of ours at its end
_NOT_PROSE = ("-", "*", ">", "|", "#")


def tell_twin_windows(sections: list[Section], render: Render, twins: list) -> None:
    """For each pair of names of one length (view.twin_windows), add the sentence at the end of the paragraph where
    the later of the two names is first printed; nothing when either is never printed outside the headline."""
    for a, b in twins:
        names = (a._fact.window, b._fact.window)
        first = _first_prints(sections, render, names)
        if len(first) < 2:
            continue
        where = max(first.values())  # (section index, offset): the name printed second
        later = max(first, key=first.get)
        earlier = names[0] if later == names[1] else names[1]
        _append_to_paragraph(sections[where[0]], where[1], _sentence(render, earlier, later))


def _first_prints(sections: list[Section], render: Render, names: tuple[str, str]) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    for i, sec in enumerate(sections):
        if sec.name == "headline":
            continue
        for m in TOKEN_RE.finditer(sec.text):
            code = render.window_printed(m)
            if code in names and code not in found:
                found[code] = (i, m.end())
    return found


def _sentence(render: Render, earlier: str, later: str) -> str:
    said = {w: window_words(w, render.style) for w in (earlier, later)}
    text = render.style.phrases["twin_windows"][0].format(first="\0", second="\1")
    head, rest = text.split("\0", 1)
    middle, tail = rest.split("\1", 1)
    pieces = [Piece("lit", head), Piece("qual", said[earlier]), Piece("lit", middle), Piece("qual", said[later]), Piece("lit", tail)]
    return render.words_token(pieces)


def _append_to_paragraph(sec: Section, offset: int, sentence: str) -> None:
    """The sentence after the paragraph holding ``offset``; a paragraph that is not prose gets none."""
    start = sec.text.rfind("\n\n", 0, offset)
    start = 0 if start < 0 else start + 2
    if sec.text[start:].lstrip().startswith(_NOT_PROSE):
        return
    end = sec.text.find("\n\n", offset)
    end = len(sec.text.rstrip("\n")) if end < 0 else end
    while end > start and sec.text[end - 1] == "\n":
        end -= 1
    sec.text = sec.text[:end] + " " + sentence + sec.text[end:]
