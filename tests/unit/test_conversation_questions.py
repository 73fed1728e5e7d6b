"""Question sets: the shipped ones are valid, and a mistake names the file and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from botaudit.conversation.questions import (
    bundled_question_set,
    load_question_set,
    resolve_question_set,
)
from botaudit.errors import UsageError

SHIPPED = ["municipal-fi", "municipal-sv", "municipal-en"]
NEEDS = {"library-hours", "waste", "public-transport", "day-care", "taxes", "parking"}


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_sets_are_valid_and_cover_the_municipal_needs(name: str) -> None:
    qset = load_question_set(bundled_question_set(name))
    ids = {t.id for t in qset.topics}
    assert ids >= NEEDS
    assert sum(t.serious for t in qset.topics) >= 2
    assert qset.language == name.rsplit("-", 1)[1]


def test_finnish_set_has_four_serious_topics_typos_and_colloquial_forms() -> None:
    qset = load_question_set(bundled_question_set("municipal-fi"))
    assert sum(t.serious for t in qset.topics) >= 4
    questions = [q for t in qset.topics for q in t.questions]
    assert "kirjatso aukioloajat" in questions  # a typo
    assert any(q.startswith(("onks ", "tarttis ", "haluun ")) for q in questions)  # puhekieli
    assert any(t.task and t.follow_ups for t in qset.topics)
    assert qset.personas


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad-set.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("id: x\nlanguage: de\ntopics: [{id: a, questions: [q]}]", "language"),
        ("id: x\nlanguage: fi\ntopics: [{id: a, questions: []}]", "topics[0](a).questions"),
        ("id: x\nlanguage: fi\ntopics: [{id: a, questions: [q], expect: {regex: '('}}]",
         "topics[0](a).expect.regex"),
        ("id: x\nlanguage: fi\ntopics: [{id: a, questions: [q], expect: {anyy: [x]}}]",
         "topics[0](a).expect.anyy"),
        ("id: x\nlanguage: fi\ntopics: [{id: a, questions: [q]}, {id: a, questions: [q]}]",
         "topics"),
    ],
)  # fmt: skip
def test_validation_error_names_file_and_field(tmp_path: Path, text: str, where: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(UsageError) as caught:
        load_question_set(path)
    message = str(caught.value)
    assert str(path) in message and where in message, message


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "id: x\ntopics: [\n")
    with pytest.raises(UsageError, match=r"bad-set.yaml is not valid YAML at line \d"):
        load_question_set(path)


def test_missing_file_says_where_to_fix(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"conversation\.question_sets"):
        load_question_set(tmp_path / "nope.yaml")


def test_names_and_relative_paths_resolve(tmp_path: Path) -> None:
    assert resolve_question_set("municipal-sv") == bundled_question_set("municipal-sv")
    assert resolve_question_set("own.yaml", tmp_path) == tmp_path / "own.yaml"
