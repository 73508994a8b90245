"""Reported speech: the clauses of verbs and nouns of saying and of stances, `according to X`,
parenthetical and trailing attributions, title lines, and the tests that keep circumstances,
terms of anonymity and filings out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from tasks.entities import HEADLINE_VERB_FORMS
from tasks.nlp import (
    CAPS_NAME_WORD,
    CAPS_ROLE,
    DASHES,
    DATELINE_LEAD,
    PERSON_TITLES,
    TURN_ROLES,
    TURN_STAMP_LEAD,
    doc_text,
    token_at,
    verb_forms,
)
from tasks.quotes.attribution import (
    _FINITE_TAGS,
    _PUT_TO,
    _QUOTING,
    _RETORT_VERBS,
    _SENTENCE_STOPS,
    _SHOWING_NOUNS,
    _SOURCE_PHRASE_MAX,
    _according_to,
    _as_clause,
    _clause_in_adjunct,
    _ends_report,
    _finite,
    _hearer,
    _hearer_only,
    _introduced_commentator,
    _inverted_aside,
    _inverted_speaker,
    _is_cue,
    _lead_in,
    _marked_by,
    _mistagged_verb,
    _names_it,
    _own_report,
    _own_subject,
    _quoting_aside,
    _said_across_aside,
    _seen_as,
    _source_participle,
    _speaker_hung_before,
    _speaker_of,
    _starts_attribution,
    _subject_of,
    _that_adverbial,
    _that_after_comma,
    _that_as_object,
)
from tasks.quotes.lexicon import (
    _AFFECT,
    _AGREEING,
    _AMOUNTS,
    _ANONYMOUS,
    _ANSWERING,
    _ANSWERS,
    _AS_VERBS,
    _ASK,
    _ASKED_TURN,
    _ASPECTUAL,
    _AUTHORED,
    _BACKINGS,
    _BACKSHIFT_MODALS,
    _BARE_DAY_WORDS,
    _BELIEVING,
    _BULLET,
    _CAPTION_CUT,
    _CHANNELS,
    _CIRCUMSTANCE,
    _CIRCUMSTANCE_PREPS,
    _CLAUSE_ONLY,
    _COMMENTATOR,
    _COMMENTATOR_ROLE_END,
    _CONTRIBUTORS,
    _COPULAS,
    _CREDIT_LINE,
    _CREDITED,
    _CUE_NOUNS,
    _CUE_PREPS,
    _CUT_TURN,
    _FINDING,
    _FINDING_VERBS,
    _HAVE,
    _HEADLINE,
    _HEADLINE_ADDRESSED,
    _HEARER,
    _HIGHLIGHTS_INTRO,
    _IN_FAVOR,
    _INVERTING,
    _LABEL,
    _NOT_SPEAKER_ENTS,
    _OBJECT_TAIL,
    _OPEN_STANCES,
    _PASSIVE_VIEW,
    _PERSON_ROLE,
    _POLL_NOUNS,
    _POLLS_AT_LARGE,
    _PREDICATE_OPENERS,
    _PREP_CUES,
    _PRONOUNS,
    _PUT,
    _QUESTION_MARKS,
    _QUOTE_OPENERS,
    _REACTIONS,
    _RECEIVE,
    _SEEM,
    _SET_OFF_CUES,
    _SIGNATURE_LINE,
    _SPEAKER_ENTS,
    _SPEECH_HEAD_CHARS,
    _STANCE_ADJS,
    _STANCE_NOUNS,
    _STANCE_PREPS,
    _STANDING,
    _TALK,
    _TITLE_AUX,
    _TITLE_MAX_WORDS,
    _TITLE_WORDS,
    _TO_WHAT,
    _TRANSCRIPT_TURN,
    _TURN,
    _TURN_PARAGRAPHS_MAX,
    _VIEW_NOUNS,
    _VOTING,
    COGNITION_VERBS,
    OBJECT_VERBS,
    SPEECH_VERBS,
    _person_word,
    speech_body,
)
from tasks.quotes.marks import _DOUBLE_OPEN, find_quote_marks
from tasks.quotes.speakers import _is_title
from tasks.quotes.syntax import (
    _LINE_WORD,
    _LONGEST_SENTENCE,
    _SUBORDINATORS,
    _absolute_clause,
    _children,
    _has_contracted,
    _in_title_line,
    _long_sentence,
    _lowers,
    _pos_tags,
    _sent,
    _title_case,
    _tokens,
)


def _quoted_title(comp: Token) -> bool:
    """Whether what the parser made a verb's clause is a title in quote marks, with its owner,
    before the verb's clause ("told CBS's "Face the Nation" that ...": the programme told, read
    as the verb "Face"), not what was said ("He said "The Hispanics"", with no clause after)."""
    doc = comp.doc
    if not any(c.dep_ == "ccomp" and c.i > comp.right_edge.i for c in _children(comp.head)):
        return False
    # (the parser hangs the marks on the title or on the verb before it)
    left, right = comp.left_edge.i, comp.right_edge.i
    tokens = list(_tokens(doc)[max(0, left - 1) : min(len(doc), right + 2)])
    marks = [t for t in tokens if t.tag_ in ("``", "''")]
    if (
        len(marks) != 2
        or marks[0].tag_ != "``"
        or not left - 1 <= marks[0].i < comp.i
        or not right <= marks[1].i <= right + 1
    ):
        return False
    if any(left <= t.i < marks[0].i and t.dep_ not in ("poss", "case", "det") for t in tokens):
        return False  # only an owner before the title: "CBS's", "the"
    text = doc_text(doc)
    inside = text[marks[0].idx + len(marks[0]) : marks[1].idx]
    return _is_title(text[max(0, marks[0].idx - 40) : marks[0].idx], inside)


def _clause_on_hearer(comp: Token) -> Token:
    """The that-clause the parser hung on a verb's object instead of the verb ("told NBC's
    "Today" show that she had "no regrets"": what was told, not the show with it), else the
    complement itself."""
    if comp.dep_ != "dobj":
        return comp
    return next(
        (
            c
            for c in _children(comp)
            if c.dep_ in ("ccomp", "advcl") and c.i > comp.i and _marked_by(c, ("that",))
        ),
        comp,
    )


def _records_show(show: Token) -> _Clause | None:
    """`Much of that money came from companies that no longer exist, campaign and corporate
    records show.`, `During the same stretch, F.A.A. records show, the Cessna has flown 216
    hours.`: "show" after a plural document noun set off by a comma, which the tagger takes for a
    noun ("records show" a compound) or the parser hangs anywhere. Closing its sentence it
    reports the words before the comma; set off by commas inside it, the sentence around it. The
    document noun is the source."""
    doc = show.doc
    tokens = _tokens(doc)
    i = show.i
    if i < 2 or i + 1 >= len(doc) or tokens[i - 1].lower_ not in _SHOWING_NOUNS:
        return None
    sent = _sent(show)
    start = i - 1
    while start > sent.start and tokens[start - 1].text != ",":
        start -= 1
    if (
        start <= sent.start
        or i - start > _SOURCE_PHRASE_MAX
        or any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG" for t in tokens[start:i])
    ):
        return None  # "Records show that ...": the parse reads it; a long or verbal phrase
    after = tokens[i + 1]
    closing = after.text in _SENTENCE_STOPS or (after.is_punct and after.i == sent.end - 1)
    if closing or (
        after.text == "," and i + 2 < len(doc) and tokens[i + 2].lower_ in ("and", "but")
    ):
        # "..., records show, and experts say ...": what comes after is another's
        keep = list(tokens[sent.start : start - 1])
    elif after.text == "," and (start - 2 < sent.start or tokens[start - 2].pos_ != "CCONJ"):
        # not "... and, records show, does not use the plane": inside a predicate of the clause
        keep = [t for t in tokens[sent.start : sent.end] if t.i < start - 1 or t.i > i + 1]
    else:
        return None
    words = [t for t in keep if not t.is_punct and not t.is_space]
    if len(words) < 3:
        return None
    return _Clause(
        words[0].idx, words[-1].idx + len(words[-1]), show, show.idx + len(show), tokens[i - 1]
    )


_DANGLING = frozenset(["and", "or", "but", "nor"])  # conjunctions that cannot end a clause


def _object_that(token: Token) -> bool:
    """Whether a "that" opening what was said is the parser's object inside the clause it opens
    ("said in a briefing that the sides would meet": "that" the object of "meet")."""
    if token.lower_ != "that" or token.dep_ not in ("dobj", "pobj"):
        return False
    clause = next((a for a in token.ancestors if a.dep_ in ("relcl", "ccomp")), None)
    if clause is None:
        return False
    if clause.dep_ == "relcl":
        return _that_as_object(clause)
    # a complement with a subject of its own after the "that"
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i > token.i for c in _children(clause))


def _object_taken_for_subject(verb: Token, comps: list[Token]) -> tuple[Token, Token] | None:
    """(object, clause) where the parser took the subject of what was said for the object of the
    verb of saying, and the rest for a clause with no subject: "said on Friday a deal to end the
    programme was "within reach"" (deal the object of said, "was" its subjectless ccomp)."""
    clause = next(
        (c for c in comps if c.dep_ == "ccomp" and c.i > verb.i and _subjectless(c)), None
    )
    if clause is None or _marked_by(clause, ("that", "if", "whether")):
        return None
    obj = next(
        (c for c in comps if c.dep_ == "dobj" and verb.i < c.i and c.right_edge.i < clause.i),
        None,
    )
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    if _hearer_only(obj) and _hearer_as_possessive(verb, obj) is None:
        return None
    return obj, clause


def _hearer_as_possessive(verb: Token, obj: Token) -> Token | None:
    """The hearer the parser made the possessive of the object after it: "Yang told her Beijing
    would keep pressing Pyongyang" ("her Beijing" one phrase; "her" is who was told); a name
    takes no "her" (not "told her husband ...", which may be his)."""
    if obj.pos_ != "PROPN":
        return None
    return next(
        (c for c in _children(obj) if c.dep_ == "poss" and c.lower_ == "her" and c.i == verb.i + 1),
        None,
    )


def _subjectless(verb: Token) -> bool:
    """Whether a verb has no subject of any kind (not even an expletive "it" or "there")."""
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in _children(verb))


_TAG_MAX_TOKENS = 5  # "(2nd LD)", "(LEAD)", "(UPDATE 2)", "(Yonhap Interview)": 1 to 3 words


def _past_wire_tag(first: Token, last_i: int) -> Token:
    """The first token of what was said after a wire's tag that opens a headline ("(2nd LD) N.
    Korea open to talks, Bosworth says"): after its closing bracket (`first` when none)."""
    tokens = _tokens(first.doc)
    if first.i == 0 or tokens[first.i - 1].text != "(":
        return first
    if first.i > 1 and "\n" not in tokens[first.i - 2].text:
        return first  # a bracket inside a sentence: "the people (via referenda) should be ..."
    close = next((t for t in tokens[first.i : first.i + _TAG_MAX_TOKENS] if t.text == ")"), None)
    if close is None or close.i >= last_i:
        return first
    start = tokens[close.i + 1]
    while start.i < last_i and (start.is_punct or start.is_space):
        start = tokens[start.i + 1]
    return start


def _content_bounds(sub: list[Token]) -> tuple[Token, Token]:
    """First and last token of a reported clause, without its "that", edge punctuation and a
    conjunction left dangling at its end ("he's not backing any candidate, and")."""
    doc = sub[0].doc
    tokens = _tokens(doc)
    start_t = sub[0]
    while start_t.i < sub[-1].i and (
        start_t.is_punct
        or (start_t.lower_ == "that" and start_t.dep_ == "mark")
        # ... or the "that" the parser made an object inside the clause it opens ("said in a
        # briefing that the sides would meet")
        or (start_t.i == sub[0].i and _object_that(start_t))
    ):
        start_t = tokens[start_t.i + 1]
    start_t = _past_wire_tag(start_t, sub[-1].i)
    end_t = sub[-1]
    while end_t.i > start_t.i and (
        end_t.is_punct or end_t.is_space or (end_t.dep_ == "cc" and end_t.lower_ in _DANGLING)
    ):
        end_t = tokens[end_t.i - 1]
    return start_t, end_t


# what may open the next item of a list of noun phrases
_ITEM_START_POS = frozenset(["DET", "NOUN", "PROPN", "ADJ", "NUM"])


def _rest_after(last: Token, mark: str) -> list[Token]:
    """The tokens of `last`'s sentence after `mark` right after it, without the closing punctuation
    (none when `mark` does not follow `last`)."""
    tokens = _tokens(last.doc)
    at = last.i + 1
    if at + 1 >= len(tokens) or tokens[at].text != mark:
        return []
    end = _sent(last).end
    while end - 1 > at and (tokens[end - 1].is_punct or tokens[end - 1].is_space):
        end -= 1
    return list(tokens[at + 1 : end])


def _list_tail(last: Token) -> Token:
    """The end of an object that is the first of a list the parser broke up ("spoke of the
    malaise in Mexican society, the lack of jobs and education for the young, the horrific
    violence of the drug cartels"): the noun phrases after a comma that run to the end of the
    sentence with no verb, time or quote mark among them go on with it; else `last`."""
    rest = _rest_after(last, ",")
    if (
        not rest
        or rest[0].pos_ not in _ITEM_START_POS
        or rest[-1].pos_ not in ("NOUN", "PROPN", "NUM")
        or not any(t.text == "," or t.lower_ in ("and", "or") for t in rest)
        or any(
            t.pos_ in ("VERB", "AUX")
            or t.ent_type_ in _NOT_SPEAKER_ENTS
            or t.is_quote
            or t.text in ("(", ";", ":", "—", "–")
            for t in rest
        )
    ):
        return last
    return rest[-1]


def _colon_tail(last: Token) -> Token:
    """The end of an object that a colon goes on to spell out in phrases ("promotes a variety of
    fringe ideas: alleged conspiracies ...; health scares", "mocking a familiar target: Jeb
    Bush"): the rest of its sentence. A clause of its own after the colon ("issued a plan:
    President Obama later adopted it") is the writer's; `last` then."""
    rest = _rest_after(last, ":")
    if len([t for t in rest if not t.is_punct]) < 2 or any(
        t.is_quote or t.tag_ in _FINITE_TAGS for t in rest
    ):
        return last
    return rest[-1]


def _split_items(verb: Token, comp: Token) -> list[Token]:
    """Tokens of the items of a list that `comp` (a verb form) opens and the parser hung on
    `verb` instead ("supported eliminating caucuses, limiting the number of ... and binding",
    "urged the party to ax its superdelegate system, replace its leadership, open up ...")."""
    tokens = _tokens(verb.doc)
    items: list[Token] = []
    last = comp.right_edge.i
    for c in verb.rights:
        if c.i <= last or c.dep_ in ("punct", "cc"):
            continue
        if (
            c.dep_ not in ("conj", "advcl")
            or c.tag_ != comp.tag_
            or c.tag_ == verb.tag_
            or tokens[c.left_edge.i - 1].text not in (",", "and", "or")
            or any(
                g.dep_ in ("nsubj", "nsubjpass", "mark", "auxpass")
                or (g.dep_ == "aux" and g.lower_ != "to")
                for g in _children(c)
            )
            or _is_cue(c, cognition=True)
            # "..., and remove loopholes that allow companies to tell ''one country ...''":
            # a quotation is an utterance of its own
            or any(t.is_quote for t in c.subtree)
        ):
            break
        items.extend(c.subtree)
        last = c.right_edge.i
    return items


# what the parser makes of quoted words that end a reported clause when it hangs them on the
# verb of saying
_QUOTED_TAIL = frozenset(["advmod", "prep", "npadvmod", "dobj", "acomp", "attr", "advcl"])


@dataclass(frozen=True, slots=True)
class _Clause:
    start: int
    end: int
    cue: Token
    cue_end: int
    subject: Token | None
    # found by no verb of saying (a bare "that" clause): only where no other quote is
    fallback: bool = False
    # the words as printed, with no quote marks: a block after a colon (see _colon_blocks)
    verbatim: bool = False
    # a paragraph of such a block after its first: it continues the same utterance
    continues: bool = False
    # where the cue starts inside its token, when not at its start (the ":" of a turn's "):")
    cue_start: int | None = None
    # a transcript's turn ("MR. McCORMACK: ..."), its speaker's words whole
    turn: bool = False

    @property
    def cue_at(self) -> int:
        """Where the cue's text starts."""
        return self.cue.idx if self.cue_start is None else self.cue_start


def _clause_over(first: Token, last: Token, cue: Token, subject: Token | None) -> _Clause:
    """The clause from `first` to `last` (tokens), reported by the single-word `cue`."""
    return _Clause(first.idx, last.idx + len(last), cue, cue.idx + len(cue), subject)


_HOLDER_ENTS = frozenset(["PERSON", "ORG", "NORP"])  # not a place: "To the north, ..."


def _reports_itself(verb: Token) -> bool:
    """Whether the verb a phrase modifies is an attribution of its own ("In a statement, she
    said ..."), which reports the clause, not the phrase."""
    return _starts_attribution(verb) or verb.lower_ in SPEECH_VERBS


