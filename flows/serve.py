"""`svodka serve`: keep the nightly schedule. Prefect's temporary server cannot hold a schedule, so when
no PREFECT_API_URL is configured a local `prefect server start` is launched beside us (its database in
PREFECT_HOME, its web interface at the address the first line prints) and stopped with us. Stopping
`serve` pauses the schedule; starting it again resumes. Each scheduled run prints one line: documents by
status, activities, duration.

The first Ctrl-C or SIGTERM stops it: a night in progress gets SIGTERM first (it records itself as
interrupted and ends its parsers), then the server, then we exit — nothing is left running. Prefect's
runner would instead start a graceful shutdown that never finished and ignore a second Ctrl-C."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from prefect.settings import PREFECT_API_URL, temporary_settings

from flows.ingest import flow_parameters, ingest
from flows.stopping import end_children, end_process
from pipeline.settings import Settings

DEPLOYMENT_NAME = "svodka-nightly"
SERVER_START_TIMEOUT = 180  # seconds; the first start migrates its SQLite database


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Prefect server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"Prefect server did not answer at {url} within {SERVER_START_TIMEOUT} s")


@contextmanager
def local_prefect_server():
    """Yields the API URL: the configured one, or that of a local server started for us — with Prefect's web
    interface switched on (flows/__init__.py switches it off for everything else), so the schedule and its
    runs can be watched in a browser at the server's address."""
    if os.environ.get("PREFECT_API_URL"):
        yield os.environ["PREFECT_API_URL"]
        return
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    environment = {**os.environ, "PREFECT_UI_ENABLED": "true", "PREFECT_UI_API_URL": url}
    # In a session of its own: a terminal's Ctrl-C must not stop it before the night it serves.
    process = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                                "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=environment, start_new_session=True)
    on_stop_signals(lambda: stop_with_server(process))
    try:
        wait_until_healthy(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def interface_address(api_url: str) -> str:
    """Prefect serves its web interface at the root of the server whose API is at …/api."""
    return api_url.removesuffix("/api").removesuffix("/") + "/"


def on_stop_signals(stop) -> None:
    """Prefect 3.8.8's runner answers SIGTERM with `self.stop()` — a coroutine it never awaits — and then
    hangs, and its Ctrl-C shutdown waits on that too; so SIGTERM (systemd stop, kill) and SIGINT are ours,
    whoever installs a handler later. Installed before the runner starts, so asyncio leaves SIGINT to us."""
    from prefect.runner.runner import Runner

    Runner.handle_sigterm = lambda self, *args, **kwargs: stop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda signum, frame: stop())


def stop_with_server(process: subprocess.Popen | None) -> None:
    """The nights in progress first (SIGTERM: they record themselves interrupted), then the server: the
    schedule lives in the server we started, so stopping it stops the schedule too; the next `svodka
    serve` registers it again."""
    end_children(grace=5.0, spare={process.pid} if process else set())
    if process is not None:
        # Its graceful shutdown waits for our runner's open connections, which close only when we exit:
        # three seconds, then it is killed (SQLite keeps every committed transaction). 5 + 3 < 10 s.
        end_process(process, grace=3)
    os._exit(0)


def serve_nightly(inboxes: list[Path], settings: Settings, cron: str | None, interval: int | None) -> None:
    parameters = {"inboxes": [str(p.resolve()) for p in inboxes], **flow_parameters(settings)}
    parameters["out"] = str(settings.out_dir.resolve())
    parameters["announce"] = True  # each scheduled run prints its one-line summary into this log
    on_stop_signals(lambda: stop_with_server(None))
    with local_prefect_server() as url, temporary_settings(updates={PREFECT_API_URL: url}):
        when = f"cron «{cron}»" if cron else f"каждые {interval} с"
        print(f"Расписание: {when}; Prefect API {url}; деплоймент svodka-ingest/{DEPLOYMENT_NAME}; "
              f"интерфейс Prefect: {interface_address(url)}", flush=True)
        ingest.serve(name=DEPLOYMENT_NAME, cron=cron, interval=interval, parameters=parameters,
                     pause_on_shutdown=True)
