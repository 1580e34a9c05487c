# The README's commands. Each target creates .venv when it is missing and installs the project into it,
# pinned by constraints.txt, so a fresh clone needs nothing but Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

CHROMIUM := /usr/bin/chromium

.PHONY: run test test-all lint bench bench-quick goldens samples forms forms-tools screenshot clean

$(INSTALLED): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade "pip<26" "setuptools<82" wheel
	$(BIN)/python -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(INSTALLED)

# The report's test opens it in a real headless browser: Debian's Chromium, installed here when missing.
$(CHROMIUM):
	@if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	else echo "Chromium is not installed and cannot be installed here: the browser test will be skipped"; fi

run: $(INSTALLED)
	$(BIN)/svodka ingest samples/inbox --out data

test: $(INSTALLED) $(CHROMIUM)
	$(BIN)/python -m pytest -q

test-all: $(INSTALLED) $(CHROMIUM)
	$(BIN)/python -m pytest -q -m "slow or not slow"

# Not part of `make test`: a national corpus (100, 300 and 1,000 plans) through the real flow; writes
# data/bench.json. Needs LibreOffice for the corpus's PDFs (DOCX and TXT only without it).
bench: $(INSTALLED)
	$(BIN)/python -m benchmarks.bench_night

bench-quick: $(INSTALLED)
	$(BIN)/python -m benchmarks.bench_night --quick

lint: $(INSTALLED)
	$(BIN)/ruff check .

goldens: $(INSTALLED)
	$(BIN)/python -m tests.goldens --write
	git diff --stat samples/expected

# make_samples.py empties samples/inbox/, so make_forms.py (which adds three plans to it) runs after it.
samples: $(INSTALLED)
	$(BIN)/python samples/make_samples.py
	$(MAKE) forms

# samples/forms/: needs LibreOffice, Chromium, qpdf and a second venv with reportlab and msoffcrypto-tool.
FORMS_TOOLS := build/forms-tools

$(FORMS_TOOLS)/bin/python:
	$(PYTHON) -m venv $(FORMS_TOOLS)
	$(FORMS_TOOLS)/bin/python -m pip install -q --disable-pip-version-check "reportlab==5.1.0" "msoffcrypto-tool==6.1.0"

forms-tools: $(FORMS_TOOLS)/bin/python

forms: $(INSTALLED) $(FORMS_TOOLS)/bin/python
	FORMS_TOOLS_PYTHON=$(FORMS_TOOLS)/bin/python $(BIN)/python samples/make_forms.py

screenshot: $(INSTALLED) $(CHROMIUM)
	$(BIN)/python docs/make_screenshot.py

clean:
	rm -rf data build .pytest_cache
