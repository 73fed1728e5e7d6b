"""privacy.shared-computer-warning: is the conversation left for the next user, unwarned?

Judged from the `next-user` scenario (`gather/next_user.py`); sentences in
`messages/<lang>/next_user.yaml`.

- pass: the typed personal data is on screen for the next user in none of the cases
  played (the conversation itself may come back, redacted);
- partial: it is, but a notice shown before typing says the conversation stays on the
  device or names the shared-computer risk (lexicon `shared_computer_notice`);
- fail: it is, and no such notice was shown;
- inconclusive: no case could be played.
"""

from __future__ import annotations

from botaudit.checks.base import CheckResult, Evidence, browser, check, result
from botaudit.evidence.next_user import NextUserView
from botaudit.evidence.observations import PersonalDataInput, WidgetView
from botaudit.lexicon import Matcher
from botaudit.messages import Many, msg, quoted

SCENARIO = "next-user"
CASES = ("after_back", "after_reopen", "in_new_tab")


def _cases(views: list[NextUserView]) -> Many:
    return Many(items=[msg(f"next_user.case.{v.how}") for v in views], sep="; ")


def judge_shared_computer(
    views: list[NextUserView], notice: list[str], evidence: list[str] | None = None
) -> CheckResult:
    """The verdict from what the next user saw and the notice found before typing."""
    if not views:
        return result("inconclusive", "next_user.inconclusive", evidence=evidence)
    leaked = [v for v in views if v.typed_data_shown]
    if not leaked:
        again = [v for v in views if v.conversation_shown]
        conversation = (
            msg("next_user.conversation_shown", cases=_cases(again))
            if again
            else msg("next_user.conversation_gone")
        )
        return result(
            "pass",
            "next_user.pass",
            evidence=evidence,
            cases=_cases(views),
            conversation=conversation,
        )
    kinds = ", ".join(sorted({k for v in leaked for k in v.typed_data_shown}))
    if notice:
        return result(
            "partial",
            "next_user.partial",
            evidence=evidence,
            quotes=notice,
            kinds=kinds,
            cases=_cases(leaked),
            notice=quoted(notice),
        )
    return result("fail", "next_user.fail", evidence=evidence, kinds=kinds, cases=_cases(leaked))


@check(
    "shared_computer_warning",
    needs=(
        browser(SCENARIO, "before_input", WidgetView),
        browser(SCENARIO, "personal_data", PersonalDataInput),
        *(browser(SCENARIO, case, NextUserView, optional=True) for case in CASES),
    ),
)
def shared_computer_warning(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    views = [view for case in CASES if (view := ev.get(case)) is not None]
    notice = m.find("shared_computer_notice", ev["before_input"].visible_text)
    evidence = [ev.ref(name) for name in ("before_input", *CASES)]
    return judge_shared_computer(views, notice, evidence)
