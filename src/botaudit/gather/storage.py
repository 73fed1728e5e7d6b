"""Snapshots of browser storage, searched for the probe values typed into the chat.

Playwright's storage_state() covers cookies, localStorage and IndexedDB but not
sessionStorage, and a cross-origin widget iframe has storage of its own, so every frame of
every open tab is read from inside, and cookies come from the context.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from playwright.async_api import BrowserContext
from playwright.async_api import Error as PlaywrightError

from botaudit.evidence.observations import StorageHit, StorageSnapshot
from botaudit.evidence.pii import Probe, mask_text, probe_forms_in

AREAS = ("sessionStorage", "localStorage", "cookie", "indexedDB")
MAX_VALUE_CHARS = 200_000

_READ_FRAME_JS = """
async () => {
  const out = {origin: location.origin, session: {}, local: {}, idb: [], errors: []};
  const copy = (store, into) => {
    for (let i = 0; i < store.length; i++) { const k = store.key(i); into[k] = store.getItem(k); }
  };
  try { copy(sessionStorage, out.session); } catch (e) { out.errors.push('sessionStorage: ' + e); }
  try { copy(localStorage, out.local); } catch (e) { out.errors.push('localStorage: ' + e); }
  const safe = (v) => { try { return JSON.stringify(v); } catch (e) { return String(v); } };
  try {
    const dbs = indexedDB.databases ? await indexedDB.databases() : [];
    for (const info of dbs) {
      const db = await new Promise((ok, bad) => {
        const req = indexedDB.open(info.name);
        req.onsuccess = () => ok(req.result); req.onerror = () => bad(req.error);
      });
      const ask = (req) => new Promise((ok, bad) => {
        req.onsuccess = () => ok(req.result); req.onerror = () => bad(req.error);
      });
      for (const storeName of db.objectStoreNames) {
        const store = db.transaction(storeName, 'readonly').objectStore(storeName);
        const rows = await ask(store.getAll());
        const keys = await ask(store.getAllKeys());
        rows.forEach((row, i) => out.idb.push({
          key: info.name + '/' + storeName + '/' + safe(keys[i]), value: safe(row),
        }));
      }
      db.close();
    }
  } catch (e) { out.errors.push('indexedDB: ' + e); }
  return out;
}
"""


@dataclass(frozen=True)
class Entry:
    area: str
    origin: str
    key: str
    value: str


async def read_entries(context: BrowserContext) -> tuple[list[Entry], list[str], list[str]]:
    """Every storage entry visible to the context's pages: entries, origins, errors."""
    entries: dict[tuple[str, str, str, str], Entry] = {}
    origins: list[str] = []
    errors: list[str] = []
    for tab, page in enumerate(context.pages):
        for frame in page.frames:
            try:
                data = await frame.evaluate(_READ_FRAME_JS)
            except PlaywrightError as exc:
                errors.append(f"frame {frame.url}: {str(exc).splitlines()[0]}")
                continue
            origin = data["origin"]
            if origin == "null":
                continue
            origins.append(origin)
            errors.extend(f"{origin}: {e}" for e in data["errors"])
            # sessionStorage belongs to one tab; keep the tab in the key so tabs stay apart.
            for key, value in data["session"].items():
                entries[("sessionStorage", origin, f"tab{tab}:{key}", "")] = Entry(
                    "sessionStorage", origin, f"tab {tab + 1}: {key}", value
                )
            for key, value in data["local"].items():
                entries[("localStorage", origin, key, "")] = Entry(
                    "localStorage", origin, key, value
                )
            for row in data["idb"]:
                entries[("indexedDB", origin, row["key"], "")] = Entry(
                    "indexedDB", origin, row["key"], row["value"]
                )
    for cookie in await context.cookies():
        origin = f"{cookie['domain']}{cookie['path']}"
        entries[("cookie", origin, cookie["name"], "")] = Entry(
            "cookie", origin, cookie["name"], cookie["value"]
        )
    return list(entries.values()), sorted(set(origins)), errors


def find_hits(entries: list[Entry], probes: list[Probe]) -> list[StorageHit]:
    hits: list[StorageHit] = []
    for entry in entries:
        for probe in probes:
            stored = f"{entry.key}\n{entry.value[:MAX_VALUE_CHARS]}"
            for form in probe_forms_in(stored, probe):
                hits.append(
                    StorageHit(
                        area=entry.area,  # type: ignore[arg-type]
                        origin=entry.origin,
                        key=mask_text(entry.key, probes),
                        probe=probe.kind,
                        form=form,
                    )
                )
    return hits


def masked_dump(entries: list[Entry], hits: list[StorageHit], probes: list[Probe]) -> list[dict]:
    """Entries safe to save: personal data masked; values holding an encoded probe withheld."""
    encoded = {(h.area, h.origin, h.key) for h in hits if h.form != "plain"}
    dump = []
    for entry in entries:
        key = mask_text(entry.key, probes)
        if (entry.area, entry.origin, key) in encoded:
            value = f"[withheld: holds a probe value in encoded form; {len(entry.value)} chars]"
        else:
            value = mask_text(entry.value[:MAX_VALUE_CHARS], probes)
        dump.append({"area": entry.area, "origin": entry.origin, "key": key, "value": value})
    return dump


async def snapshot(
    context: BrowserContext, probes: list[Probe], moment: str, dump_path: Path
) -> StorageSnapshot:
    entries, origins, errors = await read_entries(context)
    hits = find_hits(entries, probes)
    dump_path.parent.mkdir(parents=True, exist_ok=True)
    dump_path.write_text(
        json.dumps(masked_dump(entries, hits, probes), ensure_ascii=False, indent=2),
        encoding="utf-8",
    )
    counts = {area: sum(1 for e in entries if e.area == area) for area in AREAS}
    return StorageSnapshot(
        moment=moment,
        areas_inspected=list(AREAS),
        origins=origins,
        entry_count=counts,
        hits=hits,
        errors=errors,
    )
