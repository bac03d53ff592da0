#!/usr/bin/env bash
# Makes sure the local PostgreSQL runs, then creates - idempotently - the roles and the
# databases Digital Strategy Check uses:
#   owner role        runs Liquibase and owns every table (BYPASSRLS: it loads seed data
#                     for all tenants)
#   application role  what the app connects as: owns nothing, NOBYPASSRLS, so row level
#                     security always applies
#   databases         the app's, the tests' and the scratch one jOOQ code is generated from
# Settings come from the environment, with local defaults.
set -euo pipefail

DB_HOST=${DSC_DB_HOST:-127.0.0.1}
DB_PORT=${DSC_DB_PORT:-5432}
DB_SUPERUSER=${DSC_DB_SUPERUSER:-postgres}
DB_OWNER=${DSC_DB_OWNER:-dsc_owner}
DB_OWNER_PASSWORD=${DSC_DB_OWNER_PASSWORD:-dsc_owner}
DB_APP_USER=${DSC_DB_APP_USER:-dsc_app}
DB_APP_PASSWORD=${DSC_DB_APP_PASSWORD:-dsc_app}
DATABASES=("${DSC_DB_NAME:-dsc}" "${DSC_TEST_DB_NAME:-dsc_test}" "${DSC_CODEGEN_DB_NAME:-dsc_codegen}")

psql_super() {
  PGPASSWORD=${DSC_DB_SUPERUSER_PASSWORD:-} psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_SUPERUSER" \
    -v ON_ERROR_STOP=1 -qtA "$@"
}

ensure_running() {
  if pg_isready -h "$DB_HOST" -p "$DB_PORT" -q; then return; fi
  if [[ "$DB_HOST" != "127.0.0.1" && "$DB_HOST" != "localhost" ]]; then
    echo "PostgreSQL at $DB_HOST:$DB_PORT does not answer" >&2; exit 1
  fi
  echo "Starting the local PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
  for _ in $(seq 1 30); do pg_isready -h "$DB_HOST" -p "$DB_PORT" -q && return; sleep 1; done
  echo "PostgreSQL did not start" >&2; exit 1
}

ensure_role() { # name password attributes
  psql_super -d postgres -v name="$1" -v password="$2" <<SQL
select format('create role %I', :'name')
 where not exists (select 1 from pg_roles where rolname = :'name') \gexec
select format('alter role %I with login password %L $3', :'name', :'password') \gexec
SQL
}

ensure_database() { # name
  psql_super -d postgres -v name="$1" -v owner="$DB_OWNER" -v app="$DB_APP_USER" <<'SQL'
select format('create database %I owner %I encoding ''UTF8'' template template0', :'name', :'owner')
 where not exists (select 1 from pg_database where datname = :'name') \gexec
select format('alter database %I owner to %I', :'name', :'owner') \gexec
select format('grant connect on database %I to %I', :'name', :'app') \gexec
SQL
  # The owner creates the schema's objects; nobody else may create anything in it.
  psql_super -d "$1" -v owner="$DB_OWNER" <<'SQL'
select format('alter schema public owner to %I', :'owner') \gexec
revoke create on schema public from public;
SQL
}

ensure_running
ensure_role "$DB_OWNER" "$DB_OWNER_PASSWORD" "nosuperuser nocreatedb nocreaterole bypassrls"
ensure_role "$DB_APP_USER" "$DB_APP_PASSWORD" "nosuperuser nocreatedb nocreaterole nobypassrls noinherit"
for db in "${DATABASES[@]}"; do ensure_database "$db"; done
echo "PostgreSQL ready at $DB_HOST:$DB_PORT: roles $DB_OWNER, $DB_APP_USER; databases ${DATABASES[*]}"
