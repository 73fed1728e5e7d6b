"""`botaudit init` and audits without a widget section find the widget themselves.

Known widgets by their presets (the demo, the npm flowise-embed fixture, the demo framed in
an iframe); an unknown widget by what a user meets (a launcher named for chat, a text
field, new messages); a page without a chat is exit 2 with one sentence.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from demo_runs import assert_clear_error, botaudit
from local_site import LocalSite

from botaudit.config import load_config, parse_config
from botaudit.demo.profiles import demo_config
from botaudit.demo.server import DemoServer
from botaudit.pipeline import run_audit

pytestmark = pytest.mark.browser

# A chat no preset knows: other class names, no ids, no role=log, a Finnish launcher.
UNKNOWN_WIDGET = """<!doctype html><html lang="fi"><body><h1>Kaupunki</h1>
<button class="fab" aria-label="Avaa keskustelu">💬</button>
<div class="panel" hidden><div class="conv"></div>
<form class="bar"><textarea placeholder="Kirjoita viesti"></textarea>
<button type="submit">Lähetä</button></form></div>
<script>
const panel = document.querySelector('.panel'), conv = document.querySelector('.conv');
const add = (who, text) => { const d = document.createElement('div');
  d.className = 'bubble ' + who; d.textContent = text; conv.append(d); };
document.querySelector('.fab').onclick = () => { panel.hidden = false;
  if (!conv.children.length) add('them', 'Moi! Olen kaupungin botti.'); };
document.querySelector('form').onsubmit = (e) => { e.preventDefault();
  const t = document.querySelector('textarea'); add('me', t.value); t.value = '';
  setTimeout(() => add('them', 'Kysy minulta kirjastosta.'), 400); };
</script></body></html>"""

NO_CHAT = "<!doctype html><html><body><h1>Ei chattia</h1><p>Pelkkää tekstiä.</p></body></html>"


def _init(url: str, out: Path, *extra: str) -> dict:
    result = botaudit("init", url, "--out", str(out), *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    load_config(out)  # what init writes, audit accepts
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Written by `botaudit init")
    assert "# Confidence: " in text
    return yaml.safe_load(text)


def test_init_finds_the_demo_widget(tmp_path: Path) -> None:
    with DemoServer("good") as url:
        config = _init(url, tmp_path / "audit.yaml")
    assert config["widget"]["preset"] == "botaudit-demo"
    assert "iframe" not in config["widget"]
    assert "confirmed: a reply came" in config["widget"]["detected"]
    assert config["target"]["url"] == url


def test_init_finds_the_widget_inside_an_iframe(tmp_path: Path) -> None:
    with DemoServer("good") as url:
        config = _init(f"{url}embedded/", tmp_path / "audit.yaml")
    assert config["widget"]["preset"] == "botaudit-demo"
    assert config["widget"]["iframe"] == "#chat-frame"
    assert "confirmed: a reply came" in config["widget"]["detected"]


def test_init_finds_the_npm_widget(widget_url: str, tmp_path: Path) -> None:
    config = _init(widget_url, tmp_path / "audit.yaml", "--language", "en")
    assert config["widget"]["preset"] == "flowise-embed"
    assert "confirmed: a reply came" in config["widget"]["detected"]
    # The preset's selectors are the fixture's hand-written, browser-verified ones.
    fixture = Path(__file__).parent.parent / "fixtures" / "npm_widget" / "audit.yaml"
    hand = yaml.safe_load(fixture.read_text(encoding="utf-8"))["widget"]
    found = load_config(tmp_path / "audit.yaml").widget
    assert found is not None
    assert found.bot_message.css == hand["bot_message"]
    assert found.input.css == hand["input"]


def test_init_finds_an_unknown_widget_by_its_roles_and_names(tmp_path: Path) -> None:
    with LocalSite({"/": UNKNOWN_WIDGET}) as url:
        config = _init(url, tmp_path / "audit.yaml")
    widget = config["widget"]
    assert "preset" not in widget
    assert widget["launcher"] == 'button[aria-label="Avaa keskustelu"]'
    assert widget["bot_message"].endswith("> .them")
    assert widget["user_message"].endswith("> .me")
    assert widget["detected"].startswith("generic detection")
    assert "confirmed: a reply came" in widget["detected"]


def test_init_without_a_chat_is_one_sentence_and_exit_2(tmp_path: Path) -> None:
    with LocalSite({"/": NO_CHAT}) as url:
        result = botaudit("init", url, "--out", str(tmp_path / "audit.yaml"))
    assert_clear_error(result, "No chat widget was found", url)
    assert not (tmp_path / "audit.yaml").exists()


def test_init_keeps_an_existing_config(tmp_path: Path) -> None:
    out = tmp_path / "audit.yaml"
    out.write_text("mine\n")
    assert_clear_error(botaudit("init", "http://127.0.0.1:9/", "--out", str(out)), "--force")
    assert out.read_text() == "mine\n"


def test_audit_without_widget_section_detects_and_records_it(tmp_path: Path) -> None:
    with DemoServer("good") as url:
        data = demo_config("good", url)
        del data["widget"]
        data["scenarios"] = ["bot-identity"]
        outcome = run_audit(parse_config(data, "demo without widget"), tmp_path)
    assert outcome.bundle.fatal_error is None
    bundle = json.loads((tmp_path / "evidence" / "evidence.json").read_text(encoding="utf-8"))
    widget = bundle["config"]["content"]["widget"]
    assert widget["preset"] == "botaudit-demo"
    assert "confirmed: a reply came" in widget["detected"]
    results = {c.id: c.outcome for c in outcome.report.criteria}
    assert results["transparency.bot-identity-disclosed"] == "pass"
