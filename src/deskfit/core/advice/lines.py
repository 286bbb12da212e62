"""Advice lines and what builds them: severities, areas, the line itself, the whole advice."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from deskfit.core.body import BodyDimensions
from deskfit.core.fit import Band, Fit, Setup
from deskfit.core.profile import Profile
from deskfit.core.rosa import RosaItems, RosaScore
from deskfit.core.units import format_length

Severity = Literal["high", "medium", "low", "info"]
Area = Literal["chair", "desk", "footstool", "monitor", "keyboard", "mouse", "phone", "habits"]
SEVERITIES: tuple[Severity, ...] = ("high", "medium", "low", "info")
AREAS: tuple[Area, ...] = (
    "chair",
    "desk",
    "footstool",
    "monitor",
    "keyboard",
    "mouse",
    "phone",
    "habits",
)
NOTICEABLE_CM = 0.5  # smaller differences are not worth telling a person to adjust


@dataclass(frozen=True)
class AdviceLine:
    id: str
    severity: Severity
    area: Area
    title: str
    text: str
    sources: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "severity": self.severity,
            "title": self.title,
            "text": self.text,
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Advice:
    """Everything deskfit has to say about one profile."""

    profile: Profile
    fit: Fit
    rosa_items: RosaItems
    rosa: RosaScore
    rosa_after_items: RosaItems
    rosa_after: RosaScore
    lines: list[AdviceLine]
    assumptions: list[str] = field(default_factory=list)

    @property
    def body(self) -> BodyDimensions:
        return self.fit.body

    @property
    def targets(self) -> dict[str, Band | None]:
        return self.fit.targets

    @property
    def current(self) -> Setup:
        return self.fit.current

    @property
    def settings(self) -> Setup:
        return self.fit.recommended


class Writer:
    """Collects advice lines with lengths formatted in the person's units."""

    def __init__(self, profile: Profile) -> None:
        self.units = profile.units
        self.lines: list[AdviceLine] = []

    def cm(self, x: float) -> str:
        return format_length(abs(x), self.units)

    def move(self, now: float, to: float, up: str = "raise", down: str = "lower") -> str:
        """'raise it 4 cm' / 'lower it 2.5 cm' from a current and a target height."""
        return f"{up if to > now else down} it {self.cm(to - now)}"

    def add(
        self, id: str, severity: Severity, area: Area, title: str, text: str, *sources: str
    ) -> None:
        self.lines.append(AdviceLine(id, severity, area, title, text, tuple(sources)))


def differs(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) >= NOTICEABLE_CM - 1e-9
