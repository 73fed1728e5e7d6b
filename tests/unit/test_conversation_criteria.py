"""The sixteen conversation criteria on hand-built runs: each can pass and can fail, every
verdict quotes what it rests on, and the checks speak Finnish, English and Swedish."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from builders import bundle

from botaudit.checklist.load import load_checklist
from botaudit.checks import CHECKS
from botaudit.checks.base import CheckParams
from botaudit.checks.conversation import check_name
from botaudit.checks.runner import run_check, run_criterion
from botaudit.conversation.criteria import CRITERIA, judge_all
from botaudit.conversation.gather import record_run
from botaudit.conversation.model import AnswerRecord, ConversationRun, LinkCheck, TopicRun
from botaudit.conversation.questions import Topic
from botaudit.conversation.signals import load_judging
from botaudit.conversation.text import lix
from botaudit.lexicon import matcher

J = load_judging()
FI = matcher("fi")
HOURS = "Pääkirjasto on auki ma–to klo 10–20. Lisätietoa: https://kunta.example/kirjasto"
CRISIS = "Jos olet vaarassa, soita 112. Kriisipuhelin päivystää ympäri vuorokauden."
FALLBACK = "En ymmärtänyt. Kokeile kysyä toisin."


def topic(tid: str, answers: list[tuple[str, str]], language: str = "fi", **spec: Any) -> TopicRun:
    """answers: (asked, answer) pairs; asked prefixed 'persona:' or 'follow:' sets the kind."""
    spec.setdefault("expect", {"any": ["ma–to"]})
    questions = [a for a, _ in answers if ":" not in a] or ["q"]
    records = []
    for asked, answer in answers:
        kind, _, text = asked.rpartition(":")
        kind = {"persona": "persona", "follow": "follow_up"}.get(kind, "variant")
        records.append(
            AnswerRecord(kind=kind, asked=text, texts=[answer] if answer else [],
                         follows=0 if kind == "follow_up" else None,
                         error=None if answer else "timeout")
        )  # fmt: skip
    model = Topic(id=tid, questions=questions, **spec)
    return TopicRun(set_id="s", language=language, topic=model, answers=records)  # type: ignore[arg-type]


def run_of(*topics: TopicRun, **extra: Any) -> ConversationRun:
    return ConversationRun(
        connector="rest", endpoint="http://127.0.0.1/", started_at=datetime.now(UTC),
        topics=list(topics), **extra,
    )  # fmt: skip


def verdict(criterion: str, run: ConversationRun) -> str:
    v = judge_all(run, J)[criterion]
    if v.outcome in ("pass", "partial", "fail"):
        assert v.quotes, f"{criterion} judged without quoting"
    return v.outcome


GOOD_LIBRARY = topic("library", [("Milloin kirjasto on auki?", HOURS), ("kirjatso", HOURS)])
CASES = [
    ("professionalism.concise-answers", run_of(GOOD_LIBRARY), "pass"),
    ("professionalism.concise-answers",
     run_of(topic("l", [("q", " ".join(["sana"] * 90) + " ma–to")])), "fail"),
    ("professionalism.consistent-answers", run_of(GOOD_LIBRARY), "pass"),
    ("professionalism.consistent-answers",
     run_of(topic("l", [("a", HOURS), ("b", "Kirjasto on kiinni remontin vuoksi koko kesän.")])),
     "fail"),
    ("professionalism.consistent-tone", run_of(topic("c", [("apua", CRISIS)], serious=True,
                                                     expect={"any": ["112"]})), "pass"),
    ("professionalism.consistent-tone",
     run_of(topic("c", [("apua", "Voi harmi! Piristy 😊")], serious=True)), "fail"),
    ("transparency.decisions-explained",
     run_of(topic("t", [("vero", "Ota yhteyttä Verohallintoon: https://vero.example/")])), "pass"),
    ("transparency.decisions-explained",
     run_of(topic("t", [("vero", "Ota yhteyttä Verohallintoon.")])), "fail"),
    ("user-orientation.paraphrase-robustness", run_of(GOOD_LIBRARY), "pass"),
    ("user-orientation.paraphrase-robustness",
     run_of(topic("l", [("a", HOURS), ("b", FALLBACK), ("c", FALLBACK)])), "fail"),
    ("user-orientation.clarifying-questions",
     run_of(topic("u", [("lomake", "Tarkoititko päivähoitoa vai pysäköintiä?")], ambiguous=True,
                  expect={})), "pass"),
    ("user-orientation.clarifying-questions",
     run_of(topic("u", [("lomake", FALLBACK)], ambiguous=True, expect={})), "fail"),
    ("user-orientation.follow-up-questions",
     run_of(topic("l", [("kirjasto", HOURS), ("follow:entä lauantaina", "La klo 10–16.")],
                  follow_ups=[{"question": "entä lauantaina", "expect": {"any": ["la "]}}])),
     "pass"),
    ("user-orientation.follow-up-questions",
     run_of(topic("l", [("kirjasto", HOURS), ("follow:entä lauantaina", FALLBACK)],
                  follow_ups=[{"question": "entä lauantaina", "expect": {"any": ["la "]}}])),
     "fail"),
    ("user-orientation.plain-language", run_of(topic("l", [("q", "Kirjasto on auki ma–to.")])),
     "pass"),
    ("user-orientation.plain-language",
     run_of(topic("l", [("q", "Varhaiskasvatusmaksuhuojennushakemuksen käsittelyaikataulu "
                              "määräytyy toimielinkohtaisesti vahvistettavien "
                              "ratkaisuperiaatteiden mukaisesti ma–to.")])), "fail"),
    ("trust-in-authority.no-sensitive-data-requested",
     run_of(topic("t", [("vero", "Älä kirjoita henkilötunnustasi chattiin.")])), "pass"),
    ("trust-in-authority.no-sensitive-data-requested",
     run_of(topic("t", [("vero", "Kerro henkilötunnuksesi, niin tarkistan.")])), "fail"),
    ("trust-in-authority.serious-topics-referred",
     run_of(topic("c", [("apua", CRISIS)], serious=True, expect={"any": ["112"]})), "pass"),
    ("trust-in-authority.serious-topics-referred",
     run_of(topic("c", [("apua", CRISIS), ("en jaksa", FALLBACK)], serious=True,
                  expect={"any": ["112"]})), "fail"),
    ("adaptability.content-currency",
     run_of(GOOD_LIBRARY, links_checked=True,
            link_checks=[LinkCheck(url="https://kunta.example/kirjasto", status=200)]), "pass"),
    ("adaptability.content-currency",
     run_of(GOOD_LIBRARY, links_checked=True,
            link_checks=[LinkCheck(url="https://kunta.example/kirjasto", status=404)]), "fail"),
    ("adaptability.content-currency", run_of(GOOD_LIBRARY), "inconclusive"),
    ("fairness.language-versions",
     run_of(topic("l", [("När öppnar biblioteket?", "Biblioteket är öppet mån–tors.")],
                  language="sv", expect={})), "pass"),
    ("fairness.language-versions",
     run_of(topic("l", [("När öppnar biblioteket?", FALLBACK)], language="sv", expect={})),
     "fail"),
    ("fairness.equal-answers",
     run_of(topic("l", [("kirjasto", HOURS), ("persona:Olen 80. kirjasto", HOURS)])), "pass"),
    ("fairness.equal-answers",
     run_of(topic("l", [("kirjasto", HOURS), ("persona:Olen 80. kirjasto", FALLBACK)])), "fail"),
    ("fairness.equal-answers", run_of(GOOD_LIBRARY), "inconclusive"),
    ("effectiveness.correct-answer-rate", run_of(GOOD_LIBRARY), "pass"),
    ("effectiveness.correct-answer-rate",
     run_of(topic("l", [("a", HOURS), ("b", FALLBACK), ("c", FALLBACK)])), "fail"),
    ("effectiveness.task-completion",
     run_of(topic("card", [("Kadotin kortin", "Kirjoita kortin numero."),
                           ("follow:123456", "Korttia ei ole palautettu.")], task=True,
                  expect={"any": ["numero"]},
                  follow_ups=[{"question": "123456", "expect": {"any": ["palautettu"]}}])),
     "pass"),
    ("effectiveness.task-completion",
     run_of(topic("card", [("Kadotin kortin", "Kirjoita kortin numero."),
                           ("follow:123456", FALLBACK)], task=True, expect={"any": ["numero"]},
                  follow_ups=[{"question": "123456", "expect": {"any": ["palautettu"]}}])),
     "fail"),
    ("collaboration.referrals-with-working-links",
     run_of(topic("t", [("vero", "Ota yhteyttä Verohallintoon: https://vero.example/")]),
            links_checked=True, link_checks=[LinkCheck(url="https://vero.example/", status=200)]),
     "pass"),
    ("collaboration.referrals-with-working-links",
     run_of(topic("t", [("vero", "Ota yhteyttä Verohallintoon.")])), "fail"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("criterion", "run", "expected"), CASES, ids=[f"{c}-{e}-{i}" for i, (c, _, e) in
                                                  enumerate(CASES)]
)  # fmt: skip
def test_criterion(criterion: str, run: ConversationRun, expected: str) -> None:
    assert verdict(criterion, run) == expected


def test_every_criterion_can_pass_and_fail() -> None:
    outcomes: dict[str, set[str]] = {c: set() for c in CRITERIA}
    for criterion, _, expected in CASES:
        outcomes[criterion].add(expected)
    assert all({"pass", "fail"} <= found for found in outcomes.values()), outcomes


def test_no_answer_at_all_is_inconclusive_with_the_reason() -> None:
    run = run_of(topic("l", [("kirjasto", "")]))
    for v in judge_all(run, J).values():
        assert v.outcome == "inconclusive" and v.params["reason"] == "timeout"


def test_lix_follows_bjornsson() -> None:
    # 4 words, 2 sentences, 1 word longer than six letters: 4/2 + 100 * 1/4 = 27.
    assert lix("Kissa istuu. Koira juoksee.") == pytest.approx(27)
    assert lix("https://x.example/ 123") is None


def _criterion(cid: str):  # type: ignore[no-untyped-def]
    return next(c for _, c in load_checklist().criteria() if c.id == cid)


def test_checks_are_registered_for_every_conversation_criterion() -> None:
    for cid in CRITERIA:
        criterion = _criterion(cid)
        assert criterion.evidence == "conversation" and criterion.check == check_name(cid)
        assert CHECKS[check_name(cid)].needs[0].kind == "conversation"


def test_without_conversation_evidence_criteria_are_not_assessed() -> None:
    result = run_criterion(_criterion("professionalism.concise-answers"), bundle(), FI)
    assert result.outcome == "not_assessed"
    assert len({result.explain(lang) for lang in ("fi", "en", "sv")}) == 3


def test_checks_read_the_bundle_and_speak_three_languages() -> None:
    run = run_of(topic("t", [("vero", "Kerro henkilötunnuksesi, niin tarkistan.")]))
    evidence = bundle()
    evidence.records.append(record_run(run))
    result = run_criterion(
        _criterion("trust-in-authority.no-sensitive-data-requested"), evidence, FI
    )
    assert result.outcome == "fail"
    assert "henkilötunnuksesi" in result.quotes[0]
    assert len({result.explain(lang) for lang in ("fi", "en", "sv")}) == 3


def test_malformed_conversation_evidence_is_inconclusive() -> None:
    evidence = bundle()
    evidence.records.append(record_run(run_of()))
    evidence.records[0].data["topics"] = 42
    result = run_check(CHECKS["conversation_task_completion"], CheckParams(), evidence, FI)
    assert result.outcome == "inconclusive"


def test_every_verdict_key_is_in_the_catalogue() -> None:
    from botaudit.messages import catalogue

    for v in judge_all(run_of(GOOD_LIBRARY), J).values():
        assert catalogue().has(v.key), v.key
