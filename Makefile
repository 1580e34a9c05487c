# The README's commands. Each target creates .venv when it is missing and installs the project into it,
# pinned by constraints.txt, so a fresh clone needs nothing but Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test test-all lint bench goldens samples clean

$(INSTALLED): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade "pip<26" "setuptools<82" wheel
	$(BIN)/python -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(INSTALLED)

run: $(INSTALLED)
	$(BIN)/svodka ingest samples/inbox --out data

test: $(INSTALLED)
	$(BIN)/python -m pytest -q

test-all: $(INSTALLED)
	$(BIN)/python -m pytest -q -m "slow or not slow"

lint: $(INSTALLED)
	$(BIN)/ruff check .

goldens: $(INSTALLED)
	$(BIN)/python -m tests.goldens --write
	git diff --stat samples/expected

samples: $(INSTALLED)
	$(BIN)/python samples/make_samples.py

clean:
	rm -rf data build .pytest_cache
