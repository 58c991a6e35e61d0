"""Reading and writing the territorial referential outside the database.

Two formats carry the same records:
- the `data/` folder of Etalab's npm package `@etalab/decoupage-administratif` (regions.json,
  departements.json, epci.json, communes.json), as published upstream;
- the compact snapshot shipped in this repository (`territories/data/*.csv.gz`), derived from it by
  `manage.py build_territoires_snapshot` so that the first run works offline.

Both are read into a `Referential` of plain records, which `services.load_referential` writes.
"""

import csv
import gzip
import io
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

SNAPSHOT_DIR = Path(__file__).resolve().parent / "data"
PACKAGE_FILES = ("regions.json", "departements.json", "epci.json", "communes.json")
SNAPSHOT_FILES = ("regions.csv.gz", "departements.csv.gz", "epci.csv.gz", "communes.csv.gz")
COMMUNE_TYPE = "commune-actuelle"  # not the communes déléguées/associées nor the arrondissements municipaux


class ReferentialError(Exception):
    """The source folder is missing, incomplete or unreadable (French message for the operator)."""


@dataclass(frozen=True)
class RegionRecord:
    code: str
    name: str


@dataclass(frozen=True)
class DepartementRecord:
    code: str
    name: str
    region: str


@dataclass(frozen=True)
class EpciRecord:
    siren: str
    name: str
    kind: str
    population: int | None
    departement: str | None  # where most of its population lives (the data carries no seat)
    region: str | None


@dataclass(frozen=True)
class CommuneRecord:
    insee_code: str
    name: str
    siren: str | None
    population: int | None
    postcodes: tuple[str, ...]
    departement: str
    region: str
    epci: str | None  # SIREN of its EPCI à fiscalité propre


@dataclass
class Referential:
    regions: list[RegionRecord] = field(default_factory=list)
    departements: list[DepartementRecord] = field(default_factory=list)
    epcis: list[EpciRecord] = field(default_factory=list)
    communes: list[CommuneRecord] = field(default_factory=list)
    source: str = ""

    def check(self) -> None:
        """Refuse an inconsistent referential: duplicates or links to codes it does not define."""
        problems = []
        for label, codes in (
            ("région", [r.code for r in self.regions]),
            ("département", [d.code for d in self.departements]),
            ("EPCI", [e.siren for e in self.epcis]),
            ("commune", [c.insee_code for c in self.communes]),
        ):
            duplicates = [code for code, n in Counter(codes).items() if n > 1]
            if duplicates:
                problems.append(f"{label} en double : {', '.join(sorted(duplicates)[:5])}")
        sirens = [c.siren for c in self.communes if c.siren]
        if duplicates := [s for s, n in Counter(sirens).items() if n > 1]:
            problems.append(f"SIREN de commune en double : {', '.join(sorted(duplicates)[:5])}")
        regions = {r.code for r in self.regions}
        departements = {d.code for d in self.departements}
        epcis = {e.siren for e in self.epcis}
        for d in self.departements:
            if d.region not in regions:
                problems.append(f"le département {d.code} renvoie à une région inconnue ({d.region})")
        for c in self.communes:
            if c.departement not in departements or c.region not in regions:
                problems.append(f"la commune {c.insee_code} renvoie à un département ou une région inconnus")
            if c.epci and c.epci not in epcis:
                problems.append(f"la commune {c.insee_code} renvoie à un EPCI inconnu ({c.epci})")
            if len(problems) > 20:
                break
        if not self.communes or not self.departements or not self.regions:
            problems.append("aucune commune, aucun département ou aucune région")
        if problems:
            raise ReferentialError("Référentiel incohérent : " + " ; ".join(problems[:20]) + ".")


def _int_or_none(value) -> int | None:
    if value in (None, ""):
        return None
    return int(value)


def _read_json(path: Path) -> list[dict]:
    try:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError as exc:
        raise ReferentialError(f"Fichier introuvable : {path}.") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReferentialError(f"Fichier illisible ou corrompu : {path} ({exc}).") from exc
    if not isinstance(data, list):
        raise ReferentialError(f"Fichier inattendu : {path} devrait contenir une liste d’objets.")
    return data


def read_package(data_dir: Path) -> Referential:
    """Read the `data/` folder of @etalab/decoupage-administratif (communes actuelles only)."""
    paths = {name: data_dir / name for name in PACKAGE_FILES}
    try:
        raw_regions = _read_json(paths["regions.json"])
        raw_departements = _read_json(paths["departements.json"])
        raw_epcis = _read_json(paths["epci.json"])
        raw_communes = [c for c in _read_json(paths["communes.json"]) if c.get("type") == COMMUNE_TYPE]
        regions = [RegionRecord(code=r["code"], name=r["nom"]) for r in raw_regions]
        departements = [DepartementRecord(code=d["code"], name=d["nom"], region=d["region"]) for d in raw_departements]
        epci_of_commune: dict[str, str] = {}
        for epci in raw_epcis:
            for member in epci["membres"]:
                epci_of_commune[member["code"]] = epci["code"]
        communes = [
            CommuneRecord(
                insee_code=c["code"],
                name=c["nom"],
                siren=c.get("siren") or None,
                population=_int_or_none(c.get("population")),
                postcodes=tuple(sorted(set(c.get("codesPostaux") or []))),
                departement=c["departement"],
                region=c["region"],
                epci=epci_of_commune.get(c["code"]),
            )
            for c in raw_communes
        ]
        seat = _epci_departements(communes)
        region_of = {d.code: d.region for d in departements}
        epcis = [
            EpciRecord(
                siren=e["code"],
                name=e["nom"],
                kind=e.get("type", ""),
                population=_int_or_none(e.get("populationMunicipale", e.get("populationTotale"))),
                departement=seat.get(e["code"]),
                region=region_of.get(seat.get(e["code"], "")),
            )
            for e in raw_epcis
        ]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ReferentialError(f"Format inattendu dans {data_dir} : champ manquant ou invalide ({exc}).") from exc
    referential = Referential(regions, departements, epcis, communes, source=str(data_dir))
    referential.check()
    return referential


