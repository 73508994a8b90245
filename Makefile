# newscorpus — every target sets up .venv itself, so a fresh machine needs only Python 3.11.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_LOGGING_LEVEL ?= WARNING
export PYTHONDONTWRITEBYTECODE := 1
# pytest processes (pytest-xdist): the suite took 11.9 min in one and 7.1-7.3 min in two on the
# 2-core CI machine (2026-12-04). It has grown since, and much of it waits on real servers,
# subprocesses and watchdogs rather than computing: on 2026-12-06, on 2 cores of a slow hour,
# 828 s in two processes (1.25 cores busy) and 705 s in four. `make test TEST_WORKERS=0` runs
# it in this process
TEST_WORKERS ?= 4

.DEFAULT_GOAL := help
.PHONY: help venv demo test test-fast lint format typecheck golden bench lock audit clean

help: ## list the targets and what they do
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[dev]"
	@touch $(STAMP)

venv: $(STAMP) ## create .venv and install newscorpus with its pinned dependencies

demo: $(STAMP) ## ingest the bundled demo news site (loopback HTTP), print the datasets and write the report
	$(BIN)/newscorpus demo --output data/demo
	$(BIN)/newscorpus report --config data/demo/demo-config.yaml --output data/demo/report

test: $(STAMP) ## run the whole test suite (lint, types, pytest)
	$(BIN)/ruff check tasks flows config tests bench
	$(BIN)/ruff format --check tasks flows config tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS)

test-fast: $(STAMP) ## run the tests not marked slow
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) -m "not slow"

lint: $(STAMP) ## ruff lint and format check
	$(BIN)/ruff check tasks flows config tests bench
	$(BIN)/ruff format --check tasks flows config tests bench

format: $(STAMP) ## apply ruff formatting and safe fixes
	$(BIN)/ruff check --fix tasks flows config tests bench
	$(BIN)/ruff format tasks flows config tests bench

typecheck: $(STAMP) ## mypy on tasks/ and flows/
	$(BIN)/mypy

golden: $(STAMP) ## rebuild the cleaning stage's golden pages and their expected output (review the diff)
	$(BIN)/python -m tests.golden.make_clean_pages --regenerate

bench: $(STAMP) ## run the benchmarks and evaluation harnesses; figures go to bench/results/
	$(BIN)/python -m bench.run_all

audit: ## audit constraints.txt for known vulnerabilities with pip-audit (needs pypi.org; run at release)
	rm -rf /tmp/newscorpus-audit && $(PYTHON) -m venv /tmp/newscorpus-audit
	/tmp/newscorpus-audit/bin/python -m pip install -q pip-audit
	/tmp/newscorpus-audit/bin/pip-audit --strict --no-deps --disable-pip -r constraints.txt

lock: ## regenerate constraints.txt from a fresh resolve of pyproject.toml
	rm -rf /tmp/newscorpus-lock && $(PYTHON) -m venv /tmp/newscorpus-lock
	/tmp/newscorpus-lock/bin/python -m pip install -q --upgrade "pip>=24"
	/tmp/newscorpus-lock/bin/python -m pip install -q ".[dev]"
	/tmp/newscorpus-lock/bin/python -m pip freeze --exclude-editable | grep -v '^newscorpus' > constraints.txt

clean: ## remove .venv, demo data and caches
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
