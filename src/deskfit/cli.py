"""The ``deskfit`` command: the wizard by default, and non-interactive commands for scripts.

The non-interactive commands import neither textual nor the wizard (a test checks
``sys.modules``), so they start fast; the wizard is imported only when it is asked for.
Every error a person can cause is one line on stderr and a non-zero exit; ``--debug``
shows the traceback instead.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import click

from deskfit import __version__
from deskfit.cli_completion import complete_folder, complete_profile, completion_cmd
from deskfit.cli_config import config_group, profiles_dir_flag, settings_of
from deskfit.cli_output import (
    SIGPIPE_STATUS,
    UserError,
    no_colour,
    out,
    quiet_stdout,
    report_after_success,
    tolerant_streams,
)
from deskfit.core.files import export_target, finding, folders, store
from deskfit.core.files.folders import not_a_folder
from deskfit.core.model.profile import Units
from deskfit.core.model.shown_text import safe, safe_path
from deskfit.core.model.validation import ProfileInvalid, shown
from deskfit.core.present.formats import FORMATS, FormatClash, export_format
from deskfit.launch import NEEDS_TERMINAL, has_screen

COMPARE_FORMATS = ("text", "md", "json")


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
        except (finding.NotFound, finding.Ambiguous, export_target.Refused) as exc:
            if _debug(ctx):
                raise
            raise UserError(str(exc)) from None
        except store.ChangedOnDisk as exc:
            if _debug(ctx):
                raise
            raise UserError(f"{exc}: read it again and retry") from None
        except BrokenPipeError:
            # The reader went away (``deskfit report | head -1``): stop writing, quietly,
            # with the status a shell gives a writer ended by SIGPIPE.
            quiet_stdout()
            ctx.exit(SIGPIPE_STATUS)
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
            where = f"{safe_path(exc.filename)}: " if exc.filename else ""
            raise UserError(f"{where}{safe(exc.strerror or str(exc))}") from None
        except Exception as exc:  # a bug: say so in one line, keep the traceback for --debug
            if _debug(ctx):
                raise
            raise UserError(
                f"internal error ({type(exc).__name__}: {safe(str(exc))}); run again with "
                "--debug and report it"
            ) from None


def _debug(ctx: click.Context) -> bool:
    root = ctx.find_root()
    return bool(root.params.get("debug")) if root.params else False


def _folder(ctx: click.Context) -> Path:
    """The profiles folder; an error naming where it came from when it is not a folder.

    Checked here, when a command needs the folder, not when the option is read: a
    command given a PATH (``check PATH``, ``show ./x.toml``) works whatever it says.
    ``--profiles-dir`` is taken as given, without reading the config file; otherwise
    the environment, the config file and the default are asked, in that order.
    """
    flag = profiles_dir_flag(ctx)
    if flag is not None:
        folder, source = folders.profiles_dir(flag), "--profiles-dir"
    else:
        settings = settings_of(ctx)
        folder, source = settings.profiles_dir, settings.origin("profiles_dir")
    problem = not_a_folder(folder, source)
    if problem:
        raise UserError(problem)
    return folder


def _path(ctx: click.Context, ref: str, as_file: bool = False) -> Path:
    """A PROFILE argument as a file (``finding.resolve``); the folder only when needed."""
    return finding.resolve(ref, lambda: _folder(ctx), as_file=as_file)


def _load(ctx: click.Context, ref: str, as_file: bool = False) -> store.Loaded:
    return store.load_profile(_path(ctx, ref, as_file))


PROFILE_ARGUMENT = click.argument("profile", shell_complete=complete_profile)

JSON_OPTION = click.option(
    "--json", "as_json", is_flag=True, help="JSON on stdout, one documented shape (README)."
)

EXIT_STATUS = """\b
Exit status:
  0    done
  1    a problem with a file or the input, said on stderr: a profile that
       cannot be read or found, an invalid file (check), a bad answer (set),
       no profile read (report), a file an export must not replace, a closed
       or full standard output, the wizard without a terminal
  2    a usage error: an unknown command or option, a missing or bad
       argument, an -o file whose extension contradicts --format
  130  interrupted (Ctrl+C)
  141  the reader went away (deskfit report ... | head -1)
