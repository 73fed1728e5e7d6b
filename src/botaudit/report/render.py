"""Render the result model to report.json, report.md and a self-contained report.html.

All three formats come from the one `Report` model, so they cannot disagree. The HTML is
one file with inline CSS and screenshots embedded as data: URIs, so an ethics lead can mail
it or archive it and it still shows everything years later, offline.

Safety: the model's texts are masked upstream, but quotes and explanations still carry
text the audited chatbot wrote, so they are untrusted. HTML uses Jinja2 autoescaping;
Markdown output is escaped by `_md_finalize` on every `{{ }}` expression (the Markdown
analogue of autoescape). Screenshots are read only from inside the bundle folder.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from botaudit.report.labels import TEMPLATES, labels
from botaudit.report.model import CriterionResult, Report
from botaudit.report.page import extra_context

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_IMAGE_BYTES = 8 * 1024 * 1024  # a full-page screenshot is a few MB; more is an error


_MD_SPECIAL = frozenset("\\`*_[]<>|~&#!")


def _md_escape(text: str) -> str:
    """Backslash-escape Markdown syntax and keep a value on one table line.

    Any ASCII punctuation may be backslash-escaped in CommonMark, so escaping `<`, `[`,
    `|` etc. shows them literally: a chatbot quote can neither inject HTML, nor a link,
    nor break the table.
    """
    escaped = "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in text)
    return "<br>".join(part.strip() for part in escaped.replace("\r", "").split("\n"))


def _md_finalize(value: Any) -> Any:
    """Escape every string printed by the Markdown template unless marked safe (Markup)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _md_escape(value)
    return value


def _md_code(text: str) -> Markup:
    """A code span for ids and paths; pipes stay escaped because GFM tables need it."""
    body = " ".join(str(text).split()).replace("|", "\\|")
    fence = "``" if "`" in body else "`"
    pad = " " if fence == "``" else ""
    return Markup(f"{fence}{pad}{body}{pad}{fence}")


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def _percent(share: float) -> str:
    return f"{share * 100:.0f} %"


def _when(moment: datetime | None) -> str:
    return "–" if moment is None else moment.isoformat(timespec="seconds")


def css_string(text: object) -> Markup:
    """`text` as a CSS string literal, for the print footer in the report's `<style>`.

    Everything but letters, digits, space and a few marks is written as a CSS escape: the
    audit's name and URL come from a config, and a quote, a backslash or `</style>` in them
    must neither end the string nor the style element (HTML escaping does not work there).
    """
    safe = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:/_-")
    body = "".join(c if c in safe else f"\\{ord(c):x} " for c in str(text))
    return Markup(f'"{body}"')


def _filters(env: Environment) -> Environment:
    env.filters.update(
        score=_score, percent=_percent, when=_when, code=_md_code, css_string=css_string
    )
    return env


def template_environment(templates: Path, markdown: bool) -> Environment:
    """HTML: autoescape on. Markdown: autoescape off (it is not HTML) but `_md_finalize`
    escapes every value, and `code` quotes one. Shared by every report that renders
    untrusted text (the single report, the multi-target one), so the escaping is one."""
    loader = FileSystemLoader(templates)
    if not markdown:
        return Environment(loader=loader, autoescape=True, undefined=StrictUndefined)
    env = Environment(
        loader=loader,
        autoescape=False,
        undefined=StrictUndefined,
        finalize=_md_finalize,
        keep_trailing_newline=True,
    )
    env.filters["code"] = _md_code
    return env


@lru_cache(maxsize=2)
def _environment(markdown: bool) -> Environment:
    env = template_environment(TEMPLATES, markdown)
    if markdown:
        env.globals["br"] = Markup("<br>")
    return _filters(env)


