"""Download the conversation as a citizen would and look inside the file.

The study calls OuluBot's "Lataa keskustelu" appropriate (proof of the advice received) and
found personal data removed from the file (METKU 2022, Lisäselvitys 2, 4.2.4 Legitiimiys,
Yksityisyys). The step looks for a visible control named like the lexicon's
`download_transcript` names (fi, sv, en), clicks it, takes the download, and records
whether the file holds this session's conversation and any typed probe value (in any of
the forms storage is searched for). Only a masked copy is kept in the bundle.
"""

from __future__ import annotations

from pathlib import Path

from playwright.async_api import Error as PlaywrightError

from botaudit.evidence.observations import PersonalDataInput
from botaudit.evidence.pii import probe_forms_in
from botaudit.evidence.text import MAX_MESSAGE_CHARS, capped
from botaudit.evidence.transcript_download import TranscriptDownload
from botaudit.gather.dom import find_named_control
from botaudit.gather.step_base import NoParams, RunContext, current_step, step

DOWNLOAD_WAIT_MS = 5_000
MAX_FILE_CHARS = 10 * MAX_MESSAGE_CHARS


class TranscriptParams(NoParams):
    personal_data: str = "personal_data"


@step(
    "download_transcript",
    TranscriptParams,
    TranscriptDownload,
    "Download the conversation (if the widget offers it) and look inside the file.",
)
async def download_transcript(ctx: RunContext, params: TranscriptParams) -> TranscriptDownload:
    names = [
        n for lang in ("fi", "sv", "en") for n in ctx.lexicon.for_language(lang).download_transcript
    ]
    found = await find_named_control(ctx.driver.default_scope, names, with_text=False)
    if found is not None:
        control, name = found
        try:
            async with ctx.page.expect_download(timeout=DOWNLOAD_WAIT_MS) as info:
                await control.click()
            download = await info.value
            path = Path(await download.path())
        except PlaywrightError as exc:
            return TranscriptDownload(
                found=True, label=name, detail=f"no file came: {str(exc).splitlines()[0]}"
            )
        return _inspect(ctx, params, name, download.suggested_filename, path)
    return TranscriptDownload(found=False, detail="no visible control named " + " / ".join(names))


def _inspect(
    ctx: RunContext, params: TranscriptParams, name: str, filename: str, path: Path
) -> TranscriptDownload:
    raw = path.read_bytes()
    text = raw.decode("utf-8", errors="replace")
    typed = ctx.record.observed(params.personal_data, PersonalDataInput)
    replies = {r.text for e in typed.exchanges for r in e.replies} if typed else set()
    masked = ctx.mask(text[:MAX_FILE_CHARS])
    # Reply texts are recorded masked and may carry a sender label line: compare bodies.
    bodies = {line.strip() for reply in replies for line in reply.splitlines() if line.strip()}
    copy = ctx.artefact_path(current_step(ctx), ".txt")
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text(capped(masked, MAX_FILE_CHARS, total=len(text)), encoding="utf-8")
    return TranscriptDownload(
        found=True,
        label=name,
        filename=ctx.mask(filename),
        size_bytes=len(raw),
        holds_conversation=any(body in masked for body in bodies),
        typed_data_shown=[p.kind for p in ctx.probes if probe_forms_in(text, p)],
        excerpt=capped(masked, 300),
        transcript=ctx.keep(copy, "transcript", "The downloaded conversation, masked."),
    )
