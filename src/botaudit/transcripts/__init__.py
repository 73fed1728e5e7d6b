"""Reading exported conversation logs at scale: statistics, review and audit evidence.

Layers, bottom up: `botaudit.transcript_settings` (what to read and look for, a leaf
beside the config) → `readers` (bytes to records, sharded) → `scan` (one shard to a
`Tally`) → `tally` (exact merge) → `summarise` (to `botaudit.evidence.transcripts`, the
saved statistics) → `review` (judged by `botaudit.checks.transcripts`, rendered by
`render`) → `command` (the CLI).
"""
