"""extract_quotes: quote marks and reported clauses of one parsed article become attributed rows;
the parts of one utterance are linked and reported speech is merged around partial quotes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from tasks.nlp import doc_text, token_at, verb_forms
from tasks.quotes.attribution import _Attribution, _attribution, _Spans
from tasks.quotes.lexicon import (
    _ABBREVIATION_END,
    _ANONYMOUS,
    _ANSWER_TEXTS,
    _BEFORE_WINDOW,
    _LABEL,
    _MID_SENTENCE,
    _NAMING,
    _RELAYING,
    _RUNS_ON,
    _SCARE_MAX_TERM_WORDS,
    _SPEAKER_ENTS,
    _TERM_BEFORE,
    _TURN,
    _UNCUED_MIN_WORDS,
    SPEECH_VERBS,
)
from tasks.quotes.marks import (
    _CLOSING,
    _DOUBLE_CLOSE,
    _DOUBLE_MARKS,
    _SINGLE_CLOSE,
    Quote,
    find_quote_marks,
)
from tasks.quotes.reported import (
    _addressee_only,
    _anonymity_terms,
    _aside_dash,
    _circumstance_only,
    _Clause,
    _cut_before,
    _dateline_subject,
    _filed_from,
    _names_someone,
    _office_or_delegates,
    _published_only,
    _reported_clauses,
)
from tasks.quotes.speakers import (
    _ANSWER_LABEL,
    _author_of,
    _honorific,
    _is_title,
    _not_a_person,
    _resolve,
    _scare_modifier,
    _Speakers,
)
from tasks.quotes.syntax import (
    _CACHE_KEY,
    _children,
    _DocCache,
    _name_span,
    _question_put,
    _sent,
    _tokens,
)

# a quote's signature after its closing mark, a name and a place: '"..." Richard Hale, Columbus',
# ending its paragraph or before the next quote
_SIGNED = re.compile(
    r"[ \t]+(?:[—–-][ \t]*)?([A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){1,2}),[ \t]+"
    r"[A-Z][A-Za-z'’-]+(?:[ \t]+[A-Z][A-Za-z'’-]+){0,2}\.?(?=[ \t]*(?:\n|$|[\"“]))"
)


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n", text)]


def extract_quotes(doc: Doc, writers: Sequence[str] = ()) -> list[Quote]:
    """All quotes of one article (direct, partial, indirect), in text order. `writers` are the
    article's authors from its metadata: the "I" of an op-ed or a letter is its one writer (a
    byline in the text serves where they are not given)."""
    text = doc_text(doc)
    if not text.strip() or not doc.has_annotation("DEP"):
        return []
    doc.user_data[_CACHE_KEY] = _DocCache(doc)
    try:
        return _extract_quotes(doc, text, writers)
    finally:
        # Token objects left in user_data would go wherever the Doc goes
        doc.user_data.pop(_CACHE_KEY, None)


# a paragraph of a transcript quoted whole that opens with its mark and a speaker's label
# ("\n\n\"PENCE: Well, ..."): a new turn, which the quote that runs on over paragraphs ends at
# (the mark may be typed as two characters, ``PENCE: or ''PENCE:, or be the single mark of copy
# that quotes in single marks, 'PENCE: or ‘PENCE:, or a European one, «PENCE: or „PENCE:)
_QUOTED_TURN = re.compile(r"\n[ \t]*(?P<mark>``|''|[\"“‘'«„])(?=" + _TURN.pattern + ")")


def _turns(text: str, marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The marks, each quote that runs over paragraphs cut where a new speaker's turn begins."""
    out: list[tuple[int, int]] = []
    for lo, hi in marks:
        for turn in _QUOTED_TURN.finditer(text, lo + 1, hi):
            label = _TURN.match(text, turn.end())
            if label is None or _LABEL.match(label.group(1)):
                continue
            out.append((lo, turn.start()))
            lo = turn.start("mark")
        out.append((lo, hi))
    return out


# the first person and groups: no single person a pronoun names (speakers._resolve)
_GROUP_PRONOUNS = frozenset(["they", "we", "i", "you"])
# after a quote's closing mark: its attribution, a comma and the same quote going on in lower
# case ('"The North," Christopher Hill said, "must come back."')
_SPLIT_QUOTE_AFTER = re.compile(r"[ \t]+[^\"“”\n]{2,60}?,[ \t]*[\"“‘'`]+[a-z]")
# An endnote or footnote of an op-ed or a report ("[3] Siegfried S. Hecker, "A Return Trip to
# North Korea's Yongbyon Nuclear Complex," Center for ..., November 20, 2010."): a paragraph that
# opens with a bracketed number and gives a year cites a source; the title in its marks is no
# quote and "State Department response to CRS inquiry" no report
_NOTE = re.compile(r"^[ \t]*\[\d{1,3}\][ \t]+(?=[^\n]*\b(?:1[5-9]|20)\d\d\b)[^\n]*", re.MULTILINE)
# ... and a line of a sources list (Wikinews' "Sources" under a story): the outlet or author and
# a full stop, the title in marks, a dash and where and when it was published ('Reuters. "North
# Korea gives dates for satellite launch" — Reuters, March 12, 2009')
_SOURCE_LINE = re.compile(
    r"^[ \t]*(?:[*•-][ \t]+)?[A-Z][^\n\"“.]{0,80}\.[ \t]+[\"“][^\n\"“”]{3,200}[\"”][ \t]*(?:—|–|--|-)"
    r"[ \t]*[^\n]*\b(?:1[5-9]|20)\d\d\b[^\n]*$",
    re.MULTILINE,
)
# ... and a wire editor's note of what a new version of the story changed, on a line of its own:
# "(Adds Chinese comment, U.S. officials, paragraphs 19-22)", "(Updates with vote)"
_EDITORS_NOTE = re.compile(
    r"^[ \t]*\((?:Adds|Updates|Recasts|Corrects|Changes|Rewrites|Refiles|Repeats|Fixes|Inserts)"
    r"\b[^\n()]*\)[ \t]*$",
    re.MULTILINE,
)
# the writer's comment set off after words quoted at the end of a reported clause ("called the
# plan "self-deportation," which is like ...", "the judge as "Spanish," an error ..."): the words
# reported end at the closing mark (PolNeAR's annotators end them there)
_COMMENT_ON_QUOTED = re.compile(
    r"[\w.!?](?:,(?:\"|”|'')(?=[ \t]+(?:which|an?)[ \t])|(?:\"|”|'')(?=,[ \t]+(?:which|an?)[ \t]))"
)


