"""The CLI as users run it: exit codes 0/1/2, one-sentence errors, nothing lost on failure."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml
from demo_runs import DemoRun, assert_clear_error, botaudit

from botaudit.demo.profiles import demo_config
from botaudit.demo.server import DemoServer


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_missing_config() -> None:
    assert_clear_error(botaudit("audit", "no-such-audit.yaml"), "no-such-audit.yaml")


def test_invalid_config_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "audit.yaml"
    path.write_text("name: x\ntarget: {url: 'localhost'}\nwidget: {input: '#i'}\n")
    assert_clear_error(botaudit("audit", str(path)), "target.url", "widget.bot_message")


def test_unknown_profile() -> None:
    assert_clear_error(botaudit("demo", "--profile", "nope"), "good, bad, oulubot-2022")


def test_report_of_a_folder_without_bundle(tmp_path: Path) -> None:
    assert_clear_error(botaudit("report", str(tmp_path), "--out", str(tmp_path / "o")))


def test_checklist_validate_lists_problems(tmp_path: Path) -> None:
    ok = botaudit("checklist", "validate")
    assert ok.returncode == 0 and "14 values" in ok.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: {fi: a, en: a}\nversion: '1'\nvalues: [{id: Bad}]\n")
    result = botaudit("checklist", "validate", str(bad))
    assert result.returncode == 2
    assert f"{bad}: values[0](Bad).id" in result.stderr
    assert f"{bad}: values[0](Bad).number" in result.stderr


def test_scenarios_list() -> None:
    result = botaudit("scenarios")
    assert result.returncode == 0
    for scenario_id in ("bot-identity", "human-handoff", "storage-privacy"):
        assert scenario_id in result.stdout


def test_checklist_list() -> None:
    result = botaudit("checklist", "list")
    assert result.returncode == 0
    assert "privacy.browser-storage" in result.stdout


@pytest.mark.browser
def test_unreachable_target_exits_2_and_keeps_the_bundle(tmp_path: Path) -> None:
    config = demo_config("good", f"http://127.0.0.1:{_closed_port()}/")
    path = tmp_path / "audit.yaml"
    path.write_text(yaml.safe_dump(config))
    result = botaudit("audit", str(path), "--out", str(tmp_path / "out"))
    assert_clear_error(result, "Cannot reach http://127.0.0.1:")
    evidence = json.loads((tmp_path / "out" / "evidence" / "evidence.json").read_text())
    assert evidence["fatal_error"].startswith("Cannot reach")
    assert (tmp_path / "out" / "report.html").is_file()


@pytest.mark.browser
def test_widget_not_found_exits_2_with_report(tmp_path: Path) -> None:
    with DemoServer("good") as url:
        config = demo_config("good", url)
        config["widget"]["input"] = "#no-such-input"
        config["timing"] = {"navigation_timeout_s": 2, "greeting_timeout_s": 1}
        path = tmp_path / "audit.yaml"
        path.write_text(yaml.safe_dump(config))
        result = botaudit("audit", str(path), "--out", str(tmp_path / "out"), "-q")
    assert_clear_error(result, "#no-such-input", "widget.input")
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    outcomes = {c["id"]: c["outcome"] for c in report["criteria"]}
    assert outcomes["transparency.bot-identity-disclosed"] == "inconclusive"


@pytest.mark.browser
@pytest.mark.parametrize(("profile", "code"), [("good", 0), ("bad", 1)])
def test_demo_exit_codes(demo_cli_run: Callable[[str], DemoRun], profile: str, code: int) -> None:
    run = demo_cli_run(profile)  # shared: good with --out, bad into the default folder
    result, junit = run.result, run.junit
    assert result.returncode == code, result.stdout + result.stderr
    for name in ("report.json", "report.md", "report.html", "evidence/evidence.json"):
        assert (run.out / name).is_file()
    failures = ET.parse(junit).getroot().findall(".//testcase/failure")
    failed = {f.get("type") for f in failures}
    assert bool(failures) == (profile == "bad") and failed <= {"fail", "partial"}


@pytest.mark.browser
def test_report_command_reproduces_the_audit(
    demo_cli_run: Callable[[str], DemoRun], tmp_path: Path
) -> None:
    shared = demo_cli_run("bad")  # `botaudit demo --profile bad -q`, run in shared.cwd
    first = shared.result
    assert first.returncode == 1
    # The default output folder: reports/<name>/<UTC timestamp>/
    (run,) = (shared.cwd / "reports" / "demo-bad").iterdir()
    assert run.name.endswith("Z") and (run / "evidence" / "evidence.json").is_file()
    again = botaudit("report", str(run), "--out", str(tmp_path / "b"), "--fail-on", "never")
    assert again.returncode == 0  # --fail-on never: the bad bot's red values do not fail CI
    a = json.loads((run / "report.json").read_text())
    b = json.loads((tmp_path / "b" / "report.json").read_text())
    assert a["values"] == b["values"] and a["criteria"] == b["criteria"]
