"""acceptability.feedback-control and acceptability.graded-feedback: how feedback is asked.

Judged from the `find_feedback` step at the end of the `bot-identity` scenario
(`gather/feedback.py`); sentences in `messages/<lang>/feedback.yaml`. OuluBot offered
"onnistui / epäonnistui" buttons and text (METKU 2022, Lisäselvitys 2, 4.2.2), only "kun
suljet chatin" (4.2.3); the study recommends a graded scale (4.2.4 Hyväksyttävyys).

feedback-control:
- pass: feedback can be given without closing the chat (beside an answer, or anytime);
- partial: only when the chat is closed or ended;
- fail: no feedback control anywhere (and closing showed none, or there is no close);
- inconclusive: nothing found, and closing the chat failed or could not be tried.

graded-feedback (over every form found, as a citizen may use any of them):
- pass: a graded scale (3 or more ordered choices) and a free-text field;
- partial: one of the two (OuluBot: success/failure and text);
- fail: only a binary or single choice, no text — or no feedback at all: the criterion
  asks how feedback is collected, and none is collected;
- inconclusive: a form could not be seen (a link to another page, a control that showed no
  form) and the forms seen do not pass; or nothing found and closing could not be tried.
"""

from __future__ import annotations

from botaudit.checks.base import CheckResult, Evidence, browser, check, result
from botaudit.evidence.feedback import FeedbackControls, FeedbackForm
from botaudit.lexicon import Matcher
from botaudit.messages import Many, Message, msg

SCENARIO = "bot-identity"
NEED = browser(SCENARIO, "feedback", FeedbackControls)


def describe(form: FeedbackForm) -> Message:
    """One form in the report's language: where, what scale, its labels, text or not."""
    choices = ", ".join(f"'{c}'" for c in form.choices) or "—"
    return msg(
        "feedback.form",
        where=msg(f"feedback.where.{form.where}"),
        scale=msg(f"feedback.scale.{form.scale}", count=form.levels),
        choices=choices,
        text=msg("feedback.text.offered" if form.text_field else "feedback.text.absent"),
    )


def _forms(forms: list[FeedbackForm]) -> Many:
    return Many(items=[describe(f) for f in forms], sep="; ")


def _quotes(forms: list[FeedbackForm]) -> list[str]:
    return [q for f in forms for q in (f.opened_by, f.prompt, f.link) if q][:6]


def _not_found(data: FeedbackControls, evidence: list[str]) -> CheckResult:
    """Nothing found: a fail when closing was tried or impossible, else inconclusive."""
    if data.close in ("failed", "skipped"):
        return result(
            "inconclusive", "feedback.close_failed", evidence=evidence, detail=data.detail
        )
    key = "feedback.none" if data.close == "clicked" else "feedback.none_no_close"
    return result("fail", key, evidence=evidence, control=data.close_control)


def judge_feedback_control(data: FeedbackControls, evidence: list[str]) -> CheckResult:
    open_chat = data.where("per_answer", "anytime")
    if open_chat:
        return result(
            "pass",
            "feedback.control.pass",
            evidence=evidence,
            quotes=_quotes(open_chat),
            forms=_forms(open_chat),
        )
    on_close = data.where("on_close")
    if on_close:
        return result(
            "partial",
            "feedback.control.partial",
            evidence=evidence,
            quotes=_quotes(on_close),
            forms=_forms(on_close),
            control=data.close_control,
        )
    return _not_found(data, evidence)


def judge_graded_feedback(data: FeedbackControls, evidence: list[str]) -> CheckResult:
    if not data.forms:
        return _not_found(data, evidence)
    seen = [f for f in data.forms if f.inspected]
    graded = [f for f in seen if f.scale == "graded"]
    text = [f for f in seen if f.text_field]
    quotes = _quotes(data.forms)
    if graded and text:
        return result(
            "pass", "feedback.graded.pass", evidence=evidence, quotes=quotes, forms=_forms(seen)
        )
    unseen = [f for f in data.forms if not f.inspected]
    if unseen:
        where = Many(items=[f.link or f.opened_by for f in unseen], sep="; ")
        return result(
            "inconclusive", "feedback.graded.unseen", evidence=evidence, quotes=quotes, where=where
        )
    if graded or text:
        key = "feedback.graded.partial_no_text" if graded else "feedback.graded.partial_no_scale"
        return result("partial", key, evidence=evidence, quotes=quotes, forms=_forms(seen))
    return result(
        "fail", "feedback.graded.fail", evidence=evidence, quotes=quotes, forms=_forms(seen)
    )


@check("feedback_control", needs=(NEED,))
def feedback_control(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    return judge_feedback_control(ev["feedback"], [ev.ref("feedback")])


@check("graded_feedback", needs=(NEED,))
def graded_feedback(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    return judge_graded_feedback(ev["feedback"], [ev.ref("feedback")])
