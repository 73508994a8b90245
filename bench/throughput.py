"""Throughput and cost benchmarks (issue 10): library floor, scaling, incremental runs,
memory, orchestration overhead. Figures go to bench/results/throughput.json.

1. Floor ratio: the same N generated pages through (a) a tight single-process loop of
   trafilatura extraction plus nlp.pipe of the same spaCy pipeline (in a fresh process started
   with the NLP workers' environment, tasks.enrich.WORKER_ENV) and (b) the full newscorpus
   ingest (served over loopback HTTP, written to Parquet) with one NLP worker; docs/s and b/a.
2. Scaling: (b) with 1 and 2 NLP workers; speed-up. Beside it, the machine's own: two floor
   loops run at once (each in its own process, starting together after the model load) against
   one, so a speed-up short of 2 can be told apart from a machine that gives less. With the
   default nlp.extract_in (auto), the 1-worker run reads entities, dates and quotes in the flow's
   process, on the core the worker leaves free, and the 2-worker run in its workers; a third run,
   one worker with the rules in it (extract_in: workers), gives the ratio and the speed-up of the
   same work in both runs. Each run's CPU per article (flow process and workers, not the API
   server) is recorded beside its time.
3. Incremental: a rerun that finds nothing new, over a corpus of the N articles and over the
   same corpus grown to --corpus articles (generated rows); the seconds and their ratio, and a
   run over an empty corpus with a source that yields nothing; and a run that brings 50 new
   articles into each corpus (its merge, the actors rebuild and the report read the whole
   corpus, so this ratio shows what still grows with it). Each also inside its flow run
   (the API's start and end): a flow call's wall time ends on Prefect's one-second heartbeat
   clock (see flow_run_seconds), which hides differences below a second.
4. Memory: peak RSS (flow process plus NLP workers) sampled during (b).
5. Orchestration overhead: Prefect's cost per task run measured on no-op tasks, times the task
   runs a run makes per 1,000 articles, as a share of the time (b) takes for 1,000 articles;
   and the same with the API server's CPU per task run added (the server records each task
   run's states, ~5x the flow process' own cost per task run). Both count, once per run,
   Prefect's own start and end of the flow run: the full runs' wall time outside their flow runs
   (median), ~0.1 s to start and 0-1 s at the end.

Figures 1 and 2 are medians over --rounds rounds (3 by default): each round runs the two
floor loops and the 1- and 2-worker runs between two measurements of the floor (the one after a
round is the one before the next) and takes its ratios within itself, against the mean of the
two floors, as the shared machine's speed drifts by 10-20% over minutes (a floor measured only
before the runs made one day's round ratios 0.966, 0.807 and 0.827 on the same code); the
full-run figures are those of the round with the median 1-worker run.

Run: `.venv/bin/python -m bench.throughput [--pages 500] [--rounds 3] [--corpus 100000]
[--long 2000]`.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import resource
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psutil
import yaml

from bench.common import RssSampler, write_result
from bench.corpus import article, write_site
from config.schema import DEFAULT_EXTRACT_IN
from tasks.enrich import extraction_place

NEW_ARTICLES = 50  # pages a nightly run brings in the incremental measurement


def _floor_loop(count: int, barrier: Any = None) -> float:
    """docs/s of trafilatura extraction plus nlp.pipe in one tight loop, in this process; with a
    barrier, the loop starts when every process sharing it has loaded its model."""
    import trafilatura

    from tasks.enrich import PIPE_BATCH
    from tasks.nlp import load_nlp

    nlp = load_nlp()
    pages = [article(n)[1] for n in range(count)]
    if barrier is not None:
        barrier.wait()
    start = time.perf_counter()
    texts = [trafilatura.extract(page) or "" for page in pages]
    # the pipeline's own minibatch size: it is ~10% faster than 64 here, so the floor gets it too
    for _doc in nlp.pipe(texts, batch_size=PIPE_BATCH):
        pass
    return count / (time.perf_counter() - start)


def floor_rate(count: int, processes: int = 1) -> float:
    """docs/s of the floor loop in a fresh process that starts as an NLP worker does
    (tasks.enrich.WORKER_ENV: one OpenBLAS thread, which makes spaCy ~10% cheaper), so the
    floor has every advantage the pipeline's workers have.

    With `processes` > 1, that many loops run at once over the same pages, starting together
    once all have loaded the model, and the rate is their docs together over the slowest loop's
    time: divided by the one-process rate, it is the speed-up the machine itself gives to
    independent spaCy work (two vCPUs of a shared VM need not give two cores' worth)."""
    from tasks.enrich import worker_environment

    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=processes, mp_context=context)
    try:
        with contextlib.ExitStack() as stack:
            barrier = None
            if processes > 1:
                barrier = stack.enter_context(context.Manager()).Barrier(processes)
            with worker_environment():
                futures = [  # the processes start here
                    pool.submit(_floor_loop, count, barrier) for _ in range(processes)
                ]
            slowest = max(count / future.result() for future in futures)
        return processes * count / slowest
    finally:
        pool.shutdown()


