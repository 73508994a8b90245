"""What the web sends: retries, Retry-After, timeouts, size and decompression limits, redirects,
the SSRF guard on redirect hops, content types, conditional GET and Crawl-delay (loopback only)."""

from __future__ import annotations

import gzip
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from config.schema import FetchConfig
from tasks.fetch import Fetcher, FetchError, NotModified
from tasks.records import Item

PAGE = (
    "<html><head><title>T</title></head><body><p>"
    + "North Korea talks. " * 20
    + "</p></body></html>"
)
FAST = dict(allow_private_addresses=True, min_delay=0.0, backoff=0.05, retries=2, obey_robots=False)


@pytest.fixture
def server():
    with HTTPServer(host="127.0.0.1") as srv:
        yield srv


def fetch(cfg: FetchConfig, url: str):
    with Fetcher(cfg) as fetcher:
        return fetcher.fetch(Item(url=url, source="t"))


def reason(cfg: FetchConfig, url: str) -> str:
    with pytest.raises(FetchError) as err:
        fetch(cfg, url)
    return err.value.reason


def sequence(*responses: Response):
    calls = {"n": 0}

    def handler(_request: Request) -> Response:
        calls["n"] += 1
        return responses[min(calls["n"], len(responses)) - 1]

    return handler, calls


def test_429_with_retry_after_then_ok(server: HTTPServer) -> None:
    handler, calls = sequence(
        Response("slow down", status=429, headers={"Retry-After": "0"}),
        Response(PAGE, content_type="text/html"),
    )
    server.expect_request("/a").respond_with_handler(handler)
    assert fetch(FetchConfig(**FAST), server.url_for("/a")).status == 200
    assert calls["n"] == 2


def test_500_then_200_is_retried_but_404_is_not(server: HTTPServer) -> None:
    handler, calls = sequence(
        Response("oops", status=500), Response(PAGE, content_type="text/html")
    )
    server.expect_request("/flaky").respond_with_handler(handler)
    assert fetch(FetchConfig(**FAST), server.url_for("/flaky")).status == 200
    assert calls["n"] == 2
    missing, missing_calls = sequence(Response("no", status=404))
    server.expect_request("/missing").respond_with_handler(missing)
    assert reason(FetchConfig(**FAST), server.url_for("/missing")) == "http_404"
    assert missing_calls["n"] == 1


def test_persistent_5xx_gives_up_after_the_retries(server: HTTPServer) -> None:
    handler, calls = sequence(Response("down", status=503))
    server.expect_request("/down").respond_with_handler(handler)
    assert reason(FetchConfig(**FAST), server.url_for("/down")) == "http_503"
    assert calls["n"] == 3  # the first attempt and two retries


def test_slow_endpoint_times_out(server: HTTPServer) -> None:
    def slow(_request: Request) -> Response:
        time.sleep(2.0)
        return Response(PAGE, content_type="text/html")

    server.expect_request("/slow").respond_with_handler(slow)
    cfg = FetchConfig(**{**FAST, "retries": 0}, read_timeout=0.5)
    assert reason(cfg, server.url_for("/slow")) == "timeout"


def test_oversize_body_and_gzip_bomb_are_refused(server: HTTPServer) -> None:
    server.expect_request("/big").respond_with_data(
        "<html>" + "x" * 200_000 + "</html>", content_type="text/html"
    )
    bomb = gzip.compress(b"<html>" + b"\0" * 20_000_000)
    server.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    cfg = FetchConfig(**FAST, max_bytes=100_000)
    assert reason(cfg, server.url_for("/big")) == "too_large"
    assert reason(cfg, server.url_for("/bomb")) == "too_large"
    assert len(bomb) < 100_000  # the bomb is small on the wire: only decoded bytes are counted


def test_pdf_and_images_are_not_articles(server: HTTPServer) -> None:
    server.expect_request("/paper.pdf").respond_with_data(
        b"%PDF-1.4 binary", content_type="application/pdf"
    )
    assert reason(FetchConfig(**FAST), server.url_for("/paper.pdf")) == "not_html"


