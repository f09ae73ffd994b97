"""Fact-file text in Markdown: one escaping rule, shared by drafting and the check.

Drafting escapes every piece of fact-file text (a source name, a subject, a
quote) so it can never become a link, an emphasis, a tag or a heading; the
check reads drafts back and must still recognise a source called
``@whale_alert`` or ``*Star* Data`` in the escaped form. Both sides use
:func:`md_escape`, so the two cannot drift apart.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Markdown's inline specials. An underscore between two word characters is left alone:
# CommonMark never reads an intraword "_" as emphasis, and "@whale_alert" stays readable.
_MD_SPECIAL = re.compile(r"[\\`*\[\]<>]|(?<!\w)_|_(?!\w)")


_LIST_NUMBER = re.compile(r"^(\d+)([.)])")  # "2024. " would open an ordered list
_ENTITY = re.compile(r"&\w+;|&#")


@lru_cache(maxsize=8192)
def md_escape(text: str) -> str:
    """Escape fact-file text so it can never become a link, an emphasis, a tag or a heading in Markdown.

    Kept per text: a draft escapes the same source names, assets and notes many times over (about 2% of a
    warm draft, bench/results/draft_facts.md)."""
    text = " ".join(text.split())
    text = _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), text)
    text = _LIST_NUMBER.sub(r"\1\\\2", text)
    return text.replace("&", "&amp;") if _ENTITY.search(text) else text


def names_within(name: str, text: str, *, fold: bool = True) -> bool:
    """Whether ``text`` holds ``name`` as whole words ("X" is not inside "Xavier"); with ``fold``,
    whatever the case. One rule for drafting (who relayed a quote) and the check (who a sentence names)."""
    if fold:
        name, text = name.casefold(), text.casefold()
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


__all__ = ["md_escape", "names_within"]