def run_config(
    tmp: Path, base_url: str, output: Path, workers: int, extract_in: str | None = None
) -> Path:
    """A config for the generated site: loopback allowed, politeness off (one local server);
    `extract_in` overrides where the rules run (nlp.extract_in, auto by default)."""
    cfg = {
        "output": str(output),
        "sources": [{"kind": "sitemap", "name": "bench", "url": f"{base_url}/sitemap.xml"}],
        "fetch": {
            "allow_private_addresses": True,
            "min_delay": 0.0,
            "per_host_concurrency": 8,
            "concurrency": 8,
            "obey_robots": False,
        },
        "clean": {"min_text_chars": 100},
        "nlp": {"workers": workers, "batch_size": 100},
    }
    if extract_in is not None:
        cfg["nlp"]["extract_in"] = extract_in
    path = tmp / f"config-{workers}-{output.name}.yaml"
    path.write_text(yaml.safe_dump(cfg), encoding="utf-8")
    return path


def timed_ingest(config: Path) -> tuple[float, dict[str, Any], int]:
    """(seconds, summary, peak RSS bytes) of one ingest flow run."""
    seconds, summary, peak, _cpu_seconds = timed_ingest_cpu(config)
    return seconds, summary, peak


def flow_run_seconds(run_id: str) -> float | None:
    """Seconds between a flow run's Running and its final state, as the API recorded them: the
    call's wall time less Prefect's own start and end (None when the API has no such run).

    The end includes a wait that no task accounts for: Prefect 3.9's flow engine joins its
    heartbeat thread (flows.heartbeat_frequency, on by default), which sleeps in one-second
    steps, so every flow call ends on the next whole second of its heartbeat clock, 0-1 s late
    (no-op flows here took 1.08-1.12 s, flows sleeping 1.3 s took 2.08-2.13 s).
    """
    from uuid import UUID

    from prefect.client.orchestration import get_client

    try:
        with get_client(sync_client=True) as client:
            run = client.read_flow_run(UUID(run_id))
    except Exception:  # no API or no such run: the figure is left out
        return None
    if run.start_time is None or run.end_time is None:
        return None
    return (run.end_time - run.start_time).total_seconds()


def timed_rerun(config: Path) -> tuple[float, float | None]:
    """(wall seconds, seconds inside the flow run) of one ingest flow run."""
    seconds, summary, _peak = timed_ingest(config)
    return seconds, flow_run_seconds(summary["run_id"])


def timed_ingest_cpu(config: Path) -> tuple[float, dict[str, Any], int, float]:
    """(seconds, summary, peak RSS bytes, CPU seconds) of one ingest flow run; the CPU is this
    process's and its NLP workers' (counted when they exit, at the end of the run), not the API
    server's."""
    from flows.ingest import ingest

    own = time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    with RssSampler() as rss:
        start = time.perf_counter()
        summary = ingest(str(config))
        seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time() - own
    cpu += after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    return seconds, summary, rss.peak, cpu


