"""``deskfit serve``: the wizard in a real browser, and who may reach it.

How the browser test knows the start screen is up: textual-serve's page draws the
terminal with xterm.js on a canvas, so the page's DOM never holds the wizard's text and
``chromium --dump-dom`` cannot show it (and ``--virtual-time-budget`` runs out long
before the wizard, a separate process, has painted). So the test drives headless
Chromium over the DevTools protocol (a websocket, with aiohttp, which textual-serve
already needs): before the page loads it wraps the page's ``WebSocket`` so that every
byte the server sends to the terminal is also kept, loads the page, and waits until
those bytes, escape sequences removed, hold the start screen's text, and the page has
marked itself as drawing (textual.js adds ``-first-byte`` to the body once it has
written the app's output to the terminal). Then it takes a screenshot, as a person
would see the page (``DESKFIT_SERVE_SCREENSHOT=FILE`` keeps a copy, as docs/serve.png
was made).

The server is stopped as Ctrl+C in its terminal stops it: SIGINT to its whole process
group, its wizards included. It must end with status 0, without a traceback.

Chromium is required, as for the HTML record's print test (``.ci/run`` installs it).
"""

from __future__ import annotations

import asyncio
import base64
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from deskfit.serve import is_loopback

REPO = Path(__file__).resolve().parents[2]
PROFILE = REPO / "profiles" / "crossed-legs-fixed-desk.toml"  # "Sam at the office"
START_SCREEN = ("Sam at the office", "New profile")
WINDOW = "1200,800"

# Before the page's own script: keep a copy of every binary message its sockets receive.
KEEP_RECEIVED = """
(() => {
  const Native = window.WebSocket;
  window.__received = [];
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (typeof event.data !== "string") window.__received.push(new Uint8Array(event.data));
      });
    }
  };
})();
"""
RECEIVED = """
(() => {
  const parts = window.__received || [];
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { all.set(p, at); at += p.length; }
  return {body: document.body ? document.body.className : "",
          text: new TextDecoder().decode(all)};
})()
"""
ESCAPES = re.compile(r"\x1b\[[0-9;:?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "chromium is needed (Debian: apt-get install chromium; .ci/run installs it)"
    return found


class Served:
    """``deskfit serve`` running, in a process group of its own; its output as it comes."""

    def __init__(self, folder: Path, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "deskfit", "serve", *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "DESKFIT_PROFILES_DIR": str(folder), "NO_COLOR": "1"},
            start_new_session=True,
        )
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def wait_for_port(self, port: int, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"the server ended: {self.output}"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"nothing listens on port {port} after {seconds} s")

    def wait_for_line(self, line: str, seconds: float = 15) -> None:
        deadline = time.monotonic() + seconds
        while f"{line}\n" not in self.output:
            assert time.monotonic() < deadline, f"no {line!r} in: {self.output}"
            time.sleep(0.1)

    def others_in_group(self) -> list[int]:
        """The processes of the server's group but the server: its wizards (Linux)."""
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == self.process.pid and int(stat.parent.name) != self.process.pid:
                found.append(int(stat.parent.name))
        return found

    def ctrl_c(self) -> int:
        """SIGINT to the whole process group, as a terminal's Ctrl+C; the exit status."""
        os.killpg(self.process.pid, signal.SIGINT)
        status = self.process.wait(timeout=30)
        self.reader.join(timeout=10)
        return status

    def group_gone(self, seconds: float = 10) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                os.killpg(self.process.pid, 0)
            except ProcessLookupError:
                return True
            time.sleep(0.1)
        return False


@contextmanager
def serving(folder: Path, *args: str) -> Iterator[Served]:
    """``deskfit serve ARGS`` on ``folder``; killed at the end if still running."""
    served = Served(folder, *args)
    try:
        yield served
    finally:
        if served.process.poll() is None:
            os.killpg(served.process.pid, signal.SIGKILL)
            served.process.wait()


