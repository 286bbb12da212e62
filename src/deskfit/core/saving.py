"""Saving a profile the way every save does: stamped, with the advice as it stands.

profile-format.md: ``[advice]`` is written on every save. Kept apart from ``store`` so
that reading and checking files does not import the advice engine.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from deskfit.core.advice import advise
from deskfit.core.profile import Profile
from deskfit.core.render import snapshot
from deskfit.core.store import save_profile, stamp


def save_with_advice(
    profile: Profile,
    path: Path,
    *,
    now: datetime | None = None,
    overwrite_other: bool = False,
) -> Profile:
    """Stamp ``updated`` (and ``created``), write the answers and the [advice] snapshot.

    Returns the profile as written. Raises ``ProfileExists`` or ``OSError`` like
    ``store.save_profile``; nothing is written then.
    """
    stamped = stamp(profile, now)
    save_profile(
        stamped, path, advice=snapshot(advise(stamped), now), overwrite_other=overwrite_other
    )
    return stamped
