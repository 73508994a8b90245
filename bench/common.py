"""Shared helpers of the harnesses: where the eval data is, parsed-doc caching, result files."""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import multiprocessing
import os
import platform
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from xml.etree import ElementTree

import psutil
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("NEWSCORPUS_EVAL", ROOT.parent / "shared" / "eval"))
RESULTS = ROOT / "bench" / "results"
CACHE = ROOT / "bench" / ".cache"
T = TypeVar("T")


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
    }


def write_result(name: str, payload: dict[str, Any]) -> Path:
    """Write bench/results/<name>.json with the date and machine."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    data = {
        "measured": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        **payload,
    }
    path.write_text(json.dumps(data, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    return path


# our own pipeline components (tasks/nlp.py) change the parse too: a cached Doc is only good for
# the version of that file it was parsed with
_NLP_SOURCE = hashlib.sha256((ROOT / "tasks" / "nlp.py").read_bytes()).hexdigest()[:8]


def parsed(nlp: Any, key: str, texts: list[str]) -> list[Doc]:
    """Parse texts with nlp.pipe, caching the docs on disk by model, our components, key and
    content."""
    digest = hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()[:16]
    name = (
        f"{key}-{nlp.meta.get('name')}-{nlp.meta.get('version')}-{'+'.join(nlp.pipe_names)}"
        f"-{_NLP_SOURCE}-{digest}.spacy"
    )
    path = CACHE / name
    if path.is_file():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=32))
    CACHE.mkdir(parents=True, exist_ok=True)
    # written aside, then renamed: the test suite's processes (pytest-xdist) may parse the same
    # texts at once, and one must never read the other's file half written
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    DocBin(store_user_data=False, docs=docs).to_disk(partial)
    os.replace(partial, path)
    return docs


def meantime_tokens(root: ElementTree.Element) -> tuple[str, dict[str, tuple[int, int]]]:
    """A MEANTIME CAT document's text, its tokens joined by spaces and its sentences by newlines,
    and each token id's (start, end) offsets in it."""
    offsets: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    length = 0
    sentence = None
    for tok in root.iter("token"):
        if sentence is not None and tok.get("sentence") != sentence:
            parts.append("\n")
            length += 1
        elif parts:
            parts.append(" ")
            length += 1
        sentence = tok.get("sentence")
        word = tok.text or ""
        offsets[tok.get("t_id", "")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
    return "".join(parts), offsets


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 (precision over predictions, recall over gold)."""
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def chunks(items: Iterable[Any], size: int) -> Iterable[list[Any]]:
    """Lists of up to `size` items."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def tree_rss(proc: Any) -> int:
    """Resident bytes of a psutil process and all its descendants."""
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            continue
    return total


def run_cli(config: Path, logs: Path, sample_seconds: float = 1.0) -> dict[str, Any]:
    """Run `newscorpus run --config CFG --json` in a fresh process, sampling its tree's RSS.

    Returns returncode, seconds, the RSS samples (seconds, bytes), the parsed summary (None if
    unreadable) and the tail of stderr. Output goes to files: a pipe nobody reads during a
    long run would fill and block the child.
    """
    import psutil

    env = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false")
    env.pop("PREFECT_API_URL", None)  # its own ephemeral API, as a user's first run has
    out_path, err_path = logs / "run.stdout", logs / "run.stderr"
    samples: list[tuple[float, int]] = []
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "flows.cli", "run", "--config", str(config), "--json"],
            env=env,
            stdout=out,
            stderr=err,
        )
        proc = psutil.Process(child.pid)
        while child.poll() is None:
            samples.append((time.perf_counter() - start, tree_rss(proc)))
            time.sleep(sample_seconds)
        seconds = time.perf_counter() - start
    return {
        "returncode": child.returncode,
        "seconds": seconds,
        "samples": samples,
        "summary": parse_summary(out_path.read_text(encoding="utf-8", errors="replace")),
        "stderr_tail": err_path.read_text(encoding="utf-8", errors="replace")[-3000:],
    }


def parse_summary(stdout: str) -> dict[str, Any] | None:
    """The JSON summary `run --json` prints, skipping anything printed before it."""
    start = stdout.find("{\n")
    if start < 0:
        return None
    try:
        summary = json.loads(stdout[start:])
    except json.JSONDecodeError:
        return None
    return summary if isinstance(summary, dict) else None


