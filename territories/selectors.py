"""Reads of the territorial referential: the territory search behind every picker, programme pages."""

import json
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import groupby
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Q, QuerySet

from common.memo import ProcessMemo
from territories.models import Commune, CommunePostcode, Departement, Epci, Programme, Region, TerritoryKind
from territories.search import INSEE_RE, PARTIAL_POSTCODE_RE, POSTCODE_RE, SIREN_RE, ParsedQuery, parse_query

KIND_LABELS = {
    TerritoryKind.COMMUNE: "commune",
    TerritoryKind.EPCI: "EPCI",
    TerritoryKind.DEPARTEMENT: "département",
    TerritoryKind.REGION: "région",
}
ALL_KINDS = tuple(TerritoryKind)
# Legal forms of the EPCI à fiscalité propre (DGCL nomenclature, `type` in epci.json).
EPCI_KIND_LABELS = {
    "CC": "communauté de communes",
    "CA": "communauté d’agglomération",
    "CU": "communauté urbaine",
    "METRO": "métropole",
    "MET69": "Métropole de Lyon (collectivité à statut particulier)",
}
MIN_QUERY_LENGTH = 2
MAX_LIMIT = 50

# Match ranks: lower is better; ties are broken by population, largest first.
RANK_CODE = 0
RANK_EXACT = 1
RANK_PREFIX = 2
RANK_WORD_PREFIX = 3
RANK_CONTAINS = 4


@dataclass(frozen=True)
class TerritoryHit:
    """One search result, ready for a picker: `value` ("kind:pk") is what forms post back."""

    kind: str
    pk: int
    code: str  # INSEE code (commune, département, région) or SIREN (EPCI)
    name: str
    label: str  # "Saint-Étienne (42) — commune"
    departement: str  # département code ("" for a région)
    population: int | None
    rank: int = RANK_CONTAINS

    @property
    def value(self) -> str:
        return f"{self.kind}:{self.pk}"

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "id": self.pk,
            "code": self.code,
            "name": self.name,
            "label": self.label,
            "departement": self.departement,
        }


def territory_label(kind: str, name: str, departement: str = "") -> str:
    """The label shown everywhere a territory is picked: "Loire (42) — département", "Bretagne — région"."""
    where = f" ({departement})" if departement else ""
    return f"{name}{where} — {KIND_LABELS[TerritoryKind(kind)]}"


def _kinds(kinds: Iterable[str] | None) -> tuple[str, ...]:
    if kinds is None:
        return ALL_KINDS
    if isinstance(kinds, str):
        kinds = kinds.split(",")
    wanted = {str(kind).strip().lower() for kind in kinds}
    return tuple(kind for kind in ALL_KINDS if kind in wanted)


# The search is the hot path of every picker (one request per keystroke): its SQL is written by hand.
# Through the ORM, building the four annotated parts cost ~4 ms of CPU per search, more than the
# database itself (< 1 ms with the indexes); raw SQL keeps the server time well under the 20 ms target.
# Every value is a query parameter; table names come from the models. The same SQL runs on PostgreSQL
# and SQLite: each part is a sub-select, so ORDER BY/LIMIT are allowed inside the UNION ALL.
ORDER = "ORDER BY match_rank, population DESC NULLS LAST, name LIMIT %s"
NAME_RANK = (
    f"CASE WHEN search_name = %s THEN {RANK_EXACT} WHEN search_name LIKE %s THEN {RANK_PREFIX} "
    f"WHEN search_name LIKE %s THEN {RANK_WORD_PREFIX} ELSE {RANK_CONTAINS} END"
)
TABLES = {
    TerritoryKind.COMMUNE: (Commune._meta.db_table, "insee_code", "departement_id"),
    TerritoryKind.EPCI: (Epci._meta.db_table, "siren", "departement_id"),
    TerritoryKind.DEPARTEMENT: (Departement._meta.db_table, "code", "code"),
    TerritoryKind.REGION: (Region._meta.db_table, "code", "''"),
}
POSTCODE_TABLE = CommunePostcode._meta.db_table


