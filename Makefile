# Jeugdketen: two commands set everything up.
#   make run   — venv, pinned dependencies, migrations, demo municipality, serve on :8000 (SQLite)
#   make test  — the same plus test tools (and Debian's chromium when missing), whole test suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export XDG_CONFIG_HOME := $(CURDIR)/var/cache/xdg-config
export XDG_CACHE_HOME := $(CURDIR)/var/cache/xdg-cache

.PHONY: run test install install-test chromium lint messages bench clean

$(VENV)/.base: requirements/base.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/base.txt
	touch $@

$(VENV)/.test: $(VENV)/.base requirements/test.txt
	$(PY) -m pip install --quiet -r requirements/test.txt
	touch $@

install: $(VENV)/.base
install-test: $(VENV)/.test

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }
	@dpkg -s libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null; }

var:
	mkdir -p var/cache

run: install var
	JEUGDKETEN_DEMO=true $(PY) manage.py migrate --no-input -v0
	JEUGDKETEN_DEMO=true $(PY) manage.py load_demo
	@echo "Jeugdketen (demo) on http://$(HOST):$(PORT)/ — logins in README.md"
	JEUGDKETEN_DEMO=true $(PY) manage.py db_worker --no-reload & \
	  WORKER=$$!; trap "kill $$WORKER 2>/dev/null" EXIT INT TERM; \
	  JEUGDKETEN_DEMO=true $(PY) manage.py runserver --noreload $(HOST):$(PORT)

test: install-test chromium var
	$(PY) -m ruff check .
	$(PY) -m pytest

lint: install-test
	$(PY) -m ruff check . && $(PY) -m ruff format --check .

messages: install
	cd jeugdketen && ../$(PY) ../manage.py makemessages -l nl --no-obsolete

bench: install-test
	$(PY) -m pip install --quiet -r requirements/bench.txt
	@echo "See bench/README.md"

clean:
	rm -rf $(VENV) var staticfiles
