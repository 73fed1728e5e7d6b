"""`botaudit assess`: a local, script-free form that reads and writes the answers file.

Served by the standard library on 127.0.0.1 only. A page on another site could still try
to POST to a local port, so every form carries a random token, and requests whose Host is
not the loopback address we bound are refused (DNS rebinding).
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass
from datetime import date
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pydantic import ValidationError

from botaudit.assessment.model import (
    Answer,
    LeadSwot,
    SelfAssessment,
    SwotEntry,
    load_self_assessment,
    save_self_assessment,
)
from botaudit.assessment.questions import Question, answerable, load_questions
from botaudit.assessment.workshop_form import add_response, response_from, workshop_context
from botaudit.checklist.model import Checklist, Criterion, Value
from botaudit.errors import UsageError
from botaudit.messages import message
from botaudit.types import LANGUAGES

CHOICES = ("yes", "partly", "no", "dont_know", "unanswered")
QUADRANTS = ("strengths", "weaknesses", "opportunities", "threats")
MAX_BODY = 1_000_000
_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
)


@dataclass(frozen=True)
class Item:
    value: Value
    criterion: Criterion
    question: Question


def _items(checklist: Checklist) -> list[tuple[str, list[Item]]]:
    questions = load_questions()
    allowed = answerable(checklist, questions)
    by_id = questions.by_criterion()
    own, eye = [], []
    for value, criterion in checklist.criteria():
        if criterion.id in allowed:
            item = Item(value, criterion, by_id[criterion.id])
            (own if criterion.evidence == "self-assessment" else eye).append(item)
    return [("self", own), ("eye", eye)]


def apply_form(current: SelfAssessment, fields: dict[str, str], today: date) -> SelfAssessment:
    """The assessment after a form post: changed answers get today's date and the who."""
    who = fields.get("who", "").strip()
    answers = dict(current.answers)
    for key, choice in fields.items():
        if not key.startswith("answer:"):
            continue
        cid = key.removeprefix("answer:")
        if choice not in CHOICES:
            continue
        if choice == "unanswered":
            answers.pop(cid, None)
            continue
        comment = fields.get(f"comment:{cid}", "").strip()
        evidence = fields.get(f"evidence:{cid}", "").strip() or None
        old = current.answers.get(cid)
        if old and (old.answer, old.comment, old.evidence) == (choice, comment, evidence):
            continue  # unchanged: keep who answered and when
        answers[cid] = Answer(
            answer=choice,  # type: ignore[arg-type]
            comment=comment,
            evidence=evidence,
            who=who or (old.who if old else ""),
            when=today,
        )
    swot = {}
    for quadrant in QUADRANTS:
        existing = {e.text: e for e in getattr(current.swot, quadrant)}
        lines = [line.strip() for line in fields.get(f"swot:{quadrant}", "").splitlines()]
        swot[quadrant] = [existing.get(line) or SwotEntry(text=line) for line in lines if line]
    return current.model_copy(update={"answers": answers, "swot": LeadSwot(**swot)})


