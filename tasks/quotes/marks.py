"""The Quote record and the quote-mark scanner: finds every quoted span of a text in any convention
(straight, curly, single, backtick pairs, nested, multi-paragraph) without giving up on an
unbalanced mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_SINGLE_CLOSE = "’`'"
# a quote's closing marks and the space around them, stripped to read its last character
_CLOSING = "\"'”’` "
_WORDCH = re.compile(r"\w")
# Characters _mark_kind can read as a quote mark: the scanner jumps from one to the next
_MARK = re.compile("[" + re.escape(_DOUBLE_OPEN + _DOUBLE_CLOSE + "\"‘`'’") + "]")
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Quote:
    """One quote of an article; offsets index the article text."""

    text: str
    start_char: int
    end_char: int
    kind: str  # direct | partial | indirect
    speaker: str | None
    speaker_text: str | None
    speaker_type: str  # named | pronoun-resolved | description | anonymous | unknown
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    paragraph: int
    # this quote goes on with the row before it: a direct quote resumed after their shared
    # attribution ("A," she said. "B."), one going on with the report right before it ("She
    # announced a suit. “B.”"), a row under the same cue (see _link_parts): one utterance in
    # several rows (rows keep the parts; utterance_id joins them)
    continues: bool = False


def _is_word(ch: str) -> bool:
    return bool(ch) and bool(_WORDCH.match(ch))


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not _is_word(before) and not after.isspace()


# words after a closing single mark that go on with the sentence around the quote, not inside it
_AFTER_CLOSE = frozenset(["he", "she", "they", "we", "i", "it", "you", "and", "or", "but", "as"])
_NEXT_WORD = re.compile(r" ([a-z]+)\b")
# a mark that may close a single quote: after a non-space, before no word character
_SINGLE_CLOSER = re.compile(r"(?<=\S)[’'](?!\w)")


def _plural_possessive(text: str, i: int) -> bool:
    """Whether a closing single mark after "s" is the apostrophe of a plural possessive inside
    the quote ("the ministers’ offices"): a lower-case word follows that does not go on with the
    sentence around a quote, and a mark later in the paragraph can close the quote."""
    if i == 0 or text[i - 1] != "s":
        return False
    start = i - 1
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    if not text[start:i].islower():
        return False  # "‘Donald Trump Leads’ simply generates ...": a capitalised title ends
    following = _NEXT_WORD.match(text, i + 1)
    if following is None or following.group(1) in _AFTER_CLOSE:
        return False
    end = text.find("\n", i)
    return _SINGLE_CLOSER.search(text, following.end(), len(text) if end < 0 else end) is not None


# what follows a closing mark, never an opening one: "no'', and ...", "yes''."
_PUNCT_AFTER_CLOSER = frozenset(",.;:!?)]")


def _doubled(text: str, i: int) -> bool:
    """Whether a double mark typed as two characters (`` or '') starts at i.

    Of three straight marks, a closing single mark comes first ("... 'old-school,''' said
    Slayton") and an opening one last ("'''Tis ..."): the pair is the other two."""
    if text[i] not in "`'" or text[i + 1 : i + 2] != text[i]:
        return False
    if text[i] == "'" and text[i + 2 : i + 3] == "'":
        return _is_word(text[i + 3 : i + 4])
    return True


def _mark_kind(text: str, i: int, top: str | None) -> tuple[str, str] | None:
    """("open"|"close", family) of a quote mark at i, given the family open on top of the stack.

    Families: "d" double (“ ” " „ « »), "s" single (‘ ’ ` '). A single mark between two word
    characters is an apostrophe; a closing single mark needs an open single quote.
    """
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if _doubled(text, i):
        # a double mark typed as two characters (``No,'' of wire copy, ''No,'' of the New York
        # Times), read as one, as a straight double mark is: a single quote closed right before
        # it ("... the term 'rural outreach,' '' she said") is not taken for it
        if ch == "`":
            return ("open", "d")
        following = text[i + 2] if i + 2 < len(text) else " "
        if top == "d" or following.isspace() or following in _PUNCT_AFTER_CLOSER:
            return ("close", "d")
        return ("open", "d")
    if ch in _DOUBLE_OPEN:
        return ("open", "d")
    if ch in _DOUBLE_CLOSE:
        if top is None and not _is_word(before) and _is_word(after):
            # a closing mark where nothing is open, right before a word: an opener typed as a
            # closer ('\n”Mr. Trump embodies ...” ― Sonya Herridge')
            return ("open", "d")
        return ("close", "d")
    if ch == '"':
        if top == "d":
            return ("close", "d")
        return ("open", "d") if not after.isspace() else ("close", "d")
    if ch in "‘`'’":
        if _is_word(before) and _is_word(after):
            return None  # apostrophe: North's, we'll
        opens = ch in "‘`'" and not _is_word(before) and not after.isspace() and after != ""
        closes = ch in "’`'" and top == "s" and not before.isspace() and not _is_word(after)
        if closes and _plural_possessive(text, i):
            return None  # "‘Nobody in the ministers’ offices believes it.’": an apostrophe
        if closes:
            return ("close", "s")
        if opens:
            return ("open", "s")
    return None


_NESTED_DOUBLE = "n"  # the family of a typographic double quote open inside a straight one
_DOUBLE_MARKS = _DOUBLE_OPEN + _DOUBLE_CLOSE + '"'


def _nests(text: str, outer: str, i: int, end: int) -> bool:
    """Whether the mark at i opens a typographic quote nested in the open quote whose opening
    mark is `outer`, in its paragraph (text[:end]); the next two double marks of the paragraph
    are all the test reads. In a straight quote that goes on, its closer comes next and then a
    straight mark or no mark at all (`"... as “The Journal” wrote, ..."`); in a typographic
    quote, both next marks close, the inner quote and then the outer (`“... what he calls
    “hell” than live ...”`). Otherwise, as in sloppy copy (`"Yes,“ she said. “No ...”`, `“Yes,“
    she said. “No ...”`), it closes the outer quote."""
    if text[i] not in _DOUBLE_OPEN:
        return False
    marks = [text[j] for j in islice((j for j in range(i + 1, end) if text[j] in _DOUBLE_MARKS), 2)]
    if outer == '"':
        return bool(marks) and marks[0] in _DOUBLE_CLOSE and (len(marks) == 1 or marks[1] == '"')
    return outer in _DOUBLE_OPEN and len(marks) == 2 and all(m in _DOUBLE_CLOSE for m in marks)


# one word in straight single marks, with the comma or stop printed inside the closing mark
_ONE_WORD = re.compile(r"'[A-Za-z][a-z-]{2,}[,.!?]?'")


def find_quote_marks(text: str) -> list[tuple[int, int]]:
    """Spans (including the marks) of the top-level quotes of a text, in order.

    Nested quotes stay inside their outer quote, whichever family is outside. A quote left
    open at the end of a paragraph continues when the next paragraph opens with a mark of the
    same family (the multi-paragraph convention), unless it opened inside a sentence in lower
    case (a fragment missing its closing mark); otherwise it ends with its paragraph, so one
    unbalanced mark costs at most one paragraph. A single-quote opener never closed is taken
    for an apostrophe.
    """
    spans: list[tuple[int, int]] = []
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    stack: list[tuple[str, int]] = []  # (family, offset) of open marks
    for n, (lo, hi) in enumerate(paragraphs):
        nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
        opener = _mark_kind(text, nxt[0], None) if nxt is not None else None
        # single marks of this paragraph taken for apostrophes ("in 't Veld", "'til 2010",
        # "the '90s"): the paragraph is read again without them, so that the quotes after one
        # are not taken for quotes nested in a quote that never closes
        apostrophes: set[int] = set()
        carried, found = list(stack), len(spans)
        while True:
            _scan_paragraph(text, lo, hi, stack, spans, apostrophes)
            if not stack or stack[0][0] != "s" or stack[0][1] < lo:
                break
            if opener == ("open", "s"):
                break  # a single-quoted quote going on in the next paragraph
            apostrophes.add(stack[0][1])
            stack[:] = carried
            del spans[found:]
        if not stack:
            continue
        outer_family, outer_start = stack[0]
        # a quote opened inside a sentence in lower case ('agreed to "disable ...') is a
        # fragment whose closing mark is missing, not the first paragraph of a long quote
        fragment = (
            outer_start > lo
            and text[outer_start - 1] == " "
            and (
                text[outer_start - 2 : outer_start - 1].isalpha()
                and text[outer_start + 1 : outer_start + 2].islower()
            )
        )
        continues = opener is not None and opener == ("open", outer_family) and not fragment
        if not continues:
            if outer_family == "d":
                spans.append((outer_start, hi))  # unbalanced: the quote ends with its paragraph
            stack.clear()
        else:
            stack[:] = stack[:1]
    if stack and stack[0][0] == "d":
        spans.append((stack[0][1], len(text)))
    # single-quoted top-level spans must look like speech: several words, or one word of three
    # letters or more (`called them 'deplorables.'`, as copy in straight single marks prints
    # every quote; "rock 'n' roll" is none); a quote in doubled straight marks (''No.'', the New
    # York Times' double quote) is a double quote, but a single word in them ("called it
    # ''racist''") is left out as before: kept, it added 8 false rows and no found quote on
    # PolNeAR train and dev
    return sorted(
        (a, b)
        for a, b in set(spans)
        if text[a] != "'"
        or " " in text[a + 1 : b - 1].strip()
        or _ONE_WORD.fullmatch(text, a, b) is not None
        or (text.startswith("''", a) and text.endswith((".''", "?''", "!''"), a, b) and b - a > 5)
    )


def _scan_paragraph(
    text: str,
    lo: int,
    hi: int,
    stack: list[tuple[str, int]],
    spans: list[tuple[int, int]],
    apostrophes: set[int],
) -> None:
    """Read the quote marks of text[lo:hi] onto `stack`, adding each top-level quote closed to
    `spans` (see find_quote_marks); marks at `apostrophes` are skipped."""
    second = -1  # the second character of a double mark typed as two
    for mark in _MARK.finditer(text, lo, hi):
        i = mark.start()
        if i in apostrophes or i == second:
            continue
        if _doubled(text, i):
            second = i + 1
        top = stack[-1][0] if stack else None
        if i == lo and len(stack) == 1 and _mark_kind(text, i, None) == ("open", stack[0][0]):
            continue  # the repeated opening mark of a multi-paragraph quote
        if top == _NESTED_DOUBLE and text[i] in _DOUBLE_MARKS:
            stack.pop()  # a typographic quote inside a straight one ends here, closed or not
            if text[i] in _DOUBLE_CLOSE:
                continue
            top = "d"
        kind = _mark_kind(text, i, top)
        if kind is not None:
            action, family = kind
            if (
                top == "d"
                and i > stack[-1][1] + 1  # "“...,” Rubio said ...": a stray straight mark
                and _nests(text, text[stack[-1][1]], i, hi)
            ):
                # "WALLACE: ... as “The Wall Street Journal” wrote, ...": a typographic
                # quote closed inside a straight one that goes on is nested in it, as is
                # one inside a typographic quote when both close next ("... calls “hell” ...”)
                stack.append((_NESTED_DOUBLE, i))
            elif action == "open" and not (family == "d" and top == "d"):
                stack.append((family, i))
            elif action == "close" or (family == "d" and top == "d"):
                # close the innermost open quote of this family; inner ones of the other
                # family left open are dropped (apostrophes taken for openers)
                while stack and stack[-1][0] != family:
                    stack.pop()
                if stack:
                    _family, start = stack.pop()
                    if not stack:
                        spans.append((start, second + 1 if second == i + 1 else i + 1))
