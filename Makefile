# Skill Planner: `make run` starts the service on the embedded defaults, `make test` runs the suite.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# Every first-party provider is its own distribution under plugins/ (folders starting with _ are
# templates, not plugins).
PLUGINS := $(patsubst %/pyproject.toml,%,$(wildcard plugins/[a-z]*/pyproject.toml))
STAMP  := $(VENV)/.installed

.PHONY: install run test bench lint clean

$(STAMP): pyproject.toml $(addsuffix /pyproject.toml,$(PLUGINS))
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]' $(addprefix -e ,$(PLUGINS))
	touch $@

# Test-only stub providers (inert unless a test enables them), installed for `make test` only.
STUBS := $(VENV)/.stubs-installed
$(STUBS): $(STAMP) tests/stubs/pyproject.toml
	$(BIN)/python -m pip install --quiet --no-deps -e tests/stubs
	touch $@

install: $(STAMP)

run: install
	$(BIN)/planner run

test: install $(STUBS)
	$(BIN)/python -m pytest

bench: install $(STUBS)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py

lint: install
	$(BIN)/ruff check planner workers plugins tests bench
	$(BIN)/mypy --follow-imports=silent planner/skills planner/scheduling planner/providers

clean:
	rm -rf $(VENV) var .pytest_cache
