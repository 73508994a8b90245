"""The `newscorpus` command line: run, demo, query, report, compact, verify, serve, config."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Prefect reads these when it starts its API; quiet and offline defaults unless the user set them.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_UI_ENABLED", "false")
# Prefect waits 20 s for the temporary API server of a run without PREFECT_API_URL; on a shared,
# slow machine it took longer (a test's run died with "Timed out while attempting to connect to
# ephemeral Prefect API server"), and a run should wait for its API rather than fail.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from flows.demo_server import SiteServer

console = Console(stderr=False)


def _print_summary(summary: dict[str, Any], tables: dict[str, str]) -> None:
    table = Table(title=f"run {summary['run_id']}", show_lines=False)
    for col in ("source", "discovered", "written", "skipped", "rejected", "status"):
        table.add_column(
            col, justify="left" if col in ("source", "skipped", "rejected", "status") else "right"
        )

    def fmt(counts: dict[str, int]) -> str:
        return ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "-"

    for name, c in {**summary["sources"], "TOTAL": summary["totals"]}.items():
        status = (
            "FAILED: " + c["failed"]
            if c.get("failed")
            else ("ok" if c["balanced"] else "UNBALANCED")
        )
        table.add_row(
            name,
            str(c["discovered"]),
            str(c["written"]),
            fmt(c["skipped"]),
            fmt(c["rejected"]),
            status,
        )
    console.print(table)
    rows = ", ".join(f"{t} {n}" for t, n in summary["rows"].items() if n) or "none"
    console.print(f"rows written: {rows}")
    console.print("datasets:")
    for name, where in tables.items():
        console.print(f"  {name:9} {where}")


def _tables(output: str) -> dict[str, str]:
    from tasks.storage import TABLES, Dataset

    dataset = Dataset(output)
    return {t: dataset.uri(t) for t in TABLES}


def cmd_run(args: argparse.Namespace) -> int:
    from config.schema import ConfigError, load_config
    from flows.ingest import ingest
    from tasks.storage import StorageError

    try:
        settings = load_config(args.config)
    except ConfigError as err:
        console.print(f"[red]config error:[/red] {err}")
        return 2
    try:
        summary = ingest(args.config)
    except (ConfigError, StorageError) as err:
        console.print(f"[red]error:[/red] {err}")
        return 2
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        _print_summary(summary, _tables(settings.output))
    return 0


def demo_config(base_url: str, output: str) -> dict[str, Any]:
    """The demo run's configuration: the demo site's sitemap and feed, loopback allowed."""
    return {
        "output": output,
        "sources": [
            {"kind": "sitemap", "name": "demo-sitemap", "url": f"{base_url}/sitemap.xml"},
            {"kind": "feed", "name": "demo-feed", "url": f"{base_url}/feed.xml"},
        ],
        "fetch": {"allow_private_addresses": True, "min_delay": 0.0, "retries": 1},
        "nlp": {"aliases": "aliases/nk_talks.yaml"},
    }


# The demo site's port when it is free. The port is part of the demo articles' URLs, and so of
# their ids: a demo run on another port than the last one into the same output wrote each story
# again, under a new URL (24 articles after a second `make demo`, not 12).
DEMO_PORT = 8765


def _demo_site(config_path: Path) -> SiteServer:
    """The demo site's server, on the port of the last demo run into the config's output when
    there was one and it is free, else on DEMO_PORT, else on any free port."""
    from urllib.parse import urlsplit

    import yaml

    from flows.demo_server import SiteServer

    last = None
    if config_path.exists():
        with contextlib.suppress(Exception):  # an unreadable old config: no port to keep
            old = yaml.safe_load(config_path.read_text(encoding="utf-8"))
            last = urlsplit(old["sources"][0]["url"]).port
    for port in [p for p in (last, DEMO_PORT) if p] + [0]:
        try:
            site = SiteServer(port=port)
        except OSError:  # taken
            continue
        if last and port != last:
            console.print(
                f"port {last} of the last demo run is taken: its stories are written again "
                f"under new URLs (remove {config_path.parent} first for a fresh demo corpus)"
            )
        return site
    raise AssertionError("port 0 is always free")


def cmd_demo(args: argparse.Namespace) -> int:
    import yaml

    from config.schema import CONFIG_DIR, preset_path
    from flows.ingest import ingest

    output = str(Path(args.output).resolve())
    Path(output).mkdir(parents=True, exist_ok=True)
    config_path = Path(output) / "demo-config.yaml"
    with _demo_site(config_path) as site:
        console.print(f"demo news site serving at {site.base_url} (loopback only)")
        cfg = demo_config(site.base_url, output)
        cfg["nlp"]["aliases"] = str(CONFIG_DIR / "aliases" / "nk_talks.yaml")
        preset = preset_path("nk_talks")
        assert preset is not None
        cfg["topic"] = yaml.safe_load(preset.read_text(encoding="utf-8"))["topic"]
        config_path.write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")
        summary = ingest(str(config_path))
    _print_summary(summary, _tables(output))
    console.print(
        '\nread them with e.g. [bold]python -c "import pandas as pd; '
        f"print(pd.read_parquet('{output}/quotes')[['speaker','text']])\"[/bold]"
    )
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    from config.schema import load_config
    from tasks.storage import TABLES, Dataset

    output = args.output or load_config(args.config).output
    dataset = Dataset(output)
    con = duckdb.connect()
    for table in TABLES:
        path = dataset.uri(table)
        if dataset.fs.get_file_info(dataset.table_dir(table)).type.name == "Directory":
            con.execute(
                f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{path}/**/*.parquet', "
                "hive_partitioning=true, union_by_name=true)"
            )
    result = con.sql(args.sql)
    if result is None:
        return 0
    console.print(result.df().to_string(max_colwidth=80, max_rows=args.limit))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from config.schema import ConfigError, load_config
    from tasks.report import build_report

    try:
        settings = load_config(args.config)
    except ConfigError as err:
        console.print(f"[red]config error:[/red] {err}")
        return 2
    result = build_report(
        settings.output, Path(args.output), since=args.since, until=args.until, title=args.title
    )
    for key, value in result.headline.items():
        console.print(f"  {key.replace('_', ' '):18} {value}")
    console.print(f"report: {result.path}")
    return 0


def cmd_compact(args: argparse.Namespace) -> int:
    from config.schema import load_config
    from tasks.storage import Dataset

    settings = load_config(args.config)
    with contextlib.closing(Dataset(settings.output, settings.storage)) as dataset:
        dataset.prepare()
        with dataset.lock():
            merged = dataset.compact()
    console.print(f"compacted {settings.output}: {merged} small file(s) merged")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from config.schema import load_config
    from tasks.storage import Dataset

    settings = load_config(args.config)
    with contextlib.closing(Dataset(settings.output, settings.storage)) as dataset:
        problems = dataset.verify()
        for problem in problems:
            console.print(f"[red]{problem}[/red]")
        if not problems:
            console.print(
                f"ok: {settings.output}: {dataset.article_count()} article(s), each stored "
                "once, every row in the file the index gives its article"
            )
    return 1 if problems else 0


def cmd_config(args: argparse.Namespace) -> int:
    from config.schema import ConfigError, Settings, load_config

    if args.schema:
        print(json.dumps(Settings.model_json_schema(), indent=2))
        return 0
    try:
        settings = load_config(args.check)
    except ConfigError as err:
        console.print(f"[red]config error:[/red] {err}")
        return 2
    console.print(f"ok: {len(settings.sources)} source(s), output {settings.output}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from flows.serve import serve

    serve(timezone=args.timezone, port=args.port)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the newscorpus command."""
    parser = argparse.ArgumentParser(prog="newscorpus", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run one ingest (a Prefect flow run) for a config")
    run.add_argument("--config", required=True, help="YAML config file or preset name")
    run.add_argument("--json", action="store_true", help="print the run summary as JSON")
    run.set_defaults(func=cmd_run)
    demo = sub.add_parser("demo", help="serve the bundled demo site on loopback and ingest it")
    demo.add_argument("--output", default="data/demo", help="dataset root (default data/demo)")
    demo.set_defaults(func=cmd_demo)
    query = sub.add_parser(
        "query", help="run DuckDB SQL over the datasets (views: articles, quotes...)"
    )
    query.add_argument("sql")
    where = query.add_mutually_exclusive_group(required=True)
    where.add_argument("--config", help="config whose output to query")
    where.add_argument("--output", help="dataset root to query")
    query.add_argument("--limit", type=int, default=50, help="rows to print")
    query.set_defaults(func=cmd_query)
    report = sub.add_parser(
        "report", help="write a self-contained HTML research report of the datasets"
    )
    report.add_argument("--config", required=True, help="config whose output to report on")
    report.add_argument("--output", required=True, help="folder for report.html and its charts")
    report.add_argument("--since", type=date.fromisoformat, help="first publication date")
    report.add_argument("--until", type=date.fromisoformat, help="last publication date")
    report.add_argument("--title", help="report title")
    report.set_defaults(func=cmd_report)
    compact = sub.add_parser(
        "compact", help="merge small Parquet files of each partition, atomically"
    )
    compact.add_argument("--config", required=True, help="config whose output to compact")
    compact.set_defaults(func=cmd_compact)
    verify = sub.add_parser(
        "verify",
        help="check the datasets' invariants (no duplicate, every row where the index says); "
        "exit 1 on a problem",
    )
    verify.add_argument("--config", required=True, help="config whose output to check")
    verify.set_defaults(func=cmd_verify)
    serve = sub.add_parser(
        "serve",
        help="serve the deployments (nightly schedule, UI runs); starts a local server if needed",
    )
    serve.add_argument("--timezone", help="time zone of the nightly cron (default UTC)")
    serve.add_argument("--port", type=int, default=4200, help="port of the local Prefect server")
    serve.set_defaults(func=cmd_serve)
    config = sub.add_parser("config", help="check a config file or print the JSON schema")
    group = config.add_mutually_exclusive_group(required=True)
    group.add_argument("--check", metavar="FILE")
    group.add_argument("--schema", action="store_true")
    config.set_defaults(func=cmd_config)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `newscorpus` console script."""
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
