"""Conversation probes: ask a bot real questions over its API (or its widget) and judge
the answers for bot trainers and for the sixteen `evidence: conversation` criteria.

gather side: `botaudit.conversation_config` (the config section), `questions` (question
sets), `connectors` (one per protocol), `runner` (asks every question →
`model.ConversationRun`), `probe` and `gather` (into the evidence bundle);
judging side: `signals` (phrase lists and thresholds), `text` (pure text measures),
`assess` and `criteria` (pure judging functions; registered as checks in
`botaudit.checks.conversation`); `page` and `command` (the trainers' view, `converse`).
"""
