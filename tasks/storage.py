"""Storage: the one module that owns the dataset layout, its schemas and its commit protocol.

Layout under `output` (a local directory or s3://bucket/prefix):

    articles/year=2009/month=12/part-<id>.parquet     one table per directory, hive partitions
    entities/ dates/ quotes/  (same partitions and file ids as the article rows they belong to)
    rejects/year=/month=      (month of the run)
    <table>/.../part-empty.parquet  0 rows: the one file of a table with no rows yet
    _state/index.sqlite       article_id -> partition file, canonical URL seen-index, URLs
                              rejected for good (off topic, language), file sizes
    _log/<commit>.json        commits in flight (roll-forward log)
    _staging/<commit>/...     files written before they are moved into place

Commit protocol (see docs/storage.md): every row of an article lives in exactly one file per
table; a commit writes the new version of each touched file to `_staging`, records the moves in
`_log`, then moves each file into place with one atomic rename (local) or one object PUT (S3).
A reader therefore sees every file either old or new, never partial, and never an article twice.
A run killed at any point is repaired by `recover()`: logged commits are rolled forward,
unlogged staging files are deleted.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import sqlite3
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from fsspec.implementations.arrow import ArrowFSWrapper
from pyarrow import fs as pafs

from config.schema import StorageConfig
from tasks import dedup
from tasks.records import Enriched, Reject
from tasks.urls import canonical_url

SCHEMA_VERSION = "2"
PIPELINE_VERSION = "0.1.0"
# The year and month partition of articles without a publication date: a number, so that every
# reader types `year` and `month` as integers. The word "undated" (before 2026-12-04) made them
# strings in pandas, DuckDB and Polars once one undated article was stored, and a researcher's
# `WHERE year = 2009` an error in DuckDB and Polars (and no rows in pandas); Hive's own null,
# __HIVE_DEFAULT_PARTITION__, fails pandas ("Cannot yet unify dictionaries with nulls").
UNDATED = "0"
_LEGACY_UNDATED = "year=undated/month=undated"  # moved to partition_of(None) by `prepare`
# The 0-row file a table holds while it has no rows (see Dataset.keep_tables_readable): pandas,
# DuckDB and Polars fail on a table directory with no Parquet file, and take its columns from one
EMPTY_FILE = "part-empty.parquet"
ARTICLE_TABLES = ("articles", "entities", "dates", "quotes")
# The order a file's tables are rewritten in: child tables first, so a reader never sees an
# article row whose entities, dates or quotes are missing
_CHILDREN_FIRST = ("entities", "dates", "quotes", "articles")
TABLES = (*ARTICLE_TABLES, "rejects", "actors")
_PARQUET_COMPRESSION = "zstd"
REMOTE_LEASE_S = 3600.0  # an S3 lock older than an hour is a killed run's: commits take seconds

_ts = pa.timestamp("us", tz="UTC")

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            pa.field(
                "article_id", pa.string(), False, {"doc": "Stable id: hash of canonical_url."}
            ),
            pa.field("url", pa.string(), False, {"doc": "URL the article was fetched from."}),
            pa.field(
                "canonical_url",
                pa.string(),
                False,
                {"doc": "Canonicalised URL (no tracking parameters)."},
            ),
            pa.field("source", pa.string(), True, {"doc": "Site (host without www)."}),
            pa.field(
                "source_name", pa.string(), True, {"doc": "Config source that discovered it."}
            ),
            pa.field("title", pa.string(), True, {"doc": "Headline."}),
            pa.field(
                "authors",
                pa.list_(pa.string()),
                True,
                {"doc": "Author names, without 'By' or roles."},
            ),
            pa.field("published", _ts, True, {"doc": "Publication timestamp, UTC."}),
            pa.field(
                "published_date",
                pa.date32(),
                True,
                {
                    "doc": "Publication date in the page's own time zone (anchor of relative "
                    "dates); for a UTC timestamp, the page's own time of the same instant or the "
                    "URL's date decides it."
                },
            ),
            pa.field(
                "published_source",
                pa.string(),
                True,
                {
                    "doc": "Where the date came from: meta:<tag>, htmldate, url, source_hint, record."
                },
            ),
            pa.field(
                "modified", _ts, True, {"doc": "Last-modified timestamp from page metadata, UTC."}
            ),
            pa.field("language", pa.string(), True, {"doc": "Detected language, ISO 639-1."}),
            pa.field("site_name", pa.string(), True, {"doc": "Site name from page metadata."}),
            pa.field("description", pa.string(), True, {"doc": "Page description / standfirst."}),
            pa.field(
                "tags",
                pa.list_(pa.string()),
                True,
                {"doc": "Tags and categories from page metadata."},
            ),
            pa.field(
                "text",
                pa.string(),
                False,
                {
                    "doc": "Repaired main text; paragraphs separated by one newline. All offsets point here."
                },
            ),
            pa.field("content_hash", pa.string(), False, {"doc": "SHA-256 prefix of text."}),
            pa.field(
                "relevance",
                pa.float64(),
                True,
                {"doc": "Topic relevance score (null without a topic)."},
            ),
            pa.field(
                "relevance_matches",
                pa.string(),
                True,
                {"doc": "JSON object: topic rule -> match count."},
            ),
            pa.field(
                "cluster_id",
                pa.string(),
                True,
                {"doc": "Near-duplicate cluster (article_id of its first member)."},
            ),
            pa.field(
                "is_canonical",
                pa.bool_(),
                True,
                {"doc": "True for the earliest published member of its cluster."},
            ),
            pa.field(
                "fetched_at",
                _ts,
                False,
                {"doc": "When the page was fetched (or captured, for WARC)."},
            ),
            pa.field("run_id", pa.string(), False, {"doc": "Run that wrote this row."}),
            pa.field("pipeline_version", pa.string(), False, {"doc": "newscorpus version."}),
            pa.field(
                "extractor_version", pa.string(), True, {"doc": "Main-text extractor and version."}
            ),
            pa.field(
                "model",
                pa.string(),
                True,
                {"doc": "spaCy pipeline and version used for enrichment."},
            ),
        ]
    ),
    "entities": pa.schema(
        [
            pa.field("article_id", pa.string(), False, {"doc": "Article the mention is in."}),
            pa.field("text", pa.string(), False, {"doc": "Mention as written."}),
            pa.field(
                "label",
                pa.string(),
                False,
                {"doc": "Entity type (spaCy labels, corrected by rules)."},
            ),
            pa.field("start_char", pa.int32(), False, {"doc": "Offset into articles.text."}),
            pa.field("end_char", pa.int32(), False, {"doc": "End offset (exclusive)."}),
            pa.field("sentence", pa.int32(), False, {"doc": "0-based sentence index."}),
            pa.field(
                "canonical",
                pa.string(),
                True,
                {
                    "doc": 'Resolved actor name (an organisation keeps a capital article, "The '
                    'Washington Post"; a place, an event or a law has none, "Korean '
                    'Peninsula").'
                },
            ),
            pa.field("actor_id", pa.string(), True, {"doc": "Stable id of the canonical actor."}),
            pa.field("run_id", pa.string(), False, {"doc": "Run that wrote this row."}),
            pa.field("model", pa.string(), False, {"doc": "spaCy pipeline and version."}),
        ]
    ),
    "dates": pa.schema(
        [
            pa.field("article_id", pa.string(), False, {"doc": "Article the expression is in."}),
            pa.field("text", pa.string(), False, {"doc": "Expression as written."}),
            pa.field("start_char", pa.int32(), False, {"doc": "Offset into articles.text."}),
            pa.field("end_char", pa.int32(), False, {"doc": "End offset (exclusive)."}),
            pa.field(
                "type", pa.string(), False, {"doc": "TIMEX3 type: DATE, TIME, DURATION, SET."}
            ),
            pa.field(
                "value",
                pa.string(),
                False,
                {"doc": "TIMEX3 value: 2009-12-10, 2009-W50, P3D, PAST_REF..."},
            ),
            pa.field(
                "granularity",
                pa.string(),
                True,
                {"doc": "day, month, year, week, duration, ref..."},
            ),
            pa.field(
                "anchor",
                pa.date32(),
                True,
                {"doc": "Anchor date used to resolve a relative expression."},
            ),
            pa.field(
                "relative",
                pa.bool_(),
                False,
                {"doc": "True when the value depended on the anchor."},
            ),
            pa.field("run_id", pa.string(), False, {"doc": "Run that wrote this row."}),
            pa.field("model", pa.string(), False, {"doc": "spaCy pipeline and version."}),
        ]
    ),
    "quotes": pa.schema(
        [
            pa.field("quote_id", pa.string(), False, {"doc": "Stable id: article_id and offsets."}),
            pa.field("article_id", pa.string(), False, {"doc": "Article the quote is in."}),
            pa.field(
                "text",
                pa.string(),
                False,
                {
                    "doc": "Quoted (or reported) content. Quotes may nest: a news report of"
                    ' someone\'s words ("Kim told Wang that ..., KCNA reported"; "KCNA quoted Kim'
                    ' as saying ...") is a row by the reporter, and the words it relays are a row'
                    " of their own by the one who said them. A direct quote is the words inside"
                    " its marks; a partial or indirect row that takes in quoted words keeps their"
                    " marks."
                },
            ),
            pa.field("start_char", pa.int32(), False, {"doc": "Offset into articles.text."}),
            pa.field("end_char", pa.int32(), False, {"doc": "End offset (exclusive)."}),
            pa.field(
                "kind",
                pa.string(),
                False,
                {
                    "doc": "direct (in quote marks, or a block printed after a colon; a "
                    "statement given in full, one row a paragraph), partial or indirect. A "
                    "transcript's turn is a direct row of its speaker's, one a paragraph; a "
                    "quote or report of another named person inside it is a row of its own "
                    "that lies within the turn's (count words by row with that in mind)."
                },
            ),
            pa.field(
                "speaker",
                pa.string(),
                True,
                {
                    "doc": 'Resolved canonical speaker name (null: anonymous/unknown; the "I" '
                    "of an op-ed or a letter outside its quotes is its one writer, from the "
                    "byline or the metadata)."
                },
            ),
            pa.field(
                "speaker_id",
                pa.string(),
                True,
                {"doc": "actor_id of the speaker (joins entities.actor_id)."},
            ),
            pa.field(
                "speaker_text", pa.string(), True, {"doc": "Speaker mention as written at the cue."}
            ),
            pa.field(
                "speaker_type",
                pa.string(),
                False,
                {
                    "doc": "named, pronoun-resolved, description, anonymous, unknown."
                    ' `description`: the speaker was described, not named ("the envoy"; "a'
                    ' Pentagon spokeswoman", whose speaker is the body she speaks for; "a new'
                    ' poll"); `anonymous`: a person whose name the story keeps back ("an'
                    ' official", "U.S. officials", "sources familiar with the talks"; a'
                    ' transcript\'s "QUESTION:" or "Q:", a reporter it does not name).'
                },
            ),
            pa.field(
                "cue",
                pa.string(),
                True,
                {"doc": "Speech verb or phrase (said, told, according to)."},
            ),
            pa.field("cue_start", pa.int32(), True, {"doc": "Offset of the cue."}),
            pa.field("cue_end", pa.int32(), True, {"doc": "End offset of the cue."}),
            pa.field(
                "paragraph",
                pa.int32(),
                False,
                {"doc": "0-based paragraph index where the quote starts."},
            ),
            pa.field(
                "utterance_id",
                pa.string(),
                True,
                {
                    "doc": "quote_id of the utterance's first quote: the rows of one statement "
                    'share it (the parts of a quote split by its attribution, "A," she said. '
                    '"B."; the parts of a report around an attribution set off inside it, "A, '
                    'officials said, B"; a quote resumed in the next paragraph or going on with '
                    "the report before it; quotes under one cue). Null in rows written before "
                    "schema version 2."
                },
            ),
            pa.field("run_id", pa.string(), False, {"doc": "Run that wrote this row."}),
            pa.field("model", pa.string(), False, {"doc": "spaCy pipeline and version."}),
        ]
    ),
    "actors": pa.schema(
        [
            pa.field(
                "actor_id",
                pa.string(),
                False,
                {"doc": "Stable id of the canonical actor (entities.actor_id, quotes.speaker_id)."},
            ),
            pa.field(
                "canonical",
                pa.string(),
                False,
                {"doc": "Canonical name (the most frequent resolved name)."},
            ),
            pa.field(
                "type", pa.string(), False, {"doc": "Entity type (PERSON, GPE, ORG, NORP...)."}
            ),
            pa.field(
                "aliases", pa.list_(pa.string()), False, {"doc": "Surface forms seen in the texts."}
            ),
            pa.field(
                "first_seen",
                _ts,
                True,
                {"doc": "Earliest publication of an article mentioning it, UTC."},
            ),
            pa.field(
                "last_seen",
                _ts,
                True,
                {"doc": "Latest publication of an article mentioning it, UTC."},
            ),
            pa.field("mention_count", pa.int64(), False, {"doc": "Mentions in the corpus."}),
            pa.field("article_count", pa.int64(), False, {"doc": "Articles mentioning it."}),
        ]
    ),
    "rejects": pa.schema(
        [
            pa.field(
                "url", pa.string(), False, {"doc": "URL (or file/record id) that was rejected."}
            ),
            pa.field("source_name", pa.string(), True, {"doc": "Config source."}),
            pa.field(
                "stage", pa.string(), False, {"doc": "sources, fetch, clean, enrich or store."}
            ),
            pa.field(
                "reason",
                pa.string(),
                False,
                {"doc": "Machine-readable reason (http_404, too_short, off_topic...)."},
            ),
            pa.field("detail", pa.string(), True, {"doc": "Human-readable detail."}),
            pa.field("run_id", pa.string(), False, {"doc": "Run that rejected it."}),
            pa.field("at", _ts, False, {"doc": "When."}),
        ]
    ),
}
TABLE_DOCS = {
    "articles": "One row per article (unique article_id): text and metadata.",
    "entities": "Named-entity mentions with their canonical actor.",
    "dates": "Temporal expressions normalised to TIMEX3 values against the article's date.",
    "quotes": "Direct, partial and indirect quotes with resolved speakers.",
    "rejects": "Discovered items that did not become articles, with stage and reason.",
    "actors": "One row per canonical actor across the corpus (rebuilt from entities after each run).",
}


class StorageError(RuntimeError):
    """The dataset root cannot be used; the message names the path and the fix."""


def _with_metadata(schema: pa.Schema, table: str) -> pa.Schema:
    return schema.with_metadata(
        {"newscorpus.table": table, "newscorpus.schema_version": SCHEMA_VERSION}
    )


def to_table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows (dicts) as a pyarrow table of the table's declared schema."""
    schema = SCHEMAS[name]
    columns = {f.name: [row.get(f.name) for row in rows] for f in schema}
    return pa.Table.from_pydict(columns, schema=_with_metadata(schema, name))


