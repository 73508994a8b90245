"""Build the demo news site from articles.py and the seed report: `python -m flows.demo_site.build`.

The produced files are committed; tests and `make demo` serve them. `{{BASE_URL}}` is replaced
by the server with its live address. Five page templates imitate different CMSs on purpose
(navigation, ads, related links, comments, captions, repeated headlines), because the point of
the demo is to show the cleaning stage doing real work.
"""

from __future__ import annotations

import html
import json
import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from articles import ARTICLES  # noqa: E402

SEED = HERE.parents[2] / "shared" / "seed" / "000_77139b2ab0a061e6.txt"
SEED_PATH = "/2009/12/11/us-ready-for-second-high-level-meeting.html"
OUTLETS = {
    "wire": "Pacific Wire Service",
    "meridian": "The Daily Meridian",
    "ledger": "The Seoul Ledger",
    "tribune": "The Harbor Tribune",
    "blog": "Peninsula Watch",
}
CP1252_PATH = "/2009/12/17/harbor-tribune-sanctions-debate.html"
DEMO_NOTICE = (
    "DEMO SITE: every outlet and every quoted person on this site is fictional, except the "
    "December 2009 report reproduced from a Korean English-language outlet."
)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def paragraphs_html(paras: list[str], cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return "\n".join(f"<p{attr}>{esc(p)}</p>" for p in paras)


def dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def head(title: str, outlet: str, extra: str = "", charset: str = '<meta charset="utf-8">') -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
{charset}
<title>{esc(title)} | {esc(outlet)}</title>
<meta property="og:site_name" content="{esc(outlet)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/site.css">
<script src="/static/analytics.js"></script>
{extra}
</head>"""


def banner() -> str:
    return f'<div class="demo-banner" role="note">{esc(DEMO_NOTICE)}</div>'


def nav(outlet: str) -> str:
    return f"""<header class="masthead"><a class="logo" href="/">{esc(outlet)}</a>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/section/north-korea.html">North Korea</a></li>
<li><a href="/section/north-korea.html">Politics</a></li><li><a href="/section/north-korea.html">World</a></li>
<li><a href="/section/north-korea.html">Business</a></li><li><a href="/section/north-korea.html">Opinion</a></li></ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search"></form></header>"""


def related(exclude: str) -> str:
    items = [a for a in ARTICLES if a["path"] != exclude and a["on_topic"]][:4]
    links = "".join(f'<li><a href="{a["path"]}">{esc(a["title"])}</a></li>' for a in items)
    return f'<aside class="related"><h3>Related articles</h3><ul>{links}</ul></aside>'


def ad(slot: str) -> str:
    return (
        f'<div class="ad ad-{slot}" data-slot="{slot}"><span class="ad-label">Advertisement</span>'
        f'<a href="/ads/{slot}">Upgrade your office printers today &ndash; 30% off all models</a></div>'
    )


def comments(n: int) -> str:
    sample = [
        ("reader_kim", "Talks again? We have seen this movie before."),
        ("peacewatcher", "Any step toward dialogue is better than none."),
        ("j.doe", "Great reporting, thank you for the context."),
        ("seoul_expat", "The comment section is always more pessimistic than the analysts."),
    ][:n]
    items = "".join(
        f'<li class="comment"><span class="comment-author">{esc(a)}</span><p>{esc(t)}</p>'
        f'<a class="reply" href="#">Reply</a></li>'
        for a, t in sample
    )
    return (
        f'<section id="comments" class="comments"><h3>{n} Comments</h3><ol>{items}</ol></section>'
    )


def footer(outlet: str) -> str:
    return f"""<footer class="site-footer"><p>&copy; 2009-2010 {esc(outlet)} (fictional demo outlet). All rights reserved.</p>
<ul><li><a href="/about.html">About</a></li><li><a href="/contact.html">Contact</a></li><li><a href="/privacy.html">Privacy</a></li></ul>
<p><a href="#top">Back To Top</a></p></footer>"""


def share() -> str:
    return '<div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a> <a href="#">Print</a></div>'


def canonical(path: str) -> str:
    return f'<link rel="canonical" href="{{{{BASE_URL}}}}{path}">\n<meta property="og:url" content="{{{{BASE_URL}}}}{path}">'


def page_ledger(a: dict, outlet: str) -> str:
    """A Korean English-language outlet, like the seed's: dateline in KST, backticks kept."""
    when = dt(a["published"])
    stamp = when.strftime("%Y/%m/%d %H:%M KST") if when else ""
    meta = (
        f'<meta property="article:published_time" content="{a["published"]}">'
        if a["published"]
        else ""
    )
    byline = (
        f'<p class="byline">By {esc(", ".join(a["authors"]))} (yonhap-style staff writer)</p>'
        if a["authors"]
        else ""
    )
    return f"""{head(a["title"], outlet, canonical(a["path"]) + meta)}
<body id="top">{banner()}{nav(outlet)}
<div class="top-links"><a href="#top">Back To Top</a> | <a href="/section/north-korea.html">N. Korea</a></div>
{ad("leaderboard")}
<div class="wrap"><div id="content" class="article-view">
<h1 class="tit">{esc(a["title"])}</h1>
<div class="info"><span class="date">{stamp}</span> {byline}</div>
{share()}
<div class="article-txt">
{paragraphs_html(a["paragraphs"])}
</div>
<p class="copyright">(END)</p>
{ad("inline")}
</div>
<div id="side"><div class="most-read"><h3>Most read</h3><ol><li><a href="/">Won rises against dollar</a></li>
<li><a href="/">Subway fares to rise in March</a></li><li><a href="/">K-league final preview</a></li></ol></div>
{related(a["path"])}</div></div>
{comments(3)}
{footer(outlet)}
</body></html>"""


def page_wire(a: dict, outlet: str) -> str:
    when = dt(a["published"])
    meta = (
        f'<meta property="article:published_time" content="{a["published"]}">'
        if a["published"]
        else ""
    )
    byline = " and ".join(n.upper() for n in a["authors"])
    lead = f'<p class="lead"><strong>{esc(a["lead"])}</strong></p>' if a.get("lead") else ""
    date_line = (
        f'<time datetime="{a["published"]}">{when.strftime("%b. %d, %Y").replace(" 0", " ")}</time>'
        if when
        else ""
    )
    return f"""{head(a["title"], outlet, canonical(a["path"]) + meta)}
<body>{banner()}{nav(outlet)}
<main class="story"><article>
<h1 class="headline">{esc(a["title"])}</h1>
<div class="byline">By {esc(byline)}, {esc(outlet)} {date_line}</div>
{lead}
<div class="story-body">
{paragraphs_html(a["paragraphs"])}
{ad("midstory")}
<p class="tagline">Copyright 2010 {esc(outlet)}. Distributed to subscribers of the fictional wire.</p>
</div></article>
{related(a["path"])}
<div class="newsletter"><h4>Get the morning briefing</h4><form><input placeholder="Email"><button>Subscribe</button></form></div>
</main>
{footer(outlet)}
</body></html>"""


def page_tribune(a: dict, outlet: str) -> str:
    """A broadsheet with JSON-LD metadata, a styled standfirst, captions and read-more blocks."""
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a["title"],
        "datePublished": a["published"],
        "author": [{"@type": "Person", "name": n} for n in a["authors"]],
        "publisher": {"@type": "Organization", "name": outlet},
    }
    when = dt(a["published"])
    visible = when.strftime("%d %B %Y").lstrip("0") if when else ""
    byline = " and ".join(n.upper() for n in a["authors"])
    paras = []
    for p in a["paragraphs"]:
        if p.startswith("Image:"):
            paras.append(
                f'<figure><img src="/static/talks.jpg" alt=""><figcaption>{esc(p[len("Image: ") :])}</figcaption></figure>'
            )
        elif p.startswith("Read more:"):
            paras.append(
                f'<div class="read-more"><strong>Read more:</strong> <a href="/">{esc(p[len("Read more: ") :])}</a></div>'
            )
        else:
            paras.append(f"<p>{esc(p)}</p>")
    standfirst = f'<p class="standfirst lead">{esc(a["lead"])}</p>' if a.get("lead") else ""
    charset = (
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        if a["path"] == CP1252_PATH
        else '<meta charset="utf-8">'
    )
    return f"""{head(a["title"], outlet, canonical(a["path"]) + '<script type="application/ld+json">' + json.dumps(ld) + "</script>", charset)}
<body>{banner()}{nav(outlet)}
{ad("top")}
<div class="layout"><article class="article">
<header><p class="kicker">Diplomacy</p><h1>{esc(a["title"])}</h1>
<p class="byline">By {esc(byline)}, Staff Reporters</p><p class="dateline">{visible}</p></header>
{standfirst}
<div class="article-body">
{chr(10).join(paras)}
</div>
{share()}
</article>
<aside class="sidebar">{related(a["path"])}{ad("sidebar")}</aside></div>
{footer(outlet)}
</body></html>"""


