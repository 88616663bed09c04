# Every target sets up what it needs first, so each works on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve serve-instructor build build-instructor check test lint bench chromium clean

$(BIN)/.installed: requirements.txt requirements-dev.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip==26.3  # pinned: the newest pip may change resolution
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

serve: $(BIN)/.installed  ## serve the learner edition at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

serve-instructor: $(BIN)/.installed  ## serve the instructor edition at http://127.0.0.1:8001
	$(BIN)/mkdocs serve -f mkdocs.instructor.yml --dev-addr 127.0.0.1:8001

build: $(BIN)/.installed  ## build the learner edition into site/
	$(BIN)/mkdocs build --strict

build-instructor: $(BIN)/.installed  ## build the instructor edition into site-instructor/
	$(BIN)/mkdocs build --strict -f mkdocs.instructor.yml

check: $(BIN)/.installed  ## check the course content without building
	$(BIN)/python -m coursekit docs/

lint: $(BIN)/.installed
	$(BIN)/ruff check hooks tests scripts

chromium:  ## Debian's Chromium for the browser tests (Playwright cannot download one here)
	@command -v chromium >/dev/null 2>&1 || scripts/install-chromium

test: $(BIN)/.installed chromium lint check  ## every test: unit, builds, browser, links
	$(BIN)/python -m pytest

bench: $(BIN)/.installed  ## print build time, page weight and per-question cost
	$(BIN)/python scripts/benchmark.py

clean:
	rm -rf site site-instructor $(VENV)