class Page:
    """One browser tab over the DevTools protocol: commands and their results."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.sent = 0

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.sent += 1
        asked = self.sent
        await self.ws.send_json({"id": asked, "method": method, "params": params})
        while True:  # events come between; only the answer is wanted
            message = await self.ws.receive_json(timeout=30)
            if message.get("id") == asked:
                assert "error" not in message, message
                result: dict[str, Any] = message.get("result", {})
                return result

    async def evaluate(self, expression: str) -> Any:
        done = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return done["result"].get("value")


@asynccontextmanager
async def tab_in_chromium(profile_dir: Path) -> AsyncIterator[Page]:
    """Headless Chromium with one tab, driven over the DevTools protocol; then closed."""
    browser = await asyncio.create_subprocess_exec(
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile_dir}",
        f"--window-size={WINDOW}",
        "--remote-debugging-port=0",
        "about:blank",
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        assert browser.stderr is not None
        devtools = ""
        while not devtools:
            line = (await asyncio.wait_for(browser.stderr.readline(), 30)).decode()
            assert line, "chromium ended before it listened for DevTools"
            if "DevTools listening on " in line:
                devtools = line.split("DevTools listening on ", 1)[1].strip()
        drain = asyncio.create_task(browser.stderr.read())  # never let its pipe fill
        http = devtools.split("/devtools/", 1)[0].replace("ws://", "http://")
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{http}/json/list") as listing:
                targets = await listing.json()
            tab = next(t for t in targets if t.get("type") == "page")
            async with session.ws_connect(tab["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                page = Page(ws)
                await page.call("Page.enable")
                await page.call("Page.addScriptToEvaluateOnNewDocument", source=KEEP_RECEIVED)
                yield page
        drain.cancel()
    finally:
        if browser.returncode is None:
            browser.kill()
        await browser.wait()


async def wait_for(page: Page, done: Callable[[str, str], bool], seconds: float) -> str:
    """Wait until ``done(body classes, text received)``; the text, escapes removed."""
    deadline = time.monotonic() + seconds
    seen: dict[str, str] = {}
    while time.monotonic() < deadline:
        seen = await page.evaluate(RECEIVED) or {}
        text = ESCAPES.sub("", seen.get("text", ""))
        if done(seen.get("body", ""), text):
            return text
        await asyncio.sleep(0.25)
    raise AssertionError(f"not there after {seconds} s: {seen}")


async def show_start_screen(page: Page, url: str) -> bytes:
    """Open ``url``; wait until the start screen is drawn; a screenshot (PNG)."""
    await page.call("Page.navigate", url=url)
    await wait_for(
        page,
        lambda body, text: "-first-byte" in body and all(w in text for w in START_SCREEN),
        60,
    )
    await asyncio.sleep(1)  # the last frames drawn
    shot = await page.call("Page.captureScreenshot", format="png")
    png = base64.b64decode(shot["data"])
    assert png.startswith(b"\x89PNG")
    return png


async def test_the_start_screen_in_a_browser_then_ctrl_c_stops_it(tmp_path: Path) -> None:
    folder = tmp_path / "profiles"
    folder.mkdir()
    shutil.copy(PROFILE, folder / PROFILE.name)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    with serving(folder, "--port", str(port)) as server:
        await asyncio.to_thread(server.wait_for_port, port)
        # a browser opens the wizard and goes away: its wizard ends, the server goes on
        async with tab_in_chromium(tmp_path / "chromium-1") as page:
            png = await show_start_screen(page, url)
            (tmp_path / "serve.png").write_bytes(png)
            if os.environ.get("DESKFIT_SERVE_SCREENSHOT"):
                Path(os.environ["DESKFIT_SERVE_SCREENSHOT"]).write_bytes(png)
            assert server.others_in_group(), "no wizard is running for the page"
        await asyncio.to_thread(
            server.wait_for_line, "deskfit: a browser closed the wizard (0 open)"
        )
        assert server.process.poll() is None
        assert server.others_in_group() == [], "the wizard outlived its page"
        # Ctrl+C with a page open: the server and its wizard end, and the page says so
        async with tab_in_chromium(tmp_path / "chromium-2") as page:
            await show_start_screen(page, url)
            status = await asyncio.to_thread(server.ctrl_c)
            await wait_for(page, lambda body, text: "-closed" in body, 10)
    output = server.output
    assert status == 0, output
    assert "Traceback" not in output, output
    assert f"deskfit: open http://127.0.0.1:{port} in a browser" in output
    assert output.count("deskfit: a browser opened the wizard (1 open)") == 2, output
    assert output.rstrip().endswith("deskfit: stopped"), output
    assert server.group_gone(), "a wizard outlived the server"


async def test_another_website_cannot_start_a_wizard(tmp_path: Path) -> None:
    """A page from elsewhere (its Origin) or a name re-pointed at this computer (its
    Host, as in DNS rebinding) is refused; the server's own page is not."""
    port = free_port()
    with serving(tmp_path, "--port", str(port)) as server:
        await asyncio.to_thread(server.wait_for_port, port)
        base = f"http://127.0.0.1:{port}"
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{base}/") as own:
                assert own.status == 200
                assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in (
                    await own.text()
                )
            async with session.get(f"{base}/", headers={"Host": f"evil.example:{port}"}) as r:
                assert r.status == 403
            for headers in (
                {"Origin": "https://evil.example"},
                {"Origin": "null"},
                {"Host": f"evil.example:{port}", "Origin": f"http://evil.example:{port}"},
            ):
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await session.ws_connect(f"{base}/ws", headers=headers)
                assert refused.value.status == 403, headers
        status = await asyncio.to_thread(server.ctrl_c)
    output = server.output
    assert status == 0, output
    assert "deskfit: refused a page from https://evil.example, not from this server" in output
    assert "opened the wizard" not in output


