"""F001 no-attribution: a figure with no attribution or caveat at all (no fact file needed)."""

import re
from functools import lru_cache

from writer.check import anaphora, rumour_causes
from writer.check.casefold import lowered
from writer.check.phrasefile import phrase_section
from writer.check.phrases import headed_search
from writer.check.analysis import CAVEAT_CLASSES, credited_outside
from writer.check.rules.base import Hit, Rule, RuleContext

# A quotation of several sentences is credited once, after it closes ("“... $88 million in an hour. That is a lot,”
# Reyes added."): at most this many sentences after the figure's are read for the close.
QUOTE_REACH = 4
_OPENING, _CLOSING = "“", "”"
# Every mark that opens or closes a quotation: curly double quotes, and the guillemets of a translated or European
# desk's copy ("«Longs lost $300 million,» said Ortiz.", read as “...” is). A straight '"' is counted in pairs apart.
_OPENERS, _CLOSERS = "“«", "”»"


def check(ctx: RuleContext):
    a = ctx.analysis
    basis = _story_basis(a)
    for fu in a.figures:
        if basis is not None and (fu.block_index, fu.sentence.start) > basis:
            continue  # "we base this story on the analysis of X": every figure after it
        if _worked_example(fu):  # a worked example about a made-up trader states no figure of the event
            continue
        if _record_span(fu):  # "a 14-month high": the span of a comparison, a time window, no figure to attribute
            continue
        if _context_after_credit(a, fu):
            yield Hit(fu, f"{fu.figure.text!r} is market context told after the sentence's credit of liquidation data, "
                          "which does not cover it; attribute the price too")
            continue
        if _quote_only_credit(a, fu):
            yield Hit(fu, f"{fu.figure.text!r} is told before a speaker's quotation, whose credit covers the quotation only: "
                          "say where the figure comes from")
            continue
        if _relative_only_credit(a, fu):
            yield Hit(fu, f"{fu.figure.text!r} is outside the clause a credit names ('what X described as ...' credits "
                          "what follows it only): say where the figure comes from")
            continue
        if rumour_causes.moved_by_rumour(a, fu):
            yield Hit(fu, f"{fu.figure.text!r} is a move told as set off by a rumour, which hedges the rumour, not the move: "
                          "say where the figure comes from")
            continue
        if a.caveat_in_scope(fu, carry=True):
            continue
        if a.scope_sources(fu, carry=True):
            continue
        if a.repeats_attributed(fu):
            continue
        if _quote_credited(a, fu):
            continue
        if _dash_credited(a, fu):  # "“... $8 billion.” - Ben Zhou, CEO of Bybit"
            continue
        if a.hearsay_credited(fu):  # "reportedly", "is said to", "allegedly": an unnamed source (ANNOTATION.md point 7)
            continue
        if _credit_after(a, fu):  # "Longs lost $300 million. That is according to CoinGlass."
            continue
        if _report_findings(a, fu):  # "X released its weekly report ..." then "## Key findings"
            continue
        if _points_back(a, fu):  # "According to Glassnode, ..." then, a paragraph on, "The same data shows ..."
            continue
        yield Hit(fu, f"{fu.figure.text!r} has no attribution or caveat in its sentence, its paragraph's opening run or a note covering it")


# What may stand before a credit sentence's first word: space, quotes, brackets, emphasis.
_CREDIT_OPENING = r"[\s\"'“‘(\[*_]*"


@lru_cache(maxsize=None)
def _phrase_rx(section: str, *, key: str | None = None, opening: bool = False, closed: bool | None = None) -> re.Pattern:
    """The phrases of one phrases.yaml ``section`` (or of its list ``key``) as one expression: found as whole words
    anywhere in a text, or with ``opening`` only at a sentence's opening (after ``_CREDIT_OPENING``). ``closed``: the
    phrase must end at a word's end (by default anywhere, not at an opening); ``closed=False`` lets it end inside a word."""
    phrases = phrase_section(section) if key is None else phrase_section(section)[key]
    alternatives = "|".join(phrases)
    end = r"(?![\w-])" if (not opening if closed is None else closed) else ""
    if opening:
        return re.compile(rf"{_CREDIT_OPENING}(?:{alternatives}){end}", re.IGNORECASE)
    return re.compile(rf"(?<![\w-])(?:{alternatives}){end}", re.IGNORECASE)


@lru_cache(maxsize=1)
def _example_rx() -> tuple[re.Pattern, re.Pattern]:
    """A worked example's opening (phrases.yaml ``example``, the marker class) and what ties one to the event
    (``example_anchors``)."""
    return _phrase_rx("example"), _phrase_rx("example_anchors")


# What a record's span is the span of ("a 14-month high", "a three-week low"): figures.py ``_extremes`` reads the span
# (fact mode links it), but the span is a time window, which the seeds' annotation guide counts as no figure, and no
# annotator of the held-out sets records: F001 asks no source for it (the level beside it, "a low of $58,100", it does).
_RECORD_AFTER = re.compile(r"\s+(?:high|low|peak|record|bottom|top)s?\b", re.IGNORECASE)


