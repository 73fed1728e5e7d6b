"""The bundled checklist meets its contract; broken checklists get every problem named."""

from __future__ import annotations

from pathlib import Path

import yaml

from botaudit.checklist.load import check_checklist, default_checklist_path, load_checklist
from botaudit.checks import CHECKS
from botaudit.validate import validate_checklist

PUBLIC_CONTRACT = {
    "transparency.bot-identity-disclosed": "bot_identity_before_typing",
    "accountability.human-handoff": "human_handoff",
    "privacy.browser-storage": "browser_storage_privacy",
}
VALUE_IDS = [
    "professionalism", "transparency", "acceptability", "user-orientation", "legitimacy",
    "trust-in-authority", "adaptability", "fairness", "social-licence", "efficiency",
    "effectiveness", "accountability", "collaboration", "privacy",
]  # fmt: skip


def test_bundled_checklist_has_fourteen_values_and_enough_criteria() -> None:
    checklist = load_checklist()
    assert [v.id for v in checklist.values] == VALUE_IDS
    assert [v.number for v in checklist.values] == list(range(1, 15))
    assert all(len(v.criteria) >= 3 for v in checklist.values)
    assert len(checklist.criteria()) >= 42
    assert {v.id for v in checklist.values if v.central} == {
        "professionalism", "user-orientation", "accountability",
    }  # fmt: skip


def test_public_criterion_ids_and_their_checks() -> None:
    criteria = {c.id: c for _, c in load_checklist().criteria()}
    for criterion_id, check in PUBLIC_CONTRACT.items():
        assert criteria[criterion_id].check == check
        assert criteria[criterion_id].severity == "critical"
    used = {c.check for c in criteria.values() if c.check}
    assert used == set(CHECKS), "every check judges a criterion, and every named check exists"


def test_every_criterion_cites_a_source() -> None:
    for _, criterion in load_checklist().criteria():
        assert criterion.source and all(s.strip() for s in criterion.source), criterion.id


def _broken(tmp_path: Path) -> Path:
    data = yaml.safe_load(default_checklist_path().read_text(encoding="utf-8"))
    first = data["values"][0]["criteria"][0]
    first["weight"] = -1
    first["evidence"] = "telepathy"
    del data["values"][1]["criteria"][0]["title"]["fi"]
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_all_problems_reported_with_file_and_path(tmp_path: Path) -> None:
    path = _broken(tmp_path)
    checklist, problems = check_checklist(path)
    assert checklist is None
    text = [str(p) for p in problems]
    assert len(problems) == 3, text
    assert all(t.startswith(f"{path}: values[") for t in text)
    assert any(".weight" in t for t in text)
    assert any(".evidence" in t for t in text)
    assert any("title.fi" in t for t in text)
    assert "(professionalism)" in text[0]


def test_unknown_check_is_reported(tmp_path: Path) -> None:
    data = yaml.safe_load(default_checklist_path().read_text(encoding="utf-8"))
    data["values"][0]["criteria"][0]["check"] = "no_such_check"
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _, problems = validate_checklist(path)
    assert len(problems) == 1 and "unknown check 'no_such_check'" in problems[0].message


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("id: x\nvalues: [\n", encoding="utf-8")
    _, problems = check_checklist(path)
    assert problems[0].path.startswith("line ")
