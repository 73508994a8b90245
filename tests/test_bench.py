"""Pure helpers of the benchmarks (the benchmarks themselves run by `make bench`, not here)."""

from __future__ import annotations

import pytest

from bench.extraction_eval import metadata_match
from bench.throughput import incremental_figures


def test_incremental_figures_give_wall_and_inside_flow_ratios() -> None:
    # (wall, inside the flow run) seconds of three reruns each: the walls sit on whole seconds
    small = [(1.10, 0.20), (1.12, 0.22), (1.11, 0.21)]
    large = [(1.13, 0.44), (1.12, 0.40), (1.14, 0.42)]
    empty = [(1.09, 0.10), (1.10, 0.11), (1.08, 0.12)]
    out = incremental_figures(100_000, small, large, empty)
    assert out["corpus_articles"] == 100_000
    assert out["rerun_nothing_new_large_corpus_s"] == 1.13
    assert out["ratio_large_vs_small"] == round(1.13 / 1.11, 3)
    assert out["rerun_nothing_new_large_corpus_inside_flow_s"] == 0.42
    assert out["ratio_large_vs_small_inside_flow"] == 2.0
    assert out["ratio_large_vs_empty_inside_flow"] == round(0.42 / 0.11, 3)


def test_incremental_figures_leave_out_what_the_api_did_not_give() -> None:
    runs = [(1.1, None), (1.1, 0.2), (1.1, 0.2)]
    out = incremental_figures(10, runs, runs, runs)
    assert out["ratio_large_vs_small"] == 1.0
    assert not any("inside_flow" in key for key in out)


def test_new_articles_figures(monkeypatch) -> None:
    import bench.throughput as throughput

    inside = {"small-run": 7.0, "large-run": 8.4}
    monkeypatch.setattr(throughput, "flow_run_seconds", lambda run_id: inside[run_id])

    def summary(run_id: str) -> dict:
        return {"run_id": run_id, "totals": {"written": throughput.NEW_ARTICLES}}

    out = throughput.new_articles_figures(
        {"small": (8.0, summary("small-run"), 0), "large": (9.0, summary("large-run"), 0)}
    )
    assert out["pages"] == throughput.NEW_ARTICLES
    assert out["into_large_corpus_written"] == throughput.NEW_ARTICLES
    assert out["ratio_large_vs_small"] == 1.125
    assert out["ratio_large_vs_small_inside_flow"] == 1.2


# (field, the set's value, an extractor's value, a match): bench.extraction_eval's metadata rules
METADATA_CASES = [
    ("date", "2020-02-24", "2020-02-24", True),
    ("date", "", None, True),  # no gold date wants none
    ("date", "", "2020-02-24", False),
    ("date", "2020-02-24", "2020-02-25", False),
    ("title", "Talks\u2019 start \u2014 day one", "talks' start - day  one", True),
    ("title", "Talks start", "Talks start | Site", False),
    ("author", "David Brand and Ramsey Khalifeh", ["Ramsey Khalifeh", "David Brand"], True),
    ("author", "Glen Owen; Brendan Carlin", "Glen Owen; Brendan Carlin", True),
    ("author", ["Leah C. Stokes"], ["Leah C Stokes"], False),
    ("author", "", [], True),
    ("author", "Jane Doe", ["Jane Doe", "CNN"], False),
]


@pytest.mark.parametrize(("field", "gold", "found", "match"), METADATA_CASES)
def test_metadata_match(field: str, gold: object, found: object, match: bool) -> None:
    assert metadata_match(field, gold, found) is match


def test_the_discovery_harness_counts_the_requests_of_each_run() -> None:
    from bench.discovery import measure

    out = measure(sitemaps=5, urls=2)
    kept, without = out["index_lastmods_kept"], out["without_index_lastmods"]
    assert kept["first"]["listed"] == without["first"]["listed"] == 10
    assert kept["first"]["requests"] == without["first"]["requests"] == 6
    # nothing new: the index alone, against the index and a 304 for each sitemap
    assert (kept["nothing_new"]["requests"], kept["nothing_new"]["listed"]) == (1, 0)
    assert without["nothing_new"]["answers"] == {"200": 1, "304": 5}
    # one sitemap changed: the index and that sitemap, whose three articles are listed
    assert (kept["one_sitemap_changed"]["requests"], kept["one_sitemap_changed"]["listed"]) == (
        2,
        3,
    )


def test_the_worst_case_harness_times_each_shape_at_two_sizes() -> None:
    from bench.worst_case import PAGES, TEXTS, measure

    out = measure(lines=40, factor=2, text_lines=4)
    assert set(out["clean"]) == set(PAGES) and set(out["rules"]) == set(TEXTS)
    for row in [*out["clean"].values(), *out["rules"].values()]:
        assert row["lines"][1] == 2 * row["lines"][0]
        # no bound on the growth here: at 40 lines a shape takes milliseconds, within noise
        assert len(row["seconds"]) == 2 and min(row["seconds"]) >= 0 and row["growth"] >= 0
    # each page keeps its story, and each text gives quotes or dates to find
    assert all(row["output"] > 1000 for row in out["clean"].values())
    assert all(row["output"] > 0 for name, row in out["rules"].items() if name != "wall of names")


def test_the_extraction_harness_times_the_raw_archive_of_its_pages() -> None:
    import random

    from bench.extraction_eval import archive_cost

    rng = random.Random(1)
    words = [f"w{n}" for n in range(300)]
    bodies = [
        " ".join(f"<p>{rng.choice(words)}</p>" for _ in range(3000)).encode() for _ in range(4)
    ]
    cost = archive_cost(bodies, repeat=2)
    assert cost["ms_per_page"] >= 0
    # gzipped and with its WARC and HTTP headers: smaller than the pages, never empty
    assert 0 < cost["size_ratio"] < 1
