from django.apps import AppConfig


class AwarenessConfig(AppConfig):
    name = "awareness"
    verbose_name = "Sensibilisation (glossaire, formation, débat public, charte)"

    def ready(self) -> None:
        from accounts.organisation_sections import register_section
        from awareness import rgpd  # noqa: F401 (registers the RGPD export section)
        from awareness.linking import link_glossary_terms
        from awareness.sections import team_literacy_section
        from common.term_links import register_linker

        register_linker(link_glossary_terms)
        register_section(team_literacy_section)
