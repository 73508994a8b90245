"""Text repair before any NLP: mojibake, Unicode normalisation, whitespace, Korean-outlet backticks.

Repair runs once, before the text is stored, so every offset produced later (entities, dates,
quotes) points into the stored text.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

# ftfy would straighten curly quotes by default; we keep them because their direction is what
# tells an opening quote from a closing one.
_FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False, fix_latin_ligatures=True, normalization="NFC"
)

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_WORD = re.compile(r"\w", re.UNICODE)

OPEN_INNER = "\u2018"  # ‘ — an inner quote opened with a backtick
CLOSE_INNER = "\u2019"  # ’


def repair_backticks(text: str) -> str:
    """Turn backticks into apostrophes or inner-quote marks.

    Korean English-language outlets write `North`s` (apostrophe) and `Okay,` (a quote inside a
    quote). A backtick between two word characters is an apostrophe; one that starts a word after
    a space, bracket or quote opens an inner quote, and the next backtick that ends a word (after a
    letter or punctuation) closes it. Anything else becomes an apostrophe.
    """
    if "`" not in text:
        return text
    out = list(text)
    open_at: int | None = None
    n = len(text)
    for i, ch in enumerate(text):
        if ch != "`":
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < n else " "
        word_before = bool(_WORD.match(before))
        word_after = bool(_WORD.match(after))
        if word_before and word_after:
            out[i] = "'"
        elif not word_before and word_after and before in " \t\n([\"“'‘—-":
            if open_at is not None:
                out[open_at] = "'"  # an opener never closed: it was an apostrophe after all
            open_at = i
            out[i] = OPEN_INNER
        elif open_at is not None and (word_before or before in ".,!?;:)"):
            out[open_at] = OPEN_INNER
            out[i] = CLOSE_INNER
            open_at = None
        else:
            out[i] = "'"
    if open_at is not None:
        out[open_at] = "'"
    return "".join(out)


def repair_text(text: str) -> str:
    """Fix mojibake and normalise Unicode, whitespace, paragraph breaks and backticks.

    Paragraphs come out separated by exactly one newline, with no leading or trailing spaces.
    """
    text = ftfy.fix_text(text, config=_FTFY_CONFIG)
    text = unicodedata.normalize("NFC", _ZERO_WIDTH.sub("", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BLANK_LINES.sub("\n", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    text = "\n".join(line for line in lines if line)
    return repair_backticks(text)
