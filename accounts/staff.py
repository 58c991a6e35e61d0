"""Creating the ANCT staff accounts: the first national administrator and the chargés de mission with their scope.

Used by `manage.py anct_staff` (see README « Premiers comptes ANCT »). Staff accounts are never created by sign-up.
"""

from collections.abc import Sequence

from allauth.account.models import EmailAddress
from django.db import transaction

from accounts.enums import ScopeLevel
from accounts.models import StaffScope, User
from accounts.services import AccountsError
from territories.models import Departement, Region


class StaffSetupError(AccountsError):
    pass


@transaction.atomic
def set_up_staff_member(
    *,
    email: str,
    level: str,
    departements: Sequence[str] = (),
    region: str | None = None,
    administrator: bool = False,
    first_name: str = "",
    last_name: str = "",
) -> tuple[User, bool]:
    """Create (or update) an ANCT staff account with its territorial scope; returns (user, created).

    A national administrator is a superuser with a national scope: they manage reference content in the admin.
    A new account has no password: its owner sets one through « Mot de passe oublié », then activates the second
    factor the espace ANCT and the admin require. Raises StaffSetupError for an unknown territory or a scope
    that does not match its level.
    """
    email = User.objects.normalize_email(email.strip()).lower()
    if not email or "@" not in email:
        raise StaffSetupError("Indiquez une adresse électronique valide.")
    if level not in ScopeLevel.values:
        raise StaffSetupError("Le niveau doit être départemental, régional ou national.")
    if administrator and level != ScopeLevel.NATIONAL:
        raise StaffSetupError("Un administrateur national a un périmètre national.")
    found_departements = list(Departement.objects.filter(code__in=departements, is_active=True))
    if level == ScopeLevel.DEPARTEMENTAL:
        unknown = sorted(set(departements) - {departement.code for departement in found_departements})
        if not departements or unknown:
            raise StaffSetupError(
                f"Départements inconnus : {', '.join(unknown)}." if unknown else "Indiquez au moins un département."
            )
    found_region = Region.objects.filter(code=region, is_active=True).first() if region else None
    if level == ScopeLevel.REGIONAL and found_region is None:
        raise StaffSetupError(f"Région inconnue : {region or '(aucune)'}.")
    user = User.objects.filter(email=email).first()
    created = user is None
    if created:
        user = User.objects.create_user(email=email, password=None)
    user.is_staff = True
    user.is_active = True
    user.is_superuser = user.is_superuser or administrator
    user.first_name = first_name or user.first_name
    user.last_name = last_name or user.last_name
    user.save()
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    scope, _ = StaffScope.objects.update_or_create(
        user=user, defaults={"level": level, "region": found_region if level == ScopeLevel.REGIONAL else None}
    )
    scope.departements.set(found_departements if level == ScopeLevel.DEPARTEMENTAL else [])
    return user, created
