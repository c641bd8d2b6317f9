# Two entry points on a fresh machine: `make crawl` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The main job reads the last week of every site; `make crawl CRAWL_ARGS=` reads whole archives.
CRAWL_ARGS ?= --since 7d

.PHONY: crawl test lint demo fixtures bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

crawl: $(STAMP)
	$(BIN)/crawler crawl $(CRAWL_ARGS)

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
