"""`newscorpus serve`: serve the deployments of prefect.yaml, starting a local Prefect server if needed."""

from __future__ import annotations

import contextlib
import importlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import yaml

PROJECT = Path(__file__).resolve().parents[1]
PREFECT_YAML = PROJECT / "prefect.yaml"
DEFAULT_PORT = 4200
SERVER_START_TIMEOUT_S = 90.0  # ~11 s on an idle 2-core machine; loaded CI machines are slower


def deployment_specs(path: Path = PREFECT_YAML) -> list[dict[str, Any]]:
    """The deployments declared in prefect.yaml."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data.get("deployments") or [])


def flow_of(entrypoint: str) -> Any:
    """The flow object an entrypoint `flows/ingest.py:ingest` names (imported as a module)."""
    path, _, name = entrypoint.partition(":")
    module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
    return getattr(module, name)


def build_deployments(timezone: str | None = None, path: Path = PREFECT_YAML) -> list[Any]:
    """RunnerDeployments for `prefect.serve`, built from prefect.yaml (one source of truth)."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig
    from prefect.schedules import Cron

    built = []
    for spec in deployment_specs(path):
        flow = flow_of(spec["entrypoint"])
        schedules = [
            Cron(s["cron"], timezone=timezone or s.get("timezone") or "UTC")
            for s in spec.get("schedules") or []
        ]
        limit = spec.get("concurrency_limit")
        built.append(
            flow.to_deployment(
                name=spec["name"],
                description=spec.get("description"),
                parameters=spec.get("parameters") or {},
                schedules=schedules or None,
                concurrency_limit=ConcurrencyLimitConfig(**limit) if limit else None,
                tags=spec.get("tags"),
            )
        )
    return built


def _free_port(preferred: int) -> int:
    """`preferred` when nothing listens there, else (or for 0) a free loopback port."""
    if preferred:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", preferred)) != 0:
                return preferred
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(api_url: str, timeout: float = SERVER_START_TIMEOUT_S) -> None:
    """Poll the API's health endpoint until it answers or the timeout passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{api_url}/health", timeout=2).status_code == 200:
                return
        time.sleep(0.5)
    raise TimeoutError(f"Prefect server at {api_url} not healthy after {timeout:.0f}s")


@contextlib.contextmanager
def local_server(port: int = DEFAULT_PORT, home: Path | None = None) -> Iterator[str]:
    """Run `prefect server start` on loopback (SQLite, analytics off); yield its API URL."""
    port = _free_port(port)
    env = {
        **os.environ,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_ENABLED": "true",
        "PREFECT_SERVER_API_HOST": "127.0.0.1",
        "PREFECT_SERVER_API_PORT": str(port),
    }
    env.pop("PREFECT_API_URL", None)
    if home is not None:
        env["PREFECT_HOME"] = str(home)
    log_path = Path(env.get("PREFECT_HOME", Path.home() / ".prefect")) / "newscorpus-server.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "prefect",
                "server",
                "start",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        api_url = f"http://127.0.0.1:{port}/api"
        try:
            wait_healthy(api_url)
            yield api_url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def serve(timezone: str | None = None, port: int = DEFAULT_PORT) -> None:
    """Serve the deployments until Ctrl-C; start a local server when PREFECT_API_URL is unset."""
    from prefect import serve as prefect_serve

    timezone = timezone or os.environ.get("NEWSCORPUS_TIMEZONE")
    os.environ.setdefault("NEWSCORPUS_HOME", str(PROJECT))
    if os.environ.get("PREFECT_API_URL"):
        print(f"serving deployments on {os.environ['PREFECT_API_URL']}")
        prefect_serve(*build_deployments(timezone), print_starting_message=False)
        return
    with local_server(port) as api_url:
        os.environ["PREFECT_API_URL"] = api_url
        ui = api_url.removesuffix("/api")
        print(f"Prefect UI: {ui}  (deployments: {ui}/deployments; Ctrl-C stops everything)")
        with contextlib.suppress(KeyboardInterrupt):
            prefect_serve(*build_deployments(timezone), print_starting_message=False)
        print("stopped")
