"""What a run shows: progress (artifact and terminal bar), the run table, a markdown report,
and a check for sources that suddenly yield far less than in their recent runs."""

from __future__ import annotations

import json
import statistics
import sys
from collections import Counter
from pathlib import Path
from typing import Any
from uuid import UUID

from prefect.artifacts import (
    create_link_artifact,
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)
from prefect.context import FlowRunContext
from prefect.exceptions import PrefectException
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress

from tasks.records import RunSummary

HISTORY_RUNS = 7  # a source is compared with its median over this many previous runs
DROP_RATIO = 0.2  # flagged when it yields less than this share of that median...
MIN_MEDIAN = 5  # ...and the median is large enough for the drop to mean something


def _in_flow_run() -> bool:
    return FlowRunContext.get() is not None


class Progress:
    """Progress as batches finish: a Prefect progress artifact and, on a terminal, a bar."""

    def __init__(self, total_hint: int | None = None) -> None:
        self.artifact: UUID | None = None
        self.bar: RichProgress | None = None
        self.task_id: Any = None
        self.total_hint = total_hint
        if _in_flow_run():
            try:
                created = create_progress_artifact(
                    0.0, key="ingest-progress", description="Share of discovered items processed"
                )
                self.artifact = created if isinstance(created, UUID) else None
            except (PrefectException, OSError, RuntimeError):
                self.artifact = None
        if sys.stdout.isatty():
            self.bar = RichProgress(
                TextColumn("[bold]ingest"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[detail]}"),
                TimeElapsedColumn(),
                transient=True,
            )
            self.bar.start()
            self.task_id = self.bar.add_task("ingest", total=total_hint, detail="")

    def update(self, summary: RunSummary) -> None:
        """Report the run's counts so far."""
        totals = summary.totals
        done = totals.written + sum(totals.skipped.values()) + sum(totals.rejected.values())
        share = 100.0 * done / totals.discovered if totals.discovered else 0.0
        if self.artifact is not None:
            try:
                update_progress_artifact(self.artifact, min(share, 100.0))
            except (PrefectException, OSError, RuntimeError):
                self.artifact = None
        if self.bar is not None:
            self.bar.update(
                self.task_id,
                completed=done,
                total=max(totals.discovered, done),
                detail=f"{totals.written} written",
            )

    def close(self) -> None:
        """Stop the terminal bar."""
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def load_history(state_dir: Path) -> list[dict[str, Any]]:
    """Previous run summaries of a dataset (oldest first)."""
    path = state_dir / "runs.jsonl"
    if not path.is_file():
        return []
    runs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            runs.append(json.loads(line))
        except json.JSONDecodeError:
            continue  # a line torn by a killed run
    return runs


