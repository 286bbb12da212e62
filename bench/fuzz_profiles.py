"""Fuzz the profile loader and ``deskfit check`` with generated bad files (issue 5).

    python bench/fuzz_profiles.py [--cases N] [--seed S] [--jobs J] [--cli N]

Every case is built deterministically from (seed, case number) - the same seed gives the
same files whatever the number of jobs - written to a file that each worker reuses (or, for
the special kinds, a folder, a symbolic link, a named pipe, a device ...) and loaded with
``store.load_profile``. The only acceptable outcomes are a valid profile or a
``ProfileFileError`` whose every problem renders as one printable line that starts with the
path and names a key or a line (or is about the file as a whole: empty, a folder, not
UTF-8 ...). Anything else is counted:

- unexpected: another exception (the first few are printed with their tracebacks);
- unclear: a ProfileFileError with a problem that names neither key nor line, spans lines
  or carries a raw control character;
- wrong: a definite expectation missed (a valid document refused, or a surely broken file
  accepted).

A share of the cases (``--cli``, 300 by default) also goes through ``deskfit check`` with
click's CliRunner: no traceback, no "internal error", exit 1 for an invalid file and 0 for a
valid one, and every line on stderr but the summary starting with the path.

The run exits non-zero when any case is unexpected, unclear or wrong. Not part of CI:
``make fuzz`` runs it; 100,000 cases take about two minutes on two cores.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import errno
import math
import multiprocessing
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import UnionType
from typing import Any, Literal, Union, get_args, get_origin
from unittest import mock

import tomli_w

from deskfit.core.files import store
from deskfit.core.model.profile import SECTION_MODELS, Profile
from deskfit.core.model.validation import printable

Expect = Literal["valid", "invalid"] | None

# -- the valid base document (the example of shared/profile-format.md) ---------------------

BASE: dict[str, Any] = {
    "schema_version": 1,
    "name": "Office desk",
    "units": "metric",
    "created": datetime(2026, 11, 23, 19, 0, tzinfo=UTC),
    "updated": datetime(2026, 11, 23, 19, 5, tzinfo=UTC),
    "body": {
        "stature_cm": 170.0,
        "sex": "female",
        "shoe_allowance_cm": 2.5,
        "popliteal_height_cm": 41.0,
        "elbow_rest_height_cm": 23.0,
        "eye_height_sitting_cm": 76.0,
        "buttock_popliteal_length_cm": 48.0,
        "lenses": "single_vision",
    },
    "chair": {
        "seat_height_cm": 48.0,
        "height_adjustable": True,
        "seat_height_min_cm": 42.0,
        "seat_height_max_cm": 55.0,
        "seat_depth_cm": 46.0,
        "depth_adjustable": False,
        "lumbar_support": "adjustable",
        "lumbar_in_small_of_back": True,
        "backrest": True,
        "backrest_recline_deg": 100.0,
        "backrest_adjustable": True,
        "armrests": "adjustable",
        "armrest_fit": "supported",
        "armrests_hard": False,
        "armrests_too_wide": False,
    },
    "desk": {
        "height_cm": 74.0,
        "height_adjustable": False,
        "height_min_cm": 62.0,
        "height_max_cm": 125.0,
        "sit_stand": False,
        "legroom_ok": True,
        "keyboard_tray": False,
        "keyboard_tray_height_cm": 66.0,
        "keyboard_tray_adjustable": False,
    },
    "footstool": {
        "owned": True,
        "height_cm": 8.0,
        "adjustable": True,
        "height_min_cm": 4.0,
        "height_max_cm": 15.0,
        "in_use": True,
    },
    "monitor": {
        "top_height_cm": 118.0,
        "distance_cm": 65.0,
        "directly_in_front": True,
        "glare": False,
        "reads_documents": False,
        "document_holder": False,
    },
    "keyboard": {
        "home_row_above_surface_cm": 3.0,
        "wrists_straight": True,
        "wrists_deviate": False,
        "reaches_overhead": False,
    },
    "mouse": {
        "in_line_with_shoulder": True,
        "same_surface_as_keyboard": True,
        "pinch_grip": False,
        "hard_palm_rest": False,
    },
    "phone": {
        "use": "none",
        "within_reach": True,
        "neck_shoulder_hold": False,
        "hours_per_day": 0.5,
    },
    "habits": {"hours_per_day": 8.0, "longest_stretch_min": 90, "crosses_legs": "often"},
}


def loose_base() -> dict[str, Any]:
    """The base with nothing adjustable or owned: any one field in its own range is valid."""
    doc = copy.deepcopy(BASE)
    doc["chair"]["height_adjustable"] = False
    doc["desk"]["height_adjustable"] = False
    doc["desk"]["keyboard_tray"] = False
    doc["footstool"]["owned"] = False
    doc["footstool"]["adjustable"] = False
    return doc


BASE_TEXT = tomli_w.dumps(BASE)
PLACEHOLDER = "@@FUZZ-VALUE@@"


def render(doc: dict[str, Any], literal: str | None = None) -> str:
    """TOML text of ``doc``; the string PLACEHOLDER becomes the raw TOML ``literal``."""
    text = tomli_w.dumps(doc)
    if literal is not None:
        text = text.replace(f'"{PLACEHOLDER}"', literal)
    return text


# -- the fields, from the models ---------------------------------------------------------

Kind = Literal["float", "int", "bool", "choice", "str", "datetime", "table"]


@dataclass(frozen=True)
class Field:
    section: str | None  # None: a top-level key
    name: str
    kind: Kind
    lo: float | None = None
    hi: float | None = None
    choices: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.section}.{self.name}" if self.section else self.name


def _kind(annotation: Any) -> tuple[Kind, tuple[str, ...]]:
    inner = annotation
    if get_origin(annotation) in (Union, UnionType):  # X | None
        inner = next(a for a in get_args(annotation) if a is not type(None))
    if get_origin(inner) is Literal:
        return "choice", tuple(str(a) for a in get_args(inner))
    if inner is bool:
        return "bool", ()
    if inner is int:
        return "int", ()
    if inner is float:
        return "float", ()
    if inner is str:
        return "str", ()
    if inner is datetime:
        return "datetime", ()
    return "table", ()


def _fields() -> list[Field]:
    out: list[Field] = []
    models: list[tuple[str | None, Any]] = [(None, Profile), *SECTION_MODELS.items()]
    for section, model in models:
        for name, info in model.model_fields.items():
            if section is None and name in SECTION_MODELS:
                continue
            kind, choices = _kind(info.annotation)
            lo = hi = None
            for meta in info.metadata:
                lo = getattr(meta, "ge", lo)
                hi = getattr(meta, "le", hi)
            out.append(Field(section, name, kind, lo, hi, choices))
    return out


FIELDS = _fields()
NUMERIC = [f for f in FIELDS if f.kind in ("float", "int") and f.lo is not None]
TOP_KEYS = [f.name for f in FIELDS if f.section is None]
KNOWN_NAMES = sorted({f.name for f in FIELDS} | set(SECTION_MODELS) | {"advice"})


def put(doc: dict[str, Any], f: Field, value: Any) -> None:
    (doc[f.section] if f.section else doc)[f.name] = value


# -- TOML literals -----------------------------------------------------------------------

SPECIAL_INTS = [0, 1, -1, 2**31, 2**53 + 1, 2**63 - 1, 2**63, -(2**63) - 1, 2**64, 10**20]
SPECIAL_FLOATS = ["nan", "+nan", "-nan", "inf", "+inf", "-inf", "1e308", "-1e308"]
SPECIAL_FLOATS += ["1.7976931348623157e308", "1e309", "5e-324", "-5e-324", "0.0", "-0.0"]
SPECIAL_FLOATS += ["2.2250738585072014e-308", "1e-400", "1" + "0" * 400 + ".0", "3.0e+2"]
DATETIMES = ["1979-05-27T07:32:00Z", "1979-05-27T00:32:00.999999-07:00", "1979-05-27T07:32:00"]
DATETIMES += ["1979-05-27", "07:32:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59+23:59"]
DATETIMES += ["2026-11-23 19:00:00Z", "00:00:00.123456"]
CONTROL = [chr(c) for c in [*range(0x20), 0x7F]]  # what TOML refuses raw in a string
WEIRD_CHARS = [*CONTROL, *(chr(c) for c in range(0x80, 0xA0))]
WEIRD_CHARS += ["\u2028", "\u2029", "\u202e", "\u200b", "\ufeff", "\x1b[31m", "\U0001f4a5", "é"]


def toml_string(text: str) -> str:
    """A TOML basic string holding ``text`` exactly (every control character escaped)."""
    out = []
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def random_text(rng: random.Random, length: int, weird: float = 0.1) -> str:
    alphabet = "abcdefghijklmnopqrstuvwxyz ABC_-.0123456789'\"\\#=[]{}"
    return "".join(
        rng.choice(WEIRD_CHARS) if rng.random() < weird else rng.choice(alphabet)
        for _ in range(length)
    )


def int_literal(rng: random.Random) -> str:
    value = rng.choice(SPECIAL_INTS) if rng.random() < 0.4 else rng.randint(-(10**6), 10**6)
    form = rng.random()
    if value >= 0 and form < 0.1:
        return hex(value)
    if value >= 0 and form < 0.15:
        return "0o" + format(value, "o")
    if value >= 0 and form < 0.2:
        return bin(value)
    if abs(value) >= 1000 and form < 0.3:
        return f"{value:_}"
    return str(value)


def float_literal(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return rng.choice(SPECIAL_FLOATS)
    return repr(rng.uniform(-1000, 1000) * 10 ** rng.randint(-5, 5))


def string_literal(rng: random.Random) -> str:
    text = random_text(rng, rng.choice([0, 1, 5, 20, 40, 41, 100]))
    form = rng.random()
    if form < 0.15 and "'" not in text and not any(c in text for c in CONTROL):
        return f"'{text}'"
    if form < 0.25:
        return '"""\n' + toml_string(text)[1:-1] + '\n"""'
    return toml_string(text)


def key_literal(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.4:
        return rng.choice(KNOWN_NAMES)
    if roll < 0.7:
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz_-0123456789") for _ in range(6))
    if roll < 0.85:
        return toml_string(random_text(rng, rng.randint(0, 12), 0.3))
    return f"{rng.choice(KNOWN_NAMES)}.{rng.choice(KNOWN_NAMES)}"


def value_literal(rng: random.Random, depth: int = 0) -> str:
    roll = rng.random()
    if depth < 3 and roll < 0.12:
        items = [value_literal(rng, depth + 1) for _ in range(rng.randint(0, 4))]
        return "[" + ", ".join(items) + ("," if items and rng.random() < 0.2 else "") + "]"
    if depth < 3 and roll < 0.2:
        pairs = [f"{key_literal(rng)} = {value_literal(rng, depth + 1)}" for _ in range(3)]
        return "{ " + ", ".join(pairs[: rng.randint(0, 3)]) + " }"
    if roll < 0.4:
        return int_literal(rng)
    if roll < 0.6:
        return float_literal(rng)
    if roll < 0.7:
        return rng.choice(["true", "false"])
    if roll < 0.8:
        return rng.choice(DATETIMES)
    return string_literal(rng)


def literal_of_type(rng: random.Random, kind: str) -> str:
    if kind == "int":
        return int_literal(rng)
    if kind == "float":
        return float_literal(rng)
    if kind == "bool":
        return rng.choice(["true", "false"])
    if kind == "string":
        return string_literal(rng)
    if kind == "datetime":
        return rng.choice(DATETIMES)
    if kind == "array":
        return "[" + ", ".join(value_literal(rng, 2) for _ in range(rng.randint(0, 3))) + "]"
    return "{ " + f"{key_literal(rng)} = {value_literal(rng, 2)}" + " }"


ACCEPTS: dict[Kind, set[str]] = {
    "float": {"int", "float"},
    "int": {"int"},
    "bool": {"bool"},
    "choice": {"string"},
    "str": {"string"},
    "datetime": {"datetime", "string", "int", "float"},  # pydantic reads these leniently
    "table": {"table"},
}
TYPES = ["int", "float", "bool", "string", "datetime", "array", "table"]


# -- the cases ---------------------------------------------------------------------------


@dataclass
class Case:
    kind: str
    data: bytes | None = None  # written to the worker's file; None for the special kinds
    expect: Expect = None
    note: str = ""
    size: int | None = None  # a sparse file of this size instead of data
    name: bytes | None = None  # the data goes to a file of this odd name instead


def pick_field(rng: random.Random, fields: list[Field] | None = None) -> Field:
    return rng.choice(fields or FIELDS)


def case_valid(rng: random.Random) -> Case:
    """The base as people may write it: CRLF, comments, inline tables, dotted keys."""
    form = rng.choice(["plain", "crlf", "comments", "inline", "dotted", "bom", "reordered"])
    text = BASE_TEXT
    if form == "crlf":
        text = text.replace("\n", "\r\n")
    elif form == "comments":
        text = (
            "\n".join(
                f"{line}  # note {i}" if " = " in line else line
                for i, line in enumerate(text.splitlines())
            )
            + "\n# the end\n"
        )
    elif form in ("inline", "dotted"):
        section = rng.choice(list(SECTION_MODELS))
        doc = copy.deepcopy(BASE)
        table = doc.pop(section)
        if form == "inline":
            pairs = (tomli_w.dumps({k: v}).strip() for k, v in table.items())
            head = f"{section} = {{ {', '.join(pairs)} }}\n"
        else:
            head = "".join(f"{section}.{line}\n" for line in tomli_w.dumps(table).splitlines())
        top, _, rest = tomli_w.dumps(doc).partition("\n[")
        text = f"{top}\n{head}\n[{rest}"
    elif form == "reordered":
        blocks = BASE_TEXT.split("\n\n")
        head, tables = blocks[0], blocks[1:]
        rng.shuffle(tables)
        text = "\n\n".join([head, *tables])
    data = text.encode()
    if form == "bom":
        data = b"\xef\xbb\xbf" + data
    return Case("valid", data, "valid", form)


def case_valid_value(rng: random.Random) -> Case:
    doc = loose_base()
    f = pick_field(rng)
    if f.kind in ("float", "int") and f.lo is not None and f.hi is not None:
        lo, hi = f.lo, f.hi
        if f.kind == "int":
            value: Any = rng.choice([int(lo), int(hi), rng.randint(int(lo), int(hi))])
        else:
            value = rng.choice([lo, hi, rng.uniform(lo, hi), float(rng.randint(int(lo), int(hi)))])
            value = min(max(value, lo), hi)
    elif f.kind == "bool":
        value = rng.random() < 0.5
    elif f.kind == "choice":
        value = rng.choice(f.choices)
    elif f.kind == "str":
        value = "".join(
            rng.choice("Office desk 42 ☕ Büro 机 -_.'\"\\#") for _ in range(rng.randint(1, 120))
        )
    elif f.kind == "datetime":
        value = datetime(rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 28), tzinfo=UTC)
    elif f.name == "extra":
        value = {"note": random_text(rng, 30, 0.2), "n": rng.randint(-5, 5), "x": {"y": [1, 2]}}
    else:  # schema_version
        value = 1
    put(doc, f, value)
    return Case("valid_value", render(doc).encode(), "valid", f.key)


def case_drop_key(rng: random.Random) -> Case:
    doc = copy.deepcopy(BASE)
    if rng.random() < 0.2:
        victim = rng.choice([k for k in doc if k != "schema_version"])
        del doc[victim]
        return Case("drop_key", render(doc).encode(), None, victim)
    f = pick_field(rng, [f for f in FIELDS if f.name in (doc[f.section] if f.section else doc)])
    del (doc[f.section] if f.section else doc)[f.name]
    return Case("drop_key", render(doc).encode(), None, f.key)


def typo(rng: random.Random, name: str, avoid: set[str]) -> str:
    for _ in range(50):
        chars = list(name)
        op = rng.choice(["swap", "drop", "double", "replace", "case", "plural", "space"])
        i = rng.randrange(len(chars))
        if op == "swap" and len(chars) > 1:
            j = min(i + 1, len(chars) - 1)
            chars[i], chars[j] = chars[j], chars[i]
        elif op == "drop" and len(chars) > 1:
            del chars[i]
        elif op == "double":
            chars.insert(i, chars[i])
        elif op == "replace":
            chars[i] = rng.choice("abcdefghijklmnopqrstuvwxyz_")
        elif op == "case":
            chars[i] = chars[i].upper()
        elif op == "plural":
            chars.append("s")
        else:
            chars.insert(i, " ")
        out = "".join(chars)
        if out != name and out not in avoid:
            return out
    return name + "_x"


def case_typo_key(rng: random.Random) -> Case:
    doc = copy.deepcopy(BASE)
    if rng.random() < 0.15:  # a table or top-level key
        old = rng.choice(list(doc))
        new = typo(rng, old, set(TOP_KEYS) | set(SECTION_MODELS) | {"advice"})
        doc = {new if k == old else k: v for k, v in doc.items()}
        return Case("typo_key", render(doc).encode(), "invalid", f"{old} -> {new}")
    section = rng.choice(list(SECTION_MODELS))
    table = doc[section]
    old = rng.choice(list(table))
    new = typo(rng, old, set(SECTION_MODELS[section].model_fields))
    doc[section] = {new if k == old else k: v for k, v in table.items()}
    return Case("typo_key", render(doc).encode(), "invalid", f"{section}.{old} -> {new}")


def case_wrong_type(rng: random.Random) -> Case:
    doc = copy.deepcopy(BASE)
    if rng.random() < 0.1:  # a whole table
        section = rng.choice(list(SECTION_MODELS))
        kind = rng.choice([t for t in TYPES if t != "table"])
        doc[section] = PLACEHOLDER
        return Case(
            "wrong_type",
            render(doc, literal_of_type(rng, kind)).encode(),
            "invalid",
            f"{section} = {kind}",
        )
    f = pick_field(rng)
    kind = rng.choice([t for t in TYPES if t not in ACCEPTS[f.kind]])
    put(doc, f, PLACEHOLDER)
    expect: Expect = None if f.kind == "datetime" else "invalid"
    return Case(
        "wrong_type", render(doc, literal_of_type(rng, kind)).encode(), expect, f"{f.key} = {kind}"
    )


def out_of_range_literal(rng: random.Random, f: Field) -> str:
    assert f.lo is not None and f.hi is not None
    span = rng.choice([1e-6, 0.001, 0.1, 1, 10, 1000, 1e6, 1e15, 1e100])
    below = f.lo - span * rng.uniform(1, 2)
    above = f.hi + span * rng.uniform(1, 2)
    value = rng.choice([below, above])
    if f.kind == "int":
        return str(math.floor(value) if value < f.lo else math.ceil(value))
    if value < f.lo and rng.random() < 0.3 and f.lo > 1:
        return str(math.floor(value))  # an int in a float field
    return repr(value)


def case_out_of_range(rng: random.Random) -> Case:
    doc = copy.deepcopy(loose_base())
    if rng.random() < 0.1:
        literal = rng.choice(["0", "-1", "2", "99", str(2**63), "-" + str(2**63)])
        doc["schema_version"] = PLACEHOLDER
        return Case("out_of_range", render(doc, literal).encode(), "invalid", f"schema {literal}")
    f = pick_field(rng, NUMERIC)
    put(doc, f, PLACEHOLDER)
    literal = out_of_range_literal(rng, f)
    return Case("out_of_range", render(doc, literal).encode(), "invalid", f"{f.key} = {literal}")


def case_nan_inf(rng: random.Random) -> Case:
    doc = copy.deepcopy(BASE)
    f = pick_field(rng, NUMERIC if rng.random() < 0.8 else FIELDS)
    literal = rng.choice(["nan", "+nan", "-nan", "inf", "+inf", "-inf"])
    put(doc, f, PLACEHOLDER)
    expect: Expect = None if f.kind == "datetime" else "invalid"
    return Case("nan_inf", render(doc, literal).encode(), expect, f"{f.key} = {literal}")


HUGE = ["1e308", "-1e308", "1.7976931348623157e308", "1e309", str(2**63), str(2**64), "1e20"]
HUGE += [str(10**20), "1" + "0" * 400, "-1" + "0" * 400, "9" * 4301, "0x" + "f" * 4000]
HUGE += ["1" + "0" * 400 + ".0", "0x" + "f" * 16, "-" + str(2**63 + 1)]
TINY = ["5e-324", "-5e-324", "2.2250738585072014e-308", "1e-400", "-0.0", "0.0"]


def case_huge_tiny(rng: random.Random) -> Case:
    doc = copy.deepcopy(loose_base())
    tiny = rng.random() < 0.3
    literal = rng.choice(TINY if tiny else HUGE)
    f = pick_field(rng, [*NUMERIC, *(x for x in FIELDS if x.name == "schema_version")])
    put(doc, f, PLACEHOLDER)
    expect: Expect = None if tiny else "invalid"
    return Case("huge_tiny", render(doc, literal).encode(), expect, f"{f.key} = {literal[:24]}")


def case_long_string(rng: random.Random) -> Case:
    doc = copy.deepcopy(BASE)
    length = rng.choices([41, 120, 121, 1000, 100_000, 500_000], [5, 5, 5, 5, 2, 1])[0]
    text = "".join(rng.choice("abcdefgh ") for _ in range(min(length, 64))) * (length // 64 + 1)
    text = text[:length]
    where = rng.choice(["name", "field", "extra", "key"])
    expect: Expect
    if where == "name":
        doc["name"] = text
        expect = "valid" if len(text.strip()) and length <= 120 else "invalid"
    elif where == "field":
        f = pick_field(rng, [f for f in FIELDS if f.kind not in ("str", "datetime", "table")])
        put(doc, f, text)
        expect = "invalid"
    elif where == "extra":
        doc["extra"] = {"notes": text}
        expect = "valid"
    else:
        doc[rng.choice(list(SECTION_MODELS))][text] = 1
        expect = "invalid"
    return Case("long_string", render(doc).encode(), expect, f"{where} {length}")


def case_control_chars(rng: random.Random) -> Case:
    doc = copy.deepcopy(BASE)
    text = random_text(rng, rng.randint(1, 30), 0.5)
    if not any(c in text for c in CONTROL):
        text += rng.choice(CONTROL)
    where = rng.choice(["name", "choice", "extra", "extra_key", "key", "table", "raw"])
    expect: Expect = "invalid"
    literal = None
    if where == "name":
        doc["name"] = text
    elif where == "choice":
        put(doc, pick_field(rng, [f for f in FIELDS if f.kind == "choice"]), text)
    elif where == "extra":
        doc["extra"] = {"notes": text}
        expect = "valid"
    elif where == "extra_key":
        doc["extra"] = {text: 1}
        expect = "valid"
    elif where == "key":
        doc[rng.choice(list(SECTION_MODELS))][text] = True
    elif where == "table":
        doc[text] = {"a": 1}
    else:  # raw control characters inside a string: TOML itself refuses them
        bad = rng.choice([c for c in CONTROL if c not in "\t\n\r"])
        doc["extra"] = {"notes": PLACEHOLDER}
        literal = '"' + text.replace("\\", "").replace('"', "") + bad + '"'
    return Case("control_chars", render(doc, literal).encode(), expect, where)


def nested(rng: random.Random, depth: int) -> str:
    form = rng.choice(["array", "table", "mixed"])
    if form == "array":
        return "[" * depth + "1" + "]" * depth
    if form == "table":
        return "{a = " * depth + "1" + "}" * depth
    return "[{a = " * (depth // 2) + "1" + "}]" * (depth // 2)


def case_deep_nesting(rng: random.Random) -> Case:
    doc = copy.deepcopy(BASE)
    depth = rng.choice([10, 100, 500, 1000, 10_000])
    form = rng.random()
    if form < 0.15:  # dotted keys and table headers of that depth parse without recursion
        path = ".".join(["a"] * depth)
        text = BASE_TEXT + rng.choice([f"\n{path} = 1\n", f"\n[{path}]\nb = 1\n"])
        return Case("deep_nesting", text.encode(), "invalid", f"dotted {depth}")
    if form < 0.5:
        doc["extra"] = {"deep": PLACEHOLDER}
        return Case(
            "deep_nesting", render(doc, nested(rng, depth)).encode(), None, f"extra {depth}"
        )
    f = pick_field(rng, [f for f in FIELDS if f.kind != "table"])
    put(doc, f, PLACEHOLDER)
    return Case(
        "deep_nesting", render(doc, nested(rng, depth)).encode(), "invalid", f"{f.key} {depth}"
    )


def case_duplicate(rng: random.Random) -> Case:
    lines = BASE_TEXT.splitlines()
    form = rng.choice(["key", "key_later", "table", "dotted", "top"])
    if form in ("key", "key_later"):
        i = rng.choice([n for n, line in enumerate(lines) if " = " in line and n > 0])
        copy_line = lines[i] if rng.random() < 0.5 else lines[i].split(" = ")[0] + " = 1"
        at = i + 1
        if form == "key_later":
            while at < len(lines) and not lines[at].startswith("["):
                at += 1
        lines.insert(at, copy_line)
    elif form == "table":
        header = rng.choice([line for line in lines if line.startswith("[")])
        lines += ["", header, "x = 1" if rng.random() < 0.5 else ""]
    elif form == "dotted":
        section = rng.choice(list(SECTION_MODELS))
        field = rng.choice(list(BASE[section]))
        lines.insert(1, f"{section}.{field} = 1")
    else:
        lines.insert(1, rng.choice(["name", "units", "schema_version"]) + ' = "x"')
    return Case("duplicate", ("\n".join(lines) + "\n").encode(), "invalid", form)


ENCODINGS = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
ENCODINGS += ["latin-1", "cp1252", "utf-8-sig", "double-bom", "bom+utf-16", "shift_jis"]


def case_encoding(rng: random.Random) -> Case:
    encoding = rng.choice(ENCODINGS)
    doc = copy.deepcopy(BASE)
    doc["name"] = rng.choice(["Bürotisch", "Büro – €", "Escritório", "Bureau à côté"])
    text = render(doc)
    expect: Expect = "invalid"
    if encoding == "utf-8-sig":
        data, expect = text.encode("utf-8-sig"), "valid"
    elif encoding == "double-bom":
        data = b"\xef\xbb\xbf" + text.encode("utf-8-sig")
    elif encoding == "bom+utf-16":
        data = b"\xef\xbb\xbf" + text.encode("utf-16")
    elif encoding == "shift_jis":
        doc["name"] = "机の前"
        data, expect = render(doc).encode("shift_jis"), None
    else:
        data = text.encode(encoding, "replace")
    if rng.random() < 0.2:  # cut at an odd byte
        data = data[: rng.randrange(len(data) // 2, len(data))]
        expect = None if expect == "valid" else expect
    return Case("encoding", data, expect, encoding)


def case_truncated(rng: random.Random) -> Case:
    doc = copy.deepcopy(BASE)
    doc["name"] = "Bürotisch ☕"
    data = render(doc).encode()
    at = rng.randrange(len(data))
    return Case("truncated", data[:at], "invalid" if at < 30 else None, f"at {at}")


def case_byte_mutation(rng: random.Random) -> Case:
    data = bytearray(BASE_TEXT.encode())
    ops = []
    for _ in range(rng.randint(1, 8)):
        op = rng.choice(["flip", "byte", "insert", "delete", "repeat", "splice"])
        i = rng.randrange(len(data))
        if op == "flip":
            data[i] ^= 1 << rng.randrange(8)
        elif op == "byte":
            data[i] = rng.choice([0, 0x80, 0xFF, 0x7F, 0x1B, ord("["), ord('"'), ord("="), 10])
        elif op == "insert":
            data[i:i] = rng.randbytes(rng.randint(1, 8))
        elif op == "delete":
            del data[i : i + rng.randint(1, 40)]
        elif op == "repeat":
            data[i:i] = data[i : i + rng.randint(1, 200)]
        else:
            data[i:i] = rng.choice([b"[", b"]", b"{", b"}", b'"""', b"'''", b"\\u", b"="]) * 3
        ops.append(op)
        if not data:
            break
    return Case("byte_mutation", bytes(data), None, ",".join(ops))


