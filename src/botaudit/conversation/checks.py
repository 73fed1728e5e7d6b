"""The sixteen conversation criteria plugged into the checklist's check registry.

A thin adapter: the evidence is the `conversation` scenario record (see model.py), the
judging is `criteria` (pure functions), the sentences come from the message catalogue.
Without a conversation record the criteria stay *not assessed* — the audit did not try —
rather than inconclusive.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from botaudit.checklist.model import Text
from botaudit.checks.base import CHECKS, Check, CheckResult
from botaudit.conversation.criteria import CRITERIA, Verdict
from botaudit.conversation.criteria.base import run_criterion
from botaudit.conversation.messages import say
from botaudit.conversation.model import SCENARIO_ID, STEP_NAME, ConversationRun
from botaudit.conversation.signals import load_judging
from botaudit.evidence.model import EvidenceBundle, ScenarioRecord
from botaudit.lexicon import Matcher


def _text(key: str, params: dict[str, object] | None = None) -> Text:
    return Text(fi=say(key, "fi", params), en=say(key, "en", params), sv=say(key, "sv", params))


def result(verdict: Verdict) -> CheckResult:
    return CheckResult(
        outcome=verdict.outcome,  # type: ignore[arg-type]
        explanation=_text(verdict.key, dict(verdict.params)),
        evidence=[f"{SCENARIO_ID}/{STEP_NAME}"],
        quotes=[str(q) for q in verdict.quotes],
    )


def judge_criterion(criterion: str, record: ScenarioRecord, matcher: Matcher) -> CheckResult:
    """Judge one criterion from the recorded run (Check.run has ensured the step ran)."""
    run = record.required(STEP_NAME, ConversationRun)
    return result(run_criterion(CRITERIA[criterion], run, load_judging()))


def check_name(criterion_id: str) -> str:
    """'professionalism.concise-answers' → 'conversation_concise_answers'."""
    return "conversation_" + criterion_id.split(".", 1)[1].replace("-", "_")


@dataclass(frozen=True)
class ConversationCheck(Check):
    """A check that is *not assessed*, not inconclusive, when no probes were configured."""

    def run(self, bundle: EvidenceBundle, matcher: Matcher) -> CheckResult:
        if bundle.scenario(SCENARIO_ID) is None:
            return CheckResult(outcome="not_assessed", explanation=_text("conversation.not-run"))
        return super().run(bundle, matcher)


for _criterion, _function in CRITERIA.items():
    _name = check_name(_criterion)
    CHECKS[_name] = ConversationCheck(
        name=_name,
        scenario=SCENARIO_ID,
        steps=(STEP_NAME,),
        summary=(_function.__doc__ or _criterion).strip().splitlines()[0],
        judge=partial(judge_criterion, _criterion),
        evidence="conversation",
    )
