"""The cross-validation ties checklist -> check -> scenario step -> model, and names the
criterion and the file when a link breaks (never a silent inconclusive)."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from botaudit.checklist.load import default_checklist_path
from botaudit.resources import data_dir
from botaudit.validate import validate_checklist


def _checklist(tmp_path: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(default_checklist_path().read_text(encoding="utf-8"))
    criteria = {c["id"]: c for v in data["values"] for c in v["criteria"]}
    edit(criteria)
    path = tmp_path / "checklist.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_bundled_checklist_links_are_whole() -> None:
    checklist, problems = validate_checklist(default_checklist_path())
    assert problems == [] and checklist is not None


def test_renamed_step_alias_names_the_criteria_and_the_file(tmp_path: Path) -> None:
    scenarios = tmp_path / "scenarios"
    shutil.copytree(data_dir("scenarios"), scenarios)
    path = scenarios / "bot-identity.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("as: before_typing", "as: before_input"),
        encoding="utf-8",
    )
    _, problems = validate_checklist(default_checklist_path(), {"browser": scenarios})
    broken = {p.path.split("(")[-1].split(")")[0] for p in problems}
    assert broken == {
        "transparency.bot-identity-disclosed",
        "accountability.limits-stated",
        "professionalism.concise-greeting",
        "fairness.other-channels-named",
        "transparency.unambiguous-self-description",
        "legitimacy.privacy-notice-linked",
        "legitimacy.accessibility-statement",
        "social-licence.public-status-page",
        "accountability.organisation-responsibility-stated",
    }
    assert all("before_typing" in p.message and str(path) in p.message for p in problems)


def test_generic_check_parameters_are_checked(tmp_path: Path) -> None:
    def edit(criteria: dict) -> None:  # type: ignore[type-arg]
        limits = criteria["accountability.limits-stated"]["params"]
        limits["field"] = "visible_txt"
        limits["messages"]["pass"] = "greeting.limits.no_such_key"
        criteria["privacy.notice-before-input"]["params"]["category"] = "no_such_category"
        criteria["professionalism.concise-greeting"]["params"]["model"] = "Exchange"

    _, problems = validate_checklist(_checklist(tmp_path, edit))
    text = "\n".join(map(str, problems))
    assert "accountability.limits-stated).params: WidgetView has no field 'visible_txt'" in text
    assert "'greeting.limits.no_such_key' is missing" in text
    assert "privacy.notice-before-input).params.category" in text
    assert "records WidgetView, but the check reads it as Exchange" in text


def test_check_reading_other_evidence_than_declared_is_reported(tmp_path: Path) -> None:
    def edit(criteria: dict) -> None:  # type: ignore[type-arg]
        criteria["accountability.limits-stated"]["evidence"] = "transcript"

    _, problems = validate_checklist(_checklist(tmp_path, edit))
    assert [p.path.rsplit(".", 1)[-1] for p in problems] == ["evidence"]
