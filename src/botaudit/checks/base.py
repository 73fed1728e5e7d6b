"""What a check is: a pure function from the evidence records it declares to an outcome.

A check declares the records it needs (`Need`: kind, source, name, model), like a
Lighthouse audit declares its artifacts. The runner (`botaudit.checks.runner`) looks them
up in the bundle, validates each with its model and hands the check only those, in an
`Evidence`. A required record that is missing, failed or malformed makes the criterion
*inconclusive* with the reason before the check body runs, so a check never judges absent
evidence; an optional record is simply `None` when absent.

A check returns an outcome and a `Message` (a key of the message catalogue and its
parameters), never prose: the report renders it in its own language.

Generic checks take parameters from the checklist YAML (`params:` of a criterion); their
parameter model derives the needs from them (`CheckParams.needs`), so a criterion that
reuses existing evidence is YAML plus messages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from botaudit.lexicon import Matcher
from botaudit.messages import Message, catalogue, msg
from botaudit.types import EvidenceKind, Outcome

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Need:
    """A record a check reads: which kind, from which source, under which name, as what.

    kind/source/name: `browser`/scenario id/step alias, `conversation`/question set/run,
    `transcript`/source/statistic, `self-assessment`/form/answer set. `key` is what the
    check calls it in `Evidence` (default: `name`).
    """

    kind: EvidenceKind
    source: str
    name: str
    model: type[BaseModel]
    optional: bool = False
    key: str | None = None

    @property
    def as_key(self) -> str:
        return self.key or self.name

    @property
    def ref(self) -> str:
        """How reports cite the record: 'scenario/step' for browser, else 'kind:source/name'."""
        where = f"{self.source}/{self.name}"
        return where if self.kind == "browser" else f"{self.kind}:{where}"


def browser(scenario: str, step: str, model: type[BaseModel], *, optional: bool = False) -> Need:
    """A browser step's record: `browser("bot-identity", "before_typing", WidgetView)`."""
    return Need("browser", scenario, step, model, optional)


class Evidence:
    """The validated records a check declared, by key; nothing else of the bundle."""

    def __init__(self, records: dict[str, BaseModel | None], needs: dict[str, Need]) -> None:
        self._records = records
        self._needs = needs

    def __getitem__(self, key: str) -> Any:
        found = self._records[key]
        if found is None:
            raise LookupError(f"record {key!r} is optional and absent; use get()")
        return found

    def get(self, key: str) -> Any:
        """An optional record, or None when it is absent."""
        return self._records.get(key)

    def ref(self, key: str) -> str:
        """The evidence reference of record `key`, for `CheckResult.evidence`."""
        return self._needs[key].ref


class CheckResult(BaseModel):
    outcome: Outcome
    message: Message
    evidence: list[str] = Field(
        default_factory=list,
        description="References into the bundle: 'scenario/step', 'kind:source/name' or "
        "artefact paths.",
    )
    quotes: list[str] = Field(default_factory=list, description="Text found, personal data masked.")

    def explain(self, language: str) -> str:
        """The message in `language` (bundled catalogue): for tests and quick looks."""
        return catalogue().render(self.message, language)


def result(
    outcome: Outcome,
    key: str,
    /,
    *,
    evidence: list[str] | None = None,
    quotes: list[str] | None = None,
    **params: Any,
) -> CheckResult:
    """`CheckResult(outcome, msg(key, **params), evidence, quotes)` in one call."""
    return CheckResult(
        outcome=outcome, message=msg(key, **params), evidence=evidence or [], quotes=quotes or []
    )


class CheckParams(BaseModel):
    """Parameters of a check from the checklist YAML (`params:`); none for special checks.

    A generic check's parameter model overrides `needs` (the records it reads, from its
    parameters) and `message_keys` (the catalogue keys it names), which the
    cross-validation checks.
    """

    model_config = ConfigDict(extra="forbid")

    def needs(self) -> tuple[Need, ...]:
        return ()

    def message_keys(self) -> tuple[str, ...]:
        return ()


Judge = Callable[[Evidence, Matcher, Any], CheckResult]


@dataclass(frozen=True)
class Check:
    name: str
    judge: Judge
    needs: tuple[Need, ...] = ()
    params: type[CheckParams] = CheckParams

    def needs_for(self, params: CheckParams) -> tuple[Need, ...]:
        """Everything the check reads with these parameters: its own needs and theirs."""
        return self.needs + params.needs()


CHECKS: dict[str, Check] = {}


def check(
    name: str, *, needs: tuple[Need, ...] = (), params: type[CheckParams] = CheckParams
) -> Callable[[Judge], Judge]:
    """Register `judge(evidence, matcher, params)` as the check `name`."""

    def register(judge: Judge) -> Judge:
        if name in CHECKS:
            raise ValueError(f"check {name!r} registered twice")
        CHECKS[name] = Check(name, judge, needs, params)
        return judge

    return register
