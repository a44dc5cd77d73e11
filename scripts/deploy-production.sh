#!/usr/bin/env bash
# Deploys this repository's compose.yaml stack to production (docs/deployment.md, runbook 003 phase 3.3):
#   ENVIRONMENT=production FORCE_PRODUCTION=yes bash scripts/deploy_production.sh --dry-run
#   ENVIRONMENT=production FORCE_PRODUCTION=yes bash scripts/deploy_production.sh
#
# usage: scripts/deploy-production.sh [--dry-run] [--image-tar FILE]
#   --dry-run         print every step and its exact command, change nothing (read-only look-ups still run: which
#                     image the api runs now, and /healthz)
#   --image-tar FILE  load the new image from FILE (docker/podman save, e.g. made by CI) instead of building it here
# Steps: 1 new image (build, or load) -> 2 config check in production mode -> 3 database up -> 4 backup, verified ->
#   5 pending migrations -> 6 remember the running image (rollback target) -> 7 migrate -> 8 worker, then api, onto the
#   new image, each waited for on /healthz/ready -> 9 /healthz partner_center_enabled. When a role does not become
#   ready on the new image: back to the previous image, and how to restore the backup is printed.
#   The checks run with the new image, built first: only it knows the new migrations and the current rules, and a
#   build changes nothing that runs.
# env: ENVIRONMENT=production and FORCE_PRODUCTION=yes (required: the runbook's guard)
#      COMPOSE             compose command (default: docker compose, else docker-compose, else podman-compose)
#      ENGINE              docker or podman (default: from COMPOSE)
#      HUNTER_DEPLOY_DIR   folder with compose.yaml and .env (default: the repository)
#      COMPOSE_PROJECT_NAME  (from the environment or .env, else hunter)   HUNTER_URL (http://127.0.0.1:8000, the api as published)
#      IMAGE_TAG (the short git commit)  HUNTER_BASE_IMAGE (BASE for a build; localhost/hunter-base:bookworm)
#      HEALTH_TIMEOUT (120 s per role)  HEALTH_POLL (2 s)
# exit: 0 deployed; 1 a step failed (after a rollback where one was due); 2 usage; 3 refused by the guard
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"

dry_run=no
image_tar=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=yes; shift ;;
    --image-tar) image_tar="${2:?--image-tar needs a file}"; shift 2 ;;
    -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
    *) echo "deploy: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# --- the guard, before anything else runs -------------------------------------------------------------------------
if [ "${ENVIRONMENT:-}" != production ] || [ "${FORCE_PRODUCTION:-}" != yes ]; then
  cat >&2 <<MSG
deploy: refused. This deploys to PRODUCTION; say so explicitly:
  ENVIRONMENT=production FORCE_PRODUCTION=yes bash scripts/deploy_production.sh --dry-run
(now ENVIRONMENT='${ENVIRONMENT:-}', FORCE_PRODUCTION='${FORCE_PRODUCTION:-}'). Nothing was done.
MSG
  exit 3
fi

deploy_dir="${HUNTER_DEPLOY_DIR:-$root}"
hunter_url="${HUNTER_URL:-http://127.0.0.1:8000}"
health_timeout="${HEALTH_TIMEOUT:-120}"
health_poll="${HEALTH_POLL:-2}"
repo_image="localhost/hunter"
current="$repo_image:current"
previous="$repo_image:previous"

die() { echo "deploy: $*" >&2; exit 1; }
[ -f "$image_tar" ] || [ -z "$image_tar" ] || { echo "deploy: no such file: $image_tar" >&2; exit 2; }
[ -f "$deploy_dir/compose.yaml" ] || die "no compose.yaml in $deploy_dir (HUNTER_DEPLOY_DIR)"
[ -f "$deploy_dir/.env" ] || die "no .env in $deploy_dir: create it first (docs/deployment.md lists what it needs)"
# podman-compose lets .env win over the environment, so a HUNTER_IMAGE there would defeat the one-off checks below
if grep -q '^[[:space:]]*HUNTER_IMAGE=' "$deploy_dir/.env"; then
  die "remove HUNTER_IMAGE from $deploy_dir/.env: this script chooses the image ($current)"
