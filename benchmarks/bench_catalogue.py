"""The catalogue page at scale: 5,000 services and 20,000 adopter links, all facets and a search.

`generate()` is also used by tests at small sizes (tests/catalogue/test_query_budget.py).
Compared with the bare page of the same layout (/plan-du-site/) in the same run; nothing asserted on time.
"""

import random
import time

from django.db import connection, transaction
from django.test import Client

from benchmarks.harness import Report, percentiles, time_calls, time_page

WORDS = [
    "données",
    "école",
    "démarches",
    "cartographie",
    "participation",
    "budget",
    "énergie",
    "mobilité",
    "urbanisme",
    "accueil",
    "archives",
    "déchets",
    "cantine",
    "voirie",
    "bibliothèque",
    "subventions",
    "délibérations",
    "éclairage",
    "tourisme",
    "intelligence",
]
MARK = "bench-"  # every generated row carries it: a rerun reuses them instead of duplicating


def random_service(
    rng: random.Random, *, number: str, slug: str, publishers: list, licences: list[str], extra: str = ""
):
    """An unsaved catalogue service with random words, publisher, licence, maturity and audiences."""
    from catalogue.models import KIND_FIELDS, SIZE_FIELDS, Service

    words = rng.sample(WORDS, 4)
    uses_ai = rng.random() < 0.15
    service = Service(
        name=f"{words[0].capitalize()} {words[1]} {number}",
        slug=slug,
        pitch=f"Gérer {words[0]} et {words[1]} pour les collectivités.",
        description=f"Un service pour {words[2]} et {words[3]}.{extra}",
        publisher=rng.choice(publishers),
        licence=rng.choice(licences),
        maturity=rng.choice(["experimentation", "deploiement", "generalise"]),
        hosting=rng.choice(["en-ligne", "auto-heberge", "les-deux"]),
        uses_ai=uses_ai,
        ai_description="Classement automatique des demandes." if uses_ai else "",
    )
    for field in [*KIND_FIELDS.values(), *SIZE_FIELDS.values()]:
        setattr(service, field, rng.random() < 0.7)
    return service