def _record_span(fu) -> bool:
    """Is the figure the span of a high or low ("a 14-month high": ``_extremes``'s figure, in days)?"""
    if fu.figure.unit != "days":
        return False
    s = fu.sentence
    return _RECORD_AFTER.match(s.text, fu.figure.end - s.start) is not None


# Where an example's set-up ends ("if you open a 10x long with $1,000, ..."): the first comma after its opening.
_SETUP_END = re.compile(r",\s")


def _worked_example(fu) -> bool:
    """Is the figure in a worked example ("For example, if a trader buys $50,000 of ETH at 20x, a 5% drop wipes out the
    margin")? The example's opening stands in the figure's clause (up to a semicolon or a dash: "...; shorts on Binance
    lost $60 million" is a claim of its own), its set-up (from the opening's end to the next comma) holds a figure
    ("If you're wondering why, longs lost $300 million" sets up nothing: a claim), and nothing in the clause ties it
    to the event (``example_anchors``: "on Monday", "yesterday", "in 2022")."""
    s = fu.sentence
    if not s.has("example"):  # (the marker class alone: ``classes`` would also read the sentence's frames)
        return False
    text, at = s.text, fu.figure.start - s.start
    lo = max((m.end() for m in _CLAUSE_CUT.finditer(text) if m.end() <= at), default=0)
    cut = _CLAUSE_CUT.search(text, at)
    hi = cut.start() if cut else len(text)
    opening, anchors = _example_rx()
    m = opening.search(text, lo, hi)
    if m is None or anchors.search(text, lo, hi) is not None:
        return False
    end = _SETUP_END.search(text, m.end(), hi)
    setup = (m.end(), end.start() if end else hi)
    return any(setup[0] <= other.figure.start - s.start < setup[1] for other in s.figures)


# The fact-mode rules that ask a figure for its source or its fact (P001, P002, P011) read worked examples as this rule
# does: one reading, here.
worked_example = _worked_example


# A clause of market context hung on a sentence after its credit: "..., according to CoinGlass, as bitcoin trades
# below $36,000", "..., per CoinGlass, while ether slid to $2,900".
_CONTEXT_CLAUSE = re.compile(r",\s+(?:as|while|even\s+as|just\s+as|amid|with)\s+", re.IGNORECASE)
# ...or with no comma, when an asset's price moves right after the conjunction ("Per CoinGlass, liquidations hit $310
# million as bitcoin fell to $78,400"): the conjunction, then an optional article (``carry: price_move`` must open
# the clause there; "as much as $310 million" opens no clause).
_BARE_CONTEXT_CLAUSE = re.compile(r"\s+(?:as|while|amid)\s+(?:the\s+)?", re.IGNORECASE)


@lru_cache(maxsize=1)
def _carry_words() -> dict[str, re.Pattern]:
    """phrases.yaml ``carry``: the words of liquidation data and of market context."""
    return {k: _phrase_rx("carry", key=k) for k in ("liquidations", "context", "price_move")}


def _context_after_credit(a, fu) -> bool:
    """Is the figure in a clause of market context ("..., as bitcoin trades below $36,000"; with no comma when the
    clause opens on an asset's price moving: "... $310 million as bitcoin fell to $78,400") that follows its sentence's
    credit of liquidation data ("$1 billion was liquidated, according to CoinGlass")? The desk that counted the
    liquidations did not price the market (as ``carry`` in phrases.yaml says across sentences); a clause with a
    credit of its own, a credit after the clause, or a note covering the sentence still covers it."""
    s = fu.sentence
    at = fu.figure.start - s.start
    cut = None
    for m in _CONTEXT_CLAUSE.finditer(s.text, 0, at):
        cut = m
    words = _carry_words()
    for m in _BARE_CONTEXT_CLAUSE.finditer(s.text, 0, at):
        if (cut is None or m.start() > cut.start()) and words["price_move"].match(s.text, m.end()):
            cut = m
    if cut is None or a.covering_notes(fu):
        return False
    before, after = s.text[:cut.start()], s.text[cut.start():]
    context = words["context"].search(after) or words["price_move"].search(after)
    if not (context and not words["liquidations"].search(after) and words["liquidations"].search(before)):
        return False
    phrases = a.phrases
    return bool(phrases.classes_in(before) & CAVEAT_CLASSES) and not (phrases.classes_in(after) & CAVEAT_CLASSES)


# What sets a clause apart for a worked example's reach: a semicolon or a dash ("...; shorts on Binance lost ...").
_CLAUSE_CUT = re.compile(r"\s*(?:;|\s[—–-]\s|—|–)\s*")


