"""Self-assessment answers as evidence records of the contract (kind `self-assessment`).

Each answer becomes `EvidenceRecord(kind="self-assessment", source="answers",
name=<criterion id>, data=<Answer>)`; the check `self_assessed` reads the record its
criterion names. The producer tells the cross-validation that such records are `Answer`s.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from botaudit.assessment.model import Answer, SelfAssessment
from botaudit.evidence.model import EvidenceBundle, EvidenceRecord
from botaudit.evidence.producers import producer

SOURCE = "answers"


@producer("self-assessment")
def answer_model(source: str, name: str, folder: Path | None) -> type[BaseModel] | str:
    if source != SOURCE:
        return f"self-assessment records come from source {SOURCE!r}, not {source!r}"
    return Answer


def with_answers(
    bundle: EvidenceBundle, assessment: SelfAssessment, allowed: set[str]
) -> EvidenceBundle:
    """The bundle with one record per answered criterion a person may answer."""
    records = [
        EvidenceRecord(
            kind="self-assessment", source=SOURCE, name=cid, data=answer.model_dump(mode="json")
        )
        for cid, answer in assessment.answers.items()
        if cid in allowed
    ]
    kept = [r for r in bundle.records if r.kind != "self-assessment"]
    return bundle.model_copy(update={"records": [*kept, *records]})