def case_random_bytes(rng: random.Random) -> Case:
    length = rng.choice([rng.randint(0, 16), rng.randint(16, 256), rng.randint(256, 4096)])
    form = rng.choice(["any", "ascii", "toml-ish", "nuls"])
    if form == "any":
        data = rng.randbytes(length)
    elif form == "ascii":
        data = bytes(rng.randint(9, 126) for _ in range(length))
    elif form == "toml-ish":
        data = "".join(rng.choice("ab_1.=[]{}\"'#\n \t,") for _ in range(length)).encode()
    else:
        data = bytes(0 if rng.random() < 0.7 else rng.randint(1, 255) for _ in range(length))
    return Case("random_bytes", data, "invalid", form)


def case_random_toml(rng: random.Random) -> Case:
    lines = []
    for _ in range(rng.randint(0, 6)):
        lines.append(f"{key_literal(rng)} = {value_literal(rng)}")
    for _ in range(rng.randint(0, 5)):
        header = key_literal(rng)
        lines.append(f"[[{header}]]" if rng.random() < 0.15 else f"[{header}]")
        for _ in range(rng.randint(0, 6)):
            lines.append(f"{key_literal(rng)} = {value_literal(rng)}")
        if rng.random() < 0.2:
            lines.append("# a comment")
    return Case("random_toml", ("\n".join(lines) + "\n").encode(), None)


