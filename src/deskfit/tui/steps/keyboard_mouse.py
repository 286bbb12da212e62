"""Step 6: the keyboard and the mouse."""

from __future__ import annotations

from deskfit.tui.steps.base import StepScreen


class KeyboardMouseStep(StepScreen):
    STEP_TITLE = "Keyboard and mouse"
    SHORT_TITLE = "Keys & mouse"
    SECTIONS = ("keyboard", "mouse")
