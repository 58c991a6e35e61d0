from django.urls import reverse

from resources.enums import ResourceKind, SourceStatus
from tests.resources.factories import ResourceFactory, ThemeFactory

LONG_BODY = "\n\n".join(f"## Partie {index}\n\nTexte de la partie {index}." for index in range(1, 5))


def test_visitor_reads_a_resource_with_breadcrumb_and_source(client):
    resource = ResourceFactory(
        title="Le règlement européen sur l’IA",
        kind=ResourceKind.FRAMEWORK,
        source_publisher="Union européenne",
        source_url="https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
        source_date="12 juillet 2024",
        source_licence="Texte officiel",
    )

    response = client.get(resource.get_absolute_url())

    assert response.status_code == 200
    assert '<h1 id="titre-ressource">Le règlement européen sur l’IA</h1>' in response.text
    assert 'class="fr-breadcrumb"' in response.text
    assert f'href="{reverse("resources:index")}?type=cadre">Cadre éthique et juridique</a>' in response.text
    assert "Union européenne" in response.text
    assert "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" in response.text
    assert "Référence vérifiée auprès de l’éditeur ou du texte officiel" in response.text


def test_secondary_source_is_flagged_to_the_reader(client):
    resource = ResourceFactory(source_status=SourceStatus.SECONDARY)

    response = client.get(resource.get_absolute_url())

    assert "Référence relevée dans une source secondaire (presse, blog) : à vérifier" in response.text


def test_long_page_has_a_table_of_contents_with_working_anchors(client):
    resource = ResourceFactory(body=LONG_BODY)

    response = client.get(resource.get_absolute_url())

    assert "Sommaire" in response.text
    assert '<a class="fr-summary__link" href="#section-partie-3">Partie 3</a>' in response.text
    assert '<h2 id="section-partie-3">Partie 3</h2>' in response.text


def test_short_page_has_no_table_of_contents(client):
    resource = ResourceFactory(body="## Une seule partie\n\nCourt.")

    response = client.get(resource.get_absolute_url())

    assert "Sommaire" not in response.text


def test_use_case_shows_its_structured_sections(client):
    theme = ThemeFactory(slug="environnement-energie", name="Environnement et énergie")
    resource = ResourceFactory(use_case=True, body="", themes=[theme])

    response = client.get(resource.get_absolute_url())

    for heading in [
        "Le problème à résoudre",
        "Les données utilisées",
        "La démarche",
        "Résultats et limites",
        "Les collectivités qui l’ont fait",
        "Points d’attention éthiques et juridiques",
    ]:
        assert heading in response.text
    assert '/catalogue/?theme=environnement-energie"' in response.text


def test_related_resources_share_a_theme(client):
    water, data = ThemeFactory(slug="eau"), ThemeFactory(slug="donnees")
    resource = ResourceFactory(title="Fuites", themes=[water, data])
    ResourceFactory(title="Même thème", themes=[water])
    ResourceFactory(title="Deux thèmes en commun", themes=[water, data])
    ResourceFactory(title="Sans rapport", themes=[ThemeFactory(slug="culture")])
    ResourceFactory(title="Brouillon lié", themes=[water], unpublished=True)

    response = client.get(resource.get_absolute_url())

    related = [other.title for other in response.context["related"]]
    assert related == ["Deux thèmes en commun", "Même thème"]
    assert "Ressources liées" in response.text


def test_unpublished_or_unknown_resource_is_404(client):
    draft = ResourceFactory(unpublished=True)

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(reverse("resources:resource_detail", kwargs={"slug": "inconnue"})).status_code == 404
