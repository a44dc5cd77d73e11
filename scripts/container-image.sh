#!/usr/bin/env bash
# Builds the product image from this repository (Containerfile at the root; the build context is the repository, of
# which .containerignore lets in only the jar, the Java runtime and deploy/container/).
#   ./mvnw -B -ntp -DskipTests package -pl app-cli -am   # first: app-cli/target/hunter.jar
#   scripts/container-image.sh                           # -> localhost/hunter:<git commit>
#
# usage: scripts/container-image.sh [--tag IMAGE] [--base IMAGE] [--simulator]
#   --tag IMAGE    image name (default localhost/hunter:<short git commit>, "-dirty" added for uncommitted changes)
#   --base IMAGE   the Debian-family image to build on (default localhost/hunter-base:bookworm, which
#                  scripts/container-base.sh makes; a real pipeline passes e.g. docker.io/library/debian:bookworm-slim)
#   --simulator    also build IMAGE's companion <name>-simulator:<tag> with simulator.jar (for the CI smoke only)
# env: ENGINE (podman if installed, else docker), PG_CLIENT_PACKAGE (postgresql-client-15: pg_dump must match the
#      server's major version), JAVA_HOME (the JDK whose jlink makes the runtime; scripts/java-home.sh finds one).
# Prints the image name as its last line.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

base="localhost/hunter-base:bookworm"
tag=""
simulator=no
while [ $# -gt 0 ]; do
  case "$1" in
    --tag) tag="${2:?--tag needs an image name}"; shift 2 ;;
    --base) base="${2:?--base needs an image name}"; shift 2 ;;
    --simulator) simulator=yes; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "container-image.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

engine="${ENGINE:-$(command -v podman >/dev/null && echo podman || echo docker)}"
jar=app-cli/target/hunter.jar
[ -f "$jar" ] || { echo "No $jar: build it first: ./mvnw -B -ntp -DskipTests package -pl app-cli -am" >&2; exit 1; }

# shellcheck source=java-home.sh
source scripts/java-home.sh
hunter_java_home

revision="$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)"
if [ "$revision" != unknown ] && [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  revision="$revision-dirty"
fi
[ -n "$tag" ] || tag="localhost/hunter:$revision"
version="$("$JAVA_HOME/bin/java" -jar "$jar" --version 2>/dev/null | awk '{print $2; exit}')"

# The runtime: only the modules the product and the simulator use (jdeps --print-module-deps on both jars, plus
# what they load by name: DNS for JNDI, locale data for Turkish, zipfs, EC and PKCS#11 crypto, JFR for JVM metrics).
# Rebuilt when the JDK changes; kept otherwise (jlink takes 5-17 s here).
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http
modules+=,java.rmi,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.localedata
modules+=,jdk.management,jdk.naming.dns,jdk.unsupported,jdk.zipfs
jre=target/container/jre
stamp="$JAVA_HOME $modules"
if [ ! -x "$jre/bin/java" ] || [ "$(cat "$jre/.hunter-jlink" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$jre"
  mkdir -p "$(dirname "$jre")"
  "$JAVA_HOME/bin/jlink" --add-modules "$modules" --include-locales=en,tr --strip-debug --no-header-files \
    --no-man-pages --output "$jre"
  echo "$stamp" >"$jre/.hunter-jlink"
fi

format=()
# podman writes OCI images by default, and OCI images have no HEALTHCHECK (podman drops it with a warning)
[ "$engine" = podman ] && format=(--format docker)

"$engine" build "${format[@]}" -f Containerfile -t "$tag" \
  --build-arg "BASE=$base" \
  --build-arg "PG_CLIENT_PACKAGE=${PG_CLIENT_PACKAGE:-postgresql-client-15}" \
  --build-arg "VERSION=${version:-unknown}" \
  --build-arg "REVISION=$revision" \
  . >&2

if [ "$simulator" = yes ]; then
  [ -f simulator/target/simulator.jar ] || { echo "No simulator/target/simulator.jar: ./mvnw package -pl simulator" >&2; exit 1; }
  name="${tag%:*}"
  "$engine" build "${format[@]}" -f deploy/container/simulator.Containerfile -t "$name-simulator:${tag##*:}" \
    --build-arg "IMAGE=$tag" . >&2
fi
echo "$tag"
