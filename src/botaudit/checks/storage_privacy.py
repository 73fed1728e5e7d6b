"""What typed personal data leaves behind in the browser, and what the widget says about it."""

from __future__ import annotations

from botaudit.checks.base import CheckResult, check
from botaudit.evidence.model import ScenarioRecord
from botaudit.evidence.observations import (
    EndConversation,
    PersonalDataInput,
    StorageHit,
    StorageSnapshot,
    WidgetView,
)
from botaudit.lexicon import Matcher

SCENARIO = "storage-privacy"
MOMENTS = (
    ("storage_after_input", "right after typing"),
    ("storage_after_reload", "after a reload"),
    ("storage_in_new_tab", "with a second tab open"),
    ("storage_after_end", "after ending the conversation"),
)


def _snapshot(record: ScenarioRecord, name: str) -> StorageSnapshot | None:
    step = record.step(name)
    return StorageSnapshot.model_validate(step.data) if step and step.ok else None


def _end(record: ScenarioRecord) -> EndConversation | None:
    step = record.step("end_conversation")
    return EndConversation.model_validate(step.data) if step and step.ok else None


def warned_before_input(record: ScenarioRecord, m: Matcher) -> list[str]:
    step = record.step("before_input")
    if step is None or not step.ok:
        return []
    return m.find("personal_data_warning", WidgetView.model_validate(step.data).visible_text)


def _describe(hit: StorageHit, moment: str) -> str:
    return f"{hit.probe} in {hit.area} of {hit.origin}, key {hit.key!r} ({hit.form}), {moment}"


@check(
    "browser_storage_privacy",
    scenario=SCENARIO,
    steps=("personal_data", "storage_after_input"),
    summary="Typed personal data is kept in no browser storage area.",
)
def browser_storage_privacy(record: ScenarioRecord, m: Matcher) -> CheckResult:
    found: list[tuple[StorageHit, str, str]] = []
    inspected: list[str] = []
    evidence = [f"{SCENARIO}/personal_data"]
    for name, moment in MOMENTS:
        snap = _snapshot(record, name)
        if snap is None:
            continue
        inspected.append(moment)
        evidence.append(f"{SCENARIO}/{name}")
        if snap.dump:
            evidence.append(snap.dump)
        found.extend((hit, name, moment) for hit in snap.hits)
    missing = [moment for name, moment in MOMENTS if _snapshot(record, name) is None]
    gap = f" Not inspected {', '.join(missing)} (that step failed)." if missing else ""
    if not found:
        return CheckResult(
            outcome="pass",
            explanation="The typed identity code, phone number and e-mail address were found "
            "in no sessionStorage, localStorage, cookie or IndexedDB entry, in any form "
            f"(plain, normalised, URL-encoded, JSON-escaped, base64, hashed), "
            f"{', '.join(inspected)}.{gap}",
            evidence=evidence,
        )
    where = sorted({_describe(hit, moment) for hit, _, moment in found})
    areas = {hit.area for hit, _, _ in found}
    if areas == {"sessionStorage"}:
        warning = warned_before_input(record, m)
        end = _end(record)
        after_end = _snapshot(record, "storage_after_end")
        cleared = bool(end and end.found and after_end is not None and not after_end.hits)
        if warning and cleared:
            return CheckResult(
                outcome="partial",
                explanation="The typed personal data is kept in sessionStorage only: the user "
                f"was warned before typing ({', '.join(map(repr, warning))}) and the "
                f"'{end.labels[0]}' control removes it, but on a shared computer it stays "  # type: ignore[union-attr]
                "readable until the window is closed or the control is used. "
                + "; ".join(where[:4]),
                evidence=evidence,
                quotes=where[:6],
            )
        missing_parts = []
        if not warning:
            missing_parts.append("no personal-data warning was shown before typing")
        if not cleared:
            missing_parts.append(
                "no end/delete-conversation control removes it"
                if not (end and end.found)
                else "the end/delete-conversation control leaves it in storage"
            )
        return CheckResult(
            outcome="fail",
            explanation="The typed personal data is kept in sessionStorage and "
            f"{' and '.join(missing_parts)}. " + "; ".join(where[:4]),
            evidence=evidence,
            quotes=where[:6],
        )
    lasting = sorted(areas - {"sessionStorage"})
    return CheckResult(
        outcome="fail",
        explanation=f"The typed personal data is kept in {', '.join(lasting)}, which outlives "
        "the browser window: the next user of a shared computer can read it. "
        + "; ".join(where[:4]),
        evidence=evidence,
        quotes=where[:6],
    )


