"""The preferences (``core/files/config.py``): where each setting comes from, what a broken
file says, and how a setting is written back without losing the rest of the file."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from deskfit.core.files import config
from deskfit.core.files.config import NotSaved, key_line, remember, resolve


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def file(tmp_path: Path) -> Path:
    return tmp_path / "config.toml"


# -- where the file is ------------------------------------------------------------------------


def test_the_file_is_in_the_xdg_config_folder(tmp_path: Path) -> None:
    """tests/conftest.py points $XDG_CONFIG_HOME at a folder of the test's own."""
    xdg = Path(os.environ["XDG_CONFIG_HOME"])
    assert config.config_path() == xdg / "deskfit" / "config.toml"


def test_deskfit_config_names_another_file(tmp_path: Path) -> None:
    assert config.config_path({"DESKFIT_CONFIG": str(tmp_path / "x.toml")}) == tmp_path / "x.toml"
    assert config.config_path({"DESKFIT_CONFIG": ""}) == config.config_path({})


# -- precedence: flag, environment, file, default ---------------------------------------------


def test_without_a_file_every_setting_is_its_default(file: Path) -> None:
    settings = resolve(env={}, path=file)
    assert {k: s.source for k, s in settings.values.items()} == dict.fromkeys(
        ("units", "theme", "profiles_dir", "assessor", "export_dir"), "default"
    )
    assert settings.units == "metric"
    assert settings.theme == "textual-dark"
    assert settings.assessor is None
    assert settings.export_dir == Path(os.path.expanduser("~"))
    assert settings.profiles_dir.name == "profiles"
    assert settings.problems == ()


def test_the_flag_beats_the_environment_beats_the_file_beats_the_default(
    file: Path, tmp_path: Path
) -> None:
    write(file, f'profiles_dir = "{tmp_path / "from-file"}"\nunits = "imperial"\n')
    env = {"DESKFIT_PROFILES_DIR": str(tmp_path / "from-env")}
    flag = {"profiles_dir": tmp_path / "from-flag"}

    both = resolve(flag, env, file)
    assert both.profiles_dir == tmp_path / "from-flag"
    assert (both["profiles_dir"].source, both["profiles_dir"].where) == ("flag", "--profiles-dir")

    env_only = resolve({}, env, file)
    assert env_only.profiles_dir == tmp_path / "from-env"
    assert env_only["profiles_dir"].where == "DESKFIT_PROFILES_DIR"
    assert env_only.origin("profiles_dir") == "$DESKFIT_PROFILES_DIR"

    file_only = resolve({}, {}, file)
    assert file_only.profiles_dir == tmp_path / "from-file"
    assert file_only["profiles_dir"].where == f"{file}:1"
    assert file_only["units"].described() == f"{file}:2"

    default = resolve({}, {}, tmp_path / "none.toml")
    assert default["profiles_dir"].source == "default"
    assert default["profiles_dir"].described() == "default"


def test_each_setting_has_its_variable(file: Path, tmp_path: Path) -> None:
    env = {
        "DESKFIT_UNITS": "Imperial",
        "DESKFIT_THEME": "nord",
        "DESKFIT_ASSESSOR": "Dana",
        "DESKFIT_EXPORT_DIR": "exports",  # relative to the current folder: it is typed there
    }
    settings = resolve(env=env, path=file)
    assert settings.units == "imperial"
    assert settings.theme == "nord"
    assert settings.assessor == "Dana"
    assert settings.export_dir == Path("exports")
    assert settings["export_dir"].described() == "env DESKFIT_EXPORT_DIR"


def test_an_empty_variable_is_unset(file: Path) -> None:
    write(file, 'units = "imperial"\n')
    assert resolve(env={"DESKFIT_UNITS": ""}, path=file).units == "imperial"


def test_a_folder_in_the_file_may_start_with_a_tilde(file: Path) -> None:
    write(file, 'export_dir = "~/advice"\n')
    assert resolve(env={}, path=file).export_dir == Path(os.path.expanduser("~/advice"))


# -- a broken file: path, line, key; the rest still used --------------------------------------


def test_bad_toml_names_the_file_and_line_and_nothing_of_it_is_used(file: Path) -> None:
    write(file, 'units = "imperial"\ntheme = "nord\n')
    settings = resolve(env={}, path=file)
    assert settings.units == "metric"
    (problem,) = settings.problems
    assert problem.line == 2
    assert problem.located().startswith(f"{file}:2: not valid TOML")


def test_an_unknown_key_and_a_wrong_type_are_named_with_their_lines(file: Path) -> None:
    write(
        file,
        "# preferences\n"
        'units = "imperial"\n'
        "them = 'nord'\n"
        "assessor = 3\n"
        'profiles_dir = "profiles"\n'
        'units_of = "x"\n'
        "[export_dir]\n"
        "path = 1\n",
    )
    settings = resolve(env={}, path=file)
    assert settings.units == "imperial"  # the good line is used
    assert [p.located() for p in settings.problems] == [
        f"{file}:3: them: unknown setting; did you mean 'theme'?",
        f"{file}:4: assessor: must be a string in quotes, not a number",
        f"{file}:5: profiles_dir: 'profiles' is a relative path: give the folder from / or ~",
        f"{file}:6: units_of: unknown setting; did you mean 'units'?",
        f"{file}:7: export_dir: must be a string in quotes, not a table",
    ]
    assert settings["assessor"].source == "default"
    assert settings["export_dir"].source == "default"


