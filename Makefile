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

# Freezing the app with PyInstaller (docs/packaging.md). Not part of `make test`: slow.
STAMP_PACKAGE := $(VENV)/.stamp-package
PROVE_TOOLS := Xvfb xdotool import appstreamcli desktop-file-validate update-mime-database

.PHONY: package package-check

$(STAMP_PACKAGE): $(STAMP_APP)
	$(BIN)/python -m pip install --quiet -e '.[package]'
	touch $@

package: $(STAMP_PACKAGE)
	$(BIN)/python packaging/build.py --clean

# Build from clean, then run the frozen app: --version, exports, the GUI under Xvfb.
package-check: $(STAMP_PACKAGE)
	@for tool in $(PROVE_TOOLS); do command -v $$tool >/dev/null || missing=1; done; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ]; then \
		apt-get update -q >/dev/null && apt-get install -y -q xvfb xdotool imagemagick appstream desktop-file-utils \
			shared-mime-info >/dev/null; fi
	$(BIN)/python packaging/prove_linux.py

bench: $(STAMP_APP)
	$(BIN)/python benchmarks/run_all.py
