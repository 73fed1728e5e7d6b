"""How gathering reports progress, kept apart so the CLI can import it without Playwright."""

from __future__ import annotations

from collections.abc import Callable

# Told after every step: scenario id, step name, steps done, steps in the scenario.
Progress = Callable[[str, str, int, int], None]


def no_progress(scenario: str, step: str, done: int, total: int) -> None:
    """The default Progress: tell nobody."""
