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

from writer.check import described_speakers
from writer.check.casefold import lower_pattern, lowered
from writer.check.lazyre import Deferred, LazyPatterns

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
    """A regular expression matching any of ``words``, as a trie: Python's engine tries a flat
    alternation word by word at every position (a list of 200 verb forms cost 0.6 ms a
    sentence); a trie shares prefixes, so most positions fail on their first character."""
    trie: dict = {}
    for w in {w.lower() if w.islower() else w for w in words}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return f"(?:{body})?" if len(branches) == 1 and len(body) > 1 else f"{body}?" if len(body) == 1 else f"(?:{body})?"
    return body


# A name the registry may not know: capitalised words (CoinGlass, K33 Research, The Block,
# QCP Capital), at most four, joined by "of", "&" or a hyphen. Case-sensitive on purpose.
_CAP = r"(?:[A-Z][\w.&’'-]*[\w]|[A-Z]|[a-z]+[A-Z][\w-]*|(?<![\w@])@\w{2,15})"  # (and an X handle: "@lookonchain")
NAME = rf"(?-i:{_CAP}(?:\s+(?:of\s+|&\s+)?{_CAP}){{0,3}})"
# A description or an aside between a source and its verb: "Santiment, an on-chain analytics provider, noted", "the
# exchange, in a statement, put", "the tracker, which monitors 30 venues, logged" (a count of what it covers, no amount).
# (A role may stand bare, as a newsroom writes it: "Lena Ortiz, co-founder of Halvard, cautioned", "Dana Lee, CEO at Kaiko,
# said": a phrase opening on a word in lower case, or a title's capitals before "of" or "at", as analysis._APPOSITION.)
_APPOSITIVE = r"\s*,\s*(?:an?|the|in|via|through|which|who|whose|(?-i:[a-z])[\w-]*|(?-i:[A-Z]{2,5})\s+(?:of|at))\s+[^,;.()$%]{1,60}?,"
# ...when the data noun after a possessive is no verb with its object after it ("OKX's chief strategist estimates losses
# ran higher": a speaker).
_NOUN_NOT_VERB = r"(?!\s+(?:that|the|a|an|it|its|this|these|those|his|her|their|some|about|around|over|\$|\d))"
# Where a source spoke, set off by commas or closing a role: "the exchange, in a statement on X, said", "Dana Reyes, head
# of research at Kaiko in a note argued that" (the role's firm is its affiliation, not a second source:
# writer/check/rules/p008_wrong_source.py ``_affiliations``); the media are phrases.yaml ``frames: speech_media``.
_CHANNEL = (r"(?:(?:\s*,\s*(?-i:[A-Z][\w-]*|[a-z][\w-]*)(?:\s+[\w&.’'-]+){{0,5}}?)?\s*,?\s+in\s+(?:a|an|his|her|its|their|the)\s+"
            r"(?:recent\s+|new\s+|latest\s+|separate\s+|later\s+)?(?:{media})(?:\s+on\s+(?:X|Twitter|Telegram|LinkedIn|[A-Z][\w.]{{1,20}}))?\s*,?)?")
# Who a generic source works for, between it and its verb: "analysts at the bank forecast", "researchers from Kaiko
# said", "strategists with Bernstein expect" (a preposition and at most three words, no figure, no clause).
_POST_MODIFIER = r"\s+(?:at|from|with)\s+(?:the\s+|a\s+|an\s+)?(?:[\w&.’'-]+\s+){0,2}?[\w&.’'-]+"
# When the data is from, between a source's data and its verb: "CoinGlass data on April 19 reveals", "Velo's figures
# for Friday show", "Kaiko data as of 3 March indicate".
_WHEN = (r"(?:\s+(?:on|for|from|as\s+of)\s+(?:(?-i:[A-Z][a-z]{2,8})\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+"
         r"(?-i:[A-Z][a-z]{2,8})|(?-i:[A-Z][a-z]{2,5}day)|today|yesterday))?")
# When, between a passive's participle and its agent: "announced yesterday by X", "reported late on Monday by X".
# (Word lists only, no case-sensitive part: "_agent" is one of the keywords scanned case-folded.)
_AGENT_WHEN = r"(?:(?:late\s+|early\s+)?(?:today|yesterday|tonight|earlier|later|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+)?"
# What kind of data, between a source's possessive and its data noun: "in X's own figures", "in X's market capitalisation
# ranking" (at most two words in lower case: a name's data, not a new name's).
_NOUN_MODS = r"(?:(?-i:[a-z][\w-]*)\s+){0,2}"
# Between two names of a list: a comma (with or without "and"), or "and" / "&".
_NAME_JOIN = r"(?:\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+)"


# "These figures suggest", "the same data shows": the article's own numbers, not a source.
_DEMONSTRATIVE = r"(?:these|those|such|above|same|this|that|our)"
_NOT_AFTER_DEMONSTRATIVE = "".join(f"(?<!{w} )" for w in ("these", "those", "such", "above", "same", "this", "that", "our"))
# Not after a form of "be" or a word of its hedge ("is expected to", "are widely believed", "is also forecast",
# "it's thought that"): a view verb then is a passive with no one named (``Frames``: view verbs).
_ACTIVE = "".join(f"(?<!\\b{w} )" for w in ("is", "are", "was", "were", "be", "been", "being", "not", "also", "now", "still")) + r"(?<!ly )(?<!['’]s )"


