"""Nightly discovery over a sitemap index (issue 10, nightly cost): the requests and seconds of
reading an index of --sitemaps daily sitemaps (--urls articles each) in a first run, in a
rerun with nothing new, and in a run after one sitemap changed (its index lastmod later, one
article more), with the index's lastmods kept between runs (`tasks.sources.Sitemap`) and
without (every sitemap asked for each run, as before 2026-12-04; an unchanged one gets a 304).

Served on loopback by a server that sends ETags and answers If-None-Match, with no per-host
delay (`fetch.min_delay` 0): a real site costs `min_delay` (1 s by default) more per request.
Figures go to bench/results/discovery.json.

Run: `.venv/bin/python -m bench.discovery [--sitemaps 1000] [--urls 20]`.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import threading
import time
from collections import Counter
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from bench.common import write_result

_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
_FIRST_DAY = date(2020, 1, 1)


class _Site:
    """Generated sitemap documents by path, served with ETags; counts each answer by status."""

    def __init__(self, sitemaps: int, urls: int) -> None:
        self.base = ""
        self.days = [_FIRST_DAY + timedelta(days=d) for d in range(sitemaps)]
        self.urls = urls
        self.extra: set[date] = set()  # days whose sitemap lists one article more
        self.answers: Counter[str] = Counter()
        self._lock = threading.Lock()

    def lastmod(self, day: date) -> date:
        return day + timedelta(days=1) if day in self.extra else day

    def body(self, path: str) -> bytes | None:
        if path == "/index.xml":
            entries = "".join(
                f"<sitemap><loc>{self.base}/s-{d}.xml</loc><lastmod>{self.lastmod(d)}</lastmod>"
                "</sitemap>"
                for d in self.days
            )
            return f'<?xml version="1.0"?><sitemapindex {_NS}>{entries}</sitemapindex>'.encode()
        day = date.fromisoformat(path.removeprefix("/s-").removesuffix(".xml"))
        count = self.urls + (day in self.extra)
        entries = "".join(
            f"<url><loc>{self.base}/{day}/{k}.html</loc><lastmod>{self.lastmod(day)}</lastmod>"
            "</url>"
            for k in range(count)
        )
        return f'<?xml version="1.0"?><urlset {_NS}>{entries}</urlset>'.encode()

    def serve(self) -> ThreadingHTTPServer:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                """Quiet."""

            def do_GET(self) -> None:
                body = site.body(self.path)
                assert body is not None
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                status = 304 if self.headers.get("If-None-Match") == etag else 200
                with site._lock:
                    site.answers[str(status)] += 1
                self.send_response(status)
                self.send_header("ETag", etag)
                self.send_header("Content-Type", "application/xml")
                self.send_header("Content-Length", "0" if status == 304 else str(len(body)))
                self.end_headers()
                if status == 200:
                    self.wfile.write(body)

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{server.server_address[1]}"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server


def _run(site: _Site, store: Path, keep_lastmods: bool) -> dict[str, Any]:
    """One run's discovery: the items listed, the requests by answer, the seconds."""
    from config.schema import FetchConfig
    from tasks.fetch import Fetcher
    from tasks.records import Item
    from tasks.sources import Sitemap

    cfg = FetchConfig(allow_private_addresses=True, min_delay=0.0, obey_robots=False)
    site.answers.clear()
    start = time.perf_counter()
    with Fetcher(cfg, validators=store) as fetcher:
        source = Sitemap(
            "s", f"{site.base}/index.xml", fetcher.get, fetcher if keep_lastmods else None
        )
        listed = sum(isinstance(entry, Item) for entry in source.items())
        fetcher.keep_validators()
    return {
        "listed": listed,
        "requests": sum(site.answers.values()),
        "answers": dict(site.answers),
        "seconds": round(time.perf_counter() - start, 2),
    }


def measure(sitemaps: int, urls: int) -> dict[str, Any]:
    """The three runs with index lastmods kept and without."""
    out: dict[str, Any] = {"sitemaps": sitemaps, "urls_per_sitemap": urls}
    for keep, key in ((True, "index_lastmods_kept"), (False, "without_index_lastmods")):
        site = _Site(sitemaps, urls)
        server = site.serve()
        try:
            with tempfile.TemporaryDirectory() as tmp:
                store = Path(tmp) / "validators.sqlite"
                first = _run(site, store, keep)
                nothing_new = _run(site, store, keep)
                site.extra.add(site.days[sitemaps // 2])
                one_changed = _run(site, store, keep)
        finally:
            server.shutdown()
        out[key] = {"first": first, "nothing_new": nothing_new, "one_sitemap_changed": one_changed}
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Measure, print and write bench/results/discovery.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sitemaps", type=int, default=1000)
    parser.add_argument("--urls", type=int, default=20)
    args = parser.parse_args(argv)
    results = measure(args.sitemaps, args.urls)
    for key in ("index_lastmods_kept", "without_index_lastmods"):
        for run, figures in results[key].items():
            print(f"{key:24s} {run:20s} {figures}")
    write_result("discovery", results)
    return results


if __name__ == "__main__":
    main()
