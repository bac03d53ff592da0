#!/usr/bin/env bash
# Takes a full backup of the cluster with pgBackRest (from whichever node leads) into
# $DSC_CLUSTER_DIR/backup, and prints how long it took and how big it is.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require_root_or_postgres

started=$(now_ns)
pgbackrest_as_postgres --type=full backup
seconds=$(seconds_since "$started")
info=$(pgbackrest_as_postgres --output=json info)
jq -r --arg seconds "$seconds" '.[0].backup[-1] |
  "Full backup \(.label): \($seconds) s; database \(.info.size / 1048576 | floor) MiB, " +
  "\(.info.repository.size / 1048576 | floor) MiB compressed in the repository"' <<<"$info"
echo "Repository (backups and WAL archive): $(du -sh "$CLUSTER_DIR/backup" | cut -f1)"
