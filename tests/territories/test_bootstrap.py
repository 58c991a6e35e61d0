from django.apps import apps

from territories.models import Commune
from tests.territories.factories import CommuneFactory


def test_bootstrap_leaves_an_existing_referential_alone(capsys):
    CommuneFactory()

    apps.get_app_config("territories").bootstrap(stdout=None)

    assert Commune.objects.count() == 1
