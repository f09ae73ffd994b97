"""The rule table: every rule, by code, in one place (like ruff's codes).

Codes are stable: ``P`` rules need a fact file (provenance), ``F`` rules run
without one (fact-free); ``S`` rules are about suppression comments. Adding a rule means adding a module and a line here,
plus a must-fail and a must-pass fixture under ``tests/fixtures/check/``.
"""

from __future__ import annotations

from writer.check.rules import (
    f001_no_attribution,
    f002_unmarked_claim,
    p001_unsupported_figure,
    p002_unattributed_single_source,
    p003_unverified_as_fact,
    p004_estimate_as_realised,
    p005_collapsed_range,
    p006_contradicts_fact,
    p007_unavailable_metric,
    p008_wrong_source,
    p009_overstated_certainty,
    p010_unverified_in_lede,
    p011_unattributed_figure,
    p012_mismatched_figure,
    p013_single_source_unmarked,
    s001_unknown_suppression_code,
    s002_unused_suppression,
)
from writer.check.rules.base import Hit, Rule, RuleContext

RULES: dict[str, Rule] = {
    m.RULE.code: m.RULE
    for m in (
        p001_unsupported_figure,
        p002_unattributed_single_source,
        p003_unverified_as_fact,
        p004_estimate_as_realised,
        p005_collapsed_range,
        p006_contradicts_fact,
        p007_unavailable_metric,
        p008_wrong_source,
        p009_overstated_certainty,
        p010_unverified_in_lede,
        p011_unattributed_figure,
        p012_mismatched_figure,
        p013_single_source_unmarked,
        f001_no_attribution,
        f002_unmarked_claim,
        s001_unknown_suppression_code,
        s002_unused_suppression,
    )
}
BY_NAME: dict[str, Rule] = {r.name: r for r in RULES.values()}


def rule(code_or_name: str) -> Rule | None:
    return RULES.get(code_or_name.upper()) or BY_NAME.get(code_or_name.lower())


__all__ = ["RULES", "BY_NAME", "Hit", "Rule", "RuleContext", "rule"]