def _screenshot_uri(bundle_root: Path, reference: str) -> str | None:
    """A data: URI for a PNG inside the bundle, or None.

    The reference comes from evidence, which a tampered bundle could fill with
    `../../etc/passwd.png` or an absolute path; resolving (which also follows symlinks) and
    requiring the result to stay inside the bundle keeps any other file out of the report.
    The PNG signature check keeps a renamed non-image file out too.
    """
    if not reference.lower().endswith(".png"):
        return None
    try:
        candidate = (bundle_root / reference).resolve()
        if not candidate.is_relative_to(bundle_root) or not candidate.is_file():
            return None
        if candidate.stat().st_size > MAX_IMAGE_BYTES:
            return None
        data = candidate.read_bytes()
    except (OSError, ValueError):
        return None
    if not data.startswith(PNG_SIGNATURE):
        return None
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def embed_screenshots(
    criteria: list[CriterionResult], bundle_dir: Path | None
) -> dict[str, list[dict[str, str]]]:
    """Per criterion id, the screenshots that could be embedded: `{"path", "uri"}` each."""
    if bundle_dir is None:
        return {}
    root = bundle_dir.resolve()
    cache: dict[str, str | None] = {}
    shots: dict[str, list[dict[str, str]]] = {}
    for criterion in criteria:
        for reference in dict.fromkeys(criterion.evidence):
            if reference not in cache:
                cache[reference] = _screenshot_uri(root, reference)
            uri = cache[reference]
            if uri is not None:
                shots.setdefault(criterion.id, []).append({"path": reference, "uri": uri})
    return shots


def _context(
    report: Report, shots: dict[str, list[dict[str, str]]], html: bool = False
) -> dict[str, Any]:
    """What both templates see: the model plus the groupings they should not compute."""
    texts = labels(report.language)
    by_value: dict[str, list[CriterionResult]] = {}
    for criterion in report.criteria:
        by_value.setdefault(criterion.value, []).append(criterion)
    fmt = "{:g}"
    legend = texts["legend"].format(
        green=fmt.format(report.thresholds.green), yellow=fmt.format(report.thresholds.yellow)
    )
    swot = report.swot
    errc = report.errc
    return {
        **extra_context(report, texts, html=html),
        "report": report,
        "lang": report.language,
        "t": texts,
        "legend": legend,
        "sections": [(value, by_value.get(value.id, [])) for value in report.values],
        "shots": shots,
        "swot_rows": [
            ("present", [("strengths", swot.strengths), ("weaknesses", swot.weaknesses)]),
            ("future", [("opportunities", swot.opportunities), ("threats", swot.threats)]),
        ],
        "errc_cells": [
            ("eliminate", errc.eliminate),
            ("raise", errc.raise_),
            ("reduce", errc.reduce),
            ("create", errc.create),
        ],
    }


def render_html(report: Report, bundle_dir: Path | None) -> str:
    """The self-contained HTML report; screenshots are embedded from `bundle_dir`."""
    shots = embed_screenshots(report.criteria, bundle_dir)
    template = _environment(markdown=False).get_template("report.html.j2")
    return template.render(_context(report, shots, html=True))


def render_markdown(report: Report) -> str:
    """The Markdown report (GitHub-flavoured tables); evidence is listed, not embedded."""
    template = _environment(markdown=True).get_template("report.md.j2")
    return template.render(_context(report, {}))


def write_report(
    report: Report,
    out_dir: Path,
    bundle_dir: Path | None,
    html_written: Callable[[Path], None] | None = None,
) -> dict[str, Path]:
    """Write report.html, report.json and report.md into `out_dir`; return their paths.

    The HTML comes first and `html_written` is told of it, so that the PDF can be printed
    from it while the others are written.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {
        "json": out_dir / "report.json",
        "md": out_dir / "report.md",
        "html": out_dir / "report.html",
    }
    paths["html"].write_text(render_html(report, bundle_dir), encoding="utf-8")
    if html_written is not None:
        html_written(paths["html"])
    paths["json"].write_text(report.model_dump_json(indent=2, by_alias=True), encoding="utf-8")
    paths["md"].write_text(render_markdown(report), encoding="utf-8")
    return paths
