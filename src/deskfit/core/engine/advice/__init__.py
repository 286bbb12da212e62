"""Advice: a pure function of the profile (``advise(profile)``).

The plan (``plan.make_plan``) decides every setting, in order; each step of it, every
failed checklist item (ergonomics.md §5) and the seed advice about crossing legs and the
footstool (§6) becomes one ``AdviceLine``: what to do, by how much, why, and the sources.
Every number in a line is read from the plan at the step it describes. Lines are sorted
by severity (§3.4), then in the plan's order: chair, desk, footstool, monitor, the rest.
When a purchase rests on an estimated elbow height, measuring it comes first (§3.3).
One module per area writes that area's lines.
"""

from __future__ import annotations

from collections.abc import Callable

from deskfit.core.engine.advice import (
    chair,
    desk,
    footstool,
    habits,
    keyboard_mouse,
    monitor,
    phone,
    symptoms,
)
from deskfit.core.engine.advice.lines import (
    AREAS,
    SEVERITIES,
    Advice,
    AdviceLine,
    Area,
    Severity,
    Writer,
)
from deskfit.core.engine.advice.measure import advise_measuring, is_measure_first
from deskfit.core.engine.body import STANDING, BodyDimensions, body_dimensions
from deskfit.core.engine.plan import Plan, apply_plan, make_plan
from deskfit.core.engine.rosa import RosaItems, score
from deskfit.core.engine.rosa_items import rosa_items
from deskfit.core.engine.targets import targets_for
from deskfit.core.model.profile import Profile

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

Section = Callable[[Writer, Profile, BodyDimensions, RosaItems], None]
_SECTIONS: tuple[Section, ...] = (
    symptoms.advise_health,
    chair.advise_chair,
    desk.advise_desk,
    footstool.advise_footstool,
    monitor.advise_monitor,
    keyboard_mouse.advise_keyboard_mouse,
    phone.advise_phone,
    habits.advise_habits,
    advise_measuring,
)


def estimated_keys(profile: Profile, body: BodyDimensions) -> list[str]:
    """The estimated body dimensions this profile's advice rests on, as profile keys.

    The standing ones matter only for a sit-stand desk.
    """
    return [key for key in body.estimated() if key not in STANDING or profile.desk.stands]


_ESTIMATE_NAMES = {
    "popliteal_height_cm": "popliteal height (seat height)",
    "elbow_rest_height_cm": "elbow rest height (desk and keyboard height)",
    "eye_height_sitting_cm": "eye height sitting (monitor height)",
    "buttock_popliteal_length_cm": "buttock–popliteal length (seat depth)",
    "thigh_clearance_cm": "thigh clearance (room under the desk)",
    "elbow_height_standing_cm": "elbow height standing (standing desk height)",
    "eye_height_standing_cm": "eye height standing (screen height standing)",
}


def assumptions_for(profile: Profile, body: BodyDimensions) -> list[str]:
    """What the advice assumes: estimated body dimensions and unanswered questions."""
    out = [
        f"Estimated from your height and sex: {_ESTIMATE_NAMES[key]}."
        for key in estimated_keys(profile, body)
    ]
    if profile.chair.seat_depth_cm is None:
        out.append("Seat depth not given: taken as fitting.")
    return out


def _order(plan: Plan) -> Callable[[AdviceLine], tuple[int, bool, int, int]]:
    """Severity; within it the lines for a region the person reported trouble in; then
    the plan's order: its areas, and within one the step numbers."""
    first_step: dict[str, int] = {}
    for s in plan.steps:
        first_step.setdefault(s.advice_id, s.number)

    def key(line: AdviceLine) -> tuple[int, bool, int, int]:
        return (
            SEVERITIES.index(line.severity),
            not line.reported,
            -1 if line.id in BEFORE_THE_CHAIR else AREAS.index(line.area),
            first_step.get(line.id, len(plan.steps) + 1),
        )

    return key


# What the plan does before the chair: a laptop's separate keyboard, for which every
# height after it is set (docs/workstations.md §1).
BEFORE_THE_CHAIR = ("laptop-keyboard",)


def advise(profile: Profile) -> Advice:
    """All of deskfit's advice for a profile. Pure and deterministic."""
    body = body_dimensions(profile.body)
    plan = make_plan(profile, body)
    before = rosa_items(profile, body)
    after = rosa_items(apply_plan(profile, plan), body)
    writer = Writer(profile, plan)
    for section in _SECTIONS:
        section(writer, profile, body, before)
    reasoned = [symptoms.with_reason(line, profile.symptoms) for line in writer.lines]
    lines = sorted(reasoned, key=_order(plan))
    # Measuring comes first when a purchase depends on it (§3.3), whatever its severity;
    # before it only the line that says to see a health professional.
    lines.sort(
        key=lambda line: (line.id != symptoms.SEE_A_PROFESSIONAL, not is_measure_first(line))
    )
    return Advice(
        profile=profile,
        body=body,
        targets=targets_for(profile, body),
        plan=plan,
        rosa_items=before,
        rosa=score(before),
        rosa_after_items=after,
        rosa_after=score(after),
        lines=lines,
        assumptions=assumptions_for(profile, body),
    )
