"""Where profiles live, and why a folder named for them cannot be used.

Light on purpose (no pydantic, no click): a bare ``deskfit`` resolves its folder here
before the wizard's first paint.
"""

from __future__ import annotations

import os
from pathlib import Path

from deskfit.core.model.shown_text import safe_path

ENV_PROFILES_DIR = "DESKFIT_PROFILES_DIR"


def profiles_dir(option: str | Path | None = None) -> Path:
    """Where profiles live: the option, else $DESKFIT_PROFILES_DIR, else the user data dir."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(ENV_PROFILES_DIR)
    if env:
        return Path(env).expanduser()
    return default_profiles_dir()


def default_profiles_dir() -> Path:
    """The user data folder's ``profiles`` (``~/.local/share/deskfit/profiles`` on Linux)."""
    from platformdirs import user_data_path  # deferred: only needed without an override

    return user_data_path("deskfit", appauthor=False) / "profiles"


def not_a_folder(folder: Path, source: str) -> str | None:
    """Why ``folder`` (named by ``source``: an option, a variable) cannot hold profiles."""
    if folder.exists() and not folder.is_dir():
        return f"{source} is {safe_path(folder)}, which is a file, not a folder"
    return None
