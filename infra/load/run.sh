#!/usr/bin/env bash
# The load test harness (issue 14): simulated editors, approvers and ICS leaders sign in and do
# their real journeys against a running Digital Strategy Check, and it prints p50, p95 and p99 of
# every step, the errors, the heap per Vaadin session and the service's CPU time. See
# LoadHarness.java for what is measured, Journeys.java for what each role does.
#
# The service must already run, with DSC_BASE_URL equal to LOAD_BASE_URL (sign-in is accepted
# only from the service's own address). Settings, all optional:
#   LOAD_BASE_URL          http://localhost:28080   one instance, or the cluster: http://localhost:18080
#   LOAD_MANAGEMENT_URLS   http://localhost:29080   management port(s), comma-separated, added together
#   LOAD_PIDS              found from the management ports   process ids, for a full GC before heap is read
#   LOAD_EDITORS, LOAD_APPROVERS, LOAD_LEADERS   2, 1, 1    users of each role, for one stage
#   LOAD_STEP_UP           (unset)                  e.g. 5,10,20,40: stages of that many users, until
#                                                   interaction p95 reaches 250 ms or a step fails
#   LOAD_MIX               3:1:1                    editors:approvers:leaders in a step-up stage
#   LOAD_RAMP_UP           10      seconds (0-300) to start a stage's users, evenly
#   LOAD_DURATION          60      seconds (5-600) of each stage after the ramp-up
#   LOAD_WARM_UP           30      seconds (0-600) of 4 users first, to warm a cold service; not counted
#   LOAD_THINK_MIN_MS, LOAD_THINK_MAX_MS   1000, 3000   think time between steps
#   DSC_DB_NAME            dsc      the service's database, where the load accounts are created
# Bounded: at most 200 users at once and 100 accounts per role; loopback addresses only.
set -euo pipefail
cd "$(dirname "$0")/../.."

BASE_URL=${LOAD_BASE_URL:-http://localhost:28080}
MANAGEMENT_URLS=${LOAD_MANAGEMENT_URLS:-http://localhost:29080}
ACCOUNTS=100

for url in "$BASE_URL" ${MANAGEMENT_URLS//,/ }; do
  host=$(sed -E 's#^[a-z]+://(\[[^]]*\]|[^:/]*).*#\1#' <<<"$url")
  if [[ ! "$host" =~ ^(localhost|127\.[0-9.]+|\[::1\])$ ]]; then
    echo "The load test runs against loopback addresses only, not $url" >&2; exit 1
  fi
done

# Each service's process id, from the port its management endpoint listens on.
if [[ -z "${LOAD_PIDS:-}" ]]; then
  pids=()
  for url in ${MANAGEMENT_URLS//,/ }; do
    port=$(sed -E 's#.*:([0-9]+)/?$#\1#' <<<"$url")
    pid=$(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2 || true)
    [[ -n "$pid" ]] && pids+=("$pid")
  done
  LOAD_PIDS=$(IFS=,; echo "${pids[*]:-}")
fi

echo "Creating the load test accounts in ${DSC_DB_NAME:-dsc} (once)"
PGPASSWORD=${DSC_DB_OWNER_PASSWORD:-dsc_owner} psql -h "${DSC_DB_HOST:-127.0.0.1}" -p "${DSC_DB_PORT:-5432}" \
  -U "${DSC_DB_OWNER:-dsc_owner}" -d "${DSC_DB_NAME:-dsc}" -qAt -v accounts="$ACCOUNTS" -f infra/load/accounts.sql

# Run as a JUnit class tagged "load", which every other run leaves out.
exec ./mvnw -B -o -q -pl app -am test -Dtest=LoadHarness -Dgroups=load -DexcludedGroups=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
  -Dload.baseUrl="$BASE_URL" -Dload.managementUrls="$MANAGEMENT_URLS" -Dload.pids="$LOAD_PIDS" \
  -Dload.accounts="$ACCOUNTS" \
  -Dload.editors="${LOAD_EDITORS:-2}" -Dload.approvers="${LOAD_APPROVERS:-1}" -Dload.leaders="${LOAD_LEADERS:-1}" \
  -Dload.stepUp="${LOAD_STEP_UP:-}" -Dload.mix="${LOAD_MIX:-3:1:1}" \
  -Dload.warmUp="${LOAD_WARM_UP:-30}" -Dload.rampUp="${LOAD_RAMP_UP:-10}" -Dload.duration="${LOAD_DURATION:-60}" \
  -Dload.thinkMinMs="${LOAD_THINK_MIN_MS:-1000}" -Dload.thinkMaxMs="${LOAD_THINK_MAX_MS:-3000}"
