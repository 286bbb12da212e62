"""``deskfit set NAME|PATH KEY=VALUE...``: answers from a script, checked, saved atomically."""

from __future__ import annotations

import dataclasses
import os
import stat
import subprocess
import sys
import textwrap
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from deskfit.cli import cli
from deskfit.core.engine.advice import advise
from deskfit.core.files import store
from deskfit.core.files.folders import ENV_PROFILES_DIR
from deskfit.core.files.store import load_profile, path_for_name
from deskfit.core.model.validation import check_field, parse_profile
from deskfit.core.ops.saving import save_with_advice
from deskfit.core.present.render import rosa_summary, snapshot

Doc = Callable[[], dict[str, Any]]
PAST = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def run(folder: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["--profiles-dir", str(folder), *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "profiles"
    path.mkdir()
    return path


@pytest.fixture
def saved(folder: Path, valid_document: Doc) -> Path:
    """The example profile saved by deskfit (0600, with its [advice]) a while ago."""
    doc = valid_document()
    doc["extra"] = {"note": "blue chair"}
    profile = parse_profile(doc)
    path = path_for_name(profile.name, folder)
    save_with_advice(profile, path, now=PAST)
    return path


def snapshot_of(path: Path) -> dict[str, Any]:
    advice: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))["advice"]
    return advice


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if store.TEMP_MARK in p.name)


def fingerprint(path: Path) -> tuple[bytes, int, int, int]:
    info = path.stat()
    return path.read_bytes(), info.st_mtime_ns, info.st_ino, stat.S_IMODE(info.st_mode)


# -- a change is saved -------------------------------------------------------------------


def test_set_saves_the_answers_and_says_so(folder: Path, saved: Path) -> None:
    result = run(folder, "set", "Office desk", "chair.seat_height_cm=52", "monitor.glare=yes")
    assert result.exit_code == 0, result.output
    profile = load_profile(saved).profile
    assert profile.chair.seat_height_cm == 52.0 and profile.monitor.glare is True
    lines = result.stdout.splitlines()
    assert lines == [f"set 2 answers in {saved}", rosa_summary(advise(profile))]
    assert lines[1].startswith("ROSA ")
    assert result.stderr == ""
    assert temps(folder) == []


def test_an_answer_to_a_question_that_does_not_apply_is_named_not_counted(
    folder: Path, saved: Path
) -> None:
    # the example's main screen is a monitor and it has no second one: whether the laptop's
    # own keys are used is not asked, so that answer is dropped, as the wizard hides it
    result = run(folder, "set", "Office desk", "monitor.laptop_keyboard=yes", "monitor.glare=yes")
    assert result.exit_code == 0, result.output
    profile = load_profile(saved).profile
    assert profile.monitor.laptop_keyboard is None and profile.monitor.glare is True
    assert result.stdout.splitlines()[0] == f"set 1 answer in {saved}"
    assert result.stderr == (
        "deskfit: monitor.laptop_keyboard was not saved: that question does not apply to "
        "this profile (it is asked because you work on a laptop)\n"
    )
    # with the answer that makes it apply, both are kept and nothing is said
    result = run(folder, "set", "Office desk", "monitor.kind=laptop", "monitor.laptop_keyboard=yes")
    assert result.exit_code == 0 and result.stderr == ""
    assert load_profile(saved).profile.monitor.laptop_keyboard is True


def test_one_answer_is_singular(folder: Path, saved: Path) -> None:
    result = run(folder, "set", str(saved), "monitor.glare=yes")
    assert result.stdout.splitlines()[0] == f"set 1 answer in {saved}"


@pytest.mark.parametrize(
    ("arg", "section", "field", "value"),
    [
        ("chair.seat_height_cm=19in", "chair", "seat_height_cm", 48.26),
        ("chair.seat_height_cm=48.5cm", "chair", "seat_height_cm", 48.5),
        ("chair.seat_height_cm=50", "chair", "seat_height_cm", 50.0),
        ("body.stature_cm=5'10\"", "body", "stature_cm", 177.8),
        ("habits.hours_per_day=6.5", "habits", "hours_per_day", 6.5),
        ("habits.longest_stretch_min=45", "habits", "longest_stretch_min", 45),
        ("chair.backrest=No", "chair", "backrest", False),
        ("monitor.reads_documents=TRUE", "monitor", "reads_documents", True),
        ("chair.lumbar_support=fixed", "chair", "lumbar_support", "fixed"),
        ("body.popliteal_height_cm=", "body", "popliteal_height_cm", None),
        ("body.shoe_allowance_cm=", "body", "shoe_allowance_cm", 2.5),
    ],
)
def test_each_kind_of_answer(
    folder: Path, saved: Path, arg: str, section: str, field: str, value: Any
) -> None:
    result = run(folder, "set", "Office desk", arg)
    assert result.exit_code == 0, result.output
    got = getattr(getattr(load_profile(saved).profile, section), field)
    assert got == (pytest.approx(value) if isinstance(value, float) else value)
    if value is None:
        assert f"{field} =" not in saved.read_text(encoding="utf-8")


