#!/usr/bin/env bash
# Checks strategy documents from the command line: prints one JSON object per file, one per
# line (README, "Check a strategy document from the command line"). Exit code 0 when every file
# was analysed, 2 when any was refused (its line says why), 1 on a usage error.
# Runs the analyser class from the application's jar: no web service, Spring context or database
# connection. Builds the jar first if it is missing - as infra/run.sh does, which prepares the
# local database, since the build generates the database code.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [[ $# -eq 0 ]]; then
  echo "Usage: infra/analyse-strategy.sh FILE...  (PDF, DOCX, ODT, HTML or plain text)" >&2
  exit 1
fi
shopt -s nullglob
jars=("$root"/app/target/app-*.jar)
if [[ ${#jars[@]} -eq 0 ]]; then
  echo "Building the application (once)..." >&2
  (cd "$root" && bash infra/db-setup.sh >&2 && ./mvnw -B -q -pl app -am package -DskipTests >&2)
  jars=("$root"/app/target/app-*.jar)
fi
# Spring Boot's PropertiesLauncher puts the jar's own classes and libraries on the class path and
# calls loader.main instead of the application. File names stay relative to the caller's folder.
exec java -Xmx1g -cp "${jars[0]}" \
  -Dloader.main=uk.nhs.strategycheck.strategydocument.analysis.AnalyseStrategy \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
