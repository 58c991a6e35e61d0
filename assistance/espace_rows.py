"""The rows of the espace lists and home as plain values: each cell's text and link prepared once in Python from
`values()` rows, so the templates only print them.

Measured with 2,000 requests and 5,000 collectivités: model instances, `get_…_display`, the `date` filter, the
`{% url %}` tag and a template tag per cell were most of a list page's time (`reverse` alone costs ~0.1 ms, and a
project row needed two).
"""

from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from functools import cache
from html import escape

from django.urls import get_script_prefix, reverse
from django.utils.safestring import SafeString, mark_safe

from accounts.enums import OrganisationStatus
from assistance.enums import RequestKind, RequestStatus
from assistance.models import AssistanceRequest
from common.dates import french_date
from territories.models import TerritoryKind

KIND_LABELS = dict(RequestKind.choices)
STATUS_LABELS = dict(RequestStatus.choices)
ORGANISATION_STATUS_LABELS = dict(OrganisationStatus.choices)
TERRITORY_KIND_LABELS = dict(TerritoryKind.choices)
STATUS_BADGES = {
    RequestStatus.SUBMITTED: "fr-badge--new",
    RequestStatus.REVIEWING: "fr-badge--info",
    RequestStatus.ACCEPTED: "fr-badge--success",
    RequestStatus.EXPERTS_MOBILISED: "fr-badge--success",
    RequestStatus.REDIRECTED: "fr-badge--warning",
    RequestStatus.REFUSED: "fr-badge--error",
    RequestStatus.CLOSED: "",
}
_MARKER = "00000000-0000-0000-0000-000000000000"


@cache
def _pattern(name: str, prefix: str) -> str:
    return reverse(name, kwargs={"public_id": _MARKER})


def url_maker(name: str) -> Callable[[object], str]:
    """A function public_id → URL of the named route, resolved once per process (and script prefix)."""
    pattern = _pattern(name, get_script_prefix())
    return lambda public_id: pattern.replace(_MARKER, str(public_id))


@cache
def _urls(names: tuple[str, ...], prefix: str) -> dict[str, str]:
    return {name: reverse(name) for name in names}


def urls_of(*names: str) -> dict[str, str]:
    """The URLs of routes without argument, resolved once per process (and script prefix)."""
    return _urls(names, get_script_prefix())


def person_name(first_name: str, last_name: str, is_active: bool) -> str:
    """A person's name from row values; "" for a deactivated account (assistance.emails.display_name's rule)."""
    return f"{first_name} {last_name}".strip() if is_active else ""


def anct_name(first_name: str, last_name: str, is_active: bool) -> str:
    """A chargé de mission as the collectivité reads them (assistance.emails.display_name with anct=True)."""
    name = person_name(first_name, last_name, is_active)
    return f"{name} (ANCT)" if name else "Un chargé de mission de l’ANCT"


def waiting_text(reminders: int | None) -> str:
    """« attend la collectivité (2 relances) » while ANCT waits (`reminders` sent so far), "" otherwise."""
    if reminders is None:
        return ""
    return "attend la collectivité" + (f" ({reminders} relance{'s' if reminders > 1 else ''})" if reminders else "")


def place_of(departement: str | None, region: str | None) -> str:
    return departement or region or ""


# --- Requests ---------------------------------------------------------------------------------------------------

REQUEST_FIELDS = (
    "public_id",
    "kind",
    "status",
    "created_at",
    "waiting_since",
    "reminders_sent",
    "organisation__name",
    "organisation__departement_id",
    "organisation__region_id",
    "project__title",
    "assigned_to_id",
    "assigned_to__first_name",
    "assigned_to__last_name",
    "assigned_to__is_active",
)


