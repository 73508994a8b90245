"""Sources: small dataclasses with one method, `items()`, yielding discovered articles lazily.

Kinds: `urls`, `html_files`, `records`, `feed`, `sitemap`, `warc`. Per-source URL filters, item
limits and date windows are applied by `discover`, which yields `Item`s and `Skip`s so every
discovered URL is accounted for.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urljoin

import pyarrow.parquet as pq
from lxml import etree
from lxml import html as lxml_html

from config.schema import (
    FeedSource,
    HtmlFilesSource,
    RecordsSource,
    Settings,
    SitemapSource,
    UrlsSource,
    WarcSource,
)
from tasks.fetch import FetchError, NotModified
from tasks.records import Item, Reject, Skip
from tasks.topic import compile_topic
from tasks.urls import InvalidURL, canonical_url
from tasks.warc import WarcFailed, WarcFiles

log = logging.getLogger(__name__)

# A getter fetches one URL for discovery (feeds, sitemaps, robots.txt) through the polite fetcher.
Getter = Callable[[str], bytes]
# How old the lastmod its index gives a sitemap must be, when a run reads it, for later runs to
# take that lastmod's word (see Sitemap): a sitemap still being filled may carry the date it was
# started, as some sites' monthly sitemaps do, while its new items are dated later
_SETTLED_AGE = timedelta(days=2)

_MAX_SITEMAP_DEPTH = 3  # index -> index -> urlset is the deepest seen in practice
_XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, recover=True, huge_tree=False
)


class SourceFailed(Exception):
    """A whole source could not be read (feed down, malformed XML, missing file)."""


class ArticleSource(Protocol):
    name: str

    def items(self) -> Iterator[Item | Skip | Reject]: ...


class ListingMemory(Protocol):
    """What runs keep of the listings they read (the Fetcher, with its validators): each under
    the scope of the source that read it, and the lastmod its sitemap index gave it; `unsettle`
    has the next run read a listing whole."""

    def scope_to(self, scope: str) -> None: ...

    def unsettle(self, listing_url: str) -> None: ...

    def index_lastmod(self, url: str) -> datetime | None: ...

    def keep_index_lastmod(self, url: str, lastmod: datetime | None) -> None: ...


def _parse_date(text: str | None) -> datetime | None:
    if not text:
        return None
    text = text.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _local(tag: Any) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _parse_xml(data: bytes, what: str) -> etree._Element:
    try:
        root = etree.fromstring(data, parser=_XML_PARSER)
    except etree.XMLSyntaxError as err:
        raise SourceFailed(f"malformed {what}: {err}") from None
    if root is None:
        raise SourceFailed(f"malformed {what}: no root element")
    return root


@dataclass(slots=True)
class UrlList:
    """Article URLs given inline or in a file (one per line, # comments)."""

    name: str
    urls: list[str]
    file: Path | None = None

    def items(self) -> Iterator[Item]:
        """Yield one Item per URL."""
        for url in self.urls:
            yield Item(url=url.strip(), source=self.name)
        if self.file is not None:
            try:
                handle = self.file.open(encoding="utf-8")
            except OSError as err:
                raise SourceFailed(f"cannot read {self.file}: {err.strerror}") from None
            with handle:
                for line in handle:
                    line = line.strip()
                    if line and not line.startswith("#"):
                        yield Item(url=line, source=self.name)


@dataclass(slots=True)
class HtmlFiles:
    """Saved HTML pages; the URL of each is its file:// URI."""

    name: str
    patterns: list[str]
    base_dir: Path

    def items(self) -> Iterator[Item]:
        """Yield one Item per matching file, its bytes in hand."""
        for pattern in self.patterns:
            full = pattern if Path(pattern).is_absolute() else str(self.base_dir / pattern)
            for path in sorted(glob.glob(full, recursive=True)):
                p = Path(path)
                if p.is_file():
                    # the file's mtime is its lastmod: an edited saved page is processed again
                    mtime = datetime.fromtimestamp(p.stat().st_mtime, UTC)
                    yield Item(
                        url=p.resolve().as_uri(),
                        source=self.name,
                        body=p.read_bytes(),
                        lastmod=mtime,
                        headers={"content-type": "text/html"},
                    )


@dataclass(slots=True)
class Records:
    """Pre-extracted articles from .jsonl, .csv or .parquet (url, text, title, published, authors, id)."""

    name: str
    path: Path

    def _rows(self) -> Iterator[dict[str, Any]]:
        suffix = self.path.suffix.lower()
        if suffix == ".jsonl":
            with self.path.open(encoding="utf-8") as handle:
                for lineno, line in enumerate(handle, 1):
                    if line.strip():
                        try:
                            yield json.loads(line)
                        except json.JSONDecodeError as err:
                            yield {"_error": f"line {lineno}: {err.msg}"}
        elif suffix == ".csv":
            with self.path.open(encoding="utf-8", newline="") as handle:
                yield from csv.DictReader(handle)
        elif suffix == ".parquet":
            for batch in pq.ParquetFile(self.path).iter_batches(batch_size=500):
                yield from batch.to_pylist()
        else:
            raise SourceFailed(f"{self.path}: records must be .jsonl, .csv or .parquet")

    def items(self) -> Iterator[Item]:
        """Yield one Item per record, its text in hand."""
        if not self.path.is_file():
            raise SourceFailed(f"records file {self.path} not found")
        for n, row in enumerate(self._rows()):
            url = _record_text(row.get("url")) or ""
            published = row.get("published")
            record_id = _record_text(row.get("id"))
            yield Item(
                url=url or f"record:{self.name}/{record_id or n}",
                source=self.name,
                text=_record_text(row.get("text")) or "",
                title_hint=_record_text(row.get("title")),
                published_hint=_record_time(published),
                authors_hint=_record_names(row.get("authors")),
                record_id=record_id,
            )


def _record_text(value: Any) -> str | None:
    """A record's field as text: a number as its digits; no lone surrogate (JSON may escape one,
    "\\ud83d" of a cut emoji, which no Parquet string holds); None when empty."""
    if value is None or isinstance(value, (list, dict)):
        return None
    text = str(value).encode("utf-16", "surrogatepass").decode("utf-16", "replace").strip()
    return text or None


# Unix times in records: seconds, or milliseconds from this value on (1e11 s is the year 5138)
_EPOCH_MILLISECONDS = 1e11
_EPOCH_DIGITS = re.compile(r"\d{9,13}")  # a Unix time written as a string, as CSV has it
_AUTHOR_LIST = re.compile(r";|\band\b|,")  # "A; B and C"


def _record_time(value: Any) -> datetime | None:
    """A record's publication time: a datetime, an ISO 8601 or RFC 2822 string, or a Unix time
    (seconds or milliseconds, a number or a string of digits, as exports write it). A Unix time
    of 0 is an export's empty value, not 1970."""
    if not value:
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and _EPOCH_DIGITS.fullmatch(value.strip()):
        value = int(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if abs(value) >= _EPOCH_MILLISECONDS else value
        try:
            return datetime.fromtimestamp(seconds, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    return _parse_date(str(value))


def _record_names(value: Any) -> list[str]:
    """A record's authors: "A; B and C", a list of names, or a list of {"name": ...} objects."""
    if isinstance(value, str):
        value = _AUTHOR_LIST.split(value)
    if not isinstance(value, (list, tuple)):
        return []
    names = [_record_text(v.get("name") if isinstance(v, dict) else v) for v in value]
    return [name for name in names if name]


def parse_feed(data: bytes, base_url: str) -> list[Item]:
    """Items of an RSS 1.0/2.0 or Atom document (link, title, date hints), source name unset."""
    root = _parse_xml(data, "feed")
    found: list[Item] = []
    for node in root.iter():
        tag = _local(node.tag)
        if tag not in ("item", "entry"):
            continue
        link = title = when = None
        for child in node:
            ctag = _local(child.tag)
            if ctag == "link":
                href = child.get("href")
                rel = child.get("rel", "alternate")
                if href and rel == "alternate":
                    link = href
                elif not href and child.text:
                    link = child.text.strip()
            elif ctag == "guid" and link is None and child.get("isPermaLink", "true") == "true":
                link = (child.text or "").strip() or None
            elif ctag == "title":
                title = (child.text or "").strip() or None
            elif ctag in ("pubDate", "published", "updated", "date") and when is None:
                when = _parse_date(child.text)
        if link:
            found.append(
                Item(
                    url=urljoin(base_url, link),
                    source="",
                    title_hint=title,
                    published_hint=when,
                    listed_in=base_url,
                )
            )
    return found


def discover_feed_links(html_bytes: bytes, base_url: str) -> list[str]:
    """Feed URLs a homepage advertises with <link rel="alternate" type="application/rss+xml">."""
    try:
        doc = lxml_html.fromstring(html_bytes)
    except (etree.ParserError, ValueError):
        return []
    links = doc.xpath(
        '//link[@rel="alternate"][contains(@type,"rss") or contains(@type,"atom")]/@href'
    )
    return [urljoin(base_url, str(h)) for h in links]


def parse_sitemap(
    data: bytes, base_url: str
) -> tuple[list[tuple[str, datetime | None]], list[Item]]:
    """(child sitemaps with the lastmod the index gives each, article Items) of a sitemap
    index or urlset, incl. Google News tags."""
    root = _parse_xml(data, "sitemap")
    children: list[tuple[str, datetime | None]] = []
    found: list[Item] = []
    kind = _local(root.tag)
    for entry in root:
        if _local(entry.tag) not in ("sitemap", "url"):
            continue
        loc = lastmod = published = title = None
        for child in entry.iter():
            ctag = _local(child.tag)
            if ctag == "loc" and loc is None:
                loc = (child.text or "").strip()
            elif ctag == "lastmod":
                lastmod = _parse_date(child.text)
            elif ctag == "publication_date":
                published = _parse_date(child.text)
            elif ctag == "title" and child.getparent() is not None:
                title = (child.text or "").strip() or None
        if not loc:
            continue
        loc = urljoin(base_url, loc)
        if kind == "sitemapindex":
            children.append((loc, lastmod))
        else:
            found.append(
                Item(
                    url=loc,
                    source="",
                    lastmod=lastmod,
                    published_hint=published or lastmod,
                    title_hint=title,
                    listed_in=base_url,
                )
            )
    return children, found


_SITEMAP_LINE = re.compile(rb"^\s*sitemap:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


@dataclass(slots=True)
class Feed:
    """An RSS/Atom feed, or a homepage whose advertised feeds are read."""

    name: str
    url: str
    get: Getter

    def items(self) -> Iterator[Item]:
        """Yield the feed's items with their title and date hints."""
        data = self.get(self.url)
        head = data[:2048].lstrip().lower()
        feeds = [self.url]
        if head.startswith((b"<!doctype html", b"<html")):
            feeds = discover_feed_links(data, self.url)
            if not feeds:
                raise SourceFailed(f"{self.url} is an HTML page that advertises no feed")
            data = self.get(feeds[0])
        for item in parse_feed(data, feeds[0]):
            item.source = self.name
            yield item


def _vouches(
    lastmod: datetime, children: list[tuple[str, datetime | None]], found: list[Item]
) -> bool:
    """Whether the lastmod its index gives a sitemap just read can stand for the sitemap in
    later runs: it lists articles, each dated no later than the lastmod, and the lastmod is
    _SETTLED_AGE old."""
    if children or not found or lastmod > datetime.now(UTC) - _SETTLED_AGE:
        return False
    for item in found:
        dates = [d for d in (item.lastmod, item.published_hint) if d is not None]
        if not dates or max(dates) > lastmod:
            return False
    return True


@dataclass(slots=True)
class Sitemap:
    """A sitemap (index recursion, Google News tags) or a site root whose robots.txt lists sitemaps.

    An index's lastmod for a sitemap spares the request for it: with `since`, a sitemap last
    modified more than a day before `since` lists only articles the window skips; with
    `listings`, a sitemap an earlier run read whole is not read again while its index gives it
    no later lastmod than then. A lastmod is kept only when the sitemap's items vouch for it
    (`_vouches`), so a site whose index misstates its sitemaps' lastmods costs a request per
    sitemap each run (a 304 for an unchanged one), as with no lastmod.
    """

    name: str
    url: str
    get: Getter
    listings: ListingMemory | None = None
    since: date | None = None
    _seen: set[str] = field(default_factory=set)
    _unread: int = 0  # sitemaps the index's lastmods spared

    def _walk(
        self, url: str, depth: int, sole: bool = False, lastmod: datetime | None = None
    ) -> Iterator[Item | Reject]:
        if url in self._seen or depth > _MAX_SITEMAP_DEPTH:
            return
        self._seen.add(url)
        try:
            children, found = parse_sitemap(self.get(url), url)
        except NotModified:
            if sole:
                raise  # the source's only sitemap is unchanged: nothing new from the source
            return  # one sitemap of several unchanged since the last run: the others may not be
        except (FetchError, SourceFailed) as err:
            if depth == 0:
                raise  # the source's own sitemap: its failure is the source's (discover_all)
            # one sitemap of an index that fails costs its own articles, not the others'
            yield Reject(url, self.name, "sources", "sitemap_failed", str(err)[:500])
            return
        if lastmod is not None and self.listings is not None:
            vouched = _vouches(lastmod, children, found)
            self.listings.keep_index_lastmod(url, lastmod if vouched else None)
        for item in found:
            item.source = self.name
            yield item
        for child, child_lastmod in children:
            if self._unchanged(child, child_lastmod):
                self._unread += 1
                continue
            yield from self._walk(child, depth + 1, lastmod=child_lastmod)

    def _unchanged(self, url: str, lastmod: datetime | None) -> bool:
        if lastmod is None:
            return False
        if self.since is not None and lastmod.date() < self.since - timedelta(days=1):
            return True  # a day's margin: the lastmod's date may be in another time zone
        kept = self.listings.index_lastmod(url) if self.listings is not None else None
        return kept is not None and lastmod <= kept

    def items(self) -> Iterator[Item | Reject]:
        """Yield every article URL the sitemap tree lists, with lastmod hints, and a Reject for
        each sitemap below the first that fails. A site root's sitemaps are those its
        robots.txt lists; one of them unchanged since the last run (a 304) yields nothing, and
        the others are read. Sitemaps that the index's lastmods show hold nothing new are not
        read (see the class)."""
        roots = [self.url]
        if not re.search(r"\.xml(\.gz)?($|\?)", self.url):
            robots_url = urljoin(self.url, "/robots.txt")
            robots = self.get(robots_url)
            # the protocol wants absolute URLs; a relative one ("Sitemap: /sitemap.xml") is
            # read against the site, as crawlers do
            roots = [
                urljoin(robots_url, m.decode("utf-8", "replace"))
                for m in _SITEMAP_LINE.findall(robots)
            ]
            if not roots:
                raise SourceFailed(f"robots.txt of {self.url} lists no Sitemap: lines")
        for root in roots:
            yield from self._walk(root, 0, sole=len(roots) == 1)
        if self._unread:
            log.info(
                "%s: %d sitemap(s) not read, their index's lastmod shows nothing new in them",
                self.name,
                self._unread,
            )


def build_source(
    cfg: Any, settings: Settings, get: Getter, listings: ListingMemory | None = None
) -> ArticleSource:
    """The source object for one `sources:` entry of the config (`listings`: see Sitemap)."""
    if isinstance(cfg, UrlsSource):
        return UrlList(cfg.name, list(cfg.urls), settings.resolve(cfg.file) if cfg.file else None)
    if isinstance(cfg, HtmlFilesSource):
        return HtmlFiles(cfg.name, list(cfg.paths), Path(settings.base_dir))
    if isinstance(cfg, RecordsSource):
        return Records(cfg.name, settings.resolve(cfg.path))
    if isinstance(cfg, FeedSource):
        return Feed(cfg.name, cfg.url, get)
    if isinstance(cfg, SitemapSource):
        return Sitemap(cfg.name, cfg.url, get, listings, _window(cfg.since))
    if isinstance(cfg, WarcSource):
        topic = compile_topic(settings.topic) if cfg.prefilter else None
        paths = [p if "://" in p else str(settings.resolve(p)) for p in cfg.paths]
        return WarcFiles(
            cfg.name, paths, list(cfg.hosts), prefilter=topic.prefilter if topic else None
        )
    raise TypeError(f"unknown source config {type(cfg).__name__}")


def _window(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def source_scope(cfg: Any, settle_key: str | None) -> str:
    """Fingerprint of what decides which of its listed items a source takes: its URL filters
    and the settings that reject a page for good (`settle_key`). What runs keep of a source's
    listings (validators, index lastmods) serves its scope only, so a run under new settings
    reads the listings whole and judges again what the old settings left out."""
    text = json.dumps([settle_key or "", list(cfg.include), list(cfg.exclude)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def discover(
    cfg: Any, source: ArticleSource, unsettle: Callable[[str], None] = lambda _url: None
) -> Iterator[Item | Skip | Reject]:
    """Apply the per-source filters (include/exclude, window) to a source's items. A feed or
    sitemap that listed an item outside the window is passed to `unsettle`: a run with another
    window (a backfill) must read it whole, not get a 304 for it or pass it by."""
    include = [re.compile(p) for p in cfg.include]
    exclude = [re.compile(p) for p in cfg.exclude]
    since, until = _window(cfg.since), _window(cfg.until)
    for item in source.items():
        if isinstance(item, Skip | Reject):
            yield item  # the source itself skipped it (WARC topic prefilter) or failed on it
            continue
        if include and not any(p.search(item.url) for p in include):
            yield Skip(item.url, cfg.name, "filtered")
            continue
        if any(p.search(item.url) for p in exclude):
            yield Skip(item.url, cfg.name, "filtered")
            continue
        hinted = item.published_hint or (item.lastmod if item.body is None else None)
        if hinted is not None and (
            (since and hinted.date() < since) or (until and hinted.date() > until)
        ):
            if item.listed_in is not None:
                unsettle(item.listed_in)
            yield Skip(item.url, cfg.name, "out_of_window")
            continue
        yield item


class SeenLookup(Protocol):
    def __call__(self, canonical_url: str) -> Any: ...


def _changed(item: Item, entry: Any) -> bool:
    if item.lastmod is None:
        return False
    known = entry.lastmod or entry.last_seen
    try:
        return datetime.fromisoformat(known) < item.lastmod
    except (TypeError, ValueError):
        return True


def discover_all(
    settings: Settings,
    get: Getter,
    seen: SeenLookup,
    settled: SeenLookup | None = None,
    settle_key: str | None = None,
    listings: ListingMemory | None = None,
) -> Iterator[tuple[str, Item | Skip | Reject]]:
    """Every discovered item of every source, as (source name, Item | Skip | Reject).

    Already committed URLs are skipped (`seen`) unless their lastmod says they changed; so are
    URLs rejected for good (`settled`: off topic, another language) under the same settings
    (`settle_key`), as `rejected_before`, so a feed's off-topic pages are not fetched every
    night; a URL discovered twice in a run is skipped the second time; a source that fails
    entirely yields one `sources`-stage Reject and the other sources go on. A source stops
    after `max_items` new items. `listings` (the Fetcher) keeps what runs read of each source's
    listings under the source's scope (`source_scope`; see Sitemap); the feed or sitemap a
    source stopped in is unsettled there, so the next run reads it whole and finds the rest, and
    so is one that listed an item outside the source's window (`discover`).
    """
    run_seen: set[str] = set()
    unsettle = listings.unsettle if listings is not None else lambda _url: None
    for cfg in settings.sources:
        source = build_source(cfg, settings, get, listings)
        if listings is not None:
            listings.scope_to(source_scope(cfg, settle_key))
        new = 0
        try:
            for entry in discover(cfg, source, unsettle):
                if isinstance(entry, Skip | Reject):
                    yield cfg.name, entry
                    continue
                if cfg.max_items is not None and new >= cfg.max_items:
                    if entry.listed_in is not None:
                        unsettle(entry.listed_in)
                    break
                try:
                    canon = canonical_url(entry.url)
                except InvalidURL as err:
                    yield cfg.name, Reject(entry.url, cfg.name, "sources", "invalid_url", str(err))
                    continue
                if canon in run_seen:
                    yield cfg.name, Skip(entry.url, cfg.name, "duplicate_in_run")
                    continue
                run_seen.add(canon)
                known = seen(canon)
                if known is not None and not _changed(entry, known):
                    yield cfg.name, Skip(entry.url, cfg.name, "seen")
                    continue
                was = settled(canon) if known is None and settled is not None else None
                if was is not None and was.key == settle_key and not _changed(entry, was):
                    yield cfg.name, Skip(entry.url, cfg.name, "rejected_before")
                    continue
                new += 1
                yield cfg.name, entry
        except NotModified:
            continue  # an unchanged feed or sitemap (HTTP 304): nothing new from this source
        except (SourceFailed, WarcFailed, FetchError, OSError, ValueError) as err:
            where = getattr(cfg, "url", None) or f"source:{cfg.name}"
            yield cfg.name, Reject(where, cfg.name, "sources", "source_failed", str(err)[:500])
