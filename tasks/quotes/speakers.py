"""Speaker resolution: the article's memory of people, bodies and documents, and the resolution of
a cue's subject (name, surname, pronoun, description, anonymous source) to a speaker.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from tasks.entities import (
    capital_article,
    generic_body,
    introduced_names,
    korean_family_name,
    shared_family_name_at,
    ship_named,
    surname_index,
    transcript_names,
)
from tasks.nlp import (
    FEMALE_NAMES,
    FIRST_NAMES,
    MALE_NAMES,
    PERSON_TITLES,
    PLATFORMS,
    crosses_quote,
    doc_text,
    name_case_word,
    opens_line,
    token_at,
    verb_forms,
)
from tasks.quotes.attribution import (
    _PUT_TO,
    _is_cue,
    _main_clause,
    _marked_by,
    _Spans,
    _subject_of,
)
from tasks.quotes.lexicon import (
    _ANONYMOUS,
    _ASKED_TURN,
    _AUTHORING,
    _CLOCK_LABEL,
    _COMMENTATOR_LINE,
    _CUT_TURN,
    _DOCUMENTS,
    _FEMALE_TITLES,
    _FINDING_VERBS,
    _GLUED,
    _HANDLE,
    _HEADLINE_TOPIC,
    _HEADLINE_VERBS,
    _HONORIFIC,
    _HONORIFIC_WORDS,
    _INDEFINITE,
    _MALE_TITLES,
    _MR_BEFORE,
    _MRS_BEFORE,
    _NAME_AFTER_TITLE,
    _NAME_WORD,
    _NOT_NAMES,
    _OWNER,
    _PERSON_ROLE,
    _POLL_NOUNS,
    _POSSESSIVE,
    _PREP_CUES,
    _PRONOUNS,
    _QUOTE_OPENERS,
    _SCARE_MAX_WORDS,
    _SPACED_DASH,
    _SPEAKER_ENTS,
    _SUBTITLED_MAX_WORDS,
    _TALK,
    _TITLE_CONTEXT,
    _TITLE_SMALL,
    _TITLE_WORD,
    _TITLE_WORDS,
    _TRANSCRIPT_TURN,
    _TURN,
    _TURN_PARAGRAPHS_MAX,
    _UNLABELLED_PERSON_ENTS,
    KIN,
    MALE_KIN,
    OBJECT_VERBS,
    SPEECH_VERBS,
    _person_word,
    speech_speaker,
)
from tasks.quotes.marks import _PARAGRAPH
from tasks.quotes.syntax import (
    _children,
    _common_words,
    _description_span,
    _entity_of,
    _headline_word,
    _in_title_line,
    _lowers,
    _missed_name,
    _name_span,
    _person_span,
    _pos_tags,
    _sent,
    _tokens,
)


def _topic(token: Token) -> bool:
    """Whether a name token is the subject of a main clause, or the possessor of that subject
    ("Carson's endorsement came with caveats. He may add ..." is about Carson)."""
    if token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass"):
        if any(
            c.dep_ in ("nsubj", "nsubjpass") and c.i < token.head.left_edge.i
            for c in _children(token.head.head)
        ):
            # "John Podesta — Bill Clinton's former chief of staff — offered": the parser made
            # the description set off after the subject a second subject; its owner is no topic
            return False
        token = token.head
    elif (
        token.dep_ == "appos"
        and token.head.dep_ in ("nsubj", "nsubjpass")
        and token.left_edge.i > 0
        and (
            token.doc[token.left_edge.i - 1].text == ","
            or (token.left_edge.i == token.head.i + 1 and token.head.lower_ in KIN)
        )
    ):
        # "Her father, Brad, 39, worried ...", "Mr. Trump's daughter Ivanka introduced ...": a
        # name set off after the subject, or a relative's first name, renames it (not "The gossip
        # site Gawker set a trap for Donald Trump ... he fell for it")
        token = token.head
    elif (
        token.dep_ == "appos"
        and token.head.dep_ in ("nsubj", "nsubjpass")
        and token.left_edge.i == token.head.i + 1
        and token.head.pos_ == "NOUN"
        and _person_word(token.head.text)
    ):
        # "Brazil coach Dunga admitted ...": a name right after the role that is the subject
        # (which the parser made its apposition) is that subject
        token = token.head
    elif token.dep_ == "appos" and token.head.dep_ == "pobj":
        # "His former business partner at Lenox, Lawrence B. Cummings, called ...": the name that
        # closes the subject's phrase is the subject
        subject = token.head.head.head
        if subject.dep_ in ("nsubj", "nsubjpass") and _closing_appos(subject) == token:
            token = subject
        else:
            token = _closing_name_of_subject(token) or token
    elif token.dep_ == "appos":
        token = _closing_name_of_subject(token) or token
    if token.dep_ == "attr" and any(c.dep_ == "expl" for c in _children(token.head)):
        # "Then there's Axelrod. "...," he wrote": a name a sentence brings in is its topic
        return _main_clause(token.head)
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if _main_clause(token.head):
        return True
    # "The statement came as Bosworth arrived in Tokyo. He said ...": where the main clause's
    # subject is no one, the person its time clause is about is the sentence's topic
    verb = token.head
    if verb.dep_ == "advcl":
        main = verb.head
    elif (
        verb.dep_ == "relcl"
        and verb.head.ent_type_ in ("DATE", "TIME")
        and verb.head.dep_ == "npadvmod"
        and any(c.lower_ == "when" for c in _children(verb))
    ):
        # "... disappeared that spring when Michael Capellas called": the parser hangs the time
        # clause on the time it tells
        main = verb.head.head
    else:
        return False
    if not _main_clause(main):
        return False
    main_subject = next((c for c in _children(main) if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        main_subject is not None
        and main_subject.pos_ == "NOUN"
        and not main_subject.ent_type_
        and not _person_word(main_subject.text)  # "The nominee was speaking ... after Trump ..."
        and main_subject.lower_ not in _PRONOUNS
    )


def _in_relative_clause_of(token: Token, noun: Token) -> bool:
    """Whether a token lies in a relative clause hung on `noun`."""
    return any(a.dep_ == "relcl" and a.head.i == noun.i for a in token.ancestors)


def _described_as_person(name: Token) -> bool:
    """Whether a name has an appositive after it that describes a person by trade or role ("Eswar
    Kovil, a professor of ...", "Lena Varga, the campaign's director,")."""
    return any(
        c.dep_ == "appos"
        and c.i > name.i
        and c.pos_ == "NOUN"
        and c.tag_ == "NN"
        and _person_word(c.text)
        for c in _children(name)
    )


# words before a surname that are no given name: a college's title ("Dean Amar") and the
# particles of Arabic names ("Abu Laban" for Salah Abu-Laban)
_NOT_GIVEN_NAMES = frozenset(["dean", "provost", "abu", "al", "el", "bin", "ibn", "ben"])


def _person_names(ents: Sequence[Span]) -> list[tuple[Span, Span]]:
    """Each person entity of an article with the name it holds (see _person_span)."""
    # (not one of no letters: NER may take a podcast's time stamp "00:02:51" for a person)
    return [
        (ent, _person_span(ent))
        for ent in ents
        if ent.label_ == "PERSON" and any(ch.isalpha() for ch in ent.text) and not ship_named(ent)
    ]


def _trimmed_names(people: list[tuple[Span, Span]]) -> dict[str, str]:
    """Person entities NER ran on into the words around them, and the names they hold."""
    return {
        _POSSESSIVE.sub("", ent.text): _POSSESSIVE.sub("", name.text)
        for ent, name in people
        if len(name) < len(ent)
    }


def _clean_index(
    people: list[tuple[Span, Span]], index: dict[str, str], trimmed: dict[str, str]
) -> dict[str, str]:
    """A surname index without the words NER ran a name on from ("Beneath Clinton" -> the
    article's "Hillary Clinton", else "Clinton")."""
    full: dict[str, str] = {}
    for ent, held in people:
        name = _POSSESSIVE.sub("", ent.text).strip()
        if len(held) == len(ent) and len(name.split()) >= 2 and name.split()[-1][:1].isupper():
            full.setdefault(name.split()[-1].lower(), name)
    cleaned = {}
    for key, name in index.items():
        short = _trim(name, trimmed)
        if short == name:
            cleaned[key] = name
        elif key in full:
            cleaned[key] = full[key]
        elif key in short.lower().split():
            cleaned[key] = short
        # else the word was in what the cut left off ("Bugs Attack Bougainvillea" -> "Bugs"): the
        # name cut to holds no "Bougainvillea" to stand for
    return cleaned


# last words of proper names that name a place or an institution, not a person: a name NER
# missed ("Wall Street, instead of spreading prosperity, delivered ...") is no "he" or "she"
_PLACE_OR_BODY_WORDS = (
    "street avenue road square watch party post news times journal group center centre "
    "institute university college school church court house committee council foundation fund "
    "bank company association union network media press research project club department "
    "agency office board review magazine tribune herald gazette"
)
# ... and a platform NER tags as a person ("took to Twitter"), no antecedent of a "he"
_PLACE_OR_BODY = frozenset(_PLACE_OR_BODY_WORDS.split()) | PLATFORMS


# a headline's owner before a role: "Obama's ", "North Korea's ", "China’s "
_OWNER_OPENS_LINE = re.compile(r"(?:^|(?<=\n))[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2}['’]s $")
_OWNER_CHARS = 40  # three words of a country's or person's name, with room to spare


def _paragraphs_back(text: str, before: int, paragraphs: int) -> int:
    """The offset of the newline before the paragraph `paragraphs` - 1 back from the one `before`
    lies in (1: its own), -1 at the text's start."""
    start = before
    for n in range(paragraphs):
        if n:  # a blank line between paragraphs is no paragraph of its own
            while start > 0 and text[start - 1] in "\n\r \t":
                start -= 1
        start = text.rfind("\n", 0, start) if start > 0 else -1
    return start


def _common_plural(word: str, common: frozenset[str]) -> bool:
    """Whether a title-case word is the plural of a noun the story writes in lower case."""
    lower = word.lower()
    return lower.endswith("s") and (lower in common or lower[:-1] in common)


def _not_a_person(name: str) -> bool:
    """Whether a proper-noun chain taken for a name is a place or an institution, or a
    dateline in capitals ("DES MOINES, Iowa —")."""
    words = name.split()
    return bool(words) and (words[-1].lower() in _PLACE_OR_BODY or name.isupper())


def _labelled_person(doc: Doc, offset: int) -> bool:
    token = token_at(doc, offset)
    return token is not None and token.ent_type_ == "PERSON"


def _trim(name: str, trimmed: dict[str, str]) -> str:
    """A name as NER ran it on ("Trump May Not Have Suggested", or a part of it the article
    indexes: "Trump May") cut to the name it holds ("Trump")."""
    return next((v for k, v in trimmed.items() if k.startswith(name) and v in name), name)


def _first_named(doc: Doc, known: dict[str, str]) -> dict[str, str]:
    """Surnames NER missed after a known first name ("Brett O’Donnell" tagged a noun, "Fox
    News' Sean Hannity" an ORG): the title-case word right after a first name, when no
    capitalised word follows it, keyed by its lower case for the article's later "Hannity
    said"."""
    found: dict[str, str] = {}
    n = len(doc)
    tokens = _tokens(doc)
    lowers = _lowers(doc)
    for token in tokens:
        if lowers[token.i] not in FIRST_NAMES or not token.is_title or token.i + 1 >= n:
            continue
        surname = tokens[token.i + 1]
        key = lowers[surname.i]
        if (
            key in known
            or key in found
            or not surname.is_title
            or surname.ent_type_ == "PERSON"
            or surname.pos_ not in ("PROPN", "NOUN")
            or key in _NOT_NAMES
            or (surname.i + 1 < n and tokens[surname.i + 1].is_title)
        ):
            continue
        name = f"{token.text} {surname.text}"
        if not _not_a_person(name):
            found[key] = name
    return found


# An interview printed as questions and answers: "Q: ..." (USA Today's lost its colon: "QWhat
# would have happened?") and "A: ..." paragraphs
# (or spelt out, as a wire's interview prints them: "Question: ...", "Answer: ...")
_QUESTION = re.compile(r"Q(?:uestion:\s*|[:.]\s*|\s*[—–-]\s*|(?=[A-Z]))\S")
_ANSWER_LABEL = re.compile(r"A(?:nswer:|[:.]|\s*[—–-])\s+")
_ANSWER = re.compile(_ANSWER_LABEL.pattern + r"\S")


def _interview(
    doc: Doc, persons: list[tuple[int, str]]
) -> tuple[list[tuple[int, int]], str | None]:
    """(answer paragraphs, the person interviewed) of a question-and-answer transcript: two
    answers and a question at least, and the person the headline or introduction names first
    (None when it names no one).
    An answer goes on over the unlabelled paragraphs after it when the next question or answer
    follows them ("A: It's a big mistake. ... / Are there problems? Yeah. ... / Q: ...")."""
    text = doc_text(doc)
    if "\nA" not in text:
        return [], None  # the cheap test first: no paragraph opens with an "A"
    answers: list[tuple[int, int]] = []
    labelled = questions = 0
    first: int | None = None  # where the transcript starts
    after_answer: list[tuple[int, int]] | None = None  # paragraphs since the last answer
    for para in _PARAGRAPH.finditer(text):
        answer = _ANSWER.match(para.group()) is not None
        if not answer and _QUESTION.match(para.group()) is None:
            if after_answer is not None:
                # ... not over the writer's own quoting, nor too far
                stops = len(after_answer) == _TURN_PARAGRAPHS_MAX
                stops = stops or para.group()[0] in _QUOTE_OPENERS
                after_answer = None if stops else [*after_answer, para.span()]
            continue
        answers.extend(after_answer or [])  # a question or an answer follows them
        if answer:
            answers.append(para.span())
            labelled += 1
            after_answer = []
        else:
            questions += 1
            after_answer = None
        if first is None:
            first = para.start()
    if first is None or labelled < 2 or not questions:
        return [], None
    # not the writer the byline names ("By Park Seung-hee, Washington correspondent"): the
    # person interviewed is the one the introduction names
    credits = [m.span() for m in _CREDITS.finditer(text, 0, first)]
    credits += [m.span() for m in _BYLINE.finditer(text, 0, min(first, _BYLINE_WITHIN))]
    named = [
        name
        for offset, name in persons
        if offset < first and not any(lo <= offset < hi for lo, hi in credits)
    ]
    # a transcript that names no one before it: its answers are still words said, by a person
    # the text does not name
    return answers, named[0] if named else None


# who asks a printed interview's questions, as its introduction says: "Ledger staff writer
# Rachel Okafor spoke by phone on Thursday with Daniel Hurwitz ..."
_INTERVIEWER = re.compile(
    r"\b([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,2})[ \t]+(?:spoke|talked|sat[ \t]+down|met)\b"
    r"[^.\n]{0,60}?\bwith\b"
)
# ... or that the one interviewed gave the interview to: "Losyukov ... gave an interview to
# Itar-Tass diplomatic correspondent Yelena Morozova" (the first name of two words or three)
_INTERVIEWED_BY = re.compile(
    r"\b(?:gave|granted)[ \t]+an[ \t]+interview[ \t]+to\b[^.\n]{0,60}?"
    r"\b([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,2})\b"
)
_INTRODUCTION_CHARS = 1500  # a printed interview's introduction, before its first question


def _interviewer(text: str, interviewee: str | None) -> str | None:
    """The person a printed interview's introduction says spoke with the one interviewed, or
    was given the interview."""
    for pattern in (_INTERVIEWER, _INTERVIEWED_BY):
        for m in pattern.finditer(text, 0, _INTRODUCTION_CHARS):
            name = m.group(1)
            if interviewee is None or name.split()[-1] not in interviewee:
                return name
    return None


# the interviewer a story names: "the interviewer, NHK commentator Hiroshi Shimada"
_THE_INTERVIEWER = re.compile(
    r"\b[Tt]he[ \t]+interviewer,?[ \t]+(?:(?:[a-z][\w-]*|[A-Z]{2,})[ \t]+){0,4}"
    r"((?:[A-Z][\w'’-]+[ \t]+){1,2}[A-Z][\w'’-]+)"
)


def _named_interviewer(text: str) -> str | None:
    """The interviewer a story names with the word ("the interviewer, ... Hiroshi Shimada")."""
    named = _THE_INTERVIEWER.search(text)
    return named.group(1) if named is not None else None


def _outlet_interviewer(text: str, label: str, at: int) -> str | None:
    """The correspondent an interview's introduction names after the outlet whose name labels
    its questions ("TIME's Seoul correspondent Laura Whitcombe spoke with him" for "TIME:")."""
    if text[at + len(label) : at + len(label) + 1] != ":":
        return None
    for m in _INTERVIEWER.finditer(text, 0, _INTRODUCTION_CHARS):
        if re.search(
            rf"\b{re.escape(label)}(?:['’]s)?\b", text[max(0, m.start() - 60) : m.start()], re.I
        ):
            return m.group(1)
    return None


# a word of capitalised parts run together: a brand's or an outlet's name ("FiveThirtyEight")
_CAMEL_NAME = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")
# A line of underscores between the items of a live blog or a digest (AP's "___"): each item is
# a story of its own. Not "***" or "---", which features also use between scenes of one story
_STORY_BREAK = re.compile(
    r"^[ \t]*_{3,}\.?[ \t]*$"
    # ... or a wire dateline opening a paragraph after the first, as a report's full text
    # quoted after the story that reports it ("Pyongyang, January 13 (KCNA) -- ...")
    r"|(?<=\n)[A-Z][A-Za-z .'-]{1,30},[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]+\d{4})?"
    r"[ \t]+\([A-Za-z -]{2,30}\)[ \t]*(?=--|—|–)",
    re.MULTILINE,
)


# a generation's suffix after a surname: "Joseph R. Biden Jr.", "Martin Luther King III"
_NAME_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])


def _body_case(word: str) -> str:
    # a body's name in capitals, in title case: its acronyms kept ("DPRK", "U.S."), "of" lower
    if "." in word or not re.search(r"[AEIOU]", word):
        return word
    return word.lower() if word in ("OF", "THE", "AND", "FOR") else name_case_word(word)


