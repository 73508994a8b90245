"""Enrichment: one spaCy pass per article (nlp.pipe over a batch), then entities, dates and quotes.

The three extractors share the parsed Doc, so spaCy -- the cost of the whole pipeline -- runs
once per article. The model is loaded once per worker process (`worker_nlp`).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import itertools
import logging
import multiprocessing
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import types
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import fields
from typing import Any, NoReturn, TypeVar, get_args

import psutil
import spacy
from spacy.language import Language
from spacy.vocab import Vocab

from config.schema import DEFAULT_STALL_TIMEOUT_S, ExtractIn
from tasks import stallwatch
from tasks.dates import extract_dates
from tasks.entities import (
    AliasTable,
    add_actor_ruler,
    dataset_speakers,
    extract_entities,
    load_aliases,
    speaker_actors,
)
from tasks.inhand import InHand
from tasks.nlp import (
    PackedDoc,
    doc_text,
    load_nlp,
    model_id,
    pack_doc,
    parsed_texts,
    unpack_doc,
)
from tasks.quotes import extract_quotes
from tasks.records import Article, Enriched, Item, Reject

log = logging.getLogger(__name__)
T = TypeVar("T")

# Longest text handed to spaCy: longer pages are mostly boilerplate dumps, and the parser's
# memory grows with document length (spaCy's own max_length default is 1,000,000).
MAX_NLP_CHARS = 200_000
# Docs per nlp.pipe minibatch. Measured on 128 bench articles (one core): 8 -> 10.7 docs/s and
# +43 MB peak, 16 -> 11.3 and +122 MB, 32 -> 11.1 and +294 MB, 64 -> 10.3 and +558 MB: larger
# minibatches buy no speed on CPU and hold every doc's activations at once.
PIPE_BATCH = 16

# The environment an NLP worker process starts with: one thread for the numeric libraries, as
# Dask's nanny gives its workers (distributed.nanny.pre-spawn-environ), so the Dask runner's
# workers start the same way. numpy's OpenBLAS otherwise starts a pool of one thread per core;
# spaCy's small CPU pipeline gains nothing from it, and the pool costs CPU besides: nlp.pipe over
# 240 bench articles took 78-89 ms of CPU a doc with it, 71-74 without (alternating runs, one
# process); in 300-article runs with two workers the workers spent 89-92 ms a doc with it, 79-82
# without. A value set by the user wins.
WORKER_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

_workers: dict[tuple[str, str | None], tuple[Language, AliasTable]] = {}


class _PoolProgress:
    """A pool worker's slot in the pool's shared progress arrays (see EnrichPool._watch)."""

    def __init__(self, beats: Any, jobs: Any, slot: int) -> None:
        self.beats, self.jobs, self.slot = beats, jobs, slot

    def beat(self, job: int) -> None:
        self.jobs[self.slot] = job
        self.beats[self.slot] = time.monotonic()

    def rest(self) -> None:
        self.beats[self.slot] = 0.0  # between jobs: no stall can be seen


class _WatchedProgress:
    """A Dask worker's beat file, read by its stallwatch process (`watch_this_worker`). A
    worker may run tasks in several threads: the file holds the oldest last progress of the
    jobs under way, so one thread's job ending does not hide another's stall."""

    def __init__(self, fd: int, stall_timeout: float, watcher: subprocess.Popen[bytes]) -> None:
        # the Popen is kept: one collected while its process runs warns (ResourceWarning)
        self.fd, self.stall_timeout, self.watcher = fd, stall_timeout, watcher
        self._lock = threading.Lock()
        self._last: dict[int, float] = {}  # thread -> its job's last progress

    def beat(self, job: int) -> None:
        self._record(time.monotonic())

    def rest(self) -> None:
        self._record(None)

    def _record(self, at: float | None) -> None:
        with self._lock:
            if at is None:
                self._last.pop(threading.get_ident(), None)
            else:
                self._last[threading.get_ident()] = at
            stallwatch.beat(self.fd, min(self._last.values(), default=0.0))


# Where this process reports its progress on a job: a pool's worker to the pool's watchdog, a
# Dask worker to its stallwatch process; None in any other process, where it is not reported.
_progress: _PoolProgress | _WatchedProgress | None = None


def _reported(parsed: Iterator[T], job: int) -> Iterator[T]:
    """The elements of `parsed`, progress on `job` (a parsed or read article) reported before
    the first and after each; once they end (or the loop over them does), the worker is
    reported between jobs."""
    progress = _progress
    if progress is None:
        yield from parsed
        return
    progress.beat(job)
    try:
        for element in parsed:
            progress.beat(job)
            yield element
    finally:
        progress.rest()


def watch_this_worker(stall_timeout: float) -> None:
    """Have a watchdog process (tasks.stallwatch, a child of this one) kill this process when a
    job goes `stall_timeout` seconds without progress: for a Dask worker, which no EnrichPool
    watches. Its nanny starts a new worker, Dask retries the task elsewhere, and the flow
    retries a slice its workers died on one article at a time. Started once per process (again
    when the timeout changes)."""
    global _progress
    if isinstance(_progress, _WatchedProgress):
        if _progress.stall_timeout == stall_timeout:
            return
        stallwatch.beat(_progress.fd, 0.0)  # the old watchdog sees no job from now on
        os.close(_progress.fd)
    try:
        fd, path = tempfile.mkstemp(prefix="newscorpus-beat-")
        stallwatch.beat(fd, 0.0)
        watcher = subprocess.Popen(
            [sys.executable, stallwatch.__file__, str(os.getpid()), path, str(stall_timeout)],
            stdin=subprocess.DEVNULL,
        )
    except OSError as err:  # no temporary directory, no process to spare: enrich unwatched
        log.warning("no stall watchdog for this NLP worker: %s", err)
        _progress = None
        return
    _progress = _WatchedProgress(fd, stall_timeout, watcher)


@contextmanager
def worker_environment() -> Iterator[None]:
    """Processes spawned inside this block start with WORKER_ENV (unless already set); this
    process's environment is restored on exit."""
    added = [key for key in WORKER_ENV if key not in os.environ]
    os.environ.update({key: WORKER_ENV[key] for key in added})
    try:
        yield
    finally:
        for key in added:
            os.environ.pop(key, None)


