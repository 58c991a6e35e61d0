import factory
from django.utils import timezone

from accounts.enums import JoinRequestStatus, OrganisationStatus, Role, ScopeLevel
from accounts.models import JoinRequest, Membership, Organisation, StaffScope, User
from tests.territories.factories import CommuneFactory


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@mairie.example.fr")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    job_title = "Chargée de mission numérique"
    password = factory.django.Password("motdepasse-de-test-solide")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Mark the email verified for allauth, as after a real sign-up (pass verified=False to skip)."""
        if not create or extracted is False:
            return
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(user=self, email=self.email, defaults={"verified": True, "primary": True})


class StaffUserFactory(UserFactory):
    """An ANCT chargé de mission with a départemental scope (scope_departements=[…])."""

    is_staff = True
    email = factory.Sequence(lambda n: f"charge{n}@anct.gouv.fr")

    @factory.post_generation
    def scope_departements(self, create, extracted, **kwargs):
        if not create:
            return
        scope = StaffScope.objects.create(user=self, level=ScopeLevel.DEPARTEMENTAL)
        if extracted:
            scope.departements.set(extracted)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    commune = factory.SubFactory(CommuneFactory)
    kind = "commune"
    name = factory.LazyAttribute(lambda o: o.commune.name)
    departement = factory.LazyAttribute(lambda o: o.commune.departement)
    region = factory.LazyAttribute(lambda o: o.commune.region)
    status = OrganisationStatus.CONFIRMED

    class Params:
        pending = factory.Trait(status=OrganisationStatus.PENDING)
        rejected = factory.Trait(
            status=OrganisationStatus.REJECTED,
            rejected_at=factory.LazyFunction(timezone.now),
            rejection_reason="La personne inscrite n’agit pas pour cette collectivité.",
        )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.AGENT


class JoinRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JoinRequest

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.AGENT
    message = "Je suis en charge du numérique à la mairie."
    status = JoinRequestStatus.PENDING


def staff_with_scope(level: str, *, region=None, departements=(), **fields) -> User:
    """A staff user with a scope of any level (StaffUserFactory alone gives a départemental one)."""
    user = StaffUserFactory(scope_departements=list(departements), **fields)
    user.staff_scope.level = level
    user.staff_scope.region = region
    user.staff_scope.save()
    return user


def with_second_factor(user) -> User:
    """Enrol TOTP and mark the object as a session that passed it, as the site's middleware would.

    client_as logs such a user in with a session that passed the second factor.
    """
    from allauth.mfa.models import Authenticator

    from accounts.permissions import mark_second_factor

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        activate_totp(user)
    mark_second_factor(user, passed=True)
    return user


def activate_totp(user) -> str:
    """Give `user` an active TOTP authenticator (allauth MFA); returns the secret to compute codes with."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def login_with_second_factor(client, user) -> None:
    """Log the test client in as a staff member who passed TOTP, as the back-office requires."""
    from allauth.account.internal.flows.login import (
        _AUTHENTICATION_METHODS_USER_SESSION_KEY,
        AUTHENTICATION_METHODS_SESSION_KEY,
    )
    from allauth.mfa.models import Authenticator

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        activate_totp(user)
    client.force_login(user)
    session = client.session
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": 0},
        {"method": "mfa", "at": 0, "type": "totp"},
    ]
    session.save()
