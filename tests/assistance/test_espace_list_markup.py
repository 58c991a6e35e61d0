"""The espace lists render their filters and rows from prepared values: same DSFR markup, labels and ARIA as the
field templates gave, the current values selected, each cell's text."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from assistance.enums import RequestKind, RequestStatus
from assistance.models import AssistanceRequest
from tests.accounts.factories import OrganisationFactory
from tests.assistance.factories import AssistanceRequestFactory
from tests.journeys.factories import ProjectFactory, ThemeFactory
from tests.territories.factories import ProgrammeFactory


def _page(client, name: str, params: dict | None = None, status: int = 200) -> str:
    response = client.get(reverse(name), params or {})
    assert response.status_code == status
    return response.content.decode()


def test_each_filter_has_its_label_and_the_current_choice_selected(client_as, world):
    page = _page(client_as(world["staff_in"]), "espace:request_list", {"statut": "instruction", "tri": "-depot"})
    assert '<label for="id_statut" class="fr-label">Statut</label>' in page
    assert '<select name="statut" class="fr-select" id="id_statut">' in page
    assert '<option value="instruction" selected>en instruction</option>' in page
    assert '<option value="" selected>Tous les types</option>' in page
    assert '<option value="-depot" selected>date de dépôt (décroissant)</option>' in page
    assert '<label for="id_q" class="fr-label">Recherche</label>' in page
    assert '<input type="text" name="q" class="fr-input" id="id_q" maxlength="100">' in page


def test_a_filter_in_error_is_described_by_its_message(client_as, world):
    page = _page(client_as(world["staff_in"]), "espace:request_list", {"statut": "inconnu"}, status=400)
    assert '<div class="fr-select-group fr-select-group--error">' in page
    assert 'aria-describedby="id_statut-desc-error" aria-invalid="true"' in page
    assert '<p class="fr-error-text" id="id_statut-desc-error">Sélectionnez un choix valide.' in page


def test_search_text_is_kept_and_escaped(client_as, world):
    page = _page(client_as(world["staff_in"]), "espace:project_list", {"q": '"><script>'})
    assert 'value="&quot;&gt;&lt;script&gt;"' in page
    assert '"><script>' not in page


def test_request_rows_show_kind_status_reminders_date_and_chargé(client_as, world):
    world["staff_in"].first_name, world["staff_in"].last_name = "Camille", "Roussel"
    world["staff_in"].save()
    found = AssistanceRequestFactory(
        project__organisation=world["org"], kind=RequestKind.TRAINING, assigned_to=world["staff_in"], reviewing=True
    )
    AssistanceRequest.objects.filter(pk=found.pk).update(
        created_at=datetime(2025, 3, 1, 10, tzinfo=UTC),
        waiting_since=datetime(2025, 3, 2, tzinfo=UTC),
        reminders_sent=2,
    )
    page = _page(client_as(world["staff_in"]), "espace:request_list")
    assert f'<a href="{found.get_espace_url()}">Formation des élus et des agents</a>' in page
    assert '<p class="fr-badge fr-badge--sm fr-badge--info">en instruction</p>' in page
    assert "attend la collectivité (2 relances)" in page
    assert "<td>1 mars 2025</td>" in page
    assert "<td>Camille Roussel (ANCT)</td>" in page
    assert f'<span class="fr-text--xs">{world["org"].departement_id}</span>' in page


def test_project_rows_show_themes_progress_and_an_accessible_follow_button(client_as, world):
    project = ProjectFactory(organisation=world["org"], title="Assistant d’accueil")
    project.themes.add(ThemeFactory(name="Relation usagers"))
    AssistanceRequestFactory(project=project, status=RequestStatus.ACCEPTED)
    page = _page(client_as(world["staff_in"]), "espace:project_list", {"suivi": "demande"})
    assert f'<a href="{project.get_absolute_url()}">Assistant d’accueil</a>' in page
    assert '<span class="fr-text--xs">Relation usagers</span>' in page
    follow = reverse("espace:project_follow", kwargs={"public_id": project.public_id})
    assert f'formaction="{follow}" name="follow" value="1">Je suis ce projet' in page
    assert 'Je suis ce projet<span class="fr-sr-only">&nbsp;: Assistant d’accueil</span>' in page
    assert '<input type="hidden" name="next" value="/espace-anct/projets/?suivi=demande">' in page


def test_collectivité_rows_link_to_their_page_with_their_counts(client_as, world):
    AssistanceRequestFactory(project__organisation=world["org"])
    page = _page(client_as(world["staff_in"]), "espace:organisation_list")
    url = reverse("espace:organisation_detail", kwargs={"public_id": world["org"].public_id})
    assert f'<a href="{url}">{world["org"].name}</a>' in page
    assert f"<td>{world['org'].departement_id} — {world['org'].departement.name}</td>" in page


def test_collectivités_keep_their_sort_order_across_pages(client_as, world):
    for index in range(27):
        OrganisationFactory(name=f"Commune {index:02d}", commune__departement=world["org"].departement)
    client = client_as(world["staff_in"])
    first = _page(client, "espace:organisation_list", {"tri": "-nom"})
    second = _page(client, "espace:organisation_list", {"tri": "-nom", "page": "2"})
    names = [f"Commune {index:02d}" for index in range(26, -1, -1)]
    shown_first = [name for name in names if f">{name}</a>" in first]
    assert shown_first == names[: len(shown_first)]
    assert first.index(">Commune 26</a>") < first.index(">Commune 25</a>")
    assert ">Commune 00</a>" in second
    assert ">Commune 26</a>" not in second


def test_option_labels_are_escaped(client_as, world):
    ProgrammeFactory(slug="essai", name='Essai <b>gras</b> & "guillemets"')
    page = _page(client_as(world["staff_in"]), "espace:request_list")
    assert '<option value="essai">Essai &lt;b&gt;gras&lt;/b&gt; &amp; &quot;guillemets&quot;</option>' in page


def test_requests_beyond_the_first_page_keep_the_list_order(client_as, world):
    for index in range(30):
        organisation = OrganisationFactory(name=f"Commune {index:02d}", commune__departement=world["org"].departement)
        AssistanceRequestFactory(project__organisation=organisation)
    client = client_as(world["staff_in"])
    second = _page(client, "espace:request_list", {"tri": "-collectivite", "page": "2"})
    shown = [f"Commune {index:02d}" for index in range(4, -1, -1)]
    positions = [second.index(f"<td>{name}<br>") for name in shown]
    assert positions == sorted(positions)
    assert "<td>Commune 05<br>" not in second
    newest_first = _page(client, "espace:request_list", {"page": "2"})
    assert "<td>Commune 04<br>" in newest_first
    assert "<td>Commune 05<br>" not in newest_first


@pytest.mark.parametrize("sort", ["collectivite", "-collectivite", "depot", "activite"])
def test_every_sort_ends_on_the_request_key(client_as, world, sort):
    """A sort on a column with ties (two collectivités of one name) gives rows no fixed order: without the key as
    the last criterion, PostgreSQL may show a request on two pages and another on none."""
    response = client_as(world["staff_in"]).get(reverse("espace:request_list"), {"tri": sort})
    assert response.context["page_obj"].object_list.query.order_by[-1] in ("pk", "-pk")
