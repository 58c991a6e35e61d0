import pytest
from django.urls import reverse

from territories.models import Commune, Epci
from tests.territories.factories import ProgrammeFactory

pytestmark = pytest.mark.usefixtures("small_referential")


@pytest.fixture
def acv():
    programme = ProgrammeFactory(slug="action-coeur-de-ville", name="Action Cœur de Ville")
    ProgrammeFactory(slug="villages-d-avenir", name="Villages d’Avenir")
    programme.communes.add(*Commune.objects.filter(insee_code__in=["42187", "42095", "69266", "29019"]))
    programme.epcis.add(Epci.objects.get(siren="200046977"))
    return programme


def test_visitor_sees_programmes_with_member_counts(client, acv):
    response = client.get(reverse("territories:programme_list"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Action Cœur de Ville" in content
    assert "4 communes bénéficiaires · 1 EPCI" in content
    assert "Liste des bénéficiaires à venir" in content  # programmes without an imported list


def test_visitor_sees_communes_grouped_by_departement(client, acv):
    response = client.get(reverse("territories:programme_detail", kwargs={"slug": acv.slug}))

    content = response.content.decode()
    assert "4 communes dans 3 départements." in content
    assert "Loire (42) — 2 communes" in content
    assert content.index("Firminy") < content.index("Roanne") < content.index("Villeurbanne")
    assert "Métropole de Lyon (69)" in content


def test_inactive_members_are_not_listed(client, acv):
    Commune.objects.filter(insee_code="42187").update(is_active=False)

    content = client.get(acv.get_absolute_url()).content.decode()

    assert "Roanne" not in content
    assert "3 communes dans 3 départements." in content


def test_programme_detail_query_count_does_not_grow_with_members(client, acv, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get(acv.get_absolute_url())


def test_unknown_programme_is_404(client):
    assert client.get(reverse("territories:programme_detail", kwargs={"slug": "inconnu"})).status_code == 404


def test_each_departement_is_a_disclosure_linking_its_communes(client, acv):
    content = client.get(acv.get_absolute_url()).content.decode()

    loire = content[content.index('<details class="tia-disclosure" id="departement-42">') :]
    loire = loire[: loire.index("</details>")]
    assert "<summary" in loire
    assert "Loire (42) — 2 communes" in loire
    firminy = Commune.objects.get(insee_code="42095")
    search_url = reverse("territories:territory_search")
    assert f'<a href="{search_url}?territory=commune:{firminy.pk}">Firminy</a>' in loire
    assert "Villeurbanne" not in loire


def test_commune_names_are_escaped(client, acv):
    Commune.objects.filter(insee_code="42095").update(name="Firminy <script>x</script> & Cie")

    content = client.get(acv.get_absolute_url()).content.decode()

    assert "Firminy &lt;script&gt;x&lt;/script&gt; &amp; Cie</a>" in content
    assert "<script>x</script>" not in content
