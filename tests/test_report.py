"""The research report: sections, counts, the latest quotes, escaping, offline page, empty corpora.

Checks read the HTML's text and tables, never pixels.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from tasks.charts import CHART_WIDTH, LABEL_CHARS
from tasks.records import Reject
from tasks.report import CHARTS, build_report
from tasks.storage import Dataset
from tests.report_fixtures import (
    LATEST_QUOTE,
    STORIES,
    Story,
    enriched,
    expected,
    when,
    write_corpus,
)

SECTIONS = [
    "Article volume by source",
    "Top quoted speakers",
    "Speakers by month",
    "Top actors",
    "Actor co-mentions",
    "Latest quotes",
    "Dates mentioned in the text",
    "Duplicate clusters",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    write_corpus(root)
    return root


@pytest.fixture(scope="module")
def report(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict]:
    result = build_report(str(corpus), tmp_path_factory.mktemp("report"))
    return result.path.read_text(encoding="utf-8"), dict(result.headline)


def section(page: str, anchor: str) -> str:
    """The HTML of one report section."""
    m = re.search(rf'<section id="{anchor}">(.*?)</section>', page, re.S)
    assert m, f"section {anchor} missing"
    return m.group(1)


def cells(fragment: str) -> list[list[str]]:
    """The rows of the first table in a fragment, as unescaped cell texts."""
    table = re.search(r"<tbody>(.*?)</tbody>", fragment, re.S)
    assert table, "no table"
    return [
        [
            html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
            for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)
    ]


def test_every_section_is_present(report: tuple[str, dict]) -> None:
    page, _ = report
    for title in SECTIONS:
        assert f"<h2>{title}</h2>" in page


def test_headline_counts_match_the_corpus(report: tuple[str, dict]) -> None:
    _, headline = report
    want = expected(STORIES)
    for key in (
        "articles",
        "sources",
        "quotes",
        "attributed_quotes",
        "speakers",
        "actors",
        "date_mentions",
        "first_published",
        "last_published",
        "undated_articles",
    ):
        assert headline[key] == want[key], key
    # every story is its own cluster: the storage clusters near-duplicates on commit
    assert headline["duplicate_clusters"] == 0


def test_speaker_table_counts_quotes_per_speaker(report: tuple[str, dict]) -> None:
    page, _ = report
    rows = cells(section(page, "speakers"))
    got = {r[0]: int(r[1]) for r in rows}
    assert got == dict(expected(STORIES)["speaker_quotes"])
    # ranked: the most quoted first, and direct + partial + indirect add up
    assert rows[0][0] == "Park Min-jun"
    assert all(int(r[2]) + int(r[3]) + int(r[4]) == int(r[1]) for r in rows)


def test_latest_quote_comes_first_with_speaker_source_and_link(report: tuple[str, dict]) -> None:
    page, _ = report
    latest = section(page, "latest-quotes")
    first = cells(latest)[0]
    assert first[0] == "2010-02-09" and first[1] == "Li Wen"
    assert LATEST_QUOTE in first[2] and first[3] == "wire.example"
    assert '<a href="https://wire.example/6"' in latest
    # an anonymous quote is shown with its speaker type, not dropped
    assert any(r[1] == "anonymous" for r in cells(latest))


def test_actor_tables(report: tuple[str, dict]) -> None:
    page, _ = report
    actors = {r[0]: (int(r[2]), int(r[3])) for r in cells(section(page, "actors"))}
    # Pyongyang is folded into North Korea: five articles, seven mentions
    assert actors["North Korea"] == (5, 7)
    pairs = {frozenset(r[:2]): int(r[2]) for r in cells(section(page, "co-mentions"))}
    assert pairs[frozenset({"North Korea", "United States"})] == 3
    assert pairs[frozenset({"Li Wen", "China"})] == 2


def test_mentioned_dates_show_the_timeline_talked_about(report: tuple[str, dict]) -> None:
    page, _ = report
    dates = section(page, "mentioned-dates")
    assert "mentioned_years.svg" in dates and "mentioned_months.svg" in dates
    top = cells(dates[dates.index("Most mentioned days") :])
    # the 2005 joint statement is discussed in two 2009 articles
    assert top[0][:3] == ["2005-09-19", "2", "2"]


def without_clusters(root: Path) -> Path:
    """Blank articles.cluster_id, as in a dataset written before near-duplicate clustering."""
    for path in (root / "articles").rglob("*.parquet"):
        table = pq.read_table(path)
        index = table.schema.get_field_index("cluster_id")
        table = table.set_column(index, "cluster_id", pa.nulls(len(table), pa.string()))
        pq.write_table(table, path)
    return root


def test_clusters_not_computed_is_said_not_drawn(tmp_path: Path) -> None:
    root = tmp_path / "ds"
    write_corpus(root)
    result = build_report(str(without_clusters(root)), tmp_path / "out")
    assert result.headline["duplicate_clusters"] == "not computed"
    dup = section(result.path.read_text(encoding="utf-8"), "duplicates")
    assert "not been computed" in dup and "<img" not in dup


def test_singleton_clusters_are_counted(report: tuple[str, dict]) -> None:
    page, _ = report
    dup = section(page, "duplicates")
    assert "0 cluster(s) have more than one member" in dup


def test_page_is_offline_and_self_contained(report: tuple[str, dict], tmp_path: Path) -> None:
    page, _ = report
    assert "<script" not in page.lower()
    assert not re.search(r"<link[^>]+href=[\"']?https?:", page, re.I)
    assert not re.search(r"<script[^>]+src=[\"']?https?:", page, re.I)
    sources = re.findall(r'\bsrc="([^"]*)"', page)
    assert sources and all(s.startswith("data:image/svg+xml;base64,") for s in sources)
    assert "default-src 'none'" in page  # a CSP that forbids any remote load


def test_charts_are_written_beside_the_page(tmp_path: Path) -> None:
    root = tmp_path / "ds"
    write_corpus(root)
    without_clusters(root)  # so the report draws no cluster chart
    out = tmp_path / "out"
    out.mkdir()
    (out / "cluster_sizes.svg").write_text("<svg/>")  # a stale chart of an older report
    (out / "mine.svg").write_text("<svg/>")  # somebody else's file
    result = build_report(str(root), out)
    assert not (out / "cluster_sizes.svg").exists() and (out / "mine.svg").exists()
    (out / "mine.svg").unlink()
    svgs = sorted(p.name for p in out.glob("*.svg"))
    assert {"volume.svg", "speakers.svg", "speaker_months.svg", "co_mentions.svg"} <= set(svgs)
    page = result.path.read_text(encoding="utf-8")
    assert page.count("data:image/svg+xml") == len(svgs)
    # a chart opened on its own runs nothing either (pygal writes a script of its config)
    assert not [name for name in svgs if b"<script" in (out / name).read_bytes()]


def test_window_keeps_only_articles_published_in_it(corpus: Path, tmp_path: Path) -> None:
    result = build_report(str(corpus), tmp_path, since=date(2010, 1, 1), until=date(2010, 1, 31))
    in_january = [s for s in STORIES if s.published and s.published.date().month == 1]
    assert result.headline["articles"] == len(in_january) == 2
    assert result.headline["undated_articles"] == 0
    assert result.headline["quotes"] == sum(len(s.quotes) for s in in_january)
    page = result.path.read_text(encoding="utf-8")
    assert "published 2010-01-01 to 2010-01-31" in page
    assert LATEST_QUOTE not in page  # February is out of the window


HOSTILE = Story(
    99,
    "evil.example",
    when(2010, 3, 1),
    "<script>alert('title')</script> & friends",
    [
        '"<img src=x onerror=alert(1)> is not a quote," said Kim $Yong$-chol (김영철).',
        "Officials met in Kaesong.",
        '"Talks are talks," O\'Brien said.',
    ],
    quotes=[
        (
            "<img src=x onerror=alert(1)> is not a quote,",
            "Kim $Yong$-chol (김영철)",
            "Kim",
            "named",
            "direct",
        ),
        ("Talks are talks,", "Sean O'Brien", "O'Brien", "named", "direct"),
    ],
    mentions=[("Kaesong", "GPE", "<b>Kaesong</b>")],
    dates=[],
    url="javascript:alert(document.cookie)",
)


def test_a_quote_split_by_its_attribution_counts_once(tmp_path: Path) -> None:
    # '"A," she said. "B."' is two rows of one utterance (utterance_id = the first's quote_id)
    story = Story(
        98,
        "split.example",
        when(2010, 3, 2),
        "Split quote",
        ['"The talks were useful," Li Wen said. "We will meet again in Beijing."'],
        quotes=[
            ("The talks were useful,", "Li Wen", "Li Wen", "named", "direct"),
            ("We will meet again in Beijing.", "Li Wen", "Li Wen", "named", "direct"),
        ],
    )
    record = enriched(story)
    first, second = record.quotes
    first["utterance_id"] = second["utterance_id"] = first["quote_id"]
    dataset = Dataset(str(tmp_path / "ds"))
    dataset.commit([record], [], "run-split")
    dataset.close()
    result = build_report(str(tmp_path / "ds"), tmp_path / "out")
    page = result.path.read_text(encoding="utf-8")
    assert result.headline["quotes"] == 1 and result.headline["attributed_quotes"] == 1
    assert [r[:2] for r in cells(section(page, "speakers"))] == [["Li Wen", "1"]]
    (latest,) = cells(section(page, "latest-quotes"))
    assert "The talks were useful, … We will meet again in Beijing." in latest[2]


def test_files_of_an_older_schema_read_newer_columns_as_null(tmp_path: Path) -> None:
    # quotes written before utterance_id and speaker_id existed: no file has the columns, so
    # they read as nulls and each row is its own utterance
    stories = [
        Story(
            90 + i,
            "old.example",
            when(2010, 3, 2 + i),
            f"Old quote {i}",
            [f'"The talks were useful," Li Wen said. "We will meet again in Beijing {i}."'],
            quotes=[
                ("The talks were useful,", "Li Wen", "Li Wen", "named", "direct"),
                (f"We will meet again in Beijing {i}.", "Li Wen", "Li Wen", "named", "direct"),
            ],
        )
        for i in range(2)
    ]
    dataset = Dataset(str(tmp_path / "ds"))
    dataset.commit([enriched(s) for s in stories], [], "run-old")
    dataset.close()
    files = dataset.data_files("quotes")
    assert files
    for path in files:
        table = pq.read_table(path)
        pq.write_table(table.drop_columns(["utterance_id", "speaker_id"]), path)
    result = build_report(str(tmp_path / "ds"), tmp_path / "out")
    page = result.path.read_text(encoding="utf-8")
    assert result.headline["quotes"] == 4 and result.headline["speakers"] == 1
    assert [r[:2] for r in cells(section(page, "speakers"))] == [["Li Wen", "4"]]


def test_data_is_escaped_and_only_http_links_are_links(tmp_path: Path) -> None:
    write_corpus(tmp_path / "ds", [*STORIES, HOSTILE])
    result = build_report(str(tmp_path / "ds"), tmp_path / "out")
    page = result.path.read_text(encoding="utf-8")
    assert "<script" not in page and "<img src=x" not in page and "<b>Kaesong" not in page
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; &amp; friends" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "javascript:" not in page.split("<table>")[0]  # never an href
    assert 'href="javascript' not in page
    # a "$" in a name is text (not TeX) and Hangul does not break the charts
    assert "Kim $Yong$-chol (김영철)" in html.unescape(page)
    assert result.headline["articles"] == len(STORIES) + 1
    # an apostrophe in a name reaches every query intact
    speakers = {r[0]: int(r[1]) for r in cells(section(page, "speakers"))}
    assert speakers["Sean O'Brien"] == 1


@pytest.mark.parametrize(
    "setup",
    ["missing root", "empty root", "rejects only", "articles without enrichment"],
)
def test_empty_or_bare_corpus_gives_a_clear_page(setup: str, tmp_path: Path) -> None:
    root = tmp_path / "ds"
    if setup != "missing root":
        root.mkdir()
    if setup == "rejects only":
        Dataset(str(root)).commit(
            [], [Reject("https://x.example/1", "wire", "fetch", "http_404")], "r"
        )
    if setup == "articles without enrichment":
        bare = [replace(s, quotes=[], mentions=[], dates=[]) for s in STORIES[:2]]
        write_corpus(root, bare)
    result = build_report(str(root), tmp_path / "out")
    page = result.path.read_text(encoding="utf-8")
    if setup == "articles without enrichment":
        assert result.headline["articles"] == 2 and result.headline["quotes"] == 0
        assert "No quotes in this corpus" in page
        assert "No entity with a canonical actor" in page
        assert "No temporal expression resolved" in page
        assert "volume.svg" in page
    else:
        assert result.headline["articles"] == 0
        assert "No articles in" in page and "nothing to chart yet" in page
        assert "<img" not in page and not list((tmp_path / "out").glob("*.svg"))
        assert result.headline["first_published"] == "-"


@pytest.mark.parametrize(
    ("days", "grain"),
    [((1, 2), "day"), ((1, 200), "week"), ((1, 1200), "month")],
)
def test_volume_period_follows_the_span(days: tuple[int, int], grain: str, tmp_path: Path) -> None:
    start = when(2008, 1, 1)
    stories = [
        replace(STORIES[5], n=i, published=start + timedelta(days=d - 1))
        for i, d in enumerate(days)
    ]
    write_corpus(tmp_path / "ds", stories)
    page = build_report(str(tmp_path / "ds"), tmp_path / "out").path.read_text(encoding="utf-8")
    assert f"Articles published per {grain} by source" in page


def test_duplicate_clusters_are_shown_when_computed(tmp_path: Path) -> None:
    root = tmp_path / "ds"
    write_corpus(root)
    # a later dedup stage fills cluster_id: stories 1 and 3 (and 2 and 4) are one event each
    clusters = {"art001": "art001", "art003": "art001", "art002": "art002", "art004": "art002"}
    for path in (root / "articles").rglob("*.parquet"):
        table = pq.read_table(path)
        ids = table["article_id"].to_pylist()
        column = pa.array([clusters.get(i, i) for i in ids], pa.string())
        table = table.set_column(table.schema.get_field_index("cluster_id"), "cluster_id", column)
        canonical = pc.equal(table["article_id"], table["cluster_id"])
        table = table.set_column(
            table.schema.get_field_index("is_canonical"), "is_canonical", canonical
        )
        pq.write_table(table, path)
    result = build_report(str(root), tmp_path / "out")
    assert result.headline["duplicate_clusters"] == 2
    dup = section(result.path.read_text(encoding="utf-8"), "duplicates")
    assert "cluster_sizes.svg" in dup
    rows = cells(dup)
    assert [r[0] for r in rows] == ["2", "2"]
    assert "2 cluster(s) have more than one member" in dup


def test_report_reads_an_s3_dataset(s3_bucket: str, tmp_path: Path) -> None:
    output = f"s3://{s3_bucket}/corpus"
    Dataset(output).commit([enriched(s) for s in STORIES], [], "run-s3")
    result = build_report(output, tmp_path / "out")
    want = expected(STORIES)
    assert result.headline["articles"] == want["articles"]
    assert result.headline["quotes"] == want["quotes"]
    assert LATEST_QUOTE in result.path.read_text(encoding="utf-8")


@pytest.mark.slow
def test_report_on_the_demo_corpus(tmp_path: Path) -> None:
    """`make demo` then the report: counts agree with an independent reader (pandas)."""
    data = tmp_path / "demo"
    run = subprocess.run(
        [sys.executable, "-m", "flows.cli", "demo", "--output", str(data)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    # a second demo into the same output changes nothing: the site is served on the port of the
    # first, so its stories keep their URLs (each was written again under a new port before)
    written = pd.read_parquet(data / "articles", columns=["article_id", "url"])
    again = subprocess.run(run.args, capture_output=True, text=True, timeout=600, check=False)
    assert again.returncode == 0, again.stderr[-2000:]
    rerun = pd.read_parquet(data / "articles", columns=["article_id", "url"])
    assert sorted(rerun.url) == sorted(written.url) and len(rerun) > 0
    result = build_report(str(data), tmp_path / "report")
    page = result.path.read_text(encoding="utf-8")
    articles = pd.read_parquet(data / "articles", columns=["article_id", "source"])
    rows = pd.read_parquet(data / "quotes", columns=["quote_id", "utterance_id", "speaker"])
    quotes = rows[rows.utterance_id.isna() | (rows.utterance_id == rows.quote_id)]
    assert len(quotes) < len(rows)  # the demo has split quotes: each counts once
    assert result.headline["articles"] == len(articles) > 0
    assert result.headline["sources"] == articles.source.nunique()
    assert result.headline["quotes"] == len(quotes) > 0
    assert result.headline["speakers"] == quotes.speaker.nunique()
    for title in SECTIONS:
        assert f"<h2>{title}</h2>" in page
    top = quotes.speaker.value_counts()
    rows = cells(section(page, "speakers"))
    assert int(rows[0][1]) == top.iloc[0]


WIDE = "Wawrzyniak-Mwangi WOLMSWORTH McWhirter"  # wide glyphs, past LABEL_CHARS
# the charts that name speakers, actors or sources in labels or legends: all but those of dates
# and cluster sizes
NAMING_CHARTS = set(CHARTS) - {"mentioned_years", "mentioned_months", "cluster_sizes"}


def long_named(story: Story, day: int) -> Story:
    """The story with long, wide speaker, actor and source names, published `day` days on."""
    return replace(
        story,
        n=day,
        source=f"{WIDE.lower().replace(' ', '-')}-{day % 9}.example",
        published=when(2009, 12, 1) + timedelta(days=day),
        quotes=[(q, s and f"{s} {WIDE}", st, t, k) for q, s, st, t, k in story.quotes],
        mentions=[(m, label, f"{c.upper()} {WIDE}") for m, label, c in story.mentions],
    )


@pytest.mark.parametrize("days", [[0], list(range(0, 60, 2))], ids=["one story", "60 days"])
def test_chart_labels_are_cut_and_charts_keep_the_page_width(
    days: list[int], tmp_path: Path
) -> None:
    """Long, wide names are cut to LABEL_CHARS in every chart's labels and legends, beside rows
    too (pygal cuts only the labels under columns); only the report's own titles are longer."""
    write_corpus(tmp_path / "ds", [long_named(STORIES[d % len(STORIES)], d) for d in days])
    out = build_report(str(tmp_path / "ds"), tmp_path / "out").path.parent
    assert sorted(p.stem for p in out.glob("*.svg")) == sorted(CHARTS)
    for name in CHARTS:
        svg = (out / f"{name}.svg").read_text(encoding="utf-8")
        assert re.search(rf'<svg [^>]*viewBox="0 0 {CHART_WIDTH} \d+"', svg), name
        texts = re.findall(r"<text([^>]*)>([^<]*)</text>", svg)
        labels = [html.unescape(t) for attrs, t in texts if "plot_title" not in attrs]
        assert not [t for t in labels if len(t) > LABEL_CHARS], name
        if name in NAMING_CHARTS:  # the long names are there, cut
            assert [t for t in labels if t.endswith("…") and WIDE[:10].lower() in t.lower()], name


