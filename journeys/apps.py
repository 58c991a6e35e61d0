from django.apps import AppConfig


class JourneysConfig(AppConfig):
    name = "journeys"
    verbose_name = "Parcours de projet"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from catalogue.selectors import register_shortlisting_provider
        from journeys import receivers, rgpd  # noqa: F401 (rgpd registers this app’s section of the RGPD export)
        from journeys.models import StepAnswer
        from journeys.selectors import projects_shortlisting

        register_shortlisting_provider(projects_shortlisting)

        post_delete.connect(
            receivers.delete_answer_file, sender=StepAnswer, dispatch_uid="journeys.delete_answer_file"
        )
        receivers.connect_page_versions()

    def bootstrap(self, stdout) -> None:
        """Called by `manage.py bootstrap`: load « Parcours IA & données » and the diagnostic (idempotent)."""
        from journeys.content.loader import load_default_content

        load_default_content(stdout)