def _extract_quotes(doc: Doc, text: str, writers: Sequence[str]) -> list[Quote]:
    marks = _turns(text, find_quote_marks(text))
    quoted = _Spans.of(marks)
    para_starts = _paragraph_starts(text)
    memory = _Speakers(doc, quoted, writers)
    notes = _Spans.of(
        ([m.span() for m in _NOTE.finditer(text)] if "[" in text else [])
        + [m.span() for m in _SOURCE_LINE.finditer(text)]
        + [m.span() for m in _EDITORS_NOTE.finditer(text)]
    )
    clauses = _before_closing_reports(
        [c for c in _reported_clauses(doc) if not notes.covers(c.start)]
    )
    _remember_reporters(doc, clauses, memory)
    quotes: list[Quote] = []
    used_cues: set[int] = set()
    previous: Quote | None = None
    for lo, hi in marks:
        c_lo, c_hi = (
            lo + 1,
            hi - 1
            if hi - 1 > lo + 1 and text[hi - 1] in _DOUBLE_CLOSE + _SINGLE_CLOSE + '"'
            else hi,
        )
        # marks typed as two characters (``...'' of wire copy and Korean outlets, ''...'' of the
        # New York Times): the scanner reads them as a single quote inside another
        if text[lo] in "`'" and text[lo + 1 : lo + 2] == text[lo]:
            c_lo = lo + 2
        if c_hi == hi - 1 and text[hi - 2 : hi] == "''" and hi - 2 > c_lo:
            c_hi = hi - 2
        content = text[c_lo:c_hi]
        stripped = content.strip()
        if len(stripped) < 2 or not any(ch.isalpha() for ch in stripped):
            continue
        if _is_title(text[max(0, lo - 40) : lo], stripped) and not (
            stripped.endswith(",")
            and _SPLIT_QUOTE_AFTER.match(text, hi)
            and not text[max(0, lo - 2) : lo].strip(" \t").rstrip("\n")[-1:].isalnum()
        ):
            # a programme, book or show named in quotes: "NBC's "Meet the Press""; not the
            # first words of a quote that opens its sentence and that its attribution splits
            # ('"The North," Hill said, "must come back."')
            continue
        if lo > 0 and text[lo - 1] == "=":
            continue  # an attribute value of embedded markup (<tweet author="@AP">), not speech
        if notes.covers(lo):
            continue  # a title a note cites (_NOTE)
        c_lo += len(content) - len(content.lstrip())
        c_hi -= len(content) - len(content.rstrip())
        paragraph = bisect.bisect_right(para_starts, lo) - 1
        before = text[max(para_starts[paragraph], lo - _BEFORE_WINDOW) : lo].rstrip()
        in_sentence = bool(before) and before[-1].isalnum()
        partial = in_sentence and (not text[c_lo].isupper() or len(stripped.split()) <= 6)
        # after "U.S." a lower-case quote runs on inside the sentence; a capital starts one
        partial = partial or (not text[c_lo].isupper() and bool(_ABBREVIATION_END.search(before)))
        # a lower-case fragment set off by a comma or dash that the sentence runs on after (`...
        # through her server, "no reasonable prosecutor" would bring the case`) is part of it
        partial = partial or (
            bool(before)
            and before[-1] in _MID_SENTENCE
            and text[c_lo].islower()
            and not stripped.rstrip("'’").endswith((",", ".", "?", "!"))
            and bool(_RUNS_ON.match(text, hi))
        )
        kind = "partial" if partial else "direct"
        att = _attribution(doc, lo, hi, quoted)
        turn = _TURN.match(text, c_lo, c_hi) if kind == "direct" else None
        if turn and (att is None or att.cue is None) and not _LABEL.match(turn.group(1)):
            # a transcript quoted whole, a turn to a paragraph ("WALLACE: Let's start with ..."):
            # the label names who speaks and is no part of what is said
            name = doc.char_span(c_lo, turn.end(1), alignment_mode="expand")
            colon = token_at(doc, turn.end(1))
            if name is not None and colon is not None:
                att = _Attribution(colon, colon.idx + 1, name.root)
                c_lo = turn.end()
        speaker = speaker_text = cue_text = None
        speaker_type = "unknown"
        cue_start = cue_end = None
        if att is not None and (att.cue is not None or att.subject is not None):
            speaker, speaker_text, speaker_type = _resolve(doc, att.subject, lo, memory)
            if att.cue is not None:
                cue_start = att.cue.idx if att.cue_start is None else att.cue_start
                cue_end = att.cue_end
                cue_text = text[cue_start:cue_end]
                if kind == "direct":
                    # the verb introduces this quote; a partial quote leaves its verb free to
                    # report the rest of the clause ("pledged to enact reform, fix the "broken"
                    # system")
                    used_cues.add(att.cue.i)
        signed = _SIGNED.match(text, hi) if kind == "direct" and cue_text is None else None
        if signed is not None:
            # a reader's comment on a live page, signed after its closing mark ('"Fourteen years
            # of talking and the bomb still exists." Daniel Osei, London'): the signer's words
            speaker_text = signed.group(1)
            speaker, speaker_type = memory.full_at(speaker_text, lo), "named"
        if (
            speaker_type == "unknown"
            and speaker is None
            and previous is not None
            # a group's words ("they signed a joint statement pledging to abandon "all nuclear
            # weapons"") are not the last named speaker's (a group described before may go on)
            and not ((speaker_text or "").lower() in _GROUP_PRONOUNS and previous.speaker)
            # nor is an unresolved "she said" the last named speaker's: a name the pronoun could
            # mean would have resolved it ("said John Park. His passenger disagreed. "...," she
            # said")
            and not ((speaker_text or "").lower() in ("he", "she") and previous.speaker)
        ):
            prev_para = previous.paragraph
            if paragraph - prev_para <= 1 and (
                previous.speaker or previous.speaker_type in ("anonymous", "description")
            ):
                speaker, speaker_text, speaker_type = (
                    previous.speaker,
                    previous.speaker_text,
                    previous.speaker_type,
                )
        if (
            kind == "partial"
            and len(stripped.split()) <= _SCARE_MAX_TERM_WORDS
            and _TERM_BEFORE.search(before)
        ):
            continue  # a term mentioned, not used: the so-called "rebels", the hacker known as "Guccifer"
        if kind == "partial" and _scare_modifier(doc, c_lo, c_hi):
            continue  # a scare-quoted modifier of a noun: the nation's "broken" campaign system
        if kind == "partial" and cue_text is None and len(stripped.split()) <= 3:
            # a short quoted phrase nobody is said to have said: a scare quote, title or
            # nickname ("the so-called "grand bargain""); on PolNeAR train 57 of 73 were not quotes
            continue
        if (
            kind == "direct"
            and cue_text is None
            and len(stripped.split()) < _UNCUED_MIN_WORDS
            and (previous is None or previous.paragraph != paragraph)
            and not _quote_paragraph_going_on(
                text, para_starts, paragraph, previous, lo, hi, stripped
            )
        ):
            # a short quote nobody is said to say, not continuing a quote before it: a slogan,
            # title or subheading ("'A healthy environment.'", the hit play "Eclipsed.")
            continue
        if speaker is None and speaker_type == "unknown" and kind == "direct" and att is None:
            # a quote paragraph with no attribution at all belongs to the person the text was
            # just about (the previous paragraph introduced the speaker)
            speaker = memory.recent(lo, None)
            if speaker is not None:
                speaker_type = "named"
        if speaker is not None and speaker_type in ("named", "pronoun-resolved", "description"):
            memory.last_named.append((lo, speaker))
        quote = Quote(
            text=text[c_lo:c_hi],
            start_char=c_lo,
            end_char=c_hi,
            kind=kind,
            speaker=speaker,
            speaker_text=speaker_text,
            speaker_type=speaker_type,
            cue=cue_text,
            cue_start=cue_start,
            cue_end=cue_end,
            paragraph=paragraph,
        )
        quotes.append(quote)
        previous = quote
    quotes = _merge_reported(doc, quotes, used_cues, memory, para_starts, clauses)
    quotes += _answers(text, memory, para_starts)
    quotes = [_with_fronted_part(doc, q, quotes) for q in quotes]
    quotes = [_controlled_speaker(doc, q, memory) for q in quotes]
    quotes.sort(key=lambda q: q.start_char)
    linked = _link_parts(doc, quotes, text)
    parts = [part for q in linked for part in _around_set_off_attribution(doc, q)]
    return [
        _with_quotation_marks(_with_balanced_marks(_before_comment(q, text), text), text, marks)
        for q in parts
    ]


def _before_comment(quote: Quote, text: str) -> Quote:
    """A partial or indirect row without the writer's comment set off after the words it quotes
    at its end (see _COMMENT_ON_QUOTED)."""
    if quote.kind == "direct":
        return quote
    comment = _COMMENT_ON_QUOTED.search(text, quote.start_char, quote.end_char)
    if comment is None:
        return quote
    return replace(quote, text=text[quote.start_char : comment.end()], end_char=comment.end())


def _quote_paragraph_going_on(
    text: str,
    para_starts: list[int],
    line: int,
    previous: Quote | None,
    lo: int,
    hi: int,
    words: str,
) -> bool:
    """Whether a quote is a paragraph of its own, a whole sentence, right after the paragraph of
    a direct quote: the speaker going on ('"We are prepared to move forward," Clinton said.' then
    '"The choice is theirs."'), however short, not a slogan or a title. `line` is the quote's
    (its index in `para_starts`)."""
    if previous is None or previous.kind != "direct" or words[-1:] not in (".", "?", "!"):
        return False
    if len(words.split()) < 2:
        return False  # a crowd's "Nooooo!" between a speaker's questions
    if text[lo] not in '"\u201c`':
        return False  # a line in single marks is a subheading ("'All Bets Are Off.'")
    line_end = para_starts[line + 1] if line + 1 < len(para_starts) else len(text)
    if text[para_starts[line] : lo].strip() or text[hi:line_end].strip():
        return False  # words before the opening mark or after the closing one
    # only blank lines between the previous quote's paragraph and this one
    return all(
        not text[para_starts[n] : para_starts[n + 1]].strip()
        for n in range(previous.paragraph + 1, line)
    )


_INSIDE_PUNCT = frozenset(",.?!")  # American style prints them inside the closing mark


