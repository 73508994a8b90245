"""Polite, guarded HTTP fetching: robots.txt, per-host pacing, retries, SSRF guard, size limits.

`Fetcher.fetch(item)` returns a `Page` or raises `FetchError` (a rejection with a reason such as
`http_404`, `timeout`, `too_large`, `not_html`, `redirect_loop`, `private_address`) or
`RobotsDisallowed` (a skip). `fetch_batch` runs a batch on threads and sorts the outcomes.
"""

from __future__ import annotations

import ipaddress
import random
import re
import socket
import sqlite3
import threading
import time
import zlib
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx
from charset_normalizer import from_bytes

from config.schema import FetchConfig
from tasks.records import Item, Page, Reject, Skip, StageError

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# A redirect's or an error's body is read and dropped up to this size, so that its connection goes
# back to the pool for the host's next request (a robots.txt 404, an http -> https redirect);
# httpx closes a connection whose response was left unread. A longer body is cut, and its
# connection closed.
DRAIN_MAX_BYTES = 64 * 1024
# Types we accept for discovery documents (feeds, sitemaps, robots.txt) but never as articles;
# a gzipped sitemap (sitemap.xml.gz, which the sitemaps protocol allows) comes as a gzip file
_DISCOVERY_TYPES = ("xml", "rss", "atom", "text/plain", "gzip", "octet-stream")
_GZIP_MAGIC = b"\x1f\x8b"
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# RFC 9309 (2.5): a crawler may stop reading robots.txt after 500 KiB. Python's parser checks a
# URL against every rule in turn: 200,000 rules (~6 MB) took 12-24 ms a URL, minutes for the
# URLs of a backfill on that host; 500 KiB holds ~15,000 rules (~1.5 ms).
ROBOTS_MAX_BYTES = 500 * 1024
_MAX_RETRY_AFTER_S = 120.0  # a server asking for longer is treated as down for this run
# A listing's validators and lastmod that no run used for this long are of settings given up (a
# source's old filters, an old topic): dropped, so the store does not grow with each change.
KEEP_UNUSED_DAYS = 180


class FetchError(StageError):
    """A URL could not be fetched into an article page."""

    stage = "fetch"


class NotModified(Exception):
    """A conditional GET answered 304: the discovery document has not changed since last run."""


