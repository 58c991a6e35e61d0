# Territoires IA — developer commands. `make run` and `make test` are the two promised commands.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# The whole suite in parallel; e2e tests share the machine's Chromium.
PYTEST_ARGS ?= -n 2 --dist loadfile

.PHONY: run test worker beat lint fmt bench demo migrate system-deps test-system-deps clean lock mutation mutation-permissions mutation-ethics

$(STAMP): requirements-dev.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	@touch $(STAMP)

## System packages: WeasyPrint needs Pango; the e2e tests need Chromium.
system-deps:
	@bash scripts/system-deps.sh runtime

test-system-deps:
	@bash scripts/system-deps.sh test

## Test-only Node tools (html-validate, tests/portal/test_html_validity.py), pinned by package-lock.json.
$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

migrate: $(STAMP)
	$(BIN)/python manage.py migrate --noinput

## The portal on the embedded default: SQLite, tasks inline, emails in var/mail/.
run: system-deps $(STAMP) migrate
	$(BIN)/python manage.py bootstrap
	@echo "→ Portail prêt sur http://$(HOST):$(PORT)/ (courriels dans var/mail/)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

demo: $(STAMP) migrate
	$(BIN)/python manage.py bootstrap

## The whole test suite, e2e included (PostgreSQL when DATABASE_URL points to it, SQLite otherwise).
test: system-deps test-system-deps $(NODE_STAMP) $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS) $(ARGS)

## Mutation testing of the permission helpers against the tests that exercise them ([tool.mutmut] in
## pyproject.toml). Two mutants at a time on PostgreSQL (DATABASE_URL), one on the SQLite file.
## Lists the surviving mutants; fails under 95 %.
worker: $(STAMP)
	$(BIN)/celery -A portal worker --loglevel=INFO --concurrency 2

beat: $(STAMP)
	$(BIN)/celery -A portal beat --loglevel=INFO

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_ENV=production DEBUG=false SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))') \
		ALLOWED_HOSTS=territoires-ia.example.fr \
		DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/0 \
		EMAIL_URL=smtp://127.0.0.1:1025 $(BIN)/python manage.py check --deploy --fail-level WARNING

fmt: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Benchmarks with the data generator (figures printed, nothing asserted on time).
bench: $(STAMP)
	$(BIN)/python -m benchmarks $(ARGS)

## Mutation testing, each target in its own copy under var/mutation/NAME/ (scripts/mutation/NAME.toml); a score under
## the target's threshold fails: the permission helpers (95 %) and the ethics and legal check rules (90 %).
mutation: mutation-permissions mutation-ethics

mutation-permissions: $(STAMP)
	MUTATION_JOBS=$(if $(DATABASE_URL),2,1) MUTATION_THRESHOLD=95 bash scripts/mutation/run.sh permissions

mutation-ethics: $(STAMP)
	MUTATION_THRESHOLD=90 bash scripts/mutation/run.sh ethics

lock:
	$(BIN)/pip freeze --exclude-editable > requirements-dev.lock

clean:
	rm -rf $(VENV) var staticfiles mutants
