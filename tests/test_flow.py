"""The ingest flow end to end on the demo site, under Prefect's test harness."""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

from flows.params import RunOptions

SITE = Path(__file__).resolve().parents[1] / "flows" / "demo_site"
MANIFEST = json.loads((SITE / "manifest.json").read_text(encoding="utf-8"))
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def write_config(tmp: Path, base_url: str, workers: int = 1, topic: bool = True) -> Path:
    from flows.cli import demo_config

    cfg = demo_config(base_url, str(tmp / "data"))
    cfg["nlp"] = {"aliases": "nk_talks.yaml", "workers": workers}
    if topic:
        preset = yaml.safe_load((SITE.parents[1] / "config" / "nk_talks.yaml").read_text())
        cfg["topic"] = preset["topic"]
    path = tmp / "config.yaml"
    path.write_text(yaml.safe_dump(cfg))
    return path


def test_ingest_demo_site_twice(harness, demo_site, tmp_path: Path) -> None:
    from flows.ingest import ingest

    config = write_config(tmp_path, demo_site.base_url)
    first = ingest(str(config))
    on_topic = [a for a in MANIFEST["articles"] if a["on_topic"]]
    totals = first["totals"]
    assert totals["balanced"]
    assert totals["written"] == len(on_topic)
    assert totals["rejected"] == {"clean:off_topic": len(MANIFEST["articles"]) - len(on_topic)}
    # the feed lists the same articles as the sitemap: counted once, skipped the second time
    assert first["sources"]["demo-feed"]["skipped"] == {
        "duplicate_in_run": len(MANIFEST["articles"])
    }
    data = tmp_path / "data"
    articles = pd.read_parquet(data / "articles")
    assert articles.article_id.is_unique and len(articles) == len(on_topic)
    quotes = pd.read_parquet(data / "quotes")
    seed_id = articles[articles.url.str.endswith(MANIFEST["seed_path"])].article_id.iloc[0]
    seed_quotes = quotes[(quotes.article_id == seed_id) & quotes.kind.isin(["direct", "partial"])]
    assert len(seed_quotes) == 18
    assert {"Philip Crowley", "Stephen Bosworth", "Denny Roy"} <= set(seed_quotes.speaker.dropna())
    entities = pd.read_parquet(data / "entities")
    assert set(entities.model) == {articles.model.iloc[0]} and articles.model.iloc[0]
    dates = pd.read_parquet(data / "dates")
    thursday = dates[(dates.article_id == seed_id) & (dates.text == "Thursday")]
    assert thursday.value.tolist() == ["2009-12-10"]
    # the golden expectations of every demo article: speakers, resolved dates, people
    articles["path"] = articles.url.str.replace(r"^http://[^/]+", "", regex=True)
    for entry in on_topic:
        article_id = articles[articles.path == entry["path"]].article_id.iloc[0]
        mine = quotes[quotes.article_id == article_id]
        for gold in entry["quotes"]:
            hit = mine[mine.text.str.contains(gold["text_starts"], regex=False)]
            assert not hit.empty, (entry["path"], gold)
            speaker = hit.speaker.iloc[0] if isinstance(hit.speaker.iloc[0], str) else None
            assert speaker == gold["speaker"], (entry["path"], gold, speaker)
        mine_dates = dates[dates.article_id == article_id]
        for gold in entry["temporal"]:
            values = set(mine_dates[mine_dates.text.str.contains(gold["text"], regex=False)].value)
            assert gold["value"] in values, (entry["path"], gold, values)
        persons = set(
            entities[(entities.article_id == article_id) & (entities.label == "PERSON")].canonical
        )
        assert set(entry["persons"]) <= persons, (entry["path"], persons)
    # near-duplicates: the republished wire copy joins the wire story's cluster
    by_path = articles.set_index("path")
    duplicates = [e for e in on_topic if e.get("duplicate_of")]
    assert duplicates
    for entry in duplicates:
        assert (
            by_path.loc[entry["path"], "cluster_id"]
            == by_path.loc[entry["duplicate_of"], "cluster_id"]
        )
    assert by_path.cluster_id.nunique() == len(on_topic) - len(duplicates)
    assert (articles.groupby("cluster_id").is_canonical.sum() == 1).all()
    counts = {
        t: len(pd.read_parquet(data / t)) for t in ("articles", "entities", "dates", "quotes")
    }
    # each batch committed files of its own; the run's end merged them: one file a partition
    for table in counts:
        for partition in (data / table).glob("year=*/month=*"):
            assert len(list(partition.glob("*.parquet"))) == 1, partition

    second = ingest(str(config))
    assert second["totals"]["written"] == 0
    # the sitemap index gives the articles' sitemap the lastmod it had when the first run read
    # it: it is not read again. The feed (no validators, no lastmod) lists the same articles
    assert second["sources"]["demo-sitemap"]["discovered"] == 0
    assert second["sources"]["demo-feed"]["skipped"].get("seen") == len(on_topic)
    # the off-topic page is not fetched and rejected again: the same topic rejected it before
    assert second["sources"]["demo-feed"]["skipped"].get("rejected_before") == 1
    assert second["totals"]["rejected"] == {}
    assert {t: len(pd.read_parquet(data / t)) for t in counts} == counts
    from tasks.storage import Dataset

    assert Dataset(str(data)).verify() == []  # each article once, each row in its file


