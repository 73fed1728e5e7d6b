"""JUnit XML for CI systems: one test case per criterion, one suite per value.

CI dashboards (GitLab, Jenkins, GitHub actions' test reporters) read JUnit; mapping each
criterion to a test case lets a service developer see which criterion a release broke.
pass → passed; partial and fail → failure; inconclusive → error (the evidence was missing);
not assessed and not applicable → skipped.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

from botaudit.report.model import Report

STATE = {
    "partial": ("failure", "failures"),
    "fail": ("failure", "failures"),
    "inconclusive": ("error", "errors"),
    "not_assessed": ("skipped", "skipped"),
    "not_applicable": ("skipped", "skipped"),
}


def add_case(
    suite: ET.Element, classname: str, name: str, outcome: str, message: str, text: str
) -> None:
    """One test case in the state its outcome maps to (pass: no child)."""
    case = ET.SubElement(suite, "testcase", classname=classname, name=name)
    if outcome not in STATE:
        return
    tag = STATE[outcome][0]
    if tag == "skipped":
        ET.SubElement(case, tag, message=text)
        return
    kind = "inconclusive" if outcome == "inconclusive" else outcome
    ET.SubElement(case, tag, message=message, type=kind).text = text


def add_criteria(suite: ET.Element, report: Report, criteria: list, classname: str) -> None:
    """A test case per criterion: `<outcome>: <title>`, the explanation in the report's language."""
    for criterion in criteria:
        title = criterion.title.get(report.language)
        explanation = criterion.explanation.get(report.language)
        message = f"{criterion.outcome}: {title}"
        add_case(suite, classname, criterion.id, criterion.outcome, message, explanation)


def count(suite: ET.Element) -> None:
    """Set the suite's tests / failures / errors / skipped from its cases."""
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    for tag, key in {"failure": "failures", "error": "errors", "skipped": "skipped"}.items():
        suite.set(key, str(sum(1 for case in cases if case.find(tag) is not None)))


def to_text(root: ET.Element) -> str:
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def junit_xml(report: Report) -> str:
    suites = ET.Element("testsuites", name=f"botaudit {report.audit.name}")
    by_value: dict[str, list] = {}
    for criterion in report.criteria:
        by_value.setdefault(criterion.value, []).append(criterion)
    for value in report.values:
        suite = ET.SubElement(suites, "testsuite", name=value.id)
        add_criteria(suite, report, by_value.get(value.id, []), f"botaudit.{value.id}")
        count(suite)
    return to_text(suites)


def write_junit(report: Report, path: Path) -> Path:
    return write_text(junit_xml(report), path)


def write_text(xml: str, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(xml, encoding="utf-8")
    return path
