"""Attribution frames: how news prose says where a figure comes from, as patterns, not phrases.

A source is whatever fills an attribution frame: a registered provider, a
capitalised name the registry has never heard of ("K33 Research", "Bybt"), a
person, or a generic source ("on-chain data", "analysts", "a report"). The
frames (DESIGN §2, issue 11 item 1):

- subject + reporting verb, any tense or voice: "X reported", "X data
  revealed that", "analysts have noted", "she pointed out";
- reporting verb + agent: "as reported by X", "tracked by X", "said X";
- prepositions: "according to X", "per X", "as per X", "citing X",
  "attributed to X", "courtesy of X", "data from X", "a report by X",
  "in X's data", "grounded in X's statistics";
- labels at the start of a headline or caption: "X: ...", "Source: X", "Data: X".

The vocabulary (verbs by lemma, data nouns, prepositions) lives in
``phrases.yaml`` under ``frames``; verbs are inflected here
(:func:`verb_forms`), so a list of lemmas covers every tense and voice. An
asset or an exchange that is only the subject of a market verb ("Bitcoin
posted a gain", "Binance recorded $X in liquidations") is not a source: weak
verbs (record, post, log...) count only with a data noun or a "that" clause.
Demonstratives ("these figures suggest") refer to the article's own
numbers, not to a source.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Irregular verb forms (lemma -> forms); regular verbs are inflected by rule.
_IRREGULAR = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "find": ("find", "finds", "found", "finding"),
    "show": ("show", "shows", "showed", "shown", "showing"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "put": ("put", "puts", "putting"),
    "see": ("see", "sees", "saw", "seen", "seeing"),
    "give": ("give", "gives", "gave", "given", "giving"),
}
_VOWELS = "aeiou"


def verb_forms(lemma: str) -> tuple[str, ...]:
    """Every inflected form of a verb (multi-word verbs inflect their first word): base, -s, past, -ing."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head in _IRREGULAR:
        forms = _IRREGULAR[head]
    elif head.endswith("e"):
        forms = (head, head + "s", head + "d", head[:-1] + "ing")
    elif head.endswith("y") and head[-2:-1] not in _VOWELS:
        forms = (head, head[:-1] + "ies", head[:-1] + "ied", head + "ing")
    elif head.endswith(("s", "sh", "ch", "x")):
        forms = (head, head + "es", head + "ed", head + "ing")
    elif len(head) <= 4 and head[-1] not in _VOWELS + "wxy" and head[-2] in _VOWELS and head[-3] not in _VOWELS:
        forms = (head, head + "s", head + head[-1] + "ed", head + head[-1] + "ing")  # flag, log, tag
    else:
        forms = (head, head + "s", head + "ed", head + "ing")
    return tuple(f + tail for f in forms)


def _alt(words) -> str:
    return "|".join(sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=lambda w: (-len(w), w)))


# A name the registry may not know: capitalised words (CoinGlass, K33 Research, The Block,
# QCP Capital), at most four, joined by "of", "&" or a hyphen. Case-sensitive on purpose.
_CAP = r"(?:[A-Z][\w.&’'-]*[\w]|[A-Z]|[a-z]+[A-Z][\w-]*)"
NAME = rf"(?-i:{_CAP}(?:\s+(?:of\s+|&\s+)?{_CAP}){{0,3}})"


# "These figures suggest", "the same data shows": the article's own numbers, not a source.
_DEMONSTRATIVE = r"(?:these|those|such|above|same|this|that|our)"
_NOT_AFTER_DEMONSTRATIVE = "".join(f"(?<!{w} )" for w in ("these", "those", "such", "above", "same", "this", "that", "our"))


def _verb_alt(lemmas) -> str:
    return _alt(f for lemma in lemmas for f in verb_forms(lemma))


def _participles(lemmas) -> str:
    """Past forms only ("reported", "shown"): for passives and "as ... by X"."""
    out = []
    for lemma in lemmas:
        forms = verb_forms(lemma)
        out += [f for f in forms if f.split(" ")[0].endswith(("ed", "wn", "ld", "id", "tten", "en", "ound")) or f.split(" ")[0] in ("put",)]
    return _alt(out)


