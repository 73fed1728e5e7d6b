"""Time the demo audit beside a minimal hand-written Playwright script doing the same work.

The minimal script is the floor: the same page loads, clicks and messages, in the same
five parallel browser contexts, and the same work on the page that the audit's evidence
needs (the widget's linked pages fetched, axe-core run over the widget, a screenshot
wherever the audit keeps one, the keyboard walkthrough, the location question and the
feedback controls), but it knows the demo widget's internals (it waits for the message
list's aria-busy flag to clear) and judges, masks and writes nothing. The ratio is
botaudit's overhead: generic reply detection (signals, settle), evidence, masking, judging
and the reports (Markdown, HTML, PDF), validation of the checklist included.

    python benchmarks/audit.py --profile good --runs 3
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

import axe_playwright_python
from playwright.async_api import Browser, BrowserContext, Page, async_playwright

from botaudit.browser import launch_options
from botaudit.config import parse_config
from botaudit.demo.profiles import PROFILES, demo_config
from botaudit.demo.server import DemoServer
from botaudit.evidence.observations import HandoffRequests
from botaudit.pipeline import rerun_report, run_audit

LOG = ".chat-messages"
BOT = ".msg.bot"
READ_STORAGE = "() => [JSON.stringify(sessionStorage), JSON.stringify(localStorage)]"
AXE_JS = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
AXE_RUN = (
    "axe.run({include: [['#chat-widget']]}, {runOnly: {type: 'tag', values: "
    "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})"
)
LINKS = "(root) => [...root.querySelectorAll('a[href]')].map((a) => a.href)"


async def _wait_reply(page: Page, before: int) -> None:
    await page.wait_for_function(
        "([sel, log, n]) => document.querySelectorAll(sel).length > n"
        " && !document.querySelector(log).hasAttribute('aria-busy')",
        arg=[BOT, LOG, before],
    )


async def _open(page: Page, url: str) -> None:
    await page.goto(url)
    await page.click("#chat-launcher")
    await _wait_reply(page, 0)


async def _send(page: Page, text: str) -> None:
    before = await page.locator(BOT).count()
    await page.fill("#chat-input", text)
    await page.click("#chat-send")
    await _wait_reply(page, before)


async def _linked_pages(context: BrowserContext, page: Page) -> None:
    """What `read_linked_pages` does: fetch the widget's links on the same site."""
    origin = url_origin(page.url)
    for href in await page.locator("#chat-widget").evaluate(LINKS):
        if url_origin(href) == origin:
            await (await context.request.get(href)).text()


def url_origin(url: str) -> str:
    return "/".join(url.split("/")[:3])


async def _identity(browser: Browser, url: str) -> None:
    context = await browser.new_context()
    page = await context.new_page()
    await _open(page, url)
    await page.locator("#chat-widget").screenshot()
    await _linked_pages(context, page)
    await page.evaluate(AXE_JS)
    await page.evaluate(AXE_RUN)
    await _send(page, "Hei")
    await _send(page, "Missä on lähin kirjasto?")
    await _feedback(page)
    await context.close()


async def _feedback(page: Page) -> None:
    """What `find_feedback` does on the demo: read the thumbs beside the answers, open the
    feedback form, read it and dismiss it, then close the chat and read any form it shows."""
    await page.locator(".msg-feedback").all_inner_texts()
    opener = page.locator(".chat-feedback-open")
    if await opener.count():
        await opener.click()
        await page.locator(".chat-feedback").inner_text()
        await page.keyboard.press("Escape")
    if await page.locator(".chat-close").is_visible():
        await page.click(".chat-close")
    await page.locator(".chat-feedback").all_inner_texts()


async def _handoff(browser: Browser, url: str, requests: list[str]) -> None:
    context = await browser.new_context()
    page = await context.new_page()
    await _open(page, url)
    for text in requests:
        await _send(page, text)
    await page.locator("#chat-widget").screenshot()
    await context.close()


async def _storage(browser: Browser, url: str) -> None:
    context = await browser.new_context()
    page = await context.new_page()
    await _open(page, url)
    await page.evaluate(READ_STORAGE)
    await _send(page, "Henkilötunnukseni on 010190-900P, puhelinnumeroni on +358 40 123 4567")
    await page.evaluate(READ_STORAGE)
    await page.reload()
    await page.click("#chat-launcher")
    await page.evaluate(READ_STORAGE)
    second = await context.new_page()
    await _open(second, url)
    await second.evaluate(READ_STORAGE)
    await context.cookies()
    delete = page.get_by_role("button", name="Poista keskustelu")
    if await delete.count():
        await delete.click()
    await page.evaluate(READ_STORAGE)
    await context.close()


async def _next_user(browser: Browser, url: str) -> None:
    context = await browser.new_context()
    page = await context.new_page()
    await _open(page, url)
    await _send(page, "Henkilötunnukseni on 010190-900P, puhelinnumeroni on +358 40 123 4567")
    download = page.get_by_role("button", name="Lataa keskustelu")
    if await download.count():
        async with page.expect_download() as info:
            await download.click()
        await (await info.value).path()
    await page.goto("about:blank")
    await page.go_back()
    await page.click("#chat-launcher")
    await page.locator("#chat-widget").screenshot()
    second = await context.new_page()
    await _open(second, url)
    await second.locator("#chat-widget").screenshot()
    await second.close()
    async with context.expect_page() as opened:
        await page.evaluate("() => { window.open(location.href); }")
    reopened = await opened.value
    await reopened.wait_for_load_state()
    await page.close()
    await reopened.click("#chat-launcher")
    await reopened.locator("#chat-widget").screenshot()
    await context.close()