def test_mentioned_years_far_apart_are_columns_of_their_own(tmp_path: Path) -> None:
    # a year a thousand years before the others is a column beside them, not the first of a
    # thousand empty ones (a span of a few decades shows its empty years, see MAX_YEAR_SPAN)
    story = STORIES[0]
    old = replace(
        story,
        paragraphs=[*story.paragraphs, "Not since 1066 had a crossing been so closely watched."],
        dates=[*story.dates, ("1066", "1066", "year", False)],
    )
    write_corpus(tmp_path / "ds", [old])
    result = build_report(str(tmp_path / "ds"), tmp_path / "out")
    svg = (result.path.parent / "mentioned_years.svg").read_text(encoding="utf-8")
    years = [t for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg) if re.fullmatch(r"\d{4}", t)]
    mentioned = sorted({v[:4] for _, v, _, _ in old.dates if re.match(r"\d{4}", v)})
    assert sorted(years) == mentioned and "1066" in years


def test_log_scale_cluster_counts_are_plain_numbers(tmp_path: Path) -> None:
    # 60 singleton clusters: the count axis turns logarithmic, and its ticks must not be TeX
    root = tmp_path / "ds"
    write_corpus(root, [replace(STORIES[d % len(STORIES)], n=d) for d in range(60)])
    for path in (root / "articles").rglob("*.parquet"):
        table = pq.read_table(path)
        table = table.set_column(
            table.schema.get_field_index("cluster_id"), "cluster_id", table["article_id"]
        )
        pq.write_table(table, path)
    result = build_report(str(root), tmp_path / "out")
    svg = (result.path.parent / "cluster_sizes.svg").read_text(encoding="utf-8")
    ticks = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "1" in ticks and "10" in ticks  # powers of ten up to the 60
    assert not [t for t in ticks if "e+" in t or "$" in t]


