"""The four transcript criteria: thresholds in the checklist, verdicts from saved statistics,
and the way into an audit and back out of `botaudit report`."""

from __future__ import annotations

import json

import pytest

from botaudit.checklist.load import load_checklist
from botaudit.checks.runner import run_criterion
from botaudit.evidence.bundle import write_bundle
from botaudit.evidence.transcripts import PersonalKind, TranscriptStats
from botaudit.lexicon import matcher
from botaudit.messages import catalogue
from botaudit.pipeline import rerun_report
from botaudit.report.transcripts.review import compute_stats, judge_all, review_for_audit
from botaudit.transcript_settings import TranscriptSettings
from botaudit.transcripts.generate import Rates, write_transcripts
from botaudit.types import LANGUAGES
from tests.unit.builders import bundle

QUIET = Rates(fallback=0.05, human_request=0.05, feedback=0.15, personal=0, lookalike=0.2)
NOISY = Rates(fallback=0.5, human_request=0.3, feedback=0.0, personal=0.3)


def _stats(tmp_path, rates: Rates, weeks: float = 6, conversations: int = 600):
    path = tmp_path / "log.jsonl"
    write_transcripts(path, conversations, seed=11, rates=rates, weeks=weeks)
    return compute_stats([str(path)], TranscriptSettings(), workers=1)


def _verdicts(stats: TranscriptStats):
    return {cid.split(".")[1]: v for cid, v in judge_all(stats).items()}


def test_a_well_trained_bot_with_clean_logs_passes(tmp_path):
    verdicts = _verdicts(_stats(tmp_path, QUIET))
    assert {k: v.outcome for k, v in verdicts.items()} == {
        "usage-and-satisfaction-trends": "pass",
        "containment-rate": "pass",
        "fallback-rate": "pass",
        "logs-redacted": "pass",
    }
    assert any("per week" in q for q in verdicts["fallback-rate"].quotes)


def test_a_bot_that_fails_half_its_questions_fails(tmp_path):
    verdicts = _verdicts(_stats(tmp_path, NOISY))
    assert verdicts["fallback-rate"].outcome == "fail"
    assert verdicts["containment-rate"].outcome == "fail"
    usage = verdicts["usage-and-satisfaction-trends"]
    assert usage.message.key == "transcripts.judge.usage.no-feedback"
    logs = verdicts["logs-redacted"]
    assert logs.outcome == "fail" and logs.message.params["hetu"] > 0
    assert all("masked]" in q for q in logs.quotes)


def test_scarce_feedback_and_few_weeks_are_partial(tmp_path):
    scarce = _verdicts(_stats(tmp_path, Rates(fallback=0.05, feedback=0.02, personal=0)))
    assert scarce["usage-and-satisfaction-trends"].message.key == (
        "transcripts.judge.usage.scarce-feedback"
    )
    short = _verdicts(_stats(tmp_path, QUIET, weeks=1))
    assert short["usage-and-satisfaction-trends"].message.key == "transcripts.judge.usage.few-weeks"
    assert short["fallback-rate"].message.params["trend_direction"] == "unknown"


def test_a_citizens_phone_number_is_partial_the_bots_own_is_not(tmp_path):
    stats = _stats(tmp_path, QUIET)
    bot_only = stats.model_copy(
        update={"personal_data": {"phone": PersonalKind(total=9, by_sender={"bot": 9})}}
    )
    assert _verdicts(bot_only)["logs-redacted"].outcome == "pass"
    citizen = stats.model_copy(
        update={"personal_data": {"phone": PersonalKind(total=2, by_sender={"user": 2})}}
    )
    assert _verdicts(citizen)["logs-redacted"].outcome == "partial"


def test_too_few_conversations_are_inconclusive(tmp_path):
    verdicts = _verdicts(_stats(tmp_path, QUIET, conversations=10))
    for name in ("usage-and-satisfaction-trends", "containment-rate", "fallback-rate"):
        assert verdicts[name].outcome == "inconclusive"
        assert verdicts[name].message.key == "transcripts.judge.too-few"


def test_a_rising_fallback_rate_is_not_a_pass(tmp_path):
    stats = _stats(tmp_path, QUIET)
    weeks = [w.model_copy() for w in stats.weeks]
    half = len(weeks) // 2
    for i, week in enumerate(weeks):
        week.fallbacks = int(week.answers * (0.09 if i >= half else 0.01))
    rising = stats.model_copy(update={"weeks": weeks, "fallbacks": sum(w.fallbacks for w in weeks)})
    verdict = _verdicts(rising)["fallback-rate"]
    assert rising.fallback_rate <= 0.10
    assert verdict.outcome == "partial" and verdict.message.params["trend_direction"] == "rising"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_verdict_reads_in_every_language(tmp_path, language):
    for rates in (QUIET, NOISY):
        for verdict in _verdicts(_stats(tmp_path, rates)).values():
            text = catalogue().render(verdict.message, language)
            assert text and "{" not in text


def test_the_audit_judges_the_saved_record_and_report_rejudges_it_offline(tmp_path):
    logs = tmp_path / "logs.jsonl"
    write_transcripts(logs, 600, seed=11, rates=NOISY, weeks=6)
    record = review_for_audit(
        TranscriptSettings(files=["logs.jsonl"]), tmp_path, tmp_path / "out" / "transcripts"
    )
    assert (tmp_path / "out" / "transcripts" / "transcripts.html").is_file()
    saved = bundle()
    checklist = load_checklist()
    criterion = next(c for _, c in checklist.criteria() if c.id == "efficiency.fallback-rate")
    fi = matcher("fi")
    assert run_criterion(criterion, saved, fi).outcome == "not_assessed"
    saved.records.append(record)
    judged = run_criterion(criterion, saved, fi)
    assert judged.outcome == "fail" and judged.evidence == ["transcript:logs/stats"]
    logs.unlink()  # re-judging needs only the bundle
    write_bundle(saved, tmp_path / "evidence")
    again = rerun_report(tmp_path / "evidence", tmp_path / "again")
    outcomes = {c.id: c.outcome for c in again.report.criteria}
    assert outcomes["efficiency.fallback-rate"] == "fail"
    assert outcomes["privacy.logs-redacted"] == "fail"
    report = json.loads((tmp_path / "again" / "report.json").read_text(encoding="utf-8"))
    assert "[hetu masked]" in json.dumps(report, ensure_ascii=False)
