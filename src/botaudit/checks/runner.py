"""Running the checks: the stage between the evidence bundle and scoring.

For each criterion the runner decides whether it can be judged at all (a check, evidence of
its kind gathered, its scenario selected), looks up the records the check declares, validates
each with its model, and only then calls the check with exactly those records. Every reason
not to judge becomes *not assessed* (the audit did not gather that evidence) or
*inconclusive* (it tried and has no usable record), with a message saying why.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ValidationError

from botaudit.checklist.model import Checklist, Criterion, Value
from botaudit.checks.base import CHECKS, Check, CheckParams, CheckResult, Evidence, Need, result
from botaudit.evidence.model import EvidenceBundle
from botaudit.lexicon import Matcher
from botaudit.messages import msg


@dataclass(frozen=True)
class Judged:
    """One criterion of the checklist and what its check found."""

    value: Value
    criterion: Criterion
    result: CheckResult


def _collect(needs: tuple[Need, ...], bundle: EvidenceBundle) -> Evidence | CheckResult:
    """The validated records, or the inconclusive result saying which one is missing."""
    records: dict[str, BaseModel | None] = {}
    for need in needs:
        found = bundle.lookup(need.kind, need.source, need.name)
        if found.data is None:
            if need.optional:
                records[need.as_key] = None
                continue
            if not found.source_ran:
                key = "runner.no_scenario" if need.kind == "browser" else "runner.no_source"
                return result("inconclusive", key, source=need.source, kind=need.kind)
            return result(
                "inconclusive",
                "runner.no_record" if need.kind == "browser" else "runner.no_record_of",
                evidence=[need.ref],
                kind=need.kind,
                source=need.source,
                name=need.name,
                error=found.error or msg("runner.did_not_run"),
            )
        try:
            records[need.as_key] = need.model.model_validate(found.data)
        except ValidationError as exc:
            # A bundle from another botaudit version, or edited by hand: say so, judge nothing.
            where = ".".join(str(p) for p in exc.errors()[0]["loc"])
            key = "runner.malformed" if need.kind == "browser" else "runner.malformed_record"
            return result("inconclusive", key, source=need.source, name=need.name, where=where)
    return Evidence(records, {need.as_key: need for need in needs})


def run_check(
    check: Check, params: CheckParams, bundle: EvidenceBundle, matcher: Matcher
) -> CheckResult:
    """The check's verdict on the bundle, given only the records it declares."""
    evidence = _collect(check.needs_for(params), bundle)
    if isinstance(evidence, CheckResult):
        return evidence
    return check.judge(evidence, matcher, params)


def run_criterion(criterion: Criterion, bundle: EvidenceBundle, matcher: Matcher) -> CheckResult:
    """Judge one criterion, or say why it is not assessed or inconclusive."""
    if criterion.check is None:
        return result("not_assessed", f"runner.not_gathered.{criterion.evidence}")
    check = CHECKS[criterion.check]
    params = check.params.model_validate(criterion.params or {})
    needs = check.needs_for(params)
    selected = bundle.config.content.get("scenarios")
    required = [n for n in needs if not n.optional]
    for need in required:
        if need.kind == "browser" and selected is not None and need.source not in selected:
            return result("not_assessed", "runner.scenario_not_selected", scenario=need.source)
        if need.kind != "browser" and need.source not in bundle.sources(need.kind):
            return result("not_assessed", f"runner.not_gathered.{need.kind}")
    browser_needs = [n for n in required if n.kind == "browser"]
    if bundle.fatal_error and any(bundle.scenario(n.source) is None for n in browser_needs):
        return result("inconclusive", "runner.audit_failed", error=bundle.fatal_error)
    return run_check(check, params, bundle, matcher)


def judge(bundle: EvidenceBundle, checklist: Checklist, matcher: Matcher) -> list[Judged]:
    """Every criterion of the checklist, judged on the bundle."""
    return [
        Judged(value, criterion, run_criterion(criterion, bundle, matcher))
        for value, criterion in checklist.criteria()
    ]