def _with_quotation_marks(quote: Quote, text: str, marks: list[tuple[int, int]]) -> Quote:
    """A partial or indirect row that stops right before the closing mark of a quotation it
    holds the start of (`calling the drills 'a grave threat.`), or starts right after the
    opening mark of one it holds the end of (a headline's `stern response' to ...`, `up" because
    "football ...`), takes the mark in. The quotations are those find_quote_marks found, so a
    single mark is told from an apostrophe ("North's") and each quotation is read alone, where
    _with_balanced_marks counts the double marks of the row."""
    if quote.kind == "direct":
        return quote
    start, end = quote.start_char, quote.end_char
    for lo, hi in marks:
        width = 2 if text[lo : lo + 2] in ("''", "``") else 1  # wire copy's and the NYT's marks
        if start < lo < end < hi and hi - end <= width + 1:
            end = hi  # the closing mark, after a stop or comma printed inside it
        elif lo < start < hi < end and start - lo == width:
            start = lo
    if (start, end) == (quote.start_char, quote.end_char):
        return quote
    return replace(quote, text=text[start:end], start_char=start, end_char=end)


def _with_balanced_marks(quote: Quote, text: str) -> Quote:
    """A partial or indirect row that holds an opening double mark and stops right before its
    closing one (`the rock classic “All Right Now`, a title it was not cut for) takes the mark
    in, and the same for a closing mark whose opening one is right before the row."""
    if quote.kind == "direct":
        return quote  # the words inside the marks
    body = quote.text
    start, end = quote.start_char, quote.end_char
    opens, closes = body.count("“"), body.count("”")
    straight_odd = body.count('"') % 2 == 1
    # the New York Times' '', which opens and closes, left open; or wire copy's ``...''
    nyt_open = "``" not in body and body.count("''") % 2 == 1
    wire_open = nyt_open or body.count("``") > body.count("''")
    # the closing mark right after the row, or after the comma or stop printed inside it
    at = end + (text[end : end + 1] in _INSIDE_PUNCT)
    if (opens > closes and text[at : at + 1] == "”") or (
        straight_odd and text[at : at + 1] == '"' and body.lstrip()[:1] != '"'
    ):
        end = at + 1
    elif wire_open and text[at : at + 2] == "''" and not body.startswith("''"):
        end = at + 2
    elif (closes > opens and text[start - 1 : start] == "“") or (
        straight_odd and text[start - 1 : start] == '"'
    ):
        start -= 1
    elif nyt_open and text[start - 2 : start] in ("''", "``"):
        start -= 2
    if (start, end) == (quote.start_char, quote.end_char):
        return quote
    return replace(quote, text=text[start:end], start_char=start, end_char=end)


def _answers(text: str, memory: _Speakers, para_starts: list[int]) -> list[Quote]:
    """The answers of a question-and-answer transcript ("A: The talks are going smoothly."), as
    the words of the person it interviews (unknown when the text names no one before it); the
    reports inside an answer stay rows of their own."""
    found = []
    for start, end in memory.answers:
        # a paragraph an answer goes on over has no label: the same utterance continues
        label = _ANSWER_LABEL.match(text, start)
        begin = start if label is None else label.end()
        found.append(
            Quote(
                text=text[begin:end],
                start_char=begin,
                end_char=end,
                kind="direct",
                speaker=memory.interviewee,
                speaker_text=None,
                speaker_type="named" if memory.interviewee else "unknown",
                cue=None,
                cue_start=None,
                cue_end=None,
                paragraph=bisect.bisect_right(para_starts, start) - 1,
                continues=label is None,
            )
        )
    return found


# words between a verb of saying and the comma that ends its attribution: "said Monday", "told
# reporters", "said in a statement"; a longer run is a clause of its own
_ATTRIBUTION_TAIL_WORDS = 4
# words of the speaker phrase before it: "a senior U.S. official", "the North's foreign minister"
_SPEAKER_PHRASE_WORDS = 6
# the words that only link what was said to what came before ("And", "But", "Still")
_LINKING = frozenset(["CCONJ", "ADV", "PUNCT", "SPACE", "INTJ"])


def _sets_off(token: Token) -> bool:
    """A comma or a dash that sets an attribution off inside a sentence."""
    return token.text == "," or _aside_dash(token)


def _attribution_extent(tokens: Doc | list[Token], cue: Token) -> tuple[int, int] | None:
    """First and last token of the attribution around a cue inside a sentence ("officials said
    Monday", "according to Ross, an envoy"), or None when the words around the cue are no
    short attribution."""
    if cue.lower_ == "according":
        to = next((c for c in _children(cue) if c.lower_ == "to"), None)
        source = next((c for c in _children(to) if c.dep_ == "pobj"), None) if to else None
        if source is None:
            return None
        last = source.right_edge.i
        while last > source.i and _sets_off(tokens[last]):
            last -= 1  # the comma closing an apposition hangs on the source ("Ross, an envoy,")
        return cue.i, last
    # the speaker phrase between the comma and the verb, read from the words (the parser hangs
    # it many ways, see _set_off_attribution): a few words naming someone, no verb
    first = next(
        (
            k + 1
            for k in range(cue.i - 1, max(-1, cue.i - 2 - _SPEAKER_PHRASE_WORDS), -1)
            if _sets_off(tokens[k])
            or tokens[k].pos_ in ("VERB", "AUX")
            or tokens[k].tag_ in ("WDT", "WP", "WP$")
        ),
        0,
    )
    phrase = tokens[first : cue.i]
    if (
        not phrase
        or phrase[0].pos_ == "CCONJ"  # "..., but I said, ...": a clause of its own
        or not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in phrase)
    ):
        return None
    # the words after the verb up to the comma that closes the attribution
    last = next(
        (t.i - 1 for t in tokens[cue.i + 1 : cue.i + 2 + _ATTRIBUTION_TAIL_WORDS] if _sets_off(t)),
        -1,
    )
    if last < cue.i or any(t.pos_ in ("VERB", "AUX") for t in tokens[cue.i + 1 : last + 1]):
        return None
    return first, last


def _around_set_off_attribution(doc: Doc, quote: Quote) -> list[Quote]:
    """An indirect quote that holds its own attribution set off inside the sentence ("The talks
    will resume, officials said, after the North returns", "At the heart of it, according to
    Ross, was a decision ...") as two rows, the words before it and the words after it, the
    second going on with the first: what was said, without who said it. PolNeAR annotates the
    content so, in two spans; the utterance keeps its extent. Before an attribution that only a
    linking word precedes ("Still, officials said, ...") the row starts after it."""
    cue_start = quote.cue_start
    if quote.kind != "indirect" or cue_start is None:
        return [quote]
    if not quote.start_char < cue_start < quote.end_char:
        return [quote]
    cue = token_at(doc, cue_start)
    if cue is None:
        return [quote]
    tokens = _tokens(doc)
    extent = _attribution_extent(tokens, cue)
    if extent is None:
        return [quote]
    first, last = extent
    if first < 1 or last + 2 >= len(tokens):
        return [quote]
    opening, closing, resumed = tokens[first - 1], tokens[last + 1], tokens[last + 2]
    if (
        not _sets_off(opening)
        or not _sets_off(closing)
        or not quote.start_char < opening.idx
        or not resumed.idx < quote.end_char
    ):
        return [quote]
    text = doc_text(doc)
    before = text[quote.start_char : opening.idx].rstrip()
    after = text[resumed.idx : quote.end_char]
    if len(after.split()) < 2:
        return [quote]
    said_before = replace(quote, text=before, end_char=quote.start_char + len(before))
    if resumed.tag_ == "VBG" and resumed.head.i == cue.i and resumed.dep_ in ("advcl", "xcomp"):
        # "..., Yonhap said, quoting an unnamed official": what the speaker did, not said
        return [said_before]
    start = token_at(doc, quote.start_char)
    if start is None or all(t.pos_ in _LINKING for t in tokens[start.i : first - 1]):
        # "And, as the Post reported, Clinton is ...": nothing said before it but a linking word
        return [replace(quote, text=after, start_char=resumed.idx)]
    return [said_before, replace(quote, text=after, start_char=resumed.idx, continues=True)]


_MARKS_AND_SPACE = " \t\u00a0\"'“‘`"  # an opening mark and the space before it