def page_blog(a: dict, outlet: str) -> str:
    """A blog: author only in a meta tag, date only as visible text (or in the URL)."""
    when = dt(a["published"])
    visible = a.get("published_text") or (when.strftime("%A, %B %d, %Y") if when else "")
    meta = f'<meta name="author" content="{esc(", ".join(a["authors"]))}">'
    return f"""{head(a["title"], outlet, canonical(a["path"]) + meta)}
<body class="blog">{banner()}
<div id="blog-header"><h2><a href="/">{esc(outlet)}</a></h2><p class="tagline">Notes on Korean peninsula diplomacy (a fictional demo blog)</p></div>
<div id="main"><div class="post">
<h2 class="post-title">{esc(a["title"])}</h2>
<div class="post-meta">Posted {esc(visible)}</div>
<div class="post-body entry-content">
{paragraphs_html(a["paragraphs"])}
</div>
<div class="post-footer">Labels: <a href="/">north korea</a>, <a href="/">six-party talks</a></div>
</div>
{comments(4)}
</div>
<div id="sidebar"><h3>Blog archive</h3><ul><li><a href="/">December 2009 (4)</a></li><li><a href="/">November 2009 (7)</a></li></ul>
<h3>About me</h3><p>A fictional analyst who writes about the talks.</p></div>
{footer(outlet)}
</body></html>"""


