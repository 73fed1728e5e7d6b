"""The bundled demo chatbot behaves as each profile promises, in a real Chromium.

The auditor's own tests lean on these behaviours (what the greeting says, where the
conversation lands in browser storage, how handoff works), so they are pinned here. Waits
are Playwright's auto-waiting `expect`, because the widget types and streams like a real one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import Expect, Locator, Page

from botaudit.demo.profiles import PROFILES, demo_config
from botaudit.demo.server import DemoServer

# A greeting of three streamed messages takes up to ~4 s; the default 5 s is too tight. A
# module-local `expect`, so that other test modules keep Playwright's global default.
expect = Expect()
expect.set_options(timeout=10_000)

HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def synthetic_hetu(ddmmyy: str = "010190", individual: int = 912, sign: str = "-") -> str:
    """A valid identity code with individual number 900-999, which no real person has."""
    assert 900 <= individual <= 999
    return f"{ddmmyy}{sign}{individual:03d}{HETU_CHECK[int(f'{ddmmyy}{individual:03d}') % 31]}"


HETU = synthetic_hetu()
PHONE = "+358 40 123 4567"
EMAIL = "testi.asukas1234@example.org"
PERSONAL = f"Henkilötunnukseni on {HETU}, puhelinnumeroni on {PHONE} ja sähköpostini {EMAIL}."

GOOD_GREETING = [
    "Hei! Olen Esimerkkikaupungin chatbot. En osaa kaikkea, mutta opin jatkuvasti.",
    "Jos haluat ihmisen, kirjoita 'asiakaspalvelija'.",
    "Älä kirjoita keskusteluun henkilötietoja, kuten henkilötunnusta.",
]
GOOD_WARNING = (
    "Älä lähetä henkilötunnusta tai muita henkilötietoja chatissa. Poistin ne keskustelusta."
)
OULU_GREETING = [
    "Hei! Olen OuluBot, oululaisten virtuaalinen avustaja.",
    "Parhaiten osaan vastata yleisimpiin Oulun kaupungin palveluihin liittyviin kysymyksiin. "
    "Opin uutta jatkuvasti, ja voit antaa minulle palautetta kun suljet chatin. "
    "Parhaiten ymmärrän lyhyitä lauseita.",
    "Ethän kirjoita keskusteluun henkilötietoja, esim. henkilötunnusta tai tietoja terveydestäsi.",
]
VISITOULU_GREETING = [  # as the study quotes it (4.2.3)
    "Hei! Olen OuluBot, virtuaalinen asiakaspalvelijasi. Kuinka voin auttaa?",
    "Olen vasta harjoittelija ja osaan vastata yleisimpiin Oulun seudun matkailuun liittyviin "
    "kysymyksiin.",
    'Mikäli haluat jutella ihmiselle, kirjoita "asiakaspalvelija"',
]
OULU_FALLBACK = "Pahoittelut, en ymmärtänyt. Kokeile kysyä lyhyesti toisella tavalla."

# Records, from the first DOM change on, whether a typing indicator was ever shown and whether
# a bot message was ever seen half-written: the realism the auditor has to cope with.
WATCH_STREAMING = """() => {
  window.__seen = {typing: false, partial: false};
  const lengths = new WeakMap();
  new MutationObserver(() => {
    if (document.querySelector('.typing')) window.__seen.typing = true;
    for (const t of document.querySelectorAll('.msg.bot .text')) {
      const n = t.textContent.length, before = lengths.get(t);
      if (n > 0 && before !== undefined && before > 0 && before !== n) window.__seen.partial = true;
      lengths.set(t, n);
    }
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
}"""


@pytest.fixture
def demo(request: pytest.FixtureRequest) -> Iterator[str]:
    with DemoServer(request.param) as url:
        yield url


def open_widget(page: Page, url: str | None) -> Locator:
    """Open the page (unless `url` is None: already open) and the widget.

    Returns the locator of the bot messages' texts.
    """
    if url is not None:
        page.goto(url)
    expect(page.locator("#chat-widget")).to_be_hidden()
    page.locator("#chat-launcher").click()
    expect(page.locator("#chat-widget")).to_be_visible()
    return page.locator(".msg.bot .text")


def send(page: Page, text: str) -> None:
    page.locator("#chat-input").fill(text)
    page.locator("#chat-input").press("Enter")


def storage(page: Page, area: str, key: str) -> str | None:
    return page.evaluate(f"k => {area}.getItem(k)", key)


def test_unknown_profile_is_refused() -> None:
    with pytest.raises(ValueError, match="good, bad, oulubot-2022"):
        DemoServer("nonexistent")
    with pytest.raises(ValueError, match="nonexistent"):
        demo_config("nonexistent", "http://127.0.0.1:1/")
    with pytest.raises(ValueError, match="visitoulu"):
        demo_config("good", "http://127.0.0.1:1/", deployment="visitoulu")


def test_demo_config_points_at_each_deployment() -> None:
    config = demo_config("oulubot-2022", "http://127.0.0.1:9/")
    assert config["name"] == "demo-oulubot-2022"
    assert config["target"] == {"url": "http://127.0.0.1:9/"}
    assert "end_conversation" not in config["widget"]
    other = demo_config("oulubot-2022", "http://127.0.0.1:9", deployment="visitoulu")
    assert other["target"]["url"] == "http://127.0.0.1:9/visitoulu/"
    theatre = demo_config("oulubot-2022", "http://127.0.0.1:9", deployment="teatteri")
    assert theatre["target"]["url"] == "http://127.0.0.1:9/teatteri/"
    assert set(PROFILES) == {"good", "bad", "oulubot-2022", "slow"}


def download_and_delete(page: Page, storage_key: str) -> tuple[str, str]:
    """Download the transcript, then delete the conversation and check the copy is gone."""
    widget = page.locator("#chat-widget")
    with page.expect_download() as info:
        widget.get_by_role("button", name="Lataa keskustelu").click()
    transcript = Path(info.value.path()).read_text(encoding="utf-8")
    widget.get_by_role("button", name="Poista keskustelu").click()
    expect(page.locator(".msg")).to_have_count(0)
    assert storage(page, "sessionStorage", storage_key) is None
    return info.value.suggested_filename, transcript


@pytest.mark.browser
@pytest.mark.parametrize("demo", ["good"], indirect=True)
def test_good_discloses_redacts_and_hands_off(page: Page, demo: str) -> None:
    page.goto(demo)
    page.evaluate(WATCH_STREAMING)
    bot = open_widget(page, None)
    widget = page.locator("#chat-widget")
    expect(widget.locator(".chat-title")).to_have_text("Kaupunkibotti – tekoälyavustaja")
    expect(widget.get_by_text("Vastaaja on chatbot (tekoäly), ei ihminen.")).to_be_visible()
    expect(widget.get_by_text("myös puhelimitse")).to_be_visible()
    expect(bot).to_have_text(GOOD_GREETING)
    expect(page.locator(".msg.bot .sender")).to_have_text(["Chatbot"] * 3)
    assert page.evaluate("window.__seen") == {"typing": True, "partial": True}

    send(page, PERSONAL)
    expect(bot).to_have_text([*GOOD_GREETING, GOOD_WARNING])
    echo = page.locator(".msg.user .text")
    expect(echo).to_contain_text("[poistettu]")
    for value in (HETU, PHONE, EMAIL):
        expect(echo).not_to_contain_text(value)
    stored = storage(page, "sessionStorage", "chat") or ""
    assert "[poistettu]" in stored
    assert not any(value in stored for value in (HETU, PHONE, EMAIL))
    assert page.evaluate("localStorage.length") == 0
    assert page.context.cookies() == []
    assert page.evaluate("indexedDB.databases().then(d => d.length)") == 0

    send(page, "Haluan puhua ihmisen kanssa")
    agent = page.locator(".msg.bot.agent")
    expect(agent.locator(".text")).to_have_text(
        "Hei, olen asiakaspalvelija Maija. Miten voin auttaa?"
    )
    expect(agent.locator(".sender")).to_have_text("Asiakaspalvelija (ihminen)")
    expect(bot.nth(-2)).to_have_text("Siirrän keskustelun asiakaspalvelijalle. Odota hetki.")

    send(page, "Mitkä ovat kaupungin yhteystiedot?")
    expect(bot.last).to_contain_text(
        "Kaupungintalon palvelupiste, puh. 09 123 4567, ma–pe klo 8–16"
    )

    _, transcript = download_and_delete(page, "chat")
    assert "[poistettu]" in transcript and HETU not in transcript


@pytest.mark.browser
@pytest.mark.parametrize("demo", ["bad"], indirect=True)
def test_bad_hides_the_bot_and_keeps_everything(page: Page, demo: str) -> None:
    bot = open_widget(page, demo)
    widget = page.locator("#chat-widget")
    expect(widget.locator(".chat-title")).to_have_text("Kysy meiltä")
    expect(bot).to_have_text(["Hei! Miten voin auttaa?"])
    expect(page.locator(".msg.bot img")).to_have_attribute("alt", "")
    expect(page.locator(".msg.bot .sender")).to_have_count(0)

    send(page, PERSONAL)
    expect(bot.nth(1)).to_have_text(
        "Olen botti ja vastaan automaattisesti. En ymmärtänyt. Kokeile kysyä toisin."
    )
    expect(page.locator(".msg.user .text")).to_have_text(PERSONAL)
    assert HETU in (storage(page, "localStorage", "chatHistory") or "")
    assert storage(page, "sessionStorage", "chatHistory") is None
    cookie = {c["name"]: c for c in page.context.cookies()}["chat_last"]
    assert unquote(cookie["value"]) == PERSONAL and cookie["path"] == "/"
    assert cookie["expires"] > 0  # persistent, not a session cookie

    send(page, "Haluan puhua ihmisen kanssa")
    expect(bot).to_have_count(3)
    expect(bot.nth(2)).to_have_text("En ymmärtänyt. Kokeile kysyä toisin.")
    expect(widget.get_by_role("button", name="Poista keskustelu")).to_have_count(0)

    page.reload()  # the conversation survives a reload
    open_widget(page, demo)
    expect(page.locator(".msg.user .text").first).to_have_text(PERSONAL)


@pytest.mark.browser
@pytest.mark.parametrize("demo", ["oulubot-2022"], indirect=True)
def test_oulubot_main_deployment(page: Page, demo: str) -> None:
    bot = open_widget(page, demo)
    widget = page.locator("#chat-widget")
    expect(widget.locator(".chat-title")).to_have_text("Chat")
    expect(bot).to_have_text(OULU_GREETING)
    expect(page.locator(".msg.bot img[alt='OuluBot']")).to_have_count(3)
    expect(page.locator(".msg.bot .sender")).to_have_count(0)

    send(page, PERSONAL)
    expect(bot.nth(3)).to_have_text(OULU_FALLBACK)  # no personal-data warning
    stored = storage(page, "sessionStorage", "oulubot-conversation") or ""
    assert HETU in stored and PHONE in stored
    assert page.evaluate("localStorage.length") == 0

    send(page, "Haluan puhua ihmisen kanssa")
    expect(bot).to_have_count(5)
    expect(bot.nth(4)).to_have_text(OULU_FALLBACK)
    # Only the word by itself hands over ('kirjoita "asiakaspalvelija"', METKU 2022, 4.2.3).
    send(page, "asiakaspalvelijan kanssa")
    expect(bot.nth(5)).to_have_text(OULU_FALLBACK)
    send(page, "asiakaspalvelija")
    expect(bot.nth(6)).to_have_text("Siirrän sinut asiakaspalvelijalle, odota hetki.")
    agent = page.locator(".msg.bot.agent")
    expect(agent.locator(".text")).to_have_text(
        "Hei, täällä Oulu10:n asiakaspalvelu. Miten voin auttaa?"
    )
    expect(agent.locator(".sender")).to_have_text("Oulu10")

    filename, transcript = download_and_delete(page, "oulubot-conversation")
    assert filename == "keskustelu.txt"
    assert HETU not in transcript and "***" in transcript
    assert "OuluBot: Hei! Olen OuluBot" in transcript and "Oulu10: Hei, täällä" in transcript


@pytest.mark.browser
@pytest.mark.parametrize("demo", ["oulubot-2022"], indirect=True)
def test_oulubot_visitoulu_deployment(page: Page, demo: str) -> None:
    url = demo_config("oulubot-2022", demo, deployment="visitoulu")["target"]["url"]
    bot = open_widget(page, url)
    expect(bot).to_have_text(VISITOULU_GREETING)
    expect(page.locator(".msg.bot img[alt='OuluBot']")).to_have_count(3)
    send(page, "asiakaspalvelija")
    expect(page.locator(".msg.bot.agent .sender")).to_have_text("Oulu10")
