"""Typed views of what scenario steps record.

Steps store these models' JSON in `StepRecord.data`; the check runner parses them back
for the checks that declare them. Each step declares the model it produces
(`botaudit.gather.steps`), and `@observation` registers it by name for checklist YAML and
the cross-validation (`botaudit.validate`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from botaudit.evidence.model import observation

StorageArea = Literal["sessionStorage", "localStorage", "cookie", "indexedDB"]


class MessageView(BaseModel):
    """One message node of the widget as a reader (or a screen reader) meets it."""

    text: str
    label: str = Field(default="", description="Sender label text, when the config names one.")
    accessible_name: str = Field(default="", description="aria-label or title of the node.")
    alt_texts: list[str] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list)
    agent: bool = Field(default=False, description="Matched the config's agent_message selector.")
    chars_on_page: int | None = Field(
        default=None, description="The text's length on the page, when only part was recorded."
    )


class LinkView(BaseModel):
    """One link inside the widget: what it says (to a sighted or a screen-reader user) and
    where it leads, so a check can tell a link to a privacy notice from a mere mention."""

    text: str
    href: str


@observation
class WidgetView(BaseModel):
    """The widget as shown at one moment (`capture_widget`)."""

    visible_text: str
    hidden_names: list[str] = Field(
        default_factory=list,
        description="Alt texts, aria-labels and titles inside the widget: read by screen "
        "readers, not shown as text.",
    )
    bot_messages: list[MessageView] = Field(default_factory=list)
    links: list[LinkView] = Field(
        default_factory=list, description="Links in the widget, outside the messages too."
    )
    user_message_count: int | None = None
    screenshot: str | None = None


@observation
class Exchange(BaseModel):
    """One message sent and the bot messages that followed (`send` and friends)."""

    sent: str = Field(description="What was typed, with personal data masked.")
    source: str = ""
    replies: list[MessageView] = Field(default_factory=list)
    timed_out: bool = False
    never_ended: bool = Field(
        default=False,
        description="The wait gave up while the reply was still going on (its text still "
        "changing, a typing indicator or aria-busy still shown, the chat request still "
        "open): `replies` is what had come by then, not the whole answer.",
    )
    elapsed_ms: int = 0
    late_parts_of_previous: list[MessageView] = Field(
        default_factory=list,
        description="Bot messages that came after the previous reply (or the greeting) was "
        "taken as complete and before this message was sent: they belong to the previous "
        "message, never to this one.",
    )


@observation
class HandoffRequests(BaseModel):
    """Attempts to reach a human (`request_human`)."""

    greeting_instruction: str | None = None
    attempts: list[Exchange] = Field(default_factory=list)
    stopped_because: str = ""


@observation
class PersonalDataInput(BaseModel):
    """Synthetic personal data typed as a citizen would (`send_personal_data`)."""

    kinds: list[str]
    exchanges: list[Exchange] = Field(default_factory=list)


class StorageHit(BaseModel):
    """A probe value found in browser storage."""

    area: StorageArea
    origin: str
    key: str
    probe: str = Field(description="Which probe: hetu, phone, email.")
    form: str = Field(description="How it was stored: plain, url-encoded, json-escaped, ...")


@observation
class StorageSnapshot(BaseModel):
    """Every storage area of every frame at one moment (`snapshot_storage`)."""

    moment: str
    areas_inspected: list[str] = Field(default_factory=list)
    origins: list[str] = Field(default_factory=list)
    entry_count: dict[str, int] = Field(default_factory=dict)
    hits: list[StorageHit] = Field(default_factory=list)
    dump: str | None = None
    errors: list[str] = Field(default_factory=list)


@observation
class EndConversation(BaseModel):
    """The end/delete-conversation control (`end_conversation`)."""

    found: bool
    via: Literal["config", "lexicon"] | None = None
    labels: list[str] = Field(default_factory=list)
    searched: list[str] = Field(
        default_factory=list, description="The names looked for, when none was found."
    )
    detail: str = Field(default="", description="How an 'are you sure?' was answered.")
    confirmation_text: str = Field(
        default="", description="What the 'are you sure?' (native or in-page) said, masked."
    )


class AxeViolation(BaseModel):
    id: str
    impact: str | None = None
    help: str = ""
    help_url: str = ""
    nodes: int = 0
    targets: list[str] = Field(default_factory=list)


@observation
class AccessibilityScan(BaseModel):
    """axe-core's WCAG 2.1 A/AA rules run over the open widget (`accessibility_scan`)."""

    engine: str
    scope: str = Field(description="What was scanned: the widget's selector or the document.")
    tags: list[str] = Field(default_factory=list)
    violations: list[AxeViolation] = Field(default_factory=list)
    passes: int = 0
    incomplete: int = 0


class HostTraffic(BaseModel):
    """Requests (and WebSocket frames) to one host after the probes were typed."""

    host: str
    requests: int
    first_party: bool
    probes: list[str] = Field(default_factory=list, description="Probe kinds found.")
    forms: list[str] = Field(default_factory=list)
    example: str = Field(default="", description="Method and path of one carrying request.")


@observation
class NetworkTraffic(BaseModel):
    """Where the typed probe values went over the network (`network_traffic`)."""

    first_party_hosts: list[str]
    hosts: list[HostTraffic] = Field(default_factory=list)
    websocket_frames: int = 0


@observation
class PageOpened(BaseModel):
    """The target page after loading (`open_page`)."""

    url: str
    status: int | None = None
    title: str = ""
    load_event: bool | None = Field(
        default=None,
        description="Whether `load` fired within the grace period (a frame that never "
        "answers holds it back; the audit goes on from DOMContentLoaded).",
    )


@observation
class WidgetOpened(BaseModel):
    """The chat opened (`open_widget`)."""

    greeting_messages: int


@observation
class Reloaded(BaseModel):
    """The page reloaded and the chat reopened (`reload`)."""

    bot_messages_after_reload: int


@observation
class NewTab(BaseModel):
    """The target open in a second tab (`new_tab`)."""

    tabs: int
    bot_messages_in_new_tab: int
