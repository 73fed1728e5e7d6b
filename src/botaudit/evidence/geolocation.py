"""What the `watch_geolocation` / `geolocation_calls` steps observe: every request for the
browser's location, and the step that was running when it came.

The study credits OuluBot for using location only with the customer's permission (METKU
2022, Lisäselvitys 2, 4.2.4 Legitiimiys); asking when the page or the chat opens collects
more than the user's request needs (GDPR Art. 5(1)(c), 25). The page is instrumented before
it loads: the Geolocation API is wrapped in every frame, each call is recorded and denied
(no real location is ever given), and a probe confirms the wrapper is in place — without
that confirmation "no call seen" proves nothing.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from botaudit.evidence.model import observation

GeoApi = Literal["getCurrentPosition", "watchPosition", "permissions.query"]


class GeoCall(BaseModel):
    """One call of the Geolocation API (or a permission query for it)."""

    api: GeoApi
    frame_url: str = Field(description="The calling frame's address, personal data masked.")
    step: str = Field(description="The scenario step that was running (its `as:` name).")
    after_user_message: bool = Field(
        description="Whether the audit had already sent the user's first message."
    )
    at_ms: int = Field(description="Milliseconds since the instrumentation was installed.")


class FrameProbe(BaseModel):
    """Whether the wrapper was found in place in one frame of the page."""

    url: str
    widget: bool = Field(default=False, description="The frame the chat widget lives in.")
    wrapped: bool
    error: str = ""


@observation
class GeolocationWatch(BaseModel):
    """Location requests during the scenario, and proof that they could have been seen."""

    probes: list[FrameProbe] = Field(default_factory=list)
    confirmed: bool = Field(
        description="The wrapper was in place in the page and in the widget's frame."
    )
    calls: list[GeoCall] = Field(default_factory=list, description="The first calls, in order.")
    calls_total: int = 0
    location_step: str | None = Field(
        default=None, description="The step that asked a location-related question, if any."
    )
    detail: str = ""
