"""fairness.widget-accessibility judged on recorded keyboard walkthroughs."""

from __future__ import annotations

import pytest
from builders import LAUNCHER, bundle, scenario, step, walkthrough

from botaudit.checklist.load import load_checklist
from botaudit.checks.runner import run_criterion
from botaudit.evidence.keyboard import KeyboardWalkthrough
from botaudit.lexicon import matcher

CRITERION = next(
    c for _, c in load_checklist().criteria() if c.id == "fairness.widget-accessibility"
)


def judge(data: KeyboardWalkthrough | None, *, ok: bool = True, error: str | None = None):  # type: ignore[no-untyped-def]
    payload = data if data is not None else {}
    record = step("keyboard", payload, ok=ok, error=error, kind="keyboard_walkthrough")
    return run_criterion(CRITERION, bundle(scenario("keyboard", record)), matcher("fi"))


def test_everything_by_keyboard_passes_and_says_what_was_seen() -> None:
    result = judge(walkthrough())
    assert result.outcome == "pass", result.explain("en")
    en = result.explain("en")
    assert "after 2 presses of Tab and Enter opened the chat" in en
    assert "focus went back to the launcher" in en and 'role="log"' in en
    assert "320×256" in en
    assert result.evidence == ["keyboard/keyboard"]
    assert len({result.explain(lang) for lang in ("fi", "sv", "en")}) == 3


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {
                "launcher": "not_reached",
                "tab_presses": None,
                "opened_with": None,
                "opened_by_mouse": True,
                "launcher_element": '<div id="chat-launcher">',
            },
            'the launcher <div id="chat-launcher"> was not reached in 60 presses of Tab',
        ),
        ({"opened_with": None, "opened_by_mouse": True}, "neither Enter nor Space opened"),
        (
            {"tabs_to_input": None, "message_sent": False, "sent_with": None},
            "the input was not reached in 60 presses of Tab",
        ),
        ({"message_sent": False, "sent_with": None}, "sent neither by Enter nor by the send"),
    ],
)
def test_the_key_barrier_fails(changes: dict, said: str) -> None:
    result = judge(walkthrough(**changes))
    assert result.outcome == "fail"
    assert said in result.explain("en")


def test_a_launcher_tab_cannot_reach_is_quoted_with_the_rest() -> None:
    result = judge(
        walkthrough(
            launcher="not_reached",
            tab_presses=None,
            opened_with=None,
            opened_by_mouse=True,
            launcher_element='<div id="chat-launcher">',
            announced=False,
            live_region="",
        )
    )
    assert result.outcome == "fail"
    assert '<div id="chat-launcher">' in result.quotes
    assert "in no live region" in result.explain("en")  # the other findings are kept


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"announced": False, "live_region": ""}, "in no live region"),
        ({"announced": False, "live_region": '<div aria-hidden="true">'}, "keeps screen readers"),
        ({"focus_moved_in": False, "focus_after_open": LAUNCHER}, "did not move into the chat"),
        (
            {"closed": False, "closed_with": None, "focus_returned": None},
            "neither Escape nor a close button",
        ),
        ({"focus_returned": "lost", "focus_after_close": ""}, "focus was lost"),
    ],
)
def test_other_failures_are_partial_and_named(changes: dict, said: str) -> None:
    result = judge(walkthrough(**changes))
    assert result.outcome == "partial"
    assert said in result.explain("en")
    assert "a message was typed and sent with Enter" in result.explain("en")


def test_reflow_problems_are_partial_and_named() -> None:
    reflow = walkthrough().reflow.model_copy(  # type: ignore[union-attr]
        update={"widget_fits": False, "widget_width": 400, "send_usable": False}
    )
    result = judge(walkthrough(reflow=reflow))
    assert result.outcome == "partial"
    en = result.explain("en")
    assert "400 px wide, wider than the viewport" in en and "send control cannot be reached" in en


def test_focus_elsewhere_after_closing_is_not_lost() -> None:
    result = judge(walkthrough(focus_returned="elsewhere", focus_after_close="<a href='/'>"))
    assert result.outcome == "pass"
    assert "focus went to <a href='/'>" in result.explain("en")


def test_an_always_open_chat_has_nothing_to_open_or_close() -> None:
    result = judge(
        walkthrough(
            launcher="none",
            tab_presses=None,
            opened_with=None,
            focus_moved_in=None,
            closed=None,
            closed_with=None,
            focus_returned=None,
            skipped=["the chat is open from the start: no launcher to open or close"],
        )
    )
    assert result.outcome == "pass", result.explain("en")
    assert "open from the start" in result.explain("en")


def test_what_could_not_be_tried_is_inconclusive_with_the_reason() -> None:
    no_send = judge(walkthrough(message_sent=None, sent_with=None, tabs_to_input=None))
    assert no_send.outcome == "inconclusive"
    assert "could not be tried" in no_send.explain("en")
    no_reflow = judge(walkthrough(reflow=None, skipped=["the 320 px view: Timeout 30000ms"]))
    assert no_reflow.outcome == "inconclusive"
    assert "skipped: the 320 px view: Timeout 30000ms" in no_reflow.quotes
    # A failure elsewhere still makes it partial: what was seen is judged.
    both = judge(walkthrough(reflow=None, announced=False, live_region=""))
    assert both.outcome == "partial"


def test_a_walkthrough_that_did_not_run_is_inconclusive_with_its_error() -> None:
    result = judge(None, ok=False, error="the launcher '#x' did not become visible")
    assert result.outcome == "inconclusive"
    assert "did not become visible" in result.explain("en")
