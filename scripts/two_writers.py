"""Two `deskfit set` on one profile at once, round after round: is any change ever lost?

Each round forks two writers that change different answers of the same profile at the
same moment (``chair.seat_height_cm`` and ``monitor.distance_cm``, to values unique to
the round), waits for both, and reads the file: both changes there is a round kept; a
writer that exited 1 saying why is a clear refusal; a writer that exited 0 whose change
is missing is a lost update, the one thing that must never happen.

    python scripts/two_writers.py [--rounds 200] [FOLDER]

Prints the counts and exits 1 when any update was lost.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "profiles" / "crossed-legs-fixed-desk.toml"


def _writer(profile: Path, assignment: str, barrier_r: int) -> None:
    """In a forked child: wait for the start signal, run `deskfit set`, exit with its code."""
    from deskfit.cli import main

    os.read(barrier_r, 1)
    code = 0
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            main(["set", str(profile), assignment])
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
    os._exit(code)


def one_round(profile: Path, n: int) -> str:
    """'kept', 'refused' or 'lost' for one round of two simultaneous writers."""
    from deskfit.core.files.store import load_profile

    seat = 43.0 + (n % 12)
    distance = 50.0 + (n % 25)
    r, w = os.pipe()
    children = []
    for assignment in (f"chair.seat_height_cm={seat}", f"monitor.distance_cm={distance}"):
        pid = os.fork()
        if pid == 0:
            os.close(w)
            _writer(profile, assignment, r)
        children.append(pid)
    os.close(r)
    os.write(w, b"go")  # both start together
    os.close(w)
    codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children]
    saved = load_profile(profile).profile
    kept = [saved.chair.seat_height_cm == seat, saved.monitor.distance_cm == distance]
    if all(kept):
        return "kept"
    lost = [code == 0 and not ok for code, ok in zip(codes, kept, strict=True)]
    return "lost" if any(lost) else "refused"


def run(folder: Path, rounds: int) -> dict[str, int]:
    profile = folder / "two-writers.toml"
    shutil.copy(EXAMPLE, profile)
    counts = {"kept": 0, "refused": 0, "lost": 0}
    from deskfit.cli import main

    for n in range(rounds):
        # start each round from values neither writer will set, so a change is visible
        with contextlib.redirect_stdout(io.StringIO()):
            main_code = 0
            try:
                main(["set", str(profile), "chair.seat_height_cm=42", "monitor.distance_cm=49"])
            except SystemExit as exit_:
                main_code = exit_.code if isinstance(exit_.code, int) else 1
        assert main_code == 0
        counts[one_round(profile, n)] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    if args.folder is None:
        with tempfile.TemporaryDirectory() as tmp:
            counts = run(Path(tmp), args.rounds)
    else:
        counts = run(args.folder, args.rounds)
    print(
        f"{args.rounds} rounds of two writers: {counts['kept']} kept both changes, "
        f"{counts['refused']} refused one clearly (exit 1), {counts['lost']} lost an update"
    )
    sys.exit(1 if counts["lost"] else 0)


if __name__ == "__main__":
    main()