def test_redirect_loop_and_too_many_redirects(server: HTTPServer) -> None:
    server.expect_request("/loop-a").respond_with_data(
        "", status=302, headers={"Location": "/loop-b"}
    )
    server.expect_request("/loop-b").respond_with_data(
        "", status=302, headers={"Location": "/loop-a"}
    )
    assert reason(FetchConfig(**FAST), server.url_for("/loop-a")) == "redirect_loop"
    for n in range(7):
        server.expect_request(f"/hop{n}").respond_with_data(
            "", status=301, headers={"Location": f"/hop{n + 1}"}
        )
    assert reason(FetchConfig(**FAST), server.url_for("/hop0")) == "too_many_redirects"


def test_redirect_to_a_host_not_allowed_is_refused_before_connecting(server: HTTPServer) -> None:
    target = f"http://127.0.0.2:{server.port}/elsewhere"
    server.expect_request("/jump").respond_with_data("", status=302, headers={"Location": target})
    cfg = FetchConfig(min_delay=0.0, retries=0, obey_robots=False, allow_hosts=["127.0.0.1"])
    assert reason(cfg, server.url_for("/jump")) == "private_address"
    assert not [r for r, _ in server.log if r.path == "/elsewhere"]


def test_windows_1252_page_without_charset_header(server: HTTPServer) -> None:
    body = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>“Talks” – resume</p></body></html>'
    server.expect_request("/cp1252").respond_with_data(
        body.encode("cp1252"), content_type="text/html"
    )
    assert "“Talks” – resume" in fetch(FetchConfig(**FAST), server.url_for("/cp1252")).html


def test_unchanged_feed_costs_one_304(server: HTTPServer, tmp_path: Path) -> None:
    feed = '<?xml version="1.0"?><rss version="2.0"><channel><item><link>http://x/a</link></item></channel></rss>'

    def conditional(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304)
        return Response(feed, content_type="application/rss+xml", headers={"ETag": '"v1"'})

    server.expect_request("/feed.xml").respond_with_handler(conditional)
    store = tmp_path / "validators.sqlite"
    with Fetcher(FetchConfig(**FAST), validators=store) as killed:
        assert b"<rss" in killed.get(server.url_for("/feed.xml"))
        # a run that stops before its last commit never keeps the validators
    with Fetcher(FetchConfig(**FAST), validators=store) as first:
        assert b"<rss" in first.get(server.url_for("/feed.xml"))
        first.keep_validators()
    with Fetcher(FetchConfig(**FAST), validators=store) as second, pytest.raises(NotModified):
        second.get(server.url_for("/feed.xml"))


def test_robots_crawl_delay_is_honoured(server: HTTPServer) -> None:
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nCrawl-delay: 3\nDisallow: /private/\n", content_type="text/plain"
    )
    server.expect_request("/a").respond_with_data(PAGE, content_type="text/html")
    cfg = FetchConfig(allow_private_addresses=True, min_delay=0.0, retries=0)
    with Fetcher(cfg) as fetcher:
        assert fetcher.allowed(server.url_for("/a"))
        assert not fetcher.allowed(server.url_for("/private/x"))
        assert fetcher._host(f"127.0.0.1:{server.port}").delay == 3.0


def _serve_versioned(server: HTTPServer, path: str, versions: list[tuple[str, str]]) -> None:
    """Serve `path` as the current one of `versions` ((etag, body), the last one now), with a
    304 to a request that names the current ETag."""

    def conditional(request: Request) -> Response:
        etag, body = versions[-1]
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304)
        kind = "text/plain" if path.endswith(".txt") else "application/xml"
        kind = "text/html" if body.startswith("<!DOCTYPE html>") else kind
        return Response(body, content_type=kind, headers={"ETag": etag})

    server.expect_request(path).respond_with_handler(conditional)


def _urlset(server: HTTPServer, *paths: str) -> str:
    locs = "".join(f"<url><loc>{server.url_for(p)}</loc></url>" for p in paths)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'


def _discovered(
    source_url: str,
    store: Path,
    since: str | None = None,
    scope: str = "",
    unsettle: tuple[str, ...] = (),
) -> list[str]:
    """The URLs a sitemap source yields in one run under `scope` (a Reject as its reason and
    URL), whose validators and index lastmods the run then keeps, less those of `unsettle`."""
    from datetime import date

    from tasks.sources import Sitemap

    with Fetcher(FetchConfig(**FAST), validators=store) as fetcher:
        fetcher.scope_to(scope)
        window = date.fromisoformat(since) if since else None
        found = [
            entry.url if isinstance(entry, Item) else f"{entry.reason} {entry.url}"
            for entry in Sitemap("s", source_url, fetcher.get, fetcher, window).items()
        ]
        for listing in unsettle:
            fetcher.unsettle(listing)
        fetcher.keep_validators()
    return found


