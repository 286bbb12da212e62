"""deskfit run by bash in a pipeline, as a script would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def piped(folder: Path, args: str, then: str) -> subprocess.CompletedProcess[str]:
    """``deskfit --profiles-dir FOLDER ARGS | THEN`` in bash; ``then`` may use the
    pipeline's own variables (``${PIPESTATUS[0]}``)."""
    command = (
        f'"{sys.executable}" -c "from deskfit.cli import main; main()" '
        f'--profiles-dir "{folder}" {args} | {then}'
    )
    return subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
