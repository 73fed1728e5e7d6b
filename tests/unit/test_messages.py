"""One message catalogue: every key in every language, with the same parameters."""

from __future__ import annotations

from pathlib import Path

import pytest

from botaudit.errors import UsageError
from botaudit.messages import BUNDLED, Catalogue, Many, msg, placeholders
from botaudit.types import LANGUAGES


def test_every_key_in_every_language_with_the_same_placeholders() -> None:
    templates = Catalogue().templates
    keys = {lang: set(templates[lang]) for lang in LANGUAGES}
    for lang in LANGUAGES:
        assert keys[lang] == keys["en"], (lang, keys[lang] ^ keys["en"])
    for key in keys["en"]:
        names = {lang: placeholders(templates[lang][key]) for lang in LANGUAGES}
        assert names["fi"] == names["en"] == names["sv"], (key, names)


def test_plurals_nested_messages_and_lists_render() -> None:
    catalogue = Catalogue()
    assert catalogue.render(msg("count.words", count=1), "fi") == "1 sana"
    assert catalogue.render(msg("count.words", count=2), "fi") == "2 sanaa"
    joined = msg("storage.places", count=2, areas=Many(items=[msg("storage.area.cookie"), "x"]))
    assert catalogue.render(joined, "en") == "Storage areas: cookies, x"
    assert catalogue.render(joined, "sv") == "Lagringsplatser: kakor, x"


def test_a_key_defined_in_two_files_is_an_error(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / "fi").mkdir(exist_ok=True)
        (tmp_path / "fi" / name).write_text("extra:\n  key: teksti\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"a\.yaml and .*b\.yaml"):
        Catalogue((BUNDLED, tmp_path))


def test_unknown_key_is_an_error_not_a_blank() -> None:
    with pytest.raises(KeyError, match="no_such"):
        Catalogue().message("no_such.key", "fi")