class _Speakers:
    """Running memory of an article's people and speakers for resolution."""

    def __init__(self, doc: Doc, quoted: _Spans, writers: Sequence[str] = ()) -> None:
        self._quoted = quoted
        ents = doc.ents  # builds every Span anew: read once
        # the "I" of the story's own words (an op-ed's, a letter's): its one writer
        self.writer = _one_writer(writers) or _one_writer(_byline_names(doc_text(doc)))
        people = _person_names(ents)
        # the organisations "the ministry" or "the committee" may refer to
        self.bodies = _bodies(ents)
        trimmed = self._trimmed = _trimmed_names(people)
        # the two-word names of people as NER found them ("Shigeru Yokota")
        self._named_pairs = frozenset(
            span.text for _ent, span in people if len(span.text.split()) == 2
        )
        self.full_names = {
            key: name
            for key, name in _clean_index(people, surname_index(doc), trimmed).items()
            if not _not_a_person(name)
        }
        self.full_names.update(_first_named(doc, self.full_names))
        for name in list(self.full_names.values()):
            words = name.split()
            if len(words) >= 3 and words[-1].rstrip(".").lower() in _NAME_SUFFIXES:
                # "Joseph R. Biden Jr." is the "Biden" said later
                self.full_names.setdefault(words[-2].rstrip(",").lower(), name)
        self._turn_labels = transcript_names(doc_text(doc))
        for _start, _end, label in self._turn_labels:
            if " " in label:
                # "RENEE MONTAGNE, host: ..." then "MONTAGNE: ...": the one the first label named
                self.full_names.setdefault(label.split()[-1].lower(), label)
        self._introduced = {name for _offset, name in introduced_names(doc)}
        # full() of each name asked, which depends on full_names only (fixed from here on)
        self._full: dict[str, str] = {}
        self.persons: list[tuple[int, str]] = []  # (offset, full name) of person mentions
        self.last_named: list[tuple[int, str]] = []  # speakers so far (offset, name)
        # what a named person reports (start, end, reporter): its subjects are not the topic
        self.reported: list[tuple[int, int, str]] = []
        # proper-noun subjects NER gave no PERSON label (filled below); recent() reads all of these
        # lists, and the person mentions ask it for a relative's family ("his wife, Jane,")
        self.unlabelled: list[tuple[int, str, str]] = []  # (offset, as written, full name)
        self.subjects: list[tuple[int, str]] = []  # person mentions that are grammatical subjects
        self.gender: dict[str, str] = {}  # what the article tells: "Mr.", "Mrs.", a title
        # what a resolved "he" or "she" told of a name, at the pronoun's offset: only pronouns
        # after it may use it, so a pronoun resolved out of text order (quotes are found in
        # several passes) and wrongly cannot turn away an earlier one ("She criticized Trump.
        # ... she drew Trump's ire - he called her ...")
        self.told: dict[str, list[tuple[int, str]]] = {}
        # person mentions, whose titles and appositives holder() reads when first asked
        self._titled: list[tuple[Span, str]] = []
        self._roles: list[tuple[int, str, frozenset[str]]] | None = None
        self._doc = doc
        self._verbal_words: frozenset[str] | None = None  # see _verbal
        self._story_breaks = [m.end() for m in _STORY_BREAK.finditer(doc_text(doc))]
        # where the article grants a source anonymity ("asking anonymity", "who declined to be
        # named"): quotes are resolved out of text order, so "the official" after it asks here
        self._anonymity = [m.start() for m in _ANONYMOUS.finditer(doc_text(doc))]
        # indexes for "it" going on for a body and for a document named again, built when a
        # quote first asks (see _bodies_speaking, _documents_made)
        self._speaking_bodies: list[tuple[int, str | Token | None]] | None = None
        self._documents: list[tuple[int, str, Token | str | None]] | None = None
        self._spokespeople: list[int] | None = None  # see spokespeople
        # countries that were the subject of a clause, for "the communist state" after them
        self.countries = [
            (ent.start_char, _POSSESSIVE.sub("", ent.text))
            for ent in ents
            if ent.label_ == "GPE"
            and ent.root.dep_ in ("nsubj", "nsubjpass")
            and not ent.text.isupper()
        ]
        # how often NER gave each one-word name a person's label and a place's (not a body's:
        # "Trump" is an ORG in "Trump campaign" in many an article)
        votes: Counter[tuple[str, bool]] = Counter(
            (e.text, e.label_ == "PERSON")
            for e in ents
            if len(e) == 1 and e.label_ in ("PERSON", "GPE", "LOC", "FAC")
        )
        credits = [m.span() for m in _CREDITS.finditer(doc_text(doc))]
        for _ent, ent in people:
            name = re.sub(r"(?:'s|’s|')$", "", _TITLE_WORDS.sub("", ent.text)).strip()
            if any(lo <= ent.start_char < hi for lo, hi in credits):
                continue  # the writer of the story or a reporter credited, whom it never quotes
            if (
                not name.split()
                or _not_a_person(name)
                # "Clarkston became his home": a one-word name NER labels a place elsewhere in
                # the article more often than a person is no person here either
                or (len(ent) == 1 and votes[(ent.text, False)] > votes[(ent.text, True)])
                or (
                    len(ent) == 1
                    and ent[0].tag_ in ("NNPS", "NNS")
                    and ent[0].lower_ not in self.full_names
                )
            ):
                # a plural that is no one's surname is a group NER took for a person
                # ("Latinos", "the Clintons"); "Sanders" said alone is still Bernie Sanders
                continue
            honorific = _honorific(doc, ent.start_char)
            gender = {"Mr. ": "m", "Mrs. ": "f"}.get(honorific) or _title_gender(ent)
            full = self.full_at(honorific + name, ent.start_char)
            if " " not in full and ent.root.dep_ == "appos":
                # "Clinton's husband, Bill,", "his wife, Jane,": the family's surname completes
                # the first name
                family = _family_name(ent.root.head, ent.start_char, self)
                if family is not None:
                    full = f"{full} {family}"
            self.persons.append((ent.start_char, full))
            self._titled.append((ent, full))
            if any(_topic(t) for t in ent):
                self.subjects.append((ent.start_char, full))
            if gender is not None:
                self.gender[full] = gender
        for commentator in _COMMENTATOR_LINE.finditer(doc_text(doc)):
            # "YOKO HARADA, SENIOR RESEARCHER, ...:" above her comments: the subject their
            # quotes and her "she said" go on with (not a described one: "WESTERN DIPLOMAT")
            written = _name_case(commentator.group(1))
            if not any(_PERSON_ROLE.match(word) for word in written.split()):
                self.subjects.append(
                    (commentator.start(1), self.full_at(written, commentator.start(1)))
                )
        # NER misses or mislabels a bare surname now and then ("Bosworth said ..."): a proper-noun
        # subject that is the surname of a person named in the article counts too
        full_names = self.full_names
        lowers = _lowers(doc)
        pos_tags = _pos_tags(doc)
        for token in _tokens(doc):
            surname_of = full_names.get(
                lowers[token.i]
            )  # the cheap test first: few words are names
            if (
                surname_of is not None
                and (pos_tags[token.i] == "PROPN" or token.is_title)
                and token.ent_type_ != "PERSON"
                and _topic(token)
            ):
                shared = shared_family_name_at(doc, lowers[token.i], token.idx)
                given = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
                if shared is None and given:
                    # "Ivanka Trump acknowledged ..." (NER: a product) is not "Donald Trump",
                    # whom "Trump" alone stands for: the full name the article gives elsewhere
                    written = doc_text(doc)[given[0].idx : token.idx + len(token)]
                    if written in full_names.values():
                        shared = written
                self.subjects.append((token.idx, shared or surname_of))
            elif pos_tags[token.i] == "PROPN" and token.ent_type_ != "PERSON" and _topic(token):
                # ... or a whole name it missed after a title ("Former Hewlett-Packard CEO Carly
                # Fiorina named ...")
                missed = _missed_name(token)
                if missed is not None:
                    full = self.full(missed.text)
                    kin = token.head.lower_ if token.dep_ == "appos" else ""
                    if " " not in full and kin in KIN:
                        # "Mr. Trump's daughter Ivanka" (NER: a product) is Ivanka Trump, a she
                        family = _family_name(token.head, token.idx, self)
                        full = f"{full} {family}" if family else full
                        self.gender.setdefault(full, "m" if kin in MALE_KIN else "f")
                    self.subjects.append((missed.start_char, full))
        for offset, introduced in introduced_names(doc):
            name = _trim(introduced, trimmed)
            if _not_a_person(name):
                continue
            name_token = token_at(doc, offset)
            while (
                name_token is not None
                and name_token.dep_ in ("compound", "amod", "nmod", "punct")
                and name_token.head.i != name_token.i
            ):
                name_token = name_token.head
            if name_token is not None and name_token.dep_ == "appos":
                name_token = name_token.head  # "Opposition lawmaker Lee Ji-eun, ..., said"
            if (
                name_token is not None
                and name_token.dep_ in ("nsubj", "nsubjpass")
                and _main_clause(name_token.head)
            ):
                self.subjects.append((offset, self.full(name)))
            elif name_token is not None and (
                name_token.dep_ not in ("pobj", "poss")
                or (name_token.dep_ == "pobj" and _labelled_person(doc, offset))
            ):
                # a mangled parse: a name before the speech verb that heads its sentence (not a
                # proper noun NER left unlabelled inside a phrase: "a professor at Sciences Po
                # in Paris, noted ...", nor a possessor: "When he took the stage after Mr.
                # Vander Plaats's introduction, he said ...")
                root = _sent(name_token).root
                if (
                    _is_cue(root)
                    and offset < root.idx
                    # not mangled when the verb has a person for its subject before the name,
                    # which a phrase then describes: "Dunwoody, who worked for Barack Obama in
                    # 2008, said ..." (a surname said again is often left unlabelled by NER,
                    # or labelled a body: the relative clause then tells)
                    and not any(
                        c.dep_ in ("nsubj", "nsubjpass")
                        and c.i < name_token.i
                        and (
                            c.ent_type_ == "PERSON"
                            or lowers[c.i] in full_names
                            or _in_relative_clause_of(name_token, c)
                        )
                        for c in _children(root)
                    )
                ):
                    self.subjects.append((offset, self.full(name)))
        # a name quoted is not the topic a later "he" refers to ("'I fully support and endorse
        # John McCain's re-election,' Trump said. He went on ..." is Trump's)
        self.subjects = [
            (offset, name) for offset, name in self.subjects if not quoted.covers(offset)
        ]
        # proper-noun subjects NER gave no PERSON label ("Fiorina, 61, declined ...", tagged ORG;
        # "Ivanka Trump strode ...", PRODUCT): a "he" or "she" with no one else to refer to
        for token in _tokens(doc):
            # a "he" or "she" that its own sentence resolves ("When Clinton challenges Sanders
            # ..., she is making ...") keeps that person the topic: the next sentence's "she" is
            # Clinton's too, not that of a person named as a subject before the fronted clause
            if (
                lowers[token.i] in ("he", "she")
                and token.dep_ in ("nsubj", "nsubjpass")
                and _main_clause(token.head)
                and not self.in_quote(token.idx)
            ):
                gender = _PRONOUNS[token.lower_]
                antecedent = _cataphor(token, self, gender) or _sentence_antecedent(
                    token, self, gender
                )
                if antecedent is not None:
                    self.subjects.append((token.idx, antecedent))
            elif (
                pos_tags[token.i] == "PROPN"
                and token.ent_type_ in _UNLABELLED_PERSON_ENTS
                and token.is_title
                and _topic(token)
                and not self.in_quote(token.idx)
            ):
                start, end = _name_span(token)
                name = doc_text(doc)[start:end]
                words = name.split()
                if (
                    1 <= len(words) <= 3
                    and all(w[:1].isupper() for w in words)
                    and not _not_a_person(name)
                    # not a headline's group ("North Korean Traders Squeezed ..."), a plural
                    # the story writes in lower case elsewhere ("a trader in Dandong")
                    and not _common_plural(words[-1], _common_words(doc))
                ):
                    self.unlabelled.append((token.idx, name, self.full(name)))
                    if len(words) >= 2 and _described_as_person(token):
                        # "Eswar Kovil, a professor of finance at Brandeis, said ..." with
                        # the name NER took for an ORG: the description tells a person, whom
                        # the next "he" refers to like any named subject
                        self.subjects.append((token.idx, self.full(name)))
        # where unnamed sources were resolved so far (quotes are not resolved in text order)
        self.anonymous_at: list[int] = []
        # an interview printed as a transcript: the "I" of its answers is the person interviewed
        self.answers, self.interviewee = _interview(doc, self.persons)
        # ... and who asks its questions: the one its introduction says spoke with the person
        # interviewed; a byline alone does not say who asked (an editor, a panel, the writer)
        self.interviewer = _interviewer(doc_text(doc), self.interviewee) if self.answers else None

    def in_answer(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.answers)

    def in_quote(self, offset: int) -> bool:
        """Whether an offset lies inside a quotation."""
        return self._quoted.covers(offset)

    def quote_within(self, start: int, end: int) -> bool:
        """Whether a quotation overlaps the range [start, end)."""
        return self._quoted.overlaps(start, end)

    def full_at(self, name: str, at: int) -> str:
        """full(), but a bare Korean family name several people here share stands for the one
        named last before `at` (see tasks.entities.shared_family_name_at)."""
        words = name.split()
        if 1 <= len(words) <= 2:
            # the family name alone, or after a title ("Mr. Kim"): the cheap test first
            key = _POSSESSIVE.sub("", words[-1]).lower()
            shared = shared_family_name_at(self._doc, key, at)
            if shared is not None and (len(words) == 1 or _TITLE_WORDS.match(name)):
                return shared
        return self.full(name)

    def full(self, name: str) -> str:
        found = self._full.get(name)
        if found is None:
            found = self._full[name] = self._full_name(name)
        return found

    def _full_name(self, name: str) -> str:
        # a name glued to the closing mark of a quote before it ("paranoia,”Clinton said")
        name = _unglue(name)
        capitals = name.isupper() or all(w.isupper() or _CAPS_MC.fullmatch(w) for w in name.split())
        titled = name.title() if capitals else ""
        honorific = _HONORIFIC.match(titled) or _TITLE_WORDS.match(titled)
        if honorific is not None:
            # a transcript's speaker label ("MR. CROWLEY:", "MS. PSAKI:", "AMB. HILL:",
            # "SECRETARY RICE:"): the person the article named, else the surname as written
            bare = name[honorific.end() :].strip()
            found = self._full_name(name.title())
            # (a surname no one was named with: as a name is written, "SEN. BIDEN" is "Biden")
            return found if found.lower() != bare.lower() else _name_case(bare)
        words = name.split()
        if capitals and len(words) >= 3 and words[-1].lower() in _VOICE_OF_BODY:
            # a script's label for a body's voice ("KOREAN CENTRAL TELEVISION ANNOUNCER:",
            # "FOREIGN MINISTRY SPOKESMAN:"): the broadcaster's or the body's words
            return " ".join(_body_case(word) for word in words[:-1])
        bare = _TITLE_WORDS.sub("", name)
        if (
            bare.isupper()
            and len(bare.split()) >= 2
            and bare.split()[-1].lower() in self.full_names
        ):
            # a transcript's label in capitals ("Mr. VICTOR CHA (Georgetown University):",
            # "STEPHEN BOSWORTH:"): the person the article named (not "USA TODAY", a name as
            # written)
            return self._full_name(bare.title())
        # NER runs a name on over a spaced dash ("Deborah Jordan Reynolds - Santilli's
        # girlfriend - told ..."): a name holds no spaced dash
        name = _SPACED_DASH.split(name, maxsplit=1)[0]
        honorific = _HONORIFIC.match(name)
        name = re.sub(r"(?:'s|’s|')$", "", _TITLE_WORDS.sub("", name)).strip()
        if " " in name:
            name = _trim(name, self._trimmed)  # "Trump May" of "Trump May Not Have Suggested"
        parts = name.split()
        for n in range(1, len(parts)):
            # a title-case headline runs the name on into its verb ("Glenn Beck Blasts Drudge
            # for ...", "Trump Addresses Munich Attack"): the name ends at a known surname
            # followed by a capitalised verb of saying or stance
            known = self.full_names.get(parts[n - 1].lower())
            if (
                known is not None
                and known.split()[-1].lower() == parts[n - 1].lower()
                and parts[n][:1].isupper()
                and (
                    parts[n].lower() in _HEADLINE_VERBS
                    # ... or at a word the article uses as a verb or an adverb, and as nothing
                    # else ("Trump Just Announced Who ...": "Just" is tagged an adverb there)
                    or parts[n].lower() in self._verbal()
                )
            ):
                parts = parts[:n]
                name = " ".join(parts)
                break
        if len(parts) == 1:
            found = self.full_names.get(parts[0].lower()) or self._by_first_name(name)
        elif len(parts) == 2 and parts[-1][0].isupper():
            found = self.full_names.get(parts[-1].lower(), name)
            first = found.split()[0].lower() if found.split() else ""
            if (
                parts[0] not in found.split()
                and found.split()[0].lower() == parts[-1].lower()
                and korean_family_name(parts[-1])
            ):
                # "Sung Kim" is not the "Kim Kye Gwan" that "Kim" stands for (whether NER
                # introduced him or a label in capitals did: "SUNG KIM, STATE DEPARTMENT ...:")
                return name
            if parts[0] not in found.split() and (
                parts[0].lower() in FIRST_NAMES
                or first in FIRST_NAMES
                # "Shigeru Yokota", named as such, is not the "Megumi Yokota" named first: a
                # given name no list holds (not a word the article uses as a verb: "Trump
                # Blasts")
                or (
                    name in self._named_pairs
                    and len(found.split()) == 2
                    and parts[0].lower() not in _HEADLINE_VERBS
                    and parts[0].lower() not in _NOT_GIVEN_NAMES
                    and parts[0].lower() not in self._verbal()
                )
            ):
                return name  # "Melania Trump" is not the "Donald Trump" the surname stands for
        else:
            return _without_title(name)
        if honorific is not None and found != name:
            # "Mrs. Clinton" in an article about both Clintons: the family member of her gender
            gender = "m" if honorific.group(1).lower() == "mr" else "f"
            if _gender(found) not in (None, gender):
                surname = found.split()[-1]
                found = next(
                    (
                        other
                        for other in self.full_names.values()
                        if other.split()[-1] == surname and _gender(other) == gender
                    ),
                    name,
                )
        if found == name and _CAPS_MC.fullmatch(name):
            return _name_case(name)  # a label's "McCORMACK" no one was named with: "McCormack"
        if found == name and name.isupper() and name.isalpha() and self._titled_caps(name):
            return _name_case(name)  # the Congressional Record's "Mr. LUGAR.": "Lugar"
        # the index keeps a title NER put inside the name ("Representative Carl Hooper")
        return _without_title(found)

    def _by_first_name(self, name: str) -> str:
        """The one person the article named in full whose first name a first name alone is
        ("Donald" for Donald J. Trump); the name as written when it is no first name, or
        several such people were named. A short form ("Chris" for Christopher Hill) comes
        through full_names, whose surname index (tasks.entities) keys it."""
        word = name.lower()
        if word not in FIRST_NAMES:
            return name
        people = {full for full in self.full_names.values() if full.split()[0].lower() == word}
        return people.pop() if len(people) == 1 else name

    def _verbal(self) -> frozenset[str]:
        """The words the article uses as verbs or adverbs and never writes in lower case as
        anything else ("just", "makes"; not "tower" or "foundation"), read when first asked."""
        if self._verbal_words is None:
            verbal: set[str] = set()
            other: set[str] = set()
            for token, word in zip(_tokens(self._doc), _lowers(self._doc), strict=True):
                if token.pos_ in ("VERB", "AUX", "ADV"):
                    verbal.add(word)
                elif token.is_lower:
                    other.add(word)
            self._verbal_words = frozenset(verbal - other)
        return self._verbal_words

    def story_start(self, at: int) -> int:
        """Where the story holding offset `at` starts: after the last story break before it."""
        n = bisect.bisect_right(self._story_breaks, at) - 1
        return self._story_breaks[n] if n >= 0 else 0

    def compatible(self, name: str, gender: str | None, at: int | None = None) -> bool:
        if gender not in ("m", "f"):
            return True
        known = self.gender.get(name) or self._told_before(name, at) or _gender(name)
        return known in (None, gender)

    def tell(self, name: str, gender: str, at: int) -> None:
        """Record that the pronoun at offset `at`, of `gender`, was resolved to `name`."""
        self.told.setdefault(name, []).append((at, gender))

    def _told_before(self, name: str, at: int | None) -> str | None:
        # the first thing a pronoun before `at` told of the name (any, when `at` is None)
        told = [(offset, g) for offset, g in self.told.get(name, ()) if at is None or offset < at]
        return min(told)[1] if told else None

    def _titles(self) -> list[tuple[int, str, frozenset[str]]]:
        if self._roles is None:
            self._roles = [(ent.start_char, name, _roles_of(ent)) for ent, name in self._titled]
        return self._roles

    def _bodies_speaking(self) -> list[tuple[int, str | Token | None]]:
        """(offset, name) of each subject of a verb of saying but "it", the name only for a
        body or a country, for the "it" that goes on speaking for the last one; for a body no
        entity names ("the North's foreign ministry said"), its noun, resolved when asked."""
        if self._speaking_bodies is None:
            self._speaking_bodies = []
            for token in _tokens(self._doc):
                if (
                    token.dep_ == "nsubj"
                    and token.lower_ != "it"
                    # (or voiced a stance: "the Russian Foreign Ministry expressed regret ...
                    # "...," it said")
                    and (_is_cue(token.head) or token.head.lower_ in _VOICING)
                    # not a report inside one ("KCNA said the proposal showed ..."): the
                    # reporter spoke
                    and not (token.head.dep_ == "ccomp" and _is_cue(token.head.head))
                ):
                    # the body's name, or the name on its noun ("The official KCNA news
                    # agency said")
                    named = (
                        token
                        if token.ent_type_ in ("ORG", "GPE")
                        else next(
                            (
                                c
                                for c in _children(token)
                                if c.dep_ in ("compound", "nmod") and c.ent_type_ == "ORG"
                            ),
                            None,
                        )
                    )
                    ent = _entity_of(named) if named is not None else None
                    name: str | Token | None = (
                        capital_article(_POSSESSIVE.sub("", ent.text)) if ent is not None else None
                    )
                    if name is None and (
                        token.lower_ in _BODY_WORDS
                        or token.lower_ in _PAPER_NOUNS
                        # ("But the North claimed ... In 2004 it handed over ..., saying":
                        # Korea copy's country, which the tagger gives no entity)
                        or (token.pos_ == "PROPN" and token.lower_ in ("north", "south"))
                    ):
                        name = token  # ("The daily argued ... It said ...": the paper)
                    self._speaking_bodies.append((token.idx, name))
        return self._speaking_bodies

    def _documents_made(self) -> list[tuple[int, str, Token | str | None]]:
        """(offset, kind, maker) of each document or utterance the article names ("a new
        Quinnipiac University poll", "a report by the GAO"), for "the poll" later on. A document
        named again takes the maker of the one before it; one whose maker the text does not
        name has none ("Clinton's campaign sent out an email ... The email")."""
        if self._documents is None:
            self._documents = []
            last: dict[str, Token | str | None] = {}
            lowers, pos_tags = _lowers(self._doc), _pos_tags(self._doc)
            for token in _tokens(self._doc):
                if lowers[token.i] not in _DOCUMENTS or pos_tags[token.i] != "NOUN":
                    continue
                kind = _document_kind(token.lower_)
                made = (
                    _author_of(token)
                    or _utterance_owner(token)
                    or _maker_in_relative(token)
                    or _maker_named_before(token)
                    or _issuer(token)
                )
                if made is None and _THE_DOCUMENT.fullmatch(_words_to(token)):
                    made = last.get(kind)
                last[kind] = made
                self._documents.append((token.idx, kind, made))
        return self._documents

    def document_maker(self, noun: str, before: int) -> Token | str | None:
        """Who made the last document of this kind the article named before an offset (None
        when the text does not say). No distance limit: an article seldom names two polls or
        statements; on PolNeAR a limit of five paragraphs dropped 12 of the 42 quotes this
        resolves, 11 of them right (the poll or statement the article is about)."""
        kind = _document_kind(noun)
        found = [
            made for offset, k, made in self._documents_made() if k == kind and offset < before
        ]
        return found[-1] if found else None

    def speaking_body(self, before: int) -> str | Token | None:
        """The body or country that last said something before an offset, in its paragraph or
        the one before (its noun when no entity names it); None when the last one to speak
        there was not a body."""
        start = _paragraphs_back(doc_text(self._doc), before, 2)
        found = [name for offset, name in self._bodies_speaking() if start < offset < before]
        return found[-1] if found else None

    def named_body_that_spoke(self, before: int) -> str | None:
        """speaking_body() when an entity names it ("the paper", "the agency" stand for it)."""
        spoke = self.speaking_body(before)
        return spoke if isinstance(spoke, str) else None

    def paper_speaking_near(self, at: int) -> str | None:
        """The newspaper (a body whose name says so: "Rodong Sinmun", "China Daily") that last
        said something before an offset; else, when none did, the one that first speaks after
        it within _LEAD_NAMED_WITHIN characters (a lead's "North Korea's main newspaper")."""
        papers = [
            (offset, name)
            for offset, name in self._bodies_speaking()
            if isinstance(name, str) and _PAPER_NAME.search(name)
        ]
        before = [name for offset, name in papers if offset < at]
        if before:
            return before[-1]
        return next(
            (name for offset, name in papers if at < offset < at + _LEAD_NAMED_WITHIN), None
        )

    def document_before(self, before: int) -> Token | str | None:
        """The maker of the document the article named last before an offset, in its paragraph
        or the one before, when no one has spoken since ("Rodong Sinmun carries a commentary
        ... It says ..."); None when there is none or the text does not name its maker."""
        start = _paragraphs_back(doc_text(self._doc), before, 2)
        named = [(offset, made) for offset, _kind, made in self._documents_made()]
        named = [(offset, made) for offset, made in named if start < offset < before]
        if not named:
            return None
        last, made = named[-1]
        if any(last < offset < before for offset, _name in self._bodies_speaking()):
            return None
        return made

    def country_before(self, before: int) -> str | None:
        """The country last the subject of a clause before an offset, in its paragraph or the
        two before; None when there is none."""
        start = _paragraphs_back(doc_text(self._doc), before, 3)
        found = [name for offset, name in self.countries if start < offset < before]
        return found[-1] if found else None

    def spokespeople(self) -> list[int]:
        """Indexes of the tokens "spokesman", "spokeswoman" and "spokesperson" (nouns), found
        when first asked: the spokesperson before each quote is looked up from here."""
        if self._spokespeople is None:
            lowers, tags = _lowers(self._doc), _pos_tags(self._doc)
            self._spokespeople = [
                i for i, word in enumerate(lowers) if word in _SPOKES_NOUNS and tags[i] == "NOUN"
            ]
        return self._spokespeople

    def anonymity_before(self, at: int) -> bool:
        """Whether the article granted a source anonymity before this offset."""
        return bool(self._anonymity) and self._anonymity[0] < at

    def holder(self, role: str, at: int) -> str | None:
        """The last person before `at` the article gave the role ("Judge Berman", "Trump, the
        Republican front-runner") a description names ("the judge", "the front-runner")."""
        # (a spokesman of an earlier story is no spokesman of this one: a report's full text
        # after the story on it speaks for its own, unnamed)
        start = self.story_start(at)
        for offset, name, roles in reversed(self._titles()):
            if start <= offset < at and role in roles:
                return name
        return None

    def sole_holder(self, role: str, at: int, words: set[str]) -> str | None:
        """The one person before `at` the article gave the role and all of `words` ("Mayor Bill
        de Blasio" for "the mayor"); None when it gave them to several ("Sen. Marco Rubio" and
        "Sen. Ted Cruz" for "the senator")."""
        held: dict[str, frozenset[str]] = {}
        for offset, name, roles in self._titles():
            if offset < at and role in roles and words <= roles:
                held[name] = held.get(name, frozenset()) | roles
        if len(held) > 1 and words.isdisjoint(_TITLE_NATIONS):
            # "President Lee Myung-bak told Chinese President Hu Jintao ...; the president said":
            # of several holders, the one whose title named no nation (the home country's)
            plain = [name for name, roles in held.items() if roles.isdisjoint(_TITLE_NATIONS)]
            return plain[0] if len(plain) == 1 else None
        if len(held) > 1:
            return None
        return next(iter(held), None)

    def surname_of_nation(self, text: str) -> str | None:
        """The one person of a surname the article gave the nation a phrase adds to it ("The
        North Korean Kim" of two Kims, one titled "His North Korean counterpart")."""
        phrase = _NATION_SURNAME.fullmatch(text)
        if phrase is None:
            return None
        nation = {_role_word(w) for w in phrase.group(1).split()}
        surname = phrase.group(2).lower()
        names = {
            name
            for _offset, name, roles in self._titles()
            if surname in name.lower().replace("-", " ").split() and nation <= roles
        }
        return names.pop() if len(names) == 1 else None

    def titled_from(self, name: str, role: str) -> int:
        """Where the article first gives a person the role (its length when it never does)."""
        return min(
            (offset for offset, n, roles in self._titles() if n == name and role in roles),
            default=len(doc_text(self._doc)),
        )

    def holds_another_office(self, name: str, office: str, at: int) -> bool:
        """Whether the article gave a person the title of another office before `at`, never
        this one ("Ambassador Hill" is not "the President"); False for a role that is no
        office ("the billionaire businessman")."""
        if office not in _OFFICES:
            return False
        roles = frozenset().union(
            *(r for offset, n, r in self._titles() if offset < at and n == name)
        )
        return office not in roles and not roles.isdisjoint(_OFFICES)

    def _inside_report(self, offset: int, name: str, gender: str | None, at: int) -> bool:
        # "McLenney said Clinton doesn't show consistency ... "...," she said": the person a
        # report is about is not whom the next pronoun means while its reporter could be (a
        # pronoun inside the same report may mean that person: "HILL: Kim Kye-gwan is a
        # professional. He would say ...")
        return any(
            lo <= offset < hi
            and not lo <= at < hi
            and reporter != name
            and self._may_be(reporter, gender)
            for lo, hi, reporter in self.reported
        )

    def _may_be(self, reporter: str, gender: str | None) -> bool:
        # a reporter is a name, or a "he" or "she" not yet resolved: its own gender then
        if reporter in ("he", "she"):
            return gender not in ("m", "f") or _PRONOUNS[reporter] == gender
        return self.compatible(reporter, gender)

    def turn_speaker(self, at: int) -> str | None:
        """Whose turn of a transcript an offset lies in, when its paragraph opens with a label
        naming a person ("[00:03:40] DR. HANA CHOI: ..."), or None."""
        if not self._turn_labels:
            return None  # (most articles: asked for each "he" or "she")
        text = doc_text(self._doc)
        para_start = text.rfind("\n", 0, at) + 1
        for start, end, label in self._turn_labels:
            if para_start <= start <= para_start + _LABEL_LEAD_CHARS and end < at:
                return self.full(label)
        return None

    def recent(self, at: int, gender: str | None, passing: str | None = None) -> str | None:
        # the last person who spoke or was the subject of a sentence: "Bosworth said in Seoul that
        # he met Kang Sok-ju ..., adding, "..."" is Bosworth's, not Kang's; never one before a
        # story break ("___" between the items of a live blog): its story has ended
        start = self.story_start(at)
        candidates = sorted(o_n for o_n in self.last_named + self.subjects if start <= o_n[0] < at)
        for offset, name in reversed(candidates):
            if name == passing:
                continue
            if gender in ("m", "f") and (self._no_person(name) or name == self.writer):
                # '... the Foreign Ministry said ... "...," he said': not the ministry; nor the
                # story's writer, whose words are "I" ('"Is this your final offer?" I asked Kim.
                # He smiled. "There is no final offer," he said.')
                continue
            if self.compatible(name, gender, at) and not self._inside_report(
                offset, name, gender, at
            ):
                return name
        persons = [(o, n) for o, n in self.persons if start <= o < at and n != passing]
        for _offset, name in reversed(persons):
            if self.compatible(name, gender, at):
                return name
        if gender in ("m", "f"):
            # the full name a surname stands for may be a relative's ("Fiorina" -> "Frank
            # Fiorina" for a "she"): the name as written then
            unlabelled = [u for u in self.unlabelled if start <= u[0] < at]
            for _offset, written, full in reversed(unlabelled):
                for name in (full, written):
                    if self.compatible(name, gender, at):
                        return name
        return None

    def _titled_caps(self, name: str) -> bool:
        # a name in capitals the text writes after a courtesy title ("Mr. LUGAR"): a person's
        text = doc_text(self._doc)
        return any(f"{title} {name}" in text for title in ("Mr.", "Mrs.", "Ms.", "Miss"))

    def _no_person(self, name: str) -> bool:
        # a speaker that is a body ("The Foreign Ministry", "Japan's military") or a country
        # the text made a subject: no "he" or "she"
        words = name.lower().split()
        return bool(words) and (
            words[0] == "the"
            or words[-1] in _BODY_WORDS
            or words[-1] in _STATE_BODIES
            or any(name == country for _offset, country in self.countries)
        )


# a byline ("By Choe Sang-Hun", "By Jane Doe, Staff Writer") and a wire's credits after the story
# ("(Additional reporting by Jack Kim; Editing by Jeremy Laurence)"): names of its writers
_CREDITS = re.compile(
    r"^[ \t]*By[ \t]+[A-Z][\w.'’-]*,?(?:[ \t]+(?:[A-Z][\w.'’-]*|and|in|of),?){0,7}[ \t]*$"
    r"|\((?:Additional[ \t]+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting)[ \t]+by[^)\n]*\)",
    re.MULTILINE,
)


# a byline of its own line near the top ("By Richard A. Moreland", "By Jane Doe, Staff
# Writer"): the writer's name before any comma
# (in any case: "by Shin Dong-woo" under a column's headline, "BY AMBER PHILLIPS")
_BYLINE = re.compile(
    r"^[ \t]*(?:By|by|BY)[ \t]+([A-Z][^,\n]{2,60}?)[ \t]*(?:,[^\n]*)?$", re.MULTILINE
)
_BYLINE_WITHIN = 600  # characters from the top: the headline, a kicker, the byline
_WRITER_WORD = re.compile(r"[A-Z][\w.'’-]*")


# a book review's writer, whose head gives the book's author as a byline of its own ("SIX
# CHAIRS, ONE TABLE / By Margaret Lindqvist / ... / Reviewed by Thomas Bellamy")
_REVIEWED_BY = re.compile(
    r"^[ \t]*Reviewed[ \t]+by[ \t]+([A-Z][^,\n]{2,60}?)[ \t]*(?:,[^\n]*)?$", re.M
)


# a book excerpt's note naming its author, whose "I" the excerpt is ("Daniel Hargrove was deputy
# to ... The following is adapted from his memoir, ...", "Jane Doe is a former envoy. This essay
# is excerpted from her new book")
_EXCERPT_NOTE = re.compile(
    r"^[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,3}),?[ \t]+(?:is|was)\b[^\n]{0,400}?"
    r"\b(?:adapted|excerpted|taken|drawn)[ \t]+from[ \t]+(?:his|her)[ \t]+"
    r"(?:(?:new|forthcoming|upcoming|recent|latest)[ \t]+)?(?:memoir|book|memoirs|diary)\b",
    re.M,
)


