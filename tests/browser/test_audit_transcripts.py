"""An audit whose config names exported logs: the review is written, the statistics go
into the evidence bundle, the four transcript criteria are judged, and re-judged offline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from botaudit.config import parse_config
from botaudit.demo.profiles import demo_config
from botaudit.demo.server import DemoServer
from botaudit.pipeline import rerun_report, run_audit
from botaudit.transcripts.generate import Rates, write_transcripts

pytestmark = pytest.mark.browser
TRANSCRIPT_CRITERIA = (
    "acceptability.usage-and-satisfaction-trends",
    "efficiency.containment-rate",
    "efficiency.fallback-rate",
    "privacy.logs-redacted",
)


def test_an_audit_with_transcripts_judges_them_and_report_rejudges(tmp_path: Path) -> None:
    logs = tmp_path / "logs" / "export.jsonl.gz"
    logs.parent.mkdir()
    planted = write_transcripts(logs, 800, seed=4, rates=Rates(personal=0.1), weeks=6)
    config_path = tmp_path / "audit.yaml"
    with DemoServer("good") as url:
        data = demo_config("good", url, "main")
        data["scenarios"] = ["bot-identity"]
        data["transcripts"] = {"files": ["logs/export.jsonl.gz"]}
        config = parse_config(data, "test config")
        outcome = run_audit(config, tmp_path / "out", str(config_path))
    outcomes = {c.id: c.outcome for c in outcome.report.criteria}
    assert outcomes["privacy.logs-redacted"] == "fail"  # planted identity codes
    assert all(outcomes[c] in ("pass", "partial", "fail") for c in TRANSCRIPT_CRITERIA)
    review = json.loads((tmp_path / "out" / "transcripts" / "transcripts.json").read_text())
    assert review["personal_data"]["hetu"]["total"] == len(planted.hetu)
    evidence = (tmp_path / "out" / "evidence" / "evidence.json").read_text(encoding="utf-8")
    assert '"kind": "transcript"' in evidence
    assert not [code for code in planted.hetu if code in evidence]
    logs.unlink()
    again = rerun_report(tmp_path / "out" / "evidence", tmp_path / "again")
    assert {c.id: c.outcome for c in again.report.criteria} == outcomes


def test_an_unreadable_log_stops_the_audit_before_the_browser(tmp_path: Path) -> None:
    from botaudit.errors import UsageError

    data = demo_config("good", "http://127.0.0.1:9/", "main")
    data["transcripts"] = {"files": ["missing.jsonl"]}
    config = parse_config(data, "test config")
    with pytest.raises(UsageError, match=r"Cannot read the log file .*missing\.jsonl"):
        run_audit(config, tmp_path / "out", str(tmp_path / "audit.yaml"))
