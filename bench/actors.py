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

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from bench.common import corpus_growth, timed_peak

ACTORS = 20_000
MENTIONS_PER_ARTICLE = 30
QUOTES, DATES = 5, 8  # rows an article in a full corpus (bench/report.py)
SOURCES = 12  # outlets of a full corpus
DAYS = 1_500  # articles spread over ~4 years: ~50 monthly partitions
SIZES = (25_000, 100_000, 300_000)


def monthly_articles(articles: int) -> Iterator[tuple[str, list[int], list[datetime]]]:
    """(hive partition, article numbers, publication times) of each month of a generated corpus
    of `articles`, one article a day in turn over DAYS days."""
    start = datetime(2005, 1, 1, tzinfo=UTC)
    by_month: dict[tuple[int, int], list[int]] = {}
    for n in range(articles):
        day = start + timedelta(days=n % DAYS)
        by_month.setdefault((day.year, day.month), []).append(n)
    for (year, month), ids in by_month.items():
        yield f"year={year}/month={month}", ids, [start + timedelta(days=n % DAYS) for n in ids]


def actor_weights() -> np.ndarray:
    """Zipf-like weights of the ACTORS actors: a few are mentioned often, most rarely."""
    weights = 1.0 / np.arange(1, ACTORS + 1)
    return weights / weights.sum()


def write_part(root: Path, table: str, part: str, columns: dict[str, Any]) -> None:
    """One Parquet file of generated columns in a table's hive partition."""
    (root / table / part).mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table(columns), root / table / part / "part-0.parquet")


def write_corpus(root: Path, articles: int, seed: int = 7, full: bool = False) -> dict[str, int]:
    """Write `articles` generated articles and their entity rows under root; returns the rows of
    each table. With `full`, also the article columns the research report reads (URL, title,
    source, day, duplicate cluster) and QUOTES quotes by the same actors and DATES dates an
    article (bench/report.py)."""
    rng = np.random.default_rng(seed)
    weights = actor_weights()
    rows = dict.fromkeys(["articles", "entities", "quotes", "dates"] if full else ["entities"], 0)
    for part, ids, published in monthly_articles(articles):
        article_ids = [f"g{n:08d}" for n in ids]
        columns: dict[str, Any] = {
            "article_id": article_ids,
            "published": pa.array(published, pa.timestamp("us", tz="UTC")),
        }
        if full:
            columns |= {
                "url": [f"https://news{n % SOURCES}.example/{n}" for n in ids],
                "title": [f"Story {n} about the talks" for n in ids],
                "source": [f"news{n % SOURCES}.example" for n in ids],
                "published_date": pa.array([p.date() for p in published], pa.date32()),
                "cluster_id": [f"c{n // 2}" for n in ids],  # pairs of near-duplicates
                "is_canonical": [n % 2 == 0 for n in ids],
            }
        write_part(root, "articles", part, columns)
        actor = rng.choice(ACTORS, size=len(ids) * MENTIONS_PER_ARTICLE, p=weights)
        # a third of the mentions by full name, the rest by surname: aliases per actor
        full_name = np.arange(actor.size) % 3 == 0
        names = [f"Person {a}" for a in actor.tolist()]
        write_part(
            root,
            "entities",
            part,
            {
                "article_id": np.repeat(article_ids, MENTIONS_PER_ARTICLE).tolist(),
                "text": [n if f else n.split()[-1] for n, f in zip(names, full_name, strict=True)],
                "label": ["PERSON"] * actor.size,
                "canonical": names,
                "actor_id": [f"p{a}" for a in actor.tolist()],
            },
        )
        rows["entities"] += actor.size
        if full:
            _write_children(root, part, article_ids, rng, weights, rows)
    return rows


def _write_children(
    root: Path,
    part: str,
    article_ids: list[str],
    rng: np.random.Generator,
    weights: np.ndarray,
    rows: dict[str, int],
) -> None:
    """A month's quotes and dates (write_corpus with `full`); adds their rows to `rows`."""
    speaker = rng.choice(ACTORS, size=len(article_ids) * QUOTES, p=weights).tolist()
    quote_ids = [f"q-{a}-{i}" for a in article_ids for i in range(QUOTES)]
    write_part(
        root,
        "quotes",
        part,
        {
            "quote_id": quote_ids,
            "article_id": np.repeat(article_ids, QUOTES).tolist(),
            "text": ["We will return to the talks when the time is right."] * len(quote_ids),
            "start_char": pa.array(np.tile(np.arange(QUOTES) * 200, len(article_ids)), pa.int32()),
            "kind": ["direct", "partial", "indirect", "direct", "indirect"] * len(article_ids),
            "speaker": [f"Person {a}" for a in speaker],
            "speaker_id": [f"p{a}" for a in speaker],
            "speaker_type": ["named"] * len(quote_ids),
            "utterance_id": quote_ids,
        },
    )
    start = datetime(2005, 1, 1, tzinfo=UTC)
    mentioned = rng.integers(0, DAYS, size=len(article_ids) * DATES).tolist()
    write_part(
        root,
        "dates",
        part,
        {
            "article_id": np.repeat(article_ids, DATES).tolist(),
            "text": ["Thursday"] * len(mentioned),
            "type": ["DATE"] * len(mentioned),
            "value": [(start + timedelta(days=d)).date().isoformat() for d in mentioned],
            "granularity": ["day"] * len(mentioned),
            "relative": [True] * len(mentioned),
        },
    )
    rows["articles"] += len(article_ids)
    rows["quotes"] += len(quote_ids)
    rows["dates"] += len(mentioned)


def _rebuild(root: str) -> tuple[dict[str, Any], float, int]:
    """In a fresh process: rebuild the actors table; (its rows, seconds, peak RSS delta bytes)."""
    from tasks.storage import Dataset

    dataset = Dataset(root)
    actors, seconds, peak = timed_peak(dataset.rebuild_actors)
    dataset.close()
    return {"actors": actors}, seconds, peak


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Measure each size, print a line each, write bench/results/actors.json."""
    what = "peak RSS of Dataset.rebuild_actors above the process's size before the call"
    return corpus_growth(argv, "actors", what, write_corpus, _rebuild, SIZES)


if __name__ == "__main__":
    main()