def request_rows(values: Iterable[dict]) -> list[dict]:
    """Rows of the requests list from `values(*REQUEST_FIELDS)`."""
    url = url_maker("espace:request_detail")
    rows = []
    for row in values:
        assignee = ""
        if row["assigned_to_id"]:
            assignee = anct_name(
                row["assigned_to__first_name"], row["assigned_to__last_name"], row["assigned_to__is_active"]
            )
        waiting = waiting_text(row["reminders_sent"] if row["waiting_since"] else None)
        kind = KIND_LABELS.get(row["kind"], row["kind"])
        rows.append(
            {
                "url": url(row["public_id"]),
                "organisation": row["organisation__name"],
                "place": place_of(row["organisation__departement_id"], row["organisation__region_id"]),
                "kind": kind[:1].upper() + kind[1:],
                "project": row["project__title"],
                "status": STATUS_LABELS.get(row["status"], row["status"]),
                "badge": STATUS_BADGES.get(row["status"], ""),
                "waiting": waiting,
                "created": french_date(row["created_at"]),
                "assignee": assignee or "—",
            }
        )
    return rows


REQUEST_EXPORT_FIELDS = (
    "public_id",
    "organisation__name",
    "organisation__departement_id",
    "organisation__region_id",
    "project__title",
    "kind",
    "status",
    "urgency",
    "cost_rule",
    "assigned_to__first_name",
    "assigned_to__last_name",
)


def _labels(field_name: str) -> dict:
    """A field's value → label, as get_FOO_display() reads them."""
    return {value: str(label) for value, label in AssistanceRequest._meta.get_field(field_name).flatchoices}


def _day(value: date | None) -> str:
    return f"{value.day:02d}/{value.month:02d}/{value.year}" if value else ""


def request_export_rows(values: Iterable[tuple]) -> Iterator[tuple]:
    """The CSV rows of the requests export from `values_list(*REQUEST_EXPORT_FIELDS, three dates)`."""
    kinds, statuses, urgencies, costs = (_labels(name) for name in ("kind", "status", "urgency", "cost_rule"))
    for (
        public_id,
        organisation,
        departement,
        region,
        project,
        kind,
        status,
        urgency,
        cost_rule,
        first_name,
        last_name,
        created,
        answered,
        closed,
    ) in values:
        yield (
            str(public_id),
            organisation,
            departement or "",
            region,
            project,
            kinds.get(kind, kind),
            statuses.get(status, status),
            urgencies.get(urgency, urgency),
            costs.get(cost_rule, cost_rule),
            f"{first_name} {last_name}".strip() if first_name is not None else "",
            _day(created),
            _day(answered),
            _day(closed),
        )


# --- Collectivités ----------------------------------------------------------------------------------------------

ORGANISATION_FIELDS = (
    "pk",
    "public_id",
    "name",
    "kind",
    "status",
    "departement_id",
    "departement__name",
    "region__name",
    "member_count",
    "project_count",
    "open_request_count",
)


def organisation_rows(values: Iterable[dict]) -> list[dict]:
    """Rows of the collectivités list from `values(*ORGANISATION_FIELDS)` (counts annotated)."""
    url = url_maker("espace:organisation_detail")
    return [
        {
            "url": url(row["public_id"]),
            "name": row["name"],
            "kind": TERRITORY_KIND_LABELS.get(row["kind"], row["kind"]),
            "place": (
                f"{row['departement_id']} — {row['departement__name']}"
                if row["departement_id"]
                else row["region__name"]
            ),
            "status": ORGANISATION_STATUS_LABELS.get(row["status"], row["status"]),
            "members": row["member_count"],
            "projects": row["project_count"],
            "open_requests": row["open_request_count"],
        }
        for row in values
    ]


# --- Projects ---------------------------------------------------------------------------------------------------

PROJECT_FIELDS = (
    "pk",
    "public_id",
    "title",
    "last_activity_at",
    "organisation__name",
    "organisation__departement_id",
    "organisation__region_id",
    "current_stage__order",
    "current_stage__name",
    "required_done",
    "required_total",
    "open_request_count",
    "is_followed",
    "waiting_reminders",
)


