"""Habits and what the advice rests on: breaks, and statures outside the survey's range."""

from __future__ import annotations

from deskfit.core.engine import sources as src
from deskfit.core.engine.advice.lines import Writer
from deskfit.core.engine.body import STATURE_DATA_MAX_CM, STATURE_DATA_MIN_CM, BodyDimensions
from deskfit.core.engine.rosa import RosaItems
from deskfit.core.model.profile import Profile


def advise_habits(w: Writer, p: Profile, body: BodyDimensions, before: RosaItems) -> None:
    h = p.habits
    if h.longest_stretch_min > 30 or h.hours_per_day > 4:
        urgent = h.hours_per_day > 4
        w.add(
            "breaks",
            "medium" if h.longest_stretch_min > 60 else "low",
            "habits",
            "Get up and move every half hour",
            f"You sit up to {h.longest_stretch_min} minutes at a stretch"
            f"{f', {h.hours_per_day:g} hours a day' if urgent else ''}. Each half hour: sit about "
            "20 minutes, stand about 8, and move about for 2."
            + (
                " More than 4 hours a day at the desk makes a good set-up urgent." if urgent else ""
            ),
            src.CORNELL_BREAKS,
        )
    if body.stature_outside_data:
        w.add(
            "stature-outside-data",
            "info",
            "habits",
            "Your height is outside the survey data",
            f"The body estimates come from people {w.span(STATURE_DATA_MIN_CM, STATURE_DATA_MAX_CM)} "
            "tall; yours are extrapolated, so measure the body dimensions if you can.",
            src.ANSUR,
        )
