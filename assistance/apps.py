from django.apps import AppConfig


class AssistanceConfig(AppConfig):
    name = "assistance"
    verbose_name = "Ingénierie sur mesure"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from accounts.models import Membership, Organisation
        from assistance import (
            rgpd,  # noqa: F401 (registers this app's sections of the RGPD export)
            section_versions,
        )
        from assistance.models import AssistanceRequest, ProjectWait
        from assistance.project_section import KEPT, project_requests_section
        from assistance.report_sections import following_staff, ingenierie
        from journeys.extensions import register_project_section
        from reports.sections import register_recipients, register_section
        from territories.models import Departement

        register_project_section(project_requests_section, kept=KEPT)
        for signal, name in ((post_save, "save"), (post_delete, "delete")):
            for model in (AssistanceRequest, ProjectWait):
                signal.connect(
                    section_versions.project_row_changed,
                    sender=model,
                    dispatch_uid=f"assistance.section.{model}.{name}",
                )
            for model in (AssistanceRequest, Organisation, Departement):
                signal.connect(
                    section_versions.request_stats_changed,
                    sender=model,
                    dispatch_uid=f"assistance.stats.{model}.{name}",
                )
            signal.connect(section_versions.membership_changed, sender=Membership, dispatch_uid=f"assistance.m.{name}")
        # assistance sits beside reports and above it for these two: reports never imports assistance.
        register_section(ingenierie, name="assistance_requests")
        register_recipients(following_staff, name="assistance_followers")
