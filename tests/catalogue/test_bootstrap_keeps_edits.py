"""`bootstrap` runs on every deploy: it adds the shipped services that are missing and never changes one an
editor touched in the administration."""

import io

import pytest
from django.apps import apps

from catalogue.demo import SERVICES, THEMES
from catalogue.models import Service, Theme
from tests.accounts.factories import StaffUserFactory, login_with_second_factor
from tests.admin_forms import admin_change
from tests.catalogue.factories import PublisherFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def bootstrap() -> str:
    out = io.StringIO()
    apps.get_app_config("catalogue").bootstrap(out)
    return out.getvalue()


def test_a_service_edited_in_the_admin_survives_two_bootstraps(client, themes):
    bootstrap()
    login_with_second_factor(client, StaffUserFactory(is_superuser=True))
    service = Service.objects.get(slug="qgis")
    admin_change(
        client,
        service,
        pitch="La présentation de QGIS revue par la rédaction du portail.",
        licence="GPL-3.0-or-later",
        themes=[themes["cartographie"].pk],
        is_published=False,
    )

    bootstrap()
    bootstrap()

    service.refresh_from_db()
    assert service.pitch == "La présentation de QGIS revue par la rédaction du portail."
    assert service.licence == "GPL-3.0-or-later"
    assert not service.is_published
    assert list(service.themes.values_list("slug", flat=True)) == ["cartographie"]
    assert "redaction du portail" in service.search_text


def test_bootstrap_adds_the_shipped_services_missing_from_a_filled_catalogue(themes):
    ServiceFactory(slug="qgis-desktop", name="QGIS", publisher=PublisherFactory(name="Import SILL"))
    bootstrap()
    Service.objects.filter(slug="decidim").delete()

    assert "1 services de démonstration chargés" in bootstrap()
    assert Service.objects.filter(slug="decidim").exists()
    assert not Service.objects.filter(slug="qgis").exists()  # already there under the name an import gave it
    assert Service.objects.count() == len(SERVICES)
    assert bootstrap() == ""


def test_a_theme_renamed_and_moved_in_the_admin_survives_two_bootstraps(client, themes):
    login_with_second_factor(client, StaffUserFactory(is_superuser=True))
    theme = themes["mobilite"]
    admin_change(client, theme, name="Mobilité et transports", position=1)

    bootstrap()
    bootstrap()

    theme.refresh_from_db()
    assert (theme.name, theme.position) == ("Mobilité et transports", 1)


def test_bootstrap_creates_a_missing_theme_at_its_place(themes):
    themes["mobilite"].delete()

    assert "1 thématiques créées" in bootstrap()
    assert Theme.objects.get(slug="mobilite").position == [slug for slug, _name in THEMES].index("mobilite") + 1
