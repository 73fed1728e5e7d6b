"""Hand-built evidence: bundles as gathering would record them, for unit tests of checks."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel

from botaudit.evidence.keyboard import KeyboardWalkthrough, Reflow
from botaudit.evidence.linked_pages import LinkedPage, LinkedPages
from botaudit.evidence.model import (
    BrowserInfo,
    ConfigInfo,
    EvidenceBundle,
    ScenarioRecord,
    StepRecord,
    TargetInfo,
    ToolInfo,
)
from botaudit.evidence.observations import (
    EndConversation,
    Exchange,
    HandoffRequests,
    LinkView,
    MessageView,
    PersonalDataInput,
    StorageHit,
    StorageSnapshot,
    WidgetView,
)


def step(
    name: str,
    data: BaseModel | dict[str, Any],
    ok: bool = True,
    error: str | None = None,
    kind: str = "capture_widget",
) -> StepRecord:
    payload = data.model_dump(mode="json") if isinstance(data, BaseModel) else data
    return StepRecord(step=kind, name=name, ok=ok, error=error, data=payload)


def scenario(scenario_id: str, *steps: StepRecord) -> ScenarioRecord:
    return ScenarioRecord(id=scenario_id, title=scenario_id, steps=list(steps))


def bundle(*scenarios: ScenarioRecord, language: str = "fi") -> EvidenceBundle:
    return EvidenceBundle(
        tool=ToolInfo(version="test"),
        browser=BrowserInfo(version="test"),
        target=TargetInfo(url="http://127.0.0.1:1/", language=language),  # type: ignore[arg-type]
        config=ConfigInfo(name="test", sha256="0" * 64),
        started_at=datetime(2026, 1, 1, tzinfo=UTC),
        scenarios=list(scenarios),
    )


def bot(
    text: str,
    label: str = "",
    alt: list[str] | None = None,
    agent: bool = False,
    links: list[str] | None = None,
) -> MessageView:
    return MessageView(text=text, label=label, alt_texts=alt or [], agent=agent, links=links or [])


def view(
    *messages: MessageView,
    extra_text: str = "",
    hidden: list[str] | None = None,
    links: dict[str, str] | None = None,
) -> WidgetView:
    """A widget showing `messages` under `extra_text`; `links` maps link text to href."""
    texts = [extra_text, *(m.text for m in messages), *(links or {})]
    return WidgetView(
        visible_text="\n".join(texts).strip(),
        hidden_names=hidden or [],
        bot_messages=list(messages),
        links=[LinkView(text=t, href=h) for t, h in (links or {}).items()],
        user_message_count=0,
    )


def identity_scenario(
    before: WidgetView,
    first_reply: str = "Miten voin auttaa?",
    after: WidgetView | None = None,
    pages: dict[str, str] | None = None,
) -> ScenarioRecord:
    """`pages` maps each widget link's text to the text of the page it leads to."""
    exchange = Exchange(sent="Hei", replies=[bot(first_reply)])
    linked = LinkedPages(
        pages=[
            LinkedPage(text=link.text, href=link.href, page_text=(pages or {}).get(link.text, ""))
            for link in before.links
        ]
    )
    return scenario(
        "bot-identity",
        step("before_typing", before),
        step("linked_pages", linked, kind="read_linked_pages"),
        step("first_message", exchange, kind="send"),
        step("after_first_message", after or before),
    )


def handoff_scenario(
    greeting: WidgetView, *attempts: Exchange, instruction: str | None = None
) -> ScenarioRecord:
    data = HandoffRequests(greeting_instruction=instruction, attempts=list(attempts))
    return scenario(
        "human-handoff",
        step("greeting", greeting),
        step("handoff", data, kind="request_human"),
    )


def hit(area: str, probe: str = "hetu", form: str = "plain") -> StorageHit:
    return StorageHit(area=area, origin="http://127.0.0.1:1", key="chat", probe=probe, form=form)  # type: ignore[arg-type]


def snapshot(name: str, *hits: StorageHit) -> StepRecord:
    return step(name, StorageSnapshot(moment=name, hits=list(hits)), kind="snapshot_storage")


def storage_scenario(
    *,
    warning: bool,
    after_input: list[StorageHit],
    after_end: list[StorageHit] | None = None,
    control: bool = True,
    replies: list[str] | None = None,
    late_greeting: list[str] | None = None,
) -> ScenarioRecord:
    greeting = "Hei! Olen chatbot." + (" Älä kirjoita henkilötietoja." if warning else "")
    sent = Exchange(
        sent="Henkilötunnukseni on [hetu masked]",
        replies=[bot(r) for r in (replies if replies is not None else ["Kiitos."])],
        late_parts_of_previous=[bot(t) for t in late_greeting or []],
    )
    end = EndConversation(
        found=control,
        via="lexicon" if control else None,
        labels=["Poista keskustelu"] if control else [],
        detail="" if control else "no visible control",
    )
    return scenario(
        "storage-privacy",
        step("before_input", view(bot(greeting))),
        step(
            "personal_data",
            PersonalDataInput(kinds=["hetu"], exchanges=[sent]),
            kind="send_personal_data",
        ),
        snapshot("storage_after_input", *after_input),
        snapshot("storage_after_reload", *after_input),
        snapshot("storage_in_new_tab", *after_input),
        step("end_conversation", end, kind="end_conversation"),
        snapshot("storage_after_end", *(after_end if after_end is not None else after_input)),
    )


# A keyboard walkthrough (fairness.widget-accessibility).
LAUNCHER = '<button id="chat-launcher" type="button">'
LOG = '<div class="chat-messages" role="log" aria-live="polite">'


def walkthrough(**changes: Any) -> KeyboardWalkthrough:
    """A widget that does everything right, with `changes` applied."""
    reflow = Reflow(
        width=320,
        height=256,
        widget_width=320,
        widget_fits=True,
        scrolls_sideways=False,
        input_usable=True,
        send_usable=True,
        message_readable=True,
        detail="input at [12, 165, 204, 37]",
    )
    good = KeyboardWalkthrough(
        max_tabs=60,
        launcher="reached",
        tab_presses=2,
        launcher_element=LAUNCHER,
        opened_with="Enter",
        focus_after_open='<input id="chat-input">',
        focus_moved_in=True,
        tabs_to_input=0,
        sent_with="Enter",
        message_sent=True,
        reply_seen=True,
        live_region=LOG,
        announced=True,
        closed_with="Escape",
        closed=True,
        focus_after_close=LAUNCHER,
        focus_returned="launcher",
        reflow=reflow,
    )
    return good.model_copy(update=changes)