def case_empty(rng: random.Random) -> Case:
    data = rng.choice(
        [b"", b" ", b"\n", b"\r\n", b"\t \n \r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"]
    )
    if rng.random() < 0.3:
        data = rng.choice([b"# nothing here\n", b"\n# a\n\n# b\n", b"[extra]\n"])
    return Case("empty", data, "invalid")


def case_oversize(rng: random.Random) -> Case:
    form = rng.choice(["sparse", "sparse", "comment", "limit"])
    if form == "sparse":
        return Case(
            "oversize",
            None,
            "invalid",
            form,
            size=store.MAX_FILE_BYTES + rng.choice([1, 2, 4096, 1 << 30]),
        )
    base = BASE_TEXT.encode()
    pad = store.MAX_FILE_BYTES - len(base) - 1
    if form == "comment":
        pad += rng.randint(1, 100)
    data = base + b"#" * pad + b"\n"
    return Case("oversize", data, "valid" if form == "limit" else "invalid", form)


# Characters that would hide, reorder or fake what a terminal shows (a name is printed).
HIDDEN = (
    [chr(c) for c in range(0x80, 0xA0)]
    + list("\u061c\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e")
    + list("\u2060\u2066\u2067\u2068\u2069\ufeff\x1b\x07\x7f")
)


