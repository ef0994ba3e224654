# Ruang Aman: the commands staff and CI use. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TOOLS_STAMP := build/.tools
NODE_STAMP := build/node_modules/.installed
# CONTENT=DIR: another content root (a second city's content folder) instead of content_src/, for every command.
# Only CONTENT=DIR on the command line counts: an exported CONTENT in the shell never switches the content root.
CONTENT_ARG := $(if $(filter command line,$(origin CONTENT)),--content "$(CONTENT)")
BUILD := $(PY) scripts/build_site.py $(CONTENT_ARG)
# LANG=.. on the command line names a site language; the environment's LANG (the shell's locale) never does.
MARK_LANG := $(if $(filter command line,$(origin LANG)),$(LANG))

.PHONY: help site test serve check bench bench-privacy new-page new-poster new-language translations mark-translated privacy references clean

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 20

# The virtual environment is (re)installed only when requirements.txt changes.
$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(TOOLS_STAMP): scripts/ensure_tools.sh
	@scripts/ensure_tools.sh
	@mkdir -p build && touch $@

$(NODE_STAMP): package.json package-lock.json | $(TOOLS_STAMP)
	@mkdir -p build && cp package.json package-lock.json build/
	@cd build && npm ci --silent --no-audit --no-fund
	@touch $@

site: $(STAMP) ## validate content_src/, build site/ (strict), print a summary
	@$(BUILD) build --strict

check: $(STAMP) ## validate content_src/ only and list every problem (nothing is written)
	@$(BUILD) check --strict

serve: $(STAMP) ## live preview with drafts on http://127.0.0.1:8000/ (reloads on save)
	@$(BUILD) serve --port $${PORT:-8000}

test: $(STAMP) $(TOOLS_STAMP) $(NODE_STAMP) ## the whole test suite, browser tests included
	@$(PY) -m pytest

bench: $(STAMP) $(TOOLS_STAMP) $(NODE_STAMP) ## print speed and size figures beside their budgets
	@$(PY) scripts/bench.py

bench-privacy: $(STAMP) ## privacy guard: recall and false alarms on the test corpus, scan speed beside grep
	@$(PY) scripts/bench_privacy.py

new-page: $(STAMP) ## scaffold a bilingual draft page: make new-page SLUG=my-page
	@$(BUILD) new-page "$(SLUG)"

new-poster: $(STAMP) ## scaffold a poster: make new-poster SLUG=my-poster
	@$(BUILD) new-poster "$(SLUG)"

translations: $(STAMP) ## table of translation status per page (complete / missing / outdated)
	@$(BUILD) translations

mark-translated: $(STAMP) ## record that LANG (default: all) of SLUG (default: all) matches the Indonesian; all of a draft LANG publishes it
	@$(BUILD) mark-translated "$(SLUG)" --lang "$(MARK_LANG)"

new-language: $(STAMP) ## add a draft language: make new-language CODE=jv NAME="Basa Jawa" [FROM=en]
	@$(BUILD) new-language "$(CODE)" "$(NAME)" --from "$(FROM)"

privacy: $(STAMP) ## run the privacy guard over content_src/, docs/ and site/
	@$(PY) scripts/check_privacy.py $(CONTENT_ARG)

references: $(STAMP) $(TOOLS_STAMP) ## rewrite the print reference images of tests/kit/ (after a deliberate change)
	@$(PY) scripts/refresh_references.py

clean: ## remove generated files (site/, docs/, build/); keeps .venv
	rm -rf site docs build
