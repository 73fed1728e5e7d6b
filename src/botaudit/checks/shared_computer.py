"""privacy.shared-computer-warning: is the conversation left for the next user, unwarned?

The judging is a pure function over the `next-user` scenario's observations
(`judge_shared_computer`), returning an outcome, a message key and named parameters; the
sentences live in `messages/<lang>/next_user.yaml`. The registered check is a thin
adapter to the current check interface.

- pass: the typed personal data is on screen for the next user in none of the cases
  played (the conversation itself may come back, redacted);
- partial: it is, but a notice shown before typing says the conversation stays on the
  device or names the shared-computer risk (lexicon `shared_computer_notice`);
- fail: it is, and no such notice was shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

import yaml

from botaudit.checks.base import CheckResult, Outcome, check, say
from botaudit.evidence.model import ScenarioRecord
from botaudit.evidence.next_user import NextUserView
from botaudit.evidence.observations import WidgetView
from botaudit.lexicon import Matcher
from botaudit.resources import data_dir

SCENARIO = "next-user"
CASES = ("after_back", "after_reopen", "in_new_tab")


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    quotes: list[str] = field(default_factory=list)


def judge_shared_computer(views: list[NextUserView], notice: list[str]) -> Verdict:
    """The verdict from what the next user saw and the notice found before typing."""
    if not views:
        return Verdict("inconclusive", "shared_computer.inconclusive")
    leaked = [v for v in views if v.typed_data_shown]
    if not leaked:
        again = [v.how for v in views if v.conversation_shown]
        return Verdict(
            "pass",
            "shared_computer.pass",
            {"cases": [v.how for v in views], "conversation_cases": again},
        )
    kinds = sorted({k for v in leaked for k in v.typed_data_shown})
    params = {"kinds": kinds, "cases": [v.how for v in leaked]}
    if notice:
        return Verdict("partial", "shared_computer.partial", {**params, "notice": notice}, notice)
    return Verdict("fail", "shared_computer.fail", params)


@cache
def _messages(language: str) -> dict[str, str]:
    path = data_dir("messages") / language / "next_user.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def render(verdict: Verdict, language: str, why: str = "") -> str:
    """The verdict's sentence in `language`, lists joined and cases named in it."""
    text = _messages(language)
    params = dict(verdict.params)
    cases = params.get("cases", [])
    params["cases"] = "; ".join(text[f"case.{c}"] for c in cases)
    params["kinds"] = ", ".join(params.get("kinds", []))
    params["notice"] = " / ".join(repr(n) for n in params.get("notice", []))
    params["why"] = why
    again = params.pop("conversation_cases", [])
    if verdict.key == "shared_computer.pass":
        named = "; ".join(text[f"case.{c}"] for c in again)
        key = "conversation_shown" if again else "conversation_gone"
        params["conversation"] = text[f"shared_computer.{key}"].format(cases=named)
    return " ".join(text[verdict.key].format(**params).split())


@check(
    "shared_computer_warning",
    scenario=SCENARIO,
    steps=("before_input", "personal_data"),
    summary="The next user of a shared computer does not see the typed data, or was warned.",
)
def shared_computer_warning(record: ScenarioRecord, m: Matcher) -> CheckResult:
    views = [v for name in CASES if (v := record.observed(name, NextUserView)) is not None]
    greeting = record.required("before_input", WidgetView)
    notice = m.find("shared_computer_notice", greeting.visible_text)
    verdict = judge_shared_computer(views, notice)
    why = record.error or "every case failed"
    return CheckResult(
        outcome=verdict.outcome,
        explanation=say(render(verdict, "fi", why), render(verdict, "en", why)),
        evidence=[f"{SCENARIO}/{name}" for name in ("before_input", *CASES)],
        quotes=verdict.quotes,
    )
