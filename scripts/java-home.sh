# shellcheck shell=bash
# Sourced by ./hunter and .ci/run: exports JAVA_HOME pointing at a JDK >= 21 (jOOQ 3.21, Javalin 7 and Flyway 13
# need it; the machine's default java may be 17). Keeps JAVA_HOME when it already qualifies, else picks one under
# /usr/lib/jvm (Temurin 25 first), else the java on the PATH. Returns 1 with a message when there is none.

hunter_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}

hunter_java_home() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major="$(hunter_java_major "$JAVA_HOME" 2>/dev/null || true)"
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then export JAVA_HOME; return 0; fi
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/* \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major="$(hunter_java_major "$candidate" 2>/dev/null || true)"
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then export JAVA_HOME="$candidate"; return 0; fi
  done
  echo "No JDK 21 or newer found (checked JAVA_HOME, /usr/lib/jvm and the java on the PATH)." >&2
  echo "Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}
