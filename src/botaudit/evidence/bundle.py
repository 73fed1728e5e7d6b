"""Reading and writing evidence bundles (a folder with evidence.json and artefacts/)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from botaudit.errors import UsageError
from botaudit.evidence.model import SCHEMA_VERSION, EvidenceBundle
from botaudit.evidence.text import safe_data

FILENAME = "evidence.json"


def write_bundle(bundle: EvidenceBundle, bundle_dir: Path) -> Path:
    bundle_dir.mkdir(parents=True, exist_ok=True)
    path = bundle_dir / FILENAME
    # Page text is made safe as it is gathered; this is the guard for anything that was not.
    data = safe_data(bundle.model_dump(mode="json"))
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def find_bundle_dir(path: Path) -> Path:
    """Accept the bundle folder itself, or a report folder holding `evidence/`."""
    for candidate in (path, path / "evidence"):
        if (candidate / FILENAME).is_file():
            return candidate
    raise UsageError(
        f"{path} holds no {FILENAME}; give the evidence folder of an earlier audit "
        "(reports/<name>/<time>/evidence)."
    )


def read_bundle(bundle_dir: Path) -> EvidenceBundle:
    path = bundle_dir / FILENAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"Cannot read {path}: {exc}; is it an evidence bundle?") from exc
    version = data.get("schema_version") if isinstance(data, dict) else None
    if version != SCHEMA_VERSION:
        raise UsageError(
            f"{path} has schema_version {version!r}, this botaudit reads {SCHEMA_VERSION}; "
            "re-run the audit or use the botaudit version that wrote it."
        )
    try:
        return EvidenceBundle.model_validate(data)
    except ValidationError as exc:
        where = ".".join(str(p) for p in exc.errors()[0]["loc"])
        raise UsageError(
            f"{path} is not a valid evidence bundle (at {where}); re-run the audit."
        ) from exc
