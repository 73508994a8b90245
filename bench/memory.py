"""Memory: peak RSS of a `newscorpus run` over a large generated site, and whether it stays flat.

The run is a fresh `newscorpus run --config` process (as a user starts it, with its own
ephemeral Prefect API); its whole process tree (NLP workers, the API server) is sampled. The
peak over the first and the last quarter of the run are compared: a pipeline that streams
holds the same memory at article 9,000 as at article 1,000.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil
import pyarrow.dataset as pads

from bench.common import tree_rss, write_result
from bench.corpus import write_site
from bench.throughput import run_config
from flows.demo_server import SiteServer

SAMPLE_SECONDS = 0.5


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Run the ingest over --pages generated articles; write bench/results/memory.json."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        write_site(tmp / "site", args.pages)
        with SiteServer(tmp / "site") as server:
            config = run_config(tmp, server.base_url, tmp / "data", args.workers)
            env = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false")
            env.pop("PREFECT_API_URL", None)
            start = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-m", "flows.cli", "run", "--config", str(config)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            samples: list[tuple[float, int]] = []
            proc = psutil.Process(child.pid)
            while child.poll() is None:
                samples.append((time.perf_counter() - start, tree_rss(proc)))
                time.sleep(SAMPLE_SECONDS)
            seconds = time.perf_counter() - start
            _, stderr = child.communicate()
            if child.returncode != 0:
                raise RuntimeError(f"run failed ({child.returncode}): {stderr.decode()[-2000:]}")
            written = pads.dataset(tmp / "data" / "articles", partitioning="hive").count_rows()
    quarter = seconds / 4
    first = max((r for t, r in samples if t <= quarter), default=0)
    last = max((r for t, r in samples if t >= 3 * quarter), default=0)
    peak = max(r for _, r in samples)
    results = {
        "pages": args.pages,
        "written": written,
        "nlp_workers": args.workers,
        "seconds": round(seconds, 1),
        "docs_per_s": round(written / seconds, 2),
        "peak_rss_mb": round(peak / 2**20),
        "peak_rss_first_quarter_mb": round(first / 2**20),
        "peak_rss_last_quarter_mb": round(last / 2**20),
        "growth_last_vs_first_quarter": round(last / first, 3) if first else None,
    }
    print(f"memory: {results}")
    write_result("memory", results)
    return results


if __name__ == "__main__":
    main()
