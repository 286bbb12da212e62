"""Saving a profile the way every save does: stamped, with the advice as it stands.

profile-format.md: ``[advice]`` is written on every save. Kept apart from ``store`` so
that reading and checking files does not import the advice engine.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from deskfit.core.engine.advice import Advice, advise
from deskfit.core.files.store import (
    UNCHECKED,
    Unchecked,
    atomic_write,
    backup_path,
    save_profile,
    stamp,
)
from deskfit.core.model.profile import Profile
from deskfit.core.present.render import snapshot


def save_with_advice(
    profile: Profile,
    path: Path,
    *,
    now: datetime | None = None,
    overwrite_other: bool = False,
    migrated_from: int | None = None,
    expected: str | Unchecked | None = UNCHECKED,
    advice: Advice | None = None,
) -> Profile:
    """Stamp ``updated`` (and ``created``), write the answers and the [advice] snapshot.

    ``migrated_from``: the file at ``path`` was read as this older schema version; its
    original bytes are kept first in ``store.backup_path`` (0600, never replaced once
    there), as profile-format.md asks of a migrated file that is rewritten.

    ``expected``: the content hash the caller read (``Loaded.sha256``), None for a new
    file; checked under the lock right before the rename (``store.ChangedOnDisk``).

    Returns the profile as written. Raises ``ProfileExists``, ``ChangedOnDisk`` or
    ``OSError`` like ``store.save_profile``; the profile file is not written then.
    """
    stamped = stamp(profile, now)
    # the advice does not depend on when the profile was saved: one worked out for these
    # answers already (the wizard's) is the one written
    written = snapshot(advice if advice is not None else advise(stamped), now)
    if migrated_from is not None and path.is_file():
        backup = backup_path(path, migrated_from)
        if not backup.exists():
            atomic_write(backup, path.read_bytes())
    save_profile(stamped, path, advice=written, overwrite_other=overwrite_other, expected=expected)
    return stamped
