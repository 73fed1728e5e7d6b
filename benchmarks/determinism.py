"""Audit the same demo bot N times and count the verdicts that differ from the most common.

The `slow` demo profile answers 2–4 s late after a typing indicator, sends long messages in
three parts 0.7 s apart and lets a human agent join a handoff 2 s after the bot's message:
the paces that made a fixed quiet period split replies and attribute late parts to the next
message. Every run must give the same outcome for every criterion, with no reply cut short
(`late_parts_of_previous`) and none timed out.

    python benchmarks/determinism.py --profile slow --runs 10
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from pathlib import Path

from botaudit.config import parse_config
from botaudit.demo.profiles import PROFILES, demo_config
from botaudit.demo.server import DemoServer
from botaudit.pipeline import run_audit


def _exchanges(data: object) -> list[dict]:
    """Every recorded exchange in a step's data, wherever the step keeps it."""
    if isinstance(data, dict):
        found = [data] if "sent" in data and "replies" in data else []
        return found + [e for v in data.values() for e in _exchanges(v)]
    if isinstance(data, list):
        return [e for v in data for e in _exchanges(v)]
    return []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="slow", choices=list(PROFILES))
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    runs: list[dict[str, str]] = []
    split = timed_out = 0
    with DemoServer(args.profile) as url, tempfile.TemporaryDirectory() as tmp:
        config = parse_config(demo_config(args.profile, url), "determinism")
        for run in range(args.runs):
            started = time.perf_counter()
            outcome = run_audit(config, Path(tmp) / f"run{run}")
            runs.append({c.id: c.outcome for c in outcome.report.criteria})
            exchanges = [
                e
                for s in outcome.bundle.scenarios
                for step in s.steps
                for e in _exchanges(step.data)
            ]
            split += sum(bool(e["late_parts_of_previous"]) for e in exchanges)
            timed_out += sum(e["timed_out"] for e in exchanges)
            print(f"run {run + 1}: {time.perf_counter() - started:.1f} s", flush=True)

    differing = 0
    for criterion in runs[0]:
        seen = Counter(r[criterion] for r in runs)
        count = seen.most_common(1)[0][1]
        differing += len(runs) - count
        if len(seen) > 1:
            print(f"  {criterion}: {dict(seen)}")
    print(f"profile {args.profile}, {args.runs} runs, {len(runs[0])} criteria")
    print(f"results differing from the most common: {differing}")
    print(f"replies with late parts: {split}; replies timed out: {timed_out}")
    print("outcomes:", json.dumps(Counter(runs[0].values())))


if __name__ == "__main__":
    main()