def _verb_alt(lemmas) -> str:
    return _alt(f for lemma in lemmas for f in verb_forms(lemma))


# Not right after a form of "be" (or "widely"): a reporting verb's participle then is a passive whose subject is what
# is told about, not who tells ("Binance is said to have lost", "the fund was estimated to hold", "is widely reported
# to"); the agent, when one is named, is its own frame ("estimated by X": ``_agent``).
_NOT_PASSIVE = "".join(f"(?<!\\b{w} )" for w in ("is", "are", "was", "were", "be", "been", "being", "widely"))


def _voiced_alt(lemmas) -> str:
    """``_verb_alt`` with every form but the -ing one in the active only (``_NOT_PASSIVE``): "X is reporting" is X's
    report, "X is reported to" is hearsay about X."""
    forms = [f for lemma in lemmas for f in verb_forms(lemma)]
    ing = [f for f in forms if f.split(" ")[0].endswith("ing")]
    return rf"(?:{_alt(ing)}|{_NOT_PASSIVE}(?:{_alt(f for f in forms if f not in ing)}))"


def _inverted_forms(lemmas) -> list[str]:
    """The forms a reporting verb takes before its speaker: "says Zhou", "said Zhou" (not "saying Zhou")."""
    return [form for lemma in lemmas for form in verb_forms(lemma)[1:3]]


def _participles(lemmas) -> str:
    """Past forms only ("reported", "shown"): for passives and "as ... by X"."""
    out = []
    for lemma in lemmas:
        forms = verb_forms(lemma)
        out += [f for f in forms if f.split(" ")[0].endswith(("ed", "wn", "ld", "id", "tten", "en", "ound")) or f.split(" ")[0] in ("put",)]
    return _alt(out)