def case_hostile_name(rng: random.Random) -> Case:
    """A profile name holding a control, bidi or zero-width character: always refused."""
    doc = copy.deepcopy(BASE)
    name = random_text(rng, rng.randint(0, 20), 0.0)
    at = rng.randint(0, len(name))
    doc["name"] = name[:at] + rng.choice(HIDDEN) + name[at:]
    return Case("hostile_name", tomli_w.dumps(doc).encode(), "invalid", note=repr(doc["name"]))


# File names of any bytes (controls, escapes, not UTF-8): the file is loaded through such a
# name and every line that names it must come out printable, starting with the name.
NAME_BYTES = [bytes([b]) for b in range(1, 256) if b != ord("/")]


def case_odd_file_name(rng: random.Random) -> Case:
    good = rng.random() < 0.5
    data = BASE_TEXT.encode() if good else rng.randbytes(rng.randint(0, 64))
    stem = b"".join(rng.choice(NAME_BYTES) for _ in range(rng.randint(1, 12)))
    return Case("odd_file_name", data, "valid" if good else "invalid", note=repr(stem), name=stem)


# The special kinds: each loads a fixture of the worker's folder; "link_file" first writes
# the base (valid or broken) to the file that the link points at.
SPECIAL: dict[str, Expect] = {
    "folder": "invalid",
    "link_to_file": None,
    "link_to_folder": "invalid",
    "link_dangling": "invalid",
    "link_loop": "invalid",
    "fifo": "invalid",
    "device_zero": "invalid",
    "device_null": "invalid",
    "permission_denied": "invalid",
    "missing": "invalid",
    "not_a_folder": "invalid",
    "name_too_long": "invalid",
}


