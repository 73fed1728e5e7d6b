"""The runner hands a check only its declared records, validated, for any kind of evidence."""

from __future__ import annotations

import pytest
from builders import bundle
from pydantic import BaseModel

from botaudit.checklist.load import load_checklist
from botaudit.checks.base import CHECKS, Check, CheckResult, Evidence, Need, result
from botaudit.checks.runner import run_criterion
from botaudit.evidence.model import EvidenceRecord
from botaudit.lexicon import matcher

FI = matcher("fi")


class Stats(BaseModel):
    conversations: int
    fallbacks: int


def _judge(ev: Evidence, m: object, _: object) -> CheckResult:
    stats: Stats = ev["stats"]
    outcome = "pass" if stats.fallbacks * 10 <= stats.conversations else "fail"
    return result(outcome, "runner.did_not_run", evidence=[ev.ref("stats")])


@pytest.fixture
def criterion(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A transcript criterion judged by a check that reads one transcript record."""
    need = Need("transcript", "logs", "stats", Stats)
    monkeypatch.setitem(CHECKS, "fallbacks_test", Check("fallbacks_test", _judge, (need,)))
    _, base = load_checklist().criteria()[0]
    update = {"check": "fallbacks_test", "evidence": "transcript", "params": None}
    return base.model_copy(update=update)


def _with(*records: EvidenceRecord):  # type: ignore[no-untyped-def]
    evidence = bundle()
    evidence.records = list(records)
    return evidence


def test_a_record_of_another_kind_is_validated_and_judged(criterion) -> None:  # type: ignore[no-untyped-def]
    record = EvidenceRecord(
        kind="transcript", source="logs", name="stats", data={"conversations": 50, "fallbacks": 2}
    )
    found = run_criterion(criterion, _with(record), FI)
    assert found.outcome == "pass" and found.evidence == ["transcript:logs/stats"]


def test_a_kind_not_gathered_is_not_assessed(criterion) -> None:  # type: ignore[no-untyped-def]
    found = run_criterion(criterion, _with(), FI)
    assert found.outcome == "not_assessed"
    assert found.message.key == "runner.not_gathered.transcript"


@pytest.mark.parametrize(
    ("record", "key"),
    [
        (EvidenceRecord(kind="transcript", source="logs", name="other"), "runner.no_record_of"),
        (
            EvidenceRecord(kind="transcript", source="logs", name="stats", ok=False, error="x"),
            "runner.no_record_of",
        ),
        (
            EvidenceRecord(kind="transcript", source="logs", name="stats", data={"x": 1}),
            "runner.malformed_record",
        ),
    ],
)
def test_missing_failed_or_malformed_record_is_inconclusive(criterion, record, key) -> None:  # type: ignore[no-untyped-def]
    found = run_criterion(criterion, _with(record), FI)
    assert (found.outcome, found.message.key) == ("inconclusive", key)
    assert found.explain("sv") and found.explain("fi") != found.explain("en")