@lru_cache(maxsize=1)
def _free_relative_rx() -> re.Pattern:
    """A credit told as a free relative clause: "what", its subject in a few words, a verb of naming or valuing and
    "as"/"at" (phrases.yaml ``free_relative_verbs``): "what Kaiko described as", "what the desk put at"."""
    verbs = "|".join(phrase_section("free_relative_verbs"))
    return re.compile(rf"(?<![\w-])what\s+(?:[\w.&'’-]+\s+){{1,5}}?(?:{verbs})(?:\s+(?:as|at|to\s+be))?\s", re.IGNORECASE)


# "in" before a free relative: it names the event of its own clause ("Open interest fell 20% in what Kaiko called the
# sharpest flush of the year"), and credits that clause; after "after", "amid", "following" it names another event.
_SAME_EVENT = re.compile(r"(?<![\w-])in\s+$", re.IGNORECASE)
# What ends the noun phrase a free relative credits: a comma, a semicolon, a dash set apart, the sentence's end.
_RELATIVE_END = re.compile(r"[,;]|\s[—–-]\s|—")


def _relative_only_credit(a, fu) -> bool:
    """Is the sentence's only credit a free relative ("The rebound came after what Kaiko described as a $9,000 drop"),
    the figure outside what it names, which is another event than its clause's (not after "in": ``_SAME_EVENT``)? The
    clause credits its own noun phrase (up to a comma, a semicolon or a dash),
    not the sentence around it: blanked, the sentence holds no attribution or caveat, no earlier sentence of its
    paragraph opens a credited run, and no note, list credit or caption covers it."""
    s = fu.sentence
    if not s.has_caveat() or "what" not in s.text.lower():
        return False
    spans = []
    for m in _free_relative_rx().finditer(s.text):
        if _SAME_EVENT.search(s.text, 0, m.start()):
            continue  # "..., in what Kaiko called its sharpest flush": the clause's own event, named; a credit of it
        end = _RELATIVE_END.search(s.text, m.end())
        spans.append((m.start(), end.start() if end else len(s.text)))
    at = fu.figure.start - s.start
    if not spans or any(lo <= at < hi for lo, hi in spans):
        return False
    if credited_outside(a.phrases, s.text, spans):
        return False
    if any(o.has_caveat() and a._may_open(o) for o in a.carried(fu)):
        return False
    return not a.covered_from_outside(fu)


@lru_cache(maxsize=1)
def _quote_only_rx() -> tuple[re.Pattern, re.Pattern]:
    """A fronted clause of time (phrases.yaml ``quote_only: openings``) and a verb of speech right before a quotation
    (``quote_only: verbs``, then an optional colon or comma and the opening mark)."""
    opening = _phrase_rx("quote_only", key="openings", opening=True, closed=True)
    verbs = re.compile(rf"(?<![\w-])(?:{'|'.join(phrase_section('quote_only')['verbs'])})\s*[:,]?\s*[“\"]", re.IGNORECASE)
    return opening, verbs


def _quote_only_credit(a, fu) -> bool:
    """Is the figure's sentence's only credit a speaker's verb that introduces a quotation, the figure told before it in
    a fronted clause of time ("When the fund closed its $2bn purchase of the exchange, its founder posted “...”")? The speaker is
    credited with the quotation, not with the figure of the clause that sets the scene. Its sentence, the verb and its
    quotation blanked, holds no attribution or caveat, no earlier sentence of its paragraph opens a credited run, and no
    note, list credit or caption covers it."""
    s = fu.sentence
    if not s.has_caveat() or (_OPENING not in s.text and '"' not in s.text):
        return False
    opening, verbs = _quote_only_rx()
    if opening.match(s.text) is None:
        return False
    at = fu.figure.start - s.start
    said = next((m for m in verbs.finditer(s.text) if m.start() > at), None)
    if said is None or _open_after(s.text[:at], False):
        return False
    close = s.text.find(_CLOSING if s.text[said.end() - 1] == _OPENING else '"', said.end())
    end = len(s.text) if close < 0 else close + 1
    if credited_outside(a.phrases, s.text, [(said.start(), end)]):
        return False
    if any(o.has_caveat() and a._may_open(o) for o in a.carried(fu)):
        return False
    return not a.covered_from_outside(fu)


@lru_cache(maxsize=1)
def _credit_after_rx() -> re.Pattern:
    """A sentence that only credits the one before it (phrases.yaml ``credit_after``), matched at its opening."""
    return _phrase_rx("credit_after", opening=True)


def _credit_after(a, fu) -> bool:
    """Is the sentence right after the figure's (same paragraph) a credit of it and nothing else ("Longs lost $300
    million. That is according to CoinGlass.", "So says CoinGlass.", "CoinGlass compiled the figures.")? It holds no
    figure, an attribution or a registered source's name, and opens with a ``credit_after`` phrase. One sentence back only, not the paragraph's run."""
    after = a.next_in_block(fu.sentence)
    if after is None or after.figures or not (after.has_caveat() or after.sources):
        return False  # (a registered name will do: "The tally is CoinGlass's.")
    return _credit_after_rx().match(after.text) is not None


