"""The Prefect API a run talks to: the configured one, or Prefect's temporary server started here — in a
session of its own, stopped when the run ends.

Why its own session: a terminal's Ctrl-C goes to the whole foreground process group. A temporary server
that died with it left Prefect retrying for minutes, printing connection errors, while it reported the
stopped run. Outside that group the server lives until we stop it, after the run is recorded. Dask
workers, separate processes, find it through PREFECT_API_URL rather than each starting a server of its own.
"""

import os
import subprocess
from contextlib import contextmanager


class _OwnSession:
    """`subprocess` as Prefect's server module sees it while starting: Popen in a new session."""

    def __getattr__(self, name):
        return getattr(subprocess, name)

    @staticmethod
    def Popen(*args, **kwargs):  # noqa: N802 — the name Prefect calls
        return subprocess.Popen(*args, start_new_session=True, **kwargs)


def configured_api_url() -> str | None:
    from prefect.settings import get_current_settings

    return get_current_settings().api.url


@contextmanager
def prefect_api():
    """Yields the API URL the run uses."""
    if url := configured_api_url():
        yield url
        return
    import prefect.server.api.server as server_module
    from prefect.settings import PREFECT_API_URL, temporary_settings

    server = server_module.SubprocessASGIServer()
    server_module.subprocess = _OwnSession()
    try:
        server.start()
    finally:
        server_module.subprocess = subprocess
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield server.api_url
    finally:
        del os.environ["PREFECT_API_URL"]
        server.stop()
