"""No step may hang the audit: a call that never returns becomes one failed step.

`run_blocking`, as the audit itself runs: the browser tests leave an event loop running.
"""

from __future__ import annotations

import asyncio

import pytest

from botaudit.config import Timing
from botaudit.gather import run
from botaudit.gather.widget import PageProblem
from botaudit.loop import run_blocking


def test_the_budget_grows_with_the_configured_timeouts() -> None:
    quick = run.step_budget_s(Timing(navigation_timeout_s=6, reply_timeout_s=4))
    assert quick == 72
    assert run.step_budget_s(Timing()) > quick


def test_a_step_that_never_returns_is_cut_at_its_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run, "step_budget_s", lambda _timing: 0.05)

    async def never() -> None:
        await asyncio.Event().wait()

    with pytest.raises(PageProblem, match="did not finish within 0 s"):
        run_blocking(run._bounded(never(), Timing()))


def test_a_step_within_its_budget_returns_its_result() -> None:
    async def quick() -> str:
        return "observed"

    assert run_blocking(run._bounded(quick(), Timing())) == "observed"