def test_a_bare_length_in_an_imperial_profile(folder: Path, saved: Path) -> None:
    assert run(folder, "set", "Office desk", "units=imperial").exit_code == 0
    assert run(folder, "set", "Office desk", "chair.seat_height_cm=20").exit_code == 0
    profile = load_profile(saved).profile
    assert profile.units == "imperial"
    assert profile.chair.seat_height_cm == pytest.approx(50.8)


def test_the_advice_snapshot_is_refreshed(folder: Path, saved: Path) -> None:
    before = snapshot_of(saved)
    result = run(folder, "set", "Office desk", "chair.seat_height_cm=44", "monitor.glare=yes")
    assert result.exit_code == 0, result.output
    after = snapshot_of(saved)
    profile = load_profile(saved).profile
    expected = store._toml_safe(snapshot(advise(profile), profile.updated))
    assert {k: v for k, v in after.items() if k != "generated"} == {
        k: v for k, v in expected.items() if k != "generated"
    }
    assert after != before
    assert after["settings"] != before["settings"] or after["rosa"] != before["rosa"]
    assert before["generated"] == PAST
    assert after["generated"] > PAST
    assert profile.updated is not None and profile.updated > PAST


def test_created_and_extra_are_kept(folder: Path, saved: Path) -> None:
    original = load_profile(saved).profile
    assert run(folder, "set", "Office desk", "habits.crosses_legs=never").exit_code == 0
    profile = load_profile(saved).profile
    assert profile.created == original.created == datetime(2026, 11, 23, 19, 0, tzinfo=UTC)
    assert profile.extra == {"note": "blue chair"}
    # every answer that applies is kept; those that do not (a desk range on a fixed desk,
    # phone hours with no calls) are dropped, as the wizard drops them
    exclude = {"updated", "habits", "desk", "phone"}
    assert profile.model_dump(exclude=exclude) == original.model_dump(exclude=exclude)
    assert profile.desk.height_cm == original.desk.height_cm
    assert profile.desk.height_min_cm is None and original.desk.height_min_cm == 62.0
    assert profile.phone.use == original.phone.use == "none"


def test_a_new_name_is_saved_in_the_same_file(folder: Path, saved: Path) -> None:
    result = run(folder, "set", "Office desk", "name=Sam at home")
    assert result.exit_code == 0, result.output
    assert load_profile(saved).profile.name == "Sam at home"
    assert sorted(p.name for p in folder.iterdir()) == [saved.name]


def test_the_profile_stays_readable_by_its_owner_only(folder: Path, saved: Path) -> None:
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert run(folder, "set", "Office desk", "monitor.glare=yes").exit_code == 0
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600


