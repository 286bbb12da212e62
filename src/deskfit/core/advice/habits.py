"""Habits and what the advice rests on: breaks, measuring the elbow, the survey's range."""

from __future__ import annotations

from deskfit.core import sources as src
from deskfit.core.advice.lines import Writer
from deskfit.core.fit import Fit
from deskfit.core.profile import Profile
from deskfit.core.rosa import RosaItems


def advise_habits(w: Writer, p: Profile, f: Fit, before: RosaItems) -> None:
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
    body = f.body
    if body.elbow_rest_height.source == "estimated":
        w.add(
            "measure-elbow",
            "info",
            "habits",
            "Measure your elbow rest height",
            "Your desk and seat settings rest on an estimate of your elbow height from your "
            f"height, which is only good to about ±{w.cm((body.elbow_rest_height.high - body.elbow_rest_height.low) / 2)}. "
            "Sit upright, upper arm hanging, elbow at 90°, and measure from the seat to the "
            "underside of the elbow; enter it and the advice sharpens.",
            src.ANSUR,
        )
    if body.stature_outside_data:
        w.add(
            "stature-outside-data",
            "info",
            "habits",
            "Your height is outside the survey data",
            "The body estimates come from people 145–205 cm tall; yours are extrapolated, so "
            "measure the body dimensions if you can.",
            src.ANSUR,
        )
