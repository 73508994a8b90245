"""The `ingest` flow: sources -> fetch -> clean -> enrich -> store, in batches.

Only orchestration lives here: parameters in, stage functions from `tasks/` wrapped as Prefect
tasks and called in order, counts out. Tasks take whole batches (hundreds of articles), so
Prefect's per-task cost (~10 ms) stays negligible next to spaCy's.
"""

from __future__ import annotations

import gc
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar, cast

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.futures import PrefectFuture
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from config.schema import ConfigError, Settings, WarcSource, load_config
from flows.params import BackfillOptions, RunOptions
from flows.reporting import (
    Progress,
    append_history,
    highlights,
    load_history,
    publish,
    publish_report,
    yield_anomalies,
)
from tasks.clean import EXTRACTOR_VERSION, clean_batch, load_models, settle_key
from tasks.enrich import (
    EnrichPool,
    check_killers,
    enrich_batch,
    watch_this_worker,
    worker_died,
)
from tasks.fetch import Fetcher, FetchOutcome, fetch_batch
from tasks.inhand import InHand, settle_orphans, without_stoppers
from tasks.records import Article, Enriched, Item, Reject, RunSummary, Skip
from tasks.sources import discover_all
from tasks.storage import Dataset
from tasks.topic import Topic, compile_topic
from tasks.warc import RawArchive, archived_items

T = TypeVar("T")


class AllSourcesFailed(RuntimeError):
    """No source of the run could be read at all (feeds down, files missing...)."""


# The first batch of a run is this fraction of the configured size: the NLP workers start parsing
# after a few pages instead of waiting for a whole batch to be fetched and cleaned (~2 s for 100).
FIRST_BATCH_SHARE = 8


def batched(stream: Iterable[T], size: int, first: int | None = None) -> Iterator[list[T]]:
    """Lists of up to `size` consecutive elements, the first of up to `first` (default `size`)."""
    chunk: list[T] = []
    limit = first or size
    for element in stream:
        chunk.append(element)
        if len(chunk) >= limit:
            yield chunk
            chunk = []
            limit = size
    if chunk:
        yield chunk


@task(name="fetch", cache_policy=NONE, retries=1, retry_delay_seconds=5)
def fetch_task(fetcher: Fetcher, items: list[Item]) -> FetchOutcome:
    """Fetch a batch of items (threads inside; per-host politeness in the fetcher)."""
    return fetch_batch(fetcher, items)


@task(name="clean", cache_policy=NONE)
def clean_task(
    outcome: FetchOutcome,
    settings: Settings,
    topic: Topic | None,
    run_ids: set[str],
    pool: EnrichPool,
) -> tuple[list[Article], list[Reject]]:
    """Extract and repair the text of a batch, score topic relevance, drop in-run duplicates;
    the pool's watchdog names a page whose cleaning holds the run (EnrichPool.cleaning).

    Called in the flow's process (never submitted), so `run_ids` is updated in place.
    """
    return clean_batch(
        outcome.pages, outcome.passthrough, settings.clean, topic, run_ids, pool.cleaning
    )


@task(name="enrich", cache_policy=NONE)
def enrich_task(
    pool: EnrichPool, articles: list[Article]
) -> tuple[list[Enriched], list[Reject], str]:
    """spaCy entities, dates and quotes of a batch, on the NLP worker processes."""
    return pool.enrich(articles)


@task(name="enrich-remote", cache_policy=NONE)
def enrich_remote_task(
    articles: list[Article], model: str, aliases: str | None, stall_timeout: float
) -> tuple[list[Enriched], list[Reject], str]:
    """The same on a Dask worker, which loads the model once per worker process and is killed
    by its watchdog when an article stalls it (`watch_this_worker`)."""
    watch_this_worker(stall_timeout)
    return enrich_batch(articles, model, aliases)