@check(
    "personal_data_notice_before_input",
    scenario=SCENARIO,
    steps=("before_input",),
    summary="A personal-data notice is visible before the first input.",
)
def personal_data_notice_before_input(record: ScenarioRecord, m: Matcher) -> CheckResult:
    view = WidgetView.model_validate(record.step("before_input").data)  # type: ignore[union-attr]
    warning = warned_before_input(record, m)
    evidence = [f"{SCENARIO}/before_input"]
    if warning:
        lines = [
            ln.strip()
            for ln in view.visible_text.splitlines()
            if any(w.lower() in ln.lower() for w in warning)
        ]
        return CheckResult(
            outcome="pass",
            explanation="Before the first input the widget tells the user about personal "
            f"data ({', '.join(map(repr, warning))}).",
            evidence=evidence,
            quotes=lines[:3],
        )
    hidden = m.find("personal_data_warning", " | ".join(view.hidden_names))
    if hidden:
        return CheckResult(
            outcome="partial",
            explanation="A personal-data notice exists only as an accessible name or link "
            f"title ({', '.join(map(repr, hidden))}), not as visible text.",
            evidence=evidence,
        )
    return CheckResult(
        outcome="fail",
        explanation="Nothing visible before the first input tells the user not to type "
        "personal data or how the chat handles it.",
        evidence=evidence,
    )


@check(
    "delete_conversation_clears_browser",
    scenario=SCENARIO,
    steps=("end_conversation", "storage_after_end"),
    summary="An end/delete-conversation control exists and clears the browser copy.",
)
def delete_conversation_clears_browser(record: ScenarioRecord, m: Matcher) -> CheckResult:
    end = _end(record)
    after = _snapshot(record, "storage_after_end")
    before = _snapshot(record, "storage_after_input")
    evidence = [f"{SCENARIO}/end_conversation", f"{SCENARIO}/storage_after_end"]
    if end is None or after is None:
        return CheckResult(
            outcome="inconclusive", explanation="Evidence missing.", evidence=evidence
        )
    if not end.found:
        return CheckResult(
            outcome="fail",
            explanation=f"No end/delete-conversation control was found ({end.detail}).",
            evidence=evidence,
        )
    label = end.labels[0] if end.labels else "the control"
    if after.hits:
        areas = sorted({h.area for h in after.hits})
        return CheckResult(
            outcome="partial",
            explanation=f"'{label}' exists, but the typed personal data is still in "
            f"{', '.join(areas)} after using it.",
            evidence=evidence,
        )
    had = bool(before and before.hits)
    return CheckResult(
        outcome="pass",
        explanation=f"'{label}' exists"
        + (
            " and removed the typed personal data from browser storage."
            if had
            else "; nothing typed was in browser storage to begin with, and none is after it."
        ),
        evidence=evidence,
    )


@check(
    "warns_when_personal_data_typed",
    scenario=SCENARIO,
    steps=("personal_data",),
    summary="When a user volunteers an identity code, the bot warns.",
)
def warns_when_personal_data_typed(record: ScenarioRecord, m: Matcher) -> CheckResult:
    data = PersonalDataInput.model_validate(record.step("personal_data").data)  # type: ignore[union-attr]
    replies = [r.text for e in data.exchanges for r in e.replies]
    evidence = [f"{SCENARIO}/personal_data"]
    if not replies:
        return CheckResult(
            outcome="inconclusive",
            explanation="The bot did not answer the message with personal data.",
            evidence=evidence,
        )
    warning = m.find("personal_data_warning", " ".join(replies))
    if warning:
        return CheckResult(
            outcome="pass",
            explanation="The bot reacted to the identity code with a personal-data warning "
            f"({', '.join(map(repr, warning))}).",
            evidence=evidence,
            quotes=replies[:2],
        )
    return CheckResult(
        outcome="fail",
        explanation="The bot answered the message with an identity code, phone number and "
        "e-mail address without any personal-data warning.",
        evidence=evidence,
        quotes=replies[:2],
    )
