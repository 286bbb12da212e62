# Every target creates the virtual environment when it is missing (or when
# pyproject.toml changed), so a fresh clone needs only `make run` or `make test`.
# `make run` installs what running deskfit needs; the other targets add the
# development tools (the `dev` extras). Each is installed once: the stamp files in
# .venv say it is done, so the next `make run` starts at once.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --quiet --disable-pip-version-check
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test lint format fuzz fuzz-plan bench clean

$(RUN_STAMP): pyproject.toml
	@echo "Setting up deskfit (first run only)…"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(PIP) install -e .
	@touch $@

# The development tools include everything running needs, so this stamp is the run
# stamp too.
$(DEV_STAMP): pyproject.toml
	@echo "Setting up deskfit and its development tools (first time only)…"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(PIP) install -e '.[dev]'
	@touch $(RUN_STAMP) $@

run: $(RUN_STAMP)
	$(BIN)/deskfit

test: $(DEV_STAMP)
	$(BIN)/python -m pytest

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest -q tests/test_core_is_textual_free.py

format: $(DEV_STAMP)
	$(BIN)/ruff format src tests bench scripts
	$(BIN)/ruff check --fix src tests bench scripts

# 100,000 generated bad files through the loader (issue 5); not part of `make test`.
fuzz: $(DEV_STAMP)
	$(BIN)/python bench/fuzz_profiles.py

# The plan's property (following it leaves nothing to change) on 20,000 + 20,000
# generated profiles instead of the 2,500 of `make test`; about ten minutes.
fuzz-plan: $(DEV_STAMP)
	DESKFIT_PLAN_CASES=20000 $(BIN)/python -m pytest -q tests/core/engine/test_plan.py

# Issue 7: every performance figure with its baseline, one table (see bench/README.md).
bench: $(DEV_STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
