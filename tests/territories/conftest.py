import pytest
from django.core.cache import cache

from territories import services
from territories.referential import read_package
from tests.territories.paths import DATA


@pytest.fixture
def small_referential(db):
    """Six real communes (Brest, Firminy, Roanne, Saint-Étienne, Lyon, Villeurbanne) and their EPCI, loaded."""
    services.load_referential(referential=read_package(DATA / "v1"))


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The programme pages are cached; each test starts from an empty cache."""
    cache.clear()
    yield
    cache.clear()
