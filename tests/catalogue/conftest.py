import pytest
from django.core.cache import cache

from catalogue.services import ensure_themes


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The catalogue caches its results region; each test starts from an empty cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def themes(db) -> dict:
    ensure_themes()
    from catalogue.models import Theme

    return {theme.slug: theme for theme in Theme.objects.all()}
