"""The quote harness' reading of a gold source (which last name it names, if any) and its
rewriting of a text in another quote-mark convention or with a dateline."""

from __future__ import annotations

import pytest

from bench.quotes_eval import (
    CONVENTIONS,
    SINGLE_CONVENTIONS,
    GoldQuote,
    _last_name,
    corpus_words,
    gold_people,
    in_convention,
    lower_case_words,
    name_genders,
    with_dateline,
)


@pytest.mark.parametrize(
    ("source", "last_name"),
    [
        ("Bernie Sanders", "sanders"),
        ("host Bill Maher", "maher"),
        ("Christie, New Jersey's sitting governor", "christie"),
        # a description, then the name beside it
        ("An attorney for Pagliano, Mark MacDougall,", "macdougall"),
        ("His former business partner at Lenox, Lawrence B. Cummings,", "cummings"),
        ("the owner, a Republican,", None),
        ("his wife, Jane,", None),
        # the place a person is from follows the name
        ("Sen. Tom Udall of New Mexico", "udall"),
        ("Rep. Jan Doe of Ohio's 5th district", "doe"),
        ("Mr. Morgan of the Sierra Club", "morgan"),
        ("John Smith of the University of Iowa", "smith"),
        # a title takes the "of": the name comes after it
        ("Secretary of State Hillary Clinton", "clinton"),
        ("Former Secretary of State Clinton", "clinton"),
        ("the University of Iowa's Tim Hagle", "hagle"),
        # a generational suffix is not the surname
        ("Charles Elliott Jr.", "elliott"),
        ("Joseph R. Murray II", "murray"),
        ("Pate IV", "pate"),
        # a Korean name puts the family name first
        ("Ban Ki-moon", "ban"),
        ("U.N. Secretary General Ban Ki-moon", "ban"),
        ("Debbie Wasserman-Schultz", "wasserman-schultz"),
        # a quantifier or determiner heads a group, not one person
        ("Many", None),
        ("Others", None),
        ("Most Millennials", None),
        ("Half of Vermont Democrats", None),
        ("he", None),
        # a pronoun in any case is no name, nor is a transcript's answer marker
        ("My", None),
        ("me", None),
        ("A", None),
        ("a new poll", None),
        # a party member is a description ("the Wisconsin Republican" is resolved like "he")
        ("the Wisconsin Republican", None),
        ("a Nevada Democrat", None),
        # the body a person is at, or of, is not the person
        ("Dan McLaughlin at the National Review", "mclaughlin"),
        ("Stu Rothenberg of the non-partisan Rothenberg-Gonzales Political Report", "rothenberg"),
        # a common noun heads the phrase: the name after its preposition is not the source
        ("advisers to Mr. Obama", None),
        ("lawyers for both Donald and Ivana Trump", None),
        ("the chair of the DNC", None),
        ("A spokeswoman for Hillary Clinton", None),
        ("Developers and supporters in Congress", None),
        # ... but an author is: "by" names who made the study
        ("A 2014 study by Loyola Law School professor Justin Levitt", "levitt"),
        # the apostrophe of a name is typed either way: one name
        ("James O\u2019Neill", "o'neill"),
        ("O'Neill", "o'neill"),
    ],
)
def test_last_name_of_a_gold_source(source: str, last_name: str | None) -> None:
    assert _last_name(source) == last_name


TEXT = (
    "Police say they have adequate resources. Authorities said the curfew would hold, and "
    "police added that officers were ready. Price said drug price rules would change, said "
    "Price. Officials at Homeland Security Investigations said the officials were concerned. "
    "Her fellow doctors agreed."
)


@pytest.mark.parametrize(
    ("source", "last_name"),
    [
        # capitalised only because it opens a sentence: the document writes it in lower case
        ("Police", None),
        ("Officials at Homeland Security Investigations", None),
        # a name its document also writes in lower case, but capitalises inside a sentence
        ("Price", "price"),
        # a word the document never writes in lower case
        ("Authorities", "authorities"),
        # a capitalised headline's words, each written in lower case elsewhere
        ("FELLOW DOCTORS", None),
    ],
)
def test_sentence_initial_common_noun_is_no_name(source: str, last_name: str | None) -> None:
    assert _last_name(source, lower_case_words(TEXT)) == last_name


@pytest.mark.parametrize(
    ("source", "people"),
    [
        ("Mr. Grassley and Mr. Leahy", {"grassley", "leahy"}),
        ("Democratic candidates Hillary Clinton and Bernie Sanders", {"clinton", "sanders"}),
        ("Jeb Bush and Hillary Clinton, among others", {"bush", "clinton"}),
        ("Bernie Sanders", {"sanders"}),
        # a common noun heads it: no one to score
        ("lawyers for both Donald and Ivana Trump", set()),
    ],
)
def test_source_joining_two_people_names_each(source: str, people: set[str]) -> None:
    quote = GoldQuote(start=100, end=150, source=source, source_start=80)
    assert gold_people(quote, [quote]) == people


