"""Lookups over the parse shared by every stage of quote extraction: per-call caches of tokens,
sentences and children, and the spans of names, titles and descriptions around a token.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any, TypeVar, cast

from spacy.attrs import HEAD, POS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span, Token

from tasks.entities import NOT_NAME_END_POS
from tasks.nlp import DASHES, FIRST_NAMES, doc_text, given_name_tail
from tasks.quotes.lexicon import (
    _ASK,
    _LABEL,
    _LEADING_THE,
    _NAME_BREAKS,
    _NAME_PARTICLES,
    _NOT_NAME_POS,
    _NOT_SPEAKER_ENTS,
    _PREP_CUES,
    _REFLEXIVES,
    _SENTENCE_END,
    _TITLE_AUX,
    _TITLE_CASE_SHARE,
    _TITLE_MAX_WORDS,
    KIN,
    OBJECT_VERBS,
    SPEECH_VERBS,
    _person_word,
)

# spaCy builds a new Token object on every `doc[i]` and every iteration of a Doc (about 9,000 per
# article here), and `token.sent` scans the whole Doc on each call: extract_quotes keeps the
# Doc's tokens and the sentences asked for in doc.user_data while it runs (see _DocCache).
_CACHE_KEY = "newscorpus.quotes.cache"
_R = TypeVar("_R")


class _DocCache:
    __slots__ = ("children", "common_words", "lowers", "memo", "pos_tags", "sents", "tokens")

    def __init__(self, doc: Doc) -> None:
        self.tokens: list[Token] = list(doc)
        # `lower_` of each token, read by the scans over every token (a StringStore look-up each)
        self.lowers: list[str] = [t.lower_ for t in self.tokens]
        # `pos_` of each token, for the same scans: spaCy looks each up in a module's table
        # (~0.24 us a token; ~0.03 us so)
        self.pos_tags: list[str] = [POS_NAMES[p] for p in doc.to_array(POS).tolist()]
        self.sents: dict[int, Span] = {}  # token index -> its sentence
        # token index -> its children, all found at once from the heads: `token.children` builds
        # each child anew from the token's edges (~0.9 us a token); one pass over the head array
        # costs ~0.1 us a token, and the stages ask for the children of most tokens (the same
        # lists as token.children on 960,347 tokens of the bench and PolNeAR docs)
        self.children: list[list[Token]] = [[] for _ in self.tokens]
        for i, offset in enumerate(doc.to_array(HEAD).astype("int64").tolist()):
            if offset:
                self.children[i + offset].append(self.tokens[i])
        self.memo: dict[tuple[str, int], Any] = {}  # (function, token index) -> result
        self.common_words: frozenset[str] | None = None  # see _common_words


def _tokens(doc: Doc) -> Doc | list[Token]:
    """The Doc's tokens, made once per extract_quotes call (the Doc itself outside one)."""
    cache = doc.user_data.get(_CACHE_KEY)
    return cache.tokens if cache is not None else doc


def _lowers(doc: Doc) -> list[str]:
    """`lower_` of each token of the Doc, made once per extract_quotes call."""
    cache = doc.user_data.get(_CACHE_KEY)
    return cache.lowers if cache is not None else [t.lower_ for t in doc]


def _pos_tags(doc: Doc) -> list[str]:
    """`pos_` of each token of the Doc, made once per extract_quotes call."""
    cache = doc.user_data.get(_CACHE_KEY)
    return cache.pos_tags if cache is not None else [t.pos_ for t in doc]


def _per_token(fn: Callable[[Token], _R]) -> Callable[[Token], _R]:
    """A pure function of one token, computed once per token in an extract_quotes call."""
    name = fn.__name__

    @functools.wraps(fn)
    def once(token: Token) -> _R:
        cache = token.doc.user_data.get(_CACHE_KEY)
        if cache is None:
            return fn(token)
        key = (name, token.i)
        if key in cache.memo:
            return cast(_R, cache.memo[key])
        result = cache.memo[key] = fn(token)
        return result

    return once


def _children(token: Token) -> list[Token]:
    """`token.children` as a list, made once per extract_quotes call (see _DocCache)."""
    cache = token.doc.user_data.get(_CACHE_KEY)
    if cache is None:
        return list(token.children)
    return cache.children[token.i]


