"""SIGKILL of a whole `newscorpus run` at each stage, then a rerun: nothing committed is lost.

The run is a real CLI process (its own ephemeral Prefect API, NLP worker processes) over the
demo site in batches of 4 articles. Its whole process group is killed (as the OOM killer or a
lost machine would) when its log shows a given stage at work; a second run then completes.
Checked: articles committed before the kill are still there, no article or enrichment row is
duplicated, every table stays readable, and the raw archive reads to its end.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pandas as pd
import psutil
import pytest
import yaml
from pyarrow import fs as pafs

from tasks.records import Skip
from tasks.warc import archived_items

SITE = Path(__file__).resolve().parents[1] / "flows" / "demo_site"
ARTICLES = len(json.loads((SITE / "manifest.json").read_text(encoding="utf-8"))["articles"])
RUN_TIMEOUT = 180
pytestmark = pytest.mark.slow

# (log line pattern, occurrence): the moment of the kill
KILL_POINTS = [
    (r"Task run 'fetch-", 1),  # first batch fetched, nothing cleaned
    (r"Task run 'clean-", 1),  # first batch cleaned, spaCy at work
    (r"Task run 'enrich-", 1),  # first batch enriched, being committed
    (r"batch committed", 2),  # two batches committed, the third in flight
    (r"discovered, \d+ written", 1),  # every batch committed: the run is finishing
]


def run_cli(
    config: Path,
    kill_at: tuple[str, int] | None = None,
    python: list[str] | None = None,
    left: list[int] | None = None,
) -> tuple[int, str]:
    """Run `newscorpus run`; with kill_at, SIGKILL its process group at that log line. `python`
    replaces `-m flows.cli` (a script that ends by calling flows.cli.main); `left` gets the
    processes of the run's group still alive 2 s after its process ended."""
    env = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_LOGGING_LEVEL="INFO")
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen(
        [sys.executable, *(python or ["-m", "flows.cli"]), "run", "--config", str(config)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the kill takes workers and API too
    )
    assert proc.stderr is not None
    stderr = proc.stderr
    log: list[str] = []

    def read() -> None:
        seen = 0
        for line in stderr:
            log.append(line)
            if kill_at and re.search(kill_at[0], line):
                seen += 1
                if seen == kill_at[1]:
                    os.killpg(proc.pid, signal.SIGKILL)

    # read on a thread: a run that dies by itself leaves children (its API server) holding the
    # pipe open, so the log ends when the process group is gone, not when the run is
    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        proc.wait(timeout=RUN_TIMEOUT)
        if left is not None:
            time.sleep(2)
            left.extend(p.pid for p in psutil.process_iter() if _group(p.pid) == proc.pid)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # nothing of the run may outlive the test
        reader.join(timeout=30)
    return proc.returncode, "".join(log)


def _group(pid: int) -> int | None:
    try:
        return os.getpgid(pid)
    except ProcessLookupError:
        return None


def table(data: Path, name: str) -> pd.DataFrame:
    """A table as readers see it (empty before the first commit)."""
    if not (data / name).exists():
        return pd.DataFrame({"article_id": pd.Series(dtype=str)})
    return pd.read_parquet(data / name)


@pytest.mark.parametrize("kill_at", KILL_POINTS, ids=[f"{p}#{n}" for p, n in KILL_POINTS])
def test_sigkill_at_each_stage_then_rerun(
    demo_site, tmp_path: Path, kill_at: tuple[str, int]
) -> None:
    config, data = demo_run_config(demo_site, tmp_path)
    code, log = run_cli(config, kill_at)
    assert code == -signal.SIGKILL, f"the run ended before the kill point:\n{log[-3000:]}"
    committed = set(table(data, "articles").article_id)  # readable right after the kill
    if kill_at[0] == "batch committed":
        # a run's first batch is an eighth of batch_size (at least one article), then whole ones
        assert len(committed) >= 1 + 4

    code, log = run_cli(config)
    assert code == 0, log[-3000:]
    articles = table(data, "articles")
    assert articles.article_id.is_unique and len(articles) == ARTICLES
    assert committed <= set(articles.article_id)
    for name, key in [
        ("entities", ["article_id", "start_char", "end_char", "label"]),
        ("dates", ["article_id", "start_char", "end_char"]),
        ("quotes", ["article_id", "start_char", "end_char"]),
    ]:
        rows = table(data, name)
        assert not rows.duplicated(key).any(), name
        assert set(rows.article_id) <= set(articles.article_id), name
    assert not any((data / "_staging").glob("*.parquet"))
    raw = list(archived_items(pafs.LocalFileSystem(), str(data)))
    assert raw and not any(isinstance(item, Skip) for item in raw)


# `newscorpus run` whose cleaning of one page (argv[1]) goes wrong (argv[2]): its process dies,
# as by a crash in native code or the OOM killer, or the cleaning never ends, as a parser's
# endless loop would
_BAD_ON_ONE_PAGE = """
import os, signal, sys, time
import tasks.clean
from flows.cli import main
clean_page = tasks.clean.clean_page
page_path, how = sys.argv.pop(1), sys.argv.pop(1)
def bad_on_one(page, cfg):
    while page.item.url.endswith(page_path):
        if how == "dies":
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(1)
    return clean_page(page, cfg)
tasks.clean.clean_page = bad_on_one
sys.exit(main(sys.argv[1:]))
"""
# the page that goes wrong: one of the 2nd batch (the first is 1 article)
BAD_PAGE = json.loads((SITE / "manifest.json").read_text(encoding="utf-8"))["articles"][3]["path"]


def demo_run_config(site: Any, tmp_path: Path, **nlp: Any) -> tuple[Path, Path]:
    """A config of the demo site in batches of 4, one NLP worker, and these nlp settings;
    returns it and the output directory."""
    from flows.cli import demo_config

    data = tmp_path / "data"
    cfg = demo_config(site.base_url, str(data))
    cfg["nlp"] = {"aliases": "nk_talks.yaml", "workers": 1, "batch_size": 4, **nlp}
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump(cfg), encoding="utf-8")
    return config, data


