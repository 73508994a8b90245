"""Soak test (opt-in, not in CI): a long `newscorpus run` over a faulty loopback site.

`--pages` generated news pages (default 50,000) are served on 127.0.0.1 by a small threaded
server that injects a fault into a deterministic 5% of the article URLs (the 5% with the lowest
SHA-256 of their path, fault kinds dealt in turn): 500 every time, 404, connection reset, body
shorter than its Content-Length, a slow drip past the read timeout, an empty 200, a
JavaScript shell with no article text, invalid UTF-8 inside a normal page, and a 503 with
`Retry-After: 0` on the first request only (retries must turn that one into an article).

The run is a fresh `newscorpus run --config CFG --json` process, as a user starts it; its
process tree is sampled for RSS every second. Afterwards the accounting is checked exactly
against the datasets: discovered = written + skipped + rejected, written = rows in `articles`,
article ids unique, rejected = rows in `rejects`, every URL in exactly one of the two, every
permanently faulty page rejected (for the reason its fault implies) and never written, every
transient fault written. Memory is reported as the peak overall and over the first and the
last quarter of the run (a streaming pipeline stays flat).

Run: `.venv/bin/python -m bench.soak [--pages 50000] [--workers 1]`. Figures go to
bench/results/soak.json; the exit status is 1 when an accounting check fails. 50,000 pages
take well over an hour (about 10 docs/s with one NLP worker on two cores); `--pages 300` is a
quick smoke run. On a short run the first quarter is mostly start-up (model load, Prefect API),
so the memory comparison means something only on a long one.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import socket
import struct
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pandas as pd
import pyarrow.dataset as pads
import yaml

from bench.common import memory_figures, run_cli, write_result
from bench.corpus import write_site
from bench.throughput import run_config
from flows.demo_server import SiteServer

FAULT_SHARE = 0.05
# Short enough that slow-drip pages cost seconds, not minutes; long enough that a normal page
# on a busy two-core machine is never cut off.
READ_TIMEOUT_S = 2.0
RETRIES = 2
BACKOFF_S = 0.05
DRIP_GAP_S = READ_TIMEOUT_S * 1.5  # silence between two dripped bytes: past the read timeout
DRIP_STEPS = 2  # bounds a drip handler's life to DRIP_STEPS * DRIP_GAP_S

KINDS = (
    "http_500",
    "http_404",
    "reset",
    "truncated",
    "slow_drip",
    "empty_200",
    "js_shell",
    "bad_utf8",
    "transient_503",
)
# What each permanent fault must become ("stage:reason"); bad_utf8 and transient_503 are not
# permanent: the first may be written (the text survives decoding), the second must be.
EXPECTED_REJECTS = {
    "http_500": {"fetch:http_500"},
    "http_404": {"fetch:http_404"},
    "reset": {"fetch:connection_error"},
    "truncated": {"fetch:connection_error"},
    "slow_drip": {"fetch:timeout"},
    "empty_200": {"fetch:empty_body"},
    "js_shell": {"clean:empty_extraction", "clean:too_short"},
}
JS_SHELL = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Bench Herald</title><script src="/static/app.3f9a.js" defer></script></head>
<body><div id="root"></div><noscript>Please enable JavaScript.</noscript></body></html>"""


def _digest(path: str) -> str:
    """Stable hash of a path (Python's hash() is salted per process)."""
    return hashlib.sha256(path.encode("utf-8")).hexdigest()


def assign_faults(paths: list[str], share: float = FAULT_SHARE) -> dict[str, str]:
    """Path -> fault kind for exactly `share` of the paths, chosen by hash, kinds dealt in turn.

    Dealing in turn (rather than drawing a kind per path) puts every kind in even a small run.
    """
    chosen = sorted(paths, key=_digest)[: round(len(paths) * share)]
    return {path: KINDS[i % len(KINDS)] for i, path in enumerate(chosen)}