def worker_nlp(model: str, aliases_path: str | None) -> tuple[Language, AliasTable]:
    """The pipeline and alias table of this process, loaded once (the actor ruler added once)."""
    key = (model, aliases_path)
    if key not in _workers:
        aliases = load_aliases(aliases_path)
        # a table's actor ruler goes into a pipeline of its own: in the shared one it would
        # change every other user's entities, and a second table's ruler would never be added
        nlp = load_nlp(model, private=bool(aliases.surfaces))
        add_actor_ruler(nlp, aliases)
        _workers[key] = (nlp, aliases)
    return _workers[key]


def quote_id_for(article_id: str, start: int, end: int) -> str:
    """Stable quote id from its article and offsets."""
    return hashlib.sha256(f"{article_id}:{start}:{end}".encode()).hexdigest()[:16]


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # dataclass -> its field names


def _as_row(obj: Any) -> dict[str, Any]:
    """A flat dataclass as a dict: asdict's deep copy costs ~1 ms an article for nothing here,
    as every field of a mention, date or quote is a scalar."""
    names = _FIELD_NAMES.get(type(obj))
    if names is None:
        names = _FIELD_NAMES[type(obj)] = tuple(f.name for f in fields(obj))
    return {name: getattr(obj, name) for name in names}


def _rows(article: Article, doc: Any, aliases: AliasTable) -> Enriched:
    mentions = extract_entities(doc, aliases)
    entities = [_as_row(m) for m in mentions]
    actors = speaker_actors(mentions)
    dates = [_as_row(t) for t in extract_dates(doc, article.published_date, aliases.agreements)]
    quotes = []
    utterance_id = ""
    found = extract_quotes(doc, article.authors)
    speakers = dataset_speakers(found, actors, aliases, doc_text(doc))
    for q, actor in zip(found, speakers, strict=True):
        row = _as_row(q)
        row["quote_id"] = quote_id_for(article.article_id, q.start_char, q.end_char)
        if not q.continues:
            utterance_id = row["quote_id"]
        row["utterance_id"] = utterance_id
        if actor is not None:
            row["speaker"], row["speaker_id"] = actor
        quotes.append(row)
    return Enriched(article=article, entities=entities, dates=dates, quotes=quotes)


