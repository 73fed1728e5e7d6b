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


def junit_xml(report: Report) -> str:
    suites = ET.Element("testsuites", name=f"botaudit {report.audit.name}")
    by_value: dict[str, list] = {}
    for criterion in report.criteria:
        by_value.setdefault(criterion.value, []).append(criterion)
    for value in report.values:
        criteria = by_value.get(value.id, [])
        counts = {"failures": 0, "errors": 0, "skipped": 0}
        suite = ET.SubElement(suites, "testsuite", name=value.id)
        for criterion in criteria:
            case = ET.SubElement(
                suite, "testcase", classname=f"botaudit.{value.id}", name=criterion.id
            )
            title = criterion.title.get(report.language)
            explanation = criterion.explanation.get(report.language)
            message = f"{criterion.outcome}: {title}"
            if criterion.outcome in ("partial", "fail"):
                counts["failures"] += 1
                failure = ET.SubElement(case, "failure", message=message, type=criterion.outcome)
                failure.text = explanation
            elif criterion.outcome == "inconclusive":
                counts["errors"] += 1
                error = ET.SubElement(case, "error", message=message, type="inconclusive")
                error.text = explanation
            elif criterion.outcome in ("not_assessed", "not_applicable"):
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", message=explanation)
        suite.set("tests", str(len(criteria)))
        for key, count in counts.items():
            suite.set(key, str(count))
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def write_junit(report: Report, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(junit_xml(report), encoding="utf-8")
    return path
