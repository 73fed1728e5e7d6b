"""Conversation probes: ask a bot real questions over its API (or its widget) and judge
the answers for bot trainers and for the sixteen `evidence: conversation` criteria.

gather side: `settings` (config), `questions` (question sets), `connectors` (one per
protocol), `runner` (asks every question → `model.ConversationRun`);
judging side: `signals` (phrase lists and thresholds), `text` (pure text measures),
`criteria` (pure judging functions), `checks` (registration with the checklist engine).
"""
