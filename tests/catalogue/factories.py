import factory

from catalogue.enums import AdoptionStatus, Hosting, Maturity, PublisherKind
from catalogue.models import Adoption, Publisher, Service, Theme
from tests.accounts.factories import OrganisationFactory, UserFactory


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name = factory.Sequence(lambda n: f"Thématique {n}")


class PublisherFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publisher
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Éditeur {n}")
    kind = PublisherKind.ASSOCIATION


class ServiceFactory(factory.django.DjangoModelFactory):
    """A published service; `themes=[...]` sets its themes; the search index is refreshed after creation."""

    class Meta:
        model = Service
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Service {n}")
    slug = factory.Sequence(lambda n: f"service-{n}")
    pitch = "Un service libre pour les collectivités."
    description = "Une description **simple**."
    publisher = factory.SubFactory(PublisherFactory)
    licence = "AGPL-3.0-or-later"
    source_code_url = "https://code.example.org/service"
    website = "https://service.example.org"
    maturity = Maturity.GENERALISE
    hosting = Hosting.ONLINE

    class Params:
        ai = factory.Trait(uses_ai=True, ai_description="Un modèle de langage résume les demandes.")
        unpublished = factory.Trait(is_published=False)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if not create:
            return
        if extracted:
            self.themes.set(extracted)
        from catalogue.services import refresh_search_index

        refresh_search_index(service_ids=[self.pk])


class AdoptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Adoption
        skip_postgeneration_save = True

    service = factory.SubFactory(ServiceFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = AdoptionStatus.USES
    declared_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def counts(self, create, extracted, **kwargs):
        if create:
            from catalogue.services import refresh_adopter_counts

            refresh_adopter_counts(service_ids=[self.service_id])
