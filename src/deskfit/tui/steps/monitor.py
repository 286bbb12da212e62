"""Step 5: the screen, set from the eye height the seat now gives."""

from __future__ import annotations

from typing import ClassVar

from deskfit.tui.state import HiddenRule
from deskfit.tui.steps.base import StepScreen, hide_unless


class MonitorStep(StepScreen):
    STEP_TITLE = "Monitor"
    SECTIONS = ("monitor",)
    HIDDEN: ClassVar[dict[str, HiddenRule]] = {
        "monitor": hide_unless("reads_documents", "document_holder")
    }