def enrich_batch(
    articles: Iterable[Article],
    model: str,
    aliases_path: str | None,
    batch_size: int = PIPE_BATCH,
    job: int = 0,
) -> tuple[list[Enriched], list[Reject], str]:
    """Entities, dates and quotes of a batch of articles; returns (enriched, rejects, model id).
    In a pool's worker, each article's progress is reported under `job` (EnrichPool)."""
    nlp, aliases = worker_nlp(model, aliases_path)
    batch = list(articles)
    enriched: list[Enriched] = []
    rejects: list[Reject] = []
    texts = [a.text[:MAX_NLP_CHARS] for a in batch]
    docs = parsed_texts(nlp, texts, batch_size)
    for article, doc in _reported(zip(batch, docs, strict=True), job):
        try:
            enriched.append(_rows(article, doc, aliases))
        except Exception as err:  # stage boundary: one article's failure must not stop the run
            rejects.append(_enrich_reject(article, err))
    return enriched, rejects, model_id(nlp)


def _enrich_reject(article: Article, err: Exception) -> Reject:
    log.exception("enrich failed for %s", article.url)
    return Reject(
        article.url,
        article.source_name,
        "enrich",
        "enrich_error",
        f"{type(err).__name__}: {err}"[:500],
    )


def parse_batch(
    articles: Iterable[Article],
    model: str,
    aliases_path: str | None,
    batch_size: int = PIPE_BATCH,
    job: int = 0,
) -> tuple[list[tuple[Article, PackedDoc]], str]:
    """Parse a batch and pack each Doc (`pack_doc`) for `extract_parsed` in another process;
    returns (article and packed Doc pairs, model id). The NLP workers' half of enrichment when
    the rules run in the flow's process (`extraction_place`); progress as in `enrich_batch`."""
    nlp, _aliases = worker_nlp(model, aliases_path)
    batch = list(articles)
    docs = parsed_texts(nlp, [a.text[:MAX_NLP_CHARS] for a in batch], batch_size)
    pairs = _reported(zip(batch, docs, strict=True), job)
    packed = [(article, pack_doc(doc)) for article, doc in pairs]
    return packed, model_id(nlp)


def extract_parsed(
    parsed: Iterable[tuple[Article, PackedDoc]],
    aliases: AliasTable,
    vocab: Vocab,
    reading: Callable[[Article | None], None] = lambda _article: None,
) -> tuple[list[Enriched], list[Reject]]:
    """Entities, dates and quotes of Docs that `parse_batch` parsed and packed, read in this
    process over `vocab` (a blank English one will do: see `unpack_doc`). `reading` is told
    each article as its rules start, and None after the last; not when the process is being
    stopped (KeyboardInterrupt, SystemExit), so the article in hand stays recorded
    (tasks.inhand)."""
    enriched: list[Enriched] = []
    rejects: list[Reject] = []
    for article, packed in parsed:
        reading(article)
        try:
            enriched.append(_rows(article, unpack_doc(packed, vocab), aliases))
        except Exception as err:  # stage boundary: one article's failure must not stop the run
            rejects.append(_enrich_reject(article, err))
    reading(None)
    return enriched, rejects


