"""Dates: temporal expressions found in an article and normalised to TIMEX3 values.

Detection is our own grammar of compiled patterns (spaCy's DATE/TIME entities miss many and
over-reach), with spaCy entities as extra candidates. Each expression is normalised against the
article's publication date (the anchor), with the tense of its clause deciding the direction of
relative expressions: "Thursday" in a Friday article's past-tense sentence is the day before,
"in January" is the January before or after the anchor. Without an anchor, the article's own
date line (a full date alone on one of its first three lines) stands in for it; without either,
relative expressions get unresolved values (`XXXX-XX-XX`), never a guess from the run date.

Granularity vocabulary: time, day, week, month, quarter, season, year, decade, century, ref
(PAST_REF/PRESENT_REF/FUTURE_REF), duration, set.
"""

from __future__ import annotations

import calendar
import itertools
import re
import re._constants as _c  # the parsed form of our own rules, to index them by their start
import re._parser as _parser
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from tasks.nlp import RECORDING_STAMP, doc_text, opens_line, token_at, verb_forms

MONTHS = {
    name: n
    for n, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: n
    for n, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "half": 0.5, "single": 1, "couple": 2, "dozen": 12,
}  # fmt: skip
VAGUE_NUMBERS = {"several", "few", "a few", "some", "many", "numerous"}
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "month": ("M", False), "year": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False), "night": ("D", False), "weekend": ("WE", False),
    "quarter": ("Q", False),
}  # fmt: skip
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
# "the third quarter", "this year's first quarter": which quarter a phrase names
_QUARTER_ORDINAL = re.compile(r"\b(first|second|third|fourth)\b")

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY_NAMES = tuple(name for name in WEEKDAYS if name.endswith("day"))  # written out
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
# a number in digits, with thousands separators or a decimal part ("10,000 years", "2.5 days")
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_DIGITS_ONLY = re.compile(_DIGITS)
_NUM_WORD = rf"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half|single|couple of|a couple of|a few|few|several|some|many|{_DIGITS})"
# ("twenty-one", "thirty five": a ten and a unit; not "an incomplete one six months late")
_NUM_WORD_COMPOUND = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]"
    rf"(?:one|two|three|four|five|six|seven|eight|nine)\b|{_NUM_WORD})"
)
# "eight trading days", "six straight days", "20 more years": counted, the adjective aside
_UNIT_ADJ = (
    r"(?:\s+(?:trading|business|working|straight|consecutive|more|additional|further|extra))?"
)
_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|century|centuries|nights?|weekends?|quarters?)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_TIME_OF_DAY = r"(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{1,2}:\d\d|[0-2]\d[0-5]\d(?=\s*(?:GMT|UTC)\b)|(?<=\bat\s)[0-2]\d[0-5]\d(?=\s+(?:local\s+time|hours)\b)|noon|mid-?day\b|midnight)"
# a time zone after a clock time ("10 a.m. EST"), in capitals even inside an IGNORECASE pattern:
# read case-blind, "Sat" of "noon Saturday" and "tha" of "10 a.m. that day" were zones and cut
# the span short
_ZONE = r"(?:\s+(?-i:[A-Z]{2,4}T|GMT|UTC)\b)?"
_HOLIDAY = r"christmas(?:\s+(?:day|eve))?\b|new\s+year's\s+(?:day|eve)\b|thanksgiving(?:\s+day)?\b|election\s+day\b|independence\s+day\b|(?:the\s+)?fourth\s+of\s+july\b|labor\s+day\b|memorial\s+day\b|veterans\s+day\b|halloween\b|valentine's\s+day\b|easter\s+monday\b|easter(?:\s+sunday)?\b|good\s+friday\b|boxing\s+day\b|black\s+friday\b|cyber\s+monday\b|(?:st\.?\s+)?patrick's\s+day\b|mother's\s+day\b|father's\s+day\b|presidents'?\s+day\b|martin\s+luther\s+king(?:\s+jr\.?)?\s+day\b|columbus\s+day\b|bastille\s+day\b|(?:the\s+)?lunar\s+new\s+year(?:'s)?(?:\s+(?:holidays?|day))?\b|(?:the\s+)?spring\s+festival\b|chinese\s+new\s+year\b|seollal\b"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
# "nineteen ninety-six" (broadcast transcripts), "the year two thousand (and) one"
_SPELLED_YEAR = rf"(?:seventeen|eighteen|nineteen)[- ](?:{_TENS}(?:[- ]{_ONES})?|{_TEENS}|hundred)(?![- ](?:{_ONES}|{_TENS}|{_TEENS}|hundred|thousand|million|billion|percent|dollars?|cents?|people|points?)\b)|(?<=year\s)two[- ]thousand(?:(?:\s+and)?[- ](?:{_TEENS}|{_ONES}))?"
_AND_A_HALF = r"(?:\s+and\s+a\s+half|\s+1/2|-and-a-half)"
_POD = r"(?:morning|afternoon|evening|night)"
_DAY_MODIFIER = r"(?:last|next|this\s+past|this\s+coming)"
_DAY_MODIFIER_RX = re.compile(rf"{_DAY_MODIFIER}\s+")
# "the previous Friday", "the following Monday": counted from the day the story tells of
_STORY_DAY_EARLIER = ("previous", "preceding", "prior")
_STORY_DAY_LATER = ("following",)
_STORY_DAY_MODIFIER = rf"the\s+(?:{'|'.join(_STORY_DAY_EARLIER + _STORY_DAY_LATER)})"
_STORY_DAY_MODIFIER_RX = re.compile(_STORY_DAY_MODIFIER)
# how a weekday's modifier opens, by the week it points to (the text is lower-cased, one space)
_LAST_WEEK_OPENERS = ("last", "this past", *(f"the {w}" for w in _STORY_DAY_EARLIER))
_NEXT_WEEK_OPENERS = ("next", "this coming", *(f"the {w}" for w in _STORY_DAY_LATER))
# a second vague unit joined to the first: "weeks or months", "days or even weeks"
_OR_UNITS = r"(?:\s+(?:or|and)\s+(?:even\s+)?(?:days|weeks|months|years|decades))"

# One alternation, longest and most specific patterns first; each group names the rule.
_PATTERNS: list[tuple[str, str]] = [
    # a live page's time stamp, four figures opening an entry ("0712: Diplomats in Beijing
    # say ...", "1140 President Bush announces ..."): read so only on a page of them (_live_page)
    ("live_stamp", r"[0-2]\d[0-5]\d(?=:[ \t]|[ \t]+(?-i:(?!GMT\b|UTC\b)[A-Z]))"),
    # "2009-12-22 11:05", and the time stamps of East Asian wire copy ("2009/12/22 11:05 KST")
    (
        "iso_datetime",
        rf"\b{_YEAR}(?:-\d\d-\d\d|/\d\d/\d\d|\.\d\d\.\d\d)[T ]\d\d:\d\d(?::\d\d)?\b",
    ),
    # "2009-12-08", and the year-first dates of East Asian copy, "2009/12/08", "2009.12.08"
    (
        "iso_date",
        rf"\b{_YEAR}-[01]\d-[0-3]\d\b|\b{_YEAR}/[01]?\d/[0-3]?\d\b|\b{_YEAR}\.[01]?\d\.[0-3]?\d\b",
    ),
    ("numeric_date", r"\b[01]?\d/[0-3]?\d/(?:\d{4}|\d\d)\b"),
    (
        "time_date",
        rf"\b{_TIME_OF_DAY}{_ZONE}(?:\s*,?\s+(?:on\s+)?(?:{_WEEKDAY}|today|tonight|this\s+(?:morning|afternoon|evening)|last\s+night|yesterday|tomorrow|{_MONTH}\s+{_DAYNUM}(?:,?\s+{_YEAR})?))?",
    ),
    (
        "month_day_range",
        rf"\b{_MONTH}\s+{_DAYNUM}\s*(?:-|–|to|through)\s*{_DAYNUM}(?:\s*,?\s+{_YEAR})?",
    ),
    # "last Oct. 23", "next March 5" (AP style): the day before or after the anchor, whatever
    # the distance, not "last Oct." and a stray number
    # "Sept. 19 last year", "19 September this year": a day of the year before or of this one
    (
        "day_of_year",
        rf"\b(?:{_MONTH}\s+{_DAYNUM}|{_DAYNUM}\s+(?:of\s+)?{_MONTH})\s*,?\s+(?:of\s+)?(?:last|this|next)\s+year\b",
    ),
    (
        "month_day_year",
        rf"\b(?:{_DAY_MODIFIER}\s+)?(?:{_WEEKDAY}(?:\s+{_POD}\s*,)?\s*,?\s+)?{_MONTH}\s+{_DAYNUM}(?:\s*,?\s+{_YEAR})?\b",
    ),
    (
        "day_month_year",
        rf"\b(?:{_WEEKDAY}(?:\s+{_POD}\s*,)?\s*,?\s+)?{_DAYNUM}\s+(?:of\s+)?{_MONTH}(?:\s*,?\s+{_YEAR})?\b",
    ),
    (
        "holiday",
        rf"\b(?:(?:last|next|this|this\s+past)\s+)?(?:{_HOLIDAY})(?:\s*,?\s+{_YEAR}\b)?",
    ),
    (
        "month_year",
        rf"\b(?:(?:early|mid|late)[- ])?{_MONTH}\s*,?\s+(?:of\s+)?(?:{_YEAR}|{_SPELLED_YEAR})\b",
    ),
    (
        "year_ago_period",
        r"\b(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?:year-earlier|year-ago|year\s+earlier|year\s+ago)(?:\s+(?:(?:first|second|third|fourth)[- ])?(?:quarter|period|months?))?\b",
    ),
    # "the same month a year ago", "the corresponding period last year": one expression, the
    # month or quarter the story is about, a year before (not "a year ago" alone: a year)
    (
        "same_period",
        r"\bthe\s+(?:(?:same|corresponding|comparable)\s+)?(?:month|quarter|period)\s+(?:of\s+)?(?:a\s+year\s+(?:ago|earlier|before)|(?:the\s+)?(?:last|previous|prior)\s+year)\b",
    ),
    # "this year's third quarter", "last year's quarter": one expression, the quarter of the
    # year named (TIMEX3 takes the whole noun phrase, not "this year" and "quarter" apart)
    (
        "year_quarter",
        rf"\b(?:(?:this|last|next)\s+year|{_YEAR})['’]s\s+(?:(?:first|second|third|fourth)[- ])?(?:fiscal[- ])?quarter\b",
    ),
    ("period", rf"\bthe\s+(?:latest|{_YEAR})\s+(?:fiscal\s+)?period\b"),
    (
        "year_phrase",
        rf"\b(?:the\s+)?(?:fiscal\s+)?year(?=\s+(?:ended|ending)\b)|\bthe\s+(?:(?:current|full|latest|last|previous|prior)\s+(?:fiscal|calendar)\s+year|(?:current|full|calendar)\s+year|fiscal\s+year)\b(?!\s*(?:{_YEAR}|'?\d\d\b))|\b(?:year[- ]end|year's\s+end|the\s+end\s+of\s+(?:the|this)\s+year)\b",
    ),
    # "the year 2000": one expression, not "the year" (the current one) and a number
    ("the_year_n", rf"\bthe\s+year\s+{_YEAR}\b"),
    ("spelled_year", rf"\b(?:the\s+year\s+)?(?:{_SPELLED_YEAR})\b"),
    (
        "century",
        r"\b(?:the\s+)?(?:(?:1\d|2[01]|[1-9])(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]first)[- ]century\b",
    ),
    (
        "quarter",
        rf"\b(?:the\s+)?(?:(?:{_YEAR}\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)[- ]|(?:last|final|latest|current|next|previous)[- ]|{_YEAR}\s+)(?:fiscal[- ])?quarter(?:\s+of\s+(?:(?:fiscal\s+)?{_YEAR}|(?:last|this|next)\s+year))?\b",
    ),
    # "Q4 2012", "1Q13", "H2 2012", "the Q3": a quarter or half in the codes of business copy,
    # in capitals (a bare "Q3" may be a car, so only after "the" without a year)
    (
        "quarter_code",
        r"(?-i:(?:Q[1-4]|[1-4]Q|H[12])(?:\s*\d{4}|['’]?\d\d)|(?:the|The)\s+Q[1-4])\b",
    ),
    (
        "half_year",
        # not "the second half of March": part of a month (or a game) is no half year
        rf"\b(?:the\s+)?(?:first|second|latter|last)[\s-]half(?:\s+of\s+(?:the\s+year|{_YEAR}|(?:last|this|next)\s+year))?\b(?!\s+of\b)",
    ),
    # "fiscal 2014", "FY2014", "FY 14": the fiscal year is its year, as TimeBank writes it
    ("fiscal_year", rf"\b(?:fiscal(?:\s+year)?\s+|FY\s?)(?:{_YEAR}|'?\d\d)\b"),
    (
        "decade",
        r"\b(?:the\s+)?(?:(?:early|mid|late)[- ])?(?:1[6-9]|20)\d0'?s\b|\b(?:the\s+)?(?:(?:early|mid|late)[- ])?'\d0s\b|\bthe\s+[2-9]0s\b|(?<=0s\sand\s)(?:'\d|[2-9])0s\b|\bthe\s+(?:(?:early|mid|late)[- ])?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
    ),
    # "since '82": a two-digit year after a preposition
    (
        "apos_year",
        r"\b(?:since|in|of|from|until|by|before|after|class\s+of)\s+'\d\d\b(?!'?s)",
    ),
    (
        "season",
        rf"\b(?:(?:this|last|next|the|that|early|late|this\s+past|the\s+coming|the\s+(?:following|next))\s+(?:spring|summer|autumn|fall|winter)|(?:spring|summer|autumn|winter))(?:\s+(?:of\s+)?(?:{_YEAR}|{_SPELLED_YEAR})|\s+of\s+(?:last|this|next)\s+year)?\b|\bfall\s+(?:of\s+)?{_YEAR}\b",
    ),
    # "the first Monday in October", "the last Friday of the month": that day of that month
    (
        "nth_weekday",
        rf"\b(?:the\s+)?(?:first|second|third|fourth|last)\s+{_WEEKDAY}\s+(?:of|in)\s+(?:{_MONTH}(?:\s*,?\s*{_YEAR})?|(?:the|this|next|last)\s+month)\b",
    ),
    # "the last week of March": the ISO week most of whose days are that week of the month
    (
        "week_of_month",
        rf"\b(?:the\s+)?(?:first|second|third|fourth|last|final)\s+week\s+(?:of|in)\s+{_MONTH}(?:\s*,?\s*{_YEAR})?\b",
    ),
    (
        "ago",
        rf"\b{_NUM_WORD_COMPOUND}{_AND_A_HALF}?\s+{_UNIT}(?:\s+and\s+a\s+half)?\s+(?:ago(?:\s+(?:today|this\s+(?:week|month)))?|earlier|before|later|from\s+now|hence)\b",
    ),
    (
        "rel_unit",
        # "The day before, China had warned": the day before the one the story last named;
        # not "the day before the vote", whose day is the event's ("launched a rocket the month
        # before": the month before the one named)
        r"\bthe\s+(?:day|week|month|year)\s+(?:before|after)(?=\s*[,.;:!?]|\s*$)|"
        # "the week before last": two weeks back
        r"\bthe\s+(?:week|month|year|weekend)\s+before\s+last\b|"
        # "said the next day that ...", "confirmed earlier in the day that ...": the verb's
        # clause, not "the day that" of a relative one
        r"\b(?:the\s+(?:next|following)|(?:earlier|later)\s+in\s+the)\s+day(?=\s+that\b)|"
        # "Rice said the same day that ...", but not "on the same day that he resigned"
        r"(?<!\bon\s)\b(?:the|that)\s+same\s+day(?=\s+that\b)|"
        r"\b(?:(?:earlier|later)\s+(?:this|in\s+the)\s+|the\s+(?:very\s+)?(?:past|last|previous|prior|preceding|coming|next|following)\s+|(?:this|last|next|the\s+same|that(?:\s+same)?|the)\s+(?:past\s+)?)(?:week|month|year|decade|century|weekend|quarter|day(?!-)(?!\s+(?:of|before|after|when|that|or|and)\b))\b(?!-(?:to|over|on)-)(?!-long\b)",
    ),
    # "today is the eighth day of Desert Shield", "it's the second day of an offensive": the
    # day of an ongoing event counted in a present copula whose subject is the present ("today",
    # "it", "this") is the day of writing (both TimeBank uses are so annotated; "Monday is the
    # 12th day" names Monday, "it was the third consecutive month" is past: neither matched)
    (
        "nth_day",
        r"(?:(?<=\btoday\sis\s)|(?<=\bit\sis\s)|(?<=\bit's\s)|(?<=\bit’s\s)|(?<=\bthis\sis\s))(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,3}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+)?day(?=\s+of\b)",
    ),
    # "said on the 9th that ...", "will visit on the 15th.": a day of the month by its number
    # alone, as East Asian wire copy writes it; only after "on" (or "until", "by", "scheduled
    # for", "this coming Monday, ...") and before punctuation or a word that ends the phrase,
    # not "on the 11th Circuit", "on the 20th anniversary"
    (
        "day_of_month",
        r"(?:(?<=\bon\s)|(?<=\buntil\s)|(?<=\btill\s)|(?<=\bby\s)|(?<=\bsince\s)|(?<=\bdue\s)"
        r"|(?<=\bscheduled\sfor\s)|(?<=\bset\sfor\s)|(?<=\bplanned\sfor\s)"
        + "".join(f"|(?<=\\b{day},\\s)" for day in _WEEKDAY_NAMES)
        + r")"
        r"the\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
        r"(?:\s+of\s+(?:this|last|next)\s+month)?"
        r"(?=\s*[,.;:)]|\s+(?:and|or|to|through|at|in|when|that|as|after|before|but|with|for|"
        r"from|during|amid|if|because|while)\b)",
    ),
    # "talks will resume in the new year": the coming year, near a year's end; the year just
    # begun, near its start; not "the New Year holiday" (a noun after it), nor New Year's Day
    (
        "new_year",
        r"(?:(?<=\bin\s)|(?<=\binto\s)|(?<=\buntil\s)|(?<=\bafter\s)|(?<=\bsince\s)|"
        r"(?<=\bby\s))the\s+new\s+year\b"
        r"(?=\s*[,.;:)]|\s+(?:and|or|to|at|when|as|after|before|but|with|for|if|in|on|amid)\b)",
    ),
    # "a day-long meeting", "a yearlong inquiry": a span of one such unit (TIMEX3 DURATION
    # P1D, P1Y), with no number before it for the `duration` rule to count
    ("unit_long", r"\b(?:hour|day|week|month|year|decade)-?long\b"),
    (
        "past_units",
        rf"\b(?:the\s+)?(?:past|last|next|coming|previous|following|first|final)\s+{_NUM_WORD_COMPOUND}{_UNIT_ADJ}\s+{_UNIT}\b",
    ),
    # "on Sundays", "Tuesday nights": every such day (TIMEX3 SET), not one of them
    (
        "weekday_set",
        r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days(?:\s+(?:mornings|afternoons|evenings|nights))?|(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:mornings|afternoons|evenings|nights))\b",
    ),
    (
        "weekday_rel",
        rf"\b(?:(?:last|next|this|this\s+past|this\s+coming|early|late|{_STORY_DAY_MODIFIER})\s+)?{_WEEKDAY}(?:\s+(?:{_POD}))?(?!\w)",
    ),
    (
        "day_words",
        rf"\b(?:the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow)|(?:yesterday|today|tomorrow)(?:\s+{_POD})?|tonight|(?:this|last|that|the\s+(?:next|following))\s+{_POD}|(?:mid|early|late)[- ]?(?:morning|afternoon|evening)(?:\s+(?:yesterday|today|tomorrow))?)\b",
    ),
    (
        "month_of_year",
        rf"\b(?:(?:early|mid|late)[- ])?{_MONTH}\s+(?:of\s+)?(?:last|this|next)\s+year\b",
    ),
    (
        "month_rel",
        r"\b(?:(?:last|next|this|this\s+past|that)\s+|(?:early|mid|late)[- ])?(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?",
    ),
    (
        "month_may",
        # capitalised: "this may have an impact" is the modal verb
        r"\b(?:last|next|this|early|mid|late)\s+(?-i:May)\b|(?:(?<=\bin )|(?<=\bsince )|(?<=\buntil )|(?<=\bby )|(?<=\bof )|(?<=\bfrom ))(?-i:May)\b"
        # "pushed back to May", "postponed to May" (not "spoke to May", a name)
        r"|(?:(?<=\bback to )|(?<=\bforward to )|(?<=\bponed to )|(?<=\blayed to )|(?<=\bmoved to ))(?-i:May)\b(?!\s+[A-Z])",
    ),
    # "half a year", "half an hour", "more than half a century": half the unit, not the unit
    ("half_unit", r"\bhalf\s+an?\s+(?:year|month|day|hour|minute|decade|century)\b"),
    (
        "duration",
        rf"\b(?:(?:the|a|an)\s+)?(?:(?:past|last|next|coming|first|previous|final|following)\s+)?{_NUM_WORD_COMPOUND}{_AND_A_HALF}?{_UNIT_ADJ}[- ]{_UNIT}(?:[- ]long|[- ]old|\s+and\s+a\s+half)?\b(?!-(?:earlier|ago)\b)",
    ),
    # "for weeks or months", "days or even weeks": one vague span, the first unit's (TimeBank
    # takes "weeks or months" whole, PXW), not a second expression for the other unit
    (
        "bare_unit_duration",
        rf"\b(?:years|decades|months|weeks|centuries){_OR_UNITS}?\b|\bdays{_OR_UNITS}\b",
    ),
    (
        "basis_set",
        r"(?:(?<=\bon\sa\s)|(?<=\bon\san\s))(?:daily|weekly|monthly|yearly|annual|quarterly|hourly)(?=\s+basis\b)",
    ),
    (
        "set",
        rf"\b(?:every|each)\s+(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|(?-i:May)|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\b(?:every|each|per)\s+(?:other\s+)?(?:{_WEEKDAY}(?:\s+{_POD})?|day|week|month|year|quarter|hour|minute|morning|night|evening|{_NUM_WORD}\s+{_UNIT})\b|\b(?:daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly|biweekly)\b|\b(?:every|each)\s+(?:(?:spring|summer|autumn|fall|winter)\b|{_HOLIDAY})",
    ),
    # not the last group of a telephone number ("0151 702 2071", "(212) 555-2012"): a year is
    # never written after a group of three digits alone
    (
        "year",
        rf"(?<![\d.,$#])(?<![^\d]\d{{3}}[ -])\b(?:(?:early|mid|late)[- ])?{_YEAR}\b(?![\d,.]\d)(?!\s*(?:%|percent|people|troops|votes|dollars|miles))",
    ),
    (
        "ref",
        rf"\b(?:now|nowadays|currently|presently|at present|at the moment|these days|right now|today's|recently|(?:in\s+)?recent\s+(?:years|months|weeks|days|quarters){_OR_UNITS}?|recent|current|lately|formerly|previously|once|in the past(?!\s+(?:{_NUM_WORD_COMPOUND}\s+)?{_UNIT})|the past(?!\s+(?:{_NUM_WORD_COMPOUND}\s+)?{_UNIT})|earlier|in the future|the (?:very\s+)?near future|the future|the (?:near|short|long|longer|medium)[- ]term|future|as soon as possible|soon|shortly|later|eventually|(?:in\s+)?(?:the\s+)?coming\s+(?:days|weeks|months|years|quarters){_OR_UNITS}?|the moment|this time|the time being|for now)\b",
    ),
]
# Every rule starts at a word boundary before a word character, or at an apostrophe that opens a
# word ("and '80s"). Saying so once, in front of the alternation, lets the scanner skip the inside
# of words instead of trying ~25 rules at every character: 4.75 -> 1.94 ms per article (150 bench
# articles and 200 TimeBank texts, identical matches).
_SPELLED_RX = re.compile(_SPELLED_YEAR, re.IGNORECASE)
_UNIT_ADJ_RX = re.compile(rf"{_UNIT_ADJ}(?=[- ]{_UNIT}\b)")
_WORD_START = r"(?:(?=\w)\b|(?<!\w)(?='))"


