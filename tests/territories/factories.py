import factory

from territories.models import Commune, CommunePostcode, Departement, Epci, Programme, Region
from territories.search import normalize


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"R{n:02d}"[-3:])
    name = factory.Sequence(lambda n: f"Région {n}")
    search_name = factory.LazyAttribute(lambda o: normalize(o.name))


class DepartementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Departement
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"D{n:02d}"[-3:])
    name = factory.Sequence(lambda n: f"Département {n}")
    region = factory.SubFactory(RegionFactory)
    search_name = factory.LazyAttribute(lambda o: normalize(o.name))


class EpciFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Epci

    siren = factory.Sequence(lambda n: f"2{n:08d}")
    name = factory.Sequence(lambda n: f"Communauté de communes {n}")
    kind = "CC"
    population = 25000
    departement = factory.SubFactory(DepartementFactory)
    region = factory.SelfAttribute("departement.region")
    search_name = factory.LazyAttribute(lambda o: normalize(o.name))


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune
        skip_postgeneration_save = True

    insee_code = factory.Sequence(lambda n: f"{n:05d}")
    name = factory.Sequence(lambda n: f"Commune {n}")
    siren = factory.Sequence(lambda n: f"21{n:07d}")
    population = 3200
    postcodes = "01000"
    departement = factory.SubFactory(DepartementFactory)
    region = factory.SelfAttribute("departement.region")
    search_name = factory.LazyAttribute(lambda o: normalize(o.name))

    @factory.post_generation
    def postcode_rows(self, create, extracted, **kwargs):
        """Index the postcodes as the loader does, so postcode search finds factory communes."""
        if create:
            CommunePostcode.objects.bulk_create(
                [CommunePostcode(commune=self, code=code) for code in self.postcodes.split()], ignore_conflicts=True
            )


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"programme-{n}")
    name = factory.Sequence(lambda n: f"Programme {n}")
    summary = "Un programme national de l’ANCT."
    url = "https://agence-cohesion-territoires.gouv.fr/"
