"""privacy.shared-computer-warning judged from recorded next-user observations."""

from __future__ import annotations

import pytest

from botaudit.checks.shared_computer import judge_shared_computer
from botaudit.evidence.next_user import NextUserView
from botaudit.lexicon import matcher


def _view(how: str, shown: list[str] | None = None, conversation: bool = True) -> NextUserView:
    return NextUserView(how=how, conversation_shown=conversation, typed_data_shown=shown or [])


CLEAN = [_view("back"), _view("reopen"), _view("new_tab", conversation=False)]
LEAKY = [_view("back", ["hetu"]), _view("reopen", ["hetu", "email"]), _view("new_tab")]


def test_nothing_typed_left_on_screen_passes() -> None:
    verdict = judge_shared_computer(CLEAN, notice=[])
    assert verdict.outcome == "pass"
    assert "shown again when the tab left the site" in verdict.explain("en")


def test_typed_data_left_without_notice_fails() -> None:
    verdict = judge_shared_computer(LEAKY, notice=[])
    assert verdict.outcome == "fail"
    text = verdict.explain("en")
    assert "email, hetu typed" in text and "new tab" not in text


def test_typed_data_left_with_a_notice_is_partial_and_quotes_it() -> None:
    verdict = judge_shared_computer(LEAKY, notice=["Yhteiskäyttöi"])
    assert verdict.outcome == "partial" and verdict.quotes == ["Yhteiskäyttöi"]


def test_no_case_played_is_inconclusive() -> None:
    verdict = judge_shared_computer([], notice=[])
    assert verdict.outcome == "inconclusive"


@pytest.mark.parametrize("language", ["fi", "en", "sv"])
@pytest.mark.parametrize("views", [CLEAN, LEAKY, []])
def test_every_sentence_renders_in_every_language(language: str, views: list) -> None:
    for notice in ([], ["x"]):
        text = judge_shared_computer(views, notice).explain(language)
        assert text and "{" not in text


@pytest.mark.parametrize(
    ("language", "text", "found"),
    [
        ("fi", "Yhteiskäyttöisellä koneella paina lopuksi 'Poista keskustelu'.", True),
        ("fi", "Keskustelu säilyy tämän välilehden muistissa.", True),
        # The study's OuluBot warning is about typing personal data, not the next user.
        ("fi", "Ethän kirjoita keskusteluun henkilötietoja, esim. henkilötunnusta.", False),
        ("sv", "Samtalet sparas i fliken tills du stänger den.", True),
        ("en", "On a shared computer, delete the conversation.", True),
        ("en", "Do not type personal data.", False),
    ],
)
def test_shared_computer_notice_words(language: str, text: str, found: bool) -> None:
    assert bool(matcher(language).find("shared_computer_notice", text)) is found
