"""Golden pages for the cleaning stage: `python -m tests.golden.make_clean_pages [--regenerate]`.

Each page imitates a news CMS with one failure mode of main-text extraction (a teaser outside
the body, an ad block in the middle of the text, the headline or the lead repeated in the body, photo
captions, a comment section, reader calls inside the article container). The pages are
written as gzipped HTML; `--regenerate` also writes each page's cleaned output as JSON, the
expected output the golden test compares against. Never edit the JSON by hand: change the
page or the code, regenerate, and review the diff.
"""

from __future__ import annotations

import argparse
import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent / "clean"
BASE = "https://news.example"

BODY = [
    "Negotiators from six countries resumed talks in Beijing on Tuesday, the first session "
    "since the North walked away from the table in April.",
    "The chief U.S. envoy told reporters that the delegations had agreed on a schedule for "
    "the coming weeks and that working groups would meet before the end of the month.",
    "Officials in Seoul said the atmosphere was businesslike. One diplomat, who asked not to "
    "be named because the sessions are closed, described the first day as long but useful.",
    "Analysts cautioned that the same schedule had slipped twice before. A researcher at a "
    "Seoul think tank said the test would be whether inspectors return to the reactor site.",
    "The talks are expected to last three days, with a joint statement planned for Thursday.",
]
TEASER = (
    "Envoys agree on a timetable for working groups, but analysts warn that two earlier "
    "schedules slipped within weeks."
)
TITLE = "Six-party talks resume in Beijing with a new timetable"


def head(title: str, extra: str = "") -> str:
    return (
        f"<head><meta charset='utf-8'><title>{title} | The Example Times</title>"
        f"<meta property='og:title' content='{title}'>"
        "<meta property='og:site_name' content='The Example Times'>"
        "<meta property='article:published_time' content='2009-12-08T09:30:00+09:00'>"
        "<meta name='author' content='Jane Doe'>"
        f"{extra}</head>"
    )


NAV = (
    "<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
    "<li><a href='/business'>Business</a></li><li><a href='/sport'>Sport</a></li></ul></nav>"
    "</header>"
)
FOOTER = (
    "<footer><p>About us</p><p>Contact</p><p>Terms of use</p>"
    "<p>© 2009 The Example Times. All rights reserved.</p></footer>"
)


def paras(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def page(body: str, extra_head: str = "", title: str = TITLE) -> str:
    return (
        f"<!DOCTYPE html><html lang='en'>{head(title, extra_head)}"
        f"<body>{NAV}{body}{FOOTER}</body></html>"
    )


PAGES: dict[str, str] = {
    "teaser_outside_body": page(
        f"<main><article><h1>{TITLE}</h1>"
        f"<p class='standfirst'>{TEASER}</p>"
        "<div class='byline'>By Jane Doe, Staff Reporter</div>"
        f"<div class='article-body'>{paras(BODY)}</div></article></main>",
        # CMSs fill the meta description from the standfirst
        extra_head=f"<meta name='description' content='{TEASER}'>",
    ),
    "ad_block_midway": page(
        f"<main><article><h1>{TITLE}</h1><div class='article-body'>{paras(BODY[:2])}"
        "<div class='ad-container'><span class='ad-label'>Advertisement</span>"
        "<div id='div-gpt-ad-1234'></div><p class='ad-copy'>Advertisement - scroll to continue"
        "</p></div>"
        "<aside class='related'><h3>Read more</h3><ul>"
        "<li><a href='/a'>Markets rally as oil prices fall</a></li>"
        "<li><a href='/b'>Weather: snow expected in the capital</a></li></ul></aside>"
        f"{paras(BODY[2:])}</div></article></main>"
    ),
    "title_repeated_in_body": page(
        f"<main><article><div class='article-body'><h2>{TITLE}</h2>{paras(BODY)}</div>"
        "</article></main>"
    ),
    "lead_repeated_in_body": page(
        f"<main><article><h1>{TITLE}</h1><p class='lead'><strong>{BODY[0]}</strong></p>"
        f"<div class='article-body'>{paras([f'BEIJING, Dec. 8 (ETS) -- {BODY[0]}', *BODY[1:]])}"
        "</div></article></main>"
    ),
    "photo_captions": page(
        f"<main><article><h1>{TITLE}</h1><div class='article-body'>{paras(BODY[:1])}"
        "<figure><img src='/img/talks.jpg' alt='Delegates at the table'>"
        "<figcaption>Delegates take their seats at the opening session in Beijing. "
        "Photo: Example Photo Agency</figcaption></figure>"
        f"{paras(BODY[1:])}</div></article></main>"
    ),
    "comment_section": page(
        f"<main><article><h1>{TITLE}</h1><div class='article-body'>{paras(BODY)}</div>"
        "</article><section id='comments' class='comments'><h3>3 comments</h3>"
        "<div class='comment'><p class='comment-author'>reader42</p>"
        "<p>This will go nowhere, as always. Same as last time and the time before.</p></div>"
        "<div class='comment'><p class='comment-author'>kim_s</p>"
        "<p>Finally some good news from the talks, let us hope it holds this time.</p></div>"
        "</section></main>"
    ),
    "reader_calls_in_body": page(
        f"<main><article><h1>{TITLE}</h1><div class='article-body'>{paras(BODY[:3])}"
        "<p>Sign up for our daily Asia briefing newsletter and get the top stories by email.</p>"
        f"{paras(BODY[3:])}"
        "<p>Follow The Example Times on Twitter and Facebook for the latest updates.</p>"
        "<p>Copyright 2009 The Example Times. All rights reserved.</p>"
        "</div></article></main>"
    ),
}


def cleaned(name: str) -> dict[str, object]:
    """The cleaning stage's output for one golden page, as JSON-ready fields."""
    from config.schema import CleanConfig
    from tasks.clean import clean_page
    from tasks.records import Item, Page

    html = gzip.decompress((HERE / f"{name}.html.gz").read_bytes()).decode("utf-8")
    url = f"{BASE}/2009/12/08/{name}.html"
    article = clean_page(
        Page(
            item=Item(url=url, source="golden"),
            final_url=url,
            status=200,
            headers={},
            body=b"",
            fetched_at=datetime(2009, 12, 8, tzinfo=UTC),
            html=html,
        ),
        CleanConfig(),
    )
    return {
        "title": article.title,
        "authors": article.authors,
        "published": article.published.isoformat() if article.published else None,
        "site_name": article.site_name,
        "language": article.language,
        "text": article.text,
    }


def main() -> None:
    """Write the pages; with --regenerate, their expected outputs too."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--regenerate", action="store_true")
    args = parser.parse_args()
    HERE.mkdir(parents=True, exist_ok=True)
    for name, html in PAGES.items():
        # mtime=0: the same page gives the same bytes, so a rebuild shows no diff
        (HERE / f"{name}.html.gz").write_bytes(gzip.compress(html.encode("utf-8"), mtime=0))
        if args.regenerate:
            out = json.dumps(cleaned(name), indent=2, ensure_ascii=False) + "\n"
            (HERE / f"{name}.json").write_text(out, encoding="utf-8")
    print(f"{len(PAGES)} pages in {HERE}")


if __name__ == "__main__":
    main()
