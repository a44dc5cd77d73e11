#!/usr/bin/env bash
# podman, minus one podman-compose 1.0.3 bug: for a service with `network_mode: host` it still adds
# `--net <project>_default --network-alias <service>`, which podman refuses ("cannot set multiple networks without
# bridge network mode", containers/podman-compose#397, #961, #1186). Given to podman-compose as --podman-path by the
# CI smoke (compose.smoke.yaml puts every service on the host network); with no `--network host` in the arguments it
# changes nothing. Not needed with docker compose or a fixed podman-compose.
set -euo pipefail
args=("$@")
host=no
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[i]}" = --network ] && [ "${args[i + 1]:-}" = host ]; then host=yes; fi
done
if [ "$host" = no ]; then exec podman "$@"; fi
kept=()
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --net|--network-alias) i=$((i + 1)) ;;   # drop the option and its value
    *) kept+=("${args[i]}") ;;
  esac
done
exec podman "${kept[@]}"
