"""The trainers' view: per topic and question what was asked, what the bot answered
(masked), whether it met the expectation and why, whether it fell back, how long it took;
and the topics to work on first (serious topics that failed, then the lowest rates).

Written as conversations.json (the run plus these verdicts, for tooling) and a
self-contained trainers.html in Finnish, English or Swedish. Answers are the bot's text,
so they are untrusted: Jinja2 autoescapes everything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from botaudit.conversation.assess import Assessment, assess
from botaudit.conversation.model import AnswerRecord, ConversationRun, TopicRun
from botaudit.conversation.signals import Judging, load_judging
from botaudit.messages import message

TEMPLATES = Path(__file__).parent / "templates"


@dataclass
class Row:
    kind: str
    asked: str
    answer: str
    links: list[str]
    met: bool | None
    why: str
    fallback: bool
    latency_ms: int


@dataclass
class TopicView:
    key: str
    language: str
    serious: bool
    rows: list[Row] = field(default_factory=list)

    @property
    def judged(self) -> list[Row]:
        return [r for r in self.rows if r.met is not None]

    @property
    def rate(self) -> float | None:
        judged = self.judged
        return sum(bool(r.met) for r in judged) / len(judged) if judged else None

    @property
    def missed(self) -> list[str]:
        return [r.asked for r in self.rows if not r.met]


def topic_views(run: ConversationRun, judging: Judging) -> list[TopicView]:
    found: dict[int, Assessment] = {id(a.record): a for a in assess(run, judging)}
    views = []
    for topic in run.topics:
        view = TopicView(topic.key, topic.language, topic.topic.serious)
        for record in topic.answers:
            a = found.get(id(record))
            view.rows.append(_row(topic, record, a))
        views.append(view)
    return views


def _row(topic: TopicRun, record: AnswerRecord, a: Assessment | None) -> Row:
    if a is None:
        return Row(record.kind, record.asked, "", [], None, record.error or "", False, 0)
    why = a.why if a.forbidden is None else f"{a.why}; must not: {a.forbidden}"
    met = a.correct if not topic.topic.ambiguous else None
    return Row(
        record.kind,
        record.asked,
        record.answer,
        [*record.links, *record.buttons],
        met,
        why,
        a.fallback,
        record.latency_ms,
    )


def work_first(views: list[TopicView], target: float) -> list[TopicView]:
    """Failing serious topics first, then the lowest correct-answer rates below target."""
    below = [v for v in views if v.rate is not None and v.rate < target]
    return sorted(below, key=lambda v: (not v.serious, v.rate, v.key))


def summary(run: ConversationRun, views: list[TopicView], language: str) -> str:
    rows = [r for v in views for r in v.rows]
    judged = [r for r in rows if r.met is not None]
    correct = round(100 * sum(bool(r.met) for r in judged) / len(judged)) if judged else 0
    latencies = [r.latency_ms for r in rows if r.answer]
    return message(
        "trainers.summary",
        language,
        questions=len(rows),
        topics=len(views),
        correct=correct,
        fallbacks=sum(r.fallback for r in rows),
        latency=round(median(latencies)) if latencies else 0,
    )


def write_trainers_page(
    run: ConversationRun, out_dir: Path, language: str, verdicts: dict[str, dict] | None = None
) -> dict[str, Path]:
    """conversations.json and trainers.html in `out_dir`."""
    judging = load_judging()
    views = topic_views(run, judging)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = {"run": run.model_dump(mode="json"), "criteria": verdicts or {}}
    json_path = out_dir / "conversations.json"
    json_path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined
    )
    html = env.get_template("trainers.html.j2").render(
        lang=language,
        t=lambda key: message(key, language),
        summary=summary(run, views, language),
        first=work_first(views, judging.thresholds.correct_answer.target),
        views=views,
        run=run,
        verdicts=verdicts or {},
    )
    html_path = out_dir / "trainers.html"
    html_path.write_text(html, encoding="utf-8")
    return {"conversations": json_path, "trainers": html_path}