def test_a_profile_keeps_the_permissions_its_owner_gave_it(
    folder: Path, valid_document: Doc, write_profile: Any
) -> None:
    path = write_profile(folder, valid_document(), "mine.toml")
    path.chmod(0o640)
    assert run(folder, "set", str(path), "monitor.glare=yes").exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_migrated_file_is_backed_up_before_it_is_rewritten(
    folder: Path, valid_document: Doc, write_profile: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(store.MIGRATIONS, 0, lambda document: document)
    doc = valid_document()
    doc["schema_version"] = 0
    path = write_profile(folder, doc, "old.toml")
    original = path.read_bytes()
    result = run(folder, "set", str(path), "monitor.glare=yes")
    assert result.exit_code == 0, result.output
    backup = store.backup_path(path, 0)
    assert backup.read_bytes() == original
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert tomllib.loads(path.read_text(encoding="utf-8"))["schema_version"] == 1


# -- a refused change leaves the file alone ----------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["chair.seat_height_cm=480"],
            ["chair.seat_height_cm: " + str(check_field("chair", "seat_height_cm", 480.0))],
        ),
        (
            ["chair.seat_hieght_cm=52"],
            ["chair.seat_hieght_cm: unknown key in [chair]: did you mean seat_height_cm?"],
        ),
        (
            ["chair.seat_height_cm=60"],
            ["chair.seat_height_cm: 60 cm is above the highest seat height (55 cm)"],
        ),
        (
            ["monitor.glare=maybe", "chair.lumbar_support=soft", "body.stature_cm=tall"],
            [
                'monitor.glare: must be true or false; you gave "maybe"',
                "chair.lumbar_support: must be one of 'adjustable', 'fixed' or 'none'; "
                'you gave "soft"',
                'body.stature_cm: could not read "tall" as a length: '
                "try 178, 178 cm, 1.78 m, 70 in or 5'10\"",
            ],
        ),
        (
            ["chair.seat_height_cm=", "nonsense"],
            [
                "chair.seat_height_cm: cannot be cleared: seat height now is required",
                "nonsense: expected KEY=VALUE, like chair.seat_height_cm=52",
            ],
        ),
        (
            ["monitor.glare=yes", "monitor.glare=no"],
            ["monitor.glare: given 2 times; give it once"],
        ),
        (
            ["created=2026-01-01", "extra.note=x"],
            [
                "created: is kept by deskfit; it cannot be set",
                "extra.note: is a free-form table; edit the file to change it",
            ],
        ),
    ],
)
def test_a_refused_change_writes_nothing(
    folder: Path, saved: Path, args: list[str], expected: list[str]
) -> None:
    before = fingerprint(saved)
    listing = sorted(folder.iterdir())
    result = run(folder, "set", "Office desk", *args)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"{saved}: {line}" for line in expected]
    assert fingerprint(saved) == before  # bytes, mtime, inode and mode
    assert sorted(folder.iterdir()) == listing
    assert temps(folder) == []


def test_one_bad_answer_among_good_ones_saves_none(folder: Path, saved: Path) -> None:
    before = fingerprint(saved)
    result = run(folder, "set", "Office desk", "monitor.glare=yes", "habits.hours_per_day=25")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{saved}: habits.hours_per_day: a day has 0–24 hours; you gave 25"
    ]
    assert fingerprint(saved) == before


def test_a_file_changed_meanwhile_is_not_overwritten(
    folder: Path, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = store.load_profile

    def stale(path: Path | str, **kw: Any) -> store.Loaded:
        loaded = real(path, **kw)
        return dataclasses.replace(loaded, sha256="0" * 64)  # as if it held other bytes

    monkeypatch.setattr(store, "load_profile", stale)
    before = fingerprint(saved)
    result = run(folder, "set", "Office desk", "monitor.glare=yes")
    assert result.exit_code == 1
    assert "changed since it was read; nothing saved" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert fingerprint(saved) == before


def test_a_missing_profile_is_one_line(folder: Path) -> None:
    result = run(folder, "set", "Nobody", "monitor.glare=yes")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"deskfit: no profile called 'Nobody' in {folder}; 'deskfit list' shows the names"
    )
    assert list(folder.iterdir()) == []


def test_an_invalid_file_is_reported_and_left_alone(
    folder: Path, valid_document: Doc, write_profile: Any
) -> None:
    doc = valid_document()
    doc["chair"]["seat_height_cm"] = 480.0
    path = write_profile(folder, doc, "bad.toml")
    before = fingerprint(path)
    result = run(folder, "set", str(path), "chair.seat_height_cm=48")
    assert result.exit_code == 1
    assert "bad.toml:" in result.stderr and "480 looks like millimetres" in result.stderr
    assert fingerprint(path) == before


def test_set_needs_an_answer(folder: Path, saved: Path) -> None:
    result = run(folder, "set", "Office desk")
    assert result.exit_code == 2
    assert "KEY=VALUE" in result.output


def test_set_is_in_the_help(folder: Path) -> None:
    assert "set" in run(folder, "--help").stdout
    text = run(folder, "set", "--help").stdout
    assert "chair.seat_height_cm=19in" in text and "empty: clear" in text


def test_set_does_not_import_textual(tmp_path: Path, saved: Path) -> None:
    code = f"""
        import sys
        from deskfit.cli import main
        try:
            main(["--profiles-dir", {str(saved.parent)!r}, "set", "Office desk",
                  "chair.seat_height_cm=50"])
        except SystemExit as exc:
            assert exc.code in (0, None), exc.code
        assert not [m for m in sys.modules if m == "textual" or m.startswith("textual.")]
        assert not [m for m in sys.modules if m.startswith("deskfit.tui")]
        print("ok")
    """
    env = {k: v for k, v in os.environ.items() if k != ENV_PROFILES_DIR}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.splitlines()[-1] == "ok"
    assert load_profile(saved).profile.chair.seat_height_cm == 50.0