def partition_of(published: datetime | None) -> str:
    """The hive partition path of a publication timestamp (UTC)."""
    if published is None:
        return f"year={UNDATED}/month={UNDATED}"
    return f"year={published.year}/month={published.month}"


# rebuild_actors: the columns it reads, DuckDB's memory before it spills to disk, rows per written
# batch. With 256 MB the rebuild's peak was +161 / +316 / +348 MB at 25k / 300k / 1M generated
# articles of 30 mentions (bench/actors.py), ~100 MB of it DuckDB's import.
_ACTOR_SOURCES = {
    "entities": ["article_id", "text", "label", "canonical", "actor_id"],
    "articles": ["article_id", "published"],
}
ACTORS_MEMORY_LIMIT = "256MB"
_ACTORS_BATCH_ROWS = 50_000
# One row per actor: every surface form, the first and last publication it is mentioned in,
# mentions and distinct articles; the canonical name and type are the most frequent pair
# (ties: the alphabetically first, so a rebuild is deterministic). Only plain GROUP BYs touch
# the mention rows, as they spill to disk: DISTINCT aggregates over them ran out of memory at
# 1M articles.
_ACTORS_SQL = """
WITH per_article AS (
    SELECT actor_id, article_id, count(*) AS mentions
    FROM src_entities WHERE actor_id IS NOT NULL GROUP BY ALL
),
spans AS (
    SELECT p.actor_id, sum(p.mentions) AS mention_count, count(*) AS article_count,
        min(a.published) AS first_seen, max(a.published) AS last_seen
    FROM per_article p LEFT JOIN src_articles a USING (article_id) GROUP BY p.actor_id
),
forms AS (
    SELECT actor_id, coalesce(canonical, '') AS canonical, label, text, count(*) AS n
    FROM src_entities WHERE actor_id IS NOT NULL GROUP BY ALL
),
best AS (
    SELECT actor_id, canonical, label
    FROM (SELECT actor_id, canonical, label, sum(n) AS n FROM forms GROUP BY ALL)
    QUALIFY row_number() OVER (PARTITION BY actor_id ORDER BY n DESC, canonical, label) = 1
),
aliases AS (
    SELECT actor_id, list(text ORDER BY text) AS aliases
    FROM (SELECT DISTINCT actor_id, text FROM forms) GROUP BY actor_id
)
SELECT s.actor_id, b.canonical, b.label AS type, l.aliases, s.first_seen, s.last_seen,
    s.mention_count, s.article_count
FROM spans s JOIN best b USING (actor_id) JOIN aliases l USING (actor_id)
ORDER BY s.mention_count DESC, b.canonical, s.actor_id
"""


