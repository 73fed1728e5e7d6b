"""`python -m botaudit` runs the CLI."""

from botaudit.cli import app

app()
