#!/usr/bin/env bash
# Issue 11's start-up goal: `hunter server` to a 200 from /healthz/ready, the embedded PostgreSQL's data folder
# already initialised (a restart, as in production after a deploy), against the time `hunter --version` takes (the
# floor: a JVM loading the same jar and the command line, no database, no HTTP). Five starts each, medians.
#   scripts/bench-server-start.sh [runs]      (builds the jar first if needed, via ./hunter)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
port=18431
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
export HUNTER_DATABASE_EMBEDDED_DIR="$work/pg" HUNTER_HTTP_PORT="$port" HUNTER_PARTNER_CENTER_ENABLED=false
"$root/hunter" --version >/dev/null                      # builds the jar if a source changed
"$root/hunter" db migrate >/dev/null                     # initialises and migrates the data folder once

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

floor=()
for _ in $(seq "$runs"); do
  t0=$(now_ms); "$root/hunter" --version >/dev/null; floor+=($(( $(now_ms) - t0 )))
done
start=()
for _ in $(seq "$runs"); do
  t0=$(now_ms)
  "$root/hunter" server >"$work/server.log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz/ready" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 0.02
  done
  start+=($(( $(now_ms) - t0 )))
  kill -TERM "$pid"; wait "$pid" || true
done
f=$(printf '%s\n' "${floor[@]}" | median)
s=$(printf '%s\n' "${start[@]}" | median)
echo "hunter --version (floor), ms: ${floor[*]}  median $f"
echo "hunter server to /healthz/ready, ms: ${start[*]}  median $s"
awk -v s="$s" -v f="$f" 'BEGIN { printf "ratio to the floor: %.2f; goal <= 3000 ms: %s\n", s / f, (s <= 3000 ? "met" : "missed") }'
