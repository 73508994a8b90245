"""The model loader: indexed attribute rules (the same matches as spaCy's own AttributeRuler), and
the text conventions the pipeline reads (spaces, apostrophes, backtick quotes, title abbreviations,
datelines)."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from tasks.nlp import (
    DISABLED_COMPONENTS,
    FALLBACK_MODEL,
    IndexedAttributeRules,
    _with_paragraphs,
    load_nlp,
)


@pytest.fixture(scope="module")
def stock() -> Language:
    """The packaged pipeline as spaCy loads it: its attribute ruler runs the Matcher."""
    return spacy.load(FALLBACK_MODEL, disable=list(DISABLED_COMPONENTS))


def _ruler(nlp: Language) -> AttributeRuler:
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return ruler


def _before_ruler(nlp: Language, text: str) -> Doc:
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        return nlp(text)


# Every kind of rule in en_core_web_sm's ruler: a tag alone, a tag and a word, a word alone, a
# word and a dependency, a dependency set, spaces, and the several-token ones ("gon na",
# "ai n't", "let 's", "y' all", "there is").
SENTENCES = [
    "The envoy said that talks could resume, but it's unclear whether Pyongyang will come.",
    "I told him you'd go; they gave it to us, not to them, and she did it herself.",
    "Something's wrong: nobody knows anything, and everyone blames somebody else.",
    "We're gonna win, ain't we? Let's go. Y'all know it's gotta be done.",
    "There is a plan and there are doubts. Those who doubt it were wrong; these are facts.",
    "He's doin' fine, goin' home to 'em tonight, nothin' more. C'mon, 'nuff said.",
    "  Spaces   and\ttabs \n\n begin a new paragraph. Did they? Do it. Had he?",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_indexed_rules_match_what_the_attribute_ruler_matches(stock: Language, text: str) -> None:
    ruler = _ruler(stock)
    doc = _before_ruler(stock, text)
    assert IndexedAttributeRules(ruler)(doc) == ruler.match(doc)


_WORDS = [
    "I", "it", "you", "he", "her", "that", "this", "the", "a", "do", "did", "had", "have", "gon",
    "na", "ai", "n't", "let", "'s", "got", "ta", "y'", "all", "there", "is", "are", "but",
    "something", "can", "'d", "said", "talks", "Kim", "Seoul", "nothin'", "c'm", "on", ",", ".",
    "?", "\n", "  ",
]  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(_WORDS), max_size=30))
def test_indexed_rules_agree_on_any_word_salad(stock: Language, words: list[str]) -> None:
    ruler = _ruler(stock)
    doc = _before_ruler(stock, " ".join(words))
    assert IndexedAttributeRules(ruler)(doc) == ruler.match(doc)


def test_loaded_pipeline_uses_them_and_tags_as_spacy_does() -> None:
    nlp = load_nlp(FALLBACK_MODEL)
    assert isinstance(_ruler(nlp).match, IndexedAttributeRules)
    # the same pipeline (our paragraph sentences too), its ruler left as spaCy made it
    plain = _with_paragraphs(spacy.load(FALLBACK_MODEL, disable=list(DISABLED_COMPONENTS)))
    assert not isinstance(_ruler(plain).match, IndexedAttributeRules)
    text = " ".join(SENTENCES)
    ours = [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in nlp(text)]
    theirs = [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in plain(text)]
    assert ours == theirs


def test_inline_spaces_are_plain_to_the_pipeline_and_offsets_hold() -> None:
    # a no-break or thin space is no word to the parser and NER, and breaks no sentence;
    # only a newline does
    nlp = load_nlp()
    text = "On Sunday,\xa0Obama said the\u202ftalks would resume.\nKim Jong Il agreed."
    doc = nlp(text)
    assert len(doc.text) == len(text)
    assert [t.text for t in doc if t.is_space] == ["\n"]
    obama = next(t for t in doc if t.text == "Obama")
    assert obama.sent.text.strip() == "On Sunday, Obama said the talks would resume."
    assert obama.ent_type_ == "PERSON"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Former Maryland Gov. Martin O’Malley spoke first. O’Malley told reporters he was ready.",
            "O’Malley",
        ),
        (
            "Filmmaker Dinesh D’Souza spoke on Monday.\n\nD’Souza told Beck that he is making a movie.",
            "D’Souza",
        ),
    ],
)
def test_typographic_apostrophe_in_a_name_reads_as_the_straight_one(text: str, name: str) -> None:
    # the model learnt names with "'": with "’" a surname alone was an ORG or no entity at all
    nlp = load_nlp()
    doc = nlp(text)
    assert doc.text == text  # the text keeps the apostrophe it was written with
    alone = [e for e in doc.ents if e.text == name]
    assert alone and all(e.label_ == "PERSON" for e in alone), [
        (e.text, e.label_) for e in doc.ents
    ]


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("Seoul accused Pyongyang of ``double-dealing.''", "``"),
        ("He said, `` We will not tolerate it.''", "``"),
        ('He said, "We will not tolerate it."', '"'),
    ],
)
def test_a_backtick_pair_opens_a_quote_as_one_mark(text: str, opening: str) -> None:
    # wire copy and Korean outlets open a quote with "``"; spaCy's prefixes split it in two
    # "`", which the parser reads as stray punctuation, not as the quote it tags ``
    doc = load_nlp()(text)
    mark = next(t for t in doc if t.text.startswith(opening[0]))
    assert mark.text == opening and mark.tag_ == "``"
    assert "`" not in [t.text for t in doc]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ('to different audiences,"Marta Quill said', ["audiences", ",", '"', "Marta"]),
        ("a further insult.\u201dFormer senator Ruth Adler", ["insult", ".", "\u201d", "Former"]),
        ('they were wrong?"The ministry said', ["wrong", "?", '"', "The"]),
        ('a 5"x7" print', ["5", '"', "x7", '"']),
    ],
)
def test_a_quote_mark_printed_without_a_space_is_a_token_of_its_own(
    text: str, tokens: list[str]
) -> None:
    # spaCy's infixes split the period or comma off and left the mark glued to the next word
    # ('"Marta'), which the parser read as one noun: the speaker was lost
    words = [t.text for t in load_nlp()(text)]
    at = words.index(tokens[0])
    assert words[at : at + len(tokens)] == tokens, words


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("late fuel deliveries.[14] Assistant Secretary", ["deliveries", ".", "[", "14", "]"]),
        ('an incomplete one."[15] North Korea', ["one", ".", '"', "[", "15", "]"]),
        ("the declaration,[3] he said", ["declaration", ",", "[", "3", "]"]),
        # a bracket that holds no footnote's number stays as spaCy splits it
        ("the law [of 1998] said", ["law", "[", "of", "1998", "]"]),
    ],
)
def test_a_footnotes_number_is_no_part_of_the_word_before(text: str, tokens: list[str]) -> None:
    # spaCy left "deliveries.[14" one token: the sentence ran on into the next, and the parser
    # hung the next speaker's report on the verb before
    words = [t.text for t in load_nlp()(text)]
    at = words.index(tokens[0])
    assert words[at : at + len(tokens)] == tokens, words


def test_a_single_backtick_is_still_its_own_token() -> None:
    assert [t.text for t in load_nlp()("the `so-called' reform")][:3] == ["the", "`", "so"]


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        ('"We are ready," said Air Force 1st Lt. Tomas Berg, who flies tankers.', "Lt.", "Berg"),
        ("Navy Capt. Erik Moen said the ship was safe.", "Capt.", "Moen"),
        ("Sens. Anna Larsen and Lise Amundsen asked for a vote.", "Sens.", "Larsen"),
        ("Asst. Secretary Tomas Berg said the talks would resume.", "Asst.", "Berg"),
    ],
)
def test_abbreviated_title_keeps_its_period_and_its_sentence(
    text: str, title: str, name: str
) -> None:
    # spaCy splits "Lt." into "Lt" and ".", and the parser may end a sentence there, cutting the
    # name from its verb
    nlp = load_nlp()
    doc = nlp(text)
    assert title in [t.text for t in doc]
    named = next(t for t in doc if t.text == name)
    assert named.sent.start == 0 and named.sent.end == len(doc)
    assert named.ent_type_ == "PERSON"


@pytest.mark.parametrize(
    ("text", "word", "starts"),
    [
        # the parser ended the sentence at "a.m.", cutting the clock time from its day
        (
            "The test was carried out at 10:35 a.m. local time (05:35 Moscow time) on Monday.",
            "local",
            False,
        ),
        ("The briefing ended at 4 p.m. sharp, the ministry said.", "sharp", False),
        # a capital after the abbreviation may open the next sentence
        ("They met at 9 a.m. The talks ended on Friday.", "The", True),
    ],
)
def test_a_clock_times_abbreviation_ends_no_sentence_before_a_lower_case_word(
    text: str, word: str, starts: bool
) -> None:
    doc = load_nlp()(text)
    assert bool(next(t for t in doc if t.text == word).is_sent_start) is starts


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Talks resume.\n\nSEOUL, Dec. 11 (Yonhap) -- The ministry said the talks resume.", "The"),
        ("Forecast cut.\n\nWASHINGTON (AP) \u2014 The bank said growth slowed.", "The"),
        ("Vote set.\n\nNew York (AFP) \u2013 Officials said the vote is on.", "Officials"),
        ("Vote set.\n\nPORTLAND - Officials said the vote is on.", "Officials"),
        # AP's city with its country or state
        (
            "Drills end.\n\nSEOUL, South Korea (AP) \u2014 Officials said the drills ended.",
            "Officials",
        ),
        ("Vote set.\n\nALBANY, N.Y. (AP) \u2014 Officials said the vote is on.", "Officials"),
    ],
)
def test_a_sentence_starts_after_a_wire_dateline(text: str, lead: str) -> None:
    # the parser took the dateline's place for the subject of the lead's verb ("WASHINGTON (AP)
    # -- The World Trade Organization announced ...": WASHINGTON announced)
    doc = load_nlp()(text)
    first = next(t for t in doc if t.text == lead)
    assert first.is_sent_start
    # ... and the lead's verb has its own subject, not the place
    said = next(t for t in doc[first.i :] if t.text == "said")
    assert not any(c.dep_ == "nsubj" and c.i < first.i for c in said.children)


@pytest.mark.parametrize(
    "text",
    [
        "Unions split.\n\nAFL-CIO leaders said the vote is on.",  # a hyphen inside a name
        "Unions split.\n\nTHE VOTE is on, officials said.",  # no dash: no dateline
    ],
)
def test_no_sentence_break_without_a_dateline(text: str) -> None:
    doc = load_nlp()(text)
    said = next(t for t in doc if t.text == "said")
    paragraph = doc.text.index("\n\n") + 2
    assert said.sent.start_char == paragraph


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # NER cuts the name at the hyphen ("Song Min") ...
        ("Foreign Minister Song Min-soon told reporters the talks would resume.", "Song Min-soon"),
        ("Vice Minister Chun Yung-woo told reporters the talks were useful.", "Chun Yung-woo"),
        # ... or after the family name ("Hyun") ...
        ("Fuel shipments, Hyun In-taek told lawmakers on Friday, will be delayed.", "Hyun In-taek"),
        # ... or misses a name of that shape with no title before it
        ("Jang In-soo said the talks would resume.", "Jang In-soo"),
        # ... or gives the whole name another label (a WORK_OF_ART after a quotation)
        ('"The door is still open," Moon Jae-in said.', "Moon Jae-in"),
        ('"We have nothing more to discuss," Song Min-soon said.', "Song Min-soon"),
        # ... or misses it after a title in title case
        ("Envoy Wi Sung-lac met his counterparts on Monday.", "Wi Sung-lac"),
        ("Envoy Hyun In-taek met his counterparts on Monday.", "Hyun In-taek"),
        # ... or runs the name before a comma on into it ("the North, Paik Hak" an ORG)
        (
            "One analyst who follows the North, Paik Hak-soon of the Sejong Institute, said the"
            " talks would resume.",
            "Paik Hak-soon",
        ),
    ],
)
def test_hyphenated_korean_given_name_is_part_of_the_person(text: str, name: str) -> None:
    doc = load_nlp()(text)
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == [name]


def test_words_hyphenated_to_a_name_stay_outside_it() -> None:
    text = "A Clinton-era rule, an Obama-style plan and the Kim-led state met in Seoul-based talks."
    doc = load_nlp()(text)
    assert not [e.text for e in doc.ents if "-" in e.text]


# ---- parsed Docs between processes ----------------------------------------------------------
_PACKED_TEXT = (
    "SEOUL, Dec. 11 (Yonhap) -- U.S. envoy Stephen Bosworth said Thursday that his talks in "
    "Pyongyang were “very useful,” and O’Malley’s aide didn’t comment.\n\n"
    '"We will consult our partners," Bosworth told reporters, adding that North Korea '
    "understood the need to return to the six-party talks. According to Yonhap, the envoy "
    "left for Tokyo on Friday."
)


def _token_rows(doc: Doc) -> list[tuple[object, ...]]:
    return [
        (
            t.idx,
            t.text_with_ws,
            t.norm_,
            t.tag_,
            t.pos_,
            str(t.morph),
            t.dep_,
            t.head.i,
            t.ent_iob_,
            t.ent_type_,
            t.ent_id_,
            t.is_sent_start,
            t.is_stop,
            t.like_num,
            t.is_punct,
        )
        for t in doc
    ]


@pytest.mark.parametrize("text", [_PACKED_TEXT, "", "Seoul.", "  \n\nNo entity here at all  "])
def test_a_packed_doc_unpacks_to_the_same_tokens_in_a_blank_vocabulary(text: str) -> None:
    # the flow's process reads Docs parsed in a worker over a vocabulary it made itself
    import pickle

    from tasks.nlp import pack_doc, parsed_texts, unpack_doc

    nlp = load_nlp()
    (doc,) = parsed_texts(nlp, [text], 1)
    packed = pickle.loads(pickle.dumps(pack_doc(doc)))  # as it crosses the process boundary
    blank = spacy.blank("en").vocab
    unpacked = unpack_doc(packed, blank)
    assert unpacked.vocab is blank
    assert unpacked.text == doc.text
    assert _token_rows(unpacked) == _token_rows(doc)
    assert [(e.start_char, e.end_char, e.label_) for e in unpacked.ents] == [
        (e.start_char, e.end_char, e.label_) for e in doc.ents
    ]
    assert [s.start for s in unpacked.sents] == [s.start for s in doc.sents]


def test_rows_read_from_an_unpacked_doc_are_the_rows_of_the_parsed_one() -> None:
    from datetime import UTC, datetime

    from tasks.enrich import _rows, worker_nlp
    from tasks.nlp import DEFAULT_MODEL, pack_doc, parsed_texts, unpack_doc
    from tests.test_storage import article

    nlp, aliases = worker_nlp(DEFAULT_MODEL, "nk_talks.yaml")
    record = article(0, datetime(2009, 12, 11, tzinfo=UTC), _PACKED_TEXT).article
    (doc,) = parsed_texts(nlp, [record.text], 1)
    there = _rows(record, doc, aliases)
    here = _rows(record, unpack_doc(pack_doc(doc), spacy.blank("en").vocab), aliases)
    assert there.quotes and there.dates and there.entities
    assert (here.quotes, here.dates, here.entities) == (there.quotes, there.dates, there.entities)


@pytest.mark.parametrize("text", [*SENTENCES, _PACKED_TEXT, '"Hi," he said.\n\n  x  '])
def test_token_at_is_the_token_char_span_expands_to(stock: Language, text: str) -> None:
    # token_at bisects the tokens' offsets instead of building a Span: the same token at every
    # offset, none on a trailing space, before the text or past its end
    from tasks.nlp import token_at

    doc = stock(text)
    for char in range(-2, len(text) + 3):
        span = doc.char_span(char, char + 1, alignment_mode="expand")
        expected = span[0].i if span is not None and len(span) else None
        token = token_at(doc, char)
        assert (token.i if token is not None else None) == expected, (text, char)


def test_a_name_after_a_persons_title_is_a_person_whatever_ner_labelled_it() -> None:
    # NER labels "Emiko Tanabe" an ORG after "Foreign Ministry spokeswoman"; the ministry stays one
    doc = load_nlp()(
        "Foreign Ministry spokeswoman Emiko Tanabe said Tokyo had asked Beijing for help."
    )
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Emiko Tanabe"] == "PERSON"
    assert labels["Foreign Ministry"] == "ORG"


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # NER labels the family name "Han" alone a NORP (the Han Chinese); with its romanised
        # given name after it, the two are a person's name
        (
            "Han Xuelin, director of Korean studies at a Shanghai institute, said the demands "
            "were a bargaining position.",
            "Han Xuelin",
            "PERSON",
        ),
        # ... or the given name alone a person ("Xuelin")
        ("Han Xuelin said the talks would resume.", "Han Xuelin", "PERSON"),
        # ... not a people's word before another ("the Han Chinese"), nor a body's name
        ("The Han Chinese majority said nothing.", "Han", "NORP"),
        ("Korean Air said the flights would resume on Monday.", "Korean Air", "ORG"),
    ],
)
def test_a_chinese_family_name_ner_labelled_alone_takes_its_given_name(
    text: str, name: str, label: str
) -> None:
    assert {e.text: e.label_ for e in load_nlp()(text).ents}[name] == label
