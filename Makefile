# Every target creates the virtual environment when it is missing (or when
# pyproject.toml changed), so a fresh clone needs only `make run` or `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint format fuzz fuzz-plan bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/deskfit

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest -q tests/test_core_is_textual_free.py

format: $(STAMP)
	$(BIN)/ruff format src tests bench scripts
	$(BIN)/ruff check --fix src tests bench scripts

# 100,000 generated bad files through the loader (issue 5); not part of `make test`.
fuzz: $(STAMP)
	$(BIN)/python bench/fuzz_profiles.py

# The plan's property (following it leaves nothing to change) on 20,000 + 20,000
# generated profiles instead of the 2,500 of `make test`; about ten minutes.
fuzz-plan: $(STAMP)
	DESKFIT_PLAN_CASES=20000 $(BIN)/python -m pytest -q tests/core/engine/test_plan.py

# Issue 7: every performance figure with its baseline, one table (see bench/README.md).
bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
