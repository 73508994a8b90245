"""The pages the flow's process holds, kept where the process's death cannot lose them.

The flow's process cleans every page and, with one NLP worker, reads each article's rules
itself. Nothing can stop either from inside the process (EnrichPool's watchdog only names a
page that holds it), and a page that kills the process (a crash in native code, the kernel's
OOM killer) or hangs it until someone stops the run does so again in every run that fetches it:
a nightly run would never get past it. So a run writes what it holds to a file of its own
(`InHand`), locked while the run lives, and the next run reads the files no live run holds
(`settle_orphans`). A page held when two runs in a row died, or held for longer than
nlp.stall_timeout when its run died, is rejected (`run_died`, `stalled`); the rejects of
tasks.storage.SETTLED_REJECTS are remembered, so discovery skips the page until it or the
settings change (and `reprocess` skips it in the raw archive: `without_stoppers`). With
nlp.stop_stalled_run, a run a page holds that long stops itself (EnrichPool._stop_run).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from tasks.records import Item, Reject, Skip
from tasks.urls import InvalidURL, canonical_url

# How many runs in a row a page must be held at the death of before it is rejected. One is not
# enough: a run also dies for reasons of its own (stopped by hand, its machine restarted), and
# with one NLP worker two pages are in hand at once (one cleaned, one read), so one death does
# not say which page caused it
RUN_DEATHS_TO_REJECT = 2
# the stage a page is rejected in, by what the process was doing to it
STAGE_OF = {"cleaning": "clean", "rules": "enrich"}
# the reasons of the rejects of pages that stopped a process: the flow's (settle_orphans) or an
# NLP worker's (tasks.enrich: enrich/stalled)
STOPPED_A_PROCESS = frozenset({"run_died", "stalled"})
STRIKES = "strikes.json"  # url -> the deaths in a row it was held at
_LOCK = ".settle.lock"  # one run settles the orphans at a time


@dataclass(frozen=True, slots=True)
class Held:
    """A page in hand: what is done to it ('cleaning' or 'rules'), its URL and its source;
    `stalled` once it has held the process longer than nlp.stall_timeout."""

    what: str
    url: str
    source_name: str
    stalled: bool = False


class InHand:
    """What this run's process holds, in `directory`/<run_id>.json, locked while the run lives.

    `close(finished=True)` removes the file at the end of a run; a run that dies, or ends on an
    exception, leaves it for the next run's `settle_orphans`.
    """

    def __init__(self, directory: Path, run_id: str) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self.path = directory / f"{run_id}.json"
        # locked before its name appears, so settle_orphans never takes a live run for dead
        temporary = directory / f".{run_id}.tmp"
        self._fd: int | None = os.open(temporary, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        os.replace(temporary, self.path)
        self._held: dict[str, Held] = {}
        self._lock = threading.Lock()  # cleaning and the rules run in different threads

    def hold(self, what: str, url: str | None, source_name: str = "") -> None:
        """Record that the process now does `what` to `url` (None: to no page)."""
        with self._lock:
            if url is None:
                self._held.pop(what, None)
            else:
                self._held[what] = Held(what, url, source_name)
            self._write()

    def stalled(self, what: str, url: str) -> bool:
        """Mark the page as having held the process too long, if it still does (returned)."""
        with self._lock:
            held = self._held.get(what)
            if held is None or held.url != url:
                return False
            self._held[what] = replace(held, stalled=True)
            self._write()
            return True

    def close(self, finished: bool) -> None:
        """Release the file: removed when the run `finished`, else left for the next run."""
        if self._fd is None:
            return
        if finished:
            self.path.unlink(missing_ok=True)
            with _settling(self.directory):  # the run went through: no death is in a row now
                (self.directory / STRIKES).unlink(missing_ok=True)
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> InHand:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_rest: object) -> None:
        self.close(finished=kind is None)

    def _write(self) -> None:
        if self._fd is None:
            return
        data = json.dumps([asdict(h) for h in self._held.values()]).encode("utf-8") + b"\n"
        # the page cache keeps the bytes when the process dies; only the first line is read,
        # so a death between the two calls leaves a readable file
        os.pwrite(self._fd, data, 0)
        os.ftruncate(self._fd, len(data))


def settle_orphans(directory: Path) -> list[Reject]:
    """The rejects of the pages held by runs that died (their files no live run locks).

    A page held at the death of RUN_DEATHS_TO_REJECT runs in a row is rejected as `run_died`,
    one that had stalled its run as `stalled`; the others are remembered for the next death.
    The dead runs' files are removed.
    """
    if not directory.is_dir():
        return []
    with _settling(directory):
        held: list[Held] = []
        died = 0
        for path in sorted(directory.glob("*.json")):
            if path.name == STRIKES:
                continue
            with _claimed(path) as entries:
                if entries is None:  # a live run's
                    continue
                died += 1
                held.extend(entries)
        if not died:
            return []
        strikes = _read_strikes(directory / STRIKES)
        deaths: dict[str, int] = {}  # of the runs that held each page, these included
        for page in held:  # runs that died side by side add up too
            deaths[page.url] = deaths.get(page.url, strikes.get(page.url, 0)) + 1
        rejects: dict[str, Reject] = {}  # one a page
        for page in sorted(held, key=lambda p: not p.stalled):  # a stall says the more
            if page.url in rejects:
                continue
            if page.stalled:
                reason, why = "stalled", "it held the flow's process longer than nlp.stall_timeout"
            elif deaths[page.url] >= RUN_DEATHS_TO_REJECT:
                reason, why = (
                    "run_died",
                    f"the flow's process held it when {deaths[page.url]} runs in a row died",
                )
            else:
                continue
            stage = STAGE_OF[page.what]
            rejects[page.url] = Reject(
                page.url, page.source_name, stage, reason, f"{page.what}: {why}"
            )
        struck = {url: n for url, n in deaths.items() if url not in rejects}
        (directory / STRIKES).write_text(json.dumps(struck), encoding="utf-8")
        return list(rejects.values())


def without_stoppers(
    found: Iterable[tuple[str, Item | Skip | Reject]],
    settled: Callable[[str], Any],
    settle_key: str,
) -> Iterator[tuple[str, Item | Skip | Reject]]:
    """`found` with the pages settled as having stopped a process under the same settings
    (`settled`, tasks.storage.Dataset.settled; `settle_key`, tasks.clean.settle_key) skipped as
    `rejected_before`. The discovery of sources skips every settled page itself; a stream of
    pages in hand (the raw archive `reprocess` reads) would clean such a page again, and stop
    again."""
    for source, entry in found:
        if isinstance(entry, Item):
            try:
                was = settled(canonical_url(entry.url))
            except InvalidURL:
                was = None  # the stage that meets it rejects it
            if was is not None and was.key == settle_key and was.reason in STOPPED_A_PROCESS:
                entry = Skip(entry.url, source, "rejected_before")
        yield source, entry


@contextlib.contextmanager
def _settling(directory: Path) -> Iterator[None]:
    with (directory / _LOCK).open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield  # closing the file releases the lock


@contextlib.contextmanager
def _claimed(path: Path) -> Iterator[list[Held] | None]:
    """The pages a dead run's file lists (None while its run lives); the file is removed."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        yield None
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield None
            return
        try:
            if os.fstat(fd).st_ino != os.stat(path).st_ino:  # settled and removed meanwhile
                yield None
                return
        except FileNotFoundError:
            yield None
            return
        with os.fdopen(os.dup(fd), "rb") as handle:
            first = handle.readline()
        yield _held_pages(first)
        path.unlink(missing_ok=True)
    finally:
        os.close(fd)


def _held_pages(line: bytes) -> list[Held]:
    try:
        entries = json.loads(line or b"[]")
        return [Held(**entry) for entry in entries if entry.get("what") in STAGE_OF]
    except (ValueError, TypeError, AttributeError):  # a file cut short: nothing to go on
        return []


def _read_strikes(path: Path) -> dict[str, int]:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(value, dict):
        return {}
    return {url: n for url, n in value.items() if isinstance(n, int)}


__all__ = [
    "RUN_DEATHS_TO_REJECT",
    "STOPPED_A_PROCESS",
    "Held",
    "InHand",
    "settle_orphans",
    "without_stoppers",
]
