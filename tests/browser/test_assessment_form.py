"""The self-assessment form in a real Chromium: fill, save, reload, change, keyboard only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import axe_playwright_python
import pytest
import yaml
from playwright.sync_api import Page, expect

from botaudit.assessment.form import AssessmentForm
from botaudit.checklist.load import load_checklist

pytestmark = pytest.mark.browser
AXE_JS = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    return tmp_path / "answers.yaml"


@pytest.fixture
def form_url(answers: Path) -> Iterator[str]:
    with AssessmentForm(load_checklist(None), answers, "testikaupunki", "en") as url:
        yield url


def question(page: Page, criterion: str):
    return page.locator(f'fieldset[id="q-{criterion}"]')


def saved(answers: Path) -> dict:
    return yaml.safe_load(answers.read_text(encoding="utf-8"))


def test_fill_save_reload_change(page: Page, form_url: str, answers: Path) -> None:
    page.goto(form_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Self-assessment: testikaupunki")
    page.get_by_label("Your name or role").fill("Ethics lead")
    q = question(page, "efficiency.content-map")
    q.get_by_label("Yes", exact=True).check()
    q.get_by_label("Comment (what the answer rests on)").fill("Map <b>v3</b>, updated in May")
    q.get_by_label("Evidence link (optional)").fill("https://intra.example/content-map")
    page.get_by_label("Opportunities").fill("Staff eager to learn\nInvolve other staff")
    page.get_by_role("button", name="Save answers").click()
    expect(page.get_by_role("status")).to_contain_text("Saved 1 answers")

    data = saved(answers)["answers"]["efficiency.content-map"]
    assert data["answer"] == "yes"
    assert data["who"] == "Ethics lead"
    assert data["when"] == date.today().isoformat()
    assert data["comment"] == "Map <b>v3</b>, updated in May"
    assert [e["text"] for e in saved(answers)["swot"]["opportunities"]] == [
        "Staff eager to learn",
        "Involve other staff",
    ]

    page.goto(form_url)  # a fresh load shows what is in the file
    q = question(page, "efficiency.content-map")
    expect(q.get_by_label("Yes", exact=True)).to_be_checked()
    expect(q.get_by_label("Comment (what the answer rests on)")).to_have_value(
        "Map <b>v3</b>, updated in May"
    )
    expect(q.get_by_text("Last answered by Ethics lead")).to_be_visible()
    assert page.locator("b").count() == 0  # the comment is text, never markup

    q.get_by_label("Don't know").check()
    question(page, "social-licence.staff-acceptance").get_by_label("Partly").check()
    page.get_by_role("button", name="Save answers").click()
    expect(page.get_by_role("status")).to_contain_text("Saved 2 answers")
    data = saved(answers)["answers"]
    assert data["efficiency.content-map"]["answer"] == "dont_know"
    assert data["social-licence.staff-acceptance"]["answer"] == "partly"

    question(page, "social-licence.staff-acceptance").get_by_label("Not answered yet").check()
    page.get_by_role("button", name="Save answers").click()
    expect(page.get_by_role("status")).to_contain_text("Saved 1 answers")
    assert "social-licence.staff-acceptance" not in saved(answers)["answers"]


def test_keyboard_only(page: Page, form_url: str, answers: Path) -> None:
    page.goto(form_url)
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to the questions")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Your name or role")).to_be_focused()
    page.keyboard.type("Kirjaamo")
    page.keyboard.press("Tab")  # into the first question's radio group (on "not answered")
    page.keyboard.press("ArrowRight")  # wraps to "Yes"
    first = question(page, "user-orientation.user-testing")
    expect(first.get_by_label("Yes", exact=True)).to_be_focused()
    expect(first.get_by_label("Yes", exact=True)).to_be_checked()
    page.keyboard.press("ArrowRight")  # "Partly"
    page.keyboard.press("Tab")
    expect(first.get_by_label("Comment (what the answer rests on)")).to_be_focused()
    page.keyboard.type("Two tests with residents in 2025")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Enter in a text field submits the form
    expect(page.get_by_role("status")).to_contain_text("Saved 1 answers")
    data = saved(answers)["answers"]["user-orientation.user-testing"]
    assert data == {
        "answer": "partly",
        "comment": "Two tests with residents in 2025",
        "who": "Kirjaamo",
        "when": date.today().isoformat(),
    }


def test_form_has_no_axe_violations_and_every_control_a_name(page: Page, form_url: str) -> None:
    page.goto(form_url + "?lang=fi")
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    expect(page.get_by_role("button", name="Tallenna vastaukset")).to_be_visible()
    page.evaluate(AXE_JS)
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a','wcag2aa','wcag21a','wcag21aa']}, resultTypes: ['violations']})"
    )
    assert result["violations"] == [], json.dumps(result["violations"], indent=1)[:2000]
    page.goto(form_url + "workshop?lang=sv")
    expect(page.get_by_role("button", name="Skicka mina svar")).to_be_visible()
    page.evaluate(AXE_JS)
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a','wcag2aa','wcag21a','wcag21aa']}, resultTypes: ['violations']})"
    )
    assert result["violations"] == [], json.dumps(result["violations"], indent=1)[:2000]


def test_a_post_without_the_token_is_refused(page: Page, form_url: str, answers: Path) -> None:
    response = page.request.post(form_url, form={"answer:efficiency.content-map": "no"})
    assert response.status == 403
    assert not answers.exists()


def test_workshop_responses_are_anonymous_and_shown_from_three(
    page: Page, form_url: str, answers: Path
) -> None:
    from botaudit.assessment.model import load_self_assessment
    from botaudit.assessment.workshop import aggregate

    reasons = ["No time for training", "Training on top of own job", "Good support"]
    for n, (light, reason) in enumerate(zip(["red", "red", "green"], reasons, strict=True)):
        page.goto(form_url)
        page.get_by_role("link", name="Team workshop (METKU self-assessment)").click()
        page.get_by_label("Workshop round").fill("2026-spring")
        autonomy = page.get_by_role("group", name="Autonomy", exact=True)
        autonomy.get_by_label(light.capitalize(), exact=True).check()
        autonomy.get_by_label("Reasons").fill(reason)
        if n == 0:
            action = page.get_by_role("group", name="Action 1")
            action.get_by_label("Cell").select_option("create")
            action.get_by_label("Action", exact=True).fill("Two fixed training hours a week")
            action.get_by_label("Owner").fill("Service manager")
            page.get_by_text("Team reflection").click()
            page.get_by_label("11. Describe your learning").fill("Writing short answers")
        page.get_by_role("button", name="Send my answers").click()
        expect(page.get_by_role("status")).to_contain_text(f"now has {n + 1} responses")
        expect(page.get_by_text(reasons[0])).to_have_count(0)  # nobody's answers are shown
        assessment = load_self_assessment(answers)
        result = aggregate(assessment.workshop)
        assert result is not None and result.shown == (n + 1 >= 3)
    text = answers.read_text(encoding="utf-8")
    assert "who" not in text.split("workshop:")[1]  # no names in the responses
    autonomy = next(f for f in result.fields if f.field == "autonomy")
    assert autonomy.counts == {"red": 2, "green": 1}
    assert result.actions[0].owner == "Service manager"
    assert result.reflection == {11: ["Writing short answers"]}
