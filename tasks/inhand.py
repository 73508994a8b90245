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
settings change.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from tasks.records import Reject

# How many runs in a row a page must be held at the death of before it is rejected. One is not
# enough: a run also dies for reasons of its own (stopped by hand, its machine restarted), and
# with one NLP worker two pages are in hand at once (one cleaned, one read), so one death does
# not say which page caused it
RUN_DEATHS_TO_REJECT = 2
# the stage a page is rejected in, by what the process was doing to it
STAGE_OF = {"cleaning": "clean", "rules": "enrich"}
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
        struck: dict[str, int] = {}
        rejects = []
        for page in held:
            deaths = strikes.get(page.url, 0) + 1
            if page.stalled:
                detail = "it held the flow's process longer than nlp.stall_timeout, which ended"
            elif deaths >= RUN_DEATHS_TO_REJECT:
                detail = f"the flow's process held it when {deaths} runs in a row died"
            else:
                struck[page.url] = deaths
                continue
            reason = "stalled" if page.stalled else "run_died"
            detail = f"{page.what}: {detail}"
            rejects.append(Reject(page.url, page.source_name, STAGE_OF[page.what], reason, detail))
        (directory / STRIKES).write_text(json.dumps(struck), encoding="utf-8")
        return rejects


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


__all__ = ["RUN_DEATHS_TO_REJECT", "Held", "InHand", "settle_orphans"]