def _human_subject(verb: Token) -> bool:
    subj = _subject_of(verb)
    if subj is None:
        return False
    return (
        subj.ent_type_ in _HOLDER_ENTS
        or subj.lower_ in _PRONOUNS
        or bool(_PERSON_ROLE.search(subj.text))
    )


def _stance_clause(noun: Token) -> _Clause | None:
    """`Mr. Obama's calls for tighter gun control`, `his pledge to close the plant`: a stance
    noun of a holder (its possessor, or the subject of the light verb it is the object of: "made
    several statements on") and the object of its preposition or its infinitive, which is what
    the stance is about."""
    holder = next(
        (
            c
            for c in _children(noun)
            if c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_ in ("PERSON", "ORG"))
        ),
        None,
    )
    head = noun.head
    if holder is None and noun.dep_ == "dobj" and head.pos_ == "VERB":
        holder = _subject_of(head)  # "Trump has made several statements on the matter"
    if holder is None and noun.lower_ not in _OPEN_STANCES:
        return None
    # "won the support of minorities", "secured the endorsement of the sheriff": after "the" the
    # "of" of a backing names who gives it, not what it is for
    by_of = _the_backing(noun)
    obj = next(
        (
            g
            for c in _children(noun)
            if c.dep_ == "prep"
            and c.lower_ in _STANCE_PREPS
            and c.i > noun.i
            and not (by_of and c.lower_ == "of")
            for g in _children(c)
            if g.dep_ in ("pobj", "pcomp")
        ),
        None,
    )
    if obj is None:
        # "his plan to deport them", "Berlin's pledge to add soldiers": an intent's infinitive
        obj = next(
            (
                c
                for c in _children(noun)
                if c.dep_ == "acl" and c.i > noun.i and any(g.tag_ == "TO" for g in _children(c))
            ),
            None,
        )
    if obj is None:
        return None
    start_t, end_t = _content_bounds(_before_own_report(list(obj.subtree), obj, obj.i))
    return _clause_over(start_t, end_t, noun, holder)


_AUTHORS = frozenset(["ORG", "PERSON"])
_FROM_WHOM = frozenset(["by", "from"])


