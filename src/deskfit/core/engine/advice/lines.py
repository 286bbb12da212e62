"""Advice lines and what builds them: severities, areas, the line itself, the whole advice."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from deskfit.core.engine.body import BodyDimensions
from deskfit.core.engine.plan import Findings, Plan, Setup, Step
from deskfit.core.engine.rosa import RosaItems, RosaScore
from deskfit.core.engine.targets import Band
from deskfit.core.model.profile import Profile
from deskfit.core.model.units import format_length, format_rule_of_thumb

Severity = Literal["high", "medium", "low", "info"]
Area = Literal[
    "health", "chair", "desk", "footstool", "monitor", "keyboard", "mouse", "phone", "habits"
]
SEVERITIES: tuple[Severity, ...] = ("high", "medium", "low", "info")
AREAS: tuple[Area, ...] = (
    "health",
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
    reported: tuple[str, ...] = ()  # the reported symptom regions this line is for

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "severity": self.severity,
            "title": self.title,
            "text": self.text,
            "sources": list(self.sources),
            "reported": list(self.reported),
        }


@dataclass(frozen=True)
class Advice:
    """Everything deskfit has to say about one profile: the plan, and the lines that say it."""

    profile: Profile
    body: BodyDimensions
    targets: dict[str, Band | None]
    plan: Plan
    rosa_items: RosaItems
    rosa: RosaScore
    rosa_after_items: RosaItems
    rosa_after: RosaScore
    lines: list[AdviceLine]
    assumptions: list[str] = field(default_factory=list)

    @property
    def current(self) -> Setup:
        return self.plan.start

    @property
    def settings(self) -> Setup:
        return self.plan.end

    @property
    def findings(self) -> Findings:
        return self.plan.findings


class Writer:
    """Collects advice lines, with every length in the person's units, read off the plan."""

    def __init__(self, profile: Profile, plan: Plan) -> None:
        self.units = profile.units
        self.plan = plan
        self.lines: list[AdviceLine] = []

    def cm(self, x: float) -> str:
        """A setting as people set it: 48.5 cm, 19¼ in."""
        return format_length(abs(x), self.units)

    def fine(self, x: float) -> str:
        """A rule of thumb or a clearance, at the precision it has: 0.3 cm, ⅛ in."""
        return format_rule_of_thumb(abs(x), self.units)

    def a(self, x: float) -> str:
        """'a 6 cm' / 'an 8 cm' / 'an 11 in': the article for a length read aloud."""
        text = self.cm(x)
        return f"{article(text)} {text}"

    def dims(self, *xs: float) -> str:
        """'45 × 35 cm' / '17¾ × 13¾ in'."""
        parts = [self.cm(x) for x in xs]
        unit = parts[-1].rsplit(" ", 1)[-1]
        return " × ".join(p.rsplit(" ", 1)[0] for p in parts) + f" {unit}"

    def span(self, lo: float, hi: float) -> str:
        """'5–10 cm' / '2–4 in'."""
        return self.dims(lo, hi).replace(" × ", "–")

    def home_row(self) -> str:
        """Where the plan leaves the home row against the elbows, in words."""
        off = self.plan.findings.home_row_offset_cm
        if abs(off) < 0.25:
            return "the keyboard's home row meets your elbows"
        side = "above" if off > 0 else "below"
        return f"the keyboard's home row sits {self.fine(off)} {side} your elbows"

    def feet(self) -> str:
        """Where the plan leaves the feet, in words: 'your feet flat on the floor'."""
        f, end = self.plan.findings, self.plan.end
        gap = f.feet_gap_cm
        stool = end.footstool_height_cm
        if abs(gap) <= 2.5 + 0.35:
            return (
                f"your feet on {self.a(stool)} footstool"
                if stool
                else "your feet flat on the floor"
            )
        if gap > 0:
            support = "footstool" if stool else "floor"
            return f"your feet hanging {self.cm(gap)} above the {support}"
        return f"your knees {self.cm(-gap)} higher than your hips want"

    def move(self, now: float, to: float, up: str = "raise", down: str = "lower") -> str:
        """'raise it 4 cm' / 'lower it 2.5 cm' from a current and a target height."""
        return f"{up if to > now else down} it {self.cm(to - now)}"

    def step_of(self, step: Step) -> str:
        """'Step 2 of 4' for a step of the plan."""
        return f"Step {step.number} of {len(self.plan.steps)}"

    def add(
        self, id: str, severity: Severity, area: Area, title: str, text: str, *sources: str
    ) -> None:
        self.lines.append(AdviceLine(id, severity, area, title, text, tuple(sources)))


def article(spoken: str) -> str:
    """'an' before what is read with a vowel sound: 8, 11, 18, 80–89, 800…; else 'a'."""
    head = spoken.split(" ", 1)[0].split(".", 1)[0]
    digits = "".join(ch for ch in head if ch.isdigit())
    return "an" if digits.startswith("8") or digits in ("11", "18") else "a"


def severity_of_change(
    change_cm: float, band_cm: float, *, buy: bool = False, rosa_item: int = 1
) -> Severity:
    """ergonomics.md §3.4: beyond the band, a purchase or a ROSA item at 3 is high; inside
    the band over 2 cm, or a ROSA item at 2, medium; fine-tuning under 2 cm, low."""
    if buy or rosa_item >= 3 or abs(change_cm) > band_cm + 1e-9:
        return "high"
    if rosa_item == 2 or abs(change_cm) > 2.0 + 1e-9:
        return "medium"
    return "low"


def differs(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) >= NOTICEABLE_CM - 1e-9
