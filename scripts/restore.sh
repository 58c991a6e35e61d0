#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh:   restore.sh BACKUP_DIR/<date>
# Environment: DATABASE_URL (the database to restore into: its tables are replaced), PRIVATE_FILES_DIR (where
# the private files go back; optional). Stop web, worker and beat first (docs/exploitation.md).
set -euo pipefail

source_dir="${1:?usage : restore.sh <dossier de sauvegarde>, par exemple /backups/20260101T030000Z}"
: "${DATABASE_URL:?DATABASE_URL est requise (base de destination)}"
PRIVATE_FILES_DIR="${PRIVATE_FILES_DIR:-}"

[ -f "$source_dir/base.dump" ] || { echo "Pas de base.dump dans $source_dir" >&2; exit 1; }
(cd "$source_dir" && sha256sum --check --quiet SHA256SUMS)

pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="$DATABASE_URL" "$source_dir/base.dump"
echo "Base restaurée depuis $source_dir/base.dump" >&2

if [ -f "$source_dir/fichiers-prives.tar.gz" ]; then
  if [ -z "$PRIVATE_FILES_DIR" ]; then
    echo "PRIVATE_FILES_DIR absente : fichiers privés non restaurés" >&2
  else
    mkdir -p "$PRIVATE_FILES_DIR"
    tar -C "$PRIVATE_FILES_DIR" -xzf "$source_dir/fichiers-prives.tar.gz"
    echo "Fichiers privés restaurés dans $PRIVATE_FILES_DIR" >&2
  fi
fi
