"""The next user of a shared computer: what the chat shows them after the citizen leaves.

The study's biggest privacy finding (METKU 2022, Lisäselvitys 2, 4.2.4 Yksityisyys): on a
shared computer the conversation, identity code included, stays in the browser and "may
open for the next user to see", and no notice says so. After the citizen has typed
synthetic personal data, the step `next_user` plays one way of leaving and a next user
arriving, then reads what the widget shows:

- `back`: the tab goes to another page and the next user presses Back;
- `reopen`: the tab is closed and opened again with its session, as a browser does when a
  closed tab is reopened from its history (here: a tab opened from the page with
  `window.open`, which carries the page's session storage as a reopened tab does);
- `new_tab`: the next user opens the site again in a new tab of the same browser.

Only what is typed shows whether it is still there: the step records which probe kinds
appear on screen (in any of the forms storage is searched for) and whether the earlier
conversation is shown at all; the text it keeps is masked like every other observation.
"""

from __future__ import annotations

from playwright.async_api import Page

from botaudit.evidence.next_user import How, NextUserView
from botaudit.evidence.observations import PersonalDataInput
from botaudit.evidence.pii import probe_forms_in
from botaudit.evidence.text import MAX_MESSAGE_CHARS, capped
from botaudit.gather.step_base import NoParams, RunContext, current_step, loaded, step
from botaudit.gather.widget import WidgetDriver


class NextUserParams(NoParams):
    how: How
    personal_data: str = "personal_data"


async def _leave_and_return(ctx: RunContext, how: How) -> tuple[Page, WidgetDriver]:
    if left := ctx.driver.navigated_away("about to leave the page"):
        raise left  # what is reopened or gone back to would be taken for the page loaded
    config = ctx.config
    reopened = config.target.url
    if how == "back":
        await ctx.page.goto("about:blank")
        response = await ctx.page.go_back(wait_until="domcontentloaded")
        await loaded(ctx.page)
        ctx.driver.loaded(response.url if response else config.target.url)
        return ctx.page, ctx.driver
    if how == "new_tab":
        page = await ctx.context.new_page()
        response = await page.goto(config.target.url, wait_until="domcontentloaded")
    else:  # reopen: the tab carries its session, the old one is closed
        reopened = ctx.page.url  # what the new tab loads: where it is later may be elsewhere
        async with ctx.context.expect_page() as opened:
            await ctx.page.evaluate("() => { window.open(location.href); }")
        page = await opened.value
        await page.wait_for_load_state("domcontentloaded")
        response = None
        await ctx.page.close()
    await loaded(page)
    driver = WidgetDriver(page, config.widget, config.timing, ctx.driver.cadence)
    # Not the tab's URL now: a page that has already navigated away by itself would be
    # taken for the page loaded, and its missing launcher for a wrong selector.
    driver.loaded(response.url if response else reopened)
    if how == "reopen":  # later steps continue in the reopened tab, as the next user would
        ctx.page, ctx.driver = page, driver
    return page, driver


@step(
    "next_user",
    NextUserParams,
    NextUserView,
    "Leave (back / reopen / new tab) and read what is shown.",
)
async def next_user(ctx: RunContext, params: NextUserParams) -> NextUserView:
    typed = ctx.record.observed(params.personal_data, PersonalDataInput)
    earlier = {r.text for e in typed.exchanges for r in e.replies} if typed else set()
    page, driver = await _leave_and_return(ctx, params.how)
    await driver.open()
    await driver.settle()
    shot = ctx.artefact_path(current_step(ctx), ".png")
    view = await driver.view(shot)
    raw = "\n".join([view.visible_text, *(m.text for m in view.bot_messages)])
    shown = [p.kind for p in ctx.probes if probe_forms_in(raw, p)]
    again = {ctx.mask(m.text) for m in view.bot_messages} & earlier
    result = NextUserView(
        how=params.how,
        conversation_shown=bool(again) or bool(shown) or bool(view.user_message_count),
        typed_data_shown=shown,
        bot_messages=len(view.bot_messages),
        visible_text=capped(ctx.mask(view.visible_text), 2 * MAX_MESSAGE_CHARS),
    )
    result.screenshot = ctx.keep(shot, "screenshot", "What the next user sees (masked).")
    if params.how == "new_tab":
        await page.close()
        await ctx.page.bring_to_front()  # a background tab would slow every later click
    return result
