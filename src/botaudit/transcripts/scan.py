"""One shard to a `Tally`: the loop every message goes through, so it is kept lean.

Per message: a handful of dict updates, one regex search on bot and user texts, and a
pre-filter before the personal-data validators. Open conversations live in a dict that is
swept of conversations idle for longer than the idle time, so memory follows the number of
conversations active at once, not the size of the log.
"""

from __future__ import annotations

from botaudit.transcript_settings import TranscriptSettings
from botaudit.transcripts.clock import parse_minute
from botaudit.transcripts.groups import shorten
from botaudit.transcripts.personal import examine
from botaudit.transcripts.readers import Shard, read_shard
from botaudit.transcripts.rules import Rules, feedback_value, rules_for
from botaudit.transcripts.tally import Conversation, Tally

SWEEP_EVERY = 4096
QUESTION_CHARS = 500
CACHE_TEXTS = 20_000


def scan(shard: Shard, settings: TranscriptSettings) -> Tally:
    """Statistics of one shard; its edge conversations are left for the merge."""
    return _Scanner(shard, rules_for(settings)).run()


class _Scanner:
    def __init__(self, shard: Shard, rules: Rules) -> None:
        self.shard = shard
        self.rules = rules
        self.tally = Tally()
        self.open: dict[str, Conversation] = {}
        self.cache: dict[tuple[str, str, str], tuple] = {}
        self.kinds: dict[tuple[str, str, str, int], int] = {}  # messages per sender, lang...

    def run(self) -> Tally:
        """The hot loop, written out in one function with locals: a call per message or an
        attribute lookup per field costs more here than everything the review adds."""
        tally, rules, file_index = self.tally, self.rules, self.shard.file_index
        f_cid, f_ts, f_sender, f_text, f_feedback, f_intent, f_lang = rules.fields
        flatten = rules.flatten
        senders, cache, kinds, classify = rules.senders, self.cache, self.kinds, self._classify
        languages: dict[object, str] = {None: rules.default_language, "": rules.default_language}
        idle, conversations, note = rules.idle, self.open, tally.note_malformed
        lines = count = 0
        first: float | None = None
        warm = True
        minutes: dict[str, tuple[float, str, int, str]] = {}
        for number, record, problem in read_shard(self.shard, rules.settings.mapping.messages):
            lines = number
            if problem is not None:
                note((file_index, number), problem)
            if record is None:
                continue
            if flatten is not None:
                record = flatten(record)
            get = record.get
            cid = get(f_cid)
            if cid is None or cid == "":
                note((file_index, number), "no conversation id")
                continue
            stamp = get(f_ts)
            hit = minutes.get(stamp[:16]) if type(stamp) is str else None
            if hit is not None and hit[3] == stamp[19:]:
                epoch, week, hour = hit[0], hit[1], hit[2]
            else:
                try:
                    epoch, week, hour = parse_minute(stamp, minutes)
                except (ValueError, TypeError):
                    note((file_index, number), "no valid timestamp")
                    continue
            sender = get(f_sender)
            sender = senders.get(sender) or senders.get(str(sender).lower())
            if sender is None:
                note((file_index, number), "sender is not user, bot or agent")
                continue
            text = get(f_text)
            if type(text) is not str:
                text = "" if text is None else str(text)
            raw_language = get(f_lang)
            language = languages.get(raw_language)
            if language is None:
                language = languages[raw_language] = str(raw_language)[:2].lower()
            kind = (sender, language, week, hour)
            kinds[kind] = kinds.get(kind, 0) + 1
            count += 1
            if first is None:
                first = epoch
            elif warm and abs(epoch - first) > idle:
                warm = tally.warm = False
            if type(cid) is not str:
                cid = str(cid)
            conversation = conversations.get(cid)
            if conversation is None or abs(epoch - conversation.last) > idle:
                if conversation is not None:
                    self._close(conversation)
                conversation = Conversation(cid, epoch, week, language, warm)
                conversations[cid] = conversation
            else:
                conversation.last = epoch
            flag, handoff, found, masked = cache.get((sender, language, text)) or classify(
                sender, language, text
            )
            if sender == "user":
                conversation.engaged = True
                if conversation.lead is None:
                    conversation.lead = "user"
                if flag:
                    conversation.human = True
                    tally.human_request_messages += 1
                conversation.pending = (text[:QUESTION_CHARS], language, (file_index, number))
            elif sender == "bot":
                intent = get(f_intent)
                if intent:
                    intent = str(intent).lower()
                    flag = flag or intent in rules.fallback_intents
                    handoff = handoff or intent in rules.handoff_intents
                if flag:
                    tally.fallback_messages += 1
                    conversation.fallback = True
                if handoff:
                    conversation.handoff = True
                if conversation.lead is None:
                    conversation.lead = "fallback" if flag else "answer"
                    conversation.lead_week = week
                elif conversation.pending is not None:
                    tally.answer(conversation.pending, week, flag, rules.keyer)
                    conversation.pending = None
            else:
                conversation.handoff = True
                if conversation.lead is None:
                    conversation.lead = "agent"
                conversation.pending = None
            feedback = get(f_feedback)
            if feedback is not None and (feedback := feedback_value(feedback)) is not None:
                conversation.feedback = True
                tally.feedback[feedback] += 1
                tally.week_feedback[week] += 1
            for personal in found:
                tally.note_personal(personal, sender, week, (file_index, number), masked)
            if count % SWEEP_EVERY == 0:
                self._sweep(epoch)
        return self._finish(lines)

    def _finish(self, lines: int) -> Tally:
        tally = self.tally
        tally.lines[self.shard.file_index] = lines
        for (sender, language, week, hour), n in self.kinds.items():
            tally.messages += n
            tally.senders[sender] += n
            tally.languages[language] += n
            tally.week_messages[week] += n
            tally.hour_messages[hour] += n
        for conversation in self.open.values():
            conversation.open = True
            tally.edges.append(conversation)
        return tally

    def _classify(self, sender: str, language: str, text: str) -> tuple:
        """(flag, handoff, kinds found, masked text) of a message: flag is a request for a
        human (user) or a fallback (bot). Cached: bots repeat their replies verbatim."""
        rules = self.rules
        if sender == "user":
            flag = bool(rules.human.get(language, rules.any_human).search(text))
            handoff = False
        elif sender == "bot":
            flag = bool(rules.fallback.get(language, rules.any_fallback).search(text))
            handoff = bool(rules.handoff.get(language, rules.any_handoff).search(text))
        else:
            flag = handoff = False
        found, masked = examine(text)
        hit = (flag, handoff, [f.kind for f in found], shorten(masked) if found else "")
        if len(self.cache) >= CACHE_TEXTS:
            self.cache.clear()
        self.cache[(sender, language, text)] = hit
        return hit

    def _close(self, conversation: Conversation) -> None:
        if conversation.head:
            self.tally.edges.append(conversation)
        else:
            self.tally.finish(conversation)

    def _sweep(self, now: float) -> None:
        """Close conversations the log has left behind (by more than the idle time)."""
        idle = self.rules.idle
        stale = [c for c in self.open.values() if abs(now - c.last) > idle]
        for conversation in stale:
            del self.open[conversation.cid]
            self._close(conversation)
