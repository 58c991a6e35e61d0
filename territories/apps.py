from django.apps import AppConfig


class TerritoriesConfig(AppConfig):
    name = "territories"
    verbose_name = "Référentiel territorial"

    def bootstrap(self, stdout) -> None:
        """Called by `manage.py bootstrap`: load the shipped referential when the database has none."""
        from django.core.management import call_command

        from territories.models import Commune

        if not Commune.objects.exists():
            call_command("load_territoires", stdout=stdout)
