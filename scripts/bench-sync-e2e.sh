#!/usr/bin/env bash
# Issue 11's end-to-end sync benchmark (docs/benchmarks.md, "End-to-end sync (issue 11)"). The product (`hunter sync`,
# its own JVM with -Xmx256m and a GC log) against the Partner Center simulator running as another JVM
# (simulator.jar: 100,000 referrals, pages of 100, seed 42), on a fresh embedded PostgreSQL (or HUNTER_DATABASE_URL),
# and in the same run its floors:
#   fetch floor  FetchFloor (simulator test sources): a bare java.net.http.HttpClient paging through the same simulator
#   store floor  CopyFloor (adapter-postgres test sources): the stored rows loaded with one COPY into an empty copy of
#                the table with the same indexes, checks and foreign keys
# Passes, in order:
#   1. simulator without added latency: fetch floor; first full sync; unchanged full re-sync (`--full`); 1,000
#      referrals changed in the simulator (closed as won), then an incremental sync, its requests counted from the
#      simulator's journal; store floor on the database the syncs filled
#   2. simulator restarted with --page-latency-ms 200, fresh database: fetch floor; first full sync
# Prints each pass (wall time, referrals/s, sync duration, peak heap and GC pauses from the GC log, CPU seconds of the
# JVM, of PostgreSQL and of the simulator) and a summary with the ratios. About 10 minutes on 2 cores.
#
#   scripts/bench-sync-e2e.sh                               100,000 referrals
#   BENCH_E2E_REFERRALS=5000 scripts/bench-sync-e2e.sh      a quick check (about 2 minutes after the build)
#
# Settings (environment):
#   BENCH_E2E_REFERRALS (100000)  BENCH_E2E_CHANGES (1000)  BENCH_E2E_LATENCY_MS (200; 0 skips pass 2)
#   BENCH_E2E_HEAP (256m, the product's -Xmx)  BENCH_E2E_SEED (42)  BENCH_E2E_PORT (18481)
#   BENCH_E2E_BUILD (1; 0 reuses the last build)  BENCH_E2E_JFR (0; 1 or first records the first sync with JFR, profile settings; resync records the re-sync)
#   BENCH_E2E_WORK (a new /tmp/hunter-e2e.XXXXXX; logs stay there, database folders are removed at the end)
#   HUNTER_DATABASE_URL (+ HUNTER_DATABASE_USER / _PASSWORD): an external PostgreSQL instead of the embedded one. The
#     benchmark empties it (DROP SCHEMA public CASCADE) before each pass, so it must be a scratch database, and it
#     refuses to run unless BENCH_E2E_DROP_DATABASE=yes. PostgreSQL's CPU is then not measured.
# The product takes every referral: HUNTER_PARTNER_CENTER_REFERRAL_DIRECTIONS and _STATUSES are set empty (= any);
# with the defaults (Incoming; New,Active) it would skip most of the simulator's referrals.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/java-home.sh
source "$root/scripts/java-home.sh"
hunter_java_home
java="$JAVA_HOME/bin/java"

referrals="${BENCH_E2E_REFERRALS:-100000}"
changes="${BENCH_E2E_CHANGES:-1000}"
latency="${BENCH_E2E_LATENCY_MS:-200}"
heap="${BENCH_E2E_HEAP:-256m}"
seed="${BENCH_E2E_SEED:-42}"
port="${BENCH_E2E_PORT:-18481}"
external="${HUNTER_DATABASE_URL:-}"
if [ -n "$external" ] && [ "${BENCH_E2E_DROP_DATABASE:-}" != yes ]; then
  echo "HUNTER_DATABASE_URL is set: the benchmark drops everything in its public schema. Point it at a scratch" >&2
  echo "database and set BENCH_E2E_DROP_DATABASE=yes." >&2
  exit 2
fi
work="${BENCH_E2E_WORK:-$(mktemp -d /tmp/hunter-e2e.XXXXXX)}"
mkdir -p "$work"
results="$work/results.tsv"
: >"$results"
tenant=4f1e2d3c-5b6a-4789-9abc-def012345678
ticks="$(getconf CLK_TCK)"
sim_pid=""
pg="$work/pg-none" # the embedded data folder of the pass (none yet)