@pytest.mark.parametrize("root", ["/sitemap_index.xml", "/"])
def test_an_unchanged_index_or_robots_txt_still_leads_to_changed_sitemaps(
    server: HTTPServer, tmp_path: Path, root: str
) -> None:
    # robots.txt and a sitemap index only point to the sitemaps that list articles, and stay the
    # same while those change: a 304 for them ended the source, and every run after the first
    # discovered nothing new. Now they are fetched whole; an unchanged sitemap of articles
    # still costs one 304 and yields nothing
    old = [('"a1"', _urlset(server, "/a1"))]
    today = [('"b1"', _urlset(server, "/b1"))]
    index = (
        '<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="/s.xsl"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{server.url_for('/old.xml')}</loc></sitemap>"
        f"<sitemap><loc>{server.url_for('/today.xml')}</loc></sitemap></sitemapindex>"
    )
    _serve_versioned(server, "/old.xml", old)
    _serve_versioned(server, "/today.xml", today)
    _serve_versioned(server, "/sitemap_index.xml", [('"i1"', index)])
    robots = f"User-agent: *\nSitemap: {server.url_for('/sitemap_index.xml')}\n"
    _serve_versioned(server, "/robots.txt", [('"r1"', robots)])
    store = tmp_path / "validators.sqlite"
    assert _discovered(server.url_for(root), store) == [
        server.url_for("/a1"),
        server.url_for("/b1"),
    ]
    today.append(('"b2"', _urlset(server, "/b1", "/b2")))
    assert _discovered(server.url_for(root), store) == [
        server.url_for("/b1"),
        server.url_for("/b2"),
    ]
    assert _discovered(server.url_for(root), store) == []


def test_a_sitemap_that_fails_is_rejected_and_the_others_are_read(
    server: HTTPServer, tmp_path: Path
) -> None:
    # one child of an index answering 500 failed the whole source for the run
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{server.url_for('/broken.xml')}</loc></sitemap>"
        f"<sitemap><loc>{server.url_for('/today.xml')}</loc></sitemap></sitemapindex>"
    )
    server.expect_request("/sitemap_index.xml").respond_with_data(
        index, content_type="application/xml"
    )
    server.expect_request("/broken.xml").respond_with_data("oops", status=500)
    server.expect_request("/today.xml").respond_with_data(
        _urlset(server, "/b1"), content_type="application/xml"
    )
    from config.schema import settings_from_dict
    from tasks.sources import discover_all

    settings = settings_from_dict(
        {
            "output": str(tmp_path),
            "sources": [
                {"kind": "sitemap", "name": "s", "url": server.url_for("/sitemap_index.xml")}
            ],
        }
    )
    with Fetcher(FetchConfig(**FAST)) as fetcher:
        found = [entry for _name, entry in discover_all(settings, fetcher.get, {}.get)]
    assert [(type(e).__name__, e.url, getattr(e, "reason", None)) for e in found] == [
        ("Reject", server.url_for("/broken.xml"), "sitemap_failed"),
        ("Item", server.url_for("/b1"), None),
    ]


def test_an_unchanged_homepage_still_leads_to_its_changed_feed(
    server: HTTPServer, tmp_path: Path
) -> None:
    from tasks.sources import Feed

    def rss(*paths: str) -> str:
        items = "".join(f"<item><link>{server.url_for(p)}</link></item>" for p in paths)
        return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'

    home = (
        '<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" '
        'href="/rss.xml"></head><body>News</body></html>'
    )
    feed = [('"f1"', rss("/a"))]
    _serve_versioned(server, "/", [('"h1"', home)])
    _serve_versioned(server, "/rss.xml", feed)
    store = tmp_path / "validators.sqlite"

    def run() -> list[str]:
        with Fetcher(FetchConfig(**FAST), validators=store) as fetcher:
            urls = [i.url for i in Feed("f", server.url_for("/"), fetcher.get).items()]
            fetcher.keep_validators()
        return urls

    assert run() == [server.url_for("/a")]
    feed.append(('"f2"', rss("/a", "/b")))
    assert run() == [server.url_for("/a"), server.url_for("/b")]


