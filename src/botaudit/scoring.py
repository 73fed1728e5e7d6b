"""From evidence to judged criteria, and from criteria to value scores.

Scoring rules (the design's "honest scoring"):
- a criterion's outcome comes from its check; criteria without a check, or whose evidence
  kind this audit does not gather, are *not assessed* — never counted as pass or fail;
- a value's score (0-100) is the weighted mean of its judged criteria (pass 1, partial 0.5,
  fail 0); inconclusive and not-assessed criteria carry no score but lower the coverage;
- coverage is the judged share of the value's weight (not-applicable criteria left out);
- a failed critical criterion makes the value red whatever the mean (a serious failure is
  never averaged away); otherwise green at >= thresholds.green, yellow at >= yellow.
"""

from __future__ import annotations

from botaudit.checklist.model import Checklist, Criterion
from botaudit.checks import CHECKS
from botaudit.checks.base import JUDGED, CheckResult, say
from botaudit.evidence.model import EvidenceBundle
from botaudit.lexicon import Matcher
from botaudit.report.model import CriterionResult, Status, Thresholds, ValueResult

CREDIT = {"pass": 1.0, "partial": 0.5, "fail": 0.0}
_NOT_GATHERED = {
    "conversation": (
        "Tämä kriteeri vaatii keskustelutestejä botin rajapinnan kautta, eikä tämä "
        "auditointi tee niitä vielä.",
        "needs conversation probes over the bot's API, which this audit does not run yet",
    ),
    "transcript": (
        "Tämä kriteeri vaatii botista tallennettuja keskustelulokeja, eikä niitä annettu.",
        "needs exported conversation transcripts, which were not given",
    ),
    "self-assessment": (
        "Tähän kriteeriin vastaa organisaatio itsearvioinnissa, eikä itsearviointia annettu.",
        "is answered by the organisation in a self-assessment, which was not given",
    ),
    "browser": (
        "Tälle kriteerille ei ole vielä automaattista selaintarkistusta; arvioi se käsin.",
        "has no automated browser check yet; review it by hand",
    ),
}


def _result_for(criterion: Criterion, bundle: EvidenceBundle, matcher: Matcher) -> CheckResult:
    if criterion.check is None:
        fi, en = _NOT_GATHERED[criterion.evidence]
        return CheckResult(outcome="not_assessed", explanation=say(fi, f"This criterion {en}."))
    check = CHECKS[criterion.check]
    selected = bundle.config.content.get("scenarios")
    if selected is not None and check.evidence == "browser" and check.scenario not in selected:
        return CheckResult(
            outcome="not_assessed",
            explanation=say(
                "Asetusten skenaarioluettelo (scenarios) ei sisällä skenaariota "
                f"'{check.scenario}'.",
                f"The config's scenarios list leaves out '{check.scenario}'.",
            ),
        )
    if bundle.fatal_error and bundle.scenario(check.scenario) is None:
        return CheckResult(
            outcome="inconclusive",
            explanation=say(
                f"Auditointia ei voitu suorittaa: {bundle.fatal_error}",
                f"The audit could not run: {bundle.fatal_error}",
            ),
        )
    return check.run(bundle, matcher)


def judge(bundle: EvidenceBundle, checklist: Checklist, matcher: Matcher) -> list[CriterionResult]:
    results = []
    for value, criterion in checklist.criteria():
        outcome = _result_for(criterion, bundle, matcher)
        results.append(
            CriterionResult(
                id=criterion.id,
                value=value.id,
                title=criterion.title,
                recommendation=criterion.recommendation,
                rationale=criterion.rationale,
                source=criterion.source,
                evidence_kind=criterion.evidence,
                severity=criterion.severity,
                weight=criterion.weight,
                errc=criterion.errc,
                regulatory=criterion.regulatory,
                check=criterion.check,
                **outcome.model_dump(),
            )
        )
    return results


def _status(score: float | None, critical_failure: bool, thresholds: Thresholds) -> Status:
    if score is None:
        return "not_assessed"
    if critical_failure:
        return "red"
    if score >= thresholds.green:
        return "green"
    return "yellow" if score >= thresholds.yellow else "red"


def score_values(
    checklist: Checklist, results: list[CriterionResult], thresholds: Thresholds
) -> list[ValueResult]:
    by_value: dict[str, list[CriterionResult]] = {}
    for result in results:
        by_value.setdefault(result.value, []).append(result)
    values = []
    for value in checklist.values:
        criteria = by_value.get(value.id, [])
        applicable = [c for c in criteria if c.outcome != "not_applicable"]
        judged = [c for c in applicable if c.outcome in JUDGED]
        total = sum(c.weight for c in applicable)
        judged_weight = sum(c.weight for c in judged)
        score = (
            round(100 * sum(c.weight * CREDIT[c.outcome] for c in judged) / judged_weight, 1)
            if judged_weight
            else None
        )
        critical_failure = any(c.outcome == "fail" and c.severity == "critical" for c in judged)
        counts: dict[str, int] = {}
        for c in criteria:
            counts[c.outcome] = counts.get(c.outcome, 0) + 1
        values.append(
            ValueResult(
                id=value.id,
                number=value.number,
                name=value.name,
                definition=value.definition,
                central=value.central,
                score=score,
                coverage=round(judged_weight / total, 3) if total else 0.0,
                status=_status(score, critical_failure, thresholds),
                critical_failure=critical_failure,
                counts=counts,
                criteria=[c.id for c in criteria],
            )
        )
    return values
