"""Errors the user can act on.

The CLI prints these as one sentence and exits 2; anything else is a bug and may show a
traceback. Keeping the distinction in one exception type means a deep helper can fail
clearly without knowing it runs under a CLI.
"""


class UsageError(Exception):
    """Bad input or an unreachable target: one sentence naming what to fix."""
