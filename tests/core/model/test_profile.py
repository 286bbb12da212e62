"""The profile models against the contract in shared/profile-format.md.

The key names are a contract with other tools: when the spec file is present, its ```toml
block is parsed here and compared, section by section, with the models' field names. The
keys deskfit adds are documented in docs/profile-additions.md, whose ```toml block is
compared the same way: every model key is in one of the two, and none is dropped.
"""

from __future__ import annotations

import re
import tomllib
import types
import typing
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import pytest
from pydantic.fields import FieldInfo

from deskfit.core.model.fields import CHOICES, UNIT
from deskfit.core.model.profile import (
    SCHEMA_VERSION,
    SECTION_MODELS,
    SECTION_NAMES,
    Body,
    Chair,
    Footstool,
    Keyboard,
    Profile,
)
from deskfit.core.model.record import Action, Assessment
from deskfit.core.model.validation import parse_profile

# shared/ sits beside the project's root, in a developer's checkout and in CI alike
SPEC = Path(__file__).resolve().parents[4] / "shared" / "profile-format.md"
ADDITIONS = Path(__file__).resolve().parents[3] / "docs" / "profile-additions.md"


# -- the spec's ```toml block --------------------------------------------------------


def _spec_block() -> str:
    if not SPEC.is_file():
        pytest.fail(f"{SPEC} is missing: these tests check the model against shared/")
    match = re.search(r"```toml\n(.*?)```", SPEC.read_text(encoding="utf-8"), re.S)
    assert match, f"no ```toml block in {SPEC}"
    return match.group(1)


@pytest.fixture(scope="module")
def spec_block() -> str:
    return _spec_block()


@pytest.fixture(scope="module")
def spec_document(spec_block: str) -> dict[str, Any]:
    return tomllib.loads(spec_block)


@pytest.fixture(scope="module")
def additions_block() -> str:
    match = re.search(r"```toml\n(.*?)```", ADDITIONS.read_text(encoding="utf-8"), re.S)
    assert match, f"no ```toml block in {ADDITIONS}"
    return match.group(1)


@pytest.fixture(scope="module")
def additions_document(additions_block: str) -> dict[str, Any]:
    return tomllib.loads(additions_block)


@pytest.fixture(scope="module")
def every_key(spec_document: dict[str, Any], additions_document: dict[str, Any]) -> dict[str, Any]:
    """The contract's example with deskfit's additions: a document with every key (a
    table in both is the contract's, then the keys deskfit adds to it)."""
    merged = dict(spec_document)
    for name, value in additions_document.items():
        both = isinstance(value, dict) and isinstance(merged.get(name), dict)
        merged[name] = {**merged[name], **value} if both else value
    return merged


def _spec_comments(block: str) -> dict[str, str]:
    """Dotted key -> the comment on its line, for the spec's one-key-per-line layout."""
    out: dict[str, str] = {}
    table = ""
    for line in block.splitlines():
        header = re.match(r"^\[([a-z_]+)\]", line)
        if header:
            table = header.group(1)
            continue
        key = re.match(r"^([a-z_]+)\s*=[^#]*(?:#\s*(.*))?$", line)
        if key:
            out[f"{table}.{key.group(1)}" if table else key.group(1)] = key.group(2) or ""
    return out


def _base(annotation: Any) -> Any:
    """``float | None`` -> float; other annotations unchanged."""
    if get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _all_section_fields() -> list[tuple[str, str, FieldInfo]]:
    return [
        (section, name, info)
        for section, model in SECTION_MODELS.items()
        for name, info in model.model_fields.items()
    ]


def _numeric_fields() -> list[tuple[str, str, FieldInfo]]:
    return [(s, f, i) for s, f, i in _all_section_fields() if _base(i.annotation) in (int, float)]


def _choice_fields() -> list[tuple[str, str, FieldInfo]]:
    out = [(s, f, i) for s, f, i in _all_section_fields() if get_origin(i.annotation) is Literal]
    out.append(("", "units", Profile.model_fields["units"]))
    return out


