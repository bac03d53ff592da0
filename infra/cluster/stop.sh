#!/usr/bin/env bash
# Stops what infra/cluster/start.sh started: the application instances, HAProxy, Patroni (and
# with it PostgreSQL) and etcd, each by its pid file. Keeps the data, the logs and the backups;
# --wipe then deletes the whole cluster directory. Safe to run when nothing runs.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

wipe=false
for arg in "$@"; do
  case $arg in
    --wipe) wipe=true ;;
    *) echo "Usage: $0 [--wipe]" >&2; exit 1 ;;
  esac
done
require_root_or_postgres

postmaster_of() { # node: the pid of its PostgreSQL, if that still runs
  local file=$CLUSTER_DIR/$1/data/postmaster.pid pid
  [[ -s $file ]] || return 1
  pid=$(head -n 1 "$file")
  [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$CLUSTER_DIR/$1/data"
}

stop_node() { # node
  # Patroni stops its PostgreSQL when it stops (a fast shutdown with a checkpoint).
  stop_daemon "$1" 90
  # A PostgreSQL left behind by a Patroni that was killed is stopped on its own.
  if postmaster_of "$1"; then
    as_postgres "$PG_BIN/pg_ctl" stop -D "$CLUSTER_DIR/$1/data" -m fast -t 60
  fi
}

# Instances first (they finish their requests), then what they depend on.
for name in "${APPS[@]}"; do stop_daemon "$name" 45; done
stop_daemon haproxy 10
# Replicas before the leader: a replica still running when the leader stops would take over.
leader_node=$(leader 2>/dev/null || true)
for node in "${NODES[@]}"; do [[ $node == "$leader_node" ]] || stop_node "$node"; done
[[ -z $leader_node ]] || stop_node "$leader_node"
stop_daemon etcd 30

if $wipe && [[ -d $CLUSTER_DIR ]]; then
  if [[ ! -e $CLUSTER_DIR/.dsc-cluster ]]; then
    echo "$CLUSTER_DIR was not made by start.sh (no .dsc-cluster in it): not deleting it" >&2
    exit 1
  fi
  rm -rf "$CLUSTER_DIR"
  echo "Deleted $CLUSTER_DIR (data, logs and backups)"
fi
echo "Cluster stopped"
