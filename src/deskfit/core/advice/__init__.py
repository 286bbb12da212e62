"""Advice: a pure function of the profile (``advise(profile)``).

Every failed checklist item (ergonomics.md §5) and every setting that differs from how the
workstation stands now becomes one ``AdviceLine``: what to do, by how much, why, and the
sources. The seed advice about crossing legs and the footstool (§6) appears where it
applies. Lines are sorted by severity, then in the order a person acts: chair, desk,
footstool, monitor, then the rest. One module per area writes that area's lines.
"""

from __future__ import annotations

from collections.abc import Callable

from deskfit.core.advice import (
    chair,
    desk,
    footstool,
    habits,
    keyboard_mouse,
    monitor,
    phone,
)
from deskfit.core.advice.lines import (
    AREAS,
    SEVERITIES,
    Advice,
    AdviceLine,
    Area,
    Severity,
    Writer,
)
from deskfit.core.body import BodyDimensions
from deskfit.core.fit import Fit, fit
from deskfit.core.profile import Profile
from deskfit.core.rosa import RosaItems, score
from deskfit.core.rosa_items import rosa_items

__all__ = [
    "AREAS",
    "SEVERITIES",
    "Advice",
    "AdviceLine",
    "Area",
    "Severity",
    "advise",
    "assumptions_for",
    "estimated_keys",
]


_SECTIONS: tuple[Callable[[Writer, Profile, Fit, RosaItems], None], ...] = (
    chair.advise_chair,
    desk.advise_desk,
    footstool.advise_footstool,
    monitor.advise_monitor,
    keyboard_mouse.advise_keyboard_mouse,
    phone.advise_phone,
    habits.advise_habits,
)


def estimated_keys(profile: Profile, body: BodyDimensions) -> list[str]:
    """The estimated body dimensions this profile's advice rests on, as profile keys.

    Standing elbow height is always estimated but matters only for a sit-stand desk.
    """
    return [
        key
        for key in body.estimated()
        if key != "elbow_height_standing_cm" or profile.desk.sit_stand
    ]


def assumptions_for(profile: Profile, fit_: Fit) -> list[str]:
    """What the advice assumes: estimated body dimensions and unanswered questions."""
    out = []
    names = {
        "popliteal_height_cm": "popliteal height (seat height)",
        "elbow_rest_height_cm": "elbow rest height (desk and keyboard height)",
        "eye_height_sitting_cm": "eye height sitting (monitor height)",
        "buttock_popliteal_length_cm": "buttock–popliteal length (seat depth)",
        "elbow_height_standing_cm": "elbow height standing (standing desk height)",
    }
    for key in estimated_keys(profile, fit_.body):
        out.append(f"Estimated from your height and sex: {names[key]}.")
    if profile.chair.seat_depth_cm is None:
        out.append("Seat depth not given: taken as fitting.")
    return out


def advise(profile: Profile) -> Advice:
    """All of deskfit's advice for a profile. Pure and deterministic."""
    f = fit(profile)
    before = rosa_items(profile, f.body, f.current, after=False)
    after = rosa_items(profile, f.body, f.recommended, after=True)
    writer = Writer(profile)
    for section in _SECTIONS:
        section(writer, profile, f, before)
    order = {(s, a): (SEVERITIES.index(s), AREAS.index(a)) for s in SEVERITIES for a in AREAS}
    lines = sorted(writer.lines, key=lambda line: order[(line.severity, line.area)])
    return Advice(
        profile=profile,
        fit=f,
        rosa_items=before,
        rosa=score(before),
        rosa_after_items=after,
        rosa_after=score(after),
        lines=lines,
        assumptions=assumptions_for(profile, f),
    )