def _byline_names(text: str) -> list[str]:
    """The names of the writers the story's byline gives ("By A and B": two), or the author an
    excerpt's note names, or the speaker whose speech the text is."""
    # (an excerpt's author, or the speaker a speech's or a statement's head names)
    author = _EXCERPT_NOTE.search(text, 0, _BYLINE_WITHIN) or speech_speaker(text)
    if author is not None:
        return [author.group(1)]
    byline = _REVIEWED_BY.search(text, 0, _BYLINE_WITHIN) or _BYLINE.search(text, 0, _BYLINE_WITHIN)
    return re.split(r"\s+and\s+|\s*&\s*", byline.group(1)) if byline is not None else []


def _one_writer(writers: Sequence[str]) -> str | None:
    """The writer's name when a story has one, a person's (two to four names, not "Reuters",
    "Staff" or "Foreign Ministry Spokesperson's Office")."""
    if len(writers) != 1:
        return None
    words = writers[0].split()
    if not 2 <= len(words) <= 4 or not all(_WRITER_WORD.fullmatch(w) for w in words):
        return None
    return None if _not_a_person(writers[0]) else writers[0]


def _turn_label(token: Token) -> Token | None:
    """The last word of the label of the transcript turn a token's paragraph is ("HILL" of
    "AMBASSADOR HILL: ..."), when it is one."""
    text = doc_text(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    paragraph = text[start : token.idx + len(token)]
    label = _TRANSCRIPT_TURN.match(paragraph) or _TURN.match(paragraph)
    if label is None or start + label.end(1) > token.idx:
        return None
    return token_at(token.doc, start + label.end(1) - 1)


def _labelled_name(token: Token) -> str | None:
    """The name in capitals, of two words or more, of a transcript turn's label that holds a
    token and gives a role in capitals after the name ("WOLF BLITZER, CNN ANCHOR:"), or the
    name a label gives in brackets: the reporter of "Q (Kim Ji-hoon, KBS): ...", the speaker of
    a broadcast's recorded cut "[ACTUALITY: HILL] ..."."""
    text = doc_text(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    # (the patterns open with "^": matched on the paragraph's head, not at an offset)
    head = text[start : start + _LABEL_CHARS_MAX]
    bracketed = _ASKED_TURN.match(head) or _CUT_TURN.match(head)
    if bracketed is not None and start + bracketed.start(3) <= token.idx < start + bracketed.end(3):
        return bracketed.group(3)
    label = _TRANSCRIPT_TURN.match(head)
    if (
        label is None
        or label.group(2) is None
        # (or "KATE ELLISON reporting:", NPR's reporter)
        or not (label.group(2).startswith(",") or label.group(2).strip() == "reporting")
        or not start <= token.idx < start + label.end(2)
    ):
        return None
    name = _TITLE_WORDS.sub("", label.group(1).title()).strip()
    if len(name.split()) < 2:
        return None
    return label.group(1)[len(label.group(1)) - len(name) :]


_LABEL_LEAD_CHARS = 24  # before a turn's label: a time stamp and a title, "[00:03:40] DR. "
_LABEL_CHARS_MAX = 200  # a turn's label is read in the first characters of its paragraph


def _in_writers_words(pronoun: Token, memory: _Speakers) -> bool:
    """Whether a first-person pronoun is the story's own voice: not inside a quotation, nor in
    a transcript's turn, whose "I" is the turn's speaker ("HILL: I told them ...")."""
    if memory.in_quote(pronoun.idx) or _turn_label(pronoun) is not None:
        return False
    text = doc_text(pronoun.doc)
    return not _QUESTION.match(text, text.rfind("\n", 0, pronoun.idx) + 1)  # an interviewer's


# a transcript turn's label made of roles and titles only, to its colon
_ROLE_WORDS = (
    r"the|deputy|press|assistant|senior|acting|chief|host|co-?host|moderator|anchor|announcer|"
    r"administration|"
    rf"narrator|interpreter|translator|interviewer|chair|official|unidentified|male|female|man|"
    rf"woman|voice|"
    # (a parliament's record: "Hon. Members: Hear, hear.")
    rf"hon|members|reporter|correspondent|"
    rf"{PERSON_TITLES}"
)
_ROLE_LABEL = re.compile(rf"[ \t]*(?i:{_ROLE_WORDS})\.?(?:[ \t]+(?i:{_ROLE_WORDS})\.?)*[ \t]*:")


def _role_label(doc: Doc, subj: Token) -> str | None:
    """The label of the turn whose role-only label holds `subj` ("Deputy Press Secretary")."""
    text = doc_text(doc)
    line = text.rfind("\n", 0, subj.idx) + 1
    label = _ROLE_LABEL.match(text, line)
    if label is None or subj.idx >= label.end() - 1:
        return None
    return text[line : label.end() - 1].strip()


# a broadcast's host introducing themselves in a turn ("This is VOA News. I'm Dana Whitfield."),
# read in the first characters of the turns under a host's role label
_SELF_INTRODUCED = re.compile(r"\bI(?:['’]m| am) ((?:[A-Z][a-z'’-]+ ){1,2}[A-Z][a-z'’-]+)\b")
_HOST_ROLES = frozenset(["anchor", "host", "presenter", "newsreader", "moderator"])
_HOST_TURN_CHARS = 300  # where a host's turn says who the host is
# a television reporter's role label, and the sign-off naming the reporter at the end of the
# report ("Choi Min-jung, Arirang News.")
_REPORTER_ROLES = frozenset(["reporter", "correspondent"])
_SIGN_OFF = re.compile(
    r"^[ \t]*([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,2}),[ \t]+"
    r"[A-Z][\w'’ -]{1,30}?(?:News|Radio|TV|Television)\.?[ \t]*$",
    re.MULTILINE,
)


@lru_cache(maxsize=16)
def _self_introduced(text: str, role_label: str) -> str | None:
    """The name a host's turn gives its speaker ("I'm Dana Whitfield") under a role label
    ("ANCHOR:"), in the first turn under that label that gives one, or None (read once a text
    and label: a transcript's every turn under the label asks)."""
    if role_label.lower() in _REPORTER_ROLES:
        # a television reporter signs off at the end of the report ("Choi Min-jung, Arirang
        # News."): the one name a sign-off gives
        signed = {m.group(1) for m in _SIGN_OFF.finditer(text)}
        return signed.pop() if len(signed) == 1 else None
    if role_label.lower() not in _HOST_ROLES:
        return None
    turns = re.finditer(rf"^[ \t]*{re.escape(role_label)}[ \t]*:(.*)$", text, re.MULTILINE)
    for turn in turns:
        introduced = _SELF_INTRODUCED.search(turn.group(1)[:_HOST_TURN_CHARS])
        if introduced is not None:
            return introduced.group(1)
    return None


def _name_case(name: str) -> str:
    """A name in capitals as a name is written ("BIDEN" -> "Biden", "McCORMACK" ->
    "McCormack"); any other name as it is."""
    if not name.isupper() and not _CAPS_MC.fullmatch(name):
        return name
    return " ".join(
        m.group(1) + m.group(2).capitalize() if (m := _CAPS_MC.fullmatch(w)) else name_case_word(w)
        for w in name.split()
    )


_CAPS_MC = re.compile(r"(Ma?c)([A-Z][A-Z'’-]+)")


def _after_title(name: str) -> str:
    """The name that ends a longer titled phrase, or the phrase (not one of two people joined
    by "and": "Toomey and Sen. Kelly Ayotte")."""
    after = _NAME_AFTER_TITLE.search(name)
    if after is None or after.start() == 0 or " and " in name[: after.start()]:
        return name
    return after.group(1)


def _without_title(name: str) -> str:
    """A person's name without the title or the titled phrase before it."""
    return _TITLE_WORDS.sub("", _after_title(name)).strip() or name


def _honorific(doc: Doc, start: int) -> str:
    """ "Mr. " or "Mrs. " when it stands before the name at start (NER leaves it out)."""
    before = doc_text(doc)[max(0, start - 5) : start]
    if _MR_BEFORE.search(before):
        return "Mr. "
    return "Mrs. " if _MRS_BEFORE.search(before) else ""


def _unglue(name: str) -> str:
    """A name without the quote it is glued to ("paranoia,”Clinton" -> "Clinton")."""
    return _GLUED.split(name)[-1].strip() or name


def _gender(name: str) -> str | None:
    first = name.split()[0].lower().rstrip(".") if name.split() else ""
    if first in FEMALE_NAMES or first in _FEMALE_TITLES:
        return "f"
    return "m" if first in MALE_NAMES or first in _MALE_TITLES else None


# a paragraph's opening quote and the attribution right after it: '"No one is writing songs
# for Hillary," ' before "he said"
_QUOTE_THEN_ATTRIBUTION = re.compile(
    "\\s*(?:\"|\u201c|''|``|\u00ab)[^\"\u201d\u00bb\\n]*(?:\"|\u201d|''|\u00bb)\\s*"
)


def _described_reporter(pronoun: Token, memory: _Speakers, gender: str) -> str | None:
    """The person a description names, who reports the clause a subject pronoun opens: "The
    American envoy said he would visit Tokyo, and that he expected ..." (the envoy, not the last
    person named before the description)."""
    if pronoun.dep_ != "nsubj":
        return None
    verb = pronoun.head
    while verb.dep_ == "conj" and verb.head.i < verb.i:
        verb = verb.head
    saying = verb.head
    if verb.dep_ != "ccomp" or saying.i > pronoun.i or saying.lower_ not in SPEECH_VERBS:
        return None
    reporter = next((c for c in _children(saying) if c.dep_ == "nsubj"), None)
    if reporter is None or reporter.pos_ != "NOUN":
        return None
    name, _text, kind = _resolve(pronoun.doc, reporter, reporter.idx, memory)
    if kind != "description" or name is None or not memory.compatible(name, gender, pronoun.idx):
        return None
    return name


def _introduced_before_quote(pronoun: Token, memory: _Speakers, gender: str) -> str | None:
    """The person the paragraph before a quote introduces, by full name and role, where the
    quote's paragraph opens with it and its "he said" follows: "..., which is something that
    concerns Henry Crespo, president of the Florida Democratic Black Caucus. / "No one is
    writing songs for Hillary. Obama had will.i.am," he said." (the news convention of naming
    a source, then quoting them), not the subject of that paragraph (Obama) nor a name inside
    the quote. Only a first mention with an appositive that is no clause's subject (a subject
    is the last one named anyway)."""
    if pronoun.dep_ != "nsubj" or pronoun.head.lower_ not in SPEECH_VERBS:
        return None
    doc = pronoun.doc
    text = doc_text(doc)
    para_start = text.rfind("\n", 0, pronoun.idx) + 1
    # the paragraph's first words are the quote, and its attribution right after them
    if not _QUOTE_THEN_ATTRIBUTION.fullmatch(text, para_start, pronoun.idx):
        return None
    prev_end = len(text[:para_start].rstrip())
    prev_start = text.rfind("\n", 0, prev_end) + 1
    names = introduced_names(doc)
    seen = {name for offset, name in names if offset < prev_start}
    found, found_at = None, -1
    for offset, name in names:
        if not prev_start <= offset < prev_end or name in seen or memory.in_quote(offset):
            continue
        if any(lo <= offset < hi for lo, hi, _reporter in memory.reported):
            # "Wi said he would travel to Beijing to meet Wu Dawei, China's top negotiator":
            # a person another reports on is no source introduced to be quoted
            continue
        token = token_at(doc, offset)
        head = token
        while head is not None and head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        if (
            head is not None
            and head.ent_type_ == "PERSON"
            and head.dep_ not in ("nsubj", "nsubjpass")
            # a role set off after the name ("Henry Crespo, president of ..."), not the next
            # name of a list the parser read as one ("Marco Rubio, Jeb Bush, ...")
            and any(
                c.dep_ == "appos" and c.i > head.i and c.ent_type_ != "PERSON"
                for c in _children(head)
            )
        ):
            found, found_at = memory.full_at(name, offset), offset
    if found is None or any(found_at < offset < prev_end for offset, _name in memory.subjects):
        return None  # a subject after it is the paragraph's topic: "Preceded by Arpaio, Trump ..."
    # a person whose first name or title tells the pronoun's gender ("Henry Crespo" for "he";
    # not "Terence Crutcher", a victim named before a quote of "she"); a name of unknown gender
    # was as often a place or a film NER took for a person ("Ho Chi Minh City", "Dirty Dancing")
    known = memory.gender.get(found) or _gender(found)
    if known is None and _pronoun_subject_after(doc, found_at, prev_end, gender):
        # "When I met Han Chol-min, a counselor ..., he was unusually direct": the paragraph's
        # own "he" after the name tells its gender
        known = gender
    if known != gender:
        return None
    return found


def _pronoun_subject_after(doc: Doc, start: int, end: int, gender: str) -> bool:
    """Whether a subject pronoun of `gender` follows `start` before `end`, with no person named
    between them."""
    tokens = _tokens(doc)
    first = token_at(doc, start)
    if first is None:
        return False
    for token in tokens[first.i + 1 :]:
        if token.idx >= end:
            return False
        if token.ent_type_ == "PERSON" and token.ent_iob_ == "B":
            return False
        if token.dep_ == "nsubj" and _PRONOUNS.get(token.lower_) == gender:
            return True
    return False


def _cataphor(pronoun: Token, memory: _Speakers, gender: str) -> str | None:
    """The person a pronoun in a fronted clause looks ahead to: "Ever since she endorsed Mrs.
    Clinton, Ms. Warren has been a powerful surrogate" (the main clause's named subject)."""
    clause = pronoun.head
    if pronoun.dep_ not in ("nsubj", "poss") or clause.dep_ != "advcl" or clause.i > clause.head.i:
        return None
    if not any(c.dep_ == "mark" for c in _children(clause)) and pronoun.dep_ == "nsubj":
        return None
    main = next((c for c in _children(clause.head) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if main is None or main.i < pronoun.i or main.ent_type_ != "PERSON":
        return None
    start, end = _name_span(main)
    name = memory.full(_honorific(main.doc, start) + doc_text(main.doc)[start:end])
    return name if memory.compatible(name, gender, pronoun.idx) else None


# subordinators of a clause whose subject a pronoun in the clause beside it refers back to
# ("When Clinton challenges Sanders ..., she is making ..."); "if" and "because" clauses often
# carry what is said rather than the speaker ("If Trump loses, he said he would ...")
_LINKED_MARKS = frozenset(["when", "while", "as", "after", "before", "since", "though", "although"])


def _linked(clause: Token) -> bool:
    """Whether a clause opens with one of _LINKED_MARKS ("when" is tagged mark or advmod)."""
    return any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _LINKED_MARKS and c.i < clause.i
        for c in _children(clause)
    )


def _clause_person(clause: Token, before: int) -> Token | None:
    """The named person subject of a clause, when it stands before token index `before`."""
    subj = next((c for c in _children(clause) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("who", "that") and clause.dep_ == "relcl":
        # "Rep. Joe Wilson, the congressman who gained attention when he yelled ...": the
        # relative pronoun stands for the noun the clause describes, or the name beside it
        subj = _named_noun(clause.head)
    if subj is not None and subj.ent_type_ != "PERSON":
        subj = _closing_name(subj)
    if subj is None or subj.i >= before or subj.ent_type_ != "PERSON":
        return None
    return subj


_CLAUSE_DEPS = frozenset(["relcl", "acl", "advcl", "ccomp", "xcomp"])


def _closing_name(subj: Token) -> Token | None:
    """The name that ends a subject of titles alone, which the parser hung inside it: "Clinton's
    chief pollster and strategist Joel Benenson" (the name an object of "strategist"); not a
    name in a phrase with a verb or a preposition ("the man who shot Reagan", "a friend of
    Hillary Clinton")."""
    last = subj.right_edge
    phrase = subj.doc[subj.left_edge.i : last.i + 1]
    if last.ent_type_ != "PERSON" or any(t.pos_ == "ADP" or t.dep_ in _CLAUSE_DEPS for t in phrase):
        return None  # (a clause, not a verb: the tagger reads "strategist" as one)
    return last


def _body_of_governing_clause(it: Token) -> Token | None:
    """The country or body the clause an "it said" clause hangs on has as its object or
    subject before the pronoun ("Governments condemned North Korea on Monday after it said it
    had carried out a test": North Korea)."""
    verb = it.head
    if verb.dep_ != "advcl" or verb.head.i > it.i:
        return None
    if not any(c.dep_ == "mark" and c.lower_ in _AFTER_WHAT_IT_SAID for c in _children(verb)):
        return None  # not "as it had promised", whose "it" is the subject's
    # the one reacted to before the one reacting ("condemned North Korea after it said"), then
    # the subject ("Pyongyang walked out after it said ...")
    roles = {c.dep_: c for c in _children(verb.head) if c.i < it.i}
    return next(
        (
            roles[dep]
            for dep in ("dobj", "nsubj")
            if dep in roles and roles[dep].ent_type_ in ("GPE", "ORG")
        ),
        None,
    )


# the conjunctions of a clause of what a body said that the clause before reacts to
_AFTER_WHAT_IT_SAID = frozenset(["after", "when", "because", "since", "once"])


def _name_after_title_of(subj: Token) -> Token | None:
    """The name set off after a title that ends in its department ("The U.S. assistant
    secretary of State, Hill, claimed ..."), which the parser hangs on the department."""
    if subj.pos_ != "NOUN":
        return None
    of = next((c for c in _children(subj) if c.dep_ == "prep" and c.lower_ == "of"), None)
    office = next((c for c in _children(of) if c.dep_ == "pobj"), None) if of else None
    if office is None or office.pos_ != "PROPN":
        return None
    return next(
        (
            c
            for c in _children(office)
            if c.dep_ == "appos"
            and c.pos_ == "PROPN"
            and c.i > office.i
            and subj.doc[c.left_edge.i - 1].text == ","
        ),
        None,
    )


def _named_noun(noun: Token) -> Token | None:
    """A noun that is a person's name, or the name it stands in apposition with."""
    if noun.ent_type_ == "PERSON":
        return noun
    if noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON":
        return noun.head
    return next((c for c in _children(noun) if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)


# a closing quotation mark and the comma or dash that sets its attribution off
_QUOTE_CLOSED_BEFORE = re.compile(r"[,?!-]\s*[\"”’']+\s*$|[\"”’']+\s*[,-]+\s*$")


def _unnamed_source_before(pronoun: Token, any_verb: bool = False, depth: int = 0) -> Token | None:
    """The unnamed source a pronoun that opens a report goes on with: the subject of the
    sentence right before it, in its paragraph, when that sentence is a report ("The official
    ... said the call lasted 30 minutes. He said ...") by a person's role with no name, and no
    person is named between them; with `any_verb`, whatever that sentence tells of the role
    ("The President spoke to reporters ... He said")."""
    if pronoun.dep_ != "nsubj" or pronoun.head.lower_ not in SPEECH_VERBS:
        return None
    doc = pronoun.doc
    sent = _sent(pronoun)
    before = _sentence_before(pronoun)
    if before is not None and _quote_only(before):
        # '"...," the official said. "We went around that track." He added, "..."': the
        # source's quote goes on in a sentence of its own before the pronoun
        before = _sentence_before(before[0])
    across = False
    if before is None and not any_verb:
        # the quote paragraph right after the source's report ("A diplomat, who requested
        # anonymity, said ... \n\n "They are testing us," he said."): the last sentence of the
        # paragraph before
        before = _sentence_before(pronoun, across_paragraphs=True)
        across = True
        if before is not None and _quote_only(before):
            # ... whose quote went on in a sentence of its own ('"...," the official said.
            # "If they think ..., they are mistaken." \n\n He added that ...')
            before = _sentence_before(before[0])
    if before is None or _inside_quote(doc_text(doc), before.start_char, before.end_char):
        # ('"The President's own people said .... The governor said they should talk directly.
        # Berlin proved him right," she wrote.': a sentence of the quote is no report before it)
        return None
    quoted = _between_marks(doc, sent.start, pronoun.i)
    if (
        pronoun.i != sent.start
        and not (
            # '... the issue. "The North did not respond," he said': an attribution after words
            # quoted in the sentence, with no one named before it there, or after words reported
            # without marks ("The military has raised its alert level, he added."), none after it
            pronoun.head.i > pronoun.i
            and (
                _QUOTE_CLOSED_BEFORE.search(doc_text(doc), sent.start_char, pronoun.idx) is not None
                or (
                    doc[pronoun.i - 1].text == ","
                    and not any(
                        c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > pronoun.head.i
                        for c in _children(pronoun.head)
                    )
                )
                # ... or set inside what it reports: 'China, he said, "wants the talks ..."'
                or (
                    doc[pronoun.i - 1].text == ","
                    and pronoun.head.i == pronoun.i + 1
                    and pronoun.head.i + 1 < len(doc)
                    and doc[pronoun.head.i + 1].text == ","
                )
            )
            # (a name inside the quote is no one the pronoun may mean: '"They know the Bush
            # administration has five months left," he said')
            and not any(
                t.ent_type_ == "PERSON" and t.i not in quoted for t in doc[sent.start : pronoun.i]
            )
        )
    ):
        return None
    verb = before.root
    if verb.lower_ not in SPEECH_VERBS:
        # 'China, he said, "wants ..."': the parser hangs the attribution set inside the report
        # on the report's verb
        verb = next(
            (c for c in _children(verb) if c.dep_ == "parataxis" and c.lower_ in SPEECH_VERBS),
            verb,
        )
    if not any_verb and verb.lower_ not in SPEECH_VERBS and verb.lower_ not in _PREP_CUES:
        return None  # a report, or a stance toward one ("Another official disagreed.")
    source = next((c for c in _children(verb) if c.dep_ == "nsubj" and c.i < verb.i), None)
    if source is None and (
        _QUOTE_CLOSED_BEFORE.search(doc_text(doc), before.start_char, verb.idx)
        or (verb.i > before.start and _tokens(doc)[verb.i - 1].text == ",")
    ):
        # '"Every truck is opened now," said a trader in Dandong who asked not to be named.'
        # (or words reported without marks: "Markets will take the news badly, said a
        # Seoul-based fund manager who declined to be identified.")
        source = next((c for c in _children(verb) if c.dep_ == "nsubj" and c.i > verb.i), None)
    # (people named in what the source reported are no new subject of "added", which goes on
    # with the last report: "A diplomat said Kim had warned Hill ... He added ..." is the
    # diplomat's; "Officials said Obama's plan ... He announced ..." is Obama's)
    reported = (
        {t.i for c in _children(verb) if c.dep_ == "ccomp" and c.i > verb.i for t in c.subtree}
        if pronoun.head.lower_ in ("added", "adds", "continued", "continues")
        else set()
    )
    if source is None or any(
        # (not a name that modifies the source itself: "A former Bush administration official
        # was blunter. China, he said, ..." is the official's)
        t.ent_type_ == "PERSON" and t.i not in reported
        for t in doc[source.i + 1 : sent.start]
    ):
        return None
    if source.lower_ == pronoun.lower_ and source.i < pronoun.i:
        # 'He told me that the difference was China. "...," he said': the same unnamed source
        # the pronoun before went on with (a few sentences back at most: a run of "he said"
        # reads each sentence once), in its paragraph or the one before ('I asked a senior
        # diplomat ... He told me they were "in a coma." \n\n "...," he said')
        if depth >= _CHAIN_SENTENCES_MAX:
            return None
        chained = _unnamed_source_before(source, any_verb, depth + 1)
        if chained is None and not any_verb:
            # ... or the one the sentence before that pronoun only told of ("A former official
            # ... was blunter. China, he said, "...". \n\n "...," he said": the official)
            chained = _unnamed_source_before(source, True, depth + 1)
        return chained
    if source.lower_ == "one" and _of_group(source):
        return source  # "One of the diplomats said ... "...," he said": that one goes on
    if (
        source.lower_ in ("i", "we")
        and pronoun.lower_ in ("he", "she")
        # the writer's own "I", not a speaker's inside a quote
        and not any(t.is_quote for t in before)
    ):
        # "I told a senior Chinese diplomat that ... He said ...": the writer is no "he"; the
        # one the writer spoke to, unnamed, is
        source = next(
            (c for c in _children(verb) if c.dep_ in ("dobj", "dative") and c.i > verb.i), source
        )
    if across and (source.tag_ == "NNS") != (pronoun.lower_ == "they"):
        return None  # "aides say Ivanka Trump advises ... \n\n "...," she said": not the aides
    # ... or any noun a "who" clause says is a person: "The worker who had complained about the
    # gate climbed into a minibus. "See you tomorrow," he said"
    by_who = any(
        c.dep_ == "relcl" and any(g.lower_ == "who" for g in _children(c))
        for c in _children(source)
    )
    # ... or any noun brought in as one of its kind that a "he" or "she" goes on with: "A
    # resident of Sinuiju reached by phone said ... "...," he said"
    # ... and "the trader" after "a trader ... who asked not to be named"
    # (who said or told it, not what "shows" or "finds": "A video of the episode shows her ...")
    one_of_kind = (
        pronoun.lower_ in ("he", "she")
        and verb.lower_ in _PERSON_SAID
        and (
            any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in _children(source))
            or _introduced_anonymous(doc, source.lower_, source.idx)
        )
    )
    if (
        # (a role in capitals is tagged a name: "The President")
        not (source.pos_ == "NOUN" or (any_verb and source.pos_ == "PROPN"))
        or source.ent_type_ == "PERSON"
        or not (
            _PERSON_ROLE.search(source.text) or ((by_who or one_of_kind) and source.pos_ == "NOUN")
        )
    ):
        return None
    return source


def _inside_quote(text: str, start: int, end: int) -> bool:
    """Whether both ends of text[start:end] lie inside a double quote its paragraph opened
    (crosses_quote from the paragraph's start, as entities' _in_quote reads one offset)."""
    para_start = text.rfind("\n", 0, start) + 1
    return crosses_quote(text, para_start, start) and crosses_quote(text, para_start, end)


def _between_marks(doc: Doc, start: int, end: int) -> range:
    """The token indices between the first and the last quote mark of tokens start..end."""
    marks = [t.i for t in doc[start:end] if t.is_quote]
    return range(marks[0] + 1, marks[-1]) if len(marks) >= 2 else range(0)


# verbs of saying that only a person (or a body) does, not a document or a finding
_PERSON_SAID = verb_forms("say tell add explain recall insist warn complain admit reply answer")


def _sentence_antecedent(pronoun: Token, memory: _Speakers, gender: str) -> str | None:
    """The person a subject pronoun refers to inside its own sentence, the named subject of the
    clause it is tied to: a fronted time or concession clause ("While Mr. Cruz shares Mr. Ryan's
    views, he turned against ...") or the main clause it is subordinate to ("Mrs. Clinton is
    relying on the former president ... as she praises his record", "Lilesa drew attention to
    the abuses when he held his arms over his head")."""
    if pronoun.dep_ == "poss":
        return _owner_is_subject(pronoun, memory, gender)
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = pronoun.head
    person = None
    for clause in _children(verb):
        if clause.dep_ == "advcl" and clause.i < pronoun.i and _linked(clause):
            person = _clause_person(clause, pronoun.i) or person
    if person is None and verb.dep_ == "advcl" and verb.i > verb.head.i and _linked(verb):
        person = _clause_person(verb.head, pronoun.i)
    if (
        person is None
        and verb.dep_ == "relcl"
        and verb.head.dep_ == "dobj"
        and any(
            p.dep_ == "prep" and p.lower_ == "in" and any(w.lower_ == "which" for w in _children(p))
            for p in _children(verb)
        )
    ):
        # "Park held a news conference in which he continued his assault on Mr. Berg": the one
        # who held, sent or posted the thing the words are in, not a name spoken of before
        person = _clause_person(verb.head.head, pronoun.i)
    if (
        person is None
        and verb.dep_ == "pcomp"
        and verb.head.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "dobj" and c.lower_ == "what" for c in _children(verb))
        and not any(t.ent_type_ == "PERSON" for t in pronoun.doc[verb.head.head.i + 1 : pronoun.i])
    ):
        # "Benenson lashed out at what he characterized as a nasty campaign": the subject who
        # characterized it (not with a person between: "Ryan mocked Trump for what he called
        # a rigged election" may be Trump's word)
        person = _clause_person(verb.head.head, pronoun.i)
    return _compatible_person(person, pronoun, memory, gender)


def _owner_is_subject(pronoun: Token, memory: _Speakers, gender: str) -> str | None:
    """The named subject of the clause whose object a possessive pronoun's noun is: "Donald
    Trump on Thursday ratcheted up his attacks on Rubio" (his: Trump, whatever the parser made of
    the clause's place in the sentence)."""
    noun = pronoun.head
    if noun.dep_ == "dobj":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        verb = noun.head.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return _compatible_person(_clause_person(verb, pronoun.i), pronoun, memory, gender)


def _compatible_person(
    person: Token | None, pronoun: Token, memory: _Speakers, gender: str
) -> str | None:
    """The full name of a person token outside quotes, when the pronoun can mean it."""
    if person is None or memory.in_quote(person.idx):
        return None
    start, end = _name_span(person)
    name = memory.full(_honorific(person.doc, start) + doc_text(person.doc)[start:end])
    return name if memory.compatible(name, gender, pronoun.idx) else None


# verbs of a stance that a body's "it" goes on with as with a verb of saying ("KCNA said ...
# It also accused Seoul of "treachery."", "It quoted a scientist as saying ...")
_STANCES_OF_IT = verb_forms(
    "accuse blame condemn denounce criticize criticise slam reject dismiss welcome demand"
    " threaten praise hail quote cite call describe label brand"
)
_GO = frozenset(["go", "goes", "going", "went", "gone"])
# verbs of voicing a stance that a body's "it" goes on from ("expressed regret", "voiced hope")
_VOICING = verb_forms("express voice convey")


def _goes_on(verb: Token) -> bool:
    """Whether a verb is "go on", speaking on ("It went on: ...")."""
    return verb.lower_ in _GO and any(c.dep_ == "prt" and c.lower_ == "on" for c in _children(verb))


_SPOKES_NOUNS = frozenset(["spokesman", "spokeswoman", "spokesperson"])
# the last word of a label in capitals that names a body's voice, not a person
_VOICE_OF_BODY = _SPOKES_NOUNS | frozenset(["announcer", "newsreader"])
# how far after the verb terms of anonymity still belong to the attribution: "said on
# condition of anonymity" (26 characters to the term), "said, speaking on condition of"
_ANONYMITY_AFTER_CHARS = 36
# roles of people who speak for someone else: never that person
_AGENT_ROLES = _SPOKES_NOUNS | frozenset(["aide", "adviser", "advisor", "lawyer", "attorney"])
# abbreviated titles as the role word a later description uses
_ROLE_ABBREVIATIONS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "prof": "professor",
    "pres": "president",
    "sec": "secretary",
    "frontrunner": "front-runner",
    "runner": "front-runner",
}


# the talks' one office under its several names: "the chief U.S. negotiator" is "the U.S. envoy,
# Christopher Hill", "North Korea's chief delegate" its envoy
_ROLE_SYNONYMS = {
    "negotiator": "envoy", "delegate": "envoy", "emissary": "envoy",
    # (the UN's "Spokesperson" is "Stephane Dujarric, Spokesman for the Secretary-General")
    "spokesperson": "spokesman", "spokeswoman": "spokesman",
}  # fmt: skip


# a nation in a role as its name or its people's word, one way: "the American envoy" is "U.S.
# envoy Christopher Hill", "the Chinese ambassador" "China's ambassador"
_ROLE_NATIONS = {
    "american": "u.s", "america": "u.s", "us": "u.s", "chinese": "china", "japanese": "japan",
    "russian": "russia", "korean": "korea", "british": "britain",
}  # fmt: skip


# the nations a title may name, as _role_word gives them ("Chinese President Hu Jintao")
_TITLE_NATIONS = frozenset(_ROLE_NATIONS.values()) | frozenset(
    ["north", "south", "korea", "britain", "france", "germany", "india", "iran", "taiwan"]
)


def _role_word(word: str) -> str:
    word = _POSSESSIVE.sub("", word.lower()).strip(".,")
    word = _ROLE_ABBREVIATIONS.get(word, word)
    word = _ROLE_NATIONS.get(word, word)
    return _ROLE_SYNONYMS.get(word, word)


def _roles_of(ent: Span) -> frozenset[str]:
    """The role words an article attaches to a person's name: a title before it ("Republican
    presidential candidate Donald Trump", "Judge Richard Berman", "Gov. John Kasich of Ohio") or
    an appositive beside it ("Trump, the Republican front-runner", "the Ohio governor, John
    Kasich")."""
    doc = ent.doc
    root = ent.root
    inside = range(ent.start, ent.end)
    # the title words right before the name that modify it, through the words between ("South"
    # via "Korean" via "President" in "South Korean President Lee Myung-bak")
    window = max(0, ent.start - 6)
    words = [t for t in doc[window : ent.start] if _modifies_within(t, window, inside)]
    for child in _children(root):
        if child.dep_ == "appos" and child.i > root.i:
            words.extend(t for t in child.subtree if t.i <= child.i)
    if root.dep_ == "appos" and root.head.i < ent.start:
        words.extend(t for t in root.head.subtree if t.i <= root.head.i)
    roles = {_role_word(t.text) for t in words if _role_token(t)}
    # ... and a title NER (or an alias table) took into the name ("President Obama")
    title = _TITLE_WORDS.match(ent.text)
    if title is not None:
        roles.update(_role_word(word) for word in title.group().split())
    return frozenset(roles)


def _modifies_within(token: Token, window: int, inside: range) -> bool:
    """Whether a word before a name hangs on the name through words between them only."""
    head = token.head
    while head.i != token.i and window <= head.i < inside.start:
        token, head = head, head.head
    return head.i in inside


def _role_token(token: Token) -> bool:
    """A word of a role: a noun ("senator"), a name ("Vermont") or a proper adjective
    ("Democratic", "Mexican"), not a person's name."""
    return token.ent_type_ != "PERSON" and (
        token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "ADJ" and token.text[:1].isupper())
    )


def _titled_conjunct(subj: Token) -> Token | None:
    """The name a run of titles ends in when the parser coordinated them ("Sirius XM Vice
    President for news and talk Dave Gorab called ...", "GOP presidential contender and former
    neurosurgeon Ben Carson responded ..."): a titled subject with no article, whose conjunct
    is a person's name that closes the phrase."""
    if subj.ent_type_ == "PERSON" or subj.tag_ in ("NNS", "NNPS") or subj.pos_ == "PRON":
        return None
    if any(c.dep_ == "det" for c in _children(subj)):
        return None
    conj = next((c for c in _children(subj) if c.dep_ == "conj"), None)
    if conj is None or conj.ent_type_ != "PERSON" or _phrase_end(conj) != subj.right_edge.i:
        return None
    if not _person_word(subj.text):
        return None  # "Todd Rogers and Adan Acevedo" are two people
    return conj


def _phrase_end(name: Token) -> int:
    """The last token of a name's phrase, past a relative clause or an appositive set off after
    it ("... Mayor Rudy Giuliani, who backs Trump,"): the name itself when nothing is set off."""
    set_off = [c for c in _children(name) if c.i > name.i and c.dep_ in _SET_OFF_DEPS]
    if not set_off or name.i + 1 >= len(name.doc) or name.doc[name.i + 1].text != ",":
        return name.i
    end = max(c.right_edge.i for c in set_off)
    after = name.doc[end + 1] if end + 1 < len(name.doc) else None
    return end + 1 if after is not None and after.text == "," and after.head == name else end


def _names_person(words: str, subj: Token, memory: _Speakers) -> bool:
    """Whether the words after a possessive name a person: a surname the article gave in full,
    or a name NER labelled or that opens with a first name (NER may run the holder and the
    person into one ORG: "Media Research Center’s Bozell")."""
    names = words.split()
    return words.lower() in memory.full_names or (
        len(names) >= 2 and (subj.ent_type_ == "PERSON" or names[0].lower() in FIRST_NAMES)
    )


def _leading_name(subj: Token, start: int, memory: _Speakers) -> Span | None:
    """The name a subject phrase opens with when the parser made another word its head: "Mrs.
    Clinton, the presumptive Democratic nominee and strong favorite to win the election come
    November, proposed ..." (head "come"), "Trump at the time said ..." (a noun with a
    prepositional phrase). The name must be a person's and end where the phrase breaks (a comma or
    a preposition), so "Trump supporters", "Clinton's campaign" and "Clinton and Sanders" stay
    as they are."""
    if subj.ent_type_ == "PERSON" or subj.pos_ == "PRON":
        return None
    doc = subj.doc
    first = token_at(doc, start)
    while first is not None and first.lower_ in _HONORIFIC_WORDS and first.i + 1 < len(doc):
        first = doc[first.i + 1]
    if first is None or first.i > subj.i or not first.text[:1].isupper():
        return None
    if first.ent_type_ == "PERSON":
        ent = _entity_of(first)
        name = _person_span(ent)
        if name.end != ent.end:
            return None
    elif first.lower_ in memory.full_names and first.pos_ != "PRON":
        name = doc[first.i : first.i + 1]  # a known surname NER left out
    else:
        return None
    if name.end - 1 > subj.i or name.end >= len(doc):
        return None
    after = doc[name.end]
    if after.text == "," or (after.dep_ == "prep" and after.head.i < name.end):
        return name
    return None


def _family_name(noun: Token, at: int, memory: _Speakers) -> str | None:
    """The surname of the person whose relative a noun names ("his wife" after Bernie Sanders:
    Sanders), for the first name set beside it."""
    if noun.lower_ not in KIN:
        return None
    owner = next((c for c in _children(noun) if c.dep_ == "poss"), None)
    if owner is None:
        return None
    if owner.pos_ == "PRON":
        name = memory.recent(at, _PRONOUNS.get(owner.lower_)) if owner.lower_ in _PRONOUNS else None
    elif owner.ent_type_ == "PERSON" or owner.lower_ in memory.full_names:
        name = memory.full(_POSSESSIVE.sub("", doc_text(owner.doc)[slice(*_name_span(owner))]))
    else:
        return None
    if name and " " not in name and _honorific(owner.doc, owner.idx):
        return name  # "Mr. Trump's daughter Ivanka": a surname after a courtesy title
    return name.split()[-1] if name and " " in name else None


# a subject's modifier, and the noun inside it that a closing name may be set beside: "His
# former business partner at Lenox, Lawrence B. Cummings," (prep, pobj), "An unpledged delegate
# supporting Clinton, Christine Pelosi," (acl, dobj)
_INNER_PHRASES = {"prep": "pobj", "acl": "dobj"}
# what a name's phrase may set off after it between commas
_SET_OFF_DEPS = frozenset(["relcl", "appos", "acl"])


def _last_word_of(head: Token) -> int:
    """The index of the last word of a token's phrase, before the punctuation that closes it."""
    tokens = _tokens(head.doc)
    last = head.right_edge.i
    while last > head.i and tokens[last].is_punct:
        last -= 1
    return last


def _closing_appos(subj: Token) -> Token | None:
    """A name that closes a subject's phrase, hung by the parser on the noun of a phrase inside
    it: "His former business partner at Lenox, Lawrence B. Cummings, called ..." (on Lenox)."""
    tokens = _tokens(subj.doc)
    last = _last_word_of(subj)
    for modifier in _children(subj):
        if modifier.dep_ not in _INNER_PHRASES:
            continue
        for noun in _children(modifier):
            for c in _children(noun) if noun.dep_ == _INNER_PHRASES[modifier.dep_] else ():
                if (
                    c.dep_ == "appos"
                    and c.right_edge.i == last
                    and tokens[c.left_edge.i - 1].text == ","
                    and (c.ent_type_ == "PERSON" or _first_and_last_name(c))
                ):
                    return c
    return None


# the roles a nation gives one person at a time, which name again the person just named
# ("North Korea's chief negotiator"), not a state's or a party's ("Colorado's delegation chairman")
_NATIONS_ROLES = frozenset(["envoy", "minister", "ambassador", "president", "premier", "leader"])


def _subject_of_sentence_before(subj: Token, memory: _Speakers) -> str | None:
    """The one person who is a subject of the sentence right before a subject's own, in its
    paragraph."""
    before = _sentence_before(subj)
    if before is None:
        return None
    names = {n for offset, n in memory.subjects if before.start_char <= offset < before.end_char}
    return names.pop() if len(names) == 1 else None


def _closing_name_of_subject(name: Token) -> Token | None:
    """The subject whose long phrase a person's name set off by commas closes, wherever the
    parser hung the name inside it: "The man who has spent more time across the table from Kim
    than any other American, Christopher Hill, was reduced to ..." (on "American")."""
    tokens = _tokens(name.doc)
    if name.ent_type_ != "PERSON" or tokens[name.left_edge.i - 1].text != ",":
        return None
    subject = None
    for ancestor in name.ancestors:
        if ancestor.dep_ == "conj":
            return None  # "Clinton and her husband, Bill Clinton, attended": one of two subjects
        if ancestor.dep_ in ("nsubj", "nsubjpass"):
            subject = ancestor
            break
    if subject is None:
        return None
    return subject if name.right_edge.i == _last_word_of(subject) else None


# what may follow a name that closes a subject phrase: its affiliation ("of the Sejong Institute")
_AFTER_CLOSING_NAME = re.compile(r"(?:\s+of\s[^,]*)?[\s,]*")


def _person_closing(doc: Doc, start: int, end: int) -> Span | None:
    """The person NER found at the end of the phrase doc.text[start:end], set off by a comma
    ("A professor at Kyungnam University, Cho Tai-young"), with at most an affiliation after
    it ("..., Yang Moo-jin of the Sejong Institute")."""
    text = doc_text(doc)
    if "," not in text[start:end]:
        return None  # the cheap test first
    last = token_at(doc, end - 1)
    if last is None:
        return None
    # the last person's token before `end`, read from the tokens' tags (`doc.ents` would build
    # every entity of the article anew on each call: see _entity_of)
    tokens = _tokens(doc)
    i = last.i
    while i >= 0 and (
        tokens[i].idx >= end or (tokens[i].idx > start and tokens[i].ent_type_ != "PERSON")
    ):
        i -= 1
    if i < 0 or tokens[i].ent_type_ != "PERSON":
        return None
    ent = _entity_of(tokens[i])
    if (
        ent.start_char > start
        and text[start : ent.start_char].rstrip().endswith(",")
        and _AFTER_CLOSING_NAME.fullmatch(text, ent.end_char, end)
    ):
        return ent
    return None


def _first_and_last_name(name: Token) -> bool:
    """A first name and a surname that NER ran into an organisation ("Lehigh, Bruce Turry"), or
    left out ("Darran Whiting of Liberty Baptist Church")."""
    words = name.doc[name.left_edge.i : name.i + 1]
    return (
        len(words) == 2
        and all(w.pos_ == "PROPN" and w.is_title for w in words)
        and (words[0].lower_ in FIRST_NAMES or not any(w.ent_type_ for w in words))
    )


def _titled_appos(subj: Token, appos: Token) -> bool:
    """Whether a capitalised title the tagger took for a name (NER may call it an organisation)
    has one person as its appositive, with no verb between: "The Podesta Group's CEO, Kimberley
    Fritts, said", "County Supervisor of Elections Susan Bucher said" (not "a super PAC
    supporting Gov. Scott Walker", "De Blasio, speaking on WOR710, called Trump", the headline
    "De Blasio: Trust Bratton, not 'blowhard' Trump", "the two leading Republicans, Trump and
    Cruz")."""
    tokens = _tokens(subj.doc)
    return (
        subj.pos_ == "PROPN"
        and subj.ent_type_ != "PERSON"
        and appos.ent_type_ == "PERSON"
        and not any(c.dep_ == "conj" for c in _children(appos))
        and not any(
            t.pos_ in ("VERB", "AUX") or t.text == ":" for t in tokens[subj.i : appos.left_edge.i]
        )
    )


def _cleft_teller(subj: Token) -> Token | None:
    """The named teller in a bare relative clause of saying on a common-noun subject: "One of the
    jobs Perez talks about most is ...", "The thing Trump said most often was ..." (Perez, Trump);
    None elsewhere."""
    if (
        subj.pos_ not in ("NOUN", "NUM")
        or subj.dep_ != "nsubj"
        or subj.head.lower_ not in ("is", "was")
    ):
        return None
    for clause in subj.subtree:
        if clause.dep_ != "relcl" or not (clause.lower_ in SPEECH_VERBS or clause.lower_ in _TALK):
            continue
        teller = next((c for c in _children(clause) if c.dep_ == "nsubj"), None)
        if (
            teller is not None
            and (teller.ent_type_ == "PERSON" or teller.pos_ == "PROPN")
            and teller.i < clause.i
        ):
            return teller
    return None


def _relative_clause_owner(pronoun: Token) -> Token | None:
    """The person's noun a relative clause holding a subject pronoun is on ("an official who
    spoke ... because, as he put it, ..."), when the clause's own subject is the relative
    pronoun."""
    for ancestor in pronoun.ancestors:
        if ancestor.dep_ != "relcl":
            continue
        owner = ancestor.head
        if not any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in _children(ancestor)):
            return None
        if owner.pos_ == "NOUN" and _person_word(owner.lower_):
            return owner
        return None
    return None


_QUOTE_ENDS = "\"'”’»"  # the closing marks a sentence of quoted words ends with


def _quote_only(sent: Span) -> bool:
    """Whether a sentence is all words in marks, with no attribution of its own (or the first
    sentences of a quote that closes in a later one: '"Investors had priced in a launch, not a
    bomb. But ...," he said.')."""
    text = sent.text.strip()
    return (
        len(text) > 2
        and text[0] in _QUOTE_OPENERS
        and (
            text[-1] in _QUOTE_ENDS
            or (text[0] in _DOUBLE_CLOSERS and _DOUBLE_CLOSERS[text[0]] not in text[1:])
        )
    )


# the closing double mark of each opening one
_DOUBLE_CLOSERS = {'"': '"', "“": "”", "«": "»"}


def _sentence_before(token: Token, across_paragraphs: bool = False) -> Span | None:
    """The sentence before a token's sentence, in its paragraph (None at a paragraph's start),
    or with `across_paragraphs` the last one of the paragraph before there (None at the text's
    start)."""
    tokens = _tokens(token.doc)
    sent = _sent(token)
    if sent.start == 0 or (not across_paragraphs and "\n" in tokens[sent.start - 1].text_with_ws):
        return None
    before = _sent(tokens[sent.start - 1])
    if across_paragraphs and before.start > 0 and not any(t.is_alpha for t in before):
        # a closing mark the parser split off with the paragraph break after it ('He told me
        # they were "in a coma." \n\n'): the sentence it closes
        before = _sent(tokens[before.start - 1])
    return before


def _answerer(pronoun: Token, memory: _Speakers, gender: str) -> str | None:
    """ "Lugar asked Hill whether the administration would accept the deal. He said it would
    not.": the one asked a yes-or-no question answers, in the sentence right after it."""
    if pronoun.dep_ != "nsubj" or pronoun.head.lower_ not in ("said", "replied", "answered"):
        return None
    if pronoun.i != _sent(pronoun).start:
        return None
    before = _sentence_before(pronoun)
    if before is None or _yes_no_question(before.root) is None:
        return None
    asked = next((c for c in _children(before.root) if c.dep_ == "dobj"), None)
    if asked is None or asked.ent_type_ != "PERSON":
        return None
    name, _text, kind = _resolve(pronoun.doc, asked, asked.idx, memory)
    if name is None or kind not in ("named", "pronoun-resolved"):
        return None
    return name if memory.compatible(name, gender, pronoun.idx) else None


def _yes_no_question(verb: Token) -> Token | None:
    """The "whether" or "if" clause of "asked" ("Lugar asked Hill whether ..."), if any."""
    if verb.lower_ not in ("asked", "asks"):
        return None
    return next(
        (
            c
            for c in _children(verb)
            if c.dep_ in ("ccomp", "advcl") and _marked_by(c, ("whether", "if"))
        ),
        None,
    )


_CHAIN_SENTENCES_MAX = 3  # how far back a pronoun's source is sought through pronouns or quotes
_REPLYING = frozenset(["replied", "replies", "answered", "answers", "responded", "responds"])


def _replier(pronoun: Token, memory: _Speakers, gender: str) -> str | None:
    """ "Rep. Sherman asked whether the administration had set a deadline. He said ... / "...,"
    he replied": one who replies to a question, in the three sentences after it, is not the one
    who asked it, but the person the question is about as its subject ("asked whether Hill had
    confronted ...") or, else, the one who replied before ("Hill replied that ...")."""
    if pronoun.dep_ != "nsubj" or pronoun.head.lower_ not in _REPLYING:
        return None
    doc = pronoun.doc
    tokens = _tokens(doc)
    at, question, clause = _sent(pronoun).start, None, None
    for _ in range(3):
        if at == 0:
            break
        before = _sent(tokens[at - 1])
        clause = _yes_no_question(before.root)
        if clause is not None:
            question = before.root
            break
        at = before.start
    if question is None or clause is None or any(c.dep_ == "dobj" for c in _children(question)):
        return None  # (one asked by name answers: _answerer)
    asker = next((c for c in _children(question) if c.dep_ == "nsubj"), None)
    if asker is None:
        return None
    asked_by = _resolve(doc, asker, asker.idx, memory)[0]
    about = next((c for c in _children(clause) if c.dep_ == "nsubj" and _may_be_name(c)), None)
    candidates = [about] if about is not None else []
    replied = next(
        (
            c
            for t in reversed(tokens[: question.i])
            if t.lower_ in _REPLYING and t.pos_ == "VERB"
            for c in _children(t)
            if c.dep_ == "nsubj" and _may_be_name(c)
        ),
        None,
    )
    if replied is not None:
        candidates.append(replied)
    for candidate in candidates:
        name = _resolve(doc, candidate, candidate.idx, memory)[0]
        if name is not None and name != asked_by and memory.compatible(name, gender, pronoun.idx):
            return name
    return None


def _subject_put_to_before(pronoun: Token, memory: _Speakers, gender: str) -> str | None:
    """ "Obama, asked by Blitzer whether he regretted his answer, did not back down. "...," he
    said": the named subject of the sentence before, not the one who put the question to it in
    a participle's clause, named after it."""
    if pronoun.dep_ != "nsubj" or pronoun.head.lower_ not in SPEECH_VERBS:
        return None
    before = _sentence_before(pronoun)
    if before is None:
        return None
    subject = next(
        (c for c in _children(before.root) if c.dep_ == "nsubj" and c.ent_type_ == "PERSON"),
        None,
    )
    if subject is None:
        return None
    put = next(
        (
            c
            for c in _children(subject)
            if c.dep_ == "acl" and c.lower_ in _PUT_TO and c.tag_ == "VBN"
        ),
        None,
    )
    if put is None:
        return None
    inside = range(put.left_edge.i, put.right_edge.i + 1)
    others = [
        t
        for t in before
        if t.ent_type_ == "PERSON"
        and t.i not in inside
        and t.i not in range(subject.left_edge.i, subject.i + 1)
    ]
    return None if others else _named_for(pronoun, subject, memory, gender)


def _who_told_before(pronoun: Token, memory: _Speakers, gender: str) -> str | None:
    """'I put the question to Han Seung-woo, a nuclear engineer at KAIST, who told me that
    ... "...," he said': the one a "who" clause of the sentence before says spoke, when no
    other person is named there but the writer."""
    if pronoun.dep_ != "nsubj" or pronoun.head.lower_ not in SPEECH_VERBS:
        return None
    before = _sentence_before(pronoun)
    # (past the sentences of the quote the pronoun closes: '"Records can be rewritten. Soil
    # cannot," he said')
    for _ in range(_CHAIN_SENTENCES_MAX):
        if before is None or not memory.in_quote(next((t.idx for t in before if t.is_alpha), 0)):
            break
        before = _sentence_before(before[0])
    if before is None:
        return None
    told = [
        t
        for t in before
        if t.dep_ == "relcl"
        and t.lower_ in SPEECH_VERBS
        and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in _children(t))
    ]
    if len(told) != 1:
        return None
    speaker = _subject_of(told[0])
    if speaker is None or speaker.lower_ == "who":
        return None
    people = {t.i for t in before if t.ent_type_ == "PERSON"} - {
        t.i for t in before[speaker.left_edge.i - before.start : speaker.i + 1 - before.start]
    }
    return None if people else _named_for(pronoun, speaker, memory, gender)


