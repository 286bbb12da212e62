"""A table of the profile: the base every section's model shares, and its rules.

A section's field-level rules (type, range, NaN) are pydantic's; rules that tie two fields
together are ``Rule``s from ``checks()``, so that they name the field they concern.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from deskfit.core.model.applies import all_hold, because
from deskfit.core.model.fields import needed_when_shown, when_of


class Rule:
    """A broken cross-field rule: the field it concerns (within its section) and why."""

    __slots__ = ("field", "message")

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message

    def __repr__(self) -> str:
        return f"Rule({self.field!r}, {self.message!r})"


class Section(BaseModel):
    """A table of the profile. Unknown keys are errors; NaN and infinity are refused."""

    model_config = ConfigDict(
        extra="forbid", allow_inf_nan=False, validate_assignment=False, defer_build=True
    )

    def rules(self) -> list[Rule]:
        """Cross-field problems in this section; empty when it is consistent.

        A question that applies (its ``when``, core/model/applies.py) and has no default is
        needed, with the reason its ``when`` gives; then each section's own checks.
        """
        answers = self.answers()
        needed = [
            Rule(name, f"needed {because(when_of(info))}")
            for name, info in type(self).model_fields.items()
            if needed_when_shown(info)
            and getattr(self, name) is None
            and all_hold(when_of(info), answers)
        ]
        return needed + self.checks()

    def asks(self, name: str) -> bool:
        """Whether question ``name`` applies to these answers (its ``when``): an answer to
        one that does not is left over from other answers and counts for nothing."""
        return all_hold(when_of(type(self).model_fields[name]), self.answers())

    def checks(self) -> list[Rule]:
        """This section's own cross-field checks (ranges, a tray below the desk top)."""
        return []

    def answers(self) -> dict[str, Any]:
        """The section's answers by field. Not ``model_dump``: that would build this
        section's own serializer (the models are built lazily, and only ``Profile`` is
        built when a file is read: ~75 ms more for a command like ``export``)."""
        return {name: getattr(self, name) for name in type(self).model_fields}


def range_rules(
    section: Section, lo_key: str, hi_key: str, value_key: str | None, what: str
) -> list[Rule]:
    """min ≤ max, and the current value inside the range it can be adjusted over."""
    lo = getattr(section, lo_key)
    hi = getattr(section, hi_key)
    out: list[Rule] = []
    if lo is not None and hi is not None and lo > hi:
        out.append(Rule(hi_key, f"the highest {what} ({hi:g} cm) is below the lowest ({lo:g} cm)"))
        return out
    value = getattr(section, value_key) if value_key else None
    if value is not None and lo is not None and value < lo:
        out.append(
            Rule(value_key or lo_key, f"{value:g} cm is below the lowest {what} ({lo:g} cm)")
        )
    if value is not None and hi is not None and value > hi:
        out.append(
            Rule(value_key or hi_key, f"{value:g} cm is above the highest {what} ({hi:g} cm)")
        )
    return out
