"""NO_COLOR and TERM=dumb: the command line prints no ANSI escape, even on a terminal.

click strips styles only when the output is not a terminal; deskfit's root context says
"no colour" under NO_COLOR (https://no-color.org) or TERM=dumb, so every ``click.echo``
strips them on a terminal too. Checked two ways: with CliRunner told the terminal does
colour (``color=True``), and in a subprocess whose stdout and stderr are a real pty.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from deskfit.cli import UserError, cli, no_colour
from deskfit.core.files.store import path_for_name

Doc = Callable[[], dict[str, Any]]
ESC = "\x1b"
NO_COLOUR_ENVS = [{"NO_COLOR": "1"}, {"NO_COLOR": "yes please"}, {"TERM": "dumb"}]
PROBE = "colour-probe"


@click.command(PROBE)
@click.option("--fail", is_flag=True)
def probe(fail: bool) -> None:
    """Prints in red, as any future styled output would."""
    if fail:
        raise UserError(click.style("red error", fg="red"))
    click.echo(click.style("red out", fg="red"))
    click.echo(click.style("red err", fg="red"), err=True)


@pytest.fixture
def with_probe(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setitem(cli.commands, PROBE, probe)
    yield


@pytest.fixture
def folder(tmp_path: Path, valid_document: Doc, write_profile: Any) -> Path:
    path = tmp_path / "profiles"
    doc = valid_document()
    write_profile(path, doc, path_for_name(doc["name"], path).name)
    doc["chair"]["seat_height_cm"] = 480.0
    write_profile(path, doc, "broken.toml")
    return path


def invoke(env: dict[str, str], *args: str) -> Result:
    """Run the CLI as if on a terminal that does colour, with this environment."""
    base = {"NO_COLOR": None, "TERM": "xterm-256color"}
    return CliRunner().invoke(cli, list(args), env={**base, **env}, color=True)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, False),
        ({"NO_COLOR": ""}, False),  # present but empty: colour stays on (no-color.org)
        ({"NO_COLOR": "1"}, True),
        ({"NO_COLOR": "0"}, True),  # any non-empty value
        ({"TERM": "dumb"}, True),
        ({"TERM": "xterm"}, False),
    ],
)
def test_no_colour_reads_the_environment(env: dict[str, str], expected: bool) -> None:
    assert no_colour(env) is expected


def test_the_probe_does_colour_without_the_variables(with_probe: None) -> None:
    result = invoke({}, PROBE)
    assert f"{ESC}[31mred out" in result.stdout
    assert f"{ESC}[31mred err" in result.stderr


@pytest.mark.parametrize("env", NO_COLOUR_ENVS)
def test_styles_are_stripped(with_probe: None, env: dict[str, str]) -> None:
    result = invoke(env, PROBE)
    assert result.exit_code == 0
    assert result.stdout == "red out\n"
    assert result.stderr == "red err\n"


@pytest.mark.parametrize("env", NO_COLOUR_ENVS)
def test_an_error_line_is_stripped_too(with_probe: None, env: dict[str, str]) -> None:
    result = invoke(env, PROBE, "--fail")
    assert result.exit_code == 1
    assert result.stderr == "deskfit: red error\n"


def commands(folder: Path) -> list[list[str]]:
    """Every non-interactive command, in success and in failure."""
    d = ["--profiles-dir", str(folder)]
    return [
        ["--help"],
        ["--version"],
        [*d, "list"],
        [*d, "show", "Office desk"],
        [*d, "show", "Office desk", "--units", "imperial"],
        [*d, "check", str(folder / "office-desk.toml"), str(folder / "broken.toml")],
        [*d, "export", "Office desk"],
        [*d, "export", "Office desk", "--format", "md"],
        [*d, "export", "Office desk", "--format", "json"],
        [*d, "set", "Office desk", "monitor.glare=yes"],
        [*d, "set", "Office desk", "chair.seat_height_cm=480", "chair.bogus=1"],
        [*d, "show", "Nobody"],
        [*d, "nonsense"],
        [*d, "new"],  # no terminal here: one line
    ]


@pytest.mark.parametrize("env", NO_COLOUR_ENVS)
def test_every_command_prints_no_escape(folder: Path, env: dict[str, str]) -> None:
    for args in commands(folder):
        result = invoke(env, *args)
        assert ESC not in result.stdout, args
        assert ESC not in result.stderr, args
        assert result.stdout or result.stderr, args


# -- on a real terminal ---------------------------------------------------------------------


PTY_SCRIPT = """
    import sys
    import click
    from deskfit.cli import cli

    assert sys.stdout.isatty() and sys.stderr.isatty()

    @click.command("colour-probe")
    def probe():
        click.echo(click.style("red out", fg="red"))
        click.echo(click.style("red err", fg="red"), err=True)

    cli.add_command(probe)
    for args in {commands!r}:
        try:
            cli.main(args=args, prog_name="deskfit")
        except SystemExit:
            pass
    print("done")
"""


def run_in_pty(code: str, env: dict[str, str], cwd: Path) -> str:
    """Run Python code with stdin, stdout and stderr on a pty; everything it printed."""
    import pty  # POSIX only

    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=cwd,
        close_fds=True,
    )
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the other side closed
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
@pytest.mark.parametrize(
    ("extra", "escapes"),
    [({}, True), ({"NO_COLOR": "1"}, False), ({"TERM": "dumb"}, False)],
)
def test_on_a_real_terminal(
    folder: Path, tmp_path: Path, extra: dict[str, str], escapes: bool
) -> None:
    cases = [*commands(folder)[:-1], ["colour-probe"]]  # not "new": it would start the UI
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM", "FORCE_COLOR")}
    env |= {"TERM": "xterm-256color", "PYTHONDONTWRITEBYTECODE": "1", **extra}
    output = run_in_pty(textwrap.dedent(PTY_SCRIPT).format(commands=cases), env, tmp_path)
    assert output.rstrip().endswith("done"), output[-2000:]
    assert "Office desk" in output and "ROSA" in output and "red out" in output, output
    # Without the variables the probe's red shows, so the pty really is a terminal.
    assert (ESC in output) is escapes, output[-2000:]
