"""Memory of the `actors` rebuild as the corpus grows (issue #10, target 4: flat memory).

Every run that writes an article ends with `Dataset.rebuild_actors`, which derives the actors table
from the whole corpus's entity rows. This measures its peak RSS above the process's resident size
just before the call, in a fresh process per corpus size, so that growth with the corpus shows.

Corpora are generated deterministically and written straight as hive-partitioned Parquet: the
columns the rebuild reads (entities: article_id, text, label, canonical, actor_id; articles:
article_id, published), 30 mentions an article drawn from 20,000 actors with Zipf-like weights,
one partition a month. Writing them through `Dataset.commit` would take ~4.5 min per 100k
articles and measure the same thing.

Run: `.venv/bin/python -m bench.actors [--sizes 25000 100000 300000]`.
"""

from __future__ import annotations

import argparse
import multiprocessing
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from bench.common import RssSampler, write_result

ACTORS = 20_000
MENTIONS_PER_ARTICLE = 30
DAYS = 1_500  # articles spread over ~4 years: ~50 monthly partitions
SIZES = (25_000, 100_000, 300_000)


def write_corpus(root: Path, articles: int, seed: int = 7) -> int:
    """Write `articles` generated articles and their entity rows under root; returns the rows."""
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, ACTORS + 1)
    weights /= weights.sum()
    start = datetime(2005, 1, 1, tzinfo=UTC)
    by_month: dict[tuple[int, int], list[int]] = {}
    for n in range(articles):
        day = start + timedelta(days=n % DAYS)
        by_month.setdefault((day.year, day.month), []).append(n)
    rows = 0
    for (year, month), ids in by_month.items():
        part = f"year={year}/month={month}"
        published = [start + timedelta(days=n % DAYS) for n in ids]
        article_ids = [f"g{n:08d}" for n in ids]
        (root / "articles" / part).mkdir(parents=True)
        pq.write_table(
            pa.table(
                {
                    "article_id": article_ids,
                    "published": pa.array(published, pa.timestamp("us", tz="UTC")),
                }
            ),
            root / "articles" / part / "part-0.parquet",
        )
        actor = rng.choice(ACTORS, size=len(ids) * MENTIONS_PER_ARTICLE, p=weights)
        # a third of the mentions by full name, the rest by surname: aliases per actor
        full = np.arange(actor.size) % 3 == 0
        names = [f"Person {a}" for a in actor.tolist()]
        (root / "entities" / part).mkdir(parents=True)
        pq.write_table(
            pa.table(
                {
                    "article_id": np.repeat(article_ids, MENTIONS_PER_ARTICLE).tolist(),
                    "text": [n if f else n.split()[-1] for n, f in zip(names, full, strict=True)],
                    "label": ["PERSON"] * actor.size,
                    "canonical": names,
                    "actor_id": [f"p{a}" for a in actor.tolist()],
                }
            ),
            root / "entities" / part / "part-0.parquet",
        )
        rows += actor.size
    return rows


def _rebuild(root: str) -> tuple[int, float, int]:
    """In a fresh process: rebuild the actors table; (actors, seconds, peak RSS delta bytes)."""
    import psutil

    from tasks.storage import Dataset

    dataset = Dataset(root)
    base = psutil.Process().memory_info().rss
    with RssSampler(interval=0.01, refresh=3600) as rss:  # no children: one listing will do
        started = time.perf_counter()
        actors = dataset.rebuild_actors()
        seconds = time.perf_counter() - started
    dataset.close()
    return actors, seconds, rss.peak - base


def measure(articles: int) -> dict[str, Any]:
    """Generate a corpus of `articles` and measure one rebuild of its actors table."""
    with tempfile.TemporaryDirectory(prefix="bench-actors-") as tmp:
        root = Path(tmp) / "corpus"
        rows = write_corpus(root, articles)
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            actors, seconds, peak = pool.submit(_rebuild, str(root)).result()
    return {
        "articles": articles,
        "entity_rows": rows,
        "actors": actors,
        "seconds": round(seconds, 2),
        "peak_rss_above_start_mb": round(peak / 1e6),
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Measure each size, print a line each, write bench/results/actors.json."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    args = parser.parse_args(argv)
    runs = []
    for size in args.sizes:
        run = measure(size)
        runs.append(run)
        print(
            f"{size:>8} articles ({run['entity_rows']:,} entity rows): {run['actors']} actors in "
            f"{run['seconds']:.2f} s, peak RSS +{run['peak_rss_above_start_mb']} MB",
            flush=True,
        )
    growth = runs[-1]["peak_rss_above_start_mb"] / max(1, runs[0]["peak_rss_above_start_mb"])
    print(f"peak growth, largest / smallest corpus: x{growth:.2f}")
    result = {
        "what": "peak RSS of Dataset.rebuild_actors above the process's size before the call",
        "runs": runs,
        "peak_growth_largest_over_smallest": round(growth, 2),
    }
    write_result("actors", result)
    return result


if __name__ == "__main__":
    main()
