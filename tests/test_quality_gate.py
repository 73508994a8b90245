"""Quality gate: each stage's score on the development evaluation sets stays at or above a
pinned floor, as trafilatura's own evaluation gate does.

The scores come from the harnesses in `bench/` (the same functions `make bench` runs), over
`../shared/eval/`; each test skips when its data set is absent (a clone without it, as in CI).
The floors sit just under the figures measured on 2026-12-03 (bench/results/*.json), so a change
that lowers a score by about a hundredth fails here. A change that raises a score should raise
its floor with it. Parsed documents are cached in bench/.cache, as the harnesses cache them.
"""

from __future__ import annotations

from typing import Any

import pytest

from bench.common import EVAL

pytestmark = [pytest.mark.eval, pytest.mark.slow]


def _needs(*parts: str) -> None:
    path = EVAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")


def _at_least(scores: dict[str, float], floors: dict[str, float]) -> None:
    below = {name: (scores[name], floor) for name, floor in floors.items() if scores[name] < floor}
    assert not below, f"below the pinned floor (score, floor): {below}"


# quotes found (F1) and their resolved speakers, PolNeAR dev (0.8264 / 0.9097)
QUOTE_FLOORS = {"f1": 0.82, "speaker_accuracy": 0.90}


def test_quotes_hold_their_floor() -> None:
    _needs("polnear", "dev")
    from bench.quotes_eval import evaluate

    result = evaluate("dev")
    _at_least({k: result[k] for k in QUOTE_FLOORS}, QUOTE_FLOORS)


# value-F1 of temporal expressions, TempEval-3 scoring (0.8562 tune, 0.7908 held-out)
DATE_FLOORS = {"tune": 0.85, "heldout": 0.785}


@pytest.mark.parametrize("split", sorted(DATE_FLOORS))
def test_dates_hold_their_floor(split: str) -> None:
    _needs("timebank")
    _needs("meantime")
    from bench.dates_eval import evaluate

    value_f1 = evaluate(split)["value"]["f1"]
    _at_least({split: value_f1}, {split: DATE_FLOORS[split]})


# MEANTIME named mentions (overlap F1) and actor canonicalisation (B-cubed F1):
# 0.6921 / 0.9305 tune, 0.6445 / 0.9024 held-out
ENTITY_FLOORS = {
    "tune": {"mentions": 0.685, "actors": 0.925},
    "heldout": {"mentions": 0.64, "actors": 0.895},
}


@pytest.mark.parametrize("split", sorted(ENTITY_FLOORS))
def test_entities_hold_their_floor(split: str) -> None:
    _needs("meantime")
    from bench.entities_eval import evaluate

    result: dict[str, Any] = evaluate(split)
    scores = {
        "mentions": result["overlap"]["f1"],
        "actors": result["canonicalisation_b_cubed"]["f1"],
    }
    _at_least(scores, ENTITY_FLOORS[split])


# trafilatura's English pages: main-text snippet F1 (0.9505) and the share of pages whose
# publication date, headline and authors are right (0.8103 / 0.8621 / 0.7155)
TEXT_FLOOR = 0.945
METADATA_FLOORS = {"date": 0.80, "title": 0.855, "author": 0.71}


def test_cleaning_holds_its_floor() -> None:
    _needs("trafilatura_en")
    from bench.extraction_eval import (
        load,
        metadata_scores,
        newscorpus_clean,
        newscorpus_metadata,
        score,
    )

    pages = load()
    text_f1 = score([newscorpus_clean(url, html) for url, html, _ in pages], pages)["f1"]
    metadata = metadata_scores(pages, {"newscorpus": newscorpus_metadata})
    scores = {
        "text": text_f1,
        **{field: metadata[field]["newscorpus"] for field in METADATA_FLOORS},
    }
    _at_least(scores, {"text": TEXT_FLOOR, **METADATA_FLOORS})
