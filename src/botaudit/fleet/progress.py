"""Progress of a multi-target audit: one line per deployment (waiting, its steps, done).

The CLI's progress display (one Rich bar per name, on stderr, nothing with --quiet, no
escape codes when stderr is not a terminal) is reused as it is: each deployment is a
"scenario" to it, and this folds the deployment's own per-scenario progress into one bar.
Audits run in threads, so the tallies are kept under a lock.
"""

from __future__ import annotations

from threading import Lock

from botaudit.gather.progress import Progress
from botaudit.messages import message


class FleetProgress:
    def __init__(self, show: Progress, language: str, names: list[str]) -> None:
        self.show = show
        self.language = language
        self.lock = Lock()
        self.steps: dict[str, dict[str, tuple[int, int]]] = {name: {} for name in names}
        for name in names:  # every bar at once, in the config's order
            show(name, message("fleet.progress.waiting", language), 0, 1)

    def _totals(self, name: str) -> tuple[int, int]:
        parts = self.steps[name].values()
        return sum(d for d, _ in parts), max(1, sum(t for _, t in parts))

    def started(self, name: str) -> None:
        self.show(name, message("fleet.progress.running", self.language), 0, 1)

    def of(self, name: str) -> Progress:
        """The Progress a deployment's audit reports to."""

        def update(scenario: str, step: str, done: int, total: int) -> None:
            with self.lock:
                self.steps[name][scenario] = (done, total)
                done_all, total_all = self._totals(name)
            self.show(name, f"{scenario}: {step}" if step else scenario, done_all, total_all)

        return update

    def finished(self, name: str, exit_code: int, ran: bool) -> None:
        with self.lock:
            _, total = self._totals(name)
        key = "fleet.progress.done" if ran else "fleet.progress.failed"
        self.show(name, message(key, self.language, code=exit_code), total, total)
