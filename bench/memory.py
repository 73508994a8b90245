"""Memory: peak RSS of a `newscorpus run` over a large generated site, and whether it stays flat.

The run is a fresh `newscorpus run --config` process (as a user starts it, with its own
ephemeral Prefect API); its whole process tree (NLP workers, the API server) is sampled. The
peak over the first and the last quarter of the run are compared: a pipeline that streams
holds the same memory at article 9,000 as at article 1,000.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

import pyarrow.dataset as pads

from bench.common import memory_figures, run_cli, write_result
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
            run = run_cli(config, tmp, SAMPLE_SECONDS)
            if run["returncode"] != 0:
                raise RuntimeError(f"run failed ({run['returncode']}): {run['stderr_tail']}")
            written = pads.dataset(tmp / "data" / "articles", partitioning="hive").count_rows()
    seconds = run["seconds"]
    results = {
        "pages": args.pages,
        "written": written,
        "nlp_workers": args.workers,
        "seconds": round(seconds, 1),
        "docs_per_s": round(written / seconds, 2),
        **memory_figures(run["samples"], seconds),
    }
    print(f"memory: {results}")
    write_result("memory", results)
    return results


if __name__ == "__main__":
    main()
