#!/usr/bin/env bash
# Writes the containers.conf this machine kind needs (shared/reference/containers.md) into DIR and prints the export
# line for it:   eval "$(scripts/podman-conf.sh /tmp/hunter-podman)"
# Why: podman's default ulimits ask for nofile 1048576, above the host's hard limit (no CAP_SYS_RESOURCE), and podman
# lowers its own nproc hard limit to 32768, so containers must ask for no more; crun fails on the hybrid cgroup v1/v2
# layout, runc works. CONTAINERS_CONF makes podman read only this file, so nothing under /etc is changed.
set -euo pipefail
dir="${1:?usage: scripts/podman-conf.sh DIR}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
cat >"$dir/containers.conf" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
CONF
printf 'export CONTAINERS_CONF=%q\n' "$dir/containers.conf"