def test_name_genders_from_first_names_and_honorifics() -> None:
    text = (
        "Anna Amundsen met Mr. Berg. Erik Halvorsen and Thomas Berg spoke. Mr. Larsen came "
        "too, as did Ms. Larsen."
    )
    genders = name_genders(text)
    assert genders["amundsen"] == "f"
    assert genders["berg"] == "m"
    assert genders["halvorsen"] == "m"
    assert "larsen" not in genders  # given both: no gender to go by


def test_gendered_pronoun_source_takes_the_nearest_source_of_its_gender() -> None:
    text = "Anna Amundsen said one thing. Thomas Berg said another. She added a third."
    amundsen = GoldQuote(start=20, end=29, source="Anna Amundsen", source_start=0)
    berg = GoldQuote(start=50, end=57, source="Thomas Berg", source_start=31)
    she = GoldQuote(start=70, end=77, source="She", source_start=60)
    golds = [amundsen, berg, she]
    assert gold_people(she, golds) == {"berg"}  # no genders given: the nearest name
    assert gold_people(she, golds, genders=name_genders(text)) == {"amundsen"}
    # an organisation is no antecedent of "she"
    post = GoldQuote(start=90, end=99, source="The Washington Post", source_start=80)
    she_later = GoldQuote(start=120, end=130, source="she", source_start=110)
    assert gold_people(she_later, [*golds, post], genders=name_genders(text)) == {"amundsen"}


def test_corpus_vocabulary_marks_sentence_initial_group_nouns() -> None:
    corpus = corpus_words(
        [
            "The critics were loud, and analysts agreed. See politico.com and @gop for more.",
            "Later, said Trump, the trump card was played. The Fight for Fairness rally began.",
        ]
    )
    assert {"critics", "analysts"} <= corpus
    # an address or a tag is no prose; a word some text capitalises inside a sentence is a name
    assert not {"politico", "gop", "trump", "fight"} & corpus
    text = "Critics say the plan fails. Tim Cook said so. Cook agreed."
    common = lower_case_words(text, corpus | {"cook"})
    assert _last_name("Critics", common) is None
    # capitalised after another capitalised word, as a surname is: still a name
    assert _last_name("Cook", common) == "cook"


@pytest.mark.parametrize("convention", sorted(CONVENTIONS))
def test_quote_marks_rewritten_in_a_convention_keep_the_gold_offsets(convention: str) -> None:
    text = (
        "Ms. Ruiz said: \u201cThe first part runs on.\n\n"
        "\u201cThe second part closes it, as the term \u2018final offer\u2019 does.\u201d\n\n"
        'Mr. Diaz called it "old-fashioned" and left.'
    )
    content = ["The first part", "final offer", "old-fashioned", "Mr. Diaz", "left."]
    new_text, moved = in_convention(text, convention)
    opening, closing = CONVENTIONS[convention]
    # three openers (one repeated at the second paragraph) and two closers
    if opening == closing:
        assert new_text.count(opening) == 5
    else:
        assert (new_text.count(opening), new_text.count(closing)) == (3, 2)
    assert "\u2018final offer\u2019" in new_text  # a nested single quote stays as written
    for words in content:
        start = text.index(words)
        assert new_text[moved(start) : moved(start + len(words))] == words
    # a span that starts at the opening mark keeps it: the rewritten mark starts there
    assert new_text[moved(text.index("\u201cThe first")) :].startswith(opening + "The first")


@pytest.mark.parametrize("convention", sorted(SINGLE_CONVENTIONS))
def test_single_mark_conventions_swap_the_families_and_type_apostrophes_alike(
    convention: str,
) -> None:
    text = (
        "Ms. Ruiz said: \u201cThe first part runs on, it's true.\n\n"
        "\u201cThe second part closes it, as the term \u2018final offer\u2019 does.\u201d\n\n"
        'Mr. Diaz called it "old-fashioned" and left the Ruizes\u2019 house.'
    )
    opening, closing, inner_opening, inner_closing = SINGLE_CONVENTIONS[convention]
    new_text, moved = in_convention(text, convention)
    assert new_text == (
        f"Ms. Ruiz said: {opening}The first part runs on, it{closing}s true.\n\n"
        f"{opening}The second part closes it, as the term {inner_opening}final offer"
        f"{inner_closing} does.{closing}\n\n"
        f"Mr. Diaz called it {opening}old-fashioned{closing} and left the Ruizes{closing} house."
    )
    for words in ("The first part", "final offer", "old-fashioned", "house."):
        start = text.index(words)
        assert new_text[moved(start) : moved(start + len(words))] == words


def test_dateline_goes_before_the_lead_and_offsets_follow() -> None:
    text = "Talks resume\n\nThe ministry said the talks resume.\n\nMore later."
    new_text, moved = with_dateline(text)
    assert new_text.startswith("Talks resume\n\nWASHINGTON (AP) \u2014 The ministry said")
    for words in ("Talks resume", "The ministry", "More later."):
        start = text.index(words)
        assert new_text[moved(start) : moved(start + len(words))] == words
