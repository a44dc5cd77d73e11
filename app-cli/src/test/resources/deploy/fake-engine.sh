#!/usr/bin/env bash
# A stand-in for docker, podman, podman-compose and curl (DeployScriptTest links it under those names first on the
# PATH). It records every call, one line each ("<name> <args>", prefixed with HUNTER_IMAGE=... when set), into
# $FAKE_LOG, answers like the real tool where the deploy script reads an answer, and changes nothing but files in
# $FAKE_STATE (which image localhost/hunter:current and :previous name).
# Knobs: FAKE_CONFIG_RC, FAKE_MIGRATE_RC (exit codes), FAKE_RUNNING=no (no api container yet),
#        FAKE_NEW_IMAGE + FAKE_NEW_HEALTHY=no (a role on that image never gets ready).
set -u
name="$(basename "$0")"
[ -n "${FAKE_AS_PODMAN_COMPOSE:-}" ] ||
  printf '%s%s %s\n' "${HUNTER_IMAGE:+HUNTER_IMAGE=$HUNTER_IMAGE }" "$name" "$*" >>"$FAKE_LOG"

resolve() { # an image name as the fake knows it: the current/previous tags point at what was tagged
  case "$1" in
    localhost/hunter:current|localhost/hunter:previous) cat "$FAKE_STATE/${1##*:}" 2>/dev/null || echo "$1" ;;
    *) echo "$1" ;;
  esac
}
healthy() {
  [ "${FAKE_NEW_HEALTHY:-yes}" = no ] && [ "$(resolve localhost/hunter:current)" = "${FAKE_NEW_IMAGE:-}" ] && return 1
  return 0
}

if [ "$name" = curl ]; then
  url="${*: -1}"
  case "$url" in
    */healthz/ready) healthy || { echo "curl: (22) The requested URL returned error: 503" >&2; exit 22; } ;;
    */healthz) echo '{"status":"ok","database":"connected","partner_center_enabled":true,"auth":"ok"}' ;;
  esac
  exit 0
fi

args=("$@")
if [ "$name" = docker ] && [ "${args[0]:-}" = compose ]; then args=("${args[@]:1}"); name=compose; fi
[ "$name" = podman-compose ] && name=compose

if [ "$name" = compose ] && [ "$(basename "$0")" = podman-compose ] && [ -z "${FAKE_AS_PODMAN_COMPOSE:-}" ]; then
  # podman-compose 1.0.3 as it is: it exits 0 and prints the container's exit code as "exit code: N"
  FAKE_AS_PODMAN_COMPOSE=inner "$0" "$@"
  echo "exit code: $?"
  exit 0
fi
if [ "$name" = compose ]; then
  # skip the global options: -p NAME, -f FILE, --podman-run-args=...
  while [ "${#args[@]}" -gt 0 ]; do
    case "${args[0]}" in
      -p|-f) args=("${args[@]:2}") ;;
      --*=*) args=("${args[@]:1}") ;;
      *) break ;;
    esac
  done
  line="${args[*]}"
  case "${args[0]:-}" in
    version) echo "Docker Compose version v2.99.0 (fake)" ;;
    run)
      case "$line" in
        *" config check") exit "${FAKE_CONFIG_RC:-0}" ;;
        *" db backup "*)
          echo "Backup written: /var/lib/hunter/backups/backup_pre_deploy_20261203_120000.sql (42 kB, mode 0600)"
          echo "Backup valid" ;;
        *" db migrate --dry-run") echo "Pending migrations: 9 fake migration" ;;
        *" db migrate") exit "${FAKE_MIGRATE_RC:-0}" ;;
      esac ;;
    exec) healthy || exit 1 ;;
  esac
  exit 0
fi

# docker / podman
case "${args[0]:-}" in
  ps) [ "${FAKE_RUNNING:-yes}" = no ] || echo c0ffee ;;
  inspect) [ "${FAKE_RUNNING:-yes}" = no ] || echo sha256:0ld ;;
  image) [ "${FAKE_RUNNING:-yes}" = no ] && exit 1; echo sha256:0ld ;;
  tag) resolve "${args[1]}" >"$FAKE_STATE/${args[2]##*:}" ;;
  load) echo "Loaded image: ${FAKE_NEW_IMAGE:-localhost/hunter:new}" ;;
esac
exit 0
