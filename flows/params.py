"""Flow parameters as pydantic models: the Prefect UI renders them as a form with descriptions."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field


class RunOptions(BaseModel):
    """What a manual run may change without editing the config file."""

    model_config = ConfigDict(extra="forbid")

    sources: list[str] = Field(
        default_factory=list,
        description="Names of the config's sources to run; empty runs them all.",
    )
    since: date | None = Field(
        default=None, description="Only items dated on or after this day (feed/sitemap/WARC dates)."
    )
    until: date | None = Field(default=None, description="Only items dated on or before this day.")
    dry_run: bool = Field(
        default=False,
        description="Discover and count only: nothing is fetched, nothing is written.",
    )


class BackfillOptions(RunOptions):
    """A backfill: a date window over the config's sources and/or CC-NEWS WARC files."""

    warc: list[str] = Field(
        default_factory=list,
        description="WARC files, globs or URLs (CC-NEWS layout) to scan; added as a `warc` source.",
    )
