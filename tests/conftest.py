"""Shared fixtures: loopback sites, quiet Prefect settings, paths to shared data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")  # slow machines

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_77139b2ab0a061e6.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article as shipped (skips when ../shared is absent)."""
    if not SEED.is_file():
        pytest.skip("../shared/seed is not available")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def demo_site():
    """The bundled demo site served on a loopback port for the whole session."""
    from flows.demo_server import SiteServer

    with SiteServer() as site:
        yield site


@pytest.fixture
def site_dir(tmp_path: Path):
    """A temporary directory served on loopback: tests write pages into it."""
    from flows.demo_server import SiteServer

    root = tmp_path / "site"
    root.mkdir()
    with SiteServer(root) as site:
        yield root, site.base_url


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def moto_s3():
    """moto's standalone S3 server on loopback; yields its endpoint URL."""
    import subprocess
    import sys
    import time

    import httpx

    port = _free_port()
    # the venv's moto (a pyenv shim on PATH may be another version)
    proc = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(endpoint, timeout=1)
            break
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                proc.kill()
                pytest.fail("moto_server did not start")
            time.sleep(0.2)
    yield endpoint
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def s3_bucket(moto_s3: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """A fresh bucket on the moto server, with AWS env vars pointing at it; yields its name."""
    import uuid

    import boto3

    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": moto_s3,
        "NEWSCORPUS_STATE_DIR": str(tmp_path / "state"),
    }.items():
        monkeypatch.setenv(key, value)
    name = f"nc-{uuid.uuid4().hex[:12]}"
    boto3.client("s3").create_bucket(Bucket=name)
    return name
