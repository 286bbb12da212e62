"""Step 8: how long and how you sit, which weighs every other finding."""

from __future__ import annotations

from deskfit.tui.steps.base import StepScreen


class HabitsStep(StepScreen):
    STEP_TITLE = "Habits"
    SECTIONS = ("habits",)
