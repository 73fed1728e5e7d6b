"""The demo bots' answers to citizens' questions (conversation probes), per profile.

Kept apart from `profiles.py` (which describes the widget and its browser behaviour): the
server asks `Answerer.respond` first, and it hands anything it does not know (greetings,
handoff requests, personal data) to `Profile.respond`, so the widget, the REST API and the
Rasa-shaped API all give the same answers. `{base}` in a reply becomes the server's URL.

- `good` knows every topic of the shipped question sets in Finnish, Swedish and English,
  tolerates typos and colloquial Finnish, carries the topic over to a follow-up, refers
  serious matters soberly (112, crisis line, child protection) with working links.
- `bad` asks for an identity code in the tax topic, answers a crisis message lightly, links
  to pages that no longer exist and answers in Finnish only.
- `oulubot-2022` answers in Finnish only (other language versions were only planned,
  METKU 2022, Lisäselvitys 2, 4.2.4 Oikeudenmukaisuus), understands short sentences best
  ("Parhaiten ymmärrän lyhyitä lauseita", its greeting, ibid. 4.2.3) — longer ones and
  words not in its vocabulary fall back — and hands over to a person only when the user
  types the word "asiakaspalvelija" by itself ('kirjoita "asiakaspalvelija"', ibid. 4.2.3).
"""

from __future__ import annotations

import re
import threading

from botaudit.demo.knowledge import KNOWLEDGE
from botaudit.demo.profiles import PII_PATTERNS, Message, Profile

API_PATH = "/api/message"  # the widget's API, also the generic REST API of the demo
RASA_PATH = "/webhooks/rest/webhook"  # the same answers in Rasa's REST-channel shape
QUESTION_SETS = ["municipal-fi", "municipal-sv", "municipal-en"]
_SHORT_WORDS = 4  # oulubot-2022: longer messages are not understood
_MAX_SESSIONS = 10_000
_DIGITS = re.compile(r"\d[\d ]{5,}\d")


SERVICE_PAGES = (
    "kirjasto",
    "jatehuolto",
    "joukkoliikenne",
    "varhaiskasvatus",
    "verotus",
    "pysakointi",
    "kriisiapu",
    "lastensuojelu",
)


class Answerer:
    """One server's answers; remembers per session only the last topic id."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.knowledge = KNOWLEDGE.get(profile.name)
        self._last: dict[str, str] = {}
        self._lock = threading.Lock()

    def _remember(self, session: str, topic: str | None) -> None:
        with self._lock:
            if len(self._last) >= _MAX_SESSIONS:
                self._last.clear()
            if topic is None:
                self._last.pop(session, None)
            else:
                self._last[session] = topic

    def _follow_up(self, session: str, lowered: str) -> str | None:
        with self._lock:
            previous = self._last.get(session)
        if previous is None or self.knowledge is None:
            return None
        keywords, reply = self.knowledge.follow_ups.get(previous, ("", ""))
        if keywords == "#digits":
            return reply if _DIGITS.search(lowered) else None
        return reply if keywords and any(k in lowered for k in keywords.split("|")) else None

    def respond(self, session: str, text: str, *, first: bool, base: str) -> list[Message]:
        """The reply to one message, the same over the widget, REST and Rasa routes."""
        profile, known = self.profile, self.knowledge
        lowered = text.casefold().strip()
        handoff = any(k in lowered for k in profile.handoff_keywords)
        if known is not None and known.exact_handoff and handoff:
            handoff = lowered.strip(" .!?'\"") == known.exact_handoff
            if not handoff:
                return self._fallback(first)
        if known is None or handoff or (profile.pii_reply and _has_pii(profile, text)):
            return profile.respond(text, first=first)
        reply = self._follow_up(session, lowered)
        entry = None
        if reply is None:
            short = len(lowered.split()) <= _SHORT_WORDS
            if known.short_only and not short:
                self._remember(session, None)
                return self._fallback(first)
            entry = next((e for e in known.entries if e.matches(lowered)), None)
            if entry is None:
                self._remember(session, None)
                return profile.respond(text, first=first)
            reply = entry.reply
        self._remember(session, entry.topic if entry else None)
        return self._finish(
            [Message("bot", profile.bot_label, reply.replace("{base}", base))], first
        )

    def _fallback(self, first: bool) -> list[Message]:
        return self._finish([Message("bot", self.profile.bot_label, self.profile.fallback)], first)

    def _finish(self, replies: list[Message], first: bool) -> list[Message]:
        prefix = self.profile.first_reply_prefix
        if first and prefix:
            head = replies[0]
            replies[0] = Message(head.sender, head.label, f"{prefix} {head.text}")
        return replies


_PII = {name: re.compile(source) for name, source in PII_PATTERNS.items()}


def _has_pii(profile: Profile, text: str) -> bool:
    return any(_PII[p].search(text) for p in profile.pii_patterns)


def service_page(path: str) -> tuple[str, str] | None:
    """(title, text) of a service page the good answers link to, if `path` is one."""
    for name in SERVICE_PAGES:
        if path == f"/palvelut/{name}/":
            return name.capitalize(), f"Esimerkkikaupungin palvelu: {name}. (Demo-sivu.)"
    return None


def demo_conversation(base_url: str, connector: str = "rest") -> dict[str, object]:
    """The `conversation:` config section that probes a running demo (no pacing: it is local)."""
    base = base_url.rstrip("/")
    spec = {"type": "rasa", "url": base} if connector == "rasa" else {"type": connector}
    if connector == "rest":
        spec["url"] = base + API_PATH
    return {
        "connector": spec,
        "question_sets": QUESTION_SETS,
        "politeness": {"min_interval_s": 0},
        "check_links": True,
    }