def _interviewee(pronoun: Token, memory: _Speakers, gender: str) -> str | None:
    """'In the interview, he said ...': the one the story said gave the interview ("Wi Sung-lac
    told Reuters in an interview that ..."), whoever was named since."""
    if pronoun.dep_ != "nsubj":
        return None
    if not any(
        p.dep_ == "prep"
        and p.lower_ == "in"
        and any(
            o.lower_ == "interview" and any(d.lower_ in ("the", "that") for d in _children(o))
            for o in _children(p)
        )
        for p in _children(pronoun.head)
    ):
        return None
    for token in reversed(_tokens(pronoun.doc)[: _sent(pronoun).start]):
        if token.lower_ == "interview" and token.dep_ == "pobj" and token.head.lower_ == "in":
            given_by = _subject_of(token.head.head)
            if given_by is None or memory.in_quote(given_by.idx):
                return None
            return _named_for(pronoun, given_by, memory, gender)
    return None


def _named_for(pronoun: Token, token: Token, memory: _Speakers, gender: str) -> str | None:
    """The name a token resolves to, when a name and one the pronoun may mean."""
    name, _text, kind = _resolve(pronoun.doc, token, token.idx, memory)
    if name is None or kind != "named" or not memory.compatible(name, gender, pronoun.idx):
        return None
    return name