@task(name="store", cache_policy=NONE)
def store_task(
    dataset: Dataset,
    enriched: list[Enriched],
    rejects: list[Reject],
    run_id: str,
    model: str,
    settled_under: str,
) -> dict[str, int]:
    """Commit a batch to the datasets (atomic upsert); rejects for good (off topic, another
    language, a worker that died or stalled on the page) are remembered under the run's
    settings (`settled_under`: tasks.clean.settle_key)."""
    extra = {"extractor_version": EXTRACTOR_VERSION, "model": model}
    lastmods = {e.article.article_id: e.article.modified for e in enriched}
    return dataset.commit(enriched, rejects, run_id, extra, lastmods, settled_under)


@task(name="compact", cache_policy=NONE)
def compact_task(dataset: Dataset) -> int:
    """Merge the datasets' small files (`Dataset.compact`) under the commit lock; returns the
    files merged away."""
    with dataset.lock():
        return dataset.compact()


Discovered = Iterator[tuple[str, Item | Skip | Reject]]
Slice = tuple[list[Article], PrefectFuture[Any]]  # articles enriched by one task, its future


def _dask_worker_deaths() -> tuple[type[BaseException], ...]:
    """The exception a Dask task raises when the workers it ran on died (imported only for a
    Dask run)."""
    from distributed import KilledWorker

    return (KilledWorker,)


# How often a run waiting on a Dask task asks the scheduler whether the cluster has any worker
DASK_POLL_S = 5.0


class DaskClusterLost(RuntimeError):
    """The Dask cluster a run enriches on has had no worker for runner.no_workers_timeout."""


def dask_result(future: PrefectFuture[T], no_workers_timeout: float, address: str | None) -> T:
    """The result of a task run on the Dask cluster, or its exception.

    Dask waits on a task for as long as it takes a worker to run it: on a cluster whose workers
    have all died and none was restarted (a nanny that failed to start a new one, workers
    started without a nanny), that is for ever. Raises DaskClusterLost, naming the key and the
    fix, once the cluster has had no worker for `no_workers_timeout` seconds of the wait.
    """
    wrapped = cast(Any, future).wrapped_future  # the distributed.Future a PrefectDaskFuture wraps
    workerless_since: float | None = None
    while True:
        future.wait(DASK_POLL_S)
        if wrapped.done():  # finished, failed or cancelled: result() returns or raises it
            return future.result()
        try:
            has_workers = bool(wrapped.client.nthreads())
        except OSError:  # the scheduler itself is gone
            has_workers = False
        now = time.monotonic()
        if has_workers or workerless_since is None:
            workerless_since = None if has_workers else now
        elif now - workerless_since >= no_workers_timeout:
            where = f"at {address}" if address else "the run started"
            raise DaskClusterLost(
                f"the Dask cluster {where} has had no worker for {now - workerless_since:.0f} s "
                f"while the run waited on it (runner.no_workers_timeout: "
                f"{no_workers_timeout:g}): its workers died and none was restarted. Restart "
                "its workers (or the cluster) and run again: articles not yet written are "
                "fetched again then."
            )


def opaque(value: T) -> T:
    """A task argument Prefect passes through without walking into it.

    Prefect visits every element of a task's arguments looking for futures; on a batch of
    articles (and the run's growing id set) that walk cost more than the tasks' own work
    outside spaCy: 5.6 s of a 47 s, 500-article run, measured with py-spy.
    """
    return cast(T, quote(value))


def settle_dead_runs(
    dataset: Dataset,
    in_hand_dir: Path,
    run_id: str,
    settled_under: str,
    summary: RunSummary,
    log: Any,
) -> None:
    """Reject, and commit at once, the pages that earlier runs held when they died
    (tasks.inhand): committed before discovery, the rejects settle their URLs, so this run
    does not fetch them. They are rows of the rejects table, not counts of this run's sources,
    which did not discover them."""
    rejects = settle_orphans(in_hand_dir)
    for r in rejects:
        log.error("rejected %s (%s/%s): %s", r.url, r.stage, r.reason, r.detail)
    if rejects:
        store_task(opaque(dataset), [], opaque(rejects), run_id, "", settled_under)
        summary.rows["rejects"] = summary.rows.get("rejects", 0) + len(rejects)


