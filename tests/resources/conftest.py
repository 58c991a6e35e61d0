from uuid import uuid4

import pytest


@pytest.fixture(autouse=True)
def _private_cache(settings):
    """The list page caches its results region: each test gets its own empty in-memory cache.

    (Not cache.clear(): with a Redis cache it would flush the database other test workers use.)
    """
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"resources-{uuid4()}"}
    }
