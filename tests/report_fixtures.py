"""A small fictional corpus about the six-party talks for the report tests.

Stories are written out as text with the quotes, actor mentions and date expressions the
pipeline would have found in them; offsets are computed from the text, so every row points at
what it claims to. Speakers, quotes and outlets are invented (the countries are real).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tasks.records import Article, Enriched
from tasks.storage import Dataset

# (quote as it appears in the text, speaker or None, speaker as written or None, speaker_type, kind)
Quote = tuple[str, str | None, str | None, str, str]
# (mention as written, label, canonical actor)
Mention = tuple[str, str, str]
# (expression as written, TIMEX3 value, granularity, relative)
Timex = tuple[str, str, str, bool]


@dataclass(slots=True)
class Story:
    """One article as written, with what enrichment found in it."""

    n: int
    source: str
    published: datetime | None
    title: str
    paragraphs: list[str]
    quotes: list[Quote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[Timex] = field(default_factory=list)
    url: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def _at(text: str, needle: str, start: int = 0) -> int:
    pos = text.find(needle, start)
    if pos < 0:
        raise ValueError(f"{needle!r} is not in the story text")
    return pos


def actor_id(canonical: str, label: str) -> str:
    """A stable id per canonical actor, shaped like the pipeline's."""
    return hashlib.sha256(f"{label}:{canonical.lower()}".encode()).hexdigest()[:12]


def enriched(story: Story) -> Enriched:
    """The storage record of a story: article row plus entity, date and quote rows."""
    text = story.text
    article_id = f"art{story.n:03d}"
    url = story.url or f"https://{story.source}/{story.n}"
    art = Article(
        article_id=article_id,
        url=url,
        canonical_url=url,
        source=story.source,
        source_name=story.source.split(".")[0],
        title=story.title,
        authors=["Staff reporter"],
        published=story.published,
        published_source="meta:article:published_time" if story.published else None,
        modified=None,
        language="en",
        site_name=story.source,
        description=None,
        tags=[],
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest()[:16],
        fetched_at=datetime(2010, 3, 1, tzinfo=UTC),
        published_date=story.published.date() if story.published else None,
    )
    entities, cursor = [], Counter[str]()
    for mention, label, canonical in story.mentions:
        start = _at(text, mention, cursor[mention])
        cursor[mention] = start + len(mention)
        entities.append(
            {
                "text": mention,
                "label": label,
                "start_char": start,
                "end_char": start + len(mention),
                "sentence": text[:start].count(". "),
                "canonical": canonical,
                "actor_id": actor_id(canonical, label),
            }
        )
    dates = []
    for expression, value, granularity, relative in story.dates:
        start = _at(text, expression)
        dates.append(
            {
                "text": expression,
                "start_char": start,
                "end_char": start + len(expression),
                "type": "DATE",
                "value": value,
                "granularity": granularity,
                "anchor": art.published_date if relative else None,
                "relative": relative,
            }
        )
    quotes = []
    for quote, speaker, speaker_text, speaker_type, kind in story.quotes:
        start = _at(text, quote)
        cue = text.find(" said", start + len(quote))
        quotes.append(
            {
                "quote_id": hashlib.sha256(f"{article_id}:{start}".encode()).hexdigest()[:16],
                "text": quote,
                "start_char": start,
                "end_char": start + len(quote),
                "kind": kind,
                "speaker": speaker,
                "speaker_id": actor_id(speaker, "PERSON") if speaker else None,
                "speaker_text": speaker_text,
                "speaker_type": speaker_type,
                "cue": "said" if cue >= 0 else None,
                "cue_start": cue + 1 if cue >= 0 else None,
                "cue_end": cue + 5 if cue >= 0 else None,
                "paragraph": text[:start].count("\n"),
            }
        )
    return Enriched(art, entities=entities, dates=dates, quotes=quotes)


