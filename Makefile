# Every target sets up what it needs first, so each works on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds (https://reproducible-builds.org/specs/source-date-epoch/): every date a
# build or a package writes (sitemap, gzip and zip times, the changelog) is the last commit's,
# or the newest mtime of the sources outside git, so two builds of one commit are byte-identical.
ifndef SOURCE_DATE_EPOCH
SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null || \
	find docs mkdocs.yml pyproject.toml -type f -printf '%T@\n' | sort -n | tail -1 | cut -d. -f1)
endif
export SOURCE_DATE_EPOCH

.PHONY: serve serve-instructor build build-instructor check test lint bench chromium nginx clean wheelhouse mutate dist \
	release

# Offline route for an intranet with no package index: `make wheelhouse` on a connected machine
# fills wheelhouse/ with every pinned wheel; copy the folder beside the checkout and every
# install below reads that folder alone.
WHEELHOUSE ?= wheelhouse
PIP_SOURCE := $(if $(wildcard $(WHEELHOUSE)/*.whl),--no-index --find-links $(WHEELHOUSE))
PIP_VERSION := 26.3
SETUPTOOLS_VERSION := 80.9.0

$(BIN)/.installed: requirements.txt requirements-dev.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet $(PIP_SOURCE) pip==$(PIP_VERSION)
	$(BIN)/python -m pip install --quiet $(PIP_SOURCE) -r requirements-dev.txt -c constraints.txt
	touch $@

wheelhouse:  ## download every pinned wheel (build and test) into wheelhouse/ for an offline install
	$(PYTHON) -m pip download --quiet --dest $(WHEELHOUSE) pip==$(PIP_VERSION) \
		setuptools==$(SETUPTOOLS_VERSION) -r requirements-dev.txt -c constraints.txt
	rm -f $(WHEELHOUSE)/nurturing-intimacy-course-*  # the project itself is installed from the checkout

serve: $(BIN)/.installed  ## serve the learner edition at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

serve-instructor: $(BIN)/.installed  ## serve the instructor edition at http://127.0.0.1:8001
	$(BIN)/mkdocs serve -f mkdocs.instructor.yml --dev-addr 127.0.0.1:8001

# MkDocs empties its site folder before it writes; a build that then fails would leave the last
# good site empty. So each build writes into a fresh folder beside it, swapped in only on success.
# $(1): extra mkdocs options, $(2): the site folder.
define build_and_swap
	tmp=$$(mktemp -d .$(2).building.XXXXXX) && trap 'rm -rf "$$tmp"' EXIT && \
	$(BIN)/mkdocs build --strict $(1) -d "$$tmp/site" && rm -rf $(2) && mv "$$tmp/site" $(2)
endef

build: $(BIN)/.installed  ## build the learner edition into site/ (kept as it was if the build fails)
	$(call build_and_swap,,site)

build-instructor: $(BIN)/.installed  ## build the instructor edition into site-instructor/ (likewise)
	$(call build_and_swap,-f mkdocs.instructor.yml,site-instructor)

# The LMS files (Moodle XML, GIFT, QTI 1.2, SCORM 1.2), named with the version in pyproject.toml.
# The SCORM package holds the learner edition, built here into a temporary folder.
# Player settings: make dist SCORM_ATTEMPTS=1 SCORM_FEEDBACK=never; make dist RELEASE=1 also refuses
# unset extra.host fields and placeholder text (see docs/instructors/hosting-lms.md).
SCORM_ATTEMPTS ?= 3
SCORM_FEEDBACK ?= final
DIST ?= dist
dist: $(BIN)/.installed  ## write the LMS files into dist/
	@site=$$(mktemp -d) && trap 'rm -rf "$$site"' EXIT && \
	$(BIN)/mkdocs build --strict --site-dir "$$site" && \
	$(BIN)/python -m coursekit.dist docs/ $(DIST)/ --site "$$site" \
		--attempts $(SCORM_ATTEMPTS) --feedback $(SCORM_FEEDBACK) $(if $(RELEASE),--release)

# A release, named with the version in pyproject.toml, into $(RELEASE_DIR)/<name>-<version>/: the
# learner, instructor and offline editions as zips, the LMS files, the changelog entry and
# SHA256SUMS (check with: cd release/<name>-<version> && sha256sum -c SHA256SUMS). Each edition
# is built once; the learner build also feeds the SCORM package and the offline zip.
RELEASE_DIR ?= release
release: $(BIN)/.installed  ## write a release (zips, LMS files, changelog, SHA256SUMS) into release/
	@work=$$(mktemp -d) && trap 'rm -rf "$$work"' EXIT && \
	$(BIN)/mkdocs build --strict --site-dir "$$work/learner" && \
	$(BIN)/mkdocs build --strict -f mkdocs.instructor.yml --site-dir "$$work/instructor" && \
	$(BIN)/python -m coursekit.dist docs/ "$$work/dist/" --site "$$work/learner" \
		--attempts $(SCORM_ATTEMPTS) --feedback $(SCORM_FEEDBACK) $(if $(RELEASE),--release) && \
	$(BIN)/python -m coursekit.release docs/ $(RELEASE_DIR) --learner "$$work/learner" \
		--instructor "$$work/instructor" --dist "$$work/dist"

check: $(BIN)/.installed  ## check the course content without building
	$(BIN)/python -m coursekit docs/

lint: $(BIN)/.installed
	$(BIN)/ruff check hooks tests scripts hosting

chromium:  ## Debian's Chromium for the browser tests (Playwright cannot download one here)
	@test -x /usr/bin/chromium || scripts/install-chromium

# The served-site test (tests/browser/test_served_nginx.py) runs /usr/sbin/nginx itself.
nginx:  ## Debian's nginx-light for the test that serves both editions with hosting/nginx
	@test -x /usr/sbin/nginx || scripts/install-nginx

test: $(BIN)/.installed chromium nginx lint check  ## every test: unit, builds, browser, links
	$(BIN)/python -m pytest

bench: $(BIN)/.installed  ## print build times (both editions; 50, 200, 800 synthetic pages), page weights, memory (quick: make bench SCALE=50,200; steadier: RUNS=3)
	$(BIN)/python scripts/benchmark.py $(if $(SCALE),--scale $(SCALE)) $(if $(RUNS),--synthetic-runs $(RUNS)) $(if $(LIGHTHOUSE),--lighthouse)

# Mutation testing of the course engine with the unit tests (slow; not part of CI). mutmut runs in a
# scratch copy with the engine at src/coursekit (see [tool.mutmut] in pyproject.toml); its results
# stay there between runs. One module: make mutate MUTANTS='coursekit.export.*'
MUTATE_DIR ?= $(or $(TMPDIR),/tmp)/coursekit-mutate
MUTATE_COPY := hooks tests docs mkdocs.yml mkdocs.instructor.yml overrides scripts pyproject.toml
mutate: $(BIN)/.installed  ## mutation testing of hooks/coursekit; prints every surviving mutant
	$(BIN)/python -m pip install --quiet -r requirements-mutate.txt -c constraints.txt
	mkdir -p $(MUTATE_DIR)/src
	cd $(MUTATE_DIR) && rm -rf src/coursekit $(MUTATE_COPY)
	cp -rp hooks/coursekit $(MUTATE_DIR)/src/coursekit
	cp -rp $(MUTATE_COPY) $(MUTATE_DIR)/
	cd $(MUTATE_DIR) && $(CURDIR)/$(BIN)/mutmut run --max-children $(or $(JOBS),2) $(MUTANTS)
	cd $(MUTATE_DIR) && $(CURDIR)/$(BIN)/mutmut results

clean:
	rm -rf site site-instructor $(VENV)
