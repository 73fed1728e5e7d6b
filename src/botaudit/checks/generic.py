"""Generic checks: parameterised in the checklist YAML, so most criteria need no Python.

- `phrase_found`: a lexicon category found in a field of a record: pass; found only in a
  second, hidden field (alt texts, accessible names): partial; absent: fail.
- `word_count`: the words of a field's texts against two limits: pass / partial / fail.

Fields are paths into the record's model: `visible_text`, `hidden_names`,
`bot_messages[].text`, `exchanges[].replies[].text` (`[]` walks a list). The
cross-validation (`botaudit.validate`) checks the record, its model, the path, the lexicon
category and the message keys before any browser opens.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from botaudit.checks.base import CheckParams, CheckResult, Evidence, Need, check, result
from botaudit.evidence.model import OBSERVATION_MODELS
from botaudit.lexicon import PATTERN_FIELDS, Matcher
from botaudit.messages import msg, quoted
from botaudit.types import EvidenceKind


def strings_at(data: Any, path: str) -> list[str]:
    """The strings at `path` in a record ('a[].b' walks the list a); empty ones dropped."""
    nodes = [data]
    for part in path.split("."):
        many = part.endswith("[]")
        name = part.removesuffix("[]")
        nodes = [getattr(node, name) for node in nodes]
        if many:
            nodes = [item for node in nodes for item in node]
    texts = [item for node in nodes for item in (node if isinstance(node, list) else [node])]
    return [t for t in texts if isinstance(t, str) and t.strip()]


def path_problem(model: type[BaseModel], path: str) -> str | None:
    """Why `path` does not lead to text in `model`, or None when it does."""
    current: Any = model
    for part in path.split("."):
        name = part.removesuffix("[]")
        fields = getattr(current, "model_fields", None)
        if fields is None or name not in fields:
            return f"{model.__name__} has no field {path!r} (at {name!r})"
        current = fields[name].annotation
        if part.endswith("[]"):
            args = getattr(current, "__args__", ())
            if not args:
                return f"{name!r} in {path!r} is not a list"
            current = args[0]
    if current is not str and current != list[str] and current != (str | None):
        return f"{path!r} in {model.__name__} is not text"
    return None


class RecordParams(CheckParams):
    """The record a generic check reads: kind, source, record name and its model's name."""

    kind: EvidenceKind = "browser"
    source: str
    record: str
    model: str
    field: str

    @field_validator("model")
    @classmethod
    def _known_model(cls, name: str) -> str:
        if name not in OBSERVATION_MODELS:
            known = ", ".join(sorted(OBSERVATION_MODELS))
            raise ValueError(f"unknown model {name!r}; known: {known}")
        return name

    def needs(self) -> tuple[Need, ...]:
        return (Need(self.kind, self.source, self.record, OBSERVATION_MODELS[self.model]),)

    def paths(self) -> tuple[str, ...]:
        return (self.field,)


class PhraseMessages(CheckParams):
    pass_: str = Field(alias="pass")
    fail: str
    partial: str | None = None
    empty: str | None = Field(default=None, description="When the field holds no text.")


class PhraseFoundParams(RecordParams):
    category: str
    hidden_field: str | None = None
    quote: Literal["matches", "lines", "texts"] = "matches"
    messages: PhraseMessages

    @field_validator("category")
    @classmethod
    def _known_category(cls, name: str) -> str:
        if name not in PATTERN_FIELDS:
            raise ValueError(
                f"unknown lexicon category {name!r}; known: {', '.join(PATTERN_FIELDS)}"
            )
        return name

    def paths(self) -> tuple[str, ...]:
        return (self.field, *([self.hidden_field] if self.hidden_field else []))

    def message_keys(self) -> tuple[str, ...]:
        m = self.messages
        return tuple(k for k in (m.pass_, m.fail, m.partial, m.empty) if k)


@check("phrase_found", params=PhraseFoundParams)
def phrase_found(ev: Evidence, m: Matcher, p: PhraseFoundParams) -> CheckResult:
    record = ev[p.record]
    evidence = [ev.ref(p.record)]
    texts = strings_at(record, p.field)
    if not texts and p.messages.empty:
        return result("inconclusive", p.messages.empty, evidence=evidence)
    found = m.find(p.category, "\n".join(texts))
    if found:
        if p.quote == "lines":
            lines = [ln.strip() for t in texts for ln in t.splitlines()]
            quotes = [ln for ln in lines if any(f.lower() in ln.lower() for f in found)][:3]
        else:
            quotes = found if p.quote == "matches" else texts[:2]
        return result(
            "pass", p.messages.pass_, evidence=evidence, quotes=quotes, found=quoted(found)
        )
    if p.hidden_field and p.messages.partial:
        hidden = m.find(p.category, "\n".join(strings_at(record, p.hidden_field)))
        if hidden:
            return result("partial", p.messages.partial, evidence=evidence, found=quoted(hidden))
    quotes = texts[:2] if p.quote == "texts" else []
    return result("fail", p.messages.fail, evidence=evidence, quotes=quotes)


class CountMessages(CheckParams):
    pass_: str = Field(alias="pass")
    over: str = Field(description="Partial or fail: more words than `pass_max`.")
    empty: str = Field(description="No text at all: not applicable.")


class WordCountParams(RecordParams):
    pass_max: int = Field(ge=0, description="At most this many words: pass.")
    partial_max: int = Field(ge=0, description="At most this many: partial; more: fail.")
    messages: CountMessages

    def message_keys(self) -> tuple[str, ...]:
        return (self.messages.pass_, self.messages.over, self.messages.empty)


@check("word_count", params=WordCountParams)
def word_count(ev: Evidence, m: Matcher, p: WordCountParams) -> CheckResult:
    texts = strings_at(ev[p.record], p.field)
    evidence = [ev.ref(p.record)]
    if not texts:
        return result("not_applicable", p.messages.empty, evidence=evidence)
    words = sum(len(t.split()) for t in texts)
    counts = {
        "items": msg("count.messages", count=len(texts)),
        "words": msg("count.words", count=words),
        "limit": p.pass_max,
    }
    if words <= p.pass_max:
        return result("pass", p.messages.pass_, evidence=evidence, **counts)
    outcome = "partial" if words <= p.partial_max else "fail"
    return result(outcome, p.messages.over, evidence=evidence, **counts)