@lru_cache(maxsize=8)
def compile_frames(vocab_key: tuple) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """One expression for every attribution frame, from the vocabulary (see :func:`frames_pattern`)."""
    vocab = dict(vocab_key)
    strong, weak = vocab["strong_verbs"], vocab["weak_verbs"]
    nouns = _alt(vocab["data_nouns"])
    sources = _alt(vocab["source_nouns"])
    not_names = _alt(vocab["not_names"])
    preps = _alt(vocab["prepositions"])
    labels = _alt(vocab["labels"])
    verbs_all = _verb_alt(strong + weak)
    verbs_strong = _verb_alt(strong)
    participles = _participles(strong + weak + vocab["agent_verbs"])
    # A named source that is not a word the genre capitalises for other reasons (assets, sides, months...).
    name = rf"(?!(?-i:(?:{not_names}))\b){NAME}"
    mods = r"(?:[\w-]+\s+){0,3}"  # "on-chain analytics", "crypto trading firm", "the current aggregated"
    modifiers = _alt(vocab["data_modifiers"])
    generic = (rf"(?<!\w){_NOT_AFTER_DEMONSTRATIVE}(?!{_DEMONSTRATIVE}\s)"
               rf"(?:{mods}(?:{sources})|(?:[\w-]+\s+)?(?:{modifiers})\s+(?:[\w-]+\s+)?(?:{nouns}))\b")
    possessive = r"(?:['’]s?)?"
    aux = r"(?:(?:has|have|had|was|were|is|are|will|would|also|first|later|recently|just|previously)\s+)*"
    adverb = r"(?:\w+ly\s+)?"
    data_subject = rf"(?:{name}{possessive}\s+(?:own\s+|internal\s+|latest\s+|live\s+)?(?:{nouns})|{generic})"
    frames = [
        # "CoinGlass data revealed that", "on-chain data shows", "analysts have noted", "X's figures put"
        rf"{data_subject}\s+{aux}{adverb}(?:{verbs_all})\b",
        # "CryptoPotato reported", "K33 Research estimates", "Zhou posits that"
        rf"{name}\s+{aux}{adverb}(?:{verbs_strong})\b",
        # a weak verb with a that-clause: "Binance recorded that", "X logged that"
        rf"{name}\s+{aux}{adverb}(?:{verbs_all})\s+that\b",
        # he said / she pointed out that / they told
        rf"\b(?:he|she|they)\s+{aux}{adverb}(?:{verbs_strong})\b",
        # "as reported by X", "tracked by on-chain analytics platforms", "data compiled by X"
        rf"\b(?:{participles})\s+by\s+(?:the\s+|a\s+|an\s+)?(?:{name}|{generic})",
        # "said Zhou", "wrote K33's Vetle Lunde"
        rf"\b(?:said|says|wrote|told|added|noted|explained|warned|argued)\s+(?:{name})",
        # "according to X", "per X", "citing X", "attributed to X", "data from X", "a report by X"
        rf"\b(?:{preps})\s+(?:the\s+|a\s+|an\s+)?(?:{name}|{generic})",
        rf"\b(?:{nouns})\s+(?:from|by|of|provided\s+by|compiled\s+by|published\s+by|released\s+by)\s+(?:the\s+|a\s+|an\s+)?(?:{name}|{generic})",
        rf"\b(?:in|on|from|into|through)\s+{name}['’]s?\s+(?:own\s+|internal\s+|latest\s+)?(?:{nouns})",
        rf"\b(?:comes?|came|derives?|derived|stems?|stemmed)\s+(?:\w+ly\s+)?from\s+{name}",
        # a label: "Source: X", "Data: X", "(Source: X)", and "X:" opening a headline or caption
        rf"(?:^|\()\s*(?:{labels})\s*:",
    ]
    # "CoinGlass: ..." opening a headline or a caption (not a list item: "Bitcoin: $X" is a label there).
    label = rf"^\s*{name}\s*:\s"
    # Named sources that differ: "because CoinGlass and CoinAnk differ", "the accounts of X and Y differ".
    differ = rf"{name}(?:[\s,]+(?:and\s+|&\s+)?{name})*[\s,]+(?:which\s+|that\s+)?(?:{_verb_alt(vocab['differ_verbs'])})\b"
    return (re.compile("|".join(f"(?:{f})" for f in frames), re.IGNORECASE | re.MULTILINE),
            re.compile(label, re.IGNORECASE), re.compile(differ, re.IGNORECASE))


@lru_cache(maxsize=8)
def _data_nouns(nouns: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"\b(?:{_alt(nouns)})\b", re.IGNORECASE)


def data_noun_pattern(vocab: dict) -> re.Pattern:
    """Any data noun ("data", "figures", "statistics"...): what a sentence that opens a run of figures talks about."""
    return _data_nouns(tuple(vocab["data_nouns"]))


def frames_pattern(vocab: dict) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(every attribution frame, the headline/caption "Name:" frame, named sources that differ) for the
    ``frames`` vocabulary of phrases.yaml."""
    return compile_frames(tuple((k, tuple(v)) for k, v in sorted(vocab.items())))


__all__ = ["NAME", "data_noun_pattern", "frames_pattern", "verb_forms"]
