"""acceptability.feedback-control and acceptability.graded-feedback on recorded evidence.

Two halves: how `find_feedback` classifies a form from the controls the page listed in it
(scale kind, levels, free text; the form's own send/cancel buttons are no choices), and
how the two checks judge the recorded forms, through the runner as an audit would.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from builders import bundle, scenario, step

from botaudit.checklist.load import load_checklist
from botaudit.checks.runner import run_criterion
from botaudit.evidence.feedback import FeedbackControls, FeedbackForm
from botaudit.gather.feedback import _is_form, _Words, read_form
from botaudit.lexicon import load_lexicon, matcher

CRITERIA = {c.id: c for _, c in load_checklist().criteria()}
CONTROL, GRADED = "acceptability.feedback-control", "acceptability.graded-feedback"
CTX = SimpleNamespace(lexicon=load_lexicon()[0], mask=lambda text: text)
WORDS = _Words(CTX)  # type: ignore[arg-type]


def control(name: str = "", tag: str = "button", **fields: Any) -> dict[str, Any]:
    """One control as the page describes it (`feedback_dom.describe`)."""
    return {
        "id": "",
        "tag": tag,
        "type": "",
        "role": "",
        "names": [name] if name else [],
        "href": "",
        "chat_input": False,
        "group": "",
        "min": 0,
        "max": 100,
        "step": 1,
        "options": 0,
        "text_field": False,
        **fields,
    }


def radio(label: str) -> dict[str, Any]:
    return control(label, "input", type="radio", group="rating")


TEXT = control("Kerro lisää (vapaaehtoinen)", "textarea", text_field=True)
SEND, CANCEL = control("Lähetä palaute"), control("Peruuta")


def form(*controls: dict[str, Any], prompt: str = "Anna palautetta") -> FeedbackForm:
    found = {"prompt": prompt, "controls": list(controls)}
    return read_form(CTX, WORDS, found, "anytime")  # type: ignore[arg-type]


# -- what find_feedback records ----------------------------------------------------------


def test_radio_scale_of_five_with_text_is_graded() -> None:
    read = form(*(radio(str(i)) for i in range(1, 6)), TEXT, SEND, CANCEL)
    assert (read.scale, read.scale_type, read.levels) == ("graded", "radio", 5)
    assert read.choices == ["1", "2", "3", "4", "5"]
    assert read.text_field and read.text_field_label == "Kerro lisää (vapaaehtoinen)"


def test_oulubot_success_failure_buttons_are_binary_and_send_is_no_choice() -> None:
    read = form(control("Onnistui"), control("Epäonnistui"), TEXT, SEND, control("Sulje"))
    assert (read.scale, read.levels, read.choices) == ("binary", 2, ["Onnistui", "Epäonnistui"])


@pytest.mark.parametrize(
    ("controls", "scale", "levels"),
    [
        ([control(f"{i} tähteä") for i in range(1, 6)], "graded", 5),
        ([control(face) for face in "😞🙁😐🙂😀"], "graded", 5),
        ([control("Thumbs up"), control("Thumbs down")], "binary", 2),
        ([control("👍"), control("👎")], "binary", 2),
        ([control("Kyllä"), control("Ei")], "binary", 2),
        ([control("Ja"), control("Nej")], "binary", 2),
        ([control("Helpful")], "single", 1),
        ([control("Rate", "input", type="range", min=0, max=10)], "graded", 11),
        ([control("Arvio", "select", options=4)], "graded", 4),
        ([TEXT, SEND], "none", 0),
    ],
)
def test_scales(controls: list[dict[str, Any]], scale: str, levels: int) -> None:
    read = form(*controls)
    assert (read.scale, read.levels) == (scale, levels)


def test_other_buttons_of_a_form_are_no_choices() -> None:
    # A button with no rating word (a menu, "Poista keskustelu") is not a point on a scale.
    read = form(control("Onnistui"), control("Epäonnistui"), control("Poista keskustelu"))
    assert read.levels == 2
    # flowise-embed's row beside an answer: the Swedish "respons" is not the English word.
    row = [control("Regenerate response"), control("Copy"), control("Thumbs Up")]
    read = form(*row, control("Thumbs Down"))
    assert (read.levels, read.choices) == (2, ["Thumbs Up", "Thumbs Down"])


def test_the_control_that_opened_a_form_is_no_choice() -> None:
    found = {"prompt": "", "controls": [control("Anna palautetta"), control("👍"), control("👎")]}
    read = read_form(CTX, WORDS, found, "anytime", "Anna palautetta")  # type: ignore[arg-type]
    assert read.levels == 2 and read.opened_by == "Anna palautetta"


def test_a_form_that_appeared_is_feedback_only_if_it_asks_for_it() -> None:
    assert _is_form(WORDS, {"prompt": "Onnistuiko keskustelu?", "controls": []})
    assert _is_form(WORDS, {"prompt": "", "controls": [control("Was this helpful?")]})
    assert _is_form(WORDS, {"prompt": "Hur nöjd är du?", "controls": []})
    login = {"prompt": "Kirjaudu sisään", "controls": [control("Kirjaudu"), TEXT]}
    assert not _is_form(WORDS, login)


# -- the checks ----------------------------------------------------------------------------


def fb(
    where: str, scale: str = "binary", text: bool = False, seen: bool = True, **extra: Any
) -> FeedbackForm:
    levels = {"graded": 5, "binary": 2, "single": 1}.get(scale, 0)
    return FeedbackForm(
        where=where,  # type: ignore[arg-type]
        scale=scale,  # type: ignore[arg-type]
        levels=levels,
        text_field=text,
        inspected=seen,
        **extra,
    )


def judge(criterion: str, *forms: FeedbackForm, close: str = "clicked", **step_kw: Any):  # type: ignore[no-untyped-def]
    data = FeedbackControls(forms=list(forms), close=close, close_control="Sulje")  # type: ignore[arg-type]
    record = step("feedback", data, kind="find_feedback", **step_kw)
    return run_criterion(
        CRITERIA[criterion], bundle(scenario("bot-identity", record)), matcher("fi")
    )


@pytest.mark.parametrize(
    ("forms", "close", "expected"),
    [
        ([fb("per_answer")], "clicked", "pass"),
        ([fb("anytime", "none")], "not_found", "pass"),
        ([fb("per_answer"), fb("on_close", text=True)], "clicked", "pass"),
        ([fb("on_close", text=True)], "clicked", "partial"),  # OuluBot (4.2.3)
        ([], "clicked", "fail"),
        ([], "not_found", "fail"),
        ([], "failed", "inconclusive"),
        ([], "skipped", "inconclusive"),
    ],
)
def test_feedback_control(forms: list[FeedbackForm], close: str, expected: str) -> None:
    result = judge(CONTROL, *forms, close=close)
    assert result.outcome == expected, result.explain("en")


@pytest.mark.parametrize(
    ("forms", "close", "expected"),
    [
        ([fb("anytime", "graded", text=True)], "clicked", "pass"),
        ([fb("per_answer"), fb("anytime", "graded"), fb("anytime", "none", text=True)], "", "pass"),
        ([fb("on_close", text=True)], "clicked", "partial"),  # OuluBot: binary + text
        ([fb("per_answer", "graded")], "clicked", "partial"),
        ([fb("per_answer")], "clicked", "fail"),
        ([fb("per_answer", "single")], "not_found", "fail"),
        ([], "clicked", "fail"),  # no feedback at all: none is collected
        (
            [fb("per_answer"), fb("anytime", "none", seen=False, link="/palaute")],
            "",
            "inconclusive",
        ),
        ([fb("anytime", "graded", text=True), fb("anytime", "none", seen=False)], "", "pass"),
        ([], "failed", "inconclusive"),
    ],
)
def test_graded_feedback(forms: list[FeedbackForm], close: str, expected: str) -> None:
    result = judge(GRADED, *forms, close=close or "clicked")
    assert result.outcome == expected, result.explain("en")


def test_oulubot_explanation_quotes_the_form() -> None:
    oulubot = fb(
        "on_close",
        text=True,
        choices=["Onnistui", "Epäonnistui"],
        prompt="Onnistuiko keskustelu?",
    )
    result = judge(CONTROL, oulubot)
    assert result.quotes == ["Onnistuiko keskustelu?"]
    assert "'Onnistui', 'Epäonnistui'" in result.explain("en")
    assert "Sulje" in result.explain("fi") and "suljetaan" in result.explain("fi")


def test_a_failed_step_is_inconclusive_with_its_reason() -> None:
    for criterion in (CONTROL, GRADED):
        result = judge(criterion, ok=False, error="the chat widget disappeared")
        assert result.outcome == "inconclusive"
        assert "the chat widget disappeared" in result.explain("en")


def test_end_controls_are_tried_before_a_plain_close_in_every_language() -> None:
    assert WORDS.close_rank(["End chat"]) < WORDS.close_rank(["Close", "×"])  # type: ignore[operator]
    assert WORDS.close_rank(["Lopeta keskustelu"]) < WORDS.close_rank(["Sulje"])  # type: ignore[operator]
    assert WORDS.close_rank(["Avsluta chatten"]) < WORDS.close_rank(["Stäng"])  # type: ignore[operator]
    assert WORDS.close_rank(["Poista keskustelu"]) is None  # deleting is no way to close
