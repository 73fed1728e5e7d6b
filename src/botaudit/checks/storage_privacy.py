"""What typed personal data leaves behind in the browser, and what the widget says about it."""

from __future__ import annotations

from botaudit.checks.base import CheckResult, check, say
from botaudit.evidence.model import ScenarioRecord
from botaudit.evidence.observations import (
    EndConversation,
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
MOMENTS_FI = {
    "storage_after_input": "heti kirjoittamisen jälkeen",
    "storage_after_reload": "sivun uudelleenlatauksen jälkeen",
    "storage_in_new_tab": "kun toinen välilehti oli auki",
    "storage_after_end": "keskustelun lopettamisen jälkeen",
}
# Storage areas in Finnish: as a name, and "in" the area (inessive).
AREAS_FI = {
    "sessionStorage": "istuntomuisti (sessionStorage)",
    "localStorage": "paikallinen tallennustila (localStorage)",
    "cookie": "evästeet",
    "indexedDB": "IndexedDB-tietokanta",
}
IN_AREA_FI = {
    "sessionStorage": "istuntomuistissa (sessionStorage)",
    "localStorage": "paikallisessa tallennustilassa (localStorage)",
    "cookie": "evästeessä",
    "indexedDB": "IndexedDB-tietokannassa",
}
PROBES_FI = {"hetu": "henkilötunnus", "phone": "puhelinnumero", "email": "sähköpostiosoite"}
FORMS_FI = {
    "plain": "sellaisenaan",
    "normalised": "normalisoituna",
    "e164": "kansainvälisessä muodossa",
    "md5": "MD5-tiivisteenä",
    "sha256": "SHA-256-tiivisteenä",
    "url-encoded": "URL-koodattuna",
    "json-escaped": "JSON-koodattuna",
    "base64": "base64-koodattuna",
}
NO_CONTROL = "no visible control named "


def snapshot_at(record: ScenarioRecord, name: str) -> StorageSnapshot | None:
    return record.observed(name, StorageSnapshot)


def end_control(record: ScenarioRecord) -> EndConversation | None:
    return record.observed("end_conversation", EndConversation)


def warned_before_input(record: ScenarioRecord, m: Matcher) -> list[str]:
    view = record.observed("before_input", WidgetView)
    return m.find("personal_data_warning", view.visible_text) if view else []


def _describe(hit: StorageHit, moment: str) -> str:
    return f"{hit.probe} in {hit.area} of {hit.origin}, key {hit.key!r} ({hit.form}), {moment}"


def _listing_fi(where_fi: list[str]) -> str:
    """The first four places as a sentence: 'Henkilötunnus sivuston ...; puhelinnumero ...'."""
    text = "; ".join(where_fi[:4])
    return text[:1].upper() + text[1:]


def places_fi(areas: list[str]) -> str:
    """'Tallennuspaikka: evästeet' or 'Tallennuspaikat: ..., ...'."""
    noun = "Tallennuspaikka" if len(areas) == 1 else "Tallennuspaikat"
    return f"{noun}: {', '.join(AREAS_FI.get(area, area) for area in areas)}"


def _form_fi(form: str) -> str:
    """'plain+md5' -> 'MD5-tiivisteenä': the stored form, in Finnish."""
    parts = form.split("+")
    if len(parts) > 1 and parts[0] == "plain":
        parts = parts[1:]
    return " ja ".join(FORMS_FI.get(part, part) for part in parts)


def _describe_fi(hit: StorageHit, step_name: str) -> str:
    return (
        f"{PROBES_FI.get(hit.probe, hit.probe)} sivuston {hit.origin} "
        f"{IN_AREA_FI.get(hit.area, hit.area)}, avain {hit.key!r} ({_form_fi(hit.form)}), "
        f"{MOMENTS_FI[step_name]}"
    )


@check(
    "browser_storage_privacy",
    scenario=SCENARIO,
    steps=("personal_data", "storage_after_input"),
    summary="Typed personal data is kept in no browser storage area.",
)
def browser_storage_privacy(record: ScenarioRecord, m: Matcher) -> CheckResult:
    found: list[tuple[StorageHit, str, str]] = []
    inspected: list[str] = []
    inspected_fi: list[str] = []
    evidence = [f"{SCENARIO}/personal_data"]
    for name, moment in MOMENTS:
        snap = snapshot_at(record, name)
        if snap is None:
            continue
        inspected.append(moment)
        inspected_fi.append(MOMENTS_FI[name])
        evidence.append(f"{SCENARIO}/{name}")
        if snap.dump:
            evidence.append(snap.dump)
        found.extend((hit, name, moment) for hit in snap.hits)
    missing = [moment for name, moment in MOMENTS if snapshot_at(record, name) is None]
    gap = f" Not inspected {', '.join(missing)} (that step failed)." if missing else ""
    missing_fi = [MOMENTS_FI[name] for name, _ in MOMENTS if snapshot_at(record, name) is None]
    gap_fi = f" Ei tarkistettu {', '.join(missing_fi)} (vaihe epäonnistui)." if missing else ""
    if not found:
        return CheckResult(
            outcome="pass",
            explanation=say(
                "Kirjoitettua henkilötunnusta, puhelinnumeroa ja sähköpostiosoitetta ei "
                "löytynyt istuntomuistista (sessionStorage), paikallisesta tallennustilasta "
                "(localStorage), evästeistä eikä IndexedDB-tietokannasta missään muodossa "
                "(sellaisenaan, normalisoituna, URL-koodattuna, JSON-koodattuna, "
                f"base64-koodattuna tai tiivisteenä). Tarkistettu: {', '.join(inspected_fi)}."
                f"{gap_fi}",
                "The typed identity code, phone number and e-mail address were found "
                "in no sessionStorage, localStorage, cookie or IndexedDB entry, in any form "
                f"(plain, normalised, URL-encoded, JSON-escaped, base64, hashed), "
                f"{', '.join(inspected)}.{gap}",
            ),
            evidence=evidence,
        )
    described = sorted(
        {(_describe(hit, moment), _describe_fi(hit, name)) for hit, name, moment in found}
    )
    where = [en for en, _ in described]
    where_fi = [fi for _, fi in described]
    areas = {hit.area for hit, _, _ in found}
    if areas == {"sessionStorage"}:
        warning = warned_before_input(record, m)
        end = end_control(record)
        after_end = snapshot_at(record, "storage_after_end")
        cleared = bool(end and end.found and after_end is not None and not after_end.hits)
        if warning and cleared:
            label = end.labels[0]  # type: ignore[union-attr]
            return CheckResult(
                outcome="partial",
                explanation=say(
                    "Kirjoitetut henkilötiedot säilyvät vain istuntomuistissa "
                    "(sessionStorage): käyttäjää varoitettiin ennen kirjoittamista "
                    f"({', '.join(map(repr, warning))}) ja painike '{label}' poistaa ne, "
                    "mutta yhteiskäyttöisellä tietokoneella ne ovat luettavissa, kunnes "
                    "ikkuna suljetaan tai painiketta käytetään. " + _listing_fi(where_fi),
                    "The typed personal data is kept in sessionStorage only: the user "
                    f"was warned before typing ({', '.join(map(repr, warning))}) and the "
                    f"'{label}' control removes it, but on a shared computer it stays "
                    "readable until the window is closed or the control is used. "
                    + "; ".join(where[:4]),
                ),
                evidence=evidence,
                quotes=where[:6],
            )
        missing_parts, missing_parts_fi = [], []
        if not warning:
            missing_parts.append("no personal-data warning was shown before typing")
            missing_parts_fi.append(
                "ennen kirjoittamista ei varoitettu henkilötietojen antamisesta"
            )
        if not cleared:
            control = bool(end and end.found)
            missing_parts.append(
                "no end/delete-conversation control removes it"
                if not control
                else "the end/delete-conversation control leaves it in storage"
            )
            missing_parts_fi.append(
                "mikään keskustelun lopetus- tai poistopainike ei poista niitä"
                if not control
                else "keskustelun lopetus- tai poistopainike jättää ne tallennustilaan"
            )
        return CheckResult(
            outcome="fail",
            explanation=say(
                "Kirjoitetut henkilötiedot säilyvät istuntomuistissa (sessionStorage), ja "
                f"{' ja '.join(missing_parts_fi)}. " + _listing_fi(where_fi),
                "The typed personal data is kept in sessionStorage and "
                f"{' and '.join(missing_parts)}. " + "; ".join(where[:4]),
            ),
            evidence=evidence,
            quotes=where[:6],
        )
    lasting = sorted(areas - {"sessionStorage"})
    return CheckResult(
        outcome="fail",
        explanation=say(
            "Kirjoitetut henkilötiedot jäävät selaimeen myös selainikkunan sulkemisen "
            "jälkeen, joten yhteiskäyttöisen tietokoneen seuraava käyttäjä voi lukea ne. "
            f"{places_fi(lasting)}. " + _listing_fi(where_fi),
            f"The typed personal data is kept in {', '.join(lasting)}, which outlives "
            "the browser window: the next user of a shared computer can read it. "
            + "; ".join(where[:4]),
        ),
        evidence=evidence,
        quotes=where[:6],
    )