def page_meridian(a: dict, outlet: str) -> str:
    """A regional daily that republishes wire copy; date and author only in JSON-LD."""
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a["title"],
        "datePublished": a["published"],
        "author": {"@type": "Person", "name": ", ".join(a["authors"])},
    }
    return f"""{head(a["title"], outlet, canonical(a["path"]) + '<script type="application/ld+json">' + json.dumps(ld) + "</script>")}
<body>{banner()}{nav(outlet)}
<div class="container"><div class="col-main">
<div class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/section/north-korea.html">World</a></div>
<h1>{esc(a["title"])}</h1>
<div class="article-content">
{paragraphs_html(a["paragraphs"])}
</div>
{share()}
{comments(2)}
</div><div class="col-side">{ad("side")}{related(a["path"])}</div></div>
{footer(outlet)}
</body></html>"""


TEMPLATES = {
    "ledger": page_ledger,
    "wire": page_wire,
    "tribune": page_tribune,
    "blog": page_blog,
    "meridian": page_meridian,
}


def seed_article() -> dict:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    body = [line for line in lines[1:] if line.strip()]
    return {
        "path": SEED_PATH,
        "outlet": "ledger",
        "title": body[0],
        "published": "2009-12-11T09:12:00+09:00",
        "authors": [],
        "lead": None,
        "paragraphs": body[1:],
        "on_topic": True,
        "quotes": [],
        "temporal": [
            {"text": "Thursday", "value": "2009-12-10"},
            {"text": "January", "value": "2009-01"},
            {"text": "2005", "value": "2005"},
            {"text": "three-day", "value": "P3D"},
        ],
        "persons": [
            "Stephen Bosworth",
            "Philip Crowley",
            "Kang Sok-ju",
            "Barack Obama",
            "Hillary Clinton",
            "Denny Roy",
        ],
    }


def write(path: str, text: str, encoding: str = "utf-8") -> None:
    target = HERE / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode(encoding))


