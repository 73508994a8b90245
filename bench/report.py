"""Memory of the end-of-run report as the corpus grows (issue #10, target 4: flat memory).

Every run that writes an article ends with the research report (`tasks.report.build_report`),
which aggregates the whole corpus: articles by source and day, quotes by speaker, actors and
co-mentions, mentioned dates. This measures its peak RSS above the process's resident size just
before the call (libraries already imported), in a fresh process per corpus size.

Corpora are generated deterministically and written straight as hive-partitioned Parquet, one
partition a month over ~4 years: the article columns the report reads (ids, URL, title, source,
publication time, duplicate cluster), 30 entity mentions over 20,000 actors with Zipf-like
weights (bench/actors.py's generator), 5 quotes by those actors and 8 dates an article. Columns the
generator leaves out read as nulls, as in files of an older schema version.

Run: `.venv/bin/python -m bench.report [--sizes 25000 100000 300000]`.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from bench.actors import write_corpus
from bench.common import corpus_growth, timed_peak

SIZES = (25_000, 100_000, 300_000)


def _build(root: str) -> tuple[dict[str, Any], float, int]:
    """In a fresh process: build the report; (its article count, seconds, peak RSS delta bytes)."""
    from tasks.report import build_report  # imported before the call, as a run has it

    result, seconds, peak = timed_peak(lambda: build_report(root, Path(root) / "_report"))
    return {"articles_reported": result.headline["articles"]}, seconds, peak


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Measure each size, print a line each, write bench/results/report.json."""
    what = "peak RSS of tasks.report.build_report above the process's size before the call"
    return corpus_growth(argv, "report", what, partial(write_corpus, full=True), _build, SIZES)


if __name__ == "__main__":
    main()
