"""Research report: one self-contained HTML page of charts and tables over the datasets.

Researchers studying the talks mostly ask "who was quoted, how often, saying what, when"; this
answers the first questions without SQL. DuckDB reads the datasets' Parquet files itself (local,
or s3:// through the storage layer's filesystem) and aggregates them in a streaming way, spilling
to disk past its memory limit: `articles.text` is never selected. Charts are drawn with
pygal (tasks.charts), saved as SVG files next to report.html and embedded in it as data:
URIs, so the page needs no network.
Everything that comes from the data is HTML-escaped; only http(s) URLs become links.
"""

from __future__ import annotations

import base64
import html
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb

from tasks.charts import (
    Bar,
    DateLine,
    Graph,
    bar_columns,
    bar_rows,
    chart,
    count_axis,
    dot_matrix,
    log_axis,
    render_svg,
    x_labels,
)
from tasks.storage import ARTICLE_TABLES, SCHEMAS, Dataset

# How much each chart shows: enough to read on a laptop screen (about 1100 px of width).
TOP_SOURCES = 8  # sources drawn separately in the volume chart; the rest are "other"
TOP_SPEAKERS = 15  # bars in the top speakers chart
HEATMAP_SPEAKERS = 20  # rows of the speaker x month heat map
TREND_SPEAKERS = 6  # lines in the speakers-over-time chart (more lines are unreadable)
TOP_ACTORS = 20  # bars in the top actors chart
MATRIX_ACTORS = 15  # rows/columns of the co-mention matrix
PAIR_POOL = 100  # co-mention pairs are counted among this many most mentioned actors
TOP_PAIRS = 15  # rows of the co-mention pairs table
LATEST_QUOTES = 25  # rows of the latest quotes table
TOP_DAYS = 15  # rows of the most mentioned days table
# volume bars: daily up to two months of articles, weekly up to two years, then monthly
VOLUME_GRAINS = ((62, "day"), (730, "week"), (40 * 365, "month"))
MAX_TIME_COLUMNS = 48  # heat map columns before months are grouped into quarters or years
MAX_YEAR_ROWS = 30  # rows of the mentioned year x month heat map
# the mentioned years' chart has a column for every year of a span up to this long
MAX_YEAR_SPAN = 100
QUOTE_CHARS = 400  # a longer quote is cut in the table (the full text is in the dataset)
# reads of the files when a merge replaced some of them meanwhile (see build_report)
READ_ATTEMPTS = 3
# DuckDB spills its temporary tables, joins and aggregates to disk beyond this, so a large corpus
# cannot exhaust a small machine. With 256 MB the report's peak above its imported libraries was
# +201 / +364 / +346 MB at 25k / 100k / 300k generated articles (bench/report.py) and +368 MB at
# 1M (41 s); with 512 MB it still grew to +656 MB at 300k.
MEMORY_LIMIT = "256MB"

# Every chart file the report may write (out_dir/<name>.svg); only these are ever replaced.
CHARTS = (
    "volume",
    "speakers",
    "speakers_over_time",
    "speaker_months",
    "actors",
    "co_mentions",
    "mentioned_years",
    "mentioned_months",
    "cluster_sizes",
)
_HTTP = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)
_KINDS = ("direct", "partial", "indirect")


@dataclass(frozen=True, slots=True)
class ReportResult:
    """Where the report was written and its headline numbers (for a Prefect artifact)."""

    path: Path
    headline: dict[str, int | str]


@dataclass(slots=True)
class _Section:
    anchor: str
    title: str
    body: list[str] = field(default_factory=list)


# ---- reading ------------------------------------------------------------------------------


def _listing(dataset: Dataset) -> dict[str, list[str]]:
    """The data files of each article table, as the report reads them."""
    return {table: dataset.data_files(table) for table in ARTICLE_TABLES}


