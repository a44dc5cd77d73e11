#!/usr/bin/env bash
# CI smoke stage for the container image and the compose stack (.ci/run calls it after `./mvnw verify`, which built
# app-cli/target/hunter.jar and simulator/target/simulator.jar). On a fresh Debian 12 machine, as root:
#   install podman & co -> containers.conf -> base and PostgreSQL images -> product image -> compose.yaml +
#   compose.smoke.yaml up (postgres, api, worker, simulator) -> /healthz/ready -> sign in -> sync -> inbox ->
#   /healthz -> hunter db backup -> down, and every image, container, volume and network it made removed (also on
#   failure). Prints the time of every step. Fails loudly, with the containers' logs, when something does not come up.
#
# env: SMOKE_KEEP=1 keeps the stack and the images for a look (prints how to remove them);
#      SMOKE_TIMEOUT (seconds per wait, default 120).
# Images that already existed (a base made earlier, say) are used and left alone; only what this run made is removed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
timeout_s="${SMOKE_TIMEOUT:-120}"

# --- timings -------------------------------------------------------------------------------------------------------
now() { date +%s%N; }
t_start="$(now)"
step_name="" step_start=""
timings=()
step() {
  end_step
  step_name="$1" step_start="$(now)"
  echo "== smoke: $step_name"
}
end_step() {
  if [ -n "$step_name" ]; then
    timings+=("$(printf '%6.1f s  %s' "$(awk -v a="$step_start" -v b="$(now)" 'BEGIN{print (b-a)/1e9}')" "$step_name")")
    step_name=""
  fi
}
report() {
  end_step
  echo "== smoke: timings"
  printf '  %s\n' "${timings[@]}"
  printf '  %6.1f s  total\n' "$(awk -v a="$t_start" -v b="$(now)" 'BEGIN{print (b-a)/1e9}')"
}
fail() { echo "smoke FAILED: $*" >&2; exit 1; }

# --- 1. packages ---------------------------------------------------------------------------------------------------
step "packages (podman buildah runc debootstrap podman-compose)"
[ "$(id -u)" = 0 ] || fail "run as root: debootstrap and the rootful podman this recipe uses need it"
for jar in app-cli/target/hunter.jar simulator/target/simulator.jar; do
  [ -f "$jar" ] || fail "$jar is missing: build first (./mvnw -B -ntp verify, or -DskipTests package)"
done
missing=()
for cmd in podman buildah runc debootstrap podman-compose curl jq; do command -v "$cmd" >/dev/null || missing+=("$cmd"); done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # keep Recommends: netavark, aardvark-dns and iptables come only that way
  apt-get install -y -qq podman buildah runc debootstrap podman-compose curl jq >/dev/null
fi

# --- 2. containers.conf, scratch space, names ----------------------------------------------------------------------
step "containers.conf (runc, capped ulimits)"
work="$(mktemp -d "${TMPDIR:-/tmp}/hunter-smoke.XXXXXX")"
eval "$(scripts/podman-conf.sh "$work")"
id="$(basename "$work" | tr -dc '[:alnum:]' | tr '[:upper:]' '[:lower:]' | tail -c 6)"
project="hsmoke$id"
image="localhost/hunter:smoke-$id"
simulator_image="localhost/hunter-simulator:smoke-$id"
base_image="localhost/hunter-base:bookworm"
postgres_image="localhost/hunter-postgres:15"
made_images=()
# anonymous volumes carry no project label: the check after cleanup compares with this list
volumes_before="$(podman volume ls -q)"

compose() {
  # --podman-path: podman-compose 1.0.3 cannot do network_mode: host by itself (scripts/podman-hostnet.sh);
  # --stop-timeout: it ignores stop_grace_period, so the 60 s grace is given to podman directly
  podman-compose --podman-path "$root/scripts/podman-hostnet.sh" -p "$project" \
    -f "$work/stack/compose.yaml" -f "$work/stack/compose.smoke.yaml" \
    --podman-run-args=--stop-timeout=60 "$@"
}

logs() {
  echo "---- containers of $project ----" >&2
  podman ps -a --filter "label=io.podman.compose.project=$project" --format '{{.Names}}  {{.Status}}  {{.Image}}' >&2 || true
  local c
  for c in $(podman ps -a --filter "label=io.podman.compose.project=$project" --format '{{.Names}}' 2>/dev/null); do
    echo "---- logs of $c (last 80 lines) ----" >&2
    podman logs --tail 80 "$c" >&2 2>&1 || true
  done
  [ -f "$work/compose.log" ] && { echo "---- podman-compose (last 40 lines) ----" >&2; tail -40 "$work/compose.log" >&2; }
}