def _bounds(info: FieldInfo) -> tuple[Any, Any]:
    lo = hi = None
    for meta in info.metadata:
        if getattr(meta, "ge", None) is not None:
            lo = meta.ge
        if getattr(meta, "le", None) is not None:
            hi = meta.le
    return lo, hi


def _extra(info: FieldInfo) -> dict[str, Any]:
    return info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}


# -- the whole document --------------------------------------------------------------


def test_the_fixture_document_is_the_spec_example(
    spec_document: dict[str, Any], valid_document: Any
) -> None:
    # The shared fixture claims to be the spec's example; keep it honest.
    expected = {k: v for k, v in spec_document.items() if k not in {"extra", "advice"}}
    assert valid_document() == expected


def test_the_example_with_the_additions_validates_with_every_key(
    every_key: dict[str, Any],
) -> None:
    profile = parse_profile(every_key)
    assert profile.name == "Office desk"
    assert profile.schema_version == SCHEMA_VERSION == 1
    for section in (*SECTION_NAMES, "assessment"):
        for key, value in every_key[section].items():
            assert getattr(getattr(profile, section), key) == value, f"{section}.{key}"
    assert profile.actions["footstool-height"].owner == "Facilities"
    assert profile.actions["crossing-legs"].status == "todo"


def test_the_fixture_document_validates(
    valid_document: Any, additions_document: dict[str, Any]
) -> None:
    doc = valid_document()
    profile = parse_profile(doc)
    # what the file does not give is the additions' defaults: nothing reported or recorded
    dumped = profile.model_dump(exclude={"extra", "symptoms", "assessment", "actions"})
    for section, keys in additions_document.items():
        if section in dumped:  # the additions to the contract's tables, unanswered
            model = SECTION_MODELS[section]
            for key in keys:
                assert dumped[section].pop(key) == model.model_fields[key].default, key
    assert dumped == doc
    assert not any(profile.symptoms.answers().values())
    assert profile.actions == {}


def test_top_level_keys_are_the_contracts(
    spec_document: dict[str, Any], additions_document: dict[str, Any]
) -> None:
    assert "advice" in spec_document  # written by deskfit, never a model field
    assert set(spec_document) - {"advice"} <= set(Profile.model_fields), "a key was dropped"
    assert set(Profile.model_fields) == set(spec_document) - {"advice"} | set(additions_document)


def test_sections_are_the_contracts_tables_in_its_order(
    spec_document: dict[str, Any], additions_document: dict[str, Any]
) -> None:
    tables = [k for k, v in spec_document.items() if isinstance(v, dict)]
    tables = [t for t in tables if t not in {"extra", "advice"}]
    # the additions' answered sections follow; [assessment] and [actions] are no questions
    added = [t for t in additions_document if t not in {"assessment", "actions", *tables}]
    assert list(SECTION_NAMES) == tables + added == [*tables, "symptoms"]


@pytest.mark.parametrize("section", SECTION_NAMES)
def test_section_keys_are_exactly_the_contracts(every_key: dict[str, Any], section: str) -> None:
    model_keys = set(SECTION_MODELS[section].model_fields)
    spec_keys = set(every_key[section])
    assert model_keys - spec_keys == set(), "keys in the model that the documents lack"
    assert spec_keys - model_keys == set(), "documented keys the model renamed or dropped"


@pytest.mark.parametrize("section", SECTION_NAMES)
def test_section_keys_are_in_the_contracts_order(
    spec_document: dict[str, Any], additions_document: dict[str, Any], section: str
) -> None:
    # The model's order is the order keys are written in a saved file: the contract's keys
    # in the contract's order, and so the additions' (an added key may sit between two of
    # the contract's, next to the question it follows in the wizard).
    model = list(SECTION_MODELS[section].model_fields)
    for document in (spec_document, additions_document):
        keys = list(document.get(section, {}))
        assert [k for k in model if k in keys] == keys


def test_assessment_and_action_keys_are_documented(additions_document: dict[str, Any]) -> None:
    assert set(Assessment.model_fields) == set(additions_document["assessment"])
    documented = set(additions_document["actions"]["footstool-height"])
    assert set(Action.model_fields) == documented


