"""Quote extraction measured on PolNeAR (attributions with source, cue and content).

Scoring (../shared/eval/README.md): a gold quote is found when a predicted quote covers more
than 30% of its characters (best match first, each prediction used once); precision, recall and
F1 over quotes; the speaker is right when the predicted resolved speaker names the same person
as the gold source (same last name). Gold sources that are pronouns or definite person
descriptions ("the Vermont senator") are resolved to the nearest preceding gold source that is
a name (PolNeAR has no coreference links), so a pronoun prediction must be resolved to count;
"he" and "she" take the nearest one of their gender where the article tells it (a first name or
"Mr."/"Ms." before the last name elsewhere) and no organisation ("The Washington Post");
group, poll and document sources ("Trump fans", "a new poll") name no single person and their
speakers are not scored, nor are phrases a common noun heads ("advisers to Mr. Obama", "the chair
of the DNC") or a common noun capitalised only because it opens a sentence ("Police say", or
"Critics say" where only other articles of the split write "critics"). A
source that joins two people ("Mr. Grassley and Mr. Leahy say") is said by each, and a quote's
one speaker is right when it names either. One annotator file per text: the first by name.

The unit scored is the utterance: PolNeAR annotates `"A," she said. "B."` as one attribution
whose content is discontinuous, and the quotes table keeps the two parts as two rows joined by
`utterance_id`, so the parts of an utterance are scored as one prediction spanning them. The
figures per row (each part a prediction of its own) are reported beside them under `rows`.

With `--conventions`, dev is scored again with the double marks of its quotes rewritten in each
convention of news copy (straight, curly, '' of wire copy, ``...'' of Korean outlets, «...»), and in
single marks as British copy prints them (the outer quote in single marks, a quote nested in it
in double marks, every apostrophe typed as the closing single mark; curly and straight): the
same quotes in another convention should score the same; and again with a wire dateline
("WASHINGTON (AP) -- ") before each lead paragraph, which should change nothing either. Texts
that mix conventions (a straight-quoted block holding curly quotes) are rewritten less cleanly
in single marks, so part of those conventions' gap is the rewrite's.

Run: `.venv/bin/python -m bench.quotes_eval [--split train|dev] [--limit N] [--conventions]`, or
`--dir FOLDER` to score any folder in PolNeAR's layout (another split, your own annotations).
"""

from __future__ import annotations

import argparse
import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bench.common import EVAL, add_dir_option, parsed, prf, write_result
from tasks.nlp import FEMALE_NAMES, MALE_NAMES

