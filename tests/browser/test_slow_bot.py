"""The same bot gets the same verdict, however slowly and in how many parts it answers.

The `slow` demo profile is the good bot answering 2–4 s late after a typing indicator, with
long messages in three parts 0.7 s apart and a human agent joining 2 s after the bot's
handoff message. Two audits here (ten by `benchmarks/determinism.py`) must agree with each
other and with the good bot's verdicts, with no reply cut short and none timed out.
"""

from __future__ import annotations

import pytest

from botaudit.config import parse_config
from botaudit.demo.profiles import demo_config
from botaudit.demo.server import DemoServer
from botaudit.evidence.observations import HandoffRequests, PersonalDataInput
from botaudit.pipeline import AuditOutcome, run_audit

pytestmark = pytest.mark.browser

RUNS = 2


@pytest.fixture(scope="module")
def slow_audits(tmp_path_factory: pytest.TempPathFactory) -> list[AuditOutcome]:
    with DemoServer("slow") as url:
        config = parse_config(demo_config("slow", url), "demo slow")
        return [run_audit(config, tmp_path_factory.mktemp(f"slow{i}")) for i in range(RUNS)]


def _judged(outcome: AuditOutcome) -> dict[str, str]:
    return {c.id: c.outcome for c in outcome.report.criteria if c.outcome != "not_assessed"}


def test_every_run_gives_the_good_bots_verdicts(slow_audits: list[AuditOutcome]) -> None:
    first = _judged(slow_audits[0])
    assert len(first) >= 12
    assert set(first.values()) == {"pass"}, first
    assert all(_judged(run) == first for run in slow_audits[1:])


def test_no_reply_is_split_or_cut(slow_audits: list[AuditOutcome]) -> None:
    for run in slow_audits:
        handoff = run.bundle.scenario("human-handoff")
        assert handoff is not None
        requests = handoff.observed("handoff", HandoffRequests)
        assert requests is not None
        attempt = requests.attempts[-1]
        # The agent joins 2 s after the bot's message: both belong to the same answer.
        assert [r.agent or "asiakaspalvelija Maija" in r.text for r in attempt.replies] == [
            False,
            True,
        ]
        storage = run.bundle.scenario("storage-privacy")
        assert storage is not None
        data = storage.observed("personal_data", PersonalDataInput)
        assert data is not None
        (exchange,) = data.exchanges
        # The warning is long: three parts 0.7 s apart, all in the reply. (A random probe
        # holding "112" also gets the emergency answer, three more parts: the demo matches
        # keywords as substrings; whether it comes is the probes', not the timing's doing.)
        texts = [r.text for r in exchange.replies]
        assert len(texts) in (3, 6), texts
        assert "Älä lähetä henkilötunnusta" in texts[0] and "keskustelusta" in texts[2], texts
        for e in [*requests.attempts, exchange]:
            assert not e.timed_out and not e.late_parts_of_previous