def test_a_host_other_computers_reach_needs_public(tmp_path: Path) -> None:
    refused = subprocess.run(
        [sys.executable, "-m", "deskfit", "serve", "--host", "0.0.0.0", "--port", "1"],
        capture_output=True,
        text=True,
        env={**os.environ, "DESKFIT_PROFILES_DIR": str(tmp_path), "NO_COLOR": "1"},
        timeout=60,
    )
    assert refused.returncode == 1
    assert refused.stdout == ""
    assert refused.stderr.startswith("deskfit: --host 0.0.0.0 lets other computers reach")
    assert "body measurements" in refused.stderr
    assert "--public" in refused.stderr

    port = free_port()
    with serving(tmp_path, "--host", "0.0.0.0", "--port", str(port), "--public") as server:
        server.wait_for_port(port)
        status = server.ctrl_c()
    output = server.output
    assert status == 0, output
    warning = output.split("\n", 1)[0]
    assert warning.startswith("deskfit: warning: serving on every network interface")
    assert "body measurements" in warning
    assert "anyone who can reach this port can open the wizard and read and change" in warning
    assert f"deskfit: open http://{socket.gethostname()}:{port} in a browser" in output


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.20", False),
        ("example.org", False),
        ("localhost.example.org", False),
    ],
)
def test_this_computer_only(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_the_command_help_says_what_public_risks() -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "deskfit", "serve", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=60,
    )
    assert shown.returncode == 0
    assert "127.0.0.1" in shown.stdout
    assert "body" in shown.stdout and "measurements" in shown.stdout


def test_a_port_in_use_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "deskfit", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            env={**os.environ, "DESKFIT_PROFILES_DIR": str(tmp_path), "NO_COLOR": "1"},
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stdout == ""  # the address to open is printed only once it listens
    assert done.stderr.endswith(
        f"deskfit: cannot listen on 127.0.0.1, port {port}: address already in use; "
        "choose another with --port\n"
    )