def rejected_alone(data: Path, reason: str) -> None:
    """BAD_PAGE is the one reject for `reason` (in cleaning), and every other page is written."""
    rejects = table(data, "rejects")
    rejected = rejects[rejects.reason == reason]
    assert [
        (u.endswith(BAD_PAGE), s) for u, s in zip(rejected.url, rejected.stage, strict=True)
    ] == [(True, "clean")]
    articles = table(data, "articles")
    assert articles.article_id.is_unique
    assert not any(url.endswith(BAD_PAGE) for url in articles.url)
    assert len(articles) == ARTICLES - 1  # the others, as a run without the page writes


def test_a_page_that_kills_the_run_twice_is_rejected_by_the_next(demo_site, tmp_path: Path) -> None:
    # before, each run that fetched the page died on it: a nightly run never got past it
    config, data = demo_run_config(demo_site, tmp_path)
    dies = ["-c", _BAD_ON_ONE_PAGE, BAD_PAGE, "dies"]
    for _death in range(2):  # the first death strikes the page, the second rejects it
        code, log = run_cli(config, python=dies)
        assert code == -signal.SIGKILL, log[-3000:]
    code, log = run_cli(config, python=dies)  # the page still kills: it is not fetched
    assert code == 0, log[-3000:]
    rejected_alone(data, "run_died")


def test_a_run_stuck_on_a_page_stops_and_the_next_rejects_it(demo_site, tmp_path: Path) -> None:
    # before, the run waited for the page for good, and so did the runs queued behind it
    from tasks.enrich import STALLED_RUN_EXIT

    config, data = demo_run_config(demo_site, tmp_path, stall_timeout=2, stop_stalled_run=True)
    hangs = ["-c", _BAD_ON_ONE_PAGE, BAD_PAGE, "hangs"]
    left: list[int] = []
    code, log = run_cli(config, python=hangs, left=left)
    assert code == STALLED_RUN_EXIT, log[-3000:]
    assert left == []  # its NLP worker and ephemeral API server did not outlive it
    assert f"cleaning has held {demo_site.base_url}{BAD_PAGE}" in log
    code, log = run_cli(config, python=hangs)  # the page still hangs: it is not fetched
    assert code == 0, log[-3000:]
    rejected_alone(data, "stalled")