class Frames(LazyPatterns):
    """Every attribution frame, found from its keyword outwards.

    One expression with every frame would try each frame at every word start
    (about 0.7 ms a sentence); instead each frame's keyword (a reporting verb,
    a preposition, "by", a data noun) is found with a plain word alternation,
    and only there is the source checked, on its left or its right.
    """

    WINDOW = 100  # characters left of a verb in which its subject is looked for
    # The patterns made of word lists only (no name: names are case-sensitive), scanned case-folded.
    KEYWORDS = ("_verb", "_agent", "_speech", "_prep", "_noun", "_comes", "_label", "_differ_verb", "_strong_after", "_compound",
                "_comparison")

    def __init__(self, vocab: dict):
        strong, weak = list(vocab["strong_verbs"]), list(vocab["weak_verbs"])
        # A source's view of what will be ("the analyst expects", "Lee predicts"): a reporting verb in the active only
        # (``_ACTIVE``: the passive "is expected to" is the agentless hedge, no one named).
        view = rf"{_ACTIVE}(?:{_verb_alt(vocab['view_verbs'])})"
        nouns = _alt(vocab["data_nouns"])
        sources = _alt(vocab["source_nouns"])
        not_names = _alt(vocab["not_names"])
        modifiers = _alt(vocab["data_modifiers"])
        # A named source that is not a word the genre capitalises for other reasons (assets, sides, months...).
        name = rf"(?!(?-i:(?:{not_names}))\b){NAME}"
        # The same test as a set lookup: the not-a-name words of one word, and an expression for the others.
        self._not_name_words = frozenset(w for w in vocab["not_names"] if _WORD.fullmatch(w))
        others = [w for w in vocab["not_names"] if not _WORD.fullmatch(w)]
        self._not_name_others = re.compile(rf"(?:{_alt(others)})\b") if others else None
        mods = r"(?:[\w-]+\s+){0,3}"  # "on-chain analytics", "crypto trading firm", "the current aggregated"
        generic = (rf"(?<!\w){_NOT_AFTER_DEMONSTRATIVE}(?!{_DEMONSTRATIVE}\s)"
                   rf"(?:{mods}(?:{sources})|(?:[\w-]+\s+)?(?:{modifiers})\s+(?:[\w-]+\s+)?(?:{nouns}))\b")
        # Who speaks, unnamed, without data nouns: what may take its employer after it ("analysts at the bank", ``_POST_MODIFIER``)
        speaker = rf"(?<!\w){_NOT_AFTER_DEMONSTRATIVE}(?!{_DEMONSTRATIVE}\s)(?:{mods}(?:{sources}))\b{_POST_MODIFIER}"
        # A weak verb's generic subject is no venue ("the platform saw $45 million" is where it happened, as "OKX saw" is):
        # the source nouns less ``venue_nouns``.
        venues = {v.lower() for v in vocab.get("venue_nouns", ())}
        weak_sources = _alt([n for n in vocab["source_nouns"] if n.lower() not in venues])
        generic_weak = (rf"(?<!\w){_NOT_AFTER_DEMONSTRATIVE}(?!{_DEMONSTRATIVE}\s)"
                        rf"(?:{mods}(?:{weak_sources})|(?:[\w-]+\s+)?(?:{modifiers})\s+(?:[\w-]+\s+)?(?:{nouns}))\b")
        # where it spoke, between a source and its verb with no commas: "Lee in a post noted", "the fund in its letter said"
        medium = rf"(?:in|on|via|through)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+)?(?:{_alt(vocab['speech_media'])})"
        aux = (r"(?:(?:has|have|had|was|were|is|are|will|would|also|first|later|recently|just|previously|now|likewise|further|again|similarly"
               # a sentence adverb: "the data indeed shows", "the firm in fact said"
               r"|indeed|in\s+fact|actually|already"
               # when it spoke, between a source and its verb: "Bybit today announced", "the firm on Tuesday said"
               rf"|today|yesterday|tonight|earlier|on\s+(?-i:[A-Z][a-z]{{2,5}}day)|{medium})\s+)*")
        adverb = r"(?:\w+ly\s+)?"
        # an aside between a source and its verb: "Velo's data, meanwhile, shows", "CoinGlass, for its part, counted"
        aside = rf"(?:\s*,\s*(?:{_alt(vocab['asides'])})\s*,)?"
        channel = _CHANNEL.format(media=_alt(vocab["speech_media"]))
        gap = rf"{aside}{channel}\s+{aux}{adverb}"
        publishers = _alt(vocab["publisher_nouns"])
        after_nouns = _alt(vocab["after_name_nouns"])
        data_subject = rf"(?:{name}(?:['’]s?)?\s+(?:own\s+|internal\s+|latest\s+|live\s+)?(?:{nouns}){_WHEN}|{generic}|\b(?:{publishers})\s+{name})"
        source = rf"(?:the\s+|a\s+|an\s+)?(?:{name}|{generic})"
        flags = re.IGNORECASE
        self.memo()
        self.strong = {f.lower() for lemma in strong + list(vocab["view_verbs"]) for f in verb_forms(lemma)}
        self.views = {f.lower() for lemma in vocab["view_verbs"] for f in verb_forms(lemma)}
        # A counting verb's past makes any name right before it a source ("CoinDesk tallied $1.2 billion", "Velo
        # counted 6,300 wallets"): a market does not count (``_by_verb``).
        self.tallied = {verb_forms(lemma)[2] for lemma in vocab["tallying_verbs"]}
        # keyword -> check; each check answers where the frame starts, or None. Each expression is
        # compiled on first use (writer/check/lazyre.py): a text without a reporting verb never needs
        # the long ones that look for its subject.
        lazy = self._lazy
        lazy("_verb", rf"\b(?:{_voiced_alt(strong + weak)}|{view})\b", flags)
        # The frames that hold a name, without the not-a-name list (``guarded``): compiled into ten
        # expressions, the list was about a quarter of the compile time of the check a cold draft runs;
        # where a name starts, the word there is looked up instead (``_not_name_at``). Each of these holds
        # one name, at a place its match's start fixes, so a start the list rejects is retried one on.
        tail = rf"{gap}$"
        lazy("_left_data_any", rf"{NAME}(?:['’]s?)?\s+(?:own\s+|internal\s+|latest\s+|live\s+)?(?:{nouns}){_WHEN}{tail}", flags)
        lazy("_left_name_any", rf"{NAME}{tail}", flags)
        lazy("_left_appos_any", rf"{NAME}{_APPOSITIVE}{tail}", flags)
        lazy("_left_generic", rf"(?:{generic}|{speaker})(?:{_APPOSITIVE})?{tail}", flags)  # "the exchange, in a statement, put"
        lazy("_left_generic_weak", rf"{generic_weak}(?:{_APPOSITIVE})?{tail}", flags)
        lazy("_left_described_any", rf"\b(?:{publishers})\s+({NAME}){tail}", flags)  # "tracker CoinGlass logged"
        lazy("_left_pronoun", rf"\b(?:he|she|they){tail}", flags)
        # "it" speaks only with a verb of speech ("It noted that ...", "..., it added"): "it showed" is a chart or a market
        self.it_verbs = {f.lower() for lemma in vocab.get("it_verbs", ()) for f in verb_forms(lemma)}
        # A verb that reports only with the value after it ("CoinGlass put longs at $300 million"; "he placed a $1.25 billion
        # long" is a trade, "put $5 million into ETH" a purchase): phrases.yaml ``frames: valuing_verbs``.
        self.valuing = {f.lower() for lemma in vocab.get("valuing_verbs", ()) for f in verb_forms(lemma)}
        self.of_verbs = {f.lower() for lemma in vocab.get("of_verbs", ()) for f in verb_forms(lemma)}
        lazy("_left_it", rf"\bit{tail}", flags)
        lazy("_noun_left_any", rf"\b(?:in|on|by|from|into|through)\s+({NAME})(?:['’]s?)?\s+{_NOUN_MODS}$", flags)
        lazy("_noun_right_kw", r"\s+(?:from|by|of|provided\s+by|compiled\s+by|published\s+by|released\s+by)\s+", flags)
        lazy("_article", r"(?:the|a|an)\s+", flags)
        lazy("_generic", generic, flags)
        lazy("_name_any", NAME, flags)
        # "CoinGlass: ...", and a name with what it publishes: "CoinGlass data: ...", "Velo's tally: ..."
        label_data = rf"(?:['’]s?)?(?:\s+(?:own\s+)?(?:{_alt(vocab['after_name_nouns'])}))?"
        lazy("_label_any", rf"^\s*({NAME}){label_data}\s*:\s", flags)
        self.guarded = True  # False: the frames' own expressions, not-a-name list inside (the plain version, for tests)
        lazy("_left_strong", rf"(?:{data_subject}|{speaker}(?:{_APPOSITIVE})?|{generic}{_APPOSITIVE}|{name}|{name}{_APPOSITIVE}|\b(?:he|she|they)){gap}$", flags)
        data_subject_weak = data_subject.replace(f"|{generic}|", f"|{generic_weak}|")
        lazy("_left_weak", rf"(?:{data_subject_weak}|{generic_weak}{_APPOSITIVE}){gap}$", flags)
        lazy("_left_name", rf"{name}{gap}$", flags)
        lazy("_that", r"\s+that\b", flags)
        # a name followed by its reporting verb: "Zhou posits", "mainstream sources have asserted"
        lazy("_strong_after", rf"(?:['’]s)?{gap}(?:{_voiced_alt(strong)}|{view})\b", flags)
        # "as reported by X", "tracked by on-chain analytics platforms", "data compiled by X"
        # (and when, between the participle and its agent: "announced yesterday by X", "reported on Monday by X")
        lazy("_agent", rf"\b(?:{_participles(strong + weak + list(vocab['agent_verbs']))})\s+{_AGENT_WHEN}by\s+", flags)
        # "said Zhou", "wrote K33's Vetle Lunde"
        lazy("_speech", rf"\b(?:{_alt(_inverted_forms(vocab['inverted_verbs']))})\s+", flags)
        # "according to X", "per X", "citing X", "attributed to X", "a report by X"
        lazy("_prep", rf"\b(?:{_alt(vocab['prepositions'])})\s+", flags)
        # "via" before a venue's role noun: the place a trade ran, not a source ("a 40x long open via the decentralised platform Hyperliquid")
        lazy("_via_venue", rf"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_alt(vocab.get('venue_nouns', ()))}|dex)(?:e?s)?\b(?!['’])", flags)
        # "in line with X data", "in keeping with reporter Colin Wu": a comparison a spinner or a translator writes for
        # "according to", a credit only before a source's data or a titled person ("in line with expectations", "in
        # line with the Nasdaq" compare, credit no one)
        lazy("_comparison", rf"\b(?:{_alt(vocab['comparison_prepositions'])})\s+", flags)
        lazy("_credited_source", rf"(?:the\s+|a\s+|an\s+)?(?:{name}(?:['’]s?)?\s+(?:own\s+|latest\s+)?(?:{after_nouns})\b"
                                 rf"|(?:[\w-]+\s+){{0,3}}(?:{sources})\s+{name})", flags)
        # "... over the day (CoinGlass).", "(Coinalyze data)", "(CoinGlass, March 3)": a source named alone in
        # parentheses closing a clause, perhaps with what it publishes ("data", "figures") and the date it did
        self._lazy("_paren_name", rf"\(\s*({NAME})(?:['’]s?\s+(?:own\s+)?(?:{after_nouns})|\s+(?:{after_nouns}))?{_CITED_DATE}\s*\)"
                                  r"(?=\s*(?:[.,;:!?]|$))")
        # "data from X", "figures compiled by X"; "in X's data", "grounded in X's statistics"
        lazy("_noun", rf"\b(?:{nouns})\b", flags)
        lazy("_noun_right", rf"\s+(?:from|by|of|provided\s+by|compiled\s+by|published\s+by|released\s+by)\s+{source}", flags)
        lazy("_noun_left", rf"\b(?:in|on|by|from|into|through)\s+{name}(?:['’]s?)?\s+{_NOUN_MODS}$", flags)
        # "the figure comes from X"
        lazy("_comes", r"\b(?:comes?|came|derives?|derived|stems?|stemmed)\s+(?:\w+ly\s+)?from\s+", flags)
        lazy("_source", source, flags)
        lazy("_name", name, flags)
        # a label: "Source: X", "Data: X", "(Source: X)"
        lazy("_label", rf"(?:^|\()\s*(?:{_alt(vocab['labels'])})\s*:", flags | re.MULTILINE)
        # "CoinGlass: ..." opening a headline or a caption (not a list item: "Bitcoin: $X" is a label there).
        lazy("label", rf"^\s*{name}{label_data}\s*:\s", flags)
        # Named sources that differ: "because CoinGlass and CoinAnk differ", "the accounts of X and Y differ"
        # (two names at least: "Alts varied" is a market, not a disagreement).
        # ("CoinGlass and CoinAnk figures differ", "CoinGlass's and CoinAnk's data diverge": their data.)
        # Names are joined by a comma or "and"/"&", never by a bare space: a run of capitalised words
        # could otherwise be cut into names in exponentially many ways (an all-capitals sentence with a
        # "differ" verb took seconds per sentence).
        lazy("differ", rf"{name}(?:['’]s)?(?:{_NAME_JOIN}{name}(?:['’]s)?)+[\s,]+(?:(?:{nouns})\s+)?"
                       rf"(?:which\s+|that\s+)?(?:{_verb_alt(vocab['differ_verbs'])})\b", flags)
        # What after a registered source's name makes it a source (besides a reporting verb: ``reports_after``):
        # its data ("CoinGlass's own figures"), a tally ("CoinGlass counted") or a disagreement ("CoinGlass differs").
        differ_present = [f for lemma in vocab["differ_verbs"] for f in verb_forms(lemma)[:2]]
        tallied = [verb_forms(lemma)[2] for lemma in vocab["tallying_verbs"]]
        lazy("_after_name", rf"(?:['’]s\s+{_NOUN_MODS}(?=(?:own\s+)?(?:{after_nouns})\b{_NOUN_NOT_VERB}))?\s*(?:own\s+)?(?:{after_nouns}|{_alt(tallied)}|(?:which\s+)?(?:{_alt(differ_present)}))\b", flags)
        # A name and its data, no verb: what a list's or table's introduction credits ("CoinGlass data for the day:").
        lazy("_name_data_any", rf"({NAME})['’]?s?\s+(?:own\s+|latest\s+)?(?:{after_nouns})\b", flags)
        # A source as a compound modifier: "Velo-tracked", "a CoinGlass-compiled tally", "exchange-reported figures"
        # (the hyphen and participle found first; the word before it must be a name or a generic source: ``_compound_at``)
        lazy("_compound", rf"-(?<=[\w.]-)(?:{_alt(vocab['compound_participles'])})\b", flags)  # (the hyphen first: scanned in C)
        lazy("_compound_word", r"[\w.&@’'-]*\w$", flags)
        # What every "differ" match holds (its verb, after a space or comma): searched first, since
        # trying the names' alternation at every position of every sentence was a tenth of the check.
        lazy("_differ_verb", rf"\b(?:{_verb_alt(vocab['differ_verbs'])})\b", flags)
        # The keywords (word lists, no name) are scanned on the lowered text when that gives the same
        # matches: 2-3x faster (writer/check/casefold.py). Their sources are kept for those twins.
        self._keyword_sources = {name: self._pending[name] for name in self.KEYWORDS}
        self._twins: dict[str, re.Pattern | None] = {}
        # The letters a reporting verb starts with, in front of its twin (``_keyword``): the verbs' alternatives open
        # with the passive's and the hedge's lookbehinds, which the engine tried at every word start of every sentence
        # (a third of the frames' time); behind one class it tries them only where a verb can start.
        self._first_letters = {"_verb": "".join(sorted({f[0].lower() for lemma in strong + weak + list(vocab["view_verbs"])
                                                        for f in verb_forms(lemma)}))}
        # What every match of a keyword holds, as written in its expression above (the label's colon, the hyphen of a
        # compound, "by" after an agent's participle, "from" after "comes"): a text without it is not scanned for it.
        # Most sentences hold none of these, and each scan tried its keyword at every word start.
        self._needs = {"_label": ":", "_compound": "-", "_agent": "by", "_comes": "from"}
        self.folding = True  # False: scan with the IGNORECASE patterns themselves (the plain version, for tests)

    def differs(self, text: str) -> bool:
        """Do named sources differ in ``text`` (the ``differ`` frame), its verb searched first?
        Memoised per text with ``framed`` (a sentence is asked up to three times)."""
        return self._differs_cached(text)

    def _differs(self, text: str) -> bool:
        rx, scanned = self._keyword("_differ_verb", text, lowered(text))
        return bool(rx.search(scanned)) and bool(self.differ.search(text))

    def keyword_ends(self, text: str) -> list[int]:
        """Where the keywords of frames that put the source after them end ("per ", "tracked by ",
        "said "): the names that follow are named as sources."""
        low = lowered(text)
        return [m.end() for name in ("_prep", "_agent", "_speech", "_comes")
                for rx, scanned in (self._keyword(name, text, low),) for m in rx.finditer(scanned)
                if not (name == "_prep" and self._via_venue_at(scanned, text, m))]

    def _via_venue_at(self, scanned: str, text: str, m: re.Match) -> bool:
        """Is the preposition matched at ``m`` "via" before a venue's role noun ("via the trading platform X": where a trade
        ran, no source)?"""
        return scanned[m.start():m.start() + 3].lower() == "via" and self._via_venue.match(text, m.end()) is not None

    def reports_after(self, text: str, at: int) -> bool:
        """Does a reporting verb follow position ``at`` (the end of a name), making the name its subject?"""
        rx, scanned = self._keyword("_strong_after", text, lowered(text))
        return bool(rx.match(scanned, at))

    def source_before(self, text: str, at: int) -> bool:
        """Do the words after position ``at`` (the end of a registered name) make the name a source: its
        data, a tally, a disagreement (``_after_name``, within ``AFTER_NAME_REACH`` characters), or a
        reporting verb (``reports_after``)?"""
        return self._after_name.match(text, at, at + self.AFTER_NAME_REACH) is not None or self.reports_after(text, at)

    AFTER_NAME_REACH = 40  # characters after a name in which its data noun or verb is looked for

    def mentions_data(self, text: str) -> bool:
        """Does ``text`` hold a data noun ("data", "figures", "statistics"...)? The same answer as
        ``data_noun_pattern(vocab).search``, from the frames' own (case-folded) noun scan."""
        rx, scanned = self._keyword("_noun", text, lowered(text))
        return bool(rx.search(scanned))

    def names_data(self, text: str) -> bool:
        """Does ``text`` name a source's data without a verb ("CoinGlass data for the past day:", "Coinalyze's
        figures by venue:")? Read only in a list's or table's introduction (writer/check/analysis.py)."""
        return self._leftmost(self._name_data_any, text, 0, len(text), group=1) is not None

    def labelled(self, text: str) -> bool:
        """Does ``text`` carry a "Source:" / "Data:" label?"""
        rx, scanned = self._keyword("_label", text, lowered(text))
        return bool(rx.search(scanned))

    def _keyword(self, name: str, text: str, low: str | None) -> tuple[re.Pattern, str]:
        """The keyword pattern ``name`` and the text to scan with it: its case-sensitive twin and ``low``
        (``text`` lowered, or None) when both can be used, else the pattern itself and ``text``.
        Offsets are the same either way; a match's text may be lower-cased."""
        if low is not None and self.folding:
            twin = self._twins.get(name, False)
            if twin is False:
                pattern, flags = self._keyword_sources[name]
                folded = lower_pattern(pattern)
                letters = self._first_letters.get(name)
                if folded is not None and letters and letters.isascii() and letters.isalpha() and folded.startswith("\\b"):
                    folded = rf"\b(?=[{letters}]){folded[2:]}"  # (the same matches: every one opens with such a letter)
                twin = self._twins[name] = None if folded is None else re.compile(folded, flags & ~re.IGNORECASE)
            if twin is not None:
                need = self._needs.get(name)
                return (_NEVER if need is not None and need not in low else twin), low
        return getattr(self, name), text

    def first(self, text: str) -> int | None:
        """Where the first attribution frame of ``text`` starts, or None: every frame tried (``framed``,
        what the check asks, stops at the first found). Not memoised: only tests and tools ask where."""
        return self._first(text)

    FIRST_KEPT = 4096  # sentences remembered by ``framed`` and ``differs``: more than one long article holds, little memory

    def memo(self, on: bool = True) -> None:
        """Empty the memo of ``framed`` and ``differs`` (benchmarks: no round reads an earlier round's work);
        off: compute afresh every time."""
        self._differs_cached = lru_cache(maxsize=self.FIRST_KEPT)(self._differs) if on else self._differs
        self._framed_cached = lru_cache(maxsize=self.FIRST_KEPT)(self._framed) if on else self._framed

    def framed(self, text: str) -> bool:
        """Is there any attribution frame in ``text`` (``first(text) is not None``)? What the check asks:
        the frames are tried one by one, cheapest first, and the first found answers. Memoised per text
        (``FIRST_KEPT`` texts): the check asks this of a sentence up to three times."""
        return self._framed_cached(text)

    def _framed(self, text: str) -> bool:
        low = lowered(text)
        rx, scanned = self._keyword("_label", text, low)
        if rx.search(scanned):
            return True
        # (one after the other, the first found answering: as ``_first`` tries them, without building nine closures a text)
        return (self._after("_prep", text, low) is not None or self._after("_speech", text, low, source=False) is not None
                or self._after("_comes", text, low, source=False) is not None or self._after("_agent", text, low) is not None
                or self._by_noun(text, low) is not None or self._by_verb(text, low) is not None or self._in_parens(text) is not None
                or self._compound_at(text, low) is not None or self._comparison_at(text, low) is not None
                or described_speakers.speaker_at(text) is not None)

    def _first(self, text: str) -> int | None:
        """``first``: where the earliest of every frame starts."""
        low = lowered(text)
        found = [at for at in (self._by_verb(text, low), self._after("_agent", text, low), self._after("_speech", text, low, source=False),
                               self._after("_prep", text, low), self._by_noun(text, low), self._after("_comes", text, low, source=False),
                               self._in_parens(text), self._compound_at(text, low), self._comparison_at(text, low),
                               described_speakers.speaker_at(text))
                 if at is not None]
        rx, scanned = self._keyword("_label", text, low)
        m = rx.search(scanned)
        if m:
            found.append(m.start())
        return min(found) if found else None

    def _comparison_at(self, text: str, low: str | None) -> int | None:
        """Where a comparison that credits starts: "in line with X data", "in keeping with reporter Colin Wu"
        (``_comparison`` followed by ``_credited_source``)."""
        rx, scanned = self._keyword("_comparison", text, low)
        for m in rx.finditer(scanned):
            if self._credited_source.match(text, m.end()) is not None:
                return m.start()
        return None

    def _compound_at(self, text: str, low: str | None) -> int | None:
        """Where a source named as a compound modifier starts ("Velo-tracked", "a CoinGlass-compiled tally",
        "exchange-reported figures"): the word before the hyphen is a name that is no not-a-name word (an asset, a
        side: "Bitcoin-reported"?) or a generic source ("exchange", "analyst"), not an adverb ("widely-reported")."""
        rx, scanned = self._keyword("_compound", text, low)
        for m in rx.finditer(scanned):
            word = self._compound_word.search(text, max(0, m.start() - self.COMPOUND_REACH), m.start())
            if word is None or word.group(0).lower().endswith("ly"):
                continue
            at = word.start()
            if self._named_at(text, at) or self._generic.fullmatch(text, at, m.start()) is not None:
                return at
        return None

    COMPOUND_REACH = 40  # characters before the hyphen in which the modifier's word is read

    def _in_parens(self, text: str) -> int | None:
        """Where a source named alone in parentheses closing a clause starts: "... over the day (CoinGlass).",
        "(Coinalyze data)", not a ticker after its name ("Hyperliquid (HYPE)", "bitcoin (BTC)") nor an aside
        ("(Binance included)"). A name with the date it published ("on Deribit (Kaiko, 2026)") is a citation
        wherever it stands, even after a capitalised word."""
        if "(" not in text:
            return None
        for m in self._paren_name.finditer(text):
            name = m.group(1)
            dated = "," in text[m.end(1):m.end()]  # (``_CITED_DATE``: the only comma the expression takes)
            if _TICKER.fullmatch(name) or (not dated and _NAME_BEFORE.search(text, 0, m.start())) or not self._source_at(text, m.start(1)):
                continue
            return m.start()
        return None

    def _by_verb(self, text: str, low: str | None) -> int | None:
        rx, scanned = self._keyword("_verb", text, low)
        for m in rx.finditer(scanned):
            if (_POSSESSIVE_BEFORE.search(text, 0, m.start()) or _PARTICIPLE_TO.match(text, m.end())
                    or (m.group(0).lower() in self.valuing and not self._valued(text, m.end()))
                    or (_OF_AFTER.match(text, m.end()) and m.group(0).lower() not in self.of_verbs)):
                continue  # a noun after a possessive ("BTC's share rose"), a participle ("losses linked to"), a trade
                # ("he placed a long"), a noun before "of" ("a rising share of longs", "Rising share of accounts")
            lo = max(0, m.start() - self.WINDOW)
            strong = m.group(0).lower() in self.strong
            left = self._subject(text, lo, m.start(), strong)
            if left is None and m.group(0).lower() in self.it_verbs:
                left = _start(self._left_it.search(text, lo, m.start()))
            if left is None and not strong and (self._that.match(text, m.end()) or m.group(0).lower() in self.tallied):
                left = self._leftmost(self._left_name_any, text, lo, m.start()) if self.guarded else _start(self._left_name.search(text, lo, m.start()))
            if left is not None:
                return left
        return None

    def _valued(self, text: str, at: int) -> bool:
        """Does a valuing verb ending at ``at`` put its object at a value ("put the total at $300 million", "pegs losses
        near $80 million"): "at" (or "near", "around", "between", "close to") in its clause (before a clause mark), within ``VALUE_REACH`` characters, after an object that is no trade's size ("placed a $40 million short at $3,100")?"""
        return _TRADE_OBJECT.match(text, at) is None and _VALUE_AT.match(text, at, min(len(text), at + self.VALUE_REACH)) is not None

    VALUE_REACH = 80  # characters from a valuing verb to its "at": an object of a few words ("the day's long liquidations")

    def holds_view(self, text: str, at: int, end: int) -> bool:
        """Is ``text[at:end]`` a view verb in the active after its holder ("Lee forecasts $150,000", "analysts predicted
        a drop"): the view told as a source's (``_by_verb``), no claim the desk makes? Not a noun ("the forecast of"),
        a possessive's ("Lee's forecast") nor the passive ("was predicted"), which name no one holding it."""
        m = self._verb.match(text, at)
        if m is None or m.end() != end or m.group(0).lower() not in self.views:
            return False
        return self._subject(text, max(0, at - self.WINDOW), at, True) is not None

    def _subject(self, text: str, lo: int, end: int, strong: bool) -> int | None:
        """Where the subject of a reporting verb at ``end`` starts (``_left_strong`` or ``_left_weak``).

        Guarded: those expressions are alternations, so the leftmost start of the whole is the
        leftmost of its parts' (a data subject with a name or a generic one; for a strong verb also
        a bare name or a pronoun), each part searched on its own."""
        if not self.guarded:
            return _start((self._left_strong if strong else self._left_weak).search(text, lo, end))
        starts = [self._leftmost(self._left_data_any, text, lo, end),
                  _start((self._left_generic if strong else self._left_generic_weak).search(text, lo, end))]
        if not strong:  # (a strong verb's bare name is its subject anyway: "tracker CoinGlass said" needs no title)
            starts.append(self._leftmost(self._left_described_any, text, lo, end, group=1))
        if strong:
            starts += [self._leftmost(self._left_name_any, text, lo, end), _start(self._left_pronoun.search(text, lo, end)),
                       self._leftmost(self._left_appos_any, text, lo, end)]
        found = [at for at in starts if at is not None]
        return min(found) if found else None

    def _leftmost(self, rx: re.Pattern, text: str, lo: int, end: int, group: int = 0) -> int | None:
        """Where the leftmost match of ``rx`` in ``text[lo:end]`` starts whose name (``group``) does not start
        with a not-a-name word: the match of the same expression with the name guarded, since the name's
        place is fixed by where the match starts (a rejected start is rejected whatever path is tried)."""
        m = rx.search(text, lo, end)
        while m is not None and self._not_name_at(text, m.start(group), end):
            m = rx.search(text, m.start() + 1, end)
        return None if m is None else m.start()

    def _not_name_at(self, text: str, at: int, end: int | None = None) -> bool:
        """Does a not-a-name word start at ``at`` (reading ``text[:end]``)? What the guard
        ``(?!(?-i:not-names)\\b)`` in front of a name rejects: a whole word of the list, where a word
        (``\\w+``) of the list ends at a word boundary."""
        end = len(text) if end is None else end
        word = _WORD.match(text, at, end)
        if word is not None and word.group(0) in self._not_name_words:
            return True
        return self._not_name_others is not None and self._not_name_others.match(text, at, end) is not None

    def _named_at(self, text: str, at: int) -> bool:
        """Does a name that is not a not-a-name word start at ``at`` (``_name.match``)?"""
        if not self.guarded:
            return self._name.match(text, at) is not None
        return self._name_any.match(text, at) is not None and not self._not_name_at(text, at)

    def _source_at(self, text: str, at: int) -> bool:
        """Does a source (a name or a generic source, perhaps after an article) start at ``at`` (``_source.match``)?"""
        if not self.guarded:
            return self._source.match(text, at) is not None
        article = self._article.match(text, at)
        return any(self._named_at(text, x) or self._generic.match(text, x) is not None
                   for x in ((article.end(), at) if article is not None else (at,)))

    def label_at(self, text: str) -> int | None:
        """Where a "Name:" label opening ``text`` starts (``label.match``), or None. Both expressions need a colon:
        most texts asked (every sentence opening a block, every caption) hold none, and are not scanned."""
        if ":" not in text:
            return None
        if not self.guarded:
            return _start(self.label.match(text))
        m = self._label_any.match(text)
        return None if m is None or self._not_name_at(text, m.start(1)) else m.start()

    def label_name(self, text: str) -> str | None:
        """The name of a "Name:" label opening ``text`` ("CoinGlass" in "CoinGlass: ..."), or None (``label_at``)."""
        if self.label_at(text) is None:
            return None
        return self._label_any.match(text).group(1)

    def _after(self, keyword: str, text: str, low: str | None, source: bool = True) -> int | None:
        """Where the keyword pattern named ``keyword`` starts when a source (else a name) follows it."""
        rx, scanned = self._keyword(keyword, text, low)
        for m in rx.finditer(scanned):
            if keyword == "_prep" and self._via_venue_at(scanned, text, m):
                continue  # where the trade ran: "a 40x long via the trading platform X" (not "via the exchange's data")
            if self._source_at(text, m.end()) if source else self._named_at(text, m.end()):
                return m.start()
        return None

    def _by_noun(self, text: str, low: str | None) -> int | None:
        rx, scanned = self._keyword("_noun", text, low)
        for m in rx.finditer(scanned):
            if self._source_after_noun(text, m.end()):
                return m.start()
            lo = max(0, m.start() - self.WINDOW)
            left = (self._leftmost(self._noun_left_any, text, lo, m.start(), group=1) if self.guarded
                    else _start(self._noun_left.search(text, lo, m.start())))
            if left is not None:
                return left
        return None

    def _source_after_noun(self, text: str, at: int) -> bool:
        """"data from X", "figures compiled by X" (``_noun_right.match``): the words between fix where the source starts."""
        if not self.guarded:
            return self._noun_right.match(text, at) is not None
        words = self._noun_right_kw.match(text, at)
        return words is not None and self._source_at(text, words.end())


