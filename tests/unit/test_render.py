"""Rendering: the formats carry the content, escape untrusted text and embed only safe files."""

from __future__ import annotations

import base64
import json
import re
from itertools import pairwise
from pathlib import Path

import pytest
from report_builders import XSS, make_report, png_bytes

from botaudit.report.model import Report
from botaudit.report.render import labels, render_html, render_markdown, write_report


@pytest.fixture()
def bundle(tmp_path: Path) -> Path:
    root = tmp_path / "bundle"
    (root / "shots").mkdir(parents=True)
    (root / "shots" / "storage.png").write_bytes(png_bytes())
    (root / "shots" / "fake.png").write_bytes(b"not an image")
    (tmp_path / "outside.png").write_bytes(png_bytes())
    return root


def test_html_has_traffic_lights_in_text_and_the_meta(bundle: Path) -> None:
    html = render_html(make_report("en"), bundle)
    assert '<html lang="en">' in html
    assert "Demo audit" in html and "https://bot.example.org/chat" in html
    assert "0.1.0" in html and "131.0" in html and "c" * 64 in html and "metku-14" in html
    for status in ("Red", "Not assessed", "Green"):
        assert f'<span class="dot" aria-hidden="true"></span>{status}</span>' in html
    assert "central value" in html
    assert "<td>–</td>" in html and "<td>50 %</td>" in html  # no score; coverage
    assert '<th scope="col">' in html and '<th scope="row">' in html


@pytest.mark.parametrize(
    ("language", "headings"),
    [
        ("en", ["Strengths", "Weaknesses", "Opportunities", "Threats", "Eliminate", "Create"]),
        ("fi", ["Vahvuudet", "Heikkoudet", "Mahdollisuudet", "Uhat", "Poista", "Luo"]),
    ],
)
def test_swot_and_errc_headings_follow_the_report_language(
    language: str, headings: list[str]
) -> None:
    report = make_report(language)
    html = render_html(report, None)
    markdown = render_markdown(report)
    assert f'<html lang="{language}">' in html
    for heading in headings:
        assert f"<h3>{heading}</h3>" in html
        assert heading in markdown
    assert report.swot.threats[0].text in html  # content, not only the frame
    values_heading = {"en": "Values and criteria", "fi": "Arvot ja kriteerit"}[language]
    assert f">{values_heading}</h2>" in html and f"## {values_heading}" in markdown
    for text in (html, markdown):  # a label name that shadows a dict method, e.g. t.values
        assert "built-in method" not in text


def test_html_headings_do_not_skip_levels() -> None:
    levels = [int(n) for n in re.findall(r"<h([1-6])[ >]", render_html(make_report(), None))]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in pairwise(levels))


def test_untrusted_text_is_escaped_in_html_and_markdown() -> None:
    report = make_report()
    html = render_html(report, None)
    assert XSS not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html and "<link" not in html and 'src="http' not in html
    markdown = render_markdown(report)
    assert XSS not in markdown
    assert r"\<script\>alert(1)\</script\>" in markdown


def test_markdown_table_is_not_broken_by_a_pipe_in_the_text() -> None:
    markdown = render_markdown(make_report())
    header = next(line for line in markdown.splitlines() if line.startswith("| Outcome |"))
    row = next(line for line in markdown.splitlines() if line.startswith("| **Fail** |"))
    cells = re.split(r"(?<!\\)\|", header)
    assert len(re.split(r"(?<!\\)\|", row)) == len(cells) == 10
    assert "GDPR art. 32" in row and "`privacy/storage`" in row
    assert "🔴 Red" in markdown and "⚪ Not assessed" in markdown


def test_png_inside_the_bundle_is_embedded(bundle: Path) -> None:
    report = make_report(evidence=["privacy/storage", "shots/storage.png"])
    html = render_html(report, bundle)
    expected = base64.b64encode(png_bytes()).decode("ascii")
    assert f'src="data:image/png;base64,{expected}"' in html
    assert html.count("data:image/png") == 1
    assert "data:image" not in render_markdown(report)
    assert "`shots/storage.png`" in render_markdown(report)


def test_files_outside_the_bundle_or_not_png_are_not_embedded(bundle: Path) -> None:
    outside = str(bundle.parent / "outside.png")
    evidence = ["../../etc/passwd.png", "../outside.png", outside, "shots/fake.png", "shots/x.png"]
    html = render_html(make_report(evidence=evidence), bundle)
    assert "data:image" not in html
    assert "../../etc/passwd.png" in html  # still listed as a reference, just not read
    assert "data:image" not in render_html(make_report(evidence=["shots/storage.png"]), None)


def test_write_report_writes_three_files(tmp_path: Path, bundle: Path) -> None:
    report = make_report("fi", evidence=["shots/storage.png"])
    paths = write_report(report, tmp_path / "out", bundle)
    assert set(paths) == {"json", "md", "html"}
    assert all(path.is_file() and path.parent == tmp_path / "out" for path in paths.values())
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert "raise" in data["errc"] and "raise_" not in data["errc"]
    assert Report.model_validate(data) == report
    assert "Vahvuudet" in paths["md"].read_text(encoding="utf-8")
    assert "data:image/png;base64," in paths["html"].read_text(encoding="utf-8")


def test_no_label_key_shadows_a_dict_attribute() -> None:
    """Jinja reads `t.values` as dict.values, so such a key would print a method repr."""
    assert not set(labels("en")) & set(dir(dict))
    assert set(labels("fi")) == set(labels("en"))


@pytest.mark.parametrize(("language", "other"), [("fi", "en"), ("en", "fi")])
def test_explanations_follow_the_report_language(language: str, other: str) -> None:
    report = make_report(language)
    notice = next(c for c in report.criteria if c.id == "privacy.notice").explanation
    shown, hidden = notice.get(language), notice.get(other)
    assert (
        shown == {"fi": "Selitys privacy.notice", "en": "Explanation of privacy.notice"}[language]
    )
    for text in (render_html(report, None), render_markdown(report)):
        assert shown in text and hidden not in text
    data = json.loads(report.model_dump_json())
    explanation = next(c for c in data["criteria"] if c["id"] == "privacy.notice")["explanation"]
    assert explanation["fi"] == notice.fi and explanation["en"] == notice.en


def test_print_footer_carries_the_audit_name_safely_as_css() -> None:
    """The PDF footer is `@page` CSS inside <style>, where HTML escaping does not apply: a
    quote, a backslash or `</style>` in the audit's name must stay text."""
    report = make_report("fi")
    report.audit.name = 'Oulu "x" \\ </style><script>alert(1)</script>'
    html = render_html(report, None)
    style = html[html.index("<style>") : html.index("</style>") + len("</style>")]
    assert "<script>" not in style and style.count("</style>") == 1
    footer = re.search(r"@bottom-left \{ content: (\"[^\"]*\");", style)
    assert footer is not None
    decoded = re.sub(r"\\([0-9a-f]+) ", lambda m: chr(int(m.group(1), 16)), footer.group(1)[1:-1])
    assert decoded.startswith(report.audit.name + " — ")
    assert 'content: "Sivu" " " counter(page) " / " counter(pages)' in style
