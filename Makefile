# kznews: `make run` sets up and crawls the live sites, `make test` sets up and runs the test suite.
# Both create .venv here if missing, install the pinned requirements and Debian's chromium, and start a local
# MongoDB-compatible server (deploy/dev/localdb.py) when MONGO_URI is not set.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
REQS := requirements.txt requirements-dev.txt constraints.txt
STAMP := $(VENV)/.installed-$(shell cat $(REQS) 2>/dev/null | sha1sum | cut -c1-12)
# Start the local database only when no MONGO_URI is given.
WITH_DB = export MONGO_URI="$${MONGO_URI:-$$($(PY) deploy/dev/localdb.py start)}" &&

.PHONY: setup run test lint demo db-start db-uri db-stop docs bench bench-dates bench-syndication bench-incremental bench-generic bench-lists bench-archives bench-hostile bench-scale clean chaos soak

setup: $(STAMP) system-packages

$(STAMP): $(REQS) pyproject.toml
	@# a minimal Debian has python3 without ensurepip: `python3 -m venv` needs Debian's python3-venv first
	@python3 -c "import ensurepip, venv" 2>/dev/null || { \
		echo "installing Debian's python3-venv"; \
		(apt-get install -y -qq python3-venv >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq python3-venv)); }
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	@# the package itself, editable: the `kznews` command and `python -m kznews` work from any directory. Built with
	@# the venv's setuptools and the pinned wheel (requirements-dev.txt): nothing more is downloaded.
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-* && touch $@

# Debian packages the crawler and its tests use: Chromium for JavaScript-only pages; redis-server for the
# distributed profile's test; docker-compose to validate deploy/docker-compose.yml (no Docker engine needed).
.PHONY: system-packages
system-packages:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing Debian's chromium"; \
		(apt-get install -y -qq chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium)); }
	@command -v redis-server >/dev/null 2>&1 || { \
		echo "installing Debian's redis-server"; \
		(apt-get install -y -qq redis-server >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq redis-server)); }
	@command -v docker-compose >/dev/null 2>&1 || { \
		echo "installing Debian's docker-compose"; \
		(apt-get install -y -qq docker-compose >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq docker-compose)); }

run: setup
	$(WITH_DB) $(PY) -m kznews crawl

demo: setup
	$(WITH_DB) $(PY) -m kznews demo

test: setup
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check .

docs: setup
	$(PY) -m kznews sites > docs/sites.md
	$(PY) -m kznews settings > docs/settings.md
	$(PY) -m kznews schema --readme README.md
	$(PY) -m kznews schema --json docs/schema.json

# The local database `make run`/`make demo` start when MONGO_URI is unset (deploy/dev/localdb.py), for hand-run
# commands: `export MONGO_URI=$$(make -s db-start)` (prints only the URI; `make -s db-uri` when it already runs).
db-start: $(STAMP)
	@$(PY) deploy/dev/localdb.py start

db-uri:
	@$(PY) deploy/dev/localdb.py uri

db-stop:
	@$(PY) deploy/dev/localdb.py stop

# Crawl throughput against `scrapy bench`, extraction against trafilatura, dates against dateparser, memory over
# a 20,000-page run; prints a table and a JSON line (docs/benchmarks.md). Takes about 10 minutes.
bench: setup
	$(PY) tests/benchmarks/bench.py

# A long crawl under faults: 200,000 generated pages, 1% faulty, a database restart every 3 minutes, one distributed
# node (Redis); RSS every 10,000 pages, lost/duplicated, Redis and database sizes, a JSON line. Up to an hour; not
# part of `make test` (tests/test_soak.py runs its --smoke mode). SOAK_ARGS="--pages 20000" for a medium run.
soak: setup
	$(PY) tests/benchmarks/soak.py $(SOAK_ARGS)

bench-dates: setup
	$(PY) tests/benchmarks/bench_dates.py

bench-incremental: setup
	$(PY) tests/benchmarks/bench_incremental.py

bench-syndication: setup
	$(PY) tests/benchmarks/bench_syndication.py

# Article bodies of pages without known selectors: the generic extractor against trafilatura on the 88 real pages
# of tests/data/aeb-dev, every site's fixtures with its layouts removed, and bad input (docs/benchmarks.md).
bench-generic: setup
	$(PY) tests/benchmarks/bench_generic.py

# List pages without their layouts (kznews/extract/list_fallback.py) against what the layouts extract, on the real
# list pages of tests/fixtures/real/; BENCH_ARGS=--constructed adds every site's constructed list fixtures.
bench-lists: setup
	$(PY) tests/benchmarks/bench_lists.py $(BENCH_ARGS)

# The CC-NEWS reader: CPU per GB of WARC and the memory a piece costs (docs/archives.md)
bench-archives: setup
	$(PY) tests/benchmarks/bench_archives.py
# The hostile-input corpus (tests/data/hostile) through every parser: CPU time and peak memory per case and parser
# against 2 s and 300 MB; a table and a JSON last line with the worst figures. About 10 minutes.
bench-hostile: setup
	$(PY) tests/benchmarks/bench_hostile.py

# Cost as the database grows: CPU ms per stored article with 10,000 and 300,000 articles already stored, and the
# spider start-up with 300,000 known URLs (docs/benchmarks.md). Generating 300,000 articles takes about half an hour
# on the bundled test database.
bench-scale: setup
	$(PY) tests/benchmarks/bench_scale.py

# --- operations (docs/operations.md) ---------------------------------------------------------------------------
.PHONY: runs scrapyd-deploy schedule-once scrapyd-local
# the last runs of every site with their health (the `runs` collection of MONGO_URI)
runs: setup
	$(WITH_DB) $(PY) -m kznews runs
# build the egg and upload it to scrapy.cfg's deploy target (SCRAPYD_USERNAME/SCRAPYD_PASSWORD from the environment)
scrapyd-deploy: setup
	$(VENV)/bin/scrapyd-deploy
# a local, non-root scrapyd trial: scrapyd on 127.0.0.1 with a temporary home, the egg deployed, one replayed job
# (tests/fixtures/warc, absolute path), its outcome printed, scrapyd stopped (deploy/dev/scrapyd_local.py)
scrapyd-local: setup
	$(WITH_DB) $(PY) deploy/dev/scrapyd_local.py $(SCRAPYD_LOCAL_ARGS)
# enqueue every spider on scrapyd once (SCRAPYD_URL, default http://127.0.0.1:6800)
schedule-once:
	python3 deploy/scheduler.py --once

# The fault matrix (docs/reliability.md): prints a table and, last, a JSON summary. Starts its own database
# server unless MONGO_URI is set; offline (every fault comes from a server on 127.0.0.1).
chaos: setup
	$(PY) tests/tools/chaos.py

clean:
	rm -rf build *.egg-info .pytest_cache .ruff_cache
