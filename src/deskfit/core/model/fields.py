"""Field factories: every question's type, range, unit, title and help, declared once.

The wizard builds its inputs from this metadata and the validators' messages come from it,
so a question is defined in exactly one place (the pydantic model in ``profile.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import Field
from pydantic.fields import FieldInfo

from deskfit.core.model.applies import Condition

# Keys used in ``json_schema_extra`` on every field. The UI and the messages read them.
UNIT = "unit"  # "cm", "h", "min", "deg" or absent for choices and yes/no
RANGE_PHRASE = "range_phrase"  # how a person would say the plausible range
CHOICES = "choices"  # human labels for Literal values
ADVANCED = "optional_measure"  # optional body measurement: the wizard marks it "optional"
WHEN = "when"  # conditions (core/model/applies.py) under which the question applies at all
OPTIONAL_WHEN_SHOWN = "optional_when_shown"  # a follow-up that may stay blank when asked


def _extra(extra: dict[str, Any], when: Sequence[Condition] | Condition | None) -> dict[str, Any]:
    if when is not None:
        extra[WHEN] = [when] if isinstance(when, Mapping) else list(when)
    return extra


def measure(
    title: str,
    help: str,
    *,
    lo: float,
    hi: float,
    default: Any = ...,
    unit: str = "cm",
    range_phrase: str | None = None,
    optional_measure: bool = False,
    when: Sequence[Condition] | Condition | None = None,
    optional_when_shown: bool = False,
) -> Any:
    """A number with a plausible range. ``range_phrase`` uses {lo}, {hi} and {unit}."""
    extra: dict[str, Any] = {UNIT: unit}
    if optional_when_shown:
        extra[OPTIONAL_WHEN_SHOWN] = True
    if range_phrase:
        extra[RANGE_PHRASE] = range_phrase
    if optional_measure:
        extra[ADVANCED] = True
    return Field(
        default,
        title=title,
        description=help,
        ge=lo,
        le=hi,
        allow_inf_nan=False,
        strict=True,  # "170" or true in a file is a mistake to report, not to coerce
        json_schema_extra=_extra(extra, when),
    )


def yes_no(
    title: str,
    help: str,
    *,
    default: Any = ...,
    when: Sequence[Condition] | Condition | None = None,
    optional_when_shown: bool = False,
) -> Any:
    extra = _extra({OPTIONAL_WHEN_SHOWN: True} if optional_when_shown else {}, when)
    return Field(default, title=title, description=help, strict=True, json_schema_extra=extra)


def choice(
    title: str,
    help: str,
    labels: dict[str, str],
    *,
    default: Any = ...,
    when: Sequence[Condition] | Condition | None = None,
) -> Any:
    """A pick-one question; ``labels`` maps each stored value to what a person reads."""
    extra: dict[str, Any] = _extra({CHOICES: labels}, when)
    return Field(default, title=title, description=help, json_schema_extra=extra)


def when_of(info: FieldInfo) -> tuple[Condition, ...]:
    """The conditions under which a field's question applies (empty: always)."""
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    when = extra.get(WHEN)
    if not isinstance(when, list):
        return ()
    return tuple(c for c in when if isinstance(c, Mapping))


def needed_when_shown(info: FieldInfo) -> bool:
    """A follow-up with no default: it must be answered whenever it applies."""
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    return bool(when_of(info)) and info.default is None and not extra.get(OPTIONAL_WHEN_SHOWN)
