"""`make bench`: every benchmark and evaluation harness, each writing bench/results/<name>.json."""

from __future__ import annotations

import sys
import time

from bench import (
    actors,
    dates_eval,
    discovery,
    entities_eval,
    extraction_eval,
    memory,
    nk_stories_eval,
    quotes_eval,
    report,
    throughput,
    warc_scan,
    worst_case,
)

HARNESSES = [  # (what, harness, its arguments)
    (
        "quotes (PolNeAR, and dev in each quote-mark convention)",
        quotes_eval.main,
        ["--conventions"],
    ),
    ("dates (TimeBank/AQUAINT, MEANTIME)", dates_eval.main, []),
    ("entities (MEANTIME)", entities_eval.main, []),
    ("quotes and dates of the North Korea talks stories (tests/golden)", nk_stories_eval.main, []),
    ("extraction (trafilatura_en)", extraction_eval.main, []),
    ("throughput, scaling, incremental, memory, orchestration", throughput.main, []),
    ("nightly discovery over a sitemap index of 1,000 sitemaps", discovery.main, []),
    ("WARC scan with the topic prefilter", warc_scan.main, []),
    ("worst-case page and text shapes", worst_case.main, []),
    ("memory of a 10k-article run", memory.main, []),
    ("memory of the actors rebuild as the corpus grows", actors.main, []),
    ("memory of the end-of-run report as the corpus grows", report.main, []),
]


def main() -> int:
    """Run the harnesses in order; a failing one is reported and the others still run."""
    failed = []
    for name, run, args in HARNESSES:
        print(f"\n== {name}", flush=True)
        start = time.perf_counter()
        try:
            run(args)
        except Exception as err:  # one broken harness must not hide the others' figures
            failed.append(name)
            print(f"FAILED: {type(err).__name__}: {err}")
        print(f"   ({time.perf_counter() - start:.0f} s)")
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
