"""WARC in and out: CC-NEWS-style files as a source, and the raw archive of every fetch.

Reading streams record by record with fastwarc (bounded memory: one payload at a time, capped);
writing uses warcio. Raw archive files become visible under their final `.warc.gz` name only
when complete (written under `_staging`, then moved), so a killed run never leaves a torn file.
"""

from __future__ import annotations

import base64
import binascii
import fnmatch
import glob
import hashlib
import io
import re
import threading
import uuid
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import IO
from urllib.parse import urlsplit

import fsspec
from fastwarc.warc import ArchiveIterator, WarcRecordType
from pyarrow import fs as pafs
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tasks.records import Item, Page, Skip

MAX_PAYLOAD_BYTES = 10 * 1024 * 1024  # the fetcher's limit: larger records are not articles
# A raw archive file is closed and a new one begun past this size. The file in progress is held
# in memory until then (object stores have no append), so this bounds what the archive adds to
# a run's memory (~2,500 news pages at ~25 KB gzip each); at 256 MB a long run could hold that
# much, and as much again while the file was copied out.
ROLL_BYTES = 64 * 1024 * 1024
_HTML = re.compile(r"text/html|application/xhtml", re.IGNORECASE)
# zlib level of the raw archive's gzip members; warcio's own gzip writes level 9. Tuned on the
# 144 pages of trafilatura_en (200 KB of HTML on average): level 9 took 5.3-5.7 ms of the
# flow's CPU a page, level 4 1.9-2.1 ms, for 5.7 % more bytes (0.208 of the HTML against 0.197);
# level 1 took 1.3 ms for 20 % more. The archive is written once and read back only to reprocess.
ARCHIVE_GZIP_LEVEL = 4


class WarcFailed(Exception):
    """A WARC file could not be read to its end (missing, truncated, not a WARC)."""


def _open(path: str) -> IO[bytes]:
    if "://" in path:
        return fsspec.open(path, "rb").open()
    return open(path, "rb")


def _expand(patterns: list[str]) -> list[str]:
    paths: list[str] = []
    for pattern in patterns:
        if "://" in pattern:
            paths.append(pattern)
        else:
            matched = sorted(glob.glob(pattern))
            if not matched:
                raise WarcFailed(f"no WARC file matches {pattern}")
            paths.extend(matched)
    return paths


def _host_ok(url: str, hosts: list[str]) -> bool:
    if not hosts:
        return True
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in hosts)


@dataclass(slots=True)
class WarcFiles:
    """HTML responses of local or remote WARC files (globs allowed), as Items with their payload.

    Records of other hosts are not discovered; records the topic prefilter drops are skipped
    with reason `prefilter`; a record whose WARC-Date is outside [since, until] is left to the
    source's date window (its date travels as the published hint).
    """

    name: str
    paths: list[str]
    hosts: list[str] = field(default_factory=list)
    url_patterns: list[str] = field(default_factory=list)
    prefilter: Callable[[bytes], bool] | None = None

    def items(self) -> Iterator[Item | Skip]:
        """Yield one Item (or prefilter Skip) per HTML response record."""
        for path in _expand(self.paths):
            yield from self._read(path)

    def _read(self, path: str) -> Iterator[Item | Skip]:
        try:
            stream = _open(path)
        except OSError as err:
            raise WarcFailed(f"{path}: {err}") from None
        with stream:
            yield from read_records(
                stream, path, self.name, self.hosts, self.url_patterns, self.prefilter
            )


def read_records(
    stream: IO[bytes],
    path: str,
    name: str,
    hosts: list[str] | None = None,
    url_patterns: list[str] | None = None,
    prefilter: Callable[[bytes], bool] | None = None,
) -> Iterator[Item | Skip]:
    """HTML response records of one WARC stream as Items; raises WarcFailed on torn input."""
    records = ArchiveIterator(
        stream,
        record_types=WarcRecordType.response,
        parse_http=True,
        max_content_length=MAX_PAYLOAD_BYTES,
    )
    count = 0
    try:
        for record in records:
            count += 1
            declared = record.headers.get("Content-Length") or ""
            if not declared.isdigit():
                # fastwarc ends a torn gzip member with a record of missing or garbled length
                raise WarcFailed(f"{path}: truncated after {count - 1} records")
            url = record.headers.get("WARC-Target-URI") or ""
            if not url or not _host_ok(url, hosts or []):
                continue
            if url_patterns and not any(fnmatch.fnmatch(url, p) for p in url_patterns):
                continue
            ctype = record.http_content_type or ""
            if ctype and not _HTML.search(ctype):
                continue
            payload = record.reader.read(MAX_PAYLOAD_BYTES + 1)
            if len(payload) > MAX_PAYLOAD_BYTES:
                continue
            if len(payload) < record.content_length:  # after parse_http: the payload's length
                raise WarcFailed(f"{path}: truncated inside record {count}")
            if prefilter is not None and not prefilter(payload):
                yield Skip(url, name, "prefilter")
                continue
            # only what is kept is hashed: a member torn and followed by other bytes can inflate
            # to a payload of the declared length with wrong bytes in it (found by hypothesis)
            if not _digest_ok(payload, record.headers.get("WARC-Payload-Digest") or ""):
                raise WarcFailed(f"{path}: payload digest mismatch in record {count}")
            when = record.record_date
            headers = record.http_headers
            yield Item(
                url=url,
                source=name,
                body=payload,
                headers={k.lower(): v for k, v in headers.items()} if headers else {},
                fetched_at=when or datetime.now(UTC),
                published_hint=when,
            )
    except WarcFailed:
        raise
    except Exception as err:  # fastwarc raises plain exceptions on torn input
        raise WarcFailed(
            f"{path}: unreadable after {count} records ({type(err).__name__}: {err})"
        ) from None


