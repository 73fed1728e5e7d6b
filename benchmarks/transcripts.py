"""Time `botaudit transcripts` on a generated log of >= 1 GB beside the floor.

The floor reads the same file line by line and parses every line with orjson (the fastest
JSON parser for Python) in one process, and does nothing else. The review does everything
`botaudit transcripts` does: every core, conversations, fallbacks, handoffs, feedback,
question groups, personal data, and the json/md/html output. Each runs in its own
subprocess so their peak RSS is measured apart (the review's: main process + workers).

    python benchmarks/transcripts.py --size-mb 1024 [--file /tmp/log.jsonl] [--keep]

Targets: review within 3x of the floor; peak memory under 300 MB whatever the size.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _cpu_s() -> float:
    """CPU seconds of this process and its finished children: on a shared machine the
    ratio of CPU time says what wall time cannot."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _floor(path: Path) -> dict:
    import orjson

    start = time.perf_counter()
    count = 0
    with open(path, "rb") as f:
        for line in f:
            orjson.loads(line)
            count += 1
    return {
        "seconds": time.perf_counter() - start,
        "lines": count,
        "cpu": _cpu_s(),
        "peak_mb": _peak_mb(resource.RUSAGE_SELF),
    }


def _review(path: Path, workers: int | None) -> dict:
    from botaudit.report.transcripts.review import run_transcripts
    from botaudit.transcript_settings import TranscriptSettings

    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        stats, _ = run_transcripts([str(path)], TranscriptSettings(workers=workers), Path(out))
        seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "cpu": _cpu_s(),
        "messages": stats.messages,
        "conversations": stats.conversations.total,
        "peak_mb": _peak_mb(resource.RUSAGE_SELF),
        "largest_worker_mb": _peak_mb(resource.RUSAGE_CHILDREN),
        "workers": min(workers or len(os.sched_getaffinity(0)), stats.shards),
    }


def _stage(stage: str, path: Path, workers: int | None) -> dict:
    command = [sys.executable, __file__, "--stage", stage, "--file", str(path)]
    if workers:
        command += ["--workers", str(workers)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--file", type=Path, help="Log to use (generated if missing).")
    parser.add_argument("--workers", type=int, help="Processes for the review (default all).")
    parser.add_argument("--keep", action="store_true", help="Keep the generated file.")
    parser.add_argument("--stage", choices=["floor", "review"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    path = args.file or Path(tempfile.gettempdir()) / f"botaudit-bench-{args.size_mb}mb.jsonl"
    if args.stage:
        result = _floor(path) if args.stage == "floor" else _review(path, args.workers)
        print(json.dumps(result))
        return
    if not path.exists():
        from botaudit.transcripts.generate import write_transcripts

        start = time.perf_counter()
        write_transcripts(path, target_bytes=args.size_mb << 20, weeks=52)
        print(f"generated {path} in {time.perf_counter() - start:.0f} s", flush=True)
    size_mb = path.stat().st_size / 2**20
    try:
        floor = _stage("floor", path, None)
        review = _stage("review", path, args.workers)
    finally:
        if not args.keep and not args.file:
            path.unlink(missing_ok=True)
    floor_rate = size_mb / floor["seconds"]
    review_rate = size_mb / review["seconds"]
    workers = review["workers"]
    print(
        f"file: {size_mb:.0f} MiB, {floor['lines']} lines, {review['messages']} messages, "
        f"{review['conversations']} conversations"
    )
    print(
        f"floor (orjson, 1 process):  {floor['seconds']:7.1f} s  {floor_rate:6.1f} MiB/s  "
        f"peak RSS {floor['peak_mb']:.0f} MiB"
    )
    print(
        f"review ({workers} processes):     {review['seconds']:7.1f} s  "
        f"{review_rate:6.1f} MiB/s  peak RSS main {review['peak_mb']:.0f} MiB, "
        f"largest worker {review['largest_worker_mb']:.0f} MiB, "
        f"all at once <= {review['peak_mb'] + workers * review['largest_worker_mb']:.0f} MiB"
    )
    print(f"ratio review/floor (time): {review['seconds'] / floor['seconds']:.2f}")
    print(
        f"CPU seconds: floor {floor['cpu']:.1f}, review {review['cpu']:.1f} (all processes); "
        f"ratio per core used: {review['cpu'] / workers / floor['cpu']:.2f}"
    )


if __name__ == "__main__":
    main()
