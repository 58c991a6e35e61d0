"""manage.py anct_staff: create the first national administrator, then the chargés de mission with their scope."""

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from accounts.enums import ScopeLevel
from accounts.staff import StaffSetupError, set_up_staff_member


class Command(BaseCommand):
    help = (
        "Crée (ou met à jour) un compte ANCT et son périmètre. Exemples : "
        "`anct_staff admin@anct.gouv.fr --administrateur` (administrateur national), "
        "`anct_staff cm33@anct.gouv.fr --departements 33 40`, `anct_staff cm75@anct.gouv.fr --region 75`, "
        "`anct_staff cm@anct.gouv.fr --national`."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("email")
        scope = parser.add_mutually_exclusive_group(required=True)
        scope.add_argument("--administrateur", action="store_true", help="administrateur national (superutilisateur)")
        scope.add_argument("--national", action="store_true", help="chargé de mission de niveau national")
        scope.add_argument("--region", metavar="CODE", help="chargé de mission d’une région (code Insee)")
        scope.add_argument("--departements", nargs="+", metavar="CODE", help="départements couverts (codes Insee)")
        parser.add_argument("--prenom", default="")
        parser.add_argument("--nom", default="")

    def handle(self, *args, **options) -> None:
        if options["administrateur"] or options["national"]:
            level = ScopeLevel.NATIONAL
        elif options["region"]:
            level = ScopeLevel.REGIONAL
        else:
            level = ScopeLevel.DEPARTEMENTAL
        try:
            user, created = set_up_staff_member(
                email=options["email"],
                level=level,
                departements=options["departements"] or (),
                region=options["region"],
                administrator=options["administrateur"],
                first_name=options["prenom"],
                last_name=options["nom"],
            )
        except StaffSetupError as error:
            raise CommandError(str(error)) from error
        role = "administrateur national" if user.is_superuser else f"chargé de mission ({ScopeLevel(level).label})"
        self.stdout.write(f"{'Compte créé' if created else 'Compte mis à jour'} : {user.email}, {role}.")
        if created:
            self.stdout.write(
                "Pour se connecter, la personne choisit son mot de passe avec « Mot de passe oublié » "
                f"({reverse('account_reset_password')}), puis active la double authentification "
                f"({reverse('mfa_activate_totp')}) : l’espace ANCT ({reverse('espace:home')}) l’exige."
            )
