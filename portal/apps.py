from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portail"

    def ready(self) -> None:
        from django.contrib.admin import ModelAdmin
        from django.contrib.admin.templatetags import admin_list

        from common.admin import action_checkbox, lean_list_filter, lean_results

        # Every change list (ours and the third-party ones) renders its per-row checkbox as plain HTML
        # instead of through the DSFR form renderer, which stays the renderer of the site's forms.
        ModelAdmin.action_checkbox = action_checkbox
        # Rows built by one renderer per column instead of a field lookup and a template node per cell (same markup).
        admin_list.results = lean_results
        # Each filter's HTML kept per worker under its title and choices (admin/filter.html prints nothing else).
        admin_list.register.simple_tag(lean_list_filter, name="admin_list_filter")
