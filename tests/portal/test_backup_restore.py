"""scripts/backup.sh makes a backup that scripts/restore.sh restores: run against the local PostgreSQL.

The backup is taken of the test database; it is restored into a scratch database named after it (dropped at the
end), where the rows and the private files are found again.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from tests.accounts.factories import OrganisationFactory
from tests.conftest import skip_or_fail

ROOT = Path(__file__).resolve().parents[2]


def _url(name: str) -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def _run(script: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    keep = {key: value for key, value in os.environ.items() if key in {"PATH", "HOME", "LANG", "LC_ALL"}}
    return subprocess.run(  # noqa: S603
        ["bash", str(ROOT / "scripts" / script), *args],  # noqa: S607
        env={**keep, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def postgres() -> None:
    if connection.vendor != "postgresql":
        skip_or_fail("La sauvegarde concerne PostgreSQL : DATABASE_URL=postgres://…")
    for program in ("pg_dump", "pg_restore"):
        if shutil.which(program) is None:
            skip_or_fail(f"{program} est absent (apt-get install postgresql-client)")


@pytest.fixture
def scratch_database(postgres):
    name = f"{connection.settings_dict['NAME']}_restauration"
    admin = psycopg.connect(_url("postgres"), autocommit=True)
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.mark.django_db(transaction=True)  # pg_dump sees committed rows only
def test_a_backup_restores_into_a_scratch_database_with_its_data_and_files(tmp_path, scratch_database):
    organisation = OrganisationFactory(name="Commune de Sauvegarde-sur-Loire")
    private = tmp_path / "private"
    (private / "livrables" / "2026").mkdir(parents=True)
    (private / "livrables" / "2026" / "note.pdf").write_bytes(b"%PDF-1.7 livrable")
    backups = tmp_path / "backups"

    made = _run(
        "backup.sh",
        env={
            "DATABASE_URL": _url(connection.settings_dict["NAME"]),
            "BACKUP_DIR": str(backups),
            "PRIVATE_FILES_DIR": str(private),
        },
    )
    assert made.returncode == 0, made.stderr
    (backup,) = [path for path in backups.iterdir() if path.is_dir()]
    assert {path.name for path in backup.iterdir()} == {"base.dump", "fichiers-prives.tar.gz", "SHA256SUMS"}
    assert (backups / "derniere-sauvegarde").read_text().strip() == backup.name

    restored_files = tmp_path / "restored"
    restored = _run(
        "restore.sh",
        str(backup),
        env={"DATABASE_URL": _url(scratch_database), "PRIVATE_FILES_DIR": str(restored_files)},
    )
    assert restored.returncode == 0, restored.stderr
    with psycopg.connect(_url(scratch_database)) as restored_db:
        row = restored_db.execute(
            f"SELECT name FROM {organisation._meta.db_table} WHERE id = %s",  # noqa: S608 (a model's table)
            [organisation.pk],
        ).fetchone()
    assert row == ("Commune de Sauvegarde-sur-Loire",)
    assert (restored_files / "livrables" / "2026" / "note.pdf").read_bytes() == b"%PDF-1.7 livrable"


def test_retention_keeps_the_latest_backups_and_touches_nothing_else(tmp_path, postgres):
    backups = tmp_path / "backups"
    for old in ("20250101T030000Z", "20250102T030000Z", "20250103T030000Z"):
        (backups / old).mkdir(parents=True)
    (backups / "notes-exploitation").mkdir()

    made = _run(
        "backup.sh",
        env={"DATABASE_URL": _url(connection.settings_dict["NAME"]), "BACKUP_DIR": str(backups), "BACKUP_KEEP": "2"},
    )
    assert made.returncode == 0, made.stderr
    kept = sorted(path.name for path in backups.iterdir() if path.is_dir())
    assert kept[0] == "20250103T030000Z"
    # The two oldest went; the new one stays, named after its UTC date; the foreign folder is untouched.
    assert kept[0] == "20250103T030000Z"
    assert re.fullmatch(r"20[0-9]{6}T[0-9]{6}Z", kept[1])
    assert kept[2:] == ["notes-exploitation"]


def test_a_failed_backup_leaves_nothing_and_says_so(tmp_path, postgres):
    backups = tmp_path / "backups"
    failed = _run("backup.sh", env={"DATABASE_URL": _url("base_qui_n_existe_pas"), "BACKUP_DIR": str(backups)})
    assert failed.returncode != 0
    assert "base_qui_n_existe_pas" in failed.stderr
    assert list(backups.iterdir()) == []


def test_restore_refuses_a_damaged_backup(tmp_path, scratch_database):
    backups = tmp_path / "backups"
    made = _run("backup.sh", env={"DATABASE_URL": _url(connection.settings_dict["NAME"]), "BACKUP_DIR": str(backups)})
    assert made.returncode == 0, made.stderr
    (backup,) = [path for path in backups.iterdir() if path.is_dir()]
    with (backup / "base.dump").open("r+b") as dump:
        dump.seek(100)
        dump.write(b"\x00damaged\x00")
    refused = _run("restore.sh", str(backup), env={"DATABASE_URL": _url(scratch_database)})
    assert refused.returncode != 0
    assert "base.dump" in refused.stdout + refused.stderr
