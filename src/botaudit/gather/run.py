"""Gathering: run the scenarios against the target and write the evidence bundle.

This is the only stage that touches the outside world. Each scenario runs in a fresh
browser context (its own storage), concurrently with the others. Whatever happens, the
bundle gathered so far is written: an audit that fails half-way still leaves its evidence.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Coroutine
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import httpx
from playwright.async_api import Browser
from playwright.async_api import Error as PlaywrightError

from botaudit import __version__
from botaudit.config import AuditConfig, Timing
from botaudit.errors import UsageError
from botaudit.evidence.bundle import write_bundle
from botaudit.evidence.model import (
    BrowserInfo,
    ConfigInfo,
    EvidenceBundle,
    ProbeRecord,
    ScenarioRecord,
    StepRecord,
    TargetInfo,
    ToolInfo,
)
from botaudit.evidence.pii import Probe, synthetic_probes
from botaudit.gather.network import NetworkRecorder
from botaudit.gather.progress import Progress, no_progress
from botaudit.gather.scenario import Scenario
from botaudit.gather.session import CLOSE_WAIT_S, BrowserSession
from botaudit.gather.steps import STEPS, RunContext
from botaudit.gather.widget import PageLeft, PageProblem, WidgetDriver, WidgetNotFound
from botaudit.lexicon import Lexicon, Matcher
from botaudit.messages import LocalisedError, msg

T = TypeVar("T")


def preflight(url: str, timeout_s: float) -> None:
    """Fail fast, with one sentence, when the target cannot be reached at all."""
    try:
        response = httpx.get(url, timeout=timeout_s, follow_redirects=True)
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}"
        raise LocalisedError(msg("gather.unreachable", url=url, error=error)) from exc
    if response.status_code >= 400:
        raise LocalisedError(msg("gather.http_status", url=url, status=response.status_code))


def step_budget_s(timing: Timing) -> float:
    """The longest any one step may take: a few page loads and replies, with room to spare.

    Playwright's own timeouts bound each wait, but not every call (an evaluation in a page
    that navigates at the wrong moment has been seen to never return); without this bound
    one such call would hang the whole audit instead of becoming one inconclusive step.
    """
    return 30 + 3 * timing.navigation_timeout_s + 6 * timing.reply_timeout_s


async def _bounded(work: Coroutine[Any, Any, T], timing: Timing) -> T:
    budget = step_budget_s(timing)
    try:
        return await asyncio.wait_for(work, budget)
    except TimeoutError as exc:
        raise PageProblem(
            f"the step did not finish within {budget:.0f} s: the page or the browser stopped "
            "answering"
        ) from exc


async def _run_scenario(
    browser: Browser,
    scenario: Scenario,
    record: ScenarioRecord,
    config: AuditConfig,
    lexicon: Lexicon,
    probes: list[Probe],
    bundle_dir: Path,
    progress: Progress,
) -> None:
    """Run one scenario, filling in `record` step by step (so an interruption keeps it)."""
    width, height = config.browser.viewport
    context = await browser.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(config.timing.navigation_timeout_s * 1000)
    network = NetworkRecorder()
    network.attach(context)
    try:
        page = await context.new_page()
        ctx = RunContext(
            config=config,
            context=context,
            page=page,
            driver=WidgetDriver(page, config.widget, config.timing),
            matcher=Matcher(lexicon.for_language(config.language)),
            lexicon=lexicon,
            probes=probes,
            scenario_id=scenario.id,
            bundle_dir=bundle_dir,
            record=record,
            network=network,
        )
        record.status, record.error = "error", "the scenario did not finish (interrupted)"
        for done, spec in enumerate(scenario.steps, start=1):
            step = STEPS[spec.do]
            step_record = StepRecord(
                step=spec.do,
                name=spec.name,
                started_at=datetime.now(UTC),
                ok=False,
                error="the step did not finish (the audit was interrupted)",
            )
            record.steps.append(step_record)
            started = time.monotonic()
            ctx.artefacts = []
            try:
                observed = await _bounded(
                    step.run(ctx, step.params.model_validate(spec.params)), config.timing
                )
            except (WidgetNotFound, PageLeft) as exc:
                step_record.ok, step_record.error = False, str(exc)
                status = "page-left" if isinstance(exc, PageLeft) else "widget-not-found"
                record.status, record.error = status, str(exc)
                break
            except Exception as exc:  # one step's failure must not lose the others' evidence
                left = ctx.driver.navigated_away(f"running the step '{spec.name}'")
                if left is not None:  # whatever failed, the page had gone: say that
                    step_record.ok, step_record.error = False, str(left)
                    record.status, record.error = "page-left", str(left)
                    break
                text = str(exc).strip()
                message = text.splitlines()[0] if text else type(exc).__name__
                if not isinstance(exc, (PlaywrightError, PageProblem, TimeoutError, ValueError)):
                    message = f"{type(exc).__name__}: {message} (a botaudit bug; please report)"
                step_record.ok, step_record.error = False, message
                record.status, record.error = "error", f"step '{spec.name}' failed: {message}"
                break
            finally:
                step_record.duration_ms = int((time.monotonic() - started) * 1000)
                step_record.artefacts = list(ctx.artefacts)
            step_record.data = observed.model_dump(mode="json")
            step_record.ok, step_record.error = True, None
            progress(scenario.id, spec.name, done, len(scenario.steps))
        else:
            record.status, record.error = "completed", None
    finally:
        with contextlib.suppress(Exception):  # a browser that stopped answering: move on
            await asyncio.wait_for(context.close(), CLOSE_WAIT_S)


async def _gather(
    session: BrowserSession,
    config: AuditConfig,
    scenarios: list[Scenario],
    lexicon: Lexicon,
    bundle: EvidenceBundle,
    probes: list[Probe],
    bundle_dir: Path,
    progress: Progress,
) -> None:
    browser = await session.browser()
    bundle.browser = BrowserInfo(version=browser.version, executable=session.executable)
    bundle.scenarios = [ScenarioRecord(id=s.id, title=s.title) for s in scenarios]
    await asyncio.gather(
        *(
            _run_scenario(browser, s, r, config, lexicon, probes, bundle_dir, progress)
            for s, r in zip(scenarios, bundle.scenarios, strict=True)
        )
    )


def gather(
    config: AuditConfig,
    scenarios: list[Scenario],
    lexicon: Lexicon,
    lexicon_sha256: str,
    bundle_dir: Path,
    config_path: str | None = None,
    progress: Progress = no_progress,
    session: BrowserSession | None = None,
) -> EvidenceBundle:
    """Run the scenarios and write the bundle to `bundle_dir`, even when the run fails.

    In `session`'s browser, left open for the caller's next use; without one, in a browser
    of its own.
    """
    probes = synthetic_probes()
    bundle = EvidenceBundle(
        tool=ToolInfo(version=__version__),
        browser=BrowserInfo(),
        target=TargetInfo(url=config.target.url, language=config.language),
        config=ConfigInfo(
            name=config.name,
            path=config_path,
            sha256=config.sha256(),
            content=config.model_dump(mode="json"),
        ),
        lexicon_sha256=lexicon_sha256,
        started_at=datetime.now(UTC),
        probes=[ProbeRecord(kind=p.kind, masked=p.masked, sha256=p.sha256) for p in probes],  # type: ignore[arg-type]
    )
    bundle_dir.mkdir(parents=True, exist_ok=True)
    own = session or BrowserSession(config.browser, config.timing.navigation_timeout_s)
    try:
        preflight(config.target.url, config.timing.navigation_timeout_s)
        own.run(_gather(own, config, scenarios, lexicon, bundle, probes, bundle_dir, progress))
        not_found = [s.error for s in bundle.scenarios if s.status == "widget-not-found"]
        if not_found:
            raise LocalisedError(msg("gather.widget_not_found", detail=not_found[0]))
        left = [s.error for s in bundle.scenarios if s.status == "page-left"]
        if left:
            raise LocalisedError(msg("gather.page_left", detail=left[0]))
    except UsageError as exc:
        bundle.fatal_error = str(exc)
        bundle.fatal_message = exc.message if isinstance(exc, LocalisedError) else None
    finally:
        bundle.finished_at = datetime.now(UTC)
        write_bundle(bundle, bundle_dir)
        if session is None:
            own.close()
    return bundle
