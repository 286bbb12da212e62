"""The assessment around the advice: who assessed, when to look again, and what became of
each advice line.

An action is keyed by the advice line's id (``[actions.footstool-height]``), so advice
worked out again from changed answers keeps its status: the id names the thing to do,
not the numbers in it. An action whose line is no longer advised stays in the file as
history. Like the UK DSE checklist's "action to take" column: a status, a date (due, or
done on), an owner and a note.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, field_validator

from deskfit.core.model.fields import choice
from deskfit.core.model.section import Rule, Section

Status = Literal["todo", "done", "declined", "not_possible"]
STATUS_WORDS: dict[str, str] = {
    "todo": "To do",
    "done": "Done",
    "declined": "Declined",
    "not_possible": "Not possible",
}
OPEN: tuple[Status, ...] = ("todo",)
ACTION_ID_PATTERN = "^[a-z0-9][a-z0-9-]{0,63}$"

# Names and notes are printed on terminals and pages: no control characters, bidi
# overrides or zero-width characters (the same rule as a profile's name).
_PLAIN = (
    "^[^\x00-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]*$"
)


def _name(title: str, help: str) -> Any:
    return Field(None, title=title, description=help, max_length=120, pattern=_PLAIN)


def _day(title: str, help: str) -> Any:
    # strict: a TOML date only ("next week" or 5 is a mistake to report)
    return Field(None, title=title, description=help, strict=True)


class Assessment(Section):
    assessor: str | None = _name("Assessor", "Who assessed this workstation.")
    manager: str | None = _name("Manager", "Who signs off the actions for the employer.")
    date: dt.date | None = _day("Assessed on", "The day of the assessment.")
    review_date: dt.date | None = _day("Review by", "When to look at this workstation again.")

    def checks(self) -> list[Rule]:
        if self.date and self.review_date and self.review_date < self.date:
            return [
                Rule(
                    "review_date",
                    f"the review ({self.review_date}) is before the assessment ({self.date})",
                )
            ]
        return []

    def overdue(self, today: dt.date) -> bool:
        return self.review_date is not None and self.review_date < today


class Action(Section):
    status: Status = choice(
        "Status",
        "To do, done, declined, or not possible at this workstation.",
        STATUS_WORDS,
        default="todo",
    )
    date: dt.date | None = _day("Date", "When it is due, or the day it was done or decided.")
    owner: str | None = _name("Owner", "Who sees to it: the person, the manager, facilities.")
    note: str | None = Field(
        None,
        title="Note",
        description="What was bought or decided, or why not.",
        max_length=500,
        pattern=_PLAIN,
    )

    @field_validator("status", mode="before")
    @classmethod
    def _spoken(cls, value: Any) -> Any:
        # "not possible" as a person writes it is the same status
        return value.replace(" ", "_") if isinstance(value, str) else value

    @property
    def open(self) -> bool:
        return self.status in OPEN

    def overdue(self, today: dt.date) -> bool:
        """Still to do and past the date it was due."""
        return self.open and self.date is not None and self.date < today