_WORD = re.compile(r"\w+")
# A possessive right before a verb's form makes it a noun: "BTC's share rose", "the fund's report" (phrases.yaml verbs).
_POSSESSIVE_BEFORE = Deferred(globals(), r"\w['’]s\s+$")
# "to" right after a verb's form: a participle ("losses linked to the exploit", "a drop attributed to tariffs"), whose
# active use puts its object first ("Arkham linked the wallets to Jump").
_PARTICIPLE_TO = Deferred(globals(), r"\s+to\s", re.IGNORECASE)
# "of" right after a verb's form: its noun ("a share of", "the estimate of", "reports of"), but for the few reporting
# verbs that take "of" (``frames: of_verbs``: "warned of a deeper drop")
_OF_AFTER = Deferred(globals(), r"\s+of\b", re.IGNORECASE)
# A valuing verb's "at", in its clause: "put longs at", "placed the day's total at" (``Frames._valued``)...
_VALUE_AT = Deferred(globals(), r"[^.;:!?()]*?\b(?:at|near|around|between|close\s+to)\b", re.IGNORECASE)
# ...unless its object is one amount with an indefinite article, a trade's size: "placed a $40 million short at $3,100",
# "put a hefty $5 million bet near the lows" (the "at" is the trade's price); "places roughly $610 million of longs
# between $88,000 and $90,000" and "put the total at $300 million" value.
_TRADE_OBJECT = Deferred(globals(), r"\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?[$€£]?\d", re.IGNORECASE)
_NEVER = re.compile(r"(?!)")  # the scan of a text that lacks what every match of a keyword holds (``Frames._needs``)
# A name alone in parentheses that ends its clause ("(CoinGlass).", ``Frames._paren_name``): what may not stand before it
# (a capitalised word: the name of what the parenthesis is the ticker of), and a ticker's shape.
# ...with the date of what it published after a comma, as aggregated and machine-written news cites: "(CoinMarketCap,
# 2025)", "(CoinGlass, March 3)", "(CoinGlass, 3 March 2026)".
_CITED_DATE = r"(?:\s*,\s*(?:\d{4}|[A-Z][a-z]{2,8}\.?\s+(?:\d{4}|\d{1,2}(?:,?\s+\d{4})?)|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))?"
_NAME_BEFORE = Deferred(globals(), r"(?<![\w.$€£])(?-i:[A-Z][\w.&’'-]*)\s*$")  # (not a figure's suffix: "$4.1B (X)")
_TICKER = Deferred(globals(), r"[A-Z0-9]{2,6}")


def _start(m: re.Match | None) -> int | None:
    return None if m is None else m.start()


@lru_cache(maxsize=8)
def compile_frames(vocab_key: tuple) -> Frames:
    return Frames(dict(vocab_key))


@lru_cache(maxsize=8)
def _data_nouns(nouns: tuple[str, ...]) -> re.Pattern:
    return Deferred({}, rf"\b(?:{_alt(nouns)})\b", re.IGNORECASE)  # compiled on first use: the frames' own scan answers first


def data_noun_pattern(vocab: dict) -> re.Pattern:
    """Any data noun ("data", "figures", "statistics"...): what a sentence that opens a run of figures talks about."""
    return _data_nouns(tuple(vocab["data_nouns"]))


def frames_pattern(vocab: dict) -> Frames:
    """The frames of the ``frames`` vocabulary of phrases.yaml (built once per vocabulary)."""
    return compile_frames(tuple((k, tuple(v)) for k, v in sorted(vocab.items())))


__all__ = ["NAME", "Frames", "data_noun_pattern", "frames_pattern", "verb_forms"]
