from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Ressources"

    def bootstrap(self, stdout) -> None:
        """Called by `manage.py bootstrap`: create the missing shipped resources, update those nobody edited."""
        from catalogue import services as catalogue_services
        from resources import services
        from resources.content import RESOURCES

        catalogue_services.ensure_themes()  # the resources are tagged with the catalogue's themes
        created, updated = services.load_resources(entries=RESOURCES)
        if created or updated:
            stdout.write(f"Ressources : {created} créées, {updated} mises à jour.")
        if kept := services.kept_after_edit(entries=RESOURCES):
            stdout.write(f"Ressources modifiées dans l’administration, laissées telles quelles : {', '.join(kept)}.")
