"""Every advice line's id: the names actions are recorded by (``[actions.<id>]``), so a
typed id can be checked and a typo told apart from a line deskfit may give later.
tests/core/engine/test_advice_ids.py checks that every line advise() writes is here."""

from __future__ import annotations

ADVICE_IDS: frozenset[str] = frozenset(
    {
        "armrest-height",
        "armrest-surface",
        "backrest",
        "backrest-recline",
        "breaks",
        "chair-too-low-for-desk",
        "crossing-legs",
        "desk-height",
        "desk-too-low",
        "document-holder",
        "footstool-fallback",
        "footstool-height",
        "footstool-not-needed",
        "footstool-second-position",
        "glare",
        "keyboard-tray",
        "keyboard-tray-height",
        "legroom",
        "lumbar-support",
        "measure-elbow",
        "monitor-distance",
        "monitor-height",
        "monitor-in-front",
        "mouse-platform",
        "mouse-position",
        "mouse-same-surface",
        "mouse-size",
        "overhead-reach",
        "palm-rest",
        "phone-headset",
        "phone-neck-hold",
        "phone-reach",
        "seat-cushion",
        "seat-depth",
        "seat-height",
        "see-a-health-professional",
        "standing-height",
        "stature-outside-data",
        "surface-at-lowest",
        "thigh-room",
        "wrists-deviate",
        "wrists-straight",
    }
)
