"""The whole pipeline as two calls: audit (gather then report) and re-report a bundle.

The CLI and the tests both use these, so what the tests prove is what users run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from botaudit.assessment.attach import Frozen, answers_path, check_answers, freeze
from botaudit.checklist.model import Checklist
from botaudit.checks.runner import judge
from botaudit.config import AuditConfig
from botaudit.conversation.gather import probe_into_bundle, trainers_page_for
from botaudit.conversation.probe import load_sets
from botaudit.errors import UsageError
from botaudit.evidence.bundle import find_bundle_dir, read_bundle, write_bundle
from botaudit.evidence.model import EvidenceBundle
from botaudit.gather.detect import with_widget
from botaudit.gather.progress import Progress, no_progress
from botaudit.gather.run import gather
from botaudit.gather.scenario import bundled_scenarios
from botaudit.gather.session import BrowserSession
from botaudit.lexicon import Lexicon, Matcher, load_lexicon
from botaudit.messages import Catalogue, Message, catalogue, msg
from botaudit.report.build import build_report
from botaudit.report.diff import compare, load_report
from botaudit.report.model import Report, ReportLanguage, Thresholds
from botaudit.report.pdf import Printer, write_pdf
from botaudit.report.render import write_report
from botaudit.report.transcripts.review import review_for_audit
from botaudit.types import JUDGED
from botaudit.validate import load_validated


@dataclass
class AuditOutcome:
    bundle: EvidenceBundle
    report: Report
    files: dict[str, Path]
    warnings: list[str] = field(default_factory=list)

    @property
    def fatal(self) -> str | None:
        """Why the audit counts as not run, in English for the CLI (the report: its language)."""
        if self.bundle.fatal_error:
            return self.bundle.fatal_error
        nothing = nothing_judged(self.bundle, self.report)
        return catalogue().render(nothing, "en") if nothing else None


def _add_pdf(outcome: AuditOutcome, out_dir: Path, printer: Printer | None) -> None:
    """Add report.pdf, printed beside report.html (by `printer` when the audit's browser is
    open); a failed print is a warning, never lost results."""
    config = outcome.bundle.config.content.get("browser") or {}
    try:
        if printer is not None:
            outcome.files["pdf"] = printer.result()
        else:
            executable = config.get("executable") if isinstance(config, dict) else None
            pdf = out_dir / "report.pdf"
            outcome.files["pdf"] = write_pdf(outcome.files["html"], pdf, executable)
    except Exception as exc:  # any browser failure: the HTML is still there
        outcome.warnings.append(f"The PDF could not be printed ({exc}); report.html is complete.")


def _report_language(language: str, chosen: str | None) -> ReportLanguage:
    if chosen:
        return chosen  # type: ignore[return-value]
    return language  # type: ignore[return-value]


def _render(
    bundle: EvidenceBundle,
    bundle_dir: Path,
    out_dir: Path,
    checklist: tuple[Checklist, Catalogue],
    lexicon: Lexicon,
    language: str | None,
    thresholds: Thresholds,
    previous: Report | None = None,
    printer: Printer | None = None,
) -> AuditOutcome:
    matcher = Matcher(lexicon.for_language(bundle.target.language))
    answers = Frozen(bundle_dir)  # the self-assessment frozen into the bundle, if any
    bundle = answers.with_records(bundle)
    judged = judge(bundle, checklist[0], matcher)
    report = build_report(
        bundle,
        checklist[0],
        judged,
        checklist[1],
        _report_language(bundle.target.language, language),
        thresholds,
        bundle_dir,
        out_dir,
        answers,
    )
    nothing = None if report.audit.fatal_error else nothing_judged(bundle, report)
    if nothing:
        report.audit.fatal_error = checklist[1].render(nothing, report.language)
    if previous is not None:
        report = report.model_copy(update={"comparison": compare(previous, report)})
    files = write_report(report, out_dir, bundle_dir, printer.start if printer else None)
    files.update(trainers_page_for(bundle, out_dir, report.language))
    outcome = AuditOutcome(bundle, report, files)
    _add_pdf(outcome, out_dir, printer)
    return outcome


def nothing_judged(bundle: EvidenceBundle, report: Report) -> Message | None:
    """Why no browser criterion could be judged in this audit, or None when one was.

    Such an audit must not exit 0: CI would go green on a bot that was never audited (answers
    or logs judged beside it do not make up for a browser that saw nothing).
    """
    if any(c.outcome in JUDGED and c.evidence_kind == "browser" for c in report.criteria):
        return None
    failed = next((s for s in bundle.scenarios if s.error), None)
    why = (
        msg("audit.scenario_failed", scenario=failed.id, error=failed.error)
        if failed
        else msg("audit.nothing_recorded")
    )
    return msg("audit.nothing_judged", why=why)


def run_audit(
    config: AuditConfig,
    out_dir: Path,
    config_path: str | None = None,
    checklist_path: Path | None = None,
    language: str | None = None,
    progress: Progress = no_progress,
    compare_to: Path | None = None,
) -> AuditOutcome:
    """Gather evidence into `out_dir/evidence` and write the report into `out_dir`."""
    # One browser for finding the widget, gathering and printing the PDF. It starts now, in
    # the background: the checks of the inputs below run while it launches, and any of them
    # that fails still stops the audit before a page is opened.
    with BrowserSession(config.browser, config.timing.navigation_timeout_s) as session:
        return _audit(
            config, out_dir, session, config_path, checklist_path, language, progress, compare_to
        )


def _audit(
    config: AuditConfig,
    out_dir: Path,
    session: BrowserSession,
    config_path: str | None,
    checklist_path: Path | None,
    language: str | None,
    progress: Progress,
    compare_to: Path | None,
) -> AuditOutcome:
    checklist = load_validated(checklist_path)
    previous = load_report(compare_to) if compare_to else None
    scenarios = bundled_scenarios()
    chosen = config.scenarios or list(scenarios)
    unknown = [s for s in chosen if s not in scenarios]
    if unknown:
        raise UsageError(
            f"The config's scenarios list names {', '.join(unknown)}, which do not exist; "
            f"known: {', '.join(scenarios)}."
        )
    answers = answers_path(config.self_assessment, config_path)
    check_answers(answers)
    lexicon, lexicon_sha = load_lexicon()
    base = Path(config_path).parent if config_path else None
    if config.conversation is not None:  # a broken question set stops us before any page
        load_sets(config.conversation, base)
    bundle_dir = out_dir / "evidence"
    records = []
    if config.transcripts and config.transcripts.files:  # read before any page: fail early
        logs_base = base or Path.cwd()
        records.append(review_for_audit(config.transcripts, logs_base, out_dir / "transcripts"))
    # The PDF's page opens now, beside the gathering: an idle page costs next to nothing,
    # and it is ready when report.html is, instead of opening on the way to the PDF.
    printer = Printer(session)
    config = with_widget(config, session)  # no widget section: found on the page
    bundle = gather(
        config,
        [scenarios[s] for s in chosen],
        lexicon,
        lexicon_sha,
        bundle_dir,
        config_path,
        progress,
        session,
    )
    if records:
        bundle.records.extend(records)
        write_bundle(bundle, bundle_dir)
    freeze(answers, bundle_dir)
    if config.conversation is not None:
        try:
            probe_into_bundle(
                config,
                bundle,
                base,
                lambda done, total: progress("conversation", "", done, total),
            )
        finally:
            write_bundle(bundle, bundle_dir)
    return _render(
        bundle,
        bundle_dir,
        out_dir,
        checklist,
        lexicon,
        language or config.report_language,
        config.thresholds,
        previous,
        printer,
    )


def rerun_report(
    bundle_path: Path,
    out_dir: Path,
    checklist_path: Path | None = None,
    language: str | None = None,
    compare_to: Path | None = None,
) -> AuditOutcome:
    """Re-judge and re-render a saved bundle: no browser, no network."""
    previous = load_report(compare_to) if compare_to else None
    bundle_dir = find_bundle_dir(bundle_path)
    bundle = read_bundle(bundle_dir)
    config_data = bundle.config.content
    thresholds = Thresholds.model_validate(config_data.get("thresholds") or {})
    language = language or config_data.get("report_language")
    lexicon, lexicon_sha = load_lexicon()
    outcome = _render(
        bundle,
        bundle_dir,
        out_dir,
        load_validated(checklist_path),
        lexicon,
        language,
        thresholds,
        previous,
    )
    if bundle.lexicon_sha256 and bundle.lexicon_sha256 != lexicon_sha:
        outcome.warnings.append(
            "The phrase lists (lexicon.yaml) changed since this bundle was gathered: verdicts "
            "that depend on wording may differ from the original report."
        )
    return outcome