def _exit_now() -> None:
    """Leave a worker process without tearing its interpreter down."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _init_worker(
    model: str, aliases_path: str | None, beats: Any = None, jobs: Any = None, pids: Any = None
) -> None:
    global _progress
    if beats is not None:  # the first free slot of the pool's progress arrays is this worker's
        with pids.get_lock():
            slot = next((i for i, pid in enumerate(pids) if pid == 0), None)
            if slot is not None:
                pids[slot] = os.getpid()
                _progress = _PoolProgress(beats, jobs, slot)
    worker_nlp(model, aliases_path)  # load the model once, when the worker starts
    # An NLP worker holds nothing to save when the pool shuts it down (results go back through
    # the pool's queue as each batch ends), yet a normal exit frees the model object by object:
    # ~0.2-0.6 s that the run waited for at its end. The kernel frees it at once.
    atexit.register(_exit_now)


def _ready() -> None:
    """A no-op job: submitting one starts a worker process (spawned lazily by the pool)."""


# Where the rules (entities, dates, quotes: ~15 ms a bench article) read each parsed Doc. In the
# flow's process, a worker packs each Doc (pack_doc, ~0.7 ms) and the flow's process unpacks and
# reads it (~1 + ~15 ms) while the worker parses the next slice: with fetch, clean and store
# (~14 ms), ~30 ms an article of the flow's one core against ~85 ms of parsing an article in a
# worker, so it keeps up with two workers (~0.7 of a core), as long as a core is left for it.
EXTRACT_PLACES: tuple[str, ...] = get_args(ExtractIn)  # the config's choices
FLOW_EXTRACT_MAX_WORKERS = 2
# Unpacking interns every new word, norm and tag string in the flow's vocabulary, which only
# grows: 300 PolNeAR articles added 23,650 strings (~65 an article, fewer as the corpus grows).
# A vocabulary past this many strings is replaced by a fresh one (~0.2 s), so a backfill of a
# million articles holds no more than a few tens of thousands of articles' words.
MAX_READER_STRINGS = 250_000
# A worker that dies (the kernel's OOM killer, a container's CPU or memory limit, a crash in
# native code) breaks the whole pool, and every job on it fails with BrokenProcessPool. The
# pool is started again and the batch retried one article at a time: an article is rejected
# (`worker_died`) when a fresh worker dies on it twice in a row. The one-article retries of the
# two batches a run may have in flight take turns, so the other batch can cause one of the two
# deaths, never both. More such articles in one batch than this are not the articles' doing (a
# worker that cannot even load the model dies on every one), and the run stops.
MAX_KILLERS_PER_BATCH = 3
# What the flow's process may be doing to a page when the watchdog names it (EnrichPool._watch):
# how the error says so, and what else the operator can do
_HOLDING = {
    "rules": ("the rules have read", "; or set nlp.extract_in: workers"),
    "cleaning": ("cleaning has held", ""),
}
# what the error says to do about it, with the run's pages in hand recorded (tasks.inhand) or not
_STOP_IT = {
    True: "stop it: the next run rejects the page as stalled",
    False: "stop it and exclude the page (the source's exclude)",
}
# The status a run's process exits with when it stops itself on a stalled page (nlp.
# stop_stalled_run): EX_TEMPFAIL of sysexits.h, a failure the next run gets past
STALLED_RUN_EXIT = 75


def worker_died(article: Article, how: str) -> Reject:
    """The reject of an article its NLP worker died on each time it was tried (`how` says
    which tries)."""
    return Reject(
        article.url,
        article.source_name,
        "enrich",
        "worker_died",
        f"an NLP worker process died on this article {how} ({len(article.text)} characters)",
    )


def worker_stalled(article: Article, seconds: float) -> Reject:
    """The reject of an article an NLP worker, alone on it, made no progress on for `seconds`."""
    return Reject(
        article.url,
        article.source_name,
        "enrich",
        "stalled",
        f"an NLP worker alone on this article made no progress for {seconds:.0f} s and was "
        f"stopped ({len(article.text)} characters)",
    )


def check_killers(killers: int) -> None:
    """Stop the run when workers died on more articles of one batch than
    MAX_KILLERS_PER_BATCH, each alone on a fresh worker: the cause is not the articles."""
    if killers > MAX_KILLERS_PER_BATCH:
        raise RuntimeError(
            f"NLP workers died on more than {MAX_KILLERS_PER_BATCH} articles of one batch, each "
            "article alone on a fresh worker: the cause is not the articles (can a worker load "
            "the model? is there memory for nlp.workers of them?)"
        )


def _cores() -> int:
    """CPU cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def extraction_place(extract_in: str, workers: int) -> str:
    """'flow' or 'workers': where the rules run for `workers` NLP workers. 'auto' is the flow's
    process when the workers leave a core free for it and are few enough for it to keep up
    (FLOW_EXTRACT_MAX_WORKERS); without workers, everything runs in the flow's process anyway."""
    if extract_in not in EXTRACT_PLACES:
        raise ValueError(f"extract_in must be one of {EXTRACT_PLACES}, not {extract_in!r}")
    if workers <= 0:
        return "workers"
    if extract_in == "auto":
        free = workers < _cores() and workers <= FLOW_EXTRACT_MAX_WORKERS
        return "flow" if free else "workers"
    return extract_in