def test_choice_values_are_the_contracts(spec_block: str, additions_block: str) -> None:
    # e.g. sex = "female"  # "female" | "male" | "unspecified" (used only to estimate);
    # the choices deskfit adds are listed the same way in its additions
    comments = _spec_comments(spec_block)
    added = _spec_comments(additions_block)
    assert not set(comments) & set(added), "an addition redefines a contract key"
    comments |= added
    checked = 0
    for section, field, info in _choice_fields():
        key = f"{section}.{field}" if section else field
        comment = comments[key]
        assert "|" in comment, f"{key}: the spec lists no choices"
        spec_values = re.findall(r'"([^"]+)"', comment.split(";")[0])
        assert set(get_args(info.annotation)) == set(spec_values), key
        checked += 1
    # sex, lenses, lumbar, armrests, armrest_fit, mount, phone use, crosses, units; and the
    # additions: monitor kind, second_screen, screens_use, second_position
    assert checked == 13


def test_optional_keys_of_the_contract_may_be_absent(spec_block: str, valid_document: Any) -> None:
    optional = [k for k, c in _spec_comments(spec_block).items() if c.startswith("optional")]
    # Hand count from the spec: shoe, PH, ERH, ESH, BPL, seat depth, lumbar_in_small_of_back,
    # backrest recline, keyboard home row.
    # body: shoe, PH, ERH, ESH, BPL, TC; chair: depth, lumbar position, recline, cushion;
    # desk: thickness; monitor: mount; keyboard: home row
    assert len(optional) == 13, optional
    for key in optional:
        section, field = key.split(".")
        doc = valid_document()
        del doc[section][field]
        parse_profile(doc)  # must not raise


# -- defaults ------------------------------------------------------------------------


def test_footstool_in_use_defaults_to_owned() -> None:
    assert Footstool(owned=True, height_cm=8.0).in_use is True
    assert Footstool(owned=False).in_use is False
    assert Footstool().in_use is False


def test_footstool_in_use_given_is_kept() -> None:
    assert Footstool(owned=True, height_cm=8.0, in_use=False).in_use is False


def test_footstool_in_use_defaults_to_owned_through_parse(valid_document: Any) -> None:
    doc = valid_document()
    del doc["footstool"]["in_use"]
    assert parse_profile(doc).footstool.in_use is True
    doc["footstool"] = {"owned": False}
    assert parse_profile(doc).footstool.in_use is False


def test_body_defaults() -> None:
    body = Body(stature_cm=170.0)
    assert body.shoe_allowance_cm == 2.5  # ANSI/HFES 100-2007: 25 mm
    assert body.lenses == "none"
    assert body.popliteal_height_cm is None
    assert body.elbow_rest_height_cm is None
    assert body.eye_height_sitting_cm is None
    assert body.buttock_popliteal_length_cm is None


def test_keyboard_home_row_defaults_to_3_cm() -> None:
    assert Keyboard().home_row_above_surface_cm == 3.0


def test_chair_defaults_from_the_contract() -> None:
    chair = Chair(seat_height_cm=48.0)
    assert chair.backrest_recline_deg == 100.0
    assert chair.lumbar_in_small_of_back is True


def test_defaults_through_parse(valid_document: Any) -> None:
    doc = valid_document()
    for key in ("shoe_allowance_cm", "lenses"):
        del doc["body"][key]
    del doc["keyboard"]["home_row_above_surface_cm"]
    profile = parse_profile(doc)
    assert profile.body.shoe_allowance_cm == 2.5
    assert profile.body.lenses == "none"
    assert profile.keyboard.home_row_above_surface_cm == 3.0


# -- metadata: every question is fully declared --------------------------------------


QUESTIONS = [(s, f, i) for s, f, i in _all_section_fields()] + [
    ("", name, Profile.model_fields[name]) for name in ("name", "units")
]


