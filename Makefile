# Solace: `make run` sets up a virtual environment and starts the app;
# `make test` sets it up and runs the tests.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench screenshots self-check dist clean a11y-bus dates

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	@$(PY) -m journal.system_libraries
	$(PY) main.py

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n auto

# mypy checks the screenshot scripts too: outside the suite, a renamed import had
# broken `make screenshots` unseen (session 39).
lint: $(STAMP)
	$(VENV)/bin/ruff check journal tests docs main.py
	$(VENV)/bin/mypy journal docs/*.py

# Every benchmark, those that time themselves too (safekeeping's, the nearest zone's):
# --benchmark-only skipped them as "non-benchmark" tests.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -o addopts="" -p no:cacheprovider -s \
		tests/benchmarks --benchmark-columns=min,median,mean,max,rounds

screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) docs/screenshots.py

# The real accessibility bus: at-spi2-core under a private D-Bus session and Xvfb, read
# with pyatspi from the system Python (apt: at-spi2-core dbus python3-pyatspi xvfb).
a11y-bus: $(STAMP)
	SOLACE_PYTHON=$(abspath $(PY)) xvfb-run -a -s "-screen 0 1366x768x24" \
		dbus-run-session -- /usr/bin/python3 tests/ui/accessibility/bus/walk.py

# The tests again with the clock set where dates turn over (faketime; apt: faketime):
# New Year's Day just after midnight, and the 1st of a month after a short February.
# Tests counted back from today failed on such days only (a Down on the 1st, a year in
# an axis's labels, a zone still in the old year). The monotonic clock is left real
# (faked, a thread's timed wait never ends); `tests/faketime/sitecustomize.py` then
# keeps time.sleep working in every Python process started (libfaketime issue 426).
# Restore's tests are left out: they compare a file's time (the kernel's, real) with
# the clock. About 25 minutes a moment on 2 cores.
DATES ?= 2027-01-01 00:00:30|2027-03-01 00:00:05
DATED_TESTS ?= tests --ignore=tests/ui/safekeeping
dates: $(STAMP)
	@moments='$(DATES)'; IFS='|'; for moment in $$moments; do echo "== $$moment"; \
		QT_QPA_PLATFORM=offscreen FAKETIME_DONT_FAKE_MONOTONIC=1 PYTHONPATH=tests/faketime \
			faketime -f "@$$moment" \
			$(PY) -m pytest -n auto -q -p no:cacheprovider --timeout=300 $(DATED_TESTS) \
			|| exit 1; done

self-check: $(STAMP)
	$(PY) main.py --self-check

# A one-folder bundle in dist/solace/ (PyInstaller); run dist/solace/solace.
dist: $(STAMP)
	$(PY) -m pip install --quiet -e ".[dist]"
	$(VENV)/bin/pyinstaller --noconfirm --clean packaging/solace.spec
	env -i HOME="$$(mktemp -d)" dist/solace/solace --self-check

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .benchmarks .hypothesis build dist
