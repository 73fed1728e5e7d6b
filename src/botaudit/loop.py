"""Running botaudit's async browser code from synchronous callers.

`asyncio.run` refuses to start inside a running event loop (Jupyter, a pytest-playwright
session, an async web app calling the library). There the coroutine gets a fresh loop in
a worker thread instead, so the library behaves the same wherever it is called from.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run_blocking(coroutine: Coroutine[Any, Any, T]) -> T:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="botaudit") as pool:
        return pool.submit(asyncio.run, coroutine).result()
