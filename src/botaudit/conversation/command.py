"""`botaudit converse CONFIG [--out DIR]`: only the conversation probes, for bot trainers.

Exit codes: 0 the probes ran and no criterion failed; 1 they ran and a criterion failed;
2 they could not run — a bad config or question set, a missing secret, or a bot that
answered no question at all (each question's reason is in conversations.json).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from botaudit.conversation.criteria import judge_all
from botaudit.conversation.model import ConversationRun
from botaudit.conversation.page import write_trainers_page
from botaudit.conversation.probe import run_conversations
from botaudit.conversation.signals import load_judging
from botaudit.conversation_config import ConversationSettings
from botaudit.errors import UsageError
from botaudit.messages import message
from botaudit.yamlfile import read_yaml


class ConverseConfig(BaseModel):
    """The parts of an audit config `converse` needs; the browser parts may be absent."""

    model_config = ConfigDict(extra="ignore")

    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=80)
    language: Literal["fi", "sv", "en"] = "fi"
    conversation: ConversationSettings


def load_converse_config(path: Path) -> tuple[ConverseConfig, Any]:
    """The converse settings, and the full AuditConfig when the widget connector needs it."""
    from botaudit.config import load_config

    data = read_yaml(path, "config")
    if not isinstance(data, dict) or "conversation" not in data:
        raise UsageError(
            f"{path} has no conversation section; add conversation.connector and "
            "conversation.question_sets (see the README)."
        )
    try:
        config = ConverseConfig.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(top level)'}: {e['msg']}"
            for e in exc.errors()
        )
        raise UsageError(f"{path} is not a valid config ({problems}); fix those fields.") from exc
    audit = load_config(path) if config.conversation.connector.type == "widget" else None
    return config, audit


def verdict_table(run: ConversationRun, language: str) -> dict[str, dict[str, Any]]:
    """{criterion id: {outcome, message, quotes}} in the page's language."""
    return {
        cid: {
            "outcome": v.outcome,
            "key": v.key,
            "params": v.params,
            "message": message(v.key, language, **v.params),
            "quotes": [str(q) for q in v.quotes],
        }
        for cid, v in judge_all(run, load_judging()).items()
    }


def converse(
    config_path: Path, out_dir: Path | None, language: str | None, progress: Any = None
) -> tuple[int, dict[str, Path], dict[str, dict[str, Any]], ConversationRun]:
    """Run the probes and write the trainers' page; returns (exit code, files, verdicts, run)."""
    config, audit = load_converse_config(config_path)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = out_dir or Path("reports") / config.name / f"converse-{stamp}"
    run = run_conversations(config.conversation, config_path.parent, audit, progress)
    lang = language or config.language
    verdicts = verdict_table(run, lang)
    files = write_trainers_page(run, out, lang, verdicts)
    if not run.answered():
        return 2, files, verdicts, run
    failed = any(v["outcome"] == "fail" for v in verdicts.values())
    return (1 if failed else 0), files, verdicts, run