"""

FILE_OPTION = click.option(
    "--file",
    "as_file",
    is_flag=True,
    help="PROFILE is a file path, even without a '/' or '.toml'.",
)


@click.group(
    cls=DeskfitGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_STATUS,
)
@click.option(
    "--profiles-dir",
    type=click.Path(path_type=Path),
    shell_complete=complete_folder,
    help="Folder of saved profiles (default: $DESKFIT_PROFILES_DIR, else profiles_dir in "
    "the config file, else your user data folder; see 'deskfit config show').",
)
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.version_option(__version__, prog_name="deskfit")
@click.pass_context
def cli(ctx: click.Context, profiles_dir: Path | None, debug: bool) -> None:
    """Set up your desk, chair and footstool for your body.

    With no command, deskfit starts the wizard. Preferences (units, theme, folders,
    assessor) are in a config file: 'deskfit config show'.
    """
    tolerant_streams()  # here too, for callers that invoke the group directly
    if ctx.invoked_subcommand is None:
        _wizard(ctx, "start", None)


def _wizard(ctx: click.Context, mode: str, ref: str | None, as_file: bool = False) -> None:
    # the preferences' problems are the wizard's to show (a notification), not stderr's
    settings = settings_of(ctx, report=False)
    path = _path(ctx, ref, as_file) if ref else None
    if path is not None and mode != "new":
        store.load_profile(path)  # report a broken file here, as one line, before the UI
    if not has_screen():
        raise UserError(NEEDS_TERMINAL)
    folder = _folder(ctx)
    from deskfit.tui.app import run_wizard  # deferred: textual is heavy

    run_wizard(folder, mode, path, settings)


@cli.command("new")
@click.pass_context
def new_cmd(ctx: click.Context) -> None:
    """Start the wizard on a new profile."""
    _wizard(ctx, "new", None)


@cli.command("edit")
@PROFILE_ARGUMENT
@FILE_OPTION
@click.pass_context
def edit_cmd(ctx: click.Context, profile: str, as_file: bool) -> None:
    """Open a saved profile in the wizard, every step prefilled.

    PROFILE is the profile's name (as 'deskfit list' shows it) or its file.
    """
    _wizard(ctx, "edit", profile, as_file)


@cli.command("open")
@PROFILE_ARGUMENT
@FILE_OPTION
@click.pass_context
def open_cmd(ctx: click.Context, profile: str, as_file: bool) -> None:
    """Open a saved profile straight at its review.

    PROFILE is the profile's name (as 'deskfit list' shows it) or its file.
    """
    _wizard(ctx, "open", profile, as_file)


@cli.command("list")
@JSON_OPTION
@click.pass_context
def list_cmd(ctx: click.Context, as_json: bool) -> None:
    """List saved profiles: a NAME that finds each, its file, and when it was saved.

    With --json: an array, one object per file, with its name, file, units, when it was
    saved, ROSA now and after with their bands, and the problems of a file that cannot
    be read.
    """
    folder = _folder(ctx)
    loaded: dict[Path, store.Loaded | store.ProfileFileError] = {}
    for path in store.list_profiles(folder):
        try:
            loaded[path] = store.load_profile(path)
        except store.ProfileFileError as exc:
            loaded[path] = exc
    good = [
        finding.Entry(r.profile.name, p) for p, r in loaded.items() if isinstance(r, store.Loaded)
    ]
    names = finding.display_names(good)
    if as_json:
        from deskfit.core.present.scripting import dumps, list_entry

        out(dumps([list_entry(p, r, names.get(p)) for p, r in loaded.items()]))
        return
    rows: list[tuple[str, str, str]] = []
    for path, result in loaded.items():
        if isinstance(result, store.ProfileFileError):
            reason = shown(result.problems[0].message, 40)
            rows.append(("(invalid)", safe_path(path.name), reason))
            continue
        profile = result.profile
        updated = profile.updated.strftime("%Y-%m-%d %H:%M") if profile.updated else "-"
        rows.append((safe(names[path]), safe_path(path.name), updated))
    if not rows:
        out(f"No profiles in {safe_path(folder)}. Start one with: deskfit new\n")
        return
    width = max(len(r[0]) for r in rows)
    file_width = max(len(r[1]) for r in rows)
    lines = [f"{'NAME':<{width}}  {'FILE':<{file_width}}  UPDATED"]
    lines += [f"{name:<{width}}  {file:<{file_width}}  {updated}" for name, file, updated in rows]
    out("\n".join(lines) + "\n")


@cli.command("show")
@PROFILE_ARGUMENT
@click.option(
    "--units", type=click.Choice(["metric", "imperial"]), help="Override the profile's units."
)
@JSON_OPTION
@FILE_OPTION
@click.pass_context
def show_cmd(
    ctx: click.Context, profile: str, units: str | None, as_json: bool, as_file: bool
) -> None:
    """Show a profile's answers, readable, in its units.

    PROFILE is the profile's name (as 'deskfit list' shows it) or its file. With --json:
    the file and the answers as the profile file holds them (lengths in centimetres).
    """
    if as_json and units is not None:
        raise click.UsageError("--units does not go with --json: JSON lengths are in cm")
    loaded = _load(ctx, profile, as_file)
    if as_json:
        from deskfit.core.present.scripting import dumps, show_entry

        out(dumps(show_entry(loaded)))
        return
    from deskfit.core.present.answers import answers_text

    shown: Units = (
        "imperial" if units == "imperial" else loaded.profile.units if units is None else "metric"
    )
    out(answers_text(loaded.profile, shown))


@cli.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@JSON_OPTION
def check_cmd(paths: Sequence[Path], as_json: bool) -> None:
    """Validate profile files; list every problem. Exit 1 when any is invalid.

    With --json: an array, one object per file given, with "ok" and its problems (key,
    line, message); the count of invalid files still goes to stderr.
    """
    if as_json:
        from deskfit.core.present.scripting import check_result, dumps

        results = [check_result(path) for path in paths]
        out(dumps(results))
        bad = sum(not r["ok"] for r in results)
        if bad:
            click.echo(f"{bad} of {len(paths)} invalid", err=True)
            sys.exit(1)
        return
    bad = 0
    for path in paths:
        try:
            store.load_profile(path)
        except store.ProfileFileError as exc:
            bad += 1
            click.echo(exc.report(), err=True)
        else:
            out(f"{safe_path(path)}: ok\n")
    if bad:
        click.echo(f"{bad} of {len(paths)} invalid", err=True)
        sys.exit(1)


@cli.command("set")
@PROFILE_ARGUMENT
@click.argument("assignments", metavar="KEY=VALUE...", nargs=-1, required=True)
@FILE_OPTION
@click.pass_context
def set_cmd(ctx: click.Context, profile: str, assignments: Sequence[str], as_file: bool) -> None:
    """Change answers of a saved profile, from a script: KEY=VALUE...

    PROFILE is the profile's name (as 'deskfit list' shows it) or its file. KEY is a
    question's key as in the profile file; VALUE is what you would type in the wizard.
    Every answer is checked as the wizard checks it; if any is wrong, nothing is saved
    and each problem is one line (exit 1). The advice saved with the profile is brought
    up to date. Two commands changing one profile at once both keep their changes: the
    read, the change and the save happen under the profile folder's lock.

    \b
      deskfit set office chair.seat_height_cm=52       a bare length is in the
      deskfit set office chair.seat_height_cm=19in     profile's units; or give one
      deskfit set office footstool.owned=yes footstool.height_cm=8
      deskfit set office chair.lumbar_support=fixed    one of the choices
      deskfit set office body.popliteal_height_cm=     empty: clear an optional answer
      deskfit set office name="Sam at home" units=imperial
    """
    from deskfit.core.engine.advice import advise
    from deskfit.core.files.file_lock import folder_locked
    from deskfit.core.ops.changes import not_asked, set_answers
    from deskfit.core.ops.saving import save_with_advice
    from deskfit.core.present.render import rosa_summary

    path = _path(ctx, profile, as_file)
    real = Path(os.path.realpath(path)) if os.path.islink(path) else path
    with folder_locked(real.parent):
        loaded = store.load_profile(path)
        try:
            changed, changes = set_answers(loaded.profile, assignments)
        except ProfileInvalid as exc:
            for problem in exc.problems:
                click.echo(problem.located(safe_path(loaded.path)), err=True)
            ctx.exit(1)
        saved = save_with_advice(
            changed,
            loaded.path,
            overwrite_other=True,
            migrated_from=loaded.migrated_from,
            expected=loaded.sha256,
        )
    dropped = not_asked(saved, changes)
    for change, why in dropped:
        click.echo(
            f"deskfit: {change.key} was not saved: that question does not apply to this "
            f"profile (it is asked {why})",
            err=True,
        )
    count = len(changes) - len(dropped)
    if saved.name != loaded.profile.name:
        _warn_shared_name(saved.name, loaded.path)
    # Saved: what follows is a report, and a closed pipe or terminal must not turn a
    # successful save into a failure.
    report_after_success(
        f"set {count} answer{'' if count == 1 else 's'} in {safe_path(loaded.path)}\n"
        f"{rosa_summary(advise(saved))}\n"
    )


def _warn_shared_name(name: str, path: Path) -> None:
    """A profile renamed to a name another profile beside it has: say so, once."""
    others = [
        e.path
        for e in finding.entries(path.parent)
        if e.name == name and not os.path.samefile(e.path, path)
    ]
    if others:
        click.echo(
            f"deskfit: note: {safe_path(others[0])} is also called {safe(name)!r}; "
            "give the file to tell them apart",
            err=True,
        )


@cli.command("export")
@PROFILE_ARGUMENT
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="html: a record to print (two pages, action boxes, signatures).  [default: from "
    "the -o file's extension (.txt, .md, .json, .html, .htm), else text; an extension "
    "that names another format is a usage error]",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Write to FILE instead of the screen ('-': the screen). A new file is readable by "
    "all (0644); an existing one is replaced only with --force.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace FILE when it is an existing regular file (never a profile, a link, a "
    "device or a folder).",
)
@FILE_OPTION
@click.pass_context
def export_cmd(
    ctx: click.Context, profile: str, fmt: str, output: Path | None, force: bool, as_file: bool
) -> None:
    """Export a profile's advice as text, Markdown, JSON or an HTML record to print.

    PROFILE is the profile's name (as 'deskfit list' shows it) or its file. Without
    --format the -o file's extension chooses; an extension that names no format gets
    text (with a note on stderr).
    """
    from deskfit.core.engine.advice import advise
    from deskfit.core.present.render import render

    try:
        fmt, note = export_format(fmt, output)
    except FormatClash as clash:
        raise click.BadOptionUsage("fmt", safe(str(clash)), ctx) from None
    if note is not None:
        click.echo(f"deskfit: note: {note}", err=True)
    if output is not None and str(output) != export_target.STDOUT:
        export_target.check_target(output, replace=force)
    loaded = _load(ctx, profile, as_file)
    text = render(advise(loaded.profile), fmt)
    if output is None or str(output) == export_target.STDOUT:
        out(text)
        return
    store.atomic_write(output, text.encode("utf-8"), mode=0o644, make_parents=False)
    click.echo(f"wrote {safe_path(output)}", err=True)


@cli.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="The address to listen on. Only this computer (127.0.0.1, ::1, localhost) "
    "unless --public is given.",
)
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="The port."
)
@click.option(
    "--public",
    is_flag=True,
    help="Allow a --host other computers can reach (e.g. 0.0.0.0). Profiles hold body "
    "measurements: anyone who can reach the port can read and change them.",
)
@click.pass_context
def serve_cmd(ctx: click.Context, host: str, port: int, public: bool) -> None:
    """Run the wizard in a browser: open the address it prints.

    Each browser tab gets a wizard of its own, on this computer and the same profiles
    folder (--profiles-dir). Ctrl+C stops the server and every wizard it runs.
    """
    import socket

    from deskfit.serve import is_loopback, serve

    if not is_loopback(host) and not public:
        raise UserError(
            f"--host {safe(host)} lets other computers reach the wizard: profiles hold body "
            "measurements, and anyone who can reach the port could read and change them. "
            "Add --public to serve it anyway."
        )
    try:
        serve(_folder(ctx), host, port, public)
    except socket.gaierror as exc:  # a --host that names no address
        reason = (exc.strerror or str(exc)).lower()
        raise UserError(f"cannot listen on {safe(host)}: {reason}") from None
    except OSError as exc:
        if exc.errno not in (errno.EADDRINUSE, errno.EADDRNOTAVAIL, errno.EACCES):
            raise
        raise UserError(
            f"cannot listen on {safe(host)}, port {port}: {os.strerror(exc.errno).lower()}"
            + ("; choose another with --port" if exc.errno == errno.EADDRINUSE else "")
        ) from None


@cli.command("compare")
@click.argument("profile_a", metavar="A", shell_complete=complete_profile)
@click.argument("profile_b", metavar="B", shell_complete=complete_profile)
@click.option(
    "--format", "fmt", type=click.Choice(COMPARE_FORMATS), default="text", show_default=True
)
@click.option("--file", "as_file", is_flag=True, help="A and B are file paths.")
@click.pass_context
def compare_cmd(
    ctx: click.Context, profile_a: str, profile_b: str, fmt: str, as_file: bool
) -> None:
    """Show what changed between two profiles (or two versions of one).

    A and B are each a NAME or a PATH. Every answer and setting that differs (in A's
    units), the ROSA score of each now and after, and the advice resolved and new.
    """
    from deskfit.core.ops.compare import compare, render_comparison

    a = _load(ctx, profile_a, as_file).profile
    b = _load(ctx, profile_b, as_file).profile
    out(render_comparison(compare(a, b), fmt))


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
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Write to FILE instead of the screen ('-': the screen), atomically; a new file is "
    "readable by all (0644), an existing one is replaced only with --force.",
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
    help="Replace FILE when it is an existing regular file (never a profile, a link, a "
    "device or a folder).",
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
    from deskfit.cli_progress import Progress
    from deskfit.core.ops import report
    from deskfit.core.ops.report import SortKey
    from deskfit.core.ops.report_render import iter_report

    if output is not None and str(output) == export_target.STDOUT:
        output = None
    if output is not None:
        export_target.check_target(output, replace=force)
    on_tty = sys.stderr.isatty()
    bar = Progress(sum(1 for _ in report.scan(paths))) if on_tty else None
    by: SortKey = "name" if sort == "name" else "rosa"
    jobs = min(report.cores(), 2)
    with report.stream(paths, bar.update if bar else None, by, jobs) as streamed:
        if bar is not None:
            bar.finish()
        pieces = iter_report(streamed.rows, streamed.count, streamed.summary, streamed.errors, fmt)
        if output is None:
            for text in _batched(pieces):
                out(text)
        else:
            # written as it is rendered, into a temporary file renamed over FILE at the end
            with store.atomic_writer(output, mode=0o644, make_parents=False) as handle:
                for text in _batched(pieces):
                    handle.write(text.encode("utf-8"))
            click.echo(
                f"wrote {safe_path(output)}: {streamed.count} profiles, "
                f"{len(streamed.errors)} invalid",
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
    tolerant_streams()
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="deskfit")
    except BrokenPipeError:
        # The reader went away (``deskfit report | head -1``): stop writing, quietly,
        # with the status a shell gives a writer killed by SIGPIPE.
        quiet_stdout()
        sys.exit(SIGPIPE_STATUS)
    except KeyboardInterrupt:
        click.echo("deskfit: interrupted", err=True)
        sys.exit(130)


cli.add_command(config_group)
cli.add_command(completion_cmd)