@dataclass
class _Part:
    """One sub-select of the search: a kind, a WHERE clause and a rank, with their parameters."""

    kind: str
    where: list[str]
    params: list
    rank: str = str(RANK_CODE)
    rank_params: tuple = ()

    def sql(self, limit: int, alias: str) -> tuple[str, list]:
        table, code, departement = TABLES[TerritoryKind(self.kind)]
        # Only constant fragments are interpolated (tables, columns, ranks); every value is a parameter.
        select = f"%s AS kind, id, {code} AS code, name, {departement} AS departement, population, {self.rank}"
        where = " AND ".join(self.where)
        inner = f"SELECT {select} AS match_rank FROM {table} WHERE is_active = %s AND {where} {ORDER}"  # noqa: S608
        sql = f"SELECT * FROM ({inner}) AS {alias}"  # noqa: S608
        return sql, [self.kind, *self.rank_params, True, *self.params, limit]


def _name_part(kind: str, name: str, *, prefix_only: bool, departement_column: str | None, departement: str) -> _Part:
    """A name match; with `prefix_only`, exact or prefix (a btree range scan on PostgreSQL)."""
    if prefix_only or len(name) < 3:
        where, params = ["search_name LIKE %s"], [f"{name}%"]
    else:  # anywhere in the name: the pg_trgm GIN index on PostgreSQL
        where, params = ["search_name LIKE %s"], [f"%{name}%"]
    if departement and departement_column:
        where.append(f"{departement_column} = %s")
        params.append(departement)
    return _Part(kind, where, params, NAME_RANK, (name, f"{name}%", f"% {name}%"))


def _code_parts(parsed: ParsedQuery, wanted: tuple[str, ...]) -> list[_Part]:
    code = parsed.code
    parts = []
    if TerritoryKind.COMMUNE in wanted:
        # One part per kind of code (not an OR), so that each uses its own index; duplicates are merged.
        commune = TerritoryKind.COMMUNE
        if POSTCODE_RE.match(code):
            postcodes = f"id IN (SELECT commune_id FROM {POSTCODE_TABLE} WHERE code = %s)"  # noqa: S608
            parts.append(_Part(commune, [postcodes], [code]))
        elif PARTIAL_POSTCODE_RE.match(code):
            postcodes = f"id IN (SELECT commune_id FROM {POSTCODE_TABLE} WHERE code LIKE %s)"  # noqa: S608
            parts.append(_Part(commune, [postcodes], [f"{code}%"]))
        if INSEE_RE.match(code):
            parts.append(_Part(commune, ["insee_code = %s"], [code]))
        if SIREN_RE.match(code):
            parts.append(_Part(commune, ["siren = %s"], [code]))
    if TerritoryKind.EPCI in wanted and SIREN_RE.match(code):
        parts.append(_Part(TerritoryKind.EPCI, ["siren = %s"], [code]))
    if TerritoryKind.DEPARTEMENT in wanted and parsed.name:  # a département code, not a postcode or SIREN
        parts.append(_Part(TerritoryKind.DEPARTEMENT, ["code = %s"], [code]))
    return parts


def _rows(parts: list[_Part], limit: int) -> list[tuple]:
    if not parts:
        return []
    statements, params = [], []
    for index, part in enumerate(parts):
        sql, part_params = part.sql(limit, f"part{index}")
        statements.append(sql)
        params += part_params
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(statements), params)
        return cursor.fetchall()


def _hit(row: tuple) -> TerritoryHit:
    kind, pk, code, name, departement, population, rank = row
    departement = departement or ""
    return TerritoryHit(
        kind=TerritoryKind(kind),
        pk=pk,
        code=code,
        name=name,
        label=territory_label(kind, name, departement),
        departement=departement,
        population=population,
        rank=rank,
    )


