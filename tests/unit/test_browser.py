"""Which Chromium botaudit launches: env var, then config, then Playwright's, then PATH."""

from __future__ import annotations

from pathlib import Path

import pytest

from botaudit import browser
from botaudit.errors import UsageError


@pytest.fixture
def fake_chromium(tmp_path: Path) -> Path:
    path = tmp_path / "my-chromium"
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


def test_env_var_wins_over_config(monkeypatch: pytest.MonkeyPatch, fake_chromium: Path) -> None:
    monkeypatch.setenv(browser.ENV_VAR, str(fake_chromium))
    assert browser.find_chromium("/usr/bin/other") == str(fake_chromium)


def test_config_is_used_without_env(monkeypatch: pytest.MonkeyPatch, fake_chromium: Path) -> None:
    monkeypatch.delenv(browser.ENV_VAR, raising=False)
    assert browser.find_chromium(str(fake_chromium)) == str(fake_chromium)


def test_missing_explicit_choice_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(browser.ENV_VAR, "/no/such/chromium")
    with pytest.raises(UsageError, match="BOTAUDIT_CHROMIUM environment variable names"):
        browser.find_chromium()


def test_playwright_browser_preferred_over_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(browser.ENV_VAR, raising=False)
    monkeypatch.setattr(browser, "_playwright_chromium", lambda: "/pw/chrome")
    assert browser.find_chromium() is None  # None: let Playwright launch its own


def test_system_chromium_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(browser.ENV_VAR, raising=False)
    monkeypatch.setattr(browser, "_playwright_chromium", lambda: None)
    found = {"chromium-browser": "/usr/bin/chromium-browser"}
    monkeypatch.setattr(browser.shutil, "which", lambda name: found.get(name))
    assert browser.find_chromium() == "/usr/bin/chromium-browser"


def test_no_browser_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(browser.ENV_VAR, raising=False)
    monkeypatch.setattr(browser, "_playwright_chromium", lambda: None)
    monkeypatch.setattr(browser.shutil, "which", lambda name: None)
    with pytest.raises(UsageError, match="No Chromium found"):
        browser.find_chromium()


def test_launch_options_keep_chromium_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browser, "find_chromium", lambda configured=None: "/usr/bin/chromium")
    options = browser.launch_options()
    assert options["executable_path"] == "/usr/bin/chromium"
    args = options["args"]
    assert isinstance(args, list)
    assert "--disable-background-networking" in args
    features = next(a for a in args if a.startswith("--disable-features="))
    assert "ThirdPartyStoragePartitioning" not in features
