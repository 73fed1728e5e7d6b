"""JUnit XML for a multi-target audit: one test suite per deployment, one for consistency.

A CI dashboard then shows which deployment a release broke. The cases are the single
audit's (`botaudit.report.junit`: partial and fail are failures, inconclusive an error, not
assessed skipped), with the deployment in the class name; a deployment that could not run
is one erroring case, and each consistency row is a case of its own suite.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

from botaudit.fleet.model import FleetReport, TargetResult
from botaudit.messages import message
from botaudit.report.junit import add_case, add_criteria, count, to_text, write_text


def fleet_junit_xml(report: FleetReport, results: list[TargetResult]) -> str:
    suites = ET.Element("testsuites", name=f"botaudit {report.name}")
    summaries = {t.name: t for t in report.targets}
    for r in results:
        suite = ET.SubElement(suites, "testsuite", name=r.name)
        if r.outcome is not None:
            audited = r.outcome.report
            classname = f"botaudit.{r.name}"
            add_criteria(suite, audited, audited.criteria, classname)
        if r.error:  # could not start, or nothing judged: the audit itself is the error
            why = summaries[r.name].error or r.error
            text = message("fleet.state.could_not_run", report.language, error=why)
            add_case(suite, f"botaudit.{r.name}", "audit", "inconclusive", text, text)
        count(suite)
    suite = ET.SubElement(suites, "testsuite", name="consistency")
    for row in report.consistency:
        title = message(f"fleet.rows.{row.id.removeprefix('consistency.')}", report.language)
        message_ = f"{row.outcome}: {title}"
        add_case(suite, "botaudit.consistency", row.id, row.outcome, message_, row.explanation)
    count(suite)
    return to_text(suites)


def write_fleet_junit(report: FleetReport, results: list[TargetResult], path: Path) -> Path:
    return write_text(fleet_junit_xml(report, results), path)
