#!/usr/bin/env bash
# Backup of the portal: PostgreSQL (pg_dump, custom format) and a copy of the private files, with retention.
#   backup.sh           one backup now          backup.sh --loop   one every BACKUP_INTERVAL_SECONDS (compose service)
# Environment: DATABASE_URL (required), BACKUP_DIR (default /backups), PRIVATE_FILES_DIR (private files, optional),
# BACKUP_KEEP (how many backups to keep, default 14), BACKUP_INTERVAL_SECONDS (default 86400).
# Each backup is a folder BACKUP_DIR/<UTC date>/ holding base.dump, fichiers-prives.tar.gz and SHA256SUMS; it
# appears only once complete. BACKUP_DIR/derniere-sauvegarde holds the date of the last success (to monitor).
# Restore: scripts/restore.sh BACKUP_DIR/<date> (docs/exploitation.md).
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL est requise}"
BACKUP_DIR="${BACKUP_DIR:-/backups}"
PRIVATE_FILES_DIR="${PRIVATE_FILES_DIR:-}"
BACKUP_KEEP="${BACKUP_KEEP:-14}"
BACKUP_INTERVAL_SECONDS="${BACKUP_INTERVAL_SECONDS:-86400}"
STAMP_PATTERN='^[0-9]{8}T[0-9]{6}Z$'

log() { printf '%s sauvegarde : %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }

backup_once() {
  mkdir -p "$BACKUP_DIR"
  local stamp target
  stamp="$(date -u +%Y%m%dT%H%M%SZ)"
  while [ -e "$BACKUP_DIR/$stamp" ]; do sleep 1; stamp="$(date -u +%Y%m%dT%H%M%SZ)"; done
  target="$BACKUP_DIR/$stamp"
  partial="$BACKUP_DIR/.en-cours-$stamp"
  mkdir -p "$partial"

  pg_dump --format=custom --compress=6 --dbname="$DATABASE_URL" --file="$partial/base.dump"
  # A dump pg_restore cannot read is no backup.
  pg_restore --list "$partial/base.dump" >/dev/null

  if [ -n "$PRIVATE_FILES_DIR" ] && [ -d "$PRIVATE_FILES_DIR" ]; then
    tar -C "$PRIVATE_FILES_DIR" -czf "$partial/fichiers-prives.tar.gz" .
  fi
  (cd "$partial" && sha256sum -- * >SHA256SUMS)
  mv "$partial" "$target"
  printf '%s\n' "$stamp" >"$BACKUP_DIR/derniere-sauvegarde"
  log "$target ($(du -sh "$target" | cut -f1))"

  # Retention: the BACKUP_KEEP most recent backups; nothing else in BACKUP_DIR is touched.
  local backups=()
  while IFS= read -r name; do backups+=("$name"); done < <(
    find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | grep -E "$STAMP_PATTERN" | sort
  )
  local excess=$((${#backups[@]} - BACKUP_KEEP))
  for ((i = 0; i < excess; i++)); do
    rm -rf -- "${BACKUP_DIR:?}/${backups[$i]}"
    log "supprimée (rétention de $BACKUP_KEEP) : ${backups[$i]}"
  done
}

if [ "${1:-}" = "--loop" ]; then
  # Each backup in its own process: a failure stops that backup at once (set -e), not the loop.
  while :; do
    bash "$0" || log "ÉCHEC de la sauvegarde (nouvel essai dans ${BACKUP_INTERVAL_SECONDS} s)"
    sleep "$BACKUP_INTERVAL_SECONDS"
  done
else
  partial=""
  # An interrupted backup leaves nothing behind.
  trap '[ -z "$partial" ] || rm -rf -- "$partial"' EXIT
  backup_once
fi
