"""Quotes: who said what -- direct, partial, multi-paragraph and indirect quotes with resolved speakers.

Quote marks are found by a scanner that knows every convention we meet (straight and curly
double quotes, single quotes, Korean-outlet backtick pairs, nested quotes, the repeated opening
mark of a multi-paragraph quote) and never gives up on an unbalanced mark: an unclosed quote
ends at its paragraph. Each quote is attributed through the dependency parse: a speech verb
outside the quote (`said`, `told`, `according to`...) and its subject. Speakers are resolved to
the fullest name the article gives: pronouns to the last compatible named speaker, surnames to
full names, anonymous descriptions kept as anonymous, quotes without a cue in a run of quotes
to the previous speaker. Indirect speech (`X said that ...`) is found from the same verbs and
their objects (`noted the rise`, `warned of a battle`, `referring to`), speech nouns (`his claim
that ...`), parenthetical attributions (`The rules, she said, will ...`, `As the Post reported,
...`), `according to X`, `Name: ...` headlines and transcript turns, and a paragraph printed
after a colon without quote marks (`The statement reads:`), a direct quote. Stances count as
well as speech: verbs of a stance with their objects (`denounced the tariff`, `hoping to win`),
stance nouns (`Mr. Obama's calls for gun control`, `his pledge to close the plant`), views and
judgements with no holder or an agent (`is expected to win`, `was criticized by X for ...`),
reactions (`drew criticism from X`, `angered X`) and title-case headlines (`... Mara Lind
Endorses Tomas Berg`). Titles of works in quotes (`NBC's "Meet the Press"`, `"Prison Break"`)
are not quotes.

The work is split by concern: `marks` (the Quote record and the quote-mark scanner), `lexicon`
(word lists and patterns), `syntax` (lookups over the parse), `attribution` (cues and their
subjects), `speakers` (resolution), `reported` (indirect speech) and `extract` (extract_quotes,
which puts them together). This module is the stage's public surface.
"""

from spacy.tokens import Span

from tasks.quotes.extract import extract_quotes
from tasks.quotes.lexicon import COGNITION_VERBS, SPEECH_VERBS
from tasks.quotes.marks import Quote, find_quote_marks

__all__ = ["COGNITION_VERBS", "SPEECH_VERBS", "Quote", "Span", "extract_quotes", "find_quote_marks"]
