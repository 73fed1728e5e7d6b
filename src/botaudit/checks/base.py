"""What a check is: a pure function from an evidence bundle to an outcome.

Checks declare the scenario and steps whose records they read (like Lighthouse audits
declare their artifacts). The runner turns missing or failed evidence into an
*inconclusive* outcome with the reason, so a check body only ever sees evidence that
exists, and a missing observation can never pass or fail a criterion by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from botaudit.checklist.model import Text
from botaudit.evidence.model import EvidenceBundle, ScenarioRecord
from botaudit.lexicon import Matcher

Outcome = Literal["pass", "partial", "fail", "inconclusive", "not_applicable", "not_assessed"]
JUDGED: frozenset[str] = frozenset({"pass", "partial", "fail"})


def say(fi: str, en: str) -> Text:
    """An explanation in Finnish and English (the report shows its language's one)."""
    return Text(fi=fi, en=en)


class CheckResult(BaseModel):
    outcome: Outcome
    explanation: Text
    evidence: list[str] = Field(
        default_factory=list,
        description="References into the bundle: 'scenario/step' or artefact paths.",
    )
    quotes: list[str] = Field(default_factory=list, description="Text found, personal data masked.")


Judge = Callable[[ScenarioRecord, Matcher], CheckResult]


@dataclass(frozen=True)
class Check:
    name: str
    scenario: str
    steps: tuple[str, ...]
    summary: str
    judge: Judge
    evidence: str = "browser"  # the checklist's evidence kind this check reads

    def run(self, bundle: EvidenceBundle, matcher: Matcher) -> CheckResult:
        record = bundle.scenario(self.scenario)
        if record is None:
            return CheckResult(
                outcome="inconclusive",
                explanation=say(
                    f"Skenaariota '{self.scenario}' ei ajettu, joten todisteita ei ole.",
                    f"The scenario '{self.scenario}' did not run, so there is no evidence.",
                ),
            )
        for step_name in self.steps:
            step = record.step(step_name)
            if step is None or not step.ok:
                why = step.error if step is not None else (record.error or "it did not run")
                why_fi = step.error if step is not None else (record.error or "sitä ei ajettu")
                return CheckResult(
                    outcome="inconclusive",
                    explanation=say(
                        f"Skenaarion '{self.scenario}' vaiheesta '{step_name}' ei ole "
                        f"todisteita: {why_fi}",
                        f"Step '{step_name}' of scenario '{self.scenario}' has no evidence: {why}",
                    ),
                    evidence=[f"{self.scenario}/{step_name}"],
                )
        try:
            return self.judge(record, matcher)
        except ValidationError as exc:
            # A bundle from another botaudit version, or edited by hand: say so, judge nothing.
            where = ".".join(str(p) for p in exc.errors()[0]["loc"])
            return CheckResult(
                outcome="inconclusive",
                explanation=say(
                    f"Skenaarion '{self.scenario}' todisteet ovat vajaat tai väärän muotoisia "
                    f"({where}); aja auditointi uudelleen.",
                    f"The evidence of scenario '{self.scenario}' is incomplete or malformed "
                    f"({where}); re-run the audit.",
                ),
            )


CHECKS: dict[str, Check] = {}


def check(name: str, *, scenario: str, steps: tuple[str, ...], summary: str):
    """Register a judge function as the check `name`."""

    def register(judge: Judge) -> Judge:
        if name in CHECKS:
            raise ValueError(f"check {name!r} registered twice")
        CHECKS[name] = Check(name, scenario, steps, summary, judge)
        return judge

    return register