def memory_figures(samples: list[tuple[float, int]], seconds: float) -> dict[str, Any]:
    """Peak RSS overall, over the first and the last quarter, and a 20-step profile (MB)."""
    if not samples:
        return {}
    quarter = seconds / 4
    first = max((r for t, r in samples if t <= quarter), default=0)
    last = max((r for t, r in samples if t >= 3 * quarter), default=0)
    steps = 20
    profile = [
        max(
            (r for t, r in samples if i * seconds / steps <= t < (i + 1) * seconds / steps),
            default=0,
        )
        for i in range(steps)
    ]
    return {
        "samples": len(samples),
        "peak_rss_mb": round(max(r for _, r in samples) / 2**20),
        "peak_rss_first_quarter_mb": round(first / 2**20),
        "peak_rss_last_quarter_mb": round(last / 2**20),
        "growth_last_vs_first_quarter": round(last / first, 3) if first else None,
        "peak_rss_by_twentieth_mb": [round(r / 2**20) for r in profile],
    }


class RssSampler:
    """Peak resident memory of this process and its children, sampled in a thread.

    Memory is read every `interval` seconds, the list of children once every `refresh`: listing
    them scans every process on the machine (~1.7 ms of CPU), and at four scans a second the
    sampler took 0.85 s of the flow process' CPU in a 55 s, 300-page run (per-thread CPU from
    /proc), CPU that the runs compete with and the floor does not.
    """

    def __init__(self, interval: float = 0.25, refresh: float = 1.0) -> None:
        self.interval = interval
        self.refresh = refresh
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        processes = [me]
        listed = -self.refresh
        while not self._stop.is_set():
            if time.monotonic() - listed >= self.refresh:
                with contextlib.suppress(psutil.Error):
                    processes = [me, *me.children(recursive=True)]
                listed = time.monotonic()
            total = 0
            for process in processes:
                with contextlib.suppress(psutil.Error):
                    total += process.memory_info().rss
            self.peak = max(self.peak, total)
            time.sleep(self.interval)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def timed_peak(call: Callable[[], T]) -> tuple[T, float, int]:
    """(result, seconds, peak RSS above the size before the call in bytes) of `call()` in this
    process, memory sampled every 10 ms (no children: one listing will do)."""
    base = psutil.Process().memory_info().rss
    with RssSampler(interval=0.01, refresh=3600) as rss:
        started = time.perf_counter()
        result = call()
        seconds = time.perf_counter() - started
    return result, seconds, rss.peak - base


def in_fresh_process(function: Callable[..., T], *args: Any) -> T:
    """`function(*args)` in a freshly spawned process (module-level function, picklable args),
    so a measured peak is not hidden by memory this process already holds."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(function, *args).result()


def corpus_growth(
    argv: list[str] | None,
    name: str,
    what: str,
    write: Callable[[Path, int], dict[str, int]],
    job: Callable[[str], tuple[dict[str, Any], float, int]],
    sizes: Iterable[int],
) -> dict[str, Any]:
    """The main of a bench over growing corpora: at each size (`sizes`, or `--sizes` in argv),
    `write(root, articles)` generates a corpus (returning its row counts) and `job(root)`, in a
    fresh process, measures one call over it (returning what it made, the seconds and the peak
    RSS above the process's size before the call, in bytes: see `timed_peak`). Prints a line a
    size and writes bench/results/<name>.json with the runs and the peak's growth from the
    smallest to the largest corpus."""
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=what)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(sizes))
    runs = []
    for size in parser.parse_args(argv).sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmp:
            root = Path(tmp) / "corpus"
            rows = write(root, size)
            made, seconds, peak = in_fresh_process(job, str(root))
        run = {
            "articles": size,
            "rows": rows,
            **made,
            "seconds": round(seconds, 2),
            "peak_rss_above_start_mb": round(peak / 1e6),
        }
        runs.append(run)
        print(
            f"{size:>8} articles ({', '.join(f'{n:,} {t}' for t, n in rows.items())}): "
            f"{', '.join(f'{k} {v}' for k, v in made.items())}; {seconds:.2f} s, "
            f"peak RSS +{run['peak_rss_above_start_mb']} MB",
            flush=True,
        )
    growth = runs[-1]["peak_rss_above_start_mb"] / max(1, runs[0]["peak_rss_above_start_mb"])
    print(f"peak growth, largest / smallest corpus: x{growth:.2f}")
    result = {"what": what, "runs": runs, "peak_growth_largest_over_smallest": round(growth, 2)}
    write_result(name, result)
    return result


def add_dir_option(parser: argparse.ArgumentParser, files: str) -> None:
    """`--dir FOLDER`: a harness scores the `files` of any folder instead of its splits."""
    parser.add_argument(
        "--dir",
        type=Path,
        help=f"score {files} instead of the splits; prints the figures and writes no result file",
    )
