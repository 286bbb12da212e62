"""``deskfit serve``: the wizard in a browser, through textual-serve (from Textualize).

Every browser tab that opens the page starts a wizard of its own on this computer
(``python -m deskfit``, on the same profiles folder), which the page draws with xterm.js;
closing the tab ends that wizard (its draft is kept, as in a terminal).

Profiles hold body measurements and textual-serve has no password, so:

- it listens on this computer only (127.0.0.1) unless ``--public`` is given, and then
  says on stderr that anyone who can reach the port can read and change the profiles;
- a page another website opens in the same browser cannot drive the wizard: a wizard
  starts only for a request whose ``Host`` names the server (on this computer only: a
  name of this computer, so a DNS name re-pointed at 127.0.0.1 is refused) and whose
  ``Origin``, when the browser sends one, is that same address.

Imported only by ``deskfit serve`` (aiohttp and textual-serve are not light).
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import re
import shlex
import signal
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

from deskfit.core.files.folders import ENV_PROFILES_DIR
from deskfit.core.model.shown_text import safe, safe_path

_WILDCARDS = ("", "0.0.0.0", "::")
# a Host header: a name or IPv4 address, or a bracketed IPv6 address; an optional port
_HOST_HEADER = re.compile(r"(?:[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?")


def is_loopback(host: str) -> bool:
    """``host`` is this computer only: ``localhost`` or a loopback address."""
    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def exposed_warning(host: str, port: int) -> str:
    """What ``--public`` prints on stderr before it listens."""
    where = "every network interface" if host in _WILDCARDS else safe(host)
    return (
        f"deskfit: warning: serving on {where}, port {port}. Profiles hold body "
        "measurements, and anyone who can reach this port can open the wizard and read "
        "and change every profile in the folder: there is no password. Serve on a "
        "network you trust, and stop it (Ctrl+C) when you are done."
    )


def address(host: str, port: int) -> str:
    """The address to open in a browser."""
    if host in _WILDCARDS:
        host = socket.gethostname() or "localhost"
    elif ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"


def wizard_command() -> str:
    """The command textual-serve runs for each browser tab: this deskfit's own wizard."""
    return shlex.join([sys.executable, "-m", "deskfit"])


class WizardServer(Server):
    """textual-serve's server, with deskfit's checks on who may start a wizard."""

    def __init__(self, command: str, host: str, port: int, public: bool) -> None:
        super().__init__(command, host=host, port=port, title="deskfit")
        self.public = public
        self.shown_url = address(host, port)
        self.open_sessions = 0

    def refused(self, request: web.Request) -> str | None:
        """Why this request may not see the page or start a wizard, or None."""
        host = request.headers.get("Host", "")
        if not _HOST_HEADER.fullmatch(host):
            return "a request without a proper Host"
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if not self.public and not is_loopback(name):
            return f"a request for {safe(host)}, which is not this computer"
        origin = request.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc.lower() != host.lower():
            return f"a page from {safe(origin)}, not from this server"
        return None

    def check(self, request: web.Request) -> None:
        reason = self.refused(request)
        if reason is not None:
            _say(f"deskfit: refused {reason}")
            raise web.HTTPForbidden(text="deskfit: refused\n")

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        self.check(request)
        # The page's links and its websocket go back to the address the browser used
        # (textual-serve would use --host, which for 0.0.0.0 no browser can reach).
        # Safe to set here: the parent's handler reads it before anything awaits.
        self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        self.check(request)
        self.open_sessions += 1
        _say(f"deskfit: a browser opened the wizard ({self.open_sessions} open)")
        try:
            return await super().handle_websocket(request)
        finally:
            self.open_sessions -= 1
            _say(f"deskfit: a browser closed the wizard ({self.open_sessions} open)")

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        self.check(request)
        return await super().handle_download(request)

    def serve(self, debug: bool = False) -> None:
        """Listen until SIGINT or SIGTERM; then end every wizard and return.

        textual-serve's own ``serve`` says where it serves before it has the port; this
        says it once it listens, and keeps no log of every file the page loads."""
        self.debug = debug
        self.initialize_logging()
        asyncio.run(self._listen())

    async def _listen(self) -> None:
        runner = web.AppRunner(await self._make_app(), handle_signals=False, access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.port).start()
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(signum, stop.set)
            print(f"deskfit: open {self.shown_url} in a browser; Ctrl+C stops", flush=True)
            await stop.wait()
        finally:
            await runner.cleanup()  # each wizard is told to quit, and waited for

    async def on_startup(self, app: web.Application) -> None:
        """Nothing: textual-serve prints its banner here."""


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def serve(folder: Path, host: str, port: int, public: bool) -> None:
    """Serve the wizard on ``folder`` until Ctrl+C (or SIGTERM)."""
    if public and not is_loopback(host):
        _say(exposed_warning(host, port))
    # each wizard inherits the environment: the same folder, whatever its working folder
    os.environ[ENV_PROFILES_DIR] = str(folder.resolve())
    _say(f"deskfit: profiles in {safe_path(folder.resolve())}")
    WizardServer(wizard_command(), host, port, public).serve()
    _say("deskfit: stopped")
