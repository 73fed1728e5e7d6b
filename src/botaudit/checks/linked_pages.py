"""Links from the chat window to a privacy notice, an accessibility statement and a page
about the bot, judged on the link and on the page it leads to.

The study found OuluBot's "Tietosuojakäytäntö" link leading to a generic page about the
website, and its accessibility statement claiming full compliance without naming a
standard (METKU 2022, Lisäselvitys 2, 4.2.4 Legitiimiys, footnote 12); it recommends a
public page on the bot's stage and resolution rate (4.2.4 Sosiaalinen lupa). So a link
alone is partial: pass needs the page to say what the criterion asks (lexicon categories:
the bot named in the privacy notice, a standard in the statement, a share resolved on the
about page). Pass: such a link and page; partial: a link whose page lacks it or could not
be read, or a mention without a link; fail: nothing.
"""

from __future__ import annotations

from botaudit.checks.base import CheckResult, Evidence, browser, check, result
from botaudit.evidence.linked_pages import LinkedPage, LinkedPages
from botaudit.evidence.observations import WidgetView
from botaudit.lexicon import Matcher
from botaudit.messages import quoted

SCENARIO = "bot-identity"
NEEDS = (
    browser(SCENARIO, "linked_pages", LinkedPages),
    browser(SCENARIO, "before_typing", WidgetView),
)


def judge_link(ev: Evidence, m: Matcher, link_words: str, content: str, key: str) -> CheckResult:
    """The outcome for one kind of linked page (`key` is its message group)."""
    pages: LinkedPages = ev["linked_pages"]
    refs = [ev.ref("linked_pages"), ev.ref("before_typing")]
    linked = [p for p in pages.pages if m.find(link_words, p.text)]
    if not linked:
        view: WidgetView = ev["before_typing"]
        mentioned = m.find(link_words, view.visible_text)
        if mentioned:
            return result("partial", f"{key}.unlinked", evidence=refs, found=quoted(mentioned))
        return result("fail", f"{key}.fail", evidence=refs)
    for page in linked:
        said = m.find(content, f"{page.title}\n{page.page_text}")
        if said:
            quotes = [page.text, *_lines_with(page.page_text, said)]
            params = {"link": _name(page), "said": quoted(said)}
            return result("pass", f"{key}.pass", evidence=refs, quotes=quotes, **params)
    page = linked[0]
    if all(p.error for p in linked):
        params = {"link": _name(page), "why": page.error}
        return result("partial", "links.unread", evidence=refs, quotes=[page.text], **params)
    quotes = [page.text, *page.page_text.splitlines()[:2]]
    return result("partial", f"{key}.lacking", evidence=refs, quotes=quotes, link=_name(page))


def _name(page: LinkedPage) -> str:
    return f"“{page.text}” ({page.href})"


def _lines_with(text: str, found: list[str]) -> list[str]:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return [ln for ln in lines if any(f.lower() in ln.lower() for f in found)][:2]


@check("privacy_notice_linked", needs=NEEDS)
def privacy_notice_linked(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    return judge_link(ev, m, "privacy_notice", "bot_identity", "links.privacy")


@check("accessibility_statement_linked", needs=NEEDS)
def accessibility_statement_linked(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    key = "links.accessibility"
    return judge_link(ev, m, "accessibility_statement", "accessibility_standard", key)


@check("status_page_linked", needs=NEEDS)
def status_page_linked(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    return judge_link(ev, m, "bot_info_page", "resolution_rate", "links.status")


@check("organisation_responsibility_stated", needs=NEEDS)
def organisation_responsibility_stated(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    """The chat window, or a page it links to on the same site, says the organisation
    answers for the advice (the recommendation allows either place)."""
    view: WidgetView = ev["before_typing"]
    pages: LinkedPages = ev["linked_pages"]
    refs = [ev.ref("before_typing"), ev.ref("linked_pages")]
    said = m.find("organisation_responsibility", view.visible_text)
    if said:
        quotes = _lines_with(view.visible_text, said)
        return result("pass", "responsibility.in_widget", evidence=refs, quotes=quotes)
    for page in pages.pages:
        said = m.find("organisation_responsibility", page.page_text)
        if said:
            quotes = _lines_with(page.page_text, said)
            return result(
                "pass", "responsibility.on_page", evidence=refs, quotes=quotes, link=_name(page)
            )
    return result("fail", "responsibility.fail", evidence=refs)