@pytest.mark.parametrize(
    ("section", "field", "info"), QUESTIONS, ids=[f"{s}.{f}" if s else f for s, f, _ in QUESTIONS]
)
def test_every_field_has_a_title_and_help(section: str, field: str, info: FieldInfo) -> None:
    assert info.title and info.title.strip(), "no title (the wizard's question)"
    assert info.description and info.description.strip(), "no description (the wizard's help)"


NUMERIC = _numeric_fields()


@pytest.mark.parametrize(
    ("section", "field", "info"), NUMERIC, ids=[f"{s}.{f}" for s, f, _ in NUMERIC]
)
def test_every_numeric_field_has_bounds_and_a_unit(
    section: str, field: str, info: FieldInfo
) -> None:
    lo, hi = _bounds(info)
    assert lo is not None and hi is not None, "no ge/le bounds"
    assert lo < hi
    unit = _extra(info).get(UNIT)
    assert unit in {"cm", "h", "min", "deg"}, f"unit {unit!r}"
    suffix = {"_cm": "cm", "_deg": "deg", "_min": "min"}
    for end, expected in suffix.items():
        if field.endswith(end):
            assert unit == expected


def test_the_numeric_fields_are_the_ones_expected() -> None:
    # Hand count from the spec: 6 body lengths; chair 4 lengths + recline; desk 4; footstool
    # 3; monitor 2; keyboard 1; phone hours; habits hours + minutes.
    # body 7 + standing elbow, chair 8 (with the cushion and the slider's two ends) + the
    # armrests' two ends, desk 5 (with the thickness) + standing shoes, mat and screen top +
    # the tray's two ends, footstool 3, monitor 2 + the second screen's top and distance,
    # keyboard 1, phone 1, habits 2
    assert len(NUMERIC) == 8 + 10 + 10 + 3 + 4 + 1 + 1 + 2


@pytest.mark.parametrize(
    ("field", "lo", "hi"),
    [
        # ergonomics.md §1, "Plausible input ranges for validation".
        ("stature_cm", 90, 250),
        ("popliteal_height_cm", 25, 65),
        ("elbow_rest_height_cm", 10, 40),
        ("eye_height_sitting_cm", 50, 100),
        ("buttock_popliteal_length_cm", 30, 70),
        ("thigh_clearance_cm", 8, 35),
        ("shoe_allowance_cm", 0, 15),
    ],
)
def test_body_ranges_are_ergonomics_section_1(field: str, lo: float, hi: float) -> None:
    assert _bounds(Body.model_fields[field]) == (lo, hi)


CHOICES_FIELDS = _choice_fields()


@pytest.mark.parametrize(
    ("section", "field", "info"),
    CHOICES_FIELDS,
    ids=[f"{s}.{f}" if s else f for s, f, _ in CHOICES_FIELDS],
)
def test_every_choice_has_a_label_for_each_value(section: str, field: str, info: FieldInfo) -> None:
    labels = _extra(info).get(CHOICES)
    assert isinstance(labels, dict)
    assert set(labels) == set(get_args(info.annotation))
    assert all(isinstance(v, str) and v.strip() for v in labels.values())


def test_sections_refuse_unknown_keys_and_non_finite_numbers() -> None:
    for model in [*SECTION_MODELS.values(), Profile]:
        assert model.model_config.get("extra") == "forbid", model.__name__
        assert model.model_config.get("allow_inf_nan") is False, model.__name__


@pytest.mark.parametrize(
    ("use", "not_asked"),
    [
        ("handset", set()),
        ("speaker", {"neck_shoulder_hold"}),  # nothing to cradle
        ("headset", {"within_reach", "neck_shoulder_hold"}),  # it goes with the head
        ("none", {"within_reach", "neck_shoulder_hold", "hours_per_day"}),
    ],
)
def test_the_phone_questions_asked_follow_how_calls_are_taken(
    use: str, not_asked: set[str]
) -> None:
    from deskfit.core.model.questions import not_applying

    assert (
        not_applying("phone", {"use": use})
        & {
            "within_reach",
            "neck_shoulder_hold",
            "hours_per_day",
        }
        == not_asked
    )
