"""``deskfit config``: where the preferences file is, and every setting with where it came
from; and ``settings_of``, the settings every command reads (once per run).

A setting comes from the command line (``--profiles-dir``), else its environment variable,
else the config file, else its default (``core/files/config.py``). Problems in the file
are said on standard error, one line each with the file, line and key, and never stop a
command: the setting falls back to the next source.
"""

from __future__ import annotations

import click

from deskfit.cli_output import out
from deskfit.core.files import config
from deskfit.core.model.shown_text import safe, safe_path

_SETTINGS = "deskfit.settings"
_REPORTED = "deskfit.settings-reported"


def profiles_dir_flag(ctx: click.Context) -> str | None:
    """``--profiles-dir`` when it was given on the command line, else None."""
    root = ctx.find_root()
    if root.get_parameter_source("profiles_dir") is not click.core.ParameterSource.COMMANDLINE:
        return None
    value = root.params.get("profiles_dir")
    return str(value) if value else None


def settings_of(ctx: click.Context, *, report: bool = True) -> config.Settings:
    """The settings, read once per command; their problems said on stderr, once.

    ``report=False``: the caller says them its own way, or not at all (the wizard shows
    them as a notification; nothing may be printed while the shell asks for completions),
    so they are not said on stderr in this run.
    """
    root = ctx.find_root()
    settings = root.meta.get(_SETTINGS)
    if settings is None:
        settings = config.resolve({"profiles_dir": profiles_dir_flag(ctx)})
        root.meta[_SETTINGS] = settings
    if not root.meta.get(_REPORTED):
        root.meta[_REPORTED] = True
        for problem in settings.problems if report else ():
            click.echo(f"deskfit: {problem.located()} (ignored)", err=True)
    assert isinstance(settings, config.Settings)
    return settings


@click.group("config")
def config_group() -> None:
    """Your preferences: the config file, and each setting with where it came from.

    \b
    Settings (config file key, environment variable):
      units         DESKFIT_UNITS         a new profile's units: metric or imperial
      theme         DESKFIT_THEME         the wizard's theme: any Textual theme's name
      profiles_dir  DESKFIT_PROFILES_DIR  the folder of saved profiles (also --profiles-dir)
      assessor      DESKFIT_ASSESSOR      the assessor the assessment dialog offers
      export_dir    DESKFIT_EXPORT_DIR    the folder the export dialog offers

    Each comes from the command line, else the environment, else the config file, else
    its default. DESKFIT_CONFIG names another config file.
    """


@config_group.command("path")
def path_cmd() -> None:
    """Print the config file's path (it may not exist yet)."""
    path = config.config_path()
    out(f"{safe_path(path)}\n")
    if not path.exists():
        click.echo("deskfit: no file there yet: every setting is its default", err=True)


@config_group.command("show")
@click.option("--json", "as_json", is_flag=True, help="One JSON object (see the README).")
@click.pass_context
def show_cmd(ctx: click.Context, as_json: bool) -> None:
    """Print each setting, its value and where it came from.

    FROM is the flag, 'env VARIABLE', the config file and line, or 'default'. Exit 1
    when the config file or a variable has a problem (each is said on stderr, and the
    setting falls back to the next source).
    """
    settings = settings_of(ctx)
    if as_json:
        import json

        out(json.dumps(config.as_json(settings), indent=2, ensure_ascii=False) + "\n")
    else:
        rows = [
            ("SETTING", "VALUE", "FROM"),
            *(
                (name, safe(s.value) if s.value is not None else "-", s.described())
                for name, s in settings.values.items()
            ),
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(2)]
        out(
            "".join(
                f"{name:<{widths[0]}}  {value:<{widths[1]}}  {source}\n"
                for name, value, source in rows
            )
        )
    if settings.problems:
        ctx.exit(1)
