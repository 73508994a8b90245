"""Shared fixtures: loopback sites, quiet Prefect settings, paths to shared data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

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
