"""A criterion added with YAML and messages only is judged in a real audit of the demo."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from botaudit.checklist.load import default_checklist_path
from botaudit.config import parse_config
from botaudit.demo.profiles import demo_config
from botaudit.demo.server import DemoServer
from botaudit.pipeline import run_audit

pytestmark = pytest.mark.browser

NEW = {
    "id": "transparency.bot-named-in-handoff-greeting",
    "title": {"fi": "Tervehdys sanoo botiksi", "en": "The greeting says bot", "sv": "Bot"},
    "recommendation": {"fi": "Sano botti.", "en": "Say bot.", "sv": "Säg bot."},
    "rationale": "Added by a test: YAML and messages only.",
    "source": ["test"],
    "evidence": "browser",
    "weight": 1,
    "severity": "minor",
    "errc": "raise",
    "check": "phrase_found",
    "params": {
        "source": "human-handoff",
        "record": "greeting",
        "model": "WidgetView",
        "field": "visible_text",
        "category": "bot_identity",
        "messages": {"pass": "extension.found", "fail": "extension.absent"},
    },
}
MESSAGES = {
    "fi": {"found": "Löytyi {found}.", "absent": "Ei löytynyt."},
    "en": {"found": "Found {found}.", "absent": "Not found."},
    "sv": {"found": "Hittade {found}.", "absent": "Hittades inte."},
}


def _checklist(folder: Path) -> Path:
    data = yaml.safe_load(default_checklist_path().read_text(encoding="utf-8"))
    transparency = next(v for v in data["values"] if v["id"] == "transparency")
    transparency["criteria"].append(NEW)
    path = folder / "checklist.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for lang, texts in MESSAGES.items():
        (folder / "messages" / lang).mkdir(parents=True)
        document = yaml.safe_dump({"extension": texts}, allow_unicode=True)
        (folder / "messages" / lang / "extension.yaml").write_text(document, encoding="utf-8")
    return path


@pytest.mark.parametrize(("profile", "expected"), [("good", "pass"), ("bad", "fail")])
def test_criterion_from_yaml_and_messages_is_judged(
    tmp_path: Path, profile: str, expected: str
) -> None:
    checklist = _checklist(tmp_path)
    with DemoServer(profile) as url:
        config = parse_config(demo_config(profile, url, "main"), "demo")
        config = config.model_copy(update={"scenarios": ["human-handoff"]})
        outcome = run_audit(config, tmp_path / "out", checklist_path=checklist, language="sv")
    result = next(c for c in outcome.report.criteria if c.id == NEW["id"])
    assert result.outcome == expected, result.explanation.en
    # The checklist's own messages, rendered in the report language.
    assert result.explanation.sv.startswith("Hittade" if expected == "pass" else "Hittades inte")
    assert result.evidence == ["human-handoff/greeting"]