# DuckDB's names of the column types the schemas use (its own conversion from an Arrow schema,
# `from_arrow`, imports pandas: ~0.2 s and ~30 MB)
_DUCKDB_TYPES = {
    pa.string(): "VARCHAR",
    pa.bool_(): "BOOLEAN",
    pa.int32(): "INTEGER",
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE",
    pa.date32(): "DATE",
}


def _duckdb_type(arrow_type: pa.DataType) -> str:
    """DuckDB's name of an Arrow column type of the schemas."""
    if pa.types.is_list(arrow_type):
        return f"{_duckdb_type(arrow_type.value_type)}[]"
    if pa.types.is_timestamp(arrow_type):
        return "TIMESTAMPTZ" if arrow_type.tz else "TIMESTAMP"
    return _DUCKDB_TYPES[arrow_type]


# Rows a merge holds before it writes them as one row group of the merged file: its memory is
# about this much, whatever the size of the files it merges (~1,500 articles with their text,
# ~100k entity rows: row groups of a size every reader handles well).
MERGE_ROW_GROUP_BYTES = 8 * 1024 * 1024


def _conform(data: pa.Table, schema: pa.Schema) -> pa.Table:
    """A table read from a file in the schema's columns, order and types; a column that an
    older file lacks is null."""
    return pa.Table.from_arrays(
        [
            data.column(f.name).cast(f.type)
            if f.name in data.column_names
            else pa.nulls(data.num_rows, f.type)
            for f in schema
        ],
        schema=schema,
    )


def _pack(files: list[tuple[str, int]], target: int) -> list[list[str]]:
    """Files (name, bytes; largest first) in groups of at most `target` bytes: first fit."""
    groups: list[tuple[list[str], int]] = []
    for name, size in files:
        for i, (group, total) in enumerate(groups):
            if total + size <= target:
                group.append(name)
                groups[i] = (group, total + size)
                break
        else:
            groups.append(([name], size))
    return [group for group, _total in groups]


# a path part that readers skip (pyarrow's and DuckDB's conventions: ".name", "_name")
_HIDDEN_PART = re.compile(r"/[._]")


class _DuckDBFileSystem(ArrowFSWrapper):
    """A dataset's pyarrow filesystem as fsspec, under a protocol of its own: DuckDB's "s3://"
    would need its httpfs extension, which it downloads."""

    protocol = "newscorpus"

    @classmethod
    def _strip_protocol(cls, path: str | list[str]) -> str | list[str]:
        # the path as the pyarrow filesystem knows it ("bucket/key"); fsspec's own parse would
        # take the bucket for a host and drop it
        if isinstance(path, list):
            return [str(cls._strip_protocol(p)) for p in path]
        return path.removeprefix(f"{cls.protocol}://").rstrip("/")


_SAFE_PARTITION = re.compile(r"^year=(\d{4}|0|undated)/month=(\d{1,2}|undated)$")


# A data file's partition and file id in its path (Dataset.verify)
_LOCATION = r"/(year=[^/]+/month=[^/]+)/([^/]+)\.parquet$"
# Dataset.verify's checks: (table, what the article ids found have, the query that finds them)
_VERIFY_CHECKS = [
    (
        "articles",
        "stored twice",
        "SELECT article_id FROM rows_articles GROUP BY 1 HAVING count(*) > 1 ORDER BY 1",
    ),
    (
        "articles",
        "in the index without their row",
        "SELECT article_id FROM index_rows ANTI JOIN rows_articles USING (article_id) ORDER BY 1",
    ),
    (
        "articles",
        "stored where the index does not say (or missing from the index)",
        "SELECT DISTINCT r.article_id FROM rows_articles r LEFT JOIN index_rows i "
        "USING (article_id) WHERE i.file IS DISTINCT FROM r.file "
        "OR i.partition IS DISTINCT FROM r.partition ORDER BY 1",
    ),
    *(
        (
            child,
            "with rows but no row in `articles`",
            "SELECT DISTINCT article_id FROM rows_{table} "
            "ANTI JOIN rows_articles USING (article_id) ORDER BY 1",
        )
        for child in ("entities", "dates", "quotes")
    ),
    *(
        (
            child,
            "with rows outside their article's file",
            "SELECT DISTINCT c.article_id FROM rows_{table} c JOIN rows_articles a "
            "USING (article_id) WHERE c.file <> a.file OR c.partition <> a.partition ORDER BY 1",
        )
        for child in ("entities", "dates", "quotes")
    ),
]


# Rejects that stay true while the page and the run's settings (tasks.clean.settle_key) stay the
# same: their URLs are remembered (`settled`) so later runs do not fetch and reject them again.
# An article an NLP worker died or stalled on alone, twice or for nlp.stall_timeout, would cost
# that again each night its feed lists it (a stall: ~20 minutes a run); a page the flow's process
# died or stalled on (tasks.inhand) would stop every run that fetched it
SETTLED_REJECTS = frozenset(
    {
        ("clean", "off_topic"),
        ("clean", "language"),
        ("enrich", "worker_died"),
        ("enrich", "stalled"),
        ("clean", "run_died"),
        ("clean", "stalled"),
        ("enrich", "run_died"),
    }
)


@dataclass(frozen=True, slots=True)
class SettledEntry:
    """A URL rejected for good under the settings whose fingerprint is `key`."""

    reason: str
    key: str
    last_seen: str
    lastmod: str | None = None


@dataclass(frozen=True, slots=True)
class SeenEntry:
    """What the seen-index knows about a canonical URL."""

    article_id: str
    content_hash: str
    last_seen: str
    lastmod: str | None


