"""Artefact records: a file in the bundle with its hash, so a finding can be shown intact."""

from __future__ import annotations

import hashlib
from pathlib import Path

from botaudit.evidence.model import Artefact


def artefact_for(path: Path, bundle_dir: Path, kind: str, description: str) -> Artefact:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    relative = path.resolve().relative_to(bundle_dir.resolve()).as_posix()
    return Artefact(path=relative, kind=kind, sha256=digest, description=description)  # type: ignore[arg-type]
