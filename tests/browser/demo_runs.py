"""Whole demo audits shared by the browser tests: each one runs once per test session.

A whole audit of the demo is tens of seconds of Chromium, and several modules read the same
one (the headline verdicts, the value report, the conversation criteria, the CLI's exit
codes). `DemoRuns` runs each distinct audit the first time a test asks for it and hands
every later test the same result, so the suite's time grows with the number of distinct
audits, not with the number of modules reading them. Tests that mutate an output copy it
first (`shutil.copytree`); tests that need their own run (another config, a deliberate
repeat) keep it. The fixtures `demo_audit` and `demo_cli_run` in tests/browser/conftest.py
give access to it; test modules import only the helpers here, never each other.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from botaudit.config import parse_config
from botaudit.demo.profiles import demo_config
from botaudit.demo.server import DemoServer
from botaudit.evidence import pii
from botaudit.pipeline import AuditOutcome, run_audit

# Fixed probes, so a test can look for them in every file a shared audit wrote.
PROBES = pii.synthetic_probes(seed=2022)
# A whole `botaudit demo` run with the conversation probes; generous, the machine is shared.
DEMO_TIMEOUT_S = 600


def botaudit(
    *args: str, cwd: Path | None = None, timeout: float = 240
) -> subprocess.CompletedProcess[str]:
    """The CLI as a user runs it: a separate process, wide columns, no colour."""
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "botaudit", *args],
        capture_output=True, text=True, timeout=timeout, cwd=cwd, env=env,
    )  # fmt: skip


def assert_clear_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit code 2, no traceback, and a last line `error: …` naming every word given."""
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith("error:")
    for word in words:
        assert word in result.stderr


@dataclass(frozen=True)
class DemoRun:
    """One `botaudit demo --profile P -q --junit …` process and what it wrote.

    `out` is the folder holding report.json and evidence/; `cwd` the folder it ran in.
    """

    result: subprocess.CompletedProcess[str]
    out: Path
    cwd: Path
    junit: Path


class DemoRuns:
    """Runs each demo audit on first request and keeps its result for the session."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self._tmp = tmp_path_factory
        self._audits: dict[tuple[str, str], AuditOutcome] = {}
        self._cli: dict[str, DemoRun] = {}

    def audit(self, profile: str, deployment: str = "main") -> AuditOutcome:
        """`run_audit` of one deployment of the demo: every scenario, no conversation
        probes, the fixed `PROBES` typed as personal data."""
        key = (profile, deployment)
        if key not in self._audits:
            out = self._tmp.mktemp(f"audit-{profile}-{deployment}")
            patch = pytest.MonkeyPatch()
            patch.setattr("botaudit.gather.run.synthetic_probes", lambda: PROBES)
            try:
                with DemoServer(profile) as url:
                    config = parse_config(demo_config(profile, url, deployment), f"demo {profile}")
                    self._audits[key] = run_audit(config, out)
            finally:
                patch.undo()
        return self._audits[key]

    def cli(self, profile: str) -> DemoRun:
        """`botaudit demo` as users run it, conversation probes included, with a JUnit file.

        The good bot writes into `--out`; the bad bot into the default folder
        (reports/demo-bad/<UTC time>/ under `cwd`), so both ways are exercised once.
        """
        if profile not in self._cli:
            cwd = self._tmp.mktemp(f"demo-cli-{profile}")
            junit = cwd / "junit.xml"
            args = ["demo", "--profile", profile, "-q", "--junit", str(junit)]
            if profile != "bad":
                args += ["--out", str(cwd / "out")]
            result = botaudit(*args, cwd=cwd, timeout=DEMO_TIMEOUT_S)
            if profile == "bad":
                # reports/demo-bad/<UTC time>/; anything but one folder there leaves `out`
                # without a report.json, and the tests reading it say so.
                runs = sorted((cwd / "reports" / "demo-bad").glob("*"))
                out = runs[0] if len(runs) == 1 else cwd / "reports" / "demo-bad"
            else:
                out = cwd / "out"
            self._cli[profile] = DemoRun(result, out, cwd, junit)
        return self._cli[profile]
