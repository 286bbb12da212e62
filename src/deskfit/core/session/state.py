"""The wizard's answers while a person walks through it (no textual here: easy to test).

Answers are kept per section and field, exactly as the model will read them: lengths in
centimetres, hours and minutes as numbers, yes/no as bools, choices as their stored value,
``None`` for a blank. Text that does not read as a number is kept as typed (a ``str`` in
a numeric field) so that nothing a person typed is ever thrown away, and so that the
draft file can hold it. Switching units changes only how lengths are *shown*.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from deskfit.core.engine.advice import Advice, advise
from deskfit.core.model.profile import SECTION_NAMES, Profile, Units
from deskfit.core.model.questions import (
    PROFILE,
    Question,
    not_applying,
    prune,
    question,
    questions,
)
from deskfit.core.model.reading import check_answer, read_answer
from deskfit.core.model.record import ACTION_ID_PATTERN, Action, Assessment
from deskfit.core.model.section import Section
from deskfit.core.model.units import format_length_input
from deskfit.core.model.validation import (
    Problem,
    ProfileInvalid,
    check_section,
    parse_profile,
)
from deskfit.core.session.ondisk import DiskStamp

NEEDED = "an answer is needed"


def _usable(model: type[Section], values: Any) -> dict[str, Any] | None:
    """``values`` as ``model`` reads them, without what it leaves unset; None if unreadable."""
    if not isinstance(values, Mapping):
        return None
    try:
        section = model.model_validate(dict(values))
    except ValidationError:
        return None
    return {k: v for k, v in section.answers().items() if v is not None} or None


NUMERIC = ("length", "number", "integer")


def parse_text(q: Question, text: str, units: Units) -> tuple[Any, str | None]:
    """What a person typed, read as ``deskfit set`` reads it (``core/model/reading.py``)."""
    return read_answer(q, text, units)


@dataclass
class WizardState:
    """Every answer of one profile being written or edited, and where the walk is."""

    answers: dict[str, dict[str, Any]]
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (units, text)
    path: Path | None = None  # the saved file this profile is read from and saved to
    disk: DiskStamp | None = None  # what ``path`` held when last read or written here
    migrated_from: int | None = None  # the older schema version ``path`` was read as
    created: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # Set on the review, not on a step: the assessment, and each advice line's action by id
    assessment: dict[str, Any] = field(default_factory=dict)
    actions: dict[str, dict[str, Any]] = field(default_factory=dict)
    step: int = 0
    visited: int = 0  # the furthest step reached; any step up to it may be jumped to
    dirty: bool = False
    revision: int = field(default=0, compare=False)  # counts changes, for the advice cache
    _advised: tuple[int, Advice] | None = field(default=None, repr=False, compare=False)

    # -- building ---------------------------------------------------------------------

    @classmethod
    def blank(cls) -> WizardState:
        """Nothing answered yet: every field empty (used under drafts, which list answers)."""
        answers: dict[str, dict[str, Any]] = {
            s: {q.field: None for q in questions(s)} for s in (PROFILE, *SECTION_NAMES)
        }
        answers[PROFILE]["units"] = "metric"
        answers[PROFILE]["name"] = ""
        return cls(answers=answers)

    @classmethod
    def new(cls, units: Units = "metric") -> WizardState:
        """A new profile: the model's defaults filled in, the rest blank; lengths in
        ``units`` (the ``units`` preference)."""
        state = cls.blank()
        for section, answers in state.answers.items():
            for q in questions(section):
                if q.default is not ...:
                    answers[q.field] = q.default
        state.answers[PROFILE]["name"] = ""
        state.answers[PROFILE]["units"] = "imperial" if units == "imperial" else "metric"
        return state

    @classmethod
    def from_profile(
        cls,
        profile: Profile,
        path: Path | None = None,
    ) -> WizardState:
        """Every answer of a saved profile, to edit it and save it back to ``path``."""
        state = cls.blank()
        state.answers[PROFILE] = {"name": profile.name, "units": profile.units}
        for section, model in profile.sections().items():
            state.answers[section].update(model.answers())
            state._drop_what_no_longer_applies(section)
        state.path = path
        state.created = profile.created
        state.extra = dict(profile.extra)
        state.take_record(
            profile.assessment.answers(), {k: a.answers() for k, a in profile.actions.items()}
        )
        return state

    def take_record(self, assessment: Any, actions: Any) -> None:
        """The assessment and actions of a file or a draft: what the model reads of them
        (an entry it cannot read is left out, so that a hand-edited draft still opens)."""
        self.assessment = _usable(Assessment, assessment) or {}
        self.actions = {}
        if isinstance(actions, Mapping):
            for key, action in actions.items():
                usable = _usable(Action, action)
                if usable is not None and re.fullmatch(ACTION_ID_PATTERN, str(key)):
                    self.actions[str(key)] = usable

    # -- reading and writing answers --------------------------------------------------

    @property
    def units(self) -> Units:
        units = self.answers[PROFILE].get("units")
        return "imperial" if units == "imperial" else "metric"

    @property
    def name(self) -> str:
        name = self.answers[PROFILE].get("name")
        return name if isinstance(name, str) else ""

    def value(self, section: str, name: str) -> Any:
        return self.answers[section].get(name)

    def set_value(self, section: str, name: str, value: Any, text: str | None = None) -> bool:
        """Record an answer (and the text it was typed as); True when it changed."""
        key = f"{section}.{name}"
        if text is not None:
            self.texts[key] = (self.units, text)
        old = self.answers[section].get(name)
        if old == value and type(old) is type(value):
            return False
        self.answers[section][name] = value
        self._drop_what_no_longer_applies(section)
        self.dirty = True
        self.revision += 1
        return True

    def _drop_what_no_longer_applies(self, section: str) -> None:
        """Blank the answers this section's answers now rule out, as ``deskfit set`` drops
        them (``questions.prune``): the same answers always make the same profile."""
        if section == PROFILE:
            return
        fields = self.answers[section]
        kept = prune(section, fields)
        for q in questions(section):
            if q.field not in kept:  # back to what the model assumes when it is not given
                fields[q.field] = None if q.default is ... else q.default
                self.texts.pop(q.key, None)

    def set_record(self, action_id: str | None, values: Mapping[str, Any]) -> bool:
        """Set the assessment (``action_id`` None) or one advice line's action; True when
        it changed. ``values`` are what the model reads (``Action``, ``Assessment``)."""
        kept = {k: v for k, v in values.items() if v is not None and v != ""}
        old = self.assessment if action_id is None else self.actions.get(action_id, {})
        if kept == old:
            return False
        if action_id is None:
            self.assessment = kept
        elif kept:
            self.actions[action_id] = kept
        else:
            self.actions.pop(action_id, None)
        self.dirty = True
        self.revision += 1
        return True

    def set_text(self, section: str, name: str, text: str) -> bool:
        """Record what was typed in a numeric field; True when the answer changed."""
        value, _ = parse_text(question(section, name), text, self.units)
        return self.set_value(section, name, value, text)

    def set_units(self, units: Units) -> None:
        """Show lengths in other units. No stored answer changes."""
        if units != self.units:
            self.answers[PROFILE]["units"] = units
            self.dirty = True
            self.revision += 1

    def display_text(self, q: Question) -> str:
        """What an input shows for an answer, in the current units."""
        value = self.value(q.section, q.field)
        if value is None:
            return ""
        if isinstance(value, str):
            return value  # typed text that could not be read: shown as typed
        typed = self.texts.get(q.key)
        if typed is not None and typed[0] == self.units:
            again, _ = parse_text(q, typed[1], self.units)
            if again == value:
                return typed[1]
        if q.kind == "length":
            return format_length_input(float(value), self.units)
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    # -- what applies -----------------------------------------------------------------

    def hidden(self, section: str) -> set[str]:
        """The section's questions its answers rule out (each field's ``when``)."""
        if section == PROFILE:
            return set()
        return not_applying(section, self.answers[section])

    def visible(self, section: str) -> list[Question]:
        hidden = self.hidden(section)
        return [q for q in questions(section) if q.field not in hidden]

    # -- checking ---------------------------------------------------------------------

    def field_problem(self, q: Question) -> str | None:
        """Why one answer on its own cannot be used, in words; None when it can."""
        value = self.value(q.section, q.field)
        if value is None:
            if q.nullable or (q.kind == "yesno" and q.default is None):
                return None
            return NEEDED
        if q.kind in NUMERIC and isinstance(value, str):
            _, message = parse_text(q, value, self.units)
            return message or NEEDED
        if q.kind == "text" and isinstance(value, str) and not value.strip():
            return NEEDED
        return check_answer(q, value, self.display_text(q), self.units)

    def _field_problems(self, section: str) -> dict[str, str]:
        """Each visible answer's own problem, by "section.field" (checked once per call)."""
        out: dict[str, str] = {}
        for q in self.visible(section):
            message = self.field_problem(q)
            if message:
                out[q.key] = message
        return out

    def section_data(
        self, section: str, field_problems: Mapping[str, str] | None = None
    ) -> dict[str, Any]:
        """The section's usable answers, as the model reads them (hidden ones left out)."""
        if field_problems is None:
            field_problems = self._field_problems(section)
        return {
            q.field: value
            for q in self.visible(section)
            if (value := self.value(section, q.field)) is not None and q.key not in field_problems
        }

    def problems(self, sections: tuple[str, ...]) -> dict[str, str]:
        """Every problem in these sections, by "section.field": the first message for each."""
        out: dict[str, str] = {}
        for section in sections:
            field_problems = self._field_problems(section)
            out.update(field_problems)
            if section == PROFILE:
                continue
            for problem in check_section(section, self.section_data(section, field_problems)):
                out.setdefault(problem.key, problem.message)
        return out

    def profile_data(self) -> dict[str, Any]:
        """The document ``parse_profile`` reads: only answers that apply and can be read."""
        data: dict[str, Any] = {"name": self.name.strip(), "units": self.units}
        if self.created is not None:
            data["created"] = self.created
        if self.extra:
            data["extra"] = dict(self.extra)
        if self.assessment:
            data["assessment"] = dict(self.assessment)
        if self.actions:
            data["actions"] = {k: dict(v) for k, v in self.actions.items()}
        for section in SECTION_NAMES:
            data[section] = self.section_data(section)
        return data

    def profile(self) -> Profile:
        """The profile these answers make, or ProfileInvalid naming every problem."""
        problems = [Problem(k, m) for k, m in self.problems((PROFILE, *SECTION_NAMES)).items()]
        if problems:
            raise ProfileInvalid(problems)
        return parse_profile(self.profile_data())

    def advice(self) -> Advice:
        """The advice for these answers, worked out once per change: the review, export,
        copy and save share it. ProfileInvalid while an answer is missing or wrong."""
        if self._advised is None or self._advised[0] != self.revision:
            self._advised = (self.revision, advise(self.profile()))
        return self._advised[1]
