"""WARC: CC-NEWS-style files as a source (filters, prefilter, truncation) and the raw archive."""

from __future__ import annotations

import gzip
import io
import json
import random
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest
import yaml
from pyarrow import fs as pafs
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tasks.records import Item, Page, Skip
from tasks.warc import ARCHIVE_GZIP_LEVEL, RawArchive, WarcFailed, WarcFiles, archived_items

SITE = Path(__file__).resolve().parents[1] / "flows" / "demo_site"
MANIFEST = json.loads((SITE / "manifest.json").read_text(encoding="utf-8"))


def record(
    writer: WARCWriter, url: str, body: bytes, ctype: str = "text/html; charset=utf-8"
) -> None:
    http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2009-12-14T08:00:00Z"},
        )
    )


def demo_page(path: str) -> bytes:
    return (SITE / path.lstrip("/")).read_bytes().replace(b"{{BASE_URL}}", b"https://news.example")


@pytest.fixture
def cc_news(tmp_path: Path) -> Path:
    path = tmp_path / "CC-NEWS-20091214.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        on_topic = [a["path"] for a in MANIFEST["articles"] if a["on_topic"]][:3]
        for p in on_topic:
            record(writer, f"https://news.example{p}", demo_page(p))
        # an off-topic page whose raw bytes never mention the topic (demo pages link on-topic
        # stories in their sidebars, which a raw-bytes prefilter rightly lets through)
        cold = b"Runners braved the cold at the city marathon on Saturday. " * 30
        record(
            writer,
            "https://news.example/2009/12/19/marathon.html",
            b"<html><body><h1>Cold snap</h1><p>" + cold + b"</p></body></html>",
        )
        record(writer, "https://news.example/report.pdf", b"%PDF-1.4 ...", "application/pdf")
        record(writer, "https://elsewhere.example/a.html", demo_page(on_topic[0]))
    return path


def test_warc_source_filters_and_prefilter(cc_news: Path) -> None:
    from config.schema import load_config
    from tasks.topic import compile_topic

    topic = compile_topic(load_config("nk_talks").topic)
    assert topic is not None
    source = WarcFiles("cc", [str(cc_news)], hosts=["news.example"], prefilter=topic.prefilter)
    found = list(source.items())
    items = [f for f in found if isinstance(f, Item)]
    skips = [f for f in found if isinstance(f, Skip)]
    assert len(items) == 3 and all(
        i.body and i.fetched_at == datetime(2009, 12, 14, 8, tzinfo=UTC) for i in items
    )
    assert [s.reason for s in skips] == ["prefilter"]  # the marathon story never reaches extraction
    assert all("elsewhere" not in i.url and not i.url.endswith(".pdf") for i in items)


