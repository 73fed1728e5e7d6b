"""Self-assessment: answers file, questions, and how answers judge criteria."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from builders import bundle

from botaudit.assessment.attach import Frozen, answers_path, check_answers, freeze
from botaudit.assessment.judge import judge_answer
from botaudit.assessment.model import (
    Answer,
    SelfAssessment,
    load_self_assessment,
    save_self_assessment,
)
from botaudit.assessment.questions import answerable, load_questions, problems
from botaudit.assessment.records import with_answers
from botaudit.checklist.load import load_checklist
from botaudit.checks.runner import run_criterion
from botaudit.errors import UsageError
from botaudit.lexicon import Matcher, load_lexicon

CHECKLIST = load_checklist(None)
DEMO_ANSWERS = Path("src/botaudit/demo/answers/oulubot-2022.yaml")


def test_every_self_assessment_criterion_has_a_question_in_three_languages() -> None:
    questions = load_questions()
    assert problems(CHECKLIST, questions) == []
    for q in questions.questions:
        for field in (q.ask, q.look_at, q.yes_means):
            assert field.fi and field.sv and field.en
    assert "fairness.screen-reader-review" in questions.by_criterion()


@pytest.mark.parametrize(
    ("choice", "outcome"),
    [("yes", "pass"), ("partly", "partial"), ("no", "fail"), ("dont_know", "not_assessed")],
)
def test_answer_gives_outcome(choice: str, outcome: str) -> None:
    judgement = judge_answer(
        Answer(answer=choice, comment=" Kysely 2025 ", who="Eettinen johto", when=date(2025, 5, 2))
    )
    assert judgement.outcome == outcome
    assert judgement.key == f"assessment.{choice}"
    assert judgement.params["who"] == "Eettinen johto"
    assert judgement.quotes == ("Kysely 2025",)


def _judge(assessment: SelfAssessment) -> dict:
    allowed = answerable(CHECKLIST, load_questions())
    judged_bundle = with_answers(bundle(), assessment, allowed)
    lexicon, _ = load_lexicon()
    matcher = Matcher(lexicon.for_language("fi"))
    return {c.id: run_criterion(c, judged_bundle, matcher) for _, c in CHECKLIST.criteria()}


def test_dont_know_is_never_a_fail() -> None:
    judged = _judge(SelfAssessment(answers={"efficiency.content-map": Answer(answer="dont_know")}))
    assert judged["efficiency.content-map"].outcome == "not_assessed"
    assert judged["efficiency.trainer-resourcing"].outcome == "not_assessed"  # no answer


def test_answers_judge_their_criteria_but_never_override_checks() -> None:
    judged = _judge(
        SelfAssessment(
            answers={
                "efficiency.content-map": Answer(
                    answer="yes", who="A", evidence="https://x.example/"
                ),
                "fairness.screen-reader-review": Answer(answer="no", comment="No focus ring"),
                "fairness.widget-accessibility": Answer(answer="yes"),  # has a check
                "transparency.bot-identity-disclosed": Answer(answer="yes"),  # has a check
                "no-such.criterion": Answer(answer="yes"),
            }
        )
    )
    content = judged["efficiency.content-map"]
    assert content.outcome == "pass"
    assert content.evidence == [
        "self-assessment:answers/efficiency.content-map",
        "https://x.example/",
    ]
    assert "A" in content.explain("sv")
    eye = judged["fairness.screen-reader-review"]  # a browser criterion a person judges
    assert eye.outcome == "fail"
    assert eye.quotes == ["No focus ring"]
    # the automated check ran on (missing) evidence: inconclusive, not the person's "yes"
    assert judged["transparency.bot-identity-disclosed"].outcome == "inconclusive"
    assert judged["fairness.widget-accessibility"].outcome == "inconclusive"


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    original = SelfAssessment(
        answers={"efficiency.content-map": Answer(answer="partly", comment="ä ”x”", who="B")}
    )
    save_self_assessment(original, path)
    assert load_self_assessment(path) == original
    assert "dont_know" in path.read_text(encoding="utf-8")  # the header explains the choices


def test_bad_answer_names_file_and_field(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("answers:\n  efficiency.content-map:\n    answer: maybe\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"answers\.yaml.*answers\.efficiency\.content-map"):
        load_self_assessment(path)
    path.write_text("answers: [\n", encoding="utf-8")
    with pytest.raises(UsageError, match="not valid YAML"):
        load_self_assessment(path)


def test_config_reference_is_relative_to_the_config(tmp_path: Path) -> None:
    config = tmp_path / "audit.yaml"
    assert answers_path("answers.yaml", str(config)) == tmp_path / "answers.yaml"
    assert answers_path(None, str(config)) is None
    with pytest.raises(UsageError, match="does not exist"):
        check_answers(tmp_path / "answers.yaml")


def test_frozen_answers_travel_with_the_bundle(tmp_path: Path) -> None:
    freeze(DEMO_ANSWERS, tmp_path / "evidence")
    frozen = Frozen(tmp_path / "evidence")
    assert frozen.present and frozen.sha256 and len(frozen.sha256) == 64
    empty = bundle()
    assert Frozen(tmp_path / "nothing").with_records(empty) is empty
    assert len(frozen.with_records(empty).records) == len(
        load_self_assessment(DEMO_ANSWERS).answers
    )


def test_oulubot_answers_cite_the_study() -> None:
    assessment = load_self_assessment(DEMO_ANSWERS)
    needed = {c.id for _, c in CHECKLIST.criteria() if c.evidence == "self-assessment"}
    assert needed <= set(assessment.answers)
    for cid, answer in assessment.answers.items():
        assert answer.source and "Lisäselvitys 2" in answer.source, cid
        assert answer.comment, cid
    # the study did not cover adaptability (**): no guess
    assert assessment.answers["adaptability.ai-act-readiness"].answer == "dont_know"


def test_assess_without_a_self_assessment_entry_is_a_clear_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from botaudit.cli import app

    config = tmp_path / "audit.yaml"
    config.write_text(
        "name: t\ntarget: {url: 'http://127.0.0.1:1/'}\nwidget: {input: '#i', bot_message: '.b'}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["assess", str(config)])
    assert result.exit_code == 2
    assert "self_assessment" in result.output
    assert "Traceback" not in result.output