def test_a_topic_change_has_the_sitemap_read_again_and_its_pages_judged_again(
    harness, demo_site, tmp_path: Path
) -> None:
    # the demo's sitemap index gives its sitemap a lastmod: once read whole, it is not asked
    # for again under the same settings, but is under a new topic, whose judgement may differ
    from flows.ingest import ingest

    sitemap_only = RunOptions(sources=["demo-sitemap"])
    on_topic = [a for a in MANIFEST["articles"] if a["on_topic"]]
    first = ingest(str(write_config(tmp_path, demo_site.base_url, workers=0)), sitemap_only)
    assert first["totals"]["written"] == len(on_topic)
    again = ingest(str(write_config(tmp_path, demo_site.base_url, workers=0)), sitemap_only)
    assert again["sources"]["demo-sitemap"]["discovered"] == 0
    config = write_config(tmp_path, demo_site.base_url, workers=0, topic=False)
    untopical = ingest(str(config), sitemap_only)
    assert untopical["totals"]["written"] == len(MANIFEST["articles"]) - len(on_topic)
    assert untopical["sources"]["demo-sitemap"]["skipped"] == {"seen": len(on_topic)}


def test_dry_run_and_source_subset(harness, demo_site, tmp_path: Path) -> None:
    from flows.ingest import ingest

    config = write_config(tmp_path, demo_site.base_url, workers=0)
    summary = ingest(str(config), RunOptions(sources=["demo-sitemap"], dry_run=True))
    assert list(summary["sources"]) == ["demo-sitemap"]
    assert summary["totals"]["skipped"] == {"dry_run": len(MANIFEST["articles"])}
    assert summary["totals"]["written"] == 0
    assert not (tmp_path / "data" / "articles").exists()


def test_one_failing_source_is_recorded_all_failing_fail_the_run(
    harness, demo_site, tmp_path: Path
) -> None:
    from flows.ingest import AllSourcesFailed, ingest

    cfg = {
        "output": str(tmp_path / "data"),
        "sources": [
            {"kind": "feed", "name": "gone", "url": f"{demo_site.base_url}/no-such-feed.xml"},
            {
                "kind": "urls",
                "name": "one",
                "urls": [f"{demo_site.base_url}{MANIFEST['seed_path']}"],
            },
        ],
        "fetch": {"allow_private_addresses": True, "min_delay": 0.0, "retries": 0},
        "nlp": {"workers": 0},
    }
    config = tmp_path / "c.yaml"
    config.write_text(yaml.safe_dump(cfg))
    summary = ingest(str(config))
    assert summary["sources"]["gone"]["failed"] and summary["sources"]["gone"]["rejected"] == {
        "sources:source_failed": 1
    }
    assert summary["sources"]["one"]["written"] == 1
    assert summary["totals"]["balanced"]
    cfg["sources"] = cfg["sources"][:1]
    config.write_text(yaml.safe_dump(cfg))
    with pytest.raises(AllSourcesFailed, match="gone"):
        ingest(str(config))


