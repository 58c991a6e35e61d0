import pytest
from django.urls import reverse

from resources.models import Resource
from tests.accounts.factories import StaffUserFactory, login_with_second_factor
from tests.resources.factories import ResourceFactory, ThemeFactory


@pytest.fixture
def staff_client(client):
    login_with_second_factor(client, StaffUserFactory(is_superuser=True))
    return client


def test_staff_edits_a_resource_and_sees_the_rendered_preview(staff_client):
    resource = ResourceFactory(body="## Section\n\nTexte <script>alert(1)</script>")

    response = staff_client.get(reverse("admin:resources_resource_change", args=[resource.pk]))

    assert response.status_code == 200
    assert '<h2 id="section-section">Section</h2>' in response.text
    assert "alert(1)" not in response.text.split("aperçu du contenu")[-1].split("</div>")[0]


def test_staff_creates_a_use_case_with_sizes_and_themes(staff_client):
    theme = ThemeFactory(slug="mobilite", name="Mobilités")

    response = staff_client.post(
        reverse("admin:resources_resource_add"),
        {
            "title": "Feux intelligents",
            "slug": "feux-intelligents",
            "kind": "cas-usage",
            "summary": "Réguler les feux avec des données.",
            "themes": [theme.pk],
            "audience": "tous",
            "sizes": ["20000-100000", "plus-100000"],
            "body": "",
            "problem": "Attente aux feux.",
            "source_status": "secondaire",
            "source_url": "https://www.ladepeche.fr/",
            "is_published": "on",
            "updated_on": "2026-11-26",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    resource = Resource.objects.get(slug="feux-intelligents")
    assert resource.sizes == ["20000-100000", "plus-100000"]
    assert list(resource.themes.all()) == [theme]
    assert "attente aux feux" in resource.search_text


def test_staff_searches_resources_in_the_back_office(staff_client):
    ResourceFactory(title="Qualité de l’air")
    ResourceFactory(title="Fuites d’eau")

    response = staff_client.get(reverse("admin:resources_resource_changelist"), {"q": "air"})

    assert "Qualité de l’air" in response.text
    assert "Fuites d’eau" not in response.text
