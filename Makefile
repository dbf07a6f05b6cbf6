# FieldKit — developer commands. Everything installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_PROFILE ?= .demo-profile


.PHONY: run test bench lint format i18n catalogs screenshots clean demo sysdeps-run sysdeps-test bytecode

# Debian packages first: building the catalogs already runs Qt's lrelease.
sysdeps-test:
	@scripts/system-deps.sh test

sysdeps-run:
	@scripts/system-deps.sh run

# Localization: English is the source; the .po catalogs are translated by people,
# the .mo files and the pseudo-locale (en_001) are build products (see docs/translating.md).
I18N_LANGS := es fr pt_BR ar hi sw ru
POT := locales/fieldkit.pot
# The pseudo-locale: a code babel knows (World English), so dates and numbers still format.
PSEUDO := en_001
CATALOGS := $(foreach l,$(I18N_LANGS) $(PSEUDO),locales/$(l)/LC_MESSAGES/fieldkit.mo)
# Qt's own strings for the languages PySide6 ships no qtbase catalog for (qtbase_hi, qtbase_sw),
# and the few that PySide6's catalogs lack (qtbase_extra_<lang>).
QT_CATALOGS := $(patsubst %.ts,%.qm,$(wildcard locales/qt/*.ts))

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[gui,dev]'
	touch $(STAMP)

# Byte-compile the package as a regular install does (an editable install does not, and
# with PYTHONDONTWRITEBYTECODE every start would compile every module again).
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q fieldkit >/dev/null

run: sysdeps-run $(STAMP) catalogs bytecode
	@test -f $(DEMO_PROFILE)/fieldkit.db || $(BIN)/fieldkit --profile $(DEMO_PROFILE) demo
	@scripts/run-app.sh $(BIN)/fieldkit-app --profile $(DEMO_PROFILE)

# A PNG of every section on a fresh demo profile, taken from a real X server (Xvfb).
screenshots: sysdeps-run $(STAMP) catalogs
	@tmp=$$(mktemp -d) && $(BIN)/fieldkit --profile $$tmp/demo demo >/dev/null && \
	QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x900x24" \
	  $(BIN)/python -m fieldkit.ui.screenshots --profile $$tmp/demo --out docs/screenshots \
	  --example-outreach; \
	status=$$?; rm -rf $$tmp; exit $$status

test: sysdeps-test $(STAMP) catalogs
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n 2 -m "not slow" -q

bench: sysdeps-test $(STAMP) catalogs bytecode
	$(BIN)/python -m bench
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n 2 -m slow -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Extract every marked string into the template and merge it into each language.
i18n: $(STAMP)
	$(BIN)/pybabel -q extract -F locales/babel.cfg -k _ -k N_ -k ngettext:1,2 -k pgettext:1c,2 -k NP_:1c,2 \
		--no-default-keywords --add-comments=Translators: --sort-by-file --width=100 \
		--project=FieldKit --copyright-holder="FieldKit contributors" -o $(POT) .
	@for l in $(I18N_LANGS); do \
		if [ -f locales/$$l/LC_MESSAGES/fieldkit.po ]; then \
			$(BIN)/pybabel -q update -D fieldkit -i $(POT) -d locales -l $$l --width=100 \
				--ignore-pot-creation-date; \
		else \
			$(BIN)/pybabel -q init -D fieldkit -i $(POT) -d locales -l $$l --width=100; \
		fi; \
	done
	$(BIN)/fieldkit i18n report --ui

catalogs: $(CATALOGS) $(QT_CATALOGS)

locales/qt/%.qm: locales/qt/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

locales/$(PSEUDO)/LC_MESSAGES/fieldkit.po: $(POT) fieldkit/i18n_pseudo.py | $(STAMP)
	$(BIN)/python -m fieldkit.i18n_pseudo $(POT) $@

locales/%/LC_MESSAGES/fieldkit.mo: locales/%/LC_MESSAGES/fieldkit.po | $(STAMP)
	$(BIN)/pybabel -q compile -D fieldkit -l $* -i $< -o $@

demo: $(STAMP)
	$(BIN)/fieldkit --profile $(DEMO_PROFILE) demo

clean:
	rm -rf $(VENV) $(DEMO_PROFILE) .pytest_cache .hypothesis