def test_pages_sharing_a_canonical_url_across_batches_are_written_once(
    harness, site_dir: tuple[Path, str], tmp_path: Path
) -> None:
    from flows.ingest import ingest

    root, base = site_dir
    body = "<p>" + "The six-party talks resumed in Beijing on Monday. " * 12 + "</p>"
    for name in ("x", "y", "z"):
        canonical = "c" if name != "z" else "z"  # x and y are one article published twice
        (root / f"{name}.html").write_text(
            f'<html><head><title>{name}</title><link rel="canonical" href="{base}/{canonical}.html">'
            f"</head><body><article><h1>Talks {name}</h1>{body}</article></body></html>"
        )
    cfg = {
        "output": str(tmp_path / "data"),
        "sources": [{"kind": "urls", "name": "w", "urls": [f"{base}/{n}.html" for n in "xyz"]}],
        "fetch": {"allow_private_addresses": True, "min_delay": 0.0, "obey_robots": False},
        "clean": {"min_text_chars": 100},
        "nlp": {"workers": 0, "batch_size": 1},  # one page per batch: x and y in different ones
    }
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(cfg))
    totals = ingest(str(path))["totals"]
    articles = pd.read_parquet(tmp_path / "data" / "articles")
    assert totals["written"] == len(articles) == 2 and totals["balanced"]
    assert totals["rejected"] == {"clean:duplicate_in_run": 1}
    assert sorted(articles.canonical_url) == [f"{base}/c.html", f"{base}/z.html"]
    # each batch committed a file of its own; the run's end merged them into one
    assert len(list((tmp_path / "data" / "articles").rglob("*.parquet"))) == 1


def test_a_run_that_only_rejects_merges_its_rejects_files(
    harness, site_dir: tuple[Path, str], tmp_path: Path
) -> None:
    # each commit writes its rejects to a file of its own: a run that writes no article still
    # merges them at its end
    from flows.ingest import ingest

    _root, base = site_dir
    cfg = {
        "output": str(tmp_path / "data"),
        "sources": [
            {"kind": "urls", "name": "w", "urls": [f"{base}/gone{n}.html" for n in range(3)]}
        ],
        "fetch": {"allow_private_addresses": True, "min_delay": 0.0, "obey_robots": False},
        "nlp": {"workers": 0, "batch_size": 1},
    }
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(cfg))
    totals = ingest(str(path))["totals"]
    assert totals["written"] == 0 and sum(totals["rejected"].values()) == 3
    assert len(list((tmp_path / "data" / "rejects").rglob("*.parquet"))) == 1
    assert len(pd.read_parquet(tmp_path / "data" / "rejects")) == 3


def test_a_long_run_merges_small_files_every_compact_every_commits(
    harness, site_dir: tuple[Path, str], tmp_path: Path, monkeypatch
) -> None:
    # a backfill of many batches would otherwise hold one small file a batch and partition
    # until its end; the merge runs every storage.compact_every commits and at the end
    from flows.ingest import ingest
    from tasks.storage import Dataset

    root, base = site_dir
    for n in range(5):
        body = "<p>" + f"The six-party talks resumed in Beijing on day {n}. " * 12 + "</p>"
        (root / f"p{n}.html").write_text(
            f"<html><head><title>p{n}</title></head><body><article><h1>Talks {n}</h1>"
            f"{body}</article></body></html>"
        )
    most_files: list[int] = []
    compact = Dataset.compact

    def observed(self: Dataset) -> int:  # the real merge; the files it found first
        most_files.append(len(list((tmp_path / "data" / "articles").rglob("*.parquet"))))
        return compact(self)

    monkeypatch.setattr(Dataset, "compact", observed)
    cfg = {
        "output": str(tmp_path / "data"),
        "sources": [{"kind": "urls", "name": "w", "urls": [f"{base}/p{n}.html" for n in range(5)]}],
        "fetch": {"allow_private_addresses": True, "min_delay": 0.0, "obey_robots": False},
        "clean": {"min_text_chars": 100},
        "nlp": {"workers": 0, "batch_size": 1},
        "storage": {"compact_every": 2},
    }
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(cfg))
    assert ingest(str(path))["totals"]["written"] == 5
    # merges after commits 2 and 4, each finding the files of two commits since the last one
    # (the first also the run's first file), then the end's merge finds one more
    assert most_files == [2, 3, 2]
    assert len(list((tmp_path / "data" / "articles").rglob("*.parquet"))) == 1
    assert len(pd.read_parquet(tmp_path / "data" / "articles")) == 5


