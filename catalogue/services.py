"""Writes of the catalogue: search index, adopters' declarations, messages between adopters, imports."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.enums import OrganisationStatus
from accounts.models import Organisation, User
from accounts.permissions import is_member
from catalogue import emails
from catalogue.enums import AdoptionStatus
from catalogue.indexing import refresh_adopter_counts, refresh_search_index
from catalogue.models import KIND_FIELDS, SIZE_FIELDS, AdopterMessage, Adoption, Publisher, Service, Theme
from catalogue.selectors import CATALOGUE_PAGES
from catalogue.service_io import ServiceResource
from common.fragments import bump_version

# Contact form limits: enough to organise a mutualisation, too few to spam the other collectivités. They hold per
# person and per organisation: several accounts of one collectivité share its quota.
MESSAGES_PER_SERVICE_PER_DAY = 2
MESSAGES_PER_USER_PER_DAY = 5
MESSAGES_PER_ORGANISATION_PER_DAY = 5


class CatalogueError(Exception):
    """A rule of the catalogue was broken; the message is French and shown to the user."""


class AdoptionError(CatalogueError):
    pass


class ContactError(CatalogueError):
    pass


def refresh_organisation_adoptions(*, organisation: Organisation) -> None:
    """Recount the services the organisation declared, after its status changed (it becomes public or not)."""
    service_ids = list(Adoption.objects.filter(organisation=organisation).values_list("service_id", flat=True))
    if service_ids:
        refresh_adopter_counts(service_ids=service_ids)


@transaction.atomic
def declare_adoption(*, service: Service, organisation: Organisation, status: str, declared_by: User) -> Adoption:
    """Record (or change) the organisation's declaration about the service. Raises AdoptionError.

    The declaration of an organisation not yet confirmed by ANCT is recorded but stays private until it is.
    """
    if not service.is_published:
        raise AdoptionError("Ce service n’est plus publié dans le catalogue.")
    if not is_member(declared_by, organisation):
        raise AdoptionError("Vous ne pouvez déclarer un usage que pour une collectivité dont vous êtes membre.")
    if status not in AdoptionStatus.values:
        raise AdoptionError("Choisissez « Nous l’utilisons » ou « Ça nous intéresse ».")
    adoption, _created = Adoption.objects.update_or_create(
        service=service, organisation=organisation, defaults={"status": status, "declared_by": declared_by}
    )
    refresh_adopter_counts(service_ids=[service.pk])
    return adoption


@transaction.atomic
def withdraw_adoption(*, service: Service, organisation: Organisation, withdrawn_by: User) -> None:
    """Remove the organisation's declaration about the service. Raises AdoptionError."""
    if not is_member(withdrawn_by, organisation):
        raise AdoptionError("Vous ne pouvez retirer que les déclarations d’une collectivité dont vous êtes membre.")
    deleted, _ = Adoption.objects.filter(service=service, organisation=organisation).delete()
    if not deleted:
        raise AdoptionError("Cette collectivité n’avait rien déclaré pour ce service.")
    refresh_adopter_counts(service_ids=[service.pk])


@dataclass(frozen=True)
class ContactResult:
    message: AdopterMessage
    recipient_count: int


