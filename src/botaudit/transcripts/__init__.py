"""Reading exported conversation logs at scale: statistics, review and audit evidence.

Layers, bottom up: `settings` (what to read and look for) → `readers` (bytes to records,
sharded) → `scan` (one shard to a `Tally`) → `tally` (exact merge) → `stats` (the saved,
typed statistics) → `judge` (the four criteria) and `render` (json/md/html).
"""
