"""A real headless Chromium driven over the DevTools protocol: a page at an exact viewport (a phone's 390×844
with touch, or a desktop's), JavaScript evaluated in it, real clicks and taps, and screenshots. Used by the
report's tests and by docs/make_screenshot.py. Nothing but Chromium and a websocket (the `websockets`
package, which Prefect already brings)."""

import base64
import itertools
import json
import re
import shutil
import subprocess
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from websockets.sync.client import connect

from flows.stopping import end_process

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--hide-scrollbars",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--remote-debugging-port=0", "--remote-allow-origins=*"]
LISTENING = re.compile(r"DevTools listening on (ws://\S+)")


class Page:
    """One tab. `call` sends a DevTools command and returns its result; events are collected by name."""

    def __init__(self, socket, session: str):
        self.socket, self.session, self.ids = socket, session, itertools.count(1)
        self.events: list[dict] = []

    def call(self, method: str, timeout: float = 60, **params) -> dict:
        ident = next(self.ids)
        self.socket.send(json.dumps({"id": ident, "method": method, "params": params, "sessionId": self.session}))
        deadline = time.monotonic() + timeout
        while True:
            message = json.loads(self.socket.recv(timeout=max(0.1, deadline - time.monotonic())))
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, event: str, timeout: float = 60) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            for message in self.events:
                if message.get("method") == event:
                    self.events.remove(message)
                    return message
            self.events.append(json.loads(self.socket.recv(timeout=max(0.1, deadline - time.monotonic()))))

    def open(self, url: str, width: int, height: int, mobile: bool = False) -> None:
        self.call("Page.enable")
        self.call("Runtime.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=mobile)
        if mobile:
            self.call("Emulation.setTouchEmulationEnabled", enabled=True, maxTouchPoints=5)
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("exception", {}).get("description", result))
        return result["result"].get("value")

    def errors(self) -> list[dict]:
        """Uncaught exceptions and console errors the page has produced so far."""
        return [m["params"] for m in self.events if m.get("method") == "Runtime.exceptionThrown"
                or (m.get("method") == "Runtime.consoleAPICalled" and m["params"].get("type") == "error")]

    def centre_of(self, selector: str) -> tuple[float, float]:
        """The middle of the first element matching `selector`, scrolled into view."""
        box = self.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); "
                            "e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect(); "
                            "return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        return box[0], box[1]

    def tap(self, selector: str) -> None:
        """A real touch on the element (touchstart, touchend; the browser makes the click)."""
        x, y = self.centre_of(selector)
        point = [{"x": x, "y": y}]
        self.call("Input.dispatchTouchEvent", type="touchStart", touchPoints=point)
        self.call("Input.dispatchTouchEvent", type="touchEnd", touchPoints=[])

    def click(self, selector: str) -> None:
        x, y = self.centre_of(selector)
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def screenshot(self, path: Path, full_page: bool = False) -> Path:
        params = {"format": "png"}
        if full_page:
            size = self.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params.update(captureBeyondViewport=True,
                          clip={"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1})
        path.write_bytes(base64.b64decode(self.call("Page.captureScreenshot", **params)["data"]))
        return path


@contextmanager
def chromium_page():
    """A fresh Chromium (its own profile) with one page; stopped afterwards."""
    profile = Path(tempfile.mkdtemp(prefix="svodka-chromium-"))
    process = subprocess.Popen([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        url = browser_url(process)
        with connect(url, max_size=64 * 2**20, open_timeout=30) as socket:
            target = page_call(socket, "Target.createTarget", url="about:blank")["targetId"]
            session = page_call(socket, "Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
            yield Page(socket, session)
    finally:
        end_process(process, grace=20)
        shutil.rmtree(profile, ignore_errors=True)


def browser_url(process: subprocess.Popen, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if found := LISTENING.search(line):
            threading.Thread(target=process.stderr.read, daemon=True).start()  # keep the pipe from filling
            return found.group(1)
        if not line and process.poll() is not None:
            break
    raise RuntimeError("Chromium did not open its DevTools port")


def page_call(socket, method: str, **params) -> dict:
    socket.send(json.dumps({"id": 0, "method": method, "params": params}))
    while True:
        message = json.loads(socket.recv(timeout=30))
        if message.get("id") == 0:
            return message["result"]
