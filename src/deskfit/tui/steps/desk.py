"""Step 3: the desk, and the keyboard tray if there is one."""

from __future__ import annotations

from typing import ClassVar

from deskfit.tui.state import HiddenRule
from deskfit.tui.steps.base import StepScreen, combine, hide_unless


class DeskStep(StepScreen):
    STEP_TITLE = "Desk"
    SECTIONS = ("desk",)
    HIDDEN: ClassVar[dict[str, HiddenRule]] = {
        "desk": combine(
            hide_unless("height_adjustable", "height_min_cm", "height_max_cm"),
            hide_unless("keyboard_tray", "keyboard_tray_height_cm", "keyboard_tray_adjustable"),
        )
    }
