#!/usr/bin/env bash
# Runs Digital Strategy Check for development: Vaadin's development mode (its development tools,
# and route lists and stack traces on error pages) with the demo data set, on
# http://localhost:8080 (PORT changes the port). Never expose it: infra/run.sh runs the
# production build. Prepares the database first; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/db-setup.sh
# Through the reactor, so the application runs with the migrations and reporting modules as they
# are in this tree (only the application module runs; nothing is installed in ~/.m2).
exec ./mvnw -B -q -pl app -am spring-boot:run
