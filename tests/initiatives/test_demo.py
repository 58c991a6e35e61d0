"""The first run shows something: a demo collectivité and member on the embedded default, never in production."""

from io import StringIO

from django.contrib.auth import authenticate

from accounts.models import User
from initiatives import demo
from initiatives.models import Initiative
from journeys.models import DiagnosticResponse, EthicsCheck, Project, ProjectShortlist
from tests.catalogue.factories import ServiceFactory
from tests.journeys.factories import ThemeFactory, sample_diagnostic, sample_template
from tests.portal.test_configuration import GOOD_PRODUCTION, run_manage
from tests.territories.factories import CommuneFactory

PRINT_LOAD_DEMO = "from django.conf import settings; print('LOAD_DEMO', settings.LOAD_DEMO)"


def test_demo_is_on_for_the_embedded_default_only(tmp_path):
    embedded = run_manage("shell", "-c", PRINT_LOAD_DEMO, env={"DATABASE_URL": None}, tmp_path=tmp_path)
    assert "LOAD_DEMO True" in embedded.stdout, embedded.stderr
    production = run_manage(
        "shell", "-c", PRINT_LOAD_DEMO, env={**GOOD_PRODUCTION, "LOAD_DEMO": "true"}, tmp_path=tmp_path
    )
    assert "LOAD_DEMO False" in production.stdout, production.stderr


def test_bootstrap_never_loads_the_demo_in_production(settings):
    settings.LOAD_DEMO = True
    settings.IS_PRODUCTION = True
    assert not demo.demo_enabled()


def test_demo_loads_projects_at_different_stages_once(settings):
    sample_template()
    sample_diagnostic()
    ThemeFactory(slug="donnees")
    ThemeFactory(slug="mobilite")
    ServiceFactory()
    ServiceFactory()
    CommuneFactory(population=2_000)
    CommuneFactory(population=4_000)
    settings.LOAD_DEMO = True
    assert demo.demo_enabled()

    demo.load_demo(StringIO())
    demo.load_demo(StringIO())  # a second bootstrap changes nothing

    user = authenticate(email=demo.DEMO_EMAIL, password=demo.DEMO_PASSWORD)
    assert user is not None
    assert User.objects.filter(email=demo.DEMO_EMAIL).count() == 1
    projects = Project.objects.filter(organisation__memberships__user=user)
    assert projects.count() == 4
    assert {project.current_stage.key for project in projects} == {"diagnostic", "cadrage", "solution", "realisation"}
    assert DiagnosticResponse.objects.filter(project__in=projects, completed_at__isnull=False).exists()
    assert EthicsCheck.objects.filter(project__in=projects).exists()
    assert ProjectShortlist.objects.filter(project__in=projects).count() == 2
    assert Initiative.objects.published().filter(project__in=projects).count() == 1
    assert Initiative.objects.published().count() == 2  # and the other commune’s, for « Des projets comme le vôtre »
