from uuid import uuid4

import pytest


@pytest.fixture(autouse=True)
def _private_cache(settings):
    """The public figures are cached: each test gets its own empty in-memory cache (never a shared Redis flush)."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"initiatives-{uuid4()}"}
    }
