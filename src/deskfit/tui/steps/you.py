"""Step 1: the profile's name and units, and the body the advice is fitted to."""

from __future__ import annotations

from deskfit.core.questions import PROFILE
from deskfit.tui.steps.base import StepScreen


class YouStep(StepScreen):
    STEP_TITLE = "You"
    SECTIONS = (PROFILE, "body")
    INTRO = (
        "Your height and sex are enough to start. The optional measurements make the advice "
        "fit you rather than an average body: the elbow rest height matters most."
    )