class HttpValidators:
    """ETag / Last-Modified of discovery documents, kept between runs (one small SQLite file).

    New validators wait in memory until `save()`: the run calls it once everything it discovered
    is committed, so a run killed earlier refetches the documents instead of getting a 304 for
    items it never stored. Each document's are kept under the scope of the source that read it
    (tasks.sources.source_scope: what decides which of its items a run takes) and serve that
    scope only, so the first run after a source's settings change reads its listings whole; two
    sources that read one listing under different scopes keep a row each. A row no run has used
    for KEEP_UNUSED_DAYS is dropped (the scopes of settings given up).
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        # (url, scope) -> (etag, last-modified), and (url, scope) -> index lastmod
        self._pending: dict[tuple[str, str], tuple[str | None, str | None]] = {}
        self._index_lastmods: dict[tuple[str, str], str | None] = {}  # see keep_index_lastmod
        self._unsettled: set[str] = set()  # see unsettle
        self._used: set[tuple[str, str]] = set()  # rows that served this run
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=30)
        # feeds and sitemaps of articles only (see _lists_articles). The table `validators` of
        # earlier versions held robots.txt and sitemap indexes too, whose 304s hid the sitemaps
        # that changed: it is left unread, so each document is fetched whole once more
        with self._db:
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS scoped_listings (url TEXT, scope TEXT, etag TEXT, "
                "last_modified TEXT, index_lastmod TEXT, kept TEXT, PRIMARY KEY (url, scope))"
            )
            self._upgrade()

    def _upgrade(self) -> None:
        # `listings` of earlier versions held one row a URL: its rows with a scope move over,
        # those of none (older still) served nothing and go
        tables = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master")}
        if "listings" not in tables:
            return
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(listings)")}
        if {"scope", "index_lastmod"} <= columns:
            self._db.execute(
                "INSERT OR IGNORE INTO scoped_listings SELECT url, scope, etag, last_modified, "
                "index_lastmod, ? FROM listings WHERE scope IS NOT NULL",
                (date.today().isoformat(),),
            )
        self._db.execute("DROP TABLE listings")

    def _row(self, url: str, scope: str) -> tuple[Any, ...] | None:
        with self._lock:
            row: tuple[Any, ...] | None = self._db.execute(
                "SELECT etag, last_modified, index_lastmod FROM scoped_listings "
                "WHERE url=? AND scope=?",
                (url, scope),
            ).fetchone()
            if row is not None:
                self._used.add((url, scope))
        return row

    def get(self, url: str, scope: str = "") -> tuple[str | None, str | None] | None:
        """(etag, last-modified) saved for a URL under `scope` by an earlier run, or None."""
        row = self._row(url, scope)
        return (row[0], row[1]) if row and (row[0] or row[1]) else None

    def put(self, url: str, etag: str | None, last_modified: str | None, scope: str = "") -> None:
        """Remember a document's validators (kept only once `save()` is called)."""
        with self._lock:
            self._pending[url, scope] = (etag, last_modified)

    def index_lastmod(self, url: str, scope: str = "") -> datetime | None:
        """The lastmod kept for a sitemap under `scope` by an earlier run, or None."""
        row = self._row(url, scope)
        return datetime.fromisoformat(row[2]) if row and row[2] else None

    def keep_index_lastmod(self, url: str, lastmod: datetime | None, scope: str = "") -> None:
        """Remember the lastmod its index gave a sitemap this run read whole (None forgets the
        one kept before); kept only once `save()` is called."""
        with self._lock:
            self._index_lastmods[url, scope] = lastmod.isoformat() if lastmod else None

    def unsettle(self, url: str) -> None:
        """Keep no validators for a document this run, under any scope: the next run fetches
        it whole."""
        with self._lock:
            self._unsettled.add(url)

    def save(self) -> None:
        """Store the validators remembered so far, and forget those of unsettled documents."""
        today = date.today()
        with self._lock, self._db:
            kept = today.isoformat()
            self._db.executemany(
                "INSERT INTO scoped_listings (url, scope, etag, last_modified, kept) "
                "VALUES (?,?,?,?,?) ON CONFLICT(url, scope) DO UPDATE "
                "SET etag=excluded.etag, last_modified=excluded.last_modified, kept=excluded.kept",
                [
                    (url, scope, *validators, kept)
                    for (url, scope), validators in self._pending.items()
                    if url not in self._unsettled
                ],
            )
            self._db.executemany(
                "INSERT INTO scoped_listings (url, scope, index_lastmod, kept) VALUES (?,?,?,?) "
                "ON CONFLICT(url, scope) DO UPDATE "
                "SET index_lastmod=excluded.index_lastmod, kept=excluded.kept",
                [
                    (url, scope, lastmod, kept)
                    for (url, scope), lastmod in self._index_lastmods.items()
                    if url not in self._unsettled
                ],
            )
            self._db.executemany(
                "UPDATE scoped_listings SET kept=? WHERE url=? AND scope=?",
                [(kept, url, scope) for url, scope in self._used],
            )
            self._db.executemany(
                "DELETE FROM scoped_listings WHERE url=?", [(url,) for url in self._unsettled]
            )
            self._db.execute(
                "DELETE FROM scoped_listings WHERE kept < ?",
                ((today - timedelta(days=KEEP_UNUSED_DAYS)).isoformat(),),
            )
            self._pending.clear()
            self._index_lastmods.clear()
            self._unsettled.clear()
            self._used.clear()

    def close(self) -> None:
        """Close the store (validators not saved are dropped)."""
        self._db.close()


# The start of a discovery document that only points to others: a sitemap index, a homepage
# that advertises feeds; after a byte order mark, processing instructions (an xml-stylesheet, as
# WordPress sitemaps have) and comments
_POINTER_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<\?[^>]*>\s*|<!--(?:[^-]|-(?!->))*-->\s*)*"
    rb"<(?:(?:\w+:)?sitemapindex|!doctype html|html)\b",
    re.I | re.S,
)
_SNIFF_BYTES = 4096


def _lists_articles(url: str, body: bytes) -> bool:
    """Whether a discovery document lists articles itself (a feed, a sitemap of URLs), so that
    a 304 for it means nothing new there. robots.txt, a sitemap index and a homepage only point
    to such documents and stay the same while those change: they are fetched whole each run."""
    return not urlsplit(url).path.endswith("/robots.txt") and not _POINTER_START.match(
        body[:_SNIFF_BYTES]
    )


def _gunzip(data: bytes, max_bytes: int, url: str) -> bytes:
    """A gzip file's content, refused past max_bytes (a decompression bomb) or when corrupt."""
    inflater = zlib.decompressobj(wbits=31)  # 31: gzip header and trailer
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as err:
        raise FetchError("bad_gzip", f"{url}: {err}") from None
    if len(out) > max_bytes:
        raise FetchError("too_large", f"{url}: more than {max_bytes} bytes unzipped")
    return out