def _digest_ok(payload: bytes, declared: str) -> bool:
    """Whether a payload matches its WARC-Payload-Digest ("sha1:BASE32" or hex); a digest that is
    absent or in an algorithm or encoding we do not know is not held against the record."""
    algorithm, _, value = declared.partition(":")
    if not value or algorithm.lower() not in hashlib.algorithms_available:
        return True
    digest = hashlib.new(algorithm.lower(), payload).digest()
    try:
        expected = base64.b32decode(value.upper()) if len(value) != 2 * len(digest) else None
    except binascii.Error:
        return True
    if expected is None:
        return digest.hex() == value.lower()
    return expected == digest or len(expected) != len(digest)


def _http_block(page: Page) -> tuple[StatusAndHeaders, bytes]:
    headers = [
        (k, v)
        for k, v in page.headers.items()
        if k.lower() not in ("content-encoding", "transfer-encoding", "content-length")
    ]
    return StatusAndHeaders(f"{page.status} OK", headers, protocol="HTTP/1.1"), page.body


class _GzipMember:
    """One gzip member for one WARC record (the per-record gzip of .warc.gz), at ARCHIVE_GZIP_LEVEL."""

    def __init__(self, out: io.BytesIO) -> None:
        self.out = out
        self._compressor = zlib.compressobj(ARCHIVE_GZIP_LEVEL, zlib.DEFLATED, zlib.MAX_WBITS + 16)

    def write(self, data: bytes) -> None:
        self.out.write(self._compressor.compress(data))

    def flush(self) -> None:  # warcio calls it once, at the record's end: the member's end
        self.out.write(self._compressor.flush())


class RawArchive:
    """Thread-safe writer of fetched responses into `<output>/raw/fetch_date=YYYY-MM-DD/`."""

    def __init__(
        self, filesystem: pafs.FileSystem, root: str, run_id: str, roll_bytes: int = ROLL_BYTES
    ) -> None:
        self.fs = filesystem
        self.root = root.rstrip("/")
        self.run_id = re.sub(r"[^A-Za-z0-9_-]", "_", run_id)[:64]
        self.roll_bytes = roll_bytes
        self._lock = threading.Lock()
        self._buffer: io.BytesIO | None = None
        self._writer: WARCWriter | None = None
        self._day: date | None = None
        self.files: list[str] = []

    def write(self, page: Page) -> None:
        """Append one fetched response (headers and body) to the archive."""
        day = page.fetched_at.astimezone(UTC).date()
        http, body = _http_block(page)
        with self._lock:
            if (
                self._writer is None
                or self._buffer is None
                or self._day != day
                or self._buffer.tell() > self.roll_bytes
            ):
                self._flush()
                self._buffer = io.BytesIO()
                # gzip=False: each record goes through a _GzipMember of its own instead
                self._writer = WARCWriter(self._buffer, gzip=False)
                self._day = day
            record = self._writer.create_warc_record(
                page.final_url,
                "response",
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={
                    "WARC-Date": page.fetched_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
                },
            )
            self._writer.out = _GzipMember(self._buffer)
            self._writer.write_record(record)

    def _flush(self) -> None:
        if self._buffer is None or self._day is None or self._buffer.tell() == 0:
            return
        name = f"{self.run_id}-{uuid.uuid4().hex[:8]}.warc.gz"
        final = f"{self.root}/raw/fetch_date={self._day.isoformat()}/{name}"
        staged = f"{self.root}/_staging/raw-{name}"
        self.fs.create_dir(staged.rsplit("/", 1)[0], recursive=True)
        # compression=None: the records are gzip members already (pyarrow would gzip ".gz" again)
        with self.fs.open_output_stream(staged, compression=None) as out:
            out.write(self._buffer.getbuffer())  # a view: no second copy of the file
        self.fs.create_dir(final.rsplit("/", 1)[0], recursive=True)
        self.fs.move(staged, final)  # visible only once complete
        self.files.append(final)
        self._buffer = None
        self._writer = None

    def close(self) -> None:
        """Write out the file in progress."""
        with self._lock:
            self._flush()

    def __enter__(self) -> RawArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def archived_items(
    filesystem: pafs.FileSystem,
    root: str,
    name: str = "raw-archive",
    since: date | None = None,
    until: date | None = None,
    newest_first: bool = False,
) -> Iterator[Item | Skip]:
    """The responses of the raw archive as Items with their payload (for re-processing).

    Files come in fetch-date order, or newest date first with `newest_first` (a run keeps
    the first copy of an article it meets, so reprocessing then keeps the latest fetch).
    """
    base = f"{root.rstrip('/')}/raw"
    selector = pafs.FileSelector(base, allow_not_found=True, recursive=True)
    files = sorted(
        (i.path for i in filesystem.get_file_info(selector) if i.path.endswith(".warc.gz")),
        reverse=newest_first,
    )
    for path in files:
        match = re.search(r"fetch_date=(\d{4}-\d{2}-\d{2})", path)
        day = date.fromisoformat(match.group(1)) if match else None
        if day is not None and ((since and day < since) or (until and day > until)):
            continue
        with filesystem.open_input_file(path) as raw:  # seekable: fastwarc asks for tell()
            # the archive's own records: every stored response, no filters; streamed
            yield from read_records(raw, path, name)
