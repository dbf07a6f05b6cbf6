# FieldKit — developer commands. Everything installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_PROFILE ?= .demo-profile


.PHONY: run test bench lint format i18n screenshots clean demo

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[gui,dev]'
	touch $(STAMP)

run: $(STAMP)
	@scripts/system-deps.sh run
	@test -f $(DEMO_PROFILE)/fieldkit.db || $(BIN)/fieldkit --profile $(DEMO_PROFILE) demo
	@scripts/run-app.sh $(BIN)/fieldkit-app --profile $(DEMO_PROFILE)

test: $(STAMP)
	@scripts/system-deps.sh test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n 2 -m "not slow" -q

bench: $(STAMP)
	@scripts/system-deps.sh test
	$(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

demo: $(STAMP)
	$(BIN)/fieldkit --profile $(DEMO_PROFILE) demo

clean:
	rm -rf $(VENV) $(DEMO_PROFILE) .pytest_cache .hypothesis
