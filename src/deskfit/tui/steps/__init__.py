"""The wizard's screens: one per step of the questionnaire (``core/model/questionnaire.py``),
then the review."""

from __future__ import annotations

from deskfit.core.model.questionnaire import REVIEW_TITLE, STEPS
from deskfit.tui.steps.base import LABELS, StepScreen, WizardScreen
from deskfit.tui.steps.review import ReviewScreen

REVIEW = len(STEPS)  # the review comes after the last step of questions
TITLES: tuple[str, ...] = (*(s.title for s in STEPS), REVIEW_TITLE)


def make_screen(index: int) -> WizardScreen:
    """A new screen showing step ``index``: the question steps' screen, or the review."""
    if index == REVIEW:
        return ReviewScreen(index)
    return StepScreen(index)


def step_sections(index: int) -> tuple[str, ...]:
    """The sections step ``index`` asks (none for the review)."""
    return STEPS[index].sections if index < REVIEW else ()


__all__ = ["LABELS", "REVIEW", "TITLES", "make_screen", "step_sections"]
