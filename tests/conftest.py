"""Shared fixtures: a valid profile document (every key of profile-format.md) and a writer.

Fixtures hand out callables rather than values, so a test can build as many fresh,
independent documents as it needs and change them freely.
"""

from __future__ import annotations

import copy
import importlib.util
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import tomli_w

# The example profile of shared/profile-format.md ("## Keys"), key for key, as the dict
# tomllib returns for it (without the empty [extra] and [advice] tables). It is valid:
# seat 48 within 42–55, footstool 8 within 4–15, tray 66 below the 74 cm desk.
_VALID_DOCUMENT: dict[str, Any] = {
    "schema_version": 1,
    "name": "Office desk",
    "units": "metric",
    "created": datetime(2026, 11, 23, 19, 0, 0, tzinfo=UTC),
    "updated": datetime(2026, 11, 23, 19, 5, 0, tzinfo=UTC),
    "body": {
        "stature_cm": 170.0,
        "sex": "female",
        "shoe_allowance_cm": 2.5,
        "popliteal_height_cm": 41.0,
        "elbow_rest_height_cm": 23.0,
        "eye_height_sitting_cm": 76.0,
        "buttock_popliteal_length_cm": 48.0,
        "thigh_clearance_cm": 16.5,
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
        "cushion_cm": 0.0,
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
        "thickness_cm": 3.0,
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
        "mount": "desk",
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
    "habits": {
        "hours_per_day": 8.0,
        "longest_stretch_min": 90,
        "crosses_legs": "often",
    },
}


def make_valid_document() -> dict[str, Any]:
    """A fresh deep copy of the valid example document."""
    return copy.deepcopy(_VALID_DOCUMENT)


def make_loose_document() -> dict[str, Any]:
    """A valid document in which no cross-field rule applies (nothing adjustable or owned).

    Any single field can then be set to any value in its own range without another
    field's rule objecting: for testing each field's range on its own.
    """
    doc = make_valid_document()
    doc["chair"]["height_adjustable"] = False
    doc["desk"]["height_adjustable"] = False
    doc["desk"]["keyboard_tray"] = False
    doc["footstool"]["owned"] = False
    doc["footstool"]["adjustable"] = False
    return doc


def dump_document(doc: dict[str, Any]) -> str:
    """TOML text for a document (tomli_w: one key per line, tables in order)."""
    return tomli_w.dumps(doc)


def write_document(
    folder: Path, doc: dict[str, Any] | str | bytes, name: str = "profile.toml"
) -> Path:
    """Write a document (dict -> TOML, or raw text / bytes as given) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(doc, bytes):
        path.write_bytes(doc)
    elif isinstance(doc, str):
        path.write_bytes(doc.encode("utf-8"))
    else:
        path.write_bytes(dump_document(doc).encode("utf-8"))
    return path


# The preferences' variables (core/files/config.py): none of the person running the tests
# may reach a test.
PREFERENCE_VARIABLES = (
    "DESKFIT_CONFIG",
    "DESKFIT_UNITS",
    "DESKFIT_THEME",
    "DESKFIT_ASSESSOR",
    "DESKFIT_EXPORT_DIR",
)


@pytest.fixture(autouse=True)
def _own_config_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test has a config folder of its own (``$XDG_CONFIG_HOME``), empty: nothing
    reads or writes the real ``~/.config/deskfit/config.toml``."""
    folder = tmp_path_factory.mktemp("xdg-config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    for name in PREFERENCE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return folder


@pytest.fixture
def valid_document() -> Callable[[], dict[str, Any]]:
    """``valid_document()``: a fresh dict of the example profile, every key present."""
    return make_valid_document


@pytest.fixture
def loose_document() -> Callable[[], dict[str, Any]]:
    """``loose_document()``: a valid document with no cross-field rule in play."""
    return make_loose_document


@pytest.fixture
def write_profile() -> Callable[..., Path]:
    """``write_profile(tmp_path, doc, name="profile.toml")`` -> the written file's path."""
    return write_document


def load_script(name: str) -> ModuleType:
    """A file of scripts/ (not a package) loaded as a module. Registered in sys.modules
    first because dataclasses look their module up there while the class is being built."""
    path = Path(__file__).resolve().parents[1] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