def run_ingest(
    settings: Settings,
    run_id: str,
    log: Any,
    dry_run: bool = False,
    stream: Callable[[Dataset], Discovered] | None = None,
) -> RunSummary:
    """The batch loop shared by the flows: discovery, then one task per stage per batch.

    With `dry_run`, items are discovered and counted (skipped as `dry_run`), nothing fetched or
    written. `stream` replaces the config's sources (re-processing the raw archive).
    """
    summary = RunSummary(run_id=run_id, output=settings.output, started=datetime.now(UTC))
    for cfg in settings.sources if stream is None else []:
        summary.counts(cfg.name)
    dataset = Dataset(settings.output, settings.storage)
    recovered = dataset.prepare()  # storage errors stop the run before any fetch
    if recovered:
        log.warning("recovered %d interrupted commit(s) in %s", recovered, settings.output)
    topic = compile_topic(settings.topic)
    settled_under = settle_key(settings.clean, settings.topic, settings.nlp)
    in_hand_dir = dataset.state_dir / "in_hand"
    if not dry_run:  # before discovery, so that it skips what is rejected here
        settle_dead_runs(dataset, in_hand_dir, run_id, settled_under, summary, log)
    aliases = str(settings.resolve(settings.nlp.aliases)) if settings.nlp.aliases else None
    progress = Progress(total_hint=None)
    speakers: Counter[str] = Counter()
    actors: Counter[str] = Counter()
    months: Counter[str] = Counter()
    with (
        Fetcher(settings.fetch, validators=dataset.state_dir / "http_validators.sqlite") as fetcher,
        RawArchive(dataset.fs, dataset.root, run_id) as archive,
        nullcontext() if dry_run else InHand(in_hand_dir, run_id) as in_hand,
        EnrichPool(
            settings.nlp.model,
            aliases,
            0 if dry_run or settings.runner.kind == "dask" else settings.nlp.workers,
            settings.nlp.extract_in,
            settings.nlp.stall_timeout,
            in_hand,
            settings.nlp.stop_stalled_run,
        ) as pool,
    ):
        found = (
            discover_all(
                settings,
                fetcher.get,
                dataset.seen,
                dataset.settled,
                settled_under,
                fetcher,
            )
            if stream is None
            else without_stoppers(stream(dataset), dataset.settled, settled_under)
        )
        pending_rejects: list[Reject] = []
        items: list[Item] = []

        def account(entry: Item | Skip | Reject, source: str) -> None:
            counts = summary.counts(source)
            counts.discovered += 1
            if isinstance(entry, Skip):
                counts.skip(entry.reason)
            elif isinstance(entry, Reject):
                counts.reject(entry.stage, entry.reason)
                pending_rejects.append(entry)
                if entry.stage == "sources" and entry.reason == "source_failed":
                    counts.failed = entry.detail or entry.reason
            else:
                items.append(entry)

        # One batch enriches on the NLP workers while the next is fetched and cleaned here.
        in_flight: deque[tuple[list[Slice], list[Reject]]] = deque()
        on_dask = settings.runner.kind == "dask"
        # what a Dask task raises when its workers died on it (as many times as the scheduler's
        # distributed.scheduler.allowed-failures allows); nothing to catch on the process pool,
        # which retries itself (EnrichPool.enrich)
        deaths = _dask_worker_deaths() if on_dask else ()
        stall = settings.nlp.stall_timeout

        def submit(articles: list[Article]) -> list[Slice]:
            if not on_dask:
                return [(articles, enrich_task.submit(opaque(pool), opaque(articles)))]
            # one task per slice: the Dask scheduler spreads them over its workers
            size = -(-len(articles) // max(1, settings.nlp.workers))
            return [
                # not `opaque`: the annotation does not survive prefect-dask's serialisation
                (part, enrich_remote_task.submit(part, settings.nlp.model, aliases, stall))
                for part in (articles[i : i + size] for i in range(0, len(articles), size))
            ]

        def finished(future: PrefectFuture[Any]) -> Any:
            if not on_dask:
                return future.result()
            runner = settings.runner
            return dask_result(future, runner.no_workers_timeout, runner.address)

        def one_by_one_on_dask(
            articles: list[Article],
        ) -> tuple[list[Enriched], list[Reject], str]:
            # a slice its Dask workers died on: each article again as a task of its own, one at
            # a time, so a death is the article's doing; one its workers die on is rejected
            enriched: list[Enriched] = []
            rejects: list[Reject] = []
            killers = 0
            model = ""
            for article in articles:
                try:
                    part_enriched, part_rejects, model = finished(
                        enrich_remote_task.submit([article], settings.nlp.model, aliases, stall)
                    )
                except deaths:
                    killers += 1
                    check_killers(killers)
                    log.error("Dask workers died on %s: rejected", article.url)
                    rejects.append(worker_died(article, "on each Dask worker that tried it"))
                    continue
                enriched.extend(part_enriched)
                rejects.extend(part_rejects)
            return enriched, rejects, model

        def finish_oldest() -> None:
            slices, early_rejects = in_flight.popleft()
            enriched: list[Enriched] = []
            enrich_rejects: list[Reject] = []
            model = ""
            for part, future in slices:
                try:
                    part_enriched, part_rejects, model = finished(future)
                except deaths:
                    log.warning(
                        "Dask workers died on a slice of %d articles: retrying them one by one",
                        len(part),
                    )
                    part_enriched, part_rejects, model = one_by_one_on_dask(part)
                enriched.extend(part_enriched)
                enrich_rejects.extend(part_rejects)
            summary.model = model or summary.model
            for r in enrich_rejects:
                summary.counts(r.source_name).reject(r.stage, r.reason)
            rejects = early_rejects + enrich_rejects
            rows = store_task(
                opaque(dataset),
                opaque(enriched),
                opaque(rejects),
                run_id,
                summary.model or "",
                settled_under,
            )
            for table, n in rows.items():
                summary.rows[table] = summary.rows.get(table, 0) + n
            commits[0] += 1
            every = settings.storage.compact_every
            if every and commits[0] % every == 0:  # a long run's small files, when asked
                compact_task(opaque(dataset))
            for e in enriched:
                summary.counts(e.article.source_name).written += 1
                speakers.update(  # utterances: the second part of a split quote is not counted
                    q["speaker"] for q in e.quotes if q.get("speaker") and not q.get("continues")
                )
                actors.update(
                    m["canonical"]
                    for m in e.entities
                    if m.get("label") in ("PERSON", "ORG", "GPE", "NORP")
                )
                months.update(
                    d["value"][:7]
                    for d in e.dates
                    if d.get("type") == "DATE" and d["value"][:4].isdigit()
                )
            log.info(
                "batch committed: %d written, %d rejected (%d articles so far)",
                len(enriched),
                len(rejects),
                summary.totals.written,
            )
            progress.update(summary)

        commits = [0]  # batches committed so far
        run_ids: set[str] = set()  # article ids kept by this run's earlier batches
        started = False  # the NLP workers and cleaning models
        size = settings.nlp.batch_size
        for chunk in batched(found, size, max(1, size // FIRST_BATCH_SHARE)):
            for source, entry in chunk:
                account(entry, source)
            if dry_run:
                for item in items:
                    summary.counts(item.source).skip("dry_run")
                items.clear()
                pending_rejects.clear()
                continue
            if not items and not pending_rejects:
                continue
            outcome = fetch_task(opaque(fetcher), opaque(items))
            if outcome.pages and not started:
                # pages to clean: the NLP workers load spaCy while this batch is cleaned, and
                # the cleaning models load here; a run that gets nothing new (every page seen
                # or unchanged, 304) loads neither, ~2 s of CPU a worker and ~1 s here
                pool.start()
                load_models()
                started = True
            for page in outcome.pages:
                if page.item.body is None:  # fetched now, not in hand: keep the raw response
                    archive.write(page)
            for skip in outcome.skips:
                summary.counts(skip.source_name).skip(skip.reason)
            articles, clean_rejects = clean_task(
                opaque(outcome), opaque(settings), opaque(topic), opaque(run_ids), opaque(pool)
            )
            early = pending_rejects + outcome.rejects + clean_rejects
            for r in outcome.rejects + clean_rejects:
                summary.counts(r.source_name).reject(r.stage, r.reason)
            if not articles:  # nothing to parse: only rejects to record
                store_task(
                    opaque(dataset), [], opaque(early), run_id, summary.model or "", settled_under
                )
                summary.rows["rejects"] = summary.rows.get("rejects", 0) + len(early)
            else:
                in_flight.append((submit(articles), list(early)))
            while len(in_flight) > 1:
                finish_oldest()
            items.clear()
            pending_rejects.clear()
        while in_flight:
            finish_oldest()
        if not dry_run:  # everything discovered is committed: the next run may get 304s
            fetcher.keep_validators()
    progress.close()
    if any(summary.rows.values()):  # each commit wrote files of its own: they are merged
        merged = compact_task(opaque(dataset))
        if merged:
            log.info("compacted %d small file(s) into larger ones", merged)
    if summary.totals.written:
        summary.rows["actors"] = dataset.rebuild_actors()
    dataset.close()
    summary.highlights = highlights(speakers, actors, months)
    for name, counts in summary.sources.items():
        if not counts.balanced:
            log.error("accounting does not balance for source %s: %s", name, counts)
    summary.finished = datetime.now(UTC)
    return summary


def _finish(summary: RunSummary, settings: Settings, log: Any) -> dict[str, Any]:
    """Log the totals, flag sources that went quiet, keep the run history, publish artifacts."""
    result = summary.as_dict()
    state_dir = Dataset(settings.output, settings.storage).state_dir
    flagged = yield_anomalies(result, load_history(state_dir))
    for name, why in flagged.items():
        log.warning("source %s: %s", name, why)
    result["flagged"] = flagged
    append_history(state_dir, result)
    publish(result, flagged, summary.highlights)
    report = publish_report(
        settings.output, state_dir / "report", log, changed=any(summary.rows.values())
    )
    if report is not None:
        result["report"] = report
    failed = {name: c.failed for name, c in summary.sources.items() if c.failed}
    if failed and len(failed) == len(summary.sources):
        # one failing source is a row in the report; all of them failing is a failed run
        raise AllSourcesFailed(
            "every source failed: " + "; ".join(f"{n}: {why}" for n, why in failed.items())
        )
    totals = summary.totals
    log.info(
        "run %s: %d discovered, %d written, %d skipped, %d rejected",
        summary.run_id,
        totals.discovered,
        totals.written,
        sum(totals.skipped.values()),
        sum(totals.rejected.values()),
    )
    return result


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Keep the objects alive at a run's start (the modules of Prefect, trafilatura and the
    stages: ~460k of them) out of the garbage collector's full passes until the run ends.

    Each full pass walked them all, ~0.25 s a time. Two 300-article runs each way, one worker:
    full passes took 0.49-0.51 s of the flow process, 0.12-0.14 s frozen, and the report at the
    end 1.37-1.42 s, 1.19-1.20 s frozen. Unfrozen at the end, so a process that runs many flows
    (tests, a served deployment) collects as before.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _narrow(settings: Settings, options: RunOptions) -> Settings:
    return settings.narrowed(
        options.sources,
        options.since.isoformat() if options.since else None,
        options.until.isoformat() if options.until else None,
    )


@flow(name="ingest-on-dask", log_prints=True)
def _ingest_on_dask(settings: Settings, run_id: str, dry_run: bool) -> RunSummary:
    """The batch loop under a DaskTaskRunner (task runner set by `execute`)."""
    return run_ingest(settings, run_id, get_run_logger(), dry_run)


# How long a run waits for the Dask scheduler at runner.address to answer before it stops (Dask's
# own default is 30 s, after which the error names neither the key nor the fix)
SCHEDULER_TIMEOUT_S = 10


def _check_scheduler(address: str) -> None:
    """Stop before any fetch, naming the key and the fix, when no Dask scheduler answers at
    runner.address."""
    from distributed import Client

    try:
        with Client(address, timeout=SCHEDULER_TIMEOUT_S):
            pass
    except (OSError, TimeoutError) as err:
        raise ConfigError(
            f"runner.address {address}: no Dask scheduler answered within {SCHEDULER_TIMEOUT_S} s "
            f"({err}). Start one there (`dask scheduler`), correct the address, or set "
            "runner.kind: default"
        ) from err


def execute(settings: Settings, run_id: str, log: Any, dry_run: bool) -> RunSummary:
    """Run the batch loop here, or on the Dask cluster the config's runner names."""
    if settings.runner.kind != "dask":
        return run_ingest(settings, run_id, log, dry_run)
    from prefect_dask import DaskTaskRunner

    if settings.runner.address:
        _check_scheduler(settings.runner.address)
    runner = (
        DaskTaskRunner(address=settings.runner.address)
        if settings.runner.address
        else DaskTaskRunner()
    )
    # prefect-dask types its futures apart from the base runner; the runtime contract is the same
    return _ingest_on_dask.with_options(task_runner=runner)(settings, run_id, dry_run)  # type: ignore[arg-type]


@flow(name="ingest", log_prints=True)
def ingest(config: str = "nk_talks", options: RunOptions | None = None) -> dict[str, Any]:
    """One ingest run: every source of the config, new articles only, into the datasets.

    `config` is a path to a YAML config or the name of a preset in config/ (e.g. nk_talks).
    """
    log = get_run_logger()
    options = options or RunOptions()
    settings = _narrow(load_config(config), options)
    run_id = str(flow_run.id or uuid.uuid4())
    with frozen_heap():
        return _finish(execute(settings, run_id, log, options.dry_run), settings, log)


@flow(name="backfill", log_prints=True)
def backfill(config: str = "nk_talks", options: BackfillOptions | None = None) -> dict[str, Any]:
    """A backfill: the config's sources over a date window, plus CC-NEWS WARC files if given."""
    log = get_run_logger()
    options = options or BackfillOptions()
    settings = load_config(config)
    if options.warc:
        warc = WarcSource(name="backfill-warc", paths=list(options.warc))
        settings = settings.model_copy(update={"sources": [*settings.sources, warc]})
        if options.sources:  # a source subset given in the UI still includes the WARC files
            options = options.model_copy(update={"sources": [*options.sources, warc.name]})
    settings = _narrow(settings, options)
    run_id = str(flow_run.id or uuid.uuid4())
    with frozen_heap():
        return _finish(execute(settings, run_id, log, options.dry_run), settings, log)


@flow(name="reprocess", log_prints=True)
def reprocess(config: str = "nk_talks", options: RunOptions | None = None) -> dict[str, Any]:
    """Re-run cleaning and enrichment from the raw archive (new extractor or model), no refetch.

    The date window selects archive files by fetch date; each article's newest archived
    response is processed again and replaces its rows (older copies count as duplicate_in_run).
    """
    log = get_run_logger()
    options = options or RunOptions()
    settings = load_config(config)
    run_id = str(flow_run.id or uuid.uuid4())

    def archive_stream(dataset: Dataset) -> Discovered:
        for entry in archived_items(
            dataset.fs, dataset.root, "raw-archive", options.since, options.until, newest_first=True
        ):
            yield "raw-archive", entry

    with frozen_heap():
        summary = run_ingest(settings, run_id, log, options.dry_run, stream=archive_stream)
        return _finish(summary, settings, log)