def _nominal_clause(noun: Token) -> _Clause | None:
    """`Trump's claim that ...`, `made the argument that ...`: a speech noun with a that-clause.

    The speaker is the possessor of the noun when it is a name, else the subject of the verb the
    noun is the object of ("stood by his claim"), else nobody named: with its clause a speech
    noun reports a statement whoever holds it ("even a passing promise that ..."; on PolNeAR
    train 20 of the 22 such clauses a holder was required for are attributions).
    """
    comp = next(
        (
            c
            for c in _children(noun)
            if c.dep_ in ("acl", "ccomp", "relcl")
            and any(g.lower_ == "that" and g.dep_ == "mark" for g in _children(c))
        ),
        None,
    )
    if comp is None:
        return None
    subj = next(
        (c for c in _children(noun) if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON")), None
    )
    if subj is None:
        # "a New York Times report that ...", "a Justice Department claim that ...": the name
        # before the noun is whose report it is (a place there is what it is about)
        subj = next(
            (
                c
                for c in _children(noun)
                if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in _AUTHORS
            ),
            None,
        )
    if subj is None:
        # "an admission from Elizabeth Warren that ...", "a claim by the campaign that ...": the
        # one it comes from, named after the noun
        subj = next(
            (
                named
                for c in _children(noun)
                if c.dep_ == "prep" and c.lower_ in _FROM_WHOM and c.i < comp.i
                for g in _children(c)
                if g.dep_ == "pobj"
                # ... or by the name set off after a noun there ("an allegation from his first
                # wife, Ivana Trump, that ...")
                for named in (g, *(a for a in _children(g) if a.dep_ == "appos"))
                if named.ent_type_ in _AUTHORS
            ),
            None,
        )
    if subj is None:
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        if noun.dep_ in ("dobj", "pobj") and head.pos_ in ("VERB", "AUX"):
            subj = _subject_of(head)
    if subj is None:
        subj = _name_before_mistagged_verb(noun)  # "Trump charges that ..."
    # "the notion that a shakeup is coming, explaining that ...": a report of its own after the
    # clause ends it, as it ends a verb's (the parser hangs the participle on the clause)
    start_t, end_t = _content_bounds(_before_own_report(list(comp.subtree), comp, comp.i))
    return _clause_over(start_t, end_t, noun, subj)


# the marks of a clause set against the one before it ("..., while Trump refers to ...")
_CONTRAST = ("while", "whereas")


def _before_own_report(sub: list[Token], comp: Token, after: int) -> list[Token]:
    """The tokens of what is reported (`comp` and its subtree, `sub`), up to a report of its own
    inside them that starts after index `after` (see _ends_report), without a trailing "and"."""
    stop = min((t.left_edge.i for t in sub if t.i > after and _ends_report(t, comp)), default=None)
    if stop is None or stop <= sub[0].i:
        return sub
    sub = [t for t in sub if t.i < stop]
    while len(sub) > 1 and (sub[-1].dep_ == "cc" or sub[-1].is_punct):
        sub.pop()  # "... to use the term as well and"
    return sub


# "concluded" in the passive: a meeting ended, unless a finding follows ("it was concluded that")
_CONCLUDED = verb_forms("conclude")


def _view_clause(verb: Token) -> _Clause | None:
    """`Trump is expected to win`, `Clinton seemed to waver`: a subject and its predicate under a
    verb of appearance or a passive verb of belief; the holder is the agent, if any."""
    word = verb.lower_
    if not (word in _SEEM or word in _PASSIVE_VIEW or word in OBJECT_VERBS or word in SPEECH_VERBS):
        return None  # the cheap test first: none of the views below
    passive = any(c.dep_ == "auxpass" for c in _children(verb)) and not _has_contracted(verb)
    # "migrants were blamed for the abuse", "he was accused by a reporter of grabbing her": a
    # stance taken toward the subject, whoever took it
    judged = passive and word not in _HEARER and (word in OBJECT_VERBS or word in SPEECH_VERBS)
    if not (word in _SEEM or (passive and word in _PASSIVE_VIEW) or judged):
        return None
    if passive and word in _CONCLUDED and not any(c.dep_ == "ccomp" for c in _children(verb)):
        return None  # "The briefing was concluded at 1:02 p.m.": ended, no finding
    subj = next((c for c in _children(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
    shared_from: Token | None = None
    if subj is None and verb.dep_ == "conj" and passive and word in _PASSIVE_VIEW:
        # "He visited Seoul and is expected to travel to Beijing": the subject the passive
        # shares with the verb before it is what is expected, and holds no view
        subj = _subject_of(verb.head)
        shared_from = next((t for t in verb.subtree if t.dep_ != "cc" and not t.is_punct), None)
    pred = next(
        (
            c
            for c in _children(verb)
            if c.dep_ in ("xcomp", "oprd", "ccomp", "acomp")
            or (c.dep_ == "prep" and (c.lower_ in ("as", "like") or judged))
        ),
        None,
    )
    if subj is None or subj.lower_ in ("it", "there") or (pred is not None and pred.i < verb.i):
        return None
    if pred is None and not judged:
        return None
    holder = next(
        (g for c in _children(verb) if c.dep_ == "agent" for g in _children(c) if g.dep_ == "pobj"),
        None,
    )
    if holder is None and (
        (pred is not None and pred.dep_ == "xcomp" and _starts_attribution(pred))
        or (word in _SEEM and (subj.ent_type_ == "PERSON" or subj.lower_ in _PRONOUNS))
    ):
        # "Cruz seemed to mock his talk", "Clinton seemed ready to riff on it": the stance or
        # mood on show is the subject's
        holder = subj
    if pred is None and holder is None:
        return None  # "No deal was announced", "the sailors were released": an event, no stance
    # "The plan was rejected by the council": what is judged, when nothing else is said of it
    start_t, end_t = _content_bounds(list(subj.subtree))
    if shared_from is not None:
        start_t = shared_from
    if pred is not None:
        _, end_t = _content_bounds(list(pred.subtree))
    return _clause_over(start_t, end_t, verb, holder)


_STATE_PREPS = _STANCE_PREPS | {"at", "toward"}  # made once, not for every child


def _state_clause(verb: Token) -> _Clause | None:
    """`Republicans have been critical of Clinton's use of email`, `Sanders is confident that he
    can win`, `she was eager to debate him`: a person in a state of mind toward something, the
    complement of the adjective (its preposition's object, its clause or its infinitive) being
    what the state is about; the holder is the subject."""
    if verb.lower_ not in _COPULAS:
        return None
    adj = next((c for c in _children(verb) if c.dep_ == "acomp" and c.lower_ in _STANCE_ADJS), None)
    if adj is None or not _human_subject(verb):
        return None
    obj = next(
        (
            g
            for c in _children(adj)
            if c.dep_ == "prep" and c.i > adj.i and c.lower_ in _STATE_PREPS
            for g in _children(c)
            if g.dep_ in ("pobj", "pcomp")
        ),
        None,
    )
    if obj is None:
        obj = next(
            (c for c in _children(adj) if c.dep_ in ("ccomp", "xcomp") and c.i > adj.i), None
        )
    if obj is None or (obj.dep_ == "xcomp" and _starts_attribution(obj)):
        return None  # "is willing to offer them a contract": the verb inside reports the stance
    start_t, end_t = _content_bounds(list(obj.subtree))
    return _clause_over(start_t, end_t, adj, _subject_of(verb))


def _source_phrase_clause(prep: Token) -> _Clause | None:
    """`In a CNN/ORC poll released Wednesday, Mr. Cruz fell to 10 percent`, `In the eyes of most
    voters, both candidates have more deficiencies than strengths`: a prepositional phrase
    naming a poll or someone's view, of which the clause it modifies is the content; the holder
    of a view is its possessor or the object of its "of" (a poll names no person)."""
    head = prep.head
    if head.pos_ == "NOUN" and head.dep_ in ("dobj", "attr") and head.head.pos_ in ("VERB", "AUX"):
        # "Trump has a decisive lead in a new CNN poll": the phrase hung on the object still says
        # where the whole clause comes from
        head = head.head
    if prep.lower_ != "in" or prep.dep_ != "prep" or head.pos_ not in ("VERB", "AUX"):
        return None
    obj = next((c for c in _children(prep) if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    if _reports_itself(head) and not (
        # "In his words, the delegation showed a greater degree of flexibility": a thing shown,
        # no clause the verb reports
        obj.lower_ in _VIEW_NOUNS
        and head.lower_ in _FINDING_VERBS
        and not any(c.dep_ == "ccomp" for c in _children(head))
    ):
        return None  # "in a statement, she said ...": the verb reports it
    holder: Token | None = None
    if obj.lower_ in _VIEW_NOUNS:
        holder = next(
            (
                c
                for c in _children(obj)
                if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of" and c.i > obj.i)
            ),
            None,
        )
        if holder is not None and holder.dep_ == "prep":
            holder = next((g for g in _children(holder) if g.dep_ == "pobj"), None)
        if holder is None:
            return None
    elif obj.lower_ not in _POLL_NOUNS or (
        obj.lower_ in _POLLS_AT_LARGE and all(c.lower_ == "the" for c in obj.lefts)
    ):
        return None
    inner = {t.i for t in prep.subtree}
    rest = [
        t
        for t in head.subtree
        if t.i not in inner and not t.is_punct and not t.is_space and t.dep_ != "cc"
    ]
    if len(rest) < 3:
        return None
    start_t, end_t = _content_bounds(rest)
    return _Clause(start_t.idx, end_t.idx + len(end_t), prep, obj.idx + len(obj), holder)


# "To many, ...", "But to others, ...": groups whose view a fronted "to" phrase gives
_VIEWERS = frozenset(["many", "others", "some", "most", "him", "her", "them", "me", "us"])


def _viewpoint_clause(prep: Token) -> _Clause | None:
    """`To Sharp, Trump is the kind-hearted man who saved her farm`, `But to others, he's a
    citizen journalist`: a "to" phrase opening a sentence names whose view the clause after its
    comma is; only a person, a group of people or an organisation holds one ("To date, ...",
    "To the north, ..." do not)."""
    head = prep.head
    if prep.dep_ != "prep" or head.pos_ not in ("VERB", "AUX") or head.dep_ != "ROOT":
        return None
    sent = _sent(prep)
    before = [t for t in sent if t.i < prep.i and not t.is_space]
    if any(t.dep_ not in ("cc", "advmod") for t in before):
        return None  # "To" opens the sentence, after a "But" or "Still" at most
    obj = next((c for c in _children(prep) if c.dep_ == "pobj"), None)
    doc = prep.doc
    after = prep.right_edge.i + 1
    if obj is None or after >= len(doc) or doc[after].text != ",":
        return None
    if not (
        obj.ent_type_ in _HOLDER_ENTS
        or (obj.pos_ == "PROPN" and obj.ent_type_ == "")
        or obj.lower_ in _VIEWERS
        or _person_word(obj.text)
    ):
        return None
    if _reports_itself(head):
        return None  # "To reporters, she said ...": the verb reports it, to them
    rest = [t for t in sent if t.i > after and not t.is_punct and not t.is_space]
    if len(rest) < 3:
        return None
    start_t, end_t = _content_bounds(rest)
    return _Clause(start_t.idx, end_t.idx + len(end_t), prep, prep.idx + len(prep), obj)


def _the_backing(noun: Token) -> bool:
    """A backing after "the" ("the support of minorities"), whose "of" names who gives it."""
    return noun.lower_ in _BACKINGS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in _children(noun)
    )


def _reaction_clause(verb: Token) -> _Clause | None:
    """`The statement drew sharp criticism from both sides`, `His behavior has angered the
    party's leaders`: the subject is what the reaction is about."""
    subj = next((c for c in _children(verb) if c.dep_ == "nsubj"), None)
    obj = next((c for c in _children(verb) if c.dep_ == "dobj"), None)
    if subj is None or obj is None or subj.lower_ in ("it", "there", "that", "which", "who"):
        return None
    if verb.lower_ in _RECEIVE and obj.lower_ in _REACTIONS:
        # "drew criticism from both sides"; after "the", the "of" of a backing names its giver
        # too ("received the endorsement of Gov. Mike Pence")
        givers = ("from", "of") if _the_backing(obj) else ("from",)
        holder = next(
            (
                g
                for c in [*_children(verb), *_children(obj)]
                if c.dep_ == "prep" and c.lower_ in givers
                for g in _children(c)
                if g.dep_ == "pobj"
            ),
            None,
        )
    elif verb.lower_ in _AFFECT:
        holder = obj
    else:
        return None
    start_t, end_t = _content_bounds(list(subj.subtree))
    return _clause_over(start_t, end_t, verb, holder)


# words that cannot head the noun phrase naming who speaks in a title
_NOT_A_TITLE_HEAD = frozenset(["PART", "ADV", "AUX", "ADP", "DET", "CCONJ", "SCONJ"])


def _title_clause(doc: Doc, start: int, end: int) -> _Clause | None:
    """`Conservative Icon Morton Blackwell Endorses Ted Cruz`: a title whose subject is followed
    by a verb of saying or of a stance; what follows the verb (and its preposition) is the
    content, up to a colon or the end."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return None
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not 3 <= len(words) <= _TITLE_MAX_WORDS:
        return None
    # the words of a quotation in the title are what was said, no verb of saying ("Obama Sees
    # 'Personal Insult' If ...")
    quoted = find_quote_marks(doc_text(doc)[start:end])
    for n, cue in enumerate(words):
        word = cue.lower_
        if (
            n == 0
            or cue.pos_ in ("DET", "ADP")
            or any(lo <= cue.idx - start < hi for lo, hi in quoted)
            or not (
                word in SPEECH_VERBS
                or word in OBJECT_VERBS
                or word in _PREP_CUES
                or word in _AS_VERBS  # "Obama Sees 'Personal Insult' If Blacks Don't Rally"
            )
            # "The United States warned North Korea.": a word inside a place's name is no verb
            # (inside a person's or a group's, it often is: the tagger runs a title together)
            or (cue.ent_iob_ == "I" and cue.ent_type_ in ("GPE", "LOC"))
            # "U.S. State Department Warns ...": a word of a body's name before the noun it
            # names, no verb (unless that noun may be the title's object: NER ran "Biden Aims
            # Insult At" into one name)
            or (
                cue.ent_type_ in ("ORG", "FAC")
                and cue.dep_ == "compound"
                and cue.head.i == cue.i + 1
                and cue.head.ent_iob_ == "I"
                and cue.head.lower_ not in OBJECT_VERBS
                and cue.head.lower_ not in SPEECH_VERBS
            )
        ):
            continue
        if words[n - 1].pos_ in ("DET", "ADP") or words[n - 1].lower_ in ("of", "the", "a"):
            continue  # "The Claims of ...", "in Support of": a noun, not a verb
        if (
            word in ("talks", "talk")
            and words[n - 1].ent_type_ != "PERSON"
            and any(t.lower_ == word and t.pos_ == "NOUN" for t in doc[span.end :])
        ):
            # "Six-Party Talks Resume", "Nuclear Talks Stall" over a story of "the talks": the
            # noun, not "Obama Talks Tough"
            continue
        if any(t.lower_ in HEADLINE_VERB_FORMS for t in words[1:n]):
            # the title's verb came before, one of doing: "Trump Makes Campaign Announcement
            # For Speech ..." has no "Campaign" said
            return None
        # the words of the cue's own sentence: a line of two ("Lim is in Beijing. Thanks,
        # Louisa.", a broadcast's sign-off) names no subject of the second in the first
        ended = [t.i for t in span if t.i < cue.i and t.text in (".", "?", "!")]
        subject = [t for t in words[:n] if not ended or t.i > ended[-1]]
        while subject and (
            subject[-1].lower_ in _TITLE_AUX
            or subject[-1].dep_ == "neg"
            or subject[-1].tag_ == "MD"
        ):
            subject.pop()  # "Why Republicans Won't Renounce Trump": the subject before "won't"
        if not subject or not any(t.text[:1].isupper() for t in subject):
            return None
        rest = [t for t in span if t.i > cue.i]
        stop = next((t.i for t in rest if t.text in (":", ";")), None)
        rest = [t for t in rest if stop is None or t.i < stop]
        if rest and rest[0].lower_ in _CUE_PREPS and word in _PREP_CUES:
            rest = rest[1:]  # "Calls For Action"
        while rest and (rest[-1].is_punct or rest[-1].is_space):
            rest.pop()
        if not rest:
            return None
        subj = subject[-1]  # the head of a title's noun phrase is its last word
        if subj.pos_ in _NOT_A_TITLE_HEAD:
            return None  # "Don't Blame Bush", "Trump's Support ...": no one named before the verb
        return _clause_over(rest[0], rest[-1], cue, subj)
    return None


# a colon that ends its paragraph, and the blank lines after it
_COLON_BREAK = re.compile(r":[ \t]*\n\s*")
# a paragraph that leads in a quote of its own with a label and a colon: one item of a list of
# who said what ("- Christopher Hill, United States: "We've made some progress."")
_LABELLED_QUOTE = re.compile(r"[^\n\"“:]{1,80}:[ \t\u00a0]*[\"“‘«`']")
# what introduces a block of text after a colon: "gave the following answer", "issued the
# following statement", "The statement reads:"
_BLOCK_VERBS = verb_forms("give issue release make read") | frozenset(["gave", "given", "made"])


def _block_cue(sent: Span) -> Token | None:
    """The verb that introduces what follows a sentence's closing colon: a verb of saying with
    its subject ("The statement said:"), a document that reads ("The statement reads:"), or
    the following words given ("A spokesman ... gave the following answer to a question
    raised by KCNA:")."""
    for verb in sent:
        if verb.pos_ != "VERB" or _subject_of(verb) is None:
            continue
        if _is_cue(verb) and verb.lower_ in SPEECH_VERBS:
            return verb
        if verb.lower_ in _BLOCK_VERBS and (
            verb.lower_.startswith("read")
            or any(
                g.lower_ == "following"
                for c in _children(verb)
                if c.dep_ == "dobj"
                for g in _children(c)
            )
        ):
            return verb
    return None


# a broadcast transcript's speaker label on a line of its own, the turn in the paragraphs below
# it (NPR's "STEVE INSKEEP, host:", "LOUISA LIM reporting:")
# (with a title or a role: not a section's "PREVIOUSLY:" or "SHORT READS:")
# (or a Reuters "INSTANT VIEW"'s commentator, the name and the roles after it in capitals:
# "DANIEL MERCER, SENIOR FELLOW, PACIFIC SECURITY FORUM, WASHINGTON:")
_LABEL_LINE = re.compile(
    rf"[ \t]*((?:{PERSON_TITLES})\.?[ \t]+{CAPS_NAME_WORD}(?:[ \t]+{CAPS_NAME_WORD}){{0,3}}"
    rf"(?=[ \t]*:)|{CAPS_NAME_WORD}(?:[ \t]+{CAPS_NAME_WORD}){{0,3}}"
    rf"(?=,[ \t]*(?i:{TURN_ROLES})[ \t]*:|[ \t]+reporting[ \t]*:)"
    rf"|{_COMMENTATOR}(?={_COMMENTATOR_ROLE_END}))"
    rf"(?:,[ \t]*(?i:{TURN_ROLES})|[ \t]+reporting|{CAPS_ROLE})?[ \t]*:[ \t]*$"
)
# a line in brackets that a broadcast transcript sets between turns ("(Soundbite of press
# conference)")
_STAGE_LINE = re.compile(r"[ \t]*\([^()\n]{1,80}\)[ \t]*$")


# an interview's question or answer ("Q: ...", "A. ...", "Q -- ...") and the White House's
# reporter's turn ("Q Tony, ...")
_QA_TURN = re.compile(r"[ \t]*[QA](?:[:.]|[ \t]*(?:--|[—–-]))?[ \t]+\S")


@lru_cache(maxsize=4)
def _qa_turns(text: str) -> int:
    """How many paragraphs of a text are an interview's "Q:" or "A:" turns."""
    return sum(1 for para in _PARAGRAPH.finditer(text) if _QA_TURN.match(para.group()))


# a turn's label in title case, a title and a name: "Mr. Taniguchi: ...", "Ms. Lee: ..."
_TITLED_TURN = re.compile(
    r"[ \t]*((?:Mr|Ms|Mrs|Dr)\.?[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?):[ \t]+\S"
)
# a parliament's record (Hansard): a member's turn labelled with the name, the constituency and
# party in brackets ("1. Mr. Andrew Mackinlay (Thurrock) (Lab): ..."), or a minister's with the
# office and the name in brackets ("The Minister for Trade (Ian McCartney): ..."); group 1 is
# the name
_MEMBER_TURN = re.compile(
    r"[ \t]*(?:\d{1,3}\.[ \t]+)?(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lady|Lord)\.?[ \t]+)?"
    r"([A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][a-z][\w'’-]*){1,3})[ \t]+\([^()\n]{2,40}\)"
    r"(?:[ \t]+\([A-Z][\w/ -]{1,12}\))?:[ \t]+(?=\S)"
    r"|[ \t]*The[ \t]+(?:[A-Z][\w'’-]*|of|for|and|the)(?:[ \t]+(?:[A-Z][\w'’-]*|of|for|and|the)){0,10}"
    r"[ \t]+\(([A-Z][a-z][\w'’.-]*(?:[ \t]+[A-Z][a-z][\w'’-]*){1,3})\):[ \t]+(?=\S)"
    # (a UN verbatim record: a title, the family name alone and the member state in brackets,
    # "Mr. Bolton (United States of America): ...")
    r"|[ \t]*(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?[ \t]+([A-Z][a-z][\w'’-]*)[ \t]+\([^()\n]{2,60}\):"
    r"[ \t]+(?=\S)"
)
# a legislature's record whose labels end in a full stop: the Congressional Record's "Mr.
# LUGAR. Mr. President, I rise ..." (a title and the name in capitals, "of Texas" where two
# share it; group 1) and its chair's "The PRESIDING OFFICER. The Senator from Delaware." (group
# 2); and the UN's "The President: I now give the floor to ..." (group 3), whom the record's
# head names (_PRESIDENT_LINE)
_RECORD_TURN = re.compile(
    r"[ \t]*(?:(?:Mr|Mrs|Ms|Miss)\.[ \t]+([A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’-]+)?)"
    r"(?:[ \t]+of[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)?"
    r"|The[ \t]+((?:ACTING[ \t]+)?(?:PRESIDING[ \t]+OFFICER|PRESIDENT|SPEAKER|CHAIR(?:MAN)?)"
    r"(?:[ \t]+pro[ \t]+tempore)?))(?:[ \t]+\([^()\n]{2,40}\))?\.[ \t]+(?=\S)"
    r"|[ \t]*The[ \t]+((?:Acting[ \t]+)?President)(?:[ \t]+\([^()\n]{2,40}\))?:[ \t]+(?=\S)"
)
# (at any line's start: whether a text has such turns at all)
_RECORD_LINE = re.compile(rf"^(?:{_RECORD_TURN.pattern})", re.M)
# the head of a UN verbatim record naming the Council's president ("President: Mr. Kenzo Oshima
# (Japan)"), who speaks as "The President:"
_PRESIDENT_LINE = re.compile(
    r"^[ \t]*President:[ \t]+(?:(?:Mr|Mrs|Ms|Sir|Dame|Dr)\.?[ \t]+)?"
    r"([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})[ \t]*(?:\([^()\n]*\))?[ \t]*$",
    re.M,
)
# what a record sets between its turns, no one's words: "The meeting was called to order at
# 1.10 p.m.", "A vote was taken by show of hands.", "At the invitation of the President, Mr.
# Pak ... took a seat at the Council table.", "Mr. BIDEN addressed the Chair.", "There being no
# objection, the material was ordered to be printed in the Record, as follows:"
_RECORD_STAGE = re.compile(
    r"[ \t]*(?:The[ \t]+meeting[ \t]+(?:was[ \t]+(?:called[ \t]+to[ \t]+order|suspended|adjourned)"
    r"|rose|resumed)|The[ \t]+agenda[ \t]+was[ \t]+adopted|A[ \t]+(?:recorded[ \t]+)?vote[ \t]+was"
    r"[ \t]+taken|At[ \t]+the[ \t]+invitation[ \t]+of[ \t]+the[ \t]+President|(?:In[ \t]+favour|Against"
    r"|Abstaining):|(?:Mr|Mrs|Ms)\.[ \t]+[A-Z][A-Z'’-]+[ \t]+addressed[ \t]+the[ \t]+Chair"
    r"|There[ \t]+being[ \t]+no[ \t]+objection,[ \t]+the[ \t]+\w+[ \t]+(?:was|were)[ \t]+ordered"
    r"|The[ \t]+representative[ \t]+of[^.\n]{2,80}?[ \t]+(?:left|took|withdrew|walked|resumed)\b)"
)
# a record with members' labels (_MEMBER_TURN), in which a label in title case is a turn too
# ("Seiji Maehara (DPJ): ... / Foreign Minister Nakasone: ... / Maehara: ...")
_MEMBER_LINE = re.compile(rf"^(?:{_MEMBER_TURN.pattern})", re.M)
# the labels that open a speaker's turn
_TURN_OPENERS = (
    _TRANSCRIPT_TURN, _TURN, _QA_TURN, _LABEL_LINE, _TITLED_TURN, _CUT_TURN, _MEMBER_TURN,
    _CAPTION_CUT, _RECORD_TURN,
)  # fmt: skip


def _turn_starts(paragraph: str) -> bool:
    """Whether a paragraph starts a new turn, or is a stage direction between turns."""
    return any(
        p.match(paragraph) is not None
        # ("Mr. Taniguchi: ...", a label in title case)
        # (a title-case label too, "Maehara: ...", though no turn of a dialogue: no speaker's
        # words go on past another's label)
        for p in (*_TURN_OPENERS, _STAGE_LINE, _HEADLINE, _RECORD_STAGE, _PLAIN_TURN)
    )


# the turns a text has when it is a transcript, not a story quoting a few turns of one (on
# PolNeAR, a paragraph after the second of three turns was the writer's comment)
_TRANSCRIPT_TURNS_MIN = 4


@lru_cache(maxsize=4)
def _turns_in(text: str) -> int:
    """How many paragraphs of a text open a speaker's turn."""
    return sum(
        1 for para in _PARAGRAPH.finditer(text) if any(p.match(para.group()) for p in _TURN_OPENERS)
    ) + (len(_plain_labels(text)) if _dialogue(text) else 0)


# a turn's label of a name in title case alone ("Holloway: ...", "Presenter Jane Holloway: ..."),
# a turn only in a dialogue (_dialogue): a live page's "Sanders: ..." items are headlines
_PLAIN_TURN = re.compile(
    r"[ \t]*((?:(?:Presenter|Anchor|Host|Moderator|Interviewer)[ \t]+)?"
    r"[A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][a-z][\w'’-]*){0,2}):[ \t]+\S"
)
# a dialogue's turns: at least this many labels, of at most _DIALOGUE_VOICES names
_DIALOGUE_TURNS_MIN = 4
_DIALOGUE_VOICES = 3


@lru_cache(maxsize=4)
def _plain_labels(text: str) -> list[str]:
    """The family names of the title-case labels opening a text's paragraphs (_PLAIN_TURN)."""
    return [
        m.group(1).split()[-1]
        for para in _PARAGRAPH.finditer(text)
        if (m := _PLAIN_TURN.match(para.group())) is not None and not _LABEL.match(m.group(1))
    ]


def _dialogue(text: str) -> bool:
    """Whether a text's title-case labels are a dialogue's turns: several, of two or three
    voices taking turns ("Holloway: ... / Hill: ... / Holloway: ..."), not a live page's or a
    digest's headlines each naming someone else ("Sanders: ...", "Clinton: ...", "Trump: ...")."""
    voices = Counter(_plain_labels(text))
    return (
        sum(voices.values()) >= _DIALOGUE_TURNS_MIN
        and len(voices) <= _DIALOGUE_VOICES
        and max(voices.values()) >= 2
    )


def _turn_goes_on(text: str, end: int) -> list[tuple[int, int]]:
    """The paragraphs after a transcript's turn that carry no label of their own, when the
    next turn's label follows them: the same speaker goes on ("ASSISTANT SECRETARY HILL: ...
    / The declaration is another matter. ... / SEN. LUGAR: ..."). None when no turn follows
    (the story may resume after a transcript quoted in it), or after too many."""
    if _turns_in(text) < _TRANSCRIPT_TURNS_MIN:
        return []  # an excerpt quoted in a story, whose writer's words may follow it
    paragraphs: list[tuple[int, int]] = []
    for para in _PARAGRAPH.finditer(text, end):
        if _turn_starts(para.group()):
            return paragraphs
        if len(paragraphs) == _TURN_PARAGRAPHS_MAX or para.group()[0] in _QUOTE_OPENERS:
            return []
        paragraphs.append((para.start(), para.end()))
    return []


def _printed_clause(
    start: int,
    end: int,
    cue: Token,
    speaker: Token | None,
    continues: bool = False,
    turn: bool = False,
) -> _Clause:
    """Words printed as they were said, without marks, from start to end, introduced by the
    single-word `cue` (a block after "said:", a speech under "As Prepared for Delivery")."""
    return _Clause(
        start, end, cue, cue.idx + len(cue), speaker, verbatim=True, continues=continues, turn=turn
    )


def _turn_clause(
    start: int, end: int, cue: Token, cue_at: int, speaker: Token, continues: bool = False
) -> _Clause:
    """A transcript turn's words from start to end, its label's speaker's, cued at `cue_at` (the
    label's colon, or the "Q" of a turn without one)."""
    return _Clause(
        start,
        end,
        cue,
        cue_at + 1,
        speaker,
        verbatim=True,
        continues=continues,
        cue_start=cue_at,
        turn=True,
    )


def _label_turns(doc: Doc) -> list[_Clause]:
    """The turns of a broadcast transcript whose speaker's label stands on a line of its own:
    the paragraphs below it, up to the next turn or stage direction, the labelled speaker's."""
    text = doc_text(doc)
    found = []
    for line in _PARAGRAPH.finditer(text):
        label = _LABEL_LINE.match(line.group())
        if label is None or _LABEL.match(label.group(1)):
            continue
        subj = token_at(doc, line.start() + label.end(1) - 1)
        colon_at = line.start() + line.group().rindex(":")
        colon = token_at(doc, colon_at)
        if subj is None or colon is None:
            continue
        for n, para in enumerate(_PARAGRAPH.finditer(text, line.end())):
            if _turn_starts(para.group()) or _CREDITED.match(para.group()):
                break  # (nor the wire's credits after the last turn)
            if para.group()[0] in _QUOTE_OPENERS:
                # a commentator's words in quote marks ("INSTANT VIEW"): quotes of their own,
                # whose speaker the label before them names (_Speakers.subjects)
                continue
            found.append(_turn_clause(para.start(), para.end(), colon, colon_at, subj, n > 0))
    return found


def _speech_paragraphs(doc: Doc) -> list[_Clause]:
    """A speech's or a statement's text under its head (lexicon.speech_body): each paragraph
    of it the speaker's, as a turn (what it quotes of others are rows of their own)."""
    text = doc_text(doc)
    body = speech_body(text)
    if body is None:
        return []
    head, start, end, told = body
    speaker = token_at(doc, head.end(1) - 1)
    cue = token_at(doc, told)  # "Delivery", "Statement"
    if speaker is None or cue is None:
        return []
    return [
        _printed_clause(para.start(), para.end(), cue, speaker, continues=n > 0, turn=True)
        for n, para in enumerate(_PARAGRAPH.finditer(text, start, end))
    ]


def _member_turns(doc: Doc) -> list[_Clause]:
    """The turns of a parliament's record whose labels name the member in full, with the
    constituency or the office in brackets (_MEMBER_TURN): the words after the label and the
    unlabelled paragraphs after it, the member's."""
    text = doc_text(doc)
    found = []
    president = _PRESIDENT_LINE.search(text)
    for para in _PARAGRAPH.finditer(text):
        label = _MEMBER_TURN.match(para.group()) or _RECORD_TURN.match(para.group())
        if label is None:
            continue
        group = next(g for g in range(1, label.re.groups + 1) if label.group(g) is not None)
        named_at = para.start() + label.end(group) - 1
        if label.re is _RECORD_TURN and group == 3:
            # the UN's "The President:", whom the record's head names
            if president is None:
                continue
            named_at = president.end(1) - 1
        speaker = token_at(doc, named_at)
        colon_at = para.start() + len(label.group().rstrip()) - 1  # its colon or full stop
        colon = token_at(doc, colon_at)
        if speaker is None or colon is None:
            continue
        found.append(_turn_clause(para.start() + label.end(), para.end(), colon, colon_at, speaker))
        for start, end in _turn_goes_on(text, para.end()):
            found.append(_turn_clause(start, end, colon, colon_at, speaker, True))
    return found


_SIGNED_WORDS_MIN = 4  # a signed question or letter, not a caption or a short heading


def _signed_paragraphs(doc: Doc) -> list[_Clause]:
    """A reader's question or letter, printed without marks above the line that signs it ("--
    Park Ji-won, Daejeon"): the signer's words."""
    text = doc_text(doc)
    found = []
    previous = None
    for line in _PARAGRAPH.finditer(text):
        signature = _SIGNATURE_LINE.match(line.group())
        if (
            signature is not None
            and previous is not None
            and previous.group()[0] not in _QUOTE_OPENERS
            and not _turn_starts(previous.group())
            and len(previous.group().split()) >= _SIGNED_WORDS_MIN
        ):
            speaker = token_at(doc, line.start() + signature.end(1) - 1)
            dash_at = line.start() + len(line.group()) - len(line.group().lstrip())
            dash = token_at(doc, dash_at)
            if speaker is not None and dash is not None:
                found.append(_turn_clause(previous.start(), previous.end(), dash, dash_at, speaker))
        previous = line
    return found


def _captioned_cuts(doc: Doc) -> list[_Clause]:
    """A television script's soundbites: the line of words below a caption naming their speaker
    on a line of its own ("[Christopher Hill / U.S. Assistant Secretary of State]")."""
    text = doc_text(doc)
    found = []
    for line in _PARAGRAPH.finditer(text):
        caption = _CAPTION_CUT.match(line.group())
        words = _PARAGRAPH.search(text, line.end())
        if caption is None or words is None or _turn_starts(words.group()):
            continue
        speaker = token_at(doc, line.start() + caption.end(1) - 1)
        bracket_at = line.start() + caption.start(1) - 1
        bracket = token_at(doc, bracket_at)
        if speaker is None or bracket is None:
            continue
        found.append(_turn_clause(words.start(), words.end(), bracket, bracket_at, speaker))
    return found


def _excerpts(doc: Doc) -> list[_Clause]:
    """A wire's excerpts of one person's remarks ("Following are excerpts from remarks by
    Assistant Secretary of State Christopher Hill at a news conference ...:"): the paragraphs
    below the line, to the wire's credits, are that person's words, printed without marks."""
    text = doc_text(doc)
    found = []
    for line in _PARAGRAPH.finditer(text):
        if "excerpt" not in line.group().lower() or not line.group().endswith(":"):
            continue  # (the line introduces what follows it)
        speaker = _introduced_commentator(doc, line.start(), line.group())
        colon_at = line.start() + line.group().rfind(":")
        colon = token_at(doc, colon_at)
        if speaker is None or colon is None:
            continue
        for n, para in enumerate(_PARAGRAPH.finditer(text, line.end())):
            if (
                _CREDITED.match(para.group())
                or _BULLET.match(para.group())
                # excerpts of an exchange, each turn labelled ("Maehara: ..."): a transcript
                or _turn_starts(para.group())
            ):
                break
            found.append(_turn_clause(para.start(), para.end(), colon, colon_at, speaker, n > 0))
    return found


# words of a line that only introduces a block below it: "He said:", "The spokesman said:"
_INTRO_LINE_MAX_WORDS = 4


def _colon_blocks(doc: Doc) -> list[_Clause]:
    """A paragraph introduced by the colon ending the paragraph before it, with no quote marks
    of its own: the block a statement or an answer is printed as ("A spokesman for the DPRK
    Foreign Ministry gave the following answer ...:" and the answer below it)."""
    text = doc_text(doc)
    found = []
    for m in _COLON_BREAK.finditer(text):
        start = m.end()
        line_end = text.find("\n", start)
        block = text[start : len(text) if line_end < 0 else line_end].rstrip()
        if (
            not block
            or block[0] in _QUOTE_OPENERS
            or len(block.split()) < 4
            or block.endswith(":")  # one of a run of captions, each introducing what follows
            or _LABELLED_QUOTE.match(block)
            # a transcript's label line ("LOUISA LIM reporting:"): its turn (_label_turns)
            or _LABEL_LINE.match(text[text.rfind("\n", 0, m.start()) + 1 : m.start() + 1])
            # a wire's highlights: bullets of the commentator's (attribution._bullet_speaker)
            or _HIGHLIGHTS_INTRO.search(text, text.rfind("\n", 0, m.start()) + 1, m.start() + 1)
        ):
            continue
        colon = token_at(doc, m.start())
        if colon is None:
            continue
        cue = _block_cue(colon.sent)
        if cue is None:
            continue
        end = start + len(block)
        if _attributed(doc, start, end):
            continue  # "...: Sanders, whose coalition ..., said ...": an attribution of its own
        speaker = _subject_of(cue)
        found.append(_printed_clause(start, end, cue, speaker))
        # a statement or an answer given in full ("gave the following answer", "The statement
        # reads:") goes on over the paragraphs after it that are plain text, up to one with an
        # attribution of its own ("Meanwhile, Rodong Sinmun says ...") or marks; a tweet or a
        # remark after "said:" is one paragraph, and the story resumes after it (taken on after
        # any cue, 9 paragraphs on PolNeAR: 3 were the writer's narrative, 1 lost a match)
        intro = text[text.rfind("\n", 0, cue.idx) + 1 : start].split()
        # ... as does one after a line that only introduces it ("He said:", KCNA's way with a
        # spokesman's answer), up to a paragraph that names the speaker ("Hill said: ...
        # Hill served as ambassador ...": the story resumes)
        by_line = cue.lower_ not in _BLOCK_VERBS
        if by_line and (
            len(intro) > _INTRO_LINE_MAX_WORDS or cue.lower_.startswith(("tweet", "post"))
        ):
            continue  # (a tweet is one paragraph however it is introduced)
        named = speaker.text if speaker is not None and speaker.pos_ == "PROPN" else None
        for para in _PARAGRAPH.finditer(text, end):
            words = para.group().split()
            if (
                _turn_starts(para.group())  # (a transcript's next speaker)
                or (by_line and named is not None and named in words)
                or para.group()[0] in _QUOTE_OPENERS
                or len(words) < 4
                or para.group().endswith(":")
                or _attributed(doc, para.start(), para.end())
            ):
                break
            found.append(_printed_clause(para.start(), para.end(), cue, speaker, continues=True))
    return found


_PARAGRAPH = re.compile(r"[^\s][^\n]*[^\s]")  # a paragraph's text, without its edge spaces


def _attributed(doc: Doc, start: int, end: int) -> bool:
    """Whether the text from start to end holds a verb of saying with a subject."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        t.pos_ == "VERB" and t.lower_ in SPEECH_VERBS and _subject_of(t) is not None for t in span
    )


def _title_clauses(doc: Doc) -> list[_Clause]:
    """Clauses of title-case lines: the headline and subheads."""
    text = doc_text(doc)
    found = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if not _title_case(_LINE_WORD.findall(line)):
            continue  # a sentence, which the parser reads well
        if _CREDIT_LINE.search(line) or _CREDITED.match(line):
            continue  # a byline's credit line ("Washington Post Staff Writer"), a wire's credits
        start = m.start()
        label = _HEADLINE.match(line)
        if label and _LABEL.match(label.group(1)):
            start += label.end()  # "The Latest: Sanders declares ..."
        clause = _title_clause(doc, start, m.end())
        if clause is not None:
            found.append(clause)
    return found


_CLAUSE_POS = frozenset(["NOUN", "VERB", "AUX"])
# the words a noun must be for _is_cue or _trailing_report to take it (see _mistagged_verb)
_NOUN_CUES = SPEECH_VERBS | COGNITION_VERBS | _PUT | _RETORT_VERBS


def _vote_objects(verb: Token) -> list[Token]:
    """`Sanders voted to ban therapeutic cloning`, `voted in favor of the bill`: what a vote was
    for (8 such attributions no rule found on PolNeAR train)."""
    found = [
        c
        for c in _children(verb)
        if c.dep_ == "xcomp" and c.i > verb.i and any(g.tag_ == "TO" for g in _children(c))
    ]
    for prep in _children(verb):
        if prep.dep_ == "prep" and prep.lower_ == "in":
            found += [
                g
                for n in _children(prep)
                if n.dep_ == "pobj" and n.lower_ in _IN_FAVOR
                for of in _children(n)
                if of.dep_ == "prep" and of.lower_ == "of"
                for g in _children(of)
                if g.dep_ in ("pobj", "pcomp")
            ]
    return found


def _without_saying_circumstance(verb: Token, clause: Token, sub: list[Token]) -> list[Token]:
    """A reported clause without the phrase right after the verb that the parser hung on the
    clause but that tells when or where it was said: "said on Tuesday it would never return",
    "said in a statement it would respond"."""
    subject = next((c for c in _children(clause) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return sub
    # where the phrase starts: right after the verb, or after whom it was told and the phrases
    # the parser did hang on the verb ("told lawmakers Monday the North had agreed", "said in a
    # statement Tuesday the North would respond")
    at = verb.i + 1
    for c in sorted(_children(verb), key=lambda c: c.i):
        if (
            c.dep_ in ("dobj", "dative", "prep", "npadvmod")
            and c.left_edge.i == at
            and c.right_edge.i < subject.left_edge.i
        ):
            at = c.right_edge.i + 1
    lead = []
    tokens = _tokens(verb.doc)
    for c in sorted(_children(clause), key=lambda c: c.i):
        while at < c.left_edge.i and tokens[at].text == ",":
            at += 1  # "reported, citing a government official, that ...": set off by commas
        if c.left_edge.i != at or c.right_edge.i >= subject.left_edge.i:
            continue
        if (
            (c.dep_ == "prep" and c.lower_ in _CIRCUMSTANCE_PREPS)
            # "said Monday the North had agreed": the day it was said, bare
            or (c.dep_ in ("npadvmod", "tmod") and c.ent_type_ in ("DATE", "TIME"))
            # "reported, citing a government official, that ...": whom the reporter quotes
            or _source_participle(c)
        ):
            lead.append(c)
            at = c.right_edge.i + 1  # "said in a statement Monday ..."
    drop = {t.i for c in lead for t in c.subtree}
    # "said Tuesday Japan will not ...": the parser made the day a compound of the subject
    while (
        at < subject.i
        and tokens[at].lower_ in _BARE_DAY_WORDS
        and tokens[at].dep_ in ("compound", "nmod", "npadvmod")
    ):
        drop.add(at)
        at += 1
    if not drop:
        return sub
    kept = [t for t in sub if t.i not in drop]
    while len(kept) > 1 and kept[0].is_punct:
        kept.pop(0)  # "said on Tuesday, it would ...": the comma that closed the phrase
    return kept or sub


# what ends a clause cut before a quote: spaces, a comma or colon, the opening mark
_CUT_TAIL = " \n\t,:;—–-" + _DOUBLE_OPEN + "\"‘`'"


def _cut_before(doc: Doc, clause: _Clause, at: int) -> _Clause | None:
    """A reported clause cut where a quote inside it begins; None if too little is left."""
    end = clause.start + len(doc_text(doc)[clause.start : at].rstrip(_CUT_TAIL))
    if end - clause.start < 20 or end <= clause.cue_end:
        return None  # nothing said before the quote: the quote is what the verb reports
    return replace(clause, end=end)


def _found_by_document(verb: Token) -> bool:
    """Whether a verb's subject is a poll, study or report ("The survey ... finds Clinton with
    only a small lead")."""
    subject = next((c for c in _children(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.pos_ == "NOUN" and subject.lower_ in _AUTHORED


def _that_clause_of(obj: Token) -> Token | None:
    """The clause the parser hung on the hearer as a relative clause: "told a regular news
    briefing that China hoped ..." ("that" a conjunction there, the clause with a subject)."""
    if obj.dep_ != "dobj":
        return None
    return next(
        (
            c
            for c in _children(obj)
            if c.dep_ == "relcl"
            and (
                _marked_by(c, ("that",))
                # ... or the parser's relative pronoun object ("told a regular briefing that
                # Seoul was studying the statement")
                or (c.left_edge.lower_ == "that" and c.left_edge.dep_ == "dobj")
            )
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in _children(c))
        ),
        None,
    )


def _set_off_attribution(tokens: list[Token]) -> _Clause | None:
    """A sentence whose attribution is set off by commas between its subject and its predicate:
    "Pyongyang, the envoy told reporters, is ready to talk", "North Korea, Bosworth said, had
    agreed ...". The parser reads such a sentence many ways (the attribution as a relative
    clause, the subject as a conjunct of the speaker's name, two sentences' roots): of 105 such
    sentences, 18 reported nothing or lost the subject. The shape is plain in the words: a
    subject phrase of no verb, a comma, a short speaker phrase, a verb of saying with at most
    three words after it, a comma, and a predicate opening with an auxiliary."""
    texts = [t.text for t in tokens]
    found = _set_off_by(tokens, [k for k, text in enumerate(texts) if text == ","])
    if found is None:
        # wire copy sets it off by dashes ("Pyongyang -- Yonhap reported -- has agreed")
        dashes = [k for k, text in enumerate(texts) if text in DASHES]
        if len(dashes) >= 2:
            found = _set_off_by(tokens, [k for k in dashes if _aside_dash(tokens[k])])
    return found


def _aside_dash(token: Token) -> bool:
    """A dash that sets words off: a dash token, or a hyphen with a space on either side (a
    hyphen inside a word, "six-party", joins it)."""
    if token.text not in DASHES:
        return False
    return token.text != "-" or (
        bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    )


def _set_off_by(tokens: list[Token], marks: list[int]) -> _Clause | None:
    """_set_off_attribution between the first two of these marks (token positions)."""
    if len(marks) < 2 or not 1 <= marks[0] <= 8:
        return None
    first, second = marks[0], marks[1]
    cue_at = next((k for k in range(first + 2, second) if tokens[k].lower_ in _SET_OFF_CUES), None)
    if cue_at is None or cue_at - first - 1 > 5 or second - cue_at - 1 > 3:
        return None
    # the speaker phrase's head: the word of it hung outside it ("a spokesman for the ministry")
    phrase = tokens[first + 1 : cue_at]
    lo, hi = phrase[0].i, phrase[-1].i
    speaker = next(
        (t for t in phrase if not lo <= t.head.i <= hi and t.pos_ in ("PROPN", "NOUN", "PRON")),
        phrase[-1],
    )
    opener = tokens[second + 1] if second + 1 < len(tokens) else None
    if (
        opener is None
        or opener.lower_ not in _PREDICATE_OPENERS
        or speaker.pos_ not in ("PROPN", "NOUN", "PRON")
        or any(t.is_quote for t in tokens)
        or any(t.pos_ in ("VERB", "AUX") for t in tokens[:first])
        # not a relative clause ("vote, which she has repeatedly said was a mistake, was ..."):
        # a speaker phrase has no verb and no wh-word
        or any(t.pos_ in ("VERB", "AUX") or t.tag_ in ("WDT", "WP", "WP$") for t in phrase)
    ):
        return None
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    return _clause_over(words[0], words[-1], tokens[cue_at], speaker)


# words that open a clause the sentence is about, not an aside
_CLAUSE_OPENER_WORDS = "whenever if once until unless although though where"
_CLAUSE_OPENERS = _SUBORDINATORS | frozenset(_CLAUSE_OPENER_WORDS.split())


def _comma_aside(verb: Token) -> bool:
    """A verb of saying the parser hung as a clause on the verb after it, set off from that
    verb's clause by a comma and opening with no conjunction ("For now, the envoy told reporters
    in Beijing, the talks remain suspended"; "told" a ccomp of "remain"): an aside, not a clause
    the sentence is about ("When he told reporters, ..." has its "when")."""
    head = verb.head
    if verb.dep_ not in ("ccomp", "advcl") or head.i <= verb.i or verb.tag_ not in _FINITE_TAGS:
        return False  # "Asked about it, Trump said ...": a participle modifies the sentence
    if head.lower_ in SPEECH_VERBS:
        return False  # "..., Ms. Olivieri found skating a salve, she said": that verb reports it
    children = _children(verb)
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    if subject is None or any(
        c.dep_ == "mark" or (c.dep_ in ("aux", "auxpass") and c.i < subject.i) for c in children
    ):
        return False  # "Had the authorities found the posts, ...": a condition, inverted
    doc = verb.doc
    if any(t.lower_ in _CLAUSE_OPENERS for t in doc[verb.left_edge.i : verb.i]):
        return False  # "When he told reporters, ...", the parser's "when" an adverb
    end = verb.right_edge.i
    return end + 1 < head.i and doc[end + 1].text == ","


# words before an "as" that make it a conjunction of time or degree ("as soon as all parties
# agree", "as long as", "as far as"), not the "as" of a report ("As the Post reported, ...")
_AS_DEGREE = frozenset(["soon", "long", "far", "well", "much", "so", "such", "same"])


def _reporting_as(verb: Token) -> bool:
    """Whether a clause opens with the "as" of a report ("as the Post reported"), not with an
    "as" of time or degree ("as soon as all parties agree")."""
    tokens = _tokens(verb.doc)
    if verb.lower_ in _ASPECTUAL:
        return False  # "..., Sasae said, as the talks continued in Beijing": a time
    return any(
        c.dep_ == "mark"
        and c.lower_ == "as"
        and (c.i == 0 or tokens[c.i - 1].lower_ not in _AS_DEGREE)
        for c in _children(verb)
    )


# what joins two clauses of a sentence, the second of which an "according to" aside may report
_CLAUSE_JOINS = frozenset(["and", "but", "yet", "while", "whereas", ";"])


def _conjunct_start(tokens: list[Token], according: int, last: int) -> int:
    """Where the clause that an "according to" aside (`according` to `last`) sits in begins. In
    "The envoy left on Monday, and the talks, according to Yonhap, will resume", it is after the
    last conjunction with a verb before it and only the next clause's subject between it and
    the aside, which the predicate follows (the parser often hangs that subject on the first
    clause); else the sentence's first token."""
    start = tokens[0].i
    comma = according - 1  # the comma that sets the aside off
    after = [t for t in tokens if t.i > last + 1 and t.pos_ != "ADV"][:1]
    if (
        comma <= start
        or tokens[comma - start].text != ","
        or last + 1 - start >= len(tokens)
        or tokens[last + 1 - start].text != ","
        or not after
        or after[0].tag_ not in _FINITE_TAGS
    ):
        return start  # not a subject, an aside set off by commas, and its predicate
    found = start
    seen_verb = False
    for t in tokens[: comma - start]:
        subject = tokens[t.i + 1 - start : comma - start]
        if (
            t.lower_ in _CLAUSE_JOINS
            and seen_verb
            and subject
            and not any(b.pos_ in ("VERB", "AUX") for b in subject)
        ):
            found = t.i + 1
        # a participle too: the parser reads "The talks stalled in March" as a reduced relative
        seen_verb = seen_verb or t.tag_ in _FINITE_TAGS or t.tag_ == "VBN"
    return found


def _reports_before(tokens: list[Token], according: Token) -> bool:
    """Whether a sentence that an "according to" closes reports someone's words before it, with
    a verb of saying, its subject and its clause: "Kim told Wen that Pyongyang was willing to
    hold talks, according to KCNA" (KCNA relays what Kim said)."""
    root = _sent(tokens[0]).root
    before = _tokens(according.doc)[according.i - 2] if according.i >= 2 else None
    return (
        root.i < according.i
        and root.lower_ in SPEECH_VERBS
        and any(c.dep_ == "nsubj" and c.i < root.i for c in _children(root))
        # the clause's verb before the "according to", which closes it (not "said that
        # according to its analysis, the NLD has won ...": the analysis is what he cited)
        and any(c.dep_ == "ccomp" and root.i < c.i < according.i for c in _children(root))
        # not right after a relative clause set off by a comma, which it vouches for ("...
        # pledged delegates, which stood at 263, according to the Associated Press"; not "ways
        # to ease tension, according to ...", a clause bound to its noun)
        and not (before is not None and _in_relative_clause(before))
    )


def _in_relative_clause(token: Token) -> bool:
    """Whether a token lies in a relative clause set off by a comma (as
    speakers._in_relative_clause_of, of any noun)."""
    doc_tokens = _tokens(token.doc)
    return any(
        a.dep_ == "relcl" and a.left_edge.i > 0 and doc_tokens[a.left_edge.i - 1].text == ","
        for a in (token, *token.ancestors)
    )


def _said_before_according(tokens: list[Token], according: Token) -> bool:
    """Whether the clause that "according to" reports was said by a source set off before it
    ("..., the State Department said Thursday, according to Yonhap News"): the nearer source
    said it, and the sentence is read as that attribution."""
    doc_tokens = _tokens(according.doc)
    for verb in tokens:
        # the source's verb shortly before "according" with no other verb between ("said
        # Thursday, according to", "told reporters in Seoul, according to")
        if (
            not 0 < according.i - verb.i <= 7
            or verb.lower_ not in _SET_OFF_CUES
            or any(t.pos_ in ("VERB", "AUX") for t in doc_tokens[verb.i + 1 : according.i])
        ):
            continue
        subject = next((c for c in _children(verb) if c.dep_ == "nsubj" and c.i < verb.i), None)
        if (
            subject is not None
            and doc_tokens[subject.left_edge.i - 1].text == ","
            # what was said comes before the source ("On Monday, Trump said ..." is no such)
            and (
                any(c.dep_ in ("ccomp", "parataxis") and c.i < subject.i for c in _children(verb))
                # ... or the source is hung on it as an aside ("The talks were useful, Wi said,
                # according to Yonhap")
                or (verb.dep_ == "parataxis" and verb.head.i < subject.i)
            )
        ):
            return True
    return False


# what opens the writer's reading of an act after a source set off in the sentence ("..., the
# military said, in an apparent show of force", "in a move seen as", "in what analysts called",
# "amid rising tension"): wire copy's context, not the source's words
_WRITERS_TAIL = re.compile(
    r"(?:in (?:an? |what )?(?:apparent|possible|clear|latest|further|fresh|rare|move|sign|bid"
    r"|show|what|appeared|seemed)|amid|apparently"
    # "..., the North's media said, without saying whether ...": what the source left unsaid
    r"|without (?:saying|giving|elaborating|providing|specifying|explaining|citing|offering"
    r"|commenting|naming|mentioning|detailing))\b",
    re.IGNORECASE,
)


# a headline that names its source last, after a colon (Kyodo's, Yonhap's): "N. Korea to
# return to talks: Yonhap", "Japan to keep sanctions until abduction issue is settled: Shiozaki"
_SOURCE_LAST = re.compile(r"(\S[^:\n]{10,}?\S)\s*:\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})\s*")


_TURN_STAMP_LEAD = re.compile(rf"{TURN_STAMP_LEAD}(?=\S)")


def _reported_clauses(doc: Doc) -> list[_Clause]:
    """Reported speech: a speech or cognition verb with a clausal complement, `according to X`."""
    found: list[_Clause] = []
    # tokens after a markup "<"
    tag_names = {t.i + 1 for t in doc if t.text in ("<", "</")} if "<" in doc_text(doc) else set()
    lowers = _lowers(doc)
    pos_tags = _pos_tags(doc)
    previous: list[Token] = []
    for sent in doc.sents:
        tokens = list(_tokens(doc)[sent.start : sent.end])
        if len(tokens) > _LONGEST_SENTENCE:
            previous = []
            continue  # no sentence the parser read, and too long to read (see the constant)
        # the parser sometimes ends a sentence at the comma after its subject ("Six-party talks
        # | , Wu Dawei told reporters, will resume ..."): a sentence never opens with a comma,
        # so the shape rule reads it joined to the sentence before, in the same paragraph
        joined = (
            previous + tokens
            if previous and tokens[0].text == "," and "\n" not in previous[-1].text_with_ws
            else tokens
        )
        previous = tokens
        if "contributed" in lowers[sent.start : sent.end] and _CONTRIBUTORS.search(
            doc_text(doc), sent.start_char, sent.end_char
        ):
            continue  # a credit line: "Associated Press writers X and Y contributed to this report"
        if _CREDITED.match(doc_text(doc), sent.start_char):
            continue  # "Reported by Jung Min-ho for RFA's Korean Service."
        # the cheap test first: _according_to wants the word
        acc = _according_to(tokens) if "according" in lowers[sent.start : sent.end] else None
        according = acc is not None and not _said_before_according(tokens, acc[0])
        # read once: it decides a closing "according to"'s relay and is a clause of its own
        set_off = _set_off_attribution(joined)
        # "According to KCNA, Kim said ...": the report comes first, and the verbs of saying in
        # what it reports are read too, for the words it relays (extract._relayed)
        relays = (
            according
            and acc is not None
            and (
                acc[0].i == sent.start
                # ... or closing a sentence that reports someone's words: "Kim told Wen that
                # Pyongyang was willing to hold talks, according to KCNA"
                or _reports_before(tokens, acc[0])
                # ... or closing a sentence with a source set off in it: "The talks, Wi said,
                # were useful, according to Yonhap" (Yonhap relays what Wi said)
                or set_off is not None
            )
        )
        if according and acc is not None:
            # the whole source phrase: the parser may split a hyphenated Korean name into
            # objects of "to" side by side ("spokesman Kim Min | - | seok")
            phrase_head = acc[1].head if acc[1].head.lower_ == "to" else acc[1]
            last = max(x.i for x in phrase_head.subtree)
            first = _conjunct_start(tokens, acc[0].i, last)
            clause = [t for t in tokens if first <= t.i < acc[0].i or t.i > last]
            clause = [t for t in clause if not t.is_punct and not t.is_space]
            if all(t.pos_ in ("CCONJ", "ADV") for t in clause if t.i < acc[0].i):
                # "But according to one person who attended, he was ...": a conjunction or an
                # adverb before the aside is no part of what it reports
                clause = [t for t in clause if t.i > last]
            if clause:
                found.append(
                    _Clause(
                        clause[0].idx,
                        clause[-1].idx + len(clause[-1]),
                        acc[0],
                        acc[0].doc[acc[0].i + 1].idx + 2,
                        acc[1],
                    )
                )
            if not relays:
                continue
        relayed_from = len(found)
        if set_off is not None:
            found.append(set_off)
            if relays and acc is not None:
                _after_according(found, len(found) - 1, acc, tokens)
            continue
        text = doc_text(doc)
        if not relays and (sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws):
            # "Roger Stone: Don't Trust the Voting Machines" -- a headline attribution, or a
            # transcript turn ("TAPPER: ..."), which runs to the end of its paragraph
            para_end = text.find("\n", sent.start_char)
            paragraph = text[sent.start_char : len(text) if para_end < 0 else para_end]
            # (a podcast's time stamp before the label: "[00:03:40] DR. HANA CHOI: ...")
            stamp = _TURN_STAMP_LEAD.match(paragraph)
            para_at = sent.start_char + (stamp.end() if stamp else 0)
            paragraph = paragraph[stamp.end() :] if stamp else paragraph
            source_last = _SOURCE_LAST.fullmatch(paragraph) if sent.start_char == 0 else None
            if source_last is not None:
                # "Japan to keep sanctions until abduction issue is settled: Shiozaki": the wire
                # headline's source after its words and a colon
                title_colon = token_at(doc, source_last.end(1))
                title_source = doc.char_span(
                    source_last.start(2), source_last.end(2), alignment_mode="expand"
                )
                if (
                    title_colon is not None
                    and title_source is not None
                    and title_source.root.ent_type_ in _SPEAKER_ENTS
                ):
                    found.append(
                        _Clause(
                            source_last.start(1),
                            source_last.end(1),
                            title_colon,
                            source_last.end(1) + 1,
                            title_source.root,
                            cue_start=source_last.end(1),
                        )
                    )
                    continue
            headline = _HEADLINE.match(paragraph)
            transcript = (
                _ASKED_TURN.match(paragraph)
                or _CUT_TURN.match(paragraph)
                or _TRANSCRIPT_TURN.match(paragraph)
            )
            if transcript is not None and (
                transcript.group(2) is not None or not transcript.group(1).split()[0].isupper()
            ):
                headline = transcript
            else:
                transcript = None
            bare_q = _BARE_Q.match(paragraph) if headline is None and transcript is None else None
            q_label = token_at(doc, para_at) if bare_q is not None else None
            if bare_q is not None and q_label is not None and _briefing(doc):
                # the White House's "Q Tony, can you tell us ...?": a reporter's turn with no
                # colon, in a transcript whose spokesman's turns have one ("MR. FRATTO: ...")
                start = para_at + bare_q.end()
                rest = paragraph[bare_q.end() :].rstrip()
                found.append(_turn_clause(start, start + len(rest), q_label, para_at, q_label))
                continue
            if headline is None and (sent.start_char == 0 or _in_title_line(doc, sent.start_char)):
                # "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade", "Former AG
                # Mukasey at RNC: ...": a title's speaker, whom or where it was said, a colon
                headline = _HEADLINE_ADDRESSED.match(paragraph)
            if (
                headline
                and not _LABEL.match(headline.group(1))
                and not _TIME_LABEL.search(headline.group(1))
            ):
                name_end = para_at + headline.end(1)
                colon_at = para_at + paragraph.rfind(":", 0, headline.end())
                colon = doc.char_span(colon_at, colon_at + 1, alignment_mode="expand")
                subj = doc.char_span(para_at + headline.start(1), name_end, alignment_mode="expand")
                rest = paragraph[headline.end() :].rstrip()
                start = para_at + headline.end()
                if (
                    colon is not None
                    and subj is not None
                    and len(rest.split()) >= 2
                    and not _name_only(doc, start, start + len(rest))
                ):
                    # "MR. MCCORMACK:" the parser ends a sentence after "MR.": the name is last
                    roots = [t for t in subj if t.dep_ == "ROOT"]
                    head = subj.root if len(roots) < 2 else roots[-1]
                    if head.i < subj[-1].i and (
                        _TITLE_WORDS.match(subj.text.title())
                        # "KATE ELLISON reporting:": a first name the tagger took for a word
                        or (transcript is not None and head.pos_ != "PROPN")
                    ):
                        # "SEN. JOHN MCCAIN:", "AMB. HILL:": the parser made the title the
                        # label's head; the name ends the label
                        head = subj[-1]
                    bracketed = _bracketed_speaker(doc, transcript, para_at)
                    if bracketed is not None:
                        # "Q (Kim Ji-hoon, KBS):" is Kim Ji-hoon's question, "[ACTUALITY: HILL]"
                        # Hill's recorded words
                        head = bracketed
                    # a transcript's turn ("MR. CROWLEY: ...") records the words as spoken; a
                    # headline's ("Clinton: ...", "UN: PEACEKEEPERS PAYING ...") may be cut down
                    # to fit. Not told by _in_title_line: a short turn is title-case too
                    # ("QUESTION: Did he meet Kim Jong-il?")
                    turn = _TURN.match(paragraph)
                    titled = _TITLED_TURN.match(paragraph)
                    verbatim = (
                        sent.start_char > 0
                        and (
                            (turn is not None and turn.end(1) == headline.end(1))
                            or transcript is not None
                            # "Mr. Taniguchi: ..." of a press conference's transcript (Japan's
                            # Foreign Ministry): a label in title case is a turn only in a
                            # text of turns, as a headline's "Name:" is not
                            or (
                                titled is not None
                                and titled.end(1) == headline.end(1)
                                and _turns_in(text) >= _TRANSCRIPT_TURNS_MIN
                            )
                            # "Holloway: ..." of a dialogue of title-case labels
                            or (
                                (plain := _PLAIN_TURN.match(paragraph)) is not None
                                and plain.end(1) == headline.end(1)
                                and (
                                    _dialogue(text)
                                    or _MEMBER_LINE.search(text) is not None
                                    # the spokesman's opening "Qin Gang: Good afternoon
                                    # ..." of a press conference of "Q:"/"A:" turns
                                    or _qa_turns(text) >= _TRANSCRIPT_TURNS_MIN
                                )
                            )
                            or headline.group(1) == "Q"  # an interview's question
                        )
                        # not a digest's headline: "UN: PEACEKEEPERS PAYING ... “The United ..."
                        and not rest[:40].isupper()
                    )
                    found.append(
                        _Clause(
                            start,
                            start + len(rest),
                            colon[0],
                            colon_at + 1,
                            head,
                            verbatim=verbatim,
                            # "(Georgetown University):" makes one token of the bracket and colon
                            cue_start=colon_at,
                            turn=verbatim,
                        )
                    )
                    if not verbatim:
                        continue
                    for para_start, para_end in _turn_goes_on(text, start + len(rest)):
                        found.append(
                            _turn_clause(para_start, para_end, colon[0], colon_at, head, True)
                        )
                    # (a turn's first sentence may report another's words: "QUESTION: Kim
                    # called the deterrent "not negotiable." ...", read on below)
        for verb in tokens:
            word, pos = lowers[verb.i], pos_tags[verb.i]
            if word == "in":
                source = _source_phrase_clause(verb)
                if source is not None:
                    found.append(source)
                continue
            if word == "to":
                view = _viewpoint_clause(verb)
                if view is not None:
                    found.append(view)
                continue
            if word in _QUOTING and pos == "VERB":
                quoted = _quoted_as_saying(verb)
                if quoted is not None:
                    found.append(quoted)
                    continue
            if word == "reportedly" and verb.dep_ == "advmod":
                reported = _hearsay_clause(verb)
                if reported is not None:
                    found.append(reported)
                continue
            if pos not in _CLAUSE_POS and not verb.tag_.startswith("VB"):
                continue  # every branch below wants a noun or a verb
            if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
                continue  # "said, without saying whether ...": nothing said
            if verb.i in tag_names:
                continue  # the name of an embedded markup tag (<tweet author="...">), not a verb
            if (
                pos == "NOUN"
                and (word in _CUE_NOUNS or word in _STANCE_NOUNS)
                and not _mistagged_verb(verb)
            ):
                nominal = _nominal_clause(verb) if word in _CUE_NOUNS else None
                if nominal is None and word in _STANCE_NOUNS:
                    nominal = _stance_clause(verb)
                if nominal is not None:
                    found.append(nominal)
                continue
            if word in ("show", "shows"):
                shown = _records_show(verb)
                if shown is not None:
                    found.append(shown)
                    continue
            if pos == "NOUN" and word not in _NOUN_CUES:
                continue  # the cheap test first: below, a noun is only a mistagged verb of saying
            if pos == "VERB" and (word in _RECEIVE or word in _AFFECT):
                reaction = _reaction_clause(verb)
                if reaction is not None:
                    found.append(reaction)
                    continue
            if pos in ("VERB", "AUX"):
                view = _view_clause(verb) or _state_clause(verb)
                if view is not None:
                    found.append(view)
                    continue
            trailing = _trailing_report(verb, joined)
            if trailing is not None:
                found.append(trailing)
                continue
            aside = _inverted_aside(verb) if word in _INVERTING else None
            if aside is not None:
                # "Any clear reading, said Michael Kofman, an expert, would see a retreat": the
                # sentence around the inverted verb and its speaker is what was said
                around = [
                    t
                    for t in joined
                    if not verb.i - 1 <= t.i <= aside[1] and not t.is_punct and not t.is_space
                ]
                if around and around[0].i < verb.i < around[-1].i:
                    found.append(_clause_over(around[0], around[-1], verb, aside[0]))
                    continue
            if _is_cue(verb, cognition=True):
                comps = [
                    c
                    for c in _children(verb)
                    if c.dep_ == "ccomp"
                    or (
                        c.dep_ == "xcomp"
                        # "hoping to pick up delegates": a wish is about its infinitive
                        and (word in SPEECH_VERBS or word in OBJECT_VERBS)
                        and word not in _ASPECTUAL
                        # not "said, on condition of anonymity to speak freely": the terms
                        and not _ANONYMOUS.search(doc_text(doc), verb.idx, c.left_edge.idx)
                    )
                    or (c.dep_ == "dobj" and word in SPEECH_VERBS and word not in _CLAUSE_ONLY)
                    # "a survey in March found Mrs. Clinton with a lead of 48 percent": what a
                    # poll or a report finds is a finding, clause or not
                    or (c.dep_ == "dobj" and word in _FINDING and _found_by_document(verb))
                    # "asked if/whether ...": what was asked, not a condition
                    or (c.dep_ == "advcl" and word in _ASK and _marked_by(c, _QUESTION_MARKS))
                    or _that_adverbial(c)
                ]
                comps = [_clause_on_hearer(c) for c in comps if not _quoted_title(c)]
                if (
                    _quoting_aside(verb, verb.head) and verb.head.lower_ in SPEECH_VERBS
                ) or _said_across_aside(verb, verb.head) is not None:
                    # "reported, quoting an official, that ...", "said, after Obama spoke with
                    # Lee, that ...": the clause is the report's (_clause_in_adjunct); the
                    # participle's own is whom it quotes, the aside's verb reports nothing
                    comps = [c for c in comps if c.dep_ != "ccomp"]
            elif _names_it(verb):
                # "called half of Trump's supporters "deplorables"", "labeled him a liar": whom
                # one names and the name, even an amount of them
                comps = [c for c in _children(verb) if c.dep_ == "dobj" and c.i > verb.i]
            elif word in OBJECT_VERBS and pos == "VERB":
                # "raised $11.9 million", "offered 10 percent": an amount is not a stance
                comps = [
                    c
                    for c in _children(verb)
                    if c.dep_ in ("dobj", "xcomp", "ccomp") and c.ent_type_ not in _AMOUNTS
                ]
            elif word in _AS_VERBS and pos == "VERB":
                comps = [c for c in _children(verb) if c.dep_ == "dobj" and _seen_as(verb, c)]
            elif word in _PREP_CUES and pos == "VERB":
                comps = []
            elif pos == "VERB" and word not in _HAVE:
                # any verb a person uses to put a proposition: "Cruz insists/argues/warns/admits that"
                comps = [
                    c
                    for c in _children(verb)
                    if c.dep_ == "ccomp"
                    # "Trump got 18 votes, Rubio got seven": a clause before a verb that is no
                    # verb of saying is a clause the parser hung on the wrong verb
                    and c.i > verb.i
                    and any(t.dep_ == "nsubj" for t in _children(c))
                    # a proposition has a tense; a small clause does not ("does not make
                    # everyone happy"), unless "it" stands for what follows ("made it clear that")
                    and (_finite(c) or any(t.lower_ == "it" for t in _children(c)))
                ]
                if not comps or not _human_subject(verb):
                    continue  # without such a clause nothing below is found: the subject last
            else:
                continue
            # (a report names who made it: "as the Post reported", "as reported by the Post";
            # not "had failed to remove it from the list as promised")
            as_clause = (
                verb.dep_ == "advcl"
                and _reporting_as(verb)
                and any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in _children(verb))
            )
            if (
                # "The solution, the partner told them, was simple": whom it was told to is no
                # part of what was said
                (not comps or (word in _HEARER and all(_hearer_only(c) for c in comps)))
                and (verb.dep_ == "parataxis" or as_clause or _comma_aside(verb))
                and _is_cue(verb, cognition=verb.dep_ == "parataxis")
            ):
                # "The hashtag, he said, was even more popular", "As the Post reported, ...":
                # the sentence around a parenthetical attribution is what was said
                speaker = _subject_of(verb)
                inner = {t.i for t in verb.subtree}
                if speaker is not None and verb.dep_ != "parataxis" and not as_clause:
                    # "For now, the envoy told reporters, ...": the words before the speaker
                    # that the parser hung on the aside are the sentence's
                    inner = {i for i in inner if i >= speaker.left_edge.i}
                for c in _children(verb):
                    if c.dep_ in ("nsubj", "nsubjpass") and speaker is not None and c.i < speaker.i:
                        # "North Korea, Bosworth said, had agreed ...": the sentence's own
                        # subject, which the parser hung on the verb as a second one
                        inner -= {t.i for t in c.subtree}
                for t in tokens:
                    if t.i > verb.i and (
                        _source_participle(t)
                        # "..., Wi said, according to Yonhap": where the report was read
                        or (t.lower_ == "according" and t.dep_ == "prep")
                    ):
                        # "..., the daily said, quoting an intelligence official": whom the
                        # reporter quotes, wherever the parser hung it, is no part of the words
                        inner |= {g.i for g in t.subtree}
                host = verb.head
                if host.dep_ == "ccomp" and host.head.i != verb.i and _is_cue(host.head):
                    # "Crowley said that, as Bosworth noted, the talks were useful": an aside
                    # within the clause another speaker reports is about that clause only
                    inner |= {
                        t.i for t in tokens if not host.left_edge.i <= t.i <= host.right_edge.i
                    }
                    inner |= {c.i for c in _children(host) if c.dep_ == "mark"}
                around = [
                    t for t in tokens if t.i not in inner and not t.is_punct and not t.is_space
                ]
                tail = [t for t in around if t.i > verb.right_edge.i]
                if (
                    tail
                    and tail[0].i > around[0].i
                    and _WRITERS_TAIL.match(doc_text(doc), tail[0].idx) is not None
                ):
                    # "North Korea fired two missiles, the military said, in an apparent show of
                    # force": the wire's reading of the act after the source is the writer's
                    around = [t for t in around if t.i < verb.left_edge.i]
                if around and speaker is not None:
                    opens = _past_wire_tag(around[0], around[-1].i)
                    found.append(_clause_over(opens, around[-1], verb, speaker))
                continue
            answer = _answer(verb) if not comps and word in SPEECH_VERBS else None
            if answer is not None:
                found.append(_clause_over(answer[0], answer[-1], verb, _subject_of(verb)))
                continue
            if word in SPEECH_VERBS and (
                not comps
                # "told reporters after talks with Kim that the gap had narrowed": the hearer
                # is the only object, and the clause hangs in the phrase after it
                or (word in _HEARER and all(c.dep_ == "dobj" and _hearer_only(c) for c in comps))
            ):
                comps = _clause_in_adjunct(verb) or comps
            if not comps and (word in _PREP_CUES or word in SPEECH_VERBS):
                # "warned of a battle", "talked about jobs", "called for a ban": the object of
                # the preposition is what was said
                comps = [
                    g
                    for c in _children(verb)
                    if c.dep_ == "prep"
                    and (
                        c.lower_ in _CUE_PREPS
                        or (c.lower_ == "with" and word in _AGREEING)
                        or (c.lower_ == "in" and word in _BELIEVING)
                    )
                    and c.i > verb.i  # "On CNN Tuesday, Clinton called for ...": where, not what
                    and (
                        c.lower_ != "to"
                        or word not in SPEECH_VERBS
                        # "responded to the criticism": what is answered is what it is about
                        or word in _ANSWERING
                        or word in _TO_WHAT
                    )
                    and (c.lower_ in ("about", "of", "against") or word not in _TALK)
                    for g in _children(c)
                    if g.dep_ in ("pobj", "pcomp")
                    and g.ent_type_ not in _CIRCUMSTANCE
                    # "responded on Twitter", "confirmed on Facebook": where it was said
                    and not (c.lower_ == "on" and g.lower_ in _CHANNELS)
                ] + [
                    # "called for Emanuel to resign": the parser makes "for" the mark of a
                    # clause with its own subject
                    c
                    for c in _children(verb)
                    if c.dep_ == "advcl"
                    and c.i > verb.i
                    and _marked_by(c, ("for",))
                    and any(g.dep_ == "nsubj" for g in _children(c))
                ]
                if not comps and word in _VOTING:
                    comps = _vote_objects(verb)
            if not comps:
                continue
            if word in _HEARER:
                comps = [_that_clause_of(c) or c for c in comps]
            taken = _object_taken_for_subject(verb, comps) if word in SPEECH_VERBS else None
            if taken is not None:
                comps = [taken[1]]
            # a clause is what was said; the object of "told reporters that ..." is the hearer
            comps.sort(key=lambda c: c.dep_ == "dobj")
            if (
                comps[0].dep_ == "ccomp"
                and comps[0].i < verb.i
                and (
                    _own_report(comps[0])
                    or _lead_in(comps[0], verb)
                    # "..., but Bishop Ann Ray (a cleric so young she is taken for a novice)
                    # says she was restless": the parser took the verb's subject into the clause
                    # before it; the clause right after the verb is what it reports
                    # (not "..., said a former spokesman, X, who ...": the speaker after an
                    # inverted verb, which the parser made the subject of the relative clause)
                    or (
                        not any(c.dep_ in ("nsubj", "nsubjpass") for c in _children(verb))
                        and any(c.dep_ == "ccomp" and c.left_edge.i == verb.i + 1 for c in comps)
                        and _inverted_speaker(verb) is None
                    )
                )
            ):
                # "A majority say they are paying attention; 26 percent say they are not": the
                # parser makes the first report the complement of the second verb, which reports
                # only the clause after it
                later = [c for c in comps if c.dep_ == "ccomp" and c.i > verb.i]
                if later:
                    comps = later
            if comps[0].dep_ == "dobj":
                # "called the meeting a good start": the object and what is said of it
                right = [
                    c
                    for c in verb.rights
                    if (
                        c.dep_ in ("dobj", "oprd", "xcomp", "ccomp", "prep", "dative", "attr")
                        and not _absolute_clause(c)
                    )
                    # "shows Ted Cruz 16 points ahead of Trump", "has her well behind": a
                    # standing said of the object (not "ahead of next week's primary": a time)
                    or (
                        c.dep_ == "advmod"
                        and c.i > comps[0].i
                        and c.lower_ in _STANDING
                        and not any(t.ent_type_ in _NOT_SPEAKER_ENTS for t in c.subtree)
                    )
                    # "shows Trump at the top with 36 percent, followed by Carson at 14": the
                    # ranking goes on
                    or (
                        c.dep_ == "advcl"
                        and c.i > comps[0].i
                        and c.lower_ == "followed"
                        and any(g.dep_ == "agent" for g in _children(c))
                    )
                    or _noun_infinitive(comps[0], c)
                    or (word in _AS_VERBS and _as_clause(c))  # "see Trump as most likely to"
                ]
                if word in _HEARER and all(_hearer_only(c) for c in right):
                    # "Mariam Emara told CNN.", "he told reporters on Thursday", "Scarborough
                    # asked Clinton": the object of telling or asking is whom it was said to
                    continue
                sub = [t for c in right for t in c.subtree]
                sub.sort(key=lambda t: t.i)
                if sub and sub[0].i < comps[0].i and sub[0].dep_ == "dative":
                    sub = [t for t in sub if t.i >= comps[0].left_edge.i]
                if not sub:
                    continue
            elif comps[0].dep_ == "xcomp":
                # "urged the candidate to dig in": whom a wish is about belongs to what is wished
                obj = next(
                    (c for c in _children(verb) if c.dep_ == "dobj" and c.i < comps[0].i), None
                )
                sub = list(comps[0].subtree)
                if obj is not None:
                    sub = list(obj.subtree) + sub
                sub += _split_items(verb, comps[0])
            else:
                sub = list(comps[0].subtree)
                if comps[0].dep_ == "advcl" and _marked_by(comps[0], ("for",)):
                    # "called for Emanuel to resign": who is called on and what to do
                    sub = [t for t in sub if not (t.dep_ == "mark" and t.head == comps[0])]
                if comps[0].dep_ in ("pobj", "pcomp"):
                    # "boasted of his negotiating skills in whittling $25 million off the price":
                    # what the parser hung on the verb after the object still says what of it
                    sub += [
                        t
                        for c in verb.rights
                        if c.i > comps[0].i
                        and c.dep_ in _OBJECT_TAIL
                        and c.lower_ != "with"  # "talked about it with reporters": the hearers
                        and not any(g.ent_type_ in _CIRCUMSTANCE for g in _children(c))
                        # not another's act set against it ("..., while Trump refers to the
                        # governor as "Chris"")
                        and not (c.dep_ == "advcl" and _own_subject(c) and _marked_by(c, _CONTRAST))
                        for t in c.subtree
                    ]
                    sub.sort(key=lambda t: t.i)
                elif comps[0].dep_ in ("relcl", "acl"):
                    # "said at a news conference that Japan had conveyed its position "many
                    # times" and that they understood it": a clause found in the phrase after
                    # the verb goes on with a second that-clause coordinated with the verb
                    sub += [
                        t
                        for c in verb.rights
                        if c.i > comps[0].right_edge.i
                        and c.dep_ == "conj"
                        and _marked_by(c, ("that",))
                        for t in c.subtree
                    ]
                    sub.sort(key=lambda t: t.i)
                elif comps[0].dep_ == "ccomp":
                    # "insisted it was a temporary dip, reflecting restlessness ...", "He's
                    # leaning toward Kasich, he said, because ...": the parser hangs a clause
                    # that goes on with what was said on the verb of saying, after it
                    sub += [
                        t
                        for c in verb.rights
                        if c.i > comps[0].right_edge.i
                        and (
                            (
                                c.dep_ == "advcl"
                                and not _starts_attribution(c)
                                and not _marked_by(c, ("as",))
                            )
                            # "said wages would fall, but that overtime would offset the loss":
                            # a second that-clause the parser coordinates with the verb of saying
                            # (PolNeAR train: 9 of 9 in the content)
                            or (c.dep_ == "conj" and _marked_by(c, ("that",)))
                            # "said the Iranians released by the United States were close to
                            # ...": the parser splits one clause into two complements, the
                            # second, right after the first, without a subject of its own
                            or (
                                c.dep_ == "ccomp"
                                # its verb comes first ("were close to ...", or its auxiliaries
                                # before it: "said working groups set up under the deal would
                                # meet ..."), and no "and" in the first ran on into the subject
                                # of a second clause ("... mishandled the inquiry and Democrats
                                # accused ...")
                                and c.left_edge.i == comps[0].right_edge.i + 1
                                and all(
                                    t.dep_ in ("aux", "auxpass", "neg")
                                    for t in c.doc[c.left_edge.i : c.i]
                                )
                                and not any(
                                    t.dep_ == "cc" and t.i > comps[0].i for t in comps[0].subtree
                                )
                                and _subjectless(c)
                            )
                            # "said she hoped to get her account back, and then would continue
                            # to spread her message": a conjoined verb with no subject of its own
                            # and the "would" of reported speech goes on with what was said
                            or (
                                c.dep_ == "conj"
                                and not any(
                                    g.dep_ in ("nsubj", "nsubjpass", "ccomp") for g in _children(c)
                                )
                                and any(
                                    g.dep_ == "aux" and g.lower_ in _BACKSHIFT_MODALS
                                    for g in _children(c)
                                )
                            )
                        )
                        for t in c.subtree
                    ]
                    sub.sort(key=lambda t: t.i)
                if comps[0].dep_ in ("ccomp", "relcl", "acl") and sub:
                    # "told reporters that he expected to travel to Beijing "in the next week
                    # or so."": quoted words that end the clause, which the parser hangs on the
                    # verb of saying
                    last = max(t.i for t in sub)
                    sub += [
                        t
                        for c in verb.rights
                        if c.dep_ in _QUOTED_TAIL
                        and c.left_edge.i == last + 2
                        and verb.doc[last + 1].is_quote
                        # an opening mark, not an apostrophe or a closing mark ("Roberts’
                        # 2012 opinion", "aren’t “monolithic,” with some ...")
                        and verb.doc[last].whitespace_ != ""
                        and verb.doc[last + 1].whitespace_ == ""
                        for t in c.subtree
                    ]
                    sub.sort(key=lambda t: t.i)
                after = [c for c in comps if c.dep_ == "ccomp" and c.i > verb.i]
                teller = _subject_of(verb)
                if (
                    comps[0].dep_ == "ccomp"
                    and after
                    and teller is not None
                    and comps[0].right_edge.i < teller.i < verb.i
                ):
                    # "It is no surprise, Mr. Garin said, that Mrs. Clinton did better": one
                    # clause said in two parts around its attribution
                    sub = sorted([*sub, *after[-1].subtree], key=lambda t: t.i)
                elif (
                    comps[0].dep_ == "ccomp"
                    and teller is not None
                    and comps[0].right_edge.i < teller.i < verb.i
                    and _is_cue(verb)
                ):
                    # "The middle fifth paid 8.9 percent, the agency said in a June report,
                    # and those in the bottom fifth paid 0.8 percent": a second clause the
                    # parser coordinates with the verb set off after the first goes on with it
                    # (not the speaker's own next act: "..., he said, and he left")
                    sub += [
                        t
                        for c in verb.rights
                        if c.dep_ == "conj"
                        and not _is_cue(c, cognition=True)
                        and any(
                            g.dep_ == "nsubj" and g.lower_ not in _PRONOUNS for g in _children(c)
                        )
                        for t in c.subtree
                    ]
                    sub.sort(key=lambda t: t.i)
                elif (
                    comps[0].dep_ == "ccomp"
                    and teller is not None
                    and teller.i < verb.i < comps[0].i
                    and _subjectless(comps[0])
                ):
                    # "The sanctions, Clinton told the senators, would stay in place": the parser
                    # hangs the subject of what was said, set off before its attribution, on
                    # the verb of saying; the clause takes it back
                    doc_tokens = _tokens(doc)
                    fronted = next(
                        (
                            c
                            for c in _children(verb)
                            if c.i < teller.left_edge.i
                            and c.dep_ in ("dep", "nsubj", "npadvmod")
                            and c.pos_ in ("NOUN", "PROPN")
                            and c.left_edge.i == sent.start
                            and doc_tokens[c.right_edge.i + 1].text == ","
                        ),
                        None,
                    )
                    if fronted is not None:
                        sub = sorted([*fronted.subtree, *sub], key=lambda t: t.i)
            if taken is not None:
                # the clause runs from the object the parser took from it
                doc_tokens = _tokens(doc)
                taken_words = doc_tokens[taken[0].left_edge.i : comps[0].left_edge.i]
                if _hearer_as_possessive(verb, taken[0]) is not None:
                    taken_words = taken_words[1:]  # "told her Beijing would ...": her, the hearer
                sub = sorted(
                    [*taken_words, *(t for t in sub if t.i >= comps[0].left_edge.i)],
                    key=lambda t: t.i,
                )
            hung = _subject_of(verb)
            if (
                hung is not None
                and hung.dep_ == "appos"
                and sub
                and sub[0].i < hung.left_edge.i < verb.i
            ):
                # "..., a spokeswoman, Kim Min-ji, said": the speaker the parser hung on the
                # clause's last noun ends what was said
                sub = [t for t in sub if t.i < hung.left_edge.i]
            answerer = (
                _subject_of(verb.head)
                if verb.dep_ == "advcl" and verb.lower_ in _PUT_TO and verb.i == sent.start
                else None
            )
            if answerer is not None and sub and sub[0].i < answerer.left_edge.i < verb.head.i:
                # "Asked by Sen. Jim Webb whether he had met Kim Jong Il, Bosworth said no": the
                # one who answers, whom the parser hung on the question, is no part of it
                sub = [t for t in sub if t.i < answerer.left_edge.i]
            # "said the move was made ... and said he would resign", "blamed Adler, who has
            # argued that ...": a coordinated or relative verb of saying starts an attribution
            # of its own
            sub = _before_own_report(sub, comps[0], verb.i)
            if comps[0].dep_ == "ccomp":
                sub = _without_saying_circumstance(verb, comps[0], sub)
            that = _that_after_comma(comps[0]) if comps[0].dep_ in ("ccomp", "advcl") else None
            if that is not None and sub and sub[0].i < that.i:
                # "said, speaking on condition of anonymity, that ...", "told reporters, after a
                # meeting with his counterpart, that ...": what was said begins at "that"
                sub = [t for t in sub if t.i >= that.i]
            start_t, end_t = _content_bounds(sub)
            if comps[0].dep_ in ("pobj", "dobj") and end_t.i >= comps[0].i:
                end_t = _colon_tail(_list_tail(end_t))
            found.append(
                _Clause(
                    start_t.idx,
                    end_t.idx + len(end_t),
                    verb,
                    verb.idx + len(verb),
                    _speaker_of(verb, (start_t.idx, end_t.idx + len(end_t))),
                )
            )
        if relays and acc is not None:
            _after_according(found, relayed_from, acc, tokens)
    text = doc_text(doc)
    blocks = _colon_blocks(doc) + _label_turns(doc) if ":\n" in text else []
    if "): " in text or _RECORD_LINE.search(text) is not None:
        blocks += _member_turns(doc)
    if "xcerpts" in text:
        blocks += _excerpts(doc)
    if "eliver" in text[:_SPEECH_HEAD_CHARS] or "Statement" in text[:_SPEECH_HEAD_CHARS]:
        blocks += _speech_paragraphs(doc)
    if "\n--" in text or "\n—" in text:
        blocks += _signed_paragraphs(doc)
    if "]\n" in text:
        blocks += _captioned_cuts(doc)  # (the caption's line break: a cheap test first)
    return [
        _past_dateline(c, text) for c in found + _title_clauses(doc) + _that_clauses(doc) + blocks
    ]


def _after_according(
    found: list[_Clause], first: int, acc: tuple[Token, Token], tokens: list[Token]
) -> None:
    """Cut an "according to X" out of the clauses found[first:] that hold it: one opening the
    sentence starts them after it ("According to Yonhap, the North moved a missile, officials
    said": what the officials said), one closing it ends them before it ("Kim said the position
    remains unchanged, according to the report": what Kim said)."""
    if acc[0].i != tokens[0].i:
        before = [t for t in tokens if t.i < acc[0].i and not (t.is_punct or t.is_space)]
        if not before:
            return
        end = before[-1].idx + len(before[-1])
        for k in range(first, len(found)):
            clause = found[k]
            if clause.start < end < acc[0].idx < clause.end:
                found[k] = replace(clause, end=end)
        return
    words = next((t for t in tokens if t.i > acc[1].right_edge.i and not t.is_punct), None)
    if words is None:
        return
    for k in range(first, len(found)):
        clause = found[k]
        if clause.start <= acc[0].idx < clause.end and clause.start < words.idx < clause.end:
            found[k] = replace(clause, start=words.idx)


def _quoted_as_saying(verb: Token) -> _Clause | None:
    """`KCNA quoted Kim Jong Il as saying ...`, `cited an official as saying ...`: the report of
    whom it quotes and what they said, by the one who quotes (PolNeAR's source); the words
    themselves are a quote of the one quoted as well (see extract._relayed)."""
    quoted = next((c for c in _children(verb) if c.dep_ == "dobj" and c.i > verb.i), None)
    as_prep = next(
        (c for c in _children(verb) if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i),
        None,
    )
    if as_prep is None:
        return None
    saying = next((c for c in _children(as_prep) if c.dep_ == "pcomp"), None)
    if saying is None or saying.lower_ not in SPEECH_VERBS:
        return None
    if not any(c.dep_ in ("ccomp", "xcomp", "dobj", "advcl") for c in _children(saying)):
        return _quoted_after(verb, quoted, saying)
    if quoted is None:
        return None
    if saying.right_edge.i == saying.i:
        # '"...," KCNA quoted a spokesman as saying.': the words are the quote before it, and
        # "a spokesman as saying" says nothing
        return None
    start_t, end_t = _content_bounds([*quoted.subtree, *as_prep.subtree])
    return _clause_over(start_t, end_t, verb, _speaker_of(verb))


def _quoted_after(verb: Token, quoted: Token | None, saying: Token) -> _Clause | None:
    """`The talks will resume next week, a government official was quoted as saying (Friday)`,
    `..., Yonhap quoted an official as saying`: the one quoted said the sentence before the
    attribution (a quotation in marks there is a direct quote, found by its marks)."""
    subject = _subject_of(verb)
    said_by = quoted if quoted is not None else subject
    if said_by is None or said_by.i < verb.i - 12 or (subject is not None and subject.i > verb.i):
        return None
    opens = min(said_by.left_edge.i, subject.left_edge.i if subject is not None else verb.i)
    before = _tokens(verb.doc)[_sent(verb).start : opens]
    words = [t for t in before if not (t.is_punct or t.is_space)]
    if (
        len(words) < 3
        or any(t.is_quote for t in before)
        or before[-1].text not in (",", *DASHES)
        or not any(t.pos_ in ("VERB", "AUX") for t in words)
    ):
        return None
    return _clause_over(words[0], words[-1], saying, said_by)


def _past_dateline(clause: _Clause, text: str) -> _Clause:
    """A reported clause that opens its paragraph without the dateline before its words."""
    if clause.start > 0 and text[clause.start - 1] != "\n":
        return clause
    lead = DATELINE_LEAD.match(text, clause.start)
    if lead is None or lead.end() >= clause.end or lead.end() > clause.cue.idx:
        return clause
    return replace(clause, start=lead.end())


# "so narrow that ...", "such a lead that ...": a clause of result, not a proposition
_DEGREE = frozenset(["so", "such"])
# Nouns whose that-clause is the writer's statement of a fact or a chance, not a view held
_NOT_VIEW_WORDS = "fact facts possibility possibilities chance chances likelihood probability news"
_NOT_VIEWS = frozenset(_NOT_VIEW_WORDS.split())


def _that_clauses(doc: Doc) -> list[_Clause]:
    """A `that` clause is a proposition someone holds whatever it hangs on: `It is obvious that
    ...`, `his donors remain confident that ...`, `The assumption is that ...`, `the inference
    can be drawn that ...`, `further evidence that ...`. Taken only where no verb of saying
    found a quote (`fallback`); on PolNeAR train 56% of the complements and 64% of the noun
    clauses left are attributions. An aim's infinitive after a copula is taken here too
    (`_aim_clause`)."""
    found = []
    for comp in _tokens(doc):
        if comp.dep_ not in ("xcomp", "acl", "ccomp") or _long_sentence(comp):
            continue  # the cheap test first: each kind below wants one of these
        if comp.dep_ == "xcomp":
            aim = _aim_clause(comp)
            if aim is not None:
                found.append(aim)
            continue
        if comp.dep_ == "acl" and comp.head.pos_ == "NOUN" and _marked_by(comp, ("that",)):
            # "evidence that ...", "a reminder that ...", "the assumption that ...": any noun
            # with its that-clause, but a fact or a chance is the writer's, not a view
            noun = comp.head
            if noun.lower_ in _NOT_VIEWS:
                continue
            if noun.ent_type_ in _NOT_SPEAKER_ENTS:
                # "has argued for weeks that the vote was rigged": the parser hangs the clause on
                # the time the verb lasted; it is the verb's, if a verb of saying or thinking
                verb = noun.head.head if noun.dep_ == "pobj" else noun.head
                if verb.i != noun.i and _is_cue(verb, cognition=True):
                    clause = _fallback_clause(comp, verb, _speaker_of(verb), min_words=3)
                    if clause is not None:
                        found.append(clause)
                continue
            owner = next(
                (c for c in _children(noun) if c.dep_ == "poss"), None
            ) or _name_before_mistagged_verb(noun)
            clause = _fallback_clause(comp, noun, owner, min_words=3)
            if clause is not None:
                found.append(clause)
            continue
        if comp.dep_ != "ccomp" or not _marked_by(comp, ("that",)):
            continue
        head = comp.head
        if head.pos_ == "ADV" or (head.dep_ == "advcl" and head.pos_ == "AUX"):
            continue  # "now that ...", "as the chance grows that ...": time, not a view
        if any(c.lower_ in _DEGREE for c in _children(head)):
            continue
        if _cleft(head):
            continue
        holder = head.head if head.dep_ == "acomp" else head
        subject = (
            _speaker_of(holder)
            if holder.pos_ in ("VERB", "AUX")
            # "Trump estimates that ...": a verb of saying tagged a plural noun
            else _name_before_mistagged_verb(holder)
        )
        if subject is not None and holder.pos_ == "AUX":
            # "His message has long been that ...", "Their fear is that ...": the owner of the
            # view is the one who holds it
            subject = next((c for c in _children(subject) if c.dep_ == "poss"), subject)
        clause = _fallback_clause(comp, head, subject, min_words=1)
        if clause is not None:
            found.append(clause)
    return found


# what someone means to do, whose infinitive after "is" is what they want ("his goal is to")
_AIM_WORDS = (
    "goal goals aim aims hope hopes plan plans intention intent priority priorities mission "
    "strategy wish ambition objective purpose"
)
_AIM_NOUNS = frozenset(_AIM_WORDS.split())


def _aim_clause(comp: Token) -> _Clause | None:
    """`His more immediate goal is to sell his own party on gun control`: an infinitive after a
    copula whose subject is someone's aim; the holder is its possessor (an aim nobody owns, "the
    goal is to ...", is the writer's)."""
    head = comp.head
    if head.lower_ not in _COPULAS or comp.i < head.i or comp.left_edge.lower_ != "to":
        return None
    aim = next((c for c in _children(head) if c.dep_ == "nsubj"), None)
    if aim is None or aim.lower_ not in _AIM_NOUNS:
        return None
    owner = next((c for c in _children(aim) if c.dep_ == "poss"), None)
    if owner is None:
        return None
    words = [t for t in comp.subtree if t.lower_ != "to" or t.i != comp.left_edge.i]
    if len(words) < 2:
        return None
    start_t, end_t = _content_bounds(words)
    return _clause_over(start_t, end_t, aim, owner)


def _cleft(head: Token) -> bool:
    """`It was only in 2012 that the party raised the bar`, `it is here that she leads`: "it"
    and a copula with no adjective or noun to predicate of the clause only put a phrase in
    focus (6 of 7 such clauses on PolNeAR train no attribution)."""
    return (
        head.pos_ == "AUX"
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in _children(head))
        and not any(c.dep_ in ("acomp", "attr", "oprd") for c in _children(head))
    )


def _name_before_mistagged_verb(noun: Token) -> Token | None:
    """The name right before a verb of saying the tagger took for a plural noun, whose subject
    it is: "Trump estimates that ..." (the name made a compound of the noun), "Trump charges
    that ..." (the name made a verb, "trump", and the noun its object)."""
    if noun.lower_ not in SPEECH_VERBS or noun.tag_ != "NNS" or noun.i == 0:
        return None
    name = noun.doc[noun.i - 1]
    if not name.is_title:
        return None
    opens = bool(name.is_sent_start)  # the sentence's subject, where no name was tagged one
    if name.dep_ == "compound" and name.head == noun:
        return name if name.ent_type_ in _AUTHORS or (opens and noun.dep_ == "ROOT") else None
    return name if noun.dep_ == "dobj" and noun.head == name and opens else None


def _fallback_clause(
    comp: Token, cue: Token, holder: Token | None, min_words: int
) -> _Clause | None:
    """The words of `comp` as a fallback clause, if it has `min_words` of them."""
    sub = [t for t in comp.subtree if not t.is_punct and not t.is_space]
    if len(sub) < min_words:
        return None
    return _Clause(
        sub[0].idx, sub[-1].idx + len(sub[-1]), cue, cue.idx + len(cue), holder, fallback=True
    )


# Dependents of a trailing "she said" / "Carter told a Senate panel Wednesday" that say nothing
# of what was said: its subject, the hearer, time, place and manner
_TRAILING_DEPS = frozenset(["aux", "neg", "advmod", "npadvmod", "prep", "dobj", "dative", "punct"])


def _hearsay_clause(adverb: Token) -> _Clause | None:
    """`Clinton has reportedly amassed the delegates`: the clause the adverb qualifies is what
    some unnamed source said, up to a coordinated clause with a subject of its own (`..., but
    they had returned`)."""
    verb = adverb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.lower_ in SPEECH_VERBS and any(c.dep_ == "nsubj" for c in _children(verb)):
        return None  # "Kim reportedly said the North was ready": Kim's words, read as any report
    stop = min(
        (c.left_edge.i for c in verb.rights if c.dep_ == "conj" and _own_subject(c)),
        default=verb.right_edge.i + 1,
    )
    sub = [t for t in verb.subtree if t.i < stop and not t.is_space]
    while sub and (sub[-1].is_punct or sub[-1].dep_ == "cc"):
        sub.pop()
    if not sub:
        return None
    return _Clause(sub[0].idx, sub[-1].idx + len(sub[-1]), adverb, adverb.idx + len(adverb), None)


def _trailing_report(verb: Token, tokens: list[Token]) -> _Clause | None:
    """`The Internet has made it possible ..., she said.`: a verb of saying that closes its
    sentence after a comma, with its subject and nothing of what was said after it, reports the
    words before the comma. The parser hangs such a verb on the sentence's root (advcl, conj,
    ccomp) or takes words before the comma for its subject, instead of making them its clause."""
    if verb.lower_ not in SPEECH_VERBS:  # the cheap test first
        return None
    root = verb.dep_ == "ROOT"
    if not root and (
        verb.dep_ not in ("advcl", "conj", "ccomp", "parataxis") or verb.i < verb.head.i
    ):
        return None
    if verb.pos_ != "VERB":
        return None
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    # the subject next to the verb: words before the comma the parser took for a second subject
    # ("for people with ... to organize, she said") are what was said
    subjects = sorted(
        (c for c in _children(verb) if c.dep_ == "nsubj"), key=lambda c: (c.i > verb.i, -c.i)
    )
    if not subjects and verb.dep_ == "conj":
        # "..., Japan's chief negotiator Kenichiro Sasae said Saturday": the parser hung the
        # speaker on the clause's last noun and made the verb a conjunct of its root
        hung = _speaker_hung_before(verb, in_conjunct=True)
        subjects = [hung] if hung is not None else []
    if not words or not subjects or subjects[0].tag_ in ("WP", "WDT"):
        return None
    subject = subjects[0]
    # the attribution: the subject and the verb, or the verb and its inverted subject
    first = subject.left_edge.i if subject.i < verb.i else verb.i
    if first <= tokens[0].i or verb.doc[first - 1].text != ",":
        return None  # "... and she said": a second statement, not a closing attribution
    # ... or the parser cut the sentence at that comma ('even with a "good" job | , he said.'):
    # the words before it (`tokens` holds them) are what was said
    cut_at_comma = _sent(verb).start == first - 1
    if root and not cut_at_comma and not _said_before(verb, first):
        return None
    own = {t.i for t in subject.subtree} | {verb.i}
    for c in _children(verb):
        if c.i < first or c == subject:
            continue
        if c.dep_ not in _TRAILING_DEPS and not _source_participle(c) and not _time_after(c):
            return None
        if c.dep_ in ("dobj", "dative", "prep") and not _hearer_only(c):
            # "..., he told them that ...", "..., she said the same": a report of its own
            return None
        own |= {t.i for t in c.subtree}
    if any(t.i >= first and t.i not in own for t in words):
        return None  # the sentence goes on after the attribution
    content = [t for t in words if t.i < first - 1]
    if len(content) < 3:
        return None
    return _Clause(
        content[0].idx,
        content[-1].idx + len(content[-1]),
        verb,
        verb.idx + len(verb),
        _speaker_of(verb) if subject.head.i == verb.i else subject,
    )


def _time_after(clause: Token) -> bool:
    """Whether a clause after an attribution tells when it was made ("..., Sasae said, as the
    talks continued in Beijing"; "..., she said, after meeting Kim"): no more of what was said."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in _children(clause)
    )


_TIME_MARKS = frozenset(["as", "after", "before", "while", "when"])


# ... and the wire's "..., Yonhap reported." and "..., he added."
_SAY_FORMS = frozenset(["say", "says", "said", "reported", "reports", "added", "adds"])


# a reporter's turn with no colon (White House), "(As translated.)" where it was interpreted
_BARE_Q = re.compile(r"Q[ \t]+(?:\([Aa]s[ \t]+translated\.?\)[ \t]+)?(?=[A-Z])")


def _bracketed_speaker(doc: Doc, label: re.Match[str] | None, offset: int) -> Token | None:
    """The first token of the name a question's label gives in brackets ("Q (Kim Ji-hoon,
    KBS):") or a broadcast cut's ("[ACTUALITY: HILL]"), or None (no such label, or no name
    before the bracket's first comma)."""
    if label is None or label.re not in (_ASKED_TURN, _CUT_TURN):
        return None
    start = offset + label.start(3)
    span = doc.char_span(start, offset + label.end(3), alignment_mode="expand")
    if span is None or not any(t.pos_ == "PROPN" for t in span):
        return None
    return span[0]


# (or a president's, in the White House's transcripts of press conferences: "PRESIDENT BUSH:",
# "THE PRESIDENT:")
_BRIEFER_TURN = re.compile(
    r"^[ \t]*(?:(?:MR|MS|MRS|DR)\.[ \t]+[A-Z][A-Z'’-]+|(?:PRESIDENT|PRIME[ \t]+MINISTER|SECRETARY)"
    r"[ \t]+[A-Z][A-Z'’-]+|THE[ \t]+PRESIDENT):",
    re.MULTILINE,
)


def _briefing(doc: Doc) -> bool:
    """Whether a text is a briefing's transcript: its briefer's turns are labelled "MR. X:"
    (asked only at a paragraph that opens "Q ", so searched each time, not kept on the Doc)."""
    return _BRIEFER_TURN.search(doc_text(doc)) is not None


# a headline's label that tells a time, not a speaker ("Ten Years On: ...", "Six Years Later:
# ...", "Day Three: ...", "2009: ..."): a number or a unit of time among its words
_TIME_LABEL = re.compile(
    r"(?i:\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"hundred|years?|months?|weeks?|days?|hours?|decades?)\b)"
)


def _name_only(doc: Doc, start: int, end: int) -> bool:
    """Whether the words after a label's colon only name someone: a transcript's heading
    ("Deputy Press Secretary: Mr. Tomohiko Taniguchi"), which says who holds the role."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and all(t.pos_ == "PROPN" or t.is_punct for t in span)


def _clause_taken_for_object(token: Token) -> bool:
    """A sentence the parser made the object of the verb of saying after it, its verb a modifier
    of its subject ("The talks, which were expected to last three days, ended abruptly, Yonhap
    reported": "talks" the object, "ended" hung on it): a finite verb cannot modify a noun."""
    return token.dep_ == "dobj" and any(
        c.dep_ == "acl" and c.tag_ in ("VBD", "VBZ", "VBP") for c in _children(token)
    )


def _said_before(verb: Token, first: int) -> bool:
    """Whether a verb of saying the parser made the root of its sentence has what was said before
    it, hung on it as a modifier ("As Trump prepared to speak, a girl was pepper-sprayed, police
    said": an adverbial clause holding the report; "Those who take on debt struggle, even with a
    good job, he said": a loose dependent); not a lone clause of when or why ("When asked about
    it, he said.")."""
    if verb.lower_ not in _SAY_FORMS or any(
        c.i > verb.i and not c.is_punct and not _source_participle(c) for c in _children(verb)
    ):
        return False  # "he said Ryan", "would say so", "characterizes herself as": more to say
    before = [c for c in _children(verb) if c.i < first and not c.is_punct]
    # ... or a subject before the comma the parser gave it besides its own after it ("North
    # Korea test-fired two missiles on Sunday, Yonhap news agency reported")
    if not before or any(
        c.dep_ not in ("dep", "advcl", "nsubj") and not _clause_taken_for_object(c) for c in before
    ):
        return False
    if len(before) == 1 and before[0].dep_ == "advcl" and _marked_by(before[0], _SUBORDINATORS):
        # the report is a clause of its own inside: "..., a girl ... was pepper-sprayed"
        return any(
            t.dep_ in ("advcl", "conj", "ccomp") and _own_subject(t)
            for t in before[0].subtree
            if t.i != before[0].i
        )
    return True


def _answer(verb: Token) -> Span | None:
    """The answer a verb of saying gives right after it: `46 percent of voters said yes`, `the
    candidate said no`, `half said so`, `26 percent said the same`."""
    doc = verb.doc
    tokens = _tokens(doc)
    nxt = tokens[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "the" and verb.i + 2 < len(doc):
        if tokens[verb.i + 2].lower_ != "same":
            return None
        return doc[verb.i + 1 : verb.i + 3]
    if nxt is None or nxt.lower_ not in _ANSWERS or nxt.lower_ == "same" or nxt.head != verb:
        return None
    return doc[verb.i : verb.i + 2][1:]


def _noun_infinitive(obj: Token, clause: Token) -> bool:
    """Whether an infinitive the parser hung on the verb completes a stance noun object right
    before it: "defended his call to raise the minimum wage", "stood by her pledge to fight"."""
    return (
        clause.dep_ == "advcl"
        and (obj.lower_ in _STANCE_NOUNS or obj.lower_ in _CUE_NOUNS)
        and clause.left_edge.i == obj.right_edge.i + 1
        and clause.left_edge.lower_ == "to"
    )


# what a source asks for when it asks not to be named: a condition of speaking, not what was said
_CONDITION_ONLY = re.compile(
    r"(?:(?:the|his|her|their|full|strict)\s+)?(?:anonymity|confidentiality)", re.IGNORECASE
)


def _circumstance_only(doc: Doc, start: int, end: int) -> bool:
    """Whether a reported span is only a phrase of place, time or agent ("in Springfield",
    "by Luciana Lopez", "on the first Monday in September"), or only a date or an amount."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    words = _tokens(doc)[span.start : span.end]
    if all(t.ent_type_ in _AMOUNTS or t.ent_type_ == "ORDINAL" or t.is_punct for t in words):
        return True  # "Announced March 23, 2015", "the support of millions": a date or a number
    # the span's text cut from the Doc's (span.text joins it from every token)
    if _CONDITION_ONLY.fullmatch(doc_text(doc)[span.start_char : span.end_char]):
        return True  # "another official, asking anonymity": the source's condition, no statement
    # the phrase is the whole span: "the suspension of the deal in response to ...", whose two
    # heads the parser hung on the verb, may take "in" for its root
    # ... and the whole of it: "at Western High School, “Any questions I can answer?”" goes on
    root = span.root
    last = span.end - 1
    while last > span.start and words[last - span.start].is_punct:
        last -= 1
    return (
        root.i == span.start
        and root.tag_ == "IN"
        and root.lower_ in _CIRCUMSTANCE_PREPS
        and root.right_edge.i >= last
    )


def _names_someone(doc: Doc, start: int, end: int) -> bool:
    """Whether a span is a proper name ("endorsed Clinton", "attacked Trump")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and all(t.pos_ == "PROPN" for t in _tokens(doc)[span.start : span.end])


# verbs of publishing: their object is the document put out, what it says only when the object
# goes on to say it ("released a statement saying ...", "issued rules barring ...")
_PUBLISHING = verb_forms("release issue publish post")
_WHEN = frozenset(["DATE", "TIME"])
# "pledged delegates" are the ones a primary binds (0 of 5 attributions on PolNeAR train)
_DELEGATES = frozenset(["delegate", "delegates"])
# "seeking the nomination", "seeks reelection": an office sought is no stance on anything (1 of
# 9 such objects of "seek" an attribution on PolNeAR train)
_SEEKING = verb_forms("seek")
_OFFICE = re.compile(
    r"^(?:[\w-]+\s+){0,3}(?:nomination|presidency|white\s+house|re-?election|term|office|seats?)$",
    re.IGNORECASE,
)


# "Lerer reported from Los Angeles. ... Jill Colvin contributed from Albuquerque.": the credit
# line that says where a reporter filed from
_FILING = verb_forms("report contribute")


def _dateline_subject(doc: Doc, clause: _Clause) -> bool:
    """Whether a clause's subject is the agency of its paragraph's dateline, before its cue:
    "SEOUL (Yonhap) -- Talks will resume." (the tagger took "Talks" for a verb)."""
    subject = clause.subject
    if subject is None:
        return False
    text = doc_text(doc)
    lead = DATELINE_LEAD.match(text, text.rfind("\n", 0, subject.idx) + 1)
    return lead is not None and subject.idx < lead.end() <= clause.cue.idx


def _filed_from(doc: Doc, clause: _Clause) -> bool:
    """Whether a verb of reporting has only the place filed from after it."""
    return (
        clause.cue.lower_ in _FILING
        and doc_text(doc)[clause.start : clause.start + 5].lower() == "from "
    )


def _published_only(doc: Doc, clause: _Clause) -> bool:
    """`Mr. Trump released a statement`, `issued the following statement`: the object of a verb
    of publishing in three words or fewer names a document (5 of 31 such objects attributions on
    PolNeAR train)."""
    if clause.cue.lower_ not in _PUBLISHING or clause.cue.pos_ != "VERB":
        return False
    span = doc.char_span(clause.start, clause.end, alignment_mode="expand")
    if span is None:
        return False
    # "a statement on Thursday night": the time it came out says nothing of it
    words = [
        t
        for t in span
        if not t.is_punct
        and t.ent_type_ not in _WHEN
        and not (t.pos_ == "ADP" and t.n_rights and all(c.ent_type_ in _WHEN for c in t.rights))
    ]
    return len(words) <= 3


# verbs whose object is whom they address ("warned Pyongyang", "urged Seoul"): the object
# alone is no stance of the speaker's, as "endorsed Cruz" is
_ADDRESSING = verb_forms("warn caution urge remind assure reassure brief press implore beg advise")


def _addressee_only(doc: Doc, clause: _Clause) -> bool:
    """`Washington also warned Pyongyang.`: the content would be only whom the verb addresses,
    with nothing said to them (no clause, no "against a test", no "to return")."""
    if clause.cue.lower_ not in _ADDRESSING or clause.cue.pos_ != "VERB":
        return False
    span = doc.char_span(clause.start, clause.end, alignment_mode="expand")
    return (
        span is not None
        and span.root.head.i == clause.cue.i
        and span.root.dep_ in ("dobj", "dative")
        and _hearer(span.root)
        and all(t.dep_ not in ("prep", "xcomp", "ccomp", "relcl", "acl") for t in span)
    )


# what an anonymous source was not authorised to do, after the words that grant anonymity
_TERMS_BASES = "speak discuss talk comment describe share"
_TERMS_VERBS = frozenset(_TERMS_BASES.split())
# ... or the reason given for the grant, in any form of those verbs: "on the condition that he
# not be named because he was discussing diplomatic exchanges"
_TERMS_REASON = re.compile(r"\s+because\s+(?:he|she|they|it)\s+(?:was|were|is|are)\s+$")
_REASON_VERBS = verb_forms(_TERMS_BASES)
# how far before its reason a grant may start: the longest, "on the condition that they not be
# publicly identified", is 53 characters
_GRANT_CHARS = 80
# how far before the cue a grant may start and still hold it: "on the " of "on the condition"
_GRANT_LEAD_CHARS = 8


# How close before the cue the words of anonymity stand: they end at most " to " before it
# ("anonymity to speak") and start within the characters of "not authorized to" with room to
# spare (set on PolNeAR train, where the rule drops 11 such clauses).
_TERMS_GAP = 4
_TERMS_REACH = 24


def _anonymity_terms(doc: Doc, clause: _Clause) -> bool:
    """`asked not to be named because of the sensitivity of the issue`: the terms a source spoke
    on, not what it said (0 of 2 on PolNeAR train an attribution); the cue opens the words that
    mark an anonymous source."""
    text = doc_text(doc)
    if _ANONYMOUS.match(text, clause.start, clause.end):
        return True
    # the cue opens the grant, or is a word of it ("on the condition that he not be named")
    if any(
        m.start() <= clause.cue.idx < m.end()
        for m in _ANONYMOUS.finditer(text, max(0, clause.cue.idx - _GRANT_LEAD_CHARS), clause.end)
    ):
        return True
    # "on condition of anonymity to speak freely about the nominee": why they went unnamed
    cue = clause.cue.lower_
    if cue in _TERMS_VERBS and any(
        m.end() >= clause.cue.idx - _TERMS_GAP
        for m in _ANONYMOUS.finditer(text, max(0, clause.cue.idx - _TERMS_REACH), clause.cue.idx)
    ):
        return True
    if cue not in _REASON_VERBS:
        return False
    reason = _TERMS_REASON.search(text, max(0, clause.cue.idx - _TERMS_REACH), clause.cue.idx)
    return reason is not None and any(
        m.end() == reason.start()
        for m in _ANONYMOUS.finditer(text, max(0, reason.start() - _GRANT_CHARS), reason.start())
    )


def _office_or_delegates(doc: Doc, clause: _Clause) -> bool:
    """`seeking the presidency`: an office one runs for is no stance; `60 pledged delegates`:
    the delegates a primary binds, no pledge anyone reports."""
    cue = clause.cue
    if cue.lower_ in _SEEKING:
        return bool(_OFFICE.match(doc_text(doc)[clause.start : clause.end]))
    return cue.lower_ == "pledged" and cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ in _DELEGATES
