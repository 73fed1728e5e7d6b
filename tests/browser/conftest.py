"""Browser-test fixtures: the npm widget server, and whole demo audits shared by modules.

- `widget_url` (module): the npm widget fixture server.
- `demo_audit(profile, deployment="main")` (session): the `run_audit` of one demo
  deployment, every scenario, no conversation probes, `demo_runs.PROBES` typed as personal
  data. Each distinct audit runs once per session, lazily, whichever test asks first.
- `demo_cli_run(profile)` (session): one `botaudit demo --profile P -q --junit …` process
  (conversation probes included) and its outputs; once per profile per session.

Use these instead of auditing the demo again in a new module; an audit with another config
(other scenarios, a framed page, a compare-to, a deliberate repeat) runs in its own module.
The shared outputs are read-only: a test that changes a file copies the folder first.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest
from demo_runs import DemoRun, DemoRuns
from npm_widget import WidgetNotInstalled, npm_widget_server

from botaudit.pipeline import AuditOutcome


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


@pytest.fixture(scope="session")
def demo_runs(tmp_path_factory: pytest.TempPathFactory) -> DemoRuns:
    return DemoRuns(tmp_path_factory)


@pytest.fixture(scope="session")
def demo_audit(demo_runs: DemoRuns) -> Callable[..., AuditOutcome]:
    """`demo_audit("oulubot-2022", "visitoulu")`: that deployment's shared audit."""
    return demo_runs.audit


@pytest.fixture(scope="session")
def demo_cli_run(demo_runs: DemoRuns) -> Callable[[str], DemoRun]:
    """`demo_cli_run("good")`: the shared `botaudit demo` process of that profile."""
    return demo_runs.cli
