"""The profile's questions, derived from the pydantic models (one source of truth).

A ``Question`` is a view of one model field: its title, help, unit, kind, choices and
whether it may be left blank all come from ``core/model/profile.py``; nothing here repeats a
range or a title. The wizard builds its inputs from these and ``deskfit set`` reads its
values by them. The profile's own ``name`` and ``units`` are questions of the
pseudo-section ``"profile"`` (``validation.TOP``).
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from deskfit.core.model.applies import Condition, all_hold
from deskfit.core.model.fields import ADVANCED, CHOICES, UNIT, needed_when_shown, when_of
from deskfit.core.model.profile import SECTION_MODELS, Profile, Units
from deskfit.core.model.validation import TOP

PROFILE = TOP  # the profile's own questions (name, units)
PROFILE_FIELDS = ("name", "units")

Kind = Literal["length", "number", "integer", "yesno", "choice", "text"]


@dataclass(frozen=True)
class Question:
    section: str
    field: str
    kind: Kind
    title: str
    help: str
    unit: str | None
    choices: dict[str, str]
    nullable: bool
    default: Any  # the model's default, or ... when an answer is required
    optional_measure: bool
    when: tuple[Condition, ...] = ()  # all must hold for the question to apply
    needed_when_shown: bool = False  # a follow-up with no default: needed when asked

    def applies(self, answers: Mapping[str, Any]) -> bool:
        """Whether this question is asked, given the answers of its section."""
        return all_hold(self.when, answers)

    @property
    def key(self) -> str:
        return f"{self.section}.{self.field}"

    @property
    def required(self) -> bool:
        return self.default is ... and not self.nullable


def _model(section: str) -> type[BaseModel]:
    return Profile if section == PROFILE else SECTION_MODELS[section]


def _base_type(annotation: Any) -> tuple[Any, bool]:
    """The annotation without ``| None``, and whether None was allowed."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return (args[0] if len(args) == 1 else annotation), len(args) < len(get_args(annotation))
    return annotation, False


def _question(section: str, field: str, info: FieldInfo) -> Question:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    base, nullable = _base_type(info.annotation)
    unit = extra.get(UNIT)
    choices = extra.get(CHOICES)
    kind: Kind
    if isinstance(choices, dict):
        kind = "choice"
    elif base is bool:
        kind = "yesno"
    elif unit == "cm":
        kind = "length"
    elif base is int:
        kind = "integer"
    elif base is float:
        kind = "number"
    else:
        kind = "text"
    return Question(
        section=section,
        field=field,
        kind=kind,
        title=info.title or field,
        help=info.description or "",
        unit=str(unit) if unit else None,
        choices={str(k): str(v) for k, v in choices.items()} if isinstance(choices, dict) else {},
        nullable=nullable,
        default=... if info.is_required() else info.default,
        optional_measure=bool(extra.get(ADVANCED)),
        when=when_of(info),
        needed_when_shown=needed_when_shown(info),
    )


@cache
def questions(section: str) -> tuple[Question, ...]:
    """Every question of a section (or of ``"profile"``: its name and units), in model order."""
    model = _model(section)
    fields = PROFILE_FIELDS if section == PROFILE else tuple(model.model_fields)
    return tuple(_question(section, f, model.model_fields[f]) for f in fields)


def question_of(model: type[BaseModel], section: str, field: str) -> Question:
    """A field of a model outside the profile's sections (an action's status) as a
    question, so the wizard asks it with the same widgets."""
    return _question(section, field, model.model_fields[field])


def question(section: str, field: str) -> Question:
    for q in questions(section):
        if q.field == field:
            return q
    raise KeyError(f"{section}.{field}")


def input_unit(units: Units) -> Literal["cm", "in"]:
    """What a bare number means for a length: cm in a metric profile, inches in imperial."""
    return "cm" if units == "metric" else "in"


def not_applying(section: str, answers: Mapping[str, Any]) -> set[str]:
    """The questions of a section that its answers rule out (hidden in the wizard)."""
    return {q.field for q in questions(section) if q.when and not q.applies(answers)}


def prune(section: str, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers without those that do not apply: what the wizard and ``deskfit set``
    both save, so that they save the same profile for the same answers. Repeated until
    nothing more drops (a question may depend on one that just stopped applying)."""
    kept = dict(answers)
    while True:
        gone = not_applying(section, kept) & kept.keys()
        if not gone:
            return kept
        for name in gone:
            del kept[name]