cleanup() {
  local rc=$?
  set +e
  [ -n "$sim_pid" ] && kill -TERM "$sim_pid" 2>/dev/null && wait "$sim_pid" 2>/dev/null
  rm -rf "$work"/pg-*
  echo "logs: $work"
  exit "$rc"
}
trap cleanup EXIT

log() { printf '== %s  %s  (load %s)\n' "$(date +%H:%M:%S)" "$*" "$(cut -d' ' -f1-3 /proc/loadavg)"; }
fail() { echo "bench-sync-e2e FAILED: $*" >&2; exit 1; }

# --- build, once ---------------------------------------------------------------------------------------------------
if [ "${BENCH_E2E_BUILD:-1}" = 1 ]; then
  log "build: hunter.jar, simulator.jar, the floors' test classes and classpaths (-pl app-cli -am)"
  (cd "$root" && ./mvnw -B -ntp -q -DskipTests package dependency:build-classpath \
      -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test -pl app-cli -am) ||
    fail "the build failed"
fi
for f in app-cli/target/hunter.jar simulator/target/simulator.jar simulator/target/bench.classpath \
    adapter-postgres/target/bench.classpath; do
  [ -f "$root/$f" ] || fail "$f is missing: run without BENCH_E2E_BUILD=0"
done
fetch_cp="$root/simulator/target/test-classes:$root/simulator/target/classes:$(cat "$root/simulator/target/bench.classpath")"
store_cp="$root/adapter-postgres/target/test-classes:$root/adapter-postgres/target/classes:$(cat "$root/adapter-postgres/target/bench.classpath")"

# --- measuring -----------------------------------------------------------------------------------------------------
# CPU seconds (user + system) of a live process, from /proc
cpu_of() { awk -v t="$ticks" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / t }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# Samples the CPU of the embedded PostgreSQL in $1 (postmaster, its live children, and the children it reaped) every
# 0.5 s into $2 until $2.stop exists; the last sample is within 0.5 s of the end.
pg_sampler() {
  local dir="$1" out="$2" pm kids
  echo 0 >"$out"
  while [ ! -e "$out.stop" ]; do
    if pm="$(head -1 "$dir/postmaster.pid" 2>/dev/null)" && [ -n "$pm" ] && [ -r "/proc/$pm/stat" ]; then
      kids="$(pgrep -P "$pm" | sed 's|.*|/proc/&/stat|' | tr '\n' ' ')"
      # shellcheck disable=SC2086
      cat "/proc/$pm/stat" $kids 2>/dev/null | awk -v t="$ticks" -v pm="$pm" '
        { id = $1; sub(/^.*\) /, ""); s += $12 + $13; if (id == pm) s += $14 + $15 }
        END { if (s > 0) printf "%.2f\n", s / t }' >"$out.new" 2>/dev/null
      # keep the highest reading: the postmaster's exit would read as 0
      if [ -s "$out.new" ] && awk -v a="$(cat "$out.new")" -v b="$(cat "$out")" 'BEGIN { exit !(a >= b) }'; then
        mv "$out.new" "$out"
      fi
    fi
    sleep 0.5
  done
}

# Runs "$@" in the foreground with wall time and CPU (bash's time) and, embedded, PostgreSQL's CPU.
# Sets t_wall t_cpu t_pg; its stdout goes to $name.out, stderr to $name.err.
timed() {
  local name="$1"; shift
  local sampler=""
  rm -f "$work/$name.pgcpu.stop"
  if [ -z "$external" ]; then
    pg_sampler "$pg" "$work/$name.pgcpu" &
    sampler=$!
  fi
  local TIMEFORMAT='%R %U %S' rc=0
  { time "$@" >"$work/$name.out" 2>"$work/$name.err"; } 2>"$work/$name.time" || rc=$?
  if [ -n "$sampler" ]; then
    touch "$work/$name.pgcpu.stop"; wait "$sampler" || true
    t_pg="$(cat "$work/$name.pgcpu")"
  else
    t_pg=n/a
  fi
  read -r t_wall u s <"$work/$name.time"
  t_cpu="$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')"
  if [ "$rc" != 0 ]; then
    tail -30 "$work/$name.err" >&2; tail -30 "$work/$name.out" >&2
    fail "$name exited $rc"
  fi
}

