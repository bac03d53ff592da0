#!/usr/bin/env bash
# The failover drill (issue 14): K simulated editors, each at a trust of its own, sign in through
# HAProxy (so they spread over app1 and app2) and keep autosaving answers. Mid-run this script
# kills the Patroni leader's PostgreSQL (kill -9 of its postmaster) and, once saves succeed again,
# kills app2 (kill -9). Afterwards every save a page confirmed ("Saved at") is compared with the
# database: the drill (FailoverDrill.java) prints the saves attempted, confirmed, reported "Not saved
# yet" and saved on the page's next try, lost saves (must be 0), the failover time and the time
# until saves succeed again; and for app2: how many of its editors were told to sign in again, and
# the errors seen by app1's editors (must be 0). Finally app2 is started again and the old leader
# is waited for as a replica. Exit code 1 on any lost save or any error seen on app1.
#   --reduced     4 editors and a short run, for CI; app2 is left stopped
#   (full: 16 editors, leader killed 30 s after every editor has saved, app2 30 s after that)
#   --leader-only kill the leader only, not app2
#   --switchover  a planned switchover (Patroni's REST API: leader to replica) instead of killing
#                 the leader, as in maintenance; the pools must recover the same way
# Starts the cluster with both instances first if need be (start.sh --with-app). Run as root.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

editors=16 before_kill=30 after_failover=30 after_app_kill=30
kill_app=true restore=true switchover=false
for arg in "$@"; do
  case $arg in
    --reduced) editors=4 before_kill=5 after_failover=12 after_app_kill=10 restore=false ;;
    --leader-only) kill_app=false ;;
    --switchover) switchover=true ;;
    *) echo "Usage: $0 [--reduced] [--leader-only] [--switchover]" >&2; exit 1 ;;
  esac
done
require_root_or_postgres

"$REPO_ROOT/infra/cluster/start.sh" --with-app
# What an earlier run left: a new leader's replica still catching up.
wait_for 120 "a replica streaming from the leader" replica_streams

echo "Creating the drill's editor accounts (the load test's, at trusts other than RJ1) in dsc"
PGPASSWORD=${DSC_DB_OWNER_PASSWORD:-dsc_owner} psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U "${DSC_DB_OWNER:-dsc_owner}" \
  -d dsc -X -qAt -v accounts="$editors" -f "$REPO_ROOT/infra/load/accounts.sql" >/dev/null

