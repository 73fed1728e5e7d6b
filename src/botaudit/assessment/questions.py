"""The self-assessment questions: data in fi/sv/en, one per criterion a person answers."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from botaudit.checklist.model import Checklist
from botaudit.yamlfile import read_yaml

QUESTIONS_FILE = Path(__file__).parent / "questions.yaml"


class Trilingual(BaseModel):
    model_config = ConfigDict(extra="forbid")

    fi: str = Field(min_length=1)
    sv: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, language: str) -> str:
        return getattr(self, language, None) or self.en


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid")

    criterion: str
    ask: Trilingual
    look_at: Trilingual
    yes_means: Trilingual


class QuestionSet(BaseModel):
    model_config = ConfigDict(extra="forbid")

    questions: list[Question] = Field(min_length=1)

    def by_criterion(self) -> dict[str, Question]:
        return {q.criterion: q for q in self.questions}


@cache
def load_questions(path: Path = QUESTIONS_FILE) -> QuestionSet:
    return QuestionSet.model_validate(read_yaml(path, "question list"))


def answerable(checklist: Checklist, questions: QuestionSet) -> set[str]:
    """Criteria a person may answer: judged by `self_assessed` or by no check yet, and a
    question exists. A person's answer never overrides an automated check: where the tool
    looked at real evidence, that verdict stands.
    """
    ids = {c.id for _, c in checklist.criteria() if c.check in (None, "self_assessed")}
    return ids & set(questions.by_criterion())


def problems(checklist: Checklist, questions: QuestionSet) -> list[str]:
    """Questions for unknown criteria, and self-assessment criteria without a question."""
    known = {c.id for _, c in checklist.criteria()}
    asked = set(questions.by_criterion())
    found = [f"question for unknown criterion {cid}" for cid in sorted(asked - known)]
    needed = {c.id for _, c in checklist.criteria() if c.evidence == "self-assessment"}
    found += [f"self-assessment criterion {cid} has no question" for cid in sorted(needed - asked)]
    return found
