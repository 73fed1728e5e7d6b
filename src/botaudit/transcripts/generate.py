"""Synthetic conversation logs with known truths, for tests and benchmarks.

Conversations in Finnish, Swedish and English with planted fallbacks, requests for a
human, handoffs, feedback and personal data at chosen rates, plus look-alikes that must not
be counted (identity codes with a wrong check character, dates, order and ticket numbers,
IBANs with a wrong checksum). Every identity code is synthetic: individual number 900-999,
all century signs (+, -, Y..U, A..F, the 2023 ones included). `Planted` returns what was
planted, so tests compare figures with ground truth, not with themselves.
"""

from __future__ import annotations

import gzip
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import orjson
import zstandard
from stdnum import iban
from stdnum.fi import hetu

_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_SIGNS = {1800: "+", 1900: "-YXWVU", 2000: "ABCDEF"}

_TEXT = {
    "fi": {
        "greeting": "Hei! Olen kaupungin chatbot. Miten voin auttaa?",
        "known": [
            "Milloin kirjasto on auki?",
            "Mistä saan pysäköintiluvan?",
            "Miten haen päivähoitopaikkaa?",
        ],
        "answer": "Tässä ohje: katso kaupungin sivuilta kohta Asiointi.",
        "unknown": [
            "Paljonko jätemaksu on?",
            "Jätemaksusta kysyisin",
            "jätemaksun hinta",
            "Voiko koiran viedä uimarannalle?",
            "koirien uimarannat",
            "Missä on lähin sähköauton latauspiste?",
            "sähköauton latauspisteet",
        ],
        "fallback": "Valitettavasti en ymmärtänyt kysymystä. Voisitko muotoilla sen uudelleen?",
        "human": "Haluan puhua ihmisen kanssa",
        "handoff": "Siirrän sinut asiakaspalvelijalle.",
        "no_agent": "Asiakaspalvelu on nyt suljettu, soita numeroon 09 310 12345.",
        "agent": "Hei, asiakaspalvelija Liisa tässä.",
        "pii": "Tässä tietoni: {value}",
    },
    "sv": {
        "greeting": "Hej! Jag är stadens chattbot. Hur kan jag hjälpa?",
        "known": ["När är biblioteket öppet?", "Var får jag parkeringstillstånd?"],
        "answer": "Här är anvisningen: se stadens webbplats under Tjänster.",
        "unknown": [
            "Hur mycket kostar avfallsavgiften?",
            "avfallsavgiften pris",
            "Får man ta hunden till badstranden?",
            "hundar på badstränder",
        ],
        "fallback": "Jag förstod tyvärr inte frågan. Kan du formulera den om?",
        "human": "Jag vill prata med en människa",
        "handoff": "Jag kopplar dig vidare till kundtjänst.",
        "no_agent": "Kundtjänsten är stängd, ring 09 310 12345.",
        "agent": "Hej, handläggare Anna här.",
        "pii": "Mina uppgifter: {value}",
    },
    "en": {
        "greeting": "Hi! I am the city's chatbot. How can I help?",
        "known": ["When is the library open?", "Where do I get a parking permit?"],
        "answer": "Here is how: see the city's website under Services.",
        "unknown": [
            "How much is the waste fee?",
            "waste fees price",
            "Can I take my dog to the beach?",
            "dogs on beaches",
        ],
        "fallback": "Sorry, I didn't understand that. Could you rephrase it?",
        "human": "I want to talk to a human",
        "handoff": "Transferring you to customer service now.",
        "no_agent": "Customer service is closed, call 09 310 12345.",
        "agent": "Hello, this is Sam from customer service.",
        "pii": "My details: {value}",
    },
}


@dataclass(frozen=True)
class Rates:
    """Planted rates: per answered question (fallback), per conversation (the others)."""

    fallback: float = 0.2
    human_request: float = 0.15
    handoff_given: float = 0.6  # of requests for a human
    feedback: float = 0.1
    personal: float = 0.05  # conversations where the user types personal data
    lookalike: float = 0.05  # conversations with a look-alike that is not personal data
    languages: tuple[tuple[str, float], ...] = (("fi", 0.7), ("sv", 0.15), ("en", 0.15))


@dataclass
class Planted:
    conversations: int = 0
    messages: int = 0
    answers: int = 0
    fallbacks: int = 0
    human_requests: int = 0
    handoffs: int = 0
    contained: int = 0
    feedback: int = 0
    lookalikes: int = 0
    hetu: list[str] = field(default_factory=list)
    personal: dict[str, int] = field(default_factory=dict)  # kind -> in user messages
    languages: dict[str, int] = field(default_factory=dict)


def synthetic_hetu(rng: random.Random, century: int, sign: str | None = None) -> str:
    """A valid identity code of a person born in `century`, individual number 900-999."""
    day = date(century, 1, 1) + timedelta(days=rng.randrange(36_000))
    day = day if day.year < century + 100 and day < date(2025, 1, 1) else date(century + 10, 5, 5)
    digits = f"{day:%d%m}{day.year % 100:02d}{rng.randrange(900, 1000):03d}"
    code = f"{digits[:6]}{sign or rng.choice(_SIGNS[century])}{digits[6:]}"
    code += _CHECK[int(digits) % 31]
    assert hetu.is_valid(code, allow_temporary=True), code
    return code


def _iban(rng: random.Random) -> str:
    bban = f"{rng.randrange(10**13):014d}"
    return f"FI{iban.calc_check_digits('FI00' + bban)}{bban}"