def _connect(
    dataset: Dataset, listing: dict[str, list[str]], spill_dir: str
) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with one view per table over the listed files.

    DuckDB reads the Parquet files itself (`Dataset.duckdb_relation`), so MEMORY_LIMIT bounds
    what the report holds: over registered pyarrow datasets the report's peak grew with the
    corpus, +324 / +734 / +886 MB at 25k / 100k / 300k generated articles
    (bench/report.py)."""
    con = duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "temp_directory": spill_dir})
    con.execute("SET TimeZone='UTC'")
    for table, files in listing.items():
        dataset.duckdb_relation(con, table, SCHEMAS[table].names, files).create_view(f"raw_{table}")
    return con


def _select(con: duckdb.DuckDBPyConnection, since: date | None, until: date | None) -> None:
    """Materialise the small columns of the articles in the window and of their child rows."""
    day = "coalesce(published_date, CAST(published AS DATE))"
    where, params = [], []
    if since is not None:
        where.append(f"{day} >= ?")
        params.append(since)
    if until is not None:
        where.append(f"{day} <= ?")
        params.append(until)
    cond = f"WHERE {' AND '.join(where)}" if where else ""
    con.execute(
        f"""CREATE TEMP TABLE arts AS
        SELECT article_id, {day} AS day, published,
               coalesce(nullif(source, ''), nullif(source_name, ''), '(unknown)') AS src,
               cluster_id, is_canonical
        FROM raw_articles {cond}""",
        params,
    )
    # one row per utterance: a quote split by its attribution ("A," she said. "B.") is two rows
    # sharing the first one's quote_id as utterance_id, and counts once (rows written before the
    # column existed have none: each is its own utterance)
    con.execute(
        """CREATE TEMP TABLE qs AS
        SELECT q.quote_id, q.article_id, q.kind, q.speaker, q.speaker_id, q.speaker_type,
               q.start_char, a.day, a.published, a.src
        FROM raw_quotes q JOIN arts a USING (article_id)
        WHERE q.utterance_id IS NULL OR q.utterance_id = q.quote_id"""
    )
    # one row per actor and article; actors are keyed by actor_id (name variants share it)
    con.execute(
        """CREATE TEMP TABLE acts AS
        SELECT coalesce(e.actor_id, 'name:' || e.canonical) AS actor, e.article_id,
               min(e.canonical) AS name, min(e.label) AS label, count(*) AS mentions
        FROM raw_entities e JOIN arts a USING (article_id)
        WHERE e.canonical IS NOT NULL AND e.canonical <> ''
        GROUP BY ALL"""
    )
    con.execute(
        """CREATE TEMP TABLE ds AS
        SELECT d.value, d.granularity, d.relative, d.article_id, d.text
        FROM raw_dates d JOIN arts a USING (article_id)
        WHERE d.type = 'DATE'"""
    )


def _rows(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None
) -> list[tuple[Any, ...]]:
    return con.execute(sql, params).fetchall()


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> Any:
    row = con.execute(sql).fetchone()
    return row[0] if row else None


# ---- time bins ----------------------------------------------------------------------------


def _grain_for(first: date, last: date, max_bins: int | None = None) -> str:
    """The finest period that keeps a chart readable: day, week, month, quarter or year.

    Without `max_bins` (the volume chart) by span; with it, the finest of month, quarter and
    year that gives at most `max_bins` columns.
    """
    if max_bins is None:
        span = (last - first).days
        return next((grain for limit, grain in VOLUME_GRAINS if span <= limit), "year")
    for grain in ("month", "quarter", "year"):
        if len(_bins(first, last, grain)) <= max_bins:
            return grain
    return "year"


def _trunc(d: date, grain: str) -> date:
    if grain == "day":
        return d
    if grain == "week":
        return d - timedelta(days=d.weekday())
    if grain == "month":
        return d.replace(day=1)
    if grain == "quarter":
        return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    return date(d.year, 1, 1)


def _step(d: date, grain: str) -> date:
    if grain == "day":
        return d + timedelta(days=1)
    if grain == "week":
        return d + timedelta(days=7)
    months = {"month": 1, "quarter": 3}.get(grain, 12)
    total = d.year * 12 + d.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def _bins(first: date, last: date, grain: str) -> list[date]:
    out, d = [], _trunc(first, grain)
    while d <= last:
        out.append(d)
        d = _step(d, grain)
    return out


def _bin_label(d: date, grain: str) -> str:
    if grain in ("day", "week"):
        return d.isoformat()
    if grain == "month":
        return f"{d.year}-{d.month:02d}"
    if grain == "quarter":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    return str(d.year)


# ---- drawing ------------------------------------------------------------------------------


class _Charts:
    """Renders charts as SVG files in the report folder and returns their <figure> markup."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir

    def embed(self, graph: Graph, name: str, caption: str) -> str:
        assert name in CHARTS, name  # so the next report knows to remove it
        data = render_svg(graph, name)
        path = self.out_dir / f"{name}.svg"
        path.write_bytes(data)
        uri = "data:image/svg+xml;base64," + base64.b64encode(data).decode("ascii")
        return (
            f'<figure><img src="{uri}" alt="{_e(caption)}">'
            f"<figcaption>{_e(caption)} (<code>{_e(path.name)}</code>)</figcaption></figure>"
        )


