"""manage.py anct_staff creates the first national administrator and the chargés de mission with their scope."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accounts.enums import ScopeLevel
from accounts.models import User
from tests.territories.factories import DepartementFactory, RegionFactory


def _run(*args) -> str:
    out = StringIO()
    call_command("anct_staff", *args, stdout=out)
    return out.getvalue()


def test_the_first_national_administrator():
    output = _run("Admin@ANCT.gouv.fr", "--administrateur", "--prenom", "Nora", "--nom", "Benali")
    user = User.objects.get(email="admin@anct.gouv.fr")
    assert (user.is_staff, user.is_superuser, user.has_usable_password()) == (True, True, False)
    assert user.staff_scope.level == ScopeLevel.NATIONAL
    assert user.emailaddress_set.get().verified
    assert "Compte créé : admin@anct.gouv.fr, administrateur national." in output
    assert "Mot de passe oublié" in output


def test_a_chargé_de_mission_of_two_départements_then_of_a_région():
    gironde, landes = DepartementFactory(code="33"), DepartementFactory(code="40")
    _run("cm@anct.gouv.fr", "--departements", "33", "40")
    user = User.objects.get(email="cm@anct.gouv.fr")
    assert not user.is_superuser
    assert user.staff_scope.level == ScopeLevel.DEPARTEMENTAL
    assert set(user.staff_scope.departements.all()) == {gironde, landes}
    region = RegionFactory(code="75")
    output = _run("cm@anct.gouv.fr", "--region", "75")
    user.refresh_from_db()
    assert (user.staff_scope.level, user.staff_scope.region, user.staff_scope.departements.count()) == (
        ScopeLevel.REGIONAL,
        region,
        0,
    )
    assert "Compte mis à jour" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [(("--departements", "99"), "Départements inconnus : 99"), (("--region", "00"), "Région inconnue : 00")],
)
def test_an_unknown_territory_is_refused(args, message):
    with pytest.raises(CommandError, match=message):
        _run("cm@anct.gouv.fr", *args)
    assert not User.objects.exists()