def _may_be_name(token: Token) -> bool:
    """Whether a token may be a person's name (NER's, or a proper noun it took for no place:
    "Hill", which it may tag an ORG)."""
    return token.ent_type_ == "PERSON" or (
        token.pos_ == "PROPN" and token.ent_type_ not in ("GPE", "LOC", "NORP", "DATE")
    )


# a nation as its name or its people's word gives it ("South Korea's", "South Korean"): the
# first letters of each word, but for the names whose people's word is another
_NATION_KEYS = {"american": "u.s.", "united": "u.s.", "us": "u.s.", "french": "fran", "dutch": "neth",
                # a capital for its country, as wire copy writes "Seoul's chief envoy"
                "washington": "u.s.", "seoul": "soutkore", "pyongyang": "nortkore",
                "beijing": "chin", "tokyo": "japa", "moscow": "russ"}  # fmt: skip
# the words that rank a role alike: "South Korea's top nuclear envoy" is "Seoul's chief ..."
_RANK_WORDS = {"top": "chief", "senior": "chief", "lead": "chief", "main": "chief"}
_NATION_KEY_CHARS = 4
# words NER gives a group's label that name no nation: "the Democratic nominee"
_NOT_NATIONS = frozenset(
    ["democratic", "democrat", "republican", "conservative", "liberal", "labour", "socialist",
     "communist", "muslim", "christian", "catholic", "jewish", "islamist"]
)  # fmt: skip


def _nation_of(role: Token) -> tuple[str, frozenset[str]] | None:
    """The nation a role is said to be of ("China's ambassador", "the Chinese ambassador",
    "South Korea's chief negotiator"), as the first letters of its words, and the role's other
    modifiers ("chief"); None when no nation is named."""
    nation = next(
        (
            c
            for c in _children(role)
            if (c.dep_ == "poss" and c.ent_type_ == "GPE")
            or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE"))
        ),
        None,
    )
    if nation is None or nation.lower_ in _NOT_NATIONS:
        return None
    words = [t.lower_ for t in role.doc[nation.left_edge.i : nation.i + 1] if t.is_alpha]
    key = "".join(_NATION_KEYS.get(w, w[:_NATION_KEY_CHARS]) for w in words)
    others = frozenset(
        _RANK_WORDS.get(c.lower_, c.lower_)
        for c in _children(role)
        if c.dep_ in ("amod", "compound") and c.i < role.i and c.i != nation.i
    )
    return key, others


def _nations_role_named_later(subj: Token) -> Token | None:
    """The name a later sentence gives a nation's role a report left unnamed, by the same noun,
    nation and words before it, set off before the name or standing as its title: "China's
    ambassador told the council ..." then "The Chinese ambassador, Wang Guangya, told ..." (a
    lead's source, named in the story below it; of several nations' ambassadors, the nation
    tells which)."""
    if subj.pos_ != "NOUN" or _PERSON_ROLE.match(subj.lower_) is None:
        return None
    if any(c.dep_ == "appos" for c in _children(subj)):
        return None  # named where it stands
    nation = _nation_of(subj)
    if nation is None:
        return None
    tokens = _tokens(subj.doc)
    for t in tokens[_sent(subj).end :]:
        if t.lower_ != subj.lower_ or _nation_of(t) != nation:
            continue
        # "The Chinese ambassador, Wang Guangya,", "Chun Yung-woo, Seoul's chief nuclear
        # envoy,", or the title of "Chinese Ambassador Wang Guangya"
        named = _named_noun(t) or (
            t.head if t.dep_ == "compound" and t.head.ent_type_ == "PERSON" else None
        )
        if named is not None:
            return named
    return None


# A wire story's lead may name its source by role only and name them in the paragraphs below it
# (the AP's "delayed identification"); this many paragraphs after the lead are searched (the
# blind stories named theirs in the first or the second; set by hand, not tuned)
_LEAD_NAMED_PARAGRAPHS = 2
# a shorter first paragraph is a headline, a byline or a dateline (PolNeAR's headlines run to 14
# words; set by hand, not tuned)
_LEAD_MIN_WORDS = 15
# a paragraph that opens with a label and its colon: a transcript's turn ("Answer: ...")
_LABELLED_PARAGRAPH = re.compile(r"[ \t]*[A-Z][A-Za-z .]{0,40}:")