def _with_fronted_part(doc: Doc, quote: Quote, quotes: list[Quote]) -> Quote:
    """A direct quote in lower case after an attribution set off inside its sentence goes on
    with the words before that attribution ('An economic downturn, he said, "could be a good
    time to borrow"', 'Sooner or later, the governor told reporters, "it starts to pay off."'):
    a partial quote from the sentence's start, as PolNeAR annotates the statement."""
    if quote.kind != "direct" or quote.cue_start is None or quote.cue_start >= quote.start_char:
        return quote
    text = doc_text(doc)
    if not text[quote.start_char : quote.start_char + 1].islower():
        return quote
    if not text[: quote.start_char].rstrip(_MARKS_AND_SPACE).endswith((",", ":")):
        return quote  # "one questioner claimed that the “forces ...”": the quote is in a clause
    cue = token_at(doc, quote.cue_start)
    if cue is None:
        return quote
    subject = next(
        (c for c in _children(cue) if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i), None
    )
    if subject is None:
        return quote
    sent = _sent(cue)
    tokens = _tokens(doc)
    first = subject.left_edge.i
    if not (
        sent.start < first - 1
        and tokens[first - 1].text == ","
        and quote.start_char < sent.end_char
    ):
        return quote
    before = tokens[sent.start : first - 1]
    words = [t for t in before if not (t.is_punct or t.is_space)]
    if len(words) < 2 or any(t.is_quote for t in before):
        return quote  # "But, she told the mayors, ...": no statement of its own before it
    between = [t for t in tokens[cue.i + 1 : sent.end] if t.idx < quote.start_char]
    if len([t for t in between if t.is_alpha]) > 3 or any(t.dep_ == "mark" for t in between):
        return quote  # "said Friday that if she won, “...”": the quote is in a clause of its own
    if any(words[0].idx <= q.start_char < quote.start_char for q in quotes if q is not quote):
        return quote  # another row of the sentence is there already
    return replace(
        quote, kind="partial", text=text[words[0].idx : quote.end_char], start_char=words[0].idx
    )


def _remember_reporters(doc: Doc, clauses: list[_Clause], memory: _Speakers) -> None:
    """Named people who report, hope or want something in a clause the main-clause test leaves
    out are subjects a later pronoun can refer to, before the direct quotes are resolved: "This
    is not the kind of campaign Ayotte hoped to be running. ... "...," she said." is Ayotte's,
    not that of a woman named as a main subject before. Left out: a person inside what another
    clause reports (not the topic), one of coordinated people (but in "Cruz, Wilkin said" the
    name before the cue is no conjunct: see _subject_of), and plurals ("the Clintons"). The
    person a relative clause of saying hangs on stays in ("Ivanka Trump, who said ..."): leaving
    it out changed 8 PolNeAR utterances, 5 of them to a wrong speaker.
    Also records the span each named person or "he"/"she" reports, whose subjects a pronoun then
    passes over for the reporter (_Speakers.recent), a named reporter's wherever it stands ("The
    jabs, Mr. Graham said, were unacceptable"). The author of a writing that reports ("according
    to a post from Arianna Huffington") is its reporter."""
    reported = _Spans.of([(c.start, c.end) for c in clauses])
    for clause in clauses:
        subj = clause.subject
        if subj is None or memory.in_quote(subj.idx):
            continue
        if subj.lower_ in ("he", "she") and subj.pos_ == "PRON":
            # "He noted that Sanders himself has acknowledged ... "...," he said": whom a "he"
            # reports on is not the next "he" either (the reporter is resolved later)
            if subj.idx < clause.start:
                memory.reported.append((clause.start, clause.end, subj.lower_))
            continue
        # "according to a post from Arianna Huffington": the writing's author reports
        subj = _author_of(subj) or subj
        if subj.ent_type_ != "PERSON" and not (
            # "..., Bosworth said no": the surname of a person the article named, which NER
            # did not tag here
            subj.pos_ == "PROPN"
            and subj.lower_ in memory.full_names
            and subj.n_lefts + subj.n_rights == 0
        ):
            continue
        start, end = _name_span(subj)
        name = memory.full_at(_honorific(doc, start) + doc_text(doc)[start:end], start)
        memory.reported.append((clause.start, clause.end, name))
        if (
            (subj.dep_ == "conj" and subj.i != clause.cue.i - 1)
            or subj.tag_ == "NNPS"
            or reported.covers(subj.idx)
            or _not_a_person(name)
        ):
            continue
        memory.subjects.append((subj.idx, name))


_SUBJECTS = frozenset(["nsubj", "nsubjpass", "csubj", "expl"])


def _is_clause(doc: Doc, quote: Quote) -> bool:
    """Whether a row's words are a clause with a subject ("he would not vote", "that the price
    had fallen"), not a noun phrase ("the attorney's visit")."""
    span = doc.char_span(quote.start_char, quote.end_char, alignment_mode="expand")
    return span is not None and any(
        t.dep_ in _SUBJECTS and span.start <= t.head.i < span.end for t in span
    )


def _describes_speaker(doc: Doc, inner: Quote, outer: Quote) -> bool:
    """Whether a reported clause lies in the attribution of the quote before it without being
    said beside it: in a relative clause or a description of the speaker or the occasion (`"A,"
    said Peter King, who endorsed Mr. Rubio on Tuesday. "B."`, `"A," said Sen. Ann Ray, the only
    senator to endorse Mr. Cole. "B."`, `"A," she said in a speech that praised ... "B."`), not
    a clause of the cue itself (`"A," he said, referring to ... "B."`, `said when asked about`)."""
    if inner.cue_start is None or outer.cue_start is None or outer.cue_end is None:
        return False
    if inner.cue_start < outer.cue_end:
        return False
    cue = token_at(doc, inner.cue_start)
    said = token_at(doc, outer.cue_start)
    if cue is None or said is None or _sent(cue) != _sent(said):
        return False
    if cue.lower_ in SPEECH_VERBS and _is_clause(doc, inner):
        # "said Lionel Sosa, who said he would not vote for Mr. Cruz": what the relative clause
        # reports is a statement of its own, by the same speaker
        return False
    # a clause that hangs on the cue itself ("said, referring to ...", "said when asked
    # about ...") is reported beside the quote, not part of who is speaking
    return cue.head != said and cue != said


def _same_speaker(first: Quote, second: Quote) -> bool:
    """Whether two quotes have one known speaker: the same person, or the same description."""
    if first.speaker is not None or second.speaker is not None:
        return first.speaker == second.speaker
    return first.speaker_text is not None and first.speaker_text == second.speaker_text


def _quotes_the_report(report: Quote, quote: Quote, text: str) -> bool:
    """Whether a direct quote with no cue but the report's goes on with the reported speech
    (or partial quote) right before it, nothing but punctuation between ("Lynch announced on
    Monday the lawsuit against the state. “We are seeking a court order ...”", "said the plan
    was “a fantasy”: “Nobody ...”"): one statement, as PolNeAR annotates it (train+dev, after
    reported speech: 16 such pairs one attribution, 4 two)."""
    return (
        report.kind in ("indirect", "partial")
        and report.cue_start is not None
        and quote.cue_start in (None, report.cue_start)
        and _same_speaker(report, quote)
        and not any(ch.isalnum() or ch == "\n" for ch in text[report.end_char : quote.start_char])
    )


def _resumes_next_paragraph(doc: Doc, first: Quote, second: Quote, gap: str) -> bool:
    """Whether a quote with no cue of its own opens the paragraph right after the one that ends
    with the first quote's attribution ('"A," Trump said.\n\n"B."'): the speaker goes on, and
    PolNeAR annotates one attribution (train: 27 such pairs one attribution, 5 two)."""
    if second.cue_start is not None or first.cue_start is None:
        return False
    head, _, rest = gap.partition("\n")
    if rest.strip(" \t\n\u00a0" + _DOUBLE_MARKS + "'‘`"):
        return False  # another paragraph between, or words before the second quote
    said = token_at(doc, first.cue_start)
    # the first paragraph ends with the attribution's sentence
    return said is not None and _sent(said).end_char >= first.end_char + len(head.rstrip())


# the cue of a clause beside an attribution that goes on speaking: a quote after its object is
# what was added ('"A," Trump said, adding a plug for himself. "B?"': PolNeAR's content of
# "adding" is the plug and B). PolNeAR train +2 quotes found, dev unchanged; with any speech
# verb's -ing form, dev -1
_GOING_ON = frozenset(
    ["adding", "noting", "explaining", "continuing", "insisting", "arguing", "warning", "saying"]
)