def append_history(state_dir: Path, summary: dict[str, Any]) -> None:
    """Add a finished run's summary to the dataset's run history."""
    state_dir.mkdir(parents=True, exist_ok=True)
    with (state_dir / "runs.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(summary) + "\n")


def yield_anomalies(summary: dict[str, Any], history: list[dict[str, Any]]) -> dict[str, str]:
    """Sources that yielded nothing or far fewer items than in their recent runs."""
    flagged: dict[str, str] = {}
    for name, counts in summary["sources"].items():
        past = [r["sources"][name]["discovered"] for r in history if name in r.get("sources", {})]
        past = past[-HISTORY_RUNS:]
        if len(past) < 2:
            continue
        median = statistics.median(past)
        now = counts["discovered"]
        if median >= MIN_MEDIAN and now < DROP_RATIO * median:
            flagged[name] = (
                f"discovered {now} items against a median of {median:g} over its last {len(past)} runs: "
                "probable layout change or outage"
            )
    return flagged


def highlights(
    speakers: Counter[str], actors: Counter[str], months: Counter[str], top: int = 10
) -> str:
    """Markdown: the run's top speakers and actors, and a histogram of the months its articles mention."""
    lines = []
    if speakers:
        lines += ["## Top quoted speakers", "", "| speaker | quotes |", "| --- | ---: |"]
        lines += [f"| {name} | {n} |" for name, n in speakers.most_common(top)]
        lines.append("")
    if actors:
        lines += ["## Top actors", "", "| actor | mentions |", "| --- | ---: |"]
        lines += [f"| {name} | {n} |" for name, n in actors.most_common(top)]
        lines.append("")
    if months:
        width = max(months.values())
        lines += ["## Months the articles talk about", "", "```"]
        lines += [
            f"{m}  {'#' * max(1, round(30 * n / width))} {n}"
            for m, n in sorted(months.items())[-24:]
        ]
        lines += ["```", ""]
    return "\n".join(lines)


def run_table(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per source: discovered, written, skipped and rejected by reason."""
    rows = []
    for name, c in summary["sources"].items():
        skipped = c["skipped"]
        rejected = c["rejected"]
        rows.append(
            {
                "source": name,
                "discovered": c["discovered"],
                "new": c["discovered"]
                - skipped.get("seen", 0)
                - skipped.get("duplicate_in_run", 0),
                "written": c["written"],
                "duplicate": skipped.get("duplicate_in_run", 0)
                + rejected.get("clean:duplicate_in_run", 0),
                "off_topic": rejected.get("clean:off_topic", 0),
                "skipped": ", ".join(f"{k} {v}" for k, v in sorted(skipped.items())) or "-",
                "rejected": ", ".join(f"{k} {v}" for k, v in sorted(rejected.items())) or "-",
                "status": c.get("failed") or ("ok" if c["balanced"] else "UNBALANCED"),
            }
        )
    return rows


def markdown_report(summary: dict[str, Any], flagged: dict[str, str], extra: str = "") -> str:
    """The run's markdown report: totals, rows per table, flagged sources, extra sections."""
    t = summary["totals"]
    lines = [
        f"# newscorpus run `{summary['run_id']}`",
        "",
        f"Output: `{summary['output']}`  ",
        f"Model: `{summary.get('model') or '-'}`",
        "",
        f"**{t['discovered']}** discovered, **{t['written']}** written, "
        f"**{sum(t['skipped'].values())}** skipped, **{sum(t['rejected'].values())}** rejected.",
        "",
        "| table | rows written |",
        "| --- | ---: |",
        *[f"| {k} | {v} |" for k, v in summary["rows"].items()],
        "",
    ]
    if flagged:
        lines += ["## Sources to check", ""]
        lines += [f"- **{name}**: {why}" for name, why in flagged.items()]
        lines.append("")
    if extra:
        lines += [extra, ""]
    return "\n".join(lines)


def publish(summary: dict[str, Any], flagged: dict[str, str], extra: str = "") -> None:
    """Create the run's table and markdown artifacts (no-op outside a flow run)."""
    if not _in_flow_run():
        return
    try:
        create_table_artifact(
            run_table(summary),
            key="ingest-sources",
            description="Per-source accounting of this run",
        )
        create_markdown_artifact(
            markdown_report(summary, flagged, extra), key="ingest-report", description="Run report"
        )
    except (PrefectException, OSError, RuntimeError):
        return


def publish_report(output: str, out_dir: Path, log: Any, changed: bool = True) -> str | None:
    """Rebuild the research report; in a flow run, link it and its headline numbers as artifacts.

    With `changed=False` (the run wrote no row) an existing report is current: it is linked, not
    rebuilt (its queries and charts, ~0.5 s on a 500-article corpus, saved on every idle run). The
    report is a by-product of the run: a failure is logged, never raised.
    """
    from tasks.report import build_report

    path = out_dir / "report.html"
    headline: dict[str, Any] | None = None
    if changed or not path.exists():
        try:
            report = build_report(output, out_dir)
        except Exception as err:  # a broken chart must not fail the nightly ingest
            log.warning("research report not written: %s", err)
            return None
        path, headline = report.path, report.headline
    if _in_flow_run():
        try:
            create_link_artifact(
                path.resolve().as_uri(),
                link_text="research report",
                key="research-report",
                description="Latest research report",
            )
            if headline is not None:
                create_table_artifact(
                    [{"metric": k, "value": str(v)} for k, v in headline.items()],
                    key="research-report-headline",
                    description="Corpus headline numbers",
                )
        except (PrefectException, OSError, RuntimeError):
            pass
    return str(path)
