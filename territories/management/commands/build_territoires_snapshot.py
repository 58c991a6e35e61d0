"""Rebuild the shipped snapshot (territories/data/*.csv.gz) from the `data/` folder of the npm package."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from territories.referential import SNAPSHOT_DIR, ReferentialError, read_package, write_snapshot


class Command(BaseCommand):
    help = (
        "Reconstruit l’instantané du référentiel territorial livré avec le portail à partir du dossier data/ "
        "du paquet npm @etalab/decoupage-administratif (npm pack @etalab/decoupage-administratif@6.0.0)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("source", help="dossier data/ du paquet (regions.json, departements.json, epci.json…)")
        parser.add_argument("--out", default=str(SNAPSHOT_DIR), help=f"dossier de sortie (défaut : {SNAPSHOT_DIR})")

    def handle(self, *args, source: str, out: str, **options) -> None:
        source_dir = Path(source)
        if (source_dir / "data" / "communes.json").exists():
            source_dir = source_dir / "data"
        try:
            referential = read_package(source_dir)
        except ReferentialError as exc:
            raise CommandError(str(exc)) from exc
        for path in write_snapshot(referential, Path(out)):
            self.stdout.write(f"{path} ({path.stat().st_size // 1024} Ko)")
        self.stdout.write(
            self.style.SUCCESS(
                f"Instantané écrit : {len(referential.regions)} régions, "
                f"{len(referential.departements)} départements, {len(referential.epcis)} EPCI, "
                f"{len(referential.communes)} communes."
            )
        )