# Peak heap (the largest heap in use before a collection), pause total and count, from a -Xlog:gc file.
gc_summary() {
  awk '
    function mb(v) { u = substr(v, length(v)); n = substr(v, 1, length(v) - 1) + 0
                     return u == "K" ? n / 1024 : u == "G" ? n * 1024 : n }
    /Pause/ && match($0, /[0-9.]+[KMG]->[0-9.]+[KMG]\([0-9.]+[KMG]\) [0-9.]+ms/) {
      split(substr($0, RSTART, RLENGTH), p, /->|\(|\) /)
      if (mb(p[1]) > peak) peak = mb(p[1]); if (mb(p[3]) > committed) committed = mb(p[3])
      ms = p[4]; sub(/ms/, "", ms); pause += ms; n++ }
    END { printf "%.0f %.0f %.0f %d\n", peak, committed, pause, n }' "$1"
}

record() { printf '%s\n' "$*" >>"$results"; }

# --- the simulator ----------------------------------------------------------------------------------------------------
start_simulator() {
  local lat="$1"
  log "simulator: $referrals referrals, seed $seed, --page-latency-ms $lat, port $port"
  "$java" -Xmx1g -Xlog:gc:file="$work/simulator-$lat.gc.log" -jar "$root/simulator/target/simulator.jar" \
    --host 127.0.0.1 --port "$port" --referrals "$referrals" --seed "$seed" --page-latency-ms "$lat" \
    --interval 0 --auto-approve 1 >"$work/simulator-$lat.log" 2>&1 &
  sim_pid=$!
  local i
  for i in $(seq 600); do
    curl -fsS -o /dev/null "$sim/_simulator/health" 2>/dev/null && return 0
    kill -0 "$sim_pid" 2>/dev/null || { cat "$work/simulator-$lat.log" >&2; fail "the simulator did not start"; }
    sleep 0.1
  done
  fail "the simulator did not answer within 60 s"
}
stop_simulator() {
  kill -TERM "$sim_pid"; wait "$sim_pid" || true
  sim_pid=""
}
sim="http://127.0.0.1:$port"
# list requests (GET of the Referrals API, not of one referral) and all requests in the simulator's journal
journal_counts() {
  curl -fsS "$sim/_simulator/journal" >"$work/journal.json"
  printf '%s %s\n' "$(grep -o '"method":"GET","path":"/v1.0/engagements/referrals"' "$work/journal.json" | wc -l)" \
    "$(grep -o '"receivedAt"' "$work/journal.json" | wc -l)"
}

# --- the product ---------------------------------------------------------------------------------------------------
export HUNTER_ENVIRONMENT=development HUNTER_LOG_FORMAT=console HUNTER_PARTNER_CENTER_ENABLED=true \
  HUNTER_PARTNER_CENTER_CLIENT_ID=00000000-0000-4000-8000-0000000e2e01 HUNTER_PARTNER_CENTER_TENANT_ID="$tenant" \
  HUNTER_PARTNER_CENTER_SIMULATOR_URL="$sim" HUNTER_PARTNER_CENTER_PAGE_SIZE=100 \
  HUNTER_PARTNER_CENTER_REFERRAL_DIRECTIONS= HUNTER_PARTNER_CENTER_REFERRAL_STATUSES= \
  HUNTER_PARTNER_CENTER_REFERRAL_EXCLUDED_SUBSTATUSES=
cd "$work" # no .env from the repository
hunter() { JAVA_OPTS="${JAVA_OPTS:-}" "$root/hunter" "$@"; }
sql() { hunter db shell -c "$1" -- -At 2>>"$work/sql.err"; }

