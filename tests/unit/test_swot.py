"""The SWOT and ERRC rules, one test per rule, on hand-built results."""

from __future__ import annotations

import random

from botaudit.assessment.model import LeadSwot, SwotEntry
from botaudit.checklist.model import Text
from botaudit.report.model import CriterionResult, ValueResult
from botaudit.report.swot import add_organisation_items, build_errc, build_swot


def crit(
    cid: str,
    outcome: str,
    severity: str = "major",
    *,
    errc: str = "raise",
    regulatory: bool = False,
    source: tuple[str, ...] = ("METKU L2.1",),
    recommendation: str | None = None,
) -> CriterionResult:
    """A criterion result whose texts are derived from its id, so assertions stay short."""
    rec = recommendation or f"Fix {cid}"
    return CriterionResult(
        id=cid,
        value=cid.split(".")[0],
        title=Text(fi=f"Otsikko {cid}", en=f"Title {cid}"),
        recommendation=Text(fi=f"Korjaa {rec}", en=rec),
        rationale="why",
        source=list(source),
        evidence_kind="browser",
        severity=severity,
        weight=1,
        errc=errc,
        regulatory=regulatory,
        check=None,
        outcome=outcome,
        explanation=Text(fi="selitetty", en="explained"),
    )


def val(vid: str, number: int, status: str, coverage: float, name: str = "") -> ValueResult:
    return ValueResult(
        id=vid,
        number=number,
        name=Text(fi=f"Arvo {name or vid}", en=name or vid.capitalize()),
        definition=Text(fi="määritelmä", en="definition"),
        central=False,
        score=None if status == "not_assessed" else 90,
        coverage=coverage,
        status=status,
    )


def texts(items) -> list[str]:
    return [item.text for item in items]


def test_strengths_are_passed_major_or_critical_criteria() -> None:
    criteria = [
        crit("privacy.b", "pass", "major"),
        crit("privacy.a", "pass", "critical"),
        crit("privacy.c", "pass", "minor"),
        crit("privacy.d", "fail", "critical"),
    ]
    swot = build_swot([], criteria, "en")
    assert texts(swot.strengths) == ["Title privacy.a", "Title privacy.b"]
    assert swot.strengths[0].criteria == ["privacy.a"]


def test_strengths_include_green_values_with_enough_coverage() -> None:
    values = [
        val("privacy", 14, "green", 0.75),
        val("fairness", 8, "insufficient", 0.4),  # too little judged for a light
        val("efficiency", 10, "yellow", 1.0),
    ]
    criteria = [crit("privacy.a", "pass", "minor"), crit("privacy.b", "inconclusive")]
    swot = build_swot(values, criteria, "en")
    assert texts(swot.strengths) == ["Privacy: green, 75 % of weight judged"]
    assert swot.strengths[0].criteria == ["privacy.a"]  # only judged criteria back it
    fi = build_swot(values, criteria, "fi")
    assert texts(fi.strengths) == ["Arvo privacy: vihreä, 75 % painosta arvioitu"]


def test_weaknesses_are_failures_and_partial_critical_criteria() -> None:
    criteria = [
        crit("fairness.a", "fail", "minor"),
        crit("fairness.b", "partial", "critical"),
        crit("fairness.c", "partial", "major"),
        crit("fairness.d", "inconclusive", "critical"),
    ]
    swot = build_swot([], criteria, "en")
    assert texts(swot.weaknesses) == [
        "Only partly met: Title fairness.b",
        "Not met: Title fairness.a",
    ]
    assert texts(build_swot([], criteria, "fi").weaknesses)[0] == (
        "Täyttyy vain osittain: Otsikko fairness.b"
    )


def test_regulatory_risk_cites_the_law_not_the_study() -> None:
    c = crit("privacy.x", "fail", "major", regulatory=True,
             source=["METKU 2022, Lisäselvitys 2", "GDPR Art. 25"])  # fmt: skip
    (threat,) = build_swot([], [c], "en").threats
    assert threat.text.endswith("(GDPR Art. 25)")


def test_weaknesses_name_the_values_that_could_not_be_judged() -> None:
    values = [
        val("legitimacy", 5, "not_assessed", 0.0),
        val("adaptability", 7, "insufficient", 0.3),
        val("privacy", 14, "green", 0.9),
    ]
    criteria = [
        crit("adaptability.a", "inconclusive"),
        crit("adaptability.b", "pass"),
        crit("legitimacy.a", "not_assessed", "critical"),
    ]
    gap = build_swot(values, criteria, "en").weaknesses[-1]
    assert gap.text.startswith("2 of 3 values could not be judged")
    assert gap.text.endswith(": Legitimacy, Adaptability")
    assert gap.criteria == []  # the value names say it; dozens of ids would bury the quadrant
    assert build_swot(values, criteria, "fi").weaknesses[-1].text.startswith("2/3 arvoa")
    covered = build_swot([val("privacy", 14, "green", 0.9)], [], "en")
    assert covered.weaknesses == []


