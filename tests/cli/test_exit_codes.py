"""The exit statuses ``deskfit --help`` documents, each pinned by a command that gives it:
0 done, 1 a problem with a file or the input, 2 a usage error, 130 interrupted, 141 the
reader went away."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result
from tests.cli.shell import piped

from deskfit.cli import cli, main
from deskfit.core.files.store import path_for_name

PROBE = "exit-probe"


def run(folder: Path, *args: str, **kwargs: Any) -> Result:
    return CliRunner().invoke(cli, ["--profiles-dir", str(folder), *args], **kwargs)


@pytest.fixture
def folder(tmp_path: Path, valid_document: Any, write_profile: Any) -> Path:
    folder = tmp_path / "profiles"
    doc = valid_document()
    write_profile(folder, doc, path_for_name(doc["name"], folder).name)
    doc["chair"]["seat_height_cm"] = 480.0
    write_profile(folder, doc, "broken.toml")
    return folder


def test_the_help_documents_every_status(folder: Path) -> None:
    text = run(folder, "--help").stdout
    epilog = text.split("Exit status:", 1)[1]
    documented = [line.split()[0] for line in epilog.splitlines() if line[4:5].isdigit()]
    assert documented == ["0", "1", "2", "130", "141"]


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("list", "--json"),
        ("show", "Office desk"),
        ("check", "{folder}/office-desk.toml"),
        ("export", "Office desk", "--format", "md"),
        ("config", "show"),
        ("config", "path"),
        ("completion", "bash"),
    ],
)
def test_0_done(folder: Path, args: tuple[str, ...]) -> None:
    result = run(folder, *(a.format(folder=folder) for a in args))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "args",
    [
        ("show", "Nobody"),  # no such profile
        ("show", "{folder}/broken.toml"),  # a file that is not a valid profile
        ("check", "{folder}/broken.toml"),  # an invalid file
        ("check", "--json", "{folder}/broken.toml"),
        ("set", "Office desk", "chair.seat_height_cm=480"),  # a bad answer
        ("report", "{folder}/broken.toml"),  # no profile read
        ("export", "Office desk", "-o", "{folder}/office-desk.toml"),  # never over a profile
        ("new",),  # the wizard, without a terminal
    ],
)
def test_1_a_problem_with_a_file_or_the_input(folder: Path, args: tuple[str, ...]) -> None:
    result = run(folder, *(a.format(folder=folder) for a in args))
    assert result.exit_code == 1, result.output
    assert result.stderr.strip()  # said on stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ("frobnicate",),  # no such command
        ("list", "--frob"),  # no such option
        ("show",),  # a missing argument
        ("export", "Office desk", "--format", "pdf"),  # a bad choice
        ("export", "Office desk", "--format", "md", "-o", "{folder}/x.html"),  # a clash
        ("show", "Office desk", "--json", "--units", "metric"),
        ("completion", "tcsh"),
    ],
)
def test_2_a_usage_error(folder: Path, args: tuple[str, ...]) -> None:
    result = run(folder, *(a.format(folder=folder) for a in args))
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Error:" in result.stderr


@click.command(PROBE)
@click.option("--raise", "what", type=click.Choice(["interrupt", "pipe"]))
def probe(what: str) -> None:
    """Stands in for a command that is interrupted or loses its reader."""
    if what == "interrupt":
        raise KeyboardInterrupt
    raise BrokenPipeError


@pytest.fixture
def with_probe(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setitem(cli.commands, PROBE, probe)
    yield


def test_130_interrupted(with_probe: None, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main([PROBE, "--raise", "interrupt"])
    assert ended.value.code == 130
    assert capsys.readouterr().err == "deskfit: interrupted\n"


def test_141_the_reader_went_away(with_probe: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("deskfit.cli.quiet_stdout", lambda: None)  # keep pytest's stdout
    with pytest.raises(SystemExit) as ended:
        main([PROBE, "--raise", "pipe"])
    assert ended.value.code == 141


def test_141_from_a_real_pipe(folder: Path) -> None:
    """A reader that is gone before anything is written (``true`` reads nothing)."""
    done = piped(folder, "list --json", 'true; echo "${PIPESTATUS[0]}"')
    assert done.stdout.strip() == "141", done.stderr
    assert done.stderr == ""
