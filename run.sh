#!/usr/bin/env bash
# Starts the whole SwanStudios platform on this machine: PostgreSQL, Kafka, five services and the gateway.
# Builds first when a jar is missing or a source file is newer than the last build. Ctrl-C stops everything.
# Options: ./run.sh --help. ./run.sh totp prints the local admin's current TOTP code (it never rebuilds a
# built platform: the stack may be running from it).
set -euo pipefail
cd "$(dirname "$0")"

launcher=local-stack/target/local-stack.jar
if [ "${1:-}" = totp ] && [ -f "$launcher" ]; then
  exec java -jar "$launcher" "$@"
fi
needs_build=false
for jar in "$launcher" {user,storefront,cart,social,community}-service/target/quarkus-app/quarkus-run.jar gateway/target/quarkus-app/quarkus-run.jar; do
  [ -f "$jar" ] || needs_build=true
done
if ! $needs_build && [ -n "$(find . -path ./.data -prune -o -path '*/target' -prune -o -type f \
      \( -name '*.java' -o -name '*.sql' -o -name '*.properties' -o -name '*.json' -o -name pom.xml \) \
      -newer "$launcher" -print -quit)" ]; then
  needs_build=true
fi
if $needs_build; then
  # on stderr, so that output meant for a pipe (./run.sh totp) stays clean
  echo "Building the platform (mvn -DskipTests package)..." >&2
  mvn -B -q -DskipTests package >&2
fi

exec java -jar "$launcher" --home "$PWD" "$@"
