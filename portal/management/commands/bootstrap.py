"""Load reference and demo data that is missing: each app's AppConfig.bootstrap() decides what it needs."""

from django.apps import apps
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Charge le référentiel territorial et les données de démonstration absents de la base."

    def handle(self, *args, **options) -> None:
        for config in apps.get_app_configs():
            bootstrap = getattr(config, "bootstrap", None)
            if bootstrap is not None:
                self.stdout.write(f"→ {config.verbose_name}")
                bootstrap(self.stdout)
        self.stdout.write(self.style.SUCCESS("Données de référence et de démonstration prêtes."))
