"""« Mes projets »: the visible projects as plain values (no model instances), their rows and the rows' markup.

The page's query for an ordinary member's first page is precompiled (common/precompiled.py): building and compiling
it cost more than PostgreSQL takes to answer it. Staff (whose territory makes the query's shape) and the later pages
go through the same QuerySet, built for each request. On PostgreSQL the theme names come with the rows (an array
subquery evaluated after the LIMIT), elsewhere in one more query.
"""

import uuid

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, QuerySet
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from accounts.models import User
from accounts.permissions import organisations_of
from catalogue.search import uses_postgres
from common.dates import french_datetime
from common.light_forms import select_group
from common.memo import ProcessMemo
from common.precompiled import Markers, precompiled
from journeys import selectors
from journeys.filters import ProjectFilter
from journeys.models import JourneyTemplate, Project

FIELDS = (
    "pk",
    "public_id",
    "title",
    "organisation__name",
    "current_stage__order",
    "current_stage__name",
    "last_activity_at",
    "required_done",
    # What the template's structure kept per worker is keyed on (selectors.required_step_count).
    "template_id",
    "template__status",
    "template__created_at",
    "template__published_at",
)
_THEME_NAMES = Project.themes.through.objects.order_by("theme__position", "theme__name").values("theme__name")
# A public_id no project holds: the detail URL is reversed once per page, then each row puts its own in its place.
_URL_SENTINEL = uuid.UUID(int=0x5E17)


def project_values(projects: QuerySet[Project]) -> QuerySet:
    """The rows of « Mes projets » for these projects, most recent activity first, as values (FIELDS)."""
    projects = projects.order_by("-last_activity_at", "-pk").annotate(required_done=selectors.required_done())
    if uses_postgres():
        projects = projects.annotate(theme_names=ArraySubquery(_THEME_NAMES.filter(project_id=OuterRef("pk"))))
        return projects.values(*FIELDS, "theme_names")
    return projects.values(*FIELDS)


def _first_page_query(markers: Markers, *, stage: bool, theme: bool, size: int) -> QuerySet:
    # A stand-in member with the marker as id: the permission helper builds its own rule (projects of the user's
    # organisations), the marker taking the place of the id in the compiled query.
    member = User(pk=markers.integer("user"), is_active=True)
    projects = selectors.projects_visible_to(member)
    filters = ProjectFilter.base_filters
    if stage:
        projects = filters["etape"].filter(projects, markers.text("stage"))
    if theme:
        projects = filters["thematique"].filter(projects, markers.integer("theme"))
    return project_values(projects)[:size]


def _cleaned(project_filter: ProjectFilter | None) -> dict:
    """The filter's valid values: an invalid one filters nothing (django-filter's FilterSet.qs does the same)."""
    if project_filter is None or not project_filter.is_bound:
        return {}
    project_filter.form.is_valid()
    return project_filter.form.cleaned_data


def filtered_projects(user, project_filter: ProjectFilter | None) -> QuerySet[Project]:
    """The projects visible to the user, filtered as `project_filter` (bound to any queryset) says, if any."""
    projects = selectors.projects_visible_to(user)
    return project_filter.filter_queryset(projects) if _cleaned(project_filter) else projects


# The filter as the list opens, nothing chosen, by version of the theme options: building the FilterSet and its
# form (deep copies of both) and writing its two select groups cost « Mes projets » more than its query.
_unfiltered_fields = ProcessMemo(max_entries=4, seconds=600)


def filter_fields(project_filter: ProjectFilter | None, *, version: str) -> list[SafeString]:
    """The filter's select groups: of `project_filter`, or the list's opening state when it is None. `version`
    moves whenever a theme is saved or deleted (the options of « Thématique »)."""
    if project_filter is not None:
        return [select_group(field, version=version) for field in project_filter.form]
    return _unfiltered_fields.get_or_build(
        version, lambda: filter_fields(ProjectFilter(None, queryset=Project.objects.none()), version=version)
    )