def _personal(rng: random.Random, planted: Planted, index: int) -> tuple[str, str]:
    kind = ("hetu", "phone", "email", "iban")[index % 4]
    if kind == "hetu":
        centuries = [(c, s) for c, signs in _SIGNS.items() for s in signs]
        century, sign = centuries[(index // 4) % len(centuries)]
        value = synthetic_hetu(rng, century, sign)
        planted.hetu.append(value)
    elif kind == "phone":
        value = f"040 {rng.randrange(100, 1000)} {rng.randrange(1000, 10000)}"
    elif kind == "email":
        value = f"asukas{rng.randrange(10**6)}@example.org"
    else:
        value = _iban(rng)
    planted.personal[kind] = planted.personal.get(kind, 0) + 1
    return kind, value


def _lookalike(rng: random.Random) -> str:
    code = synthetic_hetu(rng, 1900, "-")
    wrong = _CHECK[(_CHECK.index(code[-1]) + 1) % 31]
    good = _iban(rng)
    bad_iban = good[:-1] + str((int(good[-1]) + 1) % 10)
    return rng.choice(
        [
            f"viite {code[:-1]}{wrong}",
            f"päivämäärä {rng.randrange(1, 29)}.03.2024",
            f"tilaus ORD-040{rng.randrange(10**6, 10**7)}",
            f"tiketti #35840{rng.randrange(10**7)}",
            f"tili {bad_iban}",
            f"laskun numero 2024-{rng.randrange(10**6):06d}",
        ]
    )


def _conversation(rng: random.Random, rates: Rates, planted: Planted, n: int) -> list[dict]:
    langs, weights = zip(*rates.languages, strict=True)
    lang = rng.choices(langs, weights)[0]
    t = _TEXT[lang]
    out: list[tuple[str, str, dict]] = [("bot", t["greeting"], {})]
    had_fallback = handoff = False
    for _ in range(rng.randint(1, 3)):
        if rng.random() < rates.fallback:
            out += [("user", rng.choice(t["unknown"]), {}), ("bot", t["fallback"], {})]
            planted.fallbacks += 1
            had_fallback = True
        else:
            out += [("user", rng.choice(t["known"]), {}), ("bot", t["answer"], {})]
        planted.answers += 1
    if rng.random() < rates.personal:
        _, value = _personal(rng, planted, planted.messages)
        out += [("user", t["pii"].format(value=value), {}), ("bot", t["answer"], {})]
        planted.answers += 1
    if rng.random() < rates.lookalike:
        out += [("user", _lookalike(rng), {}), ("bot", t["answer"], {})]
        planted.answers += 1
        planted.lookalikes += 1
    if rng.random() < rates.human_request:
        planted.human_requests += 1
        handoff = rng.random() < rates.handoff_given
        out += [("user", t["human"], {})]
        out += (
            [("bot", t["handoff"], {}), ("agent", t["agent"], {})]
            if handoff
            else [("bot", t["no_agent"], {})]
        )
        planted.answers += 1
        planted.handoffs += handoff
    if rng.random() < rates.feedback:
        planted.feedback += 1
        out[-1][2]["feedback"] = rng.choice(["up", "down", 1, 2, 3, 4, 5])
    planted.contained += not (had_fallback or handoff)
    planted.conversations += 1
    planted.messages += len(out)
    planted.languages[lang] = planted.languages.get(lang, 0) + 1
    cid = f"conv-{n:08d}"
    return [
        {"conversation_id": cid, "sender": s, "text": x, "language": lang, **extra}
        for s, x, extra in out
    ]


def _open(path: Path):
    if path.suffix == ".gz":
        return gzip.open(path, "wb", compresslevel=1)
    if path.suffix == ".zst":
        return zstandard.ZstdCompressor(level=1).stream_writer(open(path, "wb"))
    return open(path, "wb")


def write_transcripts(
    path: Path,
    conversations: int = 1000,
    *,
    target_bytes: int | None = None,
    seed: int = 1,
    rates: Rates = Rates(),
    weeks: float = 8,
    order: str = "time",
) -> Planted:
    """Write a JSONL log (plain, .gz or .zst); `target_bytes` overrides `conversations`.

    `order="time"`: messages of concurrent conversations interleave, in time order (how
    a live system logs); `order="grouped"`: each conversation's messages together.
    """
    rng, planted = random.Random(seed), Planted()
    start = datetime(2025, 1, 6, 7, tzinfo=UTC)
    total = conversations if target_bytes is None else 10**12
    step = timedelta(weeks=weeks) / (
        conversations if target_bytes is None else max(1, target_bytes // 1100)
    )
    written, window, n = 0, [], 0
    with _open(path) as out:
        while n < total and (target_bytes is None or written < target_bytes):
            begin = start + step * n
            messages = _conversation(rng, rates, planted, n)
            for i, message in enumerate(messages):
                stamp = begin + timedelta(seconds=20 * i + rng.randrange(10))
                window.append((stamp, n, i, message))
            n += 1
            if order == "grouped" or len(window) > 4000:
                written += _flush(out, window, begin if order == "time" else None)
        written += _flush(out, window, None)
    return planted


def _flush(out, window: list, before: datetime | None) -> int:
    """Write (in time order) the messages stamped before `before` (all when None)."""
    window.sort(key=lambda item: (item[0], item[1], item[2]))
    cut = (
        len(window)
        if before is None
        else next((i for i, item in enumerate(window) if item[0] >= before), len(window))
    )
    size = 0
    for stamp, _, _, message in window[:cut]:
        local = stamp.astimezone(_HELSINKI)
        line = orjson.dumps({**message, "timestamp": local.isoformat(timespec="seconds")})
        out.write(line + b"\n")
        size += len(line) + 1
    del window[:cut]
    return size


_HELSINKI = timezone(timedelta(hours=2))  # Finnish winter time, fixed: reproducible weeks