def _link_parts(doc: Doc, quotes: list[Quote], text: str) -> list[Quote]:
    """Mark each direct quote that resumes the direct or partial one before it after the attribution
    that introduced that one (`"A," she said. "B."`, `The plan is "a fantasy," she said. "B."`):
    the same speaker, no cue of its own outside that attribution, the same paragraph, or the
    next one when the attribution ends the first and the quote opens the next
    (_resumes_next_paragraph). PolNeAR annotates such a pair as one attribution with a
    discontinuous content. The attribution between the parts may describe the speaker at length
    (`"A," said Gene Sperling, who has offered advice to Mrs. Clinton. "B."`): a reported clause
    there is part of who is speaking, not an utterance of its own, and is dropped, unless a verb
    of saying reports a clause there (`said Lionel Sosa, who said he would not vote for Mr.
    Cruz`), which stays a row beside the quote. A clause of
    the cue itself (`"A," Ms. Hughes said, pointing out where the pharmacy used to be. "B."`,
    `said when asked about ...`) is reported beside the quote: it stays a row of its own, moved
    after the second part so that the parts of the utterance are adjacent rows (utterance_id
    joins each part to the row before it); when that clause goes on speaking and names what it
    says (`"A," he said, adding a plug for himself. "B?"`), the second part goes on with it
    instead. A direct quote not resuming one may go on with the reported speech right before it
    (_quotes_the_report). Last, a row that shares its cue,
    speaker and paragraph with the row before it is part of the same attribution (`said Sanders
    had been "a tremendously important part of my caucus," and that Democrats would need to
    "depend on Bernie"`: one cue, one attribution in PolNeAR) when the row before is a partial
    quote or of the same kind."""
    linked = list(quotes)
    dropped: set[int] = set()
    for n in range(1, len(linked)):
        quote = linked[n]
        if quote.kind != "direct":
            continue
        m = n - 1
        while m >= 0 and linked[m].kind == "indirect":
            m -= 1
        if quote.cue_start is not None and m >= 0 and linked[m].kind == "partial":
            # '"A," she said, describing how she puts together "tubular mixers," batches of
            # rods. "B."': a quote inside a clause of the shared cue is no part before this one
            k = m
            while k >= 0 and linked[k].kind != "direct" and linked[k].cue_start != quote.cue_start:
                k -= 1
            if k >= 0 and linked[k].kind == "direct" and linked[k].cue_start == quote.cue_start:
                m = k
        prev = linked[m] if m >= 0 and m not in dropped else None
        gap = text[prev.end_char : quote.start_char] if prev is not None else ""
        if prev is None or not (
            prev.kind in ("direct", "partial")
            and prev.cue_start is not None
            and prev.end_char <= prev.cue_start < quote.start_char
            and (quote.cue_start is None or quote.cue_start == prev.cue_start)
            and (
                quote.speaker == prev.speaker
                # a speaker no words name, guessed from the speakers before ('"A," they
                # conclude. "B."' with "they" unresolved): the attribution it resumes decides
                or (quote.cue_start is None and quote.speaker_text is None)
            )
            # however long the attribution ("said X, who ran in 2008 and ..."), in its paragraph
            and ("\n" not in gap or _resumes_next_paragraph(doc, prev, quote, gap))
        ):
            if _quotes_the_report(linked[n - 1], quote, text):
                linked[n] = replace(quote, continues=True)
            continue
        between = linked[m + 1 : n]  # indirect rows only (see the walk back above)
        describing = [_describes_speaker(doc, q, prev) for q in between]
        inside = [q for q, d in zip(between, describing, strict=True) if d]
        beside = [q for q, d in zip(between, describing, strict=True) if not d]
        # rows m+1..n become the clauses inside the attribution (dropped), the second part, then
        # the clauses beside the cue, which a later quote walks back over as it did before
        resumed = replace(
            quote,
            continues=True,
            speaker=prev.speaker,
            speaker_text=prev.speaker_text,
            speaker_type=prev.speaker_type,
        )
        cue_at = beside[-1].cue_start if beside else None
        going_on = token_at(doc, cue_at) if cue_at is not None else None
        if (
            going_on is not None
            and going_on.lower_ in _GOING_ON
            and not _is_clause(doc, beside[-1])
        ):
            # the quote says what the clause beside the cue names ("adding a plug"); after a
            # clause of its own ("adding that the union had agreed"), it resumes the first part
            linked[m + 1 : n + 1] = [*inside, *beside, resumed]
        else:
            linked[m + 1 : n + 1] = [*inside, resumed, *beside]
        dropped.update(range(m + 1, m + 1 + len(inside)))
    kept = [q for k, q in enumerate(linked) if k not in dropped]
    for k in range(1, len(kept)):
        prev, quote = kept[k - 1], kept[k]
        if (
            not quote.continues
            and quote.cue_start is not None
            and quote.cue_start == prev.cue_start
            and quote.speaker == prev.speaker
            and quote.paragraph == prev.paragraph
            # F1 on PolNeAR train / dev: -0.0006 / -0.0008 joining a partial quote to a report
            # before it under the same cue, -0.0002 / -0.0009 to a direct quote, +0.0005 /
            # +0.0020 to a partial one
            and (prev.kind == "partial" or prev.kind == quote.kind)
        ):
            kept[k] = replace(quote, continues=True)
    return kept


# the entity types of a country or a region, whose words no person named near them speaks (not
# ORG: NER often tags "Trump" so, and PolNeAR rows of his then lost their speaker)
_BODY_ENTS = frozenset(["GPE", "LOC"])


def _controlled_speaker(doc: Doc, quote: Quote, memory: _Speakers) -> Quote:
    """A quote whose cue has no subject of its own ("Mrs. Clinton has praised him. But she has
    also ... opposed his trade pact and called for ...", "In addition to stating that ...") is
    said by the one person its paragraph has named as a subject before it, else by the one person
    the paragraph before named (a speaker runs on across a paragraph); never when the text there
    speaks of an anonymous source."""
    if quote.speaker is not None or quote.speaker_text is not None or quote.cue_start is None:
        return quote
    if quote.start_char <= quote.cue_start < quote.end_char:
        return quote  # a view with no holder ("Lena Park is expected to win"): nobody's
    text = doc_text(doc)
    hi = min(quote.start_char, quote.cue_start)
    cue = token_at(doc, quote.cue_start)
    if cue is not None and _question_put(cue):
        # "Asked about his taxes, Berg said ...": Berg was asked; the question is an unnamed
        # asker's (a reporter's), as "a reporter asked" would be
        return replace(quote, speaker_type="anonymous")
    if cue is not None and (
        any(c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i for c in _children(cue))
        or (
            cue.dep_ in ("dep", "conj")
            and any(
                c.dep_ in ("nsubj", "nsubjpass")
                and c.pos_ == "NOUN"
                and not c.ent_type_
                and not any(p.dep_ == "poss" for p in _children(c))  # "his remarks": his
                for c in _children(cue.head)
            )
        )
    ):
        # the cue has a subject of its own, which named no one ("His call drew the ire of ..."),
        # or hangs on a verb whose subject is a thing ("Figures reported on Sunday now suggest",
        # parsed with "suggest" a dependent of "reported")
        return quote
    if cue is not None and any(
        t.dep_ in ("nsubj", "nsubjpass")
        and t.i < cue.i
        and t.ent_type_ in _BODY_ENTS
        # not a person's name NER took for a place ("Kasich, who brags ..., doesn't pretend")
        and t.lower_ not in memory.full_names
        and not quote.start_char <= t.idx < quote.end_char
        for t in _sent(cue)
    ):
        # the sentence's subject is a country the parser lost from the verb ("The North has
        # test-fired missiles ..., vowing never to return"): no person's words
        return quote
    root = _sent(cue).root if cue is not None else None
    after = (
        next(
            (
                c
                for c in _children(root)
                if c.dep_ in ("nsubj", "nsubjpass")
                and c.idx >= hi
                # a subject inside what was said is no holder of it ("Clinton leads Trump by six
                # points in a new Marist poll": the poll's)
                and not quote.start_char <= c.idx < quote.end_char
            ),
            None,
        )
        if root is not None
        else None
    )
    if after is not None:
        # a fronted clause belongs to the subject after it: "Ready to back Clinton, Obama ...",
        # but "In addition to stating that ..., the platform calls for ..." is the platform's
        if after.ent_type_ != "PERSON":
            return quote
        start, end = _name_span(after)
        name = memory.full_at(_honorific(doc, start) + text[start:end], start)
        return replace(quote, speaker=name, speaker_type="named")
    lo = text.rfind("\n", 0, quote.start_char) + 1
    for _scope in range(2):
        if _ANONYMOUS.search(text[lo:hi]):
            return quote
        named = {n for o, n in memory.subjects + memory.last_named if lo <= o < hi}
        if len(named) == 1:
            return replace(quote, speaker=named.pop(), speaker_type="named")
        if named:
            return quote  # several people the text is about: no confident pick
        lo = text.rfind("\n", 0, max(0, lo - 2)) + 1  # the paragraph before
    return quote