def project_rows(values: Iterable[dict]) -> list[dict]:
    """Rows of the projects list from `values(*PROJECT_FIELDS)` with each project's "theme_names"."""
    page_url = url_maker("journeys:project_detail")
    follow_url = url_maker("espace:project_follow")
    return [
        {
            "url": page_url(row["public_id"]),
            "follow_url": follow_url(row["public_id"]),
            "title": row["title"],
            "themes": ", ".join(row["theme_names"]),
            "organisation": row["organisation__name"],
            "place": place_of(row["organisation__departement_id"], row["organisation__region_id"]),
            "stage": f"{row['current_stage__order']}. {row['current_stage__name']}",
            "done": row["required_done"],
            "total": row["required_total"],
            "open_requests": row["open_request_count"],
            "last_activity": french_date(row["last_activity_at"]),
            "follow_value": "0" if row["is_followed"] else "1",
            "follow_label": "Ne plus suivre" if row["is_followed"] else "Je suis ce projet",
            "waiting": waiting_text(row["waiting_reminders"]),
        }
        for row in values
    ]


# --- The lists' table bodies -------------------------------------------------------------------------------------
# Written here, not by a template loop: 25 rows of 6–10 cells, each variable resolved, escaped and localised by the
# template engine, were about half of a list page's time. tests/assistance/test_espace_rows_html.py compares them
# with the loops they replace.


def _small(text: str) -> str:
    return f'<br><span class="fr-text--xs">{escape(text)}</span>' if text else ""


def request_rows_html(rows: list[dict]) -> SafeString:
    """The <tr> of each request_rows() row."""
    parts = [
        f'<tr><td>{escape(row["organisation"])}<br><span class="fr-text--xs">{escape(row["place"])}</span></td>'
        f'<td><a href="{escape(row["url"])}">{escape(row["kind"])}</a>'
        f'<br><span class="fr-text--xs">{escape(row["project"])}</span></td>'
        f'<td><p class="fr-badge fr-badge--sm {escape(row["badge"])}">{escape(row["status"])}</p>'
        f"{_small(row['waiting'])}</td>"
        f"<td>{escape(row['created'])}</td><td>{escape(row['assignee'])}</td></tr>"
        for row in rows
    ]
    return mark_safe("".join(parts))  # noqa: S308 (every value escaped above)


def organisation_rows_html(rows: list[dict]) -> SafeString:
    """The <tr> of each organisation_rows() row."""
    parts = [
        f'<tr><td><a href="{escape(row["url"])}">{escape(row["name"])}</a>'
        f'<br><span class="fr-text--xs">{escape(row["kind"])}</span></td>'
        f"<td>{escape(row['place'])}</td><td>{escape(row['status'])}</td>"
        f"<td>{row['members']}</td><td>{row['projects']}</td><td>{row['open_requests']}</td></tr>"
        for row in rows
    ]
    return mark_safe("".join(parts))  # noqa: S308 (texts escaped above, counts are integers)


def project_rows_html(rows: list[dict]) -> SafeString:
    """The <tr> of each project_rows() row, with its « Je suis ce projet » button (the table's form posts it)."""
    parts = []
    for row in rows:
        title = escape(row["title"])
        parts.append(
            f'<tr><td><a href="{escape(row["url"])}">{title}</a>{_small(row["themes"])}</td>'
            f'<td>{escape(row["organisation"])}<br><span class="fr-text--xs">{escape(row["place"])}</span></td>'
            f"<td>{escape(row['stage'])}{_small(row['waiting'])}</td>"
            f"<td>{row['done']}&nbsp;/&nbsp;{row['total']}</td><td>{row['open_requests']}</td>"
            f"<td>{escape(row['last_activity'])}</td>"
            '<td><button class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" type="submit" '
            f'formaction="{escape(row["follow_url"])}" name="follow" value="{row["follow_value"]}">'
            f'{escape(row["follow_label"])}<span class="fr-sr-only">&nbsp;: {title}</span></button></td></tr>'
        )
    return mark_safe("".join(parts))  # noqa: S308 (texts escaped above, counts are integers)


