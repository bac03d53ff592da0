#!/usr/bin/env bash
# Prepares the production jar to start fast: unpacks it (Spring Boot's jar mode "tools": the
# application jar plus its libraries beside it, no nested-jar class loader) and records a class data
# sharing archive from a training run that starts the Spring context and exits once it is refreshed.
# Start the result with: java -XX:SharedArchiveFile=DIR/app.jsa -jar DIR/app.jar
#
#   infra/cds.sh JAR DIR
#
# The archive is only used by the very JVM build that recorded it (any other ignores it and starts
# as without it), so run this where the service will run: infra/Dockerfile runs it in the image,
# infra/run.sh on this machine. The training run needs no database: Liquibase is off and the
# connection pool connects on first use. The reports warm-up stays on: its made-up PDFs, begun as
# the application starts and needing no database either, load Jasper's classes before the run ends,
# so they are recorded too. Its queries begin once every bean is made: where a database is
# reachable they run, and the driver's and jOOQ's classes are recorded; where none is, they fail
# quietly on their own thread and the run ends as before.
set -euo pipefail
jar="$1"
dir="$2"
rm -rf "$dir"
java -Djarmode=tools -jar "$jar" extract --destination "$dir"
# extract names the jar after the original; one name, whatever the version.
mv "$dir"/*.jar "$dir/app.jar"
# JAVA_TOOL_OPTIONS of the caller (heap, GC) apply to the training run as to the service. The archive
# holds classes, not compiled code, so the run compiles with C1 alone, which is quicker.
DSC_MIGRATE_ON_START=false \
    java -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="$dir/app.jsa" -Dspring.context.exit=onRefresh -jar "$dir/app.jar" >"$dir/training.log" 2>&1 \
    || { cat "$dir/training.log" >&2; exit 1; }
rm "$dir/training.log"
echo "$dir: app.jar, lib/ and app.jsa ($(du -m "$dir/app.jsa" | cut -f1) MB)"