def _quoted_in_report(doc: Doc, clause: _Clause, inside: list[Quote]) -> bool:
    """Whether the direct quotes inside a reported clause are part of the sentence it reports
    whole. With the verb after the clause ('"We're extremely happy" about the decision, she
    said', '"I held and hugged" grieving family members before ..., he said') they share its
    cue and at least three words of the clause lie outside them; a clause said in two parts
    and one reported before it are _said_in_two_parts and _ends_in_quote."""
    if not inside:
        return False
    if clause.start <= clause.cue_at < clause.end:
        return _said_in_two_parts(doc, clause, inside)
    if clause.cue_at < clause.start:
        return _ends_in_quote(doc, clause, inside)
    if clause.cue_at < clause.end:
        return False
    if any(
        c.dep_ in ("nsubj", "nsubjpass") and clause.start <= c.idx < clause.end
        for c in clause.cue.children
    ) or (clause.subject is not None and clause.start <= clause.subject.idx < clause.end):
        return False  # '"...," Gene Sperling, a top adviser, said': who said it, not what
    if not all(
        q.kind == "direct" and q.cue_start == clause.cue_at and q.start_char >= clause.start
        for q in inside
    ):
        return False
    text = doc_text(doc)
    if any(text[q.start_char : q.end_char].rstrip(_CLOSING).endswith(",") for q in inside):
        return False  # '"Yes, I support him," Brent Bozell III, founder of ..., tells': a quote
        # closed on a comma hands over to its attribution
    outside = text[clause.start : clause.end]
    for q in sorted(inside, key=lambda q: -q.start_char):
        a, b = q.start_char - clause.start, q.end_char - clause.start
        outside = outside[:a] + " " + outside[b:]
    words = [w for w in outside.split() if any(ch.isalnum() for ch in w)]
    return len(words) >= 3


def _ends_in_quote(doc: Doc, clause: _Clause, inside: list[Quote]) -> bool:
    """Whether a clause reported by a verb before it ends in the direct quotes inside it, which
    open in lower case, so go on with its sentence ('also said the turmoil was not mainly the
    fault of banks, "not by a long shot."')."""
    text = doc_text(doc)
    return (
        all(
            q.kind == "direct"
            and q.cue_start == clause.cue_at
            and q.start_char > clause.start
            and text[q.start_char : q.start_char + 1].islower()
            for q in inside
        )
        and len(text[clause.start : min(q.start_char for q in inside)].split()) >= 3
    )


def _said_in_two_parts(doc: Doc, clause: _Clause, inside: list[Quote]) -> bool:
    """Whether a clause said in two parts around its attribution opens with the direct quotes
    inside it ('"It's our bad luck," he said, that both men had ties to the mosque'): the
    quotes close before the cue they share with it, and a that-clause of the cue goes on after."""
    cue = clause.cue
    tokens = _tokens(doc)
    return all(
        q.kind == "direct" and q.cue_start == cue.idx and q.end_char <= cue.idx for q in inside
    ) and any(
        c.dep_ == "ccomp"
        and c.idx > cue.idx
        and c.left_edge.lower_ == "that"
        # right after the verb and its comma: not "told a crowd that the campaign estimated at
        # 3,000", a relative clause the parser took for what was told
        and (tokens[c.left_edge.i - 1].text == "," or c.left_edge.i - 1 == cue.i)
        for c in cue.children
    )


# A report that relays someone's words ("Kim told Wang that ..., KCNA reported", "KCNA quoted
# Kim as saying ...", "citing an official as saying"): the cue of the report, and the verbs of
# saying whose words it relays. Narrow on purpose: PolNeAR annotates few attributions nested in
# another, and a wider rule (any verb of saying inside any reported clause) added ~2,000 train
# predictions and took train F1 from 0.804 to 0.764
# "According to KCNA, Kim said ..." relays Kim's words as "..., KCNA reported" does
_REPORTING = _RELAYING | frozenset(
    [
        "quoting",
        "cited",
        "cites",
        "citing",
        "according to",
    ]
)
# ("expressed the hope that ...": a wish put into words, in the diplomatic readouts)
_RELAYED_VERBS = verb_forms(
    "say tell state declare warn insist stress claim express reply respond answer"
)


# the verbs of a trailing attribution that speak for a partial quote in the clause before them,
# whatever verb of that clause the quote hangs on (not "He calls for a ''Medicare for all''
# system; Mrs. Clinton aims to ...", whose root the parser made "aims")
_TRAILING_SAYING = _RELAYED_VERBS | verb_forms("add report")


# "..., the report said", "..., the agency says": a document or a news outlet says what it
# reports, and the words it relays are their speaker's as with "reported"
_SAYING = frozenset(["said", "says", "say"])
_REPORTERS = frozenset(
    [
        "report",
        "dispatch",
        "statement",
        "agency",
        "newspaper",
        "daily",
        "broadcast",
        "television",
        "radio",
        "media",
        # the wire agencies by name ("KCNA said Kim told the envoy that ...")
        "kcna",
        "xinhua",
        "yonhap",
        "kyodo",
        "interfax",
        "itar-tass",
        "tass",
    ]
)
# ... and a spokesman, an official or a source says what the one a report names said ("Roh told
# the Japanese leader that ..., presidential spokesman Yoon Tae-young said", "Hill told Sasae
# that ..., the official said"), within this many characters before "said"
_RELAYER = re.compile(
    r"\b(?:spokes(?:man|woman|person)|press secretary|official|source)\b", re.IGNORECASE
)
_RELAYER_CHARS = 60
# "According to the survey, 51 percent said ...": a poll's count, no one's words
_COUNTED = frozenset(["PERCENT", "CARDINAL", "QUANTITY"])


def _holds_a_report(doc: Doc, clause: _Clause, inside: list[Quote], clauses: list[_Clause]) -> bool:
    """Whether a report's clause ("according to", "reported") holds one quote whose own verb of
    saying lies in the clause before it, and whose clause was read too: "Kim told Wen that
    Pyongyang was willing to hold "multilateral talks," according to KCNA" (the quote is Kim's,
    the clause KCNA's)."""
    if len(inside) != 1 or (
        doc_text(doc)[clause.cue_at : clause.cue_end].lower() not in _REPORTING
    ):
        return False
    quote = inside[0]
    return (
        quote.cue_start is not None
        and clause.start <= quote.cue_start < quote.start_char
        and (quote.cue or "").lower() in _RELAYED_VERBS
        # ... a clause that does not hold the report's cue ("said that according to its
        # analysis, the NLD has won ...": the speaker cites the analysis)
        and any(
            other.cue_at == quote.cue_start and not other.start <= clause.cue_at < other.end
            for other in clauses
        )
    )


def _said_in_relative_clause(doc: Doc, clause: _Clause, inside: list[Quote]) -> bool:
    """Whether a clause holds one quote whose own verb of saying, inside the clause, heads a
    relative clause with a subject of its own ("a deal that American officials described as
    'the first real step'")."""
    if len(inside) != 1 or inside[0].cue_start is None or inside[0].speaker_type == "unknown":
        return False
    if inside[0].cue_start == clause.cue_at or not clause.start <= inside[0].cue_start < clause.end:
        return False
    cue = token_at(doc, inside[0].cue_start)
    return (
        cue is not None
        and cue.dep_ == "relcl"
        and (cue.lower_ in SPEECH_VERBS or cue.lower_ in _NAMING)
        # ... the quote in it
        and cue.left_edge.idx <= inside[0].start_char < cue.right_edge.idx + len(cue.right_edge)
        and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in _children(cue))
    )


def _in_report_of(doc: Doc, cue: Token, quote: Quote) -> bool:
    """Whether `cue` lies inside the clause the quote's own cue verb reported (its ccomp)."""
    reporter = token_at(doc, quote.cue_start) if quote.cue_start is not None else None
    if reporter is None:
        return False
    child = cue
    while child.head.i != child.i:
        if child.head.i == reporter.i:
            return child.dep_ == "ccomp" and child.i != cue.i
        child = child.head
    return False


def _before_closing_reports(clauses: list[_Clause]) -> list[_Clause]:
    """A clause that runs on over the attribution closing its sentence ("China hopes all
    parties will implement the deal, spokesman Liu Jianchao said here Thursday", the parser
    making "said" a clause of "hopes") ends where what that attribution reports ends: the
    stance is inside the spokesman's words, not around them."""
    closing = [b for b in clauses if b.cue_at >= b.end]
    if not closing:
        return clauses
    out = []
    for a in clauses:
        for b in closing:
            if (
                a is not b
                and b.start <= a.cue_at
                and a.start < b.end < a.end
                and b.cue_at < a.end
                # the parser's misreading: the closing verb a clause of the stance's verb
                and b.cue.dep_ == "ccomp"
                and b.cue.head.i == a.cue.i
                and b.subject is not None
                and b.subject.ent_type_ in ("PERSON", "ORG")
            ):
                a = replace(a, end=b.end)
        out.append(a)
    return out