COVER = 0.30
_PRONOUNS = {
    "he",
    "she",
    "they",
    "i",
    "we",
    "it",
    "him",
    "her",
    "them",
    "his",
    "you",
    "who",
    "that",
    "which",
    "me",
    "my",
    "us",
    "our",
    "your",
    "its",
    "their",
}
# Sources that point back to one person: pronouns and definite singular role descriptions.
_REFERRING = re.compile(
    r"^(?:he|she|i|him|her|me|my|his|"
    r"the\s+(?:[\w.'’-]+\s+){0,3}(?:senator|governor|candidate|nominee|businessman|billionaire|"
    r"president|congressman|congresswoman|lawmaker|official|spokesman|spokeswoman|secretary|"
    r"mogul|front-?runner|host|chairman|leader|speaker|mayor|judge|republican|democrat|"
    r"former\s+\w+))$",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*$")
# a Korean given name, romanised with a hyphen, follows the family name: "Ban Ki-moon" is Ban
_KOREAN_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")
# a description, then the name it stands in apposition with: "An attorney for Pagliano, Mark
# MacDougall,", "His former business partner at Lenox, Lawrence B. Cummings," (two words at
# least: "his wife, Jane," gives a first name only)
_APPOSITIVE_NAME = re.compile(
    r"^(?i:a|an|the|his|her|their|its|our|one)\s[^,]*,\s*((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*)\s*,?$"
)
# a generational suffix after the surname: "Charles Elliott Jr." is Elliott, "Pate IV" Pate
_SUFFIX = re.compile(r",?\s+(?:Jr|Sr|II|III|IV)\.?$")
# a party member is a description, not a last name: "the Wisconsin Republican" is whoever the
# article named before, "a Nevada Democrat" no one named
_PARTY_MEMBERS = frozenset(["republican", "republicans", "democrat", "democrats", "independent"])
# "Sen. Tom Udall of New Mexico", "Mr. Morgan of the Sierra Club", "Dan McLaughlin at the National
# Review", "Stu Rothenberg of the non-partisan Rothenberg-Gonzales Political Report": the place or
# body a person is from follows the name, and the first "of" or "at" decides ("John Smith of the
# University of Iowa"); not "Secretary of State Clinton", where a title takes the "of". Not
# "from": "a report Tuesday from WKOW" is WKOW's
_OF_PLACE = re.compile(r"^(.*?\S)\s+(?:of|at)\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?[A-Z]")
_TITLE_BEFORE_OF = frozenset(
    [
        "secretary",
        "director",
        "governor",
        "mayor",
        "president",
        "minister",
        "chairman",
        "chairwoman",
        "chair",
        "chief",
        "head",
        "speaker",
        "attorney",
        "commissioner",
        "member",
        "members",
        "leader",
        "department",
        "university",
        "state",
        "house",
        "bank",
        "board",
        "office",
        "council",
        "committee",
        "city",
        "court",
        "school",
        "college",
        "party",
    ]
)
# A source headed by a quantifier or determiner names a group, not one person: "Many",
# "Others", "Most Millennials", "Half of Vermont Democrats" (their last word is no surname)
_GROUP_HEAD = frozenset(
    [
        "many",
        "some",
        "others",
        "other",
        "most",
        "half",
        "both",
        "none",
        "all",
        "several",
        "few",
        "any",
        "each",
        "more",
        "those",
        "these",
        "two",
        "three",
        "four",
        "five",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
    ]
)


@dataclass
class GoldQuote:
    start: int
    end: int
    source: str | None
    source_start: int | None
    cue: str | None = None
    cue_start: int | None = None


def _spans(field: str) -> list[tuple[int, int]]:
    out = []
    for part in field.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


# a brat entry line: an id (T1, E2, A3, R4, #5, *) and a tab
_ENTRY = re.compile(r"^(?:[A-Z]\d+|#\d*|\*)\t")


def read_ann(path: Path) -> list[GoldQuote]:
    """Attribution relations of a brat .ann file as gold quotes (content span, source text)."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    relations = []
    last = None  # the span whose text a line that starts no entry continues
    for line in path.read_text(encoding="utf-8").splitlines():
        if not _ENTRY.match(line):
            if last is not None:  # a span text with a line break in it runs on to this line
                kind, where_, text = spans[last]
                spans[last] = (kind, where_, f"{text}\n{line}")
            continue
        last = None
        if line.startswith("T"):
            tid, info, text = line.split("\t", 2)
            kind, _, where = info.partition(" ")
            spans[tid] = (kind, _spans(where), text)
            last = tid
        elif line.startswith("E"):
            relations.append(dict(part.split(":", 1) for part in line.split("\t", 1)[1].split()))
    quotes = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if content is None:
            continue
        frags = content[1]
        source = spans.get(rel.get("Source", ""))
        cue = spans.get(rel.get("Cue", ""))
        quotes.append(
            GoldQuote(
                start=min(a for a, _ in frags),
                end=max(b for _, b in frags),
                source=source[2] if source else None,
                source_start=source[1][0][0] if source else None,
                cue=cue[2] if cue else None,
                cue_start=cue[1][0][0] if cue else None,
            )
        )
    return quotes


def _last_name(name: str | None, common: frozenset[str] = frozenset()) -> str | None:
    """The last name a source or speaker string gives, or None when it is not a name.

    The head of the phrase decides: "Christie, New Jersey's sitting governor" -> christie;
    "host Bill Maher" -> maher; "The Florida senator", "he", "a new poll" -> None. `common` holds
    the words its document writes in lower case: a sentence capitalises its first word, and
    "Police" or "Authorities" there is no name.
    """
    if not name:
        return None
    # "An attorney for Pagliano, Mark MacDougall," is MacDougall; else the words before a break
    named = _APPOSITIVE_NAME.match(name.strip())
    head = (
        named.group(1)
        if named
        else re.split(r",|\(|\bwho\b|\bwhich\b| – | — ", name.strip(), maxsplit=1)[0].strip()
    )
    head = re.sub(r"(?:'s|’s|'|’)$", "", head).strip(" .")
    head = _SUFFIX.sub("", head)
    words = head.split()
    if words and words[0].lower() in _GROUP_HEAD:
        return None
    if not named and _common_head(words, common):
        return None
    of_place = _OF_PLACE.match(head)
    if of_place:
        before = of_place.group(1).split()
        if (
            len(before) >= 2
            and _NAME_WORD.match(before[-1])
            and before[-1].lower() not in _TITLE_BEFORE_OF
        ):
            words = before
    if (
        not words
        or len(words[-1]) < 2  # "A" of a transcript's "A: ..." answer, "Q" of its question
        or not _NAME_WORD.match(words[-1])
        or words[-1].lower() in _PRONOUNS
        or words[-1].lower() in _PARTY_MEMBERS
    ):
        return None
    if len(words) >= 2 and _KOREAN_GIVEN.match(words[-1]) and _NAME_WORD.match(words[-2]):
        return words[-2].lower()
    # O’Neill and O'Neill are one name: the apostrophe is typed either way
    return words[-1].strip(".").lower().replace("\u2019", "'")


# The prepositions after the noun that heads a description: "advisers to Mr. Obama", "the chair
# of the DNC", "Officials at Homeland Security Investigations" name no one of the names after
# them. Not "by": "a new report by Politico", "a study by Professor Justin Levitt" name their
# author, whom the source is.
_HEAD_PREPS = frozenset(["of", "for", "to", "at", "in", "from", "on", "with", "including"])


def _common_head(words: list[str], common: frozenset[str]) -> bool:
    """Whether a common noun heads the phrase: a lower-case word before its first preposition, or
    a first word the document writes in lower case elsewhere ("Police", "Demonstrators")."""
    for k, word in enumerate(words):
        if word.lower() in _HEAD_PREPS and k > 0:
            before = words[k - 1]
            if before[:1].isupper() and before.lower() in _TITLE_BEFORE_OF:
                return False  # "Secretary of State John F. Kerry": a title takes the "of"
            return before[:1].islower() or (k == 1 and before.lower() in common)
    if len(words) > 1 and all(w.isupper() and w.lower() in common for w in words):
        return True  # a capitalised headline's common nouns: "FELLOW DOCTORS"
    return len(words) == 1 and words[0].lower() in common


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")
# ... not in an address or a tag ("politico.com", "@gop", "#trump")
_PROSE_LOWER_WORD = re.compile(r"(?<![\w'’./@#-])[a-z][a-z'’-]*(?![\w'’-]|\.[a-z])")
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,] )[A-Z][a-z'’-]+")
# a capitalised word right after another ("Tim Cook") or an honorific ("Mr. Cook"), not after
# a sentence's last word ("... said Price. Officials at ..."); the lookahead lets matches overlap
_AFTER_CAPITAL = re.compile(
    r"\b(?:[A-Z][\w'’-]*|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev)\.)[ \t]+"
    r"(?=([A-Z][a-z'’-]+))"
)


def corpus_words(texts: list[str]) -> frozenset[str]:
    """The words a corpus writes in lower case in its prose and no text of it capitalises
    inside a sentence ("critics", "polls"; not "trump" of "trump card", which "said Trump"
    capitalises, nor "fight" of "the Fight for $15 movement")."""
    lower = {w for text in texts for w in _PROSE_LOWER_WORD.findall(text)}
    named = {w.lower() for text in texts for w in _MID_SENTENCE_CAPITAL.findall(text)}
    return frozenset(lower - named)


def lower_case_words(text: str, corpus: frozenset[str] = frozenset()) -> frozenset[str]:
    """The words a text writes in lower case, or that its corpus does, and that the text never
    capitalises inside a sentence or after another capitalised word: "police" of "police said",
    "critics" of "Critics say" where only other articles write "critics"; not "price" where
    "said Price" names Tom Price, nor "cook" where "Tim Cook" does."""
    lower = set(_LOWER_WORD.findall(text)) | corpus
    named = {w.lower() for w in _MID_SENTENCE_CAPITAL.findall(text)}
    named |= {w.lower() for w in _AFTER_CAPITAL.findall(text)}
    return frozenset(lower - named)


# a first name or an honorific, then the last name it tells the gender of
_GENDERED_NAME = re.compile(
    r"\b(?:(Mr|Mrs|Ms|Miss)\.?\s+|([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?)([A-Z][\w'’-]+)"
)
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def name_genders(text: str) -> dict[str, str]:
    """The gender of each last name the text gives a first name or an honorific ("Hillary
    Clinton", "Mr. Sanders"); a last name given both ("Bill Clinton", "Mrs. Clinton") has none."""
    seen: dict[str, set[str]] = defaultdict(set)
    for match in _GENDERED_NAME.finditer(text):
        honorific, first, last = match.groups()
        if honorific:
            seen[last.lower()].add("m" if honorific == "Mr" else "f")
        elif first.lower() in FEMALE_NAMES:
            seen[last.lower()].add("f")
        elif first.lower() in MALE_NAMES:
            seen[last.lower()].add("m")
    return {name: genders.pop() for name, genders in seen.items() if len(genders) == 1}


def gold_person(
    quote: GoldQuote,
    all_quotes: list[GoldQuote],
    common: frozenset[str] = frozenset(),
    genders: dict[str, str] | None = None,
) -> str | None:
    """The last name a gold source refers to; pronouns and descriptions take the nearest named
    source before them (PolNeAR has no coreference links): for "he" or "she", the nearest whose
    gender, where `genders` knows it, is the pronoun's, and not one "the" opens ("The Post")."""
    if quote.source is None:
        return None
    own = _last_name(quote.source, common)
    if own is not None:
        return own
    if not _REFERRING.match(quote.source.strip()):
        return None  # a group, poll or document: no single person to compare with
    if quote.source_start is None:
        return None
    named = [
        (q.source_start, q.source, name)
        for q in all_quotes
        if q.source
        and q.source_start is not None
        and q.source_start < quote.source_start
        and (name := _last_name(q.source, common))
    ]
    gender = _PRONOUN_GENDER.get(quote.source.strip().lower())
    for _start, source, name in sorted(named, reverse=True):
        if gender is None:
            return name
        if source.split()[0].lower() == "the":
            continue  # an organisation ("The Washington Post", "the New Yorker")
        if genders is None or genders.get(name) in (None, gender):
            return name
    return None


# "Mr. Grassley and Mr. Leahy", "Democratic candidates Hillary Clinton and Bernie Sanders": one
# source of two people, in the words before its first comma
_JOINED = re.compile(r"\s+(?:and|&)\s+")


def gold_people(
    quote: GoldQuote,
    all_quotes: list[GoldQuote],
    common: frozenset[str] = frozenset(),
    genders: dict[str, str] | None = None,
) -> frozenset[str]:
    """The last names of the people a gold source names: one (`gold_person`), or each person
    of a source that joins two names ("Mr. Grassley and Mr. Leahy say ..."), of whom a quote's
    one speaker may name either."""
    person = gold_person(quote, all_quotes, common, genders)
    if person is None or quote.source is None:
        return frozenset()
    head = quote.source.strip().split(",", 1)[0]
    parts = _JOINED.split(head)
    if len(parts) < 2:
        return frozenset([person])
    names = [_last_name(part, common) for part in parts]
    return frozenset(n for n in names if n) | {person}


def load_split(
    split: str, limit: int | None, base: Path | None = None
) -> list[tuple[str, str, list[GoldQuote]]]:
    """(name, text, gold quotes) of a PolNeAR split, or of any folder `base` in its layout
    (text/NAME.txt, attributions/NAME_ANNOTATOR.ann in brat standoff)."""
    base = base or EVAL / "polnear" / split
    anns: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((base / "attributions").glob("*.ann")):
        # NAME_ANNOTATOR.ann, or NAME.ann where a folder has one annotation per text
        stem = ann.stem.rsplit("_", 1)[0]
        if not (base / "text" / f"{stem}.txt").is_file():
            stem = ann.stem
        anns[stem].append(ann)
    docs = []
    for stem in sorted(anns):
        text_path = base / "text" / f"{stem}.txt"
        if not text_path.is_file():
            continue
        docs.append((stem, text_path.read_text(encoding="utf-8"), read_ann(anns[stem][0])))
        if limit and len(docs) >= limit:
            break
    return docs


def match(golds: list[GoldQuote], preds: list[Any]) -> list[tuple[GoldQuote, Any]]:
    """Greedy best-coverage matching of gold quotes to predictions (each prediction once)."""
    candidates = []
    for gi, g in enumerate(golds):
        length = max(1, g.end - g.start)
        for pi, p in enumerate(preds):
            overlap = min(g.end, p.end_char) - max(g.start, p.start_char)
            if overlap > 0 and overlap / length > COVER:
                candidates.append((overlap / length, gi, pi))
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _cov, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((golds[gi], preds[pi]))
    return pairs


@dataclass
class Utterance:
    """The quotes of one utterance as one prediction: the first part's fields, the last part's end."""

    start_char: int
    end_char: int
    kind: str
    speaker: str | None


def utterances(quotes: list[Any]) -> list[Utterance]:
    """Join each quote marked `continues` to the utterance before it."""
    joined: list[Utterance] = []
    for q in quotes:
        if q.continues and joined:
            joined[-1].end_char = q.end_char
        else:
            joined.append(Utterance(q.start_char, q.end_char, q.kind, q.speaker))
    return joined


# Double-mark conventions of news copy: each text can be rewritten in one of them (its quotes'
# double marks only; nested single quotes stay as written) and scored again, so that a
# convention the extractor reads worse than another shows as a gap between their figures
CONVENTIONS = {
    "straight": ('"', '"'),
    "curly": ("\u201c", "\u201d"),
    "wire": ("''", "''"),  # the New York Times and wire copy
    "backtick": ("``", "''"),  # Korean outlets, LaTeX-style wire copy
    "guillemets": ("\u00ab", "\u00bb"),  # some European outlets' English copy
}
_DOUBLE_OPENERS = ("``", "''", "\u201c", '"', "\u201e")
_DOUBLE_CLOSERS = ("''", "\u201d", '"')
# Single-mark conventions (British copy, Korean outlets' English services): the outer quote in
# single marks, a quote nested in it in double marks, and every apostrophe typed as the closing
# single mark is (curly ’ or straight '), so that the extractor must tell the two apart as it
# must in such copy: convention -> (outer opening, outer closing, inner opening, inner closing)
SINGLE_CONVENTIONS = {
    "single": ("\u2018", "\u2019", "\u201c", "\u201d"),
    "single_straight": ("'", "'", '"', '"'),
}
_SINGLE_OPENERS = ("\u2018", "'", "`")
_SINGLE_CLOSERS = ("\u2019", "'")
_APOSTROPHE = re.compile("['\u2019]")


def _mark_at(text: str, i: int, marks: tuple[str, ...]) -> str | None:
    return next((m for m in marks if text.startswith(m, i)), None)


def _nested_in_double(
    text: str, lo: int, hi: int, inner: tuple[str, str]
) -> list[tuple[int, int, str]]:
    """Edits giving the quotes in single marks nested in text[lo:hi] the `inner` double marks."""
    from tasks.quotes import find_quote_marks

    edits = []
    for a, b in find_quote_marks(text[lo:hi]):
        first, last = _mark_at(text, lo + a, _SINGLE_OPENERS), text[lo + b - 1]
        if first is not None and last in _SINGLE_CLOSERS and b - a > 2:
            edits += [(lo + a, len(first), inner[0]), (lo + b - 1, 1, inner[1])]
        elif (double := _mark_at(text, lo + a, _DOUBLE_OPENERS)) is not None:
            # the opening mark repeated at a paragraph of the outer quote: look inside it
            edits += _nested_in_double(text, lo + a + len(double), lo + b, inner)
    return edits


def in_convention(text: str, convention: str) -> tuple[str, Callable[[int], int]]:
    """The text with the double marks of its quotes (the opening and closing mark, and the
    opening mark repeated at each paragraph of a quote over paragraphs) in `convention` (of
    CONVENTIONS or SINGLE_CONVENTIONS), and the map from an offset of the text to the same
    place in the rewritten one."""
    from tasks.quotes import find_quote_marks

    single = SINGLE_CONVENTIONS.get(convention)
    opening, closing = single[:2] if single else CONVENTIONS[convention]
    edits: list[tuple[int, int, str]] = []  # (offset, length replaced, replacement)
    for lo, hi in find_quote_marks(text):
        first = _mark_at(text, lo, _DOUBLE_OPENERS)
        if first is None:
            continue  # a quote in single marks
        edits.append((lo, len(first), opening))
        for paragraph in re.finditer(r"\n\s*", text[lo:hi]):
            at = lo + paragraph.end()
            repeated = _mark_at(text, at, _DOUBLE_OPENERS)
            if repeated is not None and at + len(repeated) < hi:
                edits.append((at, len(repeated), opening))
        last = next(
            (m for m in _DOUBLE_CLOSERS if text.startswith(m, hi - len(m), hi)),
            None,
        )
        if last is not None and hi - len(last) >= lo + len(first):
            edits.append((hi - len(last), len(last), closing))
        if single:
            edits += _nested_in_double(text, lo + len(first), hi - len(last or ""), single[2:])
    if single:  # every other apostrophe or single mark as the convention's closing mark
        marks = {at for at, _length, _mark in edits}
        edits += [
            (m.start(), 1, closing) for m in _APOSTROPHE.finditer(text) if m.start() not in marks
        ]
    out: list[str] = []
    starts: list[int] = []
    shifts: list[int] = []  # the total shift after each edit
    pos = shift = 0
    for at, length, mark in sorted(edits):
        if at < pos:
            continue
        out += [text[pos:at], mark]
        pos = at + length
        shift += len(mark) - length
        starts.append(at)
        shifts.append(shift)
    out.append(text[pos:])

    def moved(offset: int) -> int:
        before = bisect.bisect_left(starts, offset)  # edits that start before the offset
        return offset + (shifts[before - 1] if before else 0)

    return "".join(out), moved


# a wire dateline, as agency copy opens its lead paragraph with one
DATELINE = "WASHINGTON (AP) \u2014 "
_LEAD_PARAGRAPH = re.compile(r"\n\s*(?=\S)")


def with_dateline(text: str) -> tuple[str, Callable[[int], int]]:
    """The text with DATELINE before its lead (the first paragraph after the headline line), and
    the map from an offset of the text to the same place in the new one."""
    lead = _LEAD_PARAGRAPH.search(text)
    if lead is None:
        return text, lambda offset: offset
    at = lead.end()
    return text[:at] + DATELINE + text[at:], lambda o: o + len(DATELINE) if o >= at else o


def _gold_in_convention(gold: GoldQuote, moved: Callable[[int], int]) -> GoldQuote:
    return replace(
        gold,
        start=moved(gold.start),
        end=moved(gold.end),
        source_start=None if gold.source_start is None else moved(gold.source_start),
        cue_start=None if gold.cue_start is None else moved(gold.cue_start),
    )


def evaluate(
    split: str,
    limit: int | None = None,
    nlp: Any = None,
    convention: str | None = None,
    base: Path | None = None,
) -> dict[str, Any]:
    """Score extract_quotes on a split (or on the folder `base`, see load_split), its texts as
    written, rewritten in a quote-mark convention (see CONVENTIONS) or, with convention
    "dateline", led by a wire dateline; returns the figures."""
    from tasks.nlp import load_nlp
    from tasks.quotes import extract_quotes

    nlp = nlp or load_nlp()
    docs = load_split(split, limit, base)
    if convention is not None:
        rewritten = []
        for name, text, golds in docs:
            new_text, moved = (
                with_dateline(text) if convention == "dateline" else in_convention(text, convention)
            )
            rewritten.append((name, new_text, [_gold_in_convention(g, moved) for g in golds]))
        docs = rewritten
    key = f"polnear-{split}-{limit or 'all'}" + (f"-{convention}" if convention else "")
    spacy_docs = parsed(nlp, key, [text for _n, text, _g in docs])
    vocabulary = corpus_words([text for _n, text, _g in docs])
    n_gold = n_pred = matched = 0
    n_rows = matched_rows = 0
    speaker_total = speaker_right = 0
    by_kind: Counter[str] = Counter()
    by_kind_matched: Counter[str] = Counter()
    for (_name, text, golds), doc in zip(docs, spacy_docs, strict=True):
        common = lower_case_words(text, vocabulary)
        genders = name_genders(text)
        rows = extract_quotes(doc)
        n_rows += len(rows)
        matched_rows += len(match(golds, rows))
        preds = utterances(rows)
        n_gold += len(golds)
        n_pred += len(preds)
        for p in preds:
            by_kind[p.kind] += 1
        pairs = match(golds, preds)
        matched += len(pairs)
        for g, p in pairs:
            by_kind_matched[p.kind] += 1
            people = gold_people(g, golds, common, genders)
            if not people:
                continue
            speaker_total += 1
            if _last_name(p.speaker) in people:
                speaker_right += 1
    scores = prf(matched, n_pred, matched, n_gold)
    return {
        "split": split,
        "documents": len(docs),
        "gold_quotes": n_gold,
        "predicted_quotes": n_pred,
        **scores,
        "rows": {"predicted_quotes": n_rows, **prf(matched_rows, n_rows, matched_rows, n_gold)},
        "speaker_accuracy": round(speaker_right / speaker_total, 4) if speaker_total else 0.0,
        "speaker_scored": speaker_total,
        "precision_by_kind": {k: round(by_kind_matched[k] / v, 4) for k, v in by_kind.items()},
        "predicted_by_kind": dict(by_kind),
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Evaluate on the requested splits and write bench/results/quotes.json."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["train", "dev", "both"], default="both")
    parser.add_argument("--limit", type=int, default=None, help="documents per split")
    parser.add_argument(
        "--conventions",
        action="store_true",
        help="also score dev with its quote marks rewritten in each convention, and with a dateline",
    )
    add_dir_option(parser, "a folder in PolNeAR's layout (text/*.txt, attributions/*.ann)")
    args = parser.parse_args(argv)
    if args.dir is not None:
        if not (args.dir / "text").is_dir() or not (args.dir / "attributions").is_dir():
            parser.error(f"{args.dir} holds no text/ and attributions/ folders")
        result = evaluate(args.dir.name, args.limit, base=args.dir)
        _print(args.dir.name, result)
        return {args.dir.name: result}
    if not (EVAL / "polnear").is_dir():
        print(f"skipped: {EVAL / 'polnear'} not found")
        return {}
    splits = ["train", "dev"] if args.split == "both" else [args.split]
    results = {split: evaluate(split, args.limit) for split in splits}
    for split, r in results.items():
        _print(split, r)
    conventions = {}
    if args.conventions:
        for name in [*CONVENTIONS, *SINGLE_CONVENTIONS, "dateline"]:
            r = evaluate("dev", args.limit, convention=name)
            conventions[name] = {
                k: r[k] for k in ("precision", "recall", "f1", "speaker_accuracy", "speaker_scored")
            }
            print(
                f"dev, {name:15}  P {r['precision']:.4f}  R {r['recall']:.4f}  "
                f"F1 {r['f1']:.4f}  speaker {r['speaker_accuracy']:.4f} (n={r['speaker_scored']})"
            )
    if args.limit is None:
        payload: dict[str, Any] = {
            "dataset": "PolNeAR",
            "scoring": "cover>30%, same last name; utterances (rows joined by utterance_id)",
            "splits": results,
        }
        if conventions:
            payload["dev_with_dateline"] = conventions.pop("dateline")
            payload["dev_by_quote_convention"] = conventions
        write_result("quotes", payload)
    return results


def _print(split: str, r: dict[str, Any]) -> None:
    print(
        f"{split:5}  docs {r['documents']:4}  P {r['precision']:.3f}  R {r['recall']:.3f}  "
        f"F1 {r['f1']:.3f}  speaker {r['speaker_accuracy']:.3f} (n={r['speaker_scored']})  "
        f"pred by kind {r['predicted_by_kind']}  precision by kind {r['precision_by_kind']}"
    )
    rows = r["rows"]
    print(
        f"{split:5}  per row (parts of an utterance apart): P {rows['precision']:.3f}  "
        f"R {rows['recall']:.3f}  F1 {rows['f1']:.3f}  ({rows['predicted_quotes']} rows)"
    )


if __name__ == "__main__":
    main()
