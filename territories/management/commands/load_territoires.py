"""Load the territorial referential: the shipped snapshot, or a newer release of Etalab's package."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from territories import services
from territories.referential import ReferentialError, read_source


class Command(BaseCommand):
    help = (
        "Charge (ou met à jour) les régions, départements, EPCI et communes depuis l’instantané livré avec le "
        "portail, ou depuis le dossier data/ d’une version plus récente du paquet @etalab/decoupage-administratif. "
        "Relancer la commande met à jour sans créer de doublon ; un territoire disparu est désactivé, pas supprimé."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--source",
            help="dossier data/ du paquet npm (communes.json, epci.json…) ou d’un instantané (communes.csv.gz)",
        )

    def handle(self, *args, source: str | None = None, **options) -> None:
        started = time.monotonic()
        try:
            referential = read_source(Path(source) if source else None)
        except ReferentialError as exc:
            raise CommandError(str(exc)) from exc
        try:
            report = services.load_referential(referential=referential)
        except ReferentialError as exc:
            raise CommandError(str(exc)) from exc
        except DatabaseError as exc:  # e.g. a SIREN moved between two communes: nothing is written
            raise CommandError(f"La base a refusé le chargement, rien n’a été modifié : {exc}") from exc
        elapsed = time.monotonic() - started
        self.stdout.write(f"Source : {referential.source}")
        for label, kind in (
            ("Régions", report.regions),
            ("Départements", report.departements),
            ("EPCI", report.epcis),
            ("Communes", report.communes),
        ):
            self.stdout.write(f"  {label} : {kind}")
        self.stdout.write(
            f"  Codes postaux : {report.postcodes_added} ajouté(s), {report.postcodes_removed} retiré(s)"
        )
        self.stdout.write(self.style.SUCCESS(f"Référentiel territorial chargé en {elapsed:.1f} s."))