cleanup() {
  local rc=$?
  set +e
  end_step
  if [ "$rc" != 0 ]; then logs; fi
  if [ "${SMOKE_KEEP:-0}" = 1 ]; then
    echo "SMOKE_KEEP=1: kept project $project, images ${made_images[*]:-none} and $work"
    echo "  remove: CONTAINERS_CONF=$CONTAINERS_CONF podman rm -f -v \$(podman ps -aq --filter label=io.podman.compose.project=$project)"
    return
  fi
  echo "== smoke: cleanup"
  local label="label=io.podman.compose.project=$project" ids
  # -v: also the anonymous volumes; -t 60 as compose would
  mapfile -t ids < <(podman ps -aq --filter "$label")
  [ "${#ids[@]}" -gt 0 ] && podman rm -f -v -t 60 "${ids[@]}" >/dev/null
  mapfile -t ids < <(podman volume ls -q --filter "$label")
  [ "${#ids[@]}" -gt 0 ] && podman volume rm -f "${ids[@]}" >/dev/null
  # podman-compose down leaves the network it made
  mapfile -t ids < <(podman network ls -q --filter "$label")
  [ "${#ids[@]}" -gt 0 ] && podman network rm -f "${ids[@]}" >/dev/null
  [ "${#made_images[@]}" -gt 0 ] && podman rmi -f "${made_images[@]}" >/dev/null 2>&1
  local left
  left="$(podman ps -aq --filter "$label")$(podman volume ls -q --filter "$label")$(podman network ls -q --filter "$label")"
  left+="$(comm -13 <(sort <<<"$volumes_before") <(podman volume ls -q | sort))"
  if [ -n "$left" ]; then
    echo "smoke: left behind (containers, volumes or networks): $left" >&2
    [ "$rc" != 0 ] || rc=1
  fi
  rm -rf "$work"
  report
  if [ "$rc" = 0 ]; then echo "smoke: OK"; else echo "smoke: FAILED (exit $rc)" >&2; fi
  exit "$rc"
}
trap cleanup EXIT

# --- 3. base images ------------------------------------------------------------------------------------------------
step "base image $base_image (debootstrap bookworm minbase)"
podman image exists "$base_image" || { made_images+=("$base_image"); scripts/container-base.sh base; }
step "PostgreSQL image $postgres_image"
podman image exists "$postgres_image" || { made_images+=("$postgres_image"); scripts/container-base.sh postgres; }

# --- 4. product image ----------------------------------------------------------------------------------------------
step "product image $image (+ simulator image)"
made_images+=("$image" "$simulator_image")
scripts/container-image.sh --tag "$image" --base "$base_image" --simulator >"$work/build.log" 2>&1 ||
  { tail -40 "$work/build.log" >&2; fail "image build"; }
podman run --rm "$image" --version 2>/dev/null | grep -q '^hunter ' || fail "the image does not run hunter --version"

# --- 5. stack up ---------------------------------------------------------------------------------------------------
step "stack up: postgres + simulator, then api + worker"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pg_port="$(free_port)" api_port="$(free_port)" worker_port="$(free_port)" sim_port="$(free_port)"
api_key="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
mkdir -p "$work/stack"
cp compose.yaml compose.smoke.yaml "$work/stack/"
# the stack's own .env (compose reads it for ${...}, the containers through env_file); throwaway secrets
cat >"$work/stack/.env" <<ENV
POSTGRES_PASSWORD=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
HUNTER_IMAGE=$image
HUNTER_POSTGRES_IMAGE=$postgres_image
HUNTER_SIMULATOR_IMAGE=$simulator_image
SMOKE_PG_PORT=$pg_port
SMOKE_API_PORT=$api_port
SMOKE_WORKER_PORT=$worker_port
SMOKE_SIM_PORT=$sim_port
HUNTER_API_KEY=$api_key
HUNTER_PARTNER_CENTER_ENABLED=true
HUNTER_PARTNER_CENTER_CLIENT_ID=00000000-0000-4000-8000-000000000001
HUNTER_PARTNER_CENTER_TENANT_ID=00000000-0000-4000-8000-000000000002
ENV
chmod 600 "$work/stack/.env"
# podman-compose prints the merged configuration, secrets included: into a log shown only on failure
compose up -d postgres simulator >>"$work/compose.log" 2>&1 || fail "podman-compose up postgres simulator"
wait_for() { # what, command...: retries for timeout_s seconds
  local what="$1" deadline=$((SECONDS + timeout_s)); shift
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || fail "$what did not come up within ${timeout_s}s"
    sleep 0.5
  done
}
wait_for "postgres" podman exec "${project}_postgres_1" pg_isready -q -h 127.0.0.1
compose up -d api worker >>"$work/compose.log" 2>&1 || fail "podman-compose up api worker"

