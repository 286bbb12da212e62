"""Reading and writing profile files (deskfit.core.files.store).

Round trips are exact; a save that dies half-way leaves the old file; every refusal names
the file and, where it can, the line.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import tomllib
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from deskfit.core.engine.advice import advise
from deskfit.core.files import store
from deskfit.core.files.store import (
    MAX_FILE_BYTES,
    TEMP_MARK,
    Loaded,
    ProfileExists,
    ProfileFileError,
    atomic_write,
    clean_stale_temps,
    key_lines,
    load_profile,
    path_for_name,
    read_document,
    render_toml,
    save_profile,
    slugify,
    to_document,
)
from deskfit.core.model.profile import SCHEMA_VERSION, Profile
from deskfit.core.model.validation import parse_profile
from deskfit.core.present.render import snapshot

# -- helpers -------------------------------------------------------------------------


def line_of(text: str, needle: str) -> int:
    """1-based number of the first line that starts with ``needle``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(needle):
            return number
    raise AssertionError(f"{needle!r} not in the text")


def only_problem(exc: pytest.ExceptionInfo[ProfileFileError]) -> store.Problem:
    assert len(exc.value.problems) == 1, exc.value.problems
    return exc.value.problems[0]


def problem_loading(path: Path, text: str) -> store.Problem:
    """Write ``text`` to ``path`` and load it: the one problem the load must report."""
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileFileError) as caught:
        load_profile(path)
    return only_problem(caught)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def dead_pid() -> int:
    """The pid of a process that has exited (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture
def example(valid_document: Any) -> Profile:
    return parse_profile(valid_document())


def rich_profile(valid_document: Any) -> Profile:
    """A profile whose every field differs from its default, with awkward values."""
    doc = valid_document()
    doc["name"] = "Büro — desk ☕ \"quoted\" 'and' \\ back"
    doc["units"] = "imperial"
    doc["created"] = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=2)))
    doc["updated"] = datetime(2026, 11, 23, 19, 5, 7, 123456, tzinfo=UTC)
    doc["body"].update(stature_cm=170.3, shoe_allowance_cm=0.0, popliteal_height_cm=41.35)
    doc["chair"].update(seat_height_cm=47.99, seat_depth_cm=45.1, backrest_recline_deg=104.5)
    doc["footstool"].update(in_use=False, height_cm=7.25)
    doc["phone"].update(use="headset", hours_per_day=0.1 + 0.2)
    doc["habits"].update(longest_stretch_min=1439, crosses_legs="sometimes")
    doc["extra"] = {
        "note": "línea 1\nline 2\ttab",
        "empty_text": "",
        "count": 3,
        "big": 2**62,
        "ratio": 1e-7,
        "flag": False,
        "tags": ["a", "b"],
        "matrix": [[1, 2], [3, 4]],
        "mixed": [1, "two", 3.5],
        "nested": {"deeper": {"deepest": {"x": 1}}, "list": [{"a": 1}, {"b": [2, 3]}]},
        "empty_table": {},
        "when": datetime(2025, 5, 6, 7, 8, 9, 10, tzinfo=UTC),
        "local": datetime(2025, 5, 6, 7, 8, 9),
        "day": date(2025, 5, 6),
        "at": time(7, 8, 9),
    }
    return parse_profile(doc)


# -- round trips ---------------------------------------------------------------------


def test_round_trip_of_the_example(tmp_path: Path, example: Profile) -> None:
    path = save_profile(example, tmp_path / "office-desk.toml")
    loaded = load_profile(path)
    assert isinstance(loaded, Loaded)
    assert loaded.path == path
    assert loaded.migrated_from is None
    assert loaded.mtime_ns == path.stat().st_mtime_ns
    assert loaded.profile == example
    assert loaded.profile.model_dump() == example.model_dump()


def test_round_trip_of_every_field_exactly(tmp_path: Path, valid_document: Any) -> None:
    original = rich_profile(valid_document)
    path = save_profile(original, tmp_path / "rich.toml")
    again = load_profile(path).profile
    assert again.model_dump() == original.model_dump()
    assert again.phone.hours_per_day == 0.1 + 0.2  # 0.30000000000000004, not 0.3
    assert again.extra["big"] == 2**62
    # Aware datetimes compare by instant; keep the offset and microseconds too.
    assert again.created is not None and original.created is not None
    assert again.created.isoformat() == "2026-01-02T03:04:05+02:00"
    assert again.updated is not None and again.updated.isoformat().endswith(".123456+00:00")
    assert again.extra["when"].isoformat() == "2025-05-06T07:08:09.000010+00:00"
    assert again.extra["local"].tzinfo is None
    assert again.extra["day"] == date(2025, 5, 6) and not isinstance(again.extra["day"], datetime)
    assert again.extra["at"] == time(7, 8, 9)
    assert again.extra["nested"]["list"] == [{"a": 1}, {"b": [2, 3]}]
    assert again.extra["empty_table"] == {}
    assert again.footstool.in_use is False  # given, not the default (= owned)


def test_saving_again_writes_the_same_bytes(tmp_path: Path, valid_document: Any) -> None:
    original = rich_profile(valid_document)
    first = save_profile(original, tmp_path / "a.toml").read_bytes()
    second = save_profile(load_profile(tmp_path / "a.toml").profile, tmp_path / "b.toml")
    assert second.read_bytes() == first


def test_the_file_is_the_document_in_schema_order(tmp_path: Path, example: Profile) -> None:
    path = save_profile(example, tmp_path / "p.toml")
    text = path.read_text(encoding="utf-8")
    assert tomllib.loads(text) == to_document(example)
    tables = re.findall(r"^\[([a-z_.]+)\]", text, re.M)
    assert tables[:9] == [
        "body",
        "chair",
        "desk",
        "footstool",
        "monitor",
        "keyboard",
        "mouse",
        "phone",
        "habits",
    ]
    assert text.startswith("schema_version = 1\n")


def test_absent_optional_answers_stay_absent(tmp_path: Path, valid_document: Any) -> None:
    doc = valid_document()
    del doc["body"]["popliteal_height_cm"]
    del doc["chair"]["seat_depth_cm"]
    path = save_profile(parse_profile(doc), tmp_path / "p.toml")
    written = tomllib.loads(path.read_text(encoding="utf-8"))
    assert "popliteal_height_cm" not in written["body"]
    assert "seat_depth_cm" not in written["chair"]
    assert "extra" not in written  # nothing to preserve: no empty table
    assert load_profile(path).profile.body.popliteal_height_cm is None


# -- the [advice] snapshot -----------------------------------------------------------


def test_advice_is_written(tmp_path: Path, example: Profile) -> None:
    advice = {"rosa": {"final": 5, "band": "assess further"}, "skip": None, "items": [1, None]}
    path = save_profile(example, tmp_path / "p.toml", advice=advice)
    written = tomllib.loads(path.read_text(encoding="utf-8"))
    # TOML has no null: None values are left out.
    assert written["advice"] == {"rosa": {"final": 5, "band": "assess further"}, "items": [1]}
    assert load_profile(path).profile == example


def test_the_real_advice_snapshot_is_written_and_ignored(tmp_path: Path, example: Profile) -> None:
    path = save_profile(example, tmp_path / "p.toml", advice=snapshot(advise(example)))
    written = tomllib.loads(path.read_text(encoding="utf-8"))
    assert isinstance(written["advice"], dict) and written["advice"]
    loaded = load_profile(path).profile
    assert loaded == example
    assert "advice" not in loaded.extra


def test_advice_is_never_read_back(tmp_path: Path, example: Profile) -> None:
    # Whatever is in [advice] (stale, hand-edited, nonsense) does not reach the answers.
    text = render_toml(example) + (
        '\n[advice]\nseat_height_cm = "junk"\nunknown_key = 1\n\n[advice.nested]\nx = [1, 2]\n'
    )
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    loaded = load_profile(path).profile
    assert loaded == example
    assert "advice" not in loaded.model_dump()
    assert "advice" not in loaded.extra


# -- atomic saves --------------------------------------------------------------------


def _saved_twice(tmp_path: Path, example: Profile) -> tuple[Path, bytes, Profile]:
    path = save_profile(example, tmp_path / "office-desk.toml")
    changed = example.model_copy(
        update={"chair": example.chair.model_copy(update={"seat_height_cm": 50.0})}
    )
    return path, path.read_bytes(), changed


def test_failed_rename_leaves_the_old_file(
    tmp_path: Path, example: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, before, changed = _saved_twice(tmp_path, example)
    seen: list[tuple[Path, Path]] = []

    def failing_replace(src: Any, dst: Any) -> None:
        seen.append((Path(src), Path(dst)))
        # The temporary file is complete and beside the target (same file system).
        assert Path(src).parent == Path(dst).parent
        assert tomllib.loads(Path(src).read_text(encoding="utf-8"))["chair"]["seat_height_cm"] == 50
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        save_profile(changed, path)
    monkeypatch.undo()
    assert seen and seen[0][1] == path
    assert path.read_bytes() == before
    assert load_profile(path).profile == example
    assert files_in(tmp_path) == ["office-desk.toml"]


class _HalfWriter:
    """A file handle that writes half of what it is given, then fails (disk full)."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def write(self, data: bytes) -> int:
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise OSError(28, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)


