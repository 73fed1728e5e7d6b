"""The four transcript criteria: thresholds as data, verdicts from saved statistics."""

from __future__ import annotations

import pytest

from botaudit.transcripts.command import compute_stats
from botaudit.transcripts.generate import Rates, write_transcripts
from botaudit.transcripts.judge import JUDGES, load_thresholds, sentence
from botaudit.transcripts.messages import LANGUAGES, catalogue
from botaudit.transcripts.settings import TranscriptSettings
from botaudit.transcripts.stats import PersonalKind, TranscriptStats

QUIET = Rates(fallback=0.05, human_request=0.05, feedback=0.15, personal=0, lookalike=0.2)


def _stats(tmp_path, rates: Rates, weeks: float = 6, conversations: int = 600):
    path = tmp_path / "log.jsonl"
    write_transcripts(path, conversations, seed=11, rates=rates, weeks=weeks)
    return compute_stats([str(path)], TranscriptSettings(), workers=1)


def _verdicts(stats: TranscriptStats):
    thresholds = load_thresholds()
    return {cid.split(".")[1]: judge(stats, thresholds) for cid, judge in JUDGES.items()}


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
    rates = Rates(fallback=0.5, human_request=0.3, feedback=0.0, personal=0.3)
    verdicts = _verdicts(_stats(tmp_path, rates))
    assert verdicts["fallback-rate"].outcome == "fail"
    assert verdicts["containment-rate"].outcome == "fail"
    assert verdicts["usage-and-satisfaction-trends"].key == "transcripts.judge.usage.no-feedback"
    logs = verdicts["logs-redacted"]
    assert logs.outcome == "fail" and logs.params["hetu"] > 0
    assert all("masked]" in q for q in logs.quotes)


def test_scarce_feedback_and_few_weeks_are_partial(tmp_path):
    scarce = _verdicts(_stats(tmp_path, Rates(fallback=0.05, feedback=0.02, personal=0)))
    assert scarce["usage-and-satisfaction-trends"].key == "transcripts.judge.usage.scarce-feedback"
    short = _verdicts(_stats(tmp_path, QUIET, weeks=1))
    assert short["usage-and-satisfaction-trends"].key == "transcripts.judge.usage.few-weeks"
    assert short["fallback-rate"].params["trend_direction"] == "unknown"


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
        assert verdicts[name].key == "transcripts.judge.too-few"


def test_a_rising_fallback_rate_is_not_a_pass(tmp_path):
    stats = _stats(tmp_path, QUIET)
    weeks = [w.model_copy() for w in stats.weeks]
    for week in weeks[len(weeks) // 2 :]:
        week.fallbacks = int(week.answers * 0.09)
    for week in weeks[: len(weeks) // 2]:
        week.fallbacks = int(week.answers * 0.01)
    rising = stats.model_copy(update={"weeks": weeks, "fallbacks": sum(w.fallbacks for w in weeks)})
    verdict = _verdicts(rising)["fallback-rate"]
    assert rising.fallback_rate <= 0.10
    assert verdict.outcome == "partial" and verdict.params["trend_direction"] == "rising"


def test_messages_exist_in_every_language_with_the_same_keys():
    keys = set(catalogue("en"))
    for language in LANGUAGES:
        assert set(catalogue(language)) == keys, language


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_verdict_reads_in_every_language(tmp_path, language):
    for verdicts in (
        _verdicts(_stats(tmp_path, QUIET)),
        _verdicts(_stats(tmp_path, Rates(fallback=0.5, feedback=0.0, personal=0.3))),
    ):
        for verdict in verdicts.values():
            text = sentence(verdict, language)
            assert text and "{" not in text
