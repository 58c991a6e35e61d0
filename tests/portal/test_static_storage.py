"""Production's static storage (portal/staticstorage.py) gives whitenoise's URLs, each worked out once."""

import json

import pytest
from whitenoise.storage import CompressedManifestStaticFilesStorage

from portal.staticstorage import StaticFilesStorage


@pytest.fixture
def manifest_root(tmp_path, settings):
    settings.STATIC_URL = "/static/"
    (tmp_path / "staticfiles.json").write_text(
        json.dumps({"paths": {"css/portal.css": "css/portal.0123456789ab.css"}, "version": "1.1", "hash": "x"})
    )
    return tmp_path


def test_urls_are_whitenoise_s(manifest_root):
    ours = StaticFilesStorage(location=manifest_root)
    theirs = CompressedManifestStaticFilesStorage(location=manifest_root)

    assert ours.url("css/portal.css") == theirs.url("css/portal.css") == "/static/css/portal.0123456789ab.css"
    with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
        ours.url("css/absent.css")


def test_a_url_is_worked_out_once(manifest_root, monkeypatch):
    storage = StaticFilesStorage(location=manifest_root)
    storage.url("css/portal.css")
    monkeypatch.setattr(storage, "stored_name", lambda name: pytest.fail("looked up again"))

    assert storage.url("css/portal.css") == "/static/css/portal.0123456789ab.css"