def _search(parsed: ParsedQuery, wanted: tuple[str, ...], limit: int) -> list[TerritoryHit]:
    if parsed.code:
        rows = _rows(_code_parts(parsed, wanted), limit)
    else:
        name, departement = parsed.name, parsed.departement
        departement_columns: dict[str, str | None] = {
            TerritoryKind.COMMUNE: "departement_id",
            TerritoryKind.EPCI: "departement_id",
            TerritoryKind.DEPARTEMENT: "code",
            TerritoryKind.REGION: None,
        }
        parts = [
            # Communes in two steps on the big table: exact or prefix first; the inside-the-name step
            # below can only add rows ranked after all of these, so it runs only when they are too few.
            _name_part(
                kind,
                name,
                prefix_only=kind == TerritoryKind.COMMUNE,
                departement_column=departement_columns[kind],
                departement=departement,
            )
            for kind in wanted
            if not (kind == TerritoryKind.REGION and departement)
        ]
        rows = _rows(parts, limit)
        communes_found = sum(1 for row in rows if row[0] == TerritoryKind.COMMUNE)
        if TerritoryKind.COMMUNE in wanted and len(name) >= 3 and communes_found < limit:
            inside = _name_part(
                TerritoryKind.COMMUNE,
                name,
                prefix_only=False,
                departement_column="departement_id",
                departement=departement,
            )
            inside.where.append("search_name NOT LIKE %s")
            inside.params.append(f"{name}%")
            rows += _rows([inside], limit - communes_found)
    unique = {(row[0], row[1]): row for row in rows}.values()  # a commune whose postcode is its INSEE code
    hits = sorted((_hit(row) for row in unique), key=lambda hit: (hit.rank, -(hit.population or 0), hit.name))
    return hits[:limit]


def search_territories(query: str, *, kinds: Iterable[str] | None = None, limit: int = 10) -> list[TerritoryHit]:
    """Active territories matching a name, postcode, INSEE code or SIREN, best first.

    Name matching ignores case, accents, punctuation and "St"/"Ste" abbreviations. Ranking: a code
    match, then the exact name, a name prefix, a word prefix, anywhere; ties by population (largest
    first). `kinds` restricts to some of "commune", "epci", "departement", "region" (a list or a
    comma-separated string). A query shorter than two characters, or with nothing to search, gives [].
    SQL: one UNION ALL query, plus one when the communes need the inside-the-name step (twice that
    when a trailing département code matched nothing and the search is retried without it).
    """
    limit = max(1, min(int(limit), MAX_LIMIT))
    parsed = parse_query(query)
    if len(parsed.raw) < MIN_QUERY_LENGTH or not (parsed.code or len(parsed.name) >= MIN_QUERY_LENGTH):
        return []
    wanted = _kinds(kinds)
    if parsed.kind:
        wanted = tuple(kind for kind in wanted if kind == parsed.kind)
    hits = _search(parsed, wanted, limit)
    if not hits and parsed.departement:
        # "paris 15" is not Paris in the Cantal: without the département, the name alone may match.
        hits = _search(replace(parsed, departement=""), wanted, limit)
    return hits


# --- Autocomplete answers, kept per process ---------------------------------------------------------------
# The referential changes about once a year (`manage.py load_territoires`): the pickers' answers are kept in each
# worker's memory under the referential's version, which the load moves (territories.services). A worker rereads
# the version from the shared cache at most every VERSION_CHECK_SECONDS, so after a load the other workers answer
# from the new data within that delay (the answers also tell browsers they may reuse them for 5 minutes).
REFERENTIAL_VERSION_KEY = "territories:referential:version"
VERSION_CHECK_SECONDS = 2.0
ANSWER_SECONDS = 300
_answers = ProcessMemo(max_entries=2048, seconds=ANSWER_SECONDS)
_version: dict[str, Any] = {"value": None, "checked": 0.0}


