"""Generate the benchmark data set on the loaded referential (benchmarks/data.py): never on a real database."""

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Génère les données de mesure (à l’échelle 1 : 5 000 collectivités, 15 000 utilisateurs, 20 000 projets, "
        "5 000 services, 20 000 adoptions, 50 000 commentaires, demandes d’ingénierie et rapports). Relancer la "
        "commande ne crée rien de plus ; augmenter l’échelle ajoute les tranches manquantes. Base de mesure seulement."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--scale", type=int, default=1, help="nombre de tranches de données (défaut : 1)")
        parser.add_argument("--seed", type=int, default=42)

    def handle(self, *args, scale: int, seed: int, **options) -> None:
        from benchmarks.data import Generator

        if scale < 1:
            raise CommandError("--scale doit valoir au moins 1.")
        try:
            sizes = Generator(seed=seed, log=self.stdout.write).run(scale)
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        for label, count in sizes.items():
            self.stdout.write(f"  {label} : {count}")
