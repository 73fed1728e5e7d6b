"""Shared test set-up: pytest-playwright drives the same Chromium that botaudit finds."""

from __future__ import annotations

import pytest

from botaudit.browser import launch_options


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    options = launch_options()
    return {**browser_type_launch_args, **options}
