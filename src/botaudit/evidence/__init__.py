"""The evidence bundle: everything gathering observed, saved so checks can replay it."""

from botaudit.evidence.model import (
    Artefact,
    BrowserInfo,
    EvidenceBundle,
    ScenarioRecord,
    StepRecord,
)

__all__ = ["Artefact", "BrowserInfo", "EvidenceBundle", "ScenarioRecord", "StepRecord"]
