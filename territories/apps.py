from django.apps import AppConfig


class TerritoriesConfig(AppConfig):
    name = "territories"
    verbose_name = "Référentiel territorial"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from territories import selectors, signals
        from territories.models import Commune, Departement, Epci, Programme, Region

        # The autocomplete answers kept per worker follow any territory saved one by one; the bulk load moves
        # the version itself (services.load_referential). Not on postcodes: a receiver would turn the load's bulk
        # deletion of stale postcodes into one signal per row.
        for model in (Region, Departement, Epci, Commune):
            for signal in (post_save, post_delete):
                signal.connect(
                    selectors.referential_changed, sender=model, dispatch_uid=f"referential-{model.__name__}"
                )

        for model in (Programme, Commune, Epci, Departement):
            for signal in (post_save, post_delete):
                signal.connect(
                    signals.programme_pages_changed, sender=model, dispatch_uid=f"territories.pages.{model.__name__}"
                )
        for through in (Programme.communes.through, Programme.epcis.through):
            m2m_changed.connect(
                signals.programme_pages_changed, sender=through, dispatch_uid=f"territories.pages.{through.__name__}"
            )

    def bootstrap(self, stdout) -> None:
        """Called by `manage.py bootstrap`: load the shipped referential when the database has none."""
        from django.core.management import call_command

        from territories.models import Commune

        if not Commune.objects.exists():
            call_command("load_territoires", stdout=stdout)
