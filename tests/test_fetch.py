"""Fetching over real loopback HTTP: statuses, robots.txt, redirects and the SSRF guard, charsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.schema import FetchConfig
from tasks.fetch import (
    Fetcher,
    FetchError,
    RobotsDisallowed,
    decode_html,
    fetch_batch,
    is_public_address,
)
from tasks.records import Item

LOOPBACK = FetchConfig(allow_private_addresses=True, min_delay=0.0, retries=0)
ARTICLE = "<html><head><title>T</title></head><body><p>Hello</p></body></html>"


def test_ok_page_and_404(site_dir: tuple[Path, str]) -> None:
    root, base = site_dir
    (root / "a.html").write_text(ARTICLE)
    with Fetcher(LOOPBACK) as fetcher:
        page = fetcher.fetch(Item(url=f"{base}/a.html", source="t"))
        assert page.status == 200 and "Hello" in page.html
        with pytest.raises(FetchError) as err:
            fetcher.fetch(Item(url=f"{base}/missing.html", source="t"))
        assert err.value.reason == "http_404"


def test_a_hosts_pages_share_one_kept_alive_connection(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # the demo and test site closed every connection after one response (HTTP/1.0), so the
    # fetcher's reuse of a pooled connection was never tried; and the fetcher left the body of
    # a 404 or a redirect unread, which has httpx close the connection: a host's robots.txt 404
    # or its http -> https redirects cost a new connection (a TLS handshake) each
    from flows.demo_server import SiteServer

    for n in range(3):
        (tmp_path / f"{n}.html").write_text(ARTICLE)
    (tmp_path / "big.html").write_text(ARTICLE.replace("Hello", "Hello " * 50_000))
    with SiteServer(tmp_path) as site:
        accepted: list[object] = []
        accept = site.httpd.get_request

        def counted() -> tuple[object, object]:
            accepted.append(1)
            return accept()

        site.httpd.get_request = counted  # type: ignore[method-assign]
        cfg = FetchConfig(allow_private_addresses=True, min_delay=0.0, retries=0, max_bytes=10_000)
        with Fetcher(cfg) as fetcher:  # it reads robots.txt first: a 404 here
            for n in range(3):
                page = fetcher.fetch(Item(url=f"{site.base_url}/{n}.html", source="t"))
                assert "Hello" in page.html
            with pytest.raises(FetchError, match="404"):
                fetcher.fetch(Item(url=f"{site.base_url}/missing.html", source="t"))
            fetcher.fetch(Item(url=f"{site.base_url}/0.html", source="t"))
            assert len(accepted) == 1
            with pytest.raises(FetchError, match="too_large"):  # left unread: its connection closed
                fetcher.fetch(Item(url=f"{site.base_url}/big.html", source="t"))
            assert "Hello" in fetcher.fetch(Item(url=f"{site.base_url}/1.html", source="t")).html
        assert len(accepted) == 2
    assert "Traceback" not in capfd.readouterr().err  # the cut is no error of the site's


def test_robots_disallow_is_a_skip(site_dir: tuple[Path, str]) -> None:
    root, base = site_dir
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    (root / "private").mkdir()
    (root / "private" / "p.html").write_text(ARTICLE)
    with Fetcher(LOOPBACK) as fetcher:
        with pytest.raises(RobotsDisallowed):
            fetcher.fetch(Item(url=f"{base}/private/p.html", source="t"))
        outcome = fetch_batch(fetcher, [Item(url=f"{base}/private/p.html", source="t")])
    assert [s.reason for s in outcome.skips] == ["robots_disallow"]


def test_private_targets_refused_by_default(site_dir: tuple[Path, str]) -> None:
    root, base = site_dir
    (root / "a.html").write_text(ARTICLE)
    with Fetcher(FetchConfig(min_delay=0.0, retries=0)) as fetcher:
        outcome = fetch_batch(fetcher, [Item(url=f"{base}/a.html", source="t")])
    assert [r.reason for r in outcome.rejects] == ["private_address"]


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("127.0.0.1", False),
        ("::1", False),
        ("fc00::1", False),
        ("fe80::1", False),
        ("0.0.0.0", False),
        ("::ffff:10.0.0.1", False),
        ("93.184.216.34", True),
        ("2606:4700::1111", True),
    ],
)
def test_address_classification(address: str, public: bool) -> None:
    assert is_public_address(address) is public


def test_charset_from_meta_when_header_has_none() -> None:
    body = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>“Quoted” – dash</body></html>'.encode(
        "cp1252"
    )
    assert "“Quoted” – dash" in decode_html(body, "text/html")


def test_undeclared_charset_is_detected_without_crashing() -> None:
    body = ("<html><body><p>" + "Café déjà vu, naïve résumé. " * 20 + "</p></body></html>").encode(
        "latin-1"
    )
    text = decode_html(body, "text/html")
    assert "Café" in text or "Caf" in text
    assert decode_html(b"\xff\xfe\xfa garbage \x80\x81", "text/html")


@pytest.mark.parametrize(
    ("url", "body", "lists_articles"),
    [
        ("https://n.example/news.xml", b'<?xml version="1.0"?><urlset>', True),
        ("https://n.example/rss", b'<?xml version="1.0"?>\n<rss version="2.0">', True),
        ("https://n.example/atom", b'<feed xmlns="http://www.w3.org/2005/Atom">', True),
        ("https://n.example/robots.txt", b"User-agent: *\nSitemap: /s.xml", False),
        ("https://n.example/s.xml", b'<?xml version="1.0"?><sitemapindex>', False),
        ("https://n.example/s.xml", b"\n\n<sitemapindex xmlns='x'>", False),
        ("https://n.example/s.xml", b"<sm:sitemapindex xmlns:sm='x'>", False),
        # WordPress: a byte order mark, a stylesheet, a generator's comment
        (
            "https://n.example/sitemap_index.xml",
            b'\xef\xbb\xbf<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet '
            b'type="text/xsl" href="//n.example/main-sitemap.xsl"?>\n<!-- by Yoast -->\n'
            b"<sitemapindex>",
            False,
        ),
        ("https://n.example/", b"<!DOCTYPE html>\n<html lang='en'>", False),
        ("https://n.example/", b"<html><head>", False),
        # many comments before a sitemap: no backtracking through them (the first pattern took
        # time doubling with each comment: 22 of them 0.7 s)
        ("https://n.example/s.xml", b"<!-- a -->" * 400 + b"<urlset>", True),
        ("https://n.example/s.xml", b"<?x ?>" * 700, True),
    ],
)
def test_only_documents_that_list_articles_keep_validators(
    url: str, body: bytes, lists_articles: bool
) -> None:
    # a 304 for robots.txt, a homepage or a sitemap index says nothing of what they point to
    from tasks.fetch import _lists_articles

    assert _lists_articles(url, body) is lists_articles


def test_robots_txt_is_read_up_to_500_kib(site_dir: tuple[Path, str]) -> None:
    # RFC 9309 lets a crawler stop at 500 KiB; the standard parser checks each URL against
    # every rule, so a robots.txt of megabytes cost milliseconds a URL. The rules within the
    # limit hold, a line cut at it and any after it are not read
    from tasks.fetch import ROBOTS_MAX_BYTES

    root, base = site_dir
    rules = "User-agent: *\nDisallow: /private/\n"
    filler = "".join(f"Disallow: /archive/section-{i}/\n" for i in range(30_000))
    assert len(rules + filler) > ROBOTS_MAX_BYTES
    (root / "robots.txt").write_text(rules + filler + "Disallow: /late/\n")
    with Fetcher(LOOPBACK) as fetcher:
        assert not fetcher.allowed(f"{base}/private/p.html")
        assert not fetcher.allowed(f"{base}/archive/section-7/p.html")
        assert fetcher.allowed(f"{base}/late/p.html")
        assert fetcher.allowed(f"{base}/archive/section-29999/p.html")
        read = fetcher._robots(f"{base}/a.html")
    held = sum(len(entry.rulelines) for entry in [*read.entries, read.default_entry] if entry)
    assert held < 20_000
