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

.PHONY: run test coverage faults worker beat lint fmt bench bench-server bench-http demo migrate system-deps test-system-deps clean lock mutation mutation-permissions mutation-ethics mutation-gates mutation-reports

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
## Links in emails use the port it runs on (SITE_URL derived from HOST and PORT unless already set).
run: system-deps $(STAMP) migrate
	$(BIN)/python manage.py bootstrap
	@echo "→ Portail prêt sur http://$(HOST):$(PORT)/ (courriels dans var/mail/)"
	SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}" $(BIN)/python manage.py runserver $(HOST):$(PORT)

demo: $(STAMP) migrate
	$(BIN)/python manage.py bootstrap

## The whole test suite, e2e included (PostgreSQL when DATABASE_URL points to it, SQLite otherwise).
test: system-deps test-system-deps $(NODE_STAMP) $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS) $(ARGS)

## The suite under coverage (ARGS narrow it, e.g. ARGS="--ignore=tests/e2e"): a report in the terminal (files not
## fully covered, lowest first) and in var/coverage/html/index.html. Not part of `make test`: tracing slows the run.
coverage: system-deps test-system-deps $(NODE_STAMP) $(STAMP)
	@mkdir -p var/coverage
	$(BIN)/python -m pytest $(PYTEST_ARGS) --cov --cov-report=term --cov-report=html $(ARGS)

## The fault tests alone (they are part of `make test` too): Redis stopped and back, PostgreSQL dropping the web
## worker's connection, SMTP down then back, a worker killed during a task. Own redis-server/gunicorn processes only.
FAULT_TESTS := tests/portal/test_cache_outage.py tests/portal/test_health.py tests/portal/test_database_dropped.py \
	tests/reports/test_broker_down.py tests/reports/test_smtp_down.py tests/reports/test_worker_killed.py \
	tests/accounts/test_email_attachments.py
faults: system-deps $(STAMP)
	$(BIN)/python -m pytest -n 0 $(FAULT_TESTS) $(ARGS)

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

## Benchmarks (figures printed, nothing asserted on time): server time through the test client (ARGS: names of
## benchmarks/bench_*.py), then, when no ARGS narrow the run, real HTTP against gunicorn and a bare Django page,
## which writes benchmarks/results.md (HTTP_ARGS: e.g. --scale 2, --duration 5, --rounds 5, --load-users 0; benchmarks/http.py).
bench: bench-server
	@if [ -z "$(ARGS)" ]; then $(MAKE) --no-print-directory bench-http; fi

bench-server: $(STAMP)
	$(BIN)/python -m benchmarks $(ARGS)

bench-http: $(STAMP)
	@bash scripts/system-deps.sh bench
	$(BIN)/python -m benchmarks.http $(HTTP_ARGS)

## Mutation testing, each target in its own copy under var/mutation/NAME/ (scripts/mutation/NAME.toml); a score under
## the target's threshold fails: the permission helpers (95 %), the ethics and legal check rules (90 %), the stage
## gates (95 %) and what makes a report happen once (95 %).
mutation: mutation-permissions mutation-ethics mutation-gates mutation-reports

mutation-permissions: $(STAMP)
	MUTATION_JOBS=$(if $(DATABASE_URL),2,1) MUTATION_THRESHOLD=95 bash scripts/mutation/run.sh permissions

mutation-ethics: $(STAMP)
	MUTATION_THRESHOLD=90 bash scripts/mutation/run.sh ethics

mutation-gates: $(STAMP)
	MUTATION_JOBS=$(if $(DATABASE_URL),2,1) MUTATION_THRESHOLD=95 bash scripts/mutation/run.sh gates

mutation-reports: $(STAMP)
	MUTATION_JOBS=$(if $(DATABASE_URL),2,1) MUTATION_THRESHOLD=95 bash scripts/mutation/run.sh reports

lock:
	$(BIN)/pip freeze --exclude-editable > requirements-dev.lock

clean:
	rm -rf $(VENV) var staticfiles mutants