def _points_back(a, fu) -> bool:
    """Does the figure's sentence credit it to the data of an earlier credit of its section ("The same data shows",
    "This data also shows"), whoever that credit names (writer/check/anaphora.py ``points_back``: a source no registry
    holds, or an unnamed one, which ``scope_sources`` has no id for)? Or does an earlier sentence of its paragraph, which
    then opens a run as any credit does (bench/ANNOTATION.md, point 1), unless the figure is of another kind
    (``Analysis._foreign``)? Not a hearsay clause."""
    if a.hearsay(fu):
        return False
    if anaphora.points_back(a, fu.sentence):
        return True
    return any(anaphora.points_back(a, o) and not a._foreign(fu.sentence, o) for o in a.carried(fu))


@lru_cache(maxsize=1)
def _findings_rx() -> tuple[re.Pattern, re.Pattern]:
    """A heading over a report's findings (phrases.yaml ``report_findings: headings``, the whole heading) and a named
    publisher releasing a report (``report_findings: releases``)."""
    heading = re.compile(rf"[\s#*_]*(?:{'|'.join(phrase_section('report_findings')['headings'])})[\s:.*_]*$", re.IGNORECASE)
    releases = _phrase_rx("report_findings", key="releases")
    return heading, releases


# A publisher's name opening the sentence that releases a report: a capitalised word ("Bybit, the exchange, released").
_NAMED_OPENING = re.compile(r"[\s\"“*_]*(?-i:[A-Z][\w.&-]*)")


def _report_findings(a, fu) -> bool:
    """Is the figure under a heading of a report's findings ("## Key findings", "## Highlights") in an article that, before
    that heading, says a named publisher released the report ("Bybit released its weekly derivatives report ...")? The
    section is the report's own summary, as a list under a crediting lead-in is its source's."""
    section = a.article.blocks[fu.block_index].section
    key = ("report findings", section)  # (once per section: time linear in the article's size)
    if key not in a._prefixes:
        a._prefixes[key] = _findings_section(a, section)
    return a._prefixes[key]


def _findings_section(a, section: int) -> bool:
    """Is ``section`` headed as a report's findings, under a sentence before its heading that says a named publisher
    released the report (``_report_findings``)?"""
    blocks = a.article.blocks
    head = next((i for i, b in enumerate(blocks) if b.kind == "heading" and b.section == section), None)
    heading, releases = _findings_rx()
    if head is None or heading.match(blocks[head].text) is None:
        return False
    for s in a.sentences:
        if s.block >= head:
            return False
        m = releases.search(s.text)
        before = s.text[:m.start()].split() if m is not None else []
        if before and _NAMED_OPENING.match(s.text) and before[0].strip("*_\"“,") not in _not_names():
            return True  # (no word before the verb: "Released its report on Monday, the desk ..." names no publisher first)
    return False


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(phrase_section("frames")["not_names"])


@lru_cache(maxsize=1)
def _story_basis_rx() -> re.Pattern:
    return _phrase_rx("story_basis", closed=False)


@lru_cache(maxsize=1)
def _story_basis_headed() -> re.Pattern | None:
    """``_story_basis_rx`` asked of lowered text, written headed (writer/check/phrases.py ``headed_search``): every
    sentence of every article is asked, and the plain expression tries its lookbehind at every character."""
    source = headed_search(phrase_section("story_basis"))
    return None if source is None else re.compile(source)


def _tells_basis(text: str) -> bool:
    """Does ``_story_basis_rx`` find a match in ``text``? (The headed twin on the lowered text when both can be had.)"""
    headed = _story_basis_headed()
    low = lowered(text) if headed is not None else None
    return bool(headed.search(low)) if low is not None else bool(_story_basis_rx().search(text))


def _story_basis(a) -> tuple[int, int] | None:
    """(block, start) of the first sentence that says what the whole piece rests on and names or gives it ("we will base
    this story on the analysis of X"): phrases.yaml ``story_basis``, with an attribution in the sentence; or that says
    the piece is an issuer's own release ("[PRESS RELEASE – Singapore, ...]": ``release_notes``), whose figures are
    the issuer's statements."""
    for s in a.sentences:
        if _tells_basis(s.text) and s.has_caveat():
            return (s.block, s.start)
        if _release_note_rx().match(s.text):  # (its own sentence too: "SINGAPORE, ... /PRNewswire/ -- Bybit set up $50 million")
            return (s.block, s.start - 1)
    return None


@lru_cache(maxsize=1)
def _release_note_rx() -> re.Pattern:
    """A note that the piece is an issuer's own release, opening its sentence (phrases.yaml ``release_notes``)."""
    return _phrase_rx("release_notes", opening=True)


