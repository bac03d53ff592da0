#!/usr/bin/env bash
# Says how the cluster stands: etcd, who is Patroni's leader, each replica's lag in bytes,
# HAProxy's view of every backend server, and the application instances' readiness.
# Exit code 0 when etcd, a leader and HAProxy answer, 1 otherwise.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
healthy=true

if curl -fsS --max-time 2 "http://127.0.0.1:$ETCD_CLIENT_PORT/health" >/dev/null 2>&1; then
  echo "etcd: up on 127.0.0.1:$ETCD_CLIENT_PORT"
else
  echo "etcd: DOWN"; healthy=false
fi

if node=$(leader 2>/dev/null); then
  echo "Patroni leader: $node (127.0.0.1:${PG_PORT[$node]})"
  # Replication as the leader sees it; lag is WAL written on the leader not yet replayed there.
  psql_at "${PG_PORT[$node]}" -F ' ' -c "
    select 'replica ' || application_name || ': ' || state || ', ' || sync_state
           || ', lag ' || coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), 0)::bigint || ' bytes'
      from pg_stat_replication order by application_name" | sed 's/^/  /'
  echo "  timeline $(psql_at "${PG_PORT[$node]}" -c "select timeline_id from pg_control_checkpoint()")"
else
  echo "Patroni leader: NONE"; healthy=false
fi
for node in "${NODES[@]}"; do
  if member=$(rest "$node" /patroni 2>/dev/null); then
    echo "  $node: $(jq -r '"\(.role), PostgreSQL \(.state)"' <<<"$member")"
  else
    echo "  $node: Patroni not answering on 127.0.0.1:${REST_PORT[$node]}"
  fi
done

if stats=$(curl -fsS --max-time 2 "http://127.0.0.1:$STATS_PORT/;csv" 2>/dev/null); then
  echo "HAProxy (stats http://127.0.0.1:$STATS_PORT/):"
  # Columns 1, 2 and 18 of HAProxy's CSV: proxy, server, status.
  awk -F, '$1 != "stats" && $2 != "FRONTEND" && $2 != "BACKEND" && $1 !~ /^#/ { printf "  %-18s %-11s %s\n", $1, $2, $18 }' <<<"$stats"
else
  echo "HAProxy: DOWN"; healthy=false
fi

for name in "${APPS[@]}"; do
  port=${APP_MANAGEMENT_PORT[$name]}
  if readiness=$(curl -sS --max-time 2 "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null); then
    echo "$name (:${APP_HTTP_PORT[$name]}): readiness $(jq -r .status <<<"$readiness")"
  else
    echo "$name (:${APP_HTTP_PORT[$name]}): not running"
  fi
done
$healthy