fresh_database() {
  pg="$work/pg-$1"
  export HUNTER_PARTNER_CENTER_TOKEN_CACHE_PATH="$work/token-cache-$1"
  if [ -n "$external" ]; then
    hunter db shell -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null 2>>"$work/sql.err" ||
      fail "could not empty the database at HUNTER_DATABASE_URL"
  else
    export HUNTER_DATABASE_EMBEDDED_DIR="$pg"
  fi
  hunter db migrate >/dev/null 2>"$work/migrate-$1.err" || { cat "$work/migrate-$1.err" >&2; fail "db migrate"; }
  hunter auth login >"$work/login-$1.log" 2>&1 || { cat "$work/login-$1.log" >&2; fail "auth login"; }
}

# hunter sync as its own process: -Xmx, a GC log, optionally JFR; one line into results.tsv
sync_pass() {
  local name="$1" label="$2"; shift 2
  local opts="-Xmx$heap -Xlog:gc:file=$work/$name.gc.log"
  local jfr="${BENCH_E2E_JFR:-0}"
  [ "$jfr" = 1 ] && jfr=first
  if [ "$name" = "$jfr" ]; then
    opts="$opts -XX:StartFlightRecording:filename=$work/$name.jfr,settings=profile"
  fi
  local sim_cpu0
  sim_cpu0="$(cpu_of "$sim_pid")"
  log "$label: hunter sync $*"
  JAVA_OPTS="$opts" timed "$name" "$root/hunter" sync "$@"
  local sim_cpu
  sim_cpu="$(awk -v a="$sim_cpu0" -v b="$(cpu_of "$sim_pid")" 'BEGIN { printf "%.2f", b - a }')"
  local pages fetched ms created updated skipped task gc
  pages="$(sed -n 's/^Pages fetched: \([0-9]*\) (\([0-9]*\) referrals, .* sync, \([0-9]*\) ms)$/\1 \2 \3/p' "$work/$name.out")"
  read -r pages fetched ms <<<"$pages"
  read -r created updated <<<"$(sed -n 's/^Success: \([0-9]*\) created, \([0-9]*\) updated$/\1 \2/p' "$work/$name.out")"
  skipped="$(sed -n 's/^Skipped reasons: //p' "$work/$name.out" | tr -d ' ')"
  task="$(sed -n 's/^Task id: //p' "$work/$name.out")"
  gc="$(gc_summary "$work/$name.gc.log")"
  sed -n '1,20p' "$work/$name.out" | sed 's/^/   /'
  printf '   wall %s s, sync %s ms, %s referrals/s (wall); JVM CPU %s s, PostgreSQL CPU %s s, simulator CPU %s s\n' \
    "$t_wall" "$ms" "$(awk -v n="$fetched" -v w="$t_wall" 'BEGIN { printf "%.0f", n / w }')" "$t_cpu" "$t_pg" "$sim_cpu"
  read -r peak committed pause count <<<"$gc"
  printf '   heap: peak %s MB in use (of %s MB committed, -Xmx%s), %s GC pauses, %s ms in total\n' \
    "$peak" "$committed" "$heap" "$count" "$pause"
  record "$name" "$t_wall" "$ms" "$fetched" "$pages" "$created" "$updated" "$skipped" "$peak" "$committed" "$pause" \
    "$count" "$t_cpu" "$t_pg" "$sim_cpu" "$task"
  last_task="$task"
}

fetch_floor() {
  local name="$1" warm="$2"
  local sim_cpu0
  sim_cpu0="$(cpu_of "$sim_pid")"
  log "fetch floor ($name): a bare HttpClient pages through the simulator ($warm warm-up pages untimed)"
  timed "$name" "$java" -Xmx256m -cp "$fetch_cp" io.hunterreferrals.simulator.FetchFloor "$sim" --warm-up "$warm" \
    --ids "$work/ids.txt"
  local line s pages
  line="$(grep '^RESULT' "$work/$name.out")"
  s="$(sed 's/.*fetch_floor_seconds=\([0-9.]*\).*/\1/' <<<"$line")"
  pages="$(sed 's/.* pages=\([0-9]*\).*/\1/' <<<"$line")"
  echo "   $line"
  record "$name" "$t_wall" "$(awk -v s="$s" 'BEGIN { printf "%.0f", s * 1000 }')" "$(wc -l <"$work/ids.txt")" \
    "$pages" - - - - - - - "$t_cpu" - "$(awk -v a="$sim_cpu0" -v b="$(cpu_of "$sim_pid")" 'BEGIN { printf "%.2f", b - a }')" -
}

