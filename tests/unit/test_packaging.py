"""A plain (non-editable) install carries the data botaudit needs to audit."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NEEDED = [
    "botaudit/_data/checklists/public-service-values.yaml",
    "botaudit/_data/scenarios/lexicon.yaml",
    "botaudit/_data/scenarios/bot-identity.yaml",
    "botaudit/_data/scenarios/human-handoff.yaml",
    "botaudit/_data/scenarios/storage-privacy.yaml",
    "botaudit/_data/scenarios/conversations/municipal-fi.yaml",
    "botaudit/_data/checklists/conversation-judging.yaml",
    "botaudit/messages/sv/conversations.yaml",
    "botaudit/report/templates/report.html.j2",
    "botaudit/report/templates/report.md.j2",
    "botaudit/fleet/templates/combined.html.j2",
    "botaudit/fleet/templates/combined.md.j2",
    "botaudit/messages/fi/fleet.yaml",
    "botaudit/demo/static/widget.js",
    "botaudit/demo/static/page.html",
]


def test_wheel_carries_checklists_scenarios_templates(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("botaudit-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [n for n in NEEDED if n not in names]
    assert not missing, missing
