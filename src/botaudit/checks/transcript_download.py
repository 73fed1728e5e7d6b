"""legitimacy.transcript-download: can the citizen keep the conversation, masked?

- pass: a download control gives a file holding this session's conversation, with none of
  the typed personal data in it (in any form);
- partial: the file holds the conversation, but typed personal data is in it unmasked;
- fail: no download control was found;
- inconclusive: a control was found but no file came, or the file holds nothing of the
  conversation.
"""

from __future__ import annotations

from botaudit.checks.base import CheckResult, Evidence, browser, check, result
from botaudit.evidence.transcript_download import TranscriptDownload
from botaudit.lexicon import Matcher

SCENARIO = "next-user"


def judge_transcript(data: TranscriptDownload, evidence: list[str]) -> CheckResult:
    quotes = [data.excerpt] if data.excerpt else []
    if not data.found:
        return result("fail", "transcript.none", evidence=evidence)
    if not data.size_bytes or not data.holds_conversation:
        detail = data.detail or data.filename
        return result("inconclusive", "transcript.empty", evidence=evidence, detail=detail)
    if data.typed_data_shown:
        kinds = ", ".join(data.typed_data_shown)
        return result(
            "partial", "transcript.unmasked", evidence=evidence, quotes=quotes, kinds=kinds
        )
    return result(
        "pass", "transcript.pass", evidence=evidence, quotes=quotes, label=repr(data.label)
    )


@check("transcript_download", needs=(browser(SCENARIO, "transcript", TranscriptDownload),))
def transcript_download(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    data: TranscriptDownload = ev["transcript"]
    evidence = [ev.ref("transcript")] + ([data.transcript] if data.transcript else [])
    return judge_transcript(data, evidence)