def referential_version() -> str:
    """A token that changes whenever the referential is loaded or a territory is saved."""
    now = time.monotonic()
    if _version["value"] is None or now - _version["checked"] > VERSION_CHECK_SECONDS:
        value = cache.get(REFERENTIAL_VERSION_KEY)
        if value is None:
            cache.add(REFERENTIAL_VERSION_KEY, uuid.uuid4().hex, timeout=None)
            value = cache.get(REFERENTIAL_VERSION_KEY)
        _version.update(value=value, checked=now)
    return _version["value"]


def referential_changed(**kwargs) -> None:
    """Move the referential's version: this worker answers from the new data at once, the others within
    VERSION_CHECK_SECONDS. A signal receiver too (territories.apps)."""
    cache.set(REFERENTIAL_VERSION_KEY, uuid.uuid4().hex, timeout=None)
    forget_answers()


def forget_answers() -> None:
    _answers.clear()
    _version.update(value=None, checked=0.0)


def _kept_choices(name: str, rows: QuerySet) -> list[tuple[str, str]]:
    """`rows` as a list, from this worker's memory under the referential's version."""
    return _answers.get_or_build((referential_version(), name), lambda: list(rows))


def region_choices() -> list[tuple[str, str]]:
    """(code, name) of every région by name, kept in this worker's memory under the referential's version (the
    filters of the staff lists show them on every page)."""
    return _kept_choices("region_choices", Region.objects.order_by("name").values_list("code", "name"))


def departement_choices() -> list[tuple[str, str]]:
    """(code, name) of every département by code, kept as region_choices() is."""
    return _kept_choices("departement_choices", Departement.objects.order_by("code").values_list("code", "name"))


def autocomplete_answer(query: str, kinds: str | None, limit: int) -> bytes:
    """The pickers' JSON answer (`{"results": [...]}`), from this worker's memory when it has it."""
    key = (referential_version(), query, kinds, limit)
    answer = _answers.get(key)
    if answer is None:
        hits = search_territories(query, kinds=kinds, limit=limit)
        answer = json.dumps({"results": [hit.as_json() for hit in hits]}).encode()
        _answers.put(key, answer)
    return answer


def get_territory(value: str) -> Commune | Epci | Departement | Region | None:
    """The active territory designated by a picker value "kind:pk" (as posted by forms), or None."""
    kind, _, pk = str(value or "").partition(":")
    models: dict[str, type[Commune | Epci | Departement | Region]] = {
        TerritoryKind.COMMUNE: Commune,
        TerritoryKind.EPCI: Epci,
        TerritoryKind.DEPARTEMENT: Departement,
        TerritoryKind.REGION: Region,
    }
    # Not str.isdigit(): it is true for "²" or "①", which int() refuses.
    if kind not in models or not pk.isascii() or not pk.isdigit() or len(pk) > 18:
        return None
    return models[TerritoryKind(kind)].objects.active().filter(pk=int(pk)).first()


def territory_hit(territory: Commune | Epci | Departement | Region) -> TerritoryHit:
    """The picker representation of one territory object (to redisplay a choice already made)."""
    if isinstance(territory, Commune):
        kind, code, dep = TerritoryKind.COMMUNE, territory.insee_code, territory.departement_id
    elif isinstance(territory, Epci):
        kind, code, dep = TerritoryKind.EPCI, territory.siren, territory.departement_id or ""
    elif isinstance(territory, Departement):
        kind, code, dep = TerritoryKind.DEPARTEMENT, territory.code, territory.code
    else:
        kind, code, dep = TerritoryKind.REGION, territory.code, ""
    return TerritoryHit(
        kind=kind,
        pk=territory.pk,
        code=code,
        name=territory.name,
        label=territory_label(kind, territory.name, dep),
        departement=dep,
        population=territory.population,
        rank=RANK_CODE,
    )


