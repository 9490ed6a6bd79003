# Quick start: `make run` serves the dashboard on the demo data; `make test` runs lint and every test;
# `make serve WORKERS=3` serves it from N processes behind nginx (one store, see docs/stores.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DB ?= data/innovation.duckdb
PORT ?= 8501
WORKERS ?= 3
# 127.0.0.1 keeps the server on this machine (the person at it is admin until an account exists); to serve an
# intranet, add an admin (python -m analytics user add NAME --role admin) and run `make run ADDRESS=0.0.0.0`.
ADDRESS ?= 127.0.0.1

.PHONY: run serve test lint format bench bench-pages bench-first-visit load-bench demo clean system-deps fuzz

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# The database is created and filled with the embedded demo data through the real import path on first start.
$(DB): | $(VENV)/.installed
	$(PY) -m analytics import data/demo.xlsx --db $(DB)

run: $(VENV)/.installed $(DB)
	DASHBOARD_DB=$(DB) $(PY) -m streamlit run asgi.py --server.port $(PORT) --server.address $(ADDRESS) \
		--browser.gatherUsageStats false

# N dashboard processes on ports PORT+1… behind nginx on PORT (127.0.0.1 only); Ctrl-C stops them all.
serve: $(VENV)/.installed $(DB) system-deps
	$(PY) deploy/serve.py --workers $(WORKERS) --port $(PORT) --db $(DB)

# Browser tests drive Debian's chromium, exported images need a CJK font, `make serve` and its test need nginx:
# install them when missing (root only).
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "cjk\|wenquanyi" \
		|| ! { command -v nginx || test -x /usr/sbin/nginx; } >/dev/null 2>&1; then \
		if [ "$$(id -u)" = "0" ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk \
				nginx-light >/dev/null; \
		else \
			echo "chromium, a CJK font or nginx is missing: run 'sudo apt-get install chromium fonts-noto-cjk nginx-light'"; \
		fi; \
	fi

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: $(VENV)/.installed-dev system-deps lint
	$(VENV)/bin/pytest

# About 5,000 generated ledgers (`make test` runs about 150): prints how many ran, the shapes covered, the time.
FUZZ_EXAMPLES ?= 1800
fuzz: $(VENV)/.installed-dev
	HYPOTHESIS_PROFILE=fuzz FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) FUZZ_REPORT=fuzz-report.json \
		$(VENV)/bin/pytest -q -p no:cacheprovider tests/test_ledger_properties.py

bench: $(VENV)/.installed-dev
	$(PY) bench/import_bench.py

# K concurrent websocket sessions against 1 process and against WORKERS behind nginx (README: load figures).
load-bench: $(VENV)/.installed-dev system-deps
	nice $(PY) bench/load_bench.py --sessions 10 30 50 --workers 1 $(WORKERS)

# Page timings at 10k, 100k and 1M projects; the synthetic stores are built once into $(BENCH_STORES) and reused.
bench-first-visit: $(VENV)/.installed-dev system-deps
	$(PY) bench/first_visit.py --rounds 3

BENCH_STORES ?= bench/stores
bench-pages: $(VENV)/.installed-dev
	nice -n 10 $(PY) bench/pages_bench.py --stores $(BENCH_STORES)

demo: $(VENV)/.installed
	$(PY) -m analytics.demo --out data/demo.xlsx

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .run
