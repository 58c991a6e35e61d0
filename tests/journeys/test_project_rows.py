"""« Mes projets »: rows written in Python with the template loop's markup, and the precompiled first page of a
member reading the same projects as the QuerySet it replaces (never another organisation's)."""

import re

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalogue.models import Theme
from catalogue.search import uses_postgres
from journeys import project_listing, selectors
from journeys.filters import ProjectFilter
from tests.journeys.factories import ProjectFactory, ThemeFactory, complete_stage, move_to, sample_template

# The loop the template held before the rows were written in Python.
LOOP = Template(
    """{% for row in rows %}
            <tr>
              <td>
                <a href="{{ row.url }}">{{ row.title }}</a>
                {% if row.themes %}
                  <br>
                  <span class="fr-text--xs">{{ row.themes }}</span>
                {% endif %}
              </td>
              <td>{{ row.organisation }}</td>
              <td>{{ row.stage }}</td>
              <td>
                {{ row.done }}&nbsp;/&nbsp;{{ row.total }} actions obligatoires
                <br>
                <progress class="journeys-progress" max="100" value="{{ row.percent }}" aria-label="Avancement de {{ row.title }}">{{ row.percent }}&nbsp;%</progress>
              </td>
              <td>{{ row.last_activity }}</td>
            </tr>
          {% endfor %}"""  # noqa: E501 (the template line as it was)
)


def _markup(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+", ">", re.sub(r"\s+<", "<", str(html)))).strip()


def _first_page(user, data=None) -> list[dict]:
    project_filter = ProjectFilter(data, queryset=selectors.projects_visible_to(user))
    return project_listing.first_page_values(user, project_filter, 21)


def _queryset_page(user, data=None) -> list[dict]:
    project_filter = ProjectFilter(data, queryset=selectors.projects_visible_to(user))
    return list(project_listing.project_values(project_filter.qs)[:21])


def test_rows_markup_matches_the_template_loop(world):
    sample_template()
    world["org"].name = "Saint-Jean & « Les Îles » <b>"
    world["org"].save()
    tricky = ProjectFactory(organisation=world["org"], title="Données & <script>« IA »</script>")
    tricky.themes.add(ThemeFactory(slug="mobilite", name="Mobilités & transports"), ThemeFactory(slug="eau"))
    complete_stage(move_to(ProjectFactory(organisation=world["org"]), "cadrage"), "agenda")
    rows = project_listing.project_rows(_first_page(world["member"]))
    assert len(rows) == 2
    expected = _markup(LOOP.render(Context({"rows": rows})))
    assert _markup(project_listing.rows_html(rows)) == expected
    assert "&lt;script&gt;" in expected


@pytest.mark.parametrize("data", [None, {"etape": "cadrage"}, {"thematique": "mobilite"}, {"etape": "inconnue"}])
def test_precompiled_first_page_reads_what_the_queryset_reads(world, data):
    sample_template()
    theme = ThemeFactory(slug="mobilite")
    for n in range(4):
        project = ProjectFactory(organisation=world["org"])
        if n % 2:
            project.themes.add(theme)
            move_to(project, "cadrage")
    ProjectFactory(organisation=world["other_org"]).themes.add(theme)
    member = world["member"]
    assert _first_page(member, data) == _queryset_page(member, data)
    assert _first_page(member, data)


def test_the_compiled_query_takes_each_members_own_id(world):
    sample_template()
    mine = ProjectFactory(organisation=world["org"], title="Projet de la commune")
    theirs = ProjectFactory(organisation=world["other_org"], title="Projet voisin")
    assert [row["pk"] for row in _first_page(world["member"])] == [mine.pk]
    assert [row["pk"] for row in _first_page(world["outsider"])] == [theirs.pk]
    assert _first_page(world["member"], {"thematique": "inconnue"}) == _queryset_page(
        world["member"], {"thematique": "inconnue"}
    )


def test_staff_lists_are_not_read_by_the_member_query(world):
    sample_template()
    ProjectFactory(organisation=world["org"])
    assert _first_page(world["staff_in"]) is None


def test_a_member_list_runs_three_queries_once_warm(client_as, world):
    sample_template()
    ProjectFactory(organisation=world["org"]).themes.add(ThemeFactory(slug="eau"))
    client = client_as(world["member"])
    url = reverse("journeys:project_list")
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    # The session's user, the page's projects with their themes (one more query for the themes on SQLite), whether
    # the user may create a project; the session itself is read from the cache in production (5 queries before).
    queries = [query["sql"] for query in ctx.captured_queries if '"django_session"' not in query["sql"]]
    assert len(queries) <= (3 if uses_postgres() else 4), "\n".join(sql[:60] for sql in queries)


def test_a_theme_added_or_renamed_shows_at_once_in_the_filter(client_as, world):
    sample_template()
    theme = ThemeFactory(slug="eau", name="Eau")
    client = client_as(world["member"])
    url = reverse("journeys:project_list")
    assert '<option value="eau">Eau</option>' in client.get(url).content.decode()
    theme.name = "Eau et assainissement"
    theme.save()
    Theme.objects.create(slug="energie", name="Énergie", position=99)
    body = client.get(url).content.decode()
    assert '<option value="eau">Eau et assainissement</option>' in body
    assert '<option value="energie">Énergie</option>' in body


def test_staff_filtered_list_keeps_to_their_scope(client_as, world):
    sample_template()
    move_to(ProjectFactory(organisation=world["org"], title="Cadrage dedans"), "cadrage")
    ProjectFactory(organisation=world["org"], title="Agenda dedans")
    move_to(ProjectFactory(organisation=world["other_org"], title="Cadrage dehors"), "cadrage")
    body = client_as(world["staff_in"]).get(reverse("journeys:project_list"), {"etape": "cadrage"}).content.decode()
    assert "Cadrage dedans" in body
    assert "Agenda dedans" not in body
    assert "Cadrage dehors" not in body
