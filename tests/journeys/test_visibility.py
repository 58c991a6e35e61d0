from journeys.selectors import projects_visible_to
from tests.journeys.factories import ProjectFactory, sample_template


def test_projects_visible_to_each_role(world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    other = ProjectFactory(organisation=world["other_org"])
    assert list(projects_visible_to(world["member"])) == [project]
    assert list(projects_visible_to(world["referent"])) == [project]
    assert list(projects_visible_to(world["outsider"])) == [other]
    assert list(projects_visible_to(world["staff_in"])) == [project]
    assert list(projects_visible_to(world["staff_out"])) == [other]
    assert list(projects_visible_to(None)) == []


def test_outsider_gets_404_on_project_detail(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    assert client_as(world["outsider"]).get(project.get_absolute_url()).status_code == 404


def test_staff_in_scope_reads_the_project_without_edit_forms(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    response = client_as(world["staff_in"]).get(project.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert project.title in body
    assert "Votre réponse" not in body
    assert "Publier le commentaire" in body