def generate(*, services: int, adoptions: int, seed: int = 42) -> dict:
    """Create `services` published services and `adoptions` adopter links (idempotent for the same sizes).

    Organisations sit in their own test territories (codes starting with X) so real referential rows are untouched.
    """
    from accounts.models import Organisation
    from catalogue.models import Adoption, Publisher, Service, Theme
    from catalogue.services import ensure_themes, refresh_adopter_counts, refresh_search_index
    from territories.models import Commune, Departement, Programme, Region

    rng = random.Random(seed)
    existing = Service.objects.filter(slug__startswith=MARK).count()
    with transaction.atomic():
        ensure_themes()
        themes = list(Theme.objects.all())
        publishers = [
            Publisher.objects.get_or_create(name=f"{MARK}Éditeur {i}", defaults={"kind": "association"})[0]
            for i in range(20)
        ]
        licences = ["AGPL-3.0-or-later", "MIT", "Apache-2.0", "GPL-3.0-only", "EUPL-1.2", "MPL-2.0"]
        new_services = []
        for i in range(existing, services):
            new_services.append(
                random_service(rng, number=str(i), slug=f"{MARK}{i}", publishers=publishers, licences=licences)
            )
        Service.objects.bulk_create(new_services, batch_size=1000)
        created = list(Service.objects.filter(slug__in=[s.slug for s in new_services]).values_list("pk", flat=True))
        through = Service.themes.through
        through.objects.bulk_create(
            [
                through(service_id=pk, theme_id=theme.pk)
                for pk in created
                for theme in rng.sample(themes, rng.randint(1, 3))
            ],
            batch_size=5000,
        )

        organisation_count = max(2, adoptions // 10)
        region, _ = Region.objects.get_or_create(code="X1", defaults={"name": "Région de test", "search_name": "test"})
        departements = [
            Departement.objects.get_or_create(
                code=f"X{d}", defaults={"name": f"Département de test {d}", "region": region, "search_name": "test"}
            )[0]
            for d in range(1, 10)
        ]
        programme, _ = Programme.objects.get_or_create(
            slug=f"{MARK}programme", defaults={"name": "Programme de test (banc d’essai)"}
        )
        have = Organisation.objects.filter(commune__insee_code__startswith="X").count()
        for n in range(have, organisation_count):
            departement = departements[n % len(departements)]
            commune = Commune.objects.create(
                insee_code=f"X{n:04d}",
                name=f"Commune de test {n}",
                population=rng.randint(200, 200_000),
                departement=departement,
                region=region,
                search_name=f"commune de test {n}",
            )
            if n % 3 == 0:
                programme.communes.add(commune)
            Organisation.objects.create(
                name=commune.name,
                kind="commune",
                commune=commune,
                departement=departement,
                region=region,
                status="confirmed",
            )
        organisations = list(
            Organisation.objects.filter(commune__insee_code__startswith="X").values_list("pk", flat=True)
        )
        service_ids = list(Service.objects.filter(slug__startswith=MARK).values_list("pk", flat=True))
        have_links = Adoption.objects.filter(service__slug__startswith=MARK).count()
        pairs = set(
            Adoption.objects.filter(service__slug__startswith=MARK).values_list("service_id", "organisation_id")
        )
        links = []
        while have_links + len(links) < adoptions and len(pairs) < len(service_ids) * len(organisations):
            pair = (rng.choice(service_ids), rng.choice(organisations))
            if pair in pairs:
                continue
            pairs.add(pair)
            links.append(
                Adoption(service_id=pair[0], organisation_id=pair[1], status=rng.choice(["utilise", "interesse"]))
            )
        Adoption.objects.bulk_create(links, batch_size=5000)
        if created:
            refresh_search_index(service_ids=created)
        refresh_adopter_counts(service_ids=service_ids)
    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum would give a real database: the planner needs them after bulk loads.
        with connection.cursor() as cursor:
            # The small option tables too: never analysed, they made the planner expect 46 services of a programme
            # instead of 3,654 and pick nested loops three times slower (autovacuum skips tables with < 50 changes).
            tables = ["catalogue_service", "catalogue_service_themes", "catalogue_service_adopter_programmes"]
            for table in [*tables, "catalogue_theme", "catalogue_publisher", "territories_programme"]:
                cursor.execute(f"ANALYZE {table}")
    return {"services": len(service_ids), "adoptions": have_links + len(links), "organisations": len(organisations)}


# A search plus every facet, as a user would share it.
HEAVY_URL = (
    "/catalogue/?q=donnees&theme=donnees&theme=cartographie&type=commune&taille=moins-3500"
    f"&maturite=generalise&maturite=deploiement&hebergement=en-ligne&ia=oui&ia=non&licence=MIT&licence=AGPL-3.0-or-later"
    f"&programme={MARK}programme&tri=pertinence"
)


def _cold(client: Client, url: str, *, repeat: int) -> dict:
    """Server time with the results cache emptied before every request (the worst case: first visit of a URL)."""
    from django.core.cache import cache

    def fetch():
        cache.clear()
        response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"

    return time_calls(fetch, repeat=repeat)


def _next_page(client: Client, url: str, *, repeat: int) -> dict:
    """Server time of page 2 right after page 1 of the same search: the region is new, the facet counts cached."""
    from django.core.cache import cache

    samples = []
    for index in range(repeat + 5):
        cache.clear()
        assert client.get(url).status_code == 200
        started = time.perf_counter()
        response = client.get(f"{url}&page=2" if "?" in url else f"{url}?page=2")
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, f"{url}: {response.status_code}"
        if index >= 5:  # warm-up
            samples.append(elapsed)
    return percentiles(samples)


def run(report: Report) -> None:
    figures = generate(services=5_000, adoptions=20_000)
    report.add("données générées", **figures)
    client = Client()
    bare = time_page(client, "/plan-du-site/", repeat=200)
    report.add("plan du site (page nue, même gabarit)", **bare)
    pages = {
        "catalogue sans filtre": "/catalogue/",
        "catalogue recherche « donnees »": "/catalogue/?q=donnees",
        "catalogue recherche + toutes les facettes": HEAVY_URL,
        "catalogue tri par adopteurs, page 10": "/catalogue/?tri=adopteurs&page=10",
    }
    for label, url in pages.items():
        warm = time_page(client, url, repeat=200)
        warm["ratio_p50"] = round(warm["p50_ms"] / bare["p50_ms"], 2)
        warm["ratio_p95"] = round(warm["p95_ms"] / bare["p95_ms"], 2)
        report.add(f"{label} — servie par le cache", **warm)
        cold = _cold(client, url, repeat=40)
        cold["ratio_p50"] = round(cold["p50_ms"] / bare["p50_ms"], 2)
        cold["ratio_p95"] = round(cold["p95_ms"] / bare["p95_ms"], 2)
        report.add(f"{label} — sans cache", **cold)
    for label, url in {
        "catalogue sans filtre": "/catalogue/",
        "catalogue recherche + toutes les facettes": HEAVY_URL,
    }.items():
        following = _next_page(client, url, repeat=40)
        following["ratio_p50"] = round(following["p50_ms"] / bare["p50_ms"], 2)
        following["ratio_p95"] = round(following["p95_ms"] / bare["p95_ms"], 2)
        report.add(f"{label} — page 2 juste après la page 1 (comptes en cache)", **following)
    report.add("page d’un service", **time_page(Client(), "/catalogue/bench-1/", repeat=100))
