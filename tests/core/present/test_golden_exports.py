"""The example profiles' text exports, and those of the situations under ``situations/``
(a laptop beside or under a monitor, standing with the screen on its own stand, …),
compared with golden files a person has read.

Each golden file under ``golden/`` was read line by line against ergonomics.md (the
arithmetic for each is in ``golden/README.md``). When the advice changes on purpose,
regenerate with ``DESKFIT_UPDATE_GOLDEN=1 make test`` and read the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from deskfit.core.engine.advice import advise
from deskfit.core.files.store import load_profile
from deskfit.core.present.render import to_text

ROOT = Path(__file__).resolve().parents[3]
GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = sorted((ROOT / "profiles").glob("*.toml"))
SITUATIONS = sorted((Path(__file__).parent / "situations").glob("*.toml"))
PROFILES = EXAMPLES + SITUATIONS


@pytest.mark.parametrize("path", PROFILES, ids=[p.stem for p in PROFILES])
def test_text_export_matches_the_golden_file(path: Path) -> None:
    text = to_text(advise(load_profile(path).profile))
    golden = GOLDEN / f"{path.stem}.txt"
    if os.environ.get("DESKFIT_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file for {path.name}"
    assert text == golden.read_text(encoding="utf-8")


def test_every_example_profile_has_a_golden_file() -> None:
    assert len(EXAMPLES) >= 8 and len(SITUATIONS) >= 4
    assert len({p.stem for p in PROFILES}) == len(PROFILES)
    assert {p.stem for p in PROFILES} == {g.stem for g in GOLDEN.glob("*.txt")}
