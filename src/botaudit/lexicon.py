"""Phrase lists per audit language (`scenarios/lexicon.yaml`), validated and compiled.

Gathering uses the lexicon to know what to type (requests for a human, personal-data
sentences); checks use it to know what to look for (bot-identity words, handoff signals).
Both read the same file so the words typed and the words judged cannot drift apart.
"""

from __future__ import annotations

import hashlib
import re
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from botaudit.errors import UsageError
from botaudit.resources import data_dir
from botaudit.types import valid_patterns
from botaudit.yamlfile import read_yaml

# The fields that hold regular expressions (the others are plain phrases to type or find).
PATTERN_FIELDS = (
    "bot_identity",
    "ambiguous_identity",
    "greeting_instruction",
    "handoff_signals",
    "human_channels",
    "personal_data_warning",
    "limits_stated",
    "shared_computer_notice",
    "other_channels",
    "privacy_notice",
    "accessibility_statement",
    "bot_info_page",
    "accessibility_standard",
    "resolution_rate",
    "organisation_responsibility",
    "person_like_self",
    "deletion_scope",
    "retention_period",
    "not_kept",
    "feedback_controls",
    "feedback_choices",
    "scale_choices",
    "feedback_actions",
    "feedback_dismiss",
    "close_chat",
    "close_widget",
)


class Phrases(BaseModel):
    """The phrases of one language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bot_identity: list[str]
    ambiguous_identity: list[str]
    human_requests: list[str]
    greeting_instruction: list[str]
    handoff_signals: list[str]
    human_channels: list[str]
    end_conversation: list[str]
    confirm: list[str]
    personal_data_warning: list[str]
    limits_stated: list[str]
    shared_computer_notice: list[str] = []
    other_channels: list[str] = []
    privacy_notice: list[str] = []  # a link's text naming a privacy notice
    accessibility_statement: list[str] = []
    bot_info_page: list[str] = []  # an "about this bot" page: stage, plans, resolution rate
    accessibility_standard: list[str] = []  # what a statement assessed against
    resolution_rate: list[str] = []  # a share of questions resolved, on an about page
    organisation_responsibility: list[str] = []  # who answers for the bot's advice
    person_like_self: list[str] = []  # self-descriptions a user may read as a person
    download_transcript: list[str] = []  # names of a "download the conversation" control
    feedback_controls: list[str] = []  # a control's name or a form's text asking for feedback
    feedback_choices: list[str] = []  # rating choices that say feedback: 👍, "onnistui"
    scale_choices: list[str] = []  # choices only inside a feedback form: 1–5, stars, faces
    feedback_actions: list[str] = []  # a feedback form's send button: not a choice
    feedback_dismiss: list[str] = []  # a feedback form's cancel/close: not a choice either
    close_chat: list[str] = []  # a control that closes or ends the chat
    close_widget: list[str] = []  # names of a control that closes the chat window
    neutral_opening: str
    personal_data_message: str
    deletion_scope: list[str] = []  # where deleting removes the conversation from
    retention_period: list[str] = []  # how long conversation logs are kept
    not_kept: list[str] = []  # the service keeps no copy of the conversation at all
    location_question: str = ""  # typed to see whether location is asked only then

    @field_validator(*PATTERN_FIELDS)
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        return valid_patterns(patterns)


class Lexicon(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    fi: Phrases
    sv: Phrases
    en: Phrases

    def for_language(self, language: str) -> Phrases:
        return getattr(self, language)


def _compile(patterns: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


class Matcher:
    """Compiled patterns of one language, with the searches checks and steps need."""

    def __init__(self, phrases: Phrases) -> None:
        self.phrases = phrases

    @cached_property
    def _compiled(self) -> dict[str, list[re.Pattern[str]]]:
        return {name: _compile(getattr(self.phrases, name)) for name in PATTERN_FIELDS}

    def find(self, category: str, text: str) -> list[str]:
        """The distinct matched spans of `category`'s patterns in `text`, in text order."""
        spans: list[tuple[int, str]] = []
        for pattern in self._compiled[category]:
            spans.extend((m.start(), m.group(0)) for m in pattern.finditer(text))
        seen: dict[str, None] = {}
        for _, span in sorted(spans):
            seen.setdefault(span, None)
        return list(seen)

    def greeting_instruction(self, text: str) -> str | None:
        """The keyword a greeting tells the user to type to reach a human, if any."""
        for pattern in self._compiled["greeting_instruction"]:
            match = pattern.search(text)
            if match:
                return match.group(1).strip()
        return None


def lexicon_path() -> Path:
    return data_dir("scenarios") / "lexicon.yaml"


def load_lexicon(path: Path | None = None) -> tuple[Lexicon, str]:
    """The lexicon and the sha256 of its file."""
    path = path or lexicon_path()
    data = read_yaml(path, "lexicon")
    try:
        return Lexicon.model_validate(data), hashlib.sha256(path.read_bytes()).hexdigest()
    except ValidationError as exc:
        first = str(exc).splitlines()[0:3]
        raise UsageError(
            f"{path} is not a valid lexicon ({' '.join(first)}); fix the file."
        ) from exc


def matcher(language: str, path: Path | None = None) -> Matcher:
    lexicon, _ = load_lexicon(path)
    return Matcher(lexicon.for_language(language))
