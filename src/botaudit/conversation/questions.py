"""Question sets: what to ask a bot and what a right answer contains, as validated YAML.

Trainers write these (see `scenarios/conversations/`), so every mistake is reported with
the file and the field, before a single message is sent to a production bot.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from botaudit.errors import UsageError
from botaudit.resources import data_dir
from botaudit.yamlfile import read_yaml

Language = Literal["fi", "sv", "en"]
_ID = r"^[a-z0-9][a-z0-9-]*$"


class Expectation(BaseModel):
    """What an answer must (or, under `must_not`, must not) contain.

    `any`: at least one phrase; `all`: every phrase; `regex`: a Python regular expression;
    `link`: the answer contains or links to a URL starting with this prefix (a prefix
    starting with "/" matches the path of any link, for bots whose host varies).
    Phrases match case-insensitively as substrings.
    """

    model_config = ConfigDict(extra="forbid")

    any: list[str] = Field(default_factory=list)
    all: list[str] = Field(default_factory=list)
    regex: str | None = None
    link: str | None = None

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"not a valid regular expression: {exc}") from exc
        return value

    def is_empty(self) -> bool:
        return not (self.any or self.all or self.regex or self.link)


class FollowUp(BaseModel):
    """A question asked in the same conversation after the topic's first question."""

    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=1)
    expect: Expectation = Field(default_factory=Expectation)


class Topic(BaseModel):
    """One citizen need, asked several ways (each question in a fresh conversation)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=_ID)
    questions: list[str] = Field(min_length=1)
    expect: Expectation = Field(default_factory=Expectation)
    must_not: Expectation = Field(default_factory=Expectation)
    serious: bool = Field(
        default=False,
        description="Needs a serious tone and a referral (112, crisis line, child protection).",
    )
    ambiguous: bool = Field(
        default=False,
        description="Deliberately vague: a good bot asks back or offers options.",
    )
    task: bool = Field(
        default=False, description="A task flow: done only when every follow-up succeeds."
    )
    follow_ups: list[FollowUp] = Field(default_factory=list)

    @field_validator("questions")
    @classmethod
    def _not_blank(cls, value: list[str]) -> list[str]:
        if any(not q.strip() for q in value):
            raise ValueError("a question is empty")
        return value


class QuestionSet(BaseModel):
    """A set of topics in one language; `personas` are prefixes for the equal-answers test."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=_ID)
    language: Language
    personas: list[str] = Field(
        default_factory=list,
        description="Who is asking, e.g. 'Olen 82-vuotias.': prefixed to the first question "
        "of every topic that is neither serious nor ambiguous.",
    )
    topics: list[Topic] = Field(min_length=1)

    @field_validator("topics")
    @classmethod
    def _unique(cls, value: list[Topic]) -> list[Topic]:
        seen: set[str] = set()
        for topic in value:
            if topic.id in seen:
                raise ValueError(f"topic id {topic.id!r} is used twice")
            seen.add(topic.id)
        return value


def _where(data: object, loc: tuple[object, ...]) -> str:
    """A readable path such as topics[2](crisis).expect.regex."""
    parts: list[str] = []
    node = data
    for part in loc:
        if isinstance(part, int):
            label = f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(node, dict) and "id" in node:
                label += f"({node['id']})"
            parts.append(label)
        else:
            parts.append(("." if parts else "") + str(part))
            node = node.get(part) if isinstance(node, dict) else None
    return "".join(parts) or "(top level)"


def bundled_question_set(name: str) -> Path:
    """A shipped set, e.g. 'municipal-fi' → scenarios/conversations/municipal-fi.yaml."""
    return data_dir("scenarios") / "conversations" / f"{name}.yaml"


def resolve_question_set(ref: str, base: Path | None = None) -> Path:
    """A path (relative to the config's folder) or the name of a shipped set."""
    path = Path(ref)
    if base is not None and not path.is_absolute():
        path = base / path
    if path.is_file() or path.suffix in (".yaml", ".yml"):
        return path
    return bundled_question_set(ref)


def load_question_set(path: Path) -> QuestionSet:
    """Read and validate one set; errors name the file and the field to fix."""
    data = read_yaml(path, "question set named in conversation.question_sets,")
    try:
        return QuestionSet.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{_where(data, e['loc'])}: {e['msg']}" for e in exc.errors())
        raise UsageError(
            f"The question set {path} is not valid ({problems}); fix those fields."
        ) from exc
