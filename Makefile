# The README's commands. Each target creates .venv when it is missing and installs the project into it,
# pinned by constraints.txt, so a fresh clone needs nothing but Python 3.11+ (and, as root on Debian, the
# system packages below get installed too). `make run` installs what the product needs; `make test` adds
# the developer's tools (pytest, pytest-xdist, hypothesis, ruff).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime
DEV := $(VENV)/.dev
PIP := $(BIN)/python -m pip install -q --disable-pip-version-check --progress-bar off

.PHONY: run test test-all lint bench bench-quick goldens samples forms forms-tools scans screenshot docs-pictures \
	system-runtime system-test clean

# One line per step, so the minute and a half of a first install is not silence.
$(RUNTIME): pyproject.toml constraints.txt
	@if [ ! -x $(BIN)/python ]; then echo "==> создаю окружение $(VENV) ($(PYTHON) -m venv)"; $(PYTHON) -m venv $(VENV); fi
	@echo "==> обновляю pip и setuptools"
	@$(PIP) --upgrade "pip<26" "setuptools<82" wheel
	@echo "==> устанавливаю Svodka и её зависимости по constraints.txt (первый раз около полутора минут)"
	@$(PIP) -c constraints.txt -e .
	@rm -f $(DEV)
	@touch $(RUNTIME)
	@echo "==> окружение готово: $(BIN)/svodka"

$(DEV): $(RUNTIME)
	@echo "==> устанавливаю инструменты разработчика (pytest, pytest-xdist, hypothesis, ruff)"
	@$(PIP) -c constraints.txt -e '.[dev]'
	@touch $(DEV)

# LibreOffice (.doc/.rtf/.odt/.xls/.ods), Tesseract (scans); Chromium for the report's tests.
system-runtime:
	@sh scripts/system-packages.sh office ocr

system-test:
	@sh scripts/system-packages.sh office ocr browser

run: system-runtime $(RUNTIME)
	@echo "==> svodka ingest samples/inbox --out data"
	@$(BIN)/svodka ingest samples/inbox --out data

# On every core (pytest-xdist), a test file per worker at a time, so a module's fixtures are built once;
# the longest files first (tests/conftest.py), which xdist would otherwise reorder by their number of tests.
TEST_ON_ALL_CORES := -n auto --dist loadfile --no-loadscope-reorder

test: system-test $(DEV)
	$(BIN)/python -m pytest -q $(TEST_ON_ALL_CORES)

test-all: system-test $(DEV)
	$(BIN)/python -m pytest -q $(TEST_ON_ALL_CORES) -m "slow or not slow"

# Not part of `make test`: a national corpus (100, 300 and 1,000 plans) through the real flow; writes
# data/bench.json. Needs LibreOffice for the corpus's PDFs (DOCX and TXT only without it).
bench: system-runtime $(RUNTIME)
	$(BIN)/python -m benchmarks.bench_night

bench-quick: system-runtime $(RUNTIME)
	$(BIN)/python -m benchmarks.bench_night --quick

lint: $(DEV)
	$(BIN)/ruff check .

goldens: $(DEV)
	$(BIN)/python -m tests.goldens --write
	git diff --stat samples/expected

# make_samples.py empties samples/inbox/, so make_forms.py and make_scans.py (which add plans to it) run after it.
samples: system-runtime $(RUNTIME)
	$(BIN)/python samples/make_samples.py
	$(MAKE) forms scans

# samples/forms/: needs LibreOffice, Chromium, qpdf and a second venv with reportlab and msoffcrypto-tool.
FORMS_TOOLS := build/forms-tools

$(FORMS_TOOLS)/bin/python:
	$(PYTHON) -m venv $(FORMS_TOOLS)
	$(FORMS_TOOLS)/bin/python -m pip install -q --disable-pip-version-check "reportlab==5.1.0" "msoffcrypto-tool==6.1.0"

forms-tools: $(FORMS_TOOLS)/bin/python

forms: $(RUNTIME) $(FORMS_TOOLS)/bin/python
	FORMS_TOOLS_PYTHON=$(FORMS_TOOLS)/bin/python $(BIN)/python samples/make_forms.py

# samples/scans/ and the scanned plan of the demo inbox: needs LibreOffice and the tesseract command.
scans: system-runtime $(RUNTIME)
	$(BIN)/python samples/make_scans.py

# The pictures in docs/: the report at a phone's and a desktop's width, a printed page of the workbook.
screenshot docs-pictures: system-test $(RUNTIME)
	$(BIN)/python docs/make_screenshot.py

clean:
	rm -rf data build .pytest_cache
