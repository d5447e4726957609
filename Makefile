# The README's two commands, and developer chores.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_APP := $(VENV)/.stamp-app
STAMP_TEST := $(VENV)/.stamp-test

.PHONY: run test lint bench screenshots translations clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_APP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): $(STAMP_APP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(STAMP_APP)
	$(BIN)/article-editor

test: $(STAMP_TEST)
	$(BIN)/python -m pytest -q

lint: $(STAMP_TEST)
	$(BIN)/ruff check editor tests benchmarks packaging
	$(BIN)/ruff format --check editor tests benchmarks packaging

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
