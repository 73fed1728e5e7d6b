"""Watch for location requests: wrap the Geolocation API before the page loads.

`watch_geolocation` (placed before `open_page`) adds an init script to the browser context,
so it runs in every frame — cross-origin iframes too — before the page's own scripts. The
script replaces `Geolocation.prototype.getCurrentPosition` / `watchPosition` with wrappers
that report the call to botaudit and answer *permission denied*: no real location is ever
given and no prompt is shown. `navigator.permissions.query({name: 'geolocation'})` is
reported and passed through (it only reads the permission's state and prompts nobody).

Each call is tagged with the step that was running and whether the audit had typed the
user's first message yet, so the check can tell "on page load / when the chat opened" from
"after the user asked". `geolocation_calls` then probes every frame for the wrapper: a page
that replaced it, or a frame the script could not reach, makes the watch unconfirmed, and
the criterion inconclusive rather than a pass on calls that could not have been seen.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

from playwright.async_api import BrowserContext, Frame
from playwright.async_api import Error as PlaywrightError

from botaudit.evidence.geolocation import FrameProbe, GeoCall, GeolocationWatch
from botaudit.evidence.observations import Exchange, HandoffRequests, PersonalDataInput
from botaudit.gather.step_base import STEPS, NoParams, RunContext, step

BINDING = "__botauditGeolocation"
MAX_CALLS = 50  # a page calling in a loop is told by the total; the first calls say when
# Steps whose records say the user typed something: the first of them is the user's message.
SENDING = (Exchange, PersonalDataInput, HandoffRequests)
APIS = ("getCurrentPosition", "watchPosition", "permissions.query")

INIT_JS = """
(() => {
  const report = (api) => {
    try { window.__BINDING__(api); } catch (_) { /* the binding is not there: nothing to do */ }
  };
  const denied = { code: 1, message: "User denied Geolocation",
                   PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 };
  const wrap = (api) => {
    const wrapper = function (success, error) {
      report(api);
      if (typeof error === "function") setTimeout(() => error(denied), 0);
      return api === "watchPosition" ? 0 : undefined;
    };
    wrapper.__botaudit = true;
    return wrapper;
  };
  if (window.Geolocation) {
    Geolocation.prototype.getCurrentPosition = wrap("getCurrentPosition");
    Geolocation.prototype.watchPosition = wrap("watchPosition");
  }
  if (window.Permissions && Permissions.prototype.query) {
    const query = Permissions.prototype.query;
    const wrapper = function (descriptor) {
      if (descriptor && descriptor.name === "geolocation") report("permissions.query");
      return query.apply(this, arguments);
    };
    wrapper.__botaudit = true;
    Permissions.prototype.query = wrapper;
  }
})();
""".replace("__BINDING__", BINDING)

# "absent": no Geolocation API in this frame (e.g. not a secure context): nothing to ask with.
PROBE_JS = """() => !window.Geolocation || !navigator.geolocation ? "absent"
    : Geolocation.prototype.getCurrentPosition.__botaudit
      && Geolocation.prototype.watchPosition.__botaudit
      && navigator.geolocation.getCurrentPosition.__botaudit ? "wrapped" : "replaced" """


@dataclass
class _Watch:
    started: float = field(default_factory=time.monotonic)
    calls: list[GeoCall] = field(default_factory=list)
    total: int = 0


_WATCHES: WeakKeyDictionary[BrowserContext, _Watch] = WeakKeyDictionary()


class WatchParams(NoParams):
    pass


class CallsParams(NoParams):
    location_question: str | None = None  # the `as:` name of the step that asked one


@step(
    "watch_geolocation",
    WatchParams,
    GeolocationWatch,
    "Before the page loads: record (and deny) every request for the browser's location.",
)
async def watch_geolocation(ctx: RunContext, _: WatchParams) -> GeolocationWatch:
    watch = _Watch()

    def called(source: dict[str, Any], api: str) -> None:
        watch.total += 1
        if len(watch.calls) >= MAX_CALLS or api not in APIS:
            return
        steps = ctx.record.steps
        frame: Frame | None = source.get("frame")
        watch.calls.append(
            GeoCall(
                api=api,  # type: ignore[arg-type]
                frame_url=ctx.mask(frame.url if frame else ""),
                step=steps[-1].name if steps else "",
                after_user_message=any(
                    STEPS[s.step].produces in SENDING for s in steps if s.step in STEPS
                ),
                at_ms=int((time.monotonic() - watch.started) * 1000),
            )
        )

    await ctx.context.expose_binding(BINDING, called)
    await ctx.context.add_init_script(INIT_JS)
    _WATCHES[ctx.context] = watch
    return GeolocationWatch(confirmed=False, detail="installed; confirmed by geolocation_calls")


@step(
    "geolocation_calls",
    CallsParams,
    GeolocationWatch,
    "The location requests recorded since watch_geolocation, and a probe that it saw them.",
)
async def geolocation_calls(ctx: RunContext, params: CallsParams) -> GeolocationWatch:
    watch = _WATCHES.get(ctx.context)
    if watch is None:
        return GeolocationWatch(
            confirmed=False, detail="watch_geolocation did not run before this step"
        )
    widget_frame = await _widget_frame(ctx)
    main = ctx.page.main_frame
    others = [f for f in ctx.page.frames if f != main]
    probes = [await _probe(ctx, f, f == widget_frame) for f in (main, *others)]
    # Only the page and the chat's frame must hold the wrapper: an empty about:blank frame
    # runs no init script and asks nothing.
    in_page = probes[0].wrapped
    in_widget = any(p.widget and p.wrapped for p in probes) or widget_frame is None
    missing = [p.url for p in probes if not p.wrapped]
    detail = "" if not missing else "not in place in: " + ", ".join(missing[:5])
    return GeolocationWatch(
        probes=probes,
        confirmed=in_page and in_widget,
        calls=list(watch.calls),
        calls_total=watch.total,
        location_step=params.location_question,
        detail=detail,
    )


async def _widget_frame(ctx: RunContext) -> Frame | None:
    """The chat's iframe, when the config puts it in one (else it is the page itself)."""
    if not ctx.config.widget.iframe:
        return None
    element = await ctx.page.query_selector(ctx.config.widget.iframe)
    return await element.content_frame() if element else None


async def _probe(ctx: RunContext, frame: Frame, widget: bool) -> FrameProbe:
    url = ctx.mask(frame.url)
    try:
        state = await frame.evaluate(PROBE_JS)
    except PlaywrightError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return FrameProbe(url=url, widget=widget, wrapped=False, error=first[:200])
    if state == "absent":
        error = "no Geolocation API in this frame: it cannot ask for the location"
        return FrameProbe(url=url, widget=widget, wrapped=True, error=error)
    error = "" if state == "wrapped" else "the page replaced the Geolocation API"
    return FrameProbe(url=url, widget=widget, wrapped=state == "wrapped", error=error)