WORK=$(mktemp -d)
chmod 755 "$WORK"
EVENTS=$WORK/events
drill_pid=
finish() {
  touch "$WORK/stop"
  if [[ -n $drill_pid ]] && kill -0 "$drill_pid" 2>/dev/null; then
    wait_for 90 "the drill to stop" bash -c "! kill -0 $drill_pid" || kill -TERM "$drill_pid" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap finish EXIT

event() { # name [detail]: when it happened, in epoch milliseconds, for the drill
  echo "$1 $(($(now_ns) / 1000000)) ${2:-}" >>"$EVENTS"
}

autosave_metric() { # prefix label: the instances' Prometheus samples that start with the prefix and have the label, summed
  local name sum=0 value
  for name in "${APPS[@]}"; do
    value=$(curl -fsS --max-time 2 "http://127.0.0.1:${APP_MANAGEMENT_PORT[$name]}/actuator/prometheus" |
      awk -v m="$1" -v l="$2" 'index($0, m) == 1 && index($0, l) { s += $NF } END { printf "%d", s }') || value=0
    sum=$((sum + value))
  done
  echo "$sum"
}
retries_before=$(autosave_metric dsc_autosave_retries_total '')
failed_before=$(autosave_metric dsc_autosaves_total 'outcome="failed"')

cd "$REPO_ROOT"
echo "Drill: $editors editors through http://localhost:$APP_PORT (log $WORK/drill.log while it runs)"
# The jOOQ classes were generated from these migrations when the cluster's jar was built; making
# them again (a scratch database migrated from empty) would only cost the drill 8-10 s.
codegen=()
[[ -d migrations/target/generated-sources/jooq ]] && codegen=(-Dliquibase.skip=true -Djooq.codegen.skip=true)
./mvnw -B -o -q -pl app -am test -Dtest=FailoverDrill -Dgroups=failover -DexcludedGroups=none \
  -Dsurefire.failIfNoSpecifiedTests=false "${codegen[@]}" \
  -Ddrill.baseUrl="http://localhost:$APP_PORT" -Ddrill.editors="$editors" \
  -Ddrill.databaseUrl="jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/dsc" \
  -Ddrill.events="$EVENTS" -Ddrill.ready="$WORK/ready" -Ddrill.stop="$WORK/stop" >"$WORK/drill.log" 2>&1 &
drill_pid=$!

drill_runs() { kill -0 "$drill_pid" 2>/dev/null; }
ready_or_ended() { [[ -e $WORK/ready ]] || ! drill_runs; }
wait_for 300 "every editor's first confirmed save" ready_or_ended
if ! drill_runs; then
  cat "$WORK/drill.log"
  echo "The drill ended before the failover" >&2
  exit 1
fi
sleep "$before_kill"

old_leader=$(leader)
if $switchover; then
  for node in "${NODES[@]}"; do
    if [[ $node != "$old_leader" ]]; then candidate=$node; fi
  done
  killed_at=$(now_ns)
  event switchover "$old_leader"
  # Patroni answers once the switchover is done (or has failed), the old leader restarted as a
  # replica of the new one.
  curl -fsS --max-time 60 -X POST "http://127.0.0.1:${REST_PORT[$old_leader]}/switchover" \
    -H 'Content-Type: application/json' -d "{\"leader\": \"$old_leader\", \"candidate\": \"$candidate\"}"
  echo
  echo "Asked Patroni to switch over from $old_leader to $candidate"
else
  postmaster=$(head -n 1 "$CLUSTER_DIR/$old_leader/data/postmaster.pid")
  # Ours only: the process must be the PostgreSQL of this node's data directory.
  tr '\0' ' ' <"/proc/$postmaster/cmdline" | grep -qF "$CLUSTER_DIR/$old_leader/data"
  killed_at=$(now_ns)
  event leader-killed "$old_leader"
  kill -KILL "$postmaster"
  echo "Killed the leader's PostgreSQL ($old_leader, postmaster pid $postmaster)"
fi
new_leader_elected() { local node; node=$(leader) && [[ $node != "$old_leader" ]]; }
wait_for 120 "Patroni to make another node leader" new_leader_elected
event leader-elected "$(leader)"
if $switchover; then
  echo "Switchover: $(leader) is leader $(seconds_since "$killed_at") s after the request"
else
  echo "Failover: $(leader) is leader $(seconds_since "$killed_at") s after the kill"
fi
sleep "$after_failover"
# Read before app2 goes, with its counts.
retries=$(($(autosave_metric dsc_autosave_retries_total '') - retries_before))
failed=$(($(autosave_metric dsc_autosaves_total 'outcome="failed"') - failed_before))
echo "Within the service: $retries attempts again within a save (dsc.autosave.retries), $failed saves not saved after them (dsc.autosaves, outcome failed)"

if $kill_app; then
  app2_pid=$(pid_of app2)
  event app-killed app2
  kill -KILL "$app2_pid"
  echo "Killed app2 (pid $app2_pid)"
  sleep "$after_app_kill"
fi

touch "$WORK/stop"
status=0
wait "$drill_pid" || status=$?
drill_pid=
# The drill's own summary, without Maven's noise.
sed -n '/^=== Failover drill/,/^\[/p' "$WORK/drill.log" | grep -v '^\[' || true
if ((status != 0)); then
  grep -E 'AssertionError|expected|Expecting|StepFailed|Exception' "$WORK/drill.log" | head -n 20 || true
  echo "FAILED: the drill found lost saves or errors (exit $status)" >&2
fi

# Back to two instances and a streaming replica: app2 starts again, and Patroni has already
# rejoined the old leader as a replica (pg_rewind). Not in the reduced form, which CI follows
# with stop.sh --wipe; the next run's start.sh --with-app does it.
if $restore; then
  "$REPO_ROOT/infra/cluster/start.sh" --with-app >/dev/null
  wait_for 120 "the old leader ($old_leader) to stream as a replica" replica_streams
  echo "Cluster whole again: leader $(leader), replica streaming, app1 and app2 ready"
elif $kill_app; then
  echo "app2 left stopped (--reduced): infra/cluster/start.sh --with-app starts it again"
fi
exit "$status"
