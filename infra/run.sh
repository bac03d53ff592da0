#!/usr/bin/env bash
# Runs Digital Strategy Check with its demo data set on http://localhost:8080
# (PORT changes the port). Prepares the database first; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/db-setup.sh
./mvnw -B -q install -DskipTests
exec ./mvnw -B -q -pl app spring-boot:run
