"""Deployments: prefect.yaml entrypoints resolve; a real Prefect server schedules and runs them."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
import yaml

from flows.serve import PREFECT_YAML, build_deployments, deployment_specs, flow_of

ROOT = Path(__file__).resolve().parents[1]


def test_every_entrypoint_resolves_to_a_flow() -> None:
    from prefect import Flow

    specs = deployment_specs()
    assert {s["name"] for s in specs} >= {"nightly", "backfill"}
    for spec in specs:
        flow = flow_of(spec["entrypoint"])
        assert isinstance(flow, Flow), spec["entrypoint"]
        assert (ROOT / spec["entrypoint"].split(":")[0]).is_file()


def test_nightly_is_a_cron_with_an_enqueue_limit() -> None:
    nightly = next(s for s in deployment_specs() if s["name"] == "nightly")
    assert nightly["schedules"][0]["cron"] == "0 2 * * *"
    assert nightly["concurrency_limit"] == {"limit": 1, "collision_strategy": "ENQUEUE"}
    assert next(iter(nightly["parameters"])) == "config"
    built = {d.name: d for d in build_deployments(timezone="Asia/Seoul")}
    assert built["nightly"].schedules[0].schedule.timezone == "Asia/Seoul"
    assert not built["backfill"].schedules


def test_prefect_yaml_is_valid_yaml() -> None:
    data = yaml.safe_load(PREFECT_YAML.read_text())
    assert data["name"] == "newscorpus"


@pytest.mark.slow
def test_real_server_schedules_and_runs_a_ui_triggered_run(tmp_path: Path, demo_site) -> None:
    """What the UI's Run button does: create a flow run of the nightly deployment with custom parameters."""
    import asyncio

    from prefect.client.orchestration import get_client

    from flows.cli import demo_config
    from flows.serve import local_server

    home = tmp_path / "prefect-home"
    config = tmp_path / "demo.yaml"
    cfg = demo_config(demo_site.base_url, str(tmp_path / "data"))
    cfg["nlp"] = {"aliases": "nk_talks.yaml", "workers": 0}
    config.write_text(yaml.safe_dump(cfg))
    with local_server(port=0, home=home) as api_url:
        env = {
            **os.environ,
            "PREFECT_API_URL": api_url,
            "PREFECT_HOME": str(home),
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "NEWSCORPUS_HOME": str(ROOT),
        }
        serve = subprocess.Popen(
            [sys.executable, "-m", "flows.cli", "serve", "--timezone", "Asia/Seoul"],
            cwd=ROOT,
            env=env,
            stdout=(tmp_path / "serve.log").open("wb"),
            stderr=subprocess.STDOUT,
        )
        try:

            async def scenario() -> dict:
                async with get_client() as client:
                    deadline = time.monotonic() + 120
                    while True:
                        try:
                            nightly = await client.read_deployment_by_name("ingest/nightly")
                            break
                        except Exception:
                            if time.monotonic() > deadline:
                                raise
                            await asyncio.sleep(1)
                    cron = nightly.schedules[0].schedule
                    assert cron.cron == "0 2 * * *" and cron.timezone == "Asia/Seoul"
                    run = await client.create_flow_run_from_deployment(
                        nightly.id,
                        parameters={
                            "config": str(config),
                            "options": {"sources": ["demo-sitemap"]},
                        },
                    )
                    while True:
                        run = await client.read_flow_run(run.id)
                        if run.state and run.state.is_final():
                            break
                        if time.monotonic() > deadline + 240:
                            raise TimeoutError(f"flow run still {run.state}")
                        await asyncio.sleep(1)
                    artifacts = await client.read_artifacts()
                    return {
                        "state": run.state.type.value,
                        "artifacts": {a.key for a in artifacts if a.flow_run_id == run.id},
                    }

            from prefect.settings import PREFECT_API_URL, temporary_settings

            with temporary_settings(updates={PREFECT_API_URL: api_url}):
                result = asyncio.run(scenario())
        finally:
            serve.terminate()
            try:
                serve.wait(timeout=30)
            except subprocess.TimeoutExpired:
                serve.kill()
    assert result["state"] == "COMPLETED"
    assert {"ingest-sources", "ingest-report", "ingest-progress"} <= result["artifacts"]
    articles = pd.read_parquet(tmp_path / "data" / "articles")
    assert len(articles) >= 10 and articles.article_id.is_unique