@cache
def _master() -> re.Pattern[str]:
    """Every rule in one alternation. Compiling it takes ~80 ms, and only a word in another
    script (_Scanner) or an expression handed to `normalize` alone needs it: a process compiles it
    when it first does, not when it imports this module."""
    return re.compile(
        _WORD_START + "(?:" + "|".join(f"(?P<{name}>{rx})" for name, rx in _PATTERNS) + ")",
        re.IGNORECASE,
    )


# ---- scanning -------------------------------------------------------------------------------
_WILD = "\x00"  # any character at this place of a prefix
_PREFIX = 3  # characters of a word the scanner dispatches on
# characters a crowded word start dispatches on, and the rules _PREFIX characters leave above
# which it is crowded (see _Scanner)
_LONG_PREFIX = 6
_CROWDED = 4
_ASCII_SPACE = frozenset(ch for ch in map(chr, range(128)) if ch.isspace())  # \s, as `re` reads it
# The scanner reads every digit as "0", in the rules' starts and in the text alike: the index
# stays small (building it took 98 ms a process with each digit apart, 21 ms so), and a word
# that starts with digits still tries only the rules that can start with digits. Every ASCII
# space reads as " " alike: "\s+" would otherwise make 6**k starts of k spaces (the index of
# _LONG_PREFIX characters took 8.6 s to build so, 63 ms with one space).
_FOLD = str.maketrans({**dict.fromkeys("123456789", "0"), **dict.fromkeys(_ASCII_SPACE, " ")})
# for each length up to _LONG_PREFIX, every choice of places that a rule's start leaves to any
# character
_WILD_MASKS = [list(itertools.product((False, True), repeat=n)) for n in range(_LONG_PREFIX + 1)]


def _prefixes(items: list[tuple[Any, Any]], n: int) -> set[str] | None:
    """Lower-cased strings of up to n characters that every match of a parsed regex starts with;
    a string shorter than n is a whole match (what follows comes from outside it). Zero-width
    assertions are looked through, so the set is a superset; None when it cannot be bounded."""
    frontier: set[str] = {""}
    done: set[str] = set()
    for op, av in items:
        grown: set[str] = set()
        for head in frontier:
            tails = _item_prefixes(op, av, n - len(head))
            if tails is None:
                return None
            for tail in tails:
                (done if len(head + tail) == n else grown).add(head + tail)
        frontier = grown
        if not frontier:
            break
    return done | frontier


def _item_prefixes(op: Any, av: Any, n: int) -> set[str] | None:
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {""}
    if op is _c.LITERAL:
        return {_ascii_or_wild(chr(av).lower())}
    if op is _c.IN:
        chars = _class_chars(av)
        return {_WILD} if chars is None else {_ascii_or_wild(ch) for ch in chars}
    if op is _c.SUBPATTERN:
        return _prefixes(av[-1], n)
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            got = _prefixes(alt, n)
            if got is None:
                return None
            out |= got
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        least, most, sub = av
        out, frontier = set(), {""}
        for count in range(n + 2):  # each useful repetition adds a character
            if count >= least:
                out |= frontier
            if count == most or not frontier:
                break
            grown: set[str] = set()
            for head in frontier:
                if len(head) == n:
                    out.add(head)
                    continue
                tails = _prefixes(sub, n - len(head))
                if tails is None:
                    return None
                grown |= {head + tail for tail in tails}
            if grown == frontier:
                break  # the repeated part matched only the empty string
            frontier = grown
        return out
    if op in (_c.ANY, _c.NOT_LITERAL):
        return {_WILD}  # exactly one character, any (or all but one)
    return None  # a back-reference, a conditional, an atomic group: not bounded here


def _ascii_or_wild(ch: str) -> str:
    # a non-ASCII letter can fold to an ASCII one under IGNORECASE (the long s to "s"); every
    # digit stands for all ten, every space for all six (_FOLD), or "\d\d\d" alone would make
    # 1,000 starts
    return (ch if ch.isascii() else _WILD).translate(_FOLD)


def _class_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av).lower())
        elif op is _c.RANGE and av[1] - av[0] < 256:
            out.update(chr(n).lower() for n in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            out.update("0123456789")  # a word in another script takes the whole alternation
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            out.update(_ASCII_SPACE)
        else:  # a negated class, \w, a wide range
            return None
    return out


class _Scanner:
    """`_master().finditer` that tries at each word start only the rules that can begin with its
    first three characters, in rule order, so the same rule wins: the `re` engine otherwise tries
    all 38 rules of the alternation at every word. Dispatching on two characters left 5.3 rules a
    word and ran 2.4-2.8 ms per article (200 bench texts); three leave 2.3 and run 1.6-1.9 ms,
    with identical matches on 1,380 texts (bench, PolNeAR, TimeBank, AQUAINT).
    Each rule is compiled alone (~20 ms for all): one alternation per set of rules ran 1.3 ms per
    article but took ~0.9 s to compile its 58 sets.
    A word whose three characters leave more than _CROWDED rules ("the" leaves 19, and comes 41
    times an article) is dispatched again on its first _LONG_PREFIX characters ("the pr"): the
    bench articles tried 1,139 rules an article, 344 so (dates 3.6 -> 3.0 ms an article), with
    the same matches. The index of long starts takes ~70 ms to build, once a process, when the
    first crowded word asks for it."""

    def __init__(self, patterns: list[tuple[str, str]]) -> None:
        self._rules = [
            re.compile(f"{_WORD_START}(?P<{name}>{rx})", re.IGNORECASE) for name, rx in patterns
        ]
        # each possible start of a rule (up to _PREFIX characters, _WILD for any) -> the rules
        # that can begin so; rules whose starts are unbounded are tried at every word
        self._by_start, self._anywhere = self._start_index(patterns, _PREFIX)
        # ASCII keys of word starts only: at most a few thousand entries however long a worker
        # runs (5,943 after 1,380 texts)
        self._by_key: dict[str, tuple[re.Pattern[str], ...]] = {}
        # the same of _LONG_PREFIX characters, for crowded word starts only (built when first asked)
        self._patterns = patterns
        self._by_long_start: dict[str, set[int]] | None = None
        self._long_anywhere: set[int] = set()
        self._by_long_key: dict[str, tuple[re.Pattern[str], ...]] = {}

    @staticmethod
    def _start_index(
        patterns: list[tuple[str, str]], length: int
    ) -> tuple[dict[str, set[int]], set[int]]:
        """(start of up to `length` characters -> the rules that can begin so, the rules whose
        starts are unbounded)."""
        by_start: dict[str, set[int]] = {}
        anywhere: set[int] = set()
        for n, (_name, rx) in enumerate(patterns):
            starts = _prefixes(_parser.parse(rx, re.IGNORECASE).data, length)
            if starts is None:
                anywhere.add(n)
                continue
            for start in starts:
                by_start.setdefault(start, set()).add(n)
        return by_start, anywhere

    @staticmethod
    def _starting(key: str, by_start: dict[str, set[int]]) -> set[int]:
        """The rules of an index that can begin with `key`."""
        found: set[int] = set()
        for length in range(len(key) + 1):  # a start shorter than the key is a whole match
            for wild in _WILD_MASKS[length]:
                start = "".join(_WILD if w else ch for w, ch in zip(wild, key, strict=False))
                found |= by_start.get(start, set())
        return found

    def _candidates(self, key: str) -> tuple[re.Pattern[str], ...]:
        found = self._anywhere | self._starting(key, self._by_start)
        return tuple(self._rules[n] for n in sorted(found))

    def _long_candidates(self, key: str) -> tuple[re.Pattern[str], ...]:
        if self._by_long_start is None:
            self._by_long_start, self._long_anywhere = self._start_index(
                self._patterns, _LONG_PREFIX
            )
        # a rule must be able to begin with the key's first _PREFIX characters and with all of it
        found = (self._anywhere | self._starting(key[:_PREFIX], self._by_start)) & (
            self._long_anywhere | self._starting(key, self._by_long_start)
        )
        return tuple(self._rules[n] for n in sorted(found))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Every match of the rules, left to right, as `_master().finditer(text)` gives them."""
        by_key = self._by_key
        by_long_key = self._by_long_key
        pos = 0
        for start in _WORD_STARTS.finditer(text):
            at = start.start()
            if at < pos:
                continue
            key = text[at : at + _PREFIX].lower().translate(_FOLD)
            if not key.isascii():
                m = _master().match(text, at)  # another script: the whole alternation
            else:
                rules = by_key.get(key)
                if rules is None:
                    rules = by_key[key] = self._candidates(key)
                if len(rules) > _CROWDED:
                    long_key = text[at : at + _LONG_PREFIX].lower().translate(_FOLD)
                    if long_key.isascii():  # else the rules of the first characters
                        crowded = by_long_key.get(long_key)
                        if crowded is None:
                            crowded = by_long_key[long_key] = self._long_candidates(long_key)
                        rules = crowded
                m = None
                for rule in rules:
                    m = rule.match(text, at)
                    if m is not None:
                        break
            if m is not None:
                pos = m.end() if m.end() > at else at + 1
                yield m


_WORD_STARTS = re.compile(_WORD_START)
# between a date and the weekday that describes it: "Dec. 18, a Wednesday"
_WEEKDAY_APPOSITION = re.compile(r"\s*,\s*(?:a\s+|an\s+)?")
# "Thursday last week", "Monday of next week": that weekday of the week named after it
_OF_WEEK = re.compile(r"\s+(?:of\s+)?(?P<which>last|next|this)\s+week\b", re.IGNORECASE)
# a weekday and its day of the month set off after it: "next Tuesday, the 14th"
_WEEKDAY_THE_NTH = re.compile(r",\s+the\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b")
# between the two days of a range: "from Monday to Friday", "Tuesday through Thursday"
_DAY_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till|into)\s*", re.IGNORECASE)
_WEEKDAY_WORD = re.compile(rf"\b{_WEEKDAY}", re.IGNORECASE)  # a range that starts on a weekday
_SCANNER = _Scanner(_PATTERNS)
# Publication years an anchor may have: they leave the rules a thousand years either way of it
# for their arithmetic ("the previous year", "a decade ago"), which past year 1 or 9999 raises
_ANCHOR_YEARS = range(1000, 9000)
_UNRESOLVED_DAY = "XXXX-XX-XX"


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    """One temporal expression with its TIMEX3 type and value."""

    text: str
    start_char: int
    end_char: int
    type: str  # DATE | TIME | DURATION | SET
    value: str
    granularity: str
    anchor: date | None
    relative: bool


# ---- calendar helpers -----------------------------------------------------------------------
def _add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    year, month = d.year + m // 12, m % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _quarter_shifted(year: int, quarter: int, by: int) -> str:
    """The TIMEX3 value of the quarter `by` quarters after (before, when negative) the one given."""
    n = year * 4 + quarter - 1 + by
    return f"{n // 4}-Q{n % 4 + 1}"


def _num(text: str) -> float | None:
    t = text.lower().strip()
    if t in VAGUE_NUMBERS:
        return None
    if _DIGITS_ONLY.fullmatch(t):  # "10,000 years"
        return float(t.replace(",", ""))
    if t in ("couple of", "a couple of"):
        return 2.0
    parts = re.split(r"[- ]", t)
    total = 0.0
    for p in parts:
        if p in ("of",):
            continue
        if p not in NUMBERS:
            return None
        total += NUMBERS[p]
    return total


def _fmt_num(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if float(n).is_integer() else str(n)


# half of a unit, by its code and whether it is a time's ("M" is a month's and a minute's)
_HALVES = {
    ("Y", False): (6, "M", False),
    ("M", False): (15, "D", False),
    ("W", False): (3.5, "D", False),
    ("D", False): (12, "H", True),
    ("H", True): (30, "M", True),
    ("M", True): (30, "S", True),
}


def _duration(n: float | None, unit: str) -> str:
    unit = unit.lower().rstrip("s").replace("centurie", "century")  # "centuries" less its "s"
    code, is_time = UNITS.get(unit, ("D", False))
    if n is not None and n == 0.5 and (code, is_time) in _HALVES:
        # half a year -> P6M, half an hour -> PT30M, half a minute -> PT30S
        value, code, is_time = _HALVES[(code, is_time)]
        return f"P{'T' if is_time else ''}{_fmt_num(value)}{code}"
    if code == "DE" and n is not None:
        return f"P{_fmt_num(n * 10)}Y"
    if code == "CE" and n is not None:
        return f"P{_fmt_num(n * 100)}Y"
    if code in ("DE", "CE"):
        # "for decades" PXE, "for centuries" PXC: TimeML's letters for the units (TimeBank)
        return f"PX{'E' if code == 'DE' else 'C'}"
    if code == "WE":
        return f"P{_fmt_num(n)}WE"
    if code == "Q":
        return f"P{_fmt_num(n)}Q"  # TimeBank keeps quarters: "the past two quarters" P2Q
    return f"P{'T' if is_time else ''}{_fmt_num(n)}{code}"


# ---- tense ----------------------------------------------------------------------------------
# verbs of expecting and planning, in every tense: what they look to lies ahead of when they were
# said, so their own past tense tells nothing of the date's direction
_EXPECTING = verb_forms("expect anticipate plan hope predict forecast project intend")


# verbs of agreeing and promising: a deadline they set ("by December") lies ahead of them
_COMMITTING = verb_forms("agree promise pledge vow commit undertake")


# prepositions after which a gerund says what someone was judged for ("guilty of", "fined for",
# "charged with")
_JUDGED_FOR = frozenset({"of", "for", "with"})


def _judged_in_past(governor: Token) -> bool:
    """Whether a preposition hangs on a verb in the simple past or passive, or on an adjective
    such a verb governs ("was convicted of", "were found guilty of"), not on a noun ("plans
    for") nor a verb in progress."""
    verb = governor.head if governor.pos_ == "ADJ" else governor
    return verb.tag_ in ("VBD", "VBN") and clause_tense(verb) == "past"


def _deadline(token: Token, verb: Token) -> bool:
    """Whether a time is the object of "by" under a verb ("agreed to disable it by Dec. 31")."""
    for ancestor in token.ancestors:
        if ancestor.i == verb.i:
            return False
        if ancestor.lower_ == "by" and ancestor.pos_ == "ADP":
            return True
    return False


def _misread_noun(token: Token) -> bool:
    """A plural noun the tagger read as a verb, which the parser still made a subject or an
    object: "The missile launches in July were a provocation" ("launches" a VBZ)."""
    return token.tag_ == "VBZ" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")


def clause_tense(token: Token | None) -> str | None:
    """past | future | present for the clause governing a token (None when unknown)."""
    if token is None:
        return None
    head = token
    for _ in range(40):
        if head.lower_ == "since":
            return "past"  # "since January": a January before the anchor
        if (head.pos_ in ("VERB", "AUX") and not _misread_noun(head)) or (
            head.dep_ == "ROOT" or head.head.i == head.i
        ):
            break
        if head.tag_ == "NNS" and any(c.dep_ == "prt" for c in head.children):
            # "who held a summit in October and steps down in February": a verb with its
            # particle the tagger read as a plural noun, in the present (the nearest month)
            return None
        head = head.head
    if _ahead_of(token, head):
        # "uneasy about the issue ahead of local elections in June": what lies ahead of the
        # telling
        return "future"
    if _told_on(token, head):
        # "Japan said on Tuesday it will impose sanctions": the parser hangs the day on the
        # reported verb, but set between the verb of saying and the report's subject it tells
        # when it was said
        return clause_tense(head.head)
    if head.i < token.i and head.head.i != head.i and _quote_closes_between(head, token):
        # "had told him, "We will never give up," during a meeting in July": the parser hangs
        # the phrase after a quotation on the quoted verb, whose tense is the speaker's, not
        # the narrative's
        return clause_tense(head.head)
    if head.i > token.i and _quote_closes_between(token, head):
        # ... and the other way: '"I'll let the voters decide that in November," he said',
        # "November" hung on "said": the tense of the quoted verb above it
        quoted = next(
            (a for a in head.ancestors if a.pos_ in ("VERB", "AUX") and a.i < token.i),
            None,
        )
        if quoted is not None:
            return clause_tense(quoted)
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if (
        head.tag_ in ("VBN", "VBD")
        and not auxes
        and head.dep_ in ("ccomp", "xcomp", "oprd")
        and head.head.lower_ in _WANTING
    ):
        # "we want this phase finished by the end of the year": what is wanted done lies ahead
        # of a present wish; of a past one, ahead of the wish, not of the story
        return "future" if head.head.tag_ in ("VBP", "VBZ") else None
    if head.tag_ == "VBG" and not auxes and head.dep_ in ("advcl", "conj", "acl", "xcomp"):
        # "the stock slumped, closing unchanged Friday": a participle has no tense of its own,
        # it takes the one of the clause it hangs on
        return clause_tense(head.head) if head.head.i != head.i else None
    if head.tag_ == "VBG" and not auxes and head.dep_ == "pcomp" and head.head.lower_ == "by":
        # "had done its share by handing over the records in May": the means keeps the time of
        # what it was the means of
        return clause_tense(head.head.head) if head.head.head.i != head.head.i else None
    if (
        head.tag_ == "VBG"
        and not auxes
        and head.dep_ == "pcomp"
        and head.head.lower_ in _JUDGED_FOR
        and _judged_in_past(head.head.head)
    ):
        # "were found guilty on Sunday of raping a girl in August": what someone was convicted,
        # fined or praised for lay before it; a verb in progress keeps its own reading ("were
        # preparing for hosting the summit in May" may look ahead)
        return "past"
    if (
        head.tag_ == "VB"
        and not auxes
        and (
            (head.dep_ == "conj" and head.head.i < head.i)
            # "will let the voters decide": a bare verb after the one it completes
            or (head.dep_ in ("ccomp", "xcomp") and head.head.i < head.i)
        )
        and clause_tense(head.head) == "future"
    ):
        # "will arrive on Wednesday and leave Friday": a bare verb shares the "will" of the
        # verb it is coordinated with (a past tense there is a tagger's misreading of a bare
        # verb: "just cut down on errors and do a good job in the fall")
        return "future"
    # "will be closed Monday": the parser hangs "will" on "be", not on the participle
    verbs = [head, *auxes, *[c for a in auxes for c in a.children if c.dep_ == "aux"]]
    tags = {v.tag_ for v in verbs}
    words = {v.lower_ for v in verbs}
    if words & {"will", "'ll", "shall"} or (
        {"going"} & words and "to" in {c.lower_ for c in head.children}
    ):
        return "future"
    if "MD" in tags and words & {"would", "could", "might", "may", "should"}:
        if "would" in words and "have" not in words and _reported(head):
            # "said it would shut down the reactor Saturday": the future of what was reported
            return "future"
        return None
    if head.lower_ in _EXPECTING:
        return None  # "she expected a plenary session by March": what was expected lies ahead
    if head.lower_ in _COMMITTING and _deadline(token, head):
        return None  # "had agreed to a declaration by mid-December": a deadline lies ahead
    if (
        words & {"has", "have"}
        and not tags & {"VBD"}
        and any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "once") for c in head.children)
    ):
        # "If the reactor has not been shut down by June 30, ...": a condition's perfect looks
        # ahead to a deadline, not back
        return "present"
    if tags & {"VBD"} or ("VBN" in tags and words & {"has", "have", "had", "was", "were"}):
        return "past"
    if head.tag_ == "VBN" and not words & {"is", "are", "be", "will"}:
        return "past"
    if tags & {"VBZ", "VBP", "VBG"}:
        return "present"
    return None


# verbs of wanting something done: "want the reactor shut by Friday"
_WANTING = frozenset(["want", "wants", "wanted", "need", "needs", "needed", "expect", "expects"])


def _quote_closes_between(head: Token, token: Token) -> bool:
    """Whether a quotation closed on its own punctuation (`,"`) stands between a verb and a
    later token; a partial quote (`promised it "will return" in July`) stays in its clause."""
    doc = token.doc
    return any(t.tag_ == "''" and doc[t.i - 1].is_punct for t in doc[head.i + 1 : token.i])


# verbs that report, in the past, what someone said would happen ("said it would shut down")
_REPORTED_PAST_WORDS = (
    "said told added announced stated warned insisted predicted promised vowed pledged agreed "
    "reported indicated asked"
)
_REPORTED_PAST = frozenset(_REPORTED_PAST_WORDS.split())


def _ahead_of(token: Token, verb: Token) -> bool:
    """Whether a token hangs, below its verb, in an "ahead of" phrase ("ahead of local elections
    in June")."""
    for ancestor in token.ancestors:
        if ancestor.i == verb.i:
            return False
        if ancestor.lower_ == "of" and ancestor.head.lower_ == "ahead":
            return True
    return False


def _told_on(token: Token, verb: Token) -> bool:
    """Whether a token hung on a reported verb lies between the verb of saying in the past
    that reports it and the report's subject ("said on Friday the talks would resume")."""
    saying = verb.head
    if not (verb.dep_ == "ccomp" and saying.i < token.i < verb.i):
        return False
    if saying.lower_ not in _REPORTED_PAST or saying.tag_ != "VBD":
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and token.i < subject.left_edge.i


def _reported(verb: Token) -> bool:
    """Whether a clause is what a verb of saying in the past reports ("said it would ..."), or
    asks in a participle's clause ("Asked whether the talks would last beyond Friday, ...");
    a verb coordinated in it too ("said Wu had met them on Monday and would circulate a draft
    on Wednesday")."""
    for _ in range(_REPORT_DEPTH):
        while verb.dep_ == "conj" and verb.head.i < verb.i:
            verb = verb.head
        saying = verb.head
        if verb.dep_ != "ccomp" or saying.i == verb.i:
            return False
        if saying.lower_ in _REPORTED_PAST and (
            saying.tag_ == "VBD" or (saying.tag_ == "VBN" and saying.dep_ == "advcl")
        ):
            return True
        # "said he expected the transfer to be completed ... and that he would fly on
        # Friday": a clause inside what the verb of saying reports is reported too
        verb = saying
    return False


# how many clauses deep a report's verb of saying is looked for (_reported)
_REPORT_DEPTH = 3


# verbs of a state that lasted "until" a time ("was ambassador until December", "served until
# June"): told in the past, the time is behind, where "gave them until Tuesday", "extended the
# deadline until Tuesday" or "effective June 1" set one ahead (TimeBank, AQUAINT)
_LASTED = frozenset(
    [
        "was",
        "were",
        "been",
        "served",
        "remained",
        "stayed",
        "lived",
        "worked",
        "led",
        "headed",
        "ruled",
        "reigned",
        "lasted",
    ]
)


_UNTIL = frozenset(["until", "till"])


def _state_until(token: Token | None) -> bool:
    """The expression closes an "until" phrase on a verb of a state that lasted, or on a verb
    denied until then ("did not publish its list until January": it did, in January)."""
    if token is None:
        return False
    prep = token.head
    while prep.dep_ in ("compound", "nummod", "npadvmod", "pobj") and prep.lower_ not in _UNTIL:
        if prep.head.i == prep.i:  # the root
            return False
        prep = prep.head
    return prep.lower_ in _UNTIL and (
        prep.head.lower_ in _LASTED or any(c.dep_ == "neg" for c in prep.head.children)
    )


