from django.apps import AppConfig


class AssistanceConfig(AppConfig):
    name = "assistance"
    verbose_name = "Ingénierie sur mesure"

    def ready(self) -> None:
        from assistance import rgpd  # noqa: F401 (registers this app's sections of the RGPD export)
        from assistance.project_section import project_requests_section
        from journeys.extensions import register_project_section

        register_project_section(project_requests_section)
