"""`bootstrap` runs on every deploy: it creates what is missing and never changes a resource an editor touched.

Each row remembers the hash of the shipped version bootstrap last wrote; a row whose content no longer has
that hash was edited in the administration and is left as it is, while untouched rows follow the content.
"""

import io
from copy import deepcopy

import pytest
from django.apps import apps

from catalogue.models import Theme
from resources import services
from resources.content import RESOURCES
from resources.models import Resource
from tests.accounts.factories import StaffUserFactory, login_with_second_factor
from tests.admin_forms import admin_change

pytestmark = pytest.mark.django_db


def bootstrap() -> str:
    out = io.StringIO()
    apps.get_app_config("resources").bootstrap(out)
    return out.getvalue()


def test_an_edited_resource_survives_two_bootstraps():
    bootstrap()
    edited = Resource.objects.get(slug="rgpd-et-aipd")
    edited.title = "Titre revu par la rédaction"
    edited.body += "\n\nParagraphe ajouté par la rédaction."
    edited.save()
    unpublished = Resource.objects.get(slug="open-data-par-defaut")
    unpublished.is_published = False
    unpublished.save()
    retagged = Resource.objects.get(slug="reglement-europeen-ia")
    retagged.themes.clear()

    bootstrap()
    bootstrap()

    edited.refresh_from_db()
    assert edited.title == "Titre revu par la rédaction"
    assert edited.body.endswith("Paragraphe ajouté par la rédaction.")
    assert not Resource.objects.get(slug="open-data-par-defaut").is_published
    assert not Resource.objects.get(slug="reglement-europeen-ia").themes.exists()


def test_an_untouched_resource_follows_the_shipped_content():
    bootstrap()
    entries = deepcopy(RESOURCES)
    entry = next(item for item in entries if item["slug"] == "rgpd-et-aipd")
    entry["summary"] = "Résumé corrigé dans le contenu livré."

    created, updated = services.load_resources(entries=entries)

    assert (created, updated) == (0, 1)
    assert Resource.objects.get(slug="rgpd-et-aipd").summary == "Résumé corrigé dans le contenu livré."


def test_a_shipped_change_does_not_overwrite_an_edit_and_says_so():
    bootstrap()
    edited = Resource.objects.get(slug="rgpd-et-aipd")
    edited.summary = "Résumé de la rédaction."
    edited.save()
    entries = deepcopy(RESOURCES)
    next(item for item in entries if item["slug"] == "rgpd-et-aipd")["summary"] = "Nouveau résumé livré."

    created, updated = services.load_resources(entries=entries)

    assert (created, updated) == (0, 0)
    assert Resource.objects.get(slug="rgpd-et-aipd").summary == "Résumé de la rédaction."
    assert services.kept_after_edit(entries=entries) == ["rgpd-et-aipd"]


def test_a_deleted_resource_comes_back():
    bootstrap()
    Resource.objects.filter(slug="rgpd-et-aipd").delete()
    bootstrap()
    assert Resource.objects.filter(slug="rgpd-et-aipd").exists()


def test_a_resource_edited_in_the_admin_survives_two_bootstraps(client):
    bootstrap()
    login_with_second_factor(client, StaffUserFactory(is_superuser=True))
    resource = Resource.objects.get(slug="rgpd-et-aipd")
    admin_change(
        client,
        resource,
        title="RGPD : la fiche revue par la rédaction",
        summary="Résumé réécrit dans l’administration.",
        themes=[Theme.objects.get(slug="donnees").pk],
    )

    assert "rgpd-et-aipd" in bootstrap()  # named among the resources left as they are
    bootstrap()

    resource.refresh_from_db()
    assert resource.title == "RGPD : la fiche revue par la rédaction"
    assert resource.summary == "Résumé réécrit dans l’administration."
    assert list(resource.themes.values_list("slug", flat=True)) == ["donnees"]