# --- The home page ----------------------------------------------------------------------------------------------
# Each section's row is a link (url, label) followed by plain text (detail).

HOME_REQUEST_FIELDS = (
    "public_id",
    "kind",
    "created_at",
    "waiting_since",
    "reminders_sent",
    "organisation__name",
)
HOME_ORGANISATION_FIELDS = ("public_id", "name", "departement_id", "region_id", "created_at")
HOME_JOIN_FIELDS = (
    "created_at",
    "organisation__public_id",
    "organisation__name",
    "user__first_name",
    "user__last_name",
    "user__is_active",
)
HOME_PROJECT_FIELDS = (
    "public_id",
    "title",
    "last_activity_at",
    "organisation__name",
    "current_stage__name",
)
HOME_WAIT_FIELDS = (
    "waiting_since",
    "reminders_sent",
    "project__public_id",
    "project__title",
    "project__organisation__name",
)
FOLLOW_FIELDS = (
    "project_id",
    "project__public_id",
    "project__title",
    "project__last_activity_at",
    "project__organisation__name",
    "project__current_stage__name",
    "request__public_id",
    "request__kind",
    "request__status",
    "request__updated_at",
    "request__organisation__name",
)


def home_request_rows(values: Iterable[dict]) -> list[dict]:
    url = url_maker("espace:request_detail")
    rows = []
    for row in values:
        detail = f" — déposée le {french_date(row['created_at'])}"
        if row["waiting_since"]:
            detail += f", relancée {row['reminders_sent']} fois"
        kind = KIND_LABELS.get(row["kind"], row["kind"])
        rows.append(
            {"url": url(row["public_id"]), "label": f"{row['organisation__name']}\u00a0: {kind}", "detail": detail}
        )
    return rows


def home_organisation_rows(values: Iterable[dict]) -> list[dict]:
    url = url_maker("espace:organisation_detail")
    return [
        {
            "url": url(row["public_id"]),
            "label": row["name"],
            "detail": f" ({place_of(row['departement_id'], row['region_id'])}), inscrite le "
            f"{french_date(row['created_at'])}",
        }
        for row in values
    ]


def home_join_rows(values: Iterable[dict]) -> list[dict]:
    url = url_maker("espace:organisation_detail")
    rows = []
    for row in values:
        name = person_name(row["user__first_name"], row["user__last_name"], row["user__is_active"])
        detail = (
            f"\u00a0: {name or 'Un membre de la collectivité'} demande à rejoindre la collectivité depuis le "
            f"{french_date(row['created_at'])}"
        )
        rows.append({"url": url(row["organisation__public_id"]), "label": row["organisation__name"], "detail": detail})
    return rows


def home_validation_rows(values: Iterable[dict]) -> list[dict]:
    url = url_maker("journeys:project_detail")
    rows = []
    for row in values:
        done, required = row["stage_done"], row["stage_required"]
        ready = ", prête à valider" if done >= required else ""
        detail = (
            f" — {row['organisation__name']}, étape «\u00a0{row['current_stage__name']}\u00a0» "
            f"({done}/{required} actions obligatoires{ready})"
        )
        rows.append({"url": url(row["public_id"]), "label": row["title"], "detail": detail})
    return rows


def home_inactive_rows(values: Iterable[dict]) -> list[dict]:
    url = url_maker("journeys:project_detail")
    return [
        {
            "url": url(row["public_id"]),
            "label": row["title"],
            "detail": f" — {row['organisation__name']}, dernière activité le {french_date(row['last_activity_at'])}",
        }
        for row in values
    ]


def home_wait_rows(values: Iterable[dict]) -> list[dict]:
    url = url_maker("journeys:project_detail")
    return [
        {
            "url": url(row["project__public_id"]),
            "label": row["project__title"],
            "detail": f" — {row['project__organisation__name']}, en attente depuis le "
            f"{french_date(row['waiting_since'])}, relancée {row['reminders_sent']} fois",
        }
        for row in values
    ]


