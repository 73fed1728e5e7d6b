"""Ask every question of the question sets through a connector and record the answers.

Each question starts a fresh conversation, so that paraphrases are judged independently;
follow-ups continue the conversation of the topic's first question. Answers are masked
before they are kept. A failing bot does not crash the run: the error is recorded with the
question, and after `max_consecutive_errors` failures in a row the run stops asking (an
audit must not hammer a bot that is down) and says so.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from botaudit.conversation.connectors.base import BotReply, Connector, Conversation, ProtocolError
from botaudit.conversation.model import AnswerRecord, ConversationRun, QuestionSetInfo, TopicRun
from botaudit.conversation.questions import QuestionSet
from botaudit.evidence.pii import mask_text

Progress = Callable[[int, int], None]


def _record(kind: str, asked: str, reply: BotReply | None, started: float, **extra) -> AnswerRecord:
    elapsed = int((time.monotonic() - started) * 1000)
    if reply is None:
        return AnswerRecord(kind=kind, asked=mask_text(asked), latency_ms=elapsed, **extra)
    return AnswerRecord(
        kind=kind,  # type: ignore[arg-type]
        asked=mask_text(asked),
        texts=[mask_text(t) for t in reply.texts],
        buttons=[mask_text(b) for b in reply.buttons],
        links=[mask_text(link) for link in reply.links],
        latency_ms=elapsed,
        **extra,
    )


class _Asker:
    """Sends questions, turning protocol errors into records and counting failures."""

    def __init__(self, connector: Connector, run: ConversationRun, limit: int) -> None:
        self.connector = connector
        self.run = run
        self.limit = limit
        self.failures_in_row = 0

    @property
    def stopped(self) -> bool:
        return self.failures_in_row >= self.limit

    async def ask(
        self, conversation: Conversation | None, text: str, kind: str, **extra
    ) -> tuple[AnswerRecord, Conversation | None]:
        started = time.monotonic()
        if self.stopped:
            error = f"not asked: the bot failed {self.limit} times in a row ({self.run.error})"
            return _record(kind, text, None, started, error=error, **extra), conversation
        try:
            if conversation is None:
                conversation = await self.connector.start()
            reply = await conversation.send(text)
        except ProtocolError as exc:
            self.failures_in_row += 1
            if self.stopped:
                self.run.error = str(exc)
            return _record(kind, text, None, started, error=str(exc), **extra), conversation
        self.failures_in_row = 0
        return _record(kind, text, reply, started, **extra), conversation


async def _close(conversation: Conversation | None) -> None:
    if conversation is not None:
        # Ending a conversation is a courtesy; its failure changes no answer.
        with contextlib.suppress(ProtocolError):
            await conversation.close()


async def run_questions(
    connector: Connector,
    sets: list[tuple[Path, QuestionSet]],
    run: ConversationRun,
    max_consecutive_errors: int,
    progress: Progress | None = None,
) -> ConversationRun:
    """Fill `run` (passed in so that an interruption keeps what was gathered)."""
    asker = _Asker(connector, run, max_consecutive_errors)
    total = sum(
        len(t.questions) + len(t.follow_ups) + (0 if t.serious or t.ambiguous else len(s.personas))
        for _, s in sets
        for t in s.topics
    )
    done = 0
    for path, qset in sets:
        run.question_sets.append(
            QuestionSetInfo(
                id=qset.id,
                language=qset.language,
                path=str(path),
                sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
            )
        )
        for topic in qset.topics:
            topic_run = TopicRun(set_id=qset.id, language=qset.language, topic=topic)
            run.topics.append(topic_run)
            for index, question in enumerate(topic.questions):
                record, conversation = await asker.ask(None, question, "variant")
                topic_run.answers.append(record)
                if index == 0:
                    for number, follow in enumerate(topic.follow_ups):
                        if record.error is None and conversation is not None:
                            follow_record, _ = await asker.ask(
                                conversation, follow.question, "follow_up", follows=number
                            )
                        else:
                            follow_record = AnswerRecord(
                                kind="follow_up",
                                asked=mask_text(follow.question),
                                follows=number,
                                error="not asked: the topic's first question got no answer",
                            )
                        topic_run.answers.append(follow_record)
                await _close(conversation)
                done += 1 + (len(topic.follow_ups) if index == 0 else 0)
                if progress:
                    progress(done, total)
            if not (topic.serious or topic.ambiguous):
                for persona in qset.personas:
                    asked = f"{persona.strip()} {topic.questions[0]}"
                    record, conversation = await asker.ask(None, asked, "persona", persona=persona)
                    topic_run.answers.append(record)
                    await _close(conversation)
                    done += 1
                    if progress:
                        progress(done, total)
    run.finished_at = datetime.now(UTC)
    return run


def new_run(connector: Connector) -> ConversationRun:
    return ConversationRun(
        connector=connector.kind,
        endpoint=connector.endpoint,
        started_at=datetime.now(UTC),
        min_interval_s=connector.politeness.min_interval_s,
    )
