"""The pages the flow's process holds (tasks.inhand): a page a run died or stalled on is
settled by the next runs, a live run's record is left alone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tasks.inhand import RUN_DEATHS_TO_REJECT, InHand, settle_orphans

POISON = "https://news.example/poison"


def died_holding(directory: Path, run_id: str, *held: tuple[str, str]) -> None:
    """A run that ended on an exception (as if it died) while holding these (what, url)."""
    journal = InHand(directory, run_id)
    for what, url in held:
        journal.hold(what, url, "wire")
    journal.close(finished=False)


def test_a_page_held_when_two_runs_in_a_row_died_is_rejected(tmp_path: Path) -> None:
    assert RUN_DEATHS_TO_REJECT == 2
    died_holding(tmp_path, "run-1", ("cleaning", POISON))
    assert settle_orphans(tmp_path) == []  # one death does not say the page caused it
    died_holding(tmp_path, "run-2", ("cleaning", POISON))
    [reject] = settle_orphans(tmp_path)
    assert (reject.url, reject.source_name, reject.stage, reject.reason) == (
        POISON,
        "wire",
        "clean",
        "run_died",
    )
    assert "2 runs in a row" in reject.detail
    assert list(tmp_path.glob("*.json")) == [tmp_path / "strikes.json"]  # the runs' files went
    assert settle_orphans(tmp_path) == []  # settled once


def test_runs_that_died_side_by_side_holding_a_page_add_up(tmp_path: Path) -> None:
    died_holding(tmp_path, "run-1", ("cleaning", POISON))
    died_holding(tmp_path, "run-2", ("cleaning", POISON))
    journal = InHand(tmp_path, "run-3")
    journal.hold("cleaning", POISON, "wire")
    journal.stalled("cleaning", POISON)
    journal.close(finished=False)
    [reject] = settle_orphans(tmp_path)  # one reject a page, the stall's
    assert (reject.url, reject.reason) == (POISON, "stalled")


def test_a_finished_run_between_two_deaths_clears_the_strike(tmp_path: Path) -> None:
    died_holding(tmp_path, "run-1", ("rules", POISON))
    assert settle_orphans(tmp_path) == []
    with InHand(tmp_path, "run-2") as journal:  # a run that went through
        journal.hold("rules", POISON, "wire")
        journal.hold("rules", None)
    assert not (tmp_path / "run-2.json").exists()
    died_holding(tmp_path, "run-3", ("rules", POISON))
    assert settle_orphans(tmp_path) == []  # the first death in a row again


def test_a_page_held_at_a_death_but_not_the_next_is_not_rejected(tmp_path: Path) -> None:
    died_holding(tmp_path, "run-1", ("cleaning", POISON), ("rules", "https://news.example/a"))
    assert settle_orphans(tmp_path) == []
    died_holding(tmp_path, "run-2", ("cleaning", POISON), ("rules", "https://news.example/b"))
    rejects = settle_orphans(tmp_path)
    assert [(r.url, r.stage) for r in rejects] == [(POISON, "clean")]
    died_holding(tmp_path, "run-3", ("rules", "https://news.example/a"))
    assert settle_orphans(tmp_path) == []  # its strike was not in a row


@pytest.mark.parametrize(("what", "stage"), [("cleaning", "clean"), ("rules", "enrich")])
def test_a_page_that_stalled_its_run_is_rejected_at_the_first_death(
    tmp_path: Path, what: str, stage: str
) -> None:
    journal = InHand(tmp_path, "run-1")
    journal.hold(what, POISON, "wire")
    assert journal.stalled(what, POISON)
    assert not journal.stalled(what, "https://news.example/other")  # not held: nothing to mark
    journal.close(finished=False)
    [reject] = settle_orphans(tmp_path)
    assert (reject.url, reject.stage, reject.reason) == (POISON, stage, "stalled")


def test_a_page_released_before_the_death_is_not_struck(tmp_path: Path) -> None:
    for run in ("run-1", "run-2"):
        journal = InHand(tmp_path, run)
        journal.hold("cleaning", POISON, "wire")
        journal.stalled("cleaning", POISON)
        journal.hold("cleaning", None)  # it finished after all
        journal.close(finished=False)
        assert settle_orphans(tmp_path) == []


def test_a_live_runs_record_is_left_alone(tmp_path: Path) -> None:
    with InHand(tmp_path, "live") as journal:
        journal.hold("cleaning", POISON, "wire")
        journal.stalled("cleaning", POISON)
        assert settle_orphans(tmp_path) == []
        assert (tmp_path / "live.json").exists()
        assert json.loads((tmp_path / "live.json").read_text())[0]["stalled"] is True


def test_a_record_cut_short_counts_as_a_death_with_nothing_held(tmp_path: Path) -> None:
    (tmp_path / "run-1.json").write_text('[{"what": "cleaning", "url": "ht', encoding="utf-8")
    assert settle_orphans(tmp_path) == []
    assert not (tmp_path / "run-1.json").exists()
    assert settle_orphans(tmp_path / "absent") == []


# a process that records a page and is killed with it in hand: nothing of Python's runs after
_KILLED = """
import os, signal, sys
from pathlib import Path
from tasks.inhand import InHand
journal = InHand(Path(sys.argv[1]), sys.argv[2])
journal.hold("cleaning", sys.argv[3], "wire")
journal.hold("rules", "https://news.example/read", "wire")
journal.hold("rules", None)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_process_killed_with_a_page_in_hand_leaves_it_recorded(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    for run in ("run-1", "run-2"):
        killed = subprocess.run(
            [sys.executable, "-c", _KILLED, str(tmp_path), run, POISON], cwd=root, check=False
        )
        assert killed.returncode == -9
        rejects = settle_orphans(tmp_path)
    assert [(r.url, r.reason) for r in rejects] == [(POISON, "run_died")]


def test_a_stream_of_pages_in_hand_skips_those_settled_for_stopping_a_process() -> None:
    # discovery skips settled pages itself; the raw archive that `reprocess` reads did not, so
    # a page that had stopped a run was cleaned again, and stopped the reprocess
    from tasks.inhand import without_stoppers
    from tasks.records import Item, Skip
    from tasks.storage import SettledEntry
    from tasks.urls import canonical_url

    base = "https://news.example/"
    settled = {
        canonical_url(POISON): SettledEntry("run_died", "key-1", "2026-12-04"),
        canonical_url(base + "slow"): SettledEntry("stalled", "key-1", "2026-12-04"),
        canonical_url(base + "sport"): SettledEntry("off_topic", "key-1", "2026-12-04"),
        canonical_url(base + "before"): SettledEntry("run_died", "key-0", "2026-12-04"),
    }
    urls = [POISON, base + "slow", base + "sport", base + "before", base + "new", "not a url"]
    found = [("archive", Item(url=url, source="archive")) for url in urls]
    found.append(("archive", Skip(base + "seen", "archive", "seen")))
    out = [entry for _source, entry in without_stoppers(found, settled.get, "key-1")]
    assert [(e.url, type(e).__name__) for e in out] == [
        (POISON, "Skip"),
        (base + "slow", "Skip"),
        (base + "sport", "Item"),  # judged again: a reprocess may hold a new extractor's text
        (base + "before", "Item"),  # settled under other settings
        (base + "new", "Item"),
        ("not a url", "Item"),  # left to the stage that rejects it
        (base + "seen", "Skip"),
    ]
    assert {e.reason for e in out if isinstance(e, Skip)} == {"rejected_before", "seen"}
