#!/usr/bin/env bash
# Starts the production-shaped cluster on loopback (README, "Run it as a cluster"): an etcd
# member, PostgreSQL 15 under Patroni as a leader and a streaming replica, HAProxy in front of
# them, the service's roles and databases, and pgBackRest's stanza with WAL archiving checked.
# --with-app also starts two instances of the production jar behind HAProxy (building it first
# if it is missing). Safe to run again: whatever already runs is left as it is.
# Run as root (CI does) or as postgres; everything lives in ${DSC_CLUSTER_DIR:-/var/tmp/dsc-cluster}.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

with_app=false
for arg in "$@"; do
  case $arg in
    --with-app) with_app=true ;;
    *) echo "Usage: $0 [--with-app]" >&2; exit 1 ;;
  esac
done
require_root_or_postgres

install_packages() {
  local missing=()
  command -v patroni >/dev/null || missing+=(patroni)
  command -v etcd >/dev/null || missing+=(etcd-server)
  command -v haproxy >/dev/null || missing+=(haproxy)
  command -v pgbackrest >/dev/null || missing+=(pgbackrest)
  command -v jq >/dev/null || missing+=(jq)
  command -v unzip >/dev/null || missing+=(unzip)
  ((${#missing[@]} == 0)) && return
  if [[ $(id -u) -ne 0 ]]; then
    echo "Missing Debian packages; as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  # Debian's packages would start system services of their own; there is no init system here to
  # do so, and ours use ports of their own anyway.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

render() { # template target [node]
  local node=${3:-} pg_port='' rest_port=''
  if [[ -n $node ]]; then pg_port=${PG_PORT[$node]} rest_port=${REST_PORT[$node]}; fi
  sed -e "s|@CLUSTER_DIR@|$CLUSTER_DIR|g" -e "s|@PG_BIN@|$PG_BIN|g" \
    -e "s|@ETCD_CLIENT_PORT@|$ETCD_CLIENT_PORT|g" -e "s|@PRIMARY_PORT@|$PRIMARY_PORT|g" \
    -e "s|@REPLICA_PORT@|$REPLICA_PORT|g" -e "s|@STATS_PORT@|$STATS_PORT|g" -e "s|@APP_PORT@|$APP_PORT|g" \
    -e "s|@NODE@|$node|g" -e "s|@PG_PORT@|$pg_port|g" -e "s|@REST_PORT@|$rest_port|g" \
    "$TEMPLATES/$1" >"$2.new"
  chown postgres: "$2.new" 2>/dev/null || true
  mv "$2.new" "$2"
}

prepare_directory() {
  mkdir -p "$CLUSTER_DIR"
  # The marker tells stop.sh --wipe that this directory is the cluster's to delete.
  touch "$CLUSTER_DIR/.dsc-cluster"
  mkdir -p "$RUN" "$LOG/pgbackrest" "$CLUSTER_DIR/backup" "$CLUSTER_DIR/etcd" "${NODES[@]/#/$CLUSTER_DIR/}"
  if [[ $(id -u) -eq 0 ]]; then chown -R postgres: "$CLUSTER_DIR"; fi
  chmod 700 "$CLUSTER_DIR/etcd" "$CLUSTER_DIR/backup"
  render pgbackrest.conf.in "$PGBACKREST_CONF"
  for node in "${NODES[@]}"; do render patroni.yml.in "$CLUSTER_DIR/$node/patroni.yml" "$node"; done
}

start_etcd() {
  start_daemon etcd etcd --name dsc-etcd --data-dir "$CLUSTER_DIR/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_CLIENT_PORT" \
    --advertise-client-urls "http://127.0.0.1:$ETCD_CLIENT_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "dsc-etcd=http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster-token dsc-cluster --initial-cluster-state new
  wait_for 30 "etcd to answer on 127.0.0.1:$ETCD_CLIENT_PORT" \
    curl -fsS --max-time 2 "http://127.0.0.1:$ETCD_CLIENT_PORT/health"
}

start_patroni() {
  start_daemon pg1 patroni "$CLUSTER_DIR/pg1/patroni.yml"
  # A new cluster is initialised by pg1 and copied by pg2. An existing one starts both nodes
  # at once, so that Patroni makes the one with the most WAL the leader, whichever led last.
  if [[ ! -e $CLUSTER_DIR/pg2/data/PG_VERSION ]]; then
    wait_for 120 "Patroni to elect a leader with PostgreSQL running" leader
  fi
  start_daemon pg2 patroni "$CLUSTER_DIR/pg2/patroni.yml"
  wait_for 120 "Patroni to elect a leader with PostgreSQL running" leader
  wait_for 300 "a replica streaming from the leader ($(leader))" replica_streams
  echo "Patroni: leader $(leader), replica streaming"
}

start_haproxy() {
  local config=$CLUSTER_DIR/haproxy.cfg
  render haproxy.cfg.in "$config.candidate"
  haproxy -c -q -f "$config.candidate"
  if ! cmp -s "$config.candidate" "$config"; then
    mv "$config.candidate" "$config"
    # Changed configuration: start again with it.
    stop_daemon haproxy 10
  else
    rm "$config.candidate"
  fi
  # -db: stay in the foreground (start_daemon detaches it) and log to standard output.
  start_daemon haproxy haproxy -db -f "$config"
  # HAProxy starts with every server UP until its checks say otherwise: wait until they agree
  # with Patroni.
  wait_for 30 "HAProxy to send 127.0.0.1:$PRIMARY_PORT to the leader alone and 127.0.0.1:$REPLICA_PORT to the replica" \
    haproxy_follows_patroni
}

haproxy_follows_patroni() {
  local lead node
  lead=$(leader) || return 1
  for node in "${NODES[@]}"; do
    if [[ $node == "$lead" ]]; then
      [[ $(haproxy_status postgres_primary "$node") == UP ]] || return 1
    else
      [[ $(haproxy_status postgres_primary "$node") == DOWN && $(haproxy_status postgres_replicas "$node") == UP ]] || return 1
    fi
  done
}

prepare_database() {
  # The roles and databases exactly as on a single PostgreSQL, created through the leader.
  DSC_DB_PORT=$PRIMARY_PORT DSC_DB_NAME=dsc DSC_DB_SUPERUSER=postgres bash "$REPO_ROOT/infra/db-setup.sh"
}

prepare_backups() {
  # Both succeed again on an existing stanza; check makes PostgreSQL switch WAL and waits until
  # that segment is in the repository, so archiving is proven, not assumed.
  pgbackrest_as_postgres stanza-create
  pgbackrest_as_postgres check
  echo "pgBackRest: stanza $STANZA, repository $CLUSTER_DIR/backup, WAL archiving works"
}

app_ready() { # name
  curl -fsS --max-time 2 "http://127.0.0.1:${APP_MANAGEMENT_PORT[$1]}/actuator/health/readiness"
}

haproxy_up() { # proxy server
  [[ $(haproxy_status "$1" "$2") == UP ]]
}

start_app() { # name migrate directory: the jar unpacked with its class data sharing archive (infra/cds.sh)
  local name=$1
  start_daemon "$name" env SPRING_PROFILES_ACTIVE=prod SPRING_LIQUIBASE_CONTEXTS=prod,demo \
    DSC_SECURE_COOKIES=false DSC_DB_HOST=127.0.0.1 DSC_DB_PORT=$PRIMARY_PORT DSC_DB_NAME=dsc \
    DSC_DB_READ_HOST=127.0.0.1 DSC_DB_READ_PORT=$REPLICA_PORT \
    PORT="${APP_HTTP_PORT[$name]}" DSC_MANAGEMENT_PORT="${APP_MANAGEMENT_PORT[$name]}" \
    DSC_BASE_URL="http://localhost:$APP_PORT" DSC_MIGRATE_ON_START="$2" \
    java ${DSC_CLUSTER_JAVA_OPTS:--Xmx1g -XX:TieredStopAtLevel=1} -XX:ErrorFile="$LOG/$name-hs_err_%p.log" \
    -XX:SharedArchiveFile="$3/app.jsa" -jar "$3/app.jar"
  wait_for 300 "$name's readiness on 127.0.0.1:${APP_MANAGEMENT_PORT[$name]}" app_ready "$name"
}

start_apps() {
  cd "$REPO_ROOT"
  # A development build's jar (./mvnw install without -Pproduction) has no frontend bundle and
  # answers every page with a 500: only a production jar is used, built if need be.
  local jar
  jar=$(compgen -G "app/target/app-*.jar" | head -n 1) || true
  if [[ -z $jar ]] || ! unzip -l "$jar" META-INF/VAADIN/webapp/index.html >/dev/null 2>&1; then
    # jOOQ's code is generated from a scratch database on the local PostgreSQL (5432), apart
    # from the ones other builds on this machine use.
    export DSC_CODEGEN_DB_NAME=dsc_codegen_cluster
    bash infra/db-setup.sh
    ./mvnw -B -q -Pproduction -pl app -am package -DskipTests
    jar=$(compgen -G "app/target/app-*.jar" | head -n 1)
  fi
  jar=$REPO_ROOT/$jar
  # Unpacked with a class data sharing archive, as the image and infra/run.sh start it; made
  # again only when the jar is newer than the archive.
  local unpacked=$REPO_ROOT/app/target/cds
  [[ $unpacked/app.jsa -nt $jar ]] || SPRING_PROFILES_ACTIVE=prod bash "$REPO_ROOT/infra/cds.sh" "$jar" "$unpacked"
  # The first instance migrates the database; the second starts once it has, without migrating.
  start_app app1 true "$unpacked"
  start_app app2 false "$unpacked"
  for name in "${APPS[@]}"; do
    wait_for 30 "HAProxy to mark $name UP" haproxy_up app "$name"
  done
  echo "Service: http://localhost:$APP_PORT (instances app1 :${APP_HTTP_PORT[app1]}, app2 :${APP_HTTP_PORT[app2]})"
}

install_packages
prepare_directory
start_etcd
start_patroni
start_haproxy
prepare_database
prepare_backups
if $with_app; then start_apps; fi
echo "Cluster up: writes 127.0.0.1:$PRIMARY_PORT, reads 127.0.0.1:$REPLICA_PORT, HAProxy stats http://127.0.0.1:$STATS_PORT/"