# --- pass 1: no added latency ------------------------------------------------------------------------------------------
log "work folder $work; $referrals referrals, $changes changes, product heap -Xmx$heap"
start_simulator 0
fetch_floor fetch-floor 100
fresh_database a
sync_pass first "first full sync" --full
stats_before="$(sql "SELECT n_tup_upd || ' ' || n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'partner_center_referrals'")"
sync_pass resync "unchanged full re-sync" --full
stats_after="$(sql "SELECT n_tup_upd || ' ' || n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'partner_center_referrals'")"
content="$(sql "SELECT count(*) FILTER (WHERE r.changed_at >= s.started_at) || ' ' || count(*) FILTER (WHERE r.last_sync_run_id = s.run_id) FROM partner_center_referrals r, sync_runs s WHERE s.run_id = '$last_task'")"
read -r upd0 hot0 <<<"$stats_before"
read -r upd1 hot1 <<<"$stats_after"
read -r content_written bumped <<<"$content"
echo "   re-sync: $content_written referrals with new content (changed_at in the run), $bumped bumped (last_sync_run_id);"
echo "   row updates $((upd1 - upd0)), of which HOT $((hot1 - hot0)) (pg_stat_user_tables)"
record resync-check "$content_written" "$bumped" "$((upd1 - upd0))" "$((hot1 - hot0))"

log "changing $changes referrals in the simulator (closed as won), spread over the id range"
total_ids="$(wc -l <"$work/ids.txt")"
sim="$sim" awk -v n="$total_ids" -v c="$changes" '{ id[NR] = $0 }
  END { for (k = 0; k < c; k++) printf "url = \"%s/_simulator/referrals/%s/status?status=Closed&substatus=Won\"\noutput = \"/dev/null\"\n",
        ENVIRON["sim"], id[1 + int(k * n / c)] }' "$work/ids.txt" >"$work/changes.curl"
codes="$(curl -sS -X POST -K "$work/changes.curl" -w '%{http_code}\n' | sort | uniq -c | tr -s ' ')"
[ "$codes" = " $changes 204" ] || fail "changing referrals answered: $codes"
curl -fsS -X DELETE "$sim/_simulator/journal"
sync_pass incremental "incremental sync after $changes changes"
read -r list_requests all_requests <<<"$(journal_counts)"
echo "   requests to the simulator: $list_requests list requests, $all_requests in all"
record incremental-requests "$list_requests" "$all_requests"

log "store floor: CopyFloor on the database the syncs filled"
if [ -n "$external" ]; then
  timed store-floor "$java" -Xmx1g -cp "$store_cp" io.hunterreferrals.postgres.bench.CopyFloor "$external"
else
  timed store-floor "$java" -Xmx1g -cp "$store_cp" io.hunterreferrals.postgres.bench.CopyFloor "$pg"
fi
sed -n '1,10p' "$work/store-floor.out" | sed 's/^/   /'
store_s="$(sed -n 's/^RESULT copy_floor_seconds=\([0-9.]*\).*/\1/p' "$work/store-floor.out")"
record store-floor "$t_wall" "$(awk -v s="$store_s" 'BEGIN { printf "%.0f", s * 1000 }')" \
  "$(sed -n 's/^RESULT .* rows=\([0-9]*\).*/\1/p' "$work/store-floor.out")" - - - - - - - - "$t_cpu" "$t_pg" - -
stop_simulator
rm -rf "$work/pg-a"

# --- pass 2: fetching is the slower side ---------------------------------------------------------------------------
if [ "$latency" != 0 ]; then
  start_simulator "$latency"
  fetch_floor fetch-floor-latency 10
  fresh_database b
  sync_pass first-latency "first full sync, $latency ms per page" --full
  stop_simulator
fi