def incremental_figures(
    corpus: int,
    small: list[tuple[float, float | None]],
    large: list[tuple[float, float | None]],
    empty: list[tuple[float, float | None]],
) -> dict[str, Any]:
    """Medians and ratios of reruns with nothing new: (wall, inside the flow run) seconds each.

    The wall times end on Prefect's heartbeat clock (flow_run_seconds), whole seconds apart
    whatever the work, so the ratios are also given over the time inside the flow runs."""

    def median(runs: list[tuple[float, float | None]], inside: bool) -> float | None:
        values = [r[1] if inside else r[0] for r in runs]
        kept = [v for v in values if v is not None]
        return statistics.median(kept) if len(kept) == len(values) else None

    out: dict[str, Any] = {"corpus_articles": corpus}
    for inside, suffix in ((False, "s"), (True, "inside_flow_s")):
        s, lg, e = (median(runs, inside) for runs in (small, large, empty))
        if s is None or lg is None or e is None:
            continue
        tag = "" if not inside else "_inside_flow"
        out[f"rerun_nothing_new_small_corpus_{suffix}"] = round(s, 2)
        out[f"rerun_nothing_new_large_corpus_{suffix}"] = round(lg, 2)
        out[f"run_empty_corpus_no_items_{suffix}"] = round(e, 2)
        out[f"ratio_large_vs_small{tag}"] = round(lg / s, 3)
        out[f"ratio_large_vs_empty{tag}"] = round(lg / e, 3)
    return out


def new_articles_figures(into: dict[str, tuple[float, dict[str, Any], int]]) -> dict[str, Any]:
    """Seconds of the runs that brought NEW_ARTICLES new articles into the small and the large
    corpus (wall and inside the flow run), the articles each wrote, and the ratios."""
    out: dict[str, Any] = {"pages": NEW_ARTICLES}
    for size, (seconds, summary, _peak) in into.items():
        out[f"into_{size}_corpus_s"] = round(seconds, 2)
        inside = flow_run_seconds(summary["run_id"])
        out[f"into_{size}_corpus_inside_flow_s"] = None if inside is None else round(inside, 2)
        out[f"into_{size}_corpus_written"] = summary["totals"]["written"]
    out["ratio_large_vs_small"] = round(out["into_large_corpus_s"] / out["into_small_corpus_s"], 3)
    small_in, large_in = (
        out["into_small_corpus_inside_flow_s"],
        out["into_large_corpus_inside_flow_s"],
    )
    if small_in and large_in:
        out["ratio_large_vs_small_inside_flow"] = round(large_in / small_in, 3)
    return out


def grow_corpus(output: Path, extra: int) -> None:
    """Add `extra` generated article rows to a dataset (no fetching, no NLP)."""
    from tasks.records import Article, Enriched
    from tasks.storage import Dataset

    ds = Dataset(str(output))
    now = datetime.now(UTC)
    batch: list[Enriched] = []
    for n in range(extra):
        day = datetime(2005, 1, 1, tzinfo=UTC) + timedelta(days=n % 1500)
        url = f"https://archive.example/{n}"
        batch.append(
            Enriched(
                Article(
                    article_id=f"g{n:08d}",
                    url=url,
                    canonical_url=url,
                    source="archive.example",
                    source_name="archive",
                    title=f"Archived story {n}",
                    authors=[],
                    published=day,
                    published_source="record",
                    modified=None,
                    language="en",
                    site_name=None,
                    description=None,
                    tags=[],
                    text=f"Archived story number {n} about the talks.",
                    content_hash=f"h{n}",
                    fetched_at=now,
                    published_date=day.date(),
                )
            )
        )
        if len(batch) == 20_000:
            ds.commit(batch, [], "grow")
            batch = []
    if batch:
        ds.commit(batch, [], "grow")
    ds.close()


def _api_server() -> psutil.Process | None:
    """The Prefect API server this process started (the test harness' uvicorn), if any."""
    for child in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            if "uvicorn" in " ".join(child.cmdline()):
                return child
    return None


