"""Main-text extraction: our cleaning stage against trafilatura's defaults, quality and time.

Data: trafilatura's own English evaluation pages (../shared/eval/trafilatura_en): for each page,
snippets that must appear in the text ("with") and snippets that must not ("without").
Scored as trafilatura's evaluate.py: a "with" snippet found is a true positive, missing a false
negative; a "without" snippet found is a false positive, absent a true negative; F1 from those.
This set is trafilatura's development set (its defaults are tuned to it), so it guards against
regressions and compares settings; it cannot show a win over trafilatura.

Also times both extractors on the same pages (median of repeated runs) for the 1.5x budget.
Run: `.venv/bin/python -m bench.extraction_eval [--repeat 3]`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import trafilatura

from bench.common import EVAL, write_result


def load() -> list[tuple[str, str, dict[str, Any]]]:
    """(url, html, expectations) of every page."""
    base = EVAL / "trafilatura_en"
    data = json.loads((base / "evaldata_en.json").read_text(encoding="utf-8"))
    pages = []
    for url, item in data.items():
        path = base / "html" / item["file"]
        if path.is_file():
            pages.append((url, path.read_text(encoding="utf-8", errors="replace"), item))
    return pages


def score(outputs: list[str], pages: list[tuple[str, str, dict[str, Any]]]) -> dict[str, float]:
    """Precision, recall, F1 and accuracy as trafilatura's evaluate.py counts them."""
    tp = fn = fp = tn = 0
    for text, (_url, _html, item) in zip(outputs, pages, strict=True):
        text = " ".join((text or "").split())
        for snippet in item.get("with", []):
            if " ".join(snippet.split()) in text:
                tp += 1
            else:
                fn += 1
        for snippet in item.get("without", []):
            if " ".join(snippet.split()) in text:
                fp += 1
            else:
                tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "accuracy": round((tp + tn) / (tp + tn + fp + fn), 4),
    }


def trafilatura_default(url: str, html: str) -> str:
    """trafilatura.extract with default settings."""
    return trafilatura.extract(html, url=url) or ""


def newscorpus_clean(url: str, html: str) -> str:
    """Our cleaning stage (tasks.clean.clean_page) without the length rejection."""
    from config.schema import CleanConfig
    from tasks.clean import CleanError, clean_page
    from tasks.records import Item, Page

    if not url.startswith("http"):
        url = "https://example.org/page"  # a few dataset keys are not URLs
    page = Page(
        item=Item(url=url, source="eval"),
        final_url=url,
        status=200,
        headers={},
        body=b"",
        fetched_at=datetime.now(UTC),
        html=html,
    )
    try:
        return clean_page(page, CleanConfig(min_text_chars=0)).text
    except CleanError:
        return ""


def run(
    extract: Callable[[str, str], str], pages: list[tuple[str, str, dict[str, Any]]], repeat: int
) -> tuple[list[str], float]:
    """Outputs of one extractor and the median wall time of a full pass."""
    times = []
    outputs: list[str] = []
    for _ in range(repeat):
        start = time.perf_counter()
        outputs = [extract(url, html) for url, html, _item in pages]
        times.append(time.perf_counter() - start)
    return outputs, statistics.median(times)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Compare the extractors and write bench/results/extraction.json."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if not (EVAL / "trafilatura_en").is_dir():
        print(f"skipped: {EVAL / 'trafilatura_en'} not found")
        return {}
    pages = load()
    results: dict[str, Any] = {"pages": len(pages)}
    for name, fn in (
        ("trafilatura_default", trafilatura_default),
        ("newscorpus", newscorpus_clean),
    ):
        outputs, seconds = run(fn, pages, args.repeat)
        results[name] = {
            **score(outputs, pages),
            "seconds_median": round(seconds, 3),
            "pages_per_s": round(len(pages) / seconds, 1),
        }
        print(f"{name:20} {results[name]}")
    results["time_ratio"] = round(
        results["newscorpus"]["seconds_median"] / results["trafilatura_default"]["seconds_median"],
        3,
    )
    print(f"time ratio newscorpus / trafilatura default: {results['time_ratio']}")
    write_result(
        "extraction", {"dataset": "trafilatura_en (trafilatura's development set)", **results}
    )
    return results


if __name__ == "__main__":
    main()