def case_special(kind: str) -> Callable[[random.Random], Case]:
    def make(rng: random.Random) -> Case:
        if kind == "link_to_file":
            good = rng.random() < 0.5
            data = BASE_TEXT.encode() if good else rng.randbytes(rng.randint(0, 64))
            return Case(kind, data, "valid" if good else "invalid")
        return Case(kind, None, SPECIAL[kind])

    return make


GENERATORS: dict[str, tuple[float, Callable[[random.Random], Case]]] = {
    "valid": (3, case_valid),
    "valid_value": (5, case_valid_value),
    "drop_key": (4, case_drop_key),
    "typo_key": (6, case_typo_key),
    "wrong_type": (10, case_wrong_type),
    "out_of_range": (8, case_out_of_range),
    "nan_inf": (5, case_nan_inf),
    "huge_tiny": (7, case_huge_tiny),
    "long_string": (3, case_long_string),
    "control_chars": (6, case_control_chars),
    "deep_nesting": (3, case_deep_nesting),
    "duplicate": (5, case_duplicate),
    "encoding": (5, case_encoding),
    "truncated": (6, case_truncated),
    "byte_mutation": (8, case_byte_mutation),
    "random_bytes": (6, case_random_bytes),
    "random_toml": (10, case_random_toml),
    "empty": (2, case_empty),
    "hostile_name": (3, case_hostile_name),
    "odd_file_name": (3, case_odd_file_name),
    "oversize": (0.5, case_oversize),
    **{kind: (0.4, case_special(kind)) for kind in SPECIAL},
}
KINDS = list(GENERATORS)
WEIGHTS = [GENERATORS[k][0] for k in KINDS]


