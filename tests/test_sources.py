"""Sources: feeds (RSS 1.0/2.0, Atom, homepage discovery, malformed), sitemaps, filters, records."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from config.schema import settings_from_dict
from tasks.records import Item, Reject, Skip
from tasks.sources import (
    Feed,
    Records,
    SourceFailed,
    discover,
    discover_all,
    parse_feed,
    parse_sitemap,
)

RSS2 = b"""<?xml version="1.0"?><rss version="2.0"><channel>
<item><title>One</title><link>https://n.example/1</link><pubDate>Fri, 11 Dec 2009 09:00:00 +0900</pubDate></item>
<item><title>Two</title><guid>https://n.example/2</guid></item></channel></rss>"""
RSS1 = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<item rdf:about="https://n.example/3"><title>Three</title><link>https://n.example/3</link><dc:date>2009-12-12T00:00:00Z</dc:date></item></rdf:RDF>"""
ATOM = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<entry><title>Four</title><link rel="alternate" href="/4"/><link rel="edit" href="/edit/4"/><updated>2009-12-13T10:00:00Z</updated></entry></feed>"""


@pytest.mark.parametrize(
    ("data", "urls"),
    [
        (RSS2, ["https://n.example/1", "https://n.example/2"]),
        (RSS1, ["https://n.example/3"]),
        (ATOM, ["https://n.example/4"]),
    ],
)
def test_feed_formats(data: bytes, urls: list[str]) -> None:
    items = parse_feed(data, "https://n.example/feed")
    assert [i.url for i in items] == urls
    assert items[0].title_hint


def test_feed_dates_are_hints() -> None:
    first = parse_feed(RSS2, "https://n.example/feed")[0]
    assert first.published_hint == datetime(2009, 12, 11, 0, 0, tzinfo=UTC)


def test_malformed_feed_fails_the_source_only() -> None:
    with pytest.raises(SourceFailed, match="malformed"):
        parse_feed(b"<rss><channel><item>", "https://n.example/feed") or list(
            Feed("f", "u", lambda _u: b"\x00\x01").items()
        )


def test_homepage_advertises_its_feed() -> None:
    pages = {
        "https://n.example/": b'<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head></html>',
        "https://n.example/rss.xml": RSS2,
    }
    items = list(Feed("home", "https://n.example/", pages.__getitem__).items())
    assert [i.url for i in items] == ["https://n.example/1", "https://n.example/2"]


def test_sitemap_index_and_news_sitemap() -> None:
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://n.example/s1.xml</loc></sitemap></sitemapindex>"""
    children, items = parse_sitemap(index, "https://n.example/sitemap.xml")
    assert children == [("https://n.example/s1.xml", None)] and items == []
    news = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://n.example/a</loc><lastmod>2009-12-11</lastmod><news:news><news:publication_date>2009-12-10T12:00:00Z</news:publication_date><news:title>A</news:title></news:news></url></urlset>"""
    _children, items = parse_sitemap(news, "https://n.example/s1.xml")
    assert items[0].published_hint == datetime(2009, 12, 10, 12, tzinfo=UTC)
    assert items[0].lastmod == datetime(2009, 12, 11, tzinfo=UTC)


def test_filters_window_and_limits() -> None:
    settings = settings_from_dict(
        {
            "output": "x",
            "sources": [
                {
                    "kind": "urls",
                    "name": "u",
                    "urls": ["https://n.example/keep/1"],
                    "include": ["/keep/"],
                    "exclude": ["/keep/2"],
                    "since": "2009-12-01",
                    "max_items": 2,
                }
            ],
        }
    )
    cfg = settings.sources[0]

    class Fixed:
        name = "u"

        def items(self):
            yield Item(
                "https://n.example/keep/1", "u", published_hint=datetime(2009, 12, 5, tzinfo=UTC)
            )
            yield Item("https://n.example/drop/1", "u")
            yield Item("https://n.example/keep/2", "u")
            yield Item(
                "https://n.example/keep/3", "u", published_hint=datetime(2009, 11, 5, tzinfo=UTC)
            )
            yield Item("https://n.example/keep/4", "u")
            yield Item("https://n.example/keep/5", "u")

    out = list(discover(cfg, Fixed()))
    kept = [o.url for o in out if isinstance(o, Item)]
    skipped = {o.url: o.reason for o in out if isinstance(o, Skip)}
    # max_items counts new items, after the seen check: discover_all applies it
    assert kept == [
        "https://n.example/keep/1",
        "https://n.example/keep/4",
        "https://n.example/keep/5",
    ]
    assert skipped == {
        "https://n.example/drop/1": "filtered",
        "https://n.example/keep/2": "filtered",
        "https://n.example/keep/3": "out_of_window",
    }


