"""Property tests of the new kinds (issue 9): hedges (two on one value too), vague magnitudes, unnamed groups, spreads.

The promises of test_factbase_properties.py, extended: a reconciled figure
holds every numeric observation; its status follows who reported what (an
unnamed group is never a single source nor named sources); reconciliation
ignores order; a derived figure is never stronger than its inputs and is
approximate when an input is; vague magnitudes and floors are never derived from.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from writer.errors import DerivationError
from writer.factbase.derive import ratio, share
from writer.factbase.reconcile import StatusConflict, reconcile_all
from writer.factbase.records import Fact, Observation, Source, SourceRegistry, hedge_kinds
from writer.factbase.vocabulary import CompoundHedge, Hedge, HedgeKind, Magnitude, SourceKind, Status

REGISTRY = SourceRegistry(
    {
        s.id: s
        for s in (
            Source("coinglass", "CoinGlass", SourceKind.AGGREGATOR),
            Source("coinank", "CoinAnk", SourceKind.AGGREGATOR),
            Source("binance", "Binance", SourceKind.EXCHANGE),
            Source("providers", "several data service providers", SourceKind.AGGREGATOR, group=True),
            Source("platforms", "data platforms", SourceKind.AGGREGATOR, group=True),
            Source("x-posts", "posts on X", SourceKind.SOCIAL),
        )
    },
    "sources.yaml",
)
GROUPS = {"providers", "platforms"}
SETTINGS = settings(max_examples=120, deadline=None)

amounts = st.floats(min_value=1.0, max_value=5e10, allow_nan=False, allow_infinity=False)
hedges = st.one_of(st.none(), st.sampled_from(list(Hedge)))
# Two words on one value ("as much as approximately"): a floor or ceiling with an approximation, in either order.
_BOUNDS = [h for h in Hedge if h.kind is not HedgeKind.APPROX]
_APPROX = [h for h in Hedge if h.kind is HedgeKind.APPROX]
compounds = st.builds(lambda b, a, flip: CompoundHedge(a, b) if flip else CompoundHedge(b, a),
                      st.sampled_from(_BOUNDS), st.sampled_from(_APPROX), st.booleans())
value_hedges = st.one_of(hedges, compounds)


@st.composite
def observation(draw, source=None):
    source = source or draw(st.sampled_from(sorted(REGISTRY.sources)))
    kind = draw(st.sampled_from(["value", "range", "magnitude"]))
    if kind == "value":
        return Observation(source, draw(amounts), None, None, hedge=draw(value_hedges))
    if kind == "range":
        a, b = sorted((draw(amounts), draw(amounts)))
        pair = draw(st.booleans())
        hedge = (draw(hedges), draw(hedges)) if pair else draw(hedges)
        spread = source in GROUPS and draw(st.booleans())
        return Observation(source, None, (a, b), None, hedge=hedge, spread=spread)
    return Observation(source, None, None, None, magnitude=draw(st.sampled_from(list(Magnitude))))


observations = st.lists(observation(), min_size=1, max_size=4).map(tuple)
tolerances = st.floats(min_value=0.0, max_value=0.5, allow_nan=False)


def _reconcile(obs, explicit, tolerance):
    try:
        return reconcile_all(obs, explicit, REGISTRY, tolerance)
    except StatusConflict:
        return None


@SETTINGS
@given(observations, tolerances)
def test_a_reconciled_figure_holds_every_observation_and_invents_no_number(obs, tolerance):
    out = _reconcile(obs, None, tolerance)
    if out is None:  # different magnitudes, or a magnitude against numbers it disagrees with: refused, never made a range
        assert any(o.magnitude for o in obs)
        return
    status, value, rng, magnitude, hedge = out
    if magnitude is not None:  # words stay words
        assert value is None and rng is None and all(o.magnitude is magnitude for o in obs)
        return
    assert (value is None) != (rng is None)
    if rng is not None:
        for o in obs:
            if o.magnitude is None:  # a range's ends are numbers some source gave, never read from words
                assert rng[0] <= o.bounds[0] and o.bounds[1] <= rng[1]
        ends = {b for o in obs if o.magnitude is None for b in o.bounds}
        assert rng[0] in ends and rng[1] in ends
    else:
        assert any(o.value == value for o in obs) or min(o.value for o in obs if o.value) <= value <= max(o.value for o in obs if o.value)


@SETTINGS
@given(observations, tolerances)
def test_an_unnamed_group_is_never_a_single_source_nor_named_sources(obs, tolerance):
    out = _reconcile(obs, None, tolerance)
    if out is None:
        return
    status = out[0]
    sources = {o.source for o in obs}
    named = sources - GROUPS  # every source the registry names, social ones included
    if sources & GROUPS:
        assert status is not Status.SINGLE_SOURCE
        if len(named) < 2:
            assert status in (Status.UNNAMED_GROUP, Status.DISPUTED)
    if any(o.spread for o in obs):
        assert status is Status.DISPUTED


@SETTINGS
@given(observations, tolerances, st.randoms(use_true_random=False))
def test_reconciliation_of_new_kinds_ignores_order(obs, tolerance, rnd):
    shuffled = list(obs)
    rnd.shuffle(shuffled)
    a, b = _reconcile(obs, None, tolerance), _reconcile(tuple(shuffled), None, tolerance)
    if a is None or b is None:
        assert a is None and b is None
        return
    assert a[0] is b[0] and a[2] == b[2] and a[3] == b[3] and a[4] == b[4]
    assert a[1] == pytest.approx(b[1]) if a[1] is not None else b[1] is None


@SETTINGS
@given(observations, tolerances, st.sampled_from([Status.SINGLE_SOURCE, Status.UNNAMED_GROUP, Status.MULTI_SOURCE, Status.DISPUTED]))
def test_an_explicit_status_is_borne_out_by_groups_and_names(obs, tolerance, explicit):
    out = _reconcile(obs, explicit, tolerance)
    if out is None:
        return
    sources = {o.source for o in obs}
    if explicit is Status.SINGLE_SOURCE:
        assert not sources & GROUPS and len(sources) == 1
    if explicit is Status.UNNAMED_GROUP:
        assert sources & GROUPS
    if explicit is Status.MULTI_SOURCE:
        assert len(sources - GROUPS) >= 2


def _fact(fid, obs: Observation, status: Status, side=None) -> Fact:
    return Fact(fid, "liquidations", "USD", status, obs.value, obs.range, (obs.source,), observations=(obs,), window="24h", side=side,
                hedge=obs.hedge, magnitude=obs.magnitude)


@SETTINGS
@given(observation(source="coinglass"), observation(source="coinglass"),
       st.sampled_from([s for s in Status if s is not Status.UNAVAILABLE]), st.sampled_from([s for s in Status if s is not Status.UNAVAILABLE]))
def test_derived_figures_from_hedged_inputs_are_never_stronger_and_approximate_when_an_input_is(a, b, sa, sb):
    part, whole = _fact("long", a, sa, side="long"), _fact("total", b, sb)
    for fn in (share, ratio):
        try:
            d = fn(part, whole)
        except DerivationError as exc:
            kinds = {k for f in (part, whole) for k in hedge_kinds(f.hedge)}
            assert (part.magnitude or whole.magnitude or kinds & {HedgeKind.FLOOR, HedgeKind.CEILING}
                    or "not positive" in str(exc) or "lower bound" in str(exc)), str(exc)
            continue
        assert part.magnitude is None and whole.magnitude is None
        assert d.status.strength <= min(sa.strength, sb.strength)
        approx = any(HedgeKind.APPROX in hedge_kinds(f.hedge) for f in (part, whole))
        assert (d.hedge is Hedge.ABOUT) == approx


@SETTINGS
@given(compounds, amounts)
def test_two_words_on_one_value_read_as_their_floor_or_ceiling_and_print_both(hedge, v):
    o = Observation("coinglass", v, None, None, hedge=hedge)
    assert hedge_kinds(hedge) == (hedge.bound.kind, hedge.bound.kind)
    assert o.limits == ((v, float("inf")) if hedge.kind is HedgeKind.FLOOR else (0.0, v))
    assert hedge.words == f"{hedge.first.words} {hedge.second.words}"
