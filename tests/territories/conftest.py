import pytest

from territories import services
from territories.referential import read_package
from tests.territories.paths import DATA


@pytest.fixture
def small_referential(db):
    """Six real communes (Brest, Firminy, Roanne, Saint-Étienne, Lyon, Villeurbanne) and their EPCI, loaded."""
    services.load_referential(referential=read_package(DATA / "v1"))