class Dataset:
    """A dataset root: schemas, the seen-index, crash recovery and atomic upserting commits."""

    def __init__(self, output: str, cfg: StorageConfig | None = None) -> None:
        self.output = output
        self.cfg = cfg or StorageConfig()
        self.is_remote = "://" in output and not output.startswith("file://")
        if self.is_remote:
            self.fs, self.root = pafs.FileSystem.from_uri(output)
            cache = Path(
                os.environ.get("NEWSCORPUS_STATE_DIR", Path.home() / ".cache" / "newscorpus")
            )
            self.state_dir = cache / re.sub(r"[^A-Za-z0-9_.-]+", "_", output)
        else:
            local = Path(output.removeprefix("file://")).expanduser().resolve()
            self.fs, self.root = pafs.LocalFileSystem(), str(local)
            self.state_dir = local / "_state"
        self._db: sqlite3.Connection | None = None

    # ---- paths ----------------------------------------------------------------------------
    def path(self, *parts: str) -> str:
        """Path of a file or directory under the dataset root."""
        return "/".join([self.root.rstrip("/"), *parts])

    def table_dir(self, table: str) -> str:
        """Directory of a table, what `pandas.read_parquet` takes."""
        return self.path(table)

    def uri(self, table: str) -> str:
        """What a reader passes to pandas/DuckDB/Polars for one table."""
        return f"{self.output.rstrip('/')}/{table}" if self.is_remote else self.table_dir(table)

    # ---- set-up and checks ----------------------------------------------------------------
    def prepare(self) -> int:
        """Before a run: check the root is writable, recover interrupted commits, migrate schemas.

        Returns the number of interrupted commits rolled forward.
        """
        self.check_writable()
        with self.lock():
            recovered = self.recover()
            self.migrate()
            self.move_legacy_undated()
        return recovered

    def check_writable(self) -> None:
        """Fail fast, before any fetch, if the root cannot be created or written."""
        probe = self.path("_state", f".probe-{uuid.uuid4().hex[:8]}")
        try:
            self.fs.create_dir(self.path("_state"), recursive=True)
            with self.fs.open_output_stream(probe) as handle:
                handle.write(b"ok")
            self.fs.delete_file(probe)
            self.state_dir.mkdir(parents=True, exist_ok=True)
        except (OSError, pa.ArrowException) as err:
            raise StorageError(
                f"output {self.output} is not writable ({err}); choose a writable `output` "
                "directory or fix its permissions/credentials"
            ) from None

    @property
    def db(self) -> sqlite3.Connection:
        """The index database (created on first use)."""
        if self._db is None:
            self.state_dir.mkdir(parents=True, exist_ok=True)
            db_path = self.state_dir / "index.sqlite"
            if self.is_remote and not db_path.exists():
                self._download_index(db_path)
            self._db = sqlite3.connect(db_path, timeout=60, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(
                """
                CREATE TABLE IF NOT EXISTS articles (
                    article_id TEXT PRIMARY KEY, partition TEXT NOT NULL, file TEXT NOT NULL,
                    content_hash TEXT NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
                    lastmod TEXT);
                CREATE TABLE IF NOT EXISTS urls (
                    canonical_url TEXT PRIMARY KEY, article_id TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS files (
                    partition TEXT NOT NULL, file TEXT NOT NULL, bytes INTEGER NOT NULL,
                    created TEXT NOT NULL, PRIMARY KEY (partition, file));
                CREATE INDEX IF NOT EXISTS articles_file ON articles(partition, file);
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS minhash (
                    article_id TEXT PRIMARY KEY, sig BLOB NOT NULL, cluster_id TEXT NOT NULL,
                    published TEXT);
                CREATE TABLE IF NOT EXISTS lsh (bucket TEXT NOT NULL, article_id TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS lsh_bucket ON lsh(bucket);
                CREATE INDEX IF NOT EXISTS lsh_article ON lsh(article_id);
                CREATE INDEX IF NOT EXISTS minhash_cluster ON minhash(cluster_id);
                CREATE TABLE IF NOT EXISTS settled (
                    canonical_url TEXT PRIMARY KEY, reason TEXT NOT NULL, key TEXT NOT NULL,
                    seen TEXT NOT NULL);
                """
            )
        return self._db

    def _download_index(self, db_path: Path) -> None:
        remote = self.path("_state", "index.sqlite")
        info = self.fs.get_file_info(remote)
        if info.type == pafs.FileType.File:
            with self.fs.open_input_stream(remote) as src, db_path.open("wb") as dst:
                dst.write(src.read())

    def _upload_index(self) -> None:
        if not self.is_remote or self._db is None:
            return
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        data = (self.state_dir / "index.sqlite").read_bytes()
        remote = self.path("_state", "index.sqlite")
        with self.fs.open_output_stream(remote) as out:
            out.write(data)
        info = self.fs.get_file_info(remote)
        (self.state_dir / "index.remote").write_text(f"{info.size}:{info.mtime_ns}")

    def close(self) -> None:
        """Close the index database."""
        if self._db is not None:
            self._db.close()
            self._db = None

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Exclusive commit lock: flock on local disk, a conditional-write lease object on S3."""
        deadline = time.monotonic() + self.cfg.lock_timeout
        self.state_dir.mkdir(parents=True, exist_ok=True)
        with (self.state_dir / "lock").open("a+") as handle:
            while True:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    self._wait(deadline)
            try:
                if self.is_remote:
                    with self._remote_lease(deadline):
                        self._refresh_index()
                        yield
                else:
                    yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    def _wait(self, deadline: float) -> None:
        if time.monotonic() > deadline:
            raise StorageError(
                f"{self.output} is locked by another run for more than "
                f"{self.cfg.lock_timeout}s; wait for it or raise storage.lock_timeout"
            )
        time.sleep(0.2)

    @contextlib.contextmanager
    def _remote_lease(self, deadline: float) -> Iterator[None]:
        # S3 has no locks; a lease object created with If-None-Match: * (a conditional write, atomic
        # on AWS S3 and compatible servers) gives mutual exclusion between machines. A lease older
        # than REMOTE_LEASE_S belongs to a killed run and is broken.
        import boto3
        from botocore.exceptions import ClientError

        bucket, _, prefix = self.root.partition("/")
        key = f"{prefix.rstrip('/')}/_state/lock".lstrip("/")
        client = boto3.client("s3")
        body = json.dumps({"owner": os.getpid(), "at": time.time()}).encode()
        while True:
            try:
                client.put_object(Bucket=bucket, Key=key, Body=body, IfNoneMatch="*")
                break
            except ClientError as err:
                if err.response.get("Error", {}).get("Code") not in ("PreconditionFailed", "412"):
                    raise StorageError(
                        f"cannot take the lock {self.output}/_state/lock: {err}"
                    ) from None
                with contextlib.suppress(ClientError, ValueError, KeyError):
                    held = json.loads(client.get_object(Bucket=bucket, Key=key)["Body"].read())
                    if time.time() - float(held["at"]) > REMOTE_LEASE_S:
                        client.delete_object(Bucket=bucket, Key=key)
                        continue
                self._wait(deadline)
        try:
            yield
        finally:
            client.delete_object(Bucket=bucket, Key=key)

    def _refresh_index(self) -> None:
        # another machine may have committed since we last looked: fetch its index
        info = self.fs.get_file_info(self.path("_state", "index.sqlite"))
        stamp = f"{info.size}:{info.mtime_ns}" if info.type == pafs.FileType.File else ""
        marker = self.state_dir / "index.remote"
        if stamp and (not marker.exists() or marker.read_text() != stamp):
            self.close()
            for suffix in ("", "-wal", "-shm"):
                (self.state_dir / f"index.sqlite{suffix}").unlink(missing_ok=True)
            self._download_index(self.state_dir / "index.sqlite")
            marker.write_text(stamp)

    # ---- seen-index -----------------------------------------------------------------------
    def seen(self, canonical_url: str) -> SeenEntry | None:
        """The index entry of a canonical URL, or None if never committed."""
        row = self.db.execute(
            "SELECT a.article_id, a.content_hash, a.last_seen, a.lastmod FROM urls u "
            "JOIN articles a USING (article_id) WHERE u.canonical_url = ?",
            (canonical_url,),
        ).fetchone()
        return SeenEntry(*row) if row else None

    def settled(self, canonical_url: str) -> SettledEntry | None:
        """How a canonical URL was rejected for good (off topic, language), or None."""
        row = self.db.execute(
            "SELECT reason, key, seen FROM settled WHERE canonical_url = ?", (canonical_url,)
        ).fetchone()
        return SettledEntry(*row) if row else None

    def article_count(self) -> int:
        """Number of articles committed."""
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    # ---- recovery -------------------------------------------------------------------------
    def _list(self, directory: str) -> list[pafs.FileInfo]:
        selector = pafs.FileSelector(directory, allow_not_found=True, recursive=False)
        return list(self.fs.get_file_info(selector))

    def _table_files(self, table: str) -> list[pafs.FileInfo]:
        selector = pafs.FileSelector(self.path(table), allow_not_found=True, recursive=True)
        return [i for i in self.fs.get_file_info(selector) if i.path.endswith(".parquet")]

    def migrate(self) -> int:
        """Rewrite files written with an older schema so plain readers see every column.

        pandas/pyarrow take a dataset's schema from one file, so a column added in a new schema
        version would be invisible while old files remain. Runs once per schema version (the
        version is kept in the index); each file is replaced atomically. Returns files rewritten.
        Call under `lock()`.
        """
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is not None and row[0] == SCHEMA_VERSION:
            return 0
        rewritten = 0
        for table in TABLES:
            target = _with_metadata(SCHEMAS[table], table)
            for info in self._table_files(table):
                if (
                    pq.read_schema(info.path, filesystem=self.fs)
                    .remove_metadata()
                    .equals(target.remove_metadata())
                ):
                    continue
                data = pq.read_table(info.path, filesystem=self.fs, schema=target)
                self._put(info.path, data)
                rewritten += 1
        with self.db:
            self.db.execute(
                "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE "
                "SET value=excluded.value",
                (SCHEMA_VERSION,),
            )
        return rewritten

    def move_legacy_undated(self) -> int:
        """Move the files of undated articles from `year=undated/month=undated` (before
        2026-12-04) to `partition_of(None)`, and the index with them; returns files moved.

        File by file, one rename each: a reader sees each file in one partition or the other,
        never both. A run killed midway leaves some files in each place, and the next run's
        `prepare` moves the rest and then the index. Call under `lock()`.
        """
        new = partition_of(None)
        moved = 0
        for table in ARTICLE_TABLES:
            old_dir = self.path(table, _LEGACY_UNDATED)
            for info in self._list(old_dir):
                if info.type == pafs.FileType.File and info.path.endswith(".parquet"):
                    self.fs.create_dir(self.path(table, new), recursive=True)
                    self.fs.move(info.path, self.path(table, new, info.base_name))
                    moved += 1
            if self.fs.get_file_info(old_dir).type == pafs.FileType.Directory:
                self._drop_empty_dirs(old_dir, self.table_dir(table))
        stale = self.db.execute(
            "SELECT 1 FROM files WHERE partition=? UNION SELECT 1 FROM articles WHERE partition=?",
            (_LEGACY_UNDATED, _LEGACY_UNDATED),
        ).fetchone()
        if stale is not None:
            with self.db:
                for index in ("articles", "files"):
                    self.db.execute(
                        f"UPDATE {index} SET partition=? WHERE partition=?", (new, _LEGACY_UNDATED)
                    )
            self._upload_index()
        return moved

    def keep_tables_readable(self) -> int:
        """Give every table that has no data file a 0-row file of its schema, and remove that
        file once the table has data; returns the files written or removed.

        A researcher's `pd.read_parquet(<output>/quotes)`, DuckDB's or Polars'
        `read_parquet('<output>/quotes/**/*.parquet')` fail on a table with no file (a first run
        whose articles had no quote, a corpus with no reject yet), and an empty directory would
        give them no columns. The file sits in the partition of the current month (`actors`,
        which has no partitions, gets its one file). `compact` calls it at the end of each run
        that commits; a dry run writes nothing. Call under `lock()`.
        """
        changed = 0
        for table in TABLES:
            files = self.data_files(table)
            if table == "actors":
                if not files:  # rebuild_actors replaces it
                    self._write_empty(table, self.path("actors", "actors.parquet"))
                    changed += 1
                continue
            empty = [f for f in files if f.rsplit("/", 1)[-1] == EMPTY_FILE]
            if not files:
                month = partition_of(datetime.now(UTC))
                self._write_empty(table, self.path(table, month, EMPTY_FILE))
                changed += 1
            elif len(empty) < len(files):
                for path in empty:  # a reader may see it or not: it has no rows either way
                    if pq.read_metadata(path, filesystem=self.fs).num_rows == 0:
                        self.fs.delete_file(path)
                        self._drop_empty_dirs(path.rsplit("/", 1)[0], self.table_dir(table))
                        changed += 1
        return changed

    def _drop_empty_dirs(self, directory: str, stop: str) -> None:
        # the month and year directories the file leaves empty, up to the table's own
        while directory.startswith(stop + "/") and not self._list(directory):
            self.fs.delete_dir(directory)
            directory = directory.rsplit("/", 1)[0]

    def _write_empty(self, table: str, path: str) -> None:
        self._put(path, _with_metadata(SCHEMAS[table], table).empty_table())

    def _put(self, path: str, data: pa.Table) -> None:
        # written under _staging, then moved into place in one step: a reader never sees it half
        staged = self.path("_staging", f"put-{uuid.uuid4().hex[:8]}.parquet")
        self._write_parquet(staged, data)
        self.fs.create_dir(path.rsplit("/", 1)[0], recursive=True)
        self.fs.move(staged, path)

    def _write_parquet(self, path: str, data: pa.Table) -> None:
        self.fs.create_dir(path.rsplit("/", 1)[0], recursive=True)
        with self.fs.open_output_stream(path) as sink:
            pq.write_table(data, sink, compression=_PARQUET_COMPRESSION)

    def compact(self) -> int:
        """Merge the small files of each partition (below half the target size) into files of up
        to the target, as many as it takes (a long run leaves thousands of small files in one
        partition), repeating while merged files are still small enough to merge again.

        Per table the merged file replaces the largest member after the others are removed, so
        a reader may briefly miss rows of a merged file but never sees one twice. Returns the
        number of files merged away. Call under `lock()`.
        """
        target = int(self.cfg.target_file_mb * 1024 * 1024)
        merged = 0
        partitions = [r[0] for r in self.db.execute("SELECT DISTINCT partition FROM files")]
        for partition in partitions:
            while True:  # each pass leaves fewer files: it ends
                small = self.db.execute(
                    "SELECT file, bytes FROM files WHERE partition=? AND bytes < ? "
                    "ORDER BY bytes DESC, file",
                    (partition, target // 2),
                ).fetchall()
                merged_now = self._merge_small(partition, small, target)
                merged += merged_now
                if not merged_now:
                    break
        merged += self._compact_rejects(target)
        self.keep_tables_readable()
        self._upload_index()
        # the merges' buffers go back to the system: a run that merges every compact_every
        # commits would otherwise keep the largest merge's size in the memory pool
        pa.default_memory_pool().release_unused()
        return merged

    def _compact_rejects(self, target: int) -> int:
        """compact() for the rejects table, which the index does not follow: its files listed."""
        merged = 0
        root = self.path("rejects")
        by_partition: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for info in self._table_files("rejects"):
            partition, _, name = info.path[len(root) + 1 :].rpartition("/")
            if name == EMPTY_FILE:  # no rows to merge; keep_tables_readable removes it
                continue
            if _SAFE_PARTITION.match(partition) and (info.size or 0) < target // 2:
                by_partition[partition].append((name.removesuffix(".parquet"), info.size or 0))
        for partition, small in by_partition.items():
            small.sort(key=lambda file: (-file[1], file[0]))
            merged += self._merge_small(partition, small, target, ("rejects",))
        return merged

    def _merge_small(
        self,
        partition: str,
        small: list[tuple[str, int]],
        target: int,
        tables: tuple[str, ...] = _CHILDREN_FIRST,
    ) -> int:
        """Pack a partition's small files (largest first) into groups of up to `target` bytes
        and merge each group of two or more; returns the number of files merged away."""
        groups = [group for group in _pack(small, target) if len(group) > 1]
        for group in groups:
            self._merge(partition, group, tables)
        return sum(len(group) - 1 for group in groups)

    def _merge(
        self, partition: str, group: list[str], tables: tuple[str, ...] = _CHILDREN_FIRST
    ) -> None:
        """Merge a partition's files (largest first) into the first one, in each of `tables`, in
        one logged commit. The index follows the article tables' files, not the rejects': a
        rejects merge keeps its rows in file-name order, that of their commits' times."""
        keep, others = group[0], group[1:]
        indexed = tables == _CHILDREN_FIRST
        commit_id = f"compact-{uuid.uuid4().hex[:8]}"
        steps: list[list[str]] = []
        size = 0
        ordered = group if indexed else sorted(group)
        for table in tables:
            merged = self._write_merged(commit_id, table, partition, ordered, keep)
            for f in others:
                path = self.path(table, partition, f"{f}.parquet")
                if self.fs.get_file_info(path).type == pafs.FileType.File:
                    steps.append(["delete", path])
            if merged is not None:
                src, dst = merged
                steps.append(["move", src, dst])
                if table == "articles":
                    size = self.fs.get_file_info(src).size or 0
        record: dict[str, Any] = {
            "commit": commit_id,
            "at": datetime.now(UTC).isoformat(),
            "steps": steps,
            "articles": [],
            "files": [],
        }
        if indexed:
            record["files"] = [(partition, keep, size)] + [(partition, f, 0) for f in others]
            record["rehome"] = [partition, keep, others]
        self._log_and_apply(commit_id, record)

    def rebuild_actors(self) -> int:
        """Rewrite the `actors` table from the entities and articles tables; returns its rows.

        Derived, not accumulated, so re-processed articles never count twice. One file, replaced
        atomically. DuckDB reads the Parquet files itself and spills its join and aggregates to
        disk past ACTORS_MEMORY_LIMIT, and the table is written batch by batch, so memory stays
        flat as the corpus grows (see bench/actors.py).
        """
        import duckdb  # only here: the NLP workers import this module too

        schema = _with_metadata(SCHEMAS["actors"], "actors")
        rows = 0
        with (
            tempfile.TemporaryDirectory(prefix="newscorpus-actors-") as spill,
            self.lock(),  # no commit or merge removes a file while it is read
        ):
            files = {name: self.data_files(name) for name in _ACTOR_SOURCES}
            if not all(files.values()):
                return 0
            con = duckdb.connect(
                config={"memory_limit": ACTORS_MEMORY_LIMIT, "temp_directory": spill}
            )
            try:
                con.execute("SET TimeZone='UTC'")
                for name, columns in _ACTOR_SOURCES.items():
                    self.duckdb_relation(con, name, columns, files[name]).create_view(f"src_{name}")
                reader = con.sql(_ACTORS_SQL).to_arrow_reader(_ACTORS_BATCH_ROWS)
                commit_id = f"actors-{uuid.uuid4().hex[:8]}"
                staged = self.path("_staging", commit_id, "actors.parquet")
                self.fs.create_dir(staged.rsplit("/", 1)[0], recursive=True)
                with (
                    self.fs.open_output_stream(staged) as sink,
                    pq.ParquetWriter(sink, schema, compression=_PARQUET_COMPRESSION) as writer,
                ):
                    for batch in reader:
                        writer.write_table(pa.Table.from_batches([batch]).cast(schema))
                        rows += batch.num_rows
            finally:
                con.close()
            self.fs.create_dir(self.table_dir("actors"), recursive=True)
            self._log_and_apply(
                commit_id,
                {
                    "commit": commit_id,
                    "at": datetime.now(UTC).isoformat(),
                    "steps": [["move", staged, self.path("actors", "actors.parquet")]],
                    "articles": [],
                    "files": [],
                },
            )
        return rows

    def verify(self) -> list[str]:
        """Check the datasets against their invariants (docs/storage.md) and change nothing: no
        article twice in `articles`, every row of an article in the file the index gives it, no
        row of an article that `articles` lacks, no article of the index without its row, no
        commit left in flight. Returns the problems, each with its count and a few article ids
        (none when the datasets hold). Reads with DuckDB under ACTORS_MEMORY_LIMIT, spilling to
        disk, under the lock, so that no commit moves rows while it reads."""
        import duckdb  # only here: the NLP workers import this module too

        problems = []
        with (
            tempfile.TemporaryDirectory(prefix="newscorpus-verify-") as spill,
            self.lock(),
        ):
            if any(i.path.endswith(".json") for i in self._list(self.path("_log"))):
                problems.append(
                    "_log: a commit is in flight or was cut short; the next run or "
                    "`newscorpus compact` rolls it forward"
                )
            con = duckdb.connect(
                config={"memory_limit": ACTORS_MEMORY_LIMIT, "temp_directory": spill}
            )
            try:
                index = self.db.execute("SELECT article_id, partition, file FROM articles")
                names = ("article_id", "partition", "file")
                columns = list(zip(*index.fetchall(), strict=True)) or [(), (), ()]
                con.register(
                    "index_rows",
                    pa.table(
                        {n: pa.array(c, pa.string()) for n, c in zip(names, columns, strict=True)}
                    ),
                )
                for table in ARTICLE_TABLES:
                    self.duckdb_relation(
                        con, table, ["article_id"], with_filename=True
                    ).create_view(f"raw_{table}")
                    con.execute(
                        f"CREATE VIEW rows_{table} AS SELECT article_id, "
                        f"regexp_extract(filename, '{_LOCATION}', 1) AS partition, "
                        f"regexp_extract(filename, '{_LOCATION}', 2) AS file FROM raw_{table}"
                    )
                for table, what, sql in _VERIFY_CHECKS:
                    found = con.sql(sql.format(table=table)).fetchall()
                    if found:
                        examples = ", ".join(str(row[0]) for row in found[:5])
                        problems.append(
                            f"{table}: {len(found)} article(s) {what} (e.g. {examples})"
                        )
            finally:
                con.close()
        return problems

    def duckdb_relation(
        self,
        con: Any,
        table: str,
        columns: Iterable[str],
        files: list[str] | None = None,
        with_filename: bool = False,
    ) -> Any:
        """`columns` of a table's Parquet files (`data_files`, or `files`) as a relation of the
        DuckDB connection `con`, read by DuckDB itself: it reads only the columns a query uses,
        and its memory limit holds (the batches of a registered pyarrow dataset stay outside it:
        +551 MB at 100k articles in the actors rebuild). Files of an older schema version lack
        newer columns: a column no file has reads as NULL of its declared type. A table without
        files is an empty relation of these columns. `with_filename` adds each row's file path
        (`filename`)."""
        files = self.data_files(table) if files is None else files
        columns = list(columns)
        nulls = {
            name: f'CAST(NULL AS {_duckdb_type(SCHEMAS[table].field(name).type)}) AS "{name}"'
            for name in columns
        }
        if with_filename:
            nulls["filename"] = "CAST(NULL AS VARCHAR) AS filename"
            columns.append("filename")
        if not files:
            return con.sql(f"SELECT {', '.join(nulls.values())} WHERE false")
        prefix = ""
        if self.is_remote:  # object storage: DuckDB reads through our filesystem
            if _DuckDBFileSystem.protocol not in con.list_filesystems():
                con.register_filesystem(_DuckDBFileSystem(fs=self.fs))
            prefix = f"{_DuckDBFileSystem.protocol}://"
        found = con.read_parquet(
            [prefix + path for path in files],
            union_by_name=True,
            hive_partitioning=False,
            filename=with_filename,
        )
        present = set(found.columns)
        return found.select(
            ", ".join(f'"{name}"' if name in present else nulls[name] for name in columns)
        )

    def data_files(self, table: str) -> list[str]:
        """The Parquet data files of a table, sorted; readers skip hidden and underscore-prefixed
        paths, and so does this."""
        root = self.table_dir(table)
        selector = pafs.FileSelector(root, allow_not_found=True, recursive=True)
        return sorted(
            i.path
            for i in self.fs.get_file_info(selector)
            if i.path.endswith(".parquet") and not _HIDDEN_PART.search(i.path[len(root) :])
        )

    def _log_and_apply(self, commit_id: str, record: dict[str, Any]) -> None:
        log_path = self.path("_log", f"{commit_id}.json")
        self.fs.create_dir(self.path("_log"), recursive=True)
        tmp_log = self.path("_log", f".{commit_id}.json.tmp")
        with self.fs.open_output_stream(tmp_log) as handle:
            handle.write(json.dumps(record).encode("utf-8"))
        self.fs.move(tmp_log, log_path)  # the commit point
        self._apply(record)
        self.fs.delete_file(log_path)
        with contextlib.suppress(OSError, pa.ArrowException):
            self.fs.delete_dir(self.path("_staging", commit_id))

    def recover(self) -> int:
        """Finish commits a killed run logged and drop staging files it never logged.

        Returns the number of commits rolled forward. Call under `lock()`.
        """
        done = 0
        for info in sorted(self._list(self.path("_log")), key=lambda i: i.path):
            if info.type != pafs.FileType.File or not info.path.endswith(".json"):
                continue
            with self.fs.open_input_stream(info.path) as handle:
                try:
                    record = json.loads(handle.read())
                except json.JSONDecodeError:
                    record = None  # a log torn while written: its moves never started
            if record is not None:
                self._apply(record)
                done += 1
            self.fs.delete_file(info.path)
        staging = self.path("_staging")
        if self.fs.get_file_info(staging).type == pafs.FileType.Directory:
            self.fs.delete_dir_contents(staging, missing_dir_ok=True)
        if done:
            self._upload_index()
        return done

    def _apply(self, record: dict[str, Any]) -> None:
        # every step is idempotent, so a replay after a crash may repeat steps already done
        for step in record["steps"]:
            if step[0] == "move":
                src, dst = step[1], step[2]
                if self.fs.get_file_info(src).type == pafs.FileType.File:
                    self.fs.create_dir(dst.rsplit("/", 1)[0], recursive=True)
                    self.fs.move(src, dst)
            elif self.fs.get_file_info(step[1]).type == pafs.FileType.File:
                self.fs.delete_file(step[1])
        with self.db:
            for a in record["articles"]:
                self.db.execute(
                    "INSERT INTO articles VALUES (?,?,?,?,?,?,?) ON CONFLICT(article_id) DO UPDATE "
                    "SET partition=excluded.partition, file=excluded.file, "
                    "content_hash=excluded.content_hash, last_seen=excluded.last_seen, "
                    "lastmod=excluded.lastmod",
                    (
                        a["article_id"],
                        a["partition"],
                        a["file"],
                        a["content_hash"],
                        a["seen"],
                        a["seen"],
                        a["lastmod"],
                    ),
                )
                for url in a["urls"]:
                    self.db.execute(
                        "INSERT INTO urls VALUES (?,?) ON CONFLICT(canonical_url) DO UPDATE "
                        "SET article_id=excluded.article_id",
                        (url, a["article_id"]),
                    )
                    self.db.execute("DELETE FROM settled WHERE canonical_url=?", (url,))
            for url, reason, key, seen in record.get("settled", []):
                self.db.execute(
                    "INSERT INTO settled VALUES (?,?,?,?) ON CONFLICT(canonical_url) DO UPDATE "
                    "SET reason=excluded.reason, key=excluded.key, seen=excluded.seen",
                    (url, reason, key, seen),
                )
            for article_id, sig_hex, cluster_id, published, buckets in record.get("minhash", []):
                self.db.execute(
                    "INSERT INTO minhash VALUES (?,?,?,?) ON CONFLICT(article_id) DO UPDATE "
                    "SET sig=excluded.sig, cluster_id=excluded.cluster_id, published=excluded.published",
                    (article_id, bytes.fromhex(sig_hex), cluster_id, published),
                )
                self.db.execute("DELETE FROM lsh WHERE article_id=?", (article_id,))
                self.db.executemany(
                    "INSERT INTO lsh VALUES (?,?)", [(b, article_id) for b in buckets]
                )
            if "rehome" in record:  # compaction: the merged files' articles now live in `keep`
                partition, keep, others = record["rehome"]
                for other in others:
                    self.db.execute(
                        "UPDATE articles SET file=? WHERE partition=? AND file=?",
                        (keep, partition, other),
                    )
            for partition, file, size in record["files"]:
                if size:
                    self.db.execute(
                        "INSERT INTO files VALUES (?,?,?,?) ON CONFLICT(partition, file) DO UPDATE "
                        "SET bytes=excluded.bytes",
                        (partition, file, size, record["at"]),
                    )
                else:
                    self.db.execute(
                        "DELETE FROM files WHERE partition=? AND file=?", (partition, file)
                    )

    # ---- commit ---------------------------------------------------------------------------
    def _read_file(self, table: str, partition: str, file: str) -> pa.Table | None:
        path = self.path(table, partition, f"{file}.parquet")
        if self.fs.get_file_info(path).type != pafs.FileType.File:
            return None
        return pq.read_table(path, filesystem=self.fs, schema=_with_metadata(SCHEMAS[table], table))

    def _write_merged(
        self, commit: str, table: str, partition: str, files: list[str], name: str
    ) -> tuple[str, str] | None:
        """Stream a table's `files` (ids in a partition) into one staged file named `name`, row
        group by row group; (staged, final path), or None when none of
        the files exists. Reading them whole kept each merge's size in the process: a process that
        merged every 25 of 100 commits grew ~25 MB a merge."""
        schema = _with_metadata(SCHEMAS[table], table)
        staged = self.path("_staging", commit, table, partition, f"{name}.parquet")
        pending: list[pa.Table] = []
        held = 0
        with contextlib.ExitStack() as stack:
            writer: pq.ParquetWriter | None = None
            for file in files:
                path = self.path(table, partition, f"{file}.parquet")
                if self.fs.get_file_info(path).type != pafs.FileType.File:
                    continue
                with self.fs.open_input_file(path) as handle:  # one open input at a time
                    source = pq.ParquetFile(handle)
                    for i in range(source.num_row_groups):
                        pending.append(_conform(source.read_row_group(i), schema))
                        held += pending[-1].nbytes
                        if held < MERGE_ROW_GROUP_BYTES:
                            continue
                        writer = writer or self._open_writer(stack, staged, schema)
                        writer.write_table(pa.concat_tables(pending))
                        pending, held = [], 0
            if writer is None and not pending:
                return None
            writer = writer or self._open_writer(stack, staged, schema)
            if pending:
                writer.write_table(pa.concat_tables(pending))
        return staged, self.path(table, partition, f"{name}.parquet")

    def _open_writer(
        self, stack: contextlib.ExitStack, path: str, schema: pa.Schema
    ) -> pq.ParquetWriter:
        self.fs.create_dir(path.rsplit("/", 1)[0], recursive=True)
        sink = stack.enter_context(self.fs.open_output_stream(path))
        return stack.enter_context(pq.ParquetWriter(sink, schema, compression=_PARQUET_COMPRESSION))

    def _write_staged(
        self, commit: str, table: str, partition: str, file: str, data: pa.Table
    ) -> tuple[str, str]:
        staged = self.path("_staging", commit, table, partition, f"{file}.parquet")
        self._write_parquet(staged, data)
        return staged, self.path(table, partition, f"{file}.parquet")

    def _assign_clusters(
        self, batch: dict[str, Enriched]
    ) -> tuple[dict[str, tuple[str, bool]], set[str], list[list[Any]]]:
        """Near-duplicate clusters of a batch against the whole corpus (MinHash LSH in the index).

        Returns (article_id -> (cluster_id, is_canonical)), existing articles that stop being their
        cluster's canonical (an earlier member arrived), and the index rows to record.
        """
        clusters: dict[str, tuple[str, bool]] = {}
        minhash_rows: list[list[Any]] = []
        pending: dict[
            str, tuple[Any, str, str | None]
        ] = {}  # this batch: id -> (sig, cluster, published)
        members: dict[str, list[tuple[str, str]]] = defaultdict(list)  # cluster -> (published, id)
        pending_buckets: dict[str, list[str]] = defaultdict(list)  # LSH bucket -> batch ids
        for article_id, e in batch.items():
            art = e.article
            sig = dedup.signature(art.text)
            buckets = dedup.band_keys(sig)
            marks = ",".join("?" * len(buckets))
            candidates = {
                row[0]: (dedup.from_bytes(row[1]), row[2])
                for row in self.db.execute(
                    f"SELECT m.article_id, m.sig, m.cluster_id FROM lsh l JOIN minhash m USING (article_id) "
                    f"WHERE l.bucket IN ({marks}) AND l.article_id != ?",
                    (*buckets, article_id),
                )
            }
            # this batch's earlier articles: only those sharing a band (all pairs would be O(n^2))
            for other in {
                a for b in buckets for a in pending_buckets.get(b, ()) if a != article_id
            }:
                candidates[other] = (pending[other][0], pending[other][1])
            best_cluster, best = article_id, dedup.THRESHOLD
            for other_sig, other_cluster in candidates.values():
                score = dedup.similarity(sig, other_sig)
                if score >= best:
                    best_cluster, best = other_cluster, score
            known = self.db.execute(
                "SELECT cluster_id FROM minhash WHERE article_id=?", (article_id,)
            ).fetchone()
            if known is not None and best_cluster == article_id:
                best_cluster = known[0]  # an updated article keeps its cluster
            published = art.published.isoformat() if art.published else None
            pending[article_id] = (sig, best_cluster, published)
            for b in buckets:
                pending_buckets[b].append(article_id)
            minhash_rows.append(
                [article_id, dedup.to_bytes(sig).hex(), best_cluster, published, buckets]
            )
        # the canonical member of each touched cluster: the earliest published, then the smallest id
        # (the batch grouped by cluster first: pairing each cluster with every pending article
        # took 225 s for a commit of 20,000)
        for aid, (_sig, cluster, pub) in pending.items():
            members[cluster].append((pub or "9999", aid))
        for cluster, group in members.items():
            stored = self.db.execute(
                "SELECT article_id, published FROM minhash WHERE cluster_id=?", (cluster,)
            ).fetchall()
            group.extend((pub or "9999", aid) for aid, pub in stored if aid not in pending)
        demoted: set[str] = set()
        for cluster, group in members.items():
            first = min(group)[1]
            for _pub, aid in group:
                if aid in pending:
                    clusters[aid] = (cluster, aid == first)
                elif aid != first and self._was_canonical(aid):
                    demoted.add(aid)  # an earlier member arrived: it is no longer the canonical
        return clusters, demoted, minhash_rows

    def _was_canonical(self, article_id: str) -> bool:
        """Whether an existing article was its cluster's earliest member before this batch."""
        row = self.db.execute(
            "SELECT m.cluster_id, m.published FROM minhash m WHERE m.article_id=?", (article_id,)
        ).fetchone()
        if row is None:
            return False
        earlier = self.db.execute(
            "SELECT 1 FROM minhash WHERE cluster_id=? AND article_id!=? AND "
            "(coalesce(published,'9999') < coalesce(?,'9999') OR "
            "(coalesce(published,'9999') = coalesce(?,'9999') AND article_id < ?)) LIMIT 1",
            (row[0], article_id, row[1], row[1], article_id),
        ).fetchone()
        return earlier is None

    def _stage_file(
        self,
        commit_id: str,
        phase: str,
        key: tuple[str, str],
        cache: dict[tuple[str, str, str], pa.Table | None],
        drop_ids: set[str],
        added: dict[str, list[dict[str, Any]]],
        steps: list[list[str]],
        demote: frozenset[str] = frozenset(),
    ) -> int:
        """Stage the new version of one file in every table; append its steps; return its size.

        `demote`: existing articles of the file that are no longer their cluster's canonical.
        """
        partition, file = key
        if not _SAFE_PARTITION.match(partition):
            raise StorageError(f"refusing unsafe partition path {partition!r}")
        size = 0
        ids = pa.array(sorted(drop_ids), pa.string())
        for table in _CHILDREN_FIRST:
            ckey = (table, partition, file)
            if ckey not in cache:
                cache[ckey] = self._read_file(table, partition, file)
            existing = cache[ckey]
            parts = []
            if existing is not None:
                parts.append(
                    existing.filter(pc.invert(pc.is_in(existing["article_id"], value_set=ids)))
                )
            if added.get(table):
                parts.append(to_table(table, added[table]))
            if not parts:
                continue
            data = pa.concat_tables(parts) if len(parts) > 1 else parts[0]
            if table == "articles" and demote:
                hit = pc.is_in(data["article_id"], value_set=pa.array(sorted(demote), pa.string()))
                flags = pc.if_else(hit, pa.scalar(False), data["is_canonical"])
                data = data.set_column(
                    data.schema.get_field_index("is_canonical"),
                    data.schema.field("is_canonical"),
                    flags,
                )
            elif table != "articles" and not added.get(table) and not drop_ids:
                continue  # only an article flag changes: the child tables stay as they are
            cache[ckey] = data  # phase 2 starts from what phase 1 left
            final_path = self.path(table, partition, f"{file}.parquet")
            if data.num_rows == 0:
                if existing is not None:
                    steps.append(["delete", final_path])
                continue
            src, dst = self._write_staged(f"{commit_id}/{phase}", table, partition, file, data)
            steps.append(["move", src, dst])
            if table == "articles":
                size = self.fs.get_file_info(src).size or 0
        return size

    def _new_file(self, partition: str, new_files: dict[str, str]) -> str:
        # a file of this commit's own: appending to a partition's latest file rewrote the whole
        # file at every commit (each batch's cost grew with the partition, up to target_file_mb);
        # compact() merges the small files once a run has committed
        if partition not in new_files:
            new_files[partition] = f"part-{uuid.uuid4().hex[:12]}"
        return new_files[partition]

    def _stage_rejects(
        self, commit_id: str, rejects: list[Reject], run_id: str, now: datetime
    ) -> tuple[str, str]:
        # a file of its own, as a commit's articles have (`compact` merges a month's small
        # files): appending to the month's newest file rewrote up to target_file_mb of rejects
        # at every commit of a backfill
        part = partition_of(now)
        added = to_table("rejects", [reject_row(r, run_id, now) for r in rejects])
        return self._write_staged(commit_id, "rejects", part, f"part-{commit_id}", added)

    def commit(
        self,
        enriched: Iterable[Enriched],
        rejects: Iterable[Reject],
        run_id: str,
        article_extra: dict[str, Any] | None = None,
        lastmods: dict[str, datetime | None] | None = None,
        settle_key: str | None = None,
    ) -> dict[str, int]:
        """Upsert a batch of articles (and their rows in every table) and append rejects.

        Re-committing an article_id replaces its rows everywhere. Atomic per file; rolled
        forward by `recover()` if the process dies mid-way. Returns rows written per table.
        With `settle_key` (a fingerprint of the settings that decided), the URLs of rejects in
        SETTLED_REJECTS are remembered for `settled`.
        """
        now = datetime.now(UTC)
        commit_id = f"{now:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
        extra = article_extra or {}
        # newest version of each article wins inside one batch
        batch: dict[str, Enriched] = {}
        for e in enriched:
            batch[e.article.article_id] = e
        counts = dict.fromkeys(TABLES, 0)
        with self.lock():
            self.recover()
            new_rows: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = defaultdict(
                lambda: defaultdict(list)
            )
            drop: dict[tuple[str, str], set[str]] = defaultdict(set)
            new_files: dict[str, str] = {}
            index_rows = []
            clusters, demoted, minhash_rows = self._assign_clusters(batch)
            for article_id, e in batch.items():
                art = e.article
                partition = partition_of(art.published)
                old = self.db.execute(
                    "SELECT partition, file FROM articles WHERE article_id=?", (article_id,)
                ).fetchone()
                if old and old[0] == partition:
                    file = old[1]
                else:
                    if old:
                        drop[(old[0], old[1])].add(article_id)
                    file = self._new_file(partition, new_files)
                drop[(partition, file)].add(article_id)
                rows = new_rows[(partition, file)]
                rows["articles"].append(
                    article_row(e, run_id, extra, *clusters.get(article_id, (None, None)))
                )
                for table in ("entities", "dates", "quotes"):
                    for r in getattr(e, table):
                        rows[table].append(
                            {
                                **r,
                                "article_id": article_id,
                                "run_id": run_id,
                                "model": extra.get("model", ""),
                            }
                        )
                urls = {art.canonical_url}
                if art.url != art.canonical_url:
                    with contextlib.suppress(ValueError):
                        urls.add(canonical_url(art.url))
                lastmod = (lastmods or {}).get(article_id)
                index_rows.append(
                    {
                        "article_id": article_id,
                        "partition": partition,
                        "file": file,
                        "content_hash": art.content_hash,
                        "seen": now.isoformat(),
                        "lastmod": lastmod.isoformat() if lastmod else None,
                        "urls": sorted(urls),
                    }
                )
            # Phase 1 removes articles that move to another partition from their old file, phase 2
            # writes the final version of every file that gains rows. A reader in between may miss
            # a moving article for a moment, but never sees it twice, even when two articles swap
            # partitions in one commit.
            landing = {
                key: {r["article_id"] for r in tables["articles"]}
                for key, tables in new_rows.items()
            }
            moved_away = {key: ids - landing.get(key, set()) for key, ids in drop.items()}
            steps: list[list[str]] = []
            file_sizes: list[tuple[str, str, int]] = []
            cache: dict[tuple[str, str, str], pa.Table | None] = {}
            for key in sorted(k for k, ids in moved_away.items() if ids):
                sizes = self._stage_file(commit_id, "p1", key, cache, moved_away[key], {}, steps)
                if key not in new_rows:
                    file_sizes.append((*key, sizes))
            demote_by_file: dict[tuple[str, str], set[str]] = defaultdict(set)
            for article_id in demoted:
                home = self.db.execute(
                    "SELECT partition, file FROM articles WHERE article_id=?", (article_id,)
                ).fetchone()
                if home is not None:
                    demote_by_file[(home[0], home[1])].add(article_id)
            for key in sorted(set(new_rows) | set(demote_by_file)):
                added = new_rows.get(key, {})
                for table, table_rows in added.items():
                    counts[table] += len(table_rows)
                size = self._stage_file(
                    commit_id,
                    "p2",
                    key,
                    cache,
                    drop.get(key, set()),
                    added,
                    steps,
                    frozenset(demote_by_file.get(key, ())),
                )
                file_sizes.append((*key, size))
                # phase 2 visits each file once: let its tables go, so a commit holds one file
                # at a time rather than every file it touches (its peak memory grew with them)
                for table in ARTICLE_TABLES:
                    cache.pop((table, *key), None)
            settled: list[tuple[str, str, str, str]] = []
            if rejects := list(rejects):
                steps.append(["move", *self._stage_rejects(commit_id, rejects, run_id, now)])
                counts["rejects"] = len(rejects)
                for r in rejects:
                    if settle_key is not None and (r.stage, r.reason) in SETTLED_REJECTS:
                        with contextlib.suppress(ValueError):
                            url = canonical_url(r.url)
                            settled.append((url, r.reason, settle_key, now.isoformat()))
            record = {
                "commit": commit_id,
                "at": now.isoformat(),
                "steps": steps,
                "articles": index_rows,
                "files": file_sizes,
                "minhash": minhash_rows,
                "settled": settled,
            }
            self._log_and_apply(commit_id, record)
            self._upload_index()
        return counts


def article_row(
    e: Enriched,
    run_id: str,
    extra: dict[str, Any],
    cluster_id: str | None = None,
    is_canonical: bool | None = None,
) -> dict[str, Any]:
    """The `articles` row of an enriched article."""
    a = e.article
    return {
        "article_id": a.article_id,
        "url": a.url,
        "canonical_url": a.canonical_url,
        "source": a.source,
        "source_name": a.source_name,
        "title": a.title,
        "authors": a.authors,
        "published": a.published,
        "published_date": a.published_date,
        "published_source": a.published_source,
        "modified": a.modified,
        "language": a.language,
        "site_name": a.site_name,
        "description": a.description,
        "tags": a.tags,
        "text": a.text,
        "content_hash": a.content_hash,
        "relevance": a.relevance,
        "relevance_matches": json.dumps(a.relevance_matches) if a.relevance_matches else None,
        "cluster_id": cluster_id,
        "is_canonical": is_canonical,
        "fetched_at": a.fetched_at,
        "run_id": run_id,
        "pipeline_version": PIPELINE_VERSION,
        "extractor_version": extra.get("extractor_version"),
        "model": extra.get("model"),
    }


def reject_row(r: Reject, run_id: str, at: datetime) -> dict[str, Any]:
    """The `rejects` row of a Reject."""
    return {
        "url": r.url,
        "source_name": r.source_name,
        "stage": r.stage,
        "reason": r.reason,
        "detail": r.detail,
        "run_id": run_id,
        "at": at,
    }


def data_dictionary() -> str:
    """The data dictionary (every table and column, type, meaning) as Markdown, from SCHEMAS."""
    lines = [
        "# Data dictionary",
        "",
        "Generated from `tasks/storage.py` by `python -m tasks.storage > docs/data_dictionary.md`;",
        "a test fails when this file and the schemas disagree. "
        f"Schema version {SCHEMA_VERSION} (also in each Parquet file's metadata).",
        "",
        "Every table is hive-partitioned `year=YYYY/month=M` by the article's publication date (UTC;",
        f"`year={UNDATED}/month={UNDATED}` when the article has no date, so `year` and `month` read as",
        "integers: `WHERE year > 0` leaves undated articles out); `rejects` by the month of the run;",
        "`actors` is one unpartitioned file, rebuilt from `entities` at the end of each run. A table",
        "with no rows yet holds one 0-row file of its columns (`part-empty.parquet`).",
        "",
    ]
    for name, schema in SCHEMAS.items():
        lines += [
            f"## `{name}`",
            "",
            TABLE_DOCS[name],
            "",
            "| column | type | nullable | meaning |",
            "| --- | --- | --- | --- |",
        ]
        for f in schema:
            doc = (f.metadata or {}).get(b"doc", b"").decode("utf-8")
            lines.append(f"| `{f.name}` | `{f.type}` | {'yes' if f.nullable else 'no'} | {doc} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(data_dictionary(), end="")
