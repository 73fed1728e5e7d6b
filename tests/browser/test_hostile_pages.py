"""Pages and configs that fight back, each ending as the README promises.

Exit 2 with one sentence when the audit could not run (or judged nothing); otherwise the
audit's own exit code, with an *inconclusive* reason in the user's terms where a step could
not be done. Never a traceback, never a hang beyond the configured timeouts, never a lost
bundle, never personal data in an output.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
import yaml
from demo_runs import assert_clear_error, botaudit
from local_site import LocalSite, Route

pytestmark = pytest.mark.browser

# A small chat widget; each case adds a script that makes it hostile.
WIDGET = """<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Kunta</title>
</head><body><h1>Kunta</h1>
<section id="chat"><p>Vastaaja on chatbot.</p><div id="log"></div>
<input id="in" aria-label="Viesti"><button id="send">Lähetä</button></section>
<script>
const log = document.getElementById('log');
function bot(text) {
  const node = document.createElement('div');
  node.className = 'bot';
  node.textContent = text;
  log.append(node);
  return node;
}
let reply = (text) => bot('Kiitos kysymyksestä.');
document.getElementById('send').onclick = () => {
  const input = document.getElementById('in');
  const text = input.value;
  input.value = '';
  const own = document.createElement('div');
  own.className = 'user';
  own.textContent = text;
  log.append(own);
  setTimeout(() => reply(text), 100);
};
bot('Hei! Olen chatbot.');
</script>
%s
</body></html>"""

HOSTILE = {
    # Goes elsewhere by itself once the audit has started.
    "navigates-away": "<script>setTimeout(() => { location.href = '/elsewhere'; }, 1500);</script>",
    # Goes elsewhere instead of answering: the reply wait spans the navigation.
    "leaves-instead-of-answering": "<script>reply = () => { location.href = '/elsewhere'; };"
    "</script>",
    # Only a tab reopened from the page (window.open) leaves at once.
    "leaves-when-reopened": "<script>if (window.opener) location.href = '/elsewhere';</script>",
    # Replies cut inside an emoji, with control characters and a bidi override.
    "hostile-unicode": "<script>reply = () => bot('Hei \\ud83d\\u0007 \\u202eolleh \\u0000!');"
    "</script>",
    # The input is disabled once the greeting is there.
    "disabled-input": "<script>document.getElementById('in').disabled = true;</script>",
    # The widget removes itself as soon as the user types.
    "vanishing-widget": "<script>document.getElementById('in').addEventListener('input', "
    "() => setTimeout(() => document.getElementById('chat').remove(), 50));</script>",
    # A 2 MB reply.
    "huge-reply": "<script>reply = () => bot('Pitkä vastaus. '.repeat(140000));</script>",
    # The chat request's answer never ends: the reply grows for ever.
    "endless-reply": "<script>reply = () => { const n = bot('Vastaan'); "
    "setInterval(() => { n.textContent += '.'; }, 100); };</script>",
}


def _hang(handler: BaseHTTPRequestHandler) -> None:
    time.sleep(40)  # a cross-origin frame that never answers (the test is over by then)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    routes: dict[str, Route] = {f"/{name}": WIDGET % script for name, script in HOSTILE.items()}
    routes["/elsewhere"] = "<!doctype html><title>Muualla</title><p>Toinen sivu.</p>"
    routes["/hang"] = _hang
    with LocalSite(routes) as url:
        port = url.rstrip("/").rsplit(":", 1)[1]
        frame = f'<iframe id="ad" src="http://localhost:{port}/hang"></iframe>'
        routes["/frame-never-answers"] = WIDGET % frame
        yield url


WIDGET_CONFIG = {"container": "#chat", "input": "#in", "send": "#send", "bot_message": ".bot"}


def _audit(
    tmp_path: Path, url: str, widget: dict | None = None, **extra: object
) -> tuple[object, Path]:
    config = {
        "name": "hostile",
        "target": {"url": url},
        "widget": widget or WIDGET_CONFIG,
        "timing": {"reply_timeout_s": 4, "greeting_timeout_s": 2, "navigation_timeout_s": 6},
        **extra,
    }
    path = tmp_path / "audit.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    started = time.monotonic()
    result = botaudit("audit", str(path), "--out", str(out))
    assert time.monotonic() - started < 120, "no hang beyond the configured timeouts"
    assert "Traceback" not in result.stderr
    return result, out


def _criteria(out: Path) -> dict[str, dict]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {c["id"]: c for c in report["criteria"]}


def _all_outputs(out: Path) -> str:
    return "".join(
        p.read_text(encoding="utf-8")
        for p in out.rglob("*")
        if p.suffix in {".json", ".md", ".html"}
    )


def test_page_navigating_away_is_named_not_the_launcher(site: str, tmp_path: Path) -> None:
    widget = {**WIDGET_CONFIG, "launcher": "#chat"}
    result, out = _audit(tmp_path, site + "navigates-away", widget)
    assert_clear_error(result, "navigated away")
    assert "widget.launcher" not in result.stderr
    assert (out / "evidence" / "evidence.json").is_file()


def test_page_leaving_during_a_reply_wait_is_named_not_taken_for_no_reply(
    site: str, tmp_path: Path
) -> None:
    """Reads go on without an error on the page it went to; the wait must notice the page."""
    result, _ = _audit(
        tmp_path, site + "leaves-instead-of-answering", scenarios=["storage-privacy"]
    )
    assert_clear_error(result, "navigated away", "waiting for the bot's reply")
    assert "widget.launcher" not in result.stderr


def test_reopened_tab_that_leaves_at_once_is_named_not_the_launcher(
    site: str, tmp_path: Path
) -> None:
    """The reopened tab's URL is where it went, not what was loaded: not a wrong selector."""
    widget = {**WIDGET_CONFIG, "launcher": "#chat"}
    result, _ = _audit(tmp_path, site + "leaves-when-reopened", widget, scenarios=["next-user"])
    assert_clear_error(result, "navigated away")
    assert "widget.launcher" not in result.stderr