def when(year: int, month: int, day: int) -> datetime:
    """A publication timestamp (UTC, morning in Seoul)."""
    return datetime(year, month, day, 1, 30, tzinfo=UTC)


US, NK, SK, CN, JP = "United States", "North Korea", "South Korea", "China", "Japan"

STORIES: list[Story] = [
    Story(
        1,
        "wire.example",
        when(2009, 12, 8),
        "U.S. envoy heads to Pyongyang for rare direct talks",
        [
            "The U.S. special envoy for North Korea flew to Pyongyang on Tuesday for the first "
            "direct talks with the North since the six-party process stalled.",
            '"The visit is not a negotiation; it is an effort to bring North Korea back to the '
            'table," State Department spokeswoman Helen Marsh said.',
            "The talks last produced an agreement in 2005.",
        ],
        quotes=[
            (
                "The visit is not a negotiation; it is an effort to bring North Korea back to "
                "the table,",
                "Helen Marsh",
                "Helen Marsh",
                "named",
                "direct",
            )
        ],
        mentions=[
            ("U.S.", "GPE", US),
            ("North Korea", "GPE", NK),
            ("Pyongyang", "GPE", NK),
            ("Helen Marsh", "PERSON", "Helen Marsh"),
        ],
        dates=[("Tuesday", "2009-12-08", "day", True), ("2005", "2005", "year", False)],
    ),
    Story(
        2,
        "herald.example",
        when(2009, 12, 10),
        "Seoul welcomes 'useful' Pyongyang meeting",
        [
            "South Korea's chief nuclear envoy Park Min-jun called the meeting in Pyongyang "
            '"useful and candid" and said Seoul would consult Washington and Tokyo next month.',
            "Park said the Sept. 19, 2005 joint statement remained the basis of any deal.",
        ],
        quotes=[
            ("useful and candid", "Park Min-jun", "Park Min-jun", "named", "partial"),
            (
                "the Sept. 19, 2005 joint statement remained the basis of any deal",
                "Park Min-jun",
                "Park",
                "named",
                "indirect",
            ),
        ],
        mentions=[
            ("South Korea", "GPE", SK),
            ("Park Min-jun", "PERSON", "Park Min-jun"),
            ("Pyongyang", "GPE", NK),
            ("Seoul", "GPE", SK),
            ("Washington", "GPE", US),
            ("Tokyo", "GPE", JP),
            ("Park", "PERSON", "Park Min-jun"),
        ],
        dates=[
            ("next month", "2010-01", "month", True),
            ("Sept. 19, 2005", "2005-09-19", "day", False),
        ],
    ),
    Story(
        3,
        "wire.example",
        when(2009, 12, 11),
        "Beijing urges patience as talks stall",
        [
            '"All parties should show flexibility and patience," Chinese foreign ministry '
            "spokesman Li Wen said in Beijing on Friday.",
            '"We will judge Pyongyang by its actions," Marsh said in Washington.',
            "Both cited the Sept. 19, 2005 statement.",
        ],
        quotes=[
            (
                "All parties should show flexibility and patience,",
                "Li Wen",
                "Li Wen",
                "named",
                "direct",
            ),
            ("We will judge Pyongyang by its actions,", "Helen Marsh", "Marsh", "named", "direct"),
        ],
        mentions=[
            ("Li Wen", "PERSON", "Li Wen"),
            ("Beijing", "GPE", CN),
            ("Pyongyang", "GPE", NK),
            ("Marsh", "PERSON", "Helen Marsh"),
            ("Washington", "GPE", US),
        ],
        dates=[
            ("Friday", "2009-12-11", "day", True),
            ("Sept. 19, 2005", "2005-09-19", "day", False),
        ],
    ),
    Story(
        4,
        "herald.example",
        when(2010, 1, 5),
        "North Korea proposes peace treaty talks",
        [
            "North Korea on Monday proposed talks on a peace treaty to replace the 1953 "
            "armistice before it returns to the six-party table.",
            '"A peace regime must come first," an official who asked not to be named said.',
        ],
        quotes=[("A peace regime must come first,", None, None, "anonymous", "direct")],
        mentions=[("North Korea", "GPE", NK)],
        dates=[("Monday", "2010-01-04", "day", True), ("1953", "1953", "year", False)],
    ),
    Story(
        5,
        "asiadaily.example",
        when(2010, 1, 20),
        "Tokyo and Seoul align on sequencing",
        [
            "Japan's negotiator Takeshi Mori met Park Min-jun in Tokyo on Wednesday.",
            '"Denuclearisation cannot be an afterthought," Mori said.',
            "Park said the allies would meet again in February.",
        ],
        quotes=[
            (
                "Denuclearisation cannot be an afterthought,",
                "Takeshi Mori",
                "Mori",
                "named",
                "direct",
            ),
            (
                "the allies would meet again in February",
                "Park Min-jun",
                "Park",
                "named",
                "indirect",
            ),
        ],
        mentions=[
            ("Japan", "GPE", JP),
            ("Takeshi Mori", "PERSON", "Takeshi Mori"),
            ("Park Min-jun", "PERSON", "Park Min-jun"),
            ("Tokyo", "GPE", JP),
            ("Park", "PERSON", "Park Min-jun"),
        ],
        dates=[("Wednesday", "2010-01-20", "day", True), ("February", "2010-02", "month", True)],
    ),
    Story(
        6,
        "wire.example",
        when(2010, 2, 9),
        "China's envoy ends Pyongyang visit",
        [
            "China's envoy left Pyongyang on Tuesday after four days of meetings.",
            '"The door to dialogue remains open," Li Wen said, adding that North Korea had '
            "agreed to keep talking.",
        ],
        quotes=[("The door to dialogue remains open,", "Li Wen", "Li Wen", "named", "direct")],
        mentions=[
            ("China", "GPE", CN),
            ("Pyongyang", "GPE", NK),
            ("Li Wen", "PERSON", "Li Wen"),
            ("North Korea", "GPE", NK),
        ],
        dates=[("Tuesday", "2010-02-09", "day", True)],
    ),
    Story(
        7,
        "herald.example",
        None,
        "Analysis: what the Agreed Framework teaches",
        [
            "The October 1994 Agreed Framework froze the Yongbyon reactor for eight years.",
            '"It bought time, not trust," one analyst wrote.',
        ],
        quotes=[("It bought time, not trust,", None, "one analyst", "description", "direct")],
        mentions=[("Yongbyon", "GPE", "Yongbyon")],
        dates=[("October 1994", "1994-10", "month", False)],
    ),
]