def test_speaker_trend_of_a_single_day_draws_points(tmp_path: Path) -> None:
    # the steps over one day are one upright stroke: dots mark where each speaker's count is
    write_corpus(tmp_path / "ds", [STORIES[0]])
    result = build_report(str(tmp_path / "ds"), tmp_path / "out")
    svg = (result.path.parent / "speakers_over_time.svg").read_text(encoding="utf-8")
    series = set(re.findall(r'<g class="series serie-(\d+) ', svg))
    assert series and len(re.findall(r'<circle[^>]*class="dot', svg)) >= len(series)


def _merge_during_report(
    output: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before_step: str = "_select"
) -> tuple[list[int], list[str], Dataset]:
    """Two commits into one partition, and a step of the report (`_select`, the first read,
    or `_connect`, whose views read each file's schema) wrapped so that a merge of them runs
    once, after the report listed the files and before that step."""
    import tasks.report as report

    dataset = Dataset(output)
    # two commits into December 2009's partition: small files that compact() merges
    dataset.commit([enriched(s) for s in STORIES[:1]], [], "run-a")
    dataset.commit([enriched(s) for s in STORIES[1:]], [], "run-b")
    before = dataset.data_files("articles")
    real_step = getattr(report, before_step)
    merges: list[int] = []

    def merge_then_step(*args):  # the other run's merge lands in the window
        if not merges:
            with dataset.lock():
                merges.append(dataset.compact())
        return real_step(*args)

    monkeypatch.setattr(report, before_step, merge_then_step)
    return merges, before, dataset


