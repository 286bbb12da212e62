"""The ``deskfit`` command: the wizard by default, and non-interactive commands for scripts.

The non-interactive commands import neither textual nor the wizard (a test checks
``sys.modules``), so they start fast; the wizard is imported only when it is asked for.
Every error a person can cause is one line on stderr and a non-zero exit; ``--debug``
shows the traceback instead.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import click

from deskfit import __version__
from deskfit.core import store
from deskfit.core.profile import Units
from deskfit.core.validation import ProfileInvalid

FORMATS = ("text", "md", "json")


def no_colour(env: Mapping[str, str] | None = None) -> bool:
    """NO_COLOR set (https://no-color.org: present and not empty) or TERM=dumb."""
    env = os.environ if env is None else env
    return bool(env.get("NO_COLOR")) or env.get("TERM") == "dumb"


class UserError(click.ClickException):
    """A problem the person can fix; shown as one line (or one per problem)."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        # Shown after the context has closed, so say here what the context would.
        click.echo(f"deskfit: {self.format_message()}", err=True, color=_colour())


class DeskfitGroup(click.Group):
    """Turns every error a person can cause into a message, never a traceback.

    With NO_COLOR or TERM=dumb the context says the terminal has no colour, so every
    ``click.echo`` (click's own messages too) strips ANSI styles, even on a terminal.
    """

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        if no_colour():
            extra["color"] = False
        return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except store.ProfileFileError as exc:
            if _debug(ctx):
                raise
            click.echo(exc.report(), err=True)
            ctx.exit(1)
        except store.ProfileExists as exc:
            if _debug(ctx):
                raise
            raise UserError(f"{exc}; use --force to replace it") from None
        except ProfileInvalid as exc:
            if _debug(ctx):
                raise
            raise UserError(str(exc)) from None
        except KeyboardInterrupt:
            click.echo("deskfit: interrupted", err=True)
            ctx.exit(130)
        except OSError as exc:
            if _debug(ctx):
                raise
            where = f"{exc.filename}: " if exc.filename else ""
            raise UserError(f"{where}{exc.strerror or exc}") from None
        except Exception as exc:  # a bug: say so in one line, keep the traceback for --debug
            if _debug(ctx):
                raise
            raise UserError(
                f"internal error ({type(exc).__name__}: {exc}); run again with --debug "
                "and report it"
            ) from None


def _colour() -> bool | None:
    """``color=`` for click.echo: False under NO_COLOR / TERM=dumb, else click decides."""
    return False if no_colour() else None


def _debug(ctx: click.Context) -> bool:
    root = ctx.find_root()
    return bool(root.params.get("debug")) if root.params else False


def _folder(ctx: click.Context) -> Path:
    return store.profiles_dir(ctx.find_root().params.get("profiles_dir"))


def _load(ctx: click.Context, ref: str) -> store.Loaded:
    return store.load_profile(store.resolve(ref, lambda: _folder(ctx)))


@click.group(
    cls=DeskfitGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--profiles-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=store.ENV_PROFILES_DIR,
    help="Folder of saved profiles (default: $DESKFIT_PROFILES_DIR or your user data folder).",
)
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.version_option(__version__, prog_name="deskfit")
@click.pass_context
def cli(ctx: click.Context, profiles_dir: Path | None, debug: bool) -> None:
    """Set up your desk, chair and footstool for your body.

    With no command, deskfit starts the wizard.
    """
    if ctx.invoked_subcommand is None:
        _wizard(ctx, "start", None)


def _wizard(ctx: click.Context, mode: str, ref: str | None) -> None:
    path = store.resolve(ref, _folder(ctx)) if ref else None
    if path is not None and mode != "new":
        store.load_profile(path)  # report a broken file here, as one line, before the UI
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise UserError("the wizard needs a terminal; see 'deskfit --help' for the other commands")
    from deskfit.tui.app import run_wizard  # deferred: textual is heavy

    run_wizard(_folder(ctx), mode, path)


@cli.command("new")
@click.pass_context
def new_cmd(ctx: click.Context) -> None:
    """Start the wizard on a new profile."""
    _wizard(ctx, "new", None)


@cli.command("edit")
@click.argument("profile")
@click.pass_context
def edit_cmd(ctx: click.Context, profile: str) -> None:
    """Open a saved profile in the wizard, every step prefilled."""
    _wizard(ctx, "edit", profile)


@cli.command("open")
@click.argument("profile")
@click.pass_context
def open_cmd(ctx: click.Context, profile: str) -> None:
    """Open a saved profile straight at its review."""
    _wizard(ctx, "open", profile)


@cli.command("list")
@click.pass_context
def list_cmd(ctx: click.Context) -> None:
    """List saved profiles: name, file and when each was last saved."""
    folder = _folder(ctx)
    rows: list[tuple[str, str, str]] = []
    for path in store.list_profiles(folder):
        try:
            profile = store.load_profile(path).profile
        except store.ProfileFileError as exc:
            rows.append(("(invalid)", path.name, exc.problems[0].message[:40]))
            continue
        updated = profile.updated.strftime("%Y-%m-%d %H:%M") if profile.updated else "-"
        rows.append((profile.name, path.name, updated))
    if not rows:
        click.echo(f"No profiles in {folder}. Start one with: deskfit new")
        return
    width = max(len(r[0]) for r in rows)
    file_width = max(len(r[1]) for r in rows)
    click.echo(f"{'NAME':<{width}}  {'FILE':<{file_width}}  UPDATED")
    for name, file, updated in rows:
        click.echo(f"{name:<{width}}  {file:<{file_width}}  {updated}")


@cli.command("show")
@click.argument("profile")
@click.option(
    "--units", type=click.Choice(["metric", "imperial"]), help="Override the profile's units."
)
@click.pass_context
def show_cmd(ctx: click.Context, profile: str, units: str | None) -> None:
    """Show a profile's answers, readable, in its units."""
    from deskfit.core.answers import answers_text

    loaded = _load(ctx, profile)
    shown: Units = (
        "imperial" if units == "imperial" else loaded.profile.units if units is None else "metric"
    )
    click.echo(answers_text(loaded.profile, shown), nl=False)


@cli.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def check_cmd(paths: Sequence[Path]) -> None:
    """Validate profile files; list every problem. Exit 1 when any is invalid."""
    bad = 0
    for path in paths:
        try:
            store.load_profile(path)
        except store.ProfileFileError as exc:
            bad += 1
            click.echo(exc.report(), err=True)
        else:
            click.echo(f"{path}: ok")
    if bad:
        click.echo(f"{bad} of {len(paths)} invalid", err=True)
        sys.exit(1)


@cli.command("set")
@click.argument("profile")
@click.argument("assignments", metavar="KEY=VALUE...", nargs=-1, required=True)
@click.pass_context
def set_cmd(ctx: click.Context, profile: str, assignments: Sequence[str]) -> None:
    """Change answers of a saved profile, from a script: KEY=VALUE...

    KEY is a question's key as in the profile file; VALUE is what you would type in the
    wizard. Every answer is checked as the wizard checks it; if any is wrong, nothing is
    saved and each problem is one line (exit 1). The advice saved with the profile is
    brought up to date.

    \b
      deskfit set office chair.seat_height_cm=52       a bare length is in the
      deskfit set office chair.seat_height_cm=19in     profile's units; or give one
      deskfit set office footstool.owned=yes footstool.height_cm=8
      deskfit set office chair.lumbar_support=fixed    one of the choices
      deskfit set office body.popliteal_height_cm=     empty: clear an optional answer
      deskfit set office name="Sam at home" units=imperial
    """
    from deskfit.core.advice import advise
    from deskfit.core.changes import set_answers
    from deskfit.core.render import rosa_summary
    from deskfit.core.saving import save_with_advice

    loaded = _load(ctx, profile)
    try:
        changed, changes = set_answers(loaded.profile, assignments)
    except ProfileInvalid as exc:
        for problem in exc.problems:
            click.echo(problem.located(str(loaded.path)), err=True)
        ctx.exit(1)
    try:
        unchanged = loaded.path.stat().st_mtime_ns == loaded.mtime_ns
    except OSError:
        unchanged = False
    if not unchanged:
        raise UserError(f"{loaded.path} changed while deskfit read it; nothing saved: try again")
    saved = save_with_advice(
        changed, loaded.path, overwrite_other=True, migrated_from=loaded.migrated_from
    )
    count = len(changes)
    click.echo(f"set {count} answer{'' if count == 1 else 's'} in {loaded.path}")
    click.echo(rosa_summary(advise(saved)))


@cli.command("export")
@click.argument("profile")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE instead of the screen (a new file, readable by all: 0644).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Write FILE even when it is a symbolic link (the link is replaced) or a profile.",
)
@click.pass_context
def export_cmd(
    ctx: click.Context, profile: str, fmt: str, output: Path | None, force: bool
) -> None:
    """Export a profile's advice as text, Markdown or JSON."""
    from deskfit.core.advice import advise
    from deskfit.core.render import render

    loaded = _load(ctx, profile)
    text = render(advise(loaded.profile), fmt)
    if output is None:
        click.echo(text, nl=False)
        return
    if not force:
        _check_output(output)
    # atomic_write renames a new file over FILE: a symbolic link there is replaced by
    # the file, never written through, so whatever it pointed at stays as it was.
    store.atomic_write(output, text.encode("utf-8"), mode=0o644)
    click.echo(f"wrote {output}", err=True)


def _check_output(output: Path) -> None:
    """Refuse, without --force, an output FILE that is a link, a profile or not a file."""
    if output.is_symlink():
        target = os.readlink(output)
        dangling = "" if output.exists() else ", which does not exist"
        raise UserError(
            f"{output} is a symbolic link to {target}{dangling}; use --force to replace "
            "the link with the export (what it points to is left alone)"
        )
    try:
        mode = output.stat().st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise UserError(f"{output} is not a regular file; choose another output file")
    other = store.name_in_file(output) if output.suffix == store.SUFFIX else None
    if other is not None:
        raise UserError(f"{output} holds the profile {other!r}; use --force to replace it")


@cli.command("compare")
@click.argument("profile_a", metavar="A")
@click.argument("profile_b", metavar="B")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.pass_context
def compare_cmd(ctx: click.Context, profile_a: str, profile_b: str, fmt: str) -> None:
    """Show what changed between two profiles (or two versions of one).

    A and B are each a NAME or a PATH. Every answer and setting that differs (in A's
    units), the ROSA score of each now and after, and the advice resolved and new.
    """
    from deskfit.core.compare import compare, render_comparison

    a = _load(ctx, profile_a).profile
    b = _load(ctx, profile_b).profile
    click.echo(render_comparison(compare(a, b), fmt), nl=False)


@cli.command("report")
@click.argument(
    "paths", metavar="DIR|FILES...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "md", "csv", "jsonl")),
    default="text",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE instead of the screen (written atomically, readable by all: 0644).",
)
@click.option(
    "--sort",
    type=click.Choice(("rosa", "name")),
    default="rosa",
    show_default=True,
    help="rosa: worst ROSA score first, ties by name; name: by name.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Write FILE even when it is a symbolic link (the link is replaced) or a profile.",
)
def report_cmd(
    paths: Sequence[Path], fmt: str, output: Path | None, sort: str, force: bool
) -> None:
    """One row per profile and a summary with a shopping list, for many profiles.

    Each DIR means its *.toml files (not its subfolders); FILES are read as given. Per
    profile: ROSA now and after, the top three advice, and the seat, work surface,
    footstool and monitor settings. Then the ROSA bands, the most common problems and a
    shopping list (footstools by height, keyboard trays, chairs, cushions, risers).
    Invalid files are listed with their error and never stop the report; in CSV they are
    rows with the `error` column filled.

    Exit 0 when at least one profile was read (even if some files are invalid); exit 1
    when none was.
    """
    import time

    from deskfit.core import report
    from deskfit.core.report import SortKey
    from deskfit.core.report_render import iter_report

    if output is not None and not force:
        _check_output(output)
    shown = [0, 0.0]  # files read, when last shown

    def progress(done: int) -> None:
        now = time.monotonic()
        if now - shown[1] >= 0.1:
            click.echo(f"\r  {done} profiles", err=True, nl=False)
            shown[1] = now
        shown[0] = done

    on_tty = sys.stderr.isatty()
    by: SortKey = "name" if sort == "name" else "rosa"
    jobs = min(report.cores(), 2)
    with report.stream(paths, progress if on_tty else None, by, jobs) as streamed:
        if on_tty:
            click.echo(f"\r  {shown[0]} profiles", err=True)
        pieces = iter_report(streamed.rows, streamed.count, streamed.summary, streamed.errors, fmt)
        if output is None:
            for text in _batched(pieces):
                click.echo(text, nl=False)
        else:
            # written as it is rendered, into a temporary file renamed over FILE at the end
            with store.atomic_writer(output, mode=0o644) as handle:
                for text in _batched(pieces):
                    handle.write(text.encode("utf-8"))
            click.echo(
                f"wrote {output}: {streamed.count} profiles, {len(streamed.errors)} invalid",
                err=True,
            )
    if not streamed.count:
        raise UserError("no profile could be read")


def _batched(pieces: Iterable[str], size: int = 64 * 1024) -> Iterator[str]:
    """Small pieces of text joined into pieces of about ``size`` characters."""
    batch: list[str] = []
    length = 0
    for piece in pieces:
        batch.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(batch)
            batch, length = [], 0
    if batch:
        yield "".join(batch)


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="deskfit")