def test_a_run_that_fetches_no_page_starts_no_nlp_worker(
    harness, demo_site, tmp_path: Path, monkeypatch
) -> None:
    # every item already seen: nothing to parse, so no worker loads spaCy (~2 s of CPU each)
    import logging

    import tasks.enrich
    from config.schema import load_config
    from flows.ingest import run_ingest
    from tasks.records import Skip

    pools: list[int] = []

    class CountedPool(tasks.enrich.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs) -> None:
            pools.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(tasks.enrich, "ProcessPoolExecutor", CountedPool)
    settings = load_config(str(write_config(tmp_path, demo_site.base_url, workers=2)))

    def all_seen(_dataset):
        for n in range(3):
            yield "archive", Skip(f"https://example.org/{n}", "archive", "seen")

    summary = run_ingest(settings, "run-1", logging.getLogger("test"), stream=all_seen)
    assert summary.sources["archive"].skipped == {"seen": 3}
    assert summary.totals.written == 0
    assert pools == []


def test_batches_start_small_then_full_size() -> None:
    from flows.ingest import batched

    assert list(batched(range(10), 4, first=1)) == [[0], [1, 2, 3, 4], [5, 6, 7, 8], [9]]
    assert list(batched(range(5), 4)) == [[0, 1, 2, 3], [4]]
    assert list(batched([], 4, first=1)) == []


def test_enrich_pool_starts_its_workers_at_start_before_the_first_batch() -> None:
    import time

    import psutil

    from tasks.enrich import WORKER_ENV, EnrichPool

    def workers() -> set[int]:  # spawned worker processes (not the resource tracker)
        found = set()
        for child in psutil.Process().children():
            with contextlib.suppress(psutil.Error):
                if "spawn_main" in " ".join(child.cmdline()):
                    found.add(child.pid)
        return found

    before = workers()
    env_before = {k: os.environ.get(k) for k in WORKER_ENV}
    with EnrichPool("en_core_web_sm", None, 2) as pool:
        assert workers() == before  # none before start(): a run that fetches nothing
        pool.start()
        pool.start()  # once
        deadline = time.monotonic() + 30
        while len(workers() - before) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(workers() - before) == 2  # spawned at start, not at the first submit
        for pid in workers() - before:  # one BLAS thread in a worker
            environ = psutil.Process(pid).environ()
            assert all(environ.get(k) == v for k, v in WORKER_ENV.items())
    assert {k: os.environ.get(k) for k in WORKER_ENV} == env_before  # this process: as it was


def test_enrich_pool_returns_every_row_and_its_worker_exits_cleanly() -> None:
    # the workers leave with os._exit when the pool stops them: results must all be back first
    from datetime import UTC, datetime

    from tasks.enrich import EnrichPool
    from tests.test_storage import article

    text = (
        'Stephen Bosworth arrived in Pyongyang on Tuesday. "The talks were useful," '
        "Bosworth told reporters in Seoul."
    )
    friday = datetime(2009, 12, 11, tzinfo=UTC)
    articles = [article(n, friday, text).article for n in range(3)]
    pool = EnrichPool("en_core_web_sm", None, 1)
    try:
        enriched, rejects, model = pool.enrich(articles)
        processes = list(pool._pool._processes.values())  # type: ignore[union-attr]
    finally:
        pool.close()
    assert not rejects and model
    assert [e.article.article_id for e in enriched] == ["a000", "a001", "a002"]
    for e in enriched:
        assert any(q["speaker"] == "Stephen Bosworth" for q in e.quotes)
        assert any(d["value"] == "2009-12-08" for d in e.dates)  # Tuesday before Fri 11 Dec
        assert any(m["text"] == "Stephen Bosworth" for m in e.entities)
    for process in processes:
        process.join(timeout=10)
        assert process.exitcode == 0