def _lead_role_named_below(subj: Token, memory: _Speakers) -> Token | None:
    """The person the paragraphs after a story's lead name as the subject of a verb of saying,
    where the lead gave only the role of the one who spoke: "..., the U.S. ambassador to the
    United Nations said Sunday" then ""...," Susan Rice said"; "China's chief nuclear negotiator
    hailed ..." then "Chinese Vice Foreign Minister Wu Dawei ... said". Not where the lead names
    a person before the role (whom the role may stand for), nor where it names that person's
    surname itself (another of the family: "remains ... of Megumi Yokota" then "Shigeru Yokota
    ... told"); not a name inside a quote or a transcript's turn, nor one whose title names
    another nation than the role's."""
    if (
        subj.pos_ != "NOUN"
        or subj.tag_ != "NN"
        or _PERSON_ROLE.match(subj.lower_) is None
        or not any(
            (c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in _children(subj)
        )
        or any(c.dep_ == "appos" for c in _children(subj))
    ):
        return None
    doc = subj.doc
    text = doc_text(doc)
    paragraphs = [m.span() for m in _PARAGRAPH.finditer(text)]
    lead = next(
        (n for n, (a, b) in enumerate(paragraphs) if len(text[a:b].split()) >= _LEAD_MIN_WORDS),
        None,
    )
    if lead is None or not paragraphs[lead][0] <= subj.idx < paragraphs[lead][1]:
        return None
    # a person the lead names before the role is whom it may stand for ("calling for Donald
    # Trump to be banned after the U.S. presidential candidate suggested ..."), but not a name on
    # a body's noun ("The Obama administration will push ..., the U.S. ambassador ... said")
    if any(
        e.label_ == "PERSON"
        and paragraphs[lead][0] <= e.start_char < subj.left_edge.idx
        and not (e.root.dep_ in ("compound", "poss") and e.root.head.ent_type_ != "PERSON")
        for e in doc.ents
    ):
        return None
    nation = _nation_of(subj)
    lead_text = text[paragraphs[lead][0] : paragraphs[lead][1]]
    below_end = paragraphs[min(lead + _LEAD_NAMED_PARAGRAPHS, len(paragraphs) - 1)][1]
    for t in _tokens(doc):
        if t.idx < paragraphs[lead][1] or t.ent_type_ != "PERSON":
            continue
        if t.idx >= below_end:
            break
        if (
            t.dep_ not in ("nsubj", "nsubjpass")
            or not _is_cue(t.head)
            or memory.in_quote(t.idx)
            or _LABELLED_PARAGRAPH.match(text, text.rfind("\n", 0, t.idx) + 1) is not None
        ):
            continue
        if t.text in lead_text:
            return None
        # the titles before the name and a role set off after it ("Kim Kye-gwan, North Korea's
        # vice foreign minister,")
        titles = [
            c
            for e in doc.ents
            if e.label_ == "PERSON"
            and paragraphs[lead][1] <= e.start_char <= t.idx
            and t.text in e.text.split()
            for c in _children(e.root)
            if c.dep_ in ("compound", "appos") and _PERSON_ROLE.match(c.lower_)
        ]
        if nation is not None and any(
            (n := _nation_of(c)) is not None and n[0] != nation[0] for c in titles
        ):
            return None
        return t
    return None


def _spokesperson_named_next(subj: Token, memory: _Speakers) -> Token | None:
    """The name the next sentence of the paragraph gives an unnamed spokesperson, set off after
    the same noun as its subject: '"...," a State Department spokesman said. The spokesman,
    Sean McCormack, added ...'."""
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in _children(subj)):
        return None
    # another role only when the next sentence names it as its subject, after "the" and the
    # words before it ('"...," said a former South Korean negotiator. / The former negotiator,
    # Lee Jong-kwan, said ...')
    spokes = subj.lower_ in _SPOKES_NOUNS
    if not spokes and not _PERSON_ROLE.match(subj.lower_):
        return None
    tokens = _tokens(subj.doc)
    sent = _sent(subj)
    if sent.end >= len(tokens):
        return None
    if not spokes:
        # the next sentence of the writer's own: past a quote the speaker goes on with, to the
        # next paragraph's first
        at = sent.end
        while at < len(tokens):
            following = _sent(tokens[at])
            new_paragraph = "\n" in tokens[at - 1].text_with_ws
            wordless = not any(t.is_alpha for t in following)  # a closing mark and a break
            if not wordless and (new_paragraph or not memory.in_quote(following[0].idx + 1)):
                break
            at = following.end
        else:
            return None
        return next(
            (_named_again(subj, t, following) for t in following if t.lower_ == subj.lower_), None
        )
    # ... or in the next paragraph's first sentence, with the noun before the name: '"...," a
    # State Department spokeswoman said.' then '"...," spokeswoman Jen Psaki told reporters.'
    # (not another body's: "Pentagon spokesman John Kirby")
    body = {t.lower_ for t in tokens[subj.left_edge.i : subj.i]}
    following = _sent(tokens[sent.end])
    if "\n" in tokens[sent.end - 1].text_with_ws:
        # the next paragraph's first sentence, or the one its opening quote closes in ('"The
        # talks remain the only framework. The North has nothing to gain," spokesman Moon
        # Tae-young told a briefing.')
        end = following.end
        while (
            end < len(tokens)
            and "\n" not in tokens[end - 1].text_with_ws
            and (memory.in_quote(tokens[end - 1].idx))
        ):
            end = _sent(tokens[end]).end
        following = subj.doc[following.start : end]
    for t in following:
        if t.lower_ != subj.lower_:
            continue
        if t.dep_ in ("nsubj", "nsubjpass") and "\n" not in tokens[sent.end - 1].text_with_ws:
            return next(
                (c for c in _children(t) if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None
            )
        name = t.head
        if (
            t.dep_ == "compound"
            and name.ent_type_ == "PERSON"
            and name.dep_ in ("nsubj", "nsubjpass")
            # ("acting spokesman Robert Wood": a word of rank is no other body)
            and all(
                w.lower_ in body
                for w in tokens[name.left_edge.i : t.i]
                if w.dep_ not in ("det", "amod")
            )
        ):
            return name
    return None


def _named_again(subj: Token, again: Token, sentence: Span) -> Token | None:
    """The name set off after `again` ("The former negotiator, Lee Jong-kwan, said"), the subject
    of its sentence opening with "The" and the words before `subj`'s noun."""
    if again.dep_ not in ("nsubj", "nsubjpass") or again.left_edge.i != sentence.start:
        return None
    words = [t.lower_ for t in again.doc[again.left_edge.i : again.i]]
    before = {t.lower_ for t in subj.doc[subj.left_edge.i : subj.i]}
    if not words or words[0] != "the" or not set(words[1:]) <= before:
        return None
    return next(
        (c for c in _children(again) if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None
    )


def _name_before_title(subj: Token, memory: _Speakers) -> Token | None:
    """ "Ban Ki-moon, the U.N. secretary-general, told the assembly": the name set off before
    a title the parser took for the subject, the name hung elsewhere (on the quote mark)."""
    if subj.pos_ != "NOUN" or subj.left_edge.i < 2:
        return None
    tokens = _tokens(subj.doc)
    comma, name = tokens[subj.left_edge.i - 1], tokens[subj.left_edge.i - 2]
    last = subj.right_edge.i  # the closing comma, which the parser may hang on the title
    closing = tokens[last] if tokens[last].text == "," else tokens[min(last + 1, len(tokens) - 1)]
    if (
        comma.text != ","
        or closing.text != ","
        or name.ent_type_ != "PERSON"
        or name.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj")
        or memory.in_quote(name.idx)
    ):
        return None
    return name


def _of_group(one: Token) -> bool:
    """Whether "one" is "one of them" or one of people of a role ("one of the officials")."""
    children = _children(one)
    if len(children) != 1 or children[0].lower_ != "of":
        return False
    group = next((c for c in _children(children[0]) if c.dep_ == "pobj"), None)
    return group is not None and (
        group.lower_ in ("them", "those")
        or (group.tag_ == "NNS" and _PERSON_ROLE.search(group.text) is not None)
    )


def _one_of_unnamed(one: Token) -> bool:
    """Whether the sentence before "one"'s has for its subject people of a role with no name
    ("US officials", "diplomats"): in its paragraph, or the last of the paragraph before when
    "one" speaks in its paragraph's first sentence (`"...," one of them said.` after a paragraph
    on the aides who spoke on condition of anonymity)."""
    # (or its own sentence's subject before it: "Two U.S. officials said the letters set the
    # tone for the session, which one of them described as ...")
    own = _sent(one)
    for sentence in (own, _sentence_before(one, across_paragraphs=True)):
        if sentence is not None and any(
            (
                c.tag_ == "NNS"
                # ("Two people briefed on the matter said ...": people of no role, unnamed too)
                and (_PERSON_ROLE.search(c.text) is not None or c.lower_ in ("people", "persons"))
                and not any(t.ent_type_ == "PERSON" for t in c.subtree)
            )
            # ... or one of them already: "One of the diplomats said ..." after `"...," one of
            # them said.` speaks for the same unnamed group
            or (c.lower_ == "one" and c.i != one.i and _of_group(c) and _one_of_unnamed(c))
            for c in _children(sentence.root)
            if c.dep_ == "nsubj" and (sentence is not own or c.i < one.i)
        ):
            return True
    return False


def _country_of_sentence_before(token: Token, memory: _Speakers) -> str | None:
    """The country the sentence before a token's sentence, in its paragraph, was about (its
    subject, a place NER tagged GPE or LOC), resolved as a speaker ("The North")."""
    previous = _sentence_before(token)
    if previous is None:
        return None
    about = next(
        (
            c
            for c in _children(previous.root)
            if c.dep_ == "nsubj" and c.ent_type_ in ("GPE", "LOC") and c.tag_ != "NNPS"
        ),
        None,
    )
    if about is None:
        return None
    name, _text, kind = _resolve(token.doc, about, about.idx, memory)
    return name if kind == "named" else None


def _clock_label_end(doc: Doc, token: Token) -> int | None:
    """Where the time stamp that opens a token's paragraph ends, when the token is in it."""
    if not (token.like_num or token.is_upper):
        return None
    text = doc_text(doc)
    label = _CLOCK_LABEL.match(text, text.rfind("\n", 0, token.idx) + 1)
    return label.end() if label is not None and token.idx < label.end() else None


# the peoples' words of the talks' countries, for "the Chinese side" (not "Korean" alone: which
# Korea a Seoul or a Pyongyang text means by it, it leaves to its reader)
_SIDES = {
    "north korean": "North Korea", "south korean": "South Korea", "chinese": "China",
    "japanese": "Japan", "russian": "Russia", "american": "United States",
}  # fmt: skip


def _list_number(token: Token) -> bool:
    """Whether a token is a numbered paragraph's number ("3." or "3)" opening its sentence)."""
    doc = token.doc
    return (
        token.like_num
        and token.i == _sent(token).start
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text in (".", ")")
    )


def _resolve(
    doc: Doc, subj: Token | None, at: int, memory: _Speakers
) -> tuple[str | None, str | None, str]:
    """(speaker, speaker_text, speaker_type) for a subject token."""
    if subj is None:
        return None, None, "unknown"
    if _list_number(subj):
        # "3. (C) Kim Sook, the ROK head of delegation, told ...": the parser made a cable's
        # paragraph number the subject and the name its apposition
        subj = next((c for c in _children(subj) if c.dep_ == "appos"), subj)
    if subj.tag_ == "NNPS" and _some_unnamed(subj):
        # "Some Members of Congress have said ...": people counted in capitals, not named
        right = subj.right_edge
        return None, doc_text(doc)[subj.left_edge.idx : right.idx + len(right)], "anonymous"
    if not any(ch.isalnum() for ch in subj.text):
        # a mark the parser made the subject (as it did the closing guillemet of "«I would,»
        # Melanie said" before the model read guillemets as curly marks), not who spoke
        return None, None, "unknown"
    if _HANDLE.fullmatch(subj.text):
        return subj.text, subj.text, "named"  # a social account: "@StateDept: "...""
    labelled = _labelled_name(subj)
    if labelled is not None and any(_PERSON_ROLE.match(word) for word in labelled.split()):
        # "WESTERN DIPLOMAT IN BEIJING, WHO ASKED NOT TO BE NAMED:": a source described, unnamed
        return None, labelled, "anonymous"
    if labelled is not None:
        # "ELISE LABOTT, CNN STATE DEPARTMENT CORRESPONDENT (voice-over):": a television
        # transcript's name before its role, whatever the parser made the label's head; "Q
        # (Kim Ji-hoon, KBS):", "[ACTUALITY: HILL]": the name in the label's brackets
        return memory.full_at(_name_case(labelled), subj.idx), labelled, "named"
    role_label = _role_label(doc, subj)
    if role_label is not None:
        # "Press Secretary: ...", "MODERATOR: ...", "THE PRESIDENT: ...": a turn the transcript
        # labels with a role, which names no one; "SENIOR ADMINISTRATION OFFICIAL:", a briefer
        # the transcript keeps unnamed
        # (NPR's "Unidentified Man:" is a voice the broadcast does not name)
        kind = (
            "anonymous"
            if role_label.lower().endswith(("official", "members"))
            or role_label.lower().startswith("unidentified")
            else "description"
        )
        host = _self_introduced(doc_text(doc), role_label)
        if host is None and role_label.lower().rstrip(" :.").endswith("interviewer"):
            # "Interviewer: ..." after "Asked by the interviewer, NHK commentator Hiroshi
            # Shimada, whether ...": the one the story names so
            host = _named_interviewer(doc_text(doc)) or memory.interviewer
        if host is not None:
            # "ANCHOR: This is VOA News. I'm Dana Whitfield. ...": the host named themselves
            return memory.full_at(host, subj.idx), role_label, "named"
        return None, role_label, kind
    label_end = _clock_label_end(doc, subj)
    if label_end is not None:
        # "18:40 GMT: Chinese envoy Wu Dawei has just told reporters ...": a live page's time
        # stamp the parser made the subject; who spoke is the phrase it hung on the stamp
        after = next((c for c in _children(subj) if c.dep_ == "appos" and c.idx >= label_end), None)
        if after is None:
            return None, None, "unknown"
        subj = after
    if (
        (subj.lower_ == "one" and (subj.n_lefts + subj.n_rights == 0 or _of_group(subj)))
        # ... or "the other" of them: "One of them said ... The other said ..."
        or (subj.lower_ == "other" and [c.lower_ for c in _children(subj)] == ["the"])
    ) and _one_of_unnamed(subj):
        # "But US officials were sceptical. 'We've heard this before,' one told the BBC": one of
        # the unnamed officials the sentence before was about
        one_of = doc_text(doc)[subj.left_edge.idx : subj.right_edge.idx + len(subj.right_edge)]
        return None, one_of, "anonymous"
    words_of = _words_part_of(subj)
    if words_of is not None:
        # "The rest of her reply ran to two paragraphs:": whose reply it is
        return _resolve(doc, words_of, at, memory)
    teller = _cleft_teller(subj)
    if teller is not None:
        # "One of the jobs Perez talks about most is that he collected trash": the one who
        # tells of it, in the bare relative clause on the subject
        name, _text, kind = _resolve(doc, teller, at, memory)
        return name, teller.text, kind
    tokens = _tokens(doc)
    word = subj.lower_
    if word in ("'s", "’s") and subj.i > 0 and tokens[subj.i - 1].lower_ == "let":
        return None, subj.text, "unknown"  # "let's discuss ...": the writer and the reader
    if (
        len(word) == 1
        and subj.text.isupper()
        and word != "i"
        # not the end of a hyphenated name ("Wealth-X says")
        and not (
            subj.i > 0 and tokens[subj.i - 1].text == "-" and not tokens[subj.i - 1].whitespace_
        )
    ):
        # a transcript's "Q: ..." (the interviewer): a reporter whose name the transcript keeps
        # back, as a briefing's "QUESTION: ..." is, unless a printed interview's introduction
        # names who asks
        if subj.text == "Q" and memory.interviewer is not None:
            return memory.interviewer, subj.text, "named"
        called = (
            _called_on(doc_text(doc), subj.idx) or _asker_introduced(doc_text(doc), subj.idx + 1)
            if subj.text == "Q"
            else None
        )
        if called is not None:
            # "... We'll take a couple of questions a side. Deb Riechmann. / Q Thank you, ...":
            # the reporter the one answering called on, or who says who asks ("Q I am Park
            # Jung-hoon from KBS. ...")
            return memory.full_at(called, subj.idx), called, "named"
        return None, subj.text, "anonymous" if subj.text == "Q" else "unknown"
    if word in _ASKER_LABELS and subj.text.isupper():
        return None, subj.text, "anonymous"
    if subj.text.isupper() and opens_line(doc_text(doc), subj.idx):
        expanded = (
            _acronym_holder(doc_text(doc), subj.text)
            if 2 <= len(subj.text) <= 5 and subj.text.isalpha()
            else None
        )
        if expanded is not None:
            # a transcript's role in initials ("CCS: ...") under a head that spells the role
            # out before the holder's name ("Press Conference by the Chief Cabinet Secretary
            # Shinzo Abe")
            return memory.full_at(expanded, subj.idx), subj.text, "named"
        # a magazine's interview whose questions it labels with its own name ("TIME: ..."): the
        # correspondent its introduction says spoke with the one interviewed
        asker = _outlet_interviewer(doc_text(doc), subj.text, subj.idx)
        if asker is not None:
            return asker, subj.text, "named"
    if (
        word == "question"
        and _QUESTION.match(doc_text(doc), subj.idx)
        and opens_line(doc_text(doc), subj.idx)
    ):
        # a wire interview's "Question: ..." is its "Q: ...": who asks, as the introduction says
        if memory.interviewer is not None:
            return memory.interviewer, subj.text, "named"
        return None, subj.text, "anonymous"
    if (
        word == "it"
        and subj.pos_ == "PRON"
        and subj.dep_ == "nsubj"
        and (
            subj.head.lower_ in SPEECH_VERBS
            or subj.head.lower_ in _STANCES_OF_IT
            or _goes_on(subj.head)  # "It went on: ..."
            # "In 2004 it handed over a set of remains, saying they were Megumi's": the
            # participle that reports for the clause
            or any(
                c.dep_ == "advcl"
                and c.tag_ == "VBG"
                and c.lower_ in SPEECH_VERBS
                and doc[c.i - 1].text == ","
                for c in _children(subj.head)
            )
        )
        and subj.head.lower_ not in _FINDING_VERBS
    ):
        # "Rodong Sinmun carries a commentary ... It says ...": the maker of the document
        # named since anyone last spoke
        made = memory.document_before(subj.idx)
        if isinstance(made, str):
            return made, subj.text, "pronoun-resolved"
        if isinstance(made, Token) and made.i < subj.i:
            # (a maker before the pronoun only: "In a joint statement with ..., it said" names
            # the statement's maker by this very "it", which would ask for itself again)
            name, _text, kind = _resolve(doc, made, at, memory)
            if name is not None and kind != "anonymous":
                return name, subj.text, "pronoun-resolved"
        # "KCNA said ... It added that ...", "Twitter said ... It also said ...": the body
        # that spoke last, in this paragraph or the one before (not "it is clear that ...",
        # nor "it shows ...", which a message or a poll does)
        speaking = memory.speaking_body(subj.idx)
        if isinstance(speaking, Token):
            speaking = _resolve(doc, speaking, at, memory)[0]
        if speaking is not None:
            return speaking, subj.text, "pronoun-resolved"
        if subj.i == _sent(subj).start:
            # "The North walked out of the talks in April. It has since said ...": the country
            # the sentence before was about, in the same paragraph
            about = _country_of_sentence_before(subj, memory)
            if about is not None:
                return about, subj.text, "pronoun-resolved"
        governing = _body_of_governing_clause(subj)
        if governing is not None:
            name, _text, kind = _resolve(doc, governing, at, memory)
            if name is not None and kind == "named":
                return name, subj.text, "pronoun-resolved"
    its_owner = next((c for c in _children(subj) if c.dep_ == "poss"), None)
    if (
        its_owner is not None
        and its_owner.lower_ == "its"
        and subj.lower_ in _BODY_WORDS
        and its_owner.i == _sent(subj).start
    ):
        # "The North later denied making any such promise. Its foreign ministry said ...": the
        # body of the country the sentence before was about
        about = _country_of_sentence_before(its_owner, memory)
        if about is not None:
            its_body = doc_text(doc)[its_owner.idx + len(its_owner) : subj.idx + len(subj)].strip()
            its_written = doc_text(doc)[its_owner.idx : subj.idx + len(subj)]
            return f"{about}'s {its_body}", its_written, "description"
    if word in _PRONOUNS and subj.pos_ == "PRON":
        if word in ("i", "my") and memory.interviewee and memory.in_answer(subj.idx):
            return memory.interviewee, subj.text, "pronoun-resolved"
        turn = _turn_label(subj) if word in ("i", "my") else None
        if turn is not None and not memory.in_quote(subj.idx):
            # "AMBASSADOR HILL: ... I believe he meant it": the turn's speaker
            name, _text, kind = _resolve(doc, turn, turn.idx, memory)
            if name is not None and kind == "named":
                return name, subj.text, "pronoun-resolved"
        if word in ("i", "my") and memory.writer and _in_writers_words(subj, memory):
            # "I told him that sequencing was everything": the writer of an op-ed, a column, a
            # letter, not the last person named
            return memory.writer, subj.text, "pronoun-resolved"
        if word == "they" and _unnamed_before_they(subj):
            # "Analysts said the failure was no surprise. ..., they said": the unnamed again
            return None, subj.text, "anonymous"
        if word in ("i", "we", "they", "their", "my", "our"):
            return None, subj.text, "unknown"  # first person and groups: no single person to name
        gender = _PRONOUNS[word]
        # a name after the pronoun is no antecedent of it ("He only hinted at Donald Trump by
        # ... saying that ...": not Trump, named before the clause the pronoun reports), except
        # as a cataphor (_cataphor), which looks after it itself
        at = min(at, subj.idx)
        if subj.head.dep_ == "parataxis" and subj.head.head.left_edge.i < subj.i:
            # "Kim Jong-il, he writes, "was in good humor"": a pronoun set inside the clause it
            # reports never means a name in that clause (he is Clinton, the memoir's writer)
            at = min(at, subj.head.head.left_edge.idx)
        unnamed = _unnamed_source_before(subj) if gender in ("m", "f") else None
        if unnamed is not None:
            # "The official, who was not authorized to speak, said ... He said ...": the source
            # the sentence before quoted, unnamed, not the last person named before it
            name, _text, kind = _resolve(doc, unnamed, unnamed.idx, memory)
            return name, subj.text, "pronoun-resolved" if name is not None else kind
        told_of = _unnamed_source_before(subj, any_verb=True) if gender in ("m", "f") else None
        if told_of is not None:
            # "The President spoke to reporters ... He said": whom the role names, or no one
            # (not the last person named, who is not the one the sentence was about)
            name, _text, kind = _resolve(doc, told_of, told_of.idx, memory)
            if name is not None and kind != "anonymous":
                return name, subj.text, "pronoun-resolved"
            return None, subj.text, "anonymous" if kind == "anonymous" else "unknown"
        clause_owner = _relative_clause_owner(subj) if gender in ("m", "f") else None
        if clause_owner is not None:
            # "One senior official — who spoke on condition of anonymity because, as he put it,
            # ... — said": a pronoun inside a relative clause on a person is that person
            name, _text, kind = _resolve(doc, clause_owner, clause_owner.idx, memory)
            if kind == "anonymous":
                return None, subj.text, "anonymous"
            if name is not None and memory.compatible(name, gender, subj.idx):
                return name, subj.text, "pronoun-resolved"
        name = (
            _cataphor(subj, memory, gender)
            or _answerer(subj, memory, gender)
            or _replier(subj, memory, gender)
            or _subject_put_to_before(subj, memory, gender)
            or _who_told_before(subj, memory, gender)
            or _sentence_antecedent(subj, memory, gender)
            or _described_reporter(subj, memory, gender)
            or _introduced_before_quote(subj, memory, gender)
            or _interviewee(subj, memory, gender)
            or memory.recent(at, gender)
        )
        if name is not None and gender in ("m", "f") and name == memory.turn_speaker(subj.idx):
            # the "he" in a transcript's turn is not the one speaking ("DR. HANA CHOI: ... He
            # told his national security council ..."), who would say "I"
            name = memory.recent(at, gender, passing=name)
        if name is None and gender in ("m", "f"):
            # no one named before it: "A spokesman for the DPRK Foreign Ministry gave the
            # following answer ... "...," he said" is that spokesman's, for that body
            spokes_body = _spoken_for_before(doc, subj.idx, memory)
            if spokes_body is not None:
                return spokes_body, subj.text, "pronoun-resolved"
        if name is None:
            return None, subj.text, "unknown"
        if gender in ("m", "f"):
            memory.tell(name, gender, subj.idx)  # "she said" tells us about the next "he"
        return name, subj.text, "pronoun-resolved"
    named_next = (
        _spokesperson_named_next(subj, memory)
        or _nations_role_named_later(subj)
        or _lead_role_named_below(subj, memory)
    )
    if named_next is not None:
        name, _text, kind = _resolve(doc, named_next, named_next.idx, memory)
        if name is not None and kind == "named":
            desc_start, desc_end = _description_span(subj)
            return name, doc_text(doc)[desc_start:desc_end], "description"
    spoken_for = _spoken_for(subj)
    # ... not a person NER took for a body ("a spokesman for Trump"), nor one who spoke on
    # condition of anonymity, who does not speak for the body on the record
    if (
        spoken_for is not None
        and spoken_for.lower_ not in memory.full_names
        and not _anonymity_granted(subj)
    ):
        spoken_body = _nations_body(subj, spoken_for)
        kind = "named"
        if spoken_body is None and spoken_for.is_lower and spoken_for.lower_ in _BODY_WORDS:
            # "the ministry's spokesman": the ministry named before
            spoken_body = _body_named_before(memory, spoken_for.lower_, spoken_for.idx)
        elif spoken_body is None:
            spoken_body, _text, kind = _resolve(doc, spoken_for, at, memory)
        if spoken_body is not None and kind == "named":
            desc_start, desc_end = _description_span(subj)
            return spoken_body, doc_text(doc)[desc_start:desc_end], "description"
    author = _author_of(subj) or _utterance_owner(subj)
    made_by = _maker_in_relative(subj) if author is None else None
    if made_by is not None:
        name, _written, _kind = _resolve(doc, made_by, made_by.idx, memory)
        if name is not None:
            # the document as written, up to the clause that says who made it
            ends = made_by.head.left_edge.idx
            return name, doc_text(doc)[subj.left_edge.idx : ends].rstrip(), "description"
    if author is not None:
        name, written, kind = _resolve(doc, author, at, memory)
        # "issued by the North's foreign ministry" names the body as the subject "The North's
        # foreign ministry said" does (a body's description that names none: the document
        # stays the speaker as written, "The campaign's statement")
        if name is not None or not (author.is_lower and author.lower_ in _BODY_WORDS):
            return (capital_article(name) if name else name), written, kind
    source = _document_source(subj)
    if source is not None:
        # "a statement from the North's foreign ministry, carried by KCNA, said": whom the
        # document came from, when the article names them
        name, written, kind = _resolve(doc, source, at, memory)
        if name is not None and (
            kind == "named" or (kind == "description" and source.lower_ in _BODY_WORDS)
        ):
            return name, written, kind  # "from the ministry": the ministry named before
        possessor = next((c for c in _children(source) if c.dep_ == "poss"), None)
        if possessor is not None and possessor.pos_ == "PROPN" and source.lower_ in _BODY_WORDS:
            # "from the North's foreign ministry": a named owner's body, as the subject "The
            # North's foreign ministry said" is (an alias table folds its case)
            start, end = source.left_edge.idx, source.idx + len(source)
            written = doc_text(doc)[start:end]
            return capital_article(written), written, "named"
    maker = _maker_named_before(subj)
    # ... not a person NER took for a body ("a new Trump poll" is about him)
    if maker is not None and maker.split()[-1].lower() not in memory.full_names:
        return maker, maker, "named"
    named_again = _words_to(subj)
    if subj.pos_ == "NOUN" and _THE_DOCUMENT.fullmatch(named_again):
        # "The poll also found ...": the maker of the poll the article named before
        earlier = memory.document_maker(subj.lower_, subj.idx)
        if isinstance(earlier, str) and earlier.split()[-1].lower() not in memory.full_names:
            return earlier, named_again, "description"
        if isinstance(earlier, Token):
            name, _text, kind = _resolve(doc, earlier, at, memory)
            if name is not None and kind != "anonymous":
                return name, named_again, "description"
    # "host Chuck Todd", "A second analyst, Ruben Achterberg of ...": the name beside a title or
    # description (not what follows a headline's "Name:", in quotes or not, which the parser may
    # hang on the name: "Reid: 'Never underestimate Trump'", "Milbank: Republicans ...")
    appos = (
        next(
            (
                c
                for c in _children(subj)
                if c.dep_ == "appos"
                # ... or a name NER found whose head the tagger did not call one: the second part
                # of a hyphenated Korean given name ("Cho Tai-young", "Kim Ho-nyeon") is tagged ADJ
                # or NOUN
                and (c.pos_ == "PROPN" or c.ent_type_ == "PERSON")
                # "The governor, a Republican, told": a member of a party or a people the article
                # puts after a description is no name of the speaker
                and not any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in _children(c))
                and not memory.in_quote(c.idx)
                and tokens[c.left_edge.i - 1].text != ":"
            ),
            None,
        )
        or _closing_appos(subj)
        or _name_before_title(subj, memory)
        or _name_after_title_of(subj)
    )
    titled = _titled_conjunct(subj)
    if titled is not None:
        subj = titled  # "GOP presidential contender and former neurosurgeon Ben Carson said"
    family: str | None = None
    if (
        appos is not None
        # "One of his advisers, Tad Devine, told" (not "one of his rivals (Sanders, ...)")
        and (
            subj.pos_ == "NOUN"
            or (subj.lower_ == "one" and tokens[appos.left_edge.i - 1].text == ",")
            or _titled_appos(subj, appos)
        )
        and not _ANONYMOUS.search(doc_text(doc)[subj.idx : _sent(subj).end_char])
    ):
        family = _family_name(subj, at, memory)  # "his wife, Jane,": Sanders, his surname
        subj = appos  # "A second analyst, Ruben Achterberg of ..., was blunter"
    start, end = _name_span(subj)
    if (
        subj.ent_type_ == ""
        and _first_and_last_name(subj)
        and any(c.dep_ == "prep" and c.i > subj.i for c in _children(subj))
    ):
        end = min(end, subj.idx + len(subj))  # "Darran Whiting of Liberty Baptist Church": the name
    lead = _leading_name(subj, start, memory)
    if lead is not None:
        name_text = doc_text(doc)[lead.start_char : lead.end_char]
        name = memory.full_at(_honorific(doc, lead.start_char) + name_text, lead.start_char)
        return name, name_text, "named"
    # a name run on from the words before a spaced dash ("the Democratic caucus - HuffPollster",
    # "Channing D. Phillips - the Utah Republican"): the name is what follows the dash
    dash = _SPACED_DASH.search(doc_text(doc), start, end)
    if dash is not None and dash.end() <= subj.idx:
        start = dash.end()
    start = _after_opening_role(subj, start)
    text = _unglue(doc_text(doc)[start:end])
    owner = _OWNER.match(text)
    if owner is not None and _names_person(text[owner.end() :], subj, memory):
        # "Media Research Center’s Bozell", "Purple PAC's Crane": the person, not the body
        # that holds them
        start, text = start + owner.end(), text[owner.end() :]
    desc_start, desc_end = _description_span(subj)
    # (not the closing mark the parser may hang on the subject: '"...," officials familiar with
    # the talks said')
    description = doc_text(doc)[desc_start:desc_end].lstrip(_MARKS_BEFORE_SUBJECT)
    full_text = doc_text(doc)
    line_end = full_text.find("\n", start)
    topic = _HEADLINE_TOPIC.match(full_text[start : len(full_text) if line_end < 0 else line_end])
    line_start = start == 0 or full_text[start - 1] == "\n"
    if topic is not None and line_start and text.startswith(topic.group(1) + " "):
        # "Obama on Climate Change: The Trends Are 'Terrifying'": the name before its topic
        text = topic.group(1)
    headline_name = bool(_NAME_WORD.match(text)) and (
        (subj.i + 1 < len(doc) and tokens[subj.i + 1].text == ":")
        # "Gillibrand on Hillary ...: '...'": the name that opens its line
        or (topic is not None and topic.group(1) == text and line_start)
    )
    name_words = text.split()
    # the full name the phrase's last word is the surname of ("Trump’s plan")
    surname_of = (
        memory.full_names.get(_POSSESSIVE.sub("", name_words[-1]).lower()) if name_words else None
    )
    if headline_name or (
        (subj.pos_ == "PROPN" or subj.is_title)
        # not a group ("Experts such as analyst Denny Roy", "Aides to Clinton"), where the
        # tagger's plural is no surname ("Sanders")
        and not (subj.tag_ == "NNS" and subj.lower_ not in memory.full_names)
        and surname_of is not None
        # ... not a place of two words NER knows as one ("North Korea" after a headline's
        # "N. Korea" NER took for a person), unless it ends the full name ("Pena Nieto")
        and not (
            len(name_words) >= 2
            and subj.ent_type_ in ("GPE", "LOC")
            and not surname_of.endswith(_POSSESSIVE.sub("", text))
        )
    ):
        # a surname NER took for an ORG; "an angry Hollande": the article and the words that
        # describe the person before the name are no part of it
        described = _DESCRIBED_LEAD.match(text)
        if described is not None and not text[described.end() :].isupper():  # not "a super PAC"
            start, text = start + described.end(), text[described.end() :]
        of_nation = memory.surname_of_nation(text)
        if of_nation is not None:
            return of_nation, text, "named"
        return memory.full_at(_honorific(doc, start) + text, start), text, "named"
    if subj.lower_ == "one" and subj.pos_ in ("NUM", "PRON") and not list(_children(subj)):
        # '"...," said one.' after "Colleagues say ...": one of the people just left unnamed
        return None, text, "anonymous"
    if subj.lower_ in _UNNAMED_PEOPLE and not any(c.dep_ == "prep" for c in _children(subj)):
        # "Others argue ...", "said another", "Several pointed out ...": people the story does
        # not name (not "some of his aides", a group it does)
        return None, text, "anonymous"
    is_name = (
        subj.ent_type_ in ("PERSON",)
        # (not unnamed sources NER took for a name: "Observers said ...")
        and not (subj.tag_ == "NNS" and subj.lower_ in _UNNAMED_PLURALS)
    ) or (subj.pos_ == "PROPN" and subj.ent_type_ not in ("ORG", "GPE", "NORP"))
    # the head word of "the GOP front-runner" is "runner" to the tokenizer: the last word decides
    # ... before a phrase after the head: "the former secretary of state" is a secretary, "a
    # senior Republican familiar with the talks" a Republican
    prep = next((t for t in subj.subtree if t.dep_ == "prep" and t.i > subj.i), None)
    after = next((c for c in _children(subj) if c.i > subj.i and c.dep_ in _POST_MODIFIERS), None)
    cut = min((t.left_edge.idx if t is after else t.idx for t in (prep, after) if t), default=None)
    head_end = cut - start if cut is not None else len(text)
    head_words = text[:head_end].split() if 0 < head_end < len(text) else text.split()
    last_word = head_words[-1] if head_words else ""
    role = (
        _PERSON_ROLE.search(subj.text)
        or _person_word(last_word)
        or last_word.lower() in _PARTY_MEMBERS
    )
    # ... of one person: "the two Democratic contenders" name no single speaker; a headline drops
    # the article: "Envoy says deal is 'within reach'" is the envoy's, not a person called Envoy
    headline_role = (
        bool(role)
        and subj.ent_type_ != "PERSON"
        # (the line may open with the role's owner: "Obama's Envoy Sees Hope ...")
        and (
            line_start
            or _OWNER_OPENS_LINE.search(full_text, max(0, start - _OWNER_CHARS), start) is not None
        )
        and (
            (" " not in text and text.lower() not in memory.full_names)
            # ... and a title-case role after its owner or kind ("Foreign Ministry Spokesman
            # Says ...", "Chinese Envoy Says ...", "Trump Adviser Says ...")
            or (_person_word(last_word) and all(w[:1].isupper() for w in name_words))
        )
    )
    # "North Korea's chief nuclear negotiator": a role a named owner gives is one person's too
    possessed_role = subj.pos_ == "NOUN" and any(
        c.dep_ == "poss" and c.pos_ == "PROPN" for c in _children(subj)
    )
    definite = (
        (text.lower().startswith(("the ", "this ", "that ")) or headline_role or possessed_role)
        and bool(role)
        and subj.tag_ not in ("NNS", "NNPS")
    )
    # "The GOP presidential front-runner": a role in lower case is no name, whatever the tagger
    # ... nor is a bare capitalised one ("the Director noted", "the President said")
    # ... nor a party member ("the Wisconsin Republican", "another New Hampshire Democrat")
    member = last_word.lower() in _PARTY_MEMBERS and subj.tag_ not in ("NNS", "NNPS")
    role_only = headline_role or (
        ((definite and (last_word.islower() or len(text.split()) == 2)) or member)
        and subj.ent_type_ != "PERSON"
        and text.lower().startswith(("the ", "this ", "that ", "a ", "an ", "another ", "one "))
    )
    if family is not None and " " not in text and text.lower() not in memory.full_names:
        return memory.full(f"{text} {family}"), text, "named"  # "Jane" -> "Jane Sanders"
    if (
        is_name
        and subj.ent_type_ == ""
        and text == subj.text
        and subj.lower_ not in memory.full_names
        and not role  # ("Anchor Expressed ...": the anchor the article names)
        and _headline_word(subj, subj.idx)
    ):
        # "Indictment Says Cognac, Cars and a Grand Piano Were Routed ...": a title's capitals
        # on a word the article writes in lower case ("the indictment") name no one
        return None, text, "description"
    if is_name and subj.ent_type_ in ("", "PERSON") and not role_only:
        name = memory.full_at(_honorific(doc, start) + text, start)
        return name, text, "named"
    if (
        (
            subj.ent_type_ in ("ORG", "GPE", "NORP")
            or subj.pos_ == "PROPN"
            # "with RealClearPolitics showing her ahead": a name in camel case is one, whatever
            # the tagger (which took that one for a plural noun)
            or _CAMEL_NAME.fullmatch(subj.text) is not None
        )
        and not role_only
        and not _members_group(subj)
    ):
        owned = _outlets_person(subj)
        if owned is not None:
            return memory.full_at(owned, subj.idx), owned, "named"
        org = _described_org(subj, start)
        if org is not None:
            written = _POSSESSIVE.sub("", org.text)
            return _of_country(org, capital_article(written)), written, "named"
        text = _without_descriptor(subj, start, text)
        # "Beijing's plans", "the GOP’s platform": the possessor of a stance is its holder
        # ... one name whether or not it opens a sentence: "the Washington Post" is "The
        # Washington Post" (tasks.entities gives organisations the same capital)
        holder = capital_article(_POSSESSIVE.sub("", _after_title(text)))
        return (holder, text, "named") if holder else (None, text, "unknown")
    # "A professor at Kyungnam University, Cho Tai-young, said": the name NER found closing
    # the phrase, set off by a comma, which the parser did not hang on it as an appositive (the
    # parts of a hyphenated Korean name get heads all over the sentence)
    closing = _person_closing(doc, desc_start, desc_end)
    if closing is not None:
        return memory.full_at(closing.text, closing.start_char), closing.text, "named"
    # "South Korean officials, speaking on condition of anonymity, said": the terms set off
    # between a common-noun subject and its verb (the parser hangs them on the verb)
    verb = subj.head
    granted = (
        subj.pos_ == "NOUN"
        and subj.dep_ in ("nsubj", "nsubjpass")
        and verb.i > subj.i
        and _ANONYMOUS.search(doc_text(doc), desc_end, verb.idx) is not None
    )
    if (
        granted
        or _ANONYMOUS.search(description)
        # "an official", "a diplomat", not "a new poll", "a statement": a document keeps no
        # one's name back
        or (
            _INDEFINITE.match(text)
            and (subj.pos_ == "NOUN" or member)
            and subj.lower_ not in _DOCUMENTS
        )
        or (subj.pos_ == "NOUN" and _UNNAMED_SOURCE.match(description))
        or _unnamed_officials(subj)
        or _unnamed_by_access(subj)
    ):
        memory.anonymous_at.append(subj.idx)
        saying = next(
            (c for c in _children(subj) if c.dep_ == "relcl" and c.lower_ in SPEECH_VERBS), None
        )
        if saying is not None and saying.left_edge.idx > desc_start:
            # "critics who say ...": the source as written is "critics", not what they say
            description = doc_text(doc)[desc_start : saying.left_edge.idx].rstrip(" ,")
        return None, description, "anonymous"
    if (
        subj.pos_ == "NOUN"
        and text.lower().startswith(("the ", "this ", "that "))
        and _introduced_anonymous(doc, last_word, subj.idx)
    ):
        # "one Chinese scholar who asked not to be named said ... The scholar warned": a source
        # brought in with the same noun and the terms of anonymity
        return None, text, "anonymous"
    if definite:
        unnamed_again = _UNNAMED_AGAIN.fullmatch(text) is not None or _brought_in_unnamed(
            doc, text, subj.idx
        )
        if (
            # (an unnamed source before it in the text, not one resolved before it)
            any(at < subj.idx for at in memory.anonymous_at)
            and re.search(r"\b(official|source|diplomat|aide)s?\b", text, re.I)
        ) or (
            # "the official" after anonymity was granted, or as it is ("..., the source said,
            # requesting anonymity because ...")
            unnamed_again and memory.anonymity_before(_sent(subj).end_char)
        ):
            return None, text, "anonymous"
        role_word = _role_word(last_word)
        if unnamed_again and role_word == "source":
            # "Yonhap quoted the source as saying ...": a source is one the story does not
            # name, never the outlet or the person that spoke before
            return None, text, "anonymous"
        if (
            unnamed_again
            and _UNNAMED_BEFORE.search(doc_text(doc), 0, subj.idx) is not None
            and memory.sole_holder(role_word, subj.idx, {role_word}) is None
        ):
            # "..., Yonhap reported, citing a military official. "...," the official was
            # quoted as saying": the one no name was given, whom no named person's role is
            return None, text, "anonymous"
        if role_word in _AGENT_ROLES:
            # "the spokesman said" speaks for the person last named and is not that person: the
            # spokesman the article named ("White House spokesman Josh Earnest"), else no one
            agent = memory.holder(role_word, at)
            if (
                agent is None
                and role_word in _SPOKES_NOUNS
                # "the spokesman" alone, not "the prime minister's spokesman"
                and not any(c.dep_ in ("poss", "compound", "prep") for c in _children(subj))
            ):
                agent = _spoken_for_before(doc, subj.idx, memory)
            return agent, text, "description"
        # the one person the article gave the role with every word of it ("Mayor Bill de
        # Blasio" for "the mayor"; "the Vermont senator" is not whichever senator it named),
        # else the last subject before the description, not before the quote ("The New York
        # businessman has praised Putin, saying he was a stronger leader" is not Putin's), and
        # not inside it ("The Obama administration's point man on North Korea" is not Obama)
        before = min(at, subj.left_edge.idx)
        words = {_role_word(t.text) for t in subj.subtree if t.i <= subj.i and _role_token(t)}
        if headline_role:
            # a headline comes before its story: "Envoy says ..." is the one envoy the story
            # names, wherever it does
            name = memory.sole_holder(role_word, len(full_text), words)
        elif possessed_role:
            # not whoever spoke last: "Trump's campaign manager" is not Trump
            name = memory.sole_holder(role_word, before, words)
            if name is None and role_word in _NATIONS_ROLES and _nation_of(subj) is not None:
                # ... but a nation's role right after a person was the sentence's subject names
                # that person again: "Kim Kye-gwan stepped out smiling. North Korea's chief
                # negotiator shook hands ..."
                name = _subject_of_sentence_before(subj, memory)
        else:
            name = memory.sole_holder(role_word, before, words)
            if name is None:
                name = memory.recent(before, _role_gender(role_word))
                if name is not None and memory.holds_another_office(name, role_word, before):
                    name = None  # "Ambassador Hill delivered the letter. The President wanted"
        if name is None and not any(
            offset < before and not _in_head_line(doc, offset) for offset, _name in memory.persons
        ):
            # a lead that describes its speaker before the story names anyone (a headline or a
            # byline may have named someone: "Lin Meiyu in Beijing"): the one holder
            # of the role named soon after it ("The top U.S. envoy to the talks said Friday
            # ..." / "The U.S. envoy, Christopher Hill, said ..."), else wire copy's delayed
            # identification, the next paragraph opening with the name ("the North Korean
            # envoy warned ..." / "Kim Kye-gwan told reporters ..."), else a holder further on
            # (one far below may be another nation's envoy: "China's chief delegate")
            name = memory.sole_holder(role_word, len(full_text), words)
            if name is None or memory.titled_from(name, role_word) - subj.idx > _LEAD_NAMED_WITHIN:
                name = _named_next(doc, memory, subj.idx) or name
        if name is None:
            name = _apposed_name(doc, subj, memory)
        return (name, text, "description") if name else (None, text, "description")
    age = _AGE_DESCRIPTION.fullmatch(text)
    if age is not None:
        # "the 47-year-old says": the person the story was just about (a woman or a man by the
        # noun after the age, when there is one)
        aged = _role_gender(age.group(1).lower()) if age.group(1) else None
        return memory.recent(min(at, subj.left_edge.idx), aged), text, "description"
    named_body = _outlet_name(subj) or _country_body(subj)
    if named_body is not None:
        return named_body, text, "named"
    # (and its owner: "The ministry's statement said")
    body = _BODY_DESCRIPTION.fullmatch(_POSSESSIVE.sub("", text))
    if body is not None:
        # "The ministry also said ...": the organisation of that kind named last before it;
        # "the agency" may be one whose name says no "agency" ("Yonhap reported ... The agency
        # quoted ..."): the body that spoke last
        kind = body.group(1).lower()
        found = _body_named_before(memory, kind, subj.idx)
        if found is None and kind == "agency":
            found = memory.named_body_that_spoke(subj.idx)
        if found is None:
            found = _body_that_spoke(doc, memory, kind, subj.idx)
        if found is None:
            found = _apposed_name(doc, subj, memory)
        return found, text, "description"
    if _PAPER_DESCRIPTION.fullmatch(text) or _PAPER_DESCRIPTION.fullmatch(_head_phrase(subj)):
        # "China Daily said ... "...," the paper said": the body that spoke last; in a lead,
        # before any has spoken, the one that speaks next ("North Korea's main newspaper on
        # Tuesday denounced ... / "...," the Rodong Sinmun said in an editorial.")
        spoke = memory.named_body_that_spoke(subj.idx) or memory.paper_speaking_near(subj.idx)
        return spoke, text, "description"
    side = _COUNTRY_SIDE.fullmatch(text)
    if side is not None:
        # "The DPRK side said ...", "the U.S. side": the country's delegation speaks for it
        token = token_at(doc, start + side.start(1))
        if token is not None and token.ent_type_ in ("GPE", "ORG"):  # (NER's "DPRK" may be either)
            return side.group(1), text, "description"
        nation = _SIDES.get(side.group(1).lower()) if subj.lower_ == "side" else None
        if nation is not None:
            # "the North Korean side insisted ...": a people's word, the country's
            return nation, text, "description"
    if _COUNTRY_DESCRIPTION.fullmatch(text):
        # "North Korea fired a missile ... The communist state said ...": the country the text
        # was last about, in this paragraph or the two before
        return memory.country_before(subj.idx), text, "description"
    owner_before = _owner_named_before(doc, text, subj.idx)
    if owner_before is not None:
        # "the ministry's press service said ... According to the press service, ...": whose
        # the story said it was, the last time it named it so
        name, _owner_text, kind = _resolve(doc, owner_before, owner_before.idx, memory)
        if name is not None and kind in ("named", "description"):
            return name, text, "description"
    return _apposed_name(doc, subj, memory), text, "description"


# the name that ends a turn calling on the next to ask ("... a couple of questions a side. Deb
# Riechmann.", "Terry."): one to three capitalised words standing as a sentence of their own
_CALLED_ON = re.compile(
    r"(?:^|[.?!:][\"”]?[ \t]+)((?:[A-Z][\w'’-]*\.?[ \t]+){0,2}[A-Z][\w'’-]+)\.[ \t]*\n\s*$"
)
# short sentences that close a turn and name no one
_NOT_CALLED = frozenset(
    ["yes", "no", "sure", "please", "thanks", "okay", "ok", "right", "sir", "go ahead"]
)


def _asker_introduced(text: str, at: int) -> str | None:
    """The name a reporter's question gives its asker in its first words ("I am Park Jung-hoon
    from KBS")."""
    introduced = _SELF_INTRODUCED.search(text, at, min(len(text), at + _ASKER_INTRO_CHARS))
    return introduced.group(1) if introduced is not None else None


_ASKER_INTRO_CHARS = 60  # "(As translated.) I am ...": a question says who asks at its start


def _called_on(text: str, at: int) -> str | None:
    """The reporter the paragraph before a "Q" turn calls on, when it ends with a name."""
    before = text[max(0, at - 300) : at]
    found = _CALLED_ON.search(before)
    if found is None or found.group(1).lower() in _NOT_CALLED or found.group(1).isupper():
        return None
    return found.group(1)


def _head_phrase(subj: Token) -> str:
    """A subject's words up to its head noun ("The daily" of "The daily, the organ of ...")."""
    return doc_text(subj.doc)[subj.left_edge.idx : subj.idx + len(subj)]


# a role in title case and the name after it, in a text's head: "Chief Cabinet Secretary Shinzo
# Abe" (the role's initials may label the holder's turns)
_ROLE_AND_NAME = re.compile(
    r"((?:[A-Z][a-z]+[ \t]+){1,4}?)((?:[A-Z][\w'’-]+[ \t]+){0,2}[A-Z][\w'’-]+)(?=[ \t]*(?:\n|,|$))"
)
_ACRONYM_HEAD_CHARS = 400


def _acronym_holder(text: str, label: str) -> str | None:
    """The name after the role whose initials a label is, in the text's head ("CCS" of "... the
    Chief Cabinet Secretary Shinzo Abe": Shinzo Abe), else None."""
    for m in _ROLE_AND_NAME.finditer(text, 0, _ACRONYM_HEAD_CHARS):
        words = m.group(0).split()
        for n in range(1, len(words) - 1):
            if "".join(w[0] for w in words[:n]) == label and len(words) - n in (2, 3):
                return " ".join(words[n:])
    return None


# a part of someone's words that a subject names ("the rest of her reply", "the full text of
# the statement"), and the nouns of words it may be a part of
_PART_WORDS = frozenset(["rest", "remainder", "text", "part", "transcript"])
_WORDS_NOUNS = frozenset(
    ["reply", "response", "answer", "message", "letter", "statement", "remarks", "comments",
     "e-mail", "email", "mail", "testimony", "speech", "note", "post"]
)  # fmt: skip


def _words_part_of(subj: Token) -> Token | None:
    """Whose words a subject names a part of ("her" of "The rest of her reply"), or the noun of
    the words when they have no owner ("statement" of "The full text of the statement")."""
    if subj.lower_ not in _PART_WORDS:
        return None
    for prep in _children(subj):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            noun = next((c for c in _children(prep) if c.dep_ == "pobj"), None)
            if noun is not None and noun.lower_ in _WORDS_NOUNS:
                # (its owner, when it has one: "her" of "her reply")
                return next((c for c in _children(noun) if c.dep_ == "poss"), noun)
    return None


def _apposed_name(doc: Doc, subj: Token, memory: _Speakers) -> str | None:
    """ "the presidential office, Cheong Wa Dae, issued a statement ... the office said": the
    name the story set beside the same noun the last time it wrote it."""
    apposed = _apposed_before(subj)
    if apposed is None:
        return None
    name, _apposed_text, kind = _resolve(doc, apposed, apposed.idx, memory)
    return name if kind == "named" else None


def _apposed_before(subj: Token) -> Token | None:
    """The name set off after the last earlier use of a definite description's noun ("the
    presidential office, Cheong Wa Dae," before "the office"), when no other use came between."""
    # ("his daughter, Anne Bremmer Castillo, said" before "his daughter said": the same word)
    determiner = next(
        (
            c.lower_
            for c in _children(subj)
            if c.dep_ in ("det", "poss") and c.lower_ in ("the", "his", "her", "its", "their")
        ),
        None,
    )
    if determiner is None:
        return None
    tokens = _tokens(subj.doc)
    for t in reversed(tokens[: subj.left_edge.i]):
        if t.lower_ != subj.lower_ or t.pos_ != "NOUN":
            continue
        if not any(c.dep_ in ("det", "poss") and c.lower_ == determiner for c in _children(t)):
            return None
        return next(
            (
                c
                for c in _children(t)
                # (set off right after it: "the office, Cheong Wa Dae,", not a name the parser
                # hung on it from further on)
                if c.dep_ == "appos"
                and c.left_edge.i == t.i + 2
                and tokens[t.i + 1].text == ","
                and c.ent_type_ in _SPEAKER_ENTS
            ),
            None,
        )
    return None


def _owner_named_before(doc: Doc, text: str, at: int) -> Token | None:
    """The possessor of the last "X's <words>" before `at` whose words are a description's
    ("the press service" after "the ministry's press service")."""
    words = re.fullmatch(r"(?i:the)\s+(\w[\w\s-]*\w)", text)
    if words is None or len(words.group(1).split()) < 2:
        return None  # one word ("the service") may mean another's
    phrase = re.escape(words.group(1)).replace("\\ ", r"\s+")
    found = None
    for m in re.finditer(rf"(\w+)(?:'s|’s)\s+{phrase}\b", doc_text(doc)[:at]):
        found = m
    if found is None:
        return None
    owner = token_at(doc, found.start(1))
    if owner is None or not (owner.ent_type_ in _SPEAKER_ENTS or owner.lower_ in _BODY_WORDS):
        return None  # not a time's ("Tuesday's New York primary ... the New York primary")
    return owner


_HEAD_LINE_WORDS_MAX = 6  # a byline's or a dateline's line: "Lin Meiyu in Beijing"


def _in_head_line(doc: Doc, offset: int) -> bool:
    """Whether an offset lies in a headline, a subhead or a short line of a story's head (a
    byline), not in its prose."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : len(text) if end < 0 else end]
    return len(line.split()) <= _HEAD_LINE_WORDS_MAX or _in_title_line(doc, offset)


_TITLE_BEFORE_NAME_MAX = 4  # words of a title opening a paragraph ("Deputy Foreign Minister")


def _person_after_title(first: Token) -> Token | None:
    """The first token of the person's name a title of title-case words leads up to, from the
    title's first word ("Vice-Foreign Minister Kim Kye-gwan"); None when none does."""
    tokens = _tokens(first.doc)
    for token in tokens[first.i : first.i + _TITLE_BEFORE_NAME_MAX + 1]:
        if token.ent_type_ == "PERSON":
            return token
        if not (token.is_title or token.text == "-") or token.ent_type_ in ("GPE", "NORP"):
            return None
    return None


def _named_next(doc: Doc, memory: _Speakers, at: int) -> str | None:
    """The person whose name, as the subject, opens the paragraph after the one holding `at`,
    or speaks the quote that opens it."""
    text = doc_text(doc)
    end = text.find("\n", at)
    if end < 0:
        return None
    opening = len(text) - len(text[end:].lstrip())
    first = token_at(doc, opening)
    if first is not None and first.is_quote:
        # ... or the name that speaks the quote opening it: "'We are ready,' Lee Jong-seok
        # told reporters" after "South Korea's unification minister said ..."
        sent = _sent(first)
        speaker = next(
            (
                t
                for t in sent
                if t.ent_type_ == "PERSON"
                and t.dep_ in ("nsubj", "nsubjpass")
                and _is_cue(t.head)
                and not memory.in_quote(t.idx)
            ),
            None,
        )
        if speaker is None:
            return None
        first = _tokens(doc)[_entity_of(speaker).start]
        opening = first.idx
    elif first is not None and first.ent_type_ != "PERSON":
        # ... or after its title: "Vice-Foreign Minister Kim Kye-gwan devoted most of his speech"
        titled = _person_after_title(first)
        if titled is not None:
            first, opening = titled, titled.idx
    name = next((n for offset, n in memory.persons if offset == opening), None)
    if name is None or first is None or first.ent_type_ != "PERSON":
        return None
    return name if _entity_of(first).root.dep_ in ("nsubj", "nsubjpass") else None


# "the paper", "the newspaper", "the daily": the outlet the story quoted last
# (or a nation's: "North Korea's main newspaper", "the North's official daily", with the
# adjectives a paper is described by)
_PAPER_DESCRIPTION = re.compile(
    r"(?:(?i:the|this)\s+|(?:[Tt]he\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}(?:'s|’s)\s+)"
    r"(?i:(?:main|official|leading|ruling|party|state-run|government|largest|biggest|"
    r"mass-circulation|communist|party's)\s+){0,3}(?i:news)?(?i:paper|daily)"
)
# a newspaper's nouns
_PAPER_NOUNS = frozenset(["newspaper", "paper", "daily", "weekly"])
# the words of newspapers' names
_PAPER_NAME = re.compile(
    r"\b(?:Sinmun|Shimbun|Ilbo|Daily|Times|Post|Journal|Herald|Tribune|Gazette|Chronicle|"
    r"Telegraph|Guardian|Observer|Inquirer|Ribao|Pravda|Izvestia|Kommersant|Nippo)\b"
)
# "the 47-year-old", "the 61-year-old grandmother": a person by age
_AGE_DESCRIPTION = re.compile(r"(?i:the)\s+(?:[a-z]+\s+)?\d{1,3}-year-old(?:\s+([a-z]+))?")
# "the DPRK side", "the U.S. side" (the wording of Chinese and North Korean copy), "the DPRK
# delegation": a country's delegation, which speaks for it
_COUNTRY_SIDE = re.compile(
    r"(?i:the)\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)\s+(?:side|delegation)"
)
# "the communist state", "the reclusive country", "the Stalinist regime": a country described
# (its noun in lower case: not "the Islamic State")
_COUNTRY_DESCRIPTION = re.compile(
    r"(?i:the)\s+(?:[A-Za-z][\w-]*\s+){0,3}(?:country|nation|state|regime|kingdom)"
)


# what a closing quote mark the parser hung on a subject leaves before its words (not
# extract._MARKS_AND_SPACE, an opening mark and its space; nor marks._CLOSING, which lacks «»)
_MARKS_BEFORE_SUBJECT = " \t\n\"'“”‘’«»`"


# the phrases news writes for sources it does not name: "Sources said", "Diplomatic sources",
# "people familiar with the matter", "officials briefed on the talks", "sources close to him"
_UNNAMED_SOURCE = re.compile(
    r"(?i:the\s+)?(?:(?:[\w-]+\s+)?(?i:sources)(?:\s+(?i:in|at|from|within|inside)\s.*)?$|(?i:sources?|people|persons?|officials?|diplomats?|aides?)"
    r"\s+(?i:familiar\s+with|briefed\s+on|close\s+to|with\s+(?:direct\s+)?knowledge\s+of))"
)
# "the official", "the second official", "the other source", "the former official", "the
# South Korean official": one of the unnamed sources again (matched whole: not "the former top
# aide to President George W. Bush", a description of someone named)
_UNNAMED_AGAIN = re.compile(
    r"(?i:the|that|this)\s+(?:(?:(?i:first|second|third|other|same|former|senior)|[A-Z][\w.-]+)"
    r"\s+){0,2}(?i:official|source|diplomat|aide)"
)
# ... or in the words it was brought in with ("A unification ministry official said ... the
# unification ministry official said"), not a named person's epithet ("the veteran diplomat")
_THE_SAME_UNNAMED = re.compile(
    r"(?i:the|that|this)\s+((?:[\w.-]+\s+){1,3}(?i:official|source|diplomat|aide))"
)
# an unnamed official or source brought in ("citing a military official", "an aide")
_UNNAMED_BEFORE = re.compile(
    r"\b(?i:an?|another|one)\s+(?:[\w.-]+\s+){0,3}(?i:official|source|diplomat|aide)\b"
)


def _introduced_anonymous(doc: Doc, noun: str, at: int) -> bool:
    """Whether a source was brought in before `at` with this noun and the terms of anonymity
    right after it ("one Chinese scholar who asked not to be named")."""
    if not noun.isalpha() or len(noun) < 3:
        return False
    text = doc_text(doc)
    for m in re.finditer(
        rf"\b(?:an?|one|another)\s+(?:[\w.-]+\s+){{0,3}}{noun}\b", text[:at], re.I
    ):
        following = _NEXT_WORD.match(text, m.end())
        if following is not None and _PERSON_ROLE.match(following.group(1).lower()):
            continue  # "a ministry official who requested anonymity": the official is unnamed
        if _SOURCE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            return True  # "A third source, a trader who crosses into China, said": unnamed
        # (within its sentence, past a place: "a trader in Dandong who asked not to be named")
        stop = text.find(". ", m.end(), at)
        end = min(m.end() + _INTRODUCED_ANONYMITY_CHARS, at, len(text) if stop < 0 else stop)
        if _ANONYMOUS.search(text, m.end(), end):
            return True
    return False


_NEXT_WORD = re.compile(r"\s+(\w+)")
# an unnamed source that a description set off after it goes on with ("A third source, a trader")
_SOURCE_BEFORE = re.compile(r"\bsource,\s*$", re.IGNORECASE)
# how far after the noun that brings a source in its terms of anonymity still belong to it:
# "a North Korean trader in Dandong who asked not to be named" (37 characters to the term's end)
_INTRODUCED_ANONYMITY_CHARS = 60


def _brought_in_unnamed(doc: Doc, text: str, at: int) -> bool:
    """Whether "the unification ministry official" repeats the words an unnamed source was
    brought in with before `at` ("A unification ministry official said ...")."""
    same = _THE_SAME_UNNAMED.fullmatch(text)
    if same is None:
        return False
    words = re.escape(same.group(1)).replace("\\ ", r"\s+")
    return re.search(rf"\b(?i:an?|another)\s+{words}\b", doc_text(doc)[:at]) is not None


# words that stand alone for people a story does not name: "Others argue", "said another"
_UNNAMED_PEOPLE = frozenset(["another", "others", "several", "some", "many", "most"])
# officials news does not name, in the plural without an article: "U.S. officials said",
# "Administration officials have stated", "Diplomats said" (as "a U.S. official" and "two
# senior officials" are)
# ... and the unnamed on either side of a question ("Critics say ...", "Supporters argue ...",
# "Delegates said ...", "PRC contacts had told Chun ..."), of a case ("Prosecutors said ...",
# "Witnesses said ..."), of a market ("Traders say ...") or of the one a story is about
# ("Colleagues say ...")
_UNNAMED_PLURALS = frozenset(
    ["officials", "diplomats", "aides", "negotiators", "insiders", "analysts", "experts", "sources",
     "critics", "supporters", "opponents", "skeptics", "observers", "delegates", "contacts",
     "envoys", "scholars", "academics", "specialists", "economists", "panelists",
     "participants", "prosecutors", "investigators", "inspectors", "witnesses", "residents",
     "traders", "dealers", "colleagues", "members"]
)  # fmt: skip
# ... whose "of" names what they take a stand on, not a body they belong to: "Critics of the deal"
_STANCE_PLURALS = frozenset(["critics", "supporters", "opponents", "skeptics"])
# where unnamed officials are from, which makes them no group of their own: "Diplomats from two
# of the delegations", "officials from the embassy" (not "officials from both parties")
_POSTS = frozenset(["delegation", "delegations", "embassy", "embassies", "mission", "ministry"])


def _unnamed_before_they(they: Token) -> bool:
    """Whether the last people a "they" may mean, in its sentence or the one before, are people
    the story does not name who spoke ("Analysts said the failure was no surprise. ...,
    Pyongyang has little reason to ..., they said"); not when others came between ("Clinton
    met the senators. They said ...")."""
    tokens = _tokens(they.doc)
    own = _sent(they).start
    first = _sent(tokens[own - 1]).start if own > 0 else own
    for token in reversed(tokens[first : they.i]):
        if "\n" in token.text_with_ws:
            return False  # the paragraph before: another's "they"
        if token.lower_ == "they" or not (
            token.tag_ in ("NNS", "NNPS") or token.lower_ in _UNNAMED_PEOPLE
        ):
            continue
        spoke = token.dep_ in ("nsubj", "nsubjpass") and _is_cue(token.head)
        if token.i >= own and not spoke:
            continue  # in its own sentence, what "they" report ("... make concessions, they said")
        if not spoke and not _may_be_people(token):
            continue  # what the unnamed reported: "Diplomats said the talks had stalled. They said"
        return spoke and (
            _unnamed_officials(token) or token.lower_ in _UNNAMED_PEOPLE or _some_unnamed(token)
        )
    return False


# the words that count unnamed officials without naming them: "Some U.S. officials said ..."
_UNNAMED_COUNTS = frozenset(["some", "several", "many", "other", "most", "few", "two", "three"])


def _may_be_people(token: Token) -> bool:
    """Whether a plural may be people a "they" means (officials, senators, Americans), not a
    thing ("the talks")."""
    return (
        token.lower_ in _UNNAMED_PLURALS
        or token.ent_type_ in ("NORP", "PERSON")
        or _PERSON_ROLE.search(token.lower_.rstrip("s")) is not None
    )


def _some_unnamed(subj: Token) -> bool:
    """Whether a subject is unnamed officials counted, not named ("Some U.S. officials")."""
    return subj.lower_ in _UNNAMED_PLURALS and any(
        c.dep_ in ("det", "nummod", "amod") and c.lower_ in _UNNAMED_COUNTS for c in _children(subj)
    )


def _unnamed_officials(subj: Token) -> bool:
    """Whether a subject is unnamed officials in the plural with no article or owner, nor a
    phrase after it that makes them a group ("elected officials from both parties", "officials
    with the committee"), but a place ("Officials in Seoul")."""
    return (
        subj.pos_ == "NOUN"
        and subj.lower_ in _UNNAMED_PLURALS
        and not any(
            c.dep_ in ("det", "poss", "appos", "case")
            or (
                c.i > subj.i
                and not c.is_punct
                # (a place: "Officials in Seoul", "Diplomats at the United Nations")
                and not (c.dep_ == "prep" and c.lower_ in ("in", "at"))
                and not (c.dep_ == "advmod" and c.lower_ in ("here", "there"))  # "Officials here"
                and not (c.dep_ == "prep" and c.lower_ == "from" and _from_a_post(c))
                and not (c.dep_ == "prep" and c.lower_ == "of" and subj.lower_ in _STANCE_PLURALS)
                # ("Critics, including several former officials, say": no one named either)
                and not (c.dep_ == "prep" and c.lower_ == "including" and not _names_in(c))
                # (the clause that makes them speak: "brushed aside critics who say ...")
                and not (c.dep_ == "relcl" and c.lower_ in SPEECH_VERBS)
                # (a clause set off by a comma describes them, names none: "Officials in
                # Tokyo, who want progress on the abductions, have complained")
                and not (
                    c.dep_ == "relcl"
                    and c.left_edge.i > 0
                    and subj.doc[c.left_edge.i - 1].text == ","
                )
            )
            for c in _children(subj)
        )
    )


def _names_in(phrase: Token) -> bool:
    """Whether a prepositional phrase's object is a person's name ("including Sen. Marco Rubio",
    not "including several former Bush administration officials")."""
    return any(c.dep_ == "pobj" and c.ent_type_ == "PERSON" for c in _children(phrase))


# people a story keeps unnamed by what they were present at: "people who have sat across the
# table from him", "those who attended the meeting", "people who were in the room"
_UNNAMED_BY_ACCESS = frozenset(["people", "persons", "those"])
_ACCESS_VERBS = verb_forms("attend participate sit witness") | frozenset(["sat"])
_COPULA_FORMS = frozenset(["was", "were", "is", "are", "been"])


def _unnamed_by_access(subj: Token) -> bool:
    """Whether a subject is people named only by a relative clause that says they were there
    ("According to people who have sat across the table from him", "people who took part in
    the talks said"), as an unnamed source is; not people of a place or a kind ("people who
    live in Seoul")."""
    if subj.lower_ not in _UNNAMED_BY_ACCESS or any(
        c.dep_ in ("det", "poss") for c in _children(subj)
    ):
        return False
    for clause in _children(subj):
        if clause.dep_ != "relcl" or clause.i < subj.i:
            continue
        words = {c.lower_ for c in _children(clause)}
        if (
            clause.lower_ in _ACCESS_VERBS
            or (clause.lower_ in ("took", "take", "taken") and "part" in words)
            or (clause.lower_ in _COPULA_FORMS and ("present" in words or _in_the_room(clause)))
        ):
            return True
    return False


def _in_the_room(verb: Token) -> bool:
    """Whether a verb has "in the room" (or "in the meeting") after it."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "in"
        and any(g.lower_ in ("room", "meeting", "talks") for g in _children(c))
        for c in _children(verb)
    )


def _from_a_post(prep: Token) -> bool:
    """Whether "from ..." names a country's delegation, embassy or mission, or a place."""
    return any(t.lower_ in _POSTS or t.ent_type_ == "GPE" for t in prep.subtree if t.i > prep.i)


# "the ministry", "the committee": a body the article named before ("the Unification Ministry")
_BODY_NOUNS = (
    "ministry department agency committee commission council bureau office embassy court "
    "campaign company union association federation foundation institute fund bank board "
    "administration command"
)  # not "party" or "government": a story of two parties or countries names them loosely
_BODY_DESCRIPTION = re.compile(rf"(?i:the|this|that)\s+({'|'.join(_BODY_NOUNS.split())})")
_BODY_WORDS = frozenset(_BODY_NOUNS.split())


# a surname after the nation that tells two of that name apart: "the North Korean Kim"
_NATION_SURNAME = re.compile(r"(?i:the)\s+((?:[A-Z][a-z]+\s+){1,2})([A-Z][\w'’-]+)")

# characters after a lead's description within which the story names the one holder of its role
# (the second or third paragraph of wire copy; story308's holder 20 paragraphs down was another's)
_LEAD_NAMED_WITHIN = 1500

# offices a title gives, one holder to a story's country or body: "the President" is not the
# last person named when the article titled them with another ("Ambassador Hill")
_OFFICES = frozenset(
    [
        "president",
        "ambassador",
        "senator",
        "governor",
        "mayor",
        "minister",
        "premier",
        "chancellor",
        "judge",
    ]
)


def _body_that_spoke(doc: Doc, memory: _Speakers, noun: str, before: int) -> str | None:
    """The body no entity names that spoke last before an offset, in its paragraph or the one
    before, when its noun is this one: "China's foreign ministry said ... The ministry added"."""
    spoke = memory.speaking_body(before)
    if not isinstance(spoke, Token) or spoke.lower_ != noun:
        return None
    # ("The ministry added" after it is that body again: its name, found the same way)
    name, _text, kind = _resolve(doc, spoke, spoke.idx, memory)
    return name if kind in ("named", "description") else None


def _body_named_before(memory: _Speakers, noun: str, before: int) -> str | None:
    """The last organisation named before an offset whose name ends in this noun."""
    for end, last, name in reversed(memory.bodies):
        if end <= before and last == noun:
            return name
    return None


def _bodies(ents: Sequence[Span]) -> list[tuple[int, str, str]]:
    """(end offset, last word, name) of the article's ORG names of two words or more ("Bank"
    alone is no name)."""
    found = []
    for ent in ents:
        if ent.label_ == "ORG":
            name = _POSSESSIVE.sub("", ent.text)
            words = name.split()
            if len(words) >= 2:
                full = _of_country(ent, capital_article(name))
                found.append((ent.end_char, words[-1].lower(), full))
                # ... and the noun before its "of": "the ministry" after "the Ministry of
                # Foreign Affairs and Trade"
                of = next((i for i, w in enumerate(words) if w == "of"), 0)
                if of >= 1 and words[of - 1][:1].isupper():
                    found.append((ent.end_char, words[of - 1].lower(), full))
    return found


def _after_opening_role(subj: Token, start: int) -> int:
    """Where a name starts after the role that opens its sentence before it ("Researcher Mira
    Holt said", "Activist Mira Holt said": a common noun or adjective capitalised as the
    sentence's first word); `start` when there is none."""
    first = token_at(subj.doc, start)
    if (
        first is None
        or not first.is_sent_start
        or first.pos_ not in ("NOUN", "ADJ")
        or not _person_word(first.text)  # not "Red Hot Chili Peppers"
        or subj.i - first.i < 2
        or not all(t.pos_ == "PROPN" and t.is_title for t in subj.doc[first.i + 1 : subj.i + 1])
    ):
        return start
    return subj.doc[first.i + 1].idx


def _described_org(subj: Token, start: int) -> Span | None:
    """The organisation a subject names after words that describe it ("North Korea's official
    Korean Central News Agency", "the state-run Korean Central Broadcasting Station"), whose
    name, as the entities stage gives it, is the speaker: every article's is the same actor.
    None when only an article or the owner's possessive stands before the name ("the State
    Department", "North Korea's Foreign Ministry")."""
    if subj.ent_type_ != "ORG":
        return None
    ent = _entity_of(subj)
    first = token_at(subj.doc, start)
    if first is None or first.i >= ent.start:
        return None
    before = subj.doc[first.i : ent.start]
    name = _POSSESSIVE.sub("", ent.text)
    # a name of two words or more ("a super PAC", "a still-struggling HP" name no actor) right
    # after a word that describes it (not "The Koch-backed Concerned Veterans for America",
    # whose first word NER left out)
    last = before[-1]
    # ... or a news outlet after its country's possessive ("China's Xinhua news agency"): an
    # outlet's name is its own, where "North Korea's Foreign Ministry" needs its owner
    owned_outlet = last.lower_ in ("'s", "’s") and subj.lower_ in _OUTLET_NOUNS
    if len(name.split()) < 2 or not (
        owned_outlet or (last.is_lower and last.pos_ in ("ADJ", "VERB", "NOUN"))
    ):
        return None
    return ent


# a news outlet named by the noun after its name ("the Rodong Sinmun newspaper", "Japan's Kyodo
# news agency", "the JoongAng Ilbo daily")
_OUTLET_WORDS = (
    "newspaper daily paper weekly agency broadcaster network channel magazine tabloid website"
)
_OUTLET_NOUNS = frozenset(_OUTLET_WORDS.split())


def _outlet_name(subj: Token) -> str | None:
    """The name before a news outlet's noun, when it is a name (not a nationality or a place: "the
    South Korean newspaper", "a Seoul daily"): "the North's main Rodong Sinmun newspaper said"."""
    # lower case: not a headline's "Popular Website Shows ..."
    # ... "daily" the tagger may take for the adverb ("the Asahi Shimbun daily said")
    if (
        (subj.pos_ != "NOUN" and not (subj.pos_ == "ADV" and subj.lower_ == "daily"))
        or not subj.is_lower
        or subj.lower_ not in _OUTLET_NOUNS
    ):
        return None
    tokens = _tokens(subj.doc)
    end = subj.i
    if end > 0 and tokens[end - 1].text == "news":  # "Kyodo news agency", not "Fox News"
        end -= 1
    start = end
    while start > 0:
        word = tokens[start - 1]
        if word.text[:1].isupper() and word.pos_ == "PROPN":
            # "Rodong Sinmun", a name in camel case ("JoongAng Ilbo"), and an acronym: "the
            # North's KCNA news agency"
            start -= 1
        elif (
            word.text == "-"
            and start > 1
            and tokens[start - 2].is_title
            and not (word.whitespace_ or tokens[start - 2].whitespace_)
        ):
            start -= 1  # "Dong-A Ilbo" (not "pro-Kremlin")
        elif (
            word.lower_ in ("'s", "’s")
            and 1 < start < end
            and tokens[start - 2].is_title
            and word.ent_iob_ == tokens[start].ent_iob_ == "I"
        ):
            start -= 1  # inside one entity: "People's Daily" (not "Japan's Kyodo")
        else:
            break
    if start == end or all(
        tokens[k].ent_type_ in ("GPE", "NORP", "LOC") for k in range(start, end)
    ):
        return None
    return doc_text(subj.doc)[tokens[start].idx : tokens[end - 1].idx + len(tokens[end - 1])]


# a country's own bodies: "Japan's government said" is Japan speaking; "South Korea's military
# said" is that country's military, one speaker however many stories quote it
# (a delegation to talks: "the North Korean delegation said", "North Korea's delegation")
_STATE_BODIES = frozenset(["government", "military", "army", "navy", "delegation", "media"])
_MINISTRIES = frozenset(["ministry", "department", "office", "agency"])
_NATIONS_BODIES = _STATE_BODIES | _MINISTRIES  # a nation's bodies in lower case (_nations_body)


def _country_body(subj: Token) -> str | None:
    """The country, or the country's military, a state body of a named country names ("Japan's
    government", "South Korea's military"; "the Chinese government" and "the U.S. military" as
    written, which an alias table may fold into the country); None for any other subject."""
    if subj.pos_ != "NOUN" or subj.lower_ not in _STATE_BODIES | _MINISTRIES:
        return None
    owner = next((c for c in _children(subj) if c.dep_ == "poss"), None)
    if subj.lower_ in _MINISTRIES:
        if owner is not None and (owner.ent_type_ == "GPE" or owner.lower_ in ("north", "south")):
            # "North Korea's foreign ministry declared": the nation's body as written, where NER
            # left it no name of its own (as it does after "The next morning,")
            return _owned_as_written(owner, subj)
        # "The Chinese foreign ministry urged ...": a nation's body in lower case, as written
        # (in capitals NER names it: "The Chinese Foreign Ministry")
        if owner is not None or not any(
            c.dep_ == "amod" and c.ent_type_ == "NORP" for c in _children(subj)
        ):
            return None
        return capital_article(_words_to(subj))
    body = subj.lower_
    if body == "media":
        # "the North's state media", "Chinese official media": the kind of media is its name
        kinds = [c.lower_ for c in _children(subj) if c.lower_ in ("state", "official")]
        body = " ".join([*kinds, body])
    if owner is not None and owner.ent_type_ == "GPE":
        country = _POSSESSIVE.sub("", _entity_of(owner).text).strip()
        return country if body == "government" else f"{country}'s {body}"
    if owner is not None and owner.lower_ in ("north", "south") and body != "government":
        # "the North's state media": as written, as "the North's foreign ministry" is
        return _owned_as_written(owner, subj)
    modifier = next(
        (
            c
            for c in _children(subj)
            if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "GPE")
        ),
        None,
    )
    if modifier is None or owner is not None:
        return None
    nation = _entity_of(modifier)
    return f"{_POSSESSIVE.sub('', nation.text).strip()} {body}"


