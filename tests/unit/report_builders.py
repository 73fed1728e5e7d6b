"""Hand-built report results, for unit tests of rendering, SWOT, diff, JUnit and workshops."""

from __future__ import annotations

import struct
import zlib
from datetime import UTC, datetime

from botaudit.checklist.model import Text
from botaudit.evidence.model import BrowserInfo, TargetInfo, ToolInfo
from botaudit.report.model import AuditInfo, CriterionResult, Report, Thresholds, ValueResult
from botaudit.report.swot import build_errc, build_swot

XSS = "<script>alert(1)</script>"


def png_bytes() -> bytes:
    """A real 1x1 PNG, built here so the test needs no binary fixture."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def criterion(cid: str, outcome: str, severity: str = "major", **extra) -> CriterionResult:
    fields = {
        "id": cid,
        "value": cid.split(".")[0],
        "title": Text(fi=f"Otsikko {cid}", en=f"Title {cid}"),
        "recommendation": Text(fi=f"Suositus {cid}", en=f"Recommend {cid}"),
        "rationale": "why",
        "source": ["METKU L2.1"],
        "evidence_kind": "browser",
        "severity": severity,
        "weight": 1,
        "errc": "raise",
        "regulatory": False,
        "check": None,
        "outcome": outcome,
        "explanation": Text(fi=f"Selitys {cid}", en=f"Explanation of {cid}"),
    }
    return CriterionResult(**(fields | extra))


def make_report(language: str = "en", evidence: list[str] | None = None) -> Report:
    values = [
        ValueResult(
            id="privacy",
            number=14,
            name=Text(fi="Yksityisyys", en="Privacy"),
            definition=Text(fi="Suojaa käyttäjän tiedot.", en="Protects the user's data."),
            central=False,
            score=40,
            coverage=1.0,
            status="red",
            critical_failure=True,
        ),
        ValueResult(
            id="accountability",
            number=12,
            name=Text(fi="Vastuullisuus", en="Accountability"),
            definition=Text(fi="Rajoitukset kerrotaan.", en="Limits are acknowledged."),
            central=True,
            score=None,
            coverage=0.0,
            status="not_assessed",
        ),
        ValueResult(
            id="fairness",
            number=8,
            name=Text(fi="Oikeudenmukaisuus", en="Fairness"),
            definition=Text(fi="Ei suosintaa.", en="No favouritism."),
            central=False,
            score=100,
            coverage=0.5,
            status="green",
        ),
    ]
    criteria = [
        criterion(
            "privacy.storage",
            "fail",
            "critical",
            errc="eliminate",
            regulatory=True,
            source=["GDPR art. 32"],
            explanation=Text(
                fi=f"Keskustelu tallennettiin {XSS} |\nistuntomuistiin",
                en=f"Stored the chat {XSS} |\nin sessionStorage",
            ),
            quotes=["Henkilötunnus: ******-***X"],
            evidence=evidence if evidence is not None else ["privacy/storage"],
        ),
        criterion("privacy.notice", "pass", "major"),
        criterion("accountability.limits", "not_assessed"),
        criterion("fairness.channels", "partial", "minor", errc="create"),
    ]
    started = datetime(2025, 1, 2, 9, 0, tzinfo=UTC)
    return Report(
        tool=ToolInfo(version="0.1.0"),
        target=TargetInfo(url="https://bot.example.org/chat", language="fi"),
        audit=AuditInfo(
            name="Demo audit",
            started_at=started,
            finished_at=None,
            browser=BrowserInfo(version="131.0"),
            config_sha256="c" * 64,
            lexicon_sha256="d" * 64,
            checklist="metku-14",
        ),
        language=language,
        generated_at=started,
        thresholds=Thresholds(),
        values=values,
        criteria=criteria,
        swot=build_swot(values, criteria, language),
        errc=build_errc(criteria, language),
    )