def make_case(seed: int, number: int) -> Case:
    rng = random.Random(f"deskfit-fuzz:{seed}:{number}")
    kind = rng.choices(KINDS, WEIGHTS)[0]
    return GENERATORS[kind][1](rng)


# -- the worker --------------------------------------------------------------------------

FILE_LEVEL = re.compile(r"(is |no such file|permission denied|cannot be read|the file )")


def judge(path: Path, exc: store.ProfileFileError) -> str | None:
    """Why this refusal is not clear, or None when it is."""
    if exc.path != path:
        return f"names {exc.path}, not {path}"
    if not exc.problems:
        return "no problems listed"
    lines = exc.report().split("\n")
    if len(lines) != len(exc.problems):
        return "a problem spans more than one line"
    head = printable(str(path)) + ":"
    for problem, line in zip(exc.problems, lines, strict=True):
        if not line.startswith(head):
            return f"does not start with the path: {line[:120]!r}"
        if not line.isprintable():
            return f"raw control character: {line[:120]!r}"
        if not (problem.key or problem.line or FILE_LEVEL.match(problem.message)):
            return f"names neither key nor line: {line[:120]!r}"
    return None


class Hung(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise Hung("no answer within 20 s")


@dataclass
class Fixtures:
    root: Path
    file: Path
    fd: int = -1  # the file, kept open for writing
    paths: dict[str, Path] = field(default_factory=dict)
    as_root: bool = False


def make_fixtures(root: Path) -> Fixtures:
    root.mkdir(parents=True, exist_ok=True)
    fx = Fixtures(root, root / "profile.toml", as_root=hasattr(os, "geteuid") and os.geteuid() == 0)
    fx.fd = os.open(fx.file, os.O_RDWR | os.O_CREAT, 0o600)
    (root / "folder.toml").mkdir(exist_ok=True)
    links = {
        "link_to_file": ("link-file.toml", "profile.toml"),
        "link_to_folder": ("link-folder.toml", "folder.toml"),
        "link_dangling": ("dangling.toml", "nowhere.toml"),
        "link_loop": ("loop-a.toml", "loop-b.toml"),
        "device_zero": ("zero.toml", "/dev/zero"),
    }
    for kind, (name, target) in links.items():
        (root / name).symlink_to(target)
        fx.paths[kind] = root / name
    (root / "loop-b.toml").symlink_to("loop-a.toml")
    os.mkfifo(root / "pipe.toml")
    locked = root / "locked.toml"
    locked.write_bytes(BASE_TEXT.encode())
    locked.chmod(0)
    fx.paths |= {
        "folder": root / "folder.toml",
        "fifo": root / "pipe.toml",
        "device_null": Path("/dev/null"),
        "permission_denied": locked,
        "missing": root / "missing.toml",
        "not_a_folder": fx.file / "inside.toml",
        "name_too_long": root / ("x" * 300 + ".toml"),
    }
    return fx


def prepare(fx: Fixtures, case: Case) -> Path:
    """The path to load for ``case``, its bytes written first.

    Written in place then cut to length: truncating to 0 first makes ext4 flush the file
    to disk on the next write (auto_da_alloc), which costs milliseconds a case.
    """
    if case.name is not None:
        for old in fx.root.glob("odd-*"):
            old.unlink()
        odd = fx.root / os.fsdecode(b"odd-" + case.name + b".toml")
        odd.write_bytes(case.data or b"")
        return odd
    if case.size is not None:
        os.ftruncate(fx.fd, 0)
        os.ftruncate(fx.fd, case.size)  # sparse: nothing is written
    elif case.data is not None:
        os.pwrite(fx.fd, case.data, 0)
        os.ftruncate(fx.fd, len(case.data))
    return fx.paths.get(case.kind, fx.file)


@contextlib.contextmanager
def denied(fx: Fixtures, case: Case) -> Iterator[None]:
    """As root, chmod 0 denies nothing: make opening the locked file fail as it would."""
    if case.kind != "permission_denied" or not fx.as_root:
        yield
        return
    real_open = os.open

    def fake_open(path: Any, *args: Any, **kwargs: Any) -> int:
        if Path(path) == fx.paths["permission_denied"]:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    with mock.patch.object(os, "open", fake_open):
        yield


@dataclass
class Tally:
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    failures: list[tuple[int, str, str, str]] = field(
        default_factory=list
    )  # number, kind, what, detail
    cli: Counter[str] = field(default_factory=Counter)

    def merge(self, other: Tally) -> None:
        self.counts += other.counts
        self.cli += other.cli
        self.failures += other.failures


def load_one(fx: Fixtures, number: int, case: Case, tally: Tally) -> str:
    """Load one case; record and return its outcome: valid, clear, unclear or unexpected."""
    path = prepare(fx, case)
    outcome, detail = "valid", ""
    signal.alarm(20)
    try:
        with denied(fx, case):
            store.load_profile(path)
    except store.ProfileFileError as exc:
        reason = judge(path, exc)
        outcome, detail = ("clear", "") if reason is None else ("unclear", reason)
    except Exception:
        outcome, detail = "unexpected", traceback.format_exc()
    finally:
        signal.alarm(0)
    tally.counts[case.kind, outcome] += 1
    failed = outcome
    if outcome in ("valid", "clear"):
        wanted = {"valid": "valid", "clear": "invalid"}[outcome]
        if case.expect is None or case.expect == wanted:
            return outcome
        tally.counts[case.kind, "wrong"] += 1
        failed, detail = "wrong", f"expected {case.expect}, got {outcome}\n{detail}"
    if len(tally.failures) < 20:
        sample = repr((case.data or b"")[:300])
        tally.failures.append((number, case.kind, failed, f"{case.note}\n{sample}\n{detail}"))
    return outcome


def check_cli(fx: Fixtures, number: int, case: Case, loaded: str, tally: Tally) -> None:
    from click.testing import CliRunner

    from deskfit.cli import cli

    path = prepare(fx, case)
    with denied(fx, case):
        result = CliRunner().invoke(cli, ["check", str(path)])
    problems = []
    output = result.output + result.stderr
    if "Traceback" in output:
        problems.append("a traceback")
    if "internal error" in output:
        problems.append("an internal error")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        problems.append(f"exception {type(result.exception).__name__}")
    expected_code = 0 if loaded == "valid" else 1
    if result.exit_code != expected_code:
        problems.append(f"exit {result.exit_code}, expected {expected_code}")
    if loaded != "valid":
        head = printable(str(path)) + ":"
        lines = [
            x for x in result.stderr.splitlines() if not re.fullmatch(r"\d+ of \d+ invalid", x)
        ]
        if not lines or any(not x.startswith(head) for x in lines):
            problems.append(f"a line not starting with the path: {result.stderr[:200]!r}")
    if loaded == "valid":  # a terminal in Latin-1: arrows and dashes must not kill it
        latin = CliRunner(charset="latin-1").invoke(cli, ["export", str(path)])
        if latin.exit_code != 0 or "internal error" in latin.output:
            problems.append(f"export under Latin-1: exit {latin.exit_code} {latin.output[-300:]!r}")
    tally.cli["cases"] += 1
    if problems:
        tally.cli["failed"] += 1
        if len(tally.failures) < 20:
            detail = "; ".join(problems) + "\n" + output[-2000:]
            tally.failures.append((number, case.kind, "cli", f"{case.note}\n{detail}"))
    else:
        tally.cli["ok"] += 1


_FIXTURES: Fixtures | None = None


def _init_worker(root: str) -> None:
    global _FIXTURES
    _FIXTURES = make_fixtures(Path(root) / f"worker-{os.getpid()}")
    signal.signal(signal.SIGALRM, _alarm)
    # A named pipe nobody writes to is refused after this wait (5 s for people); the
    # fifo cases would otherwise spend half an hour waiting.
    store.FIFO_WAIT_SECONDS = 0.01


def run_chunk(args: tuple[int, int, int, int]) -> Tally:
    seed, start, stop, cli_every = args
    assert _FIXTURES is not None
    tally = Tally()
    for number in range(start, stop):
        case = make_case(seed, number)
        outcome = load_one(_FIXTURES, number, case, tally)
        if cli_every and number % cli_every == 0:
            check_cli(_FIXTURES, number, case, outcome, tally)
    return tally


# -- the report --------------------------------------------------------------------------

COLUMNS = ["valid", "clear", "unclear", "unexpected", "wrong"]


def table(tally: Tally, cases: int) -> str:
    rows = [f"{'kind':<18}{'cases':>8}" + "".join(f"{c:>12}" for c in COLUMNS)]
    totals = Counter[str]()
    for kind in KINDS:
        counts = {c: tally.counts[kind, c] for c in COLUMNS}
        n = sum(counts[c] for c in COLUMNS[:4])
        totals.update(counts)
        totals["cases"] += n
        rows.append(f"{kind:<18}{n:>8}" + "".join(f"{counts[c]:>12}" for c in COLUMNS))
    rows.append("-" * len(rows[0]))
    rows.append(f"{'total':<18}{totals['cases']:>8}" + "".join(f"{totals[c]:>12}" for c in COLUMNS))
    assert totals["cases"] == cases, (totals["cases"], cases)
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--cli", type=int, default=300, help="cases also run through deskfit check")
    args = parser.parse_args(argv)
    cli_every = max(args.cases // args.cli, 1) if args.cli > 0 else 0
    chunk = 500
    work = [
        (args.seed, start, min(start + chunk, args.cases), cli_every)
        for start in range(0, args.cases, chunk)
    ]
    started = time.monotonic()
    tally = Tally()
    root = tempfile.mkdtemp(prefix="deskfit-fuzz-")
    try:
        if args.jobs <= 1:
            _init_worker(root)
            for item in work:
                tally.merge(run_chunk(item))
        else:
            context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
            with context.Pool(args.jobs, _init_worker, (root,)) as pool:
                for part in pool.imap_unordered(run_chunk, work):
                    tally.merge(part)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    elapsed = time.monotonic() - started

    print(
        f"deskfit fuzz: {args.cases:,} cases, seed {args.seed}, {args.jobs} jobs, {elapsed:.1f} s"
    )
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        print("(running as root: permission_denied is simulated, chmod 0 denies root nothing)")
    print(table(tally, args.cases))
    cli_line = f"deskfit check (CliRunner): {tally.cli['cases']} cases, {tally.cli['ok']} ok"
    print(f"{cli_line}, {tally.cli['failed']} failed")
    tally.failures.sort()
    for number, kind, what, detail in tally.failures[:5]:
        print(f"\n--- case {number} ({kind}): {what}\n{detail}")
    bad = sum(tally.counts[k, c] for k in KINDS for c in ("unclear", "unexpected", "wrong"))
    return 1 if bad or tally.cli["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
