"""A deterministic generated news corpus for the benchmarks: realistic pages, any size.

Pages imitate the demo site's templates (navigation, ads, related links, comments) around
article bodies assembled from sentence patterns of the six-party-talks story (quotes with
speakers, dates, named actors), so trafilatura and spaCy do the work they do on real news.
Each body is 350-550 words, the length of a typical wire story.
"""

from __future__ import annotations

import html
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

FIRST = [
    "Mira",
    "Oren",
    "Lena",
    "Tomas",
    "Ines",
    "Ruben",
    "Helena",
    "Marcus",
    "Priya",
    "Daniel",
    "Sofia",
    "Liang",
    "Astrid",
    "Kenji",
    "Noor",
]
LAST = [
    "Castellan",
    "Valcourt",
    "Marsh",
    "Ekberg",
    "Moravec",
    "Achterberg",
    "Voss",
    "Feldhaus",
    "Lindqvist",
    "Okafor",
    "Brandvold",
    "Wenbo",
    "Kowalczyk",
    "Aoki",
    "Haddad",
]
KOREAN = [
    "Park Dae-hyun",
    "Choi Hyun-woo",
    "Lee Ji-eun",
    "Kang Min-ji",
    "Yoon Seo-ah",
    "Han Soo-min",
]
ROLES = [
    "a senior fellow at the Harbor Institute",
    "a professor at Calloway University",
    "a spokesman for the foreign ministry",
    "an analyst at the Pacific Risk Bureau",
    "a former State Department official",
]
PLACES = ["Seoul", "Beijing", "Tokyo", "Washington", "Moscow", "Pyongyang"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TOPICS = [
    "the six-party talks",
    "denuclearization",
    "the Yongbyon reactor",
    "sanctions",
    "the 2005 joint statement",
    "a peace treaty",
    "humanitarian aid",
]
VERBS = ["said", "told reporters", "added", "noted", "warned", "argued"]

SENTENCES = [
    '"{claim}," said {name}, {role}.',
    "{name}, {role}, said on {weekday} that {topic} would dominate the agenda.",
    "According to {name}, envoys could meet in {place} as early as {month}.",
    '"{claim}," {surname} {verb}. "{claim2}"',
    "Officials in {place} {verb} {weekday} that {topic} remained the main obstacle to progress.",
    "The talks, which bring together the two Koreas, the United States, China, Japan and Russia, have been stalled since {month} {year}.",
    '{surname} described the latest proposal as "a useful first step" toward {topic}.',
    "A diplomat who spoke on condition of anonymity said the delegations would spend three days in {place}.",
    "Analysts expect {topic} to be raised again next month, after a two-week pause in contacts.",
    "The ministry said it would publish a detailed statement on {topic} on {weekday}.",
]
CLAIMS = [
    "We see no reason why the talks cannot reopen in the first quarter",
    "The door is open, but nobody has walked through it yet",
    "Sanctions alone will not bring them back to the table",
    "Everyone knows the choreography of these meetings",
    "Nothing has changed on the ground",
    "What we need now is a date and a venue",
    "It took years to build this process and it can be rebuilt",
]


def _sentence(rng: random.Random, day: date) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    if rng.random() < 0.3:
        name = rng.choice(KOREAN)
        surname = name.split()[0]
    else:
        name, surname = f"{first} {last}", last
    pattern = rng.choice(SENTENCES)
    return pattern.format(
        name=name,
        surname=surname,
        role=rng.choice(ROLES),
        claim=rng.choice(CLAIMS),
        claim2=rng.choice(CLAIMS) + ".",
        weekday=rng.choice(WEEKDAYS),
        topic=rng.choice(TOPICS),
        place=rng.choice(PLACES),
        month=(day - timedelta(days=rng.randint(20, 400))).strftime("%B"),
        year=day.year - 1,
        verb=rng.choice(VERBS),
    )


def article(n: int, seed: int = 7) -> tuple[str, str, date]:
    """(path, html, publication date) of generated article number n."""
    rng = random.Random(seed * 1_000_003 + n)
    day = date(2009, 1, 1) + timedelta(days=n % 700)
    paragraphs = []
    words = 0
    target = rng.randint(350, 550)
    while words < target:
        para = " ".join(_sentence(rng, day) for _ in range(rng.randint(1, 3)))
        paragraphs.append(para)
        words += len(para.split())
    title = f"Envoys weigh next step on {rng.choice(TOPICS)} ({n})"
    path = f"/{day:%Y/%m/%d}/story-{n}.html"
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | Bench Herald</title>
<meta property="og:site_name" content="Bench Herald">
<meta property="article:published_time" content="{day.isoformat()}T09:00:00+09:00">
<meta name="author" content="{rng.choice(FIRST)} {rng.choice(LAST)}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
<div class="ad">Advertisement: upgrade your office printers today</div>
<article><h1>{html.escape(title)}</h1><p class="byline">By Bench Herald staff</p>
{body}
</article>
<aside class="related"><h3>Related articles</h3><ul><li><a href="/a">Won rises</a></li><li><a href="/b">Subway fares</a></li></ul></aside>
<section class="comments"><h3>2 Comments</h3><p>Great reporting.</p><p>Talks again?</p></section>
<footer>&copy; Bench Herald (generated)</footer></body></html>"""
    return path, page, day


def write_site(root: Path, count: int, seed: int = 7, start: int = 0) -> list[str]:
    """Write `count` pages (articles number `start` on) and a sitemap under root; return the
    article paths."""
    paths = []
    for n in range(start, start + count):
        path, page, _day = article(n, seed)
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
        paths.append(path)
    write_sitemap(root, paths)
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    return paths


def write_sitemap(root: Path, paths: list[str]) -> None:
    """A sitemap listing `paths` (served with {{BASE_URL}} substituted)."""
    urls = "".join(f"<url><loc>{{{{BASE_URL}}}}{p}</loc></url>\n" for p in paths)
    (root / "sitemap.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n',
        encoding="utf-8",
    )


def pages(count: int, seed: int = 7) -> Iterator[tuple[str, str, date]]:
    """The generated pages, lazily."""
    for n in range(count):
        yield article(n, seed)
