"""Run the configured conversation probes end to end: connector, question sets, link checks.

The one entry point for `botaudit converse`, `botaudit audit` and `botaudit demo`. Bad
configuration (a question set that does not validate, a missing secret) is a UsageError
before anything is sent; everything that goes wrong while talking to the bot is recorded
in the returned run instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from botaudit.conversation.connectors.base import Connector, Pacer, ProtocolError
from botaudit.conversation.connectors.http import PoliteClient
from botaudit.conversation.model import ConversationRun, LinkCheck
from botaudit.conversation.questions import QuestionSet, load_question_set, resolve_question_set
from botaudit.conversation.runner import Progress, new_run, run_questions
from botaudit.conversation.text import links_in
from botaudit.conversation_config import ConversationSettings, check_secrets
from botaudit.errors import UsageError
from botaudit.loop import run_blocking

if TYPE_CHECKING:
    from botaudit.config import AuditConfig

MAX_LINKS = 100


def make_connector(settings: ConversationSettings, audit: AuditConfig | None) -> Connector:
    """The connector the settings name (imports lazily: the widget one needs Playwright)."""
    spec, politeness = settings.connector, settings.politeness
    if spec.type == "rest":
        from botaudit.conversation.connectors.rest import RestBot

        return RestBot(spec, politeness)
    if spec.type == "rasa":
        from botaudit.conversation.connectors.rasa import RasaBot

        return RasaBot(spec, politeness)
    if spec.type == "directline":
        from botaudit.conversation.connectors.directline import DirectLineBot

        return DirectLineBot(spec, politeness)
    if spec.type == "openai":
        from botaudit.conversation.connectors.openai import OpenAIBot

        return OpenAIBot(spec, politeness)
    if audit is None:
        raise UsageError(
            "conversation.connector type 'widget' needs the config's target and widget "
            "sections; add them or use an API connector."
        )
    from botaudit.conversation.connectors.widget import WidgetBot
    from botaudit.gather.detect import with_widget  # no widget section: find it first

    return WidgetBot(with_widget(audit), politeness)


def load_sets(settings: ConversationSettings, base: Path | None) -> list[tuple[Path, QuestionSet]]:
    """Every question set validated, and every secret present, before anything is sent."""
    check_secrets(settings)
    found = []
    for ref in settings.question_sets:
        path = resolve_question_set(ref, base)
        found.append((path, load_question_set(path)))
    return found


async def check_links(run: ConversationRun, client: PoliteClient) -> None:
    """Fetch each distinct link of the answers once (GET: many servers refuse HEAD)."""
    urls: list[str] = []
    for _, record in run.answered():
        urls.extend(u for u in links_in(record.answer, record.links) if u.startswith("http"))
    pacer = Pacer(client.politeness.min_interval_s)  # other sites deserve the same gentleness
    for url in list(dict.fromkeys(urls))[:MAX_LINKS]:
        await pacer.wait()
        try:
            response = await client.client.get(url)
            run.link_checks.append(LinkCheck(url=url, status=response.status_code))
        except Exception as exc:  # any failure to fetch is the finding itself
            run.link_checks.append(LinkCheck(url=url, error=f"{type(exc).__name__}"))
    run.links_checked = True


async def _probe(
    settings: ConversationSettings,
    sets: list[tuple[Path, QuestionSet]],
    audit: AuditConfig | None,
    run_box: list[ConversationRun],
    progress: Progress | None,
) -> ConversationRun:
    connector = make_connector(settings, audit)
    async with connector:
        run = new_run(connector)
        run_box.append(run)
        try:
            await run_questions(
                connector, sets, run, settings.politeness.max_consecutive_errors, progress
            )
        except ProtocolError as exc:  # e.g. the browser could not even open the page
            run.error = str(exc)
    if settings.check_links:
        client = PoliteClient(settings.politeness)
        try:
            await check_links(run, client)
        finally:
            await client.aclose()
    return run


def run_conversations(
    settings: ConversationSettings,
    base: Path | None = None,
    audit: AuditConfig | None = None,
    progress: Progress | None = None,
) -> ConversationRun:
    """Ask every question; the run is returned even when the bot fails throughout."""
    sets = load_sets(settings, base)
    box: list[ConversationRun] = []
    try:
        return run_blocking(_probe(settings, sets, audit, box, progress))
    except KeyboardInterrupt:
        if box:
            box[0].error = "interrupted"
            return box[0]
        raise
