from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = "Catalogue des services numériques"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from accounts.models import Organisation
        from accounts.signals import organisation_status_changed
        from catalogue import rgpd, signals  # noqa: F401 (rgpd registers this app's section of the RGPD export)
        from catalogue.models import Adoption, Publisher, Service, Theme
        from territories.models import Programme

        organisation_status_changed.connect(
            signals.organisation_status_changed, dispatch_uid="catalogue.organisation_status_changed"
        )
        post_delete.connect(signals.adoption_deleted, sender=Adoption, dispatch_uid="catalogue.adoption_deleted")
        for model in (Theme, Publisher, Organisation, Programme):
            for signal in (post_save, post_delete):
                signal.connect(
                    signals.catalogue_pages_changed, sender=model, dispatch_uid=f"catalogue.pages.{model.__name__}"
                )
        post_delete.connect(signals.catalogue_pages_changed, sender=Service, dispatch_uid="catalogue.pages.Service")
        m2m_changed.connect(
            signals.catalogue_pages_changed, sender=Service.themes.through, dispatch_uid="catalogue.pages.themes"
        )

    def bootstrap(self, stdout) -> None:
        """Called by `manage.py bootstrap`: the themes always, and the shipped services that are missing.

        An existing service is never changed (an editor's version stays): a correction of shipped data that must
        reach existing rows is a data migration that leaves edited rows alone (see migration 0007).

        Also recomputes the adopters' figures, since programme memberships may have changed with the referential.
        """
        from catalogue import services
        from catalogue.models import Adoption, Service

        created = services.ensure_themes()
        if created:
            stdout.write(f"Catalogue : {created} thématiques créées.")
        had_services = Service.objects.exists()
        if count := services.load_demo_services():
            stdout.write(f"Catalogue : {count} services de démonstration chargés.")
        if had_services:
            services.refresh_search_index()  # the theme keywords (catalogue/content/themes.yaml) may have changed
        if Adoption.objects.exists():
            services.refresh_adopter_counts()
