"""JUnit XML maps each criterion's outcome to a test-case state CI tools understand."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest
from report_builders import make_report

from botaudit.report.junit import junit_xml


def test_junit_states_per_outcome() -> None:
    report = make_report()
    root = ET.fromstring(junit_xml(report))
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert set(cases) == {c.id for c in report.criteria if c.value in {v.id for v in report.values}}
    outcomes = {c.id: c.outcome for c in report.criteria}
    for name, case in cases.items():
        children = [child.tag for child in case]
        expected = {
            "pass": [],
            "partial": ["failure"],
            "fail": ["failure"],
            "inconclusive": ["error"],
            "not_assessed": ["skipped"],
            "not_applicable": ["skipped"],
        }[outcomes[name]]
        assert children == expected, name


def test_suite_counts_match_cases() -> None:
    root = ET.fromstring(junit_xml(make_report()))
    for suite in root.iter("testsuite"):
        cases = list(suite.iter("testcase"))
        assert int(suite.get("tests", "-1")) == len(cases)
        failures = sum(1 for c in cases if c.find("failure") is not None)
        assert int(suite.get("failures", "-1")) == failures


@pytest.mark.parametrize(
    ("language", "skipped_text"),
    [("fi", "Selitys accountability.limits"), ("en", "Explanation of accountability.limits")],
)
def test_junit_explains_in_the_report_language(language: str, skipped_text: str) -> None:
    report = make_report(language)
    root = ET.fromstring(junit_xml(report))
    failed = next(c for c in report.criteria if c.outcome in ("partial", "fail"))
    assert next(root.iter("failure")).text == failed.explanation.get(language)
    assert next(root.iter("skipped")).get("message") == skipped_text
