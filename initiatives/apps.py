from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = "Galerie des initiatives"

    def ready(self) -> None:
        from initiatives import receivers, rgpd  # noqa: F401 (rgpd registers this app's sections of the export)
        from initiatives.project_section import KEPT, initiatives_section
        from journeys.extensions import SUMMARY, register_project_section

        register_project_section(initiatives_section, place=SUMMARY, kept=KEPT)
        receivers.connect()

    def bootstrap(self, stdout) -> None:
        """Called by `manage.py bootstrap`: the demo collectivité, on the embedded default only (never in
        production), once."""
        from initiatives import demo

        if demo.demo_enabled():
            demo.load_demo(stdout)
