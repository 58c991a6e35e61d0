"""People and the collectivités they act for."""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q

from accounts.enums import JoinRequestStatus, OrganisationStatus, Role, ScopeLevel
from territories.models import Commune, Departement, Epci, Region, TerritoryKind


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("L’adresse électronique est obligatoire.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person: an élu or agent of a collectivité, or an ANCT staff member. Email is the login."""

    username = None
    email = models.EmailField("adresse électronique", unique=True)
    job_title = models.CharField("fonction", max_length=150, blank=True)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    wants_notifications = models.BooleanField("recevoir les notifications par courriel", default=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = "utilisateur"

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class Organisation(models.Model):
    """A collectivité: exactly one territory (commune, EPCI, département or région), at most one organisation each."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField("nom", max_length=200)
    kind = models.CharField("type", max_length=12, choices=TerritoryKind.choices)
    commune = models.OneToOneField(
        Commune, on_delete=models.PROTECT, null=True, blank=True, related_name="organisation"
    )
    epci = models.OneToOneField(Epci, on_delete=models.PROTECT, null=True, blank=True, related_name="organisation")
    departement_territory = models.OneToOneField(
        Departement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisation",
        verbose_name="département (collectivité)",
    )
    region_territory = models.OneToOneField(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisation",
        verbose_name="région (collectivité)",
    )
    # Where the collectivité sits, for ANCT scopes and filters (a région has no single département).
    departement = models.ForeignKey(
        Departement,
        to_field="code",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="département",
    )
    region = models.ForeignKey(
        Region, to_field="code", on_delete=models.PROTECT, related_name="+", verbose_name="région"
    )
    status = models.CharField(
        "statut", max_length=12, choices=OrganisationStatus.choices, default=OrganisationStatus.PENDING
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    confirmed_at = models.DateTimeField("confirmée le", null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="confirmée par",
    )
    rejected_at = models.DateTimeField("refusée le", null=True, blank=True)
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="refusée par",
    )
    rejection_reason = models.TextField("motif du refus", blank=True)
    # Who asked for the space (register_organisation): they are told on « Mon compte » if ANCT refuses it.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="inscrite par",
    )

    class Meta:
        verbose_name = "collectivité"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                name="organisation_exactly_one_territory",
                condition=(
                    Q(
                        kind="commune",
                        commune__isnull=False,
                        epci__isnull=True,
                        departement_territory__isnull=True,
                        region_territory__isnull=True,
                    )
                    | Q(
                        kind="epci",
                        commune__isnull=True,
                        epci__isnull=False,
                        departement_territory__isnull=True,
                        region_territory__isnull=True,
                    )
                    | Q(
                        kind="departement",
                        commune__isnull=True,
                        epci__isnull=True,
                        departement_territory__isnull=False,
                        region_territory__isnull=True,
                    )
                    | Q(
                        kind="region",
                        commune__isnull=True,
                        epci__isnull=True,
                        departement_territory__isnull=True,
                        region_territory__isnull=False,
                    )
                ),
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_confirmed(self) -> bool:
        """Confirmed by ANCT: until then (pending or refused) nothing of the organisation is shown to others."""
        return self.status == OrganisationStatus.CONFIRMED


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField("rôle", max_length=10, choices=Role.choices, default=Role.AGENT)
    created_at = models.DateTimeField("depuis le", auto_now_add=True)

    class Meta:
        verbose_name = "rattachement"
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique_user_organisation")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"


class JoinRequest(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="join_requests")
    role = models.CharField("rôle demandé", max_length=10, choices=Role.choices, default=Role.AGENT)
    message = models.TextField("message", blank=True)
    status = models.CharField(
        "statut", max_length=10, choices=JoinRequestStatus.choices, default=JoinRequestStatus.PENDING
    )
    created_at = models.DateTimeField("demandée le", auto_now_add=True)
    decided_at = models.DateTimeField("décidée le", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="décidée par",
    )

    class Meta:
        verbose_name = "demande de rattachement"
        verbose_name_plural = "demandes de rattachement"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=Q(status="pending"),
                name="joinrequest_one_pending_per_user_org",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation}"


class StaffScope(models.Model):
    """The territory an ANCT chargé de mission covers."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_scope")
    level = models.CharField("niveau", max_length=14, choices=ScopeLevel.choices, default=ScopeLevel.DEPARTEMENTAL)
    region = models.ForeignKey(
        Region,
        to_field="code",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="région couverte",
    )
    departements = models.ManyToManyField(
        Departement, blank=True, related_name="+", verbose_name="départements couverts"
    )

    class Meta:
        verbose_name = "périmètre ANCT"
        verbose_name_plural = "périmètres ANCT"

    def __str__(self) -> str:
        return f"{self.user} — {self.get_level_display()}"