class EnrichPool:
    """Persistent NLP worker processes, each loading the model once.

    `workers=0` enriches in the calling process (tests, tiny runs). With workers, a batch is
    split into one slice per worker so every core parses; the caller runs it from a thread so
    fetching and cleaning the next batch overlap with spaCy. The workers start at `start()` (the
    run calls it when its first batch brings pages to clean) or at the first batch, never for a
    run that fetches nothing: each worker's start costs ~2 s of CPU (spaCy's import and model
    load). With `extract_in` giving the flow's process (`extraction_place`), the workers parse
    slices of PIPE_BATCH articles and the calling thread reads each slice's Docs as it comes
    back, so only the last slice's rules wait after the last parse. A watchdog thread stops a
    worker that goes `stall_timeout` seconds without finishing an article (`_watch`).
    """

    def __init__(
        self,
        model: str,
        aliases_path: str | None,
        workers: int,
        extract_in: str = "workers",
        stall_timeout: float = DEFAULT_STALL_TIMEOUT_S,
        in_hand: InHand | None = None,
        stop_stalled_run: bool = False,
    ) -> None:
        self.model = model
        self.aliases_path = aliases_path
        self.workers = workers
        self.place = extraction_place(extract_in, workers)
        self.stall_timeout = stall_timeout
        self.in_hand = in_hand
        # exit this process when a page holds it past stall_timeout (_stop_run), with in_hand
        self.stop_stalled_run = stop_stalled_run and in_hand is not None
        self._pool: ProcessPoolExecutor | None = None
        # the current pool's progress arrays, shared with its workers (see _watch): each
        # worker's last progress (monotonic seconds, 0 between jobs), its job and its pid
        self._progress: tuple[Any, Any, Any] | None = None
        self._job_ids = itertools.count(1)  # one per job submitted, so a stall names its job
        self._stalled: set[int] = set()  # jobs the watchdog stopped a worker on
        self._closing = threading.Event()
        self._watchdog: threading.Thread | None = None
        # what this process does now to which page: "rules" or "cleaning" -> (its URL, since),
        # each in a thread of its own; and the page of each the watchdog last named (see _watch)
        self._holding: dict[str, tuple[str, float]] = {}
        self._named: dict[str, str] = {}
        # the alias table and vocabulary the rules read with in this process, made at the first
        # batch (~0.2 s) and kept for the run only: the next run reads its own alias table
        self._reader: tuple[AliasTable, Vocab] | None = None
        # two batches may be on the workers at once (the run submits the next before it waits
        # for the last), so a restart after a worker died happens once, under this lock, and
        # the one-article retries run one at a time under `_alone`
        self._restarting = threading.Lock()
        self._alone = threading.Lock()

    def start(self) -> None:
        """Start the worker processes now (once), so they load spaCy while the caller fetches,
        and the watchdog, which also watches this process's cleaning (`cleaning`)."""
        with self._restarting:
            self._start()

    def _start(self) -> None:
        if self._watchdog is None:
            self._watchdog = threading.Thread(target=self._watch, name="nlp-watchdog", daemon=True)
            self._watchdog.start()
        if self.workers <= 0 or self._pool is not None:
            return
        # spawn, not fork: the flow process runs threads (Prefect, HTTP) that fork would copy mid-flight
        context = multiprocessing.get_context("spawn")
        beats = context.Array("d", self.workers, lock=False)
        jobs = context.Array("q", self.workers, lock=False)
        pids = context.Array("i", self.workers)  # its lock: each worker claims a slot under it
        self._progress = (beats, jobs, pids)
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(self.model, self.aliases_path, beats, jobs, pids),
        )
        # Start every worker now, so each loads spaCy while the first batch is fetched and
        # cleaned; otherwise the first batch waits ~3.5 s for the model. The pool starts them
        # inside `submit`; during that call __main__ is a blank module, because spawn re-imports
        # the parent's main script in every child (the CLI: Prefect and every flow, ~1.5 s a
        # worker) and the workers need nothing from it.
        main = sys.modules["__main__"]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            with worker_environment():
                for _ in range(self.workers):
                    self._pool.submit(_ready)
        finally:
            sys.modules["__main__"] = main

    def enrich(self, articles: list[Article]) -> tuple[list[Enriched], list[Reject], str]:
        """Enrich a batch, in parallel slices when there are workers.

        When a worker dies during the batch, the workers are started again and the batch is
        retried article by article; an article that kills its worker again is rejected
        (MAX_KILLERS_PER_BATCH).
        """
        self.start()
        pool = self._current()
        try:
            return self._enrich(articles, pool)
        except BrokenProcessPool:
            log.warning(
                "an NLP worker died during a batch of %d articles: restarting the workers and "
                "retrying the batch one article at a time",
                len(articles),
            )
            self._restart(pool)
        return self._one_by_one(articles)

    def _watch(self) -> None:
        """Stop a worker that has gone stall_timeout seconds without progress on its job (see
        _reported): the pool breaks, the batch is retried one article at a time (`enrich`), and an
        article a worker stalls on alone is rejected. A worker loading the model has no job.

        What this process does cannot be stopped: the rules read here (`extraction_place`
        'flow') and the cleaning of a page (`cleaning`). A page that holds either longer is named
        in an error, so a stuck run says which page holds it, and marked as stalled among the
        pages in hand (`in_hand`), so the next run rejects it should this one be stopped; with
        `stop_stalled_run`, this process stops itself (`_stop_run`)."""
        every = min(5.0, self.stall_timeout / 4)
        while not self._closing.wait(every):
            self._name_held_pages()
            with self._restarting:
                pool, progress = self._pool, self._progress
            if pool is None or progress is None:
                continue
            beats, jobs, pids = progress
            alive = getattr(pool, "_processes", None) or {}
            now = time.monotonic()
            for slot in range(len(beats)):
                since = beats[slot]
                if not since or now - since <= self.stall_timeout or pids[slot] not in alive:
                    continue
                beats[slot] = 0.0
                self._stalled.add(jobs[slot])
                log.error(
                    "an NLP worker (pid %d) made no progress for %.0f s: stopping it",
                    pids[slot],
                    now - since,
                )
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pids[slot], signal.SIGKILL)

    def _name_held_pages(self) -> None:
        """Name (once), mark as stalled and, with stop_stalled_run, stop the run on each page
        this process has held longer than stall_timeout (see _watch)."""
        for what, (url, since) in self._holding.copy().items():
            took = time.monotonic() - since
            if took <= self.stall_timeout or self._named.get(what) == url:
                continue
            self._named[what] = url
            marked = self.in_hand is not None and self.in_hand.stalled(what, url)
            holds, or_else = _HOLDING[what]
            if self.stop_stalled_run and marked:  # not when the page was done meanwhile
                self._stop_run(f"{holds} {url} for {took:.0f} s in the flow's process")
            log.error(
                "%s %s for %.0f s in the flow's process, which cannot stop it: if the run does "
                "not go on, %s%s",
                holds,
                url,
                took,
                _STOP_IT[self.in_hand is not None],
                or_else,
            )

    def _stop_run(self, why: str) -> NoReturn:
        """End this process, the only way to stop a thread stuck in it: its child processes
        are killed first (the NLP workers would wait for it for good, and so would the
        ephemeral Prefect API of a run without PREFECT_API_URL), what is logged is flushed, and
        the process exits with STALLED_RUN_EXIT. The page is marked as stalled among the pages
        in hand, so the next run rejects it; what this run committed stays."""
        log.error(
            "%s: stopping the run (nlp.stop_stalled_run). Its process exits with status %d; the "
            "next run rejects the page as stalled and goes on",
            why,
            STALLED_RUN_EXIT,
        )
        for child in psutil.Process().children(recursive=True):
            with contextlib.suppress(psutil.Error):
                child.kill()
        for handler in logging.getLogger().handlers:
            with contextlib.suppress(Exception):
                handler.flush()
        os._exit(STALLED_RUN_EXIT)

    def _current(self) -> ProcessPoolExecutor | None:
        with self._restarting:
            return self._pool

    def _restart(self, broken: ProcessPoolExecutor | None) -> None:
        with self._restarting:
            if broken is not None and self._pool is broken:  # not restarted by the other batch
                broken.shutdown(wait=False, cancel_futures=True)
                self._pool = None
            self._start()

    def _one_by_one(self, articles: list[Article]) -> tuple[list[Enriched], list[Reject], str]:
        enriched: list[Enriched] = []
        rejects: list[Reject] = []
        killers = 0
        model = ""
        for article in articles:
            failure: Reject | None = None
            for _attempt in range(2):
                with self._alone:  # no other retry runs now: a death is this article's doing
                    pool = self._current()
                    job = next(self._job_ids)
                    try:
                        part_enriched, part_rejects, model = self._enrich([article], pool, job)
                    except BrokenProcessPool:
                        self._restart(pool)
                        if job not in self._stalled:
                            continue
                        # not tried again: it would stall a fresh worker as long again
                        failure = worker_stalled(article, self.stall_timeout)
                        break
                enriched.extend(part_enriched)
                rejects.extend(part_rejects)
                break
            else:
                failure = worker_died(article, "twice, alone on a fresh worker")
            if failure is not None:
                killers += 1
                check_killers(killers)
                log.error("NLP workers failed on %s: rejected (%s)", article.url, failure.reason)
                rejects.append(failure)
        return enriched, rejects, model

    def _enrich(
        self, articles: list[Article], pool: ProcessPoolExecutor | None, job: int | None = None
    ) -> tuple[list[Enriched], list[Reject], str]:
        """Enrich on the pool (in this process without one); one job of id `job` for a lone
        article, else a job per slice."""
        if pool is None:
            return enrich_batch(articles, self.model, self.aliases_path)
        if self.place == "flow":
            return self._parse_then_extract(articles, pool, job)
        if len(articles) < 2:
            return pool.submit(
                enrich_batch,
                articles,
                self.model,
                self.aliases_path,
                PIPE_BATCH,
                job or next(self._job_ids),
            ).result()
        size = -(-len(articles) // self.workers)
        slices = [articles[i : i + size] for i in range(0, len(articles), size)]
        enriched: list[Enriched] = []
        rejects: list[Reject] = []
        models: list[str] = []
        for part_enriched, part_rejects, part_model in pool.map(
            enrich_batch,
            slices,
            [self.model] * len(slices),
            [self.aliases_path] * len(slices),
            [PIPE_BATCH] * len(slices),
            [next(self._job_ids) for _ in slices],
        ):
            enriched.extend(part_enriched)
            rejects.extend(part_rejects)
            models.append(part_model)
        return enriched, rejects, models[0] if models else ""

    def _parse_then_extract(
        self, articles: list[Article], pool: ProcessPoolExecutor, job: int | None = None
    ) -> tuple[list[Enriched], list[Reject], str]:
        futures = [
            pool.submit(
                parse_batch,
                articles[i : i + PIPE_BATCH],
                self.model,
                self.aliases_path,
                PIPE_BATCH,
                job or next(self._job_ids),
            )
            for i in range(0, len(articles), PIPE_BATCH)
        ]
        if self._reader is None:  # made while the workers parse the first slice
            self._reader = (load_aliases(self.aliases_path), spacy.blank("en").vocab)
        aliases, vocab = self._reader
        enriched: list[Enriched] = []
        rejects: list[Reject] = []
        model = ""
        for future in futures:  # in order: each slice is read while the workers parse the next
            parsed, model = future.result()
            part_enriched, part_rejects = extract_parsed(parsed, aliases, vocab, self._note)
            enriched.extend(part_enriched)
            rejects.extend(part_rejects)
        if len(vocab.strings) > MAX_READER_STRINGS:  # no Doc of it is left: rows are plain data
            self._reader = (aliases, spacy.blank("en").vocab)
        return enriched, rejects, model

    def _note(self, article: Article | None) -> None:
        self._hold(
            "rules", article.url if article else None, article.source_name if article else ""
        )

    def cleaning(self, item: Item | None) -> None:
        """Tell the watchdog the page this process cleans now (None: no page), so one that
        holds it longer than stall_timeout is named in an error (see _watch)."""
        self._hold("cleaning", item.url if item else None, item.source if item else "")

    def _hold(self, what: str, url: str | None, source_name: str) -> None:
        if url is None:
            self._holding.pop(what, None)
        else:
            self._holding[what] = (url, time.monotonic())
        if self.in_hand is not None:
            self.in_hand.hold(what, url, source_name)

    def close(self) -> None:
        """Stop the worker processes (and the watchdog)."""
        self._closing.set()
        if self._pool is not None:
            # wait for the workers to exit (~0.6 s): not waiting let them hold their ~330 MB
            # while the run builds its report, the run's peak (1,441 MB on 10k articles)
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> EnrichPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