def programmes_with_counts() -> QuerySet[Programme]:
    """Every programme with the number of its active member communes and EPCI."""
    return Programme.objects.annotate(
        commune_count=Count("communes", filter=Q(communes__is_active=True), distinct=True),
        epci_count=Count("epcis", filter=Q(epcis__is_active=True), distinct=True),
    )


@dataclass(frozen=True)
class CommuneGroup:
    """The member communes of a programme in one département: (pk, name) pairs, by name."""

    departement_code: str
    departement_name: str
    communes: list[tuple[int, str]]


def programme_commune_groups(programme: Programme) -> list[CommuneGroup]:
    """The active member communes of a programme, grouped by département (by code), then by name.

    Plain values, not model instances: a programme lists up to about 1,700 communes.
    """
    rows = (
        programme.communes.active()
        .order_by("departement__code", "name")
        .values_list("departement__code", "departement__name", "pk", "name")
    )
    return [
        CommuneGroup(code, name, [(pk, commune) for _code, _name, pk, commune in members])
        for (code, name), members in groupby(rows, key=lambda row: (row[0], row[1]))
    ]


def programme_epcis(programme: Programme) -> QuerySet[Epci]:
    """The active member EPCI of a programme, by name."""
    return programme.epcis.active().order_by("name").only("name", "siren", "departement_id")


@dataclass(frozen=True)
class TerritoryFiche:
    """What the referential says about one territory, for its public card."""

    hit: TerritoryHit
    facts: list[tuple[str, str]]
    programmes: list[Programme]


def _fmt_population(population: int | None) -> str:
    return f"{population:,}".replace(",", "\u202f") + " habitants" if population is not None else "non renseignée"


def territory_fiche(territory: Commune | Epci | Departement | Region) -> TerritoryFiche:
    """The facts of a territory (codes, population, parents, EPCI, postcodes) and its programmes."""
    hit = territory_hit(territory)
    facts: list[tuple[str, str]] = []
    programmes: list[Programme] = []
    if isinstance(territory, Commune):
        commune = Commune.objects.select_related("departement", "region", "epci").get(pk=territory.pk)
        facts = [
            ("Code Insee", commune.insee_code),
            ("SIREN", commune.siren or "non renseigné"),
            ("Population municipale", _fmt_population(commune.population)),
            ("Codes postaux", commune.postcodes or "non renseignés"),
            ("Intercommunalité (EPCI)", commune.epci.name if commune.epci else "aucune"),
            ("Département", str(commune.departement)),
            ("Région", commune.region.name),
        ]
        programmes = list(commune.programmes.order_by("name"))
    elif isinstance(territory, Epci):
        epci = Epci.objects.select_related("departement", "region").get(pk=territory.pk)
        facts = [
            ("SIREN", epci.siren),
            ("Nature juridique", EPCI_KIND_LABELS.get(epci.kind, epci.kind)),
            ("Population municipale", _fmt_population(epci.population)),
            ("Communes membres", str(epci.communes.active().count())),
            ("Département principal", str(epci.departement) if epci.departement else "non renseigné"),
            ("Région", epci.region.name if epci.region else "non renseignée"),
        ]
        programmes = list(epci.programmes.order_by("name"))
    elif isinstance(territory, Departement):
        departement = Departement.objects.select_related("region").get(pk=territory.pk)
        facts = [
            ("Code Insee", departement.code),
            ("Population municipale", _fmt_population(departement.population)),
            ("Communes", str(departement.communes.active().count())),
            ("Région", departement.region.name),
        ]
    else:
        facts = [
            ("Code Insee", territory.code),
            ("Population municipale", _fmt_population(territory.population)),
            ("Départements", ", ".join(str(d) for d in territory.departements.active().order_by("code"))),
        ]
    return TerritoryFiche(hit=hit, facts=facts, programmes=programmes)
