# Everything a fresh machine needs, from nothing but Python.
#   make run   - set up and start Heartwork: the web app at http://127.0.0.1:8000 (`heartwork start`; Ctrl+C stops it)
#   make test  - set up and run lint, type checks and the whole test suite (what CI runs)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint typecheck pytest system-deps postgres bench eval train clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/heartwork start

# Debian packages the tests need: a real PostgreSQL server and chromium for browser tests.
system-deps:
	@if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  if ! command -v chromium >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v tmux >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql chromium tmux >/dev/null; \
	  fi; \
	else echo "note: not root or no apt-get; PostgreSQL/browser tests will be skipped if their programs are missing"; fi

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) system-deps
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/heartwork bench

eval: $(STAMP)
	$(BIN)/heartwork eval data/heldout.jsonl

train: $(STAMP)
	$(BIN)/heartwork train

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
