"""Automated accessibility of the widget (axe-core, WCAG 2.1 A/AA).

Automated rules find only part of the barriers, so this judges its own criterion
("no violations found by automated checks"); keyboard and screen-reader use stay a manual
criterion.
"""

from __future__ import annotations

from botaudit.checks.base import CheckResult, Evidence, browser, check, result
from botaudit.evidence.observations import AccessibilityScan, AxeViolation
from botaudit.lexicon import Matcher
from botaudit.messages import Many, Message, msg

SERIOUS = {"serious", "critical"}
IMPACTS = {"minor", "moderate", "serious", "critical"}


def _impact(violation: AxeViolation) -> Message | str:
    """axe's impact in the report language; an unknown one as axe wrote it."""
    if violation.impact is None:
        return msg("accessibility.impact.unknown")
    if violation.impact in IMPACTS:
        return msg(f"accessibility.impact.{violation.impact}")
    return violation.impact


@check(
    "widget_accessibility_axe", needs=(browser("bot-identity", "accessibility", AccessibilityScan),)
)
def widget_accessibility_axe(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    scan: AccessibilityScan = ev["accessibility"]
    evidence = [ev.ref("accessibility")]
    where = msg("accessibility.where", engine=scan.engine, scope=scan.scope)
    if not scan.violations:
        return result("pass", "accessibility.pass", evidence=evidence, where=where)
    found = [
        msg(
            "accessibility.violation",
            id=v.id,
            impact=_impact(v),
            nodes=v.nodes,
            help=v.help,
        )
        for v in scan.violations
    ]
    serious = [v for v in scan.violations if v.impact in SERIOUS]
    severity = (
        msg("accessibility.serious", count=len(serious))
        if serious
        else msg("accessibility.none_serious")
    )
    quotes = [
        f"{v.id} ({v.impact or 'unknown impact'}, {v.nodes} element(s)): {v.help}"
        for v in scan.violations
    ]
    return result(
        "fail" if serious else "partial",
        "accessibility.violations",
        evidence=evidence,
        quotes=quotes[:8],
        count=len(scan.violations),
        severity=severity,
        where=where,
        found=Many(items=found[:5], sep="; "),
    )