def test_a_sitemap_with_an_item_that_failed_for_now_is_read_whole_next_run(
    server: HTTPServer, tmp_path: Path
) -> None:
    # an article that timed out or met a 503 is fetched again when it is discovered again; the
    # 304 for its sitemap hid it from every later run
    from tasks.fetch import fetch_batch
    from tasks.sources import Sitemap

    _serve_versioned(server, "/s.xml", [('"s1"', _urlset(server, "/a", "/b"))])
    answers = [Response("busy", status=503), Response(PAGE, content_type="text/html")]
    server.expect_request("/a").respond_with_handler(lambda _r: answers.pop(0))
    server.expect_request("/b").respond_with_data(PAGE, content_type="text/html")
    store = tmp_path / "validators.sqlite"

    def run() -> tuple[list[str], list[str]]:
        with Fetcher(FetchConfig(**{**FAST, "retries": 0}), validators=store) as fetcher:
            try:
                items = list(Sitemap("s", server.url_for("/s.xml"), fetcher.get).items())
            except NotModified:
                items = []
            outcome = fetch_batch(fetcher, [i for i in items if isinstance(i, Item)])
            fetcher.keep_validators()
        return [i.url for i in items], [r.reason for r in outcome.rejects]

    both = [server.url_for("/a"), server.url_for("/b")]
    assert run() == (both, ["http_503"])
    assert run() == (both, [])
    assert run() == ([], [])  # everything settled: one 304


def test_a_sitemap_that_max_items_cut_off_is_read_whole_next_run(
    server: HTTPServer, tmp_path: Path
) -> None:
    # max_items stops a run partway through a sitemap; a 304 for it hid the rest ever after
    from config.schema import settings_from_dict
    from tasks.sources import discover_all

    _serve_versioned(server, "/s.xml", [('"s1"', _urlset(server, "/a", "/b"))])
    settings = settings_from_dict(
        {
            "output": str(tmp_path),
            "sources": [
                {"kind": "sitemap", "name": "s", "url": server.url_for("/s.xml"), "max_items": 1}
            ],
        }
    )
    seen: dict[str, object] = {}

    def run() -> list[str]:
        with Fetcher(FetchConfig(**FAST), validators=tmp_path / "v.sqlite") as fetcher:
            found = discover_all(settings, fetcher.get, seen.get, listings=fetcher)
            urls = [e.url for _n, e in found if isinstance(e, Item)]
            fetcher.keep_validators()
        seen.update(dict.fromkeys(urls, object()))  # committed
        return urls

    assert run() == [server.url_for("/a")]
    assert run() == [server.url_for("/b")]
    assert run() == []


@pytest.mark.parametrize("content_type", ["application/x-gzip", "application/octet-stream"])
def test_a_gzipped_sitemap_is_read(server: HTTPServer, tmp_path: Path, content_type: str) -> None:
    # sitemap.xml.gz, as the sitemaps protocol allows and news sites list in robots.txt: its
    # type was refused (not_html) and the whole source failed
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{server.url_for('/news.xml.gz')}</loc></sitemap>"
        f"<sitemap><loc>{server.url_for('/bomb.xml.gz')}</loc></sitemap></sitemapindex>"
    )
    server.expect_request("/sitemap.xml.gz").respond_with_data(
        gzip.compress(index.encode()), content_type=content_type
    )
    server.expect_request("/news.xml.gz").respond_with_data(
        gzip.compress(_urlset(server, "/a").encode()), content_type=content_type
    )
    server.expect_request("/bomb.xml.gz").respond_with_data(
        gzip.compress(b"<urlset>" + b" " * 20_000_000), content_type=content_type
    )
    assert _discovered(server.url_for("/sitemap.xml.gz"), tmp_path / "v.sqlite") == [
        server.url_for("/a"),
        f"sitemap_failed {server.url_for('/bomb.xml.gz')}",
    ]


def test_an_unchanged_sitemap_of_several_in_robots_txt_leaves_the_others_read(
    server: HTTPServer, tmp_path: Path
) -> None:
    # a 304 for the first sitemap robots.txt lists ended the source: the others, changed, were
    # never read
    news = [('"n1"', _urlset(server, "/a"))]
    today = [('"t1"', _urlset(server, "/b1"))]
    _serve_versioned(server, "/news.xml", news)
    _serve_versioned(server, "/today.xml", today)
    robots = "User-agent: *\nSitemap: /news.xml\nSitemap: /today.xml\n"
    _serve_versioned(server, "/robots.txt", [('"r1"', robots)])
    store = tmp_path / "validators.sqlite"
    root = server.url_for("/")
    assert _discovered(root, store) == [server.url_for("/a"), server.url_for("/b1")]
    today.append(('"t2"', _urlset(server, "/b1", "/b2")))
    assert _discovered(root, store) == [server.url_for("/b1"), server.url_for("/b2")]
    assert _discovered(root, store) == []


