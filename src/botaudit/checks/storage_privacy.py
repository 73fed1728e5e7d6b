"""What typed personal data leaves behind in the browser, and whether a delete control
really clears it."""

from __future__ import annotations

from botaudit.checks.base import CheckResult, Evidence, browser, check, result
from botaudit.evidence.observations import (
    EndConversation,
    PersonalDataInput,
    StorageHit,
    StorageSnapshot,
    WidgetView,
)
from botaudit.lexicon import Matcher
from botaudit.messages import Many, Message, msg, quoted

SCENARIO = "storage-privacy"
MOMENTS = ("storage_after_input", "storage_after_reload", "storage_in_new_tab", "storage_after_end")
AREAS = {"sessionStorage", "localStorage", "cookie", "indexedDB"}
FORMS = {"plain", "normalised", "e164", "md5", "sha256", "url-encoded", "json-escaped", "base64"}
PROBES = {"hetu", "phone", "email", "iban"}


def _known(prefix: str, value: str, known: set[str]) -> Message | str:
    """A catalogue phrase for a recorded value, or the value itself if it is a new one."""
    return msg(f"{prefix}.{value}") if value in known else value


def _form(form: str) -> Many:
    """'plain+md5' -> the MD5 form: how a probe was stored, in the report language."""
    parts = form.split("+")
    if len(parts) > 1 and parts[0] == "plain":
        parts = parts[1:]
    return Many(items=[_known("storage.form", p, FORMS) for p in parts], sep_key="common.and")


def _hit(hit: StorageHit, moment: str) -> Message:
    return msg(
        "storage.hit",
        probe=_known("probe", hit.probe, PROBES),
        in_area=_known("storage.in_area", hit.area, AREAS),
        origin=hit.origin,
        key=repr(hit.key),
        form=_form(hit.form),
        moment=msg(f"storage.moment.{moment}"),
    )


def _places(areas: list[str]) -> Message:
    items = [_known("storage.area", a, AREAS) for a in areas]
    return msg("storage.places", count=len(areas), areas=Many(items=items))


@check(
    "browser_storage_privacy",
    needs=(
        browser(SCENARIO, "personal_data", PersonalDataInput),
        browser(SCENARIO, "storage_after_input", StorageSnapshot),
        *(browser(SCENARIO, name, StorageSnapshot, optional=True) for name in MOMENTS[1:]),
        browser(SCENARIO, "before_input", WidgetView, optional=True),
        browser(SCENARIO, "end_conversation", EndConversation, optional=True),
    ),
)
def browser_storage_privacy(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    found: list[tuple[StorageHit, str]] = []
    inspected, missing = [], []
    evidence = [ev.ref("personal_data")]
    for name in MOMENTS:
        snap: StorageSnapshot | None = ev.get(name)
        if snap is None:
            missing.append(msg(f"storage.moment.{name}"))
            continue
        inspected.append(msg(f"storage.moment.{name}"))
        evidence.append(ev.ref(name))
        if snap.dump:
            evidence.append(snap.dump)
        found.extend((hit, name) for hit in snap.hits)
    gap = msg("storage.gap", missing=Many(items=missing)) if missing else msg("storage.no_gap")
    if not found:
        return result(
            "pass", "storage.pass", evidence=evidence, inspected=Many(items=inspected), gap=gap
        )
    unique = sorted(
        {(h.probe, h.area, h.origin, h.key, h.form, MOMENTS.index(n)) for h, n in found}
    )
    hits = [
        _hit(StorageHit(probe=p, area=a, origin=o, key=k, form=f), MOMENTS[i])  # type: ignore[arg-type]
        for p, a, o, k, f, i in unique
    ]
    where = Many(items=hits[:4], sep="; ")
    quotes = [f"{a} {o} {k!r}: {p} ({f})" for p, a, o, k, f, _ in unique][:6]
    areas = {hit.area for hit, _ in found}
    if areas != {"sessionStorage"}:
        lasting = sorted(areas - {"sessionStorage"})
        return result(
            "fail",
            "storage.lasting",
            evidence=evidence,
            quotes=quotes,
            places=_places(lasting),
            where=where,
        )
    view: WidgetView | None = ev.get("before_input")
    typed: PersonalDataInput = ev["personal_data"]
    # Parts of the greeting that a slow bot showed after the capture but before the citizen
    # typed were shown first too: the same verdict whatever the machine's load.
    shown_first = [view.visible_text] if view else []
    if typed.exchanges:
        shown_first += [part.text for part in typed.exchanges[0].late_parts_of_previous]
    warning = m.find("personal_data_warning", "\n".join(shown_first)) if shown_first else []
    end: EndConversation | None = ev.get("end_conversation")
    after_end: StorageSnapshot | None = ev.get("storage_after_end")
    control = bool(end and end.found)
    cleared = bool(control and after_end is not None and not after_end.hits)
    if warning and cleared:
        return result(
            "partial",
            "storage.session_only",
            evidence=evidence,
            quotes=quotes,
            warning=quoted(warning),
            label=end.labels[0],  # type: ignore[union-attr]
            where=where,
        )
    lacking = [msg("storage.no_warning")] if not warning else []
    if not cleared:
        lacking.append(msg("storage.control_leaves" if control else "storage.no_control"))
    return result(
        "fail",
        "storage.session_unprotected",
        evidence=evidence,
        quotes=quotes,
        lacking=Many(items=lacking, sep_key="common.and"),
        where=where,
    )


@check(
    "delete_conversation_clears_browser",
    needs=(
        browser(SCENARIO, "end_conversation", EndConversation),
        browser(SCENARIO, "storage_after_end", StorageSnapshot),
        browser(SCENARIO, "storage_after_input", StorageSnapshot, optional=True),
    ),
)
def delete_conversation_clears_browser(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    end: EndConversation = ev["end_conversation"]
    after: StorageSnapshot = ev["storage_after_end"]
    before: StorageSnapshot | None = ev.get("storage_after_input")
    evidence = [ev.ref("end_conversation"), ev.ref("storage_after_end")]
    if not end.found:
        return result(
            "fail", "delete.no_control", evidence=evidence, tried=" / ".join(end.searched)
        )
    control = msg("delete.control", label=end.labels[0]) if end.labels else msg("delete.a_control")
    if after.hits:
        areas = sorted({h.area for h in after.hits})
        return result(
            "partial",
            "delete.data_remains",
            evidence=evidence,
            control=control,
            places=_places(areas),
        )
    had = bool(before and before.hits)
    key = "delete.cleared" if had else "delete.nothing_stored"
    return result("pass", key, evidence=evidence, control=control)
