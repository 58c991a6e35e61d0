"""The three national programmes of the ANCT the portal knows from its first run (members are imported later)."""

from django.db import migrations

# Sources: /work/shared/CONTENT_FACTS.md § 5 (ANCT pages, Banque des Territoires, Ministère de la Transition écologique).
PROGRAMMES = [
    {
        "slug": "action-coeur-de-ville",
        "name": "Action Cœur de Ville",
        "summary": (
            "Lancé au printemps 2018, ce programme aide les villes moyennes à redynamiser leur centre-ville : "
            "habitat, commerce, mobilités, patrimoine et services publics. Plus de 230 communes en bénéficient ; "
            "une deuxième phase court de 2023 à 2026."
        ),
        "url": "https://agence-cohesion-territoires.gouv.fr/action-coeur-de-ville-pour-la-relance-territoriale-et-ecologique-425",
    },
    {
        "slug": "petites-villes-de-demain",
        "name": "Petites Villes de Demain",
        "summary": (
            "Lancé en octobre 2020, premier programme conçu par l’ANCT, il accompagne jusqu’en 2026 environ "
            "1 600 communes de moins de 20 000 habitants qui jouent un rôle de centralité pour leur bassin de vie, "
            "avec des moyens d’ingénierie (chef de projet) et des financements pour revitaliser leur territoire."
        ),
        "url": "https://agence-cohesion-territoires.gouv.fr/petites-villes-de-demain-un-accelerateur-de-la-relance-dans-les-territoires-257",
    },
    {
        "slug": "villages-d-avenir",
        "name": "Villages d’Avenir",
        "summary": (
            "Issu du plan France Ruralités de juin 2023, ce programme soutient les communes de moins de "
            "3 500 habitants dans leurs projets : près de 2 500 communes accompagnées depuis 2024 par des chefs "
            "de projet de l’ANCT placés auprès des préfets."
        ),
        "url": "https://portail.documentation.developpement-durable.gouv.fr/pub/MPDOUV00265909-apres-action-villages-avenir-poursuit-lancee.html",
    },
]


def create_programmes(apps, schema_editor):
    Programme = apps.get_model("territories", "Programme")
    for programme in PROGRAMMES:
        Programme.objects.update_or_create(slug=programme["slug"], defaults=programme)


def delete_programmes(apps, schema_editor):
    Programme = apps.get_model("territories", "Programme")
    Programme.objects.filter(slug__in=[p["slug"] for p in PROGRAMMES]).delete()


class Migration(migrations.Migration):
    dependencies = [("territories", "0002_referential_search")]

    operations = [migrations.RunPython(create_programmes, delete_programmes)]