def _bosworth_articles(count: int) -> list[Any]:
    from datetime import UTC, datetime

    from tests.test_storage import article

    text = (
        'Stephen Bosworth arrived in Pyongyang on Tuesday. "The talks were useful," '
        "Bosworth told reporters in Seoul."
    )
    return [article(n, datetime(2009, 12, 11, tzinfo=UTC), text).article for n in range(count)]


def _rows_of(enriched: list[Any]) -> list[tuple[Any, ...]]:
    return [(e.article.article_id, e.entities, e.dates, e.quotes) for e in enriched]


def test_enrich_pool_retries_the_batch_of_a_worker_that_was_killed() -> None:
    # a worker SIGKILLed (as the kernel's OOM killer does) broke the pool and failed the run;
    # now the workers start again and the batch comes back whole, rows as one process gives them
    import signal
    from concurrent.futures import ThreadPoolExecutor

    from tasks.enrich import EnrichPool, enrich_batch

    articles = _bosworth_articles(3)
    expected, _, _ = enrich_batch(articles, "en_core_web_sm", None)
    with EnrichPool("en_core_web_sm", None, 1) as pool:
        pool.start()
        killed = list(pool._pool._processes.values())  # type: ignore[union-attr]
        for process in killed:
            os.kill(process.pid, signal.SIGKILL)
            process.join(timeout=10)
        # two batches at once, as a run has them (the next one is submitted before the last
        # is waited for): both lose the worker, the pool starts again once, both come back
        with ThreadPoolExecutor(2) as callers:
            results = list(callers.map(pool.enrich, [articles[:2], articles[2:]]))
        fresh = list(pool._pool._processes.values())  # type: ignore[union-attr]
    assert killed and all(p.exitcode == -signal.SIGKILL for p in killed)
    assert len(fresh) == 1 and fresh[0].pid not in {p.pid for p in killed}
    assert all(not rejects and model for _enriched, rejects, model in results)
    assert _rows_of([e for enriched, _r, _m in results for e in enriched]) == _rows_of(expected)


def _enrich_or_die(articles: list[Any], model: str, aliases_path: str | None) -> Any:
    """A worker's job that dies on an article whose text starts POISON, every time."""
    from tasks.enrich import enrich_batch

    if any(a.text.startswith("POISON") for a in articles):
        os._exit(1)
    return enrich_batch(articles, model, aliases_path)


def test_an_article_that_kills_every_worker_is_rejected_and_the_batch_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import dataclasses

    import tasks.enrich
    from tasks.enrich import EnrichPool

    class DyingPool(EnrichPool):  # the workers' job dies on the poison article
        def _enrich(self, articles: list[Any], pool: Any, job: int | None = None) -> Any:
            return pool.submit(_enrich_or_die, articles, self.model, self.aliases_path).result()

    first, poison, last = _bosworth_articles(3)
    poison = dataclasses.replace(poison, text="POISON " + poison.text)
    with DyingPool("en_core_web_sm", None, 1) as pool:
        enriched, rejects, _model = pool.enrich([first, poison, last])
    assert [e.article.article_id for e in enriched] == ["a000", "a002"]
    assert all(e.quotes and e.dates and e.entities for e in enriched)
    assert [(r.url, r.stage, r.reason) for r in rejects] == [
        ("https://news.example/1", "enrich", "worker_died")
    ]
    # workers that die on every article alone are not the articles' doing: the run stops
    monkeypatch.setattr(tasks.enrich, "MAX_KILLERS_PER_BATCH", 0)
    with DyingPool("en_core_web_sm", None, 1) as pool, pytest.raises(RuntimeError, match="not the"):
        pool.enrich([poison, last])


def _enrich_or_stall(
    articles: list[Any], model: str, aliases_path: str | None, batch_size: int, job: int
) -> Any:
    """A worker's job that stops making progress on an article whose text starts STALL."""
    import tasks.enrich
    from tasks.enrich import enrich_batch

    if any(a.text.startswith("STALL") for a in articles):
        assert tasks.enrich._progress is not None
        tasks.enrich._progress.beat(job)  # the article is under way, and stays so
        time.sleep(600)
    return enrich_batch(articles, model, aliases_path, batch_size, job)


