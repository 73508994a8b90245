"""Scale-out: the same ingest flow on an existing multi-process Dask cluster on loopback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml
from distributed.diagnostics.plugin import WorkerPlugin

SITE = Path(__file__).resolve().parents[1] / "flows" / "demo_site"
MANIFEST = json.loads((SITE / "manifest.json").read_text(encoding="utf-8"))
pytestmark = pytest.mark.slow


def _ingest_on_cluster(
    base_url: str, tmp_path: Path, plugin: WorkerPlugin | None = None, stall_timeout: float = 600
) -> dict[str, Any]:
    """The demo site's first source ingested on a fresh 2-worker LocalCluster (`plugin` on its
    workers); the run's summary."""
    from distributed import Client, LocalCluster
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
        Client(cluster) as client,
        prefect_test_harness(server_startup_timeout=120),
    ):
        if plugin is not None:
            client.register_plugin(plugin)
        cfg = demo_config(base_url, str(tmp_path / "data"))
        cfg["sources"] = cfg["sources"][:1]
        cfg["nlp"] = {
            "aliases": "nk_talks.yaml",
            "workers": 2,
            "batch_size": 6,
            "stall_timeout": stall_timeout,
        }
        cfg["runner"] = {"kind": "dask", "address": cluster.scheduler_address}
        config = tmp_path / "dask.yaml"
        config.write_text(yaml.safe_dump(cfg))
        return ingest(str(config))


def test_ingest_on_a_local_dask_cluster(demo_site, tmp_path: Path) -> None:
    summary = _ingest_on_cluster(demo_site.base_url, tmp_path)
    assert summary["totals"]["written"] == len(MANIFEST["articles"])
    assert summary["totals"]["balanced"]
    articles = pd.read_parquet(tmp_path / "data" / "articles")
    assert articles.article_id.is_unique and len(articles) == len(MANIFEST["articles"])
    assert len(pd.read_parquet(tmp_path / "data" / "quotes")) > 50


class _BadOnWorkers(WorkerPlugin):
    """A Dask worker plugin (run on every worker, a restarted one too) under which the worker
    process dies on the article at `path` ("die"), every time, as on an article that crashes
    native code or runs it out of memory, or hangs on it ("hang"), as on a runaway pattern."""

    def __init__(self, path: str, how: str) -> None:
        self.path, self.how = path, how

    def setup(self, worker: Any) -> None:
        import os
        import time

        import tasks.enrich

        rows, path, how = tasks.enrich._rows, self.path, self.how

        def rows_or_fail(article: Any, doc: Any, aliases: Any) -> Any:
            if article.url.endswith(path):
                if how == "die":
                    os._exit(1)
                time.sleep(3600)
            return rows(article, doc, aliases)

        tasks.enrich._rows = rows_or_fail


@pytest.mark.parametrize(("how", "stall_timeout"), [("die", 600), ("hang", 10)])
def test_an_article_that_kills_or_stalls_its_dask_workers_is_rejected_and_the_run_goes_on(
    demo_site, tmp_path: Path, how: str, stall_timeout: float
) -> None:
    # Dask gave KilledWorker once the article had killed allowed-failures + 1 workers, and the
    # run failed there, every night; now the slice is retried one article at a time. A worker
    # that hung was seen by no watchdog, and the run waited on it for ever: each worker's own
    # watchdog now kills it (10 s here: a minibatch of six demo articles parses in ~1 s), and
    # the article goes the same way
    import dask

    bad = MANIFEST["articles"][1]["path"]
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        summary = _ingest_on_cluster(
            demo_site.base_url, tmp_path, _BadOnWorkers(bad, how), stall_timeout
        )
    assert summary["totals"]["written"] == len(MANIFEST["articles"]) - 1
    assert summary["totals"]["balanced"]
    rejects = pd.read_parquet(tmp_path / "data" / "rejects")
    assert [(r.url.endswith(bad), r.stage, r.reason) for r in rejects.itertuples()] == [
        (True, "enrich", "worker_died")
    ]
    articles = pd.read_parquet(tmp_path / "data" / "articles")
    assert len(articles) == len(MANIFEST["articles"]) - 1 and articles.article_id.is_unique


def test_a_scheduler_that_does_not_answer_stops_the_run_before_any_fetch(
    demo_site, tmp_path: Path
) -> None:
    # the run failed after Dask's 30 s connect timeout with an OSError naming neither the key
    # nor the fix; now a config error does, and nothing is fetched or written
    import logging
    import socket

    from config.schema import ConfigError, load_config
    from flows.cli import demo_config
    from flows.ingest import execute

    with socket.socket() as sock:  # a loopback port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    cfg = demo_config(demo_site.base_url, str(tmp_path / "data"))
    cfg["runner"] = {"kind": "dask", "address": f"tcp://127.0.0.1:{port}"}
    config = tmp_path / "dask.yaml"
    config.write_text(yaml.safe_dump(cfg))
    with pytest.raises(ConfigError, match=r"runner\.address .*runner\.kind: default"):
        execute(load_config(str(config)), "run", logging.getLogger("test"), dry_run=False)
    assert not (tmp_path / "data").exists()