def main() -> None:
    seed = seed_article()
    everything = [seed, *ARTICLES]
    for a in everything:
        outlet = OUTLETS[a["outlet"]]
        page = TEMPLATES[a["outlet"]](a, outlet)
        write(a["path"], page, "cp1252" if a["path"] == CP1252_PATH else "utf-8")
    listing = "".join(
        f'<li><a href="{a["path"]}">{esc(a["title"])}</a> <span class="outlet">{esc(OUTLETS[a["outlet"]])}</span></li>'
        for a in everything
    )
    write(
        "/index.html",
        f"""{head("Demo news", "newscorpus demo")}
<body>{banner()}<h1>newscorpus demo news site</h1>
<p>Articles on the North Korea six-party talks, December 2009 - February 2010, from five fictional outlets.</p>
<ul class="articles">{listing}</ul>
<p><a href="/section/north-korea.html">Section: North Korea</a> | <a href="/private/drafts.html">Drafts (staff only)</a> |
<a href="/feed.xml">RSS</a> | <a href="/atom.xml">Atom</a></p></body></html>""",
    )
    write(
        "/section/north-korea.html",
        f"""{head("North Korea", "newscorpus demo")}
<body>{banner()}<h1>North Korea</h1><ul>{listing}</ul></body></html>""",
    )
    write(
        "/private/drafts.html",
        f"""{head("Drafts", "newscorpus demo")}<body><p>Unpublished drafts. Crawlers must not fetch this page (robots.txt).</p></body></html>""",
    )
    write(
        "/robots.txt",
        "User-agent: *\nDisallow: /private/\nCrawl-delay: 0\n\nSitemap: {{BASE_URL}}/sitemap.xml\n",
    )

    def rfc822(a: dict) -> str:
        when = dt(a["published"]) or datetime.fromisoformat(
            a.get("url_date", "2009-12-31") + "T12:00:00+00:00"
        )
        return when.strftime("%a, %d %b %Y %H:%M:%S %z")

    items = "".join(
        f"<item><title>{esc(a['title'])}</title><link>{{{{BASE_URL}}}}{a['path']}</link>"
        f"<pubDate>{rfc822(a)}</pubDate><guid>{{{{BASE_URL}}}}{a['path']}</guid></item>\n"
        for a in everything
    )
    write(
        "/feed.xml",
        f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>newscorpus demo news</title><link>{{{{BASE_URL}}}}/</link>
<description>Demo feed (fictional outlets)</description>
{items}</channel></rss>
""",
    )
    entries = "".join(
        f'<entry><title>{esc(a["title"])}</title><link rel="alternate" href="{{{{BASE_URL}}}}{a["path"]}"/>'
        f"<id>{{{{BASE_URL}}}}{a['path']}</id><updated>{(dt(a['published']) or datetime(2010, 2, 8)).isoformat()}</updated></entry>\n"
        for a in everything[:6]
    )
    write(
        "/atom.xml",
        f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>newscorpus demo (Atom)</title><id>{{{{BASE_URL}}}}/</id>
<updated>2010-02-08T00:00:00Z</updated>
{entries}</feed>
""",
    )
    urls = "".join(
        f"<url><loc>{{{{BASE_URL}}}}{a['path']}</loc><lastmod>{(dt(a['published']).date().isoformat() if a['published'] else a.get('url_date', '2010-02-08'))}</lastmod></url>\n"
        for a in everything
    )
    write(
        "/sitemap-articles.xml",
        f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{urls}</urlset>
""",
    )
    write(
        "/sitemap.xml",
        """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{{BASE_URL}}/sitemap-articles.xml</loc><lastmod>2010-02-08</lastmod></sitemap>
</sitemapindex>
""",
    )
    manifest = {
        "seed_path": SEED_PATH,
        "notice": DEMO_NOTICE,
        "articles": [
            {
                "path": a["path"],
                "outlet": OUTLETS[a["outlet"]],
                "title": a["title"],
                "published": (
                    dt(a["published"]).date().isoformat()
                    if a["published"]
                    else a.get("url_date") or "2009-12-18"
                ),
                "authors": a["authors"],
                "on_topic": a["on_topic"],
                "duplicate_of": a.get("duplicate_of"),
                "quotes": a.get("quotes", []),
                "temporal": a.get("temporal", []),
                "persons": a.get("persons", []),
            }
            for a in everything
        ],
    }
    write("/manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