def test_truncated_warc_fails_after_the_records_it_could_read(
    cc_news: Path, tmp_path: Path
) -> None:
    data = cc_news.read_bytes()
    torn = tmp_path / "torn.warc.gz"
    torn.write_bytes(data[: len(data) * 2 // 3])
    source = WarcFiles("cc", [str(torn)])
    got = []
    with pytest.raises(WarcFailed, match=r"torn\.warc\.gz"):
        for item in source.items():
            got.append(item)
    assert got  # the complete records before the tear were read
    with pytest.raises(WarcFailed, match="no WARC file matches"):
        list(WarcFiles("cc", [str(tmp_path / "missing-*.warc.gz")]).items())


def _fetched(n: int, html: str) -> Page:
    """Page n of news.example, fetched on 2026-01-02."""
    return Page(
        Item(url=f"https://news.example/{n}", source="s"),
        f"https://news.example/{n}",
        200,
        {"content-type": "text/html"},
        html.encode(),
        datetime(2026, 1, 2, 3, 4, tzinfo=UTC),
    )


def test_raw_archive_round_trip(tmp_path: Path) -> None:
    fs = pafs.LocalFileSystem()
    pages = [_fetched(n, f"<html><body>story {n}</body></html>") for n in range(5)]
    with RawArchive(fs, str(tmp_path), "run-1") as archive:
        for page in pages:
            archive.write(page)
    files = list((tmp_path / "raw" / "fetch_date=2026-01-02").glob("*.warc.gz"))
    assert len(files) == 1 and not list((tmp_path / "_staging").rglob("*.warc.gz"))
    gzip.decompress(files[0].read_bytes())  # a complete gzip member stream
    back = [i for i in archived_items(fs, str(tmp_path)) if isinstance(i, Item)]
    assert [i.url for i in back] == [p.final_url for p in pages]
    assert [i.body for i in back] == [p.body for p in pages]


def _members(data: bytes) -> list[bytes]:
    """The gzip members of a .warc.gz, each as written (compressed)."""
    members = []
    while data:
        inflater = zlib.decompressobj(wbits=31)
        inflater.decompress(data)
        members.append(data[: len(data) - len(inflater.unused_data)])
        data = inflater.unused_data
    return members


def test_raw_archive_gzips_each_record_alone_at_the_archive_level(tmp_path: Path) -> None:
    # one gzip member per record, as WARC readers index them; compressed at ARCHIVE_GZIP_LEVEL,
    # not warcio's level 9, which cost ~2.7x the CPU for 5 % fewer bytes on real pages
    rng = random.Random(3)
    words = [f"word{n}" for n in range(400)]
    fs = pafs.LocalFileSystem()
    pages = [
        _fetched(n, "".join(f"<p>{rng.choice(words)}</p>" for _ in range(5000))) for n in range(3)
    ]
    with RawArchive(fs, str(tmp_path), "run-1") as archive:
        for page in pages:
            archive.write(page)
    (path,) = (tmp_path / "raw" / "fetch_date=2026-01-02").glob("*.warc.gz")
    members = _members(path.read_bytes())
    assert len(members) == len(pages)
    for member, page in zip(members, pages, strict=True):
        plain = gzip.decompress(member)
        assert page.body in plain
        again = zlib.compressobj(ARCHIVE_GZIP_LEVEL, zlib.DEFLATED, zlib.MAX_WBITS + 16)
        assert len(member) == len(again.compress(plain) + again.flush())
    assert [i.body for i in archived_items(fs, str(tmp_path)) if isinstance(i, Item)] == [
        p.body for p in pages
    ]


@pytest.mark.slow
def test_ingest_from_warc_then_reprocess_from_the_raw_archive(
    cc_news: Path, demo_site, tmp_path: Path
) -> None:
    from prefect.testing.utilities import prefect_test_harness

    from flows.ingest import ingest, reprocess

    preset = yaml.safe_load((SITE.parents[1] / "config" / "nk_talks.yaml").read_text())
    with prefect_test_harness(server_startup_timeout=120):
        cfg = {
            "output": str(tmp_path / "warc-data"),
            "sources": [
                {"kind": "warc", "name": "cc", "paths": [str(cc_news)], "hosts": ["news.example"]}
            ],
            "topic": preset["topic"],
            "nlp": {"workers": 0},
        }
        (tmp_path / "warc.yaml").write_text(yaml.safe_dump(cfg))
        summary = ingest(str(tmp_path / "warc.yaml"))
        assert summary["sources"]["cc"]["written"] == 3
        assert summary["sources"]["cc"]["skipped"] == {"prefilter": 1}
        assert summary["totals"]["balanced"]
        # a fetched site goes to the raw archive, and reprocessing reads it back without fetching
        http = {
            "output": str(tmp_path / "http-data"),
            "sources": [
                {"kind": "sitemap", "name": "site", "url": f"{demo_site.base_url}/sitemap.xml"}
            ],
            "fetch": {"allow_private_addresses": True, "min_delay": 0.0},
            "nlp": {"workers": 0},
        }
        (tmp_path / "http.yaml").write_text(yaml.safe_dump(http))
        first = ingest(str(tmp_path / "http.yaml"))
        assert list((tmp_path / "http-data" / "raw").rglob("*.warc.gz"))
        before = pd.read_parquet(tmp_path / "http-data" / "articles")
        again = reprocess(str(tmp_path / "http.yaml"))
        assert again["totals"]["written"] == first["totals"]["written"]
        after = pd.read_parquet(tmp_path / "http-data" / "articles")
        assert len(after) == len(before) and after.article_id.is_unique
        assert set(after.run_id) == {again["run_id"]}
        # a page in hand when two runs in a row died is rejected by the next run, and then
        # skipped in the archive too: cleaned again, it would stop each reprocess
        from tasks.inhand import InHand, settle_orphans

        poison = sorted(after.url)[0]
        in_hand = tmp_path / "http-data" / "_state" / "in_hand"
        for dead_run in ("dead-1", "dead-2"):
            if dead_run == "dead-2":
                assert settle_orphans(in_hand) == []  # what dead-2 did as it started
            journal = InHand(in_hand, dead_run)
            journal.hold("cleaning", poison, "site")
            journal.close(finished=False)
        last = reprocess(str(tmp_path / "http.yaml"))
        assert last["totals"]["written"] == first["totals"]["written"] - 1
        assert last["totals"]["skipped"].get("rejected_before") == 1
