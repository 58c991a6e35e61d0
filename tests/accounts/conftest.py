import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth keeps its rate limits (login, confirmation emails) in the cache: each test starts clean."""
    cache.clear()
    yield
    cache.clear()
