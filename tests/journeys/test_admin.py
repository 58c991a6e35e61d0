import csv
import io

from django.urls import reverse

from journeys.enums import TemplateStatus
from journeys.models import JourneyTemplate, Project
from tests.accounts.factories import UserFactory, login_with_second_factor
from tests.journeys.factories import ProjectFactory, move_to, sample_diagnostic, sample_template
from tests.territories.factories import ProgrammeFactory


def _csv_rows(response) -> list[list[str]]:
    text = b"".join(response).decode("utf-8-sig") if response.streaming else response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_staff_sees_only_projects_of_their_scope_and_filters_by_stage(client, world):
    sample_template()
    ProjectFactory(organisation=world["org"], title="Projet dedans")
    move_to(ProjectFactory(organisation=world["org"], title="Projet en cadrage"), "cadrage")
    ProjectFactory(organisation=world["other_org"], title="Projet dehors")
    login_with_second_factor(client, world["staff_in"])
    url = reverse("admin:journeys_project_changelist")
    body = client.get(url).content.decode()
    assert "Projet dedans" in body
    assert "Projet dehors" not in body
    filtered = client.get(url, {"etape": "cadrage"}).content.decode()
    assert "Projet en cadrage" in filtered
    assert "Projet dedans" not in filtered
    assert "Projet dedans" in client.get(url, {"q": "dedans"}).content.decode()
    assert "Projet dedans" in client.get(url, {"departement": world["org"].departement_id}).content.decode()


def test_staff_exports_the_filtered_list_as_csv(client, world):
    sample_template()
    ProjectFactory(organisation=world["org"], title="=Projet dedans")
    move_to(ProjectFactory(organisation=world["org"], title="Projet en cadrage"), "cadrage")
    ProjectFactory(organisation=world["other_org"], title="Projet dehors")
    login_with_second_factor(client, world["staff_in"])
    response = client.get(reverse("admin:journeys_project_export_csv"), {"etape": "agenda"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    rows = _csv_rows(response)
    assert rows[0][1] == "titre"
    assert [row[1] for row in rows[1:]] == ["'=Projet dedans"]


def test_published_template_is_read_only_and_a_new_version_leaves_running_projects_alone(client, world):
    template = sample_template()
    project = ProjectFactory(organisation=world["org"])
    admin_user = UserFactory(is_staff=True, is_superuser=True)
    login_with_second_factor(client, admin_user)
    change_url = reverse("admin:journeys_journeytemplate_change", args=[template.pk])
    page = client.get(change_url).content.decode()
    assert "Une version publiée est figée" in page
    assert 'name="name"' not in page  # read-only

    client.post(
        reverse("admin:journeys_journeytemplate_changelist"),
        {"action": "create_new_version", "_selected_action": [template.pk]},
    )
    draft = JourneyTemplate.objects.get(version=2)
    assert draft.status == TemplateStatus.DRAFT
    assert draft.stages.count() == template.stages.count()
    step = draft.stages.get(key="agenda").steps.get(key="besoin")
    step.title = "Nouveau libellé"
    step.save()
    client.post(
        reverse("admin:journeys_journeytemplate_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.status == TemplateStatus.PUBLISHED
    project.refresh_from_db()
    assert project.template == template
    assert project.current_stage.steps.get(key="besoin").title == "Quel est le besoin ?"
    newcomer = ProjectFactory(organisation=world["org"])
    assert newcomer.template == draft
    assert Project.objects.count() == 2


def test_superuser_opens_every_journeys_back_office_page(client, world):
    template = sample_template()
    diagnostic = sample_diagnostic()
    project = ProjectFactory(organisation=world["org"])
    login_with_second_factor(client, UserFactory(is_staff=True, is_superuser=True))
    stage = template.stages.first()
    dimension = diagnostic.dimensions.first()
    for name, args in [
        ("journeytemplate_changelist", []),
        ("journeytemplate_change", [template.pk]),
        ("journeytemplate_history", [template.pk]),
        ("stage_change", [stage.pk]),
        ("diagnostic_changelist", []),
        ("diagnostic_change", [diagnostic.pk]),
        ("dimension_change", [dimension.pk]),
        ("project_changelist", []),
        ("project_change", [project.pk]),
        ("project_history", [project.pk]),
    ]:
        response = client.get(reverse(f"admin:journeys_{name}", args=args))
        assert response.status_code == 200, name


def test_staff_filters_projects_by_programme(client, world):
    sample_template()
    programme = ProgrammeFactory(slug="petites-villes-de-demain")
    programme.communes.add(world["org"].commune)
    ProjectFactory(organisation=world["org"], title="Projet PVD")
    login_with_second_factor(client, UserFactory(is_staff=True, is_superuser=True))
    ProjectFactory(organisation=world["other_org"], title="Projet hors programme")
    body = client.get(reverse("admin:journeys_project_changelist"), {"programme": programme.slug}).content.decode()
    assert "Projet PVD" in body
    assert "Projet hors programme" not in body


def test_csv_export_with_an_unknown_filter_sends_back_to_the_list_with_a_message(client, world):
    sample_template()
    ProjectFactory(organisation=world["org"], title="Projet dedans")
    login_with_second_factor(client, world["staff_in"])
    response = client.get(reverse("admin:journeys_project_export_csv"), {"inconnu": "1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:journeys_project_changelist")
    page = client.get(response["Location"]).content.decode()
    assert "Ces filtres ne s’appliquent pas à la liste des projets" in page
