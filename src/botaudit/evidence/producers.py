"""Who produces each kind of evidence record: the index the cross-validation asks.

Each kind of evidence registers one function `(source, name, folder)` that answers which
model the record `name` of `source` is produced with, or why no such record will exist
(a sentence naming the file). `folder` overrides where that kind's definitions live
(scenario files, question sets, ...); None means the bundled ones.

The browser kind registers in `botaudit.gather.scenario`. A new kind registers its own in
its module, and `botaudit.validate.PRODUCER_MODULES` names that module.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

Producer = Callable[[str, str, Path | None], type[BaseModel] | str]
PRODUCERS: dict[str, Producer] = {}


def producer(kind: str) -> Callable[[Producer], Producer]:
    """Register the function that says which model `kind`'s records are produced with."""

    def register(fn: Producer) -> Producer:
        PRODUCERS[kind] = fn
        return fn

    return register
