# The two commands of the README: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WEB_PORT ?= 8000
export WEB_PORT

.PHONY: install system-packages browser run test lint check messages clean

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

install: system-packages $(VENV)/.installed
	DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

# Debian's Chromium for the browser tests (Playwright never downloads a browser here).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "NOTE: /usr/bin/chromium is missing and this is not root: browser tests will be SKIPPED (install Debian's chromium package to run them)."; fi; \
	fi

run: install
	DEBUG=1 $(BIN)/python manage.py migrate --no-input -v0
	DEBUG=1 $(BIN)/python manage.py demo_data
	@echo
	@echo "The WIJ-raad portal runs at http://127.0.0.1:$(WEB_PORT)/ (stop with Ctrl+C)."
	@echo "Mail (invitations, reminders) is written to var/mail/."
	DEBUG=1 $(BIN)/honcho start -f Procfile

test: install browser
	$(BIN)/pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check:
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

messages:
	DEBUG=1 $(BIN)/python manage.py makemessages -l nl --no-obsolete --ignore=var --ignore=node_modules

clean:
	rm -rf $(VENV) node_modules var
