"""Cues and their subjects: which verb, noun or phrase of saying attributes a quote, and who its
subject is.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection
from dataclasses import dataclass
from itertools import islice, takewhile

from spacy.tokens import Doc, Span, Token

from tasks.nlp import (
    DASHES,
    FIRST_NAMES,
    crosses_quote,
    doc_text,
    opens_line,
    token_at,
    verb_forms,
)
from tasks.quotes.lexicon import (
    _ANONYMOUS,
    _AS_VERBS,
    _BACKSHIFT_MODALS,
    _BEFORE_WINDOW,
    _BULLET,
    _CIRCUMSTANCE,
    _CLOCK_LABEL,
    _COPULAS,
    _CUE_PREPS,
    _DASH_BYLINE,
    _DASH_BYLINE_BELOW,
    _DASH_LEAD,
    _DASH_SOURCE_BELOW,
    _HANDLE,
    _HEADLINE,
    _HEADLINE_MAX_WORDS,
    _HEADLINE_TOPIC,
    _HEARER,
    _HEARER_NOUNS,
    _HIGHLIGHTS_INTRO,
    _HONORIFIC_WORDS,
    _INVERTING,
    _LABEL,
    _MANGLED_SUBJECT_DEPS,
    _NAME_LEAD_LINE,
    _NAMING,
    _NOT_NAMES,
    _NOT_SPEAKER_ENTS,
    _OBJECT_CONTROL,
    _PERSON_ROLE,
    _PREP_CUES,
    _PUT,
    _RELAYING,
    _SAID_IN,
    _SENTENCE_END,
    _SPEAKER_ENTS,
    _TRAILING_CUE_WINDOW,
    COGNITION_VERBS,
    OBJECT_VERBS,
    SPEECH_VERBS,
    _person_word,
)
from tasks.quotes.marks import _CLOSING, _MARK
from tasks.quotes.syntax import (
    _absolute_clause,
    _after_label,
    _before_parentheses,
    _cannot_speak,
    _children,
    _dateline_apposition,
    _entity_of,
    _is_label,
    _long_sentence,
    _name_before_break,
    _per_token,
    _periodical,
    _question_put,
    _sent,
    _subordinated_subject,
    _tokens,
)

# verbs by which a report gives someone's words as theirs: "quoted X as saying", "cited X as"
_QUOTING = verb_forms("quote cite")


# verbs of a question put to someone, set off after their name ("Hill, asked about ..., said")
_PUT_TO = frozenset(["asked", "questioned", "pressed", "quizzed"])


def _put_to(verb: Token) -> Token | None:
    """The person a question was put to in "Hill, asked about the timing, said ...", which the
    parser reads as Hill asking (and "said" with no subject): `verb` is "asked", set off by a
    comma after the name, and a verb of saying follows the phrase's closing comma."""
    if verb.lower_ not in _PUT_TO or verb.i < 2:
        return None
    tokens = _tokens(verb.doc)
    if tokens[verb.i - 1].text != ",":
        return None
    # the name right before that comma (which the parser may hang on the name)
    name = next((c for c in _children(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if name is None or not name.i < verb.i - 1:
        return None
    last = name.right_edge.i
    while last > name.i and tokens[last].is_punct:
        last -= 1
    if last != verb.i - 2:
        return None
    end = verb.sent.end
    for k in range(verb.i + 1, end - 1):
        if tokens[k].text != ",":
            continue
        # ", said", ", had said", ", also told"
        for t in tokens[k + 1 : min(end, k + 4)]:
            if t.lower_ in SPEECH_VERBS:
                return name
            if t.pos_ not in ("AUX", "ADV", "PART"):
                break
    return None


def _asked_then_said(verb: Token) -> Token | None:
    """The speaker of a verb of saying with no subject after "Name, asked ...,": the name."""
    tokens = _tokens(verb.doc)
    for k in range(verb.i - 2, max(verb.sent.start, verb.i - 30) - 1, -1):
        if tokens[k].lower_ in _PUT_TO:
            return _put_to(tokens[k])
    return None


def _question_put_before_colon(verb: Token, lo: int) -> bool:
    """Whether a verb is the question put to the speaker that opens the sentence of a quote led
    in by a colon: "Asked about his critics, Hill was blunt: "..."" (the quote answers it)."""
    if verb.lower_ not in _PUT_TO or verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "csubj"):
        return False
    text = doc_text(verb.doc)
    return opens_line(text, verb.idx) and text[verb.idx : lo].rstrip(" \t\"“'‘`").endswith(":")


def _asked_when(verb: Token, lo: int) -> bool:
    """Whether a verb is a time clause ("when I asked whether ...") of a cue before it, right
    before the colon that leads in a quote at `lo`."""
    # (a question with an asker of its own: not "when asked about it", nor a time clause with
    # a cue of its own, "said as the heckler yelled: ...")
    if (
        verb.dep_ != "advcl"
        or verb.lower_ not in _PUT_TO
        or not any(c.dep_ == "nsubj" for c in _children(verb))
    ):
        return False
    # (the cue before it in the sentence: its head, or a clause beside it, as the parser hangs
    # both on the quote's verb: "As Hill put it, when I asked ...: "...")
    if not any(_is_cue(t) for t in _tokens(verb.doc)[_sent(verb).start : verb.left_edge.i]):
        return False
    if not any(c.dep_ in ("advmod", "mark") and c.lower_ == "when" for c in _children(verb)):
        return False
    text = doc_text(verb.doc)
    end = verb.right_edge.idx + len(verb.right_edge)
    return text[end:lo].strip(" \t\"“'‘`") == ":"


def _inverted_after_comma(verb: Token, room: int) -> bool:
    """Whether a verb that inverts ("said", "says") follows a comma, with `room` tokens after it."""
    tokens = _tokens(verb.doc)
    return (
        0 < verb.i < len(tokens) - room
        and tokens[verb.i - 1].text == ","
        and verb.lower_ in _INVERTING
    )


def _inverted_speaker(verb: Token) -> Token | None:
    """The speaker after a verb inverted after the clause it reports, which the parser made the
    subject of a clause of its own: "He had a voice in decisions, said a former spokesman for
    the ministry, Oleg Voloshyn, who also ran as a candidate" (spokesman the subject of "ran"'s
    clause, hung on "said" as what was said)."""
    if not _inverted_after_comma(verb, 0) or not any(
        c.dep_ == "ccomp" and c.i < verb.i for c in _children(verb)
    ):
        return None
    for clause in _children(verb):
        if clause.dep_ != "ccomp" or clause.left_edge.i != verb.i + 1:
            continue
        subject = next(
            (g for g in _children(clause) if g.dep_ == "nsubj" and g.left_edge.i == verb.i + 1),
            None,
        )
        if subject is not None and subject.pos_ == "NOUN" and _person_word(subject.text):
            return subject
    return None


def _inverted_aside(verb: Token) -> tuple[Token, int] | None:
    """(speaker, index of the comma that closes the aside) where an inverted verb of saying and
    its speaker, set off by commas, stand inside the sentence they report, which the parser
    read with the speaker as the subject of what follows: "Any clear reading of his acts, said
    Michael Kofman, an expert on Russia, would see a retreat" (Kofman the subject of "see"),
    "Every vote counts, said Lee Epstein, who teaches law, and the court knows it"."""
    if not _inverted_after_comma(verb, 2):
        return None
    tokens = _tokens(verb.doc)
    first = tokens[verb.i + 1]
    if first.ent_type_ == "PERSON":
        speaker = _entity_of(first).root
    elif first.pos_ == "DET" and first.head.pos_ == "NOUN" and _person_word(first.head.text):
        speaker = first.head  # "said a former official, who asked not to be named, ..."
    else:
        return None
    clause = speaker.head
    if (
        speaker.dep_ != "nsubj"
        or clause.dep_ not in ("ccomp", "conj")
        or clause.head != verb
        or clause.i < speaker.i
    ):
        return None
    # the aside is the name and what describes it, not a conjunct the parser hung on it ("...,
    # and the court knows it")
    joined = {t.i for c in _children(speaker) if c.dep_ in ("cc", "conj") for t in c.subtree}
    aside = [t for t in speaker.subtree if t.i not in joined]
    last = max(t.i for t in aside)
    if tokens[last].text != ",":
        last += 1
    if last >= clause.i or tokens[last].text != "," or tokens[speaker.i + 1].text != ",":
        return None  # not set off by commas ("..., said Kim Jong Un would ...")
    return speaker, last


def _name_taken_for_object(verb: Token) -> Token | None:
    """The name after a verb inverted at the end of what it reports, which the parser made the
    verb's object, or a sentence of its own, and the reported clause's subject the verb's:
    "North Korea 'ready to return' to talks, says China" (a headline's words in single marks)."""
    tokens = _tokens(verb.doc)
    if not _inverted_after_comma(verb, 1) or tokens[verb.i + 1].ent_type_ not in _SPEAKER_ENTS:
        return None
    name = _entity_of(tokens[verb.i + 1])
    root = name.root
    if not ((root.dep_ == "dobj" and root.head == verb) or root.dep_ == "ROOT"):
        return None
    after = tokens[name.end] if name.end < len(tokens) else None
    if after is not None and "\n" not in after.text and after.text not in _SENTENCE_END:
        return None  # "..., says China is ready": China is what is said
    return root


def _by_after_as(verb: Token) -> Token | None:
    """The agent of a passive verb of framing that the parser hung inside its "as" phrase ("was
    hailed as a "first step" by diplomats", "by" a child of "step")."""
    as_phrase = next((c for c in _children(verb) if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_phrase is None:
        return None
    for token in as_phrase.subtree:
        if token.lower_ == "by" and token.dep_ in ("prep", "agent"):
            return next((g for g in _children(token) if g.dep_ == "pobj"), None)
        if token.pos_ in ("VERB", "AUX"):
            return None  # a clause of its own ("as a deal made by ...")
    return None


def _opening_name(verb: Token) -> Token | None:
    """The person's name that opens the sentence of a verb of saying the parser left with no
    subject, right before it or set off before it by a description between commas ("Song
    Min-soon, South Korea's chief delegate, says ...": the parser broke the name at its hyphen
    and hung the pieces elsewhere)."""
    sent = _sent(verb)
    person = next((e for e in sent.ents if e.start == sent.start), None)
    if person is None or person.label_ != "PERSON" or person.end > verb.i:
        return None
    between = _tokens(verb.doc)[person.end : verb.i]
    if between and not (
        len(between) >= 3
        and between[0].text == ","
        and between[-1].text == ","
        and not any(t.pos_ in ("VERB", "AUX") or t.text == "," for t in between[1:-1])
    ):
        return None
    return person.root


def _speaker_hung_before(verb: Token, in_conjunct: bool = False) -> Token | None:
    """The person set off by commas right before a verb of saying with no subject, which the
    parser hung on the last noun of the clause before it as an appositive ("The ministry set up
    the fund to help flood victims, a spokeswoman, Kim Min-ji, said on Saturday, and ..."):
    the speaker, not more of what was said. Also where the phrase closes the sentence's report
    without a comma before the verb, which an organisation may end too ("North Korea will
    return to the talks if the U.N. lifts its sanctions, the North's official Korean Central
    News Agency (KCNA) said Tuesday"). With `in_conjunct`, also where the parser made the verb
    a conjunct of the clause the phrase hangs in (see reported._trailing_report)."""
    tokens = _tokens(verb.doc)
    closing = verb.i < 3 or tokens[verb.i - 1].text != ","
    end = verb.i - 1 if closing else verb.i - 2
    if end < 1:
        return None
    node, found, name = tokens[end], None, None
    # the outermost such phrase: "a spokeswoman, Kim Min-ji," hangs the name on the role
    while node.i != node.head.i and node.head.i != verb.i:
        if node.head.i > verb.i or node.left_edge.i == 0:
            return None
        first = node.left_edge
        if first.is_quote and first.i < node.i:
            first = tokens[first.i + 1]  # the closing mark the parser hung on the phrase
        before = tokens[first.i - 1]
        after_quote = before.is_quote and tokens[before.i - 1].text == ","
        if (
            # ... or whatever the parser made it, right after the closing mark of a quote that
            # ends in a comma ('"...," a source in the province, who declined to be named,
            # said': "source" the object of the quote's last verb)
            (node.dep_ == "appos" or after_quote)
            and node.head.i < first.i
            # set off by a comma, or by the closing mark of a quote ending in one
            and (before.text == "," or after_quote)
            and node.right_edge.i in (end, end + 1)
            and node.pos_ in ("NOUN", "PROPN")
        ):
            if (
                node.ent_type_ == "PERSON"
                or _person_word(node.lower_)
                or (closing and node.ent_type_ in ("ORG", "NORP", "GPE"))
            ):
                found = node
            elif node.pos_ == "PROPN" and name is None:
                name = node  # a name NER did not tag ("Bosworth said")
        node = node.head
    if node.dep_ == "advcl" and node.lower_ in _PUT_TO and node.i == node.sent.start:
        # ... inside the question put to the speaker that opens the sentence ("Asked by Sen.
        # Jim Webb whether he had met Kim Jong Il, Bosworth said no": "Bosworth" hung on "Il")
        return found or name
    if in_conjunct and verb.dep_ == "conj" and node.i == verb.head.i:
        # ... inside the clause the verb was made a conjunct of ("Japan will not take part in
        # the aid ..., Japan's chief negotiator Kenichiro Sasae said Saturday"): a person or a
        # body only, not any name ("of Chester, Mass., said")
        return found
    # ... inside the clause the verb reports (the parser swallowed the speaker into it)
    if node.head.i != verb.i or node.dep_ != "ccomp":
        return None
    return found or _anonymous_hung_before(verb, end)


def _named_after_quote(verb: Token) -> Token | None:
    """The name right after a quote's closing mark and its comma, set off with a title before a
    verb of saying the parser left without a subject ("'We have agreed,' Hyun Hak-bong, the
    delegation's deputy head, said as he left": the name made the object of "agreed", "said" a
    conjunct of it)."""
    tokens = _tokens(verb.doc)
    if verb.dep_ != "conj" or verb.i < 4 or tokens[verb.i - 1].text != ",":
        return None
    start = _sent(verb).start
    mark = next(
        (
            i
            for i in range(verb.i - 2, start, -1)
            if tokens[i].is_quote and tokens[i - 1].text == ","
        ),
        None,
    )
    if mark is None or tokens[mark + 1].ent_iob_ != "B" or tokens[mark + 1].ent_type_ != "PERSON":
        return None
    last = mark + 1
    while last + 1 < verb.i and tokens[last + 1].ent_iob_ == "I":
        last += 1
    # the name, then its title set off by commas, then the verb
    if tokens[last + 1].text != "," or any(tokens[i].is_quote for i in range(last + 1, verb.i)):
        return None
    return tokens[last]


def _anonymous_hung_before(verb: Token, end: int) -> Token | None:
    """The source set off before a verb of saying with its grant of anonymity, both swallowed
    by the clause the verb reports ("The talks will resume, a Chinese diplomat, speaking on
    condition of anonymity, said": "diplomat" hangs on "resume")."""
    tokens = _tokens(verb.doc)
    start = _sent(verb).start
    commas = [i for i in range(end, start - 1, -1) if tokens[i].text == ","]
    if len(commas) < 2 or tokens[commas[0] + 1].tag_ != "VBG":
        return None
    granting, phrase = tokens[commas[0] + 1 : end + 1], tokens[commas[1] + 1 : commas[0]]
    if not _ANONYMOUS.search(" ".join(t.text for t in granting)):
        return None
    return next((t for t in reversed(phrase) if t.pos_ == "NOUN" and _person_word(t.lower_)), None)


# a title of address with no name: "Mr. Secretary", "Mr. Chairman", "Madam Speaker", "Senator"
_VOCATIVE = re.compile(
    r"(?:(?:Mr|Madam|Madame|Mrs|Ms)\.?\s+)?(?:Secretary|Chairman|Chairwoman|President|Speaker|"
    r"Ambassador|Senator|Minister|Prime Minister|Vice President)"
)


def _vocative(subject: Token) -> bool:
    """Whether a subject is a title of address set off by its comma ("Mr. Secretary, the
    North Korean foreign ministry said ..."): whom the speaker speaks to, not the speaker."""
    doc = subject.doc
    if subject.i + 1 >= len(doc) or doc[subject.i + 1].text != ",":
        return False
    words = doc_text(doc)[subject.left_edge.idx : subject.idx + len(subject)]
    if _VOCATIVE.fullmatch(words) is not None:
        return True
    # ... or the first name a question turn opens with ("QUESTION: Sean, the ministry said
    # ...": the reporter addresses the spokesman)
    return (
        subject.left_edge.i == subject.i
        and subject.lower_ in FIRST_NAMES
        and subject.i > 0
        and doc[subject.i - 1].text == ":"
    )


# what shows someone speaking: "footage of Hillary Clinton asking, ...", "a video of Trump saying"
_RECORDINGS = frozenset(
    ["footage", "video", "videos", "clip", "clips", "recording", "recordings", "tape", "audio"]
)


def _shown_speaking(verb: Token) -> Token | None:
    """The person a recording shows speaking, right before its participle ("The ad uses footage
    of Hillary Clinton asking, ..."), which the parser hangs on the clause's verb."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("xcomp", "advcl", "acl") or verb.i == 0:
        return None
    person = _tokens(verb.doc)[verb.i - 1]
    of = person.head
    if (
        person.ent_type_ == "PERSON"
        and person.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.lower_ in _RECORDINGS
    ):
        return person
    if (
        person.ent_type_ == "PERSON"
        and person.dep_ == "dobj"
        and person.head.i == verb.head.i
        and person.head.lower_ in _WITNESSED
    ):
        # "He recalled Kim Kye-gwan telling him ... that ...": the one remembered speaking,
        # whom the parser made the object of the verb of memory
        return person
    return None


# verbs of remembering or witnessing someone speak ("recalled Kim telling him", "heard Hill say")
_WITNESSED = verb_forms("recall remember hear overhear see watch")


@_per_token
def _subject_of(verb: Token) -> Token | None:
    shown = _shown_speaking(verb)
    if shown is not None:
        return shown
    if _put_to(verb) is not None:
        return None  # "Hill, asked about ...": whoever asked is not named
    aside = _inverted_aside(verb)
    if aside is not None:
        return aside[0]  # "Any reading, said Kofman, an expert, would ...": not "reading"
    # the hyphen of a name is no subject of its own: the parser makes "-" of "Paik Hak-soon
    # said" one beside "Hak"
    subjects = [
        c
        for c in _children(verb)
        if c.dep_ in ("nsubj", "nsubjpass") and not (c.is_punct and c.ent_type_ == "PERSON")
    ]
    if (
        not subjects
        and verb.dep_ == "acl"
        and verb.tag_ in ("VBD", "VBN")
        and verb.head.dep_ == "ROOT"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and verb.head.i < verb.i
        and not any(c.dep_ in ("auxpass", "agent") for c in _children(verb))
    ):
        # "North Korea's New Year editorial called on Friday for an end to ...": the parser read
        # the verb as a clause on the noun and left the sentence no verb; the noun speaks
        return verb.head
    if not subjects and verb.lower_ in SPEECH_VERBS:
        asked = _asked_then_said(verb)
        if asked is not None:
            return asked
        # "The Asahi Shimbun daily reported ...": the paper's noun the tagger took for an adverb
        paper = next(
            (c for c in _children(verb) if c.dep_ == "advmod" and c.i < verb.i and _periodical(c)),
            None,
        )
        if paper is not None:
            return paper
        hung = _speaker_hung_before(verb)
        if hung is not None:
            return hung
        named = _named_after_quote(verb)
        if named is not None:
            return named
        opening = _opening_name(verb)
        if opening is not None:
            return opening
    if len(subjects) == 1 and _vocative(subjects[0]):
        # ... or of one, the speaker hung on it: "Mr. Secretary, the ministry said"
        spoke = next((c for c in _children(subjects[0]) if c.dep_ == "appos"), None)
        if spoke is not None:
            return spoke
    if len(subjects) > 1:
        # a transcript turn's label is no subject of a verb in its first sentence ("LIM: After
        # four years of talks, diplomats here say ..."): the parser may make it one
        tokens = _tokens(verb.doc)
        unlabelled = [
            c
            for c in subjects
            # ("LABOTT (on camera): ...": the tokenizer makes one token of the bracket and colon)
            if not c.right_edge.text.endswith(":")
            and (c.right_edge.i + 1 >= len(tokens) or tokens[c.right_edge.i + 1].text != ":")
        ]
        if len(unlabelled) == 1:
            return unlabelled[0]
        # the words a quote ends in are no subject of the verb after it: the subject between
        # the closing mark and the verb is ("... I hold in the highest esteem Sen. John
        # McCain," Trump said; "Happy Cinco de Mayo!," he tweeted)
        text = doc_text(verb.doc)
        last = subjects[-1]
        if _MARK.search(text[subjects[0].idx : last.idx]) and not _MARK.search(
            text[last.idx : verb.idx]
        ):
            return last
        if _vocative(subjects[0]):
            return subjects[1]
        if len(subjects) == 2 and subjects[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            # "the launch, which the North says put a satellite into orbit": the relative
            # pronoun is the subject of what is said, the noun after it says it
            return subjects[1]
        # "Vatican spokesman the Rev. Federico Lombardi told ...", parsed as two subjects: the
        # name is the speaker; of two names ("... from Rubio to, now, Cruz, Wilkin said") the
        # one next to the verb is, the other ends the clause reported
        people = [c for c in subjects if c.ent_type_ == "PERSON"]
        if people:
            ahead = [c for c in people if c.i < verb.i]
            return ahead[-1] if ahead else people[0]
        # "North Korea, Bosworth told reporters, had agreed ...": an attribution set off by
        # commas inside the sentence it reports, parsed with the sentence's subject as a second
        # subject of the verb; the subject right before the verb speaks (NER need not know it).
        # Not a list ("voters in Alabama, Georgia and Virginia said"): the set-off closes
        first, last = subjects[0], subjects[-1]
        after = tokens[verb.i + 1 : min(verb.i + 4, verb.sent.end)]
        if (
            first.right_edge.i < last.left_edge.i
            and last.i < verb.i
            and last.right_edge.i == verb.i - 1
            and tokens[last.left_edge.i - 1].text == ","
            and any(t.text == "," for t in after)
        ):
            return last
    if len(subjects) == 1 and subjects[0].i < verb.i:
        inverted = _name_taken_for_object(verb)
        if inverted is not None:
            return inverted
        # `"... last night, Mr. President," Representative Tomas Berg told him`: the parser made
        # the quote's last words the subject and the name after the closing mark their
        # appositive; the name outside the quote is the speaker
        text = doc_text(verb.doc)
        subj = subjects[0]
        outside = next(
            (
                c
                for c in _children(subj)
                if c.dep_ == "appos"
                and subj.i < c.i < verb.i
                and c.ent_type_ == "PERSON"
                and _MARK.search(text, subj.idx, c.idx)
            ),
            None,
        )
        if outside is not None:
            return outside
        # "... shifted from Rubio to, now, Cruz, Wilkin said": two names with only a comma
        # between them inside a sentence are no pair of subjects (a pair takes "and"), but the
        # end of the clause reported and the speaker; a headline's "Clinton, Sanders had ..."
        # opens its sentence and stays a pair
        beside = next(
            (c for c in _children(subj) if c.dep_ in ("conj", "appos") and c.i == verb.i - 1),
            None,
        )
        if (
            beside is not None
            and subj.ent_type_ == beside.ent_type_ == "PERSON"
            and subj.i > subj.sent.start
            and not any(c.dep_ == "cc" for c in _children(subj))
            and (
                verb.doc[subj.i - 1].is_punct
                # "To understand the real Dred Scott, Chief Justice Roberts said, ...": a titled
                # name set off by a comma before the verb is no appositive of the name before it
                or (beside.dep_ == "appos" and verb.doc[beside.left_edge.i - 1].text == ",")
            )
        ):
            return beside
    if len(subjects) == 1:
        titled = _titles_of_one(subjects[0])
        if titled is not None:
            return titled
    if subjects and subjects[0].dep_ == "nsubjpass":
        # "Rubio was asked by moderator Gerard Baker": the agent of a passive speaks
        agent = next(
            (
                g
                for c in _children(verb)
                if c.dep_ == "agent"
                for g in _children(c)
                if g.dep_ == "pobj"
            ),
            None,
        )
        word = verb.lower_
        if agent is None and word in _AS_VERBS:
            agent = _by_after_as(verb)
        if agent is not None and (
            word in SPEECH_VERBS or word in OBJECT_VERBS or word in _AS_VERBS
        ):
            # "was called "productive" by the Chinese hosts"; not "were angered by the deal and
            # predicted ...", whose subject is no cue's
            return agent
    for child in _children(verb):
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                # "Senator Dana Cole, who said ...": the person the clause is about; "McConnell,
                # now the Senate majority leader, who in 2010 said ...": the one so described
                head = verb.head
                if (
                    child.lower_ == "who"
                    and head.dep_ == "pobj"
                    # (a place, or a body one comes from: not "the rise of Sanders, who")
                    and (
                        head.ent_type_ in ("GPE", "LOC", "FAC")
                        or (head.ent_type_ == "ORG" and head.head.lower_ in ("from", "at"))
                    )
                    and head.head.lower_ in ("from", "of", "in", "at")
                    and head.head.head.pos_ == "NOUN"
                    and head.head.head.dep_ == "appos"
                ):
                    # "Mary Dolan, 58, a retired teacher from O'Fallon who said ...": no place
                    # is a "who", the person the place is said of is
                    head = head.head.head
                    if head.dep_ == "appos" and head.head.pos_ == "PROPN":
                        return head.head
                if (
                    head.dep_ == "appos"
                    and head.pos_ == "NOUN"
                    and head.head.pos_ == "PROPN"
                    and head.head.i == head.left_edge.i - 2  # "Name, description, who"
                ):
                    return head.head
                # "Trump is a candidate who has pledged ...", "... is a serial liar, ... and bully
                # who has pledged ...": the one the noun is said of
                described = head
                while described.dep_ == "conj":
                    described = described.head
                if (
                    child.lower_ == "who"  # "which" is said of no person
                    and head.pos_ in ("NOUN", "PROPN")
                    and not head.ent_type_  # "out-brutalizing Ted Cruz, who said"
                    and described.dep_ == "attr"
                    and described.head.lower_ in _COPULAS
                ):
                    named = _subject_of(described.head)
                    if named is not None and named.pos_ == "PROPN":
                        return named
                return head
            if child.pos_ == "ADP":
                # "Of Carson, Levine, who has given money to Rubio, said ...": the parser made
                # the fronted preposition the subject and the speaker its object
                fronted = next(
                    (g for g in _children(child) if g.dep_ == "pobj" and g.ent_type_ == "PERSON"),
                    None,
                )
                if fronted is not None:
                    return fronted
            return child
    for child in _children(verb):
        if child.dep_ == "agent":
            for g in _children(child):
                if g.dep_ == "pobj":
                    return g
    clause_subject = _subordinated_subject(verb)
    if clause_subject is not None:
        return clause_subject
    doc = verb.doc
    tokens = _tokens(doc)
    before = tokens[verb.i - 1] if verb.tag_ == "VBG" and verb.i > 0 else None
    if (
        before is not None
        and before.dep_ == "pobj"
        and before.head.lower_ == "with"
        and (before.ent_type_ == "PERSON" or (before.pos_ == "PROPN" and not before.ent_type_))
    ):
        return before  # "The conversation ended with Maddow asking Clinton whether ..."
    # "asked Clinton whether ...", "told Trump to ...": the object before a clause is the hearer
    hearer_only = verb.lower_ in _INVERTING and any(
        c.i > verb.i
        and (
            (verb.lower_ in _HEARER and c.dep_ in ("ccomp", "xcomp"))
            # "warned North Korea to refrain", "warned Trump that ...": an object before an
            # infinitive or a that-clause is warned, not warning; a clause with neither may be
            # what an inverted speaker said (`said Smith: "We will win"`)
            or (
                c.dep_ == "xcomp"
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in _children(c))
            )
            or (c.dep_ == "ccomp" and _marked_by(c, ("that",)))
        )
        for c in _children(verb)
    )
    # "said X" parsed with X as dobj/attr in inverted order; only verbs of saying without an
    # object of their own ("accusing the Chinese", "backing Jeb Bush" name the target)
    for child in _children(verb):
        if (
            verb.lower_ in _INVERTING
            and not hearer_only
            # (not a verb coordinated after a subject's first: "Kim backed the deal but warned
            # Roh against using it as ...", whom Kim warned)
            and verb.dep_ != "conj"
            and child.dep_ in ("dobj", "attr")
            and child.i > verb.i
            and (
                child.ent_type_ == "PERSON"
                or child.pos_ == "PROPN"
                # `Said one diplomat: "..."`: a person's role after a verb that opens the sentence
                or (child.pos_ == "NOUN" and verb.i == verb.sent.start and _person_word(child.text))
            )
            # not the first word of what a sign or a message says: `a sign saying "Jews Against
            # Trump"` (a mark opens between the verb and the word)
            and not crosses_quote(doc_text(doc), verb.idx, child.idx)
        ):
            return child
    if (
        verb.dep_ in ("advcl", "conj")
        and verb.tag_ == "VBG"
        and verb.left_edge.i > 1
        and "," in doc_text(verb.doc)[verb.doc[verb.left_edge.i - 2].idx : verb.left_edge.idx]
    ):
        # "Cruz warned the incident could foreshadow ..., remarking that ...", "told Newsmax that
        # Romney "had a crazy policy," adding, ...": a participle after a comma (or a quote
        # closed on one) the parser hung inside what was said belongs to whoever said it
        child = verb
        for anc in verb.ancestors:
            if child.dep_ == "ccomp" and anc.i < verb.i and _is_cue(anc, cognition=True):
                return _subject_of(anc)
            child = anc
    as_said = next(
        (g for c in verb.lefts if c.lower_ == "as" for g in _children(c) if g.dep_ == "pobj"), None
    )
    if (
        as_said is not None
        and _is_cue(verb)
        # not what it was done as: "As a part of his plea, Marcel Lazar, 44, said ..."
        and (as_said.pos_ == "PROPN" or as_said.ent_type_ or _person_word(as_said.text))
    ):
        return as_said  # "As Akhil Amar, a law professor, put it, ...": the name hung on "as"
    content = verb.head
    if (
        verb.dep_ == "conj"
        and (content.dep_ == "ccomp" or _that_adverbial(content))
        and (
            (
                content.lower_ not in SPEECH_VERBS
                and content.head.lower_ in SPEECH_VERBS
                and verb.lower_ in SPEECH_VERBS
                and any(c.dep_ == "ccomp" for c in _children(verb))
            )
            or (_is_cue(content.head) and _starts_attribution(verb))
        )
    ):
        # "He said his attacks have given his campaign momentum and said that Trump ...", "Rand
        # Paul said Rubio's plan would ... and called him ...": the parser hung the second verb
        # on what the first one reported; both are the speaker's. Not in what a report relays:
        # "KCNA reported that the ministry had welcomed the deal and pledged to implement it"
        # is the ministry's pledge
        relayed = _subject_of(content) if content.head.lower_ in _RELAYING else None
        if relayed is not None and relayed.pos_ in ("PROPN", "NOUN"):
            return relayed
        return _subject_of(content.head)
    if (
        verb.dep_ == "conj"
        and verb.head.i < verb.i
        and crosses_quote(doc_text(verb.doc), verb.head.idx, verb.idx)
    ):
        # `"Dr. Carson invited us to talk about his campaign" the paper's editor responded`: a
        # verb after the quote the parser joined to the quote's own verb does not share its
        # subject
        return None
    if verb.dep_ == "xcomp" and verb.head.lower_ in _OBJECT_CONTROL:
        # "forced Stumpf to admit that ...", "got him to concede that ...": the one made to
        # speak is the object, not whoever made him
        made = next((c for c in _children(verb.head) if c.dep_ == "dobj" and c.i < verb.i), None)
        if made is not None:
            return made
    if (
        verb.dep_ == "conj"
        and verb.tag_ in ("VBD", "VBZ")
        and verb.head.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in _children(verb.head))
    ):
        # "Trump went after Clinton for following Obama's refusal to use the term and called for
        # her to quit": a tensed verb cannot share an infinitive's "to"; the parser hung it on
        # one, and it goes on with the tensed verb above (whose subject speaks), not Obama
        finite = next((a for a in verb.head.ancestors if a.tag_ in ("VBD", "VBZ", "VBP")), None)
        if finite is not None:
            return _subject_of(finite)
    if verb.dep_ == "conj":
        dashed = _name_after_dash(verb)
        if dashed is not None:
            return dashed
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        beside = _participle_after_clause(verb)
        if beside is not None:
            return beside
        reporter = next(
            (
                c
                for c in _children(verb.head)
                if c.dep_ == "parataxis" and verb.i < c.i < verb.head.i and c.lower_ in SPEECH_VERBS
            ),
            None,
        )
        if reporter is not None:
            # "Emphasizing the urgency, Trump said, "If we do not get tough ... we are not going
            # to ...": the parser hung the participle on the quote's verb; the one who says it
            # emphasized it, not the quote's "we"
            return _subject_of(reporter)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_of(verb.head)
    head = verb.head
    # "Yellen is likely to stress ...", "he is willing to offer ...": the subject of the adjective
    if (
        verb.dep_ in ("xcomp", "advcl")
        and head.dep_ == "acomp"
        and head.head.pos_ in ("VERB", "AUX")
    ):
        return _subject_of(head.head)
    # "Mr. Khan has mounted a campaign to condemn ...", "Berlin's pledge to add ...": an
    # infinitive after a noun is the intent of its possessor or of whoever has the noun
    if verb.dep_ in ("acl", "relcl", "xcomp") and verb.tag_ == "VB" and head.pos_ == "NOUN":
        poss = next((c for c in _children(head) if c.dep_ == "poss"), None)
        if poss is not None:
            return poss
        if head.dep_ in ("dobj", "attr") and head.head.pos_ in ("VERB", "AUX"):
            return _subject_of(head.head)
    # "Clinton talked up her strategy, promising to ...": a participle after a comma, parsed as
    # modifying the object, belongs to the clause's subject
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and head.dep_ in ("dobj", "pobj")
        and "," in doc_text(verb.doc)[head.idx : verb.left_edge.idx]
    ):
        clause_verb = head.head.head if head.dep_ == "pobj" else head.head
        if clause_verb.pos_ in ("VERB", "AUX"):
            return _subject_of(clause_verb)
    # "launched his campaign by talking about ...", "in answering a question, Trump ...": a
    # gerund after a preposition shares the subject of the clause the preposition modifies
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.head.pos_ in ("VERB", "AUX"):
        obj = next((c for c in _children(head.head) if c.dep_ == "dobj"), None)
        if head.lower_ == "for" and obj is not None:
            return obj  # "praised Trump for speaking out": the one praised did the speaking
        if head.lower_ == "as" and obj is not None and head.head.lower_ in _QUOTING:
            return obj  # "KCNA quoted Kim Jong Il as saying ...": the one quoted said it
        if head.head.i != verb.i:
            return _subject_of(head.head)
    # "the super PAC backing Bush" is the PAC's; "put out a statement saying ...", "withdrew
    # notices seeking ..." is the stance of whoever issued the thing
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        agent_like = head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or bool(
            _PERSON_ROLE.search(head.text)
        )
        named_owner = next(
            (c for c in _children(head) if c.dep_ == "poss" and c.pos_ == "PROPN"), None
        )
        if (
            not agent_like
            and named_owner is not None
            and all(
                (t.head == head and t.dep_ in ("compound", "amod"))
                or (t.head == named_owner and t.dep_ == "case")
                for t in _tokens(verb.doc)[named_owner.i + 1 : head.i]
            )
        ):
            # "will follow Clinton's speech denouncing his policies": the speech's owner spoke,
            # not whoever the clause is about; the owner's noun follows the owner (the parser
            # gave "calling for Fiorina's firing and carrying signs saying ..." the signs)
            return named_owner
        if not agent_like and head.dep_ == "dobj" and head.head.pos_ == "VERB":
            return _subject_of(head.head) or head
        prep = head.head
        if not agent_like and head.dep_ == "pobj" and prep.head.pos_ == "VERB":
            # "comments Clinton made during a speech attacking Trump": whoever spoke
            return _subject_of(prep.head) or head
        return head
    return None


def _participle_after_clause(verb: Token) -> Token | None:
    """The person subject of the clause right before a participle after a comma, where both
    hang on a main clause whose subject is no person: "It was a show of unity, as Mrs. Clinton
    echoed the criticism, saying Mr. Trump ..." (Clinton says it, not "It")."""
    tokens = _tokens(verb.doc)
    if verb.i < 2 or tokens[verb.i - 1].text != ",":
        return None
    main_subject = next((c for c in _children(verb.head) if c.dep_ in ("nsubj", "expl")), None)
    if main_subject is None or main_subject.ent_type_ == "PERSON":
        return None
    if main_subject.pos_ != "PRON" and (
        main_subject.pos_ != "NOUN" or _person_word(main_subject.text)
    ):
        return None
    clause = next(
        (
            c
            for c in _children(verb.head)
            if c.dep_ == "advcl" and c.i < verb.i and c.right_edge.i == verb.i - 2
        ),
        None,
    )
    if clause is None:
        return None
    subject = next((c for c in _children(clause) if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.ent_type_ == "PERSON" else None


_DASH_SUBJECT_MAX = 20  # tokens from a dash to the verb: a name and an appositive or two
_CLAUSE_DASHES = frozenset(DASHES - {"-"})  # not a hyphen ("one-off", "Kye-gwan")


def _name_after_dash(verb: Token) -> Token | None:
    """The name that opens a clause after a dash, with only its appositive between it and the
    verb, where the parser joined the verb to the clause before the dash: "And it wasn't an
    accident — Brendan Buck, a spokesman for Ryan, told POLITICO that ..." (not "it")."""
    tokens = _tokens(verb.doc)
    start = _sent(verb).start
    for i in range(verb.i - 1, max(start, verb.i - _DASH_SUBJECT_MAX) - 1, -1):
        token = tokens[i]
        if token.text in _CLAUSE_DASHES:
            first = tokens[i + 1] if i + 1 < verb.i else None
            if first is None or first.ent_type_ != "PERSON" or first.ent_iob_ != "B":
                return None
            return _entity_of(first).root
        if token.pos_ in ("VERB", "AUX") or token.is_quote:
            return None  # a clause of its own, or a quote, between
    return None


def _reported_subject(name: Token, verb: Token) -> bool:
    """Whether a name right after a verb of saying with no subject is the subject of the clause
    the verb reports, not an inverted speaker: "..., said Mr. Trump was a candidate" (a speaker
    after the verb is set off: "said Mr. Slinker, a founder," or ends the sentence)."""
    clause = name.head
    return (
        name.dep_ in ("nsubj", "nsubjpass")
        and clause.dep_ == "ccomp"
        and clause.head == verb
        and clause.i > name.i
        and not _tokens(name.doc)[name.i + 1].is_punct
    )


def _last_break(tokens: Doc | list[Token], lo: int, hi: int) -> Token | None:
    """The last comma or quote mark among tokens[lo:hi]."""
    return next((t for t in reversed(tokens[lo:hi]) if t.text in (",", "“", "”", '"')), None)


def _state_of_city(tokens: Doc | list[Token], i: int) -> bool:
    """Whether tokens[i] is the state of a "City, State" pair ("Hollywood, Fla.")."""
    return (
        i >= 2
        and tokens[i].ent_type_ == "GPE"
        and tokens[i - 1].text == ","
        and tokens[i - 2].ent_type_ == "GPE"
    )


# what a proper noun before a colon may be that names no one: "... the file in January:"
_NOT_NAME_ENTS = frozenset(["DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"])
# verbs of telling whose passive subject is the one told ("reporters were told that ...")
_TOLD_PASSIVE = frozenset(["told", "informed", "assured", "briefed", "reminded", "advised"])


def _titles_of_one(subj: Token) -> Token | None:
    """The person named after two titles joined by "and" ("said lobbyist and GOP strategist
    Charlie Black"): a singular common noun with no determiner is no subject of its own, but a
    title of the name it is coordinated with."""
    if subj.tag_ != "NN" or any(c.dep_ in ("det", "poss", "nummod") for c in _children(subj)):
        return None
    if not any(c.dep_ == "cc" and c.lower_ == "and" for c in _children(subj)):
        return None
    conj = next((c for c in _children(subj) if c.dep_ == "conj"), None)
    if conj is None or conj.ent_type_ != "PERSON":
        return None
    # the second title stands before the name ("... strategist Charlie Black"), which a bare
    # name joined to a noun lacks ("Ru bio and Murphy", a typo)
    between = _tokens(subj.doc)[subj.i + 1 : conj.i]
    return conj if any(t.tag_ == "NN" and t.is_lower for t in between) else None


def _speaker_of(verb: Token, content: tuple[int, int] | None = None) -> Token | None:
    """The subject of a verb of saying, or the name the parser failed to attach to it.

    A mangled parse leaves the speaker as an adverb or a conjunct ("said Skelly" with Skelly an
    advmod; "Alarmed by the unrest in Nevada, Senator Harry Reid, the leader, said" with Reid a
    conjunct of Nevada): take the name right after an inverting verb, else the first person
    name of the sentence before the verb, outside the content ("Mr. Trump, asked about
    Mr. Putin, had said" is Trump's; the first name beat the nearest one on PolNeAR train).
    """
    if _question_put(verb):
        # "Trump was asked about his taxes", "Asked which county was his favorite, he ...": the
        # one asked did not ask; the asker is the agent ("asked by reporters"), or unnamed
        agent = next((c for c in _children(verb) if c.dep_ == "agent"), None)
        return next((c for c in _children(agent) if c.dep_ == "pobj"), None) if agent else None
    if _put_to(verb) is not None:
        return None  # "Abe, asked about the abductions, said ...": the one asked did not ask
    subj = _subject_of(verb)
    if (
        subj is not None
        and subj.dep_ == "nsubjpass"
        and subj.head.i == verb.i
        and verb.lower_ in _TOLD_PASSIVE
        and not any(c.dep_ == "agent" for c in _children(verb))
    ):
        return None  # "In 1994 the House was told that ...": the one told, by someone unnamed
    if subj is not None and _cannot_speak(subj):
        # a date or dateline the parser made the subject: the subject it hung on the dateline
        # ("SEOUL, Dec. 14 (PWS) -- Seoul-based analysts said", analysts an apposition of
        # SEOUL), else look for the name
        subj = _dateline_apposition(subj, verb)
    if subj is not None and _is_label(subj):
        subj = _after_label(subj)
    if subj is None or subj.is_punct or (subj.ent_type_ == "" and _opens_bullet(subj)):
        # "* Says the agreement is ...", where the parser may make the bullet's mark or the
        # verb before it ("* Declines to say ..., but says ...") the subject
        subj = _bullet_speaker(verb.doc, verb.idx) or subj
    if subj is not None or not (_starts_attribution(verb) or verb.lower_ in _PREP_CUES):
        return subj
    doc = verb.doc
    tokens = _tokens(doc)
    if verb.lower_ in _INVERTING:
        nxt = verb.i + 1
        # the parser may end the sentence at a doubled space ("said  Yaakov Amidror"); a
        # title may run to nine words before the name ("said Under Secretary for Terrorism and
        # Financial Intelligence Stuart Levey")
        bound = min(len(doc), verb.i + 12)
        while nxt < bound and tokens[nxt].is_space and "\n" not in tokens[nxt].text:
            nxt += 1
        first_name = nxt
        # a run of title words before the name, some in lower case ("said Oversight ranking
        # Democrat Elijah Cummings (D-Md.)"): the person's name that closes the run
        run_end = next(
            (t.i for t in tokens[nxt:bound] if t.is_punct or t.is_space or t.lower_ in _NOT_NAMES),
            bound,
        )
        closing = next(
            (
                t
                for t in reversed(tokens[nxt:run_end])
                if t.ent_type_ == "PERSON"
                or (t.is_title and t.i > nxt and tokens[t.i - 1].lower_ in FIRST_NAMES)
            ),
            None,
        )
        if (
            closing is not None
            and closing.i == run_end - 1
            and not _reported_subject(closing, verb)
        ):
            return closing
        while (
            nxt < bound
            and (tokens[nxt].pos_ == "PROPN" or tokens[nxt].is_title)
            and tokens[nxt].lower_ not in _NOT_NAMES
            and tokens[nxt].ent_type_ not in _NOT_SPEAKER_ENTS  # "said Monday that ..."
        ):
            nxt += 1
        if nxt > first_name and not _reported_subject(tokens[nxt - 1], verb):
            return tokens[nxt - 1]
        if verb.i > 0 and (
            tokens[verb.i - 1].is_quote
            or (
                tokens[verb.i - 1].text == ","
                and any(c.dep_ == "ccomp" and c.i < verb.i for c in _children(verb))
            )
        ):
            # '"How big is that wall?" asked the boy', "He had a voice in decisions, said a
            # former spokesman, Oleg Voloshyn": right after the quote or the clause reported the
            # verb is inverted, and the noun phrase the parser made its object is who said it
            obj = next(
                (c for c in _children(verb) if c.dep_ == "dobj" and c.left_edge.i == first_name),
                None,
            )
            if obj is not None and obj.pos_ == "NOUN" and not _cannot_speak(obj):
                return obj
        inverted = _inverted_speaker(verb)
        if inverted is not None:
            return inverted
    # "” Bozell answers.": a name the parser hung on the verb as a compound or modifier
    left = next(
        (
            c
            for c in verb.lefts
            if c.pos_ == "PROPN" and c.dep_ in _MANGLED_SUBJECT_DEPS and not _cannot_speak(c)
        ),
        None,
    )
    if left is not None:
        return left
    closer = _name_after_quote(verb)
    if closer is not None:
        return closer
    # "Rep. Paul Ryan (R-WI) said": the name right before the verb, past a parenthesis
    sent_start = _sent(verb).start
    back = _before_parentheses(tokens, verb.i - 1, sent_start)
    if back >= sent_start and tokens[back].ent_type_ == "PERSON":
        return tokens[back]
    # "In a message to Clinton, Tanden, head of the Center for American Progress, recounted":
    # the name before an appositive set off by commas right before the verb
    if back > sent_start and tokens[back].text == ",":
        comma = _last_break(tokens, sent_start, back)
        if comma is not None and comma.text == "," and _state_of_city(tokens, comma.i - 1):
            # "Jeffrey Salkin, a Hollywood, Fla., rabbi ..., said": the commas of a place's
            # "City, State" in the description (AP style) set off no name; the name is before it
            city = tokens[comma.i - 3]
            while city.i > sent_start and city.ent_iob_ == "I":
                city = tokens[city.i - 1]
            comma = _last_break(tokens, sent_start, city.i)
        name = tokens[comma.i - 1] if comma is not None and comma.text == "," else None
        # an age set off by commas is given only for a person ("Ramos, 58, told AFP"), whatever
        # label NER put on the name before it
        aged = comma is not None and back - comma.i == 2 and tokens[comma.i + 1].like_num
        if (
            name is not None
            and name.i >= sent_start
            and name.pos_ == "PROPN"
            and name.is_title
            and not _cannot_speak(name)
            and (aged or name.ent_type_ not in ("ORG", "NORP"))
        ):
            return name
    broken = _name_before_break(verb)
    if broken is not None:
        return broken
    lo, hi = content if content is not None else (-1, -1)
    # "..., Democratic nominee Hillary Clinton apparently disagrees with ...", the name hung on
    # a noun before it: a name right before the verb (past adverbs and auxiliaries) is its subject
    adjacent = verb.i - 1
    while adjacent > sent_start and (
        tokens[adjacent].tag_ in ("RB", "MD") or tokens[adjacent].dep_ in ("aux", "neg")
    ):
        adjacent -= 1
    if (
        adjacent > sent_start
        and tokens[adjacent].text == ","
        and tokens[adjacent - 1].ent_type_ == "PERSON"
        and tokens[adjacent - 1].dep_ == "appos"
    ):
        # "his lawyer, Ann Ruiz, calmly insisted": a name set off as the appositive of a
        # description right before the verb, which the parser hung on an earlier noun
        adjacent -= 1
    if (
        adjacent >= sent_start
        and tokens[adjacent].ent_type_ == "PERSON"
        and not lo <= tokens[adjacent].idx < hi
    ):
        return tokens[adjacent]
    for t in tokens[sent_start : verb.i]:
        if t.ent_type_ == "PERSON" and not lo <= t.idx < hi:
            end = t  # to the last token of the name
            while end.i + 1 < verb.i and tokens[end.i + 1].ent_iob_ == "I":
                end = tokens[end.i + 1]
            return end
    return None


@_per_token
def _name_after_quote(verb: Token) -> Token | None:
    """The person named right after a quote's closing mark, set off by a comma before the verb
    after it: `''...,'' Mr. Varga, now 79 and retired in Trenton, N.J., said` (the parser hangs
    the verb on the quote's own verb and the name elsewhere; the last name before the verb is a
    place of the description)."""
    tokens = _tokens(verb.doc)
    start = _sent(verb).start
    mark = next((t for t in reversed(tokens[start : verb.i]) if t.is_quote), None)
    if mark is None:
        return None
    n = mark.i + 1
    while n < verb.i and (tokens[n].is_punct or tokens[n].is_space):
        n += 1
    while n < verb.i and tokens[n].lower_ in _HONORIFIC_WORDS:
        n += 1
    if n >= verb.i or tokens[n].ent_type_ != "PERSON" or tokens[n].ent_iob_ != "B":
        return None
    end = n
    while end + 1 < verb.i and tokens[end + 1].ent_iob_ == "I":
        end += 1
    if end + 1 >= verb.i or tokens[end + 1].text != ",":
        return None  # '"...," Ann Lee said': the parse has it
    return tokens[end]


def _according_to(tokens: list[Token]) -> tuple[Token, Token] | None:
    for t in tokens:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            to = t.doc[t.i + 1]
            for child in _children(to):
                if child.dep_ == "pobj":
                    return t, child
            source = _source_after(to)
            if source is not None:
                return t, source
    return None


def _source_after(to: Token) -> Token | None:
    """The last noun of the noun phrase right after "according to" that the parser left without
    an object ("..., according to the U.S.D.A.\n\n": an abbreviation's period before a paragraph
    break may make "the" a punctuation mark and the name its dependent)."""
    tokens = _tokens(to.doc)
    last = None
    for token in tokens[to.i + 1 : to.i + 7]:
        if token.is_space or token.is_punct:
            break
        if token.pos_ in ("PROPN", "NOUN") or (
            # "according to show insiders": a noun the tagger read as an infinitive after "to"
            token.i == to.i + 1
            and token.tag_ == "VB"
            and token.i + 1 < len(tokens)
            and tokens[token.i + 1].pos_ in ("PROPN", "NOUN")
        ):
            last = token
        elif last is not None or token.lower_ not in ("the", "a", "an"):
            break
    return last


@dataclass(slots=True)
class _Attribution:
    cue: Token | None
    cue_end: int | None
    subject: Token | None
    cue_start: int | None = None  # where the cue starts inside its token, when not at its start


# what "show" after a comma reports from: "..., records show."
_SHOWING_NOUNS = frozenset(
    [
        "records",
        "documents",
        "data",
        "figures",
        "filings",
        "statistics",
        "numbers",
        "tallies",
        "results",
        "papers",
    ]
)
_SENTENCE_STOPS = frozenset([".", "!", "?"])
# the longest source phrase before a closing "show" ("campaign and corporate records"), tokens
_SOURCE_PHRASE_MAX = 6


def _mistagged_verb(token: Token) -> bool:
    """`Audit files show that ...`, `One in five say that ...`: a word the tagger took for a noun
    that the parser makes a clause head with a subject is a verb."""
    return (
        token.pos_ in ("NOUN", "PROPN")
        and token.dep_ in ("ROOT", "ccomp", "conj", "advcl")
        and any(c.dep_ == "nsubj" for c in _children(token))
    )


# verbs that report a retort with "back" ("Hillary shot back, "..."", "Rubio fired back")
_RETORT_WORDS = (
    "fire fired fires firing shoot shot shoots shooting hit hits hitting strike struck strikes "
    "striking snap snapped snaps snapping"
)
_RETORT_VERBS = frozenset(_RETORT_WORDS.split())


_FINITE_TAGS = frozenset(["VBD", "VBZ", "VBP", "MD"])


def _finite(clause: Token) -> bool:
    """Whether a clause has a tensed verb, as a proposition does ("insists he will win"), not a
    small clause ("does not make everyone happy", "make their voice known", "let him go")."""
    return clause.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in _children(clause)
    )


# "went on:", "goes on:": a verb that leads into the quote after its colon
_GO_ON = frozenset(["went", "goes", "go"])


def _is_cue(token: Token, cognition: bool = False) -> bool:
    word = token.lower_
    if (
        token.pos_ not in ("VERB", "AUX")
        and not (token.tag_.startswith("VB"))
        and not _mistagged_verb(token)
    ):
        return False
    if word in _PUT:
        # "As Akhil Amar put it, ...": the idiom of saying
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in _children(token))
    if word in _RETORT_VERBS:
        # "shot back", "fired back", "hit back": a retort
        return any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in _children(token))
    if word in _GO_ON:
        # "..., he said, and went on:" (the quote follows), not "the talks went on for hours"
        tokens = _tokens(token.doc)
        return any(
            c.lower_ == "on"
            and c.dep_ in ("prt", "advmod", "prep")
            and c.i + 1 < len(tokens)
            and tokens[c.i + 1].text == ":"
            for c in _children(token)
        )
    return word in SPEECH_VERBS or (cognition and word in COGNITION_VERBS)


def _names_it(verb: Token) -> bool:
    """Whether a verb names its object with words of its own ("called it "sincere"", "labeled
    him a liar"): a verb of naming with an object and what it is named, both after it."""
    return (
        verb.lower_ in _NAMING
        and verb.pos_ == "VERB"
        and any(c.dep_ == "oprd" and c.i > verb.i for c in _children(verb))
        and any(c.dep_ == "dobj" and c.i > verb.i for c in _children(verb))
    )


def _starts_attribution(verb: Token) -> bool:
    """Whether a verb inside a reported clause reports a stance of its own ("says she will not
    vote for him and considers him a racist", "rejected the notion, saying that ...")."""
    word = verb.lower_
    return (
        verb.pos_ == "VERB"
        and (_is_cue(verb, cognition=True) or word in OBJECT_VERBS or word in _AS_VERBS)
        # "told AFP that China was "very concerned" and had urged restraint": a verb in the
        # tense of reported speech (a past perfect, a "would") goes on with what was reported
        and not (
            verb.dep_ == "conj"
            and any(
                c.dep_ == "aux" and (c.lower_ in ("had", "'d") or c.lower_ in _BACKSHIFT_MODALS)
                for c in _children(verb)
            )
        )
    )


# "before explaining", "after saying": a participle of saying after one of these reports a
# second statement, not part of the first ("by saying" is too often the manner of what was said:
# "they should respond by suggesting ...")
_SEQUENCE_PREPS = frozenset(["before", "after"])
# "while another says ...", "after the AP reported ...": the mark of an adverbial clause with a
# speaker of its own that is reported beside, not inside, the clause before it
_CONTRAST_MARKS = frozenset(["while", "whereas", "after", "when", "though", "although"])


# What sets a relative clause off from its noun: "Clinton's emails, which he said ..."
_SET_OFF = DASHES | frozenset([",", "(", ";"])


_ENDS_REPORT_DEPS = frozenset(["conj", "relcl", "advcl", "acl", "prep", "appos"])
# nouns that sum up what was said, set off after it ("..., a statement Hill called "not
# helpful"", "... — a claim the ministry denied")
_SUMMARY_WORDS = (
    "statement remark remarks comment comments claim assertion charge accusation threat warning"
    " stance position demand assessment"
)
_SUMMARY_NOUNS = frozenset(_SUMMARY_WORDS.split())


# dependents that make a noun phrase or a modifier of one: a clause under them is part of it
_PHRASE_DEPS = frozenset(["nsubj", "nsubjpass", "dobj", "pobj", "acl", "relcl", "appos", "amod"])


def _ends_report(token: Token, comp: Token) -> bool:
    """Whether a clause inside a reported clause is not part of the report: an attribution of its
    own: "says he will not vote for him and considers him a racist", "a path to nomination,
    which he declared "a total disaster"", "warned of a battle, saying ..."."""
    if token.dep_ not in _ENDS_REPORT_DEPS:
        return False  # the cheap test first: every branch below wants one of these
    before = token.left_edge.i - 1
    while before > 0 and token.doc[before].is_quote:
        before -= 1  # a comma inside the closing mark: could be “messy,” adding, ...
    after_comma = before >= 0 and token.doc[before].text == ","
    own_subject = _own_subject(token)
    if token.dep_ == "conj" and token.head == comp:
        if token.tag_ == "VB" and not own_subject:
            # "vowed to cut taxes and demand a vote", "said he would veto it and ask ...": a bare
            # verb shares the modal or "to" of what was said, and goes on with it (PolNeAR
            # train: 16 of the 22 cut were part of the content)
            return False
        if not own_subject and token.tag_ in ("VBD", "VBZ") and not _finite(comp):
            # "vowed to protect the pension fund and toured the plant", "proposed that more
            # inspectors be sent to the port, and pushed to fund it": a tensed verb cannot go on
            # with an infinitive or a subjunctive; it is the speaker's next act (PolNeAR train:
            # a gold content ends there in the 3 contents it cuts)
            return True
        # "said he made requests but that those requests were denied": a coordinated clause with
        # a subject of its own goes on with what was said, unless it reports a clause of its own
        # ("and she expects the council to ...") or its subject is a name ("and Trump says ...");
        # on PolNeAR train 11 of the 12 such clauses cut were part of the content
        if (
            token.lower_ in _PREP_CUES
            and token.i > comp.i
            and any(
                c.dep_ == "nsubj" and c.lower_ in ("he", "she", "they") for c in _children(token)
            )
            and any(c.dep_ == "prep" and c.lower_ in _CUE_PREPS for c in _children(token))
            # not "... and that she had spoken about ...": a second part of what was said
            and not _marked_by(token, ("that",))
        ):
            # "said the real extremist is Clinton, and he railed against the moderators": the
            # speaker's next attribution, by its pronoun, of a verb with what it is about
            return True
        return _starts_attribution(token) and (
            not own_subject
            or _own_report(token)
            or any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN" for c in _children(token))
        )
    if token.dep_ == "appos":
        # "said the North would "never" give up its deterrent — a statement Hill called "not
        # helpful"": a noun set off after what was said that sums it up, with another's view
        # of it in a clause of its own subject, is the writer's, not the speaker's
        return (
            before >= 0
            and token.doc[before].text in _SET_OFF
            and token.lower_ in _SUMMARY_NOUNS
            # (not a name for the noun before it: "adopted a document, the chairman's
            # statement, in which they fixed ...")
            and not any(c.dep_ == "poss" for c in _children(token))
            and any(c.dep_ in ("acl", "relcl") and _own_subject(c) for c in _children(token))
        )
    if token.dep_ == "relcl":
        # "blamed Adler, who has argued that ...": a relative clause set off from its noun is a
        # report of its own; one that is not ("the scene she described", "the arguments that
        # they believe worked") belongs to the noun, inside what was said (PolNeAR train: 21 of
        # 29 set-off relative clauses cut end the content, 3 of 54 others). So does one of a
        # stance ("..., who likewise opposes the tolls", "..., whom she denounced as a spender"),
        # not a passive one ("..., which is expected to draw a crowd"): of the 32 it cuts on PolNeAR
        # train, 18 of the 25 a gold content overlaps end it (F1 +0.0001, dev +0.0003)
        if before < 0 or token.doc[before].text not in _SET_OFF:
            return False
        return (
            _is_cue(token, cognition=True)
            and (any(c.dep_ == "ccomp" for c in _children(token)) or own_subject)
        ) or (
            token.pos_ == "VERB"
            and token.lower_ in OBJECT_VERBS
            and not any(c.dep_ in ("auxpass", "nsubjpass") for c in _children(token))
        )
    if token.dep_ in ("advcl", "acl") and token.tag_ == "VBG" and after_comma:
        # "rejected the notion that ..., saying that ...": the parser hangs the participle on the
        # object noun as often as on the verb
        return _is_cue(token, cognition=True) or token.lower_ in _PREP_CUES
    if token.dep_ == "prep" and token.lower_ in _SEQUENCE_PREPS:
        # "called her son her hero before explaining why she forgave him": a second report
        return any(
            c.dep_ == "pcomp"
            and c.tag_ == "VBG"
            and (_is_cue(c, cognition=True) or c.lower_ in _PREP_CUES)
            for c in _children(token)
        )
    if token.dep_ == "advcl" and own_subject and token.i > token.head.i:
        # "accuses Sanders of ... while Sanders suggests ...", "... after a woman told him ...": a
        # clause of its own speaker set after the report; a fronted one ("while polls showed X,
        # it was ...") is part of what was said, and so is a passive one inside a noun phrase of
        # it, which no one says ("the reforms needed after border security was addressed did
        # not amount to amnesty"; not "... shut down after the Associated Press reports ...")
        return (
            _starts_attribution(token)
            and _marked_by(token, _CONTRAST_MARKS)
            and not (
                any(c.dep_ in ("nsubjpass", "auxpass") for c in _children(token))
                and _inside_phrase(token, comp)
            )
        )
    return False


def _inside_phrase(token: Token, comp: Token) -> bool:
    """Whether `token` hangs inside a noun phrase or a modifier within the clause of `comp`."""
    head = token.head
    while head.i != comp.i and head.head.i != head.i:
        if head.dep_ in _PHRASE_DEPS:
            return True
        head = head.head
    return False


def _own_report(clause: Token) -> bool:
    """Whether a clause is a report of its own: a verb of saying or thinking with its own
    subject and its own clause ("26 percent say they are not paying attention")."""
    return (
        _is_cue(clause, cognition=True)
        and _own_subject(clause)
        and any(c.dep_ == "ccomp" for c in _children(clause))
    )


# marks that end a clause the parser hangs on the verb of saying after them
_CLAUSE_BREAKS = DASHES | frozenset([";"])


def _lead_in(clause: Token, verb: Token) -> bool:
    """Whether a clause before a verb of saying ends at a colon before it: a sentence leading in
    to the report ("... set off another round of fireworks on Friday: Republicans said they're
    convinced ..."), which the parser makes the verb's complement; content before its verb ends
    at a comma. A dash or semicolon right after the clause ends it too ("The vote was close --
    a council aide said the mayor had lobbied for it")."""
    doc = verb.doc
    after = clause.right_edge.i + 1
    # the parser may hang the dash on the clause, as its last token
    if any(doc[i].text in _CLAUSE_BREAKS for i in (after - 1, after) if i < verb.i):
        return True
    return any(doc[i].text == ":" for i in range(after, verb.i))


def _as_clause(token: Token) -> bool:
    """Whether a clause the parser hung on a verb opens with "as" and has no subject of its own
    ("as most unfair"; "as he accepted the nomination" is when)."""
    return (
        token.dep_ in ("advcl", "acomp")
        and token.left_edge.lower_ == "as"
        and not _own_subject(token)
    )


def _seen_as(verb: Token, obj: Token) -> bool:
    """Whether "as" follows the object of a verb of viewing: on the verb ("see X as Y"), on the
    object, where the parser hangs it too ("see immigrants as an economic burden"), or opening
    a clause on the verb ("see the campaign of Donald Trump as most unfair")."""
    return any(
        c.i > obj.i and ((c.dep_ == "prep" and c.lower_ == "as") or _as_clause(c))
        for c in _children(verb)
    ) or any(c.dep_ == "prep" and c.lower_ == "as" for c in _children(obj))


def _own_subject(clause: Token) -> bool:
    """Whether a verb has a subject of its own (not the "who"/"which" of a relative clause)."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WP", "WDT") for c in _children(clause)
    )


def _that_after_comma(clause: Token) -> Token | None:
    """The "that" opening a clause right after a comma, when the parser hung a phrase set off
    before it on the clause ("said, speaking on condition of anonymity, that ..."): where what
    was said begins."""
    doc = clause.doc
    return next(
        (
            c
            for c in _children(clause)
            if c.lower_ == "that"
            and c.dep_ in ("mark", "advmod")
            and clause.left_edge.i < c.i < clause.i
            and doc[c.i - 1].text == ","
        ),
        None,
    )


def _that_adverbial(clause: Token) -> bool:
    """Whether a clause the parser took for an adverbial one opens with "that" and has a subject
    of its own: a that-clause after a phrase between it and its verb ("tweeted in the early
    morning hours that Machado was ..."), what was said; the parser may hang the comma before
    "that" on it ("reminded me, with some irritation, that his government had ...")."""
    first = clause.left_edge
    if first.is_punct and first.i < clause.i:
        first = first.nbor()
    if first.lower_ != "that":
        # "told reporters, after a meeting with his counterpart, that the talks ...": the
        # parser hung the phrase set off before "that" on the clause
        first = _that_after_comma(clause) or first
    return (
        clause.dep_ == "advcl"
        and first.lower_ == "that"
        and first.dep_ in ("advmod", "mark")
        and first.head == clause
        and _own_subject(clause)
    )


def _said_across_aside(aside: Token, verb: Token) -> Token | None:
    """The that-clause after an adverbial clause set off between a verb of saying and it ("He
    said, after Obama spoke with Lee, that the talks would resume"), which the parser hangs on
    the aside's verb: what the verb of saying reports."""
    if not (
        aside.dep_ == "advcl"
        and aside.head == verb
        and aside.i > verb.i
        and verb.lower_ in SPEECH_VERBS
        and aside.doc[aside.left_edge.i - 1].text == ","
    ):
        return None
    return next(
        (
            c
            for c in _children(aside)
            if c.dep_ == "ccomp"
            and c.left_edge.lower_ == "that"
            and aside.doc[c.left_edge.i - 1].text == ","
        ),
        None,
    )


def _clause_in_adjunct(verb: Token) -> list[Token]:
    """The that-clause the parser hung on the noun of a phrase after a verb of saying ("said in
    one of a series of Twitter messages that the truck was carrying arms": "messages that the
    truck ..." read as a relative clause), as a one-element list; a true relative clause has no
    subject of its own ("the messages that followed")."""
    for prep in _children(verb):
        aside = _said_across_aside(prep, verb)
        if aside is not None:
            return [aside]
        if _quoting_aside(prep, verb):
            # "reported, quoting a government official, that the North ...": the parser hangs
            # the clause on the participle, whose object is whom the reporter quotes
            clause = next(
                (g for g in _children(prep) if g.dep_ == "ccomp" and _marked_by(g, ("that",))),
                None,
            )
            if clause is not None:
                return [clause]
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for t in prep.subtree:
            if (
                # "said after meeting his counterpart that ...": the parser may make the clause
                # the complement of a noun that can hold none, a person's (not "allegations
                # that", "examples that": what those say)
                (t.dep_ == "relcl" or (t.dep_ == "acl" and _hearer(t.head)))
                and t.head.lower_ not in ("event", "case")  # "in the event that": a condition
                and (_marked_by(t, ("that",)) or _that_as_object(t))
                and _own_subject(t)
                and _nominal_path(t.head, prep)
            ):
                return [t]
    return []


def _source_participle(child: Token) -> bool:
    """ "citing a military official", "quoting an unnamed source" after a closing attribution:
    what the reporter did, not more of what was said."""
    return child.dep_ in ("advcl", "xcomp") and child.tag_ == "VBG" and child.lower_ in _QUOTING


def _quoting_aside(token: Token, verb: Token) -> bool:
    """Whether `token` is a participle of quoting or citing set off after the verb of saying
    it modifies ("reported, quoting a government official, ...")."""
    return (
        _source_participle(token)
        and token.dep_ == "advcl"
        and token.head == verb
        and token.i > verb.i
    )


def _that_as_object(clause: Token) -> bool:
    """Whether a clause on a noun of where or in what a thing was said opens with a "that" the
    parser made an object inside it ("said in a commentary that Washington was to blame": "that"
    the object of "blame"); on other nouns it is a relative pronoun ("procedures that they might
    not need", "a district that Rubio won")."""
    first = clause.left_edge
    return (
        clause.head.lower_ in _SAID_IN
        and first.lower_ == "that"
        and first.dep_ in ("dobj", "pobj")
        and first.i < clause.i
    )


def _bare_gerund(verb: Token) -> bool:
    """A gerund with no subject of its own, no verb of saying or thinking ("after meeting his
    counterpart"): it reports nothing, so a clause past it is not its own."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "pcomp"
        and verb.lower_ not in SPEECH_VERBS
        and not _is_cue(verb, cognition=True)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in _children(verb))
    )


def _nominal_path(token: Token, top: Token) -> bool:
    """Whether a token hangs on `top` through nouns and prepositions only, no verb between
    ("tweeted after Clinton argued ... that": the clause is Clinton's) but a bare gerund."""
    while token.i != top.i:
        if token.head.i == token.i:
            return False
        if token.pos_ in ("VERB", "AUX") and not _bare_gerund(token):
            return False
        token = token.head
    return True


def _marked_by(clause: Token, marks: Collection[str]) -> bool:
    """Whether a clause opens with one of these marks ("while", "if", "as", ...)."""
    return any(c.dep_ == "mark" and c.lower_ in marks for c in _children(clause))


def _headline_attribution(doc: Doc, lo: int) -> _Attribution | None:
    """The "Name:" that opens a title line with the quote at lo after its colon ("Dr. Ben
    Carson: Hillary Clinton 'Not Fit To Serve'"): the whole line is the named person's."""
    text = doc_text(doc)
    para_start = text.rfind("\n", 0, lo) + 1
    para_end = text.find("\n", lo)
    line = text[para_start : len(text) if para_end < 0 else para_end]
    headline = _HEADLINE.match(line) or _HEADLINE_TOPIC.match(line)
    if (
        headline is None
        or headline.end() > lo - para_start
        or _LABEL.match(headline.group(1))
        or len(line.split()) > _HEADLINE_MAX_WORDS
    ):
        return None
    turn = line[headline.end() : lo - para_start]
    last_stop = max(turn.rfind(". "), turn.rfind("? "), turn.rfind("! "))
    # "CHA: China is the key. As one Chinese diplomat told me, "We have ..."": a turn's speaker
    # quoting another, whose verb comes before the quote in its own sentence; in the turn's
    # first sentence ("HILL: Kim Kye-gwan said to me, "This is the first time."") only a verb in
    # lower case, which a title would capitalise (not a title's "Limbaugh: Hillary Asking
    # Moderator To Fact Check Trump 'Reeks of Fear'")
    words = [word.strip(",.;:") for word in turn[max(last_stop, 0) :].split()]
    if any((word.lower() if last_stop >= 0 else word) in SPEECH_VERBS for word in words):
        return None
    colon_at = line.rfind(":", 0, headline.end())
    before_colon = line[:colon_at].split()
    if before_colon and before_colon[-1].lower() in SPEECH_VERBS:
        # "Asked about the reactor, Hill said: ..." is a sentence whose verb of saying the colon
        # follows, not a title's "Name on topic:"
        return None
    name = doc.char_span(para_start, para_start + headline.end(1), alignment_mode="expand")
    colon = token_at(doc, para_start + colon_at)
    if name is None or colon is None or name[0].lower_ in _PUT_TO:
        return None  # "Asked about his critics, Hill was blunt:": a sentence, not a "Name:"
    return _Attribution(colon, colon.idx + 1, name.root)


@dataclass(frozen=True)
class _Spans:
    """Character spans sorted and merged where they overlap (quote marks nest), built once per
    article: which offsets lie inside one is asked for every token around every quote."""

    spans: list[tuple[int, int]]
    starts: list[int]

    @classmethod
    def of(cls, spans: list[tuple[int, int]]) -> _Spans:
        """The spans, merged."""
        out: list[tuple[int, int]] = []
        for a, b in sorted(spans):
            if out and a < out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], b))
            else:
                out.append((a, b))
        return cls(out, [a for a, _b in out])

    def covers(self, offset: int) -> bool:
        """Whether the offset lies inside a span."""
        n = bisect.bisect_right(self.starts, offset) - 1  # merged and sorted: one to check
        return n >= 0 and offset < self.spans[n][1]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span overlaps the range [start, end)."""
        n = bisect.bisect_left(self.starts, end) - 1  # the last span that starts before the end
        return n >= 0 and self.spans[n][1] > start


def _in_parentheses(token: Token) -> bool:
    """Whether a token is a parenthesis or inside one on its line ("(D-Wash.)", "(R)")."""
    if token.text in ("(", ")"):
        return True
    tokens = _tokens(token.doc)
    for back in range(token.i - 1, max(-1, token.i - 8), -1):
        text = tokens[back].text
        if text == ")" or "\n" in text:
            return False
        if text == "(":
            return True
    return False


def _colon_attribution(colon: Token, first: Token, verb: Token, subj: Token) -> _Attribution:
    """The clause before a colon introduces the quote after it ("Trump leaned in and boomed:
    '...'", "Clinton's response was: '...'"): the verb the colon hangs on is the cue, as a verb of
    saying (else `verb`, the clause's own), and the subject, or its possessor, speaks."""
    cue = colon.head
    if cue.pos_ not in ("VERB", "AUX") or cue.i > first.i:
        cue = verb
    # (a body that speaks is its own speaker: "North Korea's Foreign Ministry was blunt: ...")
    speaks = subj.ent_type_ in ("ORG", "PERSON") or subj.pos_ == "PROPN"
    owner = subj if speaks else next((c for c in _children(subj) if c.dep_ == "poss"), subj)
    return _Attribution(cue, cue.idx + len(cue), owner)


def _opens_bullet(token: Token) -> bool:
    """Whether a token is the first word of a bulleted line ("* Declines to say ...")."""
    text = doc_text(token.doc)
    bullet = _BULLET.match(text, text.rfind("\n", 0, token.idx) + 1)
    return bullet is not None and bullet.end() == token.idx


def _bullet_speaker(doc: Doc, offset: int) -> Token | None:
    """The person whose comments a wire's bullets give ("* Says the agreement is ...", "* On the
    reactor: "..."") under the line that introduces them as that person's ("Following are
    highlights of comments by U.S. negotiator Christopher Hill ...:"): the last word of the
    first name after "by" in that line; None outside such bullets."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, offset) + 1
    if not _BULLET.match(text, line_start):
        return None
    while line_start > 0:
        prev_end = text.rfind("\n", 0, line_start - 1)
        line = text[prev_end + 1 : line_start - 1]
        line_start = prev_end + 1
        if not line.strip() or _BULLET.match(line):
            continue
        return _introduced_commentator(doc, line_start, line)
    return None


def _introduced_commentator(doc: Doc, line_start: int, line: str) -> Token | None:
    """The last word of the first person's name after "by" in a line that introduces their
    highlights or excerpts (_HIGHLIGHTS_INTRO), or None."""
    intro = _HIGHLIGHTS_INTRO.search(line)
    if intro is None:
        return None
    by = line_start + intro.start() + intro.group().lower().index(" by ")
    first = token_at(doc, by + 4)
    if first is None:
        return None
    for token in _tokens(doc)[first.i : first.i + 12]:
        if token.ent_type_ == "PERSON":
            return _entity_of(token)[-1]
    return None


# what one reads out or releases for its maker: "the following statement, attributable to ..."
_READ_OUT = frozenset(["statement", "message", "letter", "text", "remarks"])


def _statement_maker(sentence: Span) -> Token | None:
    """The maker a sentence that leads into a quote gives the statement it reads out ("the
    following statement, attributable to the Secretary-General", "a message from President
    Lee"), or None."""
    for noun in sentence:
        if noun.lower_ not in _READ_OUT or noun.pos_ != "NOUN":
            continue
        for child in _children(noun):
            prep = child
            if child.dep_ == "amod" and child.lower_ == "attributable":
                prep = next((c for c in _children(child) if c.lower_ == "to"), child)
            elif not (child.dep_ == "prep" and child.lower_ in ("from", "by")):
                continue
            maker = next((c for c in _children(prep) if c.dep_ == "pobj"), None)
            if maker is not None and (
                maker.pos_ == "PROPN" or maker.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            ):
                return maker
    return None


def _named_by(doc: Doc, name: re.Match[str], cue_at: int) -> _Attribution | None:
    """The quote's attribution to the proper name a pattern matched (group 1), cued by the one
    character at cue_at (a dash or a colon, which may share a token with a mark: "”―")."""
    span = doc.char_span(name.start(1), name.end(1), alignment_mode="expand")
    cue = token_at(doc, cue_at)
    if span is None or cue is None or not any(t.pos_ == "PROPN" for t in span):
        return None
    return _Attribution(cue, cue_at + 1, span[-1], cue_at)


def _attribution(doc: Doc, lo: int, hi: int, quoted: _Spans) -> _Attribution | None:
    """The cue and subject for the quote at [lo, hi) from tokens of its sentences outside the
    article's quotes (`quoted`)."""
    tokens = _tokens(doc)
    first = token_at(doc, lo)
    last = token_at(doc, max(lo, hi - 1))
    if first is None or last is None:
        return None
    if _long_sentence(first) or _long_sentence(last):
        return None  # no sentence the parser read, and too long to read (see _LONGEST_SENTENCE)
    sents = []
    # a sentence break the parser put in mid-sentence ("Sanders also pledged to\xa0“bring ...”"):
    # the words before the quote in its paragraph belong to its sentence
    sent_start = _sent(first).start
    back = sent_start - 1
    while back >= 0 and tokens[back].is_space and "\n" not in tokens[back].text:
        back -= 1
    if (
        back >= 0
        and first.i - sent_start <= 1
        and not tokens[back].is_space
        and tokens[back].text not in _SENTENCE_END
        and _sent(tokens[back]) != _sent(first)
    ):
        sents.append(_sent(tokens[back]))
    for tok in (first, last):
        if _sent(tok) not in sents:
            sents.append(_sent(tok))
    # ... and a break at a no-break space after it ("” his friend\xa0Mahamat Oumar told")
    sent_end = _sent(last).end
    if (
        sent_end < len(doc)
        and tokens[sent_end - 1].is_space
        and "\n" not in tokens[sent_end - 1].text
        and _sent(tokens[sent_end]) not in sents
    ):
        sents.append(_sent(tokens[sent_end]))
    headline_att = _headline_attribution(doc, lo)
    if headline_att is not None:
        return headline_att
    bullet = _bullet_speaker(doc, lo)
    if bullet is not None and not any(
        _is_cue(t) and _subject_of(t) is not None for t in _sent(first) if not quoted.covers(t.idx)
    ):
        # '* On the light-water reactor: "We will discuss it ..."': the bullets' commentator
        return _Attribution(None, None, bullet)
    text = doc_text(doc)
    # a name set off by a dash: "HEADLINE - Jones: "..."" before the quote, its colon the cue;
    # '"..." ― Sonya Herridge' after it, the dash the cue
    led_in = _DASH_LEAD.search(text, max(text.rfind("\n", 0, lo) + 1, lo - _BEFORE_WINDOW), lo)
    if led_in is not None:
        named = _named_by(doc, led_in, text.index(":", led_in.end(1)))
        if named is not None:
            return named
    line_before = _NAME_LEAD_LINE.search(text, text.rfind("\n", 0, max(0, lo - 1)) + 1, lo)
    if line_before is not None:
        colon_at = text.rindex(":", 0, line_before.end())
        lead = doc.char_span(line_before.start(), colon_at, alignment_mode="expand")
        if lead is not None and not any(t.pos_ in ("VERB", "AUX") for t in lead):
            named = _named_by(doc, line_before, colon_at)
            if named is not None:
                return named
    byline = _DASH_BYLINE.match(text, hi) or _DASH_BYLINE_BELOW.match(text, hi)
    if byline is not None:
        dash_at = hi + len(byline.group(0)) - len(byline.group(0).lstrip(" \t\u00a0\n"))
        named = _named_by(doc, byline, dash_at)
        if named is not None:
            return named
    described = _DASH_SOURCE_BELOW.match(text, hi)
    if described is not None:
        # '"..."\n- A South Korean diplomat who asked not to be named': the unnamed source, by
        # the person's noun the description opens with
        span = doc.char_span(described.start(2), described.end(2), alignment_mode="expand")
        dash = token_at(doc, described.start(1))
        noun = (
            next((t for t in span if t.pos_ == "NOUN" and _PERSON_ROLE.match(t.text)), None)
            if span is not None and not any(t.text in DASHES for t in span)
            else None
        )
        if noun is not None and dash is not None:
            return _Attribution(dash, dash.idx + len(dash), noun)
    outside = [
        t
        for s in sents
        for t in tokens[s.start : s.end]
        if not quoted.covers(t.idx) and not t.is_space
    ]
    acc = _according_to(outside)
    # a verb of saying after the quote with a clause of its own reports that clause, not the
    # quote ('"... no place in a political campaign." Ohio Gov. John Kasich said he would have
    # fired him'): the quote goes on with the speaker before it
    closed = text[lo:hi].rstrip(_CLOSING).endswith(".")

    def reports_own(cue: Token) -> bool:
        if cue.idx < hi:
            return False
        own_clause = any(
            c.dep_ == "ccomp" and c.i > cue.i and not quoted.covers(c.idx) for c in _children(cue)
        )
        if not closed:
            # 'Hyun said, "...," adding that Seoul was ready': a participle after a quote that
            # goes on into its sentence reports the clause after it, not the quote
            return own_clause and cue.tag_ == "VBG"
        # '"... the bully." South Carolina, he said, was "where ..."': a parenthetical
        # attribution inside the next clause reports that clause
        return own_clause or (cue.dep_ == "parataxis" and cue.head.idx >= hi)

    # ... nor is the question put to the speaker before a colon, nor a verb inside it
    question = next((t for t in outside if _question_put_before_colon(t, lo)), None)
    if question is None:
        # ... nor the writer's question in a time clause of the cue before the colon: "As Hill
        # put it to me last month, when I asked whether the fight could sink the deal: "...""
        question = next((t for t in outside if _asked_when(t, lo)), None)
    asked = range(question.left_edge.i, question.right_edge.i + 1) if question else range(0)
    cues = [t for t in outside if _is_cue(t) and not reports_own(t) and t.i not in asked]
    if len(cues) > 1 and _opens_or_resumes(first):
        # '"A," Ms. Hughes said, pointing out where the store used to be. "B."', '"A," said
        # Ann Lee, who was there and recalled his temper. "B."': a participle or a verb in a
        # relative clause before the quote that reports a clause or an object of its own is
        # not the quote's cue; the verb it hangs on is
        free = [
            t
            for t in cues
            if not (
                t.idx < lo
                and t.dep_ != "ROOT"
                and any(
                    c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > t.i and not quoted.covers(c.idx)
                    for c in _children(t)
                )
            )
        ]
        cues = free or cues
    if acc is not None and not any(
        _subject_of(c) is not None or _name_after_quote(c) is not None for c in cues
    ):
        return _quoted_as(first) or _Attribution(acc[0], acc[0].doc[acc[0].i + 1].idx + 2, acc[1])
    # the outermost cue that governs a quote inside a sentence wins ("Khan said Trump was
    # "ignorant" of Islam and criticized him" and "She said Trump favors a "strongman approach""
    # are said's; "calls her "an extremely intelligent woman"" is a stance verb's), else the
    # nearest one (before the opening or after the closing mark)
    inline = first.i > _sent(first).start and tokens[first.i - 1].is_alpha
    ancestors: list[Token] = []
    node = first
    while (
        inline
        and node.dep_ != "conj"
        # "the mayor left after Ada Lowe warned that "..."": a verb of saying with a subject
        # of its own in an adverbial clause reports the quote; the verb the clause hangs on
        # does not (a participle, "..., explaining that "..."", reports for it)
        and not (
            node.dep_ == "advcl"
            # (or one that names what it says: "..., while Kim called it "sincere"")
            and (_is_cue(node, cognition=True) or _names_it(node))
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in _children(node))
        )
        # "... its deterrent — a statement Hill called "not helpful"": so does a verb of
        # saying with a subject of its own in a clause on a noun
        and not (
            node.dep_ in ("acl", "relcl")
            and _starts_attribution(node)
            and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in _children(node))
        )
        # "The White House welcomed it, with spokesman Tony Snow calling it "a positive
        # development"": a clause after "with" that has a subject of its own is that subject's
        # (the parser makes its verb the preposition's complement), not the sentence's
        and not (node.dep_ == "pcomp" and _absolute_clause(node.head))
        and node.head.i != node.i
    ):
        node = node.head  # up to the clause the quote is part of, not to a coordinated one
        ancestors.append(node)
    governors = {a.i: -n for n, a in enumerate(ancestors)}
    cues += [a for a in ancestors if a not in cues and a.idx < lo and _starts_attribution(a)]
    if cues:

        def distance(t: Token) -> tuple[int, bool, int]:
            # a verb of saying in a relative clause reports its own clause ("said Elizabeth
            # Arnold, a former staffer who said she planned to demonstrate. "...")
            return (
                governors.get(t.i, 1),
                t.dep_ == "relcl" and t.i not in governors,
                lo - t.idx if t.idx < lo else t.idx - hi,
            )

        cue = min(cues, key=distance)
        return _Attribution(cue, cue.idx + len(cue), _speaker_of(cue, (lo, hi)))
    # the parser ends the sentence at a closing "?" or "!" and puts the attribution in a
    # sentence of its own: '"That would be you?" Borger asked.'
    after = _sent(last).end
    if (
        after < len(doc)
        and "\n" not in text[hi : tokens[after].idx]
        and tokens[after].idx - hi <= 3
    ):
        # a party label in parentheses does not count ('Rep. Jim McDermott (D-Wash.) said.')
        # the first words outside parentheses only: _in_parentheses is not cheap
        tail = list(
            islice(
                (t for t in _sent(tokens[after]) if not _in_parentheses(t)), _TRAILING_CUE_WINDOW
            )
        )
        trailing = next(
            (
                t
                for t in tail
                if _is_cue(t)
                and not quoted.covers(t.idx)
                and not reports_own(t)
                # '"... the state." She noted a planned rally in Sioux City': after a quote
                # closed with a period, a verb with an object of its own reports that
                and not (
                    closed
                    and any(
                        c.dep_ == "dobj" and c.i > t.i and not _hearer_only(c) for c in _children(t)
                    )
                )
            ),
            None,
        )
        if trailing is not None:
            subj = _speaker_of(trailing, (lo, hi))
            if subj is not None and subj.i in {t.i for t in tail}:
                return _Attribution(trailing, trailing.idx + len(trailing), subj)
    # a bare "Name verb." right after the quote is an attribution whatever the verb ('"Would it
    # be negotiable?" Hannity pressed.', where the parser ends the sentence at the "?"): a verb
    # with a subject and nothing else it says something about can only report the quote
    tail = [t for t in tokens[last.i + 1 : last.i + 8] if not t.is_space or "\n" in t.text]
    end = next((n for n, t in enumerate(tail) if t.text in _SENTENCE_STOPS or t.is_space), None)
    words = tail[:end] if end is not None else []
    if (
        0 < len(words) <= 4
        and "\n" not in text[hi : words[0].idx]
        and words[0].idx - hi <= 3
        and not any(quoted.covers(t.idx) for t in words)
    ):
        verb = next((t for t in words if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ")), None)
        if verb is not None and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "attr", "acomp")
            and not lo <= c.idx < hi  # the quote itself, as its complement ('"...," he mocks.')
            for c in _children(verb)
        ):
            subj = next((c for c in _children(verb) if c.dep_ == "nsubj" and c in words), None)
            if subj is not None and subj.i < verb.i:
                return _Attribution(verb, verb.idx + len(verb), subj)
    # ... or inverted, the verb right after the closing mark and a person's name right after it
    # ('"This is fantastic!" beamed Donald Hartley of Madison, Ala.')
    after_mark = tail[0] if tail else None
    if (
        after_mark is not None
        and after_mark.tag_ == "VBD"
        and after_mark.idx - hi <= 3
        and "\n" not in text[hi : after_mark.idx]
        and after_mark.i + 1 < len(doc)
        and tokens[after_mark.i + 1].ent_type_ == "PERSON"
        and tokens[after_mark.i + 1].ent_iob_ == "B"
    ):
        person = _entity_of(tokens[after_mark.i + 1])
        return _Attribution(after_mark, after_mark.idx + len(after_mark), person[-1])
    # a headline or transcript turn: "Trump: 'We are going to win so much.'"
    para_start = text.rfind("\n", 0, lo) + 1
    headline = _HEADLINE.match(text[para_start : lo + 1])
    if headline and headline.end() == lo - para_start and not _LABEL.match(headline.group(1)):
        name = doc.char_span(para_start, para_start + headline.end(1), alignment_mode="expand")
        colon = token_at(doc, para_start + headline.end(1))
        if name is not None and colon is not None:
            return _Attribution(colon, colon.idx + 1, name.root)
    # a quote introduced by the sentence before it: "Achterberg was blunter: ..."
    before = _sent(first).start - 1
    if first.idx - _sent(first).start_char <= 2 and before >= 0:
        prev = _sent(tokens[before])
        last_tok = next((t for t in reversed(prev) if not t.is_space), None)
        if last_tok is not None and last_tok.text == ":":
            # the verb nearest the colon leads into the quote: in "The talks are stalled, he
            # said, adding:" "said" reports the words before it, "adding" the paragraph after
            cues = [t for t in prev if _is_cue(t)]
            colon_cue = next(
                (t for t in reversed(cues) if _subject_of(t) is not None), cues[0] if cues else None
            )
            colon_subj = _subject_of(colon_cue) if colon_cue is not None else _subject_of(prev.root)
            # "... reading out the following statement, attributable to the Secretary-General:":
            # a statement read out for its maker is the maker's
            colon_subj = _statement_maker(prev) or colon_subj
            if colon_subj is not None:
                cue_end = colon_cue.idx + len(colon_cue) if colon_cue is not None else None
                return _Attribution(colon_cue, cue_end, colon_subj)
    # ... or by the words before a colon in its own sentence, which the parser hangs on the quote
    # ('Sanders delivered a snappy retort: "No one is tearing this up."'): the clause before the
    # colon, whose verb leads out of it, speaks
    colon_i = first.i - 1
    while colon_i >= 0 and (tokens[colon_i].is_space or tokens[colon_i].is_quote):
        colon_i -= 1
    if (
        colon_i > 0
        and tokens[colon_i].text == ":"
        and _sent(tokens[colon_i]) == _sent(first)
        # "More from Jones: '...'" is Jones's (below); not "... the file in January:", a date
        and (tokens[colon_i - 1].pos_ != "PROPN" or tokens[colon_i - 1].ent_type_ in _NOT_NAME_ENTS)
    ):
        lead = doc[_sent(first).start : colon_i]
        opening = next((t.i for t in lead if not t.is_space), lead.start)
        for verb in lead:
            if (
                verb.pos_ not in ("VERB", "AUX")
                or (lead.start <= verb.head.i < lead.end and verb.head.i != verb.i)
                or quoted.covers(verb.idx)
            ):
                continue
            lead_subj = _subject_of(verb)
            if lead_subj is None and verb.i > opening and tokens[verb.i - 1].ent_type_ == "PERSON":
                # "..., Hill was blunt:", the name right before the verb, which the parser hung
                # elsewhere
                lead_subj = tokens[verb.i - 1]
            if lead_subj is not None and lead.start <= lead_subj.i < lead.end:
                return _colon_attribution(tokens[colon_i], first, verb, lead_subj)
            if verb.i == opening and verb.dep_ in ("advcl", "csubj"):
                continue  # "Asked about his critics, Hill was blunt:": the clause after it
            break
    named = _named_before_colon(first, colon_i) or _remark_before_colon(first, colon_i)
    if named is not None:
        return named
    # no speech verb: the subject of the sentence speaks ("The official was confident ... '...'")
    after_colon = first.i > 0 and tokens[first.i - 1].text == ":"
    # ... but not a whole sentence before the quote that the parser gave its opening mark ("...
    # Amir Hekmati, another freed American. ''This is ...''", "another" read as a subject)
    glued = (
        first.is_quote
        and _sent(first).end == first.i + 1
        and first.i > 0
        and tokens[first.i - 1].text in _SENTENCE_STOPS
    )
    for s in sents:
        if glued and s == _sent(first):
            continue
        root = s.root
        if not quoted.covers(root.idx):
            subj = _subject_of(root)
            if subj is not None and not quoted.covers(subj.idx):
                if after_colon and root.i < first.i:
                    return _colon_attribution(tokens[first.i - 1], first, root, subj)
                return _Attribution(None, None, subj)
    return None


# the words of a role before a name, at most: "South Korea's delegation head Chun Yung-woo:"
# has 5 (the possessive a word), "the North's chief nuclear negotiator Kim Kye-gwan:" 6; a
# clause before a colon runs longer
_ROLE_BEFORE_NAME_MAX = 8


# nouns of what someone says that a colon can introduce: "Trump's response: "...""
_REMARK_NOUN_WORDS = (
    "response reply answer retort message verdict reaction comment explanation advice warning "
    "assessment prediction promise pledge argument words"
)
_REMARK_NOUNS = frozenset(_REMARK_NOUN_WORDS.split())


def _remark_before_colon(first: Token, colon_i: int) -> _Attribution | None:
    """ "Trump's response: "I don't care."", "His answer: "Absolutely not."": a sentence that is
    only someone's remark, named by its noun with its owner before a colon, is the owner's."""
    tokens = _tokens(first.doc)
    if colon_i < 2 or tokens[colon_i].text != ":":
        return None
    noun = tokens[colon_i - 1]
    if noun.lower_ not in _REMARK_NOUNS or noun.pos_ != "NOUN":
        return None
    owner = next((c for c in _children(noun) if c.dep_ == "poss"), None)
    start = _sent(noun).start
    lead = [t for t in tokens[start:colon_i] if not t.is_space and not t.is_quote]
    if owner is None or not lead or any(t.i < noun.left_edge.i for t in lead):
        return None  # the remark opens its sentence: not "He gave Trump's response: ..."
    return _Attribution(noun, noun.idx + len(noun), owner)


def _named_before_colon(first: Token, colon_i: int) -> _Attribution | None:
    """ "South Korea's delegation head Chun Yung-woo: "We expect a difficult day."": a paragraph
    that opens with a person's role and name and a colon before the quote, no verb of saying
    (the tagger may read the role as a verb: "head"), is that person's."""
    doc = first.doc
    tokens = _tokens(doc)
    if colon_i < 1 or tokens[colon_i].text not in (":", "):"):  # "Wu Dawei (China):"
        return None
    if _HANDLE.fullmatch(tokens[colon_i - 1].text):
        # '@StateDept: "We remain committed ..."': a social account's post
        colon = tokens[colon_i]
        return _Attribution(colon, colon.idx + 1, tokens[colon_i - 1])
    if tokens[colon_i].text == "):" or tokens[colon_i - 1].ent_type_ != "PERSON":
        return _named_with_role_before_colon(tokens, colon_i)
    name = _entity_of(tokens[colon_i - 1])
    if name.end != colon_i or name.root.head.pos_ == "ADP":
        return None  # not "Hill's reply to Kim Kye-gwan:"
    text = doc_text(doc)
    para_start = text.rfind("\n", 0, name.start_char) + 1
    label = _CLOCK_LABEL.match(text, para_start)
    lead_start = label.end() if label is not None else para_start
    # the words from the paragraph's start (after a time stamp) to the name, read back from the
    # name only as far as that start, not over the whole text before it
    back = (tokens[i] for i in range(name.start - 1, -1, -1))
    lead = list(takewhile(lambda t: t.idx >= lead_start, back))
    if len(lead) > _ROLE_BEFORE_NAME_MAX or any(
        "\n" in t.text
        or (t.pos_ in ("VERB", "AUX") and not _person_word(t.text))
        or t.ent_type_ == "PERSON"
        for t in lead
    ):
        # a clause, not a role: "Trump Praises Breitbart's Editor Matthew Boyle:" (a title's
        # verb is tagged as a name, and its subject is another person)
        return None
    colon = tokens[colon_i]
    return _Attribution(colon, colon.idx + 1, name.root)


_LIST_MARKS = frozenset("•*·-–—▪►")
# Tokens of a role or country after a name at a line's start and before its colon ("Kim
# Kye-gwan, North Korea:", "Wu Dawei (China):", "Hill, the U.S. envoy:"); 8 holds a comma and
# a title of seven words ("Kang Sok-ju, North Korean first vice foreign minister:")
_ROLE_AFTER_NAME_MAX = 8
_LINE_LEAD_MAX = _ROLE_AFTER_NAME_MAX + 8  # a list's mark, a name of up to six tokens, its role


def _named_with_role_before_colon(tokens: Doc | list[Token], colon_i: int) -> _Attribution | None:
    """ "Kim Kye-gwan, North Korea: "The ball is in the U.S. court."": a line (a list's item,
    its mark optional) that opens with a person's name, then a role or a country after a comma
    or in brackets and the colon before the quote, is that person's."""
    colon = tokens[colon_i]
    line_start = doc_text(colon.doc).rfind("\n", 0, colon.idx) + 1
    i = colon_i
    # back to the line's start, as far as a name and its role reach (not over a long paragraph)
    while i > 0 and tokens[i - 1].idx >= line_start and colon_i - i <= _LINE_LEAD_MAX:
        i -= 1
    if i > 0 and tokens[i - 1].idx >= line_start:
        return None
    while i < colon_i and (tokens[i].is_space or tokens[i].text in _LIST_MARKS):
        i += 1
    if tokens[i].ent_type_ != "PERSON":
        return None
    name = _entity_of(tokens[i])  # NER may take the list's mark into the name ("• Kenichiro")
    if name.start_char < line_start:
        return None
    role = tokens[name.end : colon_i]
    if (
        not role
        or role[0].text not in (",", "(")
        or len(role) > _ROLE_AFTER_NAME_MAX
        or any(
            "\n" in t.text
            or (t.pos_ in ("VERB", "AUX") and not _person_word(t.text))
            or t.ent_type_ == "PERSON"
            for t in role
        )
    ):
        return None
    colon_at = colon.idx + len(colon.text) - 1
    return _Attribution(colon, colon_at + 1, name.root, colon_at)


def _quoted_as(first: Token) -> _Attribution | None:
    """ "according to KCNA, which quoted him as calling for "full combat readiness"": the words
    are the one quoted's, by the verb the report quotes him with, not the report's."""
    node = first
    while node.head.i != node.i:
        head = node.head
        if node.dep_ == "pcomp" and head.lower_ == "as" and head.head.lower_ in _QUOTING:
            quoted = next((c for c in _children(head.head) if c.dep_ == "dobj"), None)
            if quoted is not None and quoted.pos_ == "PRON":
                # "its leader Kim Jong-il inspected a unit, according to KCNA, which quoted him
                # as ...": "him" is the person the sentence named before it
                named = [
                    t
                    for t in _tokens(first.doc)[_sent(quoted).start : quoted.i]
                    if t.ent_type_ == "PERSON"
                ]
                quoted = named[-1] if named else quoted
            return None if quoted is None else _Attribution(node, node.idx + len(node), quoted)
        node = head
    return None


def _opens_or_resumes(first: Token) -> bool:
    """Whether a quote whose first word is `first` opens a sentence, or goes on with the sentence
    its attribution interrupted ('..., Thiel wrote in a statement explaining why he is speaking,
    "but most ...')."""
    tokens = _tokens(first.doc)
    before = first.i - 1
    while before >= 0 and (tokens[before].is_quote or tokens[before].is_space):
        before -= 1
    return (
        before < 0
        or tokens[before].text in _SENTENCE_STOPS
        or (tokens[before].text == "," and first.is_lower)
    )


def _main_clause(verb: Token) -> bool:
    """Whether a verb heads its sentence (or a clause coordinated with it, or is a speech verb).

    A pronoun refers back to the topic of the last sentence, not to a person inside what was
    reported: "Coffman said Trump had disrespected troops. "...," he said." is Coffman's.
    """
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT" or _is_cue(verb)


def _hearer(obj: Token) -> bool:
    """Whether the object of "told"/"asked" is whom it was said to: a person, a group or an
    outlet ("told CNN", "told reporters", "asked Mr. Mitchell", "told the website")."""
    return (
        obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or obj.pos_ in ("PRON", "PROPN")
        or obj.lower_ in _HEARER_NOUNS
        or _person_word(obj.text)
    )


def _hearer_only(child: Token) -> bool:
    """Whether a right dependent of "told"/"asked" names the hearer or the circumstances only
    ("told reporters during a visit to Scotland on Friday"), not what was said or asked."""
    if child.dep_ in ("dobj", "dative"):
        # "asked the frontrunner about the kerfuffle": a topic the parser hung on the hearer
        return _hearer(child) and not any(
            c.dep_ == "prep" and c.lower_ in ("about", "regarding")
            for t in child.subtree
            for c in _children(t)
        )
    if child.dep_ == "prep":
        if any(t.dep_ == "mark" and t.lower_ in ("that", "if", "whether") for t in child.subtree):
            return False  # "told her in a debate that she should ...": the clause is what was said
        return child.lower_ not in _CUE_PREPS or all(
            g.ent_type_ in _CIRCUMSTANCE for g in _children(child) if g.dep_ == "pobj"
        )
    return False
