"""The user's right of access (RGPD art. 15 and 20): everything the portal keeps about a person, as JSON.

Each app registers what it holds about a user:

    from accounts.rgpd import register_exporter

    @register_exporter
    def projects(user):  # the section is named after the function
        return [{"titre": p.title, ...} for p in Project.objects.filter(created_by=user)]

An exporter returns JSON-serialisable data (dates are turned into ISO strings).
"""

from collections.abc import Callable
from typing import Any

from django.utils import timezone

Exporter = Callable[[Any], Any]
_EXPORTERS: dict[str, Exporter] = {}


def register_exporter(fn: Exporter | None = None, *, name: str | None = None):
    """Register `fn(user) -> data` under `name` (default: the function name). Usable as a decorator."""

    def _register(function: Exporter) -> Exporter:
        _EXPORTERS[name or function.__name__] = function
        return function

    return _register(fn) if fn is not None else _register


def exporters() -> dict[str, Exporter]:
    return dict(_EXPORTERS)


def export_user_data(user) -> dict:
    """Every registered section for `user`, plus when the export was made."""
    data: dict[str, Any] = {"export": {"date": timezone.now().isoformat(), "format": "Territoires IA RGPD v1"}}
    for section, exporter in sorted(_EXPORTERS.items()):
        data[section] = exporter(user)
    return data


def iso(value) -> str | None:
    return value.isoformat() if value else None


@register_exporter
def profil(user) -> dict:
    from allauth.account.models import EmailAddress

    return {
        "adresse_electronique": user.email,
        "prenom": user.first_name,
        "nom": user.last_name,
        "fonction": user.job_title,
        "identifiant": str(user.public_id),
        "inscrit_le": iso(user.date_joined),
        "derniere_connexion": iso(user.last_login),
        "notifications_par_courriel": user.wants_notifications,
        "adresses_electroniques": [
            {"adresse": address.email, "verifiee": address.verified, "principale": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
    }


@register_exporter
def rattachements(user) -> list[dict]:
    from accounts.models import Membership

    return [
        {
            "collectivite": membership.organisation.name,
            "type": membership.organisation.get_kind_display(),
            "role": membership.get_role_display(),
            "depuis_le": iso(membership.created_at),
        }
        for membership in Membership.objects.filter(user=user).select_related("organisation").order_by("pk")
    ]


@register_exporter
def demandes_de_rattachement(user) -> list[dict]:
    from accounts.models import JoinRequest

    return [
        {
            "collectivite": request.organisation.name,
            "role_demande": request.get_role_display(),
            "message": request.message,
            "statut": request.get_status_display(),
            "demandee_le": iso(request.created_at),
            "decidee_le": iso(request.decided_at),
        }
        for request in JoinRequest.objects.filter(user=user).select_related("organisation").order_by("pk")
    ]


@register_exporter
def second_facteur(user) -> list[dict]:
    from allauth.mfa.models import Authenticator

    # The secrets themselves are never exported.
    return [
        {"type": authenticator.get_type_display(), "cree_le": iso(authenticator.created_at)}
        for authenticator in Authenticator.objects.filter(user=user).order_by("pk")
    ]


@register_exporter
def collectivites_inscrites(user) -> list[dict]:
    from accounts.models import Organisation

    return [
        {
            "collectivite": organisation.name,
            "statut": organisation.get_status_display(),
            "le": iso(organisation.created_at),
        }
        for organisation in Organisation.objects.filter(created_by=user).order_by("created_at")
    ]
