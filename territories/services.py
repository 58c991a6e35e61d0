"""Writes to the territorial referential: loading the official data, importing programme members."""

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection, transaction

from common.fragments import bump_version
from territories import selectors
from territories.models import Commune, CommunePostcode, Departement, Epci, Programme, Region
from territories.referential import Referential
from territories.search import normalize
from territories.signals import PROGRAMME_PAGES

BATCH_SIZE = 2000


class ProgrammeImportError(Exception):
    """The programme CSV cannot be imported; `errors` lists the French messages, one per faulty line."""

    def __init__(self, message: str, errors: list[str] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []


@dataclass
class KindReport:
    created: int = 0
    updated: int = 0
    deactivated: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return (
            f"{self.created} créé(s), {self.updated} mis à jour, {self.deactivated} désactivé(s), "
            f"{self.unchanged} inchangé(s)"
        )


@dataclass
class LoadReport:
    regions: KindReport = field(default_factory=KindReport)
    departements: KindReport = field(default_factory=KindReport)
    epcis: KindReport = field(default_factory=KindReport)
    communes: KindReport = field(default_factory=KindReport)
    postcodes_added: int = 0
    postcodes_removed: int = 0


def _sync(model, *, key: str, rows: dict[str, dict], fields: list[str], report: KindReport) -> dict[str, int]:
    """Upsert `rows` (key value → field values) into `model`; deactivate the active rows not in `rows`.

    Only new or changed rows are written, so a second run with the same data writes nothing.
    Returns key value → primary key for every row of the table.
    """
    existing = {row[key]: row for row in model.objects.values("pk", key, "is_active", *fields)}
    to_create, to_update = [], []
    for code, values in rows.items():
        wanted = {**values, "is_active": True}
        current = existing.get(code)
        if current is None:
            to_create.append(model(**{key: code}, **wanted))
        elif any(current[name] != value for name, value in wanted.items()):
            to_update.append(model(pk=current["pk"], **{key: code}, **wanted))
        else:
            report.unchanged += 1
    model.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    model.objects.bulk_update(to_update, [*fields, "is_active"], batch_size=BATCH_SIZE)
    gone = [row["pk"] for code, row in existing.items() if code not in rows and row["is_active"]]
    # Deactivated, never deleted: organisations, programmes and projects may point to them.
    for start in range(0, len(gone), BATCH_SIZE):
        model.objects.filter(pk__in=gone[start : start + BATCH_SIZE]).update(is_active=False)
    report.created, report.updated, report.deactivated = len(to_create), len(to_update), len(gone)
    return dict(model.objects.values_list(key, "pk"))


@transaction.atomic
def load_referential(*, referential: Referential) -> LoadReport:
    """Load régions, départements, EPCI, communes and postcodes from a checked referential, idempotently.

    One transaction: a failure leaves the database as it was. A territory absent from the source is
    marked inactive (`is_active=False`), never deleted; one that comes back is reactivated.
    """
    referential.check()
    report = LoadReport()
    population_by_departement: dict[str, int] = defaultdict(int)
    population_by_region: dict[str, int] = defaultdict(int)
    for commune in referential.communes:
        population_by_departement[commune.departement] += commune.population or 0
        population_by_region[commune.region] += commune.population or 0

    _sync(
        Region,
        key="code",
        rows={
            r.code: {"name": r.name, "search_name": normalize(r.name), "population": population_by_region[r.code]}
            for r in referential.regions
        },
        fields=["name", "search_name", "population"],
        report=report.regions,
    )
    _sync(
        Departement,
        key="code",
        rows={
            d.code: {
                "name": d.name,
                "search_name": normalize(d.name),
                "region_id": d.region,
                "population": population_by_departement[d.code],
            }
            for d in referential.departements
        },
        fields=["name", "search_name", "region_id", "population"],
        report=report.departements,
    )
    epci_pks = _sync(
        Epci,
        key="siren",
        rows={
            e.siren: {
                "name": e.name,
                "search_name": normalize(e.name),
                "kind": e.kind,
                "population": e.population,
                "departement_id": e.departement,
                "region_id": e.region,
            }
            for e in referential.epcis
        },
        fields=["name", "search_name", "kind", "population", "departement_id", "region_id"],
        report=report.epcis,
    )
    commune_pks = _sync(
        Commune,
        key="insee_code",
        rows={
            c.insee_code: {
                "name": c.name,
                "search_name": normalize(c.name),
                "siren": c.siren,
                "population": c.population,
                "postcodes": " ".join(c.postcodes),
                "departement_id": c.departement,
                "region_id": c.region,
                "epci_id": epci_pks[c.epci] if c.epci else None,
            }
            for c in referential.communes
        },
        fields=["name", "search_name", "siren", "population", "postcodes", "departement_id", "region_id", "epci_id"],
        report=report.communes,
    )
    _sync_postcodes(referential, commune_pks, report)
    if connection.vendor == "postgresql":
        # Fresh statistics now, not at the next autovacuum: the planner picks the name indexes at once.
        with connection.cursor() as cursor:
            for model in (Region, Departement, Epci, Commune, CommunePostcode):
                cursor.execute(f"ANALYZE {model._meta.db_table}")
    # Bulk writes send no signal: the kept autocomplete answers are dropped here, and again once committed (an
    # answer read meanwhile from the old rows is not kept).
    selectors.referential_changed()
    transaction.on_commit(selectors.referential_changed)
    # Bulk writes send no signal: the programme pages list these names (territories.signals).
    bump_version(PROGRAMME_PAGES)
    return report


def _sync_postcodes(referential: Referential, commune_pks: dict[str, int], report: LoadReport) -> None:
    wanted = {(commune_pks[c.insee_code], code) for c in referential.communes for code in c.postcodes}
    existing = {
        (commune_id, code): pk
        for pk, commune_id, code in CommunePostcode.objects.values_list("pk", "commune_id", "code")
    }
    stale = [pk for pair, pk in existing.items() if pair not in wanted]
    for start in range(0, len(stale), BATCH_SIZE):
        CommunePostcode.objects.filter(pk__in=stale[start : start + BATCH_SIZE]).delete()
    new = [CommunePostcode(commune_id=commune_id, code=code) for commune_id, code in wanted - existing.keys()]
    CommunePostcode.objects.bulk_create(new, batch_size=BATCH_SIZE)
    report.postcodes_added, report.postcodes_removed = len(new), len(stale)


# --- Programme members ----------------------------------------------------------------------------

INSEE_COLUMNS = ("insee_com", "code_insee", "insee", "codgeo", "code_commune_insee")
SIREN_COLUMNS = ("siren", "siren_epci", "code_siren")
INSEE_CODE_RE = re.compile(r"^([0-9]{5}|2[AB][0-9]{3})$")
SIREN_CODE_RE = re.compile(r"^[0-9]{9}$")
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_REPORTED_ERRORS = 50


@dataclass
class ProgrammeImportReport:
    communes_added: int = 0
    epcis_added: int = 0
    already_members: int = 0
    rows: int = 0


def _decode(content: bytes | str) -> str:
    if isinstance(content, str):
        return content.lstrip("\ufeff")
    if len(content) > MAX_IMPORT_BYTES:
        raise ProgrammeImportError("Le fichier dépasse 5 Mo : découpez-le ou vérifiez qu’il s’agit du bon fichier.")
    for encoding in ("utf-8-sig", "cp1252"):  # exports from spreadsheets are often Windows-1252
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ProgrammeImportError("Le fichier n’est pas un texte lisible (encodage UTF-8 ou Windows-1252 attendu).")


def _reader(text: str) -> csv.DictReader:
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return csv.DictReader(io.StringIO(text), dialect=dialect)


def _column(fieldnames: list[str], candidates: tuple[str, ...]) -> str | None:
    by_normalised = {name.strip().lower().replace(" ", "_").replace("-", "_"): name for name in fieldnames}
    return next((by_normalised[c] for c in candidates if c in by_normalised), None)


@transaction.atomic
def import_programme_members(
    *, programme: Programme, content: bytes | str, replace: bool = False
) -> ProgrammeImportReport:
    """Add the communes (INSEE code column) and/or EPCI (SIREN column) of a CSV to a programme.

    All or nothing: if any row has an invalid or unknown code, nothing is imported and
    `ProgrammeImportError.errors` lists each faulty line (numbered as in a spreadsheet, header = 1).
    With `replace`, members absent from the file are removed from the programme.
    """
    text = _decode(content)
    if not text.strip():
        raise ProgrammeImportError("Le fichier est vide.")
    reader = _reader(text)
    fieldnames = [name for name in (reader.fieldnames or []) if name]
    insee_column = _column(fieldnames, INSEE_COLUMNS)
    siren_column = _column(fieldnames, SIREN_COLUMNS)
    if not insee_column and not siren_column:
        raise ProgrammeImportError(
            "Aucune colonne de code reconnue. Le fichier doit avoir une colonne de code Insee "
            "(insee_com, code_insee ou insee) ou une colonne SIREN (siren)."
        )
    # With both columns (ACV exports carry the EPCI SIREN of each commune), the INSEE code wins:
    # the row designates the commune, the SIREN column is context.
    errors: list[str] = []
    wanted_insee: dict[str, int] = {}
    wanted_siren: dict[str, int] = {}
    report = ProgrammeImportReport()
    try:
        for row in reader:
            line = reader.line_num
            report.rows += 1
            insee = (row.get(insee_column) or "").strip().upper() if insee_column else ""
            siren = (row.get(siren_column) or "").strip().replace(" ", "") if siren_column else ""
            if insee_column and insee:
                if insee.isdigit() and len(insee) < 5:
                    insee = insee.zfill(5)  # a spreadsheet dropped the leading zero (01004 → 1004)
                if not INSEE_CODE_RE.match(insee):
                    errors.append(
                        f"Ligne {line} : « {insee[:20]} » n’est pas un code Insee de commune (5 caractères)."
                    )
                else:
                    wanted_insee.setdefault(insee, line)
            elif siren:
                if not SIREN_CODE_RE.match(siren):
                    errors.append(f"Ligne {line} : « {siren[:20]} » n’est pas un SIREN (9 chiffres).")
                else:
                    wanted_siren.setdefault(siren, line)
            elif any((value or "").strip() for value in row.values() if isinstance(value, str)):
                errors.append(f"Ligne {line} : aucun code Insee ni SIREN.")
    except csv.Error as exc:
        raise ProgrammeImportError(f"Le fichier CSV est mal formé (ligne {reader.line_num}) : {exc}.") from exc

    communes = dict(Commune.objects.active().filter(insee_code__in=wanted_insee).values_list("insee_code", "pk"))
    epcis = dict(Epci.objects.active().filter(siren__in=wanted_siren).values_list("siren", "pk"))
    # A SIREN column may also designate communes (their own SIREN).
    communes_by_siren = dict(
        Commune.objects.active().filter(siren__in=set(wanted_siren) - set(epcis)).values_list("siren", "pk")
    )
    for insee, line in wanted_insee.items():
        if insee not in communes:
            errors.append(f"Ligne {line} : le code Insee {insee} ne correspond à aucune commune en vigueur.")
    for siren, line in wanted_siren.items():
        if siren not in epcis and siren not in communes_by_siren:
            errors.append(f"Ligne {line} : le SIREN {siren} ne correspond à aucun EPCI ni aucune commune en vigueur.")
    if errors:
        errors.sort(key=lambda message: int(message.split()[1]))
        shown = errors[:MAX_REPORTED_ERRORS]
        if len(errors) > MAX_REPORTED_ERRORS:
            shown.append(f"… et {len(errors) - MAX_REPORTED_ERRORS} autre(s) erreur(s).")
        raise ProgrammeImportError(
            f"Import refusé : {len(errors)} ligne(s) en erreur, rien n’a été importé. "
            "Corrigez le fichier et recommencez.",
            shown,
        )
    if report.rows == 0:
        raise ProgrammeImportError("Le fichier ne contient aucune ligne de données.")

    commune_ids = set(communes.values()) | set(communes_by_siren.values())
    epci_ids = set(epcis.values())
    current_communes = set(programme.communes.values_list("pk", flat=True))
    current_epcis = set(programme.epcis.values_list("pk", flat=True))
    if replace:
        programme.communes.remove(*(current_communes - commune_ids))
        programme.epcis.remove(*(current_epcis - epci_ids))
    programme.communes.add(*(commune_ids - current_communes))
    programme.epcis.add(*(epci_ids - current_epcis))
    report.communes_added = len(commune_ids - current_communes)
    report.epcis_added = len(epci_ids - current_epcis)
    report.already_members = len(commune_ids & current_communes) + len(epci_ids & current_epcis)
    return report
