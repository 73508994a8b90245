"""The records that travel through the pipeline, one way: sources -> fetch -> clean -> enrich -> store.

Whatever a later stage needs travels in the record; no stage reaches back to an earlier one.
Stage errors are specific exceptions raised where an item is rejected and turned into a
`Reject` row once, at the stage boundary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(slots=True)
class Item:
    """A discovered article URL (or a payload already in hand) with what its source knows of it."""

    url: str
    source: str  # config source name
    title_hint: str | None = None
    published_hint: datetime | None = None
    lastmod: datetime | None = None  # feed/sitemap modification date: a seen page changed
    body: bytes | None = None  # a page already in hand (html_files, WARC), so no fetch
    headers: dict[str, str] = field(default_factory=dict)
    text: str | None = None  # pre-extracted text (records source): no fetch, no extraction
    authors_hint: list[str] = field(default_factory=list)
    record_id: str | None = None  # an id the records source supplies
    fetched_at: datetime | None = None  # when the payload in hand was captured (WARC-Date)
    listed_in: str | None = None  # the feed or sitemap that listed it (see Fetcher.unsettle)


@dataclass(slots=True)
class Page:
    """A fetched HTTP response (or a payload in hand) ready for extraction."""

    item: Item
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: datetime
    html: str = ""  # body decoded with the charset found (header, meta, detection)


@dataclass(slots=True)
class Article:
    """One cleaned article; the `articles` table row before enrichment columns are added."""

    article_id: str
    url: str
    canonical_url: str
    source: str  # site / domain
    source_name: str  # config source name
    title: str | None
    authors: list[str]
    published: datetime | None  # UTC
    published_source: str | None  # where the date came from (metadata, url, byline, hint...)
    modified: datetime | None
    language: str | None
    site_name: str | None
    description: str | None
    tags: list[str]
    text: str
    content_hash: str
    fetched_at: datetime
    published_date: date | None = None  # calendar date in the page's own zone: the dates anchor
    relevance: float | None = None
    relevance_matches: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class Enriched:
    """An article with the rows of every enrichment table (plain dicts, storage adds keys)."""

    article: Article
    entities: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True, frozen=True)
class Reject:
    """Why a discovered item did not become an article."""

    url: str
    source_name: str
    stage: str  # sources | fetch | clean | enrich | store
    reason: str  # short machine-readable reason: http_404, timeout, too_short, off_topic...
    detail: str = ""


@dataclass(slots=True, frozen=True)
class Skip:
    """A discovered item deliberately not processed (already seen, robots, filters)."""

    url: str
    source_name: str
    reason: str  # seen | robots_disallow | filtered | out_of_window | duplicate_in_run ...


class StageError(Exception):
    """An item is rejected inside a stage; converted into a Reject row at the stage boundary."""

    stage = "unknown"

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail

    def to_reject(self, url: str, source_name: str) -> Reject:
        """The rejects-table row for this error."""
        return Reject(url, source_name, self.stage, self.reason, self.detail[:500])


@dataclass(slots=True)
class SourceCounts:
    """Accounting of one source in one run: discovered = written + skipped + rejected."""

    discovered: int = 0
    written: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    rejected: dict[str, int] = field(default_factory=dict)  # "stage:reason" -> count
    failed: str | None = None  # the whole source failed (feed down, malformed XML...)

    def skip(self, reason: str) -> None:
        """Count one skipped item."""
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def reject(self, stage: str, reason: str) -> None:
        """Count one rejected item."""
        key = f"{stage}:{reason}"
        self.rejected[key] = self.rejected.get(key, 0) + 1

    @property
    def balanced(self) -> bool:
        """The accounting invariant."""
        return self.discovered == self.written + sum(self.skipped.values()) + sum(
            self.rejected.values()
        )


@dataclass(slots=True)
class RunSummary:
    """What a run did, per source and per table; returned by the flow and printed by the CLI."""

    run_id: str
    output: str
    sources: dict[str, SourceCounts] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    started: datetime | None = None
    finished: datetime | None = None
    model: str | None = None
    highlights: str = ""  # markdown: top speakers, actors, months the articles talk about

    def counts(self, source: str) -> SourceCounts:
        """The counters of a source (created on first use)."""
        return self.sources.setdefault(source, SourceCounts())

    @property
    def totals(self) -> SourceCounts:
        """All sources added up."""
        total = SourceCounts()
        for c in self.sources.values():
            total.discovered += c.discovered
            total.written += c.written
            for k, v in c.skipped.items():
                total.skipped[k] = total.skipped.get(k, 0) + v
            for k, v in c.rejected.items():
                total.rejected[k] = total.rejected.get(k, 0) + v
        return total

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly form (the flow's return value)."""

        def counts(c: SourceCounts) -> dict[str, Any]:
            return {
                "discovered": c.discovered,
                "written": c.written,
                "skipped": dict(c.skipped),
                "rejected": dict(c.rejected),
                "failed": c.failed,
                "balanced": c.balanced,
            }

        return {
            "run_id": self.run_id,
            "output": self.output,
            "started": self.started.isoformat() if self.started else None,
            "finished": self.finished.isoformat() if self.finished else None,
            "model": self.model,
            "totals": counts(self.totals),
            "sources": {name: counts(c) for name, c in self.sources.items()},
            "rows": dict(self.rows),
        }
