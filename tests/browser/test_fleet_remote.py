"""A multi-target audit of the oulubot-2022 deployments through a local `playwright run-server`.

The server is Playwright's own (shipped with the Python package), started with `--unsafe`
so that the client may name the Chromium to launch (this machine has Debian's, not
Playwright's download); a grid would use its own browser instead.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml

from botaudit.browser import find_chromium
from botaudit.demo.profiles import demo_config
from botaudit.demo.server import DemoServer


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def browser_server() -> Iterator[str]:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "playwright", "run-server", "--host", "127.0.0.1",
         "--port", str(port), "--unsafe"],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,  # its own process group: the node driver goes with it
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        else:
            pytest.fail("playwright run-server did not start listening within 30 s")
        yield f"ws://127.0.0.1:{port}/"
    finally:
        # `python -m playwright` runs node as a child: terminating python alone left the
        # server running after the tests.
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


def botaudit(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "botaudit", *args],
        capture_output=True, text=True, timeout=420,
        env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1", **env},
    )  # fmt: skip


def fleet_config(
    url: str,
    tmp_path: Path,
    ws: str,
    extra_target: dict | None = None,
    deployments: tuple[str, ...] = ("main", "visitoulu", "teatteri"),
) -> Path:
    shared = demo_config("oulubot-2022", url)
    shared.pop("target")
    shared.pop("self_assessment", None)
    shared["name"] = "oulubot"
    shared["scenarios"] = ["bot-identity", "human-handoff"]
    shared["browser"] = {"connect": ws, "executable": find_chromium()}
    shared["targets"] = [
        {"name": d, "url": demo_config("oulubot-2022", url, d)["target"]["url"]}
        for d in deployments
    ] + ([extra_target] if extra_target else [])
    shared["parallel"] = 2
    path = tmp_path / "fleet.yaml"
    path.write_text(yaml.safe_dump(shared, allow_unicode=True), encoding="utf-8")
    return path


def test_three_deployments_through_a_remote_browser(browser_server: str, tmp_path: Path) -> None:
    junit = tmp_path / "junit.xml"
    with DemoServer("oulubot-2022") as url:  # with progress: stderr is a pipe, not a TTY
        result = botaudit("audit", str(fleet_config(url, tmp_path, browser_server)),
                          "--junit", str(junit), "-o", str(tmp_path / "out"))  # fmt: skip
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    assert "\x1b[" not in result.stderr + result.stdout  # no escape codes into a CI log
    assert "Yhtenäinen ohje ihmiselle siirtymisestä: Käyttöpaikat eroavat" in result.stdout
    suites = [s.get("name") for s in ET.parse(junit).getroot().iter("testsuite")]
    assert suites == ["main", "visitoulu", "teatteri", "consistency"]
    combined = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [t["name"] for t in combined["targets"]] == ["main", "visitoulu", "teatteri"]
    rows = {r["id"]: r for r in combined["consistency"]}
    handoff = rows["consistency.uniform-handoff-instruction"]
    # The study: no uniform instruction across deployments (4.2.3); VisitOulu names the
    # human customer service up front, the main site does not.
    assert handoff["per_target"]["visitoulu"] != handoff["per_target"]["main"]
    assert handoff["outcome"] == "fail"
    for name in ("main", "visitoulu", "teatteri"):
        bundle = json.loads((tmp_path / "out" / name / "evidence" / "evidence.json").read_text())
        assert bundle["browser"]["executable"] == f"remote: {browser_server}"
        assert (tmp_path / "out" / name / "report.html").is_file()
    markdown = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "`accountability.handoff-instruction-up-front` | ❌ Ei täyty |" in markdown  # fi
    assert (tmp_path / "out" / "report.html").is_file()


def test_a_target_that_cannot_run_is_named_and_exits_2(browser_server: str, tmp_path: Path) -> None:
    port = _free_port()  # closed: nothing listens there
    broken = {"name": "closed", "url": f"http://127.0.0.1:{port}/"}
    with DemoServer("oulubot-2022") as url:
        # One working target beside the broken one: the three deployments' own audits are
        # the test above; here what matters is that the others' results are kept.
        config = fleet_config(url, tmp_path, browser_server, broken, deployments=("main",))
        result = botaudit("audit", str(config), "-q", "-o", str(tmp_path / "out"))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: Target closed could not be audited")
    combined = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert combined["matrix"]["accountability.handoff-instruction-up-front"]["closed"] is None
    assert (tmp_path / "out" / "main" / "report.json").is_file()  # the others are kept


def test_an_unreachable_browser_server_is_one_sentence(tmp_path: Path) -> None:
    ws = f"ws://127.0.0.1:{_free_port()}/"
    with DemoServer("good") as url:
        data = {**demo_config("good", url), "scenarios": ["bot-identity"]}
        path = tmp_path / "one.yaml"
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
        result = botaudit("audit", str(path), "-q", "-o", str(tmp_path / "out"),
                          BOTAUDIT_BROWSER_WS=ws)  # fmt: skip
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert f"The browser server {ws} could not be used" in result.stderr
    assert (tmp_path / "out" / "evidence" / "evidence.json").is_file()
