# The two commands of the quick start: `make run` and `make test`.
# Both install everything into .venv first (nothing needs installing by hand).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test lint typecheck unit eval-gate ui bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Install, index the bundled corpus when the index is missing or stale, and serve the API.
run: install
	$(BIN)/policy-assistant index
	$(BIN)/policy-assistant serve

## Install and run everything that guards main: lint, types, tests, the evaluation gate.
test: install lint typecheck unit eval-gate

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

eval-gate: install
	$(BIN)/policy-assistant eval evals/testsets/policy_paper.yaml --config evals/gate.yaml --out evals/results/gate

## The evaluator's Streamlit page.
ui: install
	$(BIN)/streamlit run ui/app.py --browser.gatherUsageStats false

bench: install
	$(BIN)/python -m evals.benchmarks.indexing
	$(BIN)/python -m evals.benchmarks.service

clean:
	rm -rf $(VENV) .policy-assistant .pytest_cache .mypy_cache .ruff_cache evals/results