def test_a_save_that_dies_half_way_leaves_the_old_file(
    tmp_path: Path, example: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, before, changed = _saved_twice(tmp_path, example)
    real_fdopen = os.fdopen
    half_written: list[int] = []

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(fd, *args, **kwargs)
        half_written.append(fd)
        return _HalfWriter(handle)

    monkeypatch.setattr(os, "fdopen", fdopen)
    with pytest.raises(OSError):
        save_profile(changed, path)
    monkeypatch.undo()
    assert half_written, "the save did not go through os.fdopen: test needs updating"
    assert path.read_bytes() == before
    assert load_profile(path).profile == example
    assert files_in(tmp_path) == ["office-desk.toml"]


def test_an_interrupt_during_the_save_leaves_the_old_file(
    tmp_path: Path, example: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, before, changed = _saved_twice(tmp_path, example)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_profile(changed, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert files_in(tmp_path) == ["office-desk.toml"]


def test_stale_temp_from_a_dead_process_is_cleaned_on_the_next_save(
    tmp_path: Path, example: Profile
) -> None:
    target = tmp_path / "office-desk.toml"
    stale = tmp_path / f".office-desk.toml{TEMP_MARK}-{dead_pid()}-deadbeef"
    stale.write_bytes(b'schema_version = 1\nname = "half')
    save_profile(example, target)
    assert not stale.exists()
    assert files_in(tmp_path) == ["office-desk.toml"]


def test_temp_of_a_live_process_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "office-desk.toml"
    busy = tmp_path / f".office-desk.toml{TEMP_MARK}-{os.getppid()}-cafe0123"
    busy.write_bytes(b"being written")
    clean_stale_temps(target)
    assert busy.exists()


def test_stale_temps_of_other_profiles_are_not_touched(tmp_path: Path) -> None:
    other = tmp_path / f".home.toml{TEMP_MARK}-{dead_pid()}-00000000"
    other.write_bytes(b"x")
    atomic_write(tmp_path / "office-desk.toml", b"x = 1\n")
    assert other.exists()


def test_new_files_are_private(tmp_path: Path, example: Profile) -> None:
    path = save_profile(example, tmp_path / "p.toml")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_rewritten_file_keeps_the_permissions_it_had(tmp_path: Path, example: Profile) -> None:
    path = tmp_path / "p.toml"
    path.write_text(render_toml(example), encoding="utf-8")
    path.chmod(0o640)  # a team folder's file, readable by the group: a save must not hide it
    save_profile(example, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_save_creates_the_folder(tmp_path: Path, example: Profile) -> None:
    path = save_profile(example, tmp_path / "new" / "folder" / "p.toml")
    assert load_profile(path).profile == example


# -- file names ----------------------------------------------------------------------

SLUG_OK = re.compile(r"^[a-z0-9-]+$")
HOSTILE_NAMES = [
    "../x",
    "../../etc/passwd",
    "/etc/passwd",
    "a/b",
    "a\\b",
    "a\x00b",
    "\x00",
    "CON",
    "con",
    "Nul",
    "COM1",
    "lpt9",
    "aux.txt",
    "x" * 500,
    "é" * 500,
    "",
    "   ",
    ".",
    "..",
    ".hidden",
    "-",
    "---",
    "Bürotisch",
    "日本語のデスク",
    "🪑 chair",
    "name.toml",
    "C:\\Windows",
    "~",
    "~root",
    "$HOME",
    "a\nb",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=[repr(n)[:30] for n in HOSTILE_NAMES])
def test_slugify_never_escapes_the_folder(tmp_path: Path, name: str) -> None:
    slug = slugify(name)
    assert SLUG_OK.match(slug), slug
    assert not slug.startswith("-") and not slug.endswith("-")
    assert slug.lower() not in {"con", "prn", "aux", "nul"}
    assert not re.fullmatch(r"(com|lpt)[0-9]", slug)
    path = path_for_name(name, tmp_path)
    assert path.parent == tmp_path
    assert path.resolve().parent == tmp_path.resolve()
    assert path.suffix == ".toml"
    assert len(path.name.encode()) <= 255


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Office desk", "office-desk"),  # the spec's example
        ("  Home  Office!! ", "home-office"),
        ("../x", "x"),
        ("/etc/passwd", "etc-passwd"),
        ("a/b", "a-b"),
        ("a\x00b", "a-b"),
        ("Bürotisch", "burotisch"),
        ("Desk 2", "desk-2"),
    ],
)
def test_slugify_by_hand(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_slugify_is_stable() -> None:
    for name in HOSTILE_NAMES:
        assert slugify(slugify(name)) == slugify(name)


def test_list_profiles_skips_temporary_and_hidden_files(tmp_path: Path) -> None:
    for name in ("b.toml", "a.toml", ".a.toml.deskfit-tmp-1-x", ".hidden.toml", "notes.txt"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in store.list_profiles(tmp_path)] == ["a.toml", "b.toml"]
    assert list(store.list_profiles(tmp_path / "missing")) == []


# -- two profiles, one file name -----------------------------------------------------


def test_saving_over_another_profile_with_the_same_slug_is_refused(
    tmp_path: Path, example: Profile
) -> None:
    path = save_profile(example, path_for_name(example.name, tmp_path))
    before = path.read_bytes()
    other = example.model_copy(update={"name": "office DESK!"})
    assert path_for_name(other.name, tmp_path) == path
    with pytest.raises(ProfileExists) as caught:
        save_profile(other, path_for_name(other.name, tmp_path))
    assert caught.value.other_name == "Office desk"
    assert caught.value.path == path
    assert path.read_bytes() == before


def test_overwrite_other_replaces_it(tmp_path: Path, example: Profile) -> None:
    path = save_profile(example, path_for_name(example.name, tmp_path))
    other = example.model_copy(update={"name": "office DESK!"})
    save_profile(other, path, overwrite_other=True)
    assert load_profile(path).profile.name == "office DESK!"


def test_saving_the_same_profile_again_is_fine(tmp_path: Path, example: Profile) -> None:
    path = save_profile(example, path_for_name(example.name, tmp_path))
    changed = example.model_copy(update={"units": "imperial"})
    save_profile(changed, path)
    assert load_profile(path).profile.units == "imperial"


# -- refusals ------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProfileFileError) as caught:
        load_profile(tmp_path / "nope.toml")
    assert "no such file" in only_problem(caught).message
    assert caught.value.path == tmp_path / "nope.toml"
    assert caught.value.report().startswith(str(tmp_path / "nope.toml"))


def test_a_folder_is_not_a_profile(tmp_path: Path) -> None:
    with pytest.raises(ProfileFileError) as caught:
        load_profile(tmp_path)
    assert "folder" in only_problem(caught).message


@pytest.mark.parametrize("content", [b"", b"   \n\n\t\n"], ids=["empty", "blank"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "p.toml"
    path.write_bytes(content)
    with pytest.raises(ProfileFileError) as caught:
        load_profile(path)
    assert "empty" in only_problem(caught).message


def test_over_one_mebibyte_is_refused_unread(tmp_path: Path) -> None:
    assert MAX_FILE_BYTES == 1024 * 1024
    path = tmp_path / "p.toml"
    path.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    with pytest.raises(ProfileFileError) as caught:
        load_profile(path)
    message = only_problem(caught).message
    assert "1,048,577" in message and "1,048,576" in message


def test_exactly_one_mebibyte_is_read(tmp_path: Path, example: Profile) -> None:
    text = render_toml(example)
    padding = MAX_FILE_BYTES - len(text.encode()) - 1
    path = tmp_path / "p.toml"
    path.write_bytes(text.encode() + b"#" * padding + b"\n")
    assert path.stat().st_size == MAX_FILE_BYTES
    assert load_profile(path).profile == example


def test_utf16_is_refused_by_name(tmp_path: Path, example: Profile) -> None:
    path = tmp_path / "p.toml"
    path.write_bytes(render_toml(example).encode("utf-16"))
    with pytest.raises(ProfileFileError) as caught:
        load_profile(path)
    message = only_problem(caught).message
    assert "UTF-16" in message and "UTF-8" in message


def test_latin1_is_refused_with_its_line(tmp_path: Path, example: Profile) -> None:
    text = render_toml(example.model_copy(update={"name": "Bürotisch"}))
    path = tmp_path / "p.toml"
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(ProfileFileError) as caught:
        load_profile(path)
    problem = only_problem(caught)
    assert "UTF-8" in problem.message
    assert problem.line == line_of(text, "name =")  # line 2
    assert caught.value.report().startswith(f"{path}:{problem.line}: ")


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path, example: Profile) -> None:
    named = example.model_copy(update={"name": "Bürotisch"})
    path = tmp_path / "p.toml"
    path.write_bytes(b"\xef\xbb\xbf" + render_toml(named).encode("utf-8"))
    assert load_profile(path).profile == named


def test_broken_toml_reports_line_and_column(tmp_path: Path, example: Profile) -> None:
    text = render_toml(example).replace("seat_height_cm = 48.0\n", "seat_height_cm = 48.0.0\n")
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileFileError) as caught:
        load_profile(path)
    problem = only_problem(caught)
    assert problem.line == line_of(text, "seat_height_cm =")
    # "seat_height_cm = 48.0.0": 14 + 3 + 4 characters, the second "." is column 22.
    assert problem.column == 22
    assert "not valid TOML" in problem.message
    assert f"{path}:{problem.line}:" in caught.value.report()


def test_unterminated_string_reports_its_line(tmp_path: Path, example: Profile) -> None:
    text = render_toml(example).replace('name = "Office desk"', 'name = "Office desk')
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileFileError) as caught:
        load_profile(path)
    assert only_problem(caught).line == line_of(text, "name =")


def test_unknown_key_reports_its_line(tmp_path: Path, example: Profile) -> None:
    text = render_toml(example).replace("armrests_hard =", "armrests_hrad =")
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileFileError) as caught:
        load_profile(path)
    problem = only_problem(caught)
    assert problem.key == "chair.armrests_hrad"
    assert problem.line == line_of(text, "armrests_hrad =")
    assert "did you mean armrests_hard?" in problem.message
    assert caught.value.report() == f"{path}:{problem.line}: chair.armrests_hrad: {problem.message}"


def test_a_missing_key_points_at_its_table(tmp_path: Path, example: Profile) -> None:
    text = render_toml(example).replace("distance_cm = 65.0\n", "")
    problem = problem_loading(tmp_path / "p.toml", text)
    assert problem.key == "monitor.distance_cm"
    assert problem.line == line_of(text, "[monitor]")


def test_an_out_of_range_value_reports_its_line(tmp_path: Path, example: Profile) -> None:
    text = render_toml(example).replace("seat_height_cm = 48.0", "seat_height_cm = 480")
    problem = problem_loading(tmp_path / "p.toml", text)
    assert problem.line == line_of(text, "seat_height_cm =")
    assert "millimetres" in problem.message and "48.0 cm" in problem.message


def test_nan_in_a_file_is_refused(tmp_path: Path, example: Profile) -> None:
    text = render_toml(example).replace("distance_cm = 65.0", "distance_cm = nan")
    problem = problem_loading(tmp_path / "p.toml", text)
    assert problem.key == "monitor.distance_cm"
    assert problem.line == line_of(text, "distance_cm =")


def test_key_lines_by_hand() -> None:
    text = (
        "schema_version = 1\n"  # 1
        'name = "x"\n'  # 2
        "\n"  # 3
        "[chair]  # the chair\n"  # 4
        "seat_height_cm = 48\n"  # 5
        '"seat_depth_cm" = 46\n'  # 6
        "# armrests = 1\n"  # 7
        "\n"  # 8
        "[ extra.nested ]\n"  # 9
        "a = 1\n"  # 10
    )
    assert key_lines(text) == {
        "schema_version": 1,
        "name": 2,
        "chair": 4,
        "chair.seat_height_cm": 5,
        "chair.seat_depth_cm": 6,
        "extra.nested": 9,
        "extra.nested.a": 10,
    }


def test_schema_version_newer_than_deskfit_is_refused(tmp_path: Path, example: Profile) -> None:
    text = render_toml(example).replace("schema_version = 1", "schema_version = 99")
    text = text.replace("seat_height_cm = 48.0", "seat_hieght_cm = 48.0")  # not looked at
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileFileError) as caught:
        load_profile(path)
    problem = only_problem(caught)
    assert problem.key == "schema_version"
    assert problem.line == 1
    assert "99" in problem.message
    assert SCHEMA_VERSION == 1
    assert "version 1" in problem.message  # the version this deskfit reads