# ---- HTML helpers -------------------------------------------------------------------------


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _link(url: str | None, text: str | None) -> str:
    label = text or url or ""
    if url and _HTTP.match(url):
        return f'<a href="{_e(url)}" rel="noopener noreferrer nofollow">{_e(label)}</a>'
    return _e(label)


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]], numeric: set[int]) -> str:
    """An HTML table; cells are escaped unless given as _Raw."""
    head = "".join(
        f'<th class="num">{_e(h)}</th>' if i in numeric else f"<th>{_e(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = []
    for row in rows:
        cells = []
        for i, v in enumerate(row):
            text = v.html if isinstance(v, _Raw) else _e(v)
            cells.append(f'<td class="num">{text}</td>' if i in numeric else f"<td>{text}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


@dataclass(frozen=True, slots=True)
class _Raw:
    html: str  # already escaped markup for a table cell


def _note(text: str) -> str:
    return f'<p class="note">{_e(text)}</p>'


# ---- sections -----------------------------------------------------------------------------


def _volume(con: duckdb.DuckDBPyConnection, charts: _Charts, undated: int) -> _Section:
    sec = _Section("volume", "Article volume by source")
    per_source = _rows(
        con,
        "SELECT src, count(*), min(day), max(day) FROM arts GROUP BY src ORDER BY 2 DESC, 1",
    )
    counts = _rows(
        con, "SELECT day, src, count(*) FROM arts WHERE day IS NOT NULL GROUP BY ALL ORDER BY 1"
    )
    if counts:
        first, last = counts[0][0], counts[-1][0]
        grain = _grain_for(first, last)
        bins = _bins(first, last, grain)
        index = {b: i for i, b in enumerate(bins)}
        top = [s for s, *_ in per_source[:TOP_SOURCES]]
        series: dict[str, list[int]] = {s: [0] * len(bins) for s in top}
        for day, src, n in counts:
            key = src if src in series else "other"
            series.setdefault(key, [0] * len(bins))[index[_trunc(day, grain)]] += n
        graph = bar_columns(
            f"Articles published per {grain}, by source",
            420,
            f"articles per {grain}",
            [_bin_label(b, grain) for b in bins],
            series,
        )
        sec.body.append(charts.embed(graph, "volume", f"Articles published per {grain} by source"))
    else:
        sec.body.append(_note("No article has a publication date: no volume over time to draw."))
    if undated:
        sec.body.append(
            _note(
                f"{undated} article(s) without a publication date are counted below but not drawn."
            )
        )
    rows = [(s, n, a or "-", b or "-") for s, n, a, b in per_source]
    sec.body.append(_table(["source", "articles", "first", "last"], rows, {1}))
    return sec


def _speakers(con: duckdb.DuckDBPyConnection, charts: _Charts, quotes: int) -> list[_Section]:
    top_sec = _Section("speakers", "Top quoted speakers")
    heat_sec = _Section("speaker-months", "Speakers by month")
    if not quotes:
        msg = _note("No quotes in this corpus (or window) yet.")
        top_sec.body.append(msg)
        heat_sec.body.append(msg)
        return [top_sec, heat_sec]
    by_type = _rows(con, "SELECT speaker_type, count(*) FROM qs GROUP BY 1 ORDER BY 2 DESC, 1")
    attributed = _one(con, "SELECT count(*) FROM qs WHERE speaker IS NOT NULL")
    top_sec.body.append(
        _note(
            f"{quotes} quotes (the parts of a quote split by its attribution count once), "
            f"{attributed} with a resolved speaker ("
            + ", ".join(f"{t} {n}" for t, n in by_type)
            + ")."
        )
    )
    top = _rows(
        con,
        f"""SELECT speaker, count(*) n,
               count(*) FILTER (WHERE kind = 'direct'), count(*) FILTER (WHERE kind = 'partial'),
               count(*) FILTER (WHERE kind = 'indirect'), count(DISTINCT article_id),
               min(day), max(day)
        FROM qs WHERE speaker IS NOT NULL
        GROUP BY speaker ORDER BY n DESC, speaker LIMIT {max(TOP_SPEAKERS, HEATMAP_SPEAKERS)}""",
    )
    if not top:
        top_sec.body.append(_note("No quote has a resolved speaker: nothing to rank."))
        heat_sec.body.append(_note("No quote has a resolved speaker: nothing to chart."))
        return [top_sec, heat_sec]
    shown = top[:TOP_SPEAKERS]
    graph = bar_rows(
        "Most quoted speakers, by kind of quote",
        "quotes",
        [r[0] for r in shown],  # the most quoted on top
        {kind: [r[2 + k] for r in shown] for k, kind in enumerate(_KINDS)},
    )
    top_sec.body.append(charts.embed(graph, "speakers", "Most quoted speakers by kind of quote"))
    top_sec.body.append(_speaker_trend(con, charts, [r[0] for r in top[:TREND_SPEAKERS]]))
    top_sec.body.append(
        _table(
            ["speaker", "quotes", "direct", "partial", "indirect", "articles", "first", "last"],
            [(*r[:6], r[6] or "-", r[7] or "-") for r in shown],
            {1, 2, 3, 4, 5},
        )
    )
    heat_sec.body.append(_speaker_heatmap(con, charts, [r[0] for r in top[:HEATMAP_SPEAKERS]]))
    return [top_sec, heat_sec]


def _speaker_trend(con: duckdb.DuckDBPyConnection, charts: _Charts, names: list[str]) -> str:
    rows = _rows(
        con,
        """SELECT speaker, day, count(*) FROM qs
        WHERE day IS NOT NULL AND speaker IN (SELECT unnest(?)) GROUP BY ALL ORDER BY 2""",
        [names],
    )
    if not rows:
        return _note("The top speakers' articles have no publication date: no trend to draw.")
    # the whole publication span, so a speaker who fell silent is seen as flat to the end
    span = con.execute("SELECT min(day), max(day) FROM arts").fetchone() or ()
    days = sorted({d for _, d, _ in rows} | {d for d in span if d is not None})
    graph = chart(
        DateLine,
        "Top speakers over time (cumulative quotes by publication date)",
        400,
        y_title="quotes so far",
        x_label_rotation=30,
        x_value_formatter=date.isoformat,
        show_dots=len(days) == 1,  # one day: dots mark the counts its one upright step reaches
        dots_size=4,
        stroke_style={"width": 2},
    )
    per: dict[str, dict[date, int]] = defaultdict(dict)
    for speaker, day, n in rows:
        per[speaker][day] = n
    peak = 0
    for name in names:
        if name not in per:
            continue
        # steps: a count holds until the next day with quotes, then rises on that day (a line
        # drawn from day to day would have the quotes come in between)
        total = 0
        points = [(days[0], 0)]
        for d in days:
            if per[name].get(d):
                total += per[name][d]
                points += [(d, points[-1][1]), (d, total)]
        points.append((days[-1], total))
        peak = max(peak, total)
        graph.add(name, points)
    graph.y_labels = count_axis(peak)  # counts so far: from nothing
    return charts.embed(graph, "speakers_over_time", "Cumulative quotes of the top speakers")


def _speaker_heatmap(con: duckdb.DuckDBPyConnection, charts: _Charts, names: list[str]) -> str:
    rows = _rows(
        con,
        """SELECT speaker, day, count(*) FROM qs
        WHERE day IS NOT NULL AND speaker IN (SELECT unnest(?)) GROUP BY ALL""",
        [names],
    )
    if not rows:
        return _note("The top speakers' articles have no publication date: no months to draw.")
    first = min(d for _, d, _ in rows)
    last = max(d for _, d, _ in rows)
    grain = _grain_for(first, last, MAX_TIME_COLUMNS)
    bins = _bins(first, last, grain)
    index = {b: i for i, b in enumerate(bins)}
    present = [n for n in names if any(r[0] == n for r in rows)]
    matrix = [[0] * len(bins) for _ in present]
    where = {n: i for i, n in enumerate(present)}
    for speaker, day, n in rows:
        matrix[where[speaker]][index[_trunc(day, grain)]] += n
    graph = dot_matrix(
        f"Quotes per speaker and {grain} of publication",
        matrix,
        present,
        [_bin_label(b, grain) for b in bins],
    )
    return charts.embed(graph, "speaker_months", f"Quotes per speaker and {grain}")


def _actors(con: duckdb.DuckDBPyConnection, charts: _Charts) -> list[_Section]:
    top_sec = _Section("actors", "Top actors")
    pair_sec = _Section("co-mentions", "Actor co-mentions")
    top = _rows(
        con,
        f"""SELECT actor, mode(name), mode(label), count(*) AS articles, sum(mentions)
        FROM acts GROUP BY actor ORDER BY articles DESC, 2 LIMIT {PAIR_POOL}""",
    )
    if not top:
        msg = _note("No entity with a canonical actor in this corpus (or window) yet.")
        top_sec.body.append(msg)
        pair_sec.body.append(msg)
        return [top_sec, pair_sec]
    shown = top[:TOP_ACTORS]
    graph = bar_rows(
        "Most mentioned actors (colour: entity type)",
        "articles mentioning the actor",
        [r[1] for r in shown],  # the most mentioned on top
        # one series per type: its colour and legend entry
        {
            label: [r[3] if r[2] == label else None for r in shown]
            for label in sorted({r[2] for r in shown})
        },
    )
    top_sec.body.append(charts.embed(graph, "actors", "Most mentioned actors"))
    top_sec.body.append(
        _table(["actor", "type", "articles", "mentions"], [r[1:] for r in shown], {2, 3})
    )
    pairs = _rows(
        con,
        """WITH aa AS (SELECT article_id, actor FROM acts WHERE actor IN (SELECT unnest(?)))
        SELECT x.actor, y.actor, count(*) AS n FROM aa x JOIN aa y
          ON x.article_id = y.article_id AND x.actor < y.actor
        GROUP BY ALL ORDER BY n DESC, 1, 2""",
        [[r[0] for r in top]],
    )
    if not pairs:
        pair_sec.body.append(_note("No article mentions two different actors yet."))
        return [top_sec, pair_sec]
    names = {r[0]: r[1] for r in top}
    matrix_ids = [r[0] for r in top[:MATRIX_ACTORS]]
    together = {(a, b): n for a, b, n in pairs}
    matrix = [
        [together.get((a, b), together.get((b, a), 0)) if a != b else 0 for b in matrix_ids]
        for a in matrix_ids
    ]
    labels_m = [names[a] for a in matrix_ids]
    graph = dot_matrix("Articles mentioning both actors", matrix, labels_m, labels_m, max_labels=40)
    pair_sec.body.append(charts.embed(graph, "co_mentions", "Actor co-mentions within articles"))
    pair_sec.body.append(
        _table(
            ["actor", "actor", "articles mentioning both"],
            [(names[a], names[b], n) for a, b, n in pairs[:TOP_PAIRS]],
            {2},
        )
    )
    return [top_sec, pair_sec]


def _latest_quotes(con: duckdb.DuckDBPyConnection, quotes: int) -> _Section:
    sec = _Section("latest-quotes", "Latest quotes")
    if not quotes:
        sec.body.append(_note("No quotes in this corpus (or window) yet."))
        return sec
    # the top-N is chosen on small columns first; only those quotes' text and titles are read
    rows = _rows(
        con,
        f"""WITH latest AS (
            SELECT quote_id, article_id, day, published, src, start_char FROM qs
            ORDER BY published DESC NULLS LAST, day DESC NULLS LAST, article_id, start_char
            LIMIT {LATEST_QUOTES})
        SELECT l.day, q.speaker, q.speaker_text, q.speaker_type, q.kind, p.text, l.src,
               a.url, a.title
        FROM latest l
        JOIN raw_quotes q USING (quote_id)
        JOIN (  -- the text of every part of the utterance, in reading order
            SELECT coalesce(utterance_id, quote_id) AS quote_id,
                   string_agg(text, ' … ' ORDER BY start_char) AS text
            FROM raw_quotes WHERE article_id IN (SELECT article_id FROM latest) GROUP BY 1
        ) p USING (quote_id)
        JOIN (SELECT article_id, url, title FROM raw_articles) a ON a.article_id = l.article_id
        ORDER BY l.published DESC NULLS LAST, l.day DESC NULLS LAST, l.article_id, l.start_char""",
    )
    table_rows = []
    for day, speaker, speaker_text, speaker_type, kind, text, src, url, title in rows:
        if speaker:
            who = _Raw(_e(speaker))
        elif speaker_text:
            who = _Raw(f"<i>{_e(speaker_text)}</i> ({_e(speaker_type)})")
        else:
            who = _Raw(f"<i>{_e(speaker_type)}</i>")
        quote = text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"
        table_rows.append(
            (
                day or "undated",
                who,
                _Raw(f'<span class="kind">{_e(kind)}</span> {_e(quote)}'),
                src,
                _Raw(_link(url, title or url)),
            )
        )
    sec.body.append(_table(["date", "speaker", "quote", "source", "article"], table_rows, set()))
    return sec


def _mentioned_dates(con: duckdb.DuckDBPyConnection, charts: _Charts) -> _Section:
    sec = _Section("mentioned-dates", "Dates mentioned in the text")
    rows = _rows(
        con,
        r"""SELECT CASE WHEN regexp_matches(value, '^\d{4}-\d{2}-\d{2}$') THEN 'day'
                        WHEN regexp_matches(value, '^\d{4}-\d{2}$') THEN 'month'
                        WHEN regexp_matches(value, '^\d{4}$') THEN 'year' END AS precision,
                   TRY_CAST(substr(value, 1, 4) AS INTEGER) AS y,
                   CASE WHEN length(value) >= 7 THEN TRY_CAST(substr(value, 6, 2) AS INTEGER) END AS m,
                   count(*), count(DISTINCT article_id)
            FROM ds WHERE precision IS NOT NULL GROUP BY ALL""",
    )
    total = _one(con, "SELECT count(*) FROM ds") or 0
    if not rows:
        msg = "No temporal expression resolved to a calendar day, month or year yet."
        if total:
            msg = f"{total} date expressions, but none resolved to a calendar day, month or year."
        sec.body.append(_note(msg))
        return sec
    relative = _one(con, "SELECT count(*) FROM ds WHERE relative") or 0
    placed = sum(r[3] for r in rows)
    sec.body.append(
        _note(
            f"The timeline the articles talk about, as opposed to when they were published: "
            f"{placed} of {total} date expressions resolve to a calendar day, month or year "
            f"({relative} of all were relative, resolved against the article's own date)."
        )
    )
    per_year: dict[str, Counter[int]] = {p: Counter() for p in ("day", "month", "year")}
    cells: Counter[tuple[int, int]] = Counter()
    for precision, y, m, n, _ in rows:
        per_year[precision][y] += n
        if m:
            cells[(y, m)] += n
    years = sorted({y for c in per_year.values() for y in c})
    title = "Years mentioned in the text"
    published = con.execute("SELECT min(year(day)), max(year(day)) FROM arts").fetchone()
    if published and published[0] is not None:
        # the contrast the section is about: what the articles discuss against when they ran
        run = published[0] if published[0] == published[1] else f"{published[0]}-{published[1]}"
        title += f" (the articles were published in {run})"
    # every year from the first to the last mentioned, so a gap in the timeline shows as one;
    # over a longer span (a "1066" among the 2000s) only the years mentioned
    continuous = years[-1] - years[0] < MAX_YEAR_SPAN
    all_years = list(range(years[0], years[-1] + 1)) if continuous else years
    graph = bar_columns(
        title,
        380,
        "mentions",
        [str(y) for y in all_years],
        {f"{p} precision": [per_year[p][y] for y in all_years] for p in ("day", "month", "year")},
        max_labels=30,
    )
    sec.body.append(charts.embed(graph, "mentioned_years", "Years mentioned in the text"))
    if cells:
        by_year = Counter[int]()
        for (y, _), n in cells.items():
            by_year[y] += n
        kept = sorted(y for y, _ in by_year.most_common(MAX_YEAR_ROWS))
        matrix = [[cells.get((y, m), 0) for m in range(1, 13)] for y in kept]
        months = [date(2000, m, 1).strftime("%b") for m in range(1, 13)]
        graph = dot_matrix(
            "Months mentioned (day or month precision)", matrix, [str(y) for y in kept], months
        )
        sec.body.append(charts.embed(graph, "mentioned_months", "Months mentioned in the text"))
        if len(kept) < len(by_year):
            sec.body.append(
                _note(f"Showing the {len(kept)} most mentioned of {len(by_year)} years.")
            )
    days = _rows(
        con,
        rf"""SELECT value, count(*) n, count(DISTINCT article_id), mode(text)
        FROM ds WHERE regexp_matches(value, '^\d{{4}}-\d{{2}}-\d{{2}}$')
        GROUP BY value ORDER BY n DESC, value LIMIT {TOP_DAYS}""",
    )
    if days:
        sec.body.append("<h3>Most mentioned days</h3>")
        sec.body.append(
            _table(["day", "mentions", "articles", "most common wording"], days, {1, 2})
        )
    return sec


def _clusters(con: duckdb.DuckDBPyConnection, charts: _Charts, articles: int) -> _Section:
    sec = _Section("duplicates", "Duplicate clusters")
    clustered = _one(con, "SELECT count(*) FROM arts WHERE cluster_id IS NOT NULL") or 0
    if not clustered:
        sec.body.append(
            _note(
                f"Near-duplicate clustering has not been computed for these {articles} articles "
                "yet (articles.cluster_id is empty), so there are no cluster sizes to show."
            )
        )
        return sec
    sizes = _rows(
        con,
        """SELECT size, count(*) FROM (
             SELECT cluster_id, count(*) AS size FROM arts WHERE cluster_id IS NOT NULL
             GROUP BY cluster_id) GROUP BY size ORDER BY size""",
    )
    dup_clusters = sum(n for s, n in sizes if s > 1)
    copies = sum((s - 1) * n for s, n in sizes if s > 1)
    sec.body.append(
        _note(
            f"{clustered} of {articles} articles are clustered; {dup_clusters} cluster(s) have "
            f"more than one member, accounting for {copies} near-duplicate article(s)."
        )
    )
    peak = max(n for _, n in sizes)
    logarithmic = peak > 50  # thousands of single articles beside a few large clusters
    graph = chart(
        Bar,
        "Cluster sizes",
        320,
        x_title="articles in the cluster",
        y_title="clusters",
        show_legend=False,
        logarithmic=logarithmic,
        # a log axis' bars rise from pygal's zero: below 1, so a count of 1 is a bar too
        zero=0.5 if logarithmic else 0,
    )
    x_labels(graph, [str(s) for s, _ in sizes])
    graph.add("clusters", [n for _, n in sizes])
    if logarithmic:
        graph.y_labels = log_axis(peak)
    else:
        graph.y_labels = count_axis(peak)
    sec.body.append(charts.embed(graph, "cluster_sizes", "Near-duplicate cluster sizes"))
    largest = _rows(
        con,
        """WITH c AS (SELECT cluster_id, count(*) AS size, count(DISTINCT src) AS sources
                      FROM arts WHERE cluster_id IS NOT NULL GROUP BY cluster_id HAVING size > 1
                      ORDER BY size DESC, cluster_id LIMIT 10)
           SELECT c.size, c.sources, a.url, a.title FROM c
           LEFT JOIN (SELECT article_id, url, title FROM raw_articles) a
             ON a.article_id = c.cluster_id
           ORDER BY c.size DESC, c.cluster_id""",
    )
    if largest:
        sec.body.append(
            _table(
                ["articles", "sources", "first member"],
                [(s, k, _Raw(_link(u, t or u))) for s, k, u, t in largest],
                {0, 1},
            )
        )
    return sec


# ---- page ---------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2330;
background:#f6f7f9;line-height:1.45}
main{max-width:1120px;margin:0 auto;padding:24px 28px 60px}
h1{font-size:1.6em;margin:0 0 4px}h2{margin:36px 0 8px;padding-top:8px;border-top:1px solid #dde1e7}
h3{margin:20px 0 6px;font-size:1.05em}.meta{color:#5b6472;font-size:.9em;margin:0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin:18px 0}
.card{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:10px 12px}
.card b{display:block;font-size:1.4em}.card span{color:#5b6472;font-size:.85em}
nav{font-size:.9em}nav a{margin-right:14px}
figure{margin:12px 0;background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:8px}
figure img{max-width:100%;height:auto;display:block}figcaption{color:#5b6472;font-size:.8em}
table{border-collapse:collapse;background:#fff;margin:10px 0;font-size:.9em;width:100%}
th,td{border:1px solid #dde1e7;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef1f5}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.note{background:#fff8e1;border-left:4px solid #f2c200;padding:8px 12px}
.empty{background:#fdecea;border-left:4px solid #d93025;padding:12px 16px;font-size:1.05em}
.kind{font-size:.75em;color:#5b6472;text-transform:uppercase;margin-right:4px}
"""

# No script and no remote resource may load, whatever ends up in the page.
_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def _page(
    title: str,
    subtitle: list[str],
    headline: dict[str, int | str],
    sections: list[_Section],
    message: str | None,
) -> str:
    cards = "".join(
        f"<div class='card'><b>{_e(v)}</b><span>{_e(k.replace('_', ' '))}</span></div>"
        for k, v in headline.items()
    )
    nav = " ".join(f'<a href="#{s.anchor}">{_e(s.title)}</a>' for s in sections)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body><main>",
        f"<h1>{_e(title)}</h1>",
        *(f'<p class="meta">{_e(line)}</p>' for line in subtitle),
        f'<div class="cards">{cards}</div>',
    ]
    if message:
        parts.append(f'<p class="empty">{_e(message)}</p>')
    if sections:
        parts.append(f"<nav>{nav}</nav>")
    for s in sections:
        parts.append(f'<section id="{s.anchor}"><h2>{_e(s.title)}</h2>')
        parts.extend(s.body)
        parts.append("</section>")
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"


def _window(since: date | None, until: date | None) -> str:
    if since is None and until is None:
        return "all articles"
    return (
        f"published {since.isoformat() if since else '…'} to {until.isoformat() if until else '…'}"
    )


def _contents(
    con: duckdb.DuckDBPyConnection,
    out_dir: Path,
    output: str,
    since: date | None,
    until: date | None,
) -> tuple[dict[str, int | str], list[_Section], str | None]:
    """The headline numbers, the sections (their charts drawn into out_dir) and the message of
    an empty corpus, read over the connection's views."""
    _select(con, since, until)
    stats = con.execute(
        """SELECT count(*), count(DISTINCT src), count(*) FILTER (WHERE day IS NULL),
                  min(day), max(day), count(*) FILTER (WHERE cluster_id IS NOT NULL)
           FROM arts"""
    ).fetchone()
    assert stats is not None
    articles, sources, undated, first, last, clustered = stats
    clusters = _one(
        con,
        "SELECT count(*) FROM (SELECT cluster_id FROM arts WHERE cluster_id IS NOT NULL "
        "GROUP BY cluster_id HAVING count(*) > 1)",
    )
    quotes, attributed, speakers = con.execute(
        "SELECT count(*), count(speaker), count(DISTINCT speaker) FROM qs"
    ).fetchone() or (0, 0, 0)
    actors = _one(con, "SELECT count(DISTINCT actor) FROM acts") or 0
    date_mentions = _one(con, "SELECT count(*) FROM ds") or 0
    headline: dict[str, int | str] = {
        "articles": articles,
        "sources": sources,
        "quotes": quotes,
        "attributed_quotes": attributed,
        "speakers": speakers,
        "actors": actors,
        "date_mentions": date_mentions,
        "first_published": first.isoformat() if first else "-",
        "last_published": last.isoformat() if last else "-",
        "undated_articles": undated,
        "duplicate_clusters": clusters if clustered else "not computed",
    }
    charts = _Charts(out_dir)
    sections: list[_Section] = []
    message = None
    if not articles:
        message = (
            f"No articles in {output} ({_window(since, until)}): there is nothing to chart yet. "
            "Run an ingest (newscorpus run) or widen the date window."
        )
    else:
        sections.append(_volume(con, charts, undated))
        sections.extend(_speakers(con, charts, quotes))
        sections.extend(_actors(con, charts))
        sections.append(_latest_quotes(con, quotes))
        sections.append(_mentioned_dates(con, charts))
        sections.append(_clusters(con, charts, articles))
    return headline, sections, message


def build_report(
    output: str,
    out_dir: Path,
    since: date | None = None,
    until: date | None = None,
    title: str | None = None,
) -> ReportResult:
    """Write `out_dir/report.html` (and the SVG charts it embeds) from the datasets under `output`.

    `output` is a dataset root (a local directory, or s3:// read through pyarrow's filesystem).
    `since`/`until` keep the articles published in that inclusive window (articles without a
    date are then left out) and every quote, entity and date of those articles. Missing tables
    and an empty corpus give a page that says so. Returns the page's path and the headline
    numbers (articles, sources, quotes, speakers, actors, date range...) for a run artifact.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    dataset = Dataset(output)
    listing = _listing(dataset)
    for attempt in range(1, READ_ATTEMPTS + 1):
        for name in CHARTS:  # a previous report's (or attempt's) charts this one may not draw
            (out_dir / f"{name}.svg").unlink(missing_ok=True)
        spill = tempfile.TemporaryDirectory(prefix="newscorpus-report-")
        con = None
        try:
            # the views read each file's schema, so a file gone already fails here
            con = _connect(dataset, listing, spill.name)
            headline, sections, message = _contents(con, out_dir, output, since, until)
            break
        except (duckdb.Error, OSError):
            # Another run's commit lock does not cover this read (a report takes seconds to
            # minutes, commits would wait for it): a merge that replaced listed files makes
            # DuckDB fail on the first one gone. Read again over the files there are now.
            now = _listing(dataset)
            if attempt == READ_ATTEMPTS or now == listing:
                raise
            listing = now  # the next attempt reads these files
        finally:
            if con is not None:
                con.close()
            spill.cleanup()
    missing = [table for table, files in listing.items() if not files]
    subtitle = [
        f"Dataset: {output}",
        f"Window: {_window(since, until)}",
        f"Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
    ]
    if missing:
        subtitle.append("Tables not written yet: " + ", ".join(missing))
    page = _page(
        title or f"newscorpus report: {Path(output.rstrip('/')).name or output}",
        subtitle,
        headline,
        sections,
        message,
    )
    path = out_dir / "report.html"
    tmp = out_dir / ".report.html.tmp"
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(path)  # a reader (or the artifact link) never sees a half-written page
    return ReportResult(path=path, headline=headline)