# --- 6. ready ------------------------------------------------------------------------------------------------------
step "api and worker /healthz/ready on 127.0.0.1"
wait_for "api /healthz/ready" curl -fsS "http://127.0.0.1:$api_port/healthz/ready"
wait_for "worker /healthz/ready" curl -fsS "http://127.0.0.1:$worker_port/healthz/ready"
podman exec "${project}_worker_1" hunter-healthcheck || fail "the image's HEALTHCHECK command fails in the worker"

# --- 7. sign in ----------------------------------------------------------------------------------------------------
step "sign in: hunter auth login in the api container (simulator approves by itself)"
timeout "$timeout_s" podman exec "${project}_api_1" hunter auth login >"$work/login.log" 2>&1 ||
  { cat "$work/login.log" >&2; fail "hunter auth login (needs HUNTER_PARTNER_CENTER_SIMULATOR_URL support in the jar)"; }
grep -q 'Token cache saved to: /var/lib/hunter/token/' "$work/login.log" || { cat "$work/login.log" >&2; fail "no token cache"; }

# --- 8. sync -------------------------------------------------------------------------------------------------------
step "sync: POST /api/referrals/sync on the api, run by the worker"
api() { curl -fsS -H "Authorization: Bearer $api_key" "$@"; }
answer="$(api -X POST "http://127.0.0.1:$api_port/api/referrals/sync" -H 'Content-Type: application/json')" ||
  fail "POST /api/referrals/sync"
task_id="$(jq -r .task_id <<<"$answer")"
if [ -z "$task_id" ] || [ "$task_id" = null ]; then fail "no task_id in $answer"; fi
echo "   task_id $task_id"
finished() {
  api "http://127.0.0.1:$api_port/api/v1/partner-center/sync/status" |
    jq -e --arg t "$task_id" '.last_finished.task_id == $t' >/dev/null
}
wait_for "the sync run $task_id" finished
status="$(api "http://127.0.0.1:$api_port/api/v1/partner-center/sync/status")"
echo "   $(jq -c '.last_finished | {task_id, status, trigger, success_count, failure_count, skipped_count}' <<<"$status")"
outcome="$(jq -r '.last_finished.status' <<<"$status")"
[ "$outcome" = succeeded ] || fail "the sync ended $outcome: $status"

# --- 9. inbox and health -------------------------------------------------------------------------------------------
step "inbox has referrals; /healthz partner_center_enabled"
inbox="$(api "http://127.0.0.1:$api_port/api/v1/partner-center/referrals?page_size=5")"
total="$(jq -r '.total' <<<"$inbox")"
echo "   inbox total $total, first: $(jq -c '[.referrals[0:2][] | {referral_type, status}]' <<<"$inbox")"
[ "$total" -gt 0 ] 2>/dev/null || fail "the inbox is empty: $inbox"
health="$(curl -fsS "http://127.0.0.1:$api_port/healthz")"
echo "   $health"
jq -e '.partner_center_enabled == true and .status == "ok"' <<<"$health" >/dev/null || fail "/healthz: $health"

# --- 10. backup ----------------------------------------------------------------------------------------------------
step "hunter db backup in the api container"
# (picocli answers `db backup --help` with db's own help when backup is unknown: look for it in the list instead)
if ! podman exec "${project}_api_1" hunter db --help 2>/dev/null | grep -Eq '^ +backup( |$)'; then
  echo "   SKIPPED: this build has no \`hunter db backup\` yet"
else
  podman exec "${project}_api_1" hunter db backup --dir /var/lib/hunter/backups --label smoke >"$work/backup.log" 2>&1 ||
    { cat "$work/backup.log" >&2; fail "hunter db backup"; }
  sed 's/^/   /' "$work/backup.log"
  grep -q 'Backup valid' "$work/backup.log" || fail "the backup did not say \"Backup valid\""
fi

# --- 11. down ------------------------------------------------------------------------------------------------------
step "stack down (SIGTERM, 60 s grace)"
if [ "${SMOKE_KEEP:-0}" != 1 ]; then
  compose down -t 60 -v >>"$work/compose.log" 2>&1 || fail "podman-compose down"
fi
