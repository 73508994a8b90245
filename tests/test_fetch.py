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