# Fetch failures that may pass by the next run: no answer, throttling, a server error
_TRANSIENT = re.compile(r"timeout|connection_error|dns_error|http_(?:408|425|429|5\d\d)")


class RobotsDisallowed(Exception):
    """robots.txt forbids the URL for our user agent (a skip, not an error)."""


def is_public_address(address: str) -> bool:
    """False for private, loopback, link-local, reserved, multicast and unspecified addresses."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


def check_target(url: str, cfg: FetchConfig) -> None:
    """Refuse a URL whose host resolves to a non-public address, unless allowed (SSRF guard)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError("bad_scheme", f"only http(s) is fetched, not {parts.scheme or 'none'}")
    host = parts.hostname
    if not host:
        raise FetchError("invalid_url", url)
    if cfg.allow_private_addresses or host in cfg.allow_hosts:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or 80, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError("dns_error", f"{host}: {err}") from None
    for info in infos:
        address = str(info[4][0])
        if not is_public_address(address):
            raise FetchError("private_address", f"{host} resolves to {address}")


def decode_html(body: bytes, content_type: str) -> str:
    """Decode a page: charset from the header, then <meta>, then detection; never raises."""
    candidates: list[str] = []
    match = re.search(r"charset=([\w.:-]+)", content_type, re.IGNORECASE)
    if match:
        candidates.append(match.group(1))
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    for name in candidates:
        try:
            return body.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    best = from_bytes(body[:200_000]).best()
    if best is not None and best.encoding:
        return body.decode(best.encoding, errors="replace")
    return body.decode("utf-8", errors="replace")


def _drain(response: httpx.Response, deadline: float) -> None:
    """Read a body we do not keep, up to DRAIN_MAX_BYTES and the fetch's deadline."""
    size = 0
    for chunk in response.iter_raw():
        size += len(chunk)
        if size > DRAIN_MAX_BYTES or time.monotonic() > deadline:
            return


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return max(0.0, (when - datetime.now(UTC)).total_seconds())


@dataclass
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    slots: threading.Semaphore = field(default_factory=lambda: threading.Semaphore(2))
    next_at: float = 0.0
    robots: RobotFileParser | None = None
    delay: float = 0.0


