#!/usr/bin/env bash
# Starts the whole SwanStudios platform on this machine: PostgreSQL, Kafka, five services and the gateway.
# Builds first when a jar is missing or a source file is newer than the last build. Ctrl-C stops everything.
# Options: ./run.sh --help
set -euo pipefail
cd "$(dirname "$0")"

launcher=local-stack/target/local-stack.jar
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
  echo "Building the platform (mvn -DskipTests package)..."
  mvn -B -q -DskipTests package
fi

exec java -jar "$launcher" --home "$PWD" "$@"
