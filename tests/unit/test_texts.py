"""Every sentence exists in Finnish, Swedish and English, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from botaudit.assessment.texts import catalogue
from botaudit.report.render import _LABELS, _swedish, labels


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_catalogues_have_the_same_keys_and_placeholders(language: str) -> None:
    english, other = catalogue("en"), catalogue(language)
    assert set(other) == set(english)
    for key, template in english.items():
        assert _fields(other[key]) == _fields(template), key


def test_swedish_report_labels_cover_every_label() -> None:
    assert set(_swedish()) == set(_LABELS)
    assert labels("sv")["status_insufficient"] == "För lite underlag"
    for key, (english, _) in _LABELS.items():
        assert _fields(_swedish()[key]) == _fields(english), key
