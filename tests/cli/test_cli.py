"""The ``deskfit`` command line: every command, every error as one line, never a traceback."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from deskfit import __version__
from deskfit.cli import cli
from deskfit.core.files import finding
from deskfit.core.files.store import ProfileFileError, load_profile, path_for_name, render_toml
from deskfit.core.model.validation import parse_profile

COMMANDS = sorted(cli.commands)


def run(folder: Path, *args: str, **kwargs: Any) -> Result:
    result = CliRunner().invoke(cli, ["--profiles-dir", str(folder), *args], **kwargs)
    assert "Traceback" not in result.output
    return result


def no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert "Traceback" not in result.stderr
    # An exception other than SystemExit means it escaped the command's error handling.
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "profiles"
    path.mkdir()
    return path


@pytest.fixture
def saved(folder: Path, valid_document: Any, write_profile: Any) -> Path:
    """The example profile, saved in the folder as deskfit would name it."""
    doc = valid_document()
    path = write_profile(folder, doc, path_for_name(doc["name"], folder).name)
    assert path.name == "office-desk.toml"
    return path


def broken(folder: Path, name: str, replace: tuple[str, str], valid_document: Any) -> Path:
    text = render_toml(parse_profile(valid_document()))
    assert replace[0] in text
    path = folder / name
    path.write_text(text.replace(*replace), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(needle):
            return number
    raise AssertionError(needle)


# -- --version and --help ------------------------------------------------------------


def test_version(folder: Path) -> None:
    result = run(folder, "--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"deskfit, version {__version__}"


def test_the_commands_are_all_there() -> None:
    assert set(COMMANDS) >= {"list", "show", "check", "export", "new", "edit", "open"}


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help(folder: Path, flag: str) -> None:
    result = run(folder, flag)
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.output
    assert "--profiles-dir" in result.output and "--debug" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_help_on_every_command(folder: Path, command: str) -> None:
    result = run(folder, command, "--help")
    assert result.exit_code == 0, result.output
    assert f"Usage: cli {command}" in result.output or f"deskfit {command}" in result.output
    assert (cli.commands[command].help or "").split("\n")[0].strip() in result.output


# -- check ---------------------------------------------------------------------------


def test_check_a_valid_file(folder: Path, saved: Path) -> None:
    result = run(folder, "check", str(saved))
    assert result.exit_code == 0
    assert result.stdout.strip() == f"{saved}: ok"
    assert result.stderr == ""


def test_check_the_spec_example(folder: Path) -> None:
    # shared/ sits beside the project's root, in a developer's checkout and in CI alike
    spec = Path(__file__).resolve().parents[3] / "shared" / "profile-format.md"
    if not spec.is_file():
        pytest.fail(f"{spec} is missing: this test checks deskfit against shared/")
    match = re.search(r"```toml\n(.*?)```", spec.read_text(encoding="utf-8"), re.S)
    assert match
    path = folder / "example.toml"
    path.write_text(match.group(1), encoding="utf-8")
    result = run(folder, "check", str(path))
    assert result.exit_code == 0, result.output


def _problem_lines(result: Result) -> list[str]:
    return [
        line for line in result.stderr.splitlines() if not re.match(r"\d+ of \d+ invalid", line)
    ]


def test_check_misspelt_key(folder: Path, valid_document: Any) -> None:
    path = broken(folder, "typo.toml", ("armrests_hard =", "armrests_hrad ="), valid_document)
    result = run(folder, "check", str(path))
    no_traceback(result)
    assert result.exit_code == 1
    lines = _problem_lines(result)
    assert len(lines) == 1, lines
    line = line_of(path, "armrests_hrad")
    assert lines[0].startswith(f"{path}:{line}: chair.armrests_hrad: ")
    assert "did you mean armrests_hard?" in lines[0]
    assert "1 of 1 invalid" in result.stderr


def test_check_seat_height_in_millimetres(folder: Path, valid_document: Any) -> None:
    path = broken(
        folder, "mm.toml", ("seat_height_cm = 48.0", "seat_height_cm = 480"), valid_document
    )
    result = run(folder, "check", str(path))
    no_traceback(result)
    assert result.exit_code == 1
    lines = _problem_lines(result)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}:{line_of(path, 'seat_height_cm')}: chair.seat_height_cm:")
    assert "millimetres" in lines[0] and "48.0 cm" in lines[0]


def test_check_broken_toml(folder: Path, valid_document: Any) -> None:
    path = broken(folder, "broken.toml", ("glare = false", "glare = fals"), valid_document)
    result = run(folder, "check", str(path))
    no_traceback(result)
    assert result.exit_code == 1
    lines = _problem_lines(result)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}:{line_of(path, 'glare =')}: ")
    assert "column" in lines[0] and "not valid TOML" in lines[0]


def test_check_newer_schema_version(folder: Path, valid_document: Any) -> None:
    path = broken(folder, "v99.toml", ("schema_version = 1", "schema_version = 99"), valid_document)
    result = run(folder, "check", str(path))
    no_traceback(result)
    assert result.exit_code == 1
    lines = _problem_lines(result)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}:1: schema_version: ")
    assert "99" in lines[0] and "version 1" in lines[0]


def test_check_several_files_reports_each(folder: Path, saved: Path, valid_document: Any) -> None:
    bad1 = broken(folder, "b1.toml", ("glare = false", "glare = fals"), valid_document)
    bad2 = broken(
        folder, "b2.toml", ("seat_height_cm = 48.0", "seat_height_cm = 480"), valid_document
    )
    result = run(folder, "check", str(bad1), str(saved), str(bad2))
    no_traceback(result)
    assert result.exit_code == 1
    assert f"{saved}: ok" in result.stdout
    lines = _problem_lines(result)
    assert [line.split(":")[0] for line in lines] == [str(bad1), str(bad2)]
    assert "2 of 3 invalid" in result.stderr


def test_check_one_line_per_problem(folder: Path, valid_document: Any) -> None:
    text = render_toml(parse_profile(valid_document()))
    text = text.replace("seat_height_cm = 48.0", "seat_height_cm = 480")
    text = text.replace("glare = false", "glare = 3")
    text = text.replace("distance_cm = 65.0", "distance_cm = 65.0\ndistanse = 1")
    path = folder / "three.toml"
    path.write_text(text, encoding="utf-8")
    result = run(folder, "check", str(path))
    no_traceback(result)
    lines = _problem_lines(result)
    assert len(lines) == 3, lines
    for line in lines:
        assert re.match(rf"{re.escape(str(path))}:\d+: [a-z_]+\.[a-z_]+: ", line), line


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"", "empty"), (b"\xff\xfeu\x00", "UTF-16"), (b'name = "B\xfcro"\n', "UTF-8")],
    ids=["empty", "utf16", "latin1"],
)
def test_check_unreadable_files(folder: Path, content: bytes, words: str) -> None:
    path = folder / "odd.toml"
    path.write_bytes(content)
    result = run(folder, "check", str(path))
    no_traceback(result)
    assert result.exit_code == 1
    lines = _problem_lines(result)
    assert len(lines) == 1 and lines[0].startswith(f"{path}") and words in lines[0]


def test_check_missing_file(folder: Path) -> None:
    result = run(folder, "check", str(folder / "nope.toml"))
    no_traceback(result)
    assert result.exit_code == 1
    assert _problem_lines(result) == [f"{folder / 'nope.toml'}: no such file"]


# -- list ----------------------------------------------------------------------------


def test_list_shows_name_file_and_updated(folder: Path, saved: Path, valid_document: Any) -> None:
    other = valid_document()
    other["name"] = "Home"
    del other["updated"]
    (folder / "home.toml").write_text(render_toml(parse_profile(other)), encoding="utf-8")
    broken(folder, "zz-broken.toml", ("glare = false", "glare = fals"), valid_document)
    result = run(folder, "list")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert re.match(r"NAME\s+FILE\s+UPDATED$", lines[0])
    rows = [re.split(r"\s{2,}", line.strip()) for line in lines[1:]]
    assert ["Home", "home.toml", "-"] in rows
    assert ["Office desk", "office-desk.toml", "2026-11-23 19:05"] in rows  # updated, UTC
    assert any(r[:2] == ["(invalid)", "zz-broken.toml"] for r in rows)


def test_list_of_an_empty_folder(folder: Path) -> None:
    result = run(folder, "list")
    assert result.exit_code == 0
    assert "No profiles" in result.output and str(folder) in result.output


def test_list_uses_the_environment_folder(tmp_path: Path, saved: Path) -> None:
    result = CliRunner(env={"DESKFIT_PROFILES_DIR": str(saved.parent)}).invoke(cli, ["list"])
    assert result.exit_code == 0
    assert "office-desk.toml" in result.output


def test_profiles_dir_option_beats_the_environment(tmp_path: Path, saved: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner(env={"DESKFIT_PROFILES_DIR": str(saved.parent)}).invoke(
        cli, ["--profiles-dir", str(empty), "list"]
    )
    assert result.exit_code == 0
    assert "No profiles" in result.output and str(empty) in result.output


# -- show ----------------------------------------------------------------------------


def _answer(output: str, question: str) -> str:
    for line in output.splitlines():
        if line.strip().startswith(question):
            return line.strip()[len(question) :].strip()
    raise AssertionError(f"{question!r} not shown:\n{output}")


def test_show_in_metric(folder: Path, saved: Path) -> None:
    result = run(folder, "show", "Office desk")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Office desk\n")
    assert _answer(out, "Seat height now") == "48 cm"
    assert _answer(out, "Your height") == "170 cm"
    assert _answer(out, "Shoe heel height") == "2.5 cm"
    assert _answer(out, "Desk height") == "74 cm"
    assert _answer(out, "Backrest angle") == "100°"
    assert _answer(out, "Sex") == "Female"
    assert _answer(out, "Can the seat height be adjusted?") == "yes"
    assert _answer(out, "Longest time seated without getting up (minutes)") == "90 min"


def test_show_in_imperial(folder: Path, saved: Path) -> None:
    result = run(folder, "show", "Office desk", "--units", "imperial")
    assert result.exit_code == 0, result.output
    out = result.stdout
    # By hand, to the nearest 1/4 in: 48 / 2.54 = 18.90 -> 19; 74 / 2.54 = 29.13 -> 29¼;
    # 2.5 / 2.54 = 0.98 -> 1; 8 / 2.54 = 3.15 -> 3¼; 118 / 2.54 = 46.46 -> 46½;
    # 170 / 2.54 = 66.93 -> 67 in = 5' 7".
    assert _answer(out, "Seat height now") == "19 in"
    assert _answer(out, "Desk height") == "29¼ in"
    assert _answer(out, "Shoe heel height") == "1 in"
    assert _answer(out, "Footstool height") == "3¼ in"
    assert _answer(out, "Screen top height") == "46½ in"
    assert _answer(out, "Your height") == "5' 7\""
    assert _answer(out, "Backrest angle") == "100°"  # angles have no imperial


def test_show_uses_the_profiles_own_units(folder: Path, valid_document: Any) -> None:
    doc = valid_document()
    doc["units"] = "imperial"
    path = folder / "imp.toml"
    path.write_text(render_toml(parse_profile(doc)), encoding="utf-8")
    assert _answer(run(folder, "show", str(path)).stdout, "Seat height now") == "19 in"
    metric = run(folder, "show", str(path), "--units", "metric").stdout
    assert _answer(metric, "Seat height now") == "48 cm"


def test_show_extra_notes(folder: Path, valid_document: Any) -> None:
    doc = valid_document()
    doc["extra"] = {"note": "left-handed"}
    path = folder / "notes.toml"
    path.write_text(render_toml(parse_profile(doc)), encoding="utf-8")
    assert "left-handed" in run(folder, "show", str(path)).stdout


# -- export --------------------------------------------------------------------------


def test_export_json_follows_the_contract(folder: Path, saved: Path) -> None:
    result = run(folder, "export", "Office desk", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for key in ("schema_version", "name", "body", "targets", "settings", "rosa", "rosa_after"):
        assert key in data
    assert data["schema_version"] == 1
    assert data["name"] == "Office desk"
    # Every body dimension of the example is measured: low = high = value.
    assert data["body"]["popliteal_height_cm"] == {
        "value": 41.0,
        "low": 41.0,
        "high": 41.0,
        "source": "measured",
    }
    # ergonomics.md §2: seat = PH + S = 41 + 2.5 = 43.5, band ± 2.5.
    assert data["targets"]["seat_height_cm"] == {"value": 43.5, "low": 41.0, "high": 46.0}
    assert data["rosa"]["band"] in {"low", "moderate", "assess further"}
    assert isinstance(data["advice"], list)


def test_export_text_and_markdown(folder: Path, saved: Path) -> None:
    text = run(folder, "export", "Office desk")
    assert text.exit_code == 0, text.output
    assert "Office desk" in text.stdout
    md = run(folder, "export", "Office desk", "--format", "md")
    assert md.exit_code == 0, md.output
    assert md.stdout.startswith("# ") and "Office desk" in md.stdout.splitlines()[0]
    assert text.stdout != md.stdout


@pytest.mark.parametrize("fmt", ["json", "text", "md"])
def test_export_to_a_file(folder: Path, saved: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / "out" / f"advice.{fmt}"
    target.parent.mkdir()
    screen = run(folder, "export", "Office desk", "--format", fmt).stdout
    result = run(folder, "export", "Office desk", "--format", fmt, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == screen
    assert result.stdout == ""  # the export went to the file, not the screen
    assert str(target) in result.stderr


def test_export_unknown_format(folder: Path, saved: Path) -> None:
    result = run(folder, "export", "Office desk", "--format", "pdf")
    assert result.exit_code == 2
    assert "pdf" in result.output


# -- NAME or PATH --------------------------------------------------------------------


def test_a_name_resolves_in_the_folder(folder: Path, saved: Path) -> None:
    for ref in ("Office desk", "office-desk", "OFFICE DESK"):
        result = run(folder, "show", ref)
        assert result.exit_code == 0, (ref, result.output)


def test_a_path_is_used_as_it_is(folder: Path, tmp_path: Path, valid_document: Any) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    doc = valid_document()
    doc["name"] = "Elsewhere"
    path = elsewhere / "mine.toml"
    path.write_text(render_toml(parse_profile(doc)), encoding="utf-8")
    result = run(folder, "show", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Elsewhere\n")


def test_a_relative_path_is_used_as_it_is(
    folder: Path, tmp_path: Path, valid_document: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "cwd"
    here.mkdir()
    monkeypatch.chdir(here)
    doc = valid_document()
    doc["name"] = "Here"
    Path("here.toml").write_text(render_toml(parse_profile(doc)), encoding="utf-8")
    result = run(folder, "show", "here.toml")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Here\n")


@pytest.mark.parametrize("command", ["show", "export", "edit", "open"])
def test_a_missing_profile_is_one_line(folder: Path, command: str) -> None:
    result = run(folder, command, "No such desk")
    no_traceback(result)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert (
        lines[0]
        == f"deskfit: no profile called 'No such desk' in {folder}; 'deskfit list' shows the names"
    )


def test_an_invalid_profile_is_one_line_per_problem(folder: Path, valid_document: Any) -> None:
    path = broken(
        folder, "bad.toml", ("seat_height_cm = 48.0", "seat_height_cm = 480"), valid_document
    )
    result = run(folder, "export", str(path))
    no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr.strip().startswith(f"{path}:")
    assert len(result.stderr.strip().splitlines()) == 1


# -- --debug -------------------------------------------------------------------------


def test_debug_lets_the_exception_through(folder: Path) -> None:
    result = run(folder, "--debug", "show", "./no-such-desk.toml")
    assert result.exit_code != 0
    assert isinstance(result.exception, ProfileFileError)
    by_name = run(folder, "--debug", "show", "No such desk")
    assert isinstance(by_name.exception, finding.NotFound)


def test_without_debug_the_exception_is_caught(folder: Path) -> None:
    result = run(folder, "show", "No such desk")
    assert isinstance(result.exception, SystemExit)


def test_an_internal_error_is_one_line_without_debug(
    folder: Path, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import deskfit.core.engine.advice

    def boom(profile: Any) -> Any:
        raise ZeroDivisionError("oops")

    monkeypatch.setattr(deskfit.core.engine.advice, "advise", boom)
    result = run(folder, "export", "Office desk")
    no_traceback(result)
    assert result.exit_code == 1
    assert "internal error" in result.stderr and "--debug" in result.stderr
    debug = run(folder, "--debug", "export", "Office desk")
    assert isinstance(debug.exception, ZeroDivisionError)


# -- the wizard commands need a terminal ---------------------------------------------


@pytest.mark.parametrize("args", [[], ["new"], ["edit", "Office desk"], ["open", "Office desk"]])
def test_the_wizard_without_a_terminal_is_one_line(
    folder: Path, saved: Path, args: list[str]
) -> None:
    result = run(folder, *args)
    no_traceback(result)
    assert result.exit_code == 1
    assert "terminal" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_edit_reports_a_broken_file_before_any_ui(folder: Path, valid_document: Any) -> None:
    path = broken(folder, "bad.toml", ("glare = false", "glare = fals"), valid_document)
    result = run(folder, "edit", str(path))
    no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}:")


def test_check_leaves_the_file_alone(folder: Path, saved: Path) -> None:
    before = saved.read_bytes()
    run(folder, "check", str(saved))
    run(folder, "show", str(saved))
    run(folder, "export", str(saved))
    assert saved.read_bytes() == before
    assert load_profile(saved).profile.name == "Office desk"