def _cpu(process: psutil.Process) -> float:
    times = process.cpu_times()
    return float(times.user + times.system)


def task_overhead(runs: int = 60, settle: float = 5.0) -> tuple[float, float | None]:
    """Seconds Prefect adds per task run, measured on no-op tasks inside one flow: in this
    process (wall), and CPU in the API server, which records each task run's states from its
    events after the flow goes on (None without a local server). The server's share is taken
    against a flow with no task over the same settling time, so its idle services cancel out."""
    from prefect import flow, task

    @task
    def noop(x: int) -> int:
        return x

    @flow
    def many(n: int) -> float:
        start = time.perf_counter()
        for i in range(n):
            noop(i)
        return (time.perf_counter() - start) / max(1, n)

    server = _api_server()
    client: dict[int, float] = {}
    server_cpu: dict[int, float] = {}
    for n in (0, runs):
        before = _cpu(server) if server else 0.0
        client[n] = float(many(n))
        time.sleep(settle)  # the server records the task runs' events asynchronously
        server_cpu[n] = (_cpu(server) - before) if server else 0.0
    server_per_task = (server_cpu[runs] - server_cpu[0]) / runs if server else None
    return client[runs], server_per_task


def long_runs(tmp: Path, pages: int, long: int, short: dict[Any, dict[str, Any]]) -> dict[str, Any]:
    """The same runs over `long` pages; with the short runs, each run's time splits into a
    per-article cost (steady-state docs/s) and a per-run cost (start-up, pipeline fill, the
    report at the end): T(N) = fixed + N * per_article."""
    from flows.demo_server import SiteServer

    site = tmp / "site-long"
    write_site(site, long)
    out: dict[str, Any] = {"pages": long}
    floor_before = floor_rate(long)  # the floor over the same `long` articles, before and after
    with SiteServer(site) as server:
        for workers in (1, 2):
            seconds, summary, _peak = timed_ingest(
                run_config(tmp, server.base_url, tmp / f"data-long-{workers}", workers)
            )
            written = summary["totals"]["written"]
            per_article = (seconds - short[workers]["seconds"]) / (
                written - short[workers]["written"]
            )
            out[workers] = {
                "seconds": round(seconds, 2),
                "written": written,
                "docs_per_s": round(written / seconds, 2),
                "steady_docs_per_s": round(1 / per_article, 2),
                "per_run_seconds": round(short[workers]["seconds"] - pages * per_article, 2),
            }
            print(f"long run ({long} pages), {workers} NLP worker(s): {out[workers]}")
    floor_after = floor_rate(long)
    long_floor = (floor_before + floor_after) / 2
    print(
        f"floor over {long} pages: {floor_before:.2f} before, {floor_after:.2f} after, "
        f"mean {long_floor:.2f} docs/s"
    )
    out["floor_before_docs_per_s"] = round(floor_before, 2)
    out["floor_after_docs_per_s"] = round(floor_after, 2)
    out["floor_docs_per_s"] = round(long_floor, 2)
    out["floor_ratio_one_worker"] = round(out[1]["docs_per_s"] / long_floor, 3)
    out["speedup_two_workers"] = round(out[2]["docs_per_s"] / out[1]["docs_per_s"], 3)
    # the steady rate against the floor over the same pages (it was the short runs' floor)
    out["steady_floor_ratio_one_worker"] = round(out[1]["steady_docs_per_s"] / long_floor, 3)
    out["steady_speedup_two_workers"] = round(
        out[2]["steady_docs_per_s"] / out[1]["steady_docs_per_s"], 3
    )
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Run every measurement and write bench/results/throughput.json."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--corpus", type=int, default=100_000)
    parser.add_argument(
        "--long",
        type=int,
        default=0,
        help="also run over this many pages (per-run vs per-article cost)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="measure the floor and the 1- and 2-worker runs this many times, interleaved; "
        "each round's ratios are taken within the round, and the figures are their medians",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from prefect.testing.utilities import prefect_test_harness

    from flows.demo_server import SiteServer

    results: dict[str, Any] = {"pages": args.pages}
    import flows.ingest  # noqa: F401  imported before any timing, as the floor's libraries are

    with (
        tempfile.TemporaryDirectory() as tmp_name,
        prefect_test_harness(server_startup_timeout=120),
    ):
        tmp = Path(tmp_name)
        site = tmp / "site"
        write_site(site, args.pages)
        with SiteServer(site) as server:
            rounds = []
            engine_seconds: list[float] = []  # each full run's wall time outside its flow run
            # the floor moves with the shared machine: each round's runs sit between two floors
            floor_after = floor_rate(args.pages)
            for n in range(args.rounds):
                floor_before = floor_after
                print(
                    f"round {n + 1}: floor (trafilatura + nlp.pipe, one process) before: "
                    f"{floor_before:.2f} docs/s"
                )
                # two bare floor loops at once: what the machine gives two processes that share
                # nothing, against which the pipeline's own 2-worker speed-up can be read
                pair = floor_rate(args.pages, processes=2)
                print(f"round {n + 1}: two floor loops at once: {pair:.2f} docs/s together")
                runs: dict[Any, dict[str, Any]] = {}
                # the 1- and 2-worker runs as configured (the rules where `auto` puts them),
                # and one worker with the rules kept in it, as every run had them before
                # nlp.extract_in: the 2-worker run's speed-up over that is the scaling of the
                # same work, where the configured 1-worker run also uses the second core
                for key, workers, extract_in in (
                    (1, 1, None),
                    (2, 2, None),
                    ("1_rules_in_worker", 1, "workers"),
                ):
                    name = f"data-{key}" if n == 0 else f"data-{key}-{n}"
                    seconds, summary, peak, cpu = timed_ingest_cpu(
                        run_config(tmp, server.base_url, tmp / name, workers, extract_in)
                    )
                    written = summary["totals"]["written"]
                    inside = flow_run_seconds(summary["run_id"])
                    if inside is not None:
                        engine_seconds.append(seconds - inside)
                    runs[key] = {
                        "seconds": round(seconds, 2),
                        "written": written,
                        "docs_per_s": round(written / seconds, 2),
                        "peak_rss_mb": round(peak / 2**20),
                        "rules_in": extraction_place(extract_in or DEFAULT_EXTRACT_IN, workers),
                        "cpu_ms_per_article": round(1000 * cpu / max(1, written), 1),
                    }
                    print(f"round {n + 1}: full run, {key} NLP worker(s): {runs[key]}")
                floor_after = floor_rate(args.pages)
                floor = (floor_before + floor_after) / 2
                print(f"round {n + 1}: floor after: {floor_after:.2f} docs/s, mean {floor:.2f}")
                rounds.append(
                    {
                        "floor_before_docs_per_s": round(floor_before, 2),
                        "floor_after_docs_per_s": round(floor_after, 2),
                        "floor_docs_per_s": round(floor, 2),
                        "full_run": runs,
                        "floor_ratio_one_worker": round(runs[1]["docs_per_s"] / floor, 3),
                        "speedup_two_workers": round(
                            runs[2]["docs_per_s"] / runs[1]["docs_per_s"], 3
                        ),
                        "floor_ratio_one_worker_rules_in_worker": round(
                            runs["1_rules_in_worker"]["docs_per_s"] / floor, 3
                        ),
                        "speedup_two_workers_over_rules_in_worker": round(
                            runs[2]["docs_per_s"] / runs["1_rules_in_worker"]["docs_per_s"], 3
                        ),
                        "two_floor_loops_docs_per_s": round(pair, 2),
                        "machine_speedup_two_loops": round(pair / floor, 3),
                    }
                )
            # the round with the median one-worker run stands for the full runs and the floor
            middle = sorted(rounds, key=lambda r: r["full_run"][1]["seconds"])[len(rounds) // 2]
            floor = middle["floor_docs_per_s"]
            runs = middle["full_run"]
            results["floor_docs_per_s"] = floor
            results["full_run"] = runs
            for key in (
                "floor_ratio_one_worker",
                "speedup_two_workers",
                "floor_ratio_one_worker_rules_in_worker",
                "speedup_two_workers_over_rules_in_worker",
                "machine_speedup_two_loops",
            ):
                results[key] = round(statistics.median(r[key] for r in rounds), 3)
            if args.rounds > 1:
                results["rounds"] = rounds
            print(
                f"median over {args.rounds} round(s): floor ratio "
                f"{results['floor_ratio_one_worker']}, speed-up {results['speedup_two_workers']} "
                f"(two bare floor loops at once: {results['machine_speedup_two_loops']}); "
                "with the rules in the one worker: floor ratio "
                f"{results['floor_ratio_one_worker_rules_in_worker']}, speed-up "
                f"{results['speedup_two_workers_over_rules_in_worker']}"
            )
            if args.long:
                results["long_run"] = long_runs(tmp, args.pages, args.long, runs)
            # incremental: nothing new over the small corpus, then over the grown corpus
            config = run_config(tmp, server.base_url, tmp / "data-1", 1)
            small = [timed_rerun(config) for _ in range(3)]
            grow_corpus(tmp / "data-1", args.corpus - args.pages)
            large = [timed_rerun(config) for _ in range(3)]
            # a nightly run that brings a few new articles, into a corpus of the N articles (the
            # first round's 2-worker run) and into the grown one: what a run costs beyond its
            # new articles (the merge, the actors rebuild and the report read the whole corpus)
            new_site = tmp / "site-new"
            write_site(new_site, NEW_ARTICLES, start=args.pages)
            with SiteServer(new_site) as new_server:
                into = {
                    size: timed_ingest(run_config(tmp, new_server.base_url, tmp / name, 1))
                    for size, name in (("small", "data-2"), ("large", "data-1"))
                }
            (tmp / "empty-site").mkdir()
            from bench.corpus import write_sitemap

            write_sitemap(tmp / "empty-site", [])
            with SiteServer(tmp / "empty-site") as empty_server:
                empty_cfg = run_config(tmp, empty_server.base_url, tmp / "data-empty", 1)
                empty = [timed_rerun(empty_cfg) for _ in range(3)]
            results["incremental"] = incremental_figures(args.corpus, small, large, empty)
            results["incremental"]["new_articles"] = new_articles_figures(into)
            print(f"incremental: {results['incremental']}")
        per_task, server_per_task = task_overhead()
        tasks_per_1000 = 4 * 1000 / 100  # fetch, clean, enrich, store per batch of 100
        seconds_per_1000 = 1000 / runs[1]["docs_per_s"]
        # Prefect's own start and end of a flow run (see flow_run_seconds): once per run, so
        # counted once in a run of 1,000 articles
        engine = statistics.median(engine_seconds) if engine_seconds else 0.0
        results["orchestration"] = {
            "seconds_per_task_run": round(per_task, 4),
            "task_runs_per_1000_articles": tasks_per_1000,
            "flow_engine_seconds_per_run": round(engine, 2),
            "overhead_share_of_run": round(
                (per_task * tasks_per_1000 + engine) / seconds_per_1000, 4
            ),
            "overhead_share_of_run_tasks_only": round(
                per_task * tasks_per_1000 / seconds_per_1000, 4
            ),
        }
        if server_per_task is not None:
            # the API server's CPU for the same task runs: on a machine whose cores the NLP
            # workers fill, it is time taken from them, so it counts as overhead too
            results["orchestration"]["server_cpu_seconds_per_task_run"] = round(server_per_task, 4)
            results["orchestration"]["overhead_share_with_server_cpu"] = round(
                ((per_task + server_per_task) * tasks_per_1000 + engine) / seconds_per_1000, 4
            )
        print(f"orchestration: {results['orchestration']}")
    write_result("throughput", results)
    return results


if __name__ == "__main__":
    main()