fi
cd "$deploy_dir"
# the project name as plain `docker compose` commands in this folder see it: COMPOSE_PROJECT_NAME, also from .env
project="${COMPOSE_PROJECT_NAME:-$(sed -n 's/^COMPOSE_PROJECT_NAME=//p' .env | tail -1)}"
project="${project:-hunter}"

# --- which compose, which engine ----------------------------------------------------------------------------------
if [ -n "${COMPOSE:-}" ]; then
  read -ra compose_cmd <<<"$COMPOSE"
elif docker compose version >/dev/null 2>&1; then
  compose_cmd=(docker compose)
elif command -v docker-compose >/dev/null; then
  compose_cmd=(docker-compose)
elif command -v podman-compose >/dev/null; then
  compose_cmd=(podman-compose)
else
  die "no compose found: install the Docker Compose plugin, docker-compose or podman-compose (or set COMPOSE)"
fi
case "${compose_cmd[0]}" in
  podman-compose) engine="${ENGINE:-podman}" ;;
  *) engine="${ENGINE:-docker}" ;;
esac
compose=("${compose_cmd[@]}" -p "$project" -f compose.yaml)
# podman-compose 1.0.3 ignores stop_grace_period: give podman the 60 s itself
[ "${compose_cmd[0]}" = podman-compose ] && compose+=(--podman-run-args=--stop-timeout=60)

# --- helpers ------------------------------------------------------------------------------------------------------
step_no=0
step() { step_no=$((step_no + 1)); echo; echo "== step $step_no: $*"; }
show() { local IFS=' '; printf '+ %s\n' "$*"; }
# the exact command, quoted so that it can be pasted
show_cmd() { local out="+" arg; for arg in "$@"; do out+=" $(printf '%q' "$arg")"; done; printf '%s\n' "$out"; }
# a command that changes something: printed; run unless --dry-run
act() {
  show_cmd "$@"
  [ "$dry_run" = yes ] && return 0
  "$@"
}
# a command whose exit code matters. podman-compose 1.0.3 exits 0 whatever the container did (run, exec); it prints
# "exit code: N" after each podman command it runs, the last one being the container's: that is the answer then.
checked() {
  if [ "${compose_cmd[0]}" != podman-compose ]; then "$@"; return; fi
  local out rc
  out="$(mktemp)"
  "$@" 2>&1 | tee "$out"
  rc="$(sed -n 's/^exit code: \([0-9]*\)$/\1/p' "$out" | tail -1)"
  rm -f "$out"
  return "${rc:-1}"
}
# a one-off api container on the new image
oneoff() {
  show_cmd env HUNTER_IMAGE="$new_image" "${compose[@]}" run --rm -T "$@"
  [ "$dry_run" = yes ] && return 0
  checked env HUNTER_IMAGE="$new_image" "${compose[@]}" run --rm -T "$@"
}