class _Server(ThreadingHTTPServer):
    """ThreadingHTTPServer that keeps quiet about clients hanging up (the faults cause that)."""

    daemon_threads = True
    request_queue_size = 128  # the default 5 drops SYNs under eight concurrent fetches

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore socket errors; anything else is a bug in the handler and is printed."""
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)


class FaultServer:
    """Serve a generated site on loopback, injecting `faults` (path -> kind); a context manager.

    Counts the requests of each faulty path in `hits` (only faulty ones: memory stays bounded).
    """

    def __init__(self, root: Path, faults: dict[str, str]) -> None:
        self.root = root.resolve()
        self.faults = faults
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                return  # one line per request would swamp a 50k-page run's terminal

            def do_GET(self) -> None:
                # the client gave up (timeout) or the fault closed the socket
                with contextlib.suppress(OSError):
                    outer._respond(self)

        self.httpd = _Server(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def _file(self, path: str) -> bytes | None:
        """The bytes of a site file, {{BASE_URL}} substituted in text files; None if absent."""
        target = (self.root / path.lstrip("/")).resolve()
        if not target.is_relative_to(self.root) or not target.is_file():
            return None
        body = target.read_bytes()
        if target.suffix in (".xml", ".txt"):
            body = body.replace(b"{{BASE_URL}}", self.base_url.encode("ascii"))
        return body

    def _respond(self, h: BaseHTTPRequestHandler) -> None:
        """Answer one request: the file as is, or the path's fault."""
        path = unquote(urlsplit(h.path).path)
        kind = self.faults.get(path)
        hit = 0
        if kind is not None:
            with self._lock:
                self.hits[path] += 1
                hit = self.hits[path]
        body = self._file(path)
        if body is None:
            h.send_error(404)
            return
        ctype = "application/xml" if path.endswith(".xml") else "text/html"
        if path.endswith(".txt"):
            ctype = "text/plain; charset=utf-8"
        if kind in ("http_500", "http_404"):
            h.send_error(int(kind[-3:]))
        elif kind == "reset":
            # linger 0: closing sends RST instead of a clean FIN, as a crashed backend does
            h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            h.close_connection = True
        elif kind == "truncated":
            _headers(h, 200, ctype, len(body))
            h.wfile.write(body[: len(body) // 2])
            h.close_connection = True
        elif kind == "slow_drip":
            _headers(h, 200, ctype, len(body))
            h.wfile.write(body[:256])
            h.wfile.flush()
            for i in range(DRIP_STEPS):
                time.sleep(DRIP_GAP_S)
                h.wfile.write(body[256 + i : 257 + i])
                h.wfile.flush()
            h.close_connection = True
        elif kind == "empty_200":
            _headers(h, 200, ctype, 0)
        elif kind == "js_shell":
            _headers(h, 200, ctype, len(JS_SHELL))
            h.wfile.write(JS_SHELL)
        elif kind == "transient_503" and hit == 1:
            h.send_response(503)
            h.send_header("Retry-After", "0")
            h.send_header("Content-Length", "0")
            h.end_headers()
        else:
            if kind == "bad_utf8":
                # bytes that are never valid UTF-8, in a page that declares UTF-8
                body = body.replace(b"<p>", b"<p>\xff\xfe\xc3\x28 ", 3)
            _headers(h, 200, ctype, len(body))
            h.wfile.write(body)

    # same lifecycle as the demo site server: serve_forever in a daemon thread
    __enter__ = SiteServer.__enter__
    __exit__ = SiteServer.__exit__


def _headers(h: BaseHTTPRequestHandler, status: int, ctype: str, length: int) -> None:
    """Send a status line and the Content-Type / Content-Length headers."""
    h.send_response(status)
    h.send_header("Content-Type", ctype)
    h.send_header("Content-Length", str(length))
    h.end_headers()


def soak_config(tmp: Path, base_url: str, output: Path, workers: int) -> Path:
    """The throughput benchmark's config with short timeouts and fast retries."""
    path = run_config(tmp, base_url, output, workers)
    cfg = yaml.safe_load(path.read_text(encoding="utf-8"))
    cfg["fetch"].update(
        {
            "connect_timeout": 5.0,
            "read_timeout": READ_TIMEOUT_S,
            "total_timeout": 15.0,
            "retries": RETRIES,
            "backoff": BACKOFF_S,
        }
    )
    path.write_text(yaml.safe_dump(cfg), encoding="utf-8")
    return path


def read_datasets(output: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(articles: article_id, url) and (rejects: url, stage, reason, run_id) of the output."""
    articles = pd.DataFrame(columns=["article_id", "url"])
    if (output / "articles").is_dir():
        table = pads.dataset(output / "articles", partitioning="hive").to_table(
            columns=["article_id", "url"]
        )
        articles = table.to_pandas()
    rejects = pd.DataFrame(columns=["url", "stage", "reason", "run_id"])
    if (output / "rejects").is_dir():
        rejects = pd.read_parquet(output / "rejects", columns=["url", "stage", "reason", "run_id"])
    return articles, rejects


def check_accounting(
    summary: dict[str, Any],
    articles: pd.DataFrame,
    rejects: pd.DataFrame,
    urls: dict[str, str],
    faults: dict[str, str],
) -> tuple[dict[str, bool], dict[str, Any]]:
    """The exact accounting checks (name -> passed) and the figures behind them.

    `urls` maps each generated URL to its path; `faults` maps faulty paths to their kind.
    """
    totals = summary["totals"]
    skipped = sum(totals["skipped"].values())
    rejected = sum(totals["rejected"].values())
    written_urls = set(articles["url"])
    reject_counts = Counter(rejects["url"])
    reasons = {
        url: f"{stage}:{reason}"
        for url, stage, reason in zip(
            rejects["url"], rejects["stage"], rejects["reason"], strict=True
        )
    }
    by_kind: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for url, path in urls.items():
        if path in faults:
            by_kind[faults[path]].append(url)
    permanent = [url for kind in EXPECTED_REJECTS for url in by_kind[kind]]
    wrong_reason = {
        url: reasons.get(url)
        for kind, expected in EXPECTED_REJECTS.items()
        for url in by_kind[kind]
        if reasons.get(url) not in expected
    }
    all_urls = set(urls)
    rejected_urls = set(reject_counts)
    clean_unwritten = [u for u, p in urls.items() if p not in faults and u not in written_urls]
    checks = {
        "run_balanced": totals["discovered"] == totals["written"] + skipped + rejected
        and bool(totals["balanced"])
        and all(s["balanced"] for s in summary["sources"].values()),
        "every_page_discovered": totals["discovered"] == len(urls),
        "written_equals_article_rows": totals["written"] == len(articles),
        "article_ids_unique": bool(articles["article_id"].is_unique),
        "rejected_equals_reject_rows": rejected == len(rejects)
        and set(rejects["run_id"]) <= {summary["run_id"]},
        # a fresh output and unique URLs: each page is an article or one reject row, never both
        "every_url_in_exactly_one_table": written_urls | rejected_urls == all_urls
        and not written_urls & rejected_urls
        and all(n == 1 for n in reject_counts.values()),
        "permanent_faults_rejected_not_written": all(
            reject_counts[u] == 1 and u not in written_urls for u in permanent
        ),
        "permanent_faults_rejected_for_their_reason": not wrong_reason,
        "transient_faults_written": all(u in written_urls for u in by_kind["transient_503"]),
    }
    figures = {
        "discovered": totals["discovered"],
        "written": totals["written"],
        "skipped": totals["skipped"],
        "rejected": totals["rejected"],
        "article_rows": len(articles),
        "reject_rows": len(rejects),
        "faulty_pages_by_kind": {kind: len(v) for kind, v in by_kind.items()},
        "bad_utf8_written": sum(u in written_urls for u in by_kind["bad_utf8"]),
        "permanent_faults_wrong_reason": dict(list(wrong_reason.items())[:20]),
        "clean_pages_not_written": len(clean_unwritten),
        "clean_pages_not_written_reasons": dict(
            Counter(reasons.get(u, "missing") for u in clean_unwritten)
        ),
    }
    return checks, figures


def hits_by_kind(hits: Counter[str], faults: dict[str, str]) -> dict[str, dict[str, int]]:
    """Requests the server saw per faulty page, as min/max per kind (shows the retries)."""
    seen: dict[str, list[int]] = {}
    for path, kind in faults.items():
        seen.setdefault(kind, []).append(hits.get(path, 0))
    return {kind: {"min": min(v), "max": max(v)} for kind, v in seen.items()}


def main(argv: list[str] | None = None) -> int:
    """Run the soak; write bench/results/soak.json; 0 if every accounting check passed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=50_000)
    parser.add_argument("--workers", type=int, default=1, help="NLP worker processes")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {"pages": args.pages, "nlp_workers": args.workers}
    with tempfile.TemporaryDirectory(prefix="newscorpus-soak-") as tmp_name:
        tmp = Path(tmp_name)
        start = time.perf_counter()
        paths = write_site(tmp / "site", args.pages)
        results["generate_seconds"] = round(time.perf_counter() - start, 1)
        faults = assign_faults(paths)
        output = tmp / "data"
        with FaultServer(tmp / "site", faults) as server:
            config = soak_config(tmp, server.base_url, output, args.workers)
            print(f"soak: {args.pages} pages, {len(faults)} faulty, running {config.name}")
            run = run_cli(config, tmp, sample_seconds=1.0)
            urls = {f"{server.base_url}{p}": p for p in paths}
            hits = server.hits.copy()
        seconds = run["seconds"]
        results["seconds"] = round(seconds, 1)
        results["fetch"] = {"read_timeout_s": READ_TIMEOUT_S, "retries": RETRIES}
        results["requests_per_faulty_page"] = hits_by_kind(hits, faults)
        results["memory"] = memory_figures(run["samples"], seconds)
        summary = run["summary"]
        if run["returncode"] != 0 or summary is None:
            results["checks"] = {"run_completed": False}
            results["returncode"] = run["returncode"]
            results["stderr_tail"] = run["stderr_tail"]
        else:
            articles, rejects = read_datasets(output)
            checks, figures = check_accounting(summary, articles, rejects, urls, faults)
            results["checks"] = {"run_completed": True, **checks}
            results["accounting"] = figures
            results["docs_per_s"] = round(summary["totals"]["written"] / seconds, 2)
    results["passed"] = all(results["checks"].values())
    write_result("soak", results)
    print(json.dumps(results, indent=2))
    return 0 if results["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