class Fetcher:
    """One HTTP client for a run: shared connection pool, per-host state, robots cache."""

    def __init__(
        self,
        cfg: FetchConfig,
        transport: httpx.BaseTransport | None = None,
        validators: Path | None = None,
    ) -> None:
        """`validators`: the store of discovery documents' validators (HttpValidators); none:
        every discovery document is fetched whole."""
        self.cfg = cfg
        self._validators = HttpValidators(validators) if validators is not None else None
        self._scope = ""  # the scope of the source whose discovery documents are read now
        timeout = httpx.Timeout(cfg.read_timeout, connect=cfg.connect_timeout)
        self.client = httpx.Client(
            headers={
                "User-Agent": cfg.user_agent,
                "Accept": "text/html,application/xhtml+xml,*/*;q=0.5",
            },
            timeout=timeout,
            follow_redirects=False,  # redirects are followed by hand: SSRF check on every hop
            limits=httpx.Limits(max_connections=cfg.concurrency),
            transport=transport,
        )
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()

    def close(self) -> None:
        """Close the connection pool."""
        self.client.close()
        if self._validators is not None:
            self._validators.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- per-host politeness ----------------------------------------------------------------
    def _host(self, netloc: str) -> _Host:
        with self._hosts_lock:
            host = self._hosts.get(netloc)
            if host is None:
                host = _Host(slots=threading.Semaphore(self.cfg.per_host_concurrency))
                host.delay = self.cfg.min_delay
                self._hosts[netloc] = host
            return host

    def _pace(self, host: _Host) -> None:
        with host.lock:
            now = time.monotonic()
            wait = host.next_at - now
            host.next_at = max(now, host.next_at) + host.delay
        if wait > 0:
            time.sleep(wait)

    def _robots(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        host = self._host(parts.netloc)
        with host.lock:
            if host.robots is not None:
                return host.robots
        parser = RobotFileParser()
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        try:
            response = self._request(robots_url, discovery=True)
            if response.status == 200:
                rules = response.body[:ROBOTS_MAX_BYTES].decode("utf-8", "replace").splitlines()
                if len(response.body) > ROBOTS_MAX_BYTES:
                    rules = rules[:-1]  # a line cut at the limit
                parser.parse(rules)
            elif response.status in (401, 403):
                parser.parse(["User-agent: *", "Disallow: /"])
            else:
                parser.parse([])
        except FetchError:
            parser.parse([])  # no readable robots.txt: everything is allowed (RFC 9309)
        delay = parser.crawl_delay(self.cfg.user_agent)
        with host.lock:
            host.robots = parser
            if delay is not None:
                host.delay = max(host.delay, float(delay))
        return parser

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets our user agent fetch `url` (cached per host)."""
        if not self.cfg.obey_robots:
            return True
        return self._robots(url).can_fetch(self.cfg.user_agent, url)

    # -- requests ---------------------------------------------------------------------------
    def _once(self, url: str, discovery: bool, headers: dict[str, str] | None = None) -> Page:
        deadline = time.monotonic() + self.cfg.total_timeout
        with self.client.stream("GET", url, headers=headers) as response:
            ctype = response.headers.get("content-type", "").lower()
            if 300 <= response.status_code < 400 or response.status_code >= 400:
                _drain(response, deadline)
                body = b""
            else:
                allowed = _HTML_TYPES + (_DISCOVERY_TYPES if discovery else ())
                if ctype and not any(t in ctype for t in allowed):
                    raise FetchError("not_html", ctype.split(";")[0])
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.cfg.max_bytes:
                    raise FetchError("too_large", f"content-length {declared}")
                chunks: list[bytes] = []
                size = 0
                # iter_bytes decompresses: counting decoded bytes is the decompression-bomb guard
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.cfg.max_bytes:
                        raise FetchError("too_large", f"more than {self.cfg.max_bytes} bytes")
                    if time.monotonic() > deadline:
                        raise FetchError("timeout", f"total time over {self.cfg.total_timeout}s")
                    chunks.append(chunk)
                body = b"".join(chunks)
            headers = {k.lower(): v for k, v in response.headers.items()}
            return Page(
                item=Item(url=url, source=""),
                final_url=str(response.url),
                status=response.status_code,
                headers=headers,
                body=body,
                fetched_at=datetime.now(UTC),
            )

    def _with_retries(
        self, url: str, discovery: bool, headers: dict[str, str] | None = None
    ) -> Page:
        attempt = 0
        while True:
            try:
                page = self._once(url, discovery, headers)
            except httpx.TimeoutException as err:
                failure: FetchError | None = FetchError("timeout", type(err).__name__)
                page = None
            except (httpx.TransportError, httpx.DecodingError) as err:
                failure = FetchError("connection_error", f"{type(err).__name__}: {err}"[:300])
                page = None
            else:
                failure = None
            if page is not None and page.status not in _RETRY_STATUSES:
                return page
            if attempt >= self.cfg.retries:
                if failure is not None:
                    raise failure
                assert page is not None
                return page
            delay = self.cfg.backoff * (2**attempt) * random.uniform(0.5, 1.0)
            if page is not None:
                asked = _retry_after(page.headers.get("retry-after"))
                if asked is not None:
                    if asked > _MAX_RETRY_AFTER_S:
                        return page
                    delay = max(delay, asked)
            time.sleep(delay)
            attempt += 1

    def _request(
        self, url: str, discovery: bool = False, headers: dict[str, str] | None = None
    ) -> Page:
        seen: set[str] = set()
        current = url
        for _hop in range(self.cfg.max_redirects + 1):
            check_target(current, self.cfg)
            if current in seen:
                raise FetchError("redirect_loop", current)
            seen.add(current)
            host = self._host(urlsplit(current).netloc)
            with host.slots:
                self._pace(host)
                page = self._with_retries(current, discovery, headers)
            if page.status in (301, 302, 303, 307, 308):
                location = page.headers.get("location")
                if not location:
                    raise FetchError(f"http_{page.status}", "redirect without Location")
                current = urljoin(current, location)
                continue
            return page
        raise FetchError("too_many_redirects", f"more than {self.cfg.max_redirects} from {url}")

    def get(self, url: str) -> bytes:
        """Fetch a discovery document (feed, sitemap, robots.txt, homepage), unzipped if it is a
        gzip file; raises FetchError unless 200.

        With a validators store, the request for a document that lists articles (a feed, a
        sitemap of URLs: _lists_articles) is conditional (If-None-Match, If-Modified-Since), and
        an unchanged one raises NotModified: it costs one 304.
        """
        known = self._validators.get(url, self._scope) if self._validators is not None else None
        headers = {}
        if known:
            if known[0]:
                headers["If-None-Match"] = known[0]
            if known[1]:
                headers["If-Modified-Since"] = known[1]
        page = self._request(url, discovery=True, headers=headers or None)
        if page.status == 304 and known:
            raise NotModified(url)
        if page.status != 200:
            raise FetchError(f"http_{page.status}", url)
        if page.body.startswith(_GZIP_MAGIC):  # a gzip file, not a gzip transfer encoding
            page.body = _gunzip(page.body, self.cfg.max_bytes, url)
        if self._validators is not None and _lists_articles(url, page.body):
            etag, modified = page.headers.get("etag"), page.headers.get("last-modified")
            if etag or modified:
                self._validators.put(url, etag, modified, self._scope)
        return page.body

    def unsettle(self, listing_url: str) -> None:
        """Have the next run fetch a feed or sitemap whole, not get a 304 for it: some of its
        items were not settled in this run (a transient fetch failure, max_items)."""
        if self._validators is not None:
            self._validators.unsettle(listing_url)

    def scope_to(self, scope: str) -> None:
        """Keep and use the validators and index lastmods of the discovery documents read from
        now on under `scope` (the source's: tasks.sources.source_scope)."""
        self._scope = scope

    def index_lastmod(self, url: str) -> datetime | None:
        """The lastmod its sitemap index gave `url` when an earlier run read it whole and kept
        it (`keep_index_lastmod`); None without one, or without a validators store."""
        if self._validators is None:
            return None
        return self._validators.index_lastmod(url, self._scope)

    def keep_index_lastmod(self, url: str, lastmod: datetime | None) -> None:
        """Keep (None: forget) the lastmod its index gave a sitemap this run read whole, saved
        with the validators; `unsettle` drops it too."""
        if self._validators is not None:
            self._validators.keep_index_lastmod(url, lastmod, self._scope)

    def keep_validators(self) -> None:
        """Save the validators of this run's discovery documents (after its last commit)."""
        if self._validators is not None:
            self._validators.save()

    def fetch(self, item: Item) -> Page:
        """Fetch one article page; raises FetchError (reject) or RobotsDisallowed (skip)."""
        if not self.allowed(item.url):
            raise RobotsDisallowed(item.url)
        page = self._request(item.url)
        if page.status != 200:
            raise FetchError(f"http_{page.status}", page.final_url)
        if not page.body.strip():
            raise FetchError("empty_body", page.final_url)
        page.item = item
        page.html = decode_html(page.body, page.headers.get("content-type", ""))
        return page


def page_in_hand(item: Item) -> Page:
    """A Page for an item whose body came with it (saved file, WARC record): no request."""
    body = item.body or b""
    return Page(
        item=item,
        final_url=item.url,
        status=200,
        headers=dict(item.headers),
        body=body,
        fetched_at=item.fetched_at or datetime.now(UTC),
        html=decode_html(body, item.headers.get("content-type", "")),
    )


@dataclass(slots=True)
class FetchOutcome:
    """The pages of a batch and what became of the rest."""

    pages: list[Page] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    skips: list[Skip] = field(default_factory=list)
    passthrough: list[Item] = field(default_factory=list)  # records with text: nothing to fetch


def _fetch_one(fetcher: Fetcher, item: Item) -> Page | Reject | Skip:
    try:
        return fetcher.fetch(item)
    except RobotsDisallowed:
        return Skip(item.url, item.source, "robots_disallow")
    except FetchError as err:
        if item.listed_in is not None and _TRANSIENT.fullmatch(err.reason):
            # retried when it is discovered again: its feed or sitemap must not get a 304
            fetcher.unsettle(item.listed_in)
        return err.to_reject(item.url, item.source)


def fetch_batch(fetcher: Fetcher, items: Iterable[Item]) -> FetchOutcome:
    """Fetch a batch of items on threads (per-host limits apply inside the fetcher)."""
    out = FetchOutcome()
    to_fetch: list[Item] = []
    for item in items:
        if item.text is not None:
            out.passthrough.append(item)
        elif item.body is not None:
            out.pages.append(page_in_hand(item))
        else:
            to_fetch.append(item)
    if to_fetch:
        workers = min(fetcher.cfg.concurrency, len(to_fetch))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch") as pool:
            for result in pool.map(lambda it: _fetch_one(fetcher, it), to_fetch):
                if isinstance(result, Page):
                    out.pages.append(result)
                elif isinstance(result, Reject):
                    out.rejects.append(result)
                else:
                    out.skips.append(result)
    return out