role_ready() { # role: its own HEALTHCHECK command, and for the api also the published port from here
  checked "${compose[@]}" exec -T "$1" hunter-healthcheck >/dev/null 2>&1 || return 1
  [ "$1" != api ] || curl -fsS -o /dev/null --max-time 5 "$hunter_url/healthz/ready"
}
wait_ready() {
  local role="$1" deadline=$((SECONDS + health_timeout))
  if [ "$dry_run" = yes ]; then
    show "wait up to ${health_timeout}s for: ${compose[*]} exec -T $role hunter-healthcheck"
    [ "$role" != api ] || show "  and: curl -fsS $hunter_url/healthz/ready"
    return 0
  fi
  echo "   waiting up to ${health_timeout}s for $role on /healthz/ready"
  until role_ready "$role"; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "   $role is NOT ready after ${health_timeout}s" >&2; return 1; }
    sleep "$health_poll"
  done
  echo "   $role ready"
}
# one role onto whatever $current points at now, one at a time, with the 60 s stop grace
recreate() {
  local role="$1"
  if [ "${compose_cmd[0]}" = podman-compose ]; then
    # podman-compose 1.0.3 has no --force-recreate for one service (it would take the database down with it)
    act "${compose[@]}" stop -t 60 "$role"
    if [ "$dry_run" = yes ]; then
      show "$engine" rm "<the $role container>"
    else
      local ids
      mapfile -t ids < <(role_containers "$role")
      [ "${#ids[@]}" -eq 0 ] || act "$engine" rm "${ids[@]}"
    fi
    act "${compose[@]}" up -d "$role"
  else
    act "${compose[@]}" up -d --no-deps --force-recreate "$role"
  fi
}
role_containers() {
  "$engine" ps -a -q --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=$1"
}
restore_hint() {
  local c="${compose[*]}"
  cat <<HINT
   If the database must go back to how it was before this deploy (the new migrations ran; the previous version
   may not work with them), restore the backup taken in step 4 (in $deploy_dir):
     $c stop api worker
     $c run --rm api db restore ${backup_file:-/var/lib/hunter/backups/backup_pre_deploy_<time>.sql} --yes
     $c up -d api worker
HINT
}
rollback() {
  echo
  echo "== ROLLBACK: the new image $new_image did not become ready"
  if [ -z "$rollback_image" ]; then
    echo "   There is no previous image to go back to (first deploy). The logs: ${compose[*]} logs --tail 200 $1" >&2
    restore_hint
    exit 1
  fi
  act "$engine" tag "$previous" "$current"
  local role failed=no
  for role in worker api; do
    recreate "$role"
    wait_ready "$role" || failed=yes
  done
  if [ "$failed" = yes ]; then
    echo "deploy: the PREVIOUS image is not ready either: look at '${compose[*]} logs --tail 200'" >&2
  else
    echo "   back on the previous image ($rollback_image); $new_image stays available for a look"
  fi
  restore_hint
  exit 1
}
image_from_tar() { # the name the tar carries (docker-archive manifest.json, what docker save and podman save write)
  tar -xOf "$1" manifest.json 2>/dev/null | sed -n 's/.*"RepoTags":\["\([^"]*\)".*/\1/p' | head -1
}

[ "$dry_run" = yes ] && echo "DRY RUN: printing the steps and their commands; nothing is changed."
echo "deploy: compose '${compose_cmd[*]}', engine $engine, project $project, folder $deploy_dir"

# --- 1. the new image ---------------------------------------------------------------------------------------------
if [ -n "$image_tar" ]; then
  step "load the new image from $image_tar"
  new_image="$(image_from_tar "$image_tar")"
  [ -n "$new_image" ] || die "$image_tar names no image (save it with a tag: docker save -o FILE IMAGE:TAG)"
  act "$engine" load -i "$image_tar"
else
  tag="${IMAGE_TAG:-$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null || true)}"
  [ -n "$tag" ] || die "no git commit to tag the image with: set IMAGE_TAG"
  new_image="$repo_image:$tag"
  step "build the new image $new_image from $root"
  if [ "$dry_run" = no ]; then
    # shellcheck source=java-home.sh
    source "$root/scripts/java-home.sh"
    hunter_java_home || die "the build needs a JDK >= 21 (or use --image-tar with an image built by CI)"
  fi
  act "$root/mvnw" -f "$root/pom.xml" -B -ntp -q -DskipTests package -pl app-cli -am
  act env ENGINE="$engine" "$root/scripts/container-image.sh" --tag "$new_image" \
    --base "${HUNTER_BASE_IMAGE:-localhost/hunter-base:bookworm}"
fi
echo "   new image: $new_image"

# --- 2. configuration, production rules ---------------------------------------------------------------------------
step "configuration check in production mode (hunter config check)"
oneoff -e HUNTER_ENVIRONMENT=production api config check ||
  die "hunter config check failed (above): the configuration fails the production rules (fix .env), or the new image does not run. Nothing was changed."

# --- 3. database up -----------------------------------------------------------------------------------------------
step "database up (compose up -d postgres; a running one is left as it is)"
act "${compose[@]}" up -d postgres
# shellcheck disable=SC2016 # $POSTGRES_USER is the container's
pg_ready=("${compose[@]}" exec -T postgres sh -c 'pg_isready -q -h 127.0.0.1 -U "$POSTGRES_USER"')
if [ "$dry_run" = yes ]; then
  show "wait up to ${health_timeout}s for: $(show_cmd "${pg_ready[@]}" | cut -c3-)"
