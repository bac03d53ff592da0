# Shared by the cluster scripts (sourced, never run): names, ports, and the helpers that start,
# find and stop the cluster's own processes by their pid files - never by name, as other people's
# Java and PostgreSQL processes run on the same machine.

CLUSTER_DIR=${DSC_CLUSTER_DIR:-/var/tmp/dsc-cluster}
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TEMPLATES=$REPO_ROOT/infra/cluster/templates
PG_BIN=/usr/lib/postgresql/15/bin
RUN=$CLUSTER_DIR/run # pid files and PostgreSQL's sockets
LOG=$CLUSTER_DIR/log
PGBACKREST_CONF=$CLUSTER_DIR/pgbackrest.conf
STANZA=dsc

ETCD_CLIENT_PORT=2479
ETCD_PEER_PORT=2480
NODES=(pg1 pg2)
declare -A PG_PORT=([pg1]=15432 [pg2]=15433)
declare -A REST_PORT=([pg1]=18008 [pg2]=18009)
PRIMARY_PORT=15000 # HAProxy: the Patroni leader
REPLICA_PORT=15001 # HAProxy: the replicas, the leader when none is up
STATS_PORT=17000
APP_PORT=18080 # HAProxy: the two application instances
APPS=(app1 app2)
declare -A APP_HTTP_PORT=([app1]=18081 [app2]=18082)
declare -A APP_MANAGEMENT_PORT=([app1]=19081 [app2]=19082)
RESTORE_PORT=15442

# The script's own command line, for the message that tells someone else how to run it.
SCRIPT_COMMAND="$0 $*"

# PostgreSQL, Patroni, etcd, HAProxy and pgBackRest all run as the postgres OS user, which owns
# the cluster directory: root switches to it, postgres itself runs them directly.
require_root_or_postgres() {
  if [[ $(id -u) -ne 0 && $(id -un) != postgres ]]; then
    echo "The cluster runs as the postgres OS user; run this as root: sudo $SCRIPT_COMMAND" >&2
    exit 1
  fi
}

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

psql_at() { # port sql...: one value per line, as the superuser
  psql -h 127.0.0.1 -p "$1" -U postgres -d "${PSQL_DB:-postgres}" -X -v ON_ERROR_STOP=1 -qtA "${@:2}"
}

# Waits for a command to succeed, at most the given number of seconds, saying what it waits for.
wait_for() { # seconds description command...
  local seconds=$1 description=$2 deadline=$((SECONDS + $1))
  shift 2
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      echo "Gave up after ${seconds} s waiting for $description" >&2
      return 1
    fi
    sleep 1
  done
}

pid_of() { # name: the pid in its pid file, if that process is still ours
  local file=$RUN/$1.pid pid
  [[ -s $file ]] || return 1
  pid=$(<"$file")
  # A pid is reused once its process ends: it is ours only if its command line names the
  # cluster directory (every process started here is given a path inside it).
  [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$CLUSTER_DIR" || return 1
  echo "$pid"
}

# Starts a command detached from this shell (its own session, so the end of the script or a
# Ctrl+C does not stop it), writing its pid to run/<name>.pid and its output to log/<name>.log.
# The command runs as postgres unless the name starts with "app".
start_daemon() { # name command...
  local name=$1 pid
  shift
  if pid=$(pid_of "$name"); then
    echo "$name already runs (pid $pid)"
    return
  fi
  rm -f "$RUN/$name.pid"
  local launch=(setsid -f bash -c 'echo $$ >"$1"; exec "${@:3}" >>"$2" 2>&1 </dev/null' _ \
    "$RUN/$name.pid" "$LOG/$name.log" "$@")
  if [[ $name == app* ]]; then "${launch[@]}"; else as_postgres "${launch[@]}"; fi
  wait_for 10 "$name to write its pid file" pid_of "$name"
  echo "$name started (pid $(pid_of "$name")), log $LOG/$name.log"
}

stop_daemon() { # name [seconds]: SIGTERM, then SIGKILL after the given time
  local name=$1 seconds=${2:-30} pid
  if ! pid=$(pid_of "$name"); then
    rm -f "$RUN/$name.pid"
    return
  fi
  kill -TERM "$pid"
  if ! wait_for "$seconds" "$name (pid $pid) to stop" bash -c "! kill -0 $pid"; then
    echo "Killing $name (pid $pid)" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN/$name.pid"
  echo "$name stopped"
}

rest() { # node path: Patroni's REST API of that node
  curl -fsS --max-time 2 "http://127.0.0.1:${REST_PORT[$1]}$2"
}

leader() { # the name of the node Patroni has made leader, from any node that answers
  local node
  for node in "${NODES[@]}"; do
    rest "$node" /cluster 2>/dev/null |
      jq -er '.members[] | select(.role == "leader" and .state == "running") | .name' && return
  done
  return 1
}

replica_streams() { # at least one replica streams from the leader
  local node
  node=$(leader) || return 1
  [[ $(psql_at "${PG_PORT[$node]}" -c "select count(*) from pg_stat_replication where state = 'streaming'") -ge 1 ]]
}

haproxy_status() { # proxy server: that server's status in HAProxy (UP, DOWN, ...)
  # Columns 1, 2 and 18 of HAProxy's statistics as CSV: proxy, server, status.
  curl -fsS --max-time 2 "http://127.0.0.1:$STATS_PORT/;csv" |
    awk -F, -v p="$1" -v s="$2" '$1 == p && $2 == s { print $18; found = 1 } END { exit !found }'
}

pgbackrest_as_postgres() {
  as_postgres pgbackrest --config="$PGBACKREST_CONF" --stanza="$STANZA" "$@"
}

now_ns() { date +%s%N; }
seconds_since() { # start from now_ns: seconds elapsed, one decimal
  awk -v start="$1" -v end="$(now_ns)" 'BEGIN { printf "%.1f", (end - start) / 1e9 }'
}