def _open_after(text: str, was_open: bool) -> bool:
    """Is a quotation still open after ``text``, given whether one was open before it (curly quotes, or straight
    double quotes counted in pairs)?"""
    for ch in text:
        if ch in _OPENERS:
            was_open = True
        elif ch in _CLOSERS:
            was_open = False
        elif ch == '"':
            was_open = not was_open
    return was_open


def _quote_credited(a, fu) -> bool:
    """Is the figure's sentence inside a quotation that a speaker's credit covers? Either the quotation is left
    open at the sentence's end and a later sentence closes and credits it ("..., ” Reyes added."), in its paragraph
    or in the next ones that reopen it with a quotation mark (a quotation split over paragraphs), or it is the speaker's quotation going on after its credit: it opened in a sentence that credits it
    ("Reyes said: “...") or right after a credited quotation closed ("“It was fast,” Reyes said. “Longs lost
    $88 million. ...”"), however many sentences ago."""
    sentence = fu.sentence
    before = a.carried(fu)
    if not _opens_any(sentence.text) and not any(_opens_any(s.text) for s in before):
        return False  # (no quotation mark in the paragraph so far: most sentences)
    was_open, opened_at = _quotation_state(before)
    if not was_open and _opens_with_mark(sentence.text):
        opened_at = len(before)  # the figure's own sentence opens the quotation
    if opened_at is not None and (was_open or opened_at == len(before)):
        if _credited_opening(before, opened_at) or (opened_at == 0 and _goes_on_from(a, fu.block_index)):
            return True
    if not _open_after(sentence.text, was_open):
        return False
    later = sentence
    for _ in range(QUOTE_REACH):
        step = a.next_in_block(later)
        text = step.text if step is not None else None
        if step is None:  # the news convention: a quotation left open at a paragraph's end goes on where the next reopens it
            step = _reopened(a, later)
            if step is None:
                return False
            text = step.text.lstrip("*_ ")[1:]  # (past the mark that reopens it)
        later = step
        if not _open_after(text, True):  # the quotation closes here: its credit follows the closing mark
            return later.has_caveat()
    return False


# A quotation's credit after a dash that ends its paragraph: "“...” - Dana Ortiz, PM at Bitwise", "“...” — @tapewatcher on
# X": the dash, a speaker's name (capitalised words, or an account) and at most a short role, no figure, no quotation.
_DASH_CREDIT = re.compile(r"\s*(?:[—–]|--?)\s*(?P<who>@\w{1,30}|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
                          r"(?P<role>[^\n\d$%€£\"“”]{0,80})$")
_CLOSING_MARKS = (*_CLOSERS, '"')


def _dash_credited(a, fu) -> bool:
    """Is the figure inside a quotation whose closing mark is followed, to the end of its paragraph, by a dash and the
    speaker's name ("“Liquidations topped $20 billion.” - Dana Ortiz, PM at Bitwise"): the newsletter's way of
    crediting a quote, with no verb? Not a name the genre capitalises for other reasons (``frames: not_names``)."""
    text = a.article.blocks[fu.block_index].text.rstrip()
    at = fu.figure.start
    if not _open_after(text[:at], False):
        return False  # (no quotation open at the figure)
    closes = [i for i in (text.find(mark, fu.figure.end) for mark in _CLOSING_MARKS) if i >= 0]
    if not closes:
        return False
    m = _DASH_CREDIT.match(text, min(closes) + 1)
    if m is None:
        return False
    not_names, _ = _speaker_words()
    return m.group("who").split()[0] not in not_names


def _reopened(a, last):
    """The first sentence of the paragraph after ``last``'s (same section) when it opens with a quotation mark: a
    quotation left open at the end of ``last``'s paragraph going on there ("“Longs lost $300 million." then "“Shorts
    lost $80 million after that,” said Ortiz."), else None."""
    blocks = a.article.blocks
    nxt = last.block + 1
    if nxt >= len(blocks) or blocks[nxt].section != blocks[last.block].section or blocks[nxt].kind != "paragraph":
        return None
    first = a._by_block.get(nxt)
    if not first or not _opens_with_mark(first[0].text):
        return None
    return first[0]


def _quotation_state(sentences) -> tuple[bool, int | None]:
    """After ``sentences`` (one paragraph's, in order): is a quotation still open, and at which sentence did the
    last one open (None: none opened)?"""
    was_open, opened_at = False, None
    for i, s in enumerate(sentences):
        now_open = _open_after(s.text, was_open)
        if now_open and not was_open:
            opened_at = i
        was_open = now_open
    return was_open, opened_at