def test_frame_that_never_answers_does_not_stop_the_audit(site: str, tmp_path: Path) -> None:
    result, out = _audit(tmp_path, site + "frame-never-answers", scenarios=["bot-identity"])
    assert result.returncode in (0, 1), result.stderr
    assert _criteria(out)["transparency.bot-identity-disclosed"]["outcome"] == "pass"


def test_chat_in_a_frame_that_never_answers_is_exit_2(site: str, tmp_path: Path) -> None:
    widget = {**WIDGET_CONFIG, "iframe": "#ad"}
    result, _ = _audit(tmp_path, site + "frame-never-answers", widget, scenarios=["bot-identity"])
    assert_clear_error(result, "#in")


def test_hostile_unicode_is_kept_safely(site: str, tmp_path: Path) -> None:
    result, out = _audit(tmp_path, site + "hostile-unicode", scenarios=["bot-identity"])
    assert result.returncode in (0, 1), result.stderr
    evidence = json.loads((out / "evidence" / "evidence.json").read_text(encoding="utf-8"))
    step = next(s for s in evidence["scenarios"][0]["steps"] if s["name"] == "first_message")
    text = step["data"]["replies"][0]["text"]
    assert text == "Hei \ufffd\ufffd \ufffdolleh \ufffd!"  # every hostile character visible
    assert "\u202e" not in _all_outputs(out)


@pytest.mark.parametrize(
    ("page", "reason"),
    [("disabled-input", "disabled"), ("vanishing-widget", "disappeared")],
)
def test_step_problems_are_said_in_user_terms(
    site: str, tmp_path: Path, page: str, reason: str
) -> None:
    result, out = _audit(tmp_path, site + page, scenarios=["human-handoff"])
    assert result.returncode in (0, 1), result.stderr  # the greeting's criteria are judged
    handoff = _criteria(out)["accountability.human-handoff"]
    assert handoff["outcome"] == "inconclusive"
    assert reason in json.dumps(handoff["explanation"])


def test_huge_reply_is_capped_with_a_note(site: str, tmp_path: Path) -> None:
    result, out = _audit(tmp_path, site + "huge-reply", scenarios=["bot-identity"])
    assert result.returncode in (0, 1), result.stderr
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    assert size < 2_000_000, f"{size} bytes of outputs for a 2 MB reply"
    assert "more characters not recorded" in _all_outputs(out)


def test_endless_reply_says_it_never_ended(site: str, tmp_path: Path) -> None:
    result, out = _audit(
        tmp_path, site + "endless-reply", scenarios=["bot-identity", "human-handoff"]
    )
    assert result.returncode in (0, 1), result.stderr
    evidence = json.loads((out / "evidence" / "evidence.json").read_text(encoding="utf-8"))
    steps = {s["name"]: s for sc in evidence["scenarios"] for s in sc["steps"]}
    first = steps["first_message"]["data"]
    assert first["timed_out"] and first["never_ended"] and first["replies"]
    # One request for a human, not five piled onto an answer still being written.
    assert steps["handoff"]["data"]["stopped_because"] == "a reply never ended"
    handoff = _criteria(out)["accountability.human-handoff"]
    assert handoff["outcome"] == "inconclusive"
    assert "had not ended after 4 s" in handoff["explanation"]["en"]


@pytest.mark.parametrize(
    ("widget", "extra", "words"),
    [
        ({**WIDGET_CONFIG, "input": "#in[["}, {}, ["widget.input", "not a valid CSS selector"]),
        ({**WIDGET_CONFIG, "bot_mesage": ".bot"}, {}, ["did you mean 'bot_message'"]),
        (WIDGET_CONFIG, {"timming": {}}, ["did you mean 'timing'"]),
        ({**WIDGET_CONFIG, "input": "#nowhere"}, {}, ["#nowhere", "widget.input"]),
    ],
)
def test_bad_configs_are_exit_2_with_one_sentence(
    site: str, tmp_path: Path, widget: dict, extra: dict, words: list[str]
) -> None:
    result, _ = _audit(tmp_path, site + "hostile-unicode", widget, **extra)
    assert_clear_error(result, *words)


@pytest.mark.parametrize("path", ["missing-page", "hang"])
def test_pages_that_do_not_answer_are_exit_2(site: str, tmp_path: Path, path: str) -> None:
    result, _ = _audit(tmp_path, site + path)
    assert_clear_error(result)