LATEST_QUOTE = "The door to dialogue remains open,"


def expected(stories: list[Story]) -> dict[str, Any]:
    """What the report must count in a corpus of these stories."""
    quotes = [q for s in stories for q in s.quotes]
    dated = [s.published for s in stories if s.published]
    return {
        "articles": len(stories),
        "sources": len({s.source for s in stories}),
        "quotes": len(quotes),
        "attributed_quotes": sum(1 for q in quotes if q[1]),
        "speakers": len({q[1] for q in quotes if q[1]}),
        "actors": len({(m[2], m[1]) for s in stories for m in s.mentions}),
        "date_mentions": sum(len(s.dates) for s in stories),
        "first_published": min(dated).date().isoformat() if dated else "-",
        "last_published": max(dated).date().isoformat() if dated else "-",
        "undated_articles": sum(1 for s in stories if s.published is None),
        "speaker_quotes": Counter(q[1] for q in quotes if q[1]),
    }


def write_corpus(root: Path, stories: list[Story] | None = None) -> Dataset:
    """Commit the stories (default: all of STORIES) into a dataset at `root`."""
    chosen = STORIES if stories is None else stories
    dataset = Dataset(str(root))
    dataset.commit([enriched(s) for s in chosen], [], "run-test")
    dataset.close()
    return dataset
