"""P004 on a count in an estimate's describing words ("volume for two funds"): the check reads the count as a figure
(a small count of market actors, writer/check/figures.py) linked to its fact, so it is held to the estimate's wording.
Whose estimate it is, the credit of the fact's own figure says, wherever that credit stands: a parenthesis right after
the figure ("... rose $10,000 (an estimate by X)") credits the subject's count before it too. Events and sentences of
our own; the draft case is the one the market-kinds property drew (an estimated change in volume for "two funds" beside
a second estimate).
"""

from __future__ import annotations

import pytest

from draft_support import checked_drafter, event_from_yaml
from link_support import checker

EVENT = """id: est-subjects
as_of: 2026-12-01T12:00:00+00:00
facts:
  - id: vc
    metric: volume_change
    unit: USD
    status: estimate
    window: 1h
    subject: {subject}
    observations: [{{source: coinglass, range: [9750, 10250]}}]
"""


def findings(subject: str, text: str) -> list[tuple[str, str]]:
    event = event_from_yaml(EVENT.format(subject=subject), "est-subjects.yaml")
    return [(f.code, f.figure) for f in checker().check_text(text, path="x.md", event=event) if f.code == "P004"]


@pytest.mark.parametrize("subject, text", [
    ("two funds", "Trading volume for two funds rose by between $9,750 and $10,250 (an estimate by CoinGlass) in the hour."),
    ("three whales", "Trading volume for three whales rose by between $9,750 and $10,250 (CoinGlass estimates, not "
                     "measured figures) in the hour."),
    ("four wallets", "Volume across four wallets grew by between $9,750 and $10,250 (estimated, per CoinGlass) over one hour."),
])
def test_the_credit_after_an_estimate_names_whose_estimate_the_count_in_its_subject_is(subject, text):
    assert findings(subject, text) == []


@pytest.mark.parametrize("subject, text, flagged", [
    # called an estimate, nobody named: both the figure and the count in its subject are held to it
    ("two funds", "Trading volume for two funds rose by between $9,750 and $10,250 (an estimate) in the hour.",
     ["two funds", "between $9,750 and $10,250"]),
    # the credit names another provider: the count takes the figure's (missing) credit, not a pass of its own
    ("three whales", "Trading volume for three whales rose by between $9,750 and $10,250 in the hour (an estimate by "
                     "CoinAnk).", ["three whales", "between $9,750 and $10,250"]),
])
def test_a_count_in_an_estimates_subject_is_still_flagged_when_the_figure_names_no_one(subject, text, flagged):
    assert [fig for _, fig in findings(subject, text)] == flagged


DRAWN = """id: vol-0
as_of: 2026-11-17T09:00:00+08:00
facts:
  - id: vc
    metric: volume_change
    unit: USD
    status: estimate
    window: 60m
    subject: two funds
    observations: [{source: coinglass, range: [9749, 10251], via: decrypt}]
  - id: f0
    metric: trader_share
    unit: percent
    status: estimate
    observations: [{source: coinglass, range: [0.5, 0.5], via: decrypt, unnamed_credit: market-data}]
"""


def test_an_estimate_for_two_funds_after_another_estimate_drafts_and_passes_its_own_check():
    event = event_from_yaml(DRAWN, "vol-0.yaml")
    md = checked_drafter().draft(event).markdown  # raises DraftError when its own check rejects it
    body = md.split("---", 2)[2]
    # the parenthesis follows the range, after the subject (the order the property drew)
    assert body.index("two funds") < body.index("$10,250 (an estimate"), body
    linked = {fu.figure.text: lk.support.id for fu, lk, _ in checker().links(body, event=event) if lk and lk.support}
    assert linked.get("two funds") == "vc" and linked.get("between $9,750 and $10,250") == "vc", linked
