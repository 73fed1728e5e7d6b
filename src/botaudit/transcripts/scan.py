"""One shard to a `Tally`: the loop every message goes through, so it is kept lean.

Per message: a handful of dict updates, one regex search on bot and user texts, and a
pre-filter before the personal-data validators. Open conversations live in a dict that is
swept of conversations idle for longer than the idle time, so memory follows the number of
conversations active at once, not the size of the log.
"""

from __future__ import annotations

from botaudit.transcripts.clock import parse_time
from botaudit.transcripts.groups import masked_example
from botaudit.transcripts.personal import find_in_message, may_hold_personal_data
from botaudit.transcripts.readers import Shard, read_shard
from botaudit.transcripts.rules import Rules, feedback_value, rules_for
from botaudit.transcripts.settings import TranscriptSettings
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
        self.first: float | None = None
        self.cache: dict[tuple[str, str, str], tuple] = {}
        self.kinds: dict[tuple[str, str, str, int], int] = {}  # messages per sender, lang...
        self.count = 0

    def run(self) -> Tally:
        tally, rules, file_index = self.tally, self.rules, self.shard.file_index
        get_cid, get_ts, get_sender, get_text, get_feedback, get_intent, get_lang = rules.get
        lines = 0
        senders, message = rules.senders, self._message
        for number, record, problem in read_shard(self.shard, rules.settings.mapping.messages):
            lines = number
            if problem is not None:
                tally.note_malformed((file_index, number), problem)
            if record is None:
                continue
            cid = get_cid(record)
            if cid is None or cid == "":
                tally.note_malformed((file_index, number), "no conversation id")
                continue
            try:
                epoch, week, hour = parse_time(get_ts(record))
            except (ValueError, TypeError):
                tally.note_malformed((file_index, number), "no valid timestamp")
                continue
            sender = get_sender(record)
            sender = senders.get(sender) or senders.get(str(sender).lower())
            if sender is None:
                tally.note_malformed((file_index, number), "sender is not user, bot or agent")
                continue
            text = get_text(record)
            text = text if isinstance(text, str) else ("" if text is None else str(text))
            language = get_lang(record)
            language = str(language)[:2].lower() if language else rules.default_language
            feedback = get_feedback(record)
            message(
                cid if type(cid) is str else str(cid),
                epoch,
                week,
                hour,
                sender,
                text,
                language,
                (file_index, number),
                None if feedback is None else feedback_value(feedback),
                get_intent(record),
            )
        tally.lines[file_index] = lines
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
        """(flag, handoff, findings, masked) of a text: human request (user) or fallback
        (bot), handoff wording, personal data. Cached: bots repeat their replies verbatim."""
        rules = self.rules
        if sender == "user":
            flag = bool(rules.human.get(language, rules.any_human).search(text))
            handoff = False
        elif sender == "bot":
            flag = bool(rules.fallback.get(language, rules.any_fallback).search(text))
            handoff = bool(rules.handoff.get(language, rules.any_handoff).search(text))
        else:
            flag = handoff = False
        found = find_in_message(text) if may_hold_personal_data(text) else []
        hit = (flag, handoff, [f.kind for f in found], masked_example(text) if found else "")
        if len(self.cache) >= CACHE_TEXTS:
            self.cache.clear()
        self.cache[(sender, language, text)] = hit
        return hit

    def _message(self, cid, epoch, week, hour, sender, text, language, ref, feedback, intent):
        tally, rules = self.tally, self.rules
        kind = (sender, language, week, hour)
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        self.count += 1
        if self.first is None:
            self.first = epoch
        elif tally.warm and abs(epoch - self.first) > rules.idle:
            tally.warm = False
        conversation = self.open.get(cid)
        if conversation is None or abs(epoch - conversation.last) > rules.idle:
            if conversation is not None:
                self._close(conversation)
            conversation = Conversation(cid, epoch, week, language, tally.warm)
            self.open[cid] = conversation
        else:
            conversation.last = epoch
        flag, handoff, kinds, masked = self.cache.get((sender, language, text)) or self._classify(
            sender, language, text
        )
        if sender == "user":
            conversation.engaged = True
            if conversation.lead is None:
                conversation.lead = "user"
            if flag:
                conversation.human = True
                tally.human_request_messages += 1
            conversation.pending = (text[:QUESTION_CHARS], language, ref)
        elif sender == "bot":
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
        if feedback is not None:
            conversation.feedback = True
            tally.feedback[feedback] += 1
            tally.week_feedback[week] += 1
        for kind in kinds:
            tally.note_personal(kind, sender, week, ref, masked)
        if self.count % SWEEP_EVERY == 0:
            self._sweep(epoch)

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
