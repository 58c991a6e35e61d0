import factory

from catalogue.models import Theme
from resources.enums import Audience, ResourceKind
from resources.models import Resource


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name = factory.LazyAttribute(lambda theme: f"Thématique {theme.slug}")


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource
        django_get_or_create = ["slug"]
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"ressource-{n}")
    title = factory.Sequence(lambda n: f"Ressource numéro {n}")
    kind = ResourceKind.GUIDE
    summary = "Un résumé de la ressource."
    body = "## Première partie\n\nUn paragraphe."
    audience = Audience.ALL
    source_publisher = "Éditeur public"
    source_url = "https://example.org/source"
    source_date = "mars 2024"
    is_published = True

    class Params:
        use_case = factory.Trait(
            kind=ResourceKind.USE_CASE,
            problem="Un problème concret.",
            data_used="Des données ouvertes.",
            approach="Une démarche.",
            results="Des résultats et des limites.",
            adopters="Une commune.",
            ethics="Des points d’attention.",
        )
        unpublished = factory.Trait(is_published=False)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
