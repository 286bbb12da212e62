"""scripts/make_profiles.py: reproducible, varied, and every file a valid profile."""

from __future__ import annotations

import statistics
from pathlib import Path

from tests.conftest import load_script

from deskfit.core.files import store

REPO = Path(__file__).resolve().parents[2]


make_profiles = load_script("make_profiles")


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_same_files_other_seed_other_files(tmp_path: Path) -> None:
    make_profiles.main(["60", str(tmp_path / "a"), "--seed", "7"])
    make_profiles.main(["60", str(tmp_path / "b"), "--seed", "7"])
    make_profiles.main(["60", str(tmp_path / "c"), "--seed", "8"])
    a = _contents(tmp_path / "a")
    assert a == _contents(tmp_path / "b")
    assert a != _contents(tmp_path / "c")
    assert list(a)[:2] == ["profile-00001.toml", "profile-00002.toml"]
    assert len(a) == 60


def test_every_file_valid_and_varied(tmp_path: Path) -> None:
    paths = make_profiles.make_profiles(200, tmp_path, seed=1)
    assert [p.name for p in paths] == [f"profile-{i:05d}.toml" for i in range(1, 201)]
    profiles = [store.load_profile(p).profile for p in paths]  # raises if any is invalid
    assert len({p.name for p in profiles}) == 200
    men = [p.body.stature_cm for p in profiles if p.body.sex == "male"]
    women = [p.body.stature_cm for p in profiles if p.body.sex == "female"]
    assert 171 < statistics.mean(men) < 180 and 158 < statistics.mean(women) < 168
    assert 4 < statistics.stdev(men) < 10
    # the furniture and answers vary
    assert any(p.chair.height_adjustable for p in profiles)
    assert any(not p.chair.height_adjustable for p in profiles)
    assert any(p.desk.height_adjustable for p in profiles)
    assert any(p.desk.keyboard_tray for p in profiles)
    assert any(p.footstool.owned for p in profiles)
    assert any(not p.footstool.owned for p in profiles)
    assert any(p.body.popliteal_height_cm is not None for p in profiles)
    assert any(p.body.popliteal_height_cm is None for p in profiles)
    assert {p.units for p in profiles} == {"metric", "imperial"}
    assert {p.habits.crosses_legs for p in profiles} == {"never", "sometimes", "often"}
    fixed_desks = [p.desk.height_cm for p in profiles if not p.desk.height_adjustable]
    assert all(68 <= h <= 78 for h in fixed_desks)
