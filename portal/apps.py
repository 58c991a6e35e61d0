from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portail"

    def ready(self) -> None:
        from django.contrib.admin import ModelAdmin

        from common.admin import action_checkbox

        # Every change list (ours and the third-party ones) renders its per-row checkbox as plain HTML
        # instead of through the DSFR form renderer, which stays the renderer of the site's forms.
        ModelAdmin.action_checkbox = action_checkbox
