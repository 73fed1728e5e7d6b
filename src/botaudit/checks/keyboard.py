"""fairness.widget-accessibility: can the chat be used with the keyboard alone?

Judged on the keyboard walkthrough (`keyboard` scenario), each part as a finding:

- fail: the key barrier, the chat cannot be opened (launcher not reached by Tab, or neither
  Enter nor Space opens it) or no message can be sent with the keyboard alone;
- partial: opened and used by keyboard, but another part fails: focus does not move into
  the chat, messages are in no live region, neither Escape nor a close button found by Tab
  closes it, focus is lost (to the page's <body>) when it closes, or the open chat does not
  fit 320 CSS px (sideways scrolling, input / send control / last message out of reach);
- pass: every part that applies passes (a chat open from the start has nothing to open or
  close: those parts do not apply);
- inconclusive: sending could not be tried, or a part could not be looked at (the reason
  is named) while none failed.

What automation cannot judge (reading order with a screen reader, whether announcements
make sense, 200 % text size) is the person's criterion `fairness.screen-reader-review`.
"""

from __future__ import annotations

from typing import Literal

from botaudit.checks.base import CheckResult, Evidence, browser, check, result
from botaudit.evidence.keyboard import KeyboardWalkthrough, Reflow
from botaudit.lexicon import Matcher
from botaudit.messages import Many, Message, msg

SCENARIO = "keyboard"
Status = Literal["ok", "failed", "barrier", "unknown"]
Finding = tuple[Status, Message]


def _opening(d: KeyboardWalkthrough) -> list[Finding]:
    if d.launcher == "none":
        return [("ok", msg("keyboard.open.always"))]
    if d.launcher == "not_reached":
        element = d.launcher_element
        return [("barrier", msg("keyboard.open.not_reached", count=d.max_tabs, element=element))]
    if d.opened_with is None:
        return [("barrier", msg("keyboard.open.no_key", count=d.tab_presses))]
    found: list[Finding] = [("ok", msg("keyboard.open.ok", count=d.tab_presses, key=d.opened_with))]
    if d.focus_moved_in is not None:
        key = "keyboard.focus_in.ok" if d.focus_moved_in else "keyboard.focus_in.failed"
        where = d.focus_after_open or "<body>"
        found.append(("ok" if d.focus_moved_in else "failed", msg(key, where=where)))
    return found


def _sending(d: KeyboardWalkthrough) -> Finding:
    if d.message_sent is None:
        return ("unknown", msg("keyboard.send.unknown"))
    if d.tabs_to_input is None:
        return ("barrier", msg("keyboard.send.no_input", count=d.max_tabs))
    if not d.message_sent:
        return ("barrier", msg("keyboard.send.failed"))
    how = msg("keyboard.send.enter" if d.sent_with == "Enter" else "keyboard.send.button")
    return ("ok", msg("keyboard.send.ok", how=how))


def _announcing(d: KeyboardWalkthrough) -> Finding:
    if d.announced is None:
        return ("unknown", msg("keyboard.live.unknown"))
    if d.announced:
        return ("ok", msg("keyboard.live.ok", region=d.live_region))
    if d.live_region:  # the nearest region is aria-live="off" or hidden from assistive tech
        return ("failed", msg("keyboard.live.silenced", region=d.live_region))
    return ("failed", msg("keyboard.live.none"))


def _closing(d: KeyboardWalkthrough) -> list[Finding]:
    if d.launcher == "none":
        return []
    if d.closed is None:
        return [("unknown", msg("keyboard.close.unknown"))]
    if not d.closed:
        return [("failed", msg("keyboard.close.failed"))]
    how = (
        msg("keyboard.close.escape")
        if d.closed_with == "Escape"
        else msg("keyboard.close.button", name=d.close_button)
    )
    where = d.focus_after_close
    if d.focus_returned == "launcher":
        return [("ok", msg("keyboard.close.to_launcher", how=how))]
    if d.focus_returned == "elsewhere":
        return [("ok", msg("keyboard.close.elsewhere", how=how, where=where))]
    return [("failed", msg("keyboard.close.lost", how=how))]


def _reflow(r: Reflow | None) -> Finding:
    if r is None:
        return ("unknown", msg("keyboard.reflow.unknown"))
    problems = []
    if not r.widget_fits:
        problems.append(msg("keyboard.reflow.too_wide", width=f"{r.widget_width:g}"))
    if r.scrolls_sideways:
        problems.append(msg("keyboard.reflow.sideways"))
    for ok, part in (
        (r.input_usable, "input"),
        (r.send_usable, "send"),
        (r.message_readable, "message"),
    ):
        if ok is False:
            problems.append(msg(f"keyboard.reflow.out_of_reach.{part}"))
    size = f"{r.width}×{r.height}"
    if problems:
        return ("failed", msg("keyboard.reflow.failed", size=size, problems=Many(items=problems)))
    return ("ok", msg("keyboard.reflow.ok", size=size))


def judge_keyboard(d: KeyboardWalkthrough, evidence: list[str]) -> CheckResult:
    findings = [*_opening(d), _sending(d), _announcing(d), *_closing(d), _reflow(d.reflow)]

    def of(*statuses: Status) -> Many:
        return Many(items=[m for s, m in findings if s in statuses], sep="; ")

    quotes = [q for q in (d.launcher_element, d.live_region, d.focus_after_close) if q]
    quotes += [f"skipped: {reason}" for reason in d.skipped]
    if d.reflow is not None and d.reflow.detail:
        quotes.append(f"{d.reflow.width}×{d.reflow.height}: {d.reflow.detail}")
    statuses = {s for s, _ in findings}
    common = {"evidence": evidence, "quotes": quotes[:8]}
    if "barrier" in statuses:
        return result(
            "fail",
            "keyboard.fail",
            **common,
            barrier=of("barrier"),
            found=of("ok", "failed", "unknown"),
        )
    if _sending(d)[0] == "unknown":
        return result(
            "inconclusive",
            "keyboard.inconclusive",
            **common,
            unknown=of("unknown"),
            found=of("ok", "failed"),
        )
    if "failed" in statuses:
        return result(
            "partial", "keyboard.partial", **common, failed=of("failed"), found=of("ok", "unknown")
        )
    if "unknown" in statuses:
        return result(
            "inconclusive", "keyboard.inconclusive", **common, unknown=of("unknown"), found=of("ok")
        )
    return result("pass", "keyboard.pass", **common, found=of("ok"))


@check("widget_keyboard", needs=(browser(SCENARIO, "keyboard", KeyboardWalkthrough),))
def widget_keyboard(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    return judge_keyboard(ev["keyboard"], [ev.ref("keyboard")])
