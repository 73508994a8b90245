"""Property tests of the parsers not covered beside their stage: URL canonicaliser, config loader,
WARC reader, cleaning's title, timestamp and byline parsers. Arbitrary input raises only the documented error; round-trips hold where they apply.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from config.schema import CleanConfig, ConfigError, Settings, load_config, settings_from_dict
from tasks.clean import (
    choose_published,
    clean_batch,
    displayed_headline,
    strip_site_name,
    with_initials,
)
from tasks.fetch import page_in_hand
from tasks.records import Item
from tasks.urls import InvalidURL, canonical_url
from tasks.warc import WarcFailed, read_records

URL_PARTS = st.sampled_from(
    ["http://", "https://", "HTTP://", "ftp://", "//", "Example.ORG", "example.org:80", "a.b",
     "[::1]", "/", "/Path", "/a/../b", "?", "q=1", "&", "utm_source=x", "#frag", "%2F", "%zz",
     ":", "@", "user:pw@", " ", "\u00e9", "\x00", ".."]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(URL_PARTS, max_size=8).map("".join)))
def test_canonical_url_raises_only_invalid_url_and_is_idempotent(url: str) -> None:
    try:
        canonical = canonical_url(url)
    except InvalidURL:
        return
    assert canonical.startswith(("http://", "https://"))
    assert canonical_url(canonical) == canonical


CONFIG_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=12)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=10), inner, max_size=3)
    ),
    max_leaves=12,
)
CONFIG_KEYS = st.sampled_from(
    ["output", "sources", "fetch", "clean", "nlp", "topic", "storage", "runner", "kind", "name",
     "urls", "url", "paths", "path", "allow_private_addresses", "workers", "bogus"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(CONFIG_KEYS, CONFIG_VALUES, max_size=5))
def test_config_mappings_validate_or_raise_config_error(data: dict) -> None:
    try:
        result = settings_from_dict(data)
    except ConfigError as err:
        assert str(err)  # the message names what is wrong
        return
    assert isinstance(result, Settings)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_config_files_of_any_text_load_or_raise_config_error(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "config.yaml"
        path.write_text(text, encoding="utf-8")
        with contextlib.suppress(ConfigError):
            load_config(path)


def test_config_round_trips_through_yaml(tmp_path: Path) -> None:
    first = load_config("nk_talks")
    path = tmp_path / "again.yaml"
    path.write_text(yaml.safe_dump(first.model_dump(mode="json")), encoding="utf-8")
    assert load_config(path) == first


def _warc(pages: list[bytes]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for n, body in enumerate(pages):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://news.example/{n}.html", "response", payload=io.BytesIO(body),
                http_headers=http, warc_headers_dict={
                    "WARC-Date": "2009-12-14T08:00:00Z",
                    # fixed ids: the same pages make the same bytes (hypothesis replays draws)
                    "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>",
                },
            )
        )  # fmt: skip
    return buffer.getvalue()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.binary(max_size=300), min_size=1, max_size=4), st.data())
def test_warc_reader_round_trips_and_fails_only_with_warc_failed(
    pages: list[bytes], data: st.DataObject
) -> None:
    whole = _warc(pages)
    items = list(read_records(io.BytesIO(whole), "w.warc.gz", "cc"))
    assert [i.body for i in items if isinstance(i, Item)] == pages
    cut = data.draw(st.integers(0, len(whole) - 1))
    flip = data.draw(st.binary(max_size=4))
    torn = whole[:cut] + flip
    assume(torn != whole)
    try:
        got = list(read_records(io.BytesIO(torn), "w.warc.gz", "cc"))
    except WarcFailed:
        return
    # whatever a damaged file still yields is an intact record of the original
    assert all(i.body in pages for i in got if isinstance(i, Item))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_warc_reader_on_arbitrary_bytes(blob: bytes) -> None:
    with contextlib.suppress(WarcFailed):
        list(read_records(io.BytesIO(blob), "x.warc", "cc"))


def test_warc_reader_rejects_a_torn_member_that_inflates_to_wrong_bytes() -> None:
    # found by hypothesis in CI: cut 12 bytes before the end, one stray byte after the cut;
    # the member inflates to a payload of the declared length whose last byte is wrong
    pages = [b"\x00\x03\x05\t\xf0"]
    whole = _warc(pages)
    torn = whole[: len(whole) - 12] + b"\x00"
    with pytest.raises(WarcFailed):
        list(read_records(io.BytesIO(torn), "w.warc.gz", "cc"))


# ---- cleaning's metadata parsers: page titles, timestamps and bylines of any text ----------------
TITLE_PARTS = st.sampled_from(
    ["Talks resume", " | ", "|", " - ", " — ", " :: ", " » ", "The", "Example Times", "example",
     "News", "LA Weekly", "laweekly", "Harper's Magazine", "", " ", "-", "\u00e9", "Kim Jong-il"]
)  # fmt: skip
HOSTS = st.sampled_from(
    ["https://news.example/a", "https://www.laweekly.com/a", "https://harpers.org/a",
     "https://www.bbc.co.uk/news/a", "not a url", ""]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=60), st.lists(TITLE_PARTS, max_size=8).map("".join)),
    st.one_of(st.none(), st.sampled_from(["The Example Times", "LA Weekly", ""])),
    HOSTS,
)
def test_site_name_stripping_keeps_a_part_of_the_title(
    title: str, site: str | None, url: str
) -> None:
    headline = strip_site_name(title, site, url)
    assert headline in title  # a headline is cut from the title, never made up
    assert headline.strip() or not title.strip()  # a title with words keeps some of them
    assert strip_site_name(headline, site, url) in headline  # stripping again only shortens


STAMP_TEXT = st.sampled_from(
    ["2020-02-24T21:25:54-05:00", "2020-02-25 02:25:54", "2020-02-24 21:25:54", "2020-02-25T02:25:54Z",
     "2020-13-45T99:99:99+99:99", "1999-12-31T23:59:59+14:00", "<time datetime='", "'>", '"date":"',
     '"', " ", "2020-02-24", "T", "+05:30", "-00:00"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["2020-02-25T02:25:54+00:00", "2020-02-25T02:25:54Z", "2020-02-24T21:25:54"]),
    st.one_of(st.text(max_size=80), st.lists(STAMP_TEXT, max_size=10).map("".join)),
    st.sampled_from(
        ["", "http://x/2020/02/24/a", "http://x/2020/02/25/a", "http://x/2019/02/24/a"]
    ),
)
def test_a_publication_date_is_its_timestamps_day_or_next_to_it(
    stamp: str, html: str, url: str
) -> None:
    published, local, source = choose_published({"datePublished": stamp}, None, url, None, html)
    assert published is not None and local is not None and source == "meta:datePublished"
    assert abs((local - published.date()).days) <= 1  # a time zone moves a date by a day at most


@settings(max_examples=300, deadline=None)
@given(
    st.datetimes(),  # the whole calendar, years 1 to 9999
    st.integers(min_value=-24 * 60 + 1, max_value=24 * 60 - 1),  # any offset a datetime takes
    st.sampled_from(["article:published_time", "datePublished", "dateModified", "date"]),
    st.sampled_from(["http://x/a", "http://x/2020/02/24/a", "http://x/2099/12/31/a"]),
)
def test_cleaning_accounts_for_a_page_whatever_its_timestamps(
    stamp: datetime, minutes: int, key: str, url: str
) -> None:
    # a timestamp at the calendar's ends raised OverflowError and failed the run
    written = stamp.replace(tzinfo=timezone(timedelta(minutes=minutes))).isoformat()
    body = "<p>" + "The envoy said the talks would resume next week, officials said. " * 8
    html = (
        f'<meta property="{key}" content="{written}"><meta name="{key}" content="{written}">'
        f'<script type="application/ld+json">{{"{key}": "{written}"}}</script>{body}</p>'
    )
    fetched = datetime(2020, 2, 25, tzinfo=UTC)
    item = Item(url=url, source="x", body=html.encode(), fetched_at=fetched)
    articles, rejects = clean_batch([page_in_hand(item)], [], CleanConfig(), None)
    assert len(articles) + len(rejects) == 1 and not rejects
    (article,) = articles
    assert article.published is None or article.published <= fetched + timedelta(days=1)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="ABCJRSTabcrs .", min_size=1, max_size=12), max_size=3),
    st.text(max_size=120),
)
def test_initials_restored_only_from_the_names_own_letters(names: list[str], html: str) -> None:
    restored = with_initials(names, html)
    assert len(restored) == len(names)
    for name, written in zip(names, restored, strict=True):
        letters = name.replace(" ", "").replace(".", "").casefold()
        assert written.replace(" ", "").replace(".", "").casefold() == letters


@settings(max_examples=200, deadline=None)
@given(
    st.lists(TITLE_PARTS, min_size=1, max_size=8).map("".join),
    st.lists(st.lists(TITLE_PARTS, max_size=8).map("".join), max_size=3),
)
def test_the_headline_is_the_title_or_a_displayed_one(title: str, h1s: list[str]) -> None:
    assert displayed_headline(title, h1s) in [title, *h1s]
