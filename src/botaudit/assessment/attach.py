"""Where the answers file meets an audit: found from the config, frozen into the bundle.

The answers are copied into `evidence/self-assessment.yaml` at audit time, so that
`botaudit report` re-judges the same answers later even if the original file has changed
(the bundle is the record), and the report can state the file's hash.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from botaudit.assessment.info import AssessmentInfo, Respondent
from botaudit.assessment.model import SelfAssessment, load_self_assessment, sha256_of
from botaudit.assessment.questions import load_questions
from botaudit.assessment.records import with_answers
from botaudit.errors import UsageError
from botaudit.evidence.model import EvidenceBundle

BUNDLED_NAME = "self-assessment.yaml"


def answers_path(reference: str | None, config_path: str | None) -> Path | None:
    """The answers file named in the config, relative to the config file's folder."""
    if not reference:
        return None
    path = Path(reference).expanduser()
    if not path.is_absolute() and config_path:
        path = Path(config_path).resolve().parent / path
    return path


def check_answers(path: Path | None) -> None:
    """Fail before any browser starts if the named answers file is unreadable or invalid."""
    if path is None:
        return
    if not path.is_file():
        raise UsageError(
            f"The config's self_assessment file {path} does not exist; create it with "
            "`botaudit assess CONFIG` or fix the path."
        )
    load_self_assessment(path)


def freeze(path: Path | None, bundle_dir: Path) -> None:
    """Copy the answers into the evidence bundle (nothing to do without answers)."""
    if path is not None:
        bundle_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, bundle_dir / BUNDLED_NAME)


class Frozen:
    """The answers stored in a bundle, with their hash, or nothing."""

    def __init__(self, bundle_dir: Path) -> None:
        path = bundle_dir / BUNDLED_NAME
        self.present = path.is_file()
        self.assessment = load_self_assessment(path) if self.present else SelfAssessment()
        self.sha256 = sha256_of(path) if self.present else None

    def info(self) -> AssessmentInfo | None:
        if not self.present or self.sha256 is None:
            return None
        answers = self.assessment.answers.values()
        return AssessmentInfo(
            sha256=self.sha256,
            organisation=self.assessment.organisation,
            respondents=[Respondent(who=w, when=d) for w, d in self.assessment.respondents()],
            answered=sum(a.answer != "dont_know" for a in answers),
            dont_know=sum(a.answer == "dont_know" for a in answers),
        )

    def with_records(self, bundle: EvidenceBundle) -> EvidenceBundle:
        """The bundle with the answers as self-assessment records (unchanged without)."""
        if not self.present:
            return bundle
        return with_answers(bundle, self.assessment, set(load_questions().by_criterion()))