def _perfect(token: Token | None) -> bool:
    """The verb the expression's preposition hangs on is in a past perfect ("had been moved to
    Thursday"): what it set may be behind the story by now."""
    if token is None or token.head.pos_ != "ADP":
        return False
    return any(c.lower_ in ("had", "'d") for c in token.head.head.children if c.dep_ == "aux")


# verbs that put an event on a day ("planned a rally on Saturday", "scheduled talks for Monday")
_PLANNING = frozenset(["planned", "scheduled", "slated", "arranged"])


def _planned(token: Token | None) -> bool:
    """A day named after the verb that planned what happens on it ("Protesters planned a
    demonstration on Saturday", in a Friday story): the day of a plan, which may lie either
    side of the story's date; not the day the planning was done ("On Friday, the government
    planned ...")."""
    if token is None or token.dep_ != "pobj" or token.head.lower_ not in ("on", "for"):
        return False
    verb = token.head.head
    return verb.lower_ in _PLANNING and verb.pos_ == "VERB" and verb.i < token.head.i


# what is scheduled for a day and named after it: "Thursday's plenary", "Friday's vote"
_EVENT_AHEAD = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:plenary|session|meeting|summit|talks|vote|deadline|hearing|election|"
    r"debate|game|match|visit|trip|launch|auction|opening|ceremony|rally|funeral|conference)\b",
    re.IGNORECASE,
)


def _weekday_of(raw: str) -> int | None:
    """The weekday (Monday 0) an expression opens with, if any."""
    return WEEKDAYS.get(re.split(r"\W", raw.lower())[0].rstrip("."))


def _tomorrows(raw: str, anchor: date) -> bool:
    """Whether a bare weekday names the day after the anchor."""
    weekday = _weekday_of(raw)
    return weekday is not None and (weekday - anchor.weekday()) % 7 == 1


def _nearest_weekday(raw: str, anchor: date) -> str:
    """The tense that picks the nearer of the two days a weekday may name around the anchor."""
    weekday = _weekday_of(raw)
    if weekday is None:
        return "past"
    return "future" if (weekday - anchor.weekday()) % 7 in (1, 2, 3) else "past"


def _infinitive_ahead(token: Token | None) -> bool:
    """The expression belongs to a to-infinitive ("is set to resume Monday", "planned to leave
    Thursday", with a subject of its own "expect the talks to resume in January"): a day or month
    named there lies ahead, unless a past perfect governs it ("had been due to expire Friday")."""
    head = token
    for _ in range(40):
        if head is None or head.dep_ == "ROOT":
            break
        # "to recover in the fiscal year beginning Oct. 1": a participle after a noun has no
        # time of its own, it takes the one of the clause its noun is in
        if head.pos_ in ("VERB", "AUX") and (head.tag_ != "VBG" or head.dep_ != "acl"):
            break
        head = head.head
    passive = (
        head is not None
        and head.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.lower_ == "be" for c in head.children)
    )  # "are due to be flown home Thursday"
    if head is None or (head.tag_ != "VB" and not passive):
        return False
    if not any(c.tag_ == "TO" and c.dep_ == "aux" for c in head.children):
        return False
    if head.dep_ in ("acl", "relcl") and passive:
        # "The talks, to be held from Wednesday to Friday, bring together ...": what is to be
        # done to a thing lies ahead
        return True
    if head.dep_ not in ("xcomp", "ccomp"):
        return False
    if head.lower_ == "do" and not any(c.dep_ in ("dobj", "ccomp") for c in head.children):
        return False  # "as it agreed to do in October": the month of the agreeing, not ahead
    outer = head.head
    for _ in range(3):
        if outer.pos_ in ("VERB", "AUX") or outer.head.i == outer.i:
            break
        outer = outer.head
    if outer.lower_ in _UNDER_WAY and outer.tag_ == "VBD":
        return False  # "Things began to move in January": what began, went on or stopped, did
    for _ in range(3):
        if any(c.lower_ == "had" for c in outer.children):
            return False
        if outer.tag_ != "VBG" or outer.head.i == outer.i:
            break
        # ... through the participle the infinitive hangs on ("had spent weeks persuading
        # Pyongyang to return after the October 9 test": the test was before, as the spending)
        outer = outer.head
    return True


# what was owed or set for a day, told in the past: "was supposed to", "were due to"
_OWED = frozenset(["supposed", "due"])


def _owed_before(token: Token | None) -> bool:
    """Whether a date's clause says what was owed by it, told in the past ("were supposed to
    hand it over by December 31", "was due to resume Monday"): a day the story looks back on,
    as "had been due to expire Friday" is."""
    for _ in range(6):
        if token is None or token.head is token:
            return False
        token = token.head
        if token.lower_ in _OWED and (
            token.head.lower_ in ("was", "were")  # "was due to", the adjective
            or any(c.lower_ in ("was", "were") for c in token.children)  # "were supposed to"
        ):
            return True
    return False


# verbs of a course already under way: told in the past, an infinitive after them is no plan
_UNDER_WAY = frozenset(
    ["began", "started", "continued", "ceased", "stopped", "kept", "came", "happened"]
)


# a present tense of these reports the day it was said, not a day ahead ("officials say Monday")
_REPORTING = {"say", "says", "tell", "tells", "state", "states", "add", "adds", "claim", "claims",
              "deny", "denies", "insist", "insists", "warn", "warns", "confirm", "confirms",
              "note", "notes", "admit", "admits", "acknowledge", "acknowledges", "report",
              "reports", "announce", "announces", "according", "saying", "telling"}  # fmt: skip
# present and past alike, so a present tag on them is not to be trusted ("cut rates Friday")
_SAME_PAST = {"cut", "set", "put", "hit", "hurt", "let", "cost", "shut", "quit", "spread", "bet",
              "cast", "burst", "split", "shed", "read", "beat", "bid", "broadcast", "forecast"}  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s*$")
# "the funeral is set for Saturday", "Albright is expected in Nairobi on Sunday"
_SCHEDULING = {"set", "scheduled", "expected", "planned", "slated", "due", "forecast", "forecasted",
               "predicted", "projected"}  # fmt: skip
_DAY_WORDS = {"today", "tomorrow", "yesterday", "tonight", "day"}  # "today is Tuesday": no event


def _sent_text(token: Token) -> str:
    """`token.sent.text`, cut from the Doc's text: Span.text joins the text of every token of the
    sentence anew (~0.2 us a token)."""
    sent = token.sent
    return doc_text(token.doc)[sent.start_char : sent.end_char]


# verbs of a scheduled event whose present tense the tagger may read as a noun ("The Senate
# votes Friday", "The talks ... end Saturday")
_SCHEDULED_VERBS = verb_forms(
    "vote meet open close start begin end resume return travel visit head play host hold leave"
    " arrive rule decide testify convene reconvene debate hear launch"
)


def _name_head(token: Token | None) -> Token | None:
    """The head word of a phrase its first word opens ("Election Day", "New Year's Day", "the
    first Monday in October")."""
    while (
        token is not None
        and token.dep_ in ("compound", "poss", "det", "amod")
        and token.head.i > token.i
    ):
        token = token.head
    return token


_DATELINE_SLACK = timedelta(days=7)


def _event_in_past(token: Token | None, preps: tuple[str, ...] = ("in", "during")) -> bool:
    """Whether a month is the time of a simple past event its "in" hangs on ("In April, the
    launch failed", "said in April"), not of a plan or a noun ("notified companies of a cutback
    in September")."""
    if token is None or token.head.lower_ not in preps or token.head.pos_ != "ADP":
        return False
    verb = token.head.head
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.lower_ in _SCHEDULING:
        return False  # a plan's month may lie ahead: "was scheduled in April" (not "said in April")
    if not auxes:
        return verb.tag_ == "VBD"
    # a past perfect or a past passive ("had visited Japan in April", "was released in April")
    return verb.tag_ == "VBN" and auxes[0] in ("had", "was", "were")


_ON_DAY_PREPS = frozenset(["on", "between", "from", "until", "till", "through"])


def _will_happen(token: Token | None) -> bool:
    """Whether a day is the time of what a "will" says is to happen ("will take place between
    March 4 and 8"), its preposition hanging on that verb."""
    if token is None or token.head.pos_ != "ADP" or token.head.lower_ not in _ON_DAY_PREPS:
        return False
    verb = token.head.head
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in verb.children)


def _year_by_tense(
    got: Normalised,
    rule: str | None,
    raw: str,
    tense: str | None,
    anchor: date,
    token: Token | None,
) -> Normalised:
    """A month or day without a year moved a year by the verb its preposition hangs on, where
    the nearest reading cannot be: a past event's or report's month right after the anchor's
    ("In April, the launch failed", told in March: last April; not a plan's nor what a report
    says, "said the plant would open in April"); a past event's day more than a week ahead ("The
    talks ended on May 5": last May; not a report's own day, "said on Sept. 12" in a story of
    Aug. 28); a "will"'s or a schedule's day more than a week behind ("Voting will take place
    between March 4 and 8", told on March 22: next year's; "The summit is set for Dec. 8-10",
    told on Jan. 3). A week's slack for an anchor a few days off."""
    value = got[1]
    if (
        rule in ("month_rel", "month_may")
        and tense == "past"
        and anchor.month < 12
        and value == f"{anchor.year}-{anchor.month + 1:02d}"
        and _event_in_past(token)
    ):
        return got[0], f"{anchor.year - 1}-{anchor.month + 1:02d}", got[2], got[3]
    if (
        rule not in ("month_day_year", "month_day_range")
        or not _DAY_VALUE.fullmatch(value)
        or _YEAR_RX.search(raw)
    ):
        return got
    day = date.fromisoformat(value)
    if (
        tense == "past"
        and day > anchor + _DATELINE_SLACK
        and _event_in_past(token, ("on",))
        and token is not None
        and token.head.head.lower_ not in _REPORTED_PAST
    ):
        return got[0], _safe_date(day.year - 1, day.month, day.day).isoformat(), *got[2:]
    if (
        tense == "future"
        and day < anchor - _DATELINE_SLACK
        and (_will_happen(token) or _scheduled_ahead(token))
    ):
        return got[0], _safe_date(day.year + 1, day.month, day.day).isoformat(), *got[2:]
    return got


def _verb_read_as_noun(token: Token) -> bool:
    """Whether a sentence's root is a noun that is its verb, the subject hung on it as a
    compound or a subject: "The Senate votes Friday on the bill", "The talks, which began
    Monday, end Saturday" ("end" tagged a noun)."""
    return (
        token.dep_ == "ROOT"
        and token.tag_ in ("NN", "NNS")
        and token.lower_ in _SCHEDULED_VERBS
        and any(
            (c.dep_ == "compound" and c.i == token.i - 1) or c.dep_ == "nsubj"
            for c in token.children
        )
    )


def _scheduled_ahead(token: Token | None) -> bool:
    """A day or month named by a present-tense clause that schedules it: "the Senate votes
    Friday", "negotiators are meeting again Monday", "the funeral is set for Saturday", "the new
    rules take effect Oct. 1", "the law takes effect in January". News tells what
    happened in the past tense; a finite present with a named day is an arrangement ahead (not a
    reporting verb, "officials say Monday", nor a gerund, "closing unchanged Friday")."""
    if token is not None and token.dep_ in ("amod", "advmod") and token.head.i > token.i:
        token = token.head  # "is expected late Thursday": the day, not the word before it
    if token is None or token.dep_ not in ("npadvmod", "pobj", "tmod", "attr"):
        return False  # "Super Tuesday brings", "his Tuesday wins": a subject, a modifier
    head = token.head  # the verb itself, or through a preposition ("on Friday", "for Saturday")
    if head.pos_ == "ADP" and head.lower_ in ("on", "in", "from", "for", "by", "until", "till"):
        head = head.head
    if head.pos_ == "ADJ" and head.lower_ in _SCHEDULING and head.dep_ == "acomp":
        head = head.head  # "the report is due Thursday": the copula the day hangs on through "due"
    noun_read = _verb_read_as_noun(head)
    if (head.pos_ not in ("VERB", "AUX") and not noun_read) or head.i == token.i:
        return False  # "the bombing Friday", "clues to the attack on Friday": an event's day
    if _misread_noun(head):
        return False  # "The missile launches in July were a provocation": a noun, told after
    # after the cheap tests: token.sent scans the whole Doc
    if not _SENTENCE_END.search(_sent_text(token)):
        return False  # a headline tells the past in the present: "Stocks tumble on Monday"
    if noun_read:
        return True  # "The Senate votes Friday on the bill", the tagger's "votes" a noun
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    word = head.lower_
    if not auxes and head.tag_ in ("VBZ", "VBP"):
        if word in ("is", "are", "'s", "'re"):  # "the bodies are due home Thursday"
            if any(c.lower_ in _SCHEDULING for c in head.children):
                return True
            # "the vote is Tuesday", "the election is on Tuesday": an event's day, still to
            # come (not "today is Tuesday", nor "the vote is close on Tuesday")
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            return (
                subject is not None
                and subject.pos_ == "NOUN"
                and subject.lower_ not in _DAY_WORDS
                and not any(c.dep_ in ("acomp", "attr") and c != token for c in head.children)
            )
        return (
            word not in _REPORTING
            and word not in _SAME_PAST
            and word not in ("has", "have")
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children)
        )  # a verb has its subject ("her remarks in an address on Sunday" is a noun)
    present = [a for a in auxes if a.tag_ in ("VBZ", "VBP")]
    if len(present) != len(auxes) or not present:
        return False  # "has met", "would meet": another tense or a mood
    if head.tag_ == "VBG" and present[0].dep_ == "aux":
        return word not in _REPORTING  # "are meeting again Monday"
    return head.tag_ == "VBN" and word in _SCHEDULING and present[0].dep_ == "auxpass"


# ---- normalisation --------------------------------------------------------------------------
def _resolve_month(month: int, anchor: date, tense: str | None) -> int:
    """Year of a bare month name by tense (same month: the anchor's year)."""
    if month == anchor.month:
        return anchor.year
    if tense == "future":
        return anchor.year if month > anchor.month else anchor.year + 1
    if tense == "past":
        if month == anchor.month + 1:
            # "notified oil companies of a cutback in its oil supply in September" (an August
            # article): the next month of the same year is the coming one whatever the tense, as
            # a day within two months is; the one eleven months back, in the year before, would
            # be "last September". All 8 bare months one after the anchor's in tune+study are the
            # coming one (2 told in the past: 1 now right, 1 annotated P1M). Not across New
            # Year: in December, "stalled in January" is this year's January.
            return anchor.year
        return anchor.year if month < anchor.month else anchor.year - 1
    # present or no tense: the nearest occurrence (leaning back for the present was a wash: a
    # gerund reads as present both in "rising from $29.75 in March" and in "planning for the
    # summit in April")
    diff = month - anchor.month
    if diff > 6:
        return anchor.year - 1
    if diff < -6:
        return anchor.year + 1
    return anchor.year


def _resolve_weekday(weekday: int, anchor: date, tense: str | None, modifier: str) -> date:
    delta = weekday - anchor.weekday()
    if modifier == "last":
        delta = delta - 7 if delta >= 0 else delta
        if delta > -2 and tense != "past":
            delta -= 7
        return anchor + timedelta(days=delta)
    if modifier == "next":
        return anchor + timedelta(days=delta + 7 if delta <= 0 else delta)
    if modifier == "this":
        # the day of the anchor's week, unless the tense says it has come or is still to come:
        # "will meet this Thursday" in a Friday story is the coming Thursday
        if tense == "future" and delta < 0:
            delta += 7
        elif tense == "past" and delta > 0:
            delta -= 7
        return anchor + timedelta(days=delta)
    if delta == 0:
        return anchor
    if tense == "future":
        return anchor + timedelta(days=delta if delta > 0 else delta + 7)
    if tense == "past":
        return anchor + timedelta(days=delta if delta < 0 else delta - 7)
    # present tense or unknown: news reports mostly look back, except for the next day or two
    # ("the talks open Thursday" in a Tuesday article)
    if tense == "present" and 0 < delta <= 2:
        return anchor + timedelta(days=delta)
    return anchor + timedelta(days=delta if delta < 0 else delta - 7)


def _year_of(text: str) -> int | None:
    m = re.search(_YEAR, text)
    if m:
        return int(m.group())
    spelled = _SPELLED_RX.search(text)
    if spelled is None:
        return None
    got = _h_spelled_year(spelled.group().lower(), None, None)
    return int(got[1]) if got else None


