"""Private files on S3-compatible object storage, configured by environment variables alone: tested against a local
S3 server (moto's server mode), upload through a report and download through the view included."""

import hashlib
import json
import os
import subprocess
import sys
import urllib.request

import boto3
import pytest
from django.core import mail
from django.core.files.storage import storages
from django.urls import reverse

from reports import generation
from reports.models import Report
from tests.reports.factories import ReportFactory
from tests.reports.workers import ROOT, free_port

BUCKET = "territoires-ia-prive"
CREDENTIALS = {"S3_ACCESS_KEY_ID": "cle-de-test", "S3_SECRET_ACCESS_KEY": "secret-de-test"}


@pytest.fixture
def s3_server():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    # moto keeps its buckets in the process: start from an empty server.
    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST"), timeout=10).close()  # noqa: S310
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=CREDENTIALS["S3_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["S3_SECRET_ACCESS_KEY"],
        region_name="fr-par",
    )
    client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "fr-par"})
    try:
        yield endpoint, client
    finally:
        server.stop()


def _s3_env(endpoint: str) -> dict[str, str]:
    return {
        "S3_BUCKET_NAME": BUCKET,
        "S3_ENDPOINT_URL": endpoint,
        "S3_REGION_NAME": "fr-par",
        "S3_ADDRESSING_STYLE": "path",
        **CREDENTIALS,
    }


def _configured_by_environment(endpoint: str) -> dict:
    """Start a fresh process with the S3_* variables only; it writes and reads a file through storages["private"]
    and returns the storage configuration the settings built."""
    script = (
        "import json, django; django.setup();"
        "from django.conf import settings; from django.core.files.base import ContentFile;"
        "from django.core.files.storage import storages;"
        "s = storages['private']; name = s.save('essais/bonjour.txt', ContentFile(b'bonjour'));"
        "assert s.open(name).read() == b'bonjour';"
        "print(json.dumps({'config': settings.STORAGES['private'], 'name': name}))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings", "DJANGO_ENV": "test", **_s3_env(endpoint)}
    result = subprocess.run(  # noqa: S603 (our own interpreter)
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def s3_private_storage(s3_server, settings, monkeypatch):
    endpoint, client = s3_server
    built = _configured_by_environment(endpoint)
    settings.STORAGES = {**settings.STORAGES, "private": built["config"]}
    monkeypatch.setattr(Report._meta.get_field("file"), "storage", storages["private"])
    return client, built


def test_environment_variables_alone_select_the_s3_storage(s3_private_storage):
    client, built = s3_private_storage
    assert built["config"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert built["config"]["OPTIONS"]["bucket_name"] == BUCKET
    stored = client.get_object(Bucket=BUCKET, Key=f"prive/{built['name']}")["Body"].read()
    assert stored == b"bonjour"


def test_report_is_stored_in_the_bucket_and_downloaded_through_the_view(
    s3_private_storage, project, world, client_as, django_capture_on_commit_callbacks
):
    client, _built = s3_private_storage
    report = ReportFactory(project=project)
    with django_capture_on_commit_callbacks(execute=True):
        generation.render_report(report_id=report.pk)
    report.refresh_from_db()
    key = f"prive/{report.file.name}"
    in_bucket = client.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert hashlib.sha256(in_bucket).hexdigest() == report.checksum
    response = client_as(world["member"]).get(
        reverse("reports:report_download", kwargs={"public_id": report.public_id})
    )
    assert response.status_code == 200
    assert response.content == in_bucket
    assert (
        client_as(world["outsider"])
        .get(reverse("reports:report_download", kwargs={"public_id": report.public_id}))
        .status_code
        == 404
    )
    assert mail.outbox
    assert mail.outbox[0].attachments[0][1] == in_bucket  # the email reads the same object
    acl = client.get_object_acl(Bucket=BUCKET, Key=key)
    assert not [grant for grant in acl["Grants"] if "AllUsers" in str(grant.get("Grantee", {}).get("URI", ""))]
