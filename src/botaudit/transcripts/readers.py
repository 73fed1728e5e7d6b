"""From files to records: formats, compression and byte-range shards.

A shard is a piece of input one process reads alone. Plain JSONL files are cut into byte
ranges (a line belongs to the shard it starts in), so one big export uses every core;
compressed files, CSV (quoted fields may hold newlines) and JSON arrays are one shard each.
Line numbers are counted per shard and made file-global when shards merge, so no process
has to read what comes before its range.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson
import zstandard

from botaudit.errors import UsageError

Record = dict[str, Any]
# What a reader yields per line: its shard-relative number, the record or None, and a
# problem ("not JSON", "not UTF-8") or None. A record with a problem was still read.
Item = tuple[int, Record | None, str | None]

_COMPRESSIONS = {".gz": "gzip", ".zst": "zstd"}
_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv"}


@dataclass(frozen=True)
class Shard:
    file_index: int
    path: str
    format: str  # jsonl, json or csv
    compression: str | None
    start: int
    end: int  # -1: to the end of the file


def _open_binary(path: str, compression: str | None) -> IO[bytes]:
    if compression == "gzip":
        return gzip.open(path, "rb")
    raw = open(path, "rb")  # noqa: SIM115 - closed by the caller's context
    if compression == "zstd":
        reader = zstandard.ZstdDecompressor().stream_reader(raw, closefd=True)
        return io.BufferedReader(reader, buffer_size=1 << 20)
    return raw


def _detect(path: str, wanted: str) -> tuple[str, str | None]:
    name = Path(path).name.lower()
    suffix = Path(name).suffix
    compression = _COMPRESSIONS.get(suffix)
    if compression:
        name = name[: -len(suffix)]
    if wanted != "auto":
        return wanted, compression
    fmt = _FORMATS.get(Path(name).suffix)
    if fmt:
        return fmt, compression
    try:
        with _open_binary(path, compression) as f:
            head = f.read(4096).lstrip()
    except (OSError, EOFError, zstandard.ZstdError) as exc:
        raise UsageError(f"Cannot read the log file {path}: {exc}; check the file.") from exc
    return ("json" if head.startswith(b"[") else "jsonl"), compression


def plan_shards(
    paths: list[str], wanted_format: str, shard_bytes: int, workers: int = 1
) -> list[Shard]:
    """Shards of every file, in file order; a file that cannot be opened stops the run.

    With several workers a file is cut into at least four shards per worker (of 1 MiB or
    more), so a mid-sized export keeps every core busy too."""
    shards: list[Shard] = []
    for index, path in enumerate(paths):
        try:
            size = os.path.getsize(path)
            with open(path, "rb") as f:
                f.read(1)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise UsageError(f"Cannot read the log file {path}: {reason}; check the path.") from exc
        fmt, compression = _detect(path, wanted_format)
        step = shard_bytes if workers <= 1 else min(shard_bytes, max(1 << 20, size // workers // 4))
        if fmt != "jsonl" or compression or size <= step:
            shards.append(Shard(index, path, fmt, compression, 0, -1))
            continue
        for start in range(0, size, step):
            end = min(start + step, size)
            shards.append(Shard(index, path, fmt, None, start, end if end < size else -1))
    return shards


def _decode_json_line(line: bytes) -> tuple[Any, str | None]:
    try:
        return orjson.loads(line), None
    except orjson.JSONDecodeError:
        pass
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return orjson.loads(line.decode("utf-8", "replace")), "not UTF-8 (bytes replaced)"
        except orjson.JSONDecodeError:
            return None, "not UTF-8 and not JSON"
    return None, "not JSON"


def _jsonl(shard: Shard, f: IO[bytes]) -> Iterator[Item]:
    """Lines of the byte range (a line belongs to the shard it starts in), parsed."""
    if shard.start > 0:
        f.seek(shard.start - 1)
        f.readline()  # the rest of a line that started in the previous shard
    end = shard.end if shard.end >= 0 else float("inf")
    pos = f.tell()
    loads, error = orjson.loads, orjson.JSONDecodeError
    number = 0
    for line in f:
        if pos >= end:
            return
        pos += len(line)
        number += 1
        try:
            value = loads(line)
        except error:
            if not line.strip():
                yield number, None, None  # counted as a line, not as a message
                continue
            value, problem = _decode_json_line(line)
            if isinstance(value, dict):
                yield number, value, problem
            else:
                yield number, None, problem or "not a JSON object"
            continue
        if type(value) is dict:
            yield number, value, None
        else:
            yield number, None, "not a JSON object"


def _text_lines(f: IO[bytes], problems: dict[int, str]) -> Iterator[str]:
    """Decoded lines; a line that is not UTF-8 is decoded with replacement and noted."""
    for number, raw in enumerate(f, 1):
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            problems[number] = "not UTF-8 (bytes replaced)"
            yield raw.decode("utf-8", "replace")


def _csv(f: IO[bytes]) -> Iterator[Item]:
    problems: dict[int, str] = {}
    lines = _text_lines(f, problems)
    reader = csv.DictReader(lines)
    for row in reader:
        number = reader.line_num
        if None in row or any(v is None for v in row.values()):
            yield number, None, "wrong number of columns"
            continue
        yield number, row, problems.pop(number, None)


def _json_array(f: IO[bytes], messages_field: str) -> Iterator[Item]:
    """Items of a top-level JSON array, decoded one at a time (bounded memory)."""
    problems: dict[int, str] = {}
    decoder = json.JSONDecoder()
    buffer, line, started = "", 1, False
    chunks = _text_lines(f, problems)
    exhausted = False
    while True:
        stripped = buffer.lstrip(" \t\r\n,")
        line += buffer.count("\n", 0, len(buffer) - len(stripped))
        buffer = stripped
        if not started and buffer:
            if buffer[0] != "[":
                raise ValueError("a JSON log must be an array of messages or conversations")
            buffer, started = buffer[1:], True
            continue
        if buffer.startswith("]"):
            return
        try:
            value, end = decoder.raw_decode(buffer)
        except json.JSONDecodeError:
            if exhausted:
                if buffer:
                    yield line, None, "not JSON (the array is cut off)"
                return
            more = "".join(next(chunks, "") for _ in range(256))
            exhausted = not more
            buffer += more
            continue
        last_line = line + buffer.count("\n", 0, end)
        problem = next((problems.pop(n) for n in sorted(problems) if n <= last_line), None)
        if isinstance(value, dict) and isinstance(value.get(messages_field), list):
            yield from _conversation_items(value, messages_field, line, problem)
        elif isinstance(value, dict):
            yield line, value, problem
        else:
            yield line, None, "not a JSON object"
        line, buffer = last_line, buffer[end:]


def _conversation_items(
    conversation: Record, messages_field: str, line: int, problem: str | None
) -> Iterator[Item]:
    """A conversation object's messages, each with the conversation's other fields."""
    shared = {k: v for k, v in conversation.items() if k != messages_field}
    for message in conversation[messages_field]:
        if isinstance(message, dict):
            yield line, {**shared, **message}, problem
        else:
            yield line, None, "not a JSON object"


def read_shard(shard: Shard, messages_field: str = "messages") -> Iterator[Item]:
    """Every record of a shard with its shard-relative line number."""
    with _open_binary(shard.path, shard.compression) as f:
        if shard.format == "jsonl":
            yield from _jsonl(shard, f)
        elif shard.format == "csv":
            yield from _csv(f)
        else:
            yield from _json_array(f, messages_field)