@transaction.atomic
def contact_adopters(
    *, service: Service, sender: User, organisation: Organisation, subject: str, body: str, share_email: bool = False
) -> ContactResult:
    """Relay a message by email to the members of the other organisations that declared the service.

    The sender must be a member of a confirmed organisation that declared the service; recipients are the members of
    the other confirmed declaring organisations who accept notifications; no recipient address is disclosed, and
    the sender's address only when `share_email` (then it is the Reply-To). The daily limits count the messages of
    the sender and those of the organisation (all its members).
    Raises ContactError (not an adopter, organisation not confirmed, nobody to write to, too many messages).
    """
    if not is_member(sender, organisation):
        raise ContactError("Vous n’êtes pas membre de cette collectivité.")
    # Serialise the sends of one organisation (then of one person): two colleagues posting at once cannot both
    # pass the count below. Always in this order, so two locks never wait on each other.
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    User.objects.select_for_update().filter(pk=sender.pk).first()
    if organisation.status == OrganisationStatus.REJECTED:
        raise ContactError(
            f"L’ANCT a refusé l’inscription de « {organisation.name} » : "
            "vous ne pouvez pas écrire aux autres collectivités en son nom."
        )
    if not organisation.is_confirmed:
        raise ContactError(
            f"« {organisation.name} » attend encore la confirmation de l’ANCT. Vous pourrez écrire aux autres "
            "collectivités dès que l’ANCT aura confirmé votre collectivité."
        )
    if not Adoption.objects.filter(service=service, organisation=organisation).exists():
        raise ContactError(
            "Déclarez d’abord que votre collectivité utilise ce service ou s’y intéresse pour écrire aux autres."
        )
    since = timezone.now() - timedelta(days=1)
    sent = AdopterMessage.objects.filter(sender=sender, created_at__gte=since)
    if sent.filter(service=service).count() >= MESSAGES_PER_SERVICE_PER_DAY:
        raise ContactError(
            f"Vous avez déjà envoyé {MESSAGES_PER_SERVICE_PER_DAY} messages à propos de ce service "
            "ces dernières 24 heures. Réessayez demain."
        )
    if sent.count() >= MESSAGES_PER_USER_PER_DAY:
        raise ContactError(
            f"Vous avez atteint la limite de {MESSAGES_PER_USER_PER_DAY} messages par 24 heures. Réessayez demain."
        )
    sent_by_organisation = AdopterMessage.objects.filter(organisation=organisation, created_at__gte=since)
    if sent_by_organisation.filter(service=service).count() >= MESSAGES_PER_SERVICE_PER_DAY:
        raise ContactError(
            f"Votre collectivité a déjà envoyé {MESSAGES_PER_SERVICE_PER_DAY} messages à propos de ce service "
            "ces dernières 24 heures (tous ses membres confondus). Réessayez demain."
        )
    if sent_by_organisation.count() >= MESSAGES_PER_ORGANISATION_PER_DAY:
        raise ContactError(
            f"Votre collectivité a atteint la limite de {MESSAGES_PER_ORGANISATION_PER_DAY} messages par 24 heures "
            "(tous ses membres confondus). Réessayez demain."
        )
    recipients = list(
        User.objects.filter(
            is_active=True,
            wants_notifications=True,
            memberships__organisation__adoptions__service=service,
            memberships__organisation__status=OrganisationStatus.CONFIRMED,
        )
        .exclude(memberships__organisation=organisation)
        .exclude(pk=sender.pk)
        .distinct()
        .values_list("email", flat=True)
    )
    if not recipients:
        raise ContactError("Aucune autre collectivité ne peut encore recevoir de message à propos de ce service.")
    message = AdopterMessage.objects.create(
        service=service,
        sender=sender,
        organisation=organisation,
        subject=subject.strip(),
        body=body.strip(),
        share_email=share_email,
        recipient_count=len(recipients),
    )
    transaction.on_commit(lambda: emails.send_adopter_message(message=message, recipients=recipients))
    return ContactResult(message=message, recipient_count=len(recipients))


def ensure_themes() -> int:
    """Create the missing themes of the shared vocabulary (catalogue/content/themes.yaml); returns how many.

    An existing theme keeps the name and position it has (an editor may have changed them in the administration):
    renaming a shipped theme on existing databases is a data migration that leaves edited rows alone.
    """
    from catalogue.demo import THEMES

    existing = set(Theme.objects.values_list("slug", flat=True))
    missing = [
        Theme(slug=slug, name=name, position=position)
        for position, (slug, name) in enumerate(THEMES, start=1)
        if slug not in existing
    ]
    Theme.objects.bulk_create(missing)
    if missing:
        bump_version(CATALOGUE_PAGES)  # bulk_create sends no post_save: the theme lists keyed on the token move
    return len(missing)