def _dated_urlset(server: HTTPServer, *entries: tuple[str, str]) -> str:
    """A sitemap of (path, lastmod) entries."""
    urls = "".join(
        f"<url><loc>{server.url_for(p)}</loc><lastmod>{day}</lastmod></url>" for p, day in entries
    )
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def _dated_index(server: HTTPServer, *children: tuple[str, str]) -> str:
    """A sitemap index of (path, lastmod) children."""
    entries = "".join(
        f"<sitemap><loc>{server.url_for(p)}</loc><lastmod>{day}</lastmod></sitemap>"
        for p, day in children
    )
    return f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'


def _serve_counted(server: HTTPServer, path: str, versions: list[tuple[str, str]]) -> list[str]:
    """Serve `path` as _serve_versioned does; the list returned grows by the status of each
    request for it (200 or 304)."""
    answered: list[str] = []

    def conditional(request: Request) -> Response:
        etag, body = versions[-1]
        if request.headers.get("If-None-Match") == etag:
            answered.append("304")
            return Response(status=304)
        answered.append("200")
        return Response(body, content_type="application/xml", headers={"ETag": etag})

    server.expect_request(path).respond_with_handler(conditional)
    return answered


def test_a_sitemap_whose_index_lastmod_is_unchanged_is_not_requested(
    server: HTTPServer, tmp_path: Path
) -> None:
    # an index of years of daily or monthly sitemaps cost one request per sitemap each run (a
    # 304 at best, after the per-host delay: 7,000 sitemaps, ~2 hours a night); the lastmod the
    # index gives each now spares the request for those a run read whole
    from datetime import UTC, datetime, timedelta

    recent = (datetime.now(UTC) - timedelta(hours=1)).isoformat(timespec="seconds")
    old = [('"o1"', _dated_urlset(server, ("/a1", "2009-11-30"), ("/a2", "2009-12-01")))]
    today = [('"t1"', _dated_urlset(server, ("/b1", recent)))]
    old_answers = _serve_counted(server, "/old.xml", old)
    today_answers = _serve_counted(server, "/today.xml", today)
    index = [("/old.xml", "2009-12-01"), ("/today.xml", recent)]
    server.expect_request("/index.xml").respond_with_handler(
        lambda _r: Response(_dated_index(server, *index), content_type="application/xml")
    )
    store, root = tmp_path / "v.sqlite", server.url_for("/index.xml")
    a1, a2, a3, b1 = (server.url_for(p) for p in ("/a1", "/a2", "/a3", "/b1"))
    assert _discovered(root, store) == [a1, a2, b1]
    assert _discovered(root, store) == []
    # today's sitemap, its lastmod too recent to vouch for it, is asked for (a 304); the old one
    # is not asked for at all
    assert (old_answers, today_answers) == (["200"], ["200", "304"])
    # the index gives the old sitemap a later lastmod: it is read, and then left alone again
    old.append(('"o2"', _dated_urlset(server, ("/a1", "2009-11-30"), ("/a3", "2009-12-05"))))
    index[0] = ("/old.xml", "2009-12-05")
    assert _discovered(root, store) == [a1, a3]
    assert _discovered(root, store) == []
    assert old_answers == ["200", "200"]


def test_an_index_lastmod_its_sitemap_belies_costs_a_request_each_run(
    server: HTTPServer, tmp_path: Path
) -> None:
    # some sites give a sitemap the date it was started while they add to it: its items, dated
    # later, show the lastmod cannot be trusted, so the sitemap is asked for (conditionally)
    month = [('"m1"', _dated_urlset(server, ("/a1", "2009-12-01"), ("/a2", "2009-12-09")))]
    answers = _serve_counted(server, "/month.xml", month)
    index = _dated_index(server, ("/month.xml", "2009-12-01"))
    server.expect_request("/index.xml").respond_with_data(index, content_type="application/xml")
    store, root = tmp_path / "v.sqlite", server.url_for("/index.xml")
    assert _discovered(root, store) == [server.url_for("/a1"), server.url_for("/a2")]
    month.append(('"m2"', _dated_urlset(server, ("/a2", "2009-12-09"), ("/a3", "2009-12-10"))))
    assert _discovered(root, store) == [server.url_for("/a2"), server.url_for("/a3")]
    assert _discovered(root, store) == []
    assert answers == ["200", "200", "304"]


