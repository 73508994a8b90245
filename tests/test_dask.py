"""Scale-out: the same ingest flow on an existing multi-process Dask cluster on loopback."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import yaml

SITE = Path(__file__).resolve().parents[1] / "flows" / "demo_site"
MANIFEST = json.loads((SITE / "manifest.json").read_text(encoding="utf-8"))
pytestmark = pytest.mark.slow


def test_ingest_on_a_local_dask_cluster(demo_site, tmp_path: Path) -> None:
    from distributed import LocalCluster
    from prefect.testing.utilities import prefect_test_harness

    from flows.cli import demo_config
    from flows.ingest import ingest

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        prefect_test_harness(server_startup_timeout=120),
    ):
        cfg = demo_config(demo_site.base_url, str(tmp_path / "data"))
        cfg["sources"] = cfg["sources"][:1]
        cfg["nlp"] = {"aliases": "nk_talks.yaml", "workers": 2, "batch_size": 6}
        cfg["runner"] = {"kind": "dask", "address": cluster.scheduler_address}
        config = tmp_path / "dask.yaml"
        config.write_text(yaml.safe_dump(cfg))
        summary = ingest(str(config))
    assert summary["totals"]["written"] == len(MANIFEST["articles"])
    assert summary["totals"]["balanced"]
    articles = pd.read_parquet(tmp_path / "data" / "articles")
    assert articles.article_id.is_unique and len(articles) == len(MANIFEST["articles"])
    assert len(pd.read_parquet(tmp_path / "data" / "quotes")) > 50
