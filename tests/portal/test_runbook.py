"""docs/exploitation.md only names services, scripts, commands and variables that exist."""

import re
from pathlib import Path

import pytest
from django.core.management import get_commands
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
RUNBOOK = (ROOT / "docs" / "exploitation.md").read_text()


@pytest.fixture(scope="module")
def compose() -> dict:
    return YAML(typ="safe").load((ROOT / "docker-compose.yml").read_text())


SERVICE_USE = re.compile(r"docker compose (?:--profile \S+ )?(?:exec|run --rm|logs|cp)((?: [^\s`]+)+)")


def test_every_compose_service_the_runbook_uses_exists(compose):
    used = set()
    for words in SERVICE_USE.findall(re.sub(r"\s*\\\n\s*", " ", RUNBOOK)):
        # The first word that is neither an option nor an option's value: the service.
        tokens = words.split()
        while tokens and (tokens[0].startswith("-") or "=" in tokens[0]):
            tokens.pop(0)
        used.add(tokens[0].split(":")[0])  # `cp service:/path`
    assert used >= {"web", "backup", "migrate", "postgres", "restore"}
    assert used <= set(compose["services"])


def test_every_management_command_and_script_the_runbook_uses_exists():
    commands = set(re.findall(r"manage\.py (\w+)", RUNBOOK))
    assert commands >= {"anct_staff", "check"}
    assert commands <= set(get_commands())
    for script in set(re.findall(r"/scripts/([\w.-]+\.sh)", RUNBOOK)):
        assert (ROOT / "scripts" / script).exists(), script


def test_every_variable_the_runbook_names_is_documented_in_env_example():
    example = (ROOT / ".env.example").read_text()
    variables = set(re.findall(r"`([A-Z][A-Z0-9_]{3,})(?:=[^`]*)?`", RUNBOOK)) - {"SHA256SUMS", "MOT_DE_PASSE"}
    assert {"SECRET_KEY", "EMAIL_URL", "CADDY_TLS", "SENTRY_DSN", "BACKUP_KEEP", "WEB_CONCURRENCY"} <= variables
    missing = {name for name in variables if not re.search(rf"^#? ?{name}=", example, re.MULTILINE)}
    assert missing <= {"REQUEST_BODY_MAX_BYTES", "TRUSTED_PROXIES", "SECRET_KEY_FALLBACKS", "PRIVATE_FILES_DIR"}
