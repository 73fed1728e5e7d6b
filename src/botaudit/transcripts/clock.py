"""Timestamps to (epoch seconds, ISO week, hour of day), fast.

Logs hold millions of timestamps but few distinct hours, so the date-hour part is parsed
once per hour with `datetime.fromisoformat` and cached; minutes and seconds are added as
integers. The hour is the one written in the timestamp (its own UTC offset), which for
exports in local time is the citizen's hour. Numbers are Unix time in seconds or ms (UTC).
"""

from __future__ import annotations

from datetime import UTC, datetime

_CACHE: dict[str, tuple[float, str, int]] = {}


def _hour_start(dt: datetime) -> tuple[float, str, int]:
    start = dt.replace(minute=0, second=0, microsecond=0)
    aware = start if start.tzinfo else start.replace(tzinfo=UTC)
    year, week, _ = start.isocalendar()
    return aware.timestamp(), f"{year}-W{week:02d}", start.hour


def parse_time(raw: object) -> tuple[float, str, int]:
    """(epoch, week, hour); raises ValueError when `raw` is not a timestamp."""
    if isinstance(raw, str):
        tail = raw[19:]
        if tail[:1] == ".":
            tail = tail.lstrip(".0123456789")  # fractions of a second
        key = raw[:13] + tail  # date, hour and UTC offset
        hit = _CACHE.get(key)
        if hit is None:
            hit = _hour_start(datetime.fromisoformat(raw))
            if len(_CACHE) > 50_000:
                _CACHE.clear()
            _CACHE[key] = hit
        if len(raw) >= 19 and raw[13] == ":" and raw[16] == ":":
            return hit[0] + int(raw[14:16]) * 60 + int(raw[17:19]), hit[1], hit[2]
        dt = datetime.fromisoformat(raw)  # a shorter form, e.g. without seconds
        return dt.replace(tzinfo=dt.tzinfo or UTC).timestamp(), hit[1], hit[2]
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        epoch = raw / 1000 if raw > 1e11 else float(raw)
        base = _hour_start(datetime.fromtimestamp(epoch, UTC))
        return epoch, base[1], base[2]
    raise ValueError("not a timestamp")


def parse_minute(raw: object, minutes: dict[str, tuple[float, str, int, str]]):
    """(epoch to the minute, week, hour); fills `minutes` (date-hour-minute -> start, week,
    hour, the rest after the seconds) so the caller can look most timestamps up inline.
    Minute precision is plenty for a 30-minute idle gap, and using it for every timestamp
    keeps a run's result independent of which message happened to fill the cache."""
    epoch, week, hour = parse_time(raw)
    if isinstance(raw, str) and len(raw) >= 19 and raw[16] == ":":
        epoch -= int(raw[17:19])
        if len(minutes) > 100_000:
            minutes.clear()
        minutes[raw[:16]] = (epoch, week, hour, raw[19:])
    return epoch, week, hour