async def _keyboard(browser: Browser, url: str) -> None:
    context = await browser.new_context()
    page = await context.new_page()
    await page.goto(url)
    while not await page.evaluate("() => document.activeElement.id === 'chat-launcher'"):
        await page.keyboard.press("Tab")
    await page.keyboard.press("Enter")
    await _wait_reply(page, 0)
    before = await page.locator(BOT).count()
    await page.keyboard.type("Hei")
    await page.keyboard.press("Enter")
    await _wait_reply(page, before)
    await page.keyboard.press("Escape")
    await page.click("#chat-launcher")
    await page.set_viewport_size({"width": 320, "height": 256})
    await page.locator("#chat-input").bounding_box()
    await context.close()


async def minimal(url: str, requests: list[str]) -> float:
    started = time.perf_counter()
    async with async_playwright() as p:
        browser = await p.chromium.launch(**launch_options())
        await asyncio.gather(
            _identity(browser, url),
            _handoff(browser, url, requests),
            _storage(browser, url),
            _next_user(browser, url),
            _keyboard(browser, url),
        )
        await browser.close()
    return time.perf_counter() - started


def cpu_seconds() -> float:
    """CPU seconds the whole machine has used so far (Linux: /proc/stat), else this
    process's and its reaped children's.

    `getrusage(RUSAGE_CHILDREN)` misses most of the browsers' work: measured against the
    processes' own counters in /proc, it saw 8.6 of about 28 CPU-seconds of an audit on the
    development machine; Chromium's renderer processes, where pages and the print are laid
    out, are not in it. The machine-wide figure includes the demo server (in both runs
    alike) and anything else the machine does, so run the benchmark alone.
    """
    try:
        fields = Path("/proc/stat").read_text(encoding="ascii").split("\n", 1)[0].split()
    except OSError:
        own = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    busy = sum(int(v) for v in fields[1:4]) + sum(int(v) for v in fields[6:8])
    return busy / os.sysconf("SC_CLK_TCK")  # user, nice, system, irq, softirq


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="good", choices=list(PROFILES))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    audit_times: list[float] = []
    gather_times: list[float] = []
    floor_times: list[float] = []
    report_times: list[float] = []
    audit_cpu: list[float] = []
    floor_cpu: list[float] = []
    with DemoServer(args.profile) as url, tempfile.TemporaryDirectory() as tmp:
        config = parse_config(demo_config(args.profile, url), "benchmark")
        requests: list[str] = []
        for run in range(args.runs):
            started, cpu = time.perf_counter(), cpu_seconds()
            outcome = run_audit(config, Path(tmp) / f"run{run}")
            audit_times.append(time.perf_counter() - started)
            audit_cpu.append(cpu_seconds() - cpu)
            bundle = outcome.bundle
            if bundle.finished_at is not None:
                gather_times.append((bundle.finished_at - bundle.started_at).total_seconds())
            handoff = outcome.bundle.scenario("human-handoff")
            step = handoff.step("handoff") if handoff else None
            if step is not None and step.ok:
                requests = [a.sent for a in HandoffRequests.model_validate(step.data).attempts]
            cpu = cpu_seconds()
            floor_times.append(asyncio.run(minimal(url, requests)))
            floor_cpu.append(cpu_seconds() - cpu)
            started = time.perf_counter()
            rerun_report(Path(tmp) / f"run{run}", Path(tmp) / f"report{run}")
            report_times.append(time.perf_counter() - started)

    audit_s, floor_s = statistics.median(audit_times), statistics.median(floor_times)
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"profile {args.profile}, {args.runs} runs, {len(requests)} handoff request(s)")
    print(f"{'':24}{'median s':>10}{'min s':>8}{'max s':>8}")
    rows = (
        ("botaudit demo audit", audit_times),
        ("  of which gathering", gather_times),
        ("minimal script", floor_times),
        ("re-report, offline", report_times),
        ("CPU s, audit", audit_cpu),
        ("CPU s, minimal script", floor_cpu),
    )
    for name, times in rows:
        print(f"{name:24}{statistics.median(times):>10.2f}{min(times):>8.2f}{max(times):>8.2f}")
    print(f"ratio (audit / minimal): {audit_s / floor_s:.2f}")
    ratios = sorted(a / f for a, f in zip(audit_times, floor_times, strict=True))
    print(f"ratio per run (audit / the minimal run after it): {ratios[0]:.2f}–{ratios[-1]:.2f}")
    cpu_ratio = statistics.median(audit_cpu) / statistics.median(floor_cpu)
    print(f"CPU ratio (whole machine; the demo server's share is in both): {cpu_ratio:.2f}")
    print(f"peak RSS: python {self_mb:.0f} MiB, largest child process {child_mb:.0f} MiB")


if __name__ == "__main__":
    main()
