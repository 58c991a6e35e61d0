from django.urls import reverse

from journeys.models import ProjectShortlist
from journeys.selectors import projects_shortlisting
from tests.catalogue.factories import ServiceFactory
from tests.journeys.factories import ProjectFactory, move_to, sample_template


def _add(client, project, service):
    url = reverse("journeys:shortlist_add", kwargs={"public_id": project.public_id})
    return client.post(url, {"service": service.pk, "note": "Déjà utilisé par la commune voisine"}, follow=True)


def test_member_shortlists_services_and_records_the_choice(client_as, world):
    sample_template()
    project = move_to(ProjectFactory(organisation=world["org"]), "solution")
    first, second = ServiceFactory(name="Démarches simplifiées"), ServiceFactory(name="Decidim")
    client = client_as(world["member"])
    _add(client, project, first)
    _add(client, project, second)
    item = ProjectShortlist.objects.get(service=second)
    client.post(reverse("journeys:shortlist_choose", kwargs={"public_id": project.public_id, "item_id": item.pk}))
    item.refresh_from_db()
    assert item.is_chosen
    page = client.get(project.get_absolute_url() + "?etape=solution").content.decode()
    assert "Solution retenue" in page
    assert "Démarches simplifiées" in page


def test_shortlisting_before_the_solution_stage_is_refused(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    response = _add(client_as(world["member"]), project, ServiceFactory())
    assert "s’ouvre à l’étape « Choix de la solution »" in response.content.decode()
    assert not ProjectShortlist.objects.exists()


def test_projects_shortlisting_a_service_are_scoped_to_the_viewer(world):
    sample_template()
    service = ServiceFactory()
    project = move_to(ProjectFactory(organisation=world["org"]), "solution")
    other = move_to(ProjectFactory(organisation=world["other_org"]), "solution")
    ProjectShortlist.objects.create(project=project, service=service)
    ProjectShortlist.objects.create(project=other, service=service)
    assert list(projects_shortlisting(service, world["member"])) == [project]
    assert list(projects_shortlisting(service, world["staff_in"])) == [project]
    assert list(projects_shortlisting(service, None)) == []
