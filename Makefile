# Quick start: `make run` serves the dashboard on the demo data; `make test` runs lint and every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DB ?= data/innovation.duckdb
PORT ?= 8501

.PHONY: run test lint format bench bench-pages demo clean system-deps

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
	DASHBOARD_DB=$(DB) $(PY) -m streamlit run app.py --server.port $(PORT) --server.address localhost \
		--browser.gatherUsageStats false

# Browser tests drive Debian's chromium and exported images need a CJK font: install both when missing (root only).
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "cjk\|wenquanyi"; then \
		if [ "$$(id -u)" = "0" ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
		else \
			echo "chromium or a CJK font is missing: run 'sudo apt-get install chromium fonts-noto-cjk'"; \
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

bench: $(VENV)/.installed-dev
	$(PY) bench/import_bench.py

# Page timings at 10k, 100k and 1M projects; the synthetic stores are built once into $(BENCH_STORES) and reused.
BENCH_STORES ?= bench/stores
bench-pages: $(VENV)/.installed-dev
	nice -n 10 $(PY) bench/pages_bench.py --stores $(BENCH_STORES)

demo: $(VENV)/.installed
	$(PY) -m analytics.demo --out data/demo.xlsx

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