def _owned_as_written(owner: Token, body: Token) -> str:
    """A body with its owner, as written from the owner's first word ("North Korea's foreign
    ministry", "the North's state media")."""
    return capital_article(doc_text(body.doc)[owner.left_edge.idx : body.idx + len(body)])


def _of_country(ent: Span, name: str) -> str:
    """A government body's generic name with the country NER left out before it ("North Korea's
    Foreign Ministry"): "the ministry said" later is that country's, not any foreign ministry.
    A name of its own stays as it is ("Russia's Gazprom" is Gazprom, "South Korea's Yonhap news
    agency" Yonhap), the name the entities stage gives it too."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ not in ("'s", "’s") or not generic_body(name):
        return name
    country = doc[ent.start - 2]
    if country.ent_type_ != "GPE":
        return name
    return f"{doc_text(doc)[_entity_of(country).start_char : doc[ent.start - 1].idx]}'s {name}"


_PARTY_MEMBERS = frozenset(["republican", "democrat", "independent", "libertarian"])
# what follows a subject's head word and is not part of the name: "familiar with the talks",
# "who attended the meeting", "briefed on the plan"
_POST_MODIFIERS = frozenset(["amod", "acl", "relcl"])
# before a party's or a nation's members, the words that make them some of its members, not the
# party: "Both Democrats and ...", "More traditional Republicans", "six in 10 Democrats"
_GROUP_WORD_POS = frozenset(["NUM", "ADJ", "ADV"])


def _members_group(subj: Token) -> bool:
    """Whether a plural of members ("Democrats", "Muslims") is some of them, not a named body:
    counted or qualified ("Roughly six in 10 Democrats", "More traditional Republicans", "many
    Americans"), placed ("Republicans in the audience") or joined to a common noun ("Both
    Democrats and independent voters", "Muslims and some other religious groups")."""
    if subj.tag_ not in ("NNS", "NNPS") or not (
        subj.ent_type_ == "NORP" or subj.lower_.rstrip("s") in _PARTY_MEMBERS
    ):
        return False
    before = [t for t in subj.subtree if t.i < subj.i]
    return (
        any(
            t.pos_ in _GROUP_WORD_POS or (t.pos_ == "DET" and t.lower_ not in ("the", "these"))
            for t in before
        )
        or any(c.dep_ == "prep" and c.i > subj.i for c in _children(subj))
        or any(c.dep_ == "conj" and c.pos_ == "NOUN" for c in _children(subj))
    )


def _title_gender(ent: Span) -> str | None:
    """The gender a role word right before a name gives it ("9/11 widow Terry Strada", whose
    first name alone would make her a "he"), if any. Not a role in "-man": news writes "Trump
    spokesman Hope Hicks" and "chairman" of women too."""
    doc = ent.doc
    root = ent.root
    for t in doc[max(0, ent.start - 2) : ent.start]:
        # the role modifies the name, or the name is the role's apposition ("widow Chris Strada"
        # parsed with "widow" as the subject)
        beside = ent.start <= t.head.i < ent.end or (root.dep_ == "appos" and root.head == t)
        if t.pos_ == "NOUN" and beside:
            role = _role_word(t.text)
            # (kin too: "whose younger sister Yaeko Taguchi", who is no "he")
            if role.endswith("woman") or role in _FEMALE_ROLES or role in _FEMALE_TITLES:
                return "f"
            if role in _MALE_ROLES or role in _MALE_TITLES:
                return "m"
    return None


# role words with a gender besides the gendered titles (_FEMALE_TITLES: "the mother", "the queen")
_FEMALE_ROLES = frozenset(["wife", "actress", "widow"])
_MALE_ROLES = frozenset(["husband", "actor", "widower"])


def _role_gender(role: str) -> str | None:
    """The gender a role word gives ("the businessman", "the chairwoman"), if any."""
    if role.endswith(("woman", "women")) or role in _FEMALE_ROLES or role in _FEMALE_TITLES:
        return "f"
    male = role.endswith(("man", "men")) or role in _MALE_ROLES or role in _MALE_TITLES
    return "m" if male else None


# the last words of an organisation's name ("the Post's Editorial Board", "the GOP's National
# Committee"): a name after an owner's possessive that ends in one is the owner's body
_ORG_NAME_WORDS = _BODY_WORDS | frozenset(
    [
        "party",
        "group",
        "center",
        "centre",
        "institute",
        "university",
        "school",
        "college",
        "network",
        "news",
        "times",
        "post",
        "journal",
        "magazine",
        "review",
        "team",
        "club",
        "league",
        "union",
        "force",
        "forces",
        "army",
        "navy",
        "police",
    ]
)


def _outlets_person(subj: Token) -> str | None:
    """ "The Washington Post's Ishaan Tharoor", "The New Republic's Jeet Heer": a name of two or
    three capitalised words after an organisation's possessive is a person of it (NER may tag
    the name ORG), not the phrase; not a body of it ("China's Foreign Ministry")."""
    owner = next((c for c in _children(subj) if c.dep_ == "poss"), None)
    if owner is None or owner.ent_type_ != "ORG" or subj.pos_ != "PROPN":
        return None
    words = [c for c in _children(subj) if c.dep_ == "compound" and c.i > owner.i] + [subj]
    if not 2 <= len(words) <= 3 or any(
        not w.is_title or w.lower_ in _ORG_NAME_WORDS or w.ent_type_ in ("GPE", "LOC", "NORP")
        for w in words
    ):
        return None  # not "POLITICO's Battleground States average"
    if words[-1].i - words[0].i != len(words) - 1:
        return None
    return doc_text(subj.doc)[words[0].idx : subj.idx + len(subj)]


def _without_descriptor(subj: Token, start: int, text: str) -> str:
    """A name without the lower-case words before it ("registered dietitian Trista Best", NER
    calling the name an ORG); an article or determiner keeps the phrase ("the State Department")."""
    tokens = _tokens(subj.doc)
    first = token_at(subj.doc, start)
    if first is None or first.pos_ == "DET":
        return text
    i = first.i
    while i < subj.i and tokens[i].text[:1].islower() and tokens[i].pos_ in ("NOUN", "ADJ", "VERB"):
        i += 1
    name = text[tokens[i].idx - start :]
    # a name of two capitalised words or more after a noun ("dietitian"), not a group after a
    # quantifier ("many Republicans", "senior Democrats")
    if (
        i == first.i
        or tokens[i - 1].pos_ != "NOUN"
        or len(name.split()) < 2
        or not all(w[:1].isupper() for w in name.split())
    ):
        return text
    return name


def _author_of(subj: Token) -> Token | None:
    """The named author of a document that speaks: "A study by the watchdog group Media Matters
    found ...", "a poll conducted by Quinnipiac University shows ...", "a lawsuit filed in
    Manhattan by Yulia V. Tymoshenko", "according to a count by The Associated Press", "a
    recent report from Bloomberg New Energy Finance" (from a body or a person, not a place:
    "a report from Iowa")."""
    if subj.pos_ != "NOUN" or subj.lower_ not in _DOCUMENTS:
        return None
    tokens = _tokens(subj.doc)
    # (the parser may hang the maker's participle on the noun of an "of" phrase: "The telephone
    # poll of 1,000 adults, conducted by the Daehan Public Opinion Center, found ...")
    of_objects = [
        g
        for c in _children(subj)
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in _children(c)
        if g.dep_ == "pobj"
    ]
    for by in [
        *_children(subj),
        *(
            g
            for c in _children(subj)
            # a poll "reported by" a network is the network's; a statement "carried by" an
            # agency that names no other maker is the agency's ("A statement carried by the
            # Korean Central News Agency described ...", not "A Foreign Ministry statement
            # carried by KCNA")
            if c.dep_ == "acl"
            and (
                _authoring(c)
                or subj.lower_ in _POLL_NOUNS
                or (c.lower_ in _CARRY and not _maker_on(subj))
            )
            for g in _children(c)
        ),
        *(
            g
            for obj in of_objects
            for c in _children(obj)
            if c.dep_ == "acl" and _authoring(c)
            for g in _children(c)
        ),
    ]:
        if by.dep_ not in ("prep", "agent") or by.i < subj.i:
            continue
        if by.lower_ not in ("by", "from") and not (
            by.lower_ == "in" and by.head == subj and subj.lower_ in _PUBLISHED
        ):
            continue
        if by.head == subj and any(t.text == "," for t in tokens[subj.i : by.i]):
            continue  # "One message, apparently referring to air strikes by the United States"
        obj = next((g for g in _children(by) if g.dep_ == "pobj"), None)
        if obj is None:
            continue
        if obj.pos_ == "NOUN":
            # "by the consulting firm Oxford Economics": the name set after its kind
            obj = next((c for c in _children(obj) if c.dep_ == "appos" and c.pos_ == "PROPN"), obj)
        if by.lower_ == "in":
            # "a commentary in Rodong Sinmun", "an editorial in The New York Times": the paper
            # that ran it (not "a report in Iowa", "a statement in Arabic", "a story in March")
            if obj.ent_type_ in ("ORG", "WORK_OF_ART") or (
                obj.pos_ == "PROPN" and obj.ent_type_ in ("", "PERSON")
            ):
                return obj
        elif by.lower_ == "from":
            if obj.ent_type_ in ("ORG", "PERSON"):
                return obj
        elif obj.pos_ == "PROPN" or obj.ent_type_ in ("ORG", "PERSON"):
            return obj
        elif _country_body(obj) is not None:
            return obj  # "a statement issued by the Chinese delegation"
    return None


# documents a paper runs: "a commentary in Rodong Sinmun" is the paper's
_PUBLISHED = frozenset(
    ["commentary", "editorial", "article", "column", "op-ed", "essay", "piece", "report", "story"]
)
_CARRY = verb_forms("carry")


def _maker_on(document: Token) -> bool:
    """Whether a document names a maker on itself ("A Foreign Ministry statement", "its
    statement", "A statement from the North's foreign ministry"), or is no subject that
    speaks ("The ministry, in a statement carried by KCNA, said": the ministry's)."""
    return document.dep_ != "nsubj" or any(
        c.dep_ == "poss"
        or (c.dep_ in ("compound", "nmod", "amod") and c.ent_type_)
        or (c.dep_ == "prep" and c.lower_ in ("from", "by", "of"))
        for c in _children(document)
    )


def _authoring(verb: Token) -> bool:
    """Whether a participle after a document says who made it ("released by", "carried out
    by"); a statement "carried by" a news agency is only published by it (the agency's only
    when it names no other maker: _author_of)."""
    if verb.lower_ in _CARRY:
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in _children(verb))
    return verb.lower_ in _AUTHORING


