"""Who answered the self-assessment and when: what the report's provenance shows.

It lives with the assessment (not the report) so that the assessment package never imports
the report, which renders it.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class Respondent(BaseModel):
    who: str
    when: date | None = None


class AssessmentInfo(BaseModel):
    """Who answered the self-assessment and when, and the hash of the answers used."""

    sha256: str
    organisation: str = ""
    respondents: list[Respondent] = Field(default_factory=list)
    answered: int = 0
    dont_know: int = 0