def _sent(token: Token) -> Span:
    """`token.sent`, found once per sentence in an extract_quotes call."""
    cache = token.doc.user_data.get(_CACHE_KEY)
    if cache is None:
        return token.sent
    sent = cache.sents.get(token.i)
    if sent is None:
        sent = token.sent
        for i in range(sent.start, sent.end):
            cache.sents[i] = sent
    return sent


# A "sentence" of more than this many tokens is none the parser read as one: a page without
# sentence ends, a run of quote marks, a table. The rules read a sentence's parse in time that
# grows with its length squared (each verb's subtree, each quote's words around it): ~2,200
# tokens cost 2.5 s, 22,000 more than 14 minutes, and stall a worker. The longest sentence in
# PolNeAR train and dev, TimeBank, AQUAINT and MEANTIME is 223 tokens (a list of names), the
# longest of prose 105.
_LONGEST_SENTENCE = 400


def _long_sentence(token: Token) -> bool:
    """Whether the token's sentence is longer than any the rules read (_LONGEST_SENTENCE)."""
    return len(_sent(token)) > _LONGEST_SENTENCE


def _verb_word(token: Token) -> bool:
    """A verb, or a word of saying or stance the tagger took for a name in a title-case line."""
    word = token.lower_
    return token.pos_ in ("VERB", "AUX") or (
        (word in SPEECH_VERBS or word in OBJECT_VERBS or word in _PREP_CUES)
        # not the object of a preposition: "the envoy to the six-party talks said"
        and token.dep_ != "pobj"
    )


# made once, not on every call: a union of a thousand first names
_NAME_START_WORDS = FIRST_NAMES | _NAME_PARTICLES


def _person_start(ent: Span) -> int:
    """Index of the first token of a person entity that can begin a name: in a title-case line,
    not a word the article writes in lower case elsewhere, which the headline ran on into the
    name ("Hacker Guccifer Says ..." of an article on "hacker Guccifer"), unless it is a first
    name ("Bill", "Mark")."""
    start = ent.start
    keep = _NAME_START_WORDS
    tokens = _tokens(ent.doc)
    while start < ent.end - 1 and tokens[start].lower_ not in keep:
        token = tokens[start]
        if not (
            token.pos_ in _NOT_NAME_POS
            or not token.text[:1].isupper()
            or _headline_word(token, ent.start_char)
            # "Senators Press Hill on Stalled Deal": a plural subject's verb the name follows
            or (token.lower_ in _PRESSING and _in_title_line(ent.doc, ent.start_char))
        ):
            break
        start += 1
    return start


# the bare verbs of a headline's plural subject putting someone on the spot
_PRESSING = frozenset(["press", "grill", "quiz", "urge", "prod", "push", "lobby", "fault"])


def _headline_word(token: Token, line_at: int) -> bool:
    """Whether a capitalised word is one the article writes in lower case elsewhere, in the
    title-case line at `line_at` (in a sentence "Will Smith" and "Win Htein" are names as
    written); the line is read last, for the few words that pass the first test."""
    return token.lower_ in _common_words(token.doc) and _in_title_line(token.doc, line_at)


def _in_title_line(doc: Doc, offset: int) -> bool:
    """Whether an offset lies in a title-case line (a headline, a subhead)."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return _title_case(_LINE_WORD.findall(text, start, len(text) if end < 0 else end))


def _title_case(words: list[str]) -> bool:
    """Whether a line's words are a title's: a few, most of them capitalised."""
    return 0 < len(words) <= _TITLE_MAX_WORDS and sum(
        w[0].isupper() for w in words
    ) >= _TITLE_CASE_SHARE * len(words)


_LINE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z][a-z'’-]*(?![\w'’-])")


def _common_words(doc: Doc) -> frozenset[str]:
    """The words an article writes in lower case, found once per extract_quotes call."""
    cache = doc.user_data.get(_CACHE_KEY)
    if cache is not None and cache.common_words is not None:
        return cache.common_words
    words = frozenset(_LOWER_WORD.findall(doc_text(doc)))
    if cache is not None:
        cache.common_words = words
    return words


def _aux_run(token: Token) -> bool:
    """Whether a title word starts a run of auxiliaries ("... May Not Have ..."), which "Theresa
    May" alone does not."""
    nxt = token.i + 1
    return (
        token.lower_ in _TITLE_AUX and nxt < len(token.doc) and token.doc[nxt].lower_ in _TITLE_AUX
    )