def _two_digit_year(yy: str, anchor: date | None) -> int:
    y = int(yy)
    century = (anchor.year // 100) * 100 if anchor else 1900
    full = century + y
    if anchor and full > anchor.year + 10:
        full -= 100
    return full


Normalised = tuple[str, str, str, bool]  # type, value, granularity, relative


def normalize(
    text: str, anchor: date | None, tense: str | None = None, rule: str | None = None
) -> Normalised | None:
    """(type, value, granularity, relative) of one expression, or None when it is not temporal."""
    t = re.sub(r"\s+", " ", text.strip()).lower()
    rule = rule or _rule_of(text)
    if rule is None:
        return None
    handler = _HANDLERS.get(rule)
    return handler(t, anchor, tense) if handler else None


def _rule_of(text: str) -> str | None:
    m = _master().fullmatch(text.strip())
    return m.lastgroup if m else None


def _h_iso_datetime(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    day = _h_iso_date(t[:10], anchor, tense)
    return None if day is None else ("TIME", f"{day[1]}T{t[11:16]}", "time", False)


def _h_iso_date(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    year, month, day = (int(part) for part in _DATE_SEPARATOR.split(t)[:3])
    try:
        return "DATE", date(year, month, day).isoformat(), "day", False
    except ValueError:
        return None


_DATE_SEPARATOR = re.compile(r"[-/.]")
_DAY_OF_MONTH = re.compile(r"the\s+(\d+)\D*?(?:\s+of\s+(this|last|next)\s+month)?$", re.IGNORECASE)
_MONTH_SHIFT = {"last": -1, "this": 0, "next": 1}


def _h_day_of_month(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    """ "on the 9th": that day of the anchor's month, or of the month before (told in the past,
    a day after the anchor's) or after (told as ahead, a day before it); "of last month" says."""
    m = _DAY_OF_MONTH.match(t)
    if m is None:
        return None
    day = int(m.group(1))
    if anchor is None:
        return "DATE", f"XXXX-XX-{day:02d}", "day", True
    if m.group(2):
        shift = _MONTH_SHIFT[m.group(2).lower()]
    elif tense == "past" and day > anchor.day:
        shift = -1
    elif tense == "future" and day < anchor.day:
        shift = 1
    else:
        shift = 0
    month = _add_months(anchor, shift)
    if day > calendar.monthrange(month.year, month.month)[1]:
        return None
    return "DATE", month.replace(day=day).isoformat(), "day", True


def _h_new_year(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    """ "in the new year": the next year in the last third of one, this one in its first
    quarter; between, no year is clearly meant."""
    if anchor is None:
        return "DATE", "XXXX", "year", True
    if anchor.month >= 9:
        return "DATE", str(anchor.year + 1), "year", True
    if anchor.month <= 3:
        return "DATE", str(anchor.year), "year", True
    return None


def _h_numeric_date(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    m, d, y = t.split("/")
    year = int(y) if len(y) == 4 else _two_digit_year(y, anchor)
    try:
        return "DATE", date(year, int(m), int(d)).isoformat(), "day", False
    except ValueError:
        return None


def _day_value(t: str, anchor: date | None, tense: str | None) -> tuple[str, bool] | None:
    """Value of the day part of a TIME expression (today, Monday, Nov. 6...)."""
    if "yesterday" in t or "last night" in t:
        return (_shift(anchor, -1), True)
    if "tomorrow" in t:
        return (_shift(anchor, 1), True)
    wd = re.search(_WEEKDAY, t)
    md = re.search(rf"({_MONTH})\s+({_DAYNUM})", t)
    if md:
        # the year written after the day counts: "midnight on Dec. 31, 2008"
        got = _h_month_day_year(t[md.start() :], anchor, tense)
        return (got[1], got[3]) if got else None
    if wd:
        got = _h_weekday_rel(wd.group(), anchor, tense)
        return (got[1][:10], got[3]) if got else None
    return (anchor.isoformat() if anchor else _UNRESOLVED_DAY, True)


def _shift(anchor: date | None, days: int) -> str:
    return (anchor + timedelta(days=days)).isoformat() if anchor else _UNRESOLVED_DAY


_NOON = ("noon", "midday", "mid-day")
_EVENING_WORDS = re.compile(r"\b(?:last\s+night|tonight|this\s+evening)\b")
# a clock time: "10:30", "10 a.m.", and the British dot written only with am or pm, "10.30am"
_CLOCK = re.compile(
    r"(?P<hour>\d{1,2})(?:(?::|\.(?=\d\d\s*[ap]\.?m))(?P<minute>\d\d))?"
    r"\s*(?P<half>a\.m\.|p\.m\.|am|pm)?"
)


def _h_time_date(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    # "0800 UTC", and "at 1530 local time" (the words after the match), read as 08:00, 15:30
    t = re.sub(r"^([0-2]\d)([0-5]\d)(?=\s*(?:gmt|utc)|$)", r"\1:\2", t)
    m = _CLOCK.match(t)
    if t.startswith(_NOON):
        hour, minute = 12, 0  # "midday" is noon (TIMEX3 T12:00)
    elif t.startswith("midnight"):
        hour, minute = 0, 0
    elif m:
        hour, minute = int(m["hour"]), int(m["minute"] or 0)
        suffix = (m["half"] or "").replace(".", "")
        if suffix == "pm" and hour < 12:
            hour += 12
        if suffix == "am" and hour == 12:
            hour = 0
        if not suffix and 6 <= hour < 12 and _EVENING_WORDS.search(t):
            hour += 12  # "at 9:15 last night", "at 11:30 tonight": the evening's hour
        if hour > 23 or minute > 59:
            return None
    else:
        return None
    rest = (
        t[m.end() :]
        if m and not t.startswith((*_NOON, "midnight"))
        else t.split(" ", 1)[1]
        if " " in t
        else ""
    )
    day = _day_value(rest, anchor, tense)
    if day is None:
        return None
    if t.startswith("midnight") and rest.strip():
        hour = 24  # "midnight Friday" ends Friday: TIMEX3 writes its end T24:00
    minutes = f":{minute:02d}" if minute or (m and m["minute"]) else ":00"
    zone = "Z" if re.search(r"\b(?:utc|gmt)\b", t) else ""  # TIMEX3 marks UTC times with Z
    return "TIME", f"{day[0]}T{hour:02d}{minutes}{zone}", "time", day[1]


def _month_num(word: str) -> int | None:
    return MONTHS.get(
        word.lower().rstrip(".")[:4].rstrip("."), MONTHS.get(word.lower().rstrip(".")[:3])
    )


def _day_part_of(
    part: re.Match[str],
    t: str,
    anchor: date | None,
    tense: str | None,
    day_of: Callable[..., Normalised | None],
) -> Normalised | None:
    """ "Friday night, Sept. 16, 2005" (a caption's or a dateline's day and its part, `part` of
    _DAY_PART_DATE): that part of the day the date after it gives, by `day_of`."""
    day = day_of(t[part.end() :], anchor, tense)
    if day is None or day[0] != "DATE":
        return None
    return "TIME", f"{day[1]}T{PARTS_OF_DAY[part.group(1).lower()]}", "time", day[3]


def _h_month_day_year(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    part = _DAY_PART_DATE.match(t)
    if part is not None:
        return _day_part_of(part, t, anchor, tense, _h_month_day_year)
    modifier = _DAY_MODIFIER_RX.match(t)
    if modifier:
        t = t[modifier.end() :]
    t = re.sub(rf"^{_WEEKDAY},?\s+", "", t)
    m = re.match(rf"({_MONTH})\s+(\d+)", t)
    if not m:
        return None
    month = _month_num(m.group(1))
    day = int(m.group(2))
    if month is None or not 1 <= day <= 31:
        return None
    year = _year_of(t[m.end() :])
    relative = year is None
    if year is None:
        if anchor is None:
            return "DATE", f"XXXX-{month:02d}-{day:02d}", "day", True
        if modifier is not None and day <= calendar.monthrange(anchor.year, month)[1]:
            back = modifier.group().startswith(("last", "this past"))
            year = anchor.year
            this_year = date(year, month, day)
            if back and this_year >= anchor:
                year -= 1
            elif not back and this_year <= anchor:
                year += 1
            return "DATE", _safe_date(year, month, day).isoformat(), "day", True
        # a day within two months of the anchor is the nearest one, whatever the tense of a
        # reporting verb ("said ... on Nov. 10"); farther away, tense decides
        nearest = min(
            (anchor.year - 1, anchor.year, anchor.year + 1),
            key=lambda y: abs((_safe_date(y, month, day) - anchor).days),
        )
        if abs((_safe_date(nearest, month, day) - anchor).days) <= 62:
            year = nearest
        else:
            year = _resolve_month(month, anchor, tense)
    try:
        return "DATE", date(year, month, day).isoformat(), "day", relative
    except ValueError:
        return None


_DAY_PART_DATE = re.compile(rf"{_WEEKDAY}\s+({_POD})\s*,\s*", re.IGNORECASE)


def _safe_date(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _h_day_month_year(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    part = _DAY_PART_DATE.match(t)
    if part is not None:
        return _day_part_of(part, t, anchor, tense, _h_day_month_year)
    t = re.sub(rf"^{_WEEKDAY},?\s+", "", t)
    m = re.match(rf"(\d+)(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})(.*)$", t)
    if not m:
        return None
    return _h_month_day_year(f"{m.group(2)} {m.group(1)}{m.group(3)}", anchor, tense)


def _h_month_day_range(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    m = re.match(rf"({_MONTH})\s+(\d+)\w*\s*(?:-|–|to|through)\s*(\d+)\w*(.*)$", t)
    if not m:
        return None
    return _h_month_day_year(f"{m.group(1)} {m.group(2)}{m.group(4)}", anchor, tense)


def _h_month_year(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    m = re.search(_MONTH, t)
    year = _year_of(t)
    if not m or year is None:
        return None
    month = _month_num(m.group())
    return ("DATE", f"{year}-{month:02d}", "month", False) if month else None


def _h_month_rel(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    words = re.split(r"[\s-]+", t)
    month = _month_num(words[-1])
    if month is None:
        return None
    modifier = words[0] if len(words) > 1 else ""
    if anchor is None:
        return "DATE", f"XXXX-{month:02d}", "month", True
    if modifier == "last" or modifier == "past":
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif modifier == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif modifier == "this":
        year = anchor.year
    elif modifier == "since":
        year = anchor.year if month <= anchor.month else anchor.year - 1
    else:
        year = _resolve_month(month, anchor, tense)
    return "DATE", f"{year}-{month:02d}", "month", True


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (n < 0: from the end) weekday of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    n = h + el - 7 * m + 114
    return date(year, n // 31, n % 31 + 1)


_FIXED_HOLIDAYS = {"christmas eve": (12, 24), "christmas": (12, 25), "new year's day": (1, 1),
                   "new year's eve": (12, 31), "independence day": (7, 4), "fourth of july": (7, 4),
                   "veterans day": (11, 11), "halloween": (10, 31), "valentine's day": (2, 14),
                   "boxing day": (12, 26), "patrick's day": (3, 17), "bastille day": (7, 14)}  # fmt: skip
# holidays on the n-th weekday of a month (US): name -> (month, weekday, n)
_NTH_WEEKDAY_HOLIDAYS = {"mother's day": (5, 6, 2), "father's day": (6, 6, 3),
                         "presidents": (2, 0, 3), "martin luther king": (1, 0, 3),
                         "columbus day": (10, 0, 2)}  # fmt: skip


# the first day of the lunar year, Korea's Seollal and China's Spring Festival (the Chinese
# calendar's new moon; a table, as no rule gives it): year -> (month, day)
_LUNAR_NEW_YEAR = {
    1990: (1, 27), 1991: (2, 15), 1992: (2, 4), 1993: (1, 23), 1994: (2, 10), 1995: (1, 31),
    1996: (2, 19), 1997: (2, 7), 1998: (1, 28), 1999: (2, 16), 2000: (2, 5), 2001: (1, 24),
    2002: (2, 12), 2003: (2, 1), 2004: (1, 22), 2005: (2, 9), 2006: (1, 29), 2007: (2, 18),
    2008: (2, 7), 2009: (1, 26), 2010: (2, 14), 2011: (2, 3), 2012: (1, 23), 2013: (2, 10),
    2014: (1, 31), 2015: (2, 19), 2016: (2, 8), 2017: (1, 28), 2018: (2, 16), 2019: (2, 5),
    2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29),
    2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 3),
}  # fmt: skip
_LUNAR_NEW_YEAR_NAMES = ("lunar new year", "spring festival", "chinese new year", "seollal")


def _holiday_date(name: str, year: int) -> date | None:
    if name.startswith(_LUNAR_NEW_YEAR_NAMES):
        first = _LUNAR_NEW_YEAR.get(year)
        return date(year, *first) if first is not None else None
    for key, (month, day) in _FIXED_HOLIDAYS.items():
        if name.startswith(key) or name.endswith(key):
            return date(year, month, day)
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)
    if name.startswith(("black friday", "cyber monday")):  # the shopping days after Thanksgiving
        return _nth_weekday(year, 11, 3, 4) + timedelta(days=1 if name[0] == "b" else 4)
    if name.startswith("election"):
        return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)  # Tuesday after 1st Monday
    if name.startswith("labor"):
        return _nth_weekday(year, 9, 0, 1)
    if name.startswith("memorial"):
        return _nth_weekday(year, 5, 0, -1)
    for key, (month, weekday, n) in _NTH_WEEKDAY_HOLIDAYS.items():
        if name.startswith(key):
            return _nth_weekday(year, month, weekday, n)
    if name.startswith("easter monday"):
        return _easter(year) + timedelta(days=1)
    if name.startswith("easter"):
        return _easter(year)
    if name.startswith("good friday"):
        return _easter(year) - timedelta(days=2)
    return None


def _h_holiday(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    """Christmas, Thanksgiving, Election Day...: the nearest one, or the one the tense or a
    modifier points to."""
    year = _year_of(t)
    name = re.sub(rf"^(?:(?:last|next|this|this past)\s+)|,?\s*{_YEAR}$", "", t).strip()
    name = (
        re.sub(r"^the\s+|\s+(?:day|sunday)$", "", name)
        if name.startswith(("the ", "christmas day", "thanksgiving day", "easter sunday"))
        else name
    )
    probe = _holiday_date(name, year or (anchor.year if anchor else 2000))
    if probe is None:
        return None
    if year is not None:
        return "DATE", probe.isoformat(), "day", False
    if anchor is None:
        other = _holiday_date(name, 2001)
        fixed = other is not None and (other.month, other.day) == (probe.month, probe.day)
        value = f"XXXX-{probe.month:02d}-{probe.day:02d}" if fixed else _UNRESOLVED_DAY
        return "DATE", value, "day", True
    days = {y: _holiday_date(name, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)}
    candidates = sorted(d for d in days.values() if d is not None)
    before = [d for d in candidates if d <= anchor]
    after = [d for d in candidates if d >= anchor]
    if t.startswith(("last", "this past")) or (tense == "past" and not t.startswith("next")):
        chosen = before[-1]
    elif t.startswith("next") or tense == "future":
        chosen = after[0]
    else:
        chosen = min(candidates, key=lambda d: abs((d - anchor).days))
    return "DATE", chosen.isoformat(), "day", True


def _h_year_phrase(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    """ "the year ended June 30" (a fiscal year: P1Y), "the current fiscal year", "year-end"."""
    if t.endswith("year") and (t in ("year", "the year", "fiscal year", "the fiscal year")):
        return "DURATION", "P1Y", "duration", False
    if anchor is None:
        return "DATE", "XXXX", "year", True
    year = anchor.year
    if re.search(r"\b(?:latest|last|previous|prior)\b", t):
        year -= 1
    elif "end" in t and tense == "past" and anchor.month < 4:
        year -= 1  # "at year-end" in a January report: the year just closed
    return "DATE", str(year), "year", True


def _spelled_number(words: list[str]) -> int:
    return int(sum(NUMBERS.get(w, 0) for w in words if w != "and"))


def _h_spelled_year(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    words = re.split(r"[\s-]+", re.sub(r"^the\s+year\s+", "", t))
    if words[0] == "two":
        return "DATE", str(2000 + _spelled_number(words[2:])), "year", False
    century = {"seventeen": 1700, "eighteen": 1800, "nineteen": 1900}[words[0]]
    if words[1:] == ["hundred"]:
        return "DATE", str(century), "year", False
    return "DATE", str(century + _spelled_number(words[1:])), "year", False


_ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                  "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                  "twentieth"]  # fmt: skip


def _h_century(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    """ "the 20th century" -> 19 (TIMEX3 centuries are the first two digits of their years)."""
    word = re.sub(r"^the\s+", "", t).rsplit("century", 1)[0].strip(" -")
    m = re.match(r"(\d+)", word)
    if m:
        n = int(m.group(1))
    elif re.match(r"twenty[- ]first", word):
        n = 21
    elif word in _ORDINAL_WORDS:
        n = _ORDINAL_WORDS.index(word) + 1
    else:
        return None
    return "DATE", f"{n - 1:02d}", "century", False


def _h_quarter(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    year = _year_of(t)
    m = re.search(
        r"(first|second|third|fourth|1st|2nd|3rd|4th|last|final|latest|current|next|previous)", t
    )
    if not m:
        if year is None:
            return None
        # "the 1988 quarter": the quarter being reported, in that year
        q = _last_completed_quarter(anchor)[0] if anchor else None
        return "DATE", f"{year}-Q{q if q else 'X'}", "quarter", False
    word = m.group(1)
    relative = year is None
    if year is None and anchor is not None:
        year = _named_year(t, anchor)  # "the first quarter of last year"
    if year is not None and word in ("last", "final"):
        return "DATE", f"{year}-Q4", "quarter", relative  # "the final quarter of 2009"
    if year is not None and word in ORDINALS:
        return "DATE", f"{year}-Q{ORDINALS[word]}", "quarter", relative
    if word in ORDINALS:
        q = ORDINALS[word]
        if year is None:
            if anchor is None:
                return "DATE", f"XXXX-Q{q}", "quarter", True
            year = anchor.year
            if tense == "past" and q > _quarter(anchor):
                year -= 1
            if tense != "past" and q < _quarter(anchor) - 1 and tense == "future":
                year += 1
        return "DATE", f"{year}-Q{q}", "quarter", relative
    if anchor is None:
        return "DATE", "XXXX-QX", "quarter", True
    by = -1 if word in ("last", "previous", "latest") else 1 if word == "next" else 0
    return "DATE", _quarter_shifted(anchor.year, _quarter(anchor), by), "quarter", True


_QUARTER_CODE = re.compile(r"(?:the\s+)?(?:([QH])([1-4])|([1-4])Q)\s*['’]?(\d{4}|\d\d)?", re.I)


def _h_quarter_code(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    m = _QUARTER_CODE.fullmatch(t)
    if m is None:
        return None
    letter, number = (m.group(1) or "Q").upper(), int(m.group(2) or m.group(3))
    if m.group(4) is None:  # "the Q3": as "the third quarter"
        return _h_quarter(
            f"the {('first', 'second', 'third', 'fourth')[number - 1]} quarter", anchor, tense
        )
    short = len(m.group(4)) == 2  # "Q4'98" in 1999 copy is 1998, in 2013 copy "1Q13" 2013
    year = _two_digit_year(m.group(4), anchor) if short else int(m.group(4))
    return "DATE", f"{year}-{letter}{number}", "quarter" if letter == "Q" else "half", short


_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


def _month_named(t: str, anchor: date | None, tense: str | None) -> tuple[int, int] | None:
    """(year, month) a phrase ends in: a month and its year, or one read by tense, or "the/this/
    next/last month"."""
    rel = re.search(r"\b(the|this|next|last)\s+month$", t)
    if rel is not None:
        if anchor is None:
            return None
        d = _add_months(anchor, _MONTH_SHIFT.get(rel.group(1), 0))
        return d.year, d.month
    m = re.search(rf"(?:of|in)\s+({_MONTH})", t)
    month = _month_num(m.group(1)) if m else None
    if m is None or month is None:
        return None
    year = _year_of(t[m.end() :])
    if year is None:
        if anchor is None:
            return None
        year = _resolve_month(month, anchor, tense)
    return year, month


def _h_nth_weekday(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    words = t.split()
    words = words[1:] if words[0] == "the" else words
    weekday = WEEKDAYS.get(words[1].rstrip("."))
    at = _month_named(t, anchor, tense)
    if weekday is None or at is None:
        return ("DATE", _UNRESOLVED_DAY, "day", True) if weekday is not None else None
    day = _nth_weekday(at[0], at[1], weekday, _NTH[words[0]])
    return "DATE", day.isoformat(), "day", _year_of(t) is None


def _h_week_of_month(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    words = t.split()
    n = _NTH[words[1] if words[0] == "the" else words[0]]
    at = _month_named(t, anchor, tense)
    if at is None:
        return "DATE", "XXXX-WXX", "week", True
    year, month = at
    if n > 0:  # the week holding the 4th, 11th ... of the month holds most of its days there
        day = date(year, month, 4 + 7 * (n - 1))
    else:
        day = date(year, month, calendar.monthrange(year, month)[1] - 3)
    return "DATE", _week(day), "week", _year_of(t) is None


def _h_half_year(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    named = _year_of(t) or _named_year(t, anchor)
    year = named or (anchor.year if anchor else None)
    half = 1 if "first" in t else 2
    if named is None and anchor is not None and tense == "past" and half > (anchor.month + 5) // 6:
        year = anchor.year - 1  # "slowed in the second half" told in May: last year's, as a quarter
    return "DATE", f"{year if year else 'XXXX'}-H{half}", "half", _year_of(t) is None


_OF_RELATIVE_YEAR = re.compile(r"\bof (last|this|next) year$")


def _named_year(t: str, anchor: date | None) -> int | None:
    """The year "of last year", "of this year" or "of next year" closing a phrase names."""
    m = _OF_RELATIVE_YEAR.search(t)
    if m is None or anchor is None:
        return None
    return anchor.year + {"last": -1, "this": 0, "next": 1}[m.group(1)]


def _h_fiscal_year(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    year = _year_of(t)
    if year is None:
        m = re.search(r"'?(\d\d)$", t)
        year = _two_digit_year(m.group(1), anchor) if m else None
    return ("DATE", str(year), "year", False) if year else None


_DECADE_WORDS = {"twenties": "2", "thirties": "3", "forties": "4", "fifties": "5", "sixties": "6",
                 "seventies": "7", "eighties": "8", "nineties": "9"}  # fmt: skip


def _h_decade(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    # "the nineties" (spoken and feature style) is "the '90s"
    spelled = re.search(r"[a-z]+ties$", t)
    if spelled and spelled.group() in _DECADE_WORDS:
        t = f"'{_DECADE_WORDS[spelled.group()]}0s"
    m = re.search(r"((?:1[6-9]|20)\d)0'?s", t)
    if m:
        return "DATE", m.group(1), "decade", False
    m = re.search(r"'?(\d)0s", t)
    if m:
        century = (anchor.year // 100 * 100) if anchor else 1900
        decade = century + int(m.group(1)) * 10
        if anchor and decade > anchor.year:
            decade -= 100
        return "DATE", str(decade)[:3], "decade", True
    return None


def _h_apos_year(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    m = re.search(r"'(\d\d)$", t)
    return ("DATE", str(_two_digit_year(m.group(1), anchor)), "year", False) if m else None


def _h_season(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    m = re.search(r"(spring|summer|autumn|fall|winter)", t)
    if not m:
        return None
    code = SEASONS[m.group(1)]
    year = _year_of(t)
    if year is not None:
        return "DATE", f"{year}-{code}", "season", False
    named = _named_year(t, anchor)
    if named is not None:  # "the spring of next year"
        return "DATE", f"{named}-{code}", "season", True
    if anchor is None:
        return "DATE", f"XXXX-{code}", "season", True
    start_month = _SEASON_START[code]
    year = anchor.year
    if t.startswith(("last", "this past")) or (
        tense == "past" and not t.startswith("this") and start_month > anchor.month
    ):
        year = anchor.year - 1 if start_month >= anchor.month else anchor.year
        if t.startswith("this past") and start_month < anchor.month:
            year = anchor.year
    elif t.startswith(("next", "the coming", "the following", "the next")) or (
        tense == "future" and start_month < anchor.month
    ):
        year = anchor.year + 1 if start_month <= anchor.month else anchor.year
    elif tense != "past" and not t.startswith("this") and start_month + 1 - anchor.month < -6:
        # present or no tense, a season more than half a year back and less than that ahead:
        # the coming one ("expect little movement before the spring" in a December article).
        # Not the other way: "retain that support in the fall" in a January article is the
        # coming fall too (5 such in PolNeAR train)
        year = anchor.year + 1
    return "DATE", f"{year}-{code}", "season", True


_EVENT_SIGNAL = re.compile(r"\s+(?:later|before|after)$")  # "three days later"
_DAY_EARLIER = re.compile(r"\b(?:days?|hours?)\s+earlier$")


# "ago today", "ago this month": an anniversary, at the grain named
_AGO_ON = re.compile(r"\s+ago\s+(today|this\s+(?:week|month))$")


def _h_ago(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    if "half" in t or "1/2" in t:
        return _h_half_duration(t, anchor, tense)
    if re.search(r"\b(?:later|before|after)$", t):
        # "three days later", "two days before the vote": a span from an event of the story,
        # not from the publication date (TimeBank: DURATION, the signal word aside)
        return _h_duration(_EVENT_SIGNAL.sub("", t), anchor, tense)
    on = _AGO_ON.search(t)
    m = re.match(rf"({_NUM_WORD_COMPOUND})\s+({_UNIT})", t) if on is not None else None
    n = _num(m.group(1)) if m is not None else None
    if on is not None and m is not None and n is not None and anchor is not None:
        # "Ten years ago today", "A week ago today", "Five years ago this month": the day (or
        # the week, the month) that many units before the anchor's, at that grain
        months = {"month": 1, "year": 12, "decade": 120}.get(m.group(2).rstrip("s"))
        days = {"day": 1, "week": 7}.get(m.group(2).rstrip("s"))
        try:
            if months is not None:
                then = _add_months(anchor, -int(n) * months)
            elif days is not None:
                then = anchor - timedelta(days=int(n) * days)
            else:
                then = None
        except (OverflowError, ValueError):  # before year 1
            then = None
        if then is not None:
            grain = on.group(1).split()[-1]
            if grain == "today":
                return "DATE", then.isoformat(), "day", True
            if grain == "week":
                return "DATE", _week(then), "week", True
            return "DATE", f"{then.year}-{then.month:02d}", "month", True
    if on is not None:
        t = t[: on.start()] + " ago"
    if _DAY_EARLIER.search(t):
        # "closed higher Tuesday after falling 3% a day earlier": a day or hours back from an
        # event the sentence names, not from the publication date (TimeBank: P1D, as "later")
        return _h_duration(t[: -len(" earlier")].rstrip(), anchor, tense)
    m = re.match(rf"({_NUM_WORD_COMPOUND})\s+({_UNIT})\s+(.*)$", t)
    if not m:
        return None
    n = _num(m.group(1))
    unit = m.group(2).rstrip("s")
    direction = 1 if m.group(3) in ("later", "from now", "hence") else -1
    if anchor is None or n is None:
        return "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", "ref", True
    k = int(n) * direction
    year = anchor.year + k * {"year": 1, "decade": 10}.get(unit, 0)
    if not 1 <= year <= 9999 or (unit == "decade" and year < 1000):
        # "10,000 years ago": before year 1 (or a decade before 1000), which TIMEX3 dates do
        # not reach in four digits
        return "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", "ref", True
    try:
        if unit in ("day", "night"):
            return "DATE", (anchor + timedelta(days=k)).isoformat(), "day", True
        if unit == "week":
            return "DATE", _week(anchor + timedelta(weeks=k)), "week", True
        if unit == "month":
            d = _add_months(anchor, k)
            return "DATE", f"{d.year}-{d.month:02d}", "month", True
    except (OverflowError, ValueError):  # "100,000 days ago": past the calendar
        return "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", "ref", True
    if unit == "year":
        return "DATE", f"{year:04d}", "year", True
    if unit == "decade":
        return "DATE", str(year)[:3], "decade", True
    if unit in ("hour", "minute", "second"):
        return "DATE", anchor.isoformat(), "day", True
    if unit == "quarter":  # "a quarter ago": the anchor's quarter less as many
        return "DATE", _quarter_shifted(anchor.year, _quarter(anchor), k), "quarter", True
    return None


# "the day before" / "the month after" (set off, see the rule) read as their one-word-order
# twins ("the previous day", "the following month")
_DAY_BESIDE = {
    f"the {unit} {side}": f"the {word} {unit}"
    for unit in ("day", "week", "month", "year")
    for side, word in (("before", "previous"), ("after", "next" if unit == "day" else "following"))
}


def _h_rel_unit(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    t = _DAY_BESIDE.get(t, t)
    unit = t.split()[1] if t.endswith("before last") else t.split()[-1]
    if unit == "day":
        # "the day", "that same day": the day of the report (or of the narrative, see
        # _anaphoric); "the next day", "the previous day": one day on
        offset = {"the next day": 1, "the following day": 1, "the previous day": -1,
                  "the prior day": -1, "the preceding day": -1}.get(t)  # fmt: skip
        if offset is None and t not in (
            "the day", "that day", "the same day", "that same day", "earlier in the day",
            "later in the day",
        ):  # fmt: skip
            return None
        return "DATE", _shift(anchor, offset or 0), "day", True
    if t.startswith(("the following", "the previous", "the prior", "the preceding")) and unit in (
        "week",
        "month",
        "year",
    ):
        # "the following year": a date next to the one the story is about (see _anaphoric)
        offset = 1 if t.startswith("the following") else -1
        if anchor is None:
            return "DATE", {"week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX"), unit, True
        if unit == "year":
            return "DATE", str(anchor.year + offset), "year", True
        if unit == "week":
            return "DATE", _week(anchor + timedelta(weeks=offset)), "week", True
        d = _add_months(anchor, offset)
        return "DATE", f"{d.year}-{d.month:02d}", "month", True
    if t.startswith(
        ("the past", "the last", "the previous", "the coming", "the next", "the following")
    ) and (
        unit in ("week", "month", "century", "quarter")
        or (unit, t) == ("decade", "the past decade")
    ):
        # "the past month" is a span of time ending now (TimeBank: DURATION P1M), and so is "the
        # past decade" (AQUAINT, MEANTIME: P10Y; 2 of the 4 tune+study cases, the other 2 a
        # decade, one of them not the one before); "the past year", "the last decade", "the
        # next year" name the calendar year or decade before or after (TimeBank, MEANTIME:
        # DATE, "the last decade" in 1998 is the 1980s)
        return "DURATION", _duration(1, unit), "duration", False
    if anchor is None:
        return (
            "DATE",
            {
                "week": "XXXX-WXX",
                "month": "XXXX-XX",
                "year": "XXXX",
                "decade": "XXX",
                "century": "XX",
                "weekend": "XXXX-WXX-WE",
                "quarter": "XXXX-QX",
            }.get(unit, "XXXX"),
            unit,
            True,
        )
    offset = 0
    if t.endswith("before last"):
        offset = -2
    elif (
        t.startswith(("last", "the last", "the previous", "the prior", "the preceding"))
        or "past" in t.split()[:2]
    ):
        offset = -1
    elif unit == "weekend" and t.startswith(("the coming", "this coming")) and anchor.weekday() < 5:
        offset = 0  # "the coming weekend" told on a weekday: the one that ends this week
    elif t.startswith(("next", "the next", "the following", "the coming")):
        offset = 1
    if unit == "week":
        return "DATE", _week(anchor + timedelta(weeks=offset)), "week", True
    if unit == "weekend":
        return "DATE", _week(anchor + timedelta(weeks=offset)) + "-WE", "week", True
    if unit == "month":
        d = _add_months(anchor, offset)
        return "DATE", f"{d.year}-{d.month:02d}", "month", True
    if unit == "year":
        return "DATE", str(anchor.year + offset), "year", True
    if unit == "quarter":
        q, y = _quarter(anchor) + offset, anchor.year
        if q < 1:
            q, y = 4, y - 1
        if q > 4:
            q, y = 1, y + 1
        return "DATE", f"{y}-Q{q}", "quarter", True
    if unit == "decade":
        return "DATE", str(anchor.year + 10 * offset)[:3], "decade", True
    if unit == "century":
        return "DATE", str(anchor.year // 100 + offset), "century", True
    return None


_LONG_SUFFIX = re.compile(r"-?long$")


def _h_unit_long(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    return "DURATION", _duration(1, _LONG_SUFFIX.sub("", t)), "duration", False


def _h_past_units(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    t = _UNIT_ADJ_RX.sub("", t)
    m = re.search(rf"({_NUM_WORD_COMPOUND})\s+({_UNIT})$", t)
    if not m:
        return None
    return "DURATION", _duration(_num(m.group(1)), m.group(2)), "duration", False


def _h_weekday_set(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    day = WEEKDAYS.get(re.sub(r"days?$", "day", t.split()[0].rstrip(".")))
    if day is None:
        return None
    pod = next((code for word, code in PARTS_OF_DAY.items() if t.endswith(word + "s")), "")
    return "SET", f"XXXX-WXX-{day + 1}" + (f"T{pod}" if pod else ""), "set", False


def _h_weekday_rel(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    m = re.search(_WEEKDAY, t)
    if not m:
        return None
    weekday = WEEKDAYS.get(m.group().rstrip(".").lower())
    if weekday is None:
        return None
    modifier = (
        "last"
        if t.startswith(_LAST_WEEK_OPENERS)
        else "next"
        if t.startswith(_NEXT_WEEK_OPENERS)
        else "this"
        if t.startswith("this")
        else ""
    )
    pod = next((code for word, code in PARTS_OF_DAY.items() if t.endswith(word)), None)
    if anchor is None:
        value = f"XXXX-WXX-{weekday + 1}"
        return ("TIME", value + f"T{pod}", "time", True) if pod else ("DATE", value, "day", True)
    day = _resolve_weekday(weekday, anchor, tense, modifier).isoformat()
    if pod:
        return "TIME", f"{day}T{pod}", "time", True
    return "DATE", day, "day", True


def _h_day_words(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    offset = 0
    if "day before yesterday" in t:
        offset = -2
    elif "day after tomorrow" in t:
        offset = 2
    elif re.search(r"\byesterday\b", t) or t == "last night":
        offset = -1
    elif re.search(r"\btomorrow\b", t) or t.startswith(("the next", "the following")):
        offset = 1
    day = _shift(anchor, offset)
    pod = None
    for word, code in PARTS_OF_DAY.items():
        # "yesterday afternoon", and "mid-afternoon yesterday": the part of the day named
        if re.search(rf"\b(?:mid-?)?{word}\b", t):
            pod = code
    if pod:
        return "TIME", f"{day}T{pod}", "time", True
    return "DATE", day, "day", True


def _h_nth_day(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    return "DATE", _shift(anchor, 0), "day", True


def _h_duration(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    t = _UNIT_ADJ_RX.sub("", t)
    if re.search(r"\band a half\b|-and-a-half\b|\s1/2\b", t):
        return _h_half_duration(t, anchor, tense)
    t2 = re.sub(r"^(?:the|a|an)\s+(?=\w)", "", t) if not re.match(r"^an?[- ]\w+$", t) else t
    t2 = re.sub(r"[- ](?:long|old)$", "", t2)
    t2 = re.sub(r"^(?:past|last|next|coming|first|previous|final|following)\s+", "", t2)
    m = re.match(rf"({_NUM_WORD_COMPOUND})[- ]({_UNIT})$", t2)
    if not m:
        return None
    if t.endswith("old"):
        return None  # "a 10-year-old boy": an age, not a time
    return "DURATION", _duration(_num(m.group(1)), m.group(2)), "duration", False


def _h_half_unit(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    # "half a year" P6M, "half a century" P50Y (TimeML writes no fractions)
    return "DURATION", _duration(0.5, t.split()[-1]), "duration", False


def _h_half_duration(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    """ "two and a half years" -> P2Y6M, "5 1/2 hours" -> PT5H30M, "a minute and a half";
    "two and a half years ago" -> the month then."""
    m = re.search(
        rf"\b({_NUM_WORD_COMPOUND})(?:\s+and\s+a\s+half|\s+1/2|-and-a-half)?[- ]({_UNIT})", t
    )
    if not m:
        return None
    n = _num(re.sub(r"^(?:(?:the|a|an)\s+)?(?:past|last|next|first|another)\s+", "", m.group(1)))
    unit = m.group(2)
    t = _EVENT_SIGNAL.sub("", t)  # a span from an event (see _h_ago)
    direction = re.search(r"\b(ago|earlier|from now|hence)$", t)
    if direction:
        back = direction.group(1) in ("ago", "earlier")
        if anchor is None or n is None or not unit.startswith(("year", "month")):
            return "DATE", "PAST_REF" if back else "FUTURE_REF", "ref", True
        months = int(n * 12 + 6 if unit.startswith("year") else n) * (-1 if back else 1)
        d = _add_months(anchor, months)
        return "DATE", f"{d.year}-{d.month:02d}", "month", True
    whole = _duration(n, unit)  # "P2Y", "PT5H"
    parts = re.fullmatch(r"P(T?)(\d+)([A-Z]+)", whole)
    # the half in the next smaller unit (_HALVES); half a week has none (ISO writes no W with D),
    # and a decade's or a century's half is whole years ("two and a half decades" P25Y, not the
    # half of its P20Y's years)
    half = (
        _HALVES.get((parts.group(3), parts.group(1) == "T"))
        if parts is not None
        and parts.group(3) != "W"
        and not unit.lower().startswith(("decade", "centur"))
        else None
    )
    if parts is None or half is None:
        return "DURATION", _duration(None if n is None else n + 0.5, unit), "duration", False
    value, code, is_time = half
    time_mark = "T" if is_time and not parts.group(1) else ""  # "P2DT12H"
    return "DURATION", f"{whole}{time_mark}{_fmt_num(value)}{code}", "duration", False


def _h_bare_unit_duration(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    return "DURATION", _duration(None, t.split()[0]), "duration", False  # "weeks or months": W


def _h_set(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    simple = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
              "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W"}  # fmt: skip
    if t in simple:
        return "SET", simple[t], "set", False
    recurring = re.sub(r"^(?:every|each)\s+", "", t)
    if recurring in SEASONS:
        return "SET", f"XXXX-{SEASONS[recurring]}", "set", False  # "every summer"
    if re.fullmatch(_HOLIDAY, recurring):
        # "every Christmas": its day in any year, where the day is fixed (not Easter's)
        name = re.sub(r"^the\s+|\s+(?:day|sunday)$", "", recurring)
        one, other = _holiday_date(name, 2000), _holiday_date(name, 2001)
        if one is None or other is None or (one.month, one.day) != (other.month, other.day):
            return "SET", "XXXX-XX-XX", "set", False
        return "SET", f"XXXX-{one.month:02d}-{one.day:02d}", "set", False
    last = t.split()[-1]
    # a whole month's name: "decade" starts as "Dec." does
    month = _month_num(last) if len(t.split()) == 2 and re.fullmatch(_MONTH, last, re.I) else None
    if month is not None and not re.fullmatch(_WEEKDAY, last):
        return "SET", f"XXXX-{month:02d}", "set", False  # "each July"
    wd = re.fullmatch(_WEEKDAY, t.split()[-1])
    if wd and WEEKDAYS.get(wd.group().rstrip(".")) is not None:
        return "SET", f"XXXX-WXX-{WEEKDAYS[wd.group().rstrip('.')] + 1}", "set", False
    part = re.fullmatch(rf"(?:every|each)\s+({_WEEKDAY})\s+({_POD})", t)
    if part and WEEKDAYS.get(part.group(1).rstrip(".")) is not None:
        # "every Saturday afternoon": that part of each such day
        code = PARTS_OF_DAY[part.group(2)]
        return "SET", f"XXXX-WXX-{WEEKDAYS[part.group(1).rstrip('.')] + 1}T{code}", "set", False
    word = t.split()[-1]
    m = re.search(rf"({_NUM_WORD})\s+({_UNIT})$", t)
    if m:
        return "SET", _duration(_num(m.group(1)), m.group(2)), "set", False
    unit = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P1Q",
            "decade": "P10Y", "hour": "PT1H", "minute": "PT1M",
            "morning": "TMO", "night": "TNI", "evening": "TEV"}.get(word)  # fmt: skip
    if unit is None:
        return None
    value = f"XXXX-XX-XX{unit}" if unit.startswith("T") else unit
    if "other" in t and not unit.startswith("T"):
        value = value.replace("1", "2")  # "every other week": P2W
    return "SET", value, "set", False


def _h_basis_set(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    """ "on a daily basis", "on an annual basis": a set, like "daily" the adverb."""
    return _h_set("annually" if t == "annual" else t, anchor, tense)


def _h_year(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    year = _year_of(t)
    return ("DATE", str(year), "year", False) if year else None


_REFS = {
    "now": "PRESENT_REF", "nowadays": "PRESENT_REF", "currently": "PRESENT_REF", "presently": "PRESENT_REF",
    "at present": "PRESENT_REF", "at the moment": "PRESENT_REF", "these days": "PRESENT_REF",
    "right now": "PRESENT_REF", "today's": "PRESENT_REF", "the moment": "PRESENT_REF", "this time": "PRESENT_REF",
    "the time being": "PRESENT_REF", "for now": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "current": "PRESENT_REF", "lately": "PAST_REF", "formerly": "PAST_REF",
    "previously": "PAST_REF", "once": "PAST_REF", "in the past": "PAST_REF", "the past": "PAST_REF",
    "earlier": "PAST_REF", "in the future": "FUTURE_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "future": "FUTURE_REF",
    "soon": "FUTURE_REF", "as soon as possible": "FUTURE_REF", "shortly": "FUTURE_REF", "later": "FUTURE_REF", "eventually": "FUTURE_REF",
    "one day": "FUTURE_REF", "some day": "FUTURE_REF",
}  # fmt: skip


_RECENT_UNITS = re.compile(r"(?:in )?recent (\w+)")
_COMING_UNITS = re.compile(r"(?:in )?(?:the )?coming ")
_VERY_NEAR = re.compile(r"very\s+near")


def _h_ref(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    if t.endswith("term"):
        return "DATE", "FUTURE_REF", "ref", False  # "in the near term", "for the long term"
    recent = _RECENT_UNITS.match(t)
    if recent and t.startswith("in "):
        # "in recent years": a span of unstated length back from now, like "for years" (PXY)
        return "DURATION", _duration(None, recent.group(1)), "duration", False
    if recent:
        # "the boom of recent years": the recent past, as "recent" alone; one expression, not
        # "recent" and a second one for "years"
        return "DATE", "PAST_REF", "ref", False
    if _COMING_UNITS.match(t):
        # "in the coming days", "in coming months", "for coming quarters": the time ahead
        return "DATE", "FUTURE_REF", "ref", False
    value = _REFS.get(_VERY_NEAR.sub("near", t))  # "the very near future" is the near future
    return ("DATE", value, "ref", False) if value else None


def _last_completed_quarter(anchor: date) -> tuple[int, int]:
    q, y = _quarter(anchor) - 1, anchor.year
    return (4, y - 1) if q < 1 else (q, y)


def _h_year_quarter(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    """ "this year's third quarter" -> that quarter; "last year's quarter": the quarter being
    reported (the last completed one), a year before."""
    ordinal = _QUARTER_ORDINAL.search(t)
    named = _year_of(t)
    if named is not None and ordinal:  # "1999's third quarter"
        return "DATE", f"{named}-Q{ORDINALS[ordinal.group(1)]}", "quarter", False
    if anchor is None:
        return "DATE", f"XXXX-Q{ORDINALS[ordinal.group(1)] if ordinal else 'X'}", "quarter", True
    year = named or anchor.year + {"last": -1, "this": 0, "next": 1}[t.split()[0]]
    if ordinal is None:  # the quarter being reported, in the year named or a year before
        q, y = _last_completed_quarter(anchor)
        return "DATE", f"{named or y + year - anchor.year}-Q{q}", "quarter", True
    return "DATE", f"{year}-Q{ORDINALS[ordinal.group(1)]}", "quarter", True


def _h_same_period(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    """ "the same month a year ago": the anchor's month a year before (the month the story
    named, see _year_before); "the same period last year": that quarter (see _in_context)."""
    if "month" in t.split()[:3]:
        if anchor is None:
            return "DATE", "XXXX-XX", "month", True
        return "DATE", f"{anchor.year - 1}-{anchor.month:02d}", "month", True
    if anchor is None:
        return "DATE", "XXXX-QX", "quarter", True
    q, y = _last_completed_quarter(anchor)
    return "DATE", f"{y - 1}-Q{q}", "quarter", True


def _h_year_ago_period(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    if anchor is None:
        return "DATE", "XXXX", "year", True
    return "DATE", str(anchor.year - 1), "year", True


def _h_period(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    """ "the latest period", "the 1988 period": in results stories, the quarter reported (or
    the same quarter of the year named)."""
    year = _year_of(t)
    if anchor is None:
        return "DATE", f"{year or 'XXXX'}-QX", "quarter", True
    q, y = _last_completed_quarter(anchor)
    return "DATE", f"{year or y}-Q{q}", "quarter", True


def _h_month_of_year(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    """ "July last year", "January of this year"."""
    month = _month_num(re.sub(r"^(?:early|mid|late)[- ]", "", t).split()[0])
    if month is None:
        return None
    if anchor is None:
        return "DATE", f"XXXX-{month:02d}", "month", True
    shift = {"last": -1, "this": 0, "next": 1}[t.split()[-2]]
    return "DATE", f"{anchor.year + shift}-{month:02d}", "month", True


def _h_day_of_year(t: str, anchor: date | None, tense: str | None) -> Normalised | None:
    """ "Sept. 19 last year", "19 September this year"."""
    words = [w for w in re.split(r"[\s,]+", t) if w and w != "of"]
    month = next((m for w in words[:2] if (m := _month_num(w)) is not None), None)
    day = next((int(d[0]) for w in words[:2] if (d := re.match(r"\d+", w))), None)
    if month is None or day is None:
        return None
    if anchor is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", "day", True
    year = anchor.year + {"last": -1, "this": 0, "next": 1}[words[-2]]
    try:
        return "DATE", date(year, month, day).isoformat(), "day", True
    except ValueError:
        return None


_HANDLERS = {
    "day_of_year": _h_day_of_year,
    "month_of_year": _h_month_of_year,
    "period": _h_period,
    "year_ago_period": _h_year_ago_period,
    "year_quarter": _h_year_quarter,
    "same_period": _h_same_period,
    "iso_datetime": _h_iso_datetime,
    "iso_date": _h_iso_date,
    "numeric_date": _h_numeric_date,
    "time_date": _h_time_date,
    "live_stamp": _h_time_date,
    "month_day_range": _h_month_day_range,
    "month_day_year": _h_month_day_year,
    "day_month_year": _h_day_month_year,
    "month_year": _h_month_year,
    "holiday": _h_holiday,
    "quarter": _h_quarter,
    "quarter_code": _h_quarter_code,
    "nth_weekday": _h_nth_weekday,
    "week_of_month": _h_week_of_month,
    "year_phrase": _h_year_phrase,
    "spelled_year": _h_spelled_year,
    "century": _h_century,
    "half_year": _h_half_year,
    "fiscal_year": _h_fiscal_year,
    "decade": _h_decade,
    "apos_year": _h_apos_year,
    "season": _h_season,
    "ago": _h_ago,
    "rel_unit": _h_rel_unit,
    "past_units": _h_past_units,
    "unit_long": _h_unit_long,
    "nth_day": _h_nth_day,
    "day_of_month": _h_day_of_month,
    "new_year": _h_new_year,
    "weekday_rel": _h_weekday_rel,
    "weekday_set": _h_weekday_set,
    "day_words": _h_day_words,
    "month_rel": _h_month_rel,
    "month_may": _h_month_rel,
    "half_unit": _h_half_unit,
    "duration": _h_duration,
    "bare_unit_duration": _h_bare_unit_duration,
    "set": _h_set,
    "basis_set": _h_basis_set,
    "year": _h_year,
    "the_year_n": _h_year,
    "ref": _h_ref,
}
# Words our patterns match that are rarely temporal on their own in news text.
_WEAK_RULES = {"ref", "bare_unit_duration"}
_WEAK_REFS = {
    "previously",
    "formerly",
    "once",
    "later",
    "earlier",
    "future",
    "the moment",
    "this time",
    "soon",
    "shortly",
    "eventually",
    "the past",
}
# "last" before a duration, which the tagger may read as the verb ("to last three days")
_LAST_AS_VERB = re.compile(r"last\s+(?=\S)", re.IGNORECASE)
_LEADING_PREP = re.compile(
    r"^(?:in|on|since|until|by|at|during|from|before|after)\s+", re.IGNORECASE
)


# "until Friday", "as early as Tuesday": a deadline or a first possible day lies ahead
_DEADLINE = re.compile(
    r"\b(?:(?:until|till)(?:\s+after)?|effective|as\s+(?:soon|early)\s+as|no\s+later\s+than)\s+$"
)
# "the meeting was moved to Thursday", "pushed back to May", "rescheduled for June": a new date
# set for what was put off or brought forward lies ahead, even told in the past tense (not "had
# been moved to Thursday", see _put_off_to)
_PUT_OFF_TO = re.compile(
    r"\b(?:postponed|delayed|deferred|rescheduled|moved|shifted|pushed\s+back|put\s+off|"
    r"brought\s+forward|moved\s+up|moved\s+back|pushed)\s+(?:to|for)\s+$",
    re.IGNORECASE,
)
# "See you on Thursday", "see you next Monday": a day to come
_SEE_YOU = re.compile(r"\bsee\s+you\s+(?:on\s+|next\s+)?$", re.IGNORECASE)
# "pay down the loan by February", "loans through January": the month a deadline falls in
_BY_MONTH = re.compile(r"\b(?:by|through|before)\s+(?:early\s+|mid-?|late\s+)?$", re.IGNORECASE)
# "has boycotted the talks since November", told in October: a time already begun, on or before
# the anchor (the month after the anchor's is otherwise the coming one, see _resolve_month)
_SINCE = re.compile(r"\bsince\s+(?:early\s+|mid-?|late\s+)?$", re.IGNORECASE)
# "the accession was planned for early March", "the vote was scheduled for January": the plan
# is told in the past, the month it names is the nearest one (often ahead), not the last before
_PLANNED_FOR = re.compile(
    r"\b(?:planned|scheduled|slated|set|due|expected|timed)\s+(?:for|in)\s+$", re.IGNORECASE
)
# "set a trial date of Sept. 10", "gave them a deadline of Dec. 31": the day set is the nearest
# such day (often ahead), whatever the tense of the setting
_DATE_SET_OF = re.compile(r"\b(?:date|deadline)\s+of\s+$", re.IGNORECASE)
# "on April 24 and 25", "Nov. 7 or 8": a second day of the same month, named by its number
# alone; only before punctuation or a word that ends the phrase, not "24 and 25 percent"
_SECOND_DAY = re.compile(
    rf"\s+(?:and|or)\s+({_DAYNUM})"
    r"(?=\s*[.,;:)]|\s+(?:in|at|on|when|with|for|to|and|as|after|before)\b)"
)
_YEAR_RX = re.compile(_YEAR)
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)$")


_SECOND_DAY_YEAR = re.compile(rf",\s*({_YEAR})\b")  # the year after the second day


def _same_month_day(value: str, day: str) -> str | None:
    """ "2000-04-24" and "25th": "2000-04-25" (None for a day the month lacks)."""
    try:
        return date(int(value[:4]), int(value[5:7]), int(_ORDINAL_SUFFIX.sub("", day))).isoformat()
    except ValueError:
        return None


_DATE_AFTER_COMMA = re.compile(rf",\s*(?:{_MONTH}|\d)", re.IGNORECASE)
# the rules whose day, month or quarter a deadline or a to-infinitive puts ahead ("cannot reopen
# until the first quarter" in December is next year's)
_DAY_MONTH_RULES = {
    "weekday_rel",
    "month_rel",
    "month_may",
    "time_date",
    "month_day_year",
    "month_day_range",
    "quarter",
    "holiday",
    "nth_weekday",
    "day_of_month",
}
# rules whose day or month a present-tense clause can schedule ahead (see _scheduled_ahead)
_SCHEDULABLE = frozenset(
    [
        "weekday_rel",
        "time_date",
        "month_day_year",
        "month_day_range",
        "month_rel",
        "month_may",
        "holiday",
        "nth_weekday",
    ]
)
_FREQUENCY = re.compile(r"\b(?:once|twice|thrice|times)\s+$", re.IGNORECASE)
_RATE_UNITS = {"a year", "a month", "a week", "a day", "a night", "an hour", "a minute",
               "a quarter", "a decade"}  # fmt: skip


def _is_rate(raw: str, token: Token | None) -> bool:
    if raw.lower() not in _RATE_UNITS or token is None or token.i == 0:
        return False
    if token.doc[token.i - 1].pos_ == "ADP":
        return False  # "in a week", "within a year": a span, whatever number comes before
    before = token.doc[max(0, token.i - 3) : token.i]
    return any(
        (t.like_num and t.ent_type_ != "ORDINAL")
        or t.text in ("$", "%", "times", "percent")
        or t.ent_type_ in ("MONEY", "PERCENT", "CARDINAL")
        for t in before
    )


# a results story's quarter, not a fraction ("a quarter of the vote") or a quarterback
# what a quarter's figures are called after its name ("fourth-quarter results", "third-quarter
# net income", "first-quarter GDP"): the figures of a quarter begun, reported at or after its end
_RESULTS_OF_QUARTER = re.compile(
    r"[\s-]+(?:(?:net|operating|pretax|pre-tax|gross|core|domestic)\s+)?(?:results|earnings|"
    r"profits?|loss(?:es)?|sales|revenues?|income|GDP|output|figures)\b",
    re.IGNORECASE,
)
_QUARTERLY = re.compile(
    r"\bquarter(?!back|s?\s+of\s+(?:a|an|the|its|their|all|his|her|our|those|these)\b)"
    r"|\b(?:third|second|first|fourth|latest)[- ]period\b"
)
# rooms and circles, not quarters of a year: "living quarters", "in some quarters"
_NOT_QUARTERS = re.compile(
    r"\b(?:living|sleeping|military|close|crew|staff|some|many|other|certain)\s+quarters\b"
)


# "the first six months", "the first half": the half a year's first months make
_FIRST_HALF = re.compile(r"(?:the\s+)?first\s+(?:six\s+months|half)", re.IGNORECASE)


def _period_compared(
    found: list[TemporalExpression], start: int, at: int, anchor: date
) -> Normalised | None:
    """ "the same period last year", "the year-earlier period" after a period other than a
    quarter named before it in the sentence: that period a year before ("sales in October rose
    from the same period last year" is last October; after "the first six months of this year",
    last year's first half) or, after months that make no calendar unit ("the first nine
    months"), as many months again, as TimeBank annotates it (P9M). None when the sentence names
    no such period between `start` (the sentence's) and `at` (the expression's), or a quarter
    (see _in_context)."""
    prior = [e for e in found if start <= e.start_char < at]
    if not prior:
        return None
    named = prior[-1]
    if named.granularity == "year" and named.value[:4].isdigit() and len(prior) >= 2:
        if _FIRST_HALF.fullmatch(prior[-2].text):
            # "the first six months of this year": the first half of that year
            return "DATE", f"{int(named.value[:4]) - 1}-H1", "half", True
        return None
    if named.granularity == "year" and named.value[:4].isdigit():
        # "Sales so far this year are up from the same period last year": the year to date
        # compared, in the year before (a quarter the story reports is read in _in_context)
        return "DATE", str(int(named.value[:4]) - 1), "year", True
    if named.type == "DURATION" and _FIRST_HALF.fullmatch(named.text):
        # "the first six months": of the year the story is in, or of the one before in its
        # first half ("the first half" has a value of its own, below)
        year = anchor.year if anchor.month > 6 else anchor.year - 1
        return "DATE", f"{year - 1}-H1", "half", True
    if named.type == "DURATION" and re.fullmatch(r"P\d+M", named.value):
        return "DURATION", named.value, "duration", False
    m = re.fullmatch(r"(\d{4})-(\d\d|H[12])", named.value)
    if m is not None:
        granularity = "month" if m[2].isdigit() else "half"
        return "DATE", f"{int(m[1]) - 1}-{m[2]}", granularity, True
    return None


def _named_quarter(found: list[TemporalExpression], since: int) -> tuple[int, int] | None:
    """(year, quarter) of the last specific quarter named from `since` on, not a year-ago one."""
    for prior in reversed(found):
        if prior.start_char < since:
            break
        m = re.fullmatch(r"(\d{4})-Q([1-4])", prior.value)
        if m and not re.search(r"year[- ](?:ago|earlier)|\b1[6-9]\d\d\b|\b20\d\d\b", prior.text):
            return int(m[1]), int(m[2])
    return None


# the entity types of a name a time word may be part of ("Current TV")
_NAME_ENTS = frozenset(["ORG", "WORK_OF_ART", "PRODUCT", "FAC", "PERSON", "GPE", "NORP", "LOC"])


# agreements and statements a date names ("the February 13 agreement"): made on that date,
# so before the story that names them by it
_DONE_DEALS = frozenset(
    ["agreement", "deal", "accord", "accords", "pact", "statement", "declaration", "framework"]
)


def _made_before(
    got: Normalised, anchor: date, agreements: Mapping[tuple[int, int], date]
) -> Normalised:
    """A day or month an agreement was made on, on or before the anchor: the day of a known
    agreement of that month and day, else the last such day (the nearest may lie ahead: "the
    September 19 joint statement" in a story of August 28 is no later than last September's)."""
    value = got[1]
    day = _DAY_VALUE.match(value[:10]) is not None and value[:4].isdigit()
    if day:
        made = agreements.get((int(value[5:7]), int(value[8:10])))
        if made is not None and made <= anchor:
            return got[0], made.isoformat() + value[10:], got[2], got[3]
    # (ISO days and months compare as strings do)
    # (a month's value: a day's is read above)
    when = value[:10] if day else value if _MONTH_OR_DAY_VALUE.match(value) else None
    if when is not None and when > anchor.isoformat()[: len(when)]:
        return got[0], f"{int(value[:4]) - 1}{value[4:]}", got[2], got[3]
    return got


def _names_a_done_deal(token: Token | None) -> bool:
    """Whether a date stands before an agreement it names ("the October 3 agreement")."""
    if token is None:
        return False
    head = token.head if token.dep_ != "ROOT" else token
    while head.dep_ in ("compound", "nmod", "npadvmod", "nummod") and head.head is not head:
        head = head.head
    return head.lower_ in _DONE_DEALS and head.i > token.i and head.i - token.i <= 4


def _sentence_initial(token: Token | None) -> bool:
    """First word of its sentence, after any opening quotes."""
    if token is None:
        return False
    first = token.sent.start
    while first < token.i and token.doc[first].is_quote:
        first += 1
    return first == token.i


def _future_as_time(token: Token | None, text: str, end: int) -> bool:
    """ "in the future", "well into the future", "worried about the future": the time ahead,
    after a preposition; not "the future of X" or "an approach to the future"."""
    if token is None or token.i == 0 or re.match(r"\s+of\b", text[end : end + 4]):
        return False
    prev = token.doc[token.i - 1]
    return prev.pos_ == "ADP" and prev.lower_ not in ("to", "of")


def _someday(token: Token | None) -> bool:
    """ "one day" used as an adverb between a subject or modal and its verb ("he will one day
    lead", "hopes he one day follows"): an indefinite time ahead (TIMEX3 FUTURE_REF), not a
    duration ("in the job one day", "followed by one day")."""
    if token is None or token.i == 0 or token.i + 2 >= len(token.doc):
        return False
    prev, nxt = token.doc[token.i - 1], token.doc[token.i + 2]
    return prev.tag_ == "MD" or (prev.pos_ in ("PRON", "PROPN") and nxt.pos_ in ("VERB", "AUX"))


def _before_noun(doc: Doc, text: str, end: int) -> bool:
    """The next word is a noun or adjective the expression modifies ("long-term savings")."""
    gap = re.match(r" +(?=[a-z])", text[end : end + 3])
    nxt = token_at(doc, end + gap.end()) if gap else None
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ")


def _title_of_name(raw: str, token: Token | None) -> bool:
    """A capitalised "Today" or "This Week" after an acronym, or quoted on its own: the name of
    a paper or a programme ("USA Today", "VOA Today", ABC's "This Week")."""
    if token is None or token.i == 0 or not all(w[:1].isupper() for w in raw.split()):
        return False
    prev = token.doc[token.i - 1]
    if prev.tag_ == "``" or prev.text in ("“", "‘"):
        # the whole quotation is the name: "This Week," or "This Week With David Brinkley"
        after = token.doc[token.i + len(raw.split()) : token.i + len(raw.split()) + 5]
        for t in after:
            if t.tag_ == "''" or t.text in ("”", "’"):
                return True
            if not (t.is_punct or t.text[:1].isupper()):
                return False
        return False
    if prev.text in ("'s", "’s") and token.i > 1:
        prev = token.doc[token.i - 2]  # a network's programme: ABC's This Week
    return prev.pos_ == "PROPN" and prev.text.isupper() and len(prev.text) > 1


# a unit word capitalised inside a sentence: the name of a programme ("60 Minutes", "48 Hours")
_CAPITAL_UNIT = re.compile(r"[A-Z][a-z]+$")
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def _programme_title(raw: str, token: Token | None) -> bool:
    """ "said on CBS's '60 Minutes'": a duration whose unit word is capitalised in a sentence
    that is not a headline (a headline has no full stop, or capitalises most of its words; half
    is a plain majority, not tuned), so the capital marks a name."""
    if token is None or _sentence_initial(token) or not _CAPITAL_UNIT.search(raw):
        return False
    sent = _sent_text(token).strip()
    words = _LATIN_WORD.findall(sent)
    lower = sum(1 for w in words if w.islower())
    return bool(_SENTENCE_END.search(sent)) and lower >= len(words) / 2


# a word that a number names one of right after it: "Resolution 1874", "resolution 1718",
# "Flight 1549", "No. 2001" (not a year that dates it)
_NUMBERED = re.compile(
    r"\b(?:Resolution|Resolutions|Flight|Route|Highway|Interstate|Room|Article|Section|Chapter"
    r"|Bill|Item|Gate|Platform|Channel|Decree|No\.|Nos\."
    r"|Number|Nr\.)\s+$",
    re.IGNORECASE,
)


def _year_before_noun(token: Token) -> bool:
    """A year NER took for a number, between a determiner and the one thing it dates: "the 2000
    inter-Korean summit", "Pyongyang's 1994 accord" (not "the 2000 troops", a count)."""
    doc = token.doc
    return (
        token.i > 0
        and doc[token.i - 1].tag_ in ("DT", "PRP$", "POS")
        and token.head.i > token.i
        and token.head.tag_ in ("NN", "NNP")
    )


def _after_quantity(token: Token | None) -> bool:
    """The word follows an amount: "8.5% annually", "$17.9 million annually"."""
    if token is None or token.i == 0:
        return False
    prev = token.doc[token.i - 1]
    return (
        prev.like_num
        or prev.text in ("%", "percent")
        or prev.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")
        or (prev.pos_ == "NOUN" and token.i > 1 and token.doc[token.i - 2].like_num)
    )


def _in_context(
    got: Normalised,
    raw: str,
    rule: str | None,
    anchor: date,
    tense: str | None,
    token: Token,
    found: list[TemporalExpression],
) -> Normalised:
    """Values that depend on the sentence: quarterly results and weekends."""
    kind, value, granularity, relative = got
    if rule == "rel_unit":
        if raw in ("the quarter", "the latest quarter", "the period", "the latest period"):
            if tense != "future":
                q, y = _last_completed_quarter(anchor)
                return "DATE", f"{y}-Q{q}", "quarter", True
        elif raw == "the weekend" and tense == "past" and value.endswith("-WE"):
            # the weekend just gone: the week before, unless the anchor is that weekend itself
            back = 0 if anchor.weekday() >= 5 else 1
            return kind, _week(anchor - timedelta(weeks=back)) + "-WE", granularity, relative
        return got
    if rule == "same_period" and "month" in raw.split()[:3]:
        return got  # a month, whatever the story reports
    year_ago = rule in ("year_ago_period", "same_period") or raw in (
        "a year ago",
        "a year earlier",
        "one year ago",
        "one year earlier",
    )
    if not year_ago and rule != "period":
        return got
    sent = token.sent
    if rule in ("same_period", "year_ago_period") and "period" in raw.split():
        compared = _period_compared(found, sent.start_char, token.idx, anchor)
        if compared is not None:
            return compared
    text = doc_text(token.doc)
    context = text[sent.start_char : sent.end_char].lower()
    before = sent
    for _ in range(2):  # the figures of a results story follow the sentence naming the quarter
        if before.start == 0:
            break
        before = token.doc[before.start - 1].sent
        context += text[before.start_char : before.end_char].lower()
    quarterly = bool(_QUARTERLY.search(_NOT_QUARTERS.sub("", context))) or "period" in raw
    if quarterly and year_ago:
        # earnings reports compare the quarter just ended with the same quarter a year before;
        # a fiscal quarter the story named ("the fourth quarter ended Aug. 26") is that quarter
        q, y = _last_completed_quarter(anchor)
        named = _named_quarter(found, before.start_char)
        if named is not None:
            y, q = named
        ordinal = _QUARTER_ORDINAL.search(raw)
        if ordinal and ORDINALS[ordinal.group(1)] != q:
            # "the year-ago third quarter": the quarter it names, the last such before the anchor
            q = ORDINALS[ordinal.group(1)]
            y = anchor.year if q < _quarter(anchor) else anchor.year - 1
        return "DATE", f"{y - 1}-Q{q}", "quarter", True
    if rule == "period":
        named = _named_quarter(found, before.start_char)
        if named is not None:
            year = named[0] if raw.endswith("latest period") else int(value[:4])
            return kind, f"{year}-Q{named[1]}", granularity, relative
    return got


_FULL_MONTHS = {calendar.month_name[n].lower() for n in range(1, 13)}
# "the annual March for Life", "the Million Man March on Washington": a march named for its
# cause or its goal, not the month (a month after "in", "since", "last"... stays a month)
_MARCH_EVENT = re.compile(r"\s+(?:for|on|against)\s+(?:the\s+)?[A-Z]")
_BEFORE_MONTH = re.compile(
    r"\b(?:in|since|until|till|by|of|from|during|before|after|through|last|next|this|early|"
    r"mid|late|and|or|to)[\s-]+$",
    re.IGNORECASE,
)


def _not_a_month(raw: str, after: str, before: str = "") -> bool:
    """ "Jan Kavan", "the march": an abbreviation without its period, or "march" in lower case;
    "the annual March for Life": a march named for its cause (see _MARCH_EVENT)."""
    word = re.split(r"[\s-]+", raw)[-1]
    if word == "march":
        return True
    if word == "March" and _MARCH_EVENT.match(after) and not _BEFORE_MONTH.search(before):
        return True
    bare = word.lower()
    return (
        bare not in _FULL_MONTHS
        and not bare.endswith(".")
        and not after[:2].lstrip().startswith(".")
    )


# "today" and "tomorrow" naming an era, not a day: "in today's world", "for today's youth",
# "many of today's computers", "the people of tomorrow". The nouns are those of a population or
# an age (TimeBank and AQUAINT leave such uses unannotated while "today's editions", "today's
# quiz" name the day)
_GENERIC_TODAY_NOUN = re.compile(
    r"(?:'s|’s)\s+(?:world|society|youth|young|generation|children|kids|teenagers|culture|era)\b",
    re.IGNORECASE,
)
_GENERIC_TODAY_PARTITIVE = re.compile(r"\b(?:many|most|all|some|much)\s+of\s+$", re.IGNORECASE)
# "the people of tomorrow", not "as of tomorrow" (a start) or "the morning of tomorrow" (a day)
_OF_TOMORROW = re.compile(
    r"\b(?!as\b|morning\b|afternoon\b|evening\b|night\b|end\b)[a-z]+\s+of\s+$", re.IGNORECASE
)


def _era_today(raw: str, text: str, start: int, end: int) -> bool:
    """ "today" or "tomorrow" used for the present or future age, not a calendar day."""
    word = raw.lower()
    if word not in ("today", "tomorrow"):
        return False
    before = text[max(0, start - 16) : start]
    after = text[end : end + 16]
    if word == "tomorrow":
        return bool(_OF_TOMORROW.search(before)) and not after.startswith(("'s", "’s"))
    return bool(
        _GENERIC_TODAY_NOUN.match(after)
        or (after.startswith(("'s", "’s")) and _GENERIC_TODAY_PARTITIVE.search(before))
    )


def _modifies_noun(token: Token | None) -> bool:
    """An adjective before the noun it modifies ("the recent sale")."""
    return (
        token is not None
        and token.dep_ == "amod"
        and token.head.i > token.i
        and token.head.pos_ in ("NOUN", "PROPN")
    )


_VERY = re.compile(r"(?<=\bthe )very\s+", re.IGNORECASE)
_ANAPHORIC = re.compile(
    r"^(?:(?:earlier|later)\s+in\s+)?"  # "later in the day": the day the story tells of
    r"(?:(?P<same>the|that|the same|that same)|(?P<next>the next|the following)|"
    r"(?P<prev>the previous|the prior|the preceding))\s+(?P<unit>day|week|weekend|month|quarter"
    r"|year)$"
)
# a week follows from a day or a week the story named
_GRAIN = {"day": r"\d{4}-\d\d-\d\d", "week": r"\d{4}-(?:W\d\d$|\d\d-\d\d)",
          "weekend": r"\d{4}-\d\d-\d\d", "month": r"\d{4}-\d\d",
          "quarter": r"\d{4}-Q[1-4]$", "year": r"\d{4}"}  # fmt: skip


def _anaphoric(
    got: Normalised, raw: str, found: list[TemporalExpression], anchor: date | None = None
) -> Normalised:
    """ "that year", "the following month", "the same day": relative to the date the story
    last named at that granularity (narrative time), not to the publication date."""
    m = _ANAPHORIC.match(raw)
    if m is None or got[0] != "DATE":
        return got
    unit = m["unit"]
    if unit != "day" and m["same"] in ("the",):
        return got  # "the year", "the month": the current one
    if unit == "year" and m["next"] and raw.startswith("the next"):
        return got  # "the next year": the year after the anchor
    grain = re.compile(_GRAIN[unit])
    for prior in reversed(found):
        hit = grain.match(prior.value)
        if hit is None or (unit == "year" and not prior.value[:4].isdigit()):
            continue
        if raw.startswith("earlier") and anchor is not None and hit.group() > anchor.isoformat():
            continue  # "earlier in the day" is no day ahead of the story's ("leaves on Tuesday")
        if unit == "year" and prior.relative and prior.granularity in ("day", "time", "week"):
            # "The first round ran from Aug. 27 to 29, 2003 ... (said in an interview Monday)
            # ... Two more rounds were held the following year": the year the story told of,
            # not the week of its reporting
            continue
        offset = 1 if m["next"] else -1 if m["prev"] else 0
        base = hit.group()
        if unit == "day":
            value = (date.fromisoformat(base) + timedelta(days=offset)).isoformat()
        elif unit == "weekend":
            # "Over that weekend": the weekend of the week of the day the story told of
            value = _week(date.fromisoformat(base) + timedelta(weeks=offset)) + "-WE"
        elif unit == "week":
            day = (
                date.fromisocalendar(int(base[:4]), int(base[6:8]), 1)
                if "W" in base
                else date.fromisoformat(base)
            )
            value = _week(day + timedelta(weeks=offset))
        elif unit == "month":
            d = _add_months(date(int(base[:4]), int(base[5:7]), 1), offset)
            value = f"{d.year}-{d.month:02d}"
        elif unit == "quarter":
            value = _quarter_shifted(int(base[:4]), int(base[6]), offset)  # "the previous quarter"
        else:
            value = str(int(base) + offset)
        return got[0], value, got[2], True
    return got


_EARLIER = re.compile(
    rf"^(?:the\s+)?({_NUM_WORD_COMPOUND})\s+(year|quarter|month|week)s?\s+earlier$"
)
_YEAR_MONTH_DAY = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")


def _earlier_than_told(
    got: Normalised, raw: str, found: list[TemporalExpression], since: int, doc: Doc
) -> Normalised:
    """ "He moved to Seoul in 1998. Two years earlier, he had defected": that many units before
    the date the story last named from `since` on (the sentence before), as TIMEX3 anchors it,
    not before the publication date. A quarter of a results story is read in _in_context."""
    m = _EARLIER.match(raw)
    if m is None or got[0] != "DATE" or got[2] not in ("year", "quarter", "month", "week"):
        return got
    n, unit = _num(m.group(1)), m.group(2)
    if (got[2] == "quarter") != (unit == "quarter"):
        return got  # "a year earlier" of a results story: the quarter (_in_context)
    for prior in reversed(found):
        if prior.start_char < since:
            break
        above = _clauses_above(doc, prior)
        if above is not None and "relcl" in above:
            continue  # "the statement of 2005 crowned talks that had begun in 2003": the 2005
        if unit == "quarter" and n is not None and re.fullmatch(r"\d{4}-Q[1-4]", prior.value):
            quarter = _quarter_shifted(int(prior.value[:4]), int(prior.value[6]), -int(n))
            return "DATE", quarter, "quarter", True
        base = _YEAR_MONTH_DAY.match(prior.value) if prior.type == "DATE" else None
        if base is None or n is None:
            continue
        year, month, day = base.group(1), base.group(2), base.group(3)
        if unit == "year":
            if month is None or day is not None:  # of a day, the year only
                return "DATE", str(int(year) - int(n)), "year", True
            return "DATE", f"{int(year) - int(n)}-{month}", "month", True
        if unit == "month" and month is not None:
            then = _add_months(date(int(year), int(month), 1), -int(n))
            return "DATE", f"{then.year}-{then.month:02d}", "month", True
        if unit == "week" and day is not None:
            return (
                "DATE",
                _week(date.fromisoformat(prior.value) - timedelta(weeks=int(n))),
                "week",
                True,
            )
        return got
    return got


def _that_part_of_day(
    got: Normalised, found: list[TemporalExpression], days_after: int = 0
) -> Normalised:
    """ "that night", "later that morning", "the following morning": a part of the day the story
    last named, or of the day after it."""
    for prior in reversed(found):
        if _DAY_VALUE.match(prior.value[:10]) and prior.value[:4].isdigit():
            day = date.fromisoformat(prior.value[:10]) + timedelta(days=days_after)
            return got[0], day.isoformat() + got[1][10:], got[2], True
    return got


def _after_that(token: Token | None) -> bool:
    """Whether a weekday has "that" for its determiner ("that Wednesday", not "said that
    Wednesday's talks ...")."""
    if token is None or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    # (the parser may hang the day on "that": "approved the text that Sunday in a call")
    return before.lower_ == "that" and (
        (before.dep_ == "det" and before.head.i == token.i) or token.head.i == before.i
    )


def _story_weekday(got: Normalised, raw: str, found: list[TemporalExpression]) -> Normalised:
    """ "down 4.5% from the previous Friday" (after Friday's close), "decided the following
    Monday": the weekday before or after the day the story last named, not the one before or
    after the publication date ("last Friday", "next Monday": the fallback without such a day)."""
    if not _DAY_VALUE.match(got[1][:10]):
        return got
    weekday = date.fromisoformat(got[1][:10]).weekday()
    for prior in reversed(found):
        if _DAY_VALUE.match(prior.value[:10]) and prior.value[:4].isdigit():
            base = date.fromisoformat(prior.value[:10])
            if raw.startswith("the following"):
                day = base + timedelta(days=(weekday - base.weekday() - 1) % 7 + 1)
            elif raw == "that":
                ahead = (weekday - base.weekday()) % 7
                day = base + timedelta(days=ahead if ahead <= 3 else ahead - 7)  # the nearest
            else:
                day = base - timedelta(days=(base.weekday() - weekday - 1) % 7 + 1)
            return got[0], day.isoformat() + got[1][10:], got[2], True
    return got


# "September 19 that year", "in March of the following year": a day or month of the year the
# story last named, not of the anchor's year
_OF_STORY_YEAR = re.compile(
    r",?\s+(?:of\s+)?(?P<which>that(?:\s+same)?|the\s+same|the\s+following|the\s+next|"
    r"the\s+previous|the\s+prior)\s+year\b",
    re.IGNORECASE,
)
_STORY_YEAR_RULES = frozenset(["month_day_year", "month_rel", "month_may", "holiday"])


def _in_story_year(got: Normalised, which: str, found: list[TemporalExpression]) -> Normalised:
    """A day or month put in the year the story last named, or the one after or before it."""
    offset = (
        1
        if which.endswith(("following", "next"))
        else -1
        if which.endswith(("previous", "prior"))
        else 0
    )
    for prior in reversed(found):
        # a year, not a decade's "198" ("the 1980s"), written out: not one a day or month took
        # from the anchor ("in the first quarter of 2007, produced the Feb. 13 agreement, under
        # which the North shut the reactor that July": 2007)
        if _YEAR_VALUE.match(prior.value) and not prior.relative:
            return got[0], f"{int(prior.value[:4]) + offset}{got[1][4:]}", got[2], True
    return got


# "the following spring", "the next summer": the season after the date the story last wrote out
_SEASON_AFTER = re.compile(r"the\s+(?:following|next)\s+\w+$", re.IGNORECASE)
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season_after_told(got: Normalised, told: list[TemporalExpression]) -> Normalised:
    """ "took part in the first round in August 2003 ... by the following spring": the first such
    season after the last date written out with its year in this sentence or the one before
    (2004-SP); after a year alone, the next year's ("left in 1998 and returned the following
    summer"). As it was when none is."""
    for prior in reversed(told):
        if prior.relative or not _YEAR_VALUE.match(prior.value):
            continue
        year = int(prior.value[:4])
        month = int(prior.value[5:7]) if prior.value[5:7].isdigit() else None
        if month is None or month >= _SEASON_START[got[1][-2:]]:
            year += 1
        return got[0], f"{year}{got[1][4:]}", got[2], True
    return got


_RELATIVE_MONTH = re.compile(r"(?:last|next|this)\b", re.IGNORECASE)
_YEAR_VALUE = re.compile(r"\d{4}(?![\dX])")


def _date_told_before(
    found: list[TemporalExpression],
    token: Token | None,
    anchor: date,
    tense: str | None,
    month: str = "",
) -> TemporalExpression | None:
    """The year (or the date of one) written out earlier in the sentence of a bare month or a
    month's day told in the past, before the anchor's year ("opened on July 26, 2005, ran for 13
    days and resumed in September": July 26, 2005; see _after_the_date_told), or framing the
    sentence before (_frame_of); None if none."""
    if not found or token is None or tense != "past":
        return None
    if _last_time(token):
        return None  # "began in 2003 and last met in December": the December before the anchor
    # the last date told before it, past a span ("ran for 13 days")
    last = next((f for f in reversed(found) if f.type == "DATE"), found[-1])
    sent = token.sent
    if last.start_char < sent.start_char and sent.start > 0:
        # ... or, with none in its own sentence, the last year written out in the sentence
        # before, in the same paragraph: a story told in order ("In 2005, Kim's counterpart
        # was Hill. The two men first met in July": July 2005)
        before = token.doc[sent.start - 1]
        if "\n" in before.text_with_ws:
            # ... or, opening its paragraph, the date that framed the paragraph before when no
            # other date was told after it ("In September 2005, the parties issued their first
            # joint statement. ... \n\n The statement was adopted on Sept. 19.": 2005)
            told = _paragraph_framed_before(before, found)
        else:
            in_before = [f for f in found if f.start_char >= before.sent.start_char]
            told = _frame_of(before.sent, in_before) or _same_month_told(in_before, month)
        if told is None:
            return None
        last = told
    elif last.start_char < sent.start_char:
        return None
    if not (
        _YEAR_VALUE.match(last.value) is not None
        # (or a year the story told of before: "The following year brought the gravest
        # setbacks: ... on October 9, it conducted its first nuclear test": 2006)
        and (not last.relative or _STORY_YEAR_WORDS.fullmatch(last.text) is not None)
        and int(last.value[:4]) < anchor.year
    ):
        return None
    # ... in the sentence's own telling, not a clause about something else ("The talks, which
    # began in 2003, last met in December": the December before the anchor)
    above = _clauses_above(token.doc, last)
    if above is None or above & _RELATIVE_CLAUSES:
        return None
    return last


_RELATIVE_CLAUSES = frozenset(["relcl", "acl"])


def _same_month_told(told: list[TemporalExpression], month: str) -> TemporalExpression | None:
    """The one month of a year written out in the sentence before, when it is the month of a
    bare day after it ("in early October 2006 the analyst told colleagues ... The North carried
    out the test on Oct. 9": 2006); not one of a list ("Earlier rounds were held in August 2003,
    February 2004 and June 2004. North Korea declared in February ...")."""
    months = [f for f in told if not f.relative and _MONTH_VALUE.match(f.value)]
    if len(months) != 1 or not month or months[0].value[5:7] != month:
        return None
    return months[0]


def _last_time(token: Token) -> bool:
    """Whether the verb a date hangs on is told as the latest time ("last met", "most recently
    met")."""
    verb = token
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    # (the parser may make "last" the subject: "began in 2003 and last met in December")
    return any(
        c.lower_ in ("last", "recently") and (c.dep_ == "advmod" or c.i == verb.i - 1)
        for c in verb.children
    )


def _clauses_above(doc: Doc, expression: TemporalExpression) -> frozenset[str] | None:
    """The dependency labels of the words an expression hangs under ("relcl": it is told in a
    relative clause); None when no span of tokens covers it."""
    span = doc.char_span(expression.start_char, expression.end_char, alignment_mode="expand")
    return None if span is None else frozenset(t.dep_ for t in span.root.ancestors)


# what may open a sentence before a time that frames it: "Instead, in the spring of 2007, ..."
_FRAME_OPENER = re.compile(
    r"(?:(?:but|and|instead|then|later|still|yet|finally|eventually|meanwhile|by contrast)\s*,?\s+)?"
    r"(?:in|on|by|during|after|until)\s+$",
    re.IGNORECASE,
)


# a year named by the year the story told of before it
_STORY_YEAR_WORDS = re.compile(
    r"(?:the\s+(?:following|next|previous|prior)|that(?:\s+same)?)\s+year", re.IGNORECASE
)


def _paragraph_framed_before(
    last_token: Token, found: list[TemporalExpression]
) -> TemporalExpression | None:
    """The date that frames the first sentence of the paragraph whose last token is given
    (_frame_of), when no date is told after that sentence; None otherwise."""
    first = last_token.sent
    while first.start > 0 and "\n" not in last_token.doc[first.start - 1].text_with_ws:
        first = last_token.doc[first.start - 1].sent
    if any(f.start_char >= first.end_char for f in found):
        return None
    return _frame_of(first, [f for f in found if f.start_char >= first.start_char])


def _frame_of(sent: Span, told: list[TemporalExpression]) -> TemporalExpression | None:
    """The date that opens a sentence and frames it ("In 2005, Kim's counterpart was Hill, who
    had taken the job that spring"), when no later date of the sentence's own telling moves
    the story on ("On May 22, 1995, he was made a general, and the following year ...")."""
    if not told or told[0].type != "DATE":
        return None
    text = doc_text(sent.doc)
    if not _FRAME_OPENER.fullmatch(text, sent.start_char, told[0].start_char):
        return None
    if not text.startswith(",", told[0].end_char):
        return None  # an adverbial set off by its comma, not "In 2005 it tested"
    for later in told[1:]:
        above = _clauses_above(sent.doc, later)
        if above is None or not above & _RELATIVE_CLAUSES:
            return None
    return told[0]


_MONTH_VALUE = re.compile(r"\d{4}-\d\d")


_RECENT_DAY = timedelta(days=60)  # as _month_day_year's nearest day: two months


def _after_the_date_told(got: Normalised, told: str, anchor: date) -> Normalised:
    """A bare month or a month's day after the date `told` (_date_told_before's value): the first
    such month or day on or after it ("opened on July 26, 2005, ... and resumed in September":
    2005-09; "In July 2006, it fired missiles; on October 9, it detonated a device": 2006-10-09;
    "after the talks broke down in December 2008, the North said in January": 2009-01), kept as
    it was when that one would be after the anchor."""
    since = date(
        int(told[:4]),
        int(told[5:7]) if told[5:7].isdigit() else 1,
        int(told[8:10]) if told[8:10].isdigit() else 1,
    )
    month = int(got[1][5:7]) if got[1][5:7].isdigit() else 0
    if _DAY_VALUE.match(got[1][:10]):
        day = int(got[1][8:10])
        first = _safe_date(since.year, month, day)
        if first < since:
            first = _safe_date(since.year + 1, month, day)
        value = first.isoformat()
        alone = date.fromisoformat(got[1][:10])
        if (
            timedelta(0) <= anchor - alone <= _RECENT_DAY
            and first - since > _RECENT_DAY
            and alone.year > since.year + 1
        ):
            # "did not stop its first test in October 2006 or its second on May 25", told on
            # June 15, 2009: a day of the last weeks, not one soon after the date told, is
            # news of them, years after it
            return got
    elif _MONTH_VALUE.fullmatch(got[1]):
        first = date(since.year + (month < since.month), month, 1)
        value = first.isoformat()[:7]
    else:
        return got
    if first > anchor:
        return got
    return got[0], value + got[1][10:], got[2], True


def _weekday_range_start(found: list[TemporalExpression], text: str, start: int) -> date | None:
    """The day a range of weekdays starts on, when the expression at `start` ends one: the last
    one found is a weekday's date joined to it by "to", "through" or a dash ("from Monday to
    Friday"; not "from Sept. 14 to Thursday")."""
    if not found:
        return None
    last = found[-1]
    if (
        _DAY_VALUE.match(last.value[:10])
        and last.value[:4].isdigit()
        and _DAY_RANGE_JOIN.fullmatch(text, last.end_char, start)
        and _WEEKDAY_WORD.search(last.text) is not None
    ):
        return date.fromisoformat(last.value[:10])
    return None


def _year_before(got: Normalised, found: list[TemporalExpression]) -> Normalised:
    """ "Sales fell in January from the same month a year ago": the month the story last
    named, a year before."""
    for prior in reversed(found):
        hit = re.match(r"(\d{4})-(\d\d)(?:-\d\d)?$", prior.value)
        if hit:
            return got[0], f"{int(hit[1]) - 1}-{hit[2]}", got[2], True
    return got


_SHARED_SET = re.compile(
    r"\s+(?:and|or)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(mornings|afternoons|evenings|nights)\b",
    re.IGNORECASE,
)
# a recording's time stamp in brackets before a transcript's turn ("[00:03:40]")
_RECORDING_STAMP = re.compile(RECORDING_STAMP)
_CLOCK_ONLY = re.compile(rf"{_TIME_OF_DAY}{_ZONE}$", re.IGNORECASE)
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d$")
# what looks ahead to an event on a weekday: "going into Thursday's session", "ahead of the
# opening plenary on Monday morning"
_AHEAD_OF = re.compile(
    r"\b(?:ahead\s+of|going\s+into|in\s+the\s+run-up\s+to|in\s+preparation\s+for|in\s+advance\s+of)"
    r"\s+(?:[\w-]+\s+){0,4}$",
    re.IGNORECASE,
)


def _after_the_day_before(
    got: Normalised, found: list[TemporalExpression], token: Token
) -> Normalised:
    """A weekday looked ahead to from a day its sentence named before it is the first such
    weekday after that day ("met on Saturday ahead of Monday's opening": the Monday after)."""
    if not found or found[-1].start_char < token.sent.start_char:
        return got
    return _story_weekday(got, "the following", found[-1:])


_DAY_THEN_CLOCK = re.compile(r",?[ \t]+|,")  # between a day and the clock time that follows it


# what sets a live page's time stamp off from its entry: "18:40 GMT: ...", "8:55 a.m. — ..."
_STAMP_END = re.compile(r":|\s*(?:--|[—–]|-\s)")


# a paragraph opening with four figures that may be a clock time, and the entries a live page
# has at least, one of them no year (before 1600), to be read as one
_FOUR_FIGURE_STAMP = re.compile(r"^[ \t]*([0-2]\d[0-5]\d)(?=:[ \t]|[ \t]+[A-Z])", re.MULTILINE)
_LIVE_PAGE_STAMPS_MIN = 3


@lru_cache(maxsize=8)
def _live_page(text: str) -> bool:
    """Whether a text is a live page whose entries open with four-figure time stamps ("0712:
    ...", "1012 GMT: ..."), not a chronology's years ("2003: ...")."""
    stamps = [int(m.group(1)) for m in _FOUR_FIGURE_STAMP.finditer(text)]
    return len(stamps) >= _LIVE_PAGE_STAMPS_MIN and any(stamp < 1600 for stamp in stamps)


def _time_stamp(text: str, start: int, end: int) -> bool:
    """Whether a clock time opens its paragraph before a colon or a dash ("18:40 GMT: ...",
    "8:55 a.m. — Envoys are arriving ...")."""
    return _STAMP_END.match(text, end) is not None and opens_line(text, start)


def _clock_day(
    got: Normalised, anchor: date | None, start: int, token: Token | None,
    found: list[TemporalExpression],
) -> Normalised:  # fmt: skip
    """ "made its first flight Tuesday in Everett at 18:00 UTC": a clock time without a day
    is on the day its sentence named (TIMEX3 anchors it there), else on the anchor's day;
    without an anchor, on the last full date the story gave (its date line)."""
    if token is not None:
        header = _day_header_above(doc_text(token.doc), start, found)
        if header is not None:
            return got[0], header + got[1][10:], got[2], got[3]
    sent_start = token.sent.start_char if token is not None else start
    for prior in reversed(found):
        if prior.start_char < sent_start and anchor is not None:
            break
        if _DAY_VALUE.match(prior.value) and (anchor is not None or not prior.relative):
            return got[0], prior.value + got[1][10:], got[2], got[3]
    return got


# how near before a day without a year a full date must stand to lend it its year (characters,
# about two paragraphs: 765 between "On Sept. 13, 2005" and "the morning of Sept. 17" in a
# retrospective; 600 missed it; at 1,000 one older story's date moved, to the right year, and
# no TimeBank/AQUAINT/MEANTIME prediction), how far from the anchor that date must lie, and how
# close to it the day must fall
_NARRATIVE_REACH = 1000
_NARRATIVE_AWAY = timedelta(days=180)
_NARRATIVE_NEAR = timedelta(days=31)
# ... and how close within an entry of a chronology that the full date opens ("* Oct. 3, 2007 -
# The parties agree that North Korea will ... declare all its programmes by Dec. 31"): the
# entry is told from its date, half a year either way (set by hand, not tuned)
_ENTRY_NEAR = timedelta(days=183)
# a chronology's entry: its date opens the line, after a bullet (_ENTRY_LEAD, as a schedule's
# clock time does), and a dash or colon follows it
_ENTRY_DATE_TAIL = re.compile(r"[ \t]*(?:[-–—:])[ \t]")


_YEAR_ONLY = re.compile(r"\d{4}$")  # a year's value ("2006"), not a month's or a day's


def _naming_date(token: Token | None) -> bool:
    """Whether a date modifies a noun it names ("the Sept. 19, 2005 joint statement")."""
    return (
        token is not None
        and token.dep_ in ("nmod", "compound", "amod")
        and token.head.pos_ in ("NOUN", "PROPN")
        and token.head.i > token.i
    )


def _narrative_year(
    got: Normalised, found: list[TemporalExpression], start: int, anchor: date, text: str
) -> Normalised:
    """A day without a year in a story told from a date long before the anchor ("On September
    19, 2005, the parties issued a statement. ... On September 20, the North said ...") is on
    the year of that full date when it falls within a month of it (within half a year in the
    entry of a chronology that date opens), not the anchor's; not once a year named since has
    moved the story on."""
    # (the last day named, with its year or placed in the story told: "On Sept. 13, 2005,
    # ... on the morning of Sept. 17 ... On Sept. 19, ...")
    told = next(
        (
            f
            for f in reversed(found)
            if start - f.start_char <= _NARRATIVE_REACH
            and _DAY_VALUE.match(f.value)
            and (not f.relative or anchor - date.fromisoformat(f.value) >= _NARRATIVE_AWAY)
        ),
        None,
    )
    if told is None:
        return got
    then = date.fromisoformat(told.value)
    if anchor - then < _NARRATIVE_AWAY:
        return got  # (a date ahead is no story told: a cable's "DECL: 12/27/2016")
    if any(
        f.start_char > told.start_char
        and _YEAR_ONLY.match(f.value)
        and f.value[:4] > told.value[:4]
        for f in found
    ):
        # the story moved on: "The following year brought ... on October 9" (not a year before
        # it the story looks back to: "... had done exactly that in 1994. ... on July 27")
        return got
    day = date.fromisoformat(got[1])
    near = _ENTRY_NEAR if _opens_entry(text, told, start) else _NARRATIVE_NEAR
    for year in (then.year, then.year - 1, then.year + 1):
        candidate = _safe_date(year, day.month, day.day)
        if abs(candidate - then) <= near:
            return got[0], candidate.isoformat(), got[2], got[3]
    return got


def _opens_entry(text: str, told: TemporalExpression, start: int) -> bool:
    """Whether `told` opens the chronology entry (its paragraph) that `start` lies in."""
    line_start = text.rfind("\n", 0, told.start_char) + 1
    return (
        _ENTRY_LEAD.fullmatch(text, line_start, told.start_char) is not None
        and _ENTRY_DATE_TAIL.match(text, told.end_char) is not None
        and "\n" not in text[told.end_char : start]
    )


# what may open a schedule's entry before its clock time: a bullet ("- 9:30 a.m.: ...")
_ENTRY_LEAD = re.compile(r"[ \t]*(?:[-*•–—][ \t]*)?")
_ENTRY_LINE = re.compile(r"[ \t]*(?:[-*•–—]|\d{1,2}(?::\d\d)?[ \t]*[ap]\.?m\b)", re.IGNORECASE)


def _day_header_above(text: str, start: int, found: list[TemporalExpression]) -> str | None:
    """The day of a schedule's header line over the entry a clock time opens ("MONDAY, DEC. 8"
    over "- 9:30 a.m.: Heads of delegation photo opportunity"), through the entries between;
    None when the time does not open an entry, or no day heads the entries."""
    line_start = text.rfind("\n", 0, start) + 1
    if _ENTRY_LEAD.fullmatch(text, line_start, start) is None:
        return None
    while line_start > 0:
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above : line_start - 1]
        if not line.strip():
            return None  # a blank line: no header right above the entries
        if not _ENTRY_LINE.match(line):
            header = line.strip().rstrip(":")
            begins = above + line.index(header[:1]) if header else above
            return next(
                (
                    f.value
                    for f in found
                    if f.start_char == begins
                    and f.end_char - f.start_char == len(header)
                    and _DAY_VALUE.match(f.value)
                ),
                None,
            )
        line_start = above
    return None


# A date alone on one of the first lines of the text: the article's date line
_DATELINE = re.compile(
    rf"^[ \t]*(?:{_WEEKDAY},?[ \t]+)?({_MONTH}[ \t]+{_DAYNUM}[ \t]*,?[ \t]+{_YEAR})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def _dateline(text: str) -> date | None:
    """The date of the article's date line ("September 01, 2007" under the title), which stands
    in for a missing publication date: the story's "today" is that day."""
    head = "\n".join(text.split("\n", 3)[:3])
    m = _DATELINE.search(head)
    got = _h_month_day_year(m.group(1).lower(), None, None) if m else None
    return date.fromisoformat(got[1]) if got else None


# "Sept.", "Thu.": the period belongs to the abbreviation; "in June." ends the sentence
_ABBREVIATION_END = re.compile(r"\b(?!(?:may|june|july)\.)[A-Za-z]{3,4}\.$", re.IGNORECASE)


# a chronology's entry: a paragraph that opens with a full date and a dash or a colon ("Oct. 9,
# 2006: North Korea conducts its first nuclear test. ... Talks held Dec. 18-22 ...")
_ENTRY_DATE = re.compile(
    rf"^[ \t]*({_MONTH}\s+{_DAYNUM}(?:\s*[-–]\s*{_DAYNUM})?,?\s+{_YEAR})\s*(?:—|–|--?|:)[ \t]",
    re.IGNORECASE | re.MULTILINE,
)
_ENTRIES_MIN = 2  # one such paragraph may be a story's own; two or more make a chronology
# ... and an entry without its year: "Jan. 16-18: Hill and Kim met in Berlin" (a year in review)
_ENTRY_DAY = re.compile(
    rf"^[ \t]*({_MONTH}\s+{_DAYNUM})(?:\s*[-–]\s*{_DAYNUM})?\s*(?:—|–|--?|:)[ \t]",
    re.IGNORECASE | re.MULTILINE,
)
# what an entry without its year tells to come: a schedule's, not a review's
_ENTRY_AHEAD = re.compile(r"\b(?:will|is\s+(?:due|scheduled|expected|set))\b", re.IGNORECASE)


def _line_end(text: str, at: int) -> int:
    """Where the line (a paragraph) holding `at` ends."""
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _chronology_entries(text: str, anchor: date | None) -> list[tuple[int, int, date]]:
    """(start, end, day) of what each entry of a chronology tells after its date: told against
    that day, not the publication date ("Feb. 13, 2007 -- ... The deadline passes in April":
    April 2007, in a list published in 2008). An entry without its year is of the last such day
    on or before the anchor ("Jan. 16-18: ... met", in a review of the year on Dec. 28), unless
    it tells what will come; its date's own start is the entry's start."""
    entries = []
    for m in _ENTRY_DATE.finditer(text):
        got = _h_month_day_year(m.group(1).lower(), None, None)
        if got is None or not _DAY_VALUE.match(got[1]) or not got[1][:4].isdigit():
            continue
        entries.append((m.end(1), _line_end(text, m.end()), date.fromisoformat(got[1][:10])))
    for m in _ENTRY_DAY.finditer(text):
        if anchor is None:
            break
        got = _h_month_day_year(m.group(1).lower(), anchor, "past")
        end = _line_end(text, m.end())
        if got is None or not _DAY_VALUE.match(got[1]) or _ENTRY_AHEAD.search(text, m.end(), end):
            continue
        day = date.fromisoformat(got[1][:10])
        if day > anchor:
            day = _safe_date(day.year - 1, day.month, day.day)
        entries.append((m.start(1), end, day))
    return entries if len(entries) >= _ENTRIES_MIN else []


def extract_dates(
    doc: Doc, anchor: date | None, agreements: Mapping[tuple[int, int], date] | None = None
) -> list[TemporalExpression]:
    """All temporal expressions of one article, in text order, normalised against `anchor`.

    `agreements` gives the day each agreement of the story was made on, by month and day (an
    alias table's, tasks.entities): a date naming one takes its year ("the September 19 joint
    statement" is 2005-09-19 in a story of 2008)."""
    text = doc_text(doc)
    if anchor is not None and anchor.year not in _ANCHOR_YEARS:
        anchor = None  # a placeholder: Go's zero time 0001-01-01, a "never" 9999-12-31
    if anchor is None:
        anchor = _dateline(text)
    found: list[TemporalExpression] = []
    covered = 0  # the end of the last expression that took in the words after its match
    undated: list[tuple[int, int]] = []  # clock times whose sentence named no day before them
    story_anchor = anchor
    entries = _chronology_entries(text, anchor)
    for m in _SCANNER.finditer(text):
        rule = m.lastgroup
        start, end = m.start(), m.end()
        if start < covered:
            continue  # "that year" of "September 19 that year", read with the day
        # a chronology's entry tells its story against its own date (_chronology_entries)
        anchor = next((day for lo, hi, day in entries if lo <= start < hi), story_anchor)
        raw = text[start:end]
        # a leading preposition is context, not part of the expression ("in January")
        prep = _LEADING_PREP.match(raw)
        if prep and rule not in ("ref",):
            start += prep.end()
            raw = text[start:end]
        verb = _LAST_AS_VERB.match(raw)
        if verb is not None:
            first = token_at(doc, start)
            if first is not None and first.tag_.startswith("VB"):
                # "expected to last three days": the verb, not "the last three days" before now
                start += verb.end()
                raw = text[start:end]
        while (
            raw
            and raw[-1] in ".,;:"
            and not raw.lower().endswith(("a.m.", "p.m."))
            and not _ABBREVIATION_END.search(raw)
        ):
            end -= 1
            raw = text[start:end]
        if not raw.strip():
            continue
        if rule == "live_stamp" and not (opens_line(text, start) and _live_page(text)):
            rule = _rule_of(raw)  # a year ("2003: The first round opens"), not a clock time
            if rule is None:
                continue
        if rule in _WEAK_RULES and raw.lower() in _WEAK_REFS:
            continue
        token = token_at(doc, start)
        that_month = rule in ("month_rel", "season") and raw[:5].lower() == "that "
        month = token_at(doc, start + 5) if that_month else None
        if (
            that_month
            and token is not None
            and token.dep_ != "det"
            # (not a month that is no subject: "Koizumi's visit to Pyongyang that September",
            # which the parser may not call "that" the determiner of)
            and (month is None or month.dep_ in ("nsubj", "nsubjpass"))
        ):
            # "said that January was cold": the conjunction, not the month's determiner
            start += len(token.text_with_ws)
            raw = text[start:end]
            token = token_at(doc, start)
        if (
            rule == "ref"
            and raw.lower() == "now"
            and (
                text[end : end + 1] == "-"
                or (re.match(r"\s*,", text[end : end + 2]) and _sentence_initial(token))
            )
        ):
            continue  # "Now, he says": a discourse marker; "the now-cancelled deal"
        if rule == "ref" and raw.lower() == "the future" and not _future_as_time(token, text, end):
            continue  # "the future of our peoples", "an approach to the future"
        if rule == "ref" and raw.lower().endswith("-term") and _before_noun(doc, text, end):
            continue  # "the long-term value of the company": an adjective, not a time
        if rule == "ref" and raw.lower() in ("recent", "current") and not _modifies_noun(token):
            continue  # "the recent sale", "current market conditions"; not "the current"
        if (
            rule == "ref"
            and raw[:1].isupper()
            and token is not None
            and token.ent_type_ in _NAME_ENTS
            and not _sentence_initial(token)
        ):
            continue  # "who work for Current TV": a word of a name, capitalised inside a sentence
        if (
            rule == "year"
            and token is not None
            and token.ent_type_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT")
            and not _year_before_noun(token)
        ):
            continue
        if start > 0 and _RECORDING_STAMP.match(text, start - 1):
            continue  # "[00:03:40] DR. HANA CHOI: ...": where in a recording, not a time of day
        if rule == "year" and _NUMBERED.search(text, max(0, start - 16), start):
            continue  # "Resolution 1874", "Flight 1549", "No. 1999": a number, not a year
        if (
            rule == "month_rel"
            and raw.lower().rstrip(".") in ("march", "may", "sun", "sat", "wed")
            and token is not None
            and token.pos_ in ("VERB", "AUX")
        ):
            continue
        if rule == "month_rel" and _not_a_month(
            raw, text[end : end + 24], text[max(0, start - 12) : start]
        ):  # 24 characters hold "for the" and a capital; 12 hold "the annual" or "since early"
            continue
        if (
            rule == "weekday_rel"
            and raw.lower().rstrip(".")
            in ("sun", "sat", "wed", "mon", "tue", "tues", "fri", "thu", "thur", "thurs")
            and text[end : end + 1] != "."
            and not _DATE_AFTER_COMMA.match(text, end)
        ):
            # "Sun Microsystems", "Sun, a maker of workstations": an abbreviation needs its
            # period, or a date after its comma ("Sun, Dec. 5")
            continue
        if rule == "set" and " " not in raw and token is not None and token.pos_ != "ADV":
            continue  # "a quarterly dividend": an adjective; "reports daily" is a set
        if rule in ("day_words", "rel_unit") and _title_of_name(raw, token):
            continue  # "USA Today", ABC's "This Week": a newspaper, a programme
        if rule == "weekday_rel" and raw == "Sunday" and text[max(0, start - 5) : start] == "News ":
            # "Fox News Sunday", "CBS News Sunday Morning": a programme (a Sunday's only: "NBC
            # News Monday reported" is a day)
            continue
        if rule == "day_words" and _era_today(raw, text, start, end):
            continue  # "in today's world", "the people of tomorrow": an age, not a day
        if rule == "time_date" and re.match(r"high\s+$", text[max(0, start - 5) : start], re.I):
            continue  # "High Noon": a film, an idiom
        if rule == "set" and " " not in raw and _after_quantity(token):
            continue  # "rise 8.5% annually", "10,000 units annually": a rate, not a set
        if rule in ("duration", "past_units") and _programme_title(raw, token):
            continue  # CBS's "60 Minutes", "48 Hours": a programme, not a span
        if (
            rule == "duration"
            and raw.lower().endswith(("quarter", "quarters"))
            and (
                (raw.lower().endswith("quarter") and re.match(r"\s*,?\s+of\b", text[end : end + 8]))
                or re.search(r"-quarters?$", raw.lower())
            )
        ):
            continue  # "a quarter of its dealers", "three-quarters": fractions
        if rule == "duration" and raw.lower() in ("one day", "some day") and _someday(token):
            rule = "ref"  # "Islam will one day be...": some day ahead, not a span of a day
        if (
            rule == "duration"
            and raw.lower() in _RATE_UNITS
            and _FREQUENCY.search(text, max(0, start - 12), start)
        ):
            rule = "set"  # "twice a year", "three times a week": a frequency (TIMEX3 SET)
        if rule == "duration" and _is_rate(raw, token):
            continue  # "$500 million a year": a rate, not a span of time
        if (
            rule == "duration"
            and raw.lower() == "a second"
            and re.match(r"\s+[a-z]", text[end : end + 3], re.I)
        ):
            continue  # "a second A380": an ordinal
        # "the very next day" is "the next day"
        reading = _VERY.sub("", raw) if rule == "rel_unit" else raw
        shared = _SHARED_SET.match(text, end) if rule == "weekday_rel" else None
        if shared:
            # "on Monday and Tuesday nights": the first day shares the plural, a set as well
            rule, reading = "weekday_set", f"{raw} {shared.group(1)}"
        tense = clause_tense(token)
        if (
            anchor is not story_anchor
            and (rule in _DAY_MONTH_RULES or rule == "season")
            and not (token is not None and any(t.dep_ == "relcl" for t in token.ancestors))
        ):
            # what a chronology's entry tells after its date happened on or after that date,
            # whatever its tense ("Oct. 9, 2006: ... Talks held Dec. 18-22 ..."); a relative
            # clause may look back ("Sept. 19, 2005 -- At the end of a round that ran over the
            # summer, ...")
            tense = "future"
        done_deal = False
        looks_ahead = rule == "weekday_rel" and _AHEAD_OF.search(text, max(0, start - 48), start)
        if looks_ahead:
            tense = "future"  # "ahead of Thursday's session": the session is still to come
        elif rule == "weekday_rel" and _SEE_YOU.search(text, max(0, start - 16), start):
            tense = "future"  # "See you on Thursday": a day to come
        elif rule == "weekday_rel" and text[end : end + 2] in ("'s", "’s"):
            if tense == "future":
                pass
            elif anchor and _tomorrows(raw, anchor) and _EVENT_AHEAD.match(text, end + 2):
                # "Thursday's plenary", told on a Wednesday: a meeting the day after the
                # story's, to come (not "After Monday's test", told on a Sunday)
                tense = "future"
            else:
                tense = "past"  # "Wednesday's ruling": a day already reported
        elif (
            rule == "quarter"
            and tense != "past"
            and anchor is not None
            and _quarter(anchor) == 1
            and re.match(r"(?:the\s+)?(?:fourth|4th)\b", raw, re.IGNORECASE)
            and _RESULTS_OF_QUARTER.match(text, end)
        ):
            # "will report fourth-quarter results on Feb. 5", told in January: the figures of
            # the quarter just ended, whatever the tense of their report (a later quarter's may
            # be forecast: "expects third-quarter profit to fall", told in April)
            tense = "past"
        elif rule in ("month_rel", "month_may", "month_day_year", "month_day_range") and (
            _names_a_done_deal(token)
        ):
            tense = "past"  # "the October 3 agreement", "the February deal": made already
            done_deal = True
        elif rule in _DAY_MONTH_RULES and _owed_before(token):
            tense = "past"  # "were supposed to hand it over by December 31": a day gone by
        elif rule in _DAY_MONTH_RULES and (
            _infinitive_ahead(token)
            or (
                rule in _SCHEDULABLE
                and _scheduled_ahead(
                    _name_head(token) if rule in ("holiday", "nth_weekday") else token
                )
            )
            or (
                _DEADLINE.search(text, max(0, start - 24), start)
                and not (tense == "past" and _state_until(token))
            )
            or (tense != "past" and _BY_MONTH.search(text, max(0, start - 9), start))
            or (_PUT_OFF_TO.search(text, max(0, start - 24), start) and not _perfect(token))
        ):
            tense = "future"
        elif (
            rule in ("month_rel", "month_may")
            and tense == "past"
            and _PLANNED_FOR.search(text, max(0, start - 16), start)  # "scheduled for ": 14
        ):
            tense = None  # the nearest such month (see _resolve_month)
        elif (
            rule in _DAY_MONTH_RULES
            and tense == "past"
            and _DATE_SET_OF.search(text, max(0, start - 12), start)  # "deadline of ": 12
        ):
            tense = None  # the nearest such day
        elif rule == "weekday_rel" and tense in ("past", None) and anchor and _planned(token):
            tense = _nearest_weekday(raw, anchor)
        got = normalize(reading, anchor, tense, rule)
        if got is not None and anchor is not None:
            got = _year_by_tense(got, rule, raw, tense, anchor, token)
        if got is not None and anchor is not None and token is not None:
            got = _in_context(got, raw.lower(), rule, anchor, tense, token, found)
        if got is None:
            continue
        if looks_ahead and token is not None:
            got = _after_the_day_before(got, found, token)
        if rule == "same_period" and got[2] == "month":
            got = _year_before(got, found)
        if done_deal and anchor is not None and not _YEAR_RX.search(raw):
            got = _made_before(got, anchor, agreements or {})
        elif (
            anchor is not None
            and rule in _DAY_MONTH_RULES
            and not _YEAR_RX.search(raw)
            and _SINCE.search(text, max(0, start - 12), start)
        ):
            got = _made_before(got, anchor, {})
        of_week = (
            _OF_WEEK.match(text, end) if rule == "weekday_rel" and anchor is not None else None
        )
        if of_week is not None and anchor is not None and _DAY_VALUE.match(got[1][:10]):
            shift = {"last": -1, "this": 0, "next": 1}[of_week["which"].lower()]
            weekday = date.fromisoformat(got[1][:10]).weekday()
            day = anchor + timedelta(days=weekday - anchor.weekday(), weeks=shift)
            got, end = (got[0], day.isoformat() + got[1][10:], got[2], True), of_week.end()
            raw = text[start:end]
            covered = end
            opens = _weekday_range_start(found, text, start)
            if opens is not None:
                # "Tuesday through Thursday last week": the range's first day is in that week too
                moved = day + timedelta(days=opens.weekday() - day.weekday())
                found[-1] = replace(found[-1], value=moved.isoformat() + found[-1].value[10:])
        the_nth = _WEEKDAY_THE_NTH.match(text, end) if rule == "weekday_rel" else None
        if the_nth is not None and _DAY_VALUE.match(got[1][:10]):
            # "next Tuesday, the 14th": the Tuesday that is the 14th, within weeks of the one read
            # (the day of the month stays an expression of its own, as the stories' annotators
            # mostly keep a weekday and its day apart)
            day = date.fromisoformat(got[1][:10])
            same = [
                day + timedelta(weeks=k)
                for k in (0, -1, 1, 2, -2)
                if (day + timedelta(weeks=k)).day == int(the_nth["day"])
            ]
            if same:
                got = (got[0], same[0].isoformat() + got[1][10:], got[2], got[3])
        story_year = (
            _OF_STORY_YEAR.match(text, end)
            if rule in _STORY_YEAR_RULES and got[1][:4].isdigit() and not _YEAR_RX.search(raw)
            else None
        )
        if rule in ("month_rel", "season") and raw[:5].lower() == "that ":
            last_entry = max((e for e in entries if e[0] < start), default=None)
            if last_entry is not None:
                # "That summer, ..." in a chronology: the year of its last entry ("June 21: ...")
                got = (got[0], f"{last_entry[2].year}{got[1][4:]}", got[2], True)
            else:
                # "the reactor went cold that July", "had taken over the bureau that spring":
                # the July or the spring of the year the story tells of
                got = _in_story_year(got, "that", found)
        elif rule == "season" and _SEASON_AFTER.match(raw) and token is not None:
            sent = token.sent
            before = token.doc[sent.start - 1] if sent.start > 0 else None
            # the sentence before too, in the same paragraph
            told_from = (
                before.sent.start_char
                if before is not None and "\n" not in before.text_with_ws
                else sent.start_char
            )
            got = _season_after_told(got, [f for f in found if f.start_char >= told_from])
        elif (
            rule in ("month_rel", "month_day_year", "day_month_year")
            and not _RELATIVE_MONTH.match(raw)  # "last June" is the anchor's
            and not _YEAR_RX.search(raw)
            # "the February 13 agreement" names a deal of its own year, not of the year before
            and (rule == "month_rel" or not _before_noun(doc, text, end))
            and anchor is not None
            and (told := _date_told_before(found, token, anchor, tense, got[1][5:7])) is not None
        ):
            # "Hill flew to Asia almost every month in 2007, and in July inspectors confirmed":
            # the July of the year the sentence tells of, not the one before the anchor
            got = _after_the_date_told(got, told.value, anchor)
        if story_year is not None:
            in_year = _in_story_year(got, story_year["which"], found)
            if in_year is not got:
                got, end = in_year, story_year.end()
                raw = text[start:end]
                covered = end
        if (
            rule == "weekday_rel"
            and found
            and _DAY_VALUE.match(found[-1].value)
            and _WEEKDAY_APPOSITION.fullmatch(text, found[-1].end_char, start)
        ):
            # "Dec. 18, a Wednesday": the weekday is the date it stands beside
            got = (got[0], found[-1].value[:10], got[2], found[-1].relative)
        opens = (
            _weekday_range_start(found, text, start)
            if rule == "weekday_rel" and of_week is None and _DAY_VALUE.match(got[1][:10])
            else None
        )
        if opens is not None:
            # "from Monday to Friday": the range's end is the first such day on or after its
            # start, not the one nearest the anchor on its own
            ahead = (date.fromisoformat(got[1][:10]).weekday() - opens.weekday()) % 7
            got = (got[0], (opens + timedelta(days=ahead)).isoformat() + got[1][10:], got[2], True)
        if (
            rule in ("month_day_year", "month_day_range")
            and anchor is not None
            and not _YEAR_RX.search(raw)
            and _DAY_VALUE.match(got[1])
        ):
            # (not a date that names a thing: "the Sept. 19, 2005 joint statement")
            narrated = [f for f in found if not _naming_date(token_at(doc, f.start_char))]
            got = _narrative_year(got, narrated, start, anchor, text)
        if rule == "rel_unit" or (rule == "quarter" and raw.lower() == "the previous quarter"):
            # ("the previous quarter" is read with the quarters: the last one reported)
            said = reading.lower()
            # (not a date that names a deal: "the Feb. 13 agreement ... earlier in the day")
            undealt = [f for f in found if not _names_a_done_deal(token_at(doc, f.start_char))]
            got = _anaphoric(got, _DAY_BESIDE.get(said, said), undealt, anchor)
        elif rule == "weekday_rel" and _STORY_DAY_MODIFIER_RX.match(raw.lower()):
            got = _story_weekday(got, raw.lower(), found)
        elif rule == "weekday_rel" and _after_that(token):
            # "The round opened on Sept. 13 ... That Wednesday, ...": the day of the week the
            # story tells of, not of the publication's
            got = _story_weekday(got, "that", found)
        elif rule == "ago" and token is not None and raw.lower().endswith("earlier"):
            sent = token.sent
            told_from = token.doc[sent.start - 1].sent.start_char if sent.start > 0 else 0
            got = _earlier_than_told(got, raw.lower(), found, told_from, token.doc)
        elif rule == "day_words" and raw.lower().startswith(("that ", "the ")):
            got = _that_part_of_day(got, found, 1 if raw.lower().startswith("the ") else 0)
        elif rule == "time_date" and _CLOCK_ONLY.match(raw):
            dated = _clock_day(got, anchor, start, token, found)
            if (
                dated is got
                and anchor is not None
                and token is not None
                # not a live page's time stamp ("18:40 GMT: ... will continue tomorrow"): the
                # entry's time on the page's day, whatever day its sentence names
                and not _time_stamp(text, start, end)
            ):
                undated.append((len(found), token.sent.end_char))
            got = dated
        kind, value, granularity, relative = got
        entry_day = next((day for lo, _hi, day in entries if lo == start), None)
        if entry_day is not None and _DAY_VALUE.match(value) and not _YEAR_RX.search(raw):
            # the date of a chronology's entry without its year is the entry's own day
            value = entry_day.isoformat() + value[10:]
        if (
            found
            and found[-1].text.lower() == "the week"
            and text[found[-1].end_char : start] == " of "
            and _DAY_VALUE.match(value)
        ):
            # "the week of January 22": that day's week, one expression
            week = found.pop()
            start, raw = week.start_char, text[week.start_char : end]
            kind, value, granularity = "DATE", _week(date.fromisoformat(value[:10])), "week"
        elif (
            rule == "time_date"
            and _CLOCK_ONLY.match(raw)
            and found
            and _DAY_VALUE.match(found[-1].value)
            and value[:10] == found[-1].value
            and _DAY_THEN_CLOCK.fullmatch(text, found[-1].end_char, start)
        ):
            # "Friday, March 16, 2007, 4:00 p.m.": a head line's day and its clock time are one
            # TIME, as TimeBank's "1998-11-20 19:30" is (not when "at" sets the clock apart)
            named_day = found.pop()
            start, raw, relative = (
                named_day.start_char,
                text[named_day.start_char : end],
                named_day.relative,
            )
        elif (
            found
            and _DAY_VALUE.match(value)
            and raw.lower().startswith("the ")
            and text[found[-1].end_char : start] == ", "
            and WEEKDAYS.get(found[-1].text.lower().rstrip("."))
            == date.fromisoformat(value).weekday()
        ):
            # "by Friday, the 22nd": the weekday is the date it stands beside, one expression
            named_day = found.pop()
            start, raw = named_day.start_char, text[named_day.start_char : end]
        found.append(
            TemporalExpression(
                text=raw,
                start_char=start,
                end_char=end,
                type=kind,
                value=value,
                granularity=granularity,
                anchor=anchor if relative else None,
                relative=relative,
            )
        )
        second = _SECOND_DAY.match(text, end) if rule == "month_day_year" else None
        if second is not None and _DAY_VALUE.match(value) and not _YEAR_RX.search(raw):
            other = _same_month_day(value, second.group(1))
            year = _SECOND_DAY_YEAR.match(text, second.end(1))
            second_end = second.end(1)
            if other is not None and year is not None:
                # "between Feb. 8 and 13, 2007": the year closing the second day is both days'
                found[-1] = replace(
                    found[-1], value=year[1] + value[4:], anchor=None, relative=False
                )
                other, second_end = year[1] + other[4:], year.end()
                covered = second_end
            if other is not None:
                found.append(
                    replace(
                        found[-1],
                        text=text[second.start(1) : second_end],
                        start_char=second.start(1),
                        end_char=second_end,
                        value=other,
                    )
                )
    for i, sent_end in undated:
        # "at about 10:40 local time (0740 GMT) on Friday": the day comes after the clock time
        later = next(
            (e for e in found[i + 1 :] if e.start_char < sent_end and _DAY_VALUE.match(e.value)),
            None,
        )
        if later is not None:
            found[i] = replace(found[i], value=later.value + found[i].value[10:])
    return _period_ended(_range_ends(found, text), text)


# between the two ends of a range of dates ("26 July to 7 August 2005", "Feb. 8 and March 2")
_RANGE_JOIN = re.compile(r"\s*(?:-|–|to|through|until|till|and)\s*")
# ... and a bare first day before the second end, which carries the month and the year ("from
# 13 to 19 September 2005", "between 8 and 13 February 2007", "8-13 February 2007")
_RANGE_FIRST_DAY = re.compile(
    r"(?:\b(?:from|between)\s+([0-3]?\d)\s*(?:-|–|to|through|and)|(?<![\d.,:])\b([0-3]?\d)\s*[-–])\s*$",
    re.IGNORECASE,
)
_MONTH_OR_DAY_VALUE = re.compile(r"\d{4}-\d\d(?:-\d\d)?$")


# "the quarter ended Sept. 30", "the quarter ending March 31": the words between a quarter and
# the day it ends on
_ENDED_ON = re.compile(r"\s+(?:that\s+)?(?:ended|ending|ends)\s+(?:on\s+)?", re.IGNORECASE)
# a period named by no number or name of its own: "the quarter", "the latest week"
_UNNAMED_PERIOD = re.compile(
    r"(?:the\s+)?(?:latest\s+|last\s+|current\s+)?(quarter|week|month)", re.IGNORECASE
)


def _period_ended(found: list[TemporalExpression], text: str) -> list[TemporalExpression]:
    """A period the text names by the day it ends on is the one up to that day, not the latest
    before the anchor. A quarter is the calendar quarter of its three months' middle one ("the
    quarter ended Sept. 30" is Q3, "the quarter ended July 31" Q2, as TimeBank annotates a fiscal
    one); a week is the ISO week of its middle day ("the week ended March 16", a Saturday, is
    that week, not the anchor's); a month is the month of its middle day ("the month ended Feb.
    28"). A quarter named by its number ("the fourth quarter ended Aug. 26") keeps it."""
    out = list(found)
    for i, period in enumerate(found[:-1]):
        day = found[i + 1]
        unnamed = _UNNAMED_PERIOD.fullmatch(period.text)
        if (
            unnamed is None
            or period.granularity != unnamed.group(1).lower()
            or not _DAY_VALUE.match(day.value)
            or not day.value[:4].isdigit()
            or not _ENDED_ON.fullmatch(text, period.end_char, day.start_char)
        ):
            continue
        end = date.fromisoformat(day.value[:10])
        if period.granularity == "quarter":
            middle = _add_months(end, -1)
            value = f"{middle.year}-Q{_quarter(middle)}"
        elif period.granularity == "week":
            value = _week(end - timedelta(days=3))
        else:
            middle = end - timedelta(days=14)
            value = f"{middle.year}-{middle.month:02d}"
        out[i] = replace(period, value=value)
    return out


def _range_ends(found: list[TemporalExpression], text: str) -> list[TemporalExpression]:
    """A range's ends as the year its second end names: the first end takes that year (the one
    before, when its month comes later: "Dec. 28 to Jan. 3, 2008"), not the anchor's ("from 26
    July to 7 August 2005" in a story of 2012), and a bare first day is a date of its own, in
    the second end's month ("from 13 to 19 September 2005": "13" is 2005-09-13)."""
    out: list[TemporalExpression] = []
    for i, expression in enumerate(found):
        after = found[i + 1] if i + 1 < len(found) else None
        if (
            after is not None
            and expression.relative
            and not after.relative
            and _MONTH_OR_DAY_VALUE.match(expression.value)
            and _MONTH_OR_DAY_VALUE.match(after.value)
            and _RANGE_JOIN.fullmatch(text, expression.end_char, after.start_char)
        ):
            year = int(after.value[:4]) - (expression.value[5:7] > after.value[5:7])
            expression = replace(
                expression, value=f"{year}{expression.value[4:]}", anchor=None, relative=False
            )
        first_day = (
            _RANGE_FIRST_DAY.search(text, max(0, expression.start_char - 16), expression.start_char)
            if _DAY_VALUE.match(expression.value) and expression.text[:1].isdigit()
            else None
        )
        if first_day is not None:
            day = int(first_day.group(1) or first_day.group(2))
            at = first_day.start(1) if first_day.group(1) else first_day.start(2)
            if 1 <= day < int(expression.value[8:10]) and not (out and out[-1].end_char > at):
                out.append(
                    replace(
                        expression,
                        text=str(day),
                        start_char=at,
                        end_char=at + len(str(day)),
                        value=f"{expression.value[:8]}{day:02d}",
                    )
                )
        out.append(expression)
    return out
