"""Which Chromium to drive, and how to launch it.

Order: the BOTAUDIT_CHROMIUM environment variable, then the config's
`browser.executable`, then Playwright's own Chromium if `playwright install` put it there,
then a system Chromium on PATH. Machines that cannot download Playwright's browser
(locked-down CI, Debian servers) still work with the distribution's package.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from botaudit.errors import UsageError

ENV_VAR = "BOTAUDIT_CHROMIUM"
SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")

# Playwright launches Chromium with third-party storage partitioning switched off, and its
# contexts are incognito-like, which then deny a cross-site chat iframe every storage area.
# A citizen's Chrome has partitioning on (the default since Chrome 115): the iframe gets
# storage of its own, and a widget can leave personal data there. An audit that could not
# see that storage would pass such a widget, so we repeat Playwright's list of disabled
# features (Chromium takes the last --disable-features switch) without that one.
PLAYWRIGHT_DISABLED_FEATURES_BUT_PARTITIONING = [
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
    "PaintHolding",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
]

# Chromium's headless mode is the whole browser without a screen: every window a context
# opens gets its own address-bar popup, a WebUI app loaded into a renderer of its own at
# once. Traced on Chromium 156: about 1.2 CPU-seconds per context, for a popup nobody can
# open; without it the demo audit took 17 instead of 25 CPU-seconds (12.8 instead of 15.0 s
# on two cores). The page under audit is not affected.
UNUSED_BROWSER_UI_FEATURES = [
    "WebUIOmniboxPopup",
    "WebUIOmniboxAimPopup",
    "WebUIOmniboxFullPopup",
]

# Without these, Chromium phones home at start (updates, sync, safe browsing): slow or
# refused on closed networks, and traffic an audit must not produce.
LAUNCH_ARGS = [
    "--disable-features="
    + ",".join(PLAYWRIGHT_DISABLED_FEATURES_BUT_PARTITIONING + UNUSED_BROWSER_UI_FEATURES),
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
]


def _playwright_chromium() -> str | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is a core dependency
        return None
    try:
        with sync_playwright() as p:
            path = p.chromium.executable_path
    except Exception:
        return None
    return path if path and Path(path).is_file() else None


def find_chromium(configured: str | None = None) -> str | None:
    """Path of the Chromium to launch, or None to let Playwright use its own.

    Raises UsageError when an explicit choice (env var or config) does not exist, or when
    no Chromium can be found at all.
    """
    for origin, choice in (
        (f"the {ENV_VAR} environment variable", os.environ.get(ENV_VAR)),
        ("browser.executable in the config", configured),
    ):
        if choice:
            resolved = shutil.which(choice) or (choice if Path(choice).is_file() else None)
            if resolved is None:
                raise UsageError(
                    f"{origin} names '{choice}', which is not an executable file; "
                    "point it at a Chromium binary or unset it."
                )
            return resolved
    if _playwright_chromium():
        return None
    for name in SYSTEM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise UsageError(
        "No Chromium found: run 'playwright install chromium', install your system's "
        f"chromium package, or set {ENV_VAR} to a Chromium binary."
    )


def launch_options(configured: str | None = None, headless: bool = True) -> dict[str, object]:
    """Keyword arguments for `playwright.chromium.launch`."""
    options: dict[str, object] = {"headless": headless, "args": list(LAUNCH_ARGS)}
    executable = find_chromium(configured)
    if executable:
        options["executable_path"] = executable
    return options
