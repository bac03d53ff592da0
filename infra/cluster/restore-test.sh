#!/usr/bin/env bash
# Proves the backups restore to a point in time, identical: takes a full backup of the running
# cluster, writes rows, notes a time T and a checksum of every table in database dsc as it was
# at T, writes more rows, restores the backup and the archived WAL up to T into a fresh data
# directory, starts it as a plain PostgreSQL on 127.0.0.1:15442 and compares every table's
# checksum there with the source's. Prints the backup's size and time and the restore's time.
# --reduced writes fewer rows (for CI). Exit code 0 when every table is identical, 1 otherwise.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

rows=200000
for arg in "$@"; do
  case $arg in
    --reduced) rows=2000 ;;
    *) echo "Usage: $0 [--reduced]" >&2; exit 1 ;;
  esac
done
require_root_or_postgres

RESTORE_DIR=$CLUSTER_DIR/restore-test
WORK=$(mktemp -d)
export PSQL_DB=dsc

remove_restored() {
  if [[ -s $RESTORE_DIR/postmaster.pid ]]; then
    as_postgres "$PG_BIN/pg_ctl" stop -D "$RESTORE_DIR" -m immediate -t 60 >/dev/null || true
  fi
  rm -rf "$RESTORE_DIR"
}
trap 'remove_restored; rm -rf "$WORK"' EXIT
# What an interrupted run may have left.
remove_restored

if ! leader >/dev/null; then
  echo "The cluster is not running: start it with infra/cluster/start.sh" >&2
  exit 1
fi

# A checksum of every permanent table of every schema but PostgreSQL's own (unlogged tables
# are never in a backup), partitions by themselves (their parents hold no rows), as
# "schema.table|rows|md5", ordered by name. Each row is hashed and the hashes joined in their
# own order, so a table's checksum does not depend on its physical order or need its whole
# contents in one string. Run in the caller's transaction.
CHECKSUMS_SQL="
select format('select %L, count(*), coalesce(md5(string_agg(md5(t::text), '''' order by md5(t::text))), ''empty'') from %I.%I t',
              n.nspname || '.' || c.relname, n.nspname, c.relname)
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where c.relkind = 'r' and c.relpersistence = 'p'
   and n.nspname <> 'information_schema' and n.nspname !~ '^pg_'
 order by n.nspname, c.relname
\gexec"

write_rows() { # phase
  # The owner's scratch table, apart from the service's data (no audit, no demo assessment).
  PGOPTIONS="-c client_min_messages=warning" psql_at "$PRIMARY_PORT" -U dsc_owner -c "
    create schema if not exists restore_test;
    create table if not exists restore_test.probe (
      id bigint generated always as identity primary key,
      phase text not null,
      written_at timestamptz not null default clock_timestamp(),
      payload text not null);
    insert into restore_test.probe (phase, payload)
      select '$1', md5(random()::text) from generate_series(1, $rows);"
}

archive_current_wal() {
  # Closes the current WAL segment and waits until the archiver has pushed it (or a later one).
  local segment
  segment=$(psql_at "$PRIMARY_PORT" -c "select pg_walfile_name(pg_switch_wal())")
  wait_for 120 "WAL segment $segment to be archived" bash -c \
    "[[ \$(psql -h 127.0.0.1 -p $PRIMARY_PORT -U postgres -X -qtAc \"select last_archived_wal >= '$segment' from pg_stat_archiver\") == t ]]"
}

# Each run starts without the rows of the runs before it.
PGOPTIONS="-c client_min_messages=warning" psql_at "$PRIMARY_PORT" -U dsc_owner -c "drop schema if exists restore_test cascade"

echo "1. Full backup"
backup_report=$("$(dirname "$0")/backup.sh")
echo "$backup_report"
# pgBackRest keeps the backup's stop time in whole seconds and restores to T only from a
# backup that stopped before it: T must be clearly later (seen failing with --reduced, whose
# writes take well under a second).
sleep 2

echo "2. Writing $rows rows, then noting T and every table's checksum at T"
write_rows before
# One repeatable read transaction: T and every checksum see the same snapshot.
psql_at "$PRIMARY_PORT" -F '|' >"$WORK/source" <<SQL
begin isolation level repeatable read read only;
select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00';
$CHECKSUMS_SQL
commit;
SQL
target=$(head -n 1 "$WORK/source")
tail -n +2 "$WORK/source" | LC_ALL=C sort >"$WORK/source-checksums"
echo "   T = $target, $(wc -l <"$WORK/source-checksums") tables"
archive_current_wal

echo "3. Writing $rows rows after T"
# Recovery to a time stops at the first commit after it, so the archive must hold one.
write_rows after
archive_current_wal

echo "4. Restoring to T into a fresh data directory, started on 127.0.0.1:$RESTORE_PORT"
install -d -m 700 -o postgres -g postgres "$RESTORE_DIR"
restore_started=$(now_ns)
pgbackrest_as_postgres restore --pg1-path="$RESTORE_DIR" --type=time --target="$target" \
  --target-action=promote \
  --recovery-option="restore_command=pgbackrest --config=$PGBACKREST_CONF --stanza=$STANZA --pg1-path=$RESTORE_DIR archive-get %f \"%p\""
# The backup's configuration is the leader's (Patroni's): this one is a plain PostgreSQL on a
# port of its own that archives nothing (its new timeline must never reach the cluster's
# repository) and waits for no synchronous replica.
as_postgres "$PG_BIN/pg_ctl" start -D "$RESTORE_DIR" -w -t 300 -l "$LOG/restore-test-postgresql.log" -o "\
  -c port=$RESTORE_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$RUN \
  -c archive_mode=off -c synchronous_standby_names='' -c logging_collector=off \
  -c hba_file=$RESTORE_DIR/pg_hba.conf -c ident_file=$RESTORE_DIR/pg_ident.conf \
  -c cluster_name=dsc-restore-test" >/dev/null
wait_for 300 "the restored PostgreSQL to finish recovery and promote" bash -c \
  "[[ \$(psql -h 127.0.0.1 -p $RESTORE_PORT -U postgres -X -qtAc 'select pg_is_in_recovery()') == f ]]"
restore_seconds=$(seconds_since "$restore_started")

echo "5. Comparing every table's checksum with the source's at T"
psql_at "$RESTORE_PORT" -F '|' <<SQL | LC_ALL=C sort >"$WORK/restored-checksums"
begin isolation level repeatable read read only;
$CHECKSUMS_SQL
commit;
SQL
mismatches=$(LC_ALL=C join -t '|' -a 1 -a 2 -e missing -o 0,1.2,1.3,2.2,2.3 \
  "$WORK/source-checksums" "$WORK/restored-checksums" | awk -F '|' '$2 != $4 || $3 != $5')
probe_rows=$(psql_at "$RESTORE_PORT" -c "select count(*) filter (where written_at <= '$target'), count(*) filter (where written_at > '$target') from restore_test.probe" -F ' ')

echo "6. Figures"
echo "$backup_report" | sed 's/^/   /'
echo "   Restore to T (restore command, recovery, promotion): $restore_seconds s"
echo "   Probe rows in the restored database: written up to T, after T: $probe_rows (wrote $rows, $rows)"
if [[ -n $mismatches ]]; then
  echo "MISMATCH (table|source rows|source md5|restored rows|restored md5):" >&2
  echo "$mismatches" >&2
  exit 1
fi
echo "Identical: all $(wc -l <"$WORK/source-checksums") tables of database dsc match the source at T"
