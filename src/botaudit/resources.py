"""Where the bundled data (checklists, scenarios, phrase lists) lives.

In a wheel the data sits inside the package (`botaudit/_data/...`); in a source checkout or
an editable install it is the repo's top-level folder. Looking in both keeps one code path
for users and developers.
"""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder `name` ("checklists" or "scenarios") of the installed data."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"botaudit's bundled '{name}' folder is missing; reinstall botaudit")
