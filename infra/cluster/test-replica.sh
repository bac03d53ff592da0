#!/usr/bin/env bash
# A throwaway PostgreSQL 15 primary (127.0.0.1:25432) and a hot-standby streaming replica of it
# (127.0.0.1:25433), for the tests of read routing (RoutingTest) only: trust authentication on
# the loopback interface, data under ${DSC_TEST_REPLICA_DIR:-/var/tmp/dsc-test-replica}, run as
# the postgres OS user. Never touches the machine's PostgreSQL on 5432.
#   start   creates both if need be, starts them, waits until the replica streams, then makes the
#           roles and databases (infra/db-setup.sh on the primary); idempotent
#   stop    stops both (the data stays for the next start)
#   remove  stops both and deletes their data
set -euo pipefail

cd "$(dirname "$0")/../.."
BIN=${DSC_PG_BIN:-/usr/lib/postgresql/15/bin}
DIR=${DSC_TEST_REPLICA_DIR:-/var/tmp/dsc-test-replica}
PRIMARY_PORT=25432
REPLICA_PORT=25433
WAIT_SECONDS=30

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg() { # data directory, then pg_ctl's arguments
  local data=$1; shift
  as_postgres "$BIN/pg_ctl" -D "$data" -l "$data.log" -w -t "$WAIT_SECONDS" "$@"
}

running() { # data directory
  as_postgres "$BIN/pg_ctl" -D "$1" status >/dev/null 2>&1
}

wait_for() { # description, then a command that succeeds when it is so
  local what=$1; shift
  for _ in $(seq 1 "$WAIT_SECONDS"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "test replica: $what not within ${WAIT_SECONDS}s" >&2
  return 1
}

sql() { # port, query
  psql -h 127.0.0.1 -p "$1" -U postgres -d postgres -qtAX -c "$2"
}

streaming() {
  [[ $(sql "$PRIMARY_PORT" "select count(*) from pg_stat_replication where state = 'streaming'") -ge 1 ]]
}

create_primary() {
  as_postgres "$BIN/initdb" -D "$DIR/primary" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  cat >>"$DIR/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PRIMARY_PORT
unix_socket_directories = '$DIR'
wal_level = replica
max_wal_senders = 4
hot_standby = on
shared_buffers = 32MB
max_connections = 60
fsync = off
full_page_writes = off
CONF
  cat >"$DIR/primary/pg_hba.conf" <<HBA
local all         all               trust
host  all         all 127.0.0.1/32  trust
host  replication all 127.0.0.1/32  trust
HBA
}

create_replica() {
  as_postgres "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DIR/replica" \
    --write-recovery-conf --checkpoint=fast --wal-method=stream
  as_postgres sh -c "echo 'port = $REPLICA_PORT' >> '$DIR/replica/postgresql.conf'"
}

start() {
  mkdir -p "$DIR"
  chown postgres: "$DIR" 2>/dev/null || true
  [[ -f "$DIR/primary/PG_VERSION" ]] || { rm -rf "$DIR/primary"; create_primary; }
  running "$DIR/primary" || pg "$DIR/primary" start >/dev/null
  wait_for "the primary" sql "$PRIMARY_PORT" "select 1"
  [[ -f "$DIR/replica/standby.signal" ]] || { rm -rf "$DIR/replica"; create_replica; }
  running "$DIR/replica" || pg "$DIR/replica" start >/dev/null
  wait_for "the replica streaming" streaming
  DSC_DB_HOST=127.0.0.1 DSC_DB_PORT=$PRIMARY_PORT bash infra/db-setup.sh >/dev/null
  echo "test replica: primary 127.0.0.1:$PRIMARY_PORT, hot standby 127.0.0.1:$REPLICA_PORT ($DIR)"
}

stop() {
  for node in replica primary; do
    if [[ -d "$DIR/$node" ]] && running "$DIR/$node"; then pg "$DIR/$node" stop -m fast >/dev/null; fi
  done
  echo "test replica: stopped"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  remove) stop; rm -rf "$DIR" ;;
  *) echo "usage: $0 start|stop|remove" >&2; exit 2 ;;
esac