def _relayed(clause: _Clause, inside: list[Quote]) -> bool:
    """Whether a clause is the words a report relays: it lies in one indirect quote (or one
    with a phrase in quote marks: '... wanted "peace and stability," state media reported')
    cued by "reported", "quoted", "cited" or "according to" (or said by a report or an outlet),
    with its own verb of saying and subject in that quote."""
    if len(inside) != 1 or clause.subject is None or clause.subject.ent_type_ in _COUNTED:
        return False
    report = inside[0]
    cue = (report.cue or "").lower()
    reporter = (report.speaker_text or "").lower().rpartition(" ")[2]  # its last word
    relayer = (
        cue in _SAYING
        and report.cue_start is not None
        # (a finite verb of saying with its own subject: "Roh told the Japanese leader that
        # ...", not "to express gratitude", "told her to leave", "Rubio's claim that")
        and clause.cue.tag_ in ("VBD", "VBZ", "VBP")
        and clause.subject.dep_ == "nsubj"
        and clause.subject.head.i == clause.cue.i
        and any(c.dep_ == "ccomp" for c in clause.cue.children)
        and _RELAYER.search(
            doc_text(clause.cue.doc), max(0, report.cue_start - _RELAYER_CHARS), report.cue_start
        )
        is not None
    )
    return (
        report.kind in ("indirect", "partial")
        and (cue in _REPORTING or (cue in _SAYING and reporter in _REPORTERS) or relayer)
        and report.start_char <= clause.start
        and clause.end <= report.end_char
        and report.start_char <= clause.cue_at < report.end_char
        and clause.cue.lower_ in _RELAYED_VERBS
    )


def _indirect(doc: Doc, clause: _Clause, memory: _Speakers, para_starts: list[int]) -> Quote:
    """The indirect quote of a reported clause, its speaker resolved (a direct one for a block
    printed after a colon)."""
    speaker, speaker_text, speaker_type = _resolve(doc, clause.subject, clause.start, memory)
    end = _before_swallowed_source(doc, clause)
    return Quote(
        text=doc_text(doc)[clause.start : end],
        start_char=clause.start,
        end_char=end,
        kind="direct" if clause.verbatim else _quoted_kind(doc_text(doc), clause.start, end),
        speaker=speaker,
        speaker_text=speaker_text,
        speaker_type=speaker_type,
        cue=doc_text(doc)[clause.cue_at : clause.cue_end],
        cue_start=clause.cue_at,
        cue_end=clause.cue_end,
        paragraph=bisect.bisect_right(para_starts, clause.start) - 1,
        continues=clause.continues,
    )


def _quoted_kind(text: str, start: int, end: int) -> str:
    """The kind of a reported clause's words: all within one pair of double marks, a direct
    quote when they make a statement of four words or more that its punctuation ends inside the
    marks (`In the words of one diplomat, "the talks are on life support."`), else a partial one
    (`his promise of "free college"`); indirect when not quoted."""
    before = text[:start].rstrip(" ")
    after = text[end : end + 3]
    closing = after.lstrip(".,;:!?")
    if not (
        before[-1:]
        and before[-1] in _DOUBLE_MARKS
        and closing[:1]
        and closing[0] in _DOUBLE_MARKS
        and not any(mark in text[start:end] for mark in _DOUBLE_MARKS)
    ):
        return "indirect"
    statement = after[:1] in (".", ",", "!", "?") and len(text[start:end].split()) >= 4
    return "direct" if statement else "partial"


def _before_swallowed_source(doc: Doc, clause: _Clause) -> int:
    """Where a reported clause's words end when the parser swallowed its source into them, set
    off at their end with only a participle after it ("The talks will resume next month, a
    Chinese diplomat, speaking on condition of anonymity, said": the words end at "month")."""
    subject = clause.subject
    if subject is None or not clause.start < subject.idx < clause.end:
        return clause.end
    tokens = _tokens(doc)
    first = subject.left_edge.i
    if first == 0 or tokens[first - 1].text != ",":
        return clause.end
    own = {t.i for t in subject.subtree}
    i = first
    while i < len(tokens) and tokens[i].idx < clause.end:
        token = tokens[i]
        if token.i in own or token.is_punct:
            i += 1
        elif token.tag_ == "VBG":
            i = token.right_edge.i + 1  # "speaking on condition of anonymity"
        else:
            return clause.end  # more of what was said, or the attribution itself
    return tokens[first - 1].idx


def _without(quotes: list[Quote], gone: list[Quote]) -> list[Quote]:
    """`quotes` less the objects in `gone`, told by identity: `gone` was taken from `quotes` by
    span, so a quote equal to one in it, of the same span, is in it too. Comparing each pair by
    value (`q not in gone`) made an article of 1,600 quotes spend 3.5 s in dataclass __eq__."""
    ids = {id(q) for q in gone}
    return [q for q in quotes if id(q) not in ids]


# a turn whose words are mostly one quote in marks is that quote ("TRUMP: "We will win.""): the
# quote's row stands for it
_TURN_QUOTED = 0.8