class AssessmentForm:
    """The form server for one answers file; `with AssessmentForm(...) as url:`."""

    def __init__(
        self, checklist: Checklist, path: Path, name: str, language: str = "fi", port: int = 0
    ) -> None:
        self.checklist, self.path, self.name = checklist, path, name
        self.language = language if language in LANGUAGES else "en"
        self.token = secrets.token_urlsafe(24)
        self.last_who = ""
        self.server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __enter__(self) -> str:
        self.thread.start()
        return self.url

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def render(self, language: str, saved: int | None = None, error: str = "") -> str:
        current = load_self_assessment(self.path)
        known_who = [a.who for a in current.answers.values() if a.who]
        context: dict[str, Any] = {
            "lang": language,
            "m": lambda key, **p: message(key, language, **p),
            "name": self.name,
            "path": str(self.path),
            "token": self.token,
            "who": self.last_who or (known_who[-1] if known_who else ""),
            "groups": _items(self.checklist),
            "answers": current.answers,
            "choices": CHOICES,
            "swot": [(q, "\n".join(e.text for e in getattr(current.swot, q))) for q in QUADRANTS],
            "saved": saved,
            "error": error,
        }
        return _ENV.get_template("form.html.j2").render(context)

    def render_workshop(
        self, language: str, saved: int | None = None, error: str = "", round_name: str = ""
    ) -> str:
        context = workshop_context(load_self_assessment(self.path), date.today())
        context.update(
            lang=language,
            m=lambda key, **p: message(key, language, **p),
            token=self.token,
            saved=saved,
            error=error,
        )
        if round_name:
            context["round"] = round_name
        return _ENV.get_template("workshop_form.html.j2").render(context)

    def save_response(self, fields: dict[str, str]) -> tuple[str, int]:
        """Append one anonymous response; ValidationError if a field is out of range."""
        round_name = fields.get("round", "").strip() or date.today().strftime("%Y-%m")
        response = response_from(fields)
        updated, count = add_response(
            load_self_assessment(self.path), round_name, response, date.today()
        )
        save_self_assessment(updated, self.path)
        return round_name, count

    def save(self, fields: dict[str, str]) -> int:
        updated = apply_form(load_self_assessment(self.path), fields, date.today())
        save_self_assessment(updated, self.path)
        self.last_who = fields.get("who", "").strip()
        return len(updated.answers)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        form = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_: object) -> None:  # quiet: the CLI prints the URL
                pass

            def _language(self) -> str:
                chosen = parse_qs(urlsplit(self.path).query).get("lang", [form.language])[0]
                return chosen if chosen in LANGUAGES else form.language

            def _local(self) -> bool:
                host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
                return host in ("127.0.0.1", "localhost")

            def _send(self, status: HTTPStatus, body: str) -> None:
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.send_header(
                    "Content-Security-Policy",
                    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
                )
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                path = urlsplit(self.path).path
                if not self._local() or path not in ("/", "/workshop"):
                    self._send(HTTPStatus.NOT_FOUND, "not found")
                    return
                query = parse_qs(urlsplit(self.path).query)
                saved = int(query["saved"][0]) if query.get("saved", [""])[0].isdigit() else None
                if path == "/workshop":
                    name = query.get("round", [""])[0]
                    page = form.render_workshop(self._language(), saved, round_name=name)
                    self._send(HTTPStatus.OK, page)
                    return
                self._send(HTTPStatus.OK, form.render(self._language(), saved))

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if not self._local() or length > MAX_BODY:
                    self._send(HTTPStatus.FORBIDDEN, "refused")
                    return
                raw = parse_qs(self.rfile.read(length).decode("utf-8"), keep_blank_values=True)
                fields = {key: values[-1] for key, values in raw.items()}
                language = self._language()
                if not secrets.compare_digest(fields.get("token", ""), form.token):
                    error = message("form.error_token", language)
                    self._send(HTTPStatus.FORBIDDEN, form.render(language, error=error))
                    return
                if urlsplit(self.path).path == "/workshop":
                    self._post_workshop(fields, language)
                    return
                try:
                    count = form.save(fields)
                except (OSError, UsageError) as exc:
                    self._send(
                        HTTPStatus.INTERNAL_SERVER_ERROR, form.render(language, error=str(exc))
                    )
                    return
                self.send_response(HTTPStatus.SEE_OTHER)  # reload shows the saved file
                self.send_header("Location", f"/?lang={language}&saved={count}")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def _post_workshop(self, fields: dict[str, str], language: str) -> None:
                try:
                    round_name, count = form.save_response(fields)
                except (OSError, UsageError, ValidationError) as exc:
                    page = form.render_workshop(language, error=str(exc).splitlines()[0])
                    self._send(HTTPStatus.BAD_REQUEST, page)
                    return
                self.send_response(HTTPStatus.SEE_OTHER)
                query = urlencode({"lang": language, "saved": count, "round": round_name})
                self.send_header("Location", f"/workshop?{query}")
                self.send_header("Content-Length", "0")
                self.end_headers()

        return Handler
