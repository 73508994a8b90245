"""Storage: upsert idempotency, partitions, crash recovery, readers' view."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tasks.records import Article, Enriched, Reject
from tasks.storage import (
    ARTICLE_TABLES,
    EMPTY_FILE,
    SCHEMA_VERSION,
    SCHEMAS,
    Dataset,
    StorageError,
)


def article(n: int, published: datetime | None, text: str = "body") -> Enriched:
    a = Article(
        article_id=f"a{n:03d}",
        url=f"https://news.example/{n}",
        canonical_url=f"https://news.example/{n}",
        source="news.example",
        source_name="wire",
        title=f"Title {n}",
        authors=["Jane Roe"],
        published=published,
        published_source="meta:article:published_time" if published else None,
        modified=None,
        language="en",
        site_name="Example News",
        description=None,
        tags=[],
        text=f"{text} {n}",
        content_hash=f"h{n}-{text}",
        fetched_at=datetime(2026, 1, 1, tzinfo=UTC),
        published_date=published.date() if published else None,
    )
    ent = {
        "text": "Kim",
        "label": "PERSON",
        "start_char": 0,
        "end_char": 3,
        "sentence": 0,
        "canonical": "Kim",
        "actor_id": "p1",
    }
    return Enriched(a, entities=[ent, ent])


DEC = datetime(2009, 12, 11, 3, 0, tzinfo=UTC)
JAN = datetime(2010, 1, 4, 3, 0, tzinfo=UTC)


def read(root: Path, table: str) -> pd.DataFrame:
    return pd.read_parquet(root / table)


def test_commit_writes_partitions_and_undated(tmp_path: Path) -> None:
    ds = Dataset(str(tmp_path))
    counts = ds.commit([article(1, DEC), article(2, JAN), article(3, None)], [], "run-1")
    assert counts["articles"] == 3 and counts["entities"] == 6
    df = read(tmp_path, "articles")
    assert sorted(df.article_id) == ["a001", "a002", "a003"]
    assert {(r.year, r.month) for r in df.itertuples()} == {(2009, 12), (2010, 1), (0, 0)}
    assert (tmp_path / "articles" / "year=0" / "month=0").is_dir()


def test_year_and_month_are_integers_to_every_reader_with_undated_articles(
    tmp_path: Path,
) -> None:
    # the partition of undated articles was `year=undated`: `year` became a string, and
    # `WHERE year = 2009` failed in DuckDB ("Could not convert string 'undated'") and Polars
    import duckdb
    import polars as pl

    Dataset(str(tmp_path)).commit([article(1, DEC), article(2, None)], [], "run-1")
    glob = f"{tmp_path}/articles/**/*.parquet"
    sql = f"SELECT article_id FROM read_parquet('{glob}', hive_partitioning=true) WHERE year = 2009"
    assert duckdb.sql(sql).fetchall() == [("a001",)]
    by_polars = pl.read_parquet(glob, hive_partitioning=True)
    assert by_polars.filter(pl.col("year") == 2009)["article_id"].to_list() == ["a001"]
    by_pandas = read(tmp_path, "articles")
    assert by_pandas[by_pandas.year == 2009].article_id.tolist() == ["a001"]
    assert by_pandas.set_index("article_id").loc["a002", "year"] == 0


def test_a_dataset_with_the_old_undated_partition_is_moved_and_keeps_upserting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tasks.storage

    with monkeypatch.context() as old_code:
        old_code.setattr(tasks.storage, "UNDATED", "undated")
        ds = Dataset(str(tmp_path))
        ds.commit([article(1, DEC), article(2, None), article(3, None)], [], "run-1")
        ds.close()
    assert (tmp_path / "entities" / "year=undated" / "month=undated").is_dir()
    ds = Dataset(str(tmp_path))
    ds.prepare()
    for table in ("articles", "entities"):
        assert not (tmp_path / table / "year=undated").exists()
        assert len(list((tmp_path / table / "year=0" / "month=0").glob("*.parquet"))) == 1
    df = read(tmp_path, "articles")
    assert sorted(zip(df.article_id, df.year, strict=True)) == [
        ("a001", 2009),
        ("a002", 0),
        ("a003", 0),
    ]
    # the index followed the files: a changed undated article replaces its rows, no twin
    ds.commit([article(2, None, text="changed")], [], "run-2")
    df = read(tmp_path, "articles")
    assert sorted(df.article_id) == ["a001", "a002", "a003"]
    assert df.set_index("article_id").loc["a002", "text"] == "changed 2"
    assert len(read(tmp_path, "entities")) == 6
    with ds.lock():
        assert ds.move_legacy_undated() == 0  # once moved, nothing more to do
    ds.close()


def test_same_input_twice_changes_nothing(tmp_path: Path) -> None:
    ds = Dataset(str(tmp_path))
    batch = [article(n, DEC) for n in range(5)]
    ds.commit(batch, [], "run-1")
    ds.commit(batch, [], "run-1")
    df = read(tmp_path, "articles")
    assert len(df) == 5 and df.article_id.is_unique
    assert len(read(tmp_path, "entities")) == 10


def test_changed_article_replaces_rows_everywhere(tmp_path: Path) -> None:
    ds = Dataset(str(tmp_path))
    ds.commit([article(1, DEC), article(2, DEC)], [], "run-1")
    changed = article(1, JAN, text="updated")  # new text and a new publication month
    changed.entities = changed.entities[:1]
    ds.commit([changed], [], "run-2")
    df = read(tmp_path, "articles")
    assert len(df) == 2 and df.article_id.is_unique
    row = df[df.article_id == "a001"].iloc[0]
    assert row.text == "updated 1" and str(row.month) == "1"
    ents = read(tmp_path, "entities")
    assert (ents.article_id == "a001").sum() == 1 and (ents.article_id == "a002").sum() == 2


def test_seen_index_knows_committed_urls(tmp_path: Path) -> None:
    ds = Dataset(str(tmp_path))
    assert ds.seen("https://news.example/1") is None
    ds.commit([article(1, DEC)], [], "run-1")
    entry = ds.seen("https://news.example/1")
    assert entry is not None and entry.article_id == "a001"


def test_settled_index_keeps_rejects_for_good_until_the_url_is_written(tmp_path: Path) -> None:
    ds = Dataset(str(tmp_path))
    rejects = [
        Reject("https://news.example/1?utm_source=feed", "wire", "clean", "off_topic"),
        Reject("https://news.example/2", "wire", "clean", "language"),
        Reject("https://news.example/3", "wire", "fetch", "http_404"),  # may be back tomorrow
        Reject("https://news.example/4", "wire", "clean", "too_short"),  # a teaser, may grow
        # alone on a fresh worker, twice or for nlp.stall_timeout: it would cost that each night
        Reject("https://news.example/5", "wire", "enrich", "stalled"),
        Reject("https://news.example/6", "wire", "enrich", "worker_died"),
        Reject("https://news.example/7", "wire", "enrich", "enrich_error"),  # a bug, fixed soon
    ]
    ds.commit([], rejects, "run-1")  # no settings fingerprint: nothing remembered
    assert ds.settled("https://news.example/1") is None
    ds.commit([], rejects, "run-2", settle_key="k1")
    entry = ds.settled("https://news.example/1")  # by canonical URL
    assert entry is not None and (entry.reason, entry.key) == ("off_topic", "k1")
    assert ds.settled("https://news.example/2") is not None
    assert ds.settled("https://news.example/3") is None
    assert ds.settled("https://news.example/4") is None
    assert [ds.settled(f"https://news.example/{n}") is not None for n in (5, 6, 7)] == [
        True,
        True,
        False,
    ]
    ds.commit([article(1, DEC)], [], "run-3")  # on topic now (new settings): written
    assert ds.settled("https://news.example/1") is None
    assert ds.seen("https://news.example/1") is not None


def test_rejects_of_each_commit_go_to_files_of_their_own_that_compact_merges(
    tmp_path: Path,
) -> None:
    # appending to the month's newest file rewrote it at every commit, up to the target size
    ds = Dataset(str(tmp_path))
    ds.commit([], [Reject("https://x/0", "wire", "fetch", "http_404")], "run-0")
    (first,) = (tmp_path / "rejects").rglob("*.parquet")
    written = first.stat().st_mtime_ns
    for run in (1, 2):
        ds.commit([], [Reject(f"https://x/{run}", "wire", "fetch", "http_404")], f"run-{run}")
    assert first.stat().st_mtime_ns == written
    assert len(list((tmp_path / "rejects").rglob("*.parquet"))) == 3
    with ds.lock():
        assert ds.compact() == 2
    assert len(list((tmp_path / "rejects").rglob("*.parquet"))) == 1
    assert sorted(read(tmp_path, "rejects").url) == ["https://x/0", "https://x/1", "https://x/2"]
    with ds.lock():
        assert ds.compact() == 0


def test_interrupted_commit_is_rolled_forward(tmp_path: Path) -> None:
    ds = Dataset(str(tmp_path))
    ds.commit([article(1, DEC)], [], "run-1")
    # simulate a writer killed after logging its commit but before moving files into place
    staged = tmp_path / "_staging" / "c1" / "articles" / "year=2010" / "month=1" / "part-x.parquet"
    staged.parent.mkdir(parents=True)
    src = next((tmp_path / "articles").rglob("*.parquet"))
    staged.write_bytes(src.read_bytes())
    (tmp_path / "_log").mkdir(exist_ok=True)
    final = tmp_path / "articles" / "year=2010" / "month=1" / "part-x.parquet"
    record = {
        "commit": "c1",
        "at": "2026-01-01T00:00:00+00:00",
        "steps": [["delete", str(src)], ["move", str(staged), str(final)]],
        "articles": [],
        "files": [],
    }
    (tmp_path / "_log" / "c1.json").write_text(json.dumps(record))
    # and an unlogged staging file from a commit that never reached its log
    orphan = tmp_path / "_staging" / "c2" / "articles" / "year=2009" / "month=12" / "part-y.parquet"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"partial")
    with ds.lock():
        assert ds.recover() == 1
    assert final.is_file() and not src.exists()
    assert not list((tmp_path / "_staging").rglob("*.parquet"))
    assert not list((tmp_path / "_log").glob("*.json"))
    assert len(read(tmp_path, "articles")) == 1


def test_unwritable_output_fails_fast(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StorageError, match="not writable"):
        Dataset(str(blocker / "data")).check_writable()


def test_data_dictionary_is_generated_from_the_schemas() -> None:
    from tasks.storage import data_dictionary

    docs = Path(__file__).resolve().parents[1] / "docs" / "data_dictionary.md"
    assert docs.read_text(encoding="utf-8") == data_dictionary(), (
        "docs/data_dictionary.md is stale: run `.venv/bin/python -m tasks.storage > docs/data_dictionary.md`"
    )


def test_files_carry_schema_version(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    Dataset(str(tmp_path)).commit([article(1, DEC)], [], "run-1")
    meta = pq.read_schema(next((tmp_path / "articles").rglob("*.parquet"))).metadata
    assert meta[b"newscorpus.schema_version"] == SCHEMA_VERSION.encode()


def test_s3_round_trip_and_upsert(s3_bucket: str, tmp_path: Path) -> None:
    import duckdb
    import pyarrow.dataset as pads

    output = f"s3://{s3_bucket}/corpus"
    ds = Dataset(output)
    ds.check_writable()
    ds.commit(
        [article(1, DEC), article(2, None)],
        [Reject("https://x/1", "wire", "fetch", "http_404")],
        "run-1",
    )
    ds.commit([article(1, DEC, text="updated")], [], "run-2")
    ds.commit([], [Reject("https://x/2", "wire", "fetch", "http_404")], "run-2")
    assert len(pads.dataset(f"{output}/rejects").files) == 2
    with ds.lock():  # the run's end merge, on S3: the two commits' rejects files become one
        assert ds.compact() == 1
    assert len(pads.dataset(f"{output}/rejects").files) == 1
    assert sorted(pd.read_parquet(f"{output}/rejects").url) == ["https://x/1", "https://x/2"]
    assert ds.rebuild_actors() == 1
    ds.close()
    assert pd.read_parquet(f"{output}/actors").mention_count.tolist() == [4]
    assert ds.verify() == []  # DuckDB reads the files through the dataset's filesystem
    # pandas and pyarrow read straight from S3 through the AWS environment
    df = pd.read_parquet(f"{output}/articles")
    assert sorted(df.article_id) == ["a001", "a002"]
    assert df.set_index("article_id").loc["a001", "text"] == "updated 1"
    assert pads.dataset(f"{output}/entities", partitioning="hive").count_rows() == 4
    # a second machine (fresh local state) sees the committed index through S3
    other = Dataset(output)
    other.state_dir = tmp_path / "other-state"
    with other.lock():
        pass
    assert other.seen("https://news.example/1") is not None
    assert duckdb is not None


def test_s3_lock_excludes_a_second_holder(s3_bucket: str) -> None:
    from config.schema import StorageConfig

    first = Dataset(f"s3://{s3_bucket}/c", StorageConfig(lock_timeout=0.5))
    second = Dataset(f"s3://{s3_bucket}/c", StorageConfig(lock_timeout=0.5))
    second.state_dir = first.state_dir.parent / "second"  # another machine: its own flock file
    with first.lock(), pytest.raises(StorageError, match="locked by another run"), second.lock():
        pass
    with second.lock():  # released: free again
        pass


def _check_readable(root: Path) -> pd.DataFrame:
    df = read(root, "articles")
    assert df.article_id.is_unique, "duplicate article rows visible"
    ents = read(root, "entities")
    assert set(ents.article_id) <= set(df.article_id) | set(ents.article_id)
    assert (ents.groupby("article_id").size() == 2).all(), (
        "an article's entity rows are duplicated or torn"
    )
    return df


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(6))
def test_sigkill_at_random_points_loses_nothing_committed(tmp_path: Path, seed: int) -> None:
    import random
    import signal
    import subprocess
    import sys
    import threading
    import time

    root = tmp_path / "data"
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.storage_writer", str(root), str(seed)],
        cwd=Path(__file__).resolve().parents[1],
        stdout=subprocess.PIPE,
        text=True,
    )
    # the kill comes at a random point after the first commit, not a fixed time after the start:
    # on a slow machine the writer's imports alone took longer than a fixed sleep
    assert proc.stdout is not None
    guard = threading.Timer(120, proc.kill)  # a writer that never commits fails, not hangs
    guard.start()
    first = proc.stdout.readline()
    guard.cancel()
    time.sleep(random.Random(seed).random() * 2.0)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate()
    committed = {a for line in [first, *out.splitlines()] for a in line.split()}
    assert committed, "the writer never committed"
    # readers see a consistent dataset even before recovery
    _check_readable(root)
    ds = Dataset(str(root))
    with ds.lock():
        ds.recover()
    df = _check_readable(root)
    assert committed <= set(df.article_id)
    assert not list((root / "_staging").rglob("*.parquet"))
    assert ds.verify() == []  # every row where the index says, none twice, none orphaned
    # and the next run commits on top without duplicates
    ds.commit([article(1, DEC, text="after")], [], "run-after")
    assert read(root, "articles").article_id.is_unique


@pytest.mark.slow
def test_reader_polling_during_writes_never_sees_duplicates(tmp_path: Path) -> None:
    import threading

    ds = Dataset(str(tmp_path))
    ds.commit([article(n, DEC) for n in range(20)], [], "run-0")
    stop = threading.Event()
    problems: list[str] = []

    def poll() -> None:
        while not stop.is_set():
            try:
                df = read(tmp_path, "articles")
            except FileNotFoundError:
                continue  # a file replaced between listing and opening: the reader retries
            if not df.article_id.is_unique or len(df) < 20:
                problems.append(f"{len(df)} rows, unique={df.article_id.is_unique}")

    reader = threading.Thread(target=poll)
    reader.start()
    try:
        for round_no in range(15):
            month = JAN if round_no % 2 else DEC
            ds.commit(
                [article(n, month if n % 3 == 0 else DEC, text=f"r{round_no}") for n in range(20)],
                [],
                f"run-{round_no}",
            )
    finally:
        stop.set()
        reader.join()
    assert not [p for p in problems if "unique=False" in p]


@pytest.mark.slow
def test_two_concurrent_writers_serialise(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def writer(offset: int) -> None:
        ds = Dataset(str(tmp_path))
        for b in range(5):
            ds.commit([article(offset + b * 10 + k, DEC) for k in range(10)], [], f"run-{offset}")
        ds.close()

    with ThreadPoolExecutor(2) as pool:
        list(pool.map(writer, [0, 500]))
    df = read(tmp_path, "articles")
    assert len(df) == 100 and df.article_id.is_unique


def test_a_commit_writes_files_of_its_own_and_never_rewrites_earlier_ones(tmp_path: Path) -> None:
    # a commit's cost is its batch's, not the partition's: appending to the partition's newest
    # file rewrote all of it at every commit
    ds = Dataset(str(tmp_path))
    ds.commit([article(1, DEC), article(2, DEC)], [], "run-1")
    first = {p: p.stat().st_mtime_ns for p in tmp_path.glob("[aeqd]*/year=*/month=*/*.parquet")}
    assert len(first) == 2  # articles and entities of December
    ds.commit([article(3, DEC)], [], "run-1")
    for path, mtime in first.items():
        assert path.stat().st_mtime_ns == mtime, path
    assert len(list((tmp_path / "articles").rglob("*.parquet"))) == 2
    with ds.lock():
        assert ds.compact() == 1  # the run's end merges them
    assert len(list((tmp_path / "articles").rglob("*.parquet"))) == 1
    assert sorted(read(tmp_path, "articles").article_id) == ["a001", "a002", "a003"]
    assert len(read(tmp_path, "entities")) == 6


def test_compact_merges_small_files_and_keeps_every_row(tmp_path: Path) -> None:
    from config.schema import StorageConfig

    tiny = Dataset(str(tmp_path), StorageConfig(target_file_mb=0.001))
    for b in range(4):
        tiny.commit([article(b * 10 + k, DEC) for k in range(3)], [], f"run-{b}")
    tiny.close()
    files = list((tmp_path / "articles").rglob("*.parquet"))
    assert len(files) == 4
    ds = Dataset(str(tmp_path))
    with ds.lock():
        assert ds.compact() == 3
    assert len(list((tmp_path / "articles").rglob("*.parquet"))) == 1
    assert len(list((tmp_path / "entities").rglob("*.parquet"))) == 1
    df = read(tmp_path, "articles")
    assert len(df) == 12 and df.article_id.is_unique
    assert len(read(tmp_path, "entities")) == 24
    # the index follows: re-committing a merged article replaces it in place
    ds.commit([article(31, DEC, text="again")], [], "run-x")
    df = read(tmp_path, "articles")
    assert len(df) == 12 and df.set_index("article_id").loc["a031", "text"] == "again 31"


def test_compact_streams_row_groups_and_reads_older_files_as_the_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a merge holds about MERGE_ROW_GROUP_BYTES at a time, so a merged file of many small
    # ones has several row groups; a file written before a column existed merges with nulls
    import tasks.storage as storage

    ds = Dataset(str(tmp_path))
    for b in range(4):
        ds.commit([article(b * 10 + k, DEC) for k in range(3)], [], f"run-{b}")
    oldest = sorted((tmp_path / "entities").rglob("*.parquet"))[0]
    pq.write_table(pq.read_table(oldest).drop_columns(["actor_id"]), oldest)
    monkeypatch.setattr(storage, "MERGE_ROW_GROUP_BYTES", 1)  # a row group a file read
    with ds.lock():
        assert ds.compact() == 3
    (merged,) = (tmp_path / "entities").rglob("*.parquet")
    assert pq.ParquetFile(merged).metadata.num_row_groups == 4
    entities = read(tmp_path, "entities")
    assert len(entities) == 24 and entities.actor_id.isna().sum() == 6
    assert len(read(tmp_path, "articles")) == 12


def test_compact_merges_every_group_of_a_partition_not_just_the_first(tmp_path: Path) -> None:
    # a long run leaves many small files in one partition, more than one target's worth: the
    # end-of-run merge must leave files of up to the target, not merge one group and stop
    from config.schema import StorageConfig

    ds = Dataset(str(tmp_path))
    for b in range(12):
        ds.commit([article(b * 10 + k, DEC) for k in range(3)], [], f"run-{b}")
    ds.close()
    sizes = sorted(p.stat().st_size for p in (tmp_path / "articles").rglob("*.parquet"))
    assert len(sizes) == 12
    # four of these files fit in the target, and every file is below half of it
    target_mb = 4.5 * sizes[-1] / 2**20
    ds = Dataset(str(tmp_path), StorageConfig(target_file_mb=target_mb))
    with ds.lock():
        merged = ds.compact()
        files = list((tmp_path / "articles").rglob("*.parquet"))
        assert merged == 12 - len(files) and len(files) <= 3
        assert ds.compact() == 0  # nothing left that would fit together
    assert all(p.stat().st_size <= target_mb * 2**20 for p in files)
    df = read(tmp_path, "articles")
    assert len(df) == 36 and df.article_id.is_unique
    assert len(read(tmp_path, "entities")) == 72


def test_new_nullable_column_reads_with_old_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyarrow as pa

    import tasks.storage as storage

    old = storage.SCHEMAS["quotes"]
    monkeypatch.setitem(
        storage.SCHEMAS, "quotes", pa.schema([f for f in old if f.name != "cue_end"])
    )
    monkeypatch.setattr(storage, "SCHEMA_VERSION", "0")
    e = article(1, DEC)
    e.quotes = [
        {
            "quote_id": "q1",
            "text": "We will talk.",
            "start_char": 0,
            "end_char": 5,
            "kind": "direct",
            "speaker_type": "unknown",
            "paragraph": 0,
        }
    ]
    ds = Dataset(str(tmp_path))
    ds.prepare()
    ds.commit([e], [], "run-old")
    ds.close()
    monkeypatch.setitem(storage.SCHEMAS, "quotes", old)
    monkeypatch.setattr(storage, "SCHEMA_VERSION", "1")
    ds = Dataset(str(tmp_path))
    ds.prepare()  # the new version migrates old files once
    e2 = article(2, JAN)
    e2.quotes = [{**e.quotes[0], "quote_id": "q2", "cue_end": 4}]
    ds.commit([e2], [], "run-new")
    quotes = read(tmp_path, "quotes").set_index("quote_id")
    assert "cue_end" in quotes.columns
    assert pd.isna(quotes.loc["q1", "cue_end"]) and quotes.loc["q2", "cue_end"] == 4


@pytest.mark.parametrize("table", ["articles", "entities", "quotes", "dates", "actors"])
def test_duckdb_relation_has_the_declared_types_with_or_without_files(
    table: str, tmp_path: Path
) -> None:
    # a table without files, and columns that no file has (written before they existed), read
    # as the schema declares them, so queries over old or empty datasets see the same columns
    import duckdb

    con = duckdb.connect()
    con.execute("SET TimeZone='UTC'")
    ds = Dataset(str(tmp_path / "ds"))
    declared = SCHEMAS[table]
    types = [(f.name, f.type) for f in declared]
    empty = ds.duckdb_relation(con, table, declared.names).to_arrow_table()
    assert [(f.name, f.type) for f in empty.schema] == types and empty.num_rows == 0
    first = declared.names[0]
    part = tmp_path / "ds" / table / "year=2009" / "month=12"
    part.mkdir(parents=True)
    pq.write_table(
        pa.table({first: pa.array(["x"], declared.field(first).type)}), part / "a.parquet"
    )
    read = ds.duckdb_relation(con, table, declared.names).to_arrow_table()
    assert [(f.name, f.type) for f in read.schema] == types and read.num_rows == 1
    assert read.column(first).to_pylist() == ["x"]
    assert all(read.column(name).null_count == 1 for name in declared.names[1:])


def test_actors_table_is_rebuilt_from_entities(tmp_path: Path) -> None:
    ds = Dataset(str(tmp_path))
    ds.commit([article(1, DEC), article(2, JAN)], [], "run-1")
    assert ds.rebuild_actors() == 1
    actors = read(tmp_path, "actors")
    row = actors.iloc[0]
    assert row.canonical == "Kim" and row.mention_count == 4 and row.article_count == 2
    assert row.first_seen == DEC and row.last_seen == JAN
    ds.commit([article(1, DEC)], [], "run-2")  # re-processing never counts twice
    ds.rebuild_actors()
    assert read(tmp_path, "actors").iloc[0].mention_count == 4


def _mention(text: str, label: str, canonical: str | None, actor_id: str | None) -> dict:
    return {
        "text": text,
        "label": label,
        "start_char": 0,
        "end_char": len(text),
        "sentence": 0,
        "canonical": canonical,
        "actor_id": actor_id,
    }


def _actors_by_hand(root: Path) -> dict[str, dict]:
    """The actors table computed in pandas from the stored rows, as the schema documents it."""
    ents = read(root, "entities")
    ents = ents[ents.actor_id.notna()]
    arts = read(root, "articles")[["article_id", "published"]]
    rows = ents.merge(arts, on="article_id", how="left")
    out = {}
    for actor_id, group in rows.groupby("actor_id"):
        pairs = group.fillna({"canonical": ""}).groupby(["canonical", "label"]).size()
        most = pairs.max()
        canonical, label = min(k for k, n in pairs.items() if n == most)
        out[actor_id] = {
            "canonical": canonical,
            "type": label,
            "aliases": sorted(set(group.text)),
            "first_seen": group.published.min(),
            "last_seen": group.published.max(),
            "mention_count": len(group),
            "article_count": group.article_id.nunique(),
        }
    return out


def test_actors_table_matches_the_rows_it_is_built_from(tmp_path: Path) -> None:
    # ties, an undated article, a mention with no canonical name, a name NER labels two ways,
    # and mentions that name no actor
    one, two, three = article(1, DEC), article(2, JAN), article(3, None)
    one.entities = [
        _mention("Hill", "PERSON", "Christopher Hill", "p-hill"),
        _mention("Christopher Hill", "PERSON", "Christopher Hill", "p-hill"),
        _mention("Yonhap", "ORG", "Yonhap News Agency", "o-yonhap"),
        _mention("Seoul", "GPE", None, None),
    ]
    two.entities = [
        _mention("Hill", "ORG", "Christopher Hill", "p-hill"),
        _mention("Yonhap", "PERSON", "Yonhap", "o-yonhap"),
        _mention("Kim", "PERSON", None, "p-kim"),
    ]
    three.entities = [_mention("Hill", "PERSON", "Christopher Hill", "p-hill")]
    ds = Dataset(str(tmp_path))
    ds.commit([one, two, three], [], "run-1")
    assert ds.rebuild_actors() == 3
    actors = read(tmp_path, "actors")
    assert list(actors.actor_id) == ["p-hill", "o-yonhap", "p-kim"]  # most mentioned first
    got = {
        r.pop("actor_id"): {**r, "aliases": list(r["aliases"])} for r in actors.to_dict("records")
    }
    assert got == _actors_by_hand(tmp_path)
    assert got["p-hill"]["type"] == "PERSON" and got["p-hill"]["last_seen"] == JAN
    # a tie between two (canonical, label) pairs goes to the alphabetically first
    assert got["o-yonhap"]["canonical"] == "Yonhap" and got["o-yonhap"]["type"] == "PERSON"
    assert got["p-kim"]["canonical"] == ""


def test_actors_table_is_emptied_when_no_entity_names_an_actor(tmp_path: Path) -> None:
    ds = Dataset(str(tmp_path))
    ds.commit([article(1, DEC)], [], "run-1")
    assert ds.rebuild_actors() == 1
    stripped = article(1, DEC)
    stripped.entities = [_mention("Seoul", "GPE", None, None)]
    ds.commit([stripped], [], "run-2")
    assert ds.rebuild_actors() == 0
    assert read(tmp_path, "actors").empty


def test_near_duplicates_within_one_commit_form_clusters_with_one_canonical_each(
    tmp_path: Path,
) -> None:
    # two stories, each published three times in one batch, and a story of its own: each
    # cluster's canonical is its earliest member (then the smallest id), whatever the order
    def story(topic: str) -> str:
        return " ".join(
            f"Envoys met in {topic} on day {i} to discuss the reactor." for i in range(30)
        )

    early = datetime(2009, 12, 1, tzinfo=UTC)
    batch = [
        article(1, JAN, text=story("Beijing")),
        article(2, DEC, text=story("Beijing").replace("day 29", "day twenty-nine")),
        article(3, early, text=story("Beijing").replace("day 28", "day twenty-eight")),
        article(4, JAN, text=story("Seoul")),
        article(5, JAN, text=story("Seoul").replace("day 29", "day twenty-nine")),
        article(6, DEC, text=story("Seoul").replace("day 28", "day twenty-eight")),
        article(7, JAN, text="A completely different story about the winter marathon " * 20),
    ]
    ds = Dataset(str(tmp_path))
    ds.commit(batch, [], "run-1")
    df = read(tmp_path, "articles").set_index("article_id").sort_index()
    clusters = df.groupby("cluster_id").groups
    assert sorted(sorted(ids) for ids in clusters.values()) == [
        ["a001", "a002", "a003"],
        ["a004", "a005", "a006"],
        ["a007"],
    ]
    assert sorted(df.index[df.is_canonical]) == ["a003", "a006", "a007"]


def test_near_duplicates_cluster_across_commits_and_the_earliest_is_canonical(
    tmp_path: Path,
) -> None:
    story = " ".join(
        f"Envoys from the six parties met in Beijing on day {i} to discuss the reactor."
        for i in range(30)
    )
    ds = Dataset(str(tmp_path))
    later = article(1, JAN, text=story)
    ds.commit(
        [
            later,
            article(2, JAN, text="A completely different story about the winter marathon " * 20),
        ],
        [],
        "run-1",
    )
    df = read(tmp_path, "articles").set_index("article_id")
    assert df.loc["a001", "is_canonical"] and df.loc["a001", "cluster_id"] == "a001"
    # a wire copy published earlier arrives in a later run: same cluster, and it takes over
    copy = article(3, DEC, text=story.replace("day 29", "day twenty-nine"))
    ds.commit([copy], [], "run-2")
    df = read(tmp_path, "articles").set_index("article_id")
    assert df.loc["a003", "cluster_id"] == df.loc["a001", "cluster_id"] == "a001"
    assert bool(df.loc["a003", "is_canonical"]) and not bool(df.loc["a001", "is_canonical"])
    assert df.loc["a002", "cluster_id"] == "a002" and bool(df.loc["a002", "is_canonical"])
    assert (
        len(df) == 3 and len(read(tmp_path, "entities")) == 6
    )  # the demoted article kept its rows


def _read_three_ways(root: Path, table: str) -> list[tuple[int, list[str]]]:
    """(rows, columns) of a table as a researcher reads it with pandas, DuckDB and Polars."""
    import duckdb
    import polars as pl

    glob = f"{root}/{table}/**/*.parquet"
    by_pandas = pd.read_parquet(root / table)
    by_duckdb = duckdb.sql(f"SELECT * FROM read_parquet('{glob}', hive_partitioning=true)")
    by_polars = pl.read_parquet(glob, hive_partitioning=True)
    return [
        (len(by_pandas), sorted(by_pandas.columns)),
        (len(by_duckdb.fetchall()), sorted(by_duckdb.columns)),
        (by_polars.height, sorted(by_polars.columns)),
    ]


def test_every_table_reads_with_pandas_duckdb_and_polars_while_empty_and_after(
    tmp_path: Path,
) -> None:
    # a table with no Parquet file made every reader fail ("No files found", "expanded paths
    # were empty"): a first run with no quotes, a corpus with no reject yet
    root = tmp_path / "corpus"
    ds = Dataset(str(root))
    ds.prepare()
    with ds.lock():  # a run's end (compact calls it): every table has a file of its columns
        assert ds.keep_tables_readable() == len(SCHEMAS)
    for table in ("articles", "entities", "dates", "quotes", "rejects"):
        columns = sorted({*SCHEMAS[table].names, "year", "month"})
        assert _read_three_ways(root, table) == [(0, columns)] * 3, table
    assert len(pd.read_parquet(root / "actors").columns) == len(SCHEMAS["actors"])

    ds.commit([article(1, DEC), article(2, None)], [], "run-1")  # entities, no dates or quotes
    with ds.lock():
        ds.compact()  # a run's end: the 0-row files of tables that got rows go
    assert ds.rebuild_actors() == 1
    counts = {t: {rows for rows, _ in _read_three_ways(root, t)} for t in ARTICLE_TABLES}
    assert counts == {"articles": {2}, "entities": {4}, "dates": {0}, "quotes": {0}}
    assert [p.name for p in (root / "entities").rglob("*.parquet")].count(EMPTY_FILE) == 0
    # no partition directory is left empty by it
    assert all(any(month.iterdir()) for month in (root / "articles").glob("year=*/month=*"))
    assert all(any(year.iterdir()) for year in (root / "articles").glob("year=*"))
    assert [p.name for p in (root / "quotes").rglob("*.parquet")] == [EMPTY_FILE]

    # the first rejects arrive: the reader sees the row, never the 0-row file's absence as an error
    ds.commit([], [Reject("https://x/1", "wire", "fetch", "http_404")], "run-2")
    assert {rows for rows, _ in _read_three_ways(root, "rejects")} == {1}
    with ds.lock():
        assert ds.compact() == 0  # the 0-row file is not merged into the month's rejects
    assert [p.name for p in (root / "rejects").rglob("*.parquet")].count(EMPTY_FILE) == 0
    assert {rows for rows, _ in _read_three_ways(root, "rejects")} == {1}
    ds.close()


def test_a_merged_file_with_rows_is_never_taken_for_the_empty_one(tmp_path: Path) -> None:
    # keep_tables_readable removes a file by its name only when it has no rows
    from tasks.storage import reject_row, to_table

    ds = Dataset(str(tmp_path))
    part = tmp_path / "rejects" / "year=2026" / "month=12"
    part.mkdir(parents=True)
    at = datetime(2026, 12, 4, tzinfo=UTC)
    row = reject_row(Reject("https://x/1", "wire", "fetch", "http_404"), "run-1", at)
    pq.write_table(to_table("rejects", [row]), part / EMPTY_FILE)
    pq.write_table(to_table("rejects", []), part / "part-other.parquet")
    with ds.lock():
        ds.keep_tables_readable()
    assert len(pd.read_parquet(tmp_path / "rejects")) == 1
    ds.close()


def test_tables_without_rows_read_on_s3_and_their_empty_files_go(s3_bucket: str) -> None:
    import pyarrow.dataset as pads

    output = f"s3://{s3_bucket}/corpus"
    ds = Dataset(output)
    ds.prepare()
    with ds.lock():
        ds.compact()
    assert len(pd.read_parquet(f"{output}/quotes")) == 0
    assert list(pd.read_parquet(f"{output}/rejects").columns)[:3] == SCHEMAS["rejects"].names[:3]
    ds.commit([article(1, DEC)], [], "run-1")
    with ds.lock():
        ds.compact()
    ds.close()
    names = [f.rsplit("/", 1)[-1] for f in pads.dataset(f"{output}/articles").files]
    assert EMPTY_FILE not in names and len(names) == 1
    assert len(pd.read_parquet(f"{output}/articles")) == 1
    assert len(pd.read_parquet(f"{output}/quotes")) == 0


def _shuffled_dataset(root: Path) -> Dataset:
    """A dataset after upserts, a move between partitions, undated articles and a merge."""
    ds = Dataset(str(root))
    ds.commit([article(1, DEC), article(2, None), article(3, JAN)], [], "run-1")
    ds.commit([article(2, DEC, text="dated now"), article(4, DEC)], [], "run-2")
    ds.commit([article(3, JAN, text="changed")], [], "run-3")
    with ds.lock():
        ds.compact()
    return ds


def test_verify_finds_nothing_wrong_in_datasets_that_hold(tmp_path: Path) -> None:
    ds = _shuffled_dataset(tmp_path)
    assert ds.verify() == []
    ds.close()


def _copy_a_file(root: Path) -> None:
    import shutil

    source = next((root / "articles" / "year=2009" / "month=12").glob("part-*.parquet"))
    shutil.copy(source, source.with_name("part-copied.parquet"))


def _delete_a_file(root: Path) -> None:
    next((root / "articles" / "year=2010" / "month=1").glob("part-*.parquet")).unlink()


def _rename_a_file(root: Path) -> None:
    source = next((root / "articles" / "year=2010" / "month=1").glob("part-*.parquet"))
    source.rename(source.with_name("part-renamed.parquet"))


def _orphan_rows(root: Path) -> None:
    from tasks.storage import to_table

    row = {**article(9, DEC).entities[0], "article_id": "a999", "run_id": "r", "model": "m"}
    part = root / "entities" / "year=2009" / "month=12"
    pq.write_table(to_table("entities", [row]), part / "part-orphan.parquet")


def _cut_short_commit(root: Path) -> None:
    (root / "_log").mkdir(exist_ok=True)
    (root / "_log" / "20261204T000000-deadbeef.json").write_text("{", encoding="utf-8")


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (_copy_a_file, ["articles: 3 article(s) stored twice (e.g. a001, a002, a004)"]),
        (_delete_a_file, ["articles: 1 article(s) in the index without their row (e.g. a003)"]),
        (_rename_a_file, ["articles: 1 article(s) stored where the index does not say"]),
        (_orphan_rows, ["entities: 1 article(s) with rows but no row in `articles` (e.g. a999)"]),
        (_cut_short_commit, ["_log: a commit is in flight or was cut short"]),
    ],
)
def test_verify_names_each_broken_invariant(
    damage: Callable[[Path], None], expected: list[str], tmp_path: Path
) -> None:
    ds = _shuffled_dataset(tmp_path)
    damage(tmp_path)
    found = ds.verify()
    for want in expected:
        assert any(problem.startswith(want) for problem in found), found
    ds.close()


def _config_for(output: Path) -> Path:
    """A config file beside `output` that writes there."""
    import yaml

    config = output.parent / "config.yaml"
    source = {"kind": "urls", "name": "wire", "urls": ["https://news.example/1"]}
    config.write_text(
        yaml.safe_dump({"output": str(output), "sources": [source]}), encoding="utf-8"
    )
    return config


def test_the_verify_command_exits_1_on_a_problem(tmp_path: Path, capsys: Any) -> None:
    from flows.cli import main

    _shuffled_dataset(tmp_path / "data").close()
    config = _config_for(tmp_path / "data")
    assert main(["verify", "--config", str(config)]) == 0
    assert "ok:" in capsys.readouterr().out
    _copy_a_file(tmp_path / "data")
    assert main(["verify", "--config", str(config)]) == 1
    assert "stored twice" in capsys.readouterr().out


def _open_files_under(root: Path) -> list[str]:
    """Paths under `root` this process holds open (Linux's /proc/self/fd)."""
    held = []
    for fd in Path("/proc/self/fd").iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith(str(root)):
                held.append(target)
    return held


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux's /proc")
def test_the_compact_command_merges_small_files_and_lets_the_index_go(
    tmp_path: Path, capsys: Any
) -> None:
    from flows.cli import main

    ds = Dataset(str(tmp_path / "data"))
    ds.commit([article(1, DEC)], [], "run-1")
    ds.commit([article(2, DEC)], [], "run-2")
    ds.close()
    config = _config_for(tmp_path / "data")
    assert main(["compact", "--config", str(config)]) == 0
    assert "small file(s) merged" in capsys.readouterr().out
    assert len(list((tmp_path / "data" / "articles").rglob("*.parquet"))) == 1
    assert _open_files_under(tmp_path / "data") == []
