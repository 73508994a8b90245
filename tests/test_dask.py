"""Scale-out: the same ingest flow on an existing multi-process Dask cluster on loopback."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml
from distributed.diagnostics.plugin import WorkerPlugin

SITE = Path(__file__).resolve().parents[1] / "flows" / "demo_site"
MANIFEST = json.loads((SITE / "manifest.json").read_text(encoding="utf-8"))
pytestmark = pytest.mark.slow


def _ingest_on(
    address: str, base_url: str, tmp_path: Path, stall_timeout: float = 600, **runner: Any
) -> dict[str, Any]:
    """The demo site's first source ingested on the Dask scheduler at `address` (2 NLP
    workers, batches of 6; `runner` adds keys to the config's runner section); the run's
    summary."""
    from prefect.testing.utilities import prefect_test_harness

    from flows.cli import demo_config
    from flows.ingest import ingest

    with prefect_test_harness(server_startup_timeout=120):
        cfg = demo_config(base_url, str(tmp_path / "data"))
        cfg["sources"] = cfg["sources"][:1]
        cfg["nlp"] = {
            "aliases": "nk_talks.yaml",
            "workers": 2,
            "batch_size": 6,
            "stall_timeout": stall_timeout,
        }
        cfg["runner"] = {"kind": "dask", "address": address, **runner}
        config = tmp_path / "dask.yaml"
        config.write_text(yaml.safe_dump(cfg))
        return ingest(str(config))


def _ingest_on_cluster(
    base_url: str, tmp_path: Path, plugin: WorkerPlugin | None = None, stall_timeout: float = 600
) -> dict[str, Any]:
    """The demo site's first source ingested on a fresh 2-worker LocalCluster (`plugin` on its
    workers); the run's summary."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            # its HTTP server on a free port: None still takes 8787, and two clusters at once
            # (xdist) or any other program there fail the test on Dask's "port in use" warning
            dashboard_address=":0",
        ) as cluster,
        Client(cluster) as client,
    ):
        if plugin is not None:
            client.register_plugin(plugin)
        return _ingest_on(cluster.scheduler_address, base_url, tmp_path, stall_timeout)


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


def test_a_cluster_that_loses_every_worker_stops_the_run_instead_of_waiting_for_ever(
    demo_site, tmp_path: Path
) -> None:
    # workers started without a nanny (or whose nanny failed to start a new one) stay dead:
    # the run waited on the slice's retry for ever, and a nightly run never ended; now it stops
    # once the cluster has had no worker for runner.no_workers_timeout, naming the key
    import os
    import subprocess
    import sys

    from distributed import Client

    from flows.ingest import DaskClusterLost

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = str(sock.getsockname()[1])
    address = f"tcp://127.0.0.1:{port}"
    repo = Path(__file__).resolve().parents[1]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(repo), os.environ.get("PYTHONPATH", "")]),
        # the bad article kills both workers once each: Dask gives up on the slice then
        "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "1",
    }
    scheduler = [
        sys.executable,
        "-m",
        "distributed.cli.dask_scheduler",
        "--dashboard-address",
        ":0",
    ]
    worker = [sys.executable, "-m", "distributed.cli.dask_worker", "--no-dashboard"]
    commands = [
        [*scheduler, "--host", "127.0.0.1", "--port", port],
        *[[*worker, address, "--no-nanny", "--nthreads", "1"]] * 2,
    ]
    log = (tmp_path / "cluster.log").open("wb")
    processes = [
        subprocess.Popen(c, cwd=repo, env=env, stdout=log, stderr=log, stdin=subprocess.DEVNULL)
        for c in commands
    ]
    try:
        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
            client.register_plugin(_BadOnWorkers(MANIFEST["articles"][1]["path"], "die"))
            with pytest.raises(DaskClusterLost, match=r"no worker .*runner\.no_workers_timeout"):
                _ingest_on(address, demo_site.base_url, tmp_path, no_workers_timeout=1)
            assert not client.nthreads()  # both workers are gone, as the run said
    finally:
        for process in processes:
            process.kill()
            process.wait()
        log.close()
    # the batches committed before stay whole; the one in flight is fetched again next run
    articles = pd.read_parquet(tmp_path / "data" / "articles")
    assert articles.article_id.is_unique and len(articles) < len(MANIFEST["articles"]) - 1
    assert not articles.url.str.endswith(MANIFEST["articles"][1]["path"]).any()


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
