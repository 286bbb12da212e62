"""The baselines for the wizard figures: a minimal Textual app showing one Static.

``python bench/minimal_app.py`` paints ``MINIMAL_TEXT`` and waits for Ctrl+Q (the cold
start's baseline). ``python bench/minimal_app.py --pydantic`` first imports pydantic and
builds one model, as any app that validates its answers must (the memory baseline: a
fairer one than a bare app, since pydantic alone is ~15 MiB of the wizard's memory).
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Static

MINIMAL_TEXT = "minimal textual app ready"


class MinimalApp(App[None]):
    """One Static, nothing else."""

    def compose(self) -> ComposeResult:
        yield Static(MINIMAL_TEXT)


def _one_model() -> None:
    from pydantic import BaseModel, Field

    class Answer(BaseModel):
        name: str = "desk"
        height_cm: float = Field(74.0, ge=40, le=130)

    Answer.model_validate({"name": "desk", "height_cm": 72.5})


if __name__ == "__main__":
    if "--pydantic" in sys.argv[1:]:
        _one_model()
    MinimalApp().run()
