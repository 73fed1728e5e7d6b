"""`legitimacy.deletion-scope-explained`: is the user told what deleting removes, and how
long the conversation logs are kept?

OuluBot's "Poista keskustelu" deletes the conversation, but it stayed unclear whether it
also leaves the bot trainers' view (METKU 2022, Lisäselvitys 2, 4.2.4 Legitiimiys); GDPR
Art. 13(2)(a) asks for the retention period. The recommendation accepts either place: next
to the control (its description, the text beside it, its "are you sure?", what the widget
says after deleting, the widget's other text) or the privacy notice it links to.

Found by lexicon categories: `deletion_scope` (only from this browser, also from the logs,
the trainers' view), `retention_period` (a number and a time unit beside a keeping or
deleting verb) and `not_kept` (the service keeps no copy: says both). Pass: both said;
partial: one; fail: a control with neither. Without a delete control there is no deletion
to explain — `legitimacy.delete-conversation` fails that — so a stated retention is
partial at best, and nothing said at all is a fail. When the privacy notice could not be
read and the widget alone does not pass, the verdict is inconclusive: the notice may say it.
"""

from __future__ import annotations

import re

from botaudit.checks.base import CheckResult, Evidence, browser, check, result
from botaudit.evidence.deletion_notice import DeletionNotice
from botaudit.evidence.linked_pages import LinkedPages
from botaudit.evidence.observations import EndConversation, WidgetView
from botaudit.lexicon import Matcher
from botaudit.messages import Message, msg, quoted
from botaudit.types import Outcome

SCENARIO = "storage-privacy"
QUOTE_CHARS = 240


def _places(ev: Evidence, m: Matcher) -> tuple[list[tuple[str, str]], Message | None]:
    """(where, text) pairs to search, widget first; and why the notice went unread, if so."""
    notice: DeletionNotice = ev["deletion_notice"]
    end: EndConversation | None = ev.get("end_conversation")
    places = [("control", f"{notice.described}\n{notice.near_text}")]
    if end is not None:
        places.append(("confirmation", end.confirmation_text))
    for key, where in (("after_end", "after"), ("before_input", "widget")):
        view: WidgetView | None = ev.get(key)
        if view is not None:
            places.append((where, view.visible_text))
    pages: LinkedPages | None = ev.get("linked_pages")
    if pages is None:
        return places, msg("deletion.unread.not_run")
    linked = [p for p in pages.pages if m.find("privacy_notice", p.text)]
    places += [("notice", f"{p.title}\n{p.page_text}") for p in linked if not p.error]
    unread = [p for p in linked if p.error]
    if unread and len(unread) == len(linked):
        return places, msg("deletion.unread.error", link=unread[0].text, why=unread[0].error)
    return places, None


def _sentences(text: str, found: list[str]) -> list[str]:
    """The sentences holding what was found, once each, as quotes."""
    parts = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", text) if s.strip()]
    hits = [s for s in parts if any(f.casefold() in s.casefold() for f in found)]
    return list(dict.fromkeys(s[:QUOTE_CHARS] for s in hits))[:2]


def _whole_words(text: str, span: str) -> str:
    """A match cut inside a word ('tästä selaime') quoted up to the word's end."""
    whole = re.search(re.escape(span) + r"\w*", text)
    return whole.group(0) if whole else span


def _first(
    places: list[tuple[str, str]], m: Matcher, *categories: str
) -> tuple[str, list[str], list[str]]:
    """Where the first of `categories` is said, what matched and the sentences saying it."""
    for where, text in places:
        spans = (_whole_words(text, f) for c in categories for f in m.find(c, text))
        found = list(dict.fromkeys(spans))
        if found:
            return where, found[:2], _sentences(text, found) or found[:2]
    return "", [], []


def _said(what: str, where: str, found: list[str]) -> dict[str, object]:
    """Message parameters for what was found where (none when it was not found)."""
    if not found:
        return {}
    return {what: quoted(found), f"{what}_where": msg(f"deletion.where.{where}")}


@check(
    "deletion_scope_explained",
    needs=(
        browser(SCENARIO, "deletion_notice", DeletionNotice),
        browser(SCENARIO, "end_conversation", EndConversation, optional=True),
        browser(SCENARIO, "after_end", WidgetView, optional=True),
        browser(SCENARIO, "before_input", WidgetView, optional=True),
        browser("bot-identity", "linked_pages", LinkedPages, optional=True),
    ),
)
def deletion_scope_explained(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    notice: DeletionNotice = ev["deletion_notice"]
    keys = ("deletion_notice", "end_conversation", "after_end", "before_input", "linked_pages")
    refs = [ev.ref(k) for k in keys if ev.get(k) is not None]
    places, unread = _places(ev, m)
    scope_at, scope, scope_quotes = _first(places, m, "deletion_scope", "not_kept")
    kept_at, kept, kept_quotes = _first(places, m, "retention_period", "not_kept")
    quotes = list(dict.fromkeys(scope_quotes + kept_quotes))
    scope_said = _said("scope", scope_at, scope)
    kept_said = _said("retention", kept_at, kept)

    def judged(outcome: Outcome, key: str, **params: object) -> CheckResult:
        return result(outcome, f"deletion.{key}", evidence=refs, quotes=quotes, **params)

    if notice.found and scope and kept:
        return judged("pass", "pass", **scope_said, **kept_said)
    if unread is not None:
        found = (
            msg("deletion.found.scope", **scope_said)
            if scope
            else msg("deletion.found.retention", **kept_said)
            if kept
            else msg("deletion.found.none")
        )
        return judged("inconclusive", "inconclusive", why=unread, found=found)
    if not notice.found:
        if kept:
            return judged("partial", "no_control_retention", **kept_said)
        return judged("fail", "no_control", tried=" / ".join(notice.searched[:6]))
    if scope:
        return judged("partial", "only_scope", control=notice.label, **scope_said)
    if kept:
        return judged("partial", "only_retention", control=notice.label, **kept_said)
    return judged("fail", "fail", control=notice.label)