@pytest.mark.parametrize("before_step", ["_connect", "_select"])
def test_report_reads_again_when_a_merge_replaced_listed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before_step: str
) -> None:
    """Another run's merge between the report's listing and its reads (no lock covers a
    report) removes files DuckDB was given: the report reads again over the merged files."""
    output = str(tmp_path / "corpus")
    merges, before, dataset = _merge_during_report(output, tmp_path, monkeypatch, before_step)
    result = build_report(output, tmp_path / "out")
    assert merges and merges[0] > 0
    assert set(dataset.data_files("articles")) != set(before)
    want = expected(STORIES)
    assert result.headline["articles"] == want["articles"]
    assert result.headline["quotes"] == want["quotes"]
    assert LATEST_QUOTE in result.path.read_text(encoding="utf-8")


def test_report_on_s3_reads_again_when_a_merge_replaced_listed_files(
    s3_bucket: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same on S3, where DuckDB reads through the dataset's filesystem wrapper."""
    output = f"s3://{s3_bucket}/corpus"
    merges, before, dataset = _merge_during_report(output, tmp_path, monkeypatch)
    result = build_report(output, tmp_path / "out")
    assert merges and merges[0] > 0
    assert set(dataset.data_files("articles")) != set(before)
    assert result.headline["articles"] == expected(STORIES)["articles"]


def test_report_read_error_without_a_merge_is_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failed read over files that are all still there is not retried: it is raised (the run
    logs it and goes on, see flows.reporting.publish_report)."""
    import duckdb

    import tasks.report as report

    write_corpus(tmp_path / "corpus")
    calls: list[int] = []

    def broken_select(con, since, until):
        calls.append(1)
        con.execute("SELECT * FROM read_parquet('/nonexistent/newscorpus-test.parquet')")

    monkeypatch.setattr(report, "_select", broken_select)
    with pytest.raises(duckdb.IOException):
        build_report(str(tmp_path / "corpus"), tmp_path / "out")
    assert calls == [1]
