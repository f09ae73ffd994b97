"""Property tests of the fact base's three promises.

1. A reconciled figure's range holds every observation, and its status follows
   from who reported what, whatever the order of the observations.
2. A derived figure is never stronger than its inputs, its interval holds every
   value its inputs allow, and figures that cannot be combined are refused.
3. Loading then dumping a fact file keeps its comments and its values.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from writer.errors import DerivationError
from writer.factbase.derive import ratio, share, total
from writer.factbase.loader import event_from_text
from writer.factbase.reconcile import envelope, reconcile
from writer.factbase.records import Fact, Observation, Source, SourceRegistry
from writer.factbase.roundtrip import dump_document, load_document
from writer.factbase.vocabulary import SourceKind, Status
from writer.factbase.yamlsource import parse

REGISTRY = SourceRegistry(
    {
        s.id: s
        for s in (
            Source("coinglass", "CoinGlass", SourceKind.AGGREGATOR),
            Source("coinank", "CoinAnk", SourceKind.AGGREGATOR),
            Source("hyblock", "Hyblock Capital", SourceKind.AGGREGATOR),
            Source("binance", "Binance", SourceKind.EXCHANGE),
            Source("arkham", "Arkham Intelligence", SourceKind.ONCHAIN),
            Source("x-posts", "posts on X", SourceKind.SOCIAL),
            Source("community-chatter", "community discussions", SourceKind.SOCIAL),
        )
    },
    "sources.yaml",
)
SOURCE_IDS = sorted(REGISTRY.sources)
SOCIAL = {"x-posts", "community-chatter"}

SETTINGS = settings(max_examples=80, deadline=None)

amounts = st.floats(min_value=1.0, max_value=5e10, allow_nan=False, allow_infinity=False)


@st.composite
def observations(draw):
    n = draw(st.integers(1, 5))
    out = []
    for _ in range(n):
        source = draw(st.sampled_from(SOURCE_IDS))
        if draw(st.booleans()):
            out.append(Observation(source, draw(amounts), None, None))
        else:
            a, b = sorted((draw(amounts), draw(amounts)))
            out.append(Observation(source, None, (a, b), None))
    return tuple(out)


tolerances = st.floats(min_value=0.0, max_value=0.5, allow_nan=False)


@SETTINGS
@given(observations(), tolerances)
def test_reconciled_range_contains_every_observation(obs, tolerance):
    status, value, rng = reconcile(obs, None, REGISTRY, tolerance)
    assert (value is None) != (rng is None)  # a point or a range, never both
    lo, hi = rng if rng is not None else envelope(obs)
    for o in obs:
        assert lo <= o.bounds[0] and o.bounds[1] <= hi
    if value is not None:
        assert lo <= value <= hi
    if status is Status.DISPUTED:
        assert value is None and rng is not None  # never a single point


@SETTINGS
@given(observations(), tolerances)
def test_loaded_fact_bounds_are_the_envelope_of_its_observations(obs, tolerance):
    lines = [
        "id: generated", "as_of: 2026-11-20T16:00:00+00:00", f"tolerance: {tolerance!r}", "facts:",
        "  - id: f", "    metric: liquidations", "    unit: USD", "    observations:",
    ]
    for o in obs:
        lines.append(f"      - source: {o.source}")
        lines.append(f"        value: {o.value!r}" if o.value is not None else f"        range: [{o.range[0]!r}, {o.range[1]!r}]")
    fact = event_from_text("\n".join(lines) + "\n", "g.yaml", REGISTRY).facts["f"]
    assert fact.bounds == envelope(obs)
    assert fact.range is None or fact.value is None


@SETTINGS
@given(observations(), tolerances)
def test_status_follows_the_sources(obs, tolerance):
    status, value, _ = reconcile(obs, None, REGISTRY, tolerance)
    sources = {o.source for o in obs}
    if sources <= SOCIAL:
        assert status is Status.RUMOR
    elif len(sources) == 1:
        assert status is Status.SINGLE_SOURCE
    else:
        assert status in (Status.MULTI_SOURCE, Status.DISPUTED)
        if status is Status.MULTI_SOURCE and any(o.value is not None for o in obs):
            # Agreeing sources: one point stands for all, within the tolerance.
            assert value is not None
            for o in obs:
                gap = max(0.0, o.bounds[0] - value, value - o.bounds[1])
                assert gap <= tolerance * max(abs(b) for b in o.bounds + (value,)) * 2 + 1e-6


@SETTINGS
@given(observations(), tolerances, st.randoms(use_true_random=False))
def test_reconciliation_ignores_the_order_of_observations(obs, tolerance, rnd):
    shuffled = list(obs)
    rnd.shuffle(shuffled)
    a = reconcile(obs, None, REGISTRY, tolerance)
    b = reconcile(tuple(shuffled), None, REGISTRY, tolerance)
    assert a[0] is b[0]
    assert a[1] == pytest.approx(b[1]) if a[1] is not None else b[1] is None
    assert a[2] == b[2]


@SETTINGS
@given(observations(), tolerances, st.sampled_from([s for s in Status if s is not Status.UNAVAILABLE]))
def test_an_explicit_status_is_accepted_only_when_the_observations_bear_it_out(obs, tolerance, explicit):
    from writer.factbase.reconcile import StatusConflict, agree

    sources = {o.source for o in obs}
    try:
        status, _, rng = reconcile(obs, explicit, REGISTRY, tolerance)
    except StatusConflict as exc:
        assert str(exc)  # says why
        return
    assert status is explicit
    if explicit is Status.MULTI_SOURCE:
        assert len(sources) >= 2 and agree(obs, tolerance)
    if explicit is Status.DISPUTED:
        assert len(sources) >= 2 and not agree(obs, tolerance)
    if explicit is Status.SINGLE_SOURCE:
        assert len(sources) == 1
    if explicit is Status.OFFICIAL:
        assert all(REGISTRY[s].kind in (SourceKind.EXCHANGE, SourceKind.ONCHAIN) for s in sources)


# --- derivation -------------------------------------------------------------

USABLE = [s for s in Status if s is not Status.UNAVAILABLE]
T0 = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)


@st.composite
def figures(draw, *, fid, side=None, sources=("coinglass",), window="24h", unit="USD", as_of=None):
    status = draw(st.sampled_from(USABLE))
    if draw(st.booleans()):
        value, rng = draw(amounts), None
    else:
        a, b = sorted((draw(amounts), draw(amounts)))
        value, rng = (None, (a, b)) if a < b else (a, None)
    obs = tuple(Observation(s, value if value is not None else None, rng, as_of) for s in sources)
    return Fact(fid, "liquidations", unit, status, value, rng, tuple(sources), observations=obs, window=window, side=side)


def _inside(fact: Fact, data) -> float:
    lo, hi = fact.bounds
    return data.draw(st.floats(min_value=lo, max_value=hi, allow_nan=False))


@SETTINGS
@given(figures(fid="long", side="long"), figures(fid="total"), st.data())
def test_share_is_never_stronger_than_its_inputs_and_holds_every_possible_value(part, whole, data):
    d = share(part, whole)
    assert d.status.strength <= min(part.status.strength, whole.status.strength)
    assert d.status in (part.status, whole.status)
    assert d.derived_from == ("long", "total") and d.derivation == "share"
    assert d.sources == ("coinglass",) and d.window == "24h" and d.side == "long"
    x, y = _inside(part, data), _inside(whole, data)
    lo, hi = d.bounds
    assert lo * (1 - 1e-9) <= 100 * x / y <= hi * (1 + 1e-9)


@SETTINGS
@given(figures(fid="long", side="long"), figures(fid="short", side="short"), st.data())
def test_ratio_is_never_stronger_than_its_inputs(num, den, data):
    d = ratio(num, den)
    assert d.status.strength <= min(num.status.strength, den.status.strength)
    x, y = _inside(num, data), _inside(den, data)
    lo, hi = d.bounds
    assert lo * (1 - 1e-9) <= x / y <= hi * (1 + 1e-9)


@SETTINGS
@given(st.lists(st.sampled_from(["coinglass", "coinank", "binance"]), min_size=2, max_size=4), st.data())
def test_sum_is_never_stronger_than_any_part(source_list, data):
    parts = [data.draw(figures(fid=f"p{i}", sources=(s,))) for i, s in enumerate(source_list)]
    d = total(parts)
    assert d.status.strength == min(p.status.strength for p in parts)
    assert set(d.sources) == set(source_list)
    lo, hi = d.bounds
    assert lo <= sum(p.bounds[0] for p in parts) * (1 + 1e-12) and sum(p.bounds[1] for p in parts) <= hi * (1 + 1e-12)


def _fact(fid, **kw):
    base = dict(metric="liquidations", unit="USD", status=Status.SINGLE_SOURCE, value=100.0, range=None, sources=("coinglass",), window="24h")
    base.update(kw)
    return Fact(fid, **base)


@pytest.mark.parametrize(
    "part, whole, phrase",
    [
        (_fact("long_12h", window="12h"), _fact("total_24h"), "different windows"),
        (_fact("long_pct", unit="percent"), _fact("total_24h"), "different units"),
        (_fact("long_ank", sources=("coinank",)), _fact("total_24h"), "different sources"),
        (_fact("long_24h"), _fact("total_24h", status=Status.UNAVAILABLE, value=None), "has no value"),
        (_fact("long_24h"), _fact("total_24h", lower_bound=True), "only a lower bound"),
    ],
)
def test_share_refuses_inputs_that_cannot_be_combined(part, whole, phrase):
    with pytest.raises(DerivationError) as info:
        share(part, whole)
    message = str(info.value)
    assert phrase in message
    assert "total_24h" in message  # names the figures involved
    assert "{" not in message  # no unformatted placeholder


def test_sources_in_another_order_are_the_same_sources():
    both = ("coinglass", "coinank")
    d = share(_fact("long", sources=both), _fact("total", sources=both[::-1], value=200.0))
    assert d.value == 50.0


def test_ratio_and_sum_refuse_mixed_windows_and_units():
    with pytest.raises(DerivationError, match="different windows"):
        ratio(_fact("long_24h"), _fact("short_1h", window="1h"))
    with pytest.raises(DerivationError, match="different units"):
        total([_fact("a"), _fact("b", unit="count")])
    with pytest.raises(DerivationError, match="at least two"):
        total([_fact("a")])


def test_figures_of_the_same_window_but_different_periods_are_not_combined():
    early = _fact("long_4h", window="4h", observations=(Observation("coinglass", 100.0, None, T0),))
    late = _fact("short_4h", window="4h", observations=(Observation("coinglass", 80.0, None, T0 + timedelta(hours=10)),))
    with pytest.raises(DerivationError, match="different 4h periods"):
        ratio(early, late)
    close = _fact("short_4h", window="4h", value=80.0, observations=(Observation("coinglass", 80.0, None, T0 + timedelta(minutes=30)),))
    assert ratio(early, close).value == pytest.approx(1.25)


# --- round trip ---------------------------------------------------------------

comment_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40).map(str.strip)
ASSETS = ["BTC", "ETH", "SOL", "XRP", "DOGE", "BNB"]


def _value_text(draw) -> str:
    kind = draw(st.sampled_from(["int", "float", "magnitude"]))
    if kind == "int":
        return str(draw(st.integers(1, 10**12)))
    if kind == "float":
        return repr(draw(st.floats(min_value=0.01, max_value=1e9, allow_nan=False)))
    return '"' + str(draw(st.integers(1, 999))) + "." + str(draw(st.integers(0, 999))) + draw(st.sampled_from(["M", "B", "k", " million"])) + '"'


@st.composite
def commented_events(draw):
    """An event file in the house layout with comments above, inside and after values."""
    lines = [f"# {draw(comment_text)}", "id: generated-event", "as_of: 2026-11-20T16:00:00+00:00"]
    lines += [f"windows: [24h]  # {draw(comment_text)}", "", "facts:"]
    assets = draw(st.lists(st.sampled_from(ASSETS), min_size=1, max_size=4, unique=True))
    comments = [lines[0][2:]]
    for i, asset in enumerate(assets):
        c1, c2 = draw(comment_text), draw(comment_text)
        comments += [c1, c2]
        lines += [
            f"  # {c1}",
            f"  - id: fact_{i}",
            "    metric: liquidations",
            "    unit: USD",
            "    window: 24h",
            f"    asset: {asset}",
            "    observations:",
        ]
        for source in draw(st.lists(st.sampled_from(["coinglass", "coinank", "hyblock"]), min_size=1, max_size=2, unique=True)):
            lines += [f"      - source: {source}", f"        value: {_value_text(draw)}  # {c2}"]
    return "\n".join(lines) + "\n", [c for c in comments if c]


@settings(max_examples=60, deadline=None)
@given(commented_events())
def test_load_then_dump_preserves_comments_and_values(case):
    text, comments = case
    dumped = dump_document(load_document(text))
    for comment in comments:
        assert comment in dumped
    assert parse(dumped, "x")[0] == parse(text, "x")[0]
    assert dumped == text  # the house layout survives untouched
    try:
        original = event_from_text(text, "event.yaml", REGISTRY)
    except Exception as exc:  # sources may disagree: then both must fail the same way
        with pytest.raises(type(exc)) as again:
            event_from_text(dumped, "event.yaml", REGISTRY)
        assert str(again.value) == str(exc)
        return
    reloaded = event_from_text(dumped, "event.yaml", REGISTRY)
    assert reloaded.all_facts() == original.all_facts()


def test_an_edit_through_the_round_trip_keeps_comments_and_revalidates():
    text = (
        "# desk note: CoinAnk only until CoinGlass publishes\n"
        "id: edited-event\n"
        "as_of: 2026-11-20T16:00:00+00:00\n"
        "windows: [24h]\n"
        "facts:\n"
        "  # the network total\n"
        "  - id: total_24h\n"
        "    metric: liquidations\n"
        "    unit: USD\n"
        "    window: 24h\n"
        "    observations:\n"
        "      - source: coinank\n"
        "        value: 150M  # as published at 15:05\n"
    )
    doc = load_document(text)
    doc["facts"][0]["observations"].append({"source": "coinglass", "value": "190M"})
    edited = dump_document(doc)
    for comment in ("# desk note: CoinAnk only until CoinGlass publishes", "# the network total", "# as published at 15:05"):
        assert comment in edited
    event = event_from_text(edited, "edited.yaml", REGISTRY)
    assert event.facts["total_24h"].status is Status.DISPUTED
    assert event.facts["total_24h"].range == (150e6, 190e6)


def test_round_trip_reports_syntax_errors_with_a_location():
    from writer.errors import InputError

    with pytest.raises(InputError) as info:
        load_document("id: x\nfacts: [a, b\n", "broken.yaml")
    [problem] = info.value.problems
    assert problem.path == "broken.yaml" and problem.line >= 2
    with pytest.raises(InputError, match="duplicate|found duplicate"):
        load_document("id: x\nid: y\n", "dup.yaml")


def test_round_trip_refuses_pathological_nesting():
    from writer.errors import InputError

    with pytest.raises(InputError, match="nested more than"):
        load_document("id: x\nnote: " + "[" * 50_000 + "]" * 50_000 + "\n", "deep.yaml")


@SETTINGS
@given(
    st.sampled_from(["1h", "4h", "24h"]), st.sampled_from(["1h", "4h", "24h"]),
    st.sampled_from(["USD", "count"]), st.sampled_from(["USD", "count"]),
    st.sampled_from([("coinglass",), ("coinank",), ("coinglass", "coinank")]), st.sampled_from([("coinglass",), ("coinank",), ("coinank", "coinglass")]),
)
def test_derivations_combine_only_like_with_like(w1, w2, u1, u2, s1, s2):
    a = _fact("a", window=w1, unit=u1, sources=s1)
    b = _fact("b", window=w2, unit=u2, sources=s2, value=400.0)
    same_frame = w1 == w2 and u1 == u2
    for fn, needs_same_sources in ((share, True), (ratio, True), (lambda x, y: total([x, y]), False)):
        allowed = same_frame and (set(s1) == set(s2) or not needs_same_sources)
        if allowed:
            d = fn(a, b)
            assert d.window == w1 and set(d.sources) == set(s1) | set(s2)
        else:
            with pytest.raises(DerivationError) as info:
                fn(a, b)
            assert ": a (" in str(info.value) and ", b (" in str(info.value)  # names both figures


# --- robustness: any edit of a valid file gives an event or located problems ----

from pathlib import Path  # noqa: E402

from writer.errors import InputError  # noqa: E402
from writer.factbase import load_registry  # noqa: E402

_FACTBASE = Path(__file__).resolve().parent.parent / "factbase"
_EXAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((_FACTBASE / "events").glob("*.yaml"))]
_EXAMPLE_REGISTRY = load_registry(_FACTBASE / "sources.yaml")


@st.composite
def mangled_examples(draw):
    text = draw(st.sampled_from(_EXAMPLE_TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "truncate", "swap_lines", "duplicate_line"]))
        if action == "insert":
            text = text[:pos] + draw(st.sampled_from(list(":[]{}-#&*!|>'\"\t\n ,?%@`") + ["1.5B", "about ", "null", "~", "- ", ": "])) + text[pos:]
        elif action == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 20)):]
        elif action == "truncate":
            text = text[:pos]
        else:
            lines = text.split("\n")
            if len(lines) < 2:
                continue
            i = draw(st.integers(0, len(lines) - 2))
            if action == "swap_lines":
                lines[i], lines[i + 1] = lines[i + 1], lines[i]
            else:
                lines.insert(i, lines[i])
            text = "\n".join(lines)
    return text


@settings(max_examples=150, deadline=None)
@given(mangled_examples())
def test_any_edit_gives_an_event_or_located_problems_never_a_crash(text):
    n_lines = text.count("\n") + 1
    try:
        event = event_from_text(text, "edited.yaml", _EXAMPLE_REGISTRY)
    except InputError as exc:
        assert exc.problems
        for p in exc.problems:
            assert p.path == "edited.yaml" and p.message
            assert 0 <= p.line <= n_lines + 1 and p.column >= 0
    else:
        assert event.id and all(f.bounds is None or f.bounds[0] <= f.bounds[1] for f in event.all_facts().values())
