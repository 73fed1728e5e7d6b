"""Automated accessibility of the widget (axe-core, WCAG 2.1 A/AA).

Automated rules find only part of the barriers, so this judges its own criterion
("no violations found by automated checks"); keyboard and screen-reader use stay a manual
criterion.
"""

from __future__ import annotations

from botaudit.checks.base import CheckResult, check, say
from botaudit.evidence.model import ScenarioRecord
from botaudit.evidence.observations import AccessibilityScan
from botaudit.lexicon import Matcher

SERIOUS = {"serious", "critical"}
IMPACT_FI = {
    "minor": "vähäinen",
    "moderate": "kohtalainen",
    "serious": "vakava",
    "critical": "kriittinen",
}


@check(
    "widget_accessibility_axe",
    scenario="bot-identity",
    steps=("accessibility",),
    summary="axe-core finds no WCAG 2.1 A/AA violations in the open widget.",
)
def widget_accessibility_axe(record: ScenarioRecord, m: Matcher) -> CheckResult:
    scan = record.required("accessibility", AccessibilityScan)
    evidence = ["bot-identity/accessibility"]
    found = [
        f"{v.id} ({v.impact or 'unknown impact'}, {v.nodes} element(s)): {v.help}"
        for v in scan.violations
    ]
    found_fi = [
        f"{v.id} ({IMPACT_FI.get(v.impact, v.impact) if v.impact else 'vakavuus tuntematon'}, "
        f"elementtejä {v.nodes}): {v.help}"
        for v in scan.violations
    ]
    where = f"{scan.engine}, WCAG 2.1 A/AA rules, scope: {scan.scope}"
    where_fi = f"{scan.engine}, WCAG 2.1 A/AA -säännöt, tarkistettu alue: {scan.scope}"
    if not scan.violations:
        return CheckResult(
            outcome="pass",
            explanation=say(
                f"Rikkomuksia ei löytynyt ({where_fi}). Automaattiset säännöt löytävät vain "
                "osan esteistä; näppäimistön ja ruudunlukijan käyttö on tarkistettava käsin.",
                f"No violations found ({where}). Automated rules catch only part "
                "of the barriers; keyboard and screen-reader use need a manual check.",
            ),
            evidence=evidence,
        )
    serious = [v for v in scan.violations if v.impact in SERIOUS]
    severity = f"{len(serious)} of them serious or critical" if serious else "none serious"
    severity_fi = (
        f"joista vakavia tai kriittisiä {len(serious)}" if serious else "ei yhtään vakavaa"
    )
    return CheckResult(
        outcome="fail" if serious else "partial",
        explanation=say(
            f"Rikottuja sääntöjä {len(scan.violations)}, {severity_fi} ({where_fi}): "
            + "; ".join(found_fi[:5]),
            f"{len(scan.violations)} rule(s) violated, {severity} ({where}): "
            + "; ".join(found[:5]),
        ),
        evidence=evidence,
        quotes=found[:8],
    )