def test_an_unsettled_sitemap_is_read_again_whatever_its_index_lastmod(
    server: HTTPServer, tmp_path: Path
) -> None:
    # an item of the sitemap failed for now (Fetcher.unsettle): the next run must read it
    old = [('"o1"', _dated_urlset(server, ("/a1", "2009-11-30")))]
    answers = _serve_counted(server, "/old.xml", old)
    index = _dated_index(server, ("/old.xml", "2009-12-01"))
    server.expect_request("/index.xml").respond_with_data(index, content_type="application/xml")
    store, root = tmp_path / "v.sqlite", server.url_for("/index.xml")
    unsettled = (server.url_for("/old.xml"),)
    assert _discovered(root, store, unsettle=unsettled) == [server.url_for("/a1")]
    assert _discovered(root, store) == [server.url_for("/a1")]
    assert _discovered(root, store) == []
    assert answers == ["200", "200"]


def test_sitemaps_last_modified_before_the_window_are_not_read(
    server: HTTPServer, tmp_path: Path
) -> None:
    # a backfill from a date read every sitemap of the site's years before it, to skip their
    # articles one by one
    old_answers = _serve_counted(
        server, "/2008.xml", [('"o"', _dated_urlset(server, ("/a", "2008-06-01")))]
    )
    _serve_counted(server, "/2009.xml", [('"n"', _dated_urlset(server, ("/b", "2009-12-10")))])
    _serve_counted(server, "/edge.xml", [('"e"', _dated_urlset(server, ("/c", "2009-12-04")))])
    index = _dated_index(
        server,
        ("/2008.xml", "2008-12-31"),
        ("/2009.xml", "2009-12-31"),
        ("/edge.xml", "2009-12-04"),
    )
    server.expect_request("/index.xml").respond_with_data(index, content_type="application/xml")
    found = _discovered(server.url_for("/index.xml"), tmp_path / "v.sqlite", since="2009-12-05")
    # the sitemap a day before the window is read: its lastmod's date may be in another zone
    assert found == [server.url_for("/b"), server.url_for("/c")]
    assert old_answers == []


def test_a_validators_store_of_the_version_before_index_lastmods_is_upgraded(
    tmp_path: Path,
) -> None:
    import sqlite3
    from datetime import UTC, datetime

    from tasks.fetch import HttpValidators

    path = tmp_path / "v.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE listings (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT)")
        db.execute("INSERT INTO listings VALUES ('https://n.example/s.xml', '\"e\"', NULL)")
    url = "https://n.example/s.xml"
    store = HttpValidators(path)
    # kept under no scope: it serves none, so the first run of this version reads it whole
    assert store.get(url, "k") is None and store.get(url) is None
    when = datetime(2009, 12, 1, tzinfo=UTC)
    store.put(url, '"e"', None, "k")
    store.keep_index_lastmod(url, when, "k")
    store.save()
    store.close()
    store = HttpValidators(path)
    assert store.index_lastmod(url, "k") == when
    assert store.get(url, "k") == ('"e"', None)  # both kept, side by side
    assert store.get(url, "other") is None and store.index_lastmod(url, "other") is None
    store.close()


def test_a_validators_store_of_one_row_a_listing_is_upgraded_and_unused_rows_expire(
    tmp_path: Path,
) -> None:
    import sqlite3
    from datetime import date, datetime, timedelta

    from tasks.fetch import KEEP_UNUSED_DAYS, HttpValidators

    path, url = tmp_path / "v.sqlite", "https://n.example/s.xml"
    with sqlite3.connect(path) as db:  # the version before: one row a URL, under one scope
        db.execute(
            "CREATE TABLE listings (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, "
            "index_lastmod TEXT, scope TEXT)"
        )
        db.execute(f"INSERT INTO listings VALUES ('{url}', '\"e\"', NULL, '2009-12-01', 'k')")
    store = HttpValidators(path)
    assert store.get(url, "k") == ('"e"', None)
    assert store.index_lastmod(url, "k") == datetime(2009, 12, 1)
    store.put(url, '"f"', None, "other")
    store.save()
    store.close()
    # a scope no run has used for KEEP_UNUSED_DAYS is dropped at the next save
    stale = (date.today() - timedelta(days=KEEP_UNUSED_DAYS + 1)).isoformat()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE scoped_listings SET kept=? WHERE scope='k'", (stale,))
    store = HttpValidators(path)
    store.save()
    assert store.get(url, "k") is None and store.get(url, "other") == ('"f"', None)
    store.close()


