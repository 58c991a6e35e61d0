import factory

from territories.models import Commune, Departement, Epci, Region


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"R{n:02d}"[-3:])
    name = factory.Sequence(lambda n: f"Région {n}")
    search_name = factory.LazyAttribute(lambda o: o.name.lower())


class DepartementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Departement
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"D{n:02d}"[-3:])
    name = factory.Sequence(lambda n: f"Département {n}")
    region = factory.SubFactory(RegionFactory)
    search_name = factory.LazyAttribute(lambda o: o.name.lower())


class EpciFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Epci

    siren = factory.Sequence(lambda n: f"2{n:08d}")
    name = factory.Sequence(lambda n: f"Communauté de communes {n}")
    kind = "CC"
    population = 25000
    departement = factory.SubFactory(DepartementFactory)
    region = factory.SelfAttribute("departement.region")
    search_name = factory.LazyAttribute(lambda o: o.name.lower())


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune

    insee_code = factory.Sequence(lambda n: f"{n:05d}")
    name = factory.Sequence(lambda n: f"Commune {n}")
    siren = factory.Sequence(lambda n: f"21{n:07d}")
    population = 3200
    postcodes = "01000"
    departement = factory.SubFactory(DepartementFactory)
    region = factory.SelfAttribute("departement.region")
    search_name = factory.LazyAttribute(lambda o: o.name.lower())