def _goes_on_from(a, block_index: int) -> bool:
    """Does the paragraph before ``block_index`` (same section) end in a speaker's credited quotation that this
    paragraph, opening with a quotation mark, goes on with? Its last sentence closes a credited quotation ("“It
    was fast,” Reyes said."), or its quotation is left open at its end (the news convention for a quotation
    running over paragraphs) and was credited where it opened."""
    blocks = a.article.blocks
    if block_index == 0 or blocks[block_index - 1].section != blocks[block_index].section:
        return False
    prior = [s for s in a.sentences if s.block == block_index - 1]
    if not prior:
        return False
    if not any(_quoted(s.text) for s in prior):  # a speaker introduced, the quotation given next ("Ortiz was blunt.")
        return (_names_speaker(prior[-1].text) or _speech_colon(prior[-1])) and _only_quotation(blocks[block_index].text)
    was_open, opened_at = _quotation_state(prior)
    if not was_open:
        return _closes_any(prior[-1].text) and prior[-1].has_caveat()
    return opened_at is not None and _credited_opening(prior, opened_at)


def _speech_colon(sentence) -> bool:
    """Does a sentence introduce what follows as someone's words, with a colon after its reporting frame, whoever
    speaks ("He remarked:", "The firm wrote:", a pronoun ``_names_speaker`` does not take as a name)?"""
    return sentence.text.rstrip().endswith(":") and sentence.has_caveat()


def _quoted(text: str) -> bool:
    return _opens_any(text) or _closes_any(text)


def _opens_any(text: str) -> bool:
    """Does ``text`` hold a mark that may open a quotation (``_OPENERS``, or a straight '"')?"""
    return '"' in text or any(m in text for m in _OPENERS)


def _closes_any(text: str) -> bool:
    """Does ``text`` hold a mark that may close a quotation (``_CLOSERS``, or a straight '"')?"""
    return '"' in text or any(m in text for m in _CLOSERS)


def _opens_with_mark(text: str) -> bool:
    """Does ``text`` open (past emphasis and spaces) with a quotation mark?"""
    first = text.lstrip("*_ ")[:1]
    return first == '"' or (first != "" and first in _OPENERS)


# A person's name: two capitalised words (a middle initial between them), not after "the" ("the Nasdaq Composite").
_PERSON = re.compile(r"(?<![\w’'-])(?<!the )(?<!The )([A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?)\s+(?:[A-Z]\.\s+)?"
                     r"([A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?)(?![\w-])")


@lru_cache(maxsize=1)
def _speaker_words() -> tuple[frozenset[str], re.Pattern]:
    """Capitalised words that are no one's name (phrases.yaml ``frames: not_names``), and who speaks for a source
    when no name is given (``frames: source_nouns``: "the analyst", "the exchange", "a spokesperson")."""
    frames = phrase_section("frames")
    nouns = "|".join(re.escape(n) for n in sorted(frames["source_nouns"], key=len, reverse=True))
    return frozenset(frames["not_names"]), re.compile(rf"(?<![\w-])(?:{nouns})(?![\w-])", re.IGNORECASE)


def _names_speaker(text: str) -> bool:
    """Does a sentence with no quotation in it introduce someone who may speak next: a person's name ("Dana Ortiz,
    who runs a desk in Chicago, was blunt about the day.") or a speaking role ("The exchange addressed the outage.")?"""
    not_names, nouns = _speaker_words()
    if any(m.group(1) not in not_names and m.group(2) not in not_names for m in _PERSON.finditer(text)):
        return True
    return nouns.search(text) is not None


def _only_quotation(text: str) -> bool:
    """Is a paragraph one quotation and nothing else: it opens with a quotation mark, and the quotation closes only at
    its very end, or not at all (a quotation running on into the next paragraph)?"""
    body = text.strip().strip("*_").strip()
    if not _opens_with_mark(body):
        return False
    rest = body[1:].rstrip(".")
    close = '"' if body[0] == '"' else _CLOSERS[_OPENERS.index(body[0])]
    inner = rest[:-1] if rest.endswith(close) else rest
    return not _quoted(inner)


def _credited_opening(before, opened_at: int) -> bool:
    """Does the quotation that opened in sentence ``opened_at`` of the paragraph (``before``: its sentences before the
    figure's) carry a speaker's credit: its opening sentence credits it before the quote ("Reyes said: “..."), or the
    sentence before it closed a credited quotation ("“It was fast,” Reyes said.")?"""
    if opened_at < len(before):
        first = before[opened_at]
        mark = min((i for i in (*(first.text.find(m) for m in _OPENERS), first.text.find('"')) if i >= 0), default=-1)
        if mark > 0 and first.has_caveat() and first.text[:mark].rstrip().endswith((":", ",")):
            return True
    if opened_at == 0:
        return False
    prior = before[opened_at - 1]
    return _closes_any(prior.text) and prior.has_caveat()