def test_an_article_a_worker_stalls_on_is_rejected_and_the_batch_goes_on() -> None:
    # a worker that hung on an article (a runaway pattern, a native loop) held the run forever
    import dataclasses

    from tasks.enrich import EnrichPool

    class StallingPool(EnrichPool):
        def _enrich(self, articles: list[Any], pool: Any, job: int | None = None) -> Any:
            job = job or next(self._job_ids)
            return pool.submit(
                _enrich_or_stall, articles, self.model, self.aliases_path, 16, job
            ).result()

    first, stuck, last = _bosworth_articles(3)
    stuck = dataclasses.replace(stuck, text="STALL " + stuck.text)
    started = time.monotonic()
    with StallingPool("en_core_web_sm", None, 1, stall_timeout=2.0) as pool:
        enriched, rejects, _model = pool.enrich([first, stuck, last])
    assert time.monotonic() - started < 120
    assert [e.article.article_id for e in enriched] == ["a000", "a002"]
    assert all(e.quotes and e.dates and e.entities for e in enriched)
    assert [(r.url, r.stage, r.reason) for r in rejects] == [
        ("https://news.example/1", "enrich", "stalled")
    ]


_WATCHED_WORKER = """
import sys, threading, time
from tasks.enrich import _reported, watch_this_worker
watch_this_worker(2.0)  # beats every 0.3 s: a margin for a loaded machine
def job(pauses):
    for pause in _reported(iter(pauses), job=7):
        time.sleep(pause)
if sys.argv[1] == "threads":  # a Dask worker of two threads: one job stalls, the other ends
    stuck = threading.Thread(target=job, args=([0.1, 30],), daemon=True)
    stuck.start()
    job([0.3] * 4)
    stuck.join()
else:
    job([float(p) for p in sys.argv[1:]])
"""


@pytest.mark.parametrize(
    ("pauses", "killed"),
    [
        (["0.3"] * 8 + ["30"], True),  # progress, then an article that stalls it
        (["0.3"] * 8, False),  # progress all along: left alone, its watchdog gone with it
        (["threads"], True),  # the other thread's job ending does not hide the stall
    ],
)
def test_a_watched_worker_is_killed_by_its_watchdog_when_it_stalls(
    pauses: list[str], killed: bool
) -> None:
    # a Dask worker, which no EnrichPool watches, held the run forever when it hung on an
    # article; its own watchdog process (tasks.stallwatch) now kills it
    import signal
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", _WATCHED_WORKER, *pauses],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    took = time.monotonic() - started
    if killed:
        assert done.returncode == -signal.SIGKILL
        assert "made no progress" in done.stderr
        assert took < 25  # the 30 s article was cut short
    else:
        assert done.returncode == 0, done.stderr
        assert "made no progress" not in done.stderr


