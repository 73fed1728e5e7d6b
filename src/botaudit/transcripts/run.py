"""Reading every log file on every core: shards out to processes, tallies merged in order.

`multiprocessing.Pool.imap` hands shards out and returns their tallies in file order, so the
merge (which joins conversations across shard edges and makes line numbers file-global)
runs as results arrive and never holds more than a few tallies at once.
"""

from __future__ import annotations

import multiprocessing
import os
import zlib
from collections import Counter
from collections.abc import Iterator

import zstandard

from botaudit.errors import UsageError
from botaudit.transcript_settings import TranscriptSettings
from botaudit.transcripts.readers import Shard, plan_shards
from botaudit.transcripts.rules import rules_for
from botaudit.transcripts.scan import scan
from botaudit.transcripts.tally import Merger, Tally


def _scan_one(job: tuple[Shard, TranscriptSettings]) -> Tally:
    shard, settings = job
    try:
        return scan(shard, settings)
    except (OSError, EOFError, zlib.error, zstandard.ZstdError) as exc:
        raise UsageError(
            f"Cannot read the log file {shard.path}: {exc}; the file is damaged or cut off."
        ) from None
    except ValueError as exc:
        raise UsageError(f"Cannot read the log file {shard.path}: {exc}.") from None


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _tallies(shards: list[Shard], settings: TranscriptSettings, workers: int) -> Iterator[Tally]:
    jobs = [(shard, settings) for shard in shards]
    if workers <= 1 or len(shards) <= 1:
        yield from map(_scan_one, jobs)
        return
    with multiprocessing.Pool(min(workers, len(shards))) as pool:
        yield from pool.imap(_scan_one, jobs)


def review(
    paths: list[str], settings: TranscriptSettings, workers: int | None = None
) -> tuple[Tally, int]:
    """The merged tally of every file, and the number of shards it was read in."""
    if not paths:
        raise UsageError("No log files given; name at least one JSONL, JSON or CSV file.")
    chosen = workers or settings.workers or default_workers()
    shards = plan_shards(paths, settings.format, settings.shard_mb << 20, chosen)
    rules = rules_for(settings)
    merger = Merger(rules.idle, rules.keyer)
    offsets: Counter[int] = Counter()
    for shard, tally in zip(shards, _tallies(shards, settings, chosen), strict=True):
        merger.add(tally, {shard.file_index: offsets[shard.file_index]})
        offsets[shard.file_index] += tally.lines[shard.file_index]
    return merger.result(), len(shards)
