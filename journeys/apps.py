from django.apps import AppConfig


class JourneysConfig(AppConfig):
    name = "journeys"
    verbose_name = "Parcours de projet"

    def ready(self) -> None:
        from journeys import rgpd  # noqa: F401 (registers this app's section of the RGPD export)

    def bootstrap(self, stdout) -> None:
        """Called by `manage.py bootstrap`: load « Parcours IA & données » and the diagnostic (idempotent)."""
        from journeys.content.loader import load_default_content

        load_default_content(stdout)
