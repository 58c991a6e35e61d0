"""Import the member communes/EPCI of a national programme from a CSV file (same rules as the back-office)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from territories import services
from territories.models import Programme


class Command(BaseCommand):
    help = (
        "Ajoute à un programme national les communes (colonne de code Insee) ou EPCI (colonne SIREN) d’un "
        "fichier CSV. Tout ou rien : une ligne invalide et rien n’est importé."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("programme", help="identifiant (slug) du programme, ex. action-coeur-de-ville")
        parser.add_argument("csv", help="chemin du fichier CSV")
        parser.add_argument("--replace", action="store_true", help="retirer les membres absents du fichier")

    def handle(self, *args, programme: str, csv: str, replace: bool, **options) -> None:
        target = Programme.objects.filter(slug=programme).first()
        if target is None:
            known = ", ".join(Programme.objects.values_list("slug", flat=True)) or "aucun"
            raise CommandError(f"Programme inconnu : « {programme} » (programmes connus : {known}).")
        try:
            content = Path(csv).read_bytes()
        except OSError as exc:
            raise CommandError(f"Fichier illisible : {csv} ({exc}).") from exc
        try:
            report = services.import_programme_members(programme=target, content=content, replace=replace)
        except services.ProgrammeImportError as error:
            raise CommandError("\n".join([str(error), *error.errors])) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"{target.name} : {report.communes_added} commune(s) et {report.epcis_added} EPCI ajoutés, "
                f"{report.already_members} déjà membre(s), sur {report.rows} ligne(s)."
            )
        )
