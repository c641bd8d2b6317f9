# Two entry points on a fresh machine: `make crawl` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: crawl test lint demo fixtures bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

crawl: $(STAMP)
	$(BIN)/crawler crawl

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

demo: $(STAMP)
	$(BIN)/python -m tests.replicas.demo

fixtures: $(STAMP)
	$(BIN)/crawler fixtures

clean:
	rm -rf $(VENV) build *.egg-info
