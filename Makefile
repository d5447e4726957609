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
# The old Debian userland package-check runs the app in; outside the repo, so `make clean`
# and fresh clones keep it (delete the folder to rebuild it).
PACKAGE_CHECK_CACHE ?= $(HOME)/.cache/article-editor-package-check

.PHONY: package package-check dist

$(STAMP_PACKAGE): $(STAMP_APP)
	$(BIN)/python -m pip install --quiet -e '.[package]'
	touch $@

package: $(STAMP_PACKAGE)
	sh packaging/linux/deps.sh build
	$(BIN)/python packaging/build.py --clean

# The .tar.gz to hand out: dist/article-editor-VERSION-linux-x86_64.tar.gz.
dist: package
	$(BIN)/python packaging/dist.py

# Build from clean, then run the frozen app: --version, exports, install/uninstall, the GUI
# under Xvfb, and the refusal in an older Debian userland (debootstrap, cached).
package-check: $(STAMP_PACKAGE)
	sh packaging/linux/deps.sh check
	$(BIN)/python packaging/prove_linux.py --cache "$(PACKAGE_CHECK_CACHE)"

bench: $(STAMP_APP)
	$(BIN)/python benchmarks/run_all.py
