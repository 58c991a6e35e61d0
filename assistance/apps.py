from django.apps import AppConfig


class AssistanceConfig(AppConfig):
    name = "assistance"
    verbose_name = "Ingénierie sur mesure"

    def ready(self) -> None:
        from assistance import rgpd  # noqa: F401 (registers this app's sections of the RGPD export)
        from assistance.project_section import project_requests_section
        from assistance.report_sections import following_staff, ingenierie
        from journeys.extensions import register_project_section
        from reports.sections import register_recipients, register_section

        register_project_section(project_requests_section)
        # assistance sits beside reports and above it for these two: reports never imports assistance.
        register_section(ingenierie, name="assistance_requests")
        register_recipients(following_staff, name="assistance_followers")