def first_page_values(user, project_filter: ProjectFilter | None, size: int) -> list[dict] | None:
    """The values of the first `size` projects of the list of an ordinary member (no staff flag: the projects of
    their organisations only), filtered as `project_filter` says if any; None for staff (their list is read
    otherwise)."""
    if user.is_staff:
        return None
    cleaned = _cleaned(project_filter)
    stage = cleaned.get("etape") or ""
    theme = cleaned.get("thematique")
    values: dict = {"user": user.pk}
    if stage:
        values["stage"] = stage
    if theme is not None:
        values["theme"] = theme.pk
    return precompiled(
        ("journeys.project_list.first_page", bool(stage), theme is not None, size),
        lambda markers: _first_page_query(markers, stage=bool(stage), theme=theme is not None, size=size),
        **values,
    )


def may_create(user, first_page: list[dict] | None = None) -> bool:
    """The user belongs to an organisation (accounts.permissions.organisations_of), asked in a precompiled query
    unless `first_page` (first_page_values) already shows a project: an ordinary member sees only the projects of
    their organisations."""
    if not user.is_authenticated:
        return False
    if first_page:
        return True

    def query(markers: Markers) -> QuerySet:
        return organisations_of(User(pk=markers.integer("user"), is_active=True)).values("pk")[:1]

    return bool(precompiled("journeys.project_list.may_create", query, user=user.pk))


def _theme_names(values: list[dict]) -> dict[int, list[str]]:
    if not values or "theme_names" in values[0]:
        return {row["pk"]: row["theme_names"] or [] for row in values}
    names: dict[int, list[str]] = {}
    through = _THEME_NAMES.filter(project_id__in=[row["pk"] for row in values])
    for project_id, name in through.values_list("project_id", "theme__name"):
        names.setdefault(project_id, []).append(name)
    return names


def _required_total(row: dict) -> int:
    template = JourneyTemplate(
        pk=row["template_id"],
        status=row["template__status"],
        created_at=row["template__created_at"],
        published_at=row["template__published_at"],
    )
    return selectors.required_step_count(template)


def project_rows(values: list[dict]) -> list[dict]:
    """What each row shows, written once: URL, themes, stage, progress, last activity (texts not yet escaped)."""
    if not values:
        return []
    head, tail = reverse("journeys:project_detail", kwargs={"public_id": _URL_SENTINEL}).split(str(_URL_SENTINEL))
    themes = _theme_names(values)
    totals: dict[int, int] = {}  # required steps by template version: one structure to read per version
    rows = []
    for row in values:
        if row["template_id"] not in totals:
            totals[row["template_id"]] = _required_total(row)
        total = totals[row["template_id"]]
        done = row["required_done"]
        rows.append(
            {
                "title": row["title"],
                "url": f"{head}{row['public_id']}{tail}",
                "organisation": row["organisation__name"],
                "themes": ", ".join(themes.get(row["pk"], [])),
                "stage": f"{row['current_stage__order']}. {row['current_stage__name']}",
                "done": str(done),
                "total": str(total),
                "percent": str(round(100 * done / total) if total else 0),
                "last_activity": french_datetime(row["last_activity_at"]),
            }
        )
    return rows


def rows_html(rows: list[dict]) -> SafeString:
    """The <tr> of each row, as the template's loop wrote them (tests/journeys/test_project_rows.py compares): the
    loop cost about 60 µs a row (ten variables, each escaped and localised through the template engine)."""
    parts = []
    for row in rows:
        title = escape(row["title"])
        themes = f'<br><span class="fr-text--xs">{escape(row["themes"])}</span>' if row["themes"] else ""
        percent = escape(row["percent"])
        parts.append(
            f'<tr><td><a href="{escape(row["url"])}">{title}</a>{themes}</td>'
            f"<td>{escape(row['organisation'])}</td>"
            f"<td>{escape(row['stage'])}</td>"
            f"<td>{escape(row['done'])}&nbsp;/&nbsp;{escape(row['total'])} actions obligatoires<br>"
            f'<progress class="journeys-progress" max="100" value="{percent}" aria-label="Avancement de {title}">'
            f"{percent}&nbsp;%</progress></td>"
            f"<td>{escape(row['last_activity'])}</td></tr>"
        )
    return mark_safe("".join(parts))  # noqa: S308 (every value above is escaped)