@transaction.atomic
def load_demo_services() -> int:
    """Create the shipped services that do not exist yet; idempotent. Returns how many were created.

    A service exists when a row has its slug or its name (an imported catalogue may have it under another slug).
    An existing row is never changed, so an editor's version stays; a deleted one comes back (unpublish instead).
    """
    from catalogue.demo import PUBLISHERS, SERVICES

    ensure_themes()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    existing = Service.objects.values_list("slug", "name")
    slugs = {slug for slug, _name in existing}
    names = {name.casefold() for _slug, name in existing}
    created_ids = []
    for data in SERVICES:
        if data["slug"] in slugs or data["name"].casefold() in names:
            continue
        kind, website = PUBLISHERS[data["publisher"]]
        publisher, _ = Publisher.objects.get_or_create(
            name=data["publisher"], defaults={"kind": kind, "website": website}
        )
        fields = {key: value for key, value in data.items() if key not in {"publisher", "themes", "kinds", "sizes"}}
        service = Service(publisher=publisher, **fields)
        for kind_value, field_name in KIND_FIELDS.items():
            setattr(service, field_name, kind_value in data["kinds"])
        for size_value, field_name in SIZE_FIELDS.items():
            setattr(service, field_name, size_value in data["sizes"])
        service.full_clean(exclude=["themes"])
        service.save()
        service.themes.set([themes[slug] for slug in data["themes"]])
        created_ids.append(service.pk)
    refresh_search_index(service_ids=created_ids)
    return len(created_ids)


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int


class ImportRejected(CatalogueError):
    """The file was rejected as a whole; `errors` lists every bad row as (line, message)."""

    def __init__(self, errors: list[tuple[int, str]]):
        self.errors = errors
        lines = ", ".join(str(line) for line in sorted({line for line, _message in errors}))
        super().__init__(f"Import refusé, rien n’a été enregistré : {len(errors)} erreur(s), ligne(s) {lines}.")


IMPORT_FORMATS = {"csv", "json"}


def import_services(*, content: str, file_format: str) -> ImportReport:
    """Create or update services (by slug) from a CSV or JSON export; all rows or none.

    Raises ImportRejected listing every bad row with its line number (CSV: line in the file, header = 1;
    JSON: position of the record, from 1).
    """
    import tablib

    if file_format not in IMPORT_FORMATS:
        raise ImportRejected([(0, f"Format « {file_format} » non pris en charge (csv ou json).")])
    try:
        dataset = tablib.Dataset().load(content, format=file_format)
    except Exception as error:  # tablib raises many kinds of errors on a malformed file
        raise ImportRejected([(0, f"Fichier illisible : {error}")]) from error
    return import_dataset(dataset=dataset, line_offset=1 if file_format == "csv" else 0)


def import_dataset(*, dataset, line_offset: int = 1) -> ImportReport:
    """Import a tablib Dataset through catalogue.service_io.ServiceResource, atomically (see import_services)."""
    resource = ServiceResource()
    with transaction.atomic():
        result = resource.import_data(
            dataset, dry_run=False, use_transactions=True, rollback_on_validation_errors=True, raise_errors=False
        )
        errors = _import_errors(result, line_offset=line_offset)
        if errors:
            raise ImportRejected(errors)
    totals = result.totals
    return ImportReport(created=totals.get("new", 0), updated=totals.get("update", 0))


def _import_errors(result, *, line_offset: int) -> list[tuple[int, str]]:
    errors: list[tuple[int, str]] = []
    for error in result.base_errors:
        errors.append((0, str(error.error)))
    for number, row_errors in result.row_errors():
        for error in row_errors:
            errors.append((number + line_offset, str(error.error)))
    for invalid in result.invalid_rows:
        for field_name, messages in invalid.error_dict.items():
            for message in messages:
                prefix = "" if field_name == "__all__" else f"{field_name} : "
                errors.append((invalid.number + line_offset, f"{prefix}{message}"))
    return sorted(errors)