def _merge_reported(
    doc: Doc,
    quotes: list[Quote],
    used_cues: set[int],
    memory: _Speakers,
    para_starts: list[int],
    clauses: list[_Clause],
) -> list[Quote]:
    """Add indirect quotes; a reported clause around a partial quote becomes that quote's span.

    `Clinton told reporters the meeting was "quite positive."` is one partial quote covering the
    clause, so the quoted words keep their context; a clause overlapping a direct quote adds
    nothing.
    """
    quotes = list(quotes)
    reports: list[Quote] = []  # reports that hold another's report of a quote (_holds_a_report)
    turns: set[int] = set()  # (ids of) the rows of transcript turns, which hold others' rows
    # the clauses of verbs of saying first, longest first, and of two as long the one with a
    # subject ("The North is expected to ..., officials said": the officials' report, not the
    # passive view nobody holds); a fallback clause after all of them
    for clause in sorted(clauses, key=lambda c: (c.fallback, c.start - c.end, c.subject is None)):
        if clause.fallback and any(
            q.start_char < clause.end and clause.start < q.end_char for q in quotes
        ):
            continue
        if (
            clause.end - clause.start < 8
            and not _names_someone(doc, clause.start, clause.end)
            and doc_text(doc)[clause.start : clause.end].lower() not in _ANSWER_TEXTS
        ):
            continue  # too short to be a statement, unless the stance is toward someone named
        subject = clause.subject
        if (
            subject is not None
            and subject.pos_ == "VERB"
            and subject.dep_ == "nsubj"
            # a report of its own: a verb of saying with its subject and its clause (not "Khizr
            # and Ghazala Khan, the Gold Star parents whose appearance ... created ..., say",
            # where the tagger took "parents" for a verb)
            and subject.lower_ in SPEECH_VERBS
            and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in _children(subject))
            and any(c.dep_ == "ccomp" for c in _children(subject))
        ):
            # "But some note that Trump ... has proposed little": a report the parser made the
            # subject of the verb after it is no speaker
            continue
        cue_idx = clause.cue_at  # once, not for every quote
        if clause.subject is not None and cue_idx < clause.start <= clause.subject.idx < clause.end:
            # "Declared 2016 Presidential Candidates" (a slideshow's title): a clause after its
            # verb that holds its own speaker is a misparse (a parenthetical attribution, "X,
            # he said, Y", holds its verb too)
            continue
        covering = [
            q.kind
            for q in quotes
            if q.kind != "indirect" and q.start_char <= cue_idx < q.end_char and id(q) not in turns
        ]
        # (not a partial row's verb outside its marks: 'Kim told them that his country wanted
        # "peace," state media reported' relays Kim's words)
        if covering and ("direct" in covering or memory.in_quote(cue_idx)):
            continue  # a verb inside a quotation is what was said, not a report of it
        if _circumstance_only(doc, clause.start, clause.end):
            continue  # "writing at Mediaite", "Reporting by X": where, when or by whom, not what
        if (
            _published_only(doc, clause)
            or _addressee_only(doc, clause)
            or _office_or_delegates(doc, clause)
            or _anonymity_terms(doc, clause)
            or _filed_from(doc, clause)
            or _dateline_subject(doc, clause)
        ):
            continue  # "released a statement", "warned Pyongyang", "asked not to be named"
        inside = [
            q
            for q in quotes
            if q.start_char < clause.end and clause.start < q.end_char and id(q) not in turns
        ]
        if (
            clause.turn
            and clause.cue.i not in used_cues
            and all(
                q.end_char - q.start_char < _TURN_QUOTED * (clause.end - clause.start)
                for q in inside
            )
        ):
            # a transcript's turn is its speaker's words as spoken, whole ("QUESTION: ... Kim
            # called the deterrent "not negotiable," ..."); what it quotes or reports of others
            # are rows of their own inside it (not a turn that is one quote in marks)
            turn = _indirect(doc, clause, memory, para_starts)
            quotes.append(turn)
            turns.add(id(turn))
            continue
        if _quoted_in_report(doc, clause, inside):
            # PolNeAR annotates the whole sentence as what was said: the quotes become partial
            # ones, which the clause takes in below
            quoted = inside
            inside = [replace(q, kind="partial") for q in quoted]
            quotes = _without(quotes, quoted) + inside
        blocking = [q for q in inside if q.kind != "partial" or q.start_char < clause.start]
        if blocking and min(q.start_char for q in blocking) > clause.start:
            # "She said that experts had determined her proposals were effective, to which
            # O'Malley interjected: "It's ..."": the clause ends where another's quote begins
            cut = _cut_before(doc, clause, min(q.start_char for q in blocking))
            if cut is None:
                continue
            clause = cut
            inside = [q for q in inside if q.start_char < clause.end]
        if not inside:
            if clause.cue.i not in used_cues:
                quotes.append(_indirect(doc, clause, memory, para_starts))
            continue
        if _relayed(clause, inside) and clause.cue.i not in used_cues:
            # "Kim Jong Il told Wang Jiarui that ..., KCNA reported": the words the report relays
            # are a quote of their own, by the one who said them (partial with a phrase in marks)
            relay = _indirect(doc, clause, memory, para_starts)
            if relay.kind == "indirect" and memory.quote_within(relay.start_char, relay.end_char):
                relay = replace(relay, kind="partial")
            quotes.append(relay)
            continue
        if any(q.kind != "partial" or q.start_char < clause.start for q in inside):
            continue
        if _said_in_relative_clause(doc, clause, inside):
            # "agreed to shut down its reactor in a deal that American officials described as
            # 'the first real step'": the quote is the relative clause's subject's, not the
            # report's speaker's; each is a row of its own (one row where both are one speaker:
            # "an effort that Sanders said would make "a terrible situation even worse"")
            report = _indirect(doc, clause, memory, para_starts)
            if report.speaker is None or report.speaker != inside[0].speaker:
                if clause.cue.i not in used_cues:
                    reports.append(report)
                continue
        if _holds_a_report(doc, clause, inside, clauses):
            # "Kim told Wen that Pyongyang was willing to hold "multilateral talks," according
            # to KCNA": the quote is Kim's, in the clause of his own verb; the agency's report
            # of it all is a row of its own, added once the clauses are read
            if clause.cue.i not in used_cues:
                relay = _indirect(doc, clause, memory, para_starts)
                reports.append(
                    replace(relay, kind="partial") if relay.kind == "indirect" else relay
                )
            continue
        end = max(clause.end, *(q.end_char for q in inside))
        base = inside[0]
        # the verb reporting the clause speaks for the quoted words inside it, not a verb in the
        # clause ("Mr. Regalado said, Mr. Trump is seen as ''a bully''", "CNN, Cruz said, called"),
        # before or after it ("... as long as the United States maintains its "hostile
        # policy," the country's official media said")
        inner_cue = base.cue_start is not None and (
            base.cue_start > clause.cue_at
            or (
                clause.cue.dep_ == "ROOT"
                and clause.cue.lower_ in _TRAILING_SAYING
                and clause.cue_at >= clause.end
                and clause.start <= base.cue_start < clause.end
            )
        )
        # a quote with no cue of its own has at most the sentence's subject for a speaker, and
        # takes the clause's cue below: it takes the cue's speaker with it ("Voters remember
        # Trump's promise that "Mexico will pay for the wall"" is Trump's)
        if clause.subject is not None and (
            base.speaker_type == "unknown" or inner_cue or base.cue is None
        ):
            speaker, speaker_text, speaker_type = _resolve(
                doc, clause.subject, clause.start, memory
            )
            base = replace(
                base, speaker=speaker, speaker_text=speaker_text, speaker_type=speaker_type
            )
        # "said there is "only one ...," adding that it is why Trump "relentlessly attacks us"":
        # a participle of saying between the verb that reported the quote before and this one
        # reports this one
        renewed = (
            clause.cue.tag_ == "VBG"
            and base.cue_start is not None
            and base.cue_start < clause.cue_at < base.start_char
        )
        if (
            renewed
            and clause.subject is not None
            # a speaker, not a thing the parser hung the participle on ("said the deadlock has
            # "kept us safe" on Twitter before claiming that ...": the deadlock claims nothing)
            and (clause.subject.ent_type_ in _SPEAKER_ENTS or clause.subject.pos_ == "PROPN")
            and clause.cue.lower_ != "according"
            and _in_report_of(doc, clause.cue, base)
        ):
            # "She noted that the North tested in May, weeks after declaring that it would
            # "never again" take part": a participle inside what the quote's verb reported
            # speaks for the clause it hangs on (the North), not the reporter
            speaker, speaker_text, speaker_type = _resolve(
                doc, clause.subject, clause.start, memory
            )
            base = replace(
                base, speaker=speaker, speaker_text=speaker_text, speaker_type=speaker_type
            )
        if base.cue is None or inner_cue or renewed:
            base = replace(
                base,
                cue=doc_text(doc)[clause.cue_at : clause.cue_end],
                cue_start=clause.cue_at,
                cue_end=clause.cue_end,
            )
        merged = replace(
            base, text=doc_text(doc)[clause.start : end], start_char=clause.start, end_char=end
        )
        quotes = [*_without(quotes, inside), merged]
    if turns:
        rows = [q for q in quotes if id(q) in turns]
        quotes = _reports_take_their_quotes(
            doc, [q for q in quotes if not _turns_own_report(doc, q, rows)], rows
        )
    return quotes + reports


def _reports_take_their_quotes(doc: Doc, quotes: list[Quote], turns: list[Quote]) -> list[Quote]:
    """A quote in marks that a turn's label took for its speaker ("QUESTION: Kim called the
    deterrent "not negotiable""), right after a report the turn makes of another, is that
    report's words: one partial row by the report's speaker."""
    text = doc_text(doc)
    out = list(quotes)
    for quote in quotes:
        if quote.kind != "partial" or quote.cue != ":":
            continue
        report = next(
            (
                r
                for r in out
                if r.kind == "indirect"
                and r.end_char <= quote.start_char
                and not text[r.end_char : quote.start_char].strip(" \"'\u201c\u2018`")
                and any(t.start_char <= r.start_char < t.end_char for t in turns)
            ),
            None,
        )
        if report is not None:
            joined = replace(
                report,
                kind="partial",
                text=text[report.start_char : quote.end_char],
                end_char=quote.end_char,
            )
            out = [joined if r is report else r for r in out if r is not quote]
    return out


def _turns_own_report(doc: Doc, quote: Quote, turns: list[Quote]) -> bool:
    """Whether an indirect row inside a transcript's turn is not a report of another the turn
    names: the turn speaker's own words ("I think ...", in the turn already), no one's ("They
    want ..."), or a pronoun's, which in a dialogue may mean anyone in it ("He wants a
    revolution" asked of Biden is Sanders's). Others named have rows of their own there
    ("Chris Hill told you last week that ..."), and so do an unnamed source's or a described
    group's statements ("Chinese officials say the next round will open on March 19")."""
    if quote.kind != "indirect":
        return False
    others = quote.speaker_type == "named" or (
        quote.speaker_type in ("anonymous", "description")
        and (quote.speaker_text or "").lower() not in _ANYONE
        and _a_statement(doc, quote)
    )
    return any(
        t is not quote
        # (in it, or taking in its label: "Q: Trump supporters are reflecting, the polls tell us")
        and quote.start_char < t.end_char
        and t.start_char < quote.end_char
        and (not others or quote.speaker == t.speaker)
        for t in turns
    )


# no one in particular: "Why should anybody believe it is different now?"
_ANYONE = frozenset(["anybody", "anyone", "everybody", "everyone", "nobody", "somebody", "someone"])


def _a_statement(doc: Doc, quote: Quote) -> bool:
    """Whether a row's words are a clause with a subject of its own ("the next round will open
    ..."), not an object or an infinitive ("to be named", "that regime")."""
    span = doc.char_span(quote.start_char, quote.end_char, alignment_mode="expand")
    if span is None or span[0].tag_ in ("WDT", "WP", "WRB"):
        return False  # "what the talks achieved": a question's object
    root = span.root
    # (the parser may hang the subject on the auxiliary: "the administration | is | rewarding")
    heads = [root, *(c for c in _children(root) if c.dep_ in ("aux", "auxpass"))]
    return root.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for head in heads for c in _children(head)
    )