def test_records_source_reads_jsonl_with_errors_accounted(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text(
        json.dumps(
            {
                "url": "https://n.example/r1",
                "text": "Body",
                "authors": "A. One; B. Two",
                "published": "2009-12-11",
            }
        )
        + "\nnot json\n"
    )
    items = list(Records("export", path).items())
    assert items[0].authors_hint == ["A. One", "B. Two"] and items[0].published_hint
    assert len(items) == 2


def test_records_of_any_shape_are_cleaned_and_stored(tmp_path: Path) -> None:
    # what exports hold: a cut emoji's lone surrogate (no Parquet string takes it), numbers and
    # lists where text is due, author objects, Unix times, Go's zero time; the zero time made a
    # year=1 partition that storage refused, which failed the run
    from config.schema import CleanConfig, StorageConfig
    from tasks.clean import clean_batch
    from tasks.records import Enriched
    from tasks.storage import Dataset

    text = "Stephen Bosworth arrived in Pyongyang on Tuesday, officials said in Seoul. " * 3
    rows = [
        {"url": "https://n.example/r0", "text": text, "title": "Cut \ud83d", "authors": ["A\udc00B"]},
        {"url": "https://n.example/r1", "text": text, "title": 12345, "authors": [{"name": "Jane Roe"}, 7]},
        {"url": "https://n.example/r2", "text": text, "title": ["a"], "published": 1260489600},
        {"url": "https://n.example/r3", "text": text, "published": "1260489600000", "id": 9},
        {"url": "https://n.example/r4", "text": text, "published": "0001-01-01T00:00:00Z"},
        {"url": "https://n.example/r5", "text": text, "published": 0},
    ]  # fmt: skip
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))  # lone surrogates as JSON escapes
    items = list(Records("export", path).items())
    assert [i.title_hint for i in items] == ["Cut \ufffd", "12345", None, None, None, None]
    assert [i.authors_hint for i in items[:2]] == [["A\ufffdB"], ["Jane Roe", "7"]]
    articles, rejects = clean_batch([], items, CleanConfig(min_text_chars=50), None)
    assert not rejects
    assert [a.published for a in articles] == [
        None,
        None,
        *[datetime(2009, 12, 11, tzinfo=UTC)] * 2,
        None,
        None,
    ]
    dataset = Dataset(str(tmp_path / "out"), StorageConfig())
    dataset.prepare()
    written = dataset.commit([Enriched(article=a) for a in articles], [], "run-1")
    assert written["articles"] == 6


def test_discover_all_accounts_invalid_urls_duplicates_and_seen(tmp_path: Path) -> None:
    settings = settings_from_dict(
        {
            "output": str(tmp_path),
            "sources": [
                {
                    "kind": "urls",
                    "name": "u",
                    "urls": [
                        "https://n.example/a",
                        "https://n.example/a?utm_source=x",
                        "notaurl",
                        "https://n.example/seen",
                    ],
                }
            ],
        }
    )
    seen = {"https://n.example/seen": object()}
    out = [entry for _name, entry in discover_all(settings, lambda _u: b"", seen.get)]
    assert [type(e).__name__ for e in out] == ["Item", "Skip", "Reject", "Skip"]
    assert out[1].reason == "duplicate_in_run" and out[3].reason == "seen"
    assert isinstance(out[2], Reject) and out[2].reason == "invalid_url"


def test_discover_all_skips_urls_rejected_for_good_under_the_same_settings(
    tmp_path: Path,
) -> None:
    from tasks.storage import SettledEntry

    settings = settings_from_dict(
        {
            "output": str(tmp_path),
            "sources": [{"kind": "urls", "name": "u", "urls": ["https://n.example/sports"]}],
        }
    )
    settled = {"https://n.example/sports": SettledEntry("off_topic", "k1", "2026-01-01T00:00:00")}

    def reasons(key: str) -> list[str]:
        found = discover_all(settings, lambda _u: b"", {}.get, settled.get, key)
        return [getattr(entry, "reason", "item") for _name, entry in found]

    assert reasons("k1") == ["rejected_before"]
    assert reasons("k2") == ["item"]  # the topic or language settings changed: judge it again


def test_a_relative_sitemap_line_in_robots_txt_is_read_against_the_site() -> None:
    # "Sitemap: /sitemap.xml" is against the protocol but seen: it failed the whole source
    from tasks.sources import Sitemap

    urlset = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://n.example/a</loc></url></urlset>"
    )
    pages = {
        "https://n.example/robots.txt": b"User-agent: *\nSitemap: /sitemap.xml\n",
        "https://n.example/sitemap.xml": urlset,
    }
    items = Sitemap("s", "https://n.example/", pages.__getitem__).items()
    assert [i.url for i in items] == ["https://n.example/a"]