def followed_rows(values: Iterable[dict], since: datetime | None) -> list[dict]:
    """What the user follows, each marked `changed` when it moved after `since` (always, for a first visit)."""
    project_url = url_maker("journeys:project_detail")
    request_url = url_maker("espace:request_detail")
    rows = []
    for row in values:
        if row["project_id"]:
            changed_at = row["project__last_activity_at"]
            stage = row["project__current_stage__name"]
            item = {
                "url": project_url(row["project__public_id"]),
                "label": row["project__title"],
                "detail": f" — {row['project__organisation__name']}, étape «\u00a0{stage}\u00a0»",
            }
        else:
            changed_at = row["request__updated_at"]
            kind = KIND_LABELS.get(row["request__kind"], row["request__kind"])
            item = {
                "url": request_url(row["request__public_id"]),
                "label": f"{row['request__organisation__name']}\u00a0: {kind}",
                "detail": f" — {STATUS_LABELS.get(row['request__status'], row['request__status'])}",
            }
        item["changed"] = since is None or changed_at > since
        rows.append(item)
    return rows


def departement_table_rows(rows: Iterable[dict]) -> SafeString:
    """The body of the home's « Demandes par département » table, written in one string: a national scope lists
    about a hundred départements, and their eight template variables a row were most of the home's rendering.
    html.escape(quote=True) is what django.utils.html.escape runs."""
    lines = []
    for row in rows:
        if row["url"]:
            label = f'<a href="{escape(row["url"])}">{escape(row["code"])} — {escape(row["name"])}</a>'
        else:
            label = escape(row["name"])
        counts = "".join(f"<td>{row[key]}</td>" for key in ("total", "open", "new", "overdue"))
        lines.append(f"<tr><td>{label}</td>{counts}</tr>")
    return mark_safe("".join(lines))  # noqa: S308


def status_table_rows(rows: Iterable[dict]) -> SafeString:
    """The body of the home's « Demandes par statut » table (url, label, count), in one string."""
    return mark_safe(  # noqa: S308 (texts escaped, counts are integers)
        "".join(
            f'<tr><td><a href="{escape(row["url"])}">{escape(row["label"])}</a></td><td>{row["count"]}</td></tr>'
            for row in rows
        )
    )


def home_sections_html(sections: Iterable) -> SafeString:
    """The home's blocks (assistance.espace_selectors.Section: key, title, count, rows, url, empty), in one string:
    ten blocks of seven template variables were a third of the home's rendering."""
    parts = []
    for section in sections:
        key, title = escape(section.key), escape(section.title)
        new = " fr-badge--new" if section.count else ""
        if section.rows:
            body = f"<ul>{home_list_items(section.rows)}</ul>"
            if section.url:
                body += (
                    f'<a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="{escape(section.url)}">'
                    f'Tout voir<span class="fr-sr-only">&nbsp;: {title}</span></a>'
                )
        else:
            body = f"<p>{escape(section.empty)}</p>"
        parts.append(
            f'<section class="fr-col-12 fr-col-md-6" id="{key}" aria-labelledby="titre-{key}">'
            '<div class="fr-p-3w journeys-step">'
            f'<h2 class="fr-h5" id="titre-{key}">{title} '
            f'<span class="fr-badge fr-badge--sm{new}">{section.count}</span></h2>'
            f"{body}</div></section>"
        )
    return mark_safe("".join(parts))  # noqa: S308 (texts escaped above and in home_list_items)


def home_list_items(rows: Iterable[dict]) -> SafeString:
    """The items of a home section's list (a link, then plain text), written in one string like the table above:
    nine sections of up to eight rows, three template variables each."""
    return mark_safe(  # noqa: S308
        "".join(
            f'<li><a href="{escape(row["url"])}">{escape(str(row["label"]))}</a>{escape(str(row["detail"]))}</li>'
            for row in rows
        )
    )