def test_opportunities_build_on_what_exists_not_fixes_for_failures() -> None:
    criteria = [
        crit("privacy.z", "fail", "minor"),
        crit("privacy.y", "partial", "critical"),
        crit("privacy.x", "pass", "critical"),
        crit("transparency.m", "partial", "major"),
    ]
    values = [val("privacy", 14, "yellow", 0.9), val("transparency", 2, "red", 1)]
    values[0].score = 62.4
    swot = build_swot(values, criteria, "en")
    assert texts(swot.opportunities) == [
        "Build on what exists: Title privacy.y",
        "Build on what exists: Title transparency.m",
        "Privacy: yellow (62), partly in place to build on",
    ]
    assert swot.opportunities[2].criteria == ["privacy.x", "privacy.y", "privacy.z"]
    fi = texts(build_swot([], criteria, "fi").opportunities)
    assert fi[0] == "Rakenna olemassa olevan varaan: Otsikko privacy.y"


def test_organisation_items_join_their_quadrant() -> None:
    lead = LeadSwot(
        opportunities=[SwotEntry(text="Staff eager to learn")],
        threats=[SwotEntry(text="Trainer continuity", value="efficiency")],
    )
    swot = add_organisation_items(build_swot([], [crit("privacy.p", "partial")], "en"), lead)
    assert texts(swot.opportunities) == [
        "Build on what exists: Title privacy.p",
        "Staff eager to learn",
    ]
    assert swot.opportunities[0].origin == "audit"
    assert swot.threats[0].origin == "organisation"
    assert swot.threats[0].values == ["efficiency"]


def test_threats_flag_regulatory_and_trust_risks() -> None:
    criteria = [
        crit("privacy.reg", "partial", "minor", regulatory=True, source=("GDPR art. 5", "x")),
        crit("privacy.ok", "pass", "critical", regulatory=True),
        crit("privacy.trust", "fail", "critical"),
        crit("privacy.minor", "fail", "major"),
        crit("efficiency.crit", "fail", "critical"),
        crit("accountability.both", "fail", "critical", regulatory=True, source=("AI Act 50",)),
    ]
    threats = build_swot([], criteria, "en").threats
    assert texts(threats) == [
        "Regulatory risk, not fully met: Title accountability.both (AI Act 50)",
        "Trust risk, not met: Title accountability.both",
        "Trust risk, not met: Title privacy.trust",
        "Regulatory risk, not fully met: Title privacy.reg (GDPR art. 5)",
    ]
    assert [item.criteria for item in threats] == [
        ["accountability.both"],
        ["accountability.both"],
        ["privacy.trust"],
        ["privacy.reg"],
    ]
    fi = texts(build_swot([], criteria, "fi").threats)
    assert fi[0] == "Sääntelyriski, ei täyty kokonaan: Otsikko accountability.both (AI Act 50)"
    assert fi[1] == "Luottamusriski, ei täyty: Otsikko accountability.both"


def test_rules_do_not_depend_on_input_order() -> None:
    values = [val("privacy", 14, "green", 0.8), val("legitimacy", 5, "not_assessed", 0)]
    criteria = [
        crit(f"privacy.c{i}", outcome, severity, regulatory=i % 2 == 0)
        for i, (outcome, severity) in enumerate(
            [("pass", "critical"), ("fail", "minor"), ("partial", "critical"), ("fail", "major")]
        )
    ]
    expected = build_swot(values, criteria, "en")
    shuffled = criteria[:]
    random.Random(7).shuffle(shuffled)
    assert build_swot(values[::-1], shuffled, "en") == expected


def test_errc_places_recommendations_by_action() -> None:
    criteria = [
        crit("privacy.e", "fail", errc="eliminate"),
        crit("privacy.r", "partial", errc="reduce"),
        crit("privacy.up", "fail", "minor", errc="raise"),
        crit("privacy.up2", "fail", "critical", errc="raise"),
        crit("privacy.c", "partial", errc="create"),
        crit("privacy.passed", "pass", errc="create"),
        crit("privacy.strong", "pass", errc="raise"),
        crit("privacy.unknown", "inconclusive", errc="eliminate"),
    ]
    errc = build_errc(criteria, "en")
    assert texts(errc.eliminate) == ["Fix privacy.e"]
    assert texts(errc.reduce) == ["Fix privacy.r"]
    # raise holds strengths too: what already works, to strengthen further
    assert texts(errc.raise_) == [
        "Fix privacy.up2",
        "Strengthen further: Title privacy.strong",
        "Fix privacy.up",
    ]
    assert texts(errc.create) == ["Fix privacy.c"]
    assert errc.create[0].criteria == ["privacy.c"]
    assert '"raise"' in errc.model_dump_json(by_alias=True)
    assert texts(build_errc(criteria, "fi").eliminate) == ["Korjaa Fix privacy.e"]