RULE = Rule(
    code="F001",
    name="no-attribution",
    severity="error",
    mode="free",
    summary="A figure with no attribution or caveat anywhere in scope (runs without a fact file).",
    doc="""\
## What it does
Without a fact file, checks that every figure has some attribution or caveat: in its
sentence ("according to", "data from CoinGlass show", "..., the data shows", "heat maps
suggest", "unverified"), in an earlier sentence of its paragraph that opens the run (not
from a sentence about liquidations alone to one about market context alone, an asset's price
move or a figure of the wider economy such as a tariff, basis points or euros: the desk that
counted the liquidations did not price the market, nor from a credit told after its
sentence's figures, "..., Bloomberg reported.", which closes that sentence; and to a forecast,
"is expected to reach $95,000 by March", only from a forecast; once a sentence of such another kind, with no
caveat of its own, has come between, the run is over: "According to X, longs lost $500 million. The market's
value fell $90 billion. Shorts lost $40 million." flags the $40 million too, a comparison of the run's own
figures, "a 3-to-1 split", interrupting nothing; a price level or a move told as a noun,
"resistance at $0.48", "a rebound above $3,050", is market context), in a note covering it ("the above
figures come from a single source"; "Those figures are CoinGlass's." covers the run right
before it), or in a credit line beside it: a credit line on a line of its own ("Source: CoinGlass",
"(Data: Kaiko)") signs a chart gone from the text and covers the paragraph right above it and the one
right below it in its section (bench/ANNOTATION.md, point 5), never further; a caption with a title
("Hourly long liquidations | Source: Velo") covers them too, but only figures of its title's kind (a
chart of liquidations prices nothing, a price chart counts no liquidations, a chart of a third kind,
"Ether borrow premium, Source: Kaiko", counts no liquidations either); prose that closes on its
credit ("... $9 million. Source: X") covers its own paragraph only. A credit carries to market context
only from a sentence of market context: an indicator's reading or a fund's flows did not price the
market either. An embedded post that carries a picture ("pic.twitter.com/...") signs a chart, and its
signature covers the prose right under it too. A credit told as a free relative after a word of when
or why ("..., after what Kaiko described as a $900 drop") credits its own noun phrase, not the rest
of the sentence. The span of a record ("a 14-month high") is a time window, no figure to attribute.
"An estimated $400 million ... wiped out" and "would be liquidated if ..." hedge or
condition a figure without saying where it comes from, and a rumour told as the cause of a move
("After the ETF rumour, ether jumped from $2,900 to $3,300") hedges the rumour, not the move. House rule for a repeated figure:
every paragraph attributes its own figures, except a figure that refers back to one
already attributed earlier in the same section ("this $427 million", "the same 94%",
"the $1.45 billion total"); a bare repeat is attributed again, and the headline neither
is covered nor covers this way.

Hearsay with no one named is an unnamed source, not no attribution (bench/ANNOTATION.md point 7):
"reportedly", "is said to", "is reported to", "is rumoured to", "allegedly", "is believed to",
"supposedly", "purportedly", a passive with what was reported as its subject and no agent
("Liquidations of $19 billion were reported on Friday") and "a reported $410 million" credit the
figures of their part of the sentence (up to a semicolon or a dash; two dashes around an aside
cut nothing) to someone the text does not name, so no F001; an earlier attribution of the
paragraph does not carry to them (the writer has them from hearsay), and fact mode still asks for
the source's name (P002, P011).

What is no attribution: a view of the future that names no one ("Forecasts put bitcoin
at $150,000"), an estimate in the passive that names no one ("the fund is estimated to hold",
"were estimated at"; "Binance said", "X estimated that" and "estimated by X" credit), a figure-free credit to data no one is named for, which does not carry to the
figures after it ("Market metrics point to a recovery."; "CoinGlass data show ..." does), a
chart nobody
credits ("the chart shows", "as seen above"), a venue named by its name or its role with a
verb a market also takes ("OKX saw $30 million", "the platform recorded $45 million": where
it happened, not who reported it; "the platform said" and "the tracker recorded" are
sources), and a "Name:" label that is a summary
marker or a speaker's turn ("Bottom Line:", "Host:", a transcript's names) rather than a
source (a registered or brand-shaped name, or one the article credits elsewhere). What
is: an embedded post's signature under it ("— Name (@handle) date"), a numbered reference
("... by the close [3].") or a footnote's marker ("... in an hour.[^3]"), a sentence right after
the figure's that only credits it ("That is according to CoinGlass.", "So says CoinGlass.",
"CoinGlass compiled the figures.": that one sentence back), a chart's labelled caption right
under the paragraph of its figures ("BTC liquidations. Source: CoinGlass", "Daily liquidations
from CoinGlass data", "Long liquidations jump as prices slide. (Glassnode)"; not a photo's credit, not a liquidation map under realised figures, not
for a figure of market context under a chart of liquidations), "it" with a verb of speech
("It noted that ...") and a report as its findings' subject ("The report also found ..."), a
generic speaker's employer ("analysts at the bank forecast"), a note that the piece is an
issuer's release ("The following is a press release from X", "[PRESS RELEASE – City, date]":
every figure after it), a speaker's colon over the quote or paragraph it introduces
("X wrote:"), a speaker's quotation going on after its credit, over sentences and into
the next paragraph ("“It was fast,” Reyes said. “Longs lost $88 million. ...”"), a paragraph
that is one quotation and nothing else right after a paragraph whose last sentence introduces
its speaker by name or role ("Dana Ortiz was blunt about the day." then "“Longs lost $40
million in an hour.”") or with a reporting verb and a colon, whoever speaks ("He remarked:"), a credit
line that is the article's last line ("Source: <address>": its whole section), a counting
verb after any name ("CoinDesk tallied $1.2 billion"), the writer saying what the piece rests
on ("we base this story on the analysis of X": every figure after it), a chart read by whose
data it shows ("Looking at the liquidation chart for BitMEX"), an attributed sentence that says the list or table is below, a quotation of several
sentences credited after it closes ("“... That is a lot,” Reyes added."), a quotation credited after
a dash that ends its paragraph ("“... $20 billion.” - Dana Ortiz, PM at Bitwise"), unnamed data as the
subject ("The data shows ...", "Figures show ...": an unnamed source; not "Current data
indicates"), data pointing back at an earlier credit of the section, whoever it names ("The
same data shows ...", "This data also shows ...", "These data clearly suggest ..."; not "these figures
suggest"), which opens a run for the rest of its paragraph as any credit does, unnamed data with what it is
data of ("The figures for the wallet show", "Details of the trade reveal") or a sentence adverb ("The data
indeed shows"), a demonstrative on a data series a source publishes ("this skew gauge", "that metric"),
people described, not named, with a verb of speech or of a view ("some investors anticipate", "others
pointing to", "a trader expects"; not with a verb of doing, "traders lost", nor in the passive), a quotation
in guillemets as in curly quotes ("«...,» said Lund."), where a speaker said it set between name and verb ("Lee in a post noted"), a bare role in
apposition ("Lena Ortiz, co-founder of Halvard Capital, cautioned"), a passive's agent after a word of when
("announced on Monday by Kaiko"), a ranking as its compiler's data ("in Kaiko's weekly liquidity ranking"), a data firm's own first-person note ("our data shows", "we counted"), a source as
a compound modifier ("Velo-tracked", "a CoinGlass-compiled tally"), a source cited with a date
("(CoinMarketCap, 2025)"), and a credit over a section, list or table (a heading "## Longs by
venue (Data: CoinGlass)", a "Source: X" line right above a list or table or opening a list, a
table header naming its source, a list's lead-in opening on a plural description of sources:
"Several outlets paint a consistent picture:"; "in what Kaiko called a rare reset"; a citation
marker set after the full stop: "... near $91,500. [2]"), a credit alone in parentheses after the
figures, whatever the name ("$2.3B net inflows (per chainpulse)", "$4.1B (ChainPulse)"), the writer
reading a source's data in the first person ("we saw from Velo data that"), a platform full of
claims as a rumour's place ("Reddit erupted with claims of ..."), and a heading over a report's
findings ("## Key findings") under an opening that says a named publisher released the report.
"Put", "peg" and "place" report only with a value ("X put longs at $300 million"; "she placed a $90
million long" is a trade), a verb's form after a possessive is a noun ("BTC's share rose"),
"speculation" as trading is no rumour ("retail speculation drove a 300% run"; "speculation
that a fund lost $40 million" is), and a speaker's verb before a quotation credits the quotation,
not a figure in a fronted clause of time before it ("When the fund closed its $2bn purchase of the
exchange, its founder posted “...”"). Vague amounts
and counts in words are figures too ("millions of dollars", "hundreds of traders", "over a
dozen funds", "a nine-figure loss", "a record"; not the people a writer asked, "we spoke with two traders"), and so are multiples, ratios and shares in
words ("twice Monday's total", "longs tripled", "three to one", "nine in ten", "four
percent", "double-digit losses"); a day of a month before a counted noun is a date, not a
count ("the March 3 liquidations").

A worked example about a made-up trader or addressed to the reader ("For example, if a
trader buys $50,000 of ETH at 20x, ...", "when you're trading nine-figure size") states no
figure of the event and is not flagged: only in its own clause (not past a semicolon or a
dash), when its set-up holds a figure ("If you're wondering why, longs lost $300 million" is
a claim) and nothing ties it to the event's days ("If you had bought at $74,000 on Monday"
is a claim). A clause of market context hung after a sentence's credit of liquidation data
("..., according to CoinGlass, as bitcoin trades below $36,000"; "Per CoinGlass,
liquidations hit $310 million as bitcoin fell to $78,400") is not covered by that credit.

## Why it matters
A bare number in market news reads as established fact. Most hand-written errors
are exactly this: a figure whose source was lost in editing.

## Example
```markdown
Longs lost about $1.752 billion in the past 24 hours.
```

## Use instead
```markdown
Longs lost about $1.752 billion in the past 24 hours, according to CoinGlass.
```
""",
    check=check,
)
