"""docker-compose.yml follows the Compose specification and its cross-references hold."""

import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose() -> dict:
    return YAML(typ="safe").load((ROOT / "docker-compose.yml").read_text())


def test_compose_file_validates_against_the_compose_specification():
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec", "docker-compose.yml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_has_the_production_services(compose):
    services = compose["services"]
    assert {"postgres", "redis", "web", "worker", "beat", "mailpit"} <= set(services)
    assert services["postgres"]["image"] == "postgres:16"
    assert services["redis"]["image"] == "redis:7"
    assert "noeviction" in services["redis"]["command"]
    assert "gunicorn" in (ROOT / "Dockerfile").read_text()
    assert services["worker"]["command"][:3] == ["celery", "-A", "portal"]
    assert "beat" in services["beat"]["command"]


def test_depends_on_targets_and_volumes_exist(compose):
    services = compose["services"]
    declared_volumes = set(compose.get("volumes") or {})
    for name, service in services.items():
        for target in service.get("depends_on") or {}:
            assert target in services, f"{name} depends on unknown service {target}"
        for volume in service.get("volumes") or []:
            source = volume.split(":")[0]
            if not source.startswith((".", "/")):
                assert source in declared_volumes, f"{name} uses undeclared volume {source}"


def test_web_healthcheck_uses_the_health_endpoint_and_dependents_wait_for_it(compose):
    services = compose["services"]
    assert "/sante/" in " ".join(services["web"]["healthcheck"]["test"])
    for name in ("worker", "beat"):
        assert services[name]["depends_on"]["web"]["condition"] == "service_healthy"


def test_app_services_run_in_production_mode_with_redis_and_smtp(compose):
    web = compose["services"]["web"]
    assert web["environment"]["DJANGO_ENV"] == "production"
    assert web["environment"]["REDIS_URL"].startswith("redis://redis:")
    assert web["environment"]["EMAIL_URL"].startswith("smtp://mailpit:")
    assert (ROOT / ".env.example").exists()