def test_a_worker_that_cannot_start_its_watchdog_enriches_unwatched(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # a Dask worker with no writable temporary directory failed its enrich task, and the run
    import logging

    import tasks.enrich

    def no_space(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tasks.enrich, "_progress", None)
    monkeypatch.setattr(tasks.enrich.tempfile, "mkstemp", no_space)
    with caplog.at_level(logging.WARNING, logger="tasks.enrich"):
        tasks.enrich.watch_this_worker(5.0)
    assert tasks.enrich._progress is None
    assert "no stall watchdog" in caplog.text


def test_rules_that_take_too_long_in_the_flows_process_name_their_page(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # the flow's process cannot stop its own rules: a run stuck there said nothing of why
    import logging

    import tasks.enrich
    from tasks.enrich import EnrichPool

    rows = tasks.enrich._rows

    def slow_rows(article: Any, doc: Any, aliases: Any) -> Any:
        if article.article_id == "a001":
            time.sleep(2.5)
        return rows(article, doc, aliases)

    monkeypatch.setattr(tasks.enrich, "_rows", slow_rows)
    articles = _bosworth_articles(3)
    with (
        caplog.at_level(logging.ERROR, logger="tasks.enrich"),
        EnrichPool("en_core_web_sm", None, 1, extract_in="flow", stall_timeout=1.0) as pool,
    ):
        enriched, rejects, _model = pool.enrich(articles)
    assert len(enriched) == 3 and not rejects  # the rules went on: nothing was stopped
    named = [r.getMessage() for r in caplog.records if "rules have read" in r.getMessage()]
    assert len(named) == 1 and articles[1].url in named[0]


def test_a_page_whose_cleaning_holds_the_run_is_named(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # cleaning runs in the flow's process, which cannot stop it: a run stuck on one page (a
    # parser's bug) said nothing of which
    import logging

    import tasks.clean
    from config.schema import CleanConfig
    from tasks.clean import clean_batch
    from tasks.enrich import EnrichPool
    from tasks.fetch import page_in_hand
    from tasks.records import Item

    clean_page = tasks.clean.clean_page

    def slow_on_one(page: Any, cfg: Any) -> Any:
        if page.item.url.endswith("/stuck"):
            time.sleep(2.5)
        return clean_page(page, cfg)

    monkeypatch.setattr(tasks.clean, "clean_page", slow_on_one)
    body = "<html><body><article>" + "<p>The envoy said talks resume.</p>" * 20
    pages = [
        page_in_hand(Item(url=f"https://news.example/{name}", source="s", body=body.encode()))
        for name in ("a", "stuck", "b")
    ]
    with (
        caplog.at_level(logging.ERROR, logger="tasks.enrich"),
        EnrichPool("en_core_web_sm", None, 1, stall_timeout=1.0) as pool,
    ):
        pool.start()
        articles, rejects = clean_batch(pages, [], CleanConfig(), None, None, pool.cleaning)
        assert pool._holding == {}  # no page in hand once the batch is cleaned
    assert len(articles) + len(rejects) == 3  # cleaning went on: nothing was stopped
    named = [r.getMessage() for r in caplog.records if "cleaning has held" in r.getMessage()]
    assert len(named) == 1 and "https://news.example/stuck" in named[0]


def test_a_stalled_rules_article_is_named_while_cleaning_goes_on_and_recorded(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # cleaning (the flow's thread) and the rules (the enrich thread) hold pages at once: each
    # new page cleaned hid the article the rules were stuck on, and a batch cleaned cleared it
    import logging

    from tasks.enrich import EnrichPool
    from tasks.inhand import InHand, settle_orphans
    from tasks.records import Item

    [article] = _bosworth_articles(1)
    journal = InHand(tmp_path, "run-1")
    with (
        caplog.at_level(logging.ERROR, logger="tasks.enrich"),
        EnrichPool("en_core_web_sm", None, 0, stall_timeout=1.0, in_hand=journal) as pool,
    ):
        pool.start()  # the watchdog: it watches this process's pages without workers too
        pool._note(article)  # the rules read this article, and go on reading it
        deadline = time.monotonic() + 2.5
        while time.monotonic() < deadline:  # meanwhile, pages are cleaned one after another
            pool.cleaning(Item(url=f"https://news.example/{time.monotonic()}", source="s"))
            time.sleep(0.05)
        pool.cleaning(None)
        named = [r.getMessage() for r in caplog.records if "rules have read" in r.getMessage()]
        assert len(named) == 1 and article.url in named[0]
        assert "the next run rejects the page as stalled" in named[0]
        journal.close(finished=False)  # the run is stopped with the article in hand
    [reject] = settle_orphans(tmp_path)
    assert (reject.url, reject.stage, reject.reason) == (article.url, "enrich", "stalled")


def test_frozen_heap_releases_the_heap_even_when_the_run_fails() -> None:
    import gc

    from flows.ingest import frozen_heap

    before = gc.get_freeze_count()
    with pytest.raises(RuntimeError), frozen_heap():
        assert gc.get_freeze_count() > before  # the objects alive now are out of full passes
        raise RuntimeError("a failing run")
    assert gc.get_freeze_count() == 0  # a process running many flows collects them again


@pytest.mark.parametrize(
    ("extract_in", "workers", "cores", "place"),
    [
        ("auto", 1, 2, "flow"),  # the flow's process has the second core to itself
        ("auto", 2, 2, "workers"),  # every core parses: the flow's process has none to spare
        ("auto", 2, 4, "flow"),
        ("auto", 3, 8, "workers"),  # more workers than the flow's one core keeps up with
        ("auto", 1, 1, "workers"),
        ("auto", 0, 2, "workers"),  # no workers: one process does everything anyway
        ("flow", 0, 2, "workers"),
        ("flow", 2, 2, "flow"),
        ("workers", 1, 2, "workers"),
    ],
)
def test_where_the_rules_run(
    monkeypatch: pytest.MonkeyPatch, extract_in: str, workers: int, cores: int, place: str
) -> None:
    import tasks.enrich

    monkeypatch.setattr(tasks.enrich, "_cores", lambda: cores)
    assert tasks.enrich.extraction_place(extract_in, workers) == place


def test_unknown_place_for_the_rules_is_an_error() -> None:
    from tasks.enrich import extraction_place

    with pytest.raises(ValueError, match="extract_in"):
        extraction_place("gpu", 1)


def test_rules_in_the_flow_process_give_the_rows_the_worker_gives_in_order() -> None:
    # more articles than one slice (PIPE_BATCH), so slices come back and are read in turn
    from datetime import UTC, datetime

    from tasks.enrich import PIPE_BATCH, EnrichPool, enrich_batch
    from tests.test_storage import article

    texts = [
        'Stephen Bosworth arrived in Pyongyang on Tuesday. "The talks were useful," '
        "Bosworth told reporters in Seoul.",
        "North Korea said Thursday it would return to the six-party talks, according to KCNA.",
        "",  # an empty text is parsed and read like any other
    ]
    friday = datetime(2009, 12, 11, tzinfo=UTC)
    articles = [article(n, friday, texts[n % 3]).article for n in range(PIPE_BATCH + 5)]
    with EnrichPool("en_core_web_sm", "nk_talks.yaml", 1, extract_in="flow") as pool:
        assert pool.place == "flow"
        enriched, rejects, model = pool.enrich(articles)
    in_process, _rejects, in_process_model = enrich_batch(
        articles, "en_core_web_sm", "nk_talks.yaml"
    )
    assert not rejects and model == in_process_model
    assert [e.article.article_id for e in enriched] == [a.article_id for a in articles]
    assert [(e.entities, e.dates, e.quotes) for e in enriched] == [
        (e.entities, e.dates, e.quotes) for e in in_process
    ]
    assert any(q["speaker"] == "Stephen Bosworth" for q in enriched[0].quotes)


def test_the_flow_vocabulary_is_renewed_once_it_holds_too_many_strings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # unpacking interns every new word in the flow's vocabulary: a long run must not keep all
    from datetime import UTC, datetime

    import tasks.enrich
    from tests.test_storage import article

    friday = datetime(2009, 12, 11, tzinfo=UTC)
    text = '"The talks were useful," Stephen Bosworth told reporters in Seoul on Thursday.'
    monkeypatch.setattr(tasks.enrich, "MAX_READER_STRINGS", 10)
    with tasks.enrich.EnrichPool("en_core_web_sm", None, 1, extract_in="flow") as pool:
        first, _rejects, _model = pool.enrich([article(0, friday, text).article])
        assert pool._reader is not None
        vocab = pool._reader[1]
        second, _rejects, _model = pool.enrich([article(1, friday, text).article])
        assert pool._reader[1] is not vocab and len(pool._reader[1].strings) <= len(vocab.strings)
    assert first[0].quotes[0]["speaker"] == second[0].quotes[0]["speaker"] == "Stephen Bosworth"


def test_bench_reads_a_flow_runs_own_time(harness) -> None:
    """bench.throughput.flow_run_seconds: the API's start-to-end of a run, inside its wall time
    (Prefect's start and its heartbeat-clock end are outside it), and None for an unknown id."""
    import time
    import uuid

    from prefect import flow
    from prefect.runtime import flow_run

    from bench.throughput import flow_run_seconds

    @flow
    def sleepy() -> str:
        time.sleep(0.3)
        return str(flow_run.id)

    started = time.perf_counter()
    run_id = sleepy()
    wall = time.perf_counter() - started
    inside = flow_run_seconds(run_id)
    assert inside is not None
    assert 0.3 <= inside < wall
    assert flow_run_seconds(str(uuid.uuid4())) is None