def _epci_departements(communes: list[CommuneRecord]) -> dict[str, str]:
    """The département of each EPCI: the one where most of its members' population lives."""
    weights: dict[str, Counter] = defaultdict(Counter)
    for commune in communes:
        if commune.epci:
            weights[commune.epci][commune.departement] += (commune.population or 0) + 1
    return {siren: counter.most_common(1)[0][0] for siren, counter in weights.items()}


# --- The shipped snapshot: four small gzipped CSV files -----------------------------------------

REGION_COLUMNS = ["code", "nom"]
DEPARTEMENT_COLUMNS = ["code", "nom", "region"]
EPCI_COLUMNS = ["siren", "nom", "type", "population", "departement", "region"]
COMMUNE_COLUMNS = ["code", "nom", "siren", "population", "codes_postaux", "departement", "region", "epci"]


def _write_csv_gz(path: Path, columns: list[str], rows: list[list]) -> None:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(["" if value is None else value for value in row] for row in rows)
    # mtime=0: the same data always gives the same bytes (a rebuild without change shows no diff).
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(text.getvalue().encode("utf-8"))


def write_snapshot(referential: Referential, out_dir: Path) -> list[Path]:
    """Write the compact snapshot (sorted, deterministic) and return the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = dict(zip(SNAPSHOT_FILES, (out_dir / name for name in SNAPSHOT_FILES), strict=True))
    _write_csv_gz(
        files["regions.csv.gz"], REGION_COLUMNS, [[r.code, r.name] for r in sorted(referential.regions, key=_code)]
    )
    _write_csv_gz(
        files["departements.csv.gz"],
        DEPARTEMENT_COLUMNS,
        [[d.code, d.name, d.region] for d in sorted(referential.departements, key=_code)],
    )
    _write_csv_gz(
        files["epci.csv.gz"],
        EPCI_COLUMNS,
        [
            [e.siren, e.name, e.kind, e.population, e.departement, e.region]
            for e in sorted(referential.epcis, key=lambda e: e.siren)
        ],
    )
    _write_csv_gz(
        files["communes.csv.gz"],
        COMMUNE_COLUMNS,
        [
            [c.insee_code, c.name, c.siren, c.population, " ".join(c.postcodes), c.departement, c.region, c.epci]
            for c in sorted(referential.communes, key=lambda c: c.insee_code)
        ],
    )
    return list(files.values())


def _code(record) -> str:
    return record.code


def _read_csv_gz(path: Path, columns: list[str]) -> list[dict]:
    try:
        with gzip.open(path, mode="rt", encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames != columns:
                raise ReferentialError(f"En-tête inattendu dans {path} : {reader.fieldnames} au lieu de {columns}.")
            return list(reader)
    except FileNotFoundError as exc:
        raise ReferentialError(f"Fichier introuvable : {path}.") from exc
    except (OSError, EOFError, UnicodeDecodeError, csv.Error) as exc:
        raise ReferentialError(f"Fichier illisible ou corrompu : {path} ({exc}).") from exc


def read_snapshot(snapshot_dir: Path = SNAPSHOT_DIR) -> Referential:
    """Read the compact snapshot written by `write_snapshot`."""
    try:
        regions = [
            RegionRecord(code=r["code"], name=r["nom"])
            for r in _read_csv_gz(snapshot_dir / "regions.csv.gz", REGION_COLUMNS)
        ]
        departements = [
            DepartementRecord(code=d["code"], name=d["nom"], region=d["region"])
            for d in _read_csv_gz(snapshot_dir / "departements.csv.gz", DEPARTEMENT_COLUMNS)
        ]
        epcis = [
            EpciRecord(
                siren=e["siren"],
                name=e["nom"],
                kind=e["type"],
                population=_int_or_none(e["population"]),
                departement=e["departement"] or None,
                region=e["region"] or None,
            )
            for e in _read_csv_gz(snapshot_dir / "epci.csv.gz", EPCI_COLUMNS)
        ]
        communes = [
            CommuneRecord(
                insee_code=c["code"],
                name=c["nom"],
                siren=c["siren"] or None,
                population=_int_or_none(c["population"]),
                postcodes=tuple(c["codes_postaux"].split()),
                departement=c["departement"],
                region=c["region"],
                epci=c["epci"] or None,
            )
            for c in _read_csv_gz(snapshot_dir / "communes.csv.gz", COMMUNE_COLUMNS)
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise ReferentialError(f"Format inattendu dans {snapshot_dir} : valeur invalide ({exc}).") from exc
    referential = Referential(regions, departements, epcis, communes, source=str(snapshot_dir))
    referential.check()
    return referential


def read_source(path: Path | None = None) -> Referential:
    """The shipped snapshot (no path), or a folder: a package `data/` folder, its parent, or a snapshot."""
    if path is None:
        return read_snapshot(SNAPSHOT_DIR)
    path = Path(path)
    if not path.is_dir():
        raise ReferentialError(f"Dossier source introuvable : {path}.")
    for candidate in (path, path / "data", path / "package" / "data"):
        if (candidate / "communes.json").exists():
            return read_package(candidate)
    if (path / "communes.csv.gz").exists():
        return read_snapshot(path)
    raise ReferentialError(
        f"Le dossier {path} ne contient ni communes.json (dossier data/ du paquet "
        "@etalab/decoupage-administratif) ni communes.csv.gz (instantané du portail)."
    )