else
  deadline=$((SECONDS + health_timeout))
  until checked "${pg_ready[@]}" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || die "PostgreSQL is not ready after ${health_timeout}s: ${compose[*]} logs postgres"
    sleep "$health_poll"
  done
fi

# --- 4. backup ----------------------------------------------------------------------------------------------------
step "backup, restored into a scratch database and verified (hunter db backup)"
backup_file=""
if [ "$dry_run" = yes ]; then
  oneoff api db backup --dir /var/lib/hunter/backups --label pre_deploy
else
  backup_log="$(mktemp)"
  trap 'rm -f "$backup_log"' EXIT
  oneoff api db backup --dir /var/lib/hunter/backups --label pre_deploy | tee "$backup_log" ||
    die "the backup failed (above); nothing was changed"
  grep -q 'Backup valid' "$backup_log" || die "the backup did not say \"Backup valid\"; nothing was changed"
  backup_file="$(grep -o '/var/lib/hunter/backups/backup_pre_deploy_[0-9_]*\.sql' "$backup_log" | head -1 || true)"
  echo "   backup: ${backup_file:-(see above)}"
fi

# --- 5. pending migrations ----------------------------------------------------------------------------------------
step "pending migrations (hunter db migrate --dry-run)"
oneoff api db migrate --dry-run || die "cannot list the pending migrations (above); nothing was changed"

# --- 6. rollback target -------------------------------------------------------------------------------------------
step "remember the running image as the rollback target ($previous)"
rollback_image=""
running="$(role_containers api 2>/dev/null | head -1 || true)"
if [ -n "$running" ]; then
  rollback_image="$("$engine" inspect -f '{{.Image}}' "$running" 2>/dev/null || true)"
fi
if [ -z "$rollback_image" ]; then
  rollback_image="$("$engine" image inspect -f '{{.Id}}' "$current" 2>/dev/null || true)"
fi
if [ -n "$rollback_image" ]; then
  echo "   rollback target: $rollback_image ($( [ -n "$running" ] && echo "the running api's image" || echo "$current"))"
  act "$engine" tag "$rollback_image" "$previous"
else
  echo "   nothing runs yet (first deploy): no rollback target"
fi

# --- 7. migrate ---------------------------------------------------------------------------------------------------
step "apply the migrations (hunter db migrate)"
if ! oneoff api db migrate; then
  echo "deploy: the migrations failed (above); the running containers were not touched." >&2
  restore_hint
  exit 1
fi

# --- 8. restart the roles one at a time ---------------------------------------------------------------------------
step "worker, then api, onto the new image, one at a time"
act "$engine" tag "$new_image" "$current"
for role in worker api; do
  recreate "$role"
  wait_ready "$role" || rollback "$role"
done

# --- 9. the runbook's check ---------------------------------------------------------------------------------------
step "curl $hunter_url/healthz | jq .partner_center_enabled (expected: true)"
if [ "$dry_run" = yes ]; then
  show curl -fsS "$hunter_url/healthz"
  echo
  echo "DRY RUN done: nothing was changed."
  exit 0
fi
health="$(curl -fsS --max-time 10 "$hunter_url/healthz")" || die "GET $hunter_url/healthz failed"
echo "   $health"
if command -v jq >/dev/null; then
  enabled="$(jq -r '.partner_center_enabled' <<<"$health")"
else
  enabled="$(grep -o '"partner_center_enabled": *[a-z]*' <<<"$health" | sed 's/.*: *//')"
fi
if [ "$enabled" != true ]; then
  die "deployed and ready, but partner_center_enabled is '$enabled': set HUNTER_PARTNER_CENTER_ENABLED=true in .env, then ${compose[*]} up -d --force-recreate api worker"
fi
echo
echo "deploy: done. $new_image runs as $current (rollback target: ${rollback_image:-none}); backup: ${backup_file:-none}"
