"""Prefect flows and tasks: thin wrappers over `pipeline` adding retries, isolation, parallelism and
schedules. The environment below is set before Prefect is imported: its home stays out of ~/.prefect,
telemetry is off, and nothing at run time needs the network."""

import os
from pathlib import Path

_state = Path(os.environ.get("XDG_STATE_HOME", Path.home() / ".local" / "state"))
os.environ.setdefault("PREFECT_HOME", str(_state / "svodka" / "prefect"))
Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)  # Prefect makes only the last level
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
# The first start on a new machine migrates the temporary server's SQLite database, which took 20–35 s
# here on two busy cores: Prefect's default of 20 s makes a fresh machine's first `make run` fail.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "CRITICAL")  # its telemetry loop logs noise
os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")
os.environ.setdefault("PREFECT_UI_ENABLED", "false")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("DASK_DISTRIBUTED__LOGGING__DISTRIBUTED", "warning")