def test_a_backfill_with_a_wider_window_reads_what_an_earlier_window_left_out(
    server: HTTPServer, tmp_path: Path
) -> None:
    # a nightly run from December got the sitemap's validators (and its index's lastmod): a
    # backfill from November then got a 304 for it, or passed it by, and never saw November
    from config.schema import settings_from_dict
    from tasks.sources import discover_all

    listing = _dated_urlset(server, ("/nov", "2009-11-20"), ("/dec", "2009-12-02"))
    answers = _serve_counted(server, "/s.xml", [('"s1"', listing)])
    index = _dated_index(server, ("/s.xml", "2009-12-02"))
    server.expect_request("/index.xml").respond_with_data(index, content_type="application/xml")
    seen: dict[str, object] = {}

    def run(since: str) -> list[str]:
        settings = settings_from_dict(
            {
                "output": str(tmp_path),
                "sources": [
                    {
                        "kind": "sitemap",
                        "name": "s",
                        "url": server.url_for("/index.xml"),
                        "since": since,
                    }
                ],
            }
        )
        with Fetcher(FetchConfig(**FAST), validators=tmp_path / "v.sqlite") as fetcher:
            found = discover_all(settings, fetcher.get, seen.get, listings=fetcher)
            urls = [e.url for _n, e in found if isinstance(e, Item)]
            fetcher.keep_validators()
        stored = SimpleNamespace(lastmod=None, last_seen="2026-12-04T00:00:00+00:00")
        seen.update(dict.fromkeys(urls, stored))  # committed
        return urls

    assert run("2009-12-01") == [server.url_for("/dec")]
    assert run("2009-11-01") == [server.url_for("/nov")]
    assert run("2009-11-01") == []
    # read whole after the run that left an item out; the run that took them all keeps the
    # index's lastmod, so the third run does not ask for the sitemap
    assert answers == ["200", "200"]


def test_validators_kept_under_other_settings_serve_only_those(
    server: HTTPServer, tmp_path: Path
) -> None:
    # a page rejected off topic is judged again when the topic changes, and an item a source's
    # filters left out is taken when they change: neither happened for items of a listing that
    # got a 304, or that its index's lastmod spared. Each scope keeps its own row: two sources
    # that read one index under different filters (a site's politics and world sections) had
    # each run read every sitemap of it whole, each dropping what the other kept
    answers = _serve_counted(
        server, "/s.xml", [('"s1"', _dated_urlset(server, ("/a", "2009-11-30")))]
    )
    index = _dated_index(server, ("/s.xml", "2009-12-01"))
    server.expect_request("/index.xml").respond_with_data(index, content_type="application/xml")
    store, root = tmp_path / "v.sqlite", server.url_for("/index.xml")
    assert _discovered(root, store, scope="topic-1") == [server.url_for("/a")]
    assert _discovered(root, store, scope="topic-1") == []
    assert _discovered(root, store, scope="topic-2") == [server.url_for("/a")]
    assert answers == ["200", "200"]
    for _night in range(2):  # both scopes in each run: neither asks for the sitemap again
        assert _discovered(root, store, scope="topic-1") == []
        assert _discovered(root, store, scope="topic-2") == []
    assert answers == ["200", "200"]


def test_a_sources_scope_follows_the_settings_that_choose_its_items() -> None:
    from config.schema import SitemapSource
    from tasks.sources import source_scope

    def scope(include: list[str], key: str = "k", name: str = "s") -> str:
        cfg = SitemapSource(name=name, url="https://n.example/s.xml", include=include)
        return source_scope(cfg, key)

    assert scope([]) == scope([]) == scope([], name="renamed")
    assert scope(["/world/"]) != scope([])  # the source's filters
    assert scope([], "other") != scope([])  # the cleaning and topic settings (settle_key)
