"""docker-compose.yml: optional object storage behind a profile; the worker has the same storage settings as web."""

from pathlib import Path

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
S3_VARIABLES = {"S3_BUCKET_NAME", "S3_ENDPOINT_URL", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_REGION_NAME"}


@pytest.fixture(scope="module")
def compose() -> dict:
    return YAML(typ="safe").load((ROOT / "docker-compose.yml").read_text())


def test_object_storage_is_optional(compose):
    services = compose["services"]
    assert services["minio"]["profiles"] == ["object-storage"]
    assert services["minio-bucket"]["profiles"] == ["object-storage"]
    assert "minio-data" in compose["volumes"]
    # Nothing outside the profile waits for it: `docker compose up` works without object storage.
    for name, service in services.items():
        if "object-storage" not in (service.get("profiles") or []):
            assert not {"minio", "minio-bucket"} & set(service.get("depends_on") or {}), name


def test_worker_and_beat_get_the_storage_settings_of_web(compose):
    services = compose["services"]
    web = services["web"]
    assert set(web["environment"]) >= S3_VARIABLES
    for name in ("worker", "beat"):
        assert services[name]["environment"] == web["environment"], name
        assert services[name]["volumes"] == web["volumes"], name
        assert services[name]["env_file"] == web["env_file"], name


def test_every_storage_variable_is_documented():
    documented = (ROOT / ".env.example").read_text() + (ROOT / "README.md").read_text()
    for variable in (*S3_VARIABLES, "S3_ADDRESSING_STYLE", "S3_LOCATION", "REPORTS_MAX_ATTACHMENT_BYTES"):
        assert variable in documented, variable