def test_a_bad_value_falls_back_to_the_next_source(file: Path) -> None:
    write(file, 'units = "furlongs"\n')
    settings = resolve(env={"DESKFIT_UNITS": "imperial"}, path=file)
    assert settings.units == "imperial"
    assert [p.located() for p in settings.problems] == [
        f'{file}:1: units: must be "metric" or "imperial", not \'furlongs\''
    ]
    bad_env = resolve(env={"DESKFIT_UNITS": "cubits"}, path=file)
    assert bad_env.units == "metric"
    assert bad_env.problems[-1].located() == (
        '$DESKFIT_UNITS: must be "metric" or "imperial", not \'cubits\''
    )


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda p: p.mkdir(), "is a folder, not a file"),
        (lambda p: os.mkfifo(p), "is not a regular file"),
        (lambda p: p.write_bytes(b'units = "m\xe9tric"\n'), "is not UTF-8 text"),
        (lambda p: p.write_bytes(b"#" * (config.MAX_BYTES + 1)), "a config file is at most"),
    ],
)
def test_a_file_that_cannot_be_read_is_a_problem_not_a_crash(file: Path, make, said) -> None:  # type: ignore[no-untyped-def]
    make(file)
    settings = resolve(env={}, path=file)  # a pipe is never opened, so never waited on
    (problem,) = settings.problems
    assert said in problem.message
    assert settings.units == "metric"


def test_key_lines_follow_toml() -> None:
    text = "# a\n'theme' = 'x'\nunits.sub = 1\n[a]\ntheme = 2\n[[export_dir]]\n"
    assert key_line(text, "theme") == 2
    assert key_line(text, "units") == 3
    assert key_line(text, "export_dir") == 6
    assert key_line(text, "assessor") is None


# -- writing a setting back ---------------------------------------------------------------------


def test_remember_makes_the_file_and_its_folder(tmp_path: Path) -> None:
    file = tmp_path / "new" / "deskfit" / "config.toml"
    assert remember("theme", "nord", file) == file
    assert tomllib.loads(file.read_text(encoding="utf-8")) == {"theme": "nord"}
    assert file.read_text(encoding="utf-8").startswith("# ")
    assert stat.S_IMODE(file.stat().st_mode) & 0o600 == 0o600
    assert resolve(env={}, path=file).theme == "nord"


def test_remember_keeps_every_other_line_and_comment(file: Path) -> None:
    write(file, '# mine\ntheme = "nord"   # dark\nunits = "imperial"\n')
    remember("theme", "textual-light", file)
    assert file.read_text(encoding="utf-8") == (
        '# mine\ntheme = "textual-light"\nunits = "imperial"\n'
    )
    remember("assessor", 'Dana "D" Physio', file)
    text = file.read_text(encoding="utf-8")
    assert text.startswith('# mine\ntheme = "textual-light"\nunits = "imperial"\n')
    assert tomllib.loads(text)["assessor"] == 'Dana "D" Physio'


def test_remember_puts_a_new_key_before_the_first_table(file: Path) -> None:
    write(file, 'units = "metric"\n[later]\nx = 1\n')
    remember("theme", "nord", file)
    assert file.read_text(encoding="utf-8") == (
        'units = "metric"\ntheme = "nord"\n[later]\nx = 1\n'
    )


def test_remember_never_rewrites_a_broken_file(file: Path) -> None:
    write(file, "theme = \n")
    with pytest.raises(NotSaved, match=f"{file}:1 not valid TOML"):
        remember("theme", "nord", file)
    assert file.read_text(encoding="utf-8") == "theme = \n"


def test_remember_writes_through_a_link(tmp_path: Path) -> None:
    """A config file kept with one's dotfiles is a link: it stays one."""
    real = write(tmp_path / "dotfiles" / "deskfit.toml", 'units = "imperial"\n')
    link = tmp_path / "config" / "config.toml"
    link.parent.mkdir()
    link.symlink_to(real)
    assert remember("theme", "nord", link) == real
    assert link.is_symlink()
    assert tomllib.loads(real.read_text()) == {"units": "imperial", "theme": "nord"}


def test_remember_leaves_no_temporary_file(file: Path) -> None:
    write(file, "")
    remember("theme", "nord", file)
    assert sorted(p.name for p in file.parent.iterdir()) == ["config.toml"]


def test_the_module_stays_light(tmp_path: Path) -> None:
    """A bare ``deskfit`` reads the preferences before the first paint: no pydantic."""
    code = (
        "import sys\n"
        "from deskfit.core.files.config import resolve\n"
        "resolve()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'textual', 'click'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path)},
        check=True,
    )
    assert done.stdout.strip() == "[]"