@pytest.mark.parametrize("value", ['"1"', "1.0", "true", "[1]"])
def test_schema_version_of_the_wrong_type(tmp_path: Path, example: Profile, value: str) -> None:
    text = render_toml(example).replace("schema_version = 1", f"schema_version = {value}")
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileFileError) as caught:
        load_profile(path)
    problem = only_problem(caught)
    assert problem.key == "schema_version"
    assert problem.line == 1
    assert "whole number" in problem.message


def test_schema_version_never_written_is_refused(tmp_path: Path, example: Profile) -> None:
    text = render_toml(example).replace("schema_version = 1", "schema_version = 0")
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileFileError) as caught:
        load_profile(path)
    assert only_problem(caught).key == "schema_version"


def test_read_document_returns_the_raw_document(tmp_path: Path, example: Profile) -> None:
    path = tmp_path / "p.toml"
    path.write_text(render_toml(example), encoding="utf-8")
    document, text = read_document(path)
    assert document == to_document(example)
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_file_is_refused_without_reading_it_all() -> None:
    # A character device or FIFO reports size 0; the size check must still hold, by reading
    # at most MAX_FILE_BYTES + 1 bytes. Run with 512 MiB of address space, so an unbounded
    # read fails fast (MemoryError) instead of eating the machine.
    code = (
        "import resource\n"
        "resource.setrlimit(resource.RLIMIT_AS, (512 << 20, 512 << 20))\n"
        "from deskfit.core.files import store\n"
        "try:\n"
        "    store.load_profile('/dev/zero')\n"
        "except store.ProfileFileError as exc:\n"
        "    print('refused:', exc.report())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("refused: /dev/zero")