# --- summary -------------------------------------------------------------------------------------------------------
get() { awk -F'\t' -v n="$1" -v c="$2" '$1 == n { print $c }' "$results"; }
sed -i 's/ /\t/g' "$results"
ms_of() { get "$1" 3; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f", a / b }'; }
per_s() { awk -v n="$1" -v ms="$2" 'BEGIN { if (ms == "" || ms == 0) print "n/a"; else printf "%.0f", n * 1000 / ms }'; }
wall_ms() { awk -v w="$(get "$1" 2)" 'BEGIN { printf "%.0f", w * 1000 }'; }
echo
echo "== summary ($referrals referrals, pages of 100, product -Xmx$heap; wall = the hunter process, sync = its run)"
printf '%-34s %9s %9s %9s %9s %8s %8s %8s %8s %8s\n' pass "wall s" "sync s" "ref/s" "(wall)" "heap MB" "GC ms" "JVM cpu" "PG cpu" "sim cpu"
for p in first resync incremental first-latency; do
  [ -n "$(get "$p" 1)" ] || continue
  printf '%-34s %9s %9.2f %9s %9s %8s %8s %8s %8s %8s\n' "$p" "$(get "$p" 2)" "$(awk -v m="$(ms_of "$p")" 'BEGIN { print m / 1000 }')" \
    "$(per_s "$(get "$p" 4)" "$(ms_of "$p")")" "$(per_s "$(get "$p" 4)" "$(wall_ms "$p")")" \
    "$(get "$p" 9)" "$(get "$p" 11)" "$(get "$p" 13)" "$(get "$p" 14)" "$(get "$p" 15)"
done
for p in fetch-floor fetch-floor-latency store-floor; do
  [ -n "$(get "$p" 1)" ] || continue
  printf '%-34s %9s %9.2f %9s %9s %8s %8s %8s %8s %8s\n' "$p (timed part)" "$(get "$p" 2)" \
    "$(awk -v m="$(ms_of "$p")" 'BEGIN { print m / 1000 }')" "$(per_s "$(get "$p" 4)" "$(ms_of "$p")")" - - - \
    "$(get "$p" 13)" "$(get "$p" 14)" "$(get "$p" 15)"
done
first_ms="$(ms_of first)"
echo
echo "goals:"
printf '  first full sync: %s referrals/s (sync), %s (wall), peak heap %s MB of -Xmx%s      goal >= 5000/s\n' \
  "$(per_s "$(get first 4)" "$first_ms")" "$(per_s "$(get first 4)" "$(wall_ms first)")" "$(get first 9)" "$heap"
printf '  first full sync / fetch floor: %s (sync), %s (wall); / store floor: %s (sync), %s (wall)\n' \
  "$(ratio "$first_ms" "$(ms_of fetch-floor)")" "$(ratio "$(wall_ms first)" "$(ms_of fetch-floor)")" \
  "$(ratio "$first_ms" "$(ms_of store-floor)")" "$(ratio "$(wall_ms first)" "$(ms_of store-floor)")"
if [ -n "$(get first-latency 1)" ]; then
  printf '  %s ms per page: first full sync / fetch floor: %s (sync), %s (wall)          goal <= 1.15\n' "$latency" \
    "$(ratio "$(ms_of first-latency)" "$(ms_of fetch-floor-latency)")" \
    "$(ratio "$(wall_ms first-latency)" "$(ms_of fetch-floor-latency)")"
fi
printf '  unchanged re-sync: %s x faster than the first (sync), %s x (wall); content written %s, bumped %s, HOT %s of %s  goal >= 3x, no content\n' \
  "$(ratio "$first_ms" "$(ms_of resync)")" "$(ratio "$(wall_ms first)" "$(wall_ms resync)")" \
  "$(get resync-check 2)" "$(get resync-check 3)" "$(get resync-check 5)" "$(get resync-check 4)"
printf '  incremental after %s changes: %s list requests (%s requests in all), %s updated   goal <= 11 list requests\n' \
  "$changes" "$(get incremental-requests 2)" "$(get incremental-requests 3)" "$(get incremental 7)"