# "the poll", "this new survey", "the same report": a document named again
_THE_DOCUMENT = re.compile(
    r"(?i:the|this|that)\s+(?:(?i:new|latest|same|recent)\s+)?[a-z-]+", re.ASCII
)


def _issuer(document: Token) -> Token | None:
    """Who put out a document, as the subject of the verb that did: "The White House released a
    statement", "Keller filed a lawsuit", "she said in a statement" (a person, a body or a
    pronoun)."""
    verb = document.head
    if (
        document.dep_ == "pobj"
        and verb.lower_ == "in"
        and verb.head.dep_ == "nsubj"
        and verb.head.head.pos_ == "VERB"
    ):
        # "Rodong Sinmun today in a signed commentary noted ...": the parser hangs the phrase
        # on the subject, not on the verb of saying
        verb = verb.head.head
        if not _is_cue(verb):
            return None
    elif document.dep_ == "pobj" and verb.lower_ == "in" and verb.head.pos_ == "VERB":
        verb = verb.head  # "said in a statement"
        # ... or took a stance in it: "welcomed the handover in a brief message" (not "appeared
        # in an ad", which someone else made)
        if not _is_cue(verb) and verb.lower_ not in OBJECT_VERBS:
            return None
    elif document.dep_ != "dobj" or verb.lower_ not in _AUTHORING:
        return None
    subject = next((c for c in _children(verb) if c.dep_ == "nsubj"), None)
    if subject is None or not (
        subject.pos_ == "PRON"
        or subject.ent_type_ in ("PERSON", "ORG", "GPE")
        # ... or a name NER missed after a dateline ("PYONGYANG, March 3 (KCNA) -- The DPRK
        # Foreign Ministry issued a statement")
        or (subject.pos_ == "PROPN" and subject.is_title and subject.ent_type_ == "")
    ):
        return None
    return subject


def _document_kind(noun: str) -> str:
    """One word for a document noun and its plural or synonym ("polls", "suit" -> "poll",
    "lawsuit")."""
    noun = {"suit": "lawsuit", "suits": "lawsuits"}.get(noun, noun)
    return noun[:-1] if noun.endswith("s") and noun not in ("analysis", "news") else noun


def _maker_named_before(subj: Token) -> str | None:
    """The body a document or an utterance names before it as its maker: "a new Quinnipiac
    University poll", "a Washington Post-ABC News survey", "the Pew Research Center analysis",
    "A Foreign Ministry statement", "a KCNA commentary" (not "a Florida poll", "a Trump poll":
    a place, a subject). The words from the first one NER calls an organisation to the noun,
    which the parser may hang on the noun one by one."""
    if subj.pos_ != "NOUN" or subj.lower_ not in _DOCUMENTS:
        return None
    tokens = _tokens(subj.doc)
    first = subj.i
    while (
        first > 0
        and tokens[first - 1].dep_ in ("compound", "punct", "nmod")
        and (tokens[first - 1].pos_ == "PROPN" or tokens[first - 1].text in ("-", "/"))
    ):
        first -= 1
    if first == subj.i or tokens[first].ent_type_ != "ORG":
        return None
    return capital_article(
        doc_text(subj.doc)[tokens[first].idx : tokens[subj.i - 1].idx + len(tokens[subj.i - 1])]
    )


def _anonymity_granted(subj: Token) -> bool:
    """Whether the terms of anonymity come with the speaker: in the description, set off between
    it and the verb ("A Pentagon spokesman, speaking on condition of anonymity, said"), or right
    after the verb ("a State Department spokesman said on condition of anonymity")."""
    verb = subj.head
    text = doc_text(subj.doc)
    start = subj.left_edge.idx
    last = subj.right_edge
    end = verb.idx + len(verb) + _ANONYMITY_AFTER_CHARS if verb.i > subj.i else last.idx + len(last)
    return _ANONYMOUS.search(text, start, min(end, len(text))) is not None


# an article and lower-case words before a name: "an angry Hollande", "a smiling Kim"
_DESCRIBED_LEAD = re.compile(r"(?:an?|the)\s+(?:[a-z][a-z-]*\s+)+(?=[A-Z][a-z])")


def _spoken_for(subj: Token) -> Token | None:
    """The body an unnamed spokesperson speaks for: "A spokesman for the North's Foreign
    Ministry said", "a Pentagon spokeswoman said" (an organisation or a state; not a person's
    spokesman, who speaks for that person and is not that person, see _AGENT_ROLES)."""
    unit = subj.lower_ in _BODY_UNITS
    if subj.pos_ != "NOUN" or not (unit or subj.lower_ in _SPOKES_NOUNS or _press_office(subj)):
        return None
    if any(c.dep_ == "appos" for c in _children(subj)):
        return None  # "A spokesman for the ministry, Kim Yong Hyon, said": the person named
    bodies = [
        g
        for c in _children(subj)
        # "a spokesman for the ministry", "a spokesman of the DPRK Foreign Ministry" (KCNA's
        # English), "the press department of the Russian Foreign Ministry": a unit of a body
        # speaks for it, as its spokesman does, not for whatever it is "for"
        if c.dep_ == "prep" and c.lower_ in (("of",) if unit else ("for", "of")) and c.i > subj.i
        for g in _children(c)
        if g.dep_ == "pobj"
    ] + [
        c
        for c in _children(subj)
        # "a Joint Chiefs of Staff spokesman": the parser makes a name with "of" a nominal modifier
        if c.dep_ in ("compound", "poss", "nmod") and c.i < subj.i
    ]
    return next(
        (
            b
            for b in bodies
            if (b.ent_type_ in ("ORG", "GPE") and b.pos_ == "PROPN")
            or _nations_body(subj, b) is not None
            # "the ministry's spokesman": the body the article named before
            or (b.lower_ in _BODY_WORDS and _BODY_DESCRIPTION.fullmatch(_words_to(b)) is not None)
        ),
        None,
    )


# the units of a body that speak for it in wire copy: "the regional department of the
# Emergencies Ministry said", "the Asia bureau of the State Department"
_BODY_UNITS = frozenset(["department", "bureau", "division", "directorate", "section"])


def _press_office(noun: Token) -> bool:
    """ "press service", "press office": a body's voice, as its spokesman is."""
    return noun.lower_ in ("service", "office") and any(
        c.lower_ == "press" and c.dep_ in ("compound", "amod") for c in _children(noun)
    )


def _words_to(token: Token) -> str:
    """The words of a token's phrase up to and with it ("the ministry" of "the ministry's")."""
    return doc_text(token.doc)[token.left_edge.idx : token.idx + len(token)]


def _nations_body(spokes: Token, body: Token) -> str | None:
    """The name, as written, of a named nation's body in lower case that a spokesperson speaks
    for, which NER leaves out: "a spokesman for Japan's foreign ministry", "the Chinese foreign
    ministry", "a Japanese foreign ministry spokesman" (the parser hangs "Japanese" on the
    spokesman); None for any other noun."""
    if not body.is_lower or body.lower_ not in _NATIONS_BODIES:
        return None  # (the tagger may take a lower-case "ministry" for a name)
    nation = next(
        (
            c
            for c in _children(body)
            if (c.dep_ == "poss" and c.ent_type_ == "GPE")
            or (c.dep_ == "amod" and c.ent_type_ == "NORP")
        ),
        None,
    )
    if nation is None and body.dep_ == "compound" and body.head == spokes:
        nation = next(
            (
                c
                for c in _children(spokes)
                if c.dep_ == "amod" and c.ent_type_ == "NORP" and c.i < body.i
            ),
            None,
        )
    if nation is None:
        return None
    # from the nation's name, not the spokesman's article ("A Japanese foreign ministry ...")
    start = nation.left_edge.idx if body.dep_ == "compound" else body.left_edge.idx
    return capital_article(doc_text(body.doc)[start : body.idx + len(body)])


# documents a government issues: "a statement from Pyongyang" is the North's, where "a report
# from Iowa" says only where a report was filed
_ISSUED = frozenset(["statement", "letter", "message", "communique", "note", "announcement"])


def _document_source(subj: Token) -> Token | None:
    """The object of "from" after a document noun: "a statement from the foreign ministry"."""
    if subj.pos_ != "NOUN" or subj.lower_ not in _DOCUMENTS:
        return None
    return next(
        (
            g
            for c in _children(subj)
            if c.dep_ == "prep" and c.lower_ == "from" and c.i > subj.i
            for g in _children(c)
            if g.dep_ == "pobj"
            and g.pos_ in ("NOUN", "PROPN")
            and (g.ent_type_ not in ("GPE", "LOC", "FAC") or subj.lower_ in _ISSUED)
        ),
        None,
    )


# the labels a briefing transcript gives the reporters' turns
_ASKER_LABELS = frozenset(["question", "questioner", "reporter", "audience"])


def _spoken_for_before(doc: Doc, at: int, memory: _Speakers) -> str | None:
    """The named body the last unnamed spokesperson before `at` spoke for ("A spokesman for the
    DPRK Foreign Ministry said ... The spokesman noted ..."): the same spokesperson's body."""
    here = token_at(doc, at)
    if here is None:
        return None
    tokens = _tokens(doc)
    spokespeople = memory.spokespeople()
    for i in reversed(spokespeople[: bisect.bisect_left(spokespeople, here.i)]):
        token = tokens[i]
        body = _spoken_for(token)
        if body is None and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in _children(token)
        ):
            continue  # "the spokesman pointed out": the one introduced before, named again
        if body is None:
            return None  # the last spokesperson before it speaks for no body it names
        nations = _nations_body(token, body)
        if nations is not None:
            return nations
        name, _written, kind = _resolve(doc, body, token.idx, memory)
        return name if kind == "named" else None
    return None


# what makes a speech or a statement besides writing or putting it out: "a speech Mrs. Clinton
# delivered", "remarks he made", "the testimony she gave"
_DELIVERING = verb_forms("deliver give make") | frozenset(["gave", "given", "made"])


def _maker_in_relative(subj: Token) -> Token | None:
    """Who made a document or utterance, as the subject of the relative clause after it whose
    object it is: "a speech Mrs. Clinton delivered at New York University", "a statement the
    ministry released", "the letter she wrote" (a person, an organisation or "he"/"she")."""
    if subj.pos_ != "NOUN" or subj.lower_ not in _DOCUMENTS:
        return None
    for verb in _children(subj):
        if verb.dep_ != "relcl" or not (verb.lower_ in _AUTHORING or verb.lower_ in _DELIVERING):
            continue
        if any(c.dep_ == "dobj" for c in _children(verb)):
            return None  # "a speech that made headlines": the speech did something
        maker = next((c for c in _children(verb) if c.dep_ == "nsubj"), None)
        if maker is not None and (
            maker.lower_ in ("he", "she")
            or maker.ent_type_ in ("PERSON", "ORG", "GPE")
            or maker.lower_ in _BODY_WORDS  # "the ministry", named before
        ):
            return maker
    return None


def _utterance_owner(subj: Token) -> Token | None:
    """Whose words a possessed utterance or document is: "His speech cited ...", "Berg's
    statement said ...", "Her letter argued ...", "CNN's latest poll shows ...", "The
    Pentagon's report concluded ..." (the possessor: a person, an organisation or a pronoun)."""
    if subj.pos_ != "NOUN" or subj.lower_ not in _DOCUMENTS:
        return None
    owner = next((c for c in _children(subj) if c.dep_ == "poss"), None)
    if owner is None or not (
        owner.lower_ in ("his", "her")
        or owner.ent_type_ in ("PERSON", "ORG", "GPE")
        # "The ministry's statement said": the body named before
        or (owner.lower_ in _BODY_WORDS and _BODY_DESCRIPTION.fullmatch(_words_to(owner)))
    ):
        return None
    return owner


def _is_title(before: str, content: str) -> bool:
    """Whether quoted words are the title of a show, book or the like, not speech: a few
    capitalised words right after a possessive or a word for a work (CNN's "State of the
    Union", the podcast "Here's the Thing")."""
    # NYT style quotes with two apostrophes (''Meet the Press''): the inner one is a mark too
    content = content.strip("'")
    words = _TITLE_WORD.findall(content)
    if not words or not (words[0][0].isupper() or (len(words) > 6 and words[0][0].isdigit())):
        return False
    if len(words) > 6:
        # a book's title and subtitle: "The Trumps: Three Generations That Built an Empire",
        # "13 Hours: The Secret Soldiers of Benghazi" (every word capitalised but the small ones)
        title, colon, subtitle = content.rstrip(",. ").partition(":")
        return (
            bool(colon and subtitle.strip())
            and len(_TITLE_WORD.findall(title)) <= 4
            and len(words) <= _SUBTITLED_MAX_WORDS
            and all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL for w in words)
        )
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL for w in words):
        return False
    # a name in Title Case of two or more words that is not a sentence ("Prison Break",
    # "Madam Secretary", "Girls, Girls, Girls") is a title wherever it stands
    untitled = len(words) >= 2 and not content.rstrip(",").endswith((".", "!", "?"))
    if untitled and _SENTENCE_INSIDE.search(content):
        return False  # two sentences are speech: "Like Oakland. Or Ferguson," Trump said
    return untitled or bool(_TITLE_CONTEXT.search(before))


_SENTENCE_INSIDE = re.compile(
    r"\b(?!(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|No|vs)\b)\w{2,}[.!?] [A-Z]"
)


def _scare_modifier(doc: Doc, start: int, end: int) -> bool:
    """Whether a few quoted words only modify a noun right after the quote (the "conservative"
    media, so-called "rebels" that ..., the "Avatar" star): a term flagged, not words said."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) > _SCARE_MAX_WORDS:
        return False
    head = span.root.head
    return (
        span.root.dep_ in ("amod", "compound", "nmod")
        and head.i >= span.end
        and head.pos_ in ("NOUN", "PROPN")
    )
