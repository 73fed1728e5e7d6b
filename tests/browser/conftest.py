"""Browser-test fixtures shared by the npm-widget tests."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from npm_widget import WidgetNotInstalled, npm_widget_server


@pytest.fixture(scope="module")
def widget_url() -> Iterator[str]:
    """The npm widget fixture server; skipped locally without `npm ci`, a failure in CI."""
    try:
        with npm_widget_server() as url:
            yield url
    except WidgetNotInstalled as exc:
        if os.environ.get("CI"):
            pytest.fail(str(exc))
        pytest.skip(str(exc))