# subjects of a "'s" that is "is" whatever follows ("it's implied that ...", "that's said to ...")
_IS_SUBJECTS = frozenset(["it", "that", "this", "there", "what", "which", "who"])


def _has_contracted(verb: Token) -> bool:
    """Whether the parser read the "'s" of a present perfect as a passive "is": "She's said she
    will veto it", "He's argued the bill leaves growers behind" (the "'s" an auxpass, its
    subject an nsubjpass). A passive takes no object and no clause with a subject of its own
    ("he's said to be ill", "he's accused of fraud"), a perfect does; "it's implied that he
    ..." stays a passive."""
    aux = next((c for c in _children(verb) if c.dep_ == "auxpass"), None)
    if aux is None or aux.lower_ not in ("'s", "’s") or verb.tag_ not in ("VBN", "VBD"):
        return False
    subj = next((c for c in _children(verb) if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lower_ in _IS_SUBJECTS:
        return False
    return any(
        c.dep_ == "dobj"
        or (c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") for g in _children(c)))
        for c in _children(verb)
        if c.i > verb.i
    )


def _person_span(ent: Span) -> Span:
    """A person entity cut to its name: NER runs a name on into the words of a title-case line
    around it ("Beneath Clinton's Wins", "Trump May Not Have Suggested ...")."""
    start = _person_start(ent)
    # a hyphenated given name ends the name whole ("Hyun In-taek": not "in", nor "-taek")
    tail = ent.end - 3 if len(ent) >= 3 and given_name_tail(ent.doc, ent.end - 2) else ent.end
    end = next(
        (
            t.i
            for t in ent.doc[start + 1 : tail]
            if t.pos_ in ("VERB", "AUX")
            or (_verb_word(t) and t.i + 1 < ent.end)  # "Glenn Beck Blasts Drudge", not "... Post"
            or t.lower_ in _NAME_BREAKS
            or _aux_run(t)
        ),
        ent.end,
    )
    while (
        end - 1 > start
        and end <= tail
        and (
            (ent.doc[end - 1].is_punct and ent.doc[end - 1].text != ".")
            or (ent.doc[end - 1].pos_ in NOT_NAME_END_POS and ent.doc[end - 1].is_lower)
        )
    ):
        end -= 1  # "Jeb Bush-spent", "Donald Trump - and", "Juan Manriquez of [Oakland]"
    return ent.doc[start:end]


def _entity_of(token: Token) -> Span:
    """The entity a token is part of, found from its IOB tags: `doc.ents` would build a Span for
    every entity of the article on each call (a fifth of this module's time on news pages)."""
    doc = token.doc
    tokens = _tokens(doc)
    start = token.i
    while start > 0 and tokens[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and tokens[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _missed_name(token: Token) -> Span | None:
    """The name NER missed in a subject: a known first name and the proper nouns after it, the
    token's own or its appositive's ("Former Hewlett-Packard CEO Carly Fiorina named ...",
    parsed as CEO with the appositive Fiorina)."""
    doc = token.doc
    for head in (token, *(c for c in _children(token) if c.dep_ == "appos" and c.i == token.i + 2)):
        if head.pos_ != "PROPN" or head.ent_type_ == "PERSON":
            continue
        first = head.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].head == head:
            first -= 1
            if doc[first].lower_ in FIRST_NAMES:
                return doc[first : head.i + 1]
        # ... or the proper nouns after a role in lower case ("Foreign Ministry spokesperson
        # Hong Lei", a Chinese name the small model's NER misses there)
        role = doc[first - 1] if first > 0 else None
        if (
            role is not None
            and first < head.i
            and role.is_lower
            and role.head == head
            and _person_word(role.lower_)
        ):
            return doc[first : head.i + 1]
        if (
            head.dep_ == "appos"
            and role is not None
            and role.i == head.head.i
            and role.lower_ in KIN
        ):
            return doc[first : head.i + 1]  # "his daughter Ivanka": a relative's first name
    return None


# Focus adverbs the parser hangs on a subject ("Even China", "Only Russia"); a bare advmod test
# would also drop a first name the tagger took for an adverb ("KATE BOULDUAN:")
_FOCUS = frozenset(["even", "only", "also", "just", "especially", "particularly", "notably"])


@_per_token
def _name_span(token: Token) -> tuple[int, int]:
    """Character span of a subject phrase, cut before an appositive or relative clause."""
    missed = _missed_name(token) if token.ent_type_ != "PERSON" else None
    if missed is not None:
        return missed.start_char, missed.end_char
    if token.ent_type_ == "PERSON":
        ent = _entity_of(token)
        # NER runs on into a title-case headline ("Luciana Lopez: Saying ...",
        # "Trump Says He's ..."): the name ends before a verb or a colon
        stop = next(
            (
                t
                for t in ent
                if t.i > ent.start
                and t.i > token.i
                and (t.pos_ == "PART" or t.text in _NAME_BREAKS or _verb_word(t) or _aux_run(t))
            ),
            None,
        )
        start = token.doc[min(_person_start(ent), token.i)].idx
        if stop is not None:
            return start, token.doc[stop.i - 1].idx + len(token.doc[stop.i - 1])
        return start, ent.end_char
    words = [t for t in token.subtree]
    # the phrase ends where its words stop running on: an appositive the parser hung on the
    # name across the clause ("Podliska further alleges that ..., a claim that ...") is no part
    for n in range(1, len(words)):
        if words[n].i != words[n - 1].i + 1 and words[n].i > token.i:
            words = words[:n]
            break
    # an opening mark the parser hung on the name (the backtick pair of "``WALLACE: ...") is
    # no part of it
    while words[0].i < token.i and words[0].is_quote:
        words = words[1:]
    words = _after_bracketed_label(words, token)
    # "Even China said", "Only Russia said": a focus adverb on the subject names no one
    while words[0].i < token.i and words[0].lower_ in _FOCUS and words[0].head == token:
        words = words[1:]
    start_i = _split_name_start(token.doc, words[0].i)
    end_i = words[-1].i
    for t in words:
        if t.i > token.i and (
            t.text in (",", "(", "—", "–", ";", ":")
            or t.dep_ in ("relcl", "acl")
            # "a Republican who ...", "Trump last week invited ...": a relative pronoun or a
            # date ends the phrase that names the speaker
            or t.tag_ in ("WP", "WP$", "WDT")
            or t.ent_type_ in _NOT_SPEAKER_ENTS
            or t.lower_ in _REFLEXIVES  # "Trump himself said"
            or _verb_word(t)  # a title parsed as one phrase: "Trump talks to Megyn Kelly"
            # a name the tagger took for a verb heads no phrase: "Gillibrand on Hillary ..."
            or (token.pos_ == "VERB" and t.text in _NAME_BREAKS)
        ):
            # a relative clause with no relative pronoun ends before its subject: "the
            # document he released", "a report the ministry released"
            end_i = (t.left_edge.i if t.dep_ in ("relcl", "acl") else t.i) - 1
            break
    for t in words:
        if t.i < token.i and (t.text == ":" or "\n" in t.text_with_ws):
            start_i = t.i + 1  # "The Latest: Hillary Clinton tells voters ..."
    doc = token.doc
    tokens = _tokens(doc)
    # ... and what led to the cut ("Microsoft in 2017 announced"), and the dash and line break
    # around a name alone on its line ("\n\n- Sanders.\n\n")
    while end_i > start_i and (
        tokens[end_i].is_punct
        or tokens[end_i].is_space
        or tokens[end_i].pos_ in ("ADP", "CCONJ")
        # "One of the things the report says": the article of the word that ended the phrase
        or (tokens[end_i].pos_ == "DET" and tokens[end_i].lower_ in ("the", "a", "an"))
    ):
        end_i -= 1
    while (
        start_i < end_i
        and (
            tokens[start_i].is_space
            or (tokens[start_i].is_punct and not tokens[start_i].is_quote)
            # an opening mark whose closing one is nowhere in the phrase (a headline's "‘Time
            # Announced ...": 'Time', not '‘Time')
            or (
                tokens[start_i].is_quote
                and not any(t.is_quote for t in tokens[start_i + 1 : words[-1].i + 1])
            )
        )
    ):
        start_i += 1
    return tokens[start_i].idx, tokens[end_i].idx + len(tokens[end_i])


def _after_bracketed_label(words: list[Token], token: Token) -> list[Token]:
    """The words of a phrase after a label in parentheses that opens it, which the parser hung
    on the name: a wire headline's "(2nd LD) U.S. envoy says", "(Yonhap Interview) Bosworth
    says" (not a party label inside it: "Chairman Bob Goodlatte (R-Va.) both")."""
    if not words or words[0].text != "(":
        return words
    close = next((k for k, t in enumerate(words) if t.text == ")"), None)
    if close is None or close + 1 >= len(words) or words[close].i > token.i:
        return words
    return words[close + 1 :]


def _split_name_start(doc: Doc, start_i: int) -> int:
    """Where a phrase opening at `start_i` with a name starts when the parser hung the name's
    first words elsewhere: "Cheong Wa Dae officials said" ("Cheong", "Wa" a "dep" of "said")."""
    tokens = _tokens(doc)
    while (
        start_i > 0
        and tokens[start_i].pos_ == "PROPN"
        and tokens[start_i - 1].pos_ == "PROPN"
        and tokens[start_i - 1].dep_ == "dep"
        and tokens[start_i - 1].whitespace_ != ""
        and tokens[start_i - 1].text[:1].isupper()
        # not a word the article writes in lower case ("Say Mexico demanded ...")
        and tokens[start_i - 1].lower_ not in _common_words(doc)
    ):
        start_i -= 1
    return start_i


def _description_span(token: Token) -> tuple[int, int]:
    words = _after_bracketed_label(list(token.subtree), token)
    doc = token.doc
    tokens = _tokens(doc)
    start_i = _split_name_start(doc, words[0].i)
    words = [tokens[start_i], *words[1:]] if start_i < words[0].i else words
    end_i = words[-1].i
    while end_i > words[0].i and tokens[end_i].is_punct:
        end_i -= 1
    return words[0].idx, tokens[end_i].idx + len(tokens[end_i])


# words that open a clause which the parser may take for a preposition with a name as its object
_SUBORDINATORS = frozenset(["as", "while", "when", "after", "before", "since", "because"])


def _subordinated_subject(verb: Token) -> Token | None:
    """The name before a verb that the parser made the object of the word opening the clause:
    "... grew louder as Patti Davis, Ronald Reagan's daughter, attacked Trump" (as -> Davis)."""
    if verb.dep_ != "advcl" or verb.i == 0:
        return None
    for prep in _children(verb.head):
        if (
            prep.dep_ == "prep"
            and prep.lower_ in _SUBORDINATORS
            and prep.right_edge.i == verb.i - 1
        ):
            name = next((c for c in _children(prep) if c.dep_ == "pobj"), None)
            if name is not None and (name.ent_type_ == "PERSON" or name.pos_ == "PROPN"):
                return name
    return None


def _cannot_speak(subj: Token) -> bool:
    """Whether a subject is a date, a time or an all-capitals dateline ("CLEVELAND -- ...")."""
    doc = subj.doc
    tokens = _tokens(doc)
    first = subj.left_edge.i == 0 or "\n" in tokens[subj.left_edge.i - 1].text_with_ws
    nxt = subj.i + 1
    punct = nxt < len(doc) and tokens[nxt].is_punct  # "WASHINGTON, Aug. 24 (UPI) --"
    # ... or in title case before the agency or a dash ("New York (AFP) – Vice President ...")
    agency = nxt < len(doc) and tokens[nxt].text in ("(", "–", "—", "--")
    dateline = (
        first
        and punct
        and subj.ent_type_ == "GPE"
        and (subj.is_upper or agency)
        and len(subj.text) > 2
    )
    return (
        subj.ent_type_ in _NOT_SPEAKER_ENTS and not _aged(subj) and not _periodical(subj)
    ) or dateline


def _periodical(noun: Token) -> bool:
    """`the Asahi Shimbun daily`, "The daily, the organ of the ruling party, argued": a newspaper
    named by how often it appears, which NER labels a DATE (and the tagger often an adverb or
    an adjective)."""
    if noun.lower_ not in ("daily", "weekly"):
        return False
    tokens = _tokens(noun.doc)
    return (
        noun.i > 0 and tokens[noun.i - 1].pos_ == "PROPN" and tokens[noun.i - 1].text[:1].isupper()
    ) or any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in _children(noun))


_AGE_UNITS = frozenset(["year", "years", "month", "months"])


def _aged(noun: Token) -> bool:
    """`the 46-year-old`: a person named by age, which NER labels a DATE."""
    tokens = _tokens(noun.doc)
    return (
        noun.lower_ in ("old", "olds")
        and noun.i >= 2
        and tokens[noun.i - 1].text == "-"
        and tokens[noun.i - 2].lower_ in _AGE_UNITS
    )


def _dateline_apposition(subj: Token, verb: Token) -> Token | None:
    """The apposition of a dateline subject after the dateline's dash and before the verb."""
    tokens = _tokens(subj.doc)
    return next(
        (
            c
            for c in _children(subj)
            if c.dep_ == "appos"
            and c.i < verb.i
            and not _cannot_speak(c)
            and any(t.text in DASHES for t in tokens[subj.i : c.left_edge.i])
        ),
        None,
    )


def _before_parentheses(tokens: Doc | list[Token], back: int, floor: int) -> int:
    """The index before the parenthesised groups ending at `back` ("Paul Ryan (R-WI)"), not
    below `floor`: `back` itself when no ")" ends there."""
    depth = 0
    while back >= floor and (depth or tokens[back].text == ")"):
        depth += {")": 1, "(": -1}.get(tokens[back].text, 0)
        back -= 1
    return back


def _name_before_break(verb: Token) -> Token | None:
    """The name that ends the parser's previous sentence when it broke one mid-sentence after the
    subject ("Sanders  has denounced ..." at a double space, "Sen. Bernie Sanders (I-Vt.) on
    Saturday criticized ..." after the party label): the subject of a verb with none."""
    doc = verb.doc
    tokens = _tokens(doc)
    start = _sent(verb).start
    if any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in tokens[start : verb.i]):
        return None
    back = start - 1
    while back >= 0 and tokens[back].is_space and "\n" not in tokens[back].text:
        back -= 1
    if back < 0 or tokens[back].text in _SENTENCE_END or "\n" in tokens[back].text_with_ws:
        return None
    back = _before_parentheses(tokens, back, 0)
    if back >= 0 and tokens[back].ent_type_ == "PERSON":
        return tokens[back]
    return None


def _is_label(subj: Token) -> bool:
    """Whether a subject is a label that opens its line before a colon ("The Latest: Trump
    urges ...", AP's live-blog headline), which the parser may make the verb's subject."""
    doc = subj.doc
    if subj.i + 1 >= len(doc) or _tokens(doc)[subj.i + 1].text != ":":
        return False
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, subj.idx) + 1
    label = _LEADING_THE.sub("", text[line_start : subj.idx + len(subj)].strip())
    return bool(_LABEL.fullmatch(label))


def _after_label(label: Token) -> Token | None:
    """The name right after a label's colon, the subject the parser missed; else None."""
    tokens = _tokens(label.doc)
    after = tokens[label.i + 2] if label.i + 2 < len(tokens) else None
    if after is None or not (
        after.ent_type_ == "PERSON" or after.pos_ == "PROPN" or after.is_title
    ):
        return None
    name_end = after.i
    while name_end + 1 < len(tokens) and tokens[name_end + 1].ent_iob_ == "I":
        name_end += 1
    return tokens[name_end]


def _question_put(verb: Token) -> bool:
    """Whether a verb of asking is a participle with no subject of its own: a question put to
    someone ("was asked about", "Asked which county ...", "when asked what ..."), not by them."""
    if verb.lower_ not in _ASK or any(c.dep_ == "nsubj" for c in _children(verb)):
        return False
    if verb.tag_ == "VBN" or (verb.dep_ == "acl" and verb.tag_ != "VBG"):
        # (a verb of asking on a noun, unless in -ing, is a past participle whatever its tag:
        # "Lavrov, asked about the North's decision, said ...")
        return True
    # ... also when the tagger took the participle for a past tense: a clause with no subject
    # opening the sentence, or after "when", before its main clause ("Asked whether the North
    # had agreed, he said ...")
    before = _tokens(verb.doc)[verb.i - 1] if verb.i > 0 else None
    return verb.dep_ == "advcl" and (
        verb.is_sent_start or (before is not None and before.lower_ in ("when", "once", "after"))
    )


def _absolute_clause(prep: Token) -> bool:
    """Whether a "with" phrase is a clause of its own subject ("welcomed the announcement, with
    spokesman Tony Snow calling it ..."): what that subject does, not what the verb it hangs on
    says of its object."""
    return prep.lower_ in ("with", "without") and any(
        g.dep_ == "pcomp" and any(s.dep_ in ("nsubj", "nsubjpass") for s in _children(g))
        for g in _children(prep)
    )
