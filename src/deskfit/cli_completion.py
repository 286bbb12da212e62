"""Shell completion: ``deskfit completion bash|zsh|fish`` prints the script, and the
PROFILE arguments complete to the saved profiles' names.

Click's own protocol does the work: the script calls ``deskfit`` again with
``_DESKFIT_COMPLETE=bash_complete`` (``zsh_complete``, ``fish_complete``) and the words
typed so far in ``COMP_WORDS``/``COMP_CWORD``; commands, options, choices and paths come
from the commands' declarations, and a PROFILE from ``complete_profile``.

A profile is offered by its file's stem (``sam-at-the-office``): it finds the profile
(``finding.find`` takes stems) and, having no spaces, survives the shell's word
splitting; zsh and fish show the name inside it beside each. A word that looks like a
path (a ``/``, a leading ``.`` or ``~``), or ``--file``, completes as a file instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import click
from click.shell_completion import CompletionItem, get_completion_class

from deskfit.cli_output import out
from deskfit.launch import COMPLETE_VAR  # click's name for it: _{PROG}_COMPLETE

SHELLS = ("bash", "zsh", "fish")
PROG = "deskfit"


def _folder(ctx: click.Context) -> Path | None:
    """The profiles folder, as the command would use it; None when there is none. Quiet:
    nothing may be printed while the shell asks (a config problem waits for a command)."""
    from deskfit.cli_config import settings_of

    try:
        return settings_of(ctx, report=False).profiles_dir
    except Exception:  # a completion never fails loudly: it offers nothing
        return None


def _looks_like_path(incomplete: str) -> bool:
    return "/" in incomplete or os.sep in incomplete or incomplete.startswith((".", "~"))


def complete_profile(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """The stems of the saved profiles that start with what was typed (case aside); a
    file when a path is being typed, or none of the stems fits."""
    if ctx.params.get("as_file") or _looks_like_path(incomplete):
        return [CompletionItem(incomplete, type="file")]
    folder = _folder(ctx)
    if folder is None or not folder.is_dir():
        return [CompletionItem(incomplete, type="file")]
    from deskfit.core.files.store import list_profiles, name_in_file

    typed = incomplete.casefold()
    matches = [p for p in list_profiles(folder) if p.stem.casefold().startswith(typed)]
    if not matches:
        return [CompletionItem(incomplete, type="file")]
    described = not os.environ.get(COMPLETE_VAR, "").startswith("bash")  # bash shows no help
    return [
        CompletionItem(p.stem, help=name_in_file(p) if described and p.is_file() else None)
        for p in matches
    ]


def complete_folder(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Folders only (``--profiles-dir``)."""
    return [CompletionItem(incomplete, type="dir")]


@click.command("completion")
@click.argument("shell", type=click.Choice(SHELLS))
@click.pass_context
def completion_cmd(ctx: click.Context, shell: str) -> None:
    """Print the shell completion script for bash, zsh or fish.

    \b
      eval "$(deskfit completion bash)"        in ~/.bashrc (bash 4.4 or newer)
      eval "$(deskfit completion zsh)"         in ~/.zshrc
      deskfit completion fish > ~/.config/fish/completions/deskfit.fish

    Commands, options, their choices, files and folders complete; a PROFILE completes to
    the saved profiles (their file names, which find them as their names do).
    """
    root = ctx.find_root().command
    complete = get_completion_class(shell)
    assert complete is not None  # click has all three
    out(complete(root, {}, PROG, COMPLETE_VAR).source())
