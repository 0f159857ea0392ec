# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
ARGS ?=

.PHONY: run test install install-test assets browser postgres lint bench

# `kosovo-map serve`: Streamlit with the data loaded as the server starts (ARGS="--data FILE --port N").
run: install assets
	$(PYTHON) -m cli serve $(ARGS)

test: install-test assets browser postgres
	$(PYTHON) -m pytest

install:
	$(PYTHON) -m pip install --quiet -e .

install-test:
	$(PYTHON) -m pip install --quiet -e ".[test]"

# Leaflet and folium's plugins from the npm registry, so maps draw without a CDN.
# Published under static/vendor for Streamlit's static file serving (.streamlit/config.toml).
assets:
	npm ci --silent --no-audit --no-fund --prefix components/web
	$(PYTHON) -m components.assets

# Debian's Chromium for the browser tests (never `playwright install`).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "browser tests need Chromium: sudo apt-get install chromium"; fi; }

# Debian's PostgreSQL and PostGIS for the store's tests, which start a throwaway cluster of their own.
postgres:
	@ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql postgresql-postgis >/dev/null; \
	  else echo "store tests need PostgreSQL + PostGIS: sudo apt-get install postgresql postgresql-postgis"; fi; }

lint:
	ruff check . && ruff format --check .

bench:
	$(PYTHON) benchmarks/bench_gazetteer.py
