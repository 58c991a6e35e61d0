"""docker-compose.yml follows the Compose specification and its cross-references hold."""

import ipaddress
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


def production_services(compose: dict) -> dict:
    """What `docker compose up` starts: the services without a profile."""
    return {name: service for name, service in compose["services"].items() if not service.get("profiles")}


@pytest.mark.parametrize("profile", [None, "dev"])
def test_the_stack_of_each_profile_validates_on_its_own(compose, profile, tmp_path):
    """`docker compose up` (no profile) and `docker compose --profile dev up`: each resulting file is valid."""
    started = {
        name: service
        for name, service in compose["services"].items()
        if not service.get("profiles") or profile in service["profiles"]
    }
    path = tmp_path / "docker-compose.yml"
    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    with path.open("w") as out:
        yaml.dump({**compose, "services": started}, out)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert ("mailpit" in started) == (profile == "dev")


def test_compose_has_the_production_services(compose):
    services = production_services(compose)
    assert {"proxy", "postgres", "redis", "migrate", "web", "worker", "beat", "backup"} == set(services)
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


def test_app_services_run_in_production_mode_with_redis_and_the_operators_email(compose):
    for name in ("migrate", "web", "worker", "beat"):
        service = compose["services"][name]
        assert service["environment"]["DJANGO_ENV"] == "production"
        assert service["environment"]["REDIS_URL"].startswith("redis://redis:")
        # EMAIL_URL comes from .env: an `environment:` entry would override the operator's value.
        assert "EMAIL_URL" not in service["environment"]
        assert service["env_file"] == ".env"
    assert "EMAIL_URL=" in (ROOT / ".env.example").read_text()


def test_mailpit_runs_in_the_dev_profile_only(compose):
    services = compose["services"]
    assert services["mailpit"]["profiles"] == ["dev"]
    assert "mailpit" not in production_services(compose)
    for name, service in production_services(compose).items():
        assert "mailpit" not in (service.get("depends_on") or {}), name
    # Its web interface listens on the host's loopback only.
    assert all(port.startswith("127.0.0.1:") for port in services["mailpit"]["ports"])


def test_only_the_proxy_publishes_ports(compose):
    for name, service in production_services(compose).items():
        if name != "proxy":
            assert "ports" not in service, f"{name} is reachable from outside the internal network"
            assert "internal" in service["networks"], name
    assert sorted(compose["services"]["proxy"]["ports"]) == ["443:443", "443:443/udp", "80:80"]


def test_django_trusts_forwarded_headers_from_the_proxy_address_only(compose):
    services = compose["services"]
    proxy_ip = services["proxy"]["networks"]["internal"]["ipv4_address"]
    assert proxy_ip == "${PROXY_IP:-172.30.72.10}"
    for name in ("web", "worker", "beat", "migrate"):
        assert services[name]["environment"]["TRUSTED_PROXIES"] == proxy_ip
    subnet = compose["networks"]["internal"]["ipam"]["config"][0]["subnet"]
    assert ipaddress.ip_address("172.30.72.10") in ipaddress.ip_network(subnet.split(":-")[1].rstrip("}"))
    # The health check no longer needs to claim HTTPS: /sante/ is exempt from the redirect.
    assert "X-Forwarded-Proto" not in " ".join(services["web"]["healthcheck"]["test"])


def test_the_proxy_image_carries_the_caddyfile_and_the_static_files(compose):
    assert compose["services"]["proxy"]["build"]["target"] == "proxy"
    assert compose["services"]["web"]["build"]["target"] == "app"
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "AS app" in dockerfile
    assert "COPY --from=app /app/staticfiles /srv/static" in dockerfile
    assert "COPY deploy/Caddyfile /etc/caddy/Caddyfile" in dockerfile
    assert '"--config", "gunicorn.conf.py"' in dockerfile


def test_scaling_is_configuration_and_no_state_lives_on_a_containers_disk(compose):
    services = compose["services"]
    # Concurrency from the environment (CELERY_CONCURRENCY, WEB_CONCURRENCY), never fixed in the command.
    assert "--concurrency" not in services["worker"]["command"]
    assert "--workers" not in " ".join(services["web"].get("command") or [])
    for name in ("web", "worker"):
        assert "container_name" not in services[name], f"{name} could not be scaled"
    # The beat schedule is disposable; private files are in a volume (or S3), not in the container.
    assert services["beat"]["command"][-1] == "/tmp/celerybeat-schedule"  # noqa: S108
    assert "private-media:/app/var/media" in services["worker"]["volumes"]


def test_backups_are_scheduled_into_their_own_volume_and_restore_is_by_hand(compose):
    services = compose["services"]
    backup, restore = services["backup"], services["restore"]
    assert backup["image"] == services["postgres"]["image"]  # pg_dump of the server's major version
    assert backup["command"] == ["bash", "/scripts/backup.sh", "--loop"]
    assert "backups:/backups" in backup["volumes"]
    assert "private-media:/app/var/media:ro" in backup["volumes"]
    assert backup["environment"]["BACKUP_KEEP"] == "${BACKUP_KEEP:-14}"
    assert restore["profiles"] == ["restore"]
    assert restore["entrypoint"] == ["bash", "/scripts/restore.sh"]
    assert (ROOT / "scripts" / "backup.sh").exists()
    assert (ROOT / "scripts" / "restore.sh").exists()


@pytest.mark.parametrize("profile", ["dev", "object-storage", "restore"])
def test_each_profile_adds_services_whose_references_hold(compose, profile):
    """A profile's services, with the production ones, form a stack whose depends_on targets all start."""
    started = {
        name: service
        for name, service in compose["services"].items()
        if not service.get("profiles") or profile in service["profiles"]
    }
    assert set(started) > set(production_services(compose))
    for name, service in started.items():
        for target in service.get("depends_on") or {}:
            assert target in started, f"with --profile {profile}, {name} depends on {target}, which does not start"


def test_the_production_stack_needs_no_profile(compose):
    services = production_services(compose)
    for name, service in services.items():
        for target in service.get("depends_on") or {}:
            assert target in services, f"{name} depends on {target}, which only starts with a profile"
