#!/usr/bin/env bash
# Runs Digital Strategy Check as production runs it - the production build (Vaadin's production
# mode: no development tools, route lists or stack traces) with the prod Spring profile - but with
# the demo data set and over plain http, on http://localhost:8080 (PORT changes the port). Open
# it at that address: sign-in is accepted only from the configured one (DSC_BASE_URL).
# For development (Vaadin's development mode) use infra/run-dev.sh.
# Prepares the database first; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/db-setup.sh
# Built through the reactor, with the modules the application needs; nothing is installed in ~/.m2.
./mvnw -B -q -Pproduction -pl app -am package -DskipTests
export SPRING_PROFILES_ACTIVE=prod
# Unpacked, with a class data sharing archive, as the image runs it (infra/cds.sh); made again only
# when the jar is newer than the archive.
jar=$(compgen -G "app/target/app-*.jar" | head -n 1)
[[ app/target/cds/app.jsa -nt $jar ]] || bash infra/cds.sh "$jar" app/target/cds
# The demo users, organisations and assessments on top of what production has.
export SPRING_LIQUIBASE_CONTEXTS=prod,demo
# Plain http on this machine: a browser would never send a Secure cookie back.
export DSC_SECURE_COOKIES=false
# JIT compiler C1 only (see the README): set JDK_JAVA_OPTIONS, even to nothing, to choose otherwise.
export JDK_JAVA_OPTIONS=${JDK_JAVA_OPTIONS--XX:TieredStopAtLevel=1}
exec java -XX:SharedArchiveFile=app/target/cds/app.jsa -jar app/target/cds/app.jar
