# One command to set up and run the archive, one to test it. See README.md.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: install setup run test lint messages clean

# Installs into .venv; re-runs only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

# Migrates the database and loads the seed referater; loading the same files again changes nothing.
setup: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py ingest fixtures/

# The web server plus a background worker (`manage.py ingest_worker`) that reads uploads.
run: setup
	PY=$(PY) HOST=$(HOST) sh scripts/run_dev.sh

test: install
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .

messages: install
	$(PY) manage.py makemessages -l en --ignore=.venv
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
