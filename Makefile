# The two commands of the README: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WEB_PORT ?= 8000
export WEB_PORT

.PHONY: install system-packages browser wrk bench run test lint check messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Python packages (exact pins), front-end packages from the npm registry, compiled catalogues.
$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt package.json package-lock.json
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

system-packages:
	@command -v msgfmt >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq gettext; \
	  else echo "gettext (msgfmt) is missing: install it, e.g. sudo apt-get install gettext"; exit 1; fi; }
	@# WeasyPrint (advice letters as PDF) needs Debian's Pango.
	@ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; \
	  else echo "Pango is missing for WeasyPrint: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0"; exit 1; fi; }

install: system-packages $(VENV)/.installed
	DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

# Debian's Chromium for the browser tests (Playwright never downloads a browser here).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "NOTE: /usr/bin/chromium is missing and this is not root: browser tests will be SKIPPED (install Debian's chromium package to run them)."; fi; \
	fi

# Debian's wrk, the load generator of the benchmark (docs/performance.md).
wrk:
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; \
	  else echo "wrk is missing: install Debian's wrk package, e.g. sudo apt-get install wrk"; exit 1; fi; }

# The benchmark: needs PostgreSQL and Redis on the machine (127.0.0.1:5432 user postgres, :6379);
# its own database wijraad_bench (dropped and made again) and Redis databases 14 and 15.
bench: install wrk
	$(BIN)/python -m bench.run $(BENCH_ARGS)

run: install
	DEBUG=1 $(BIN)/python manage.py migrate --no-input -v0
	DEBUG=1 $(BIN)/python manage.py demo_data
	@echo
	@echo "The WIJ-raad portal runs at http://127.0.0.1:$(WEB_PORT)/ (stop with Ctrl+C)."
	@echo "Mail (invitations, reminders) is written to var/mail/."
	DEBUG=1 $(BIN)/honcho start -f Procfile

# The suite runs in parallel, one pytest-xdist worker a core (at most 4; wijraad/test_settings.py
# gives each its own test database and Redis databases). TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); [ $$n -gt 4 ] && n=4; echo $$n)

test: install browser
	$(BIN)/pytest -n $(TEST_WORKERS)

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check:
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

messages:
	DEBUG=1 $(BIN)/python manage.py makemessages -l nl --no-obsolete --ignore=var --ignore=node_modules

clean:
	rm -rf $(VENV) node_modules var
