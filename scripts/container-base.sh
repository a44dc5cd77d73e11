#!/usr/bin/env bash
# Makes the two local base images a machine without a container registry needs (shared/reference/containers.md):
#   localhost/hunter-base:bookworm   Debian 12 minbase from debootstrap: the product image's BASE (it needs apt, for
#                                    postgresql-client-15, so FROM scratch + host glibc is not enough)
#   localhost/hunter-postgres:15     PostgreSQL 15 from Debian on that base, a stand-in for docker.io/library/postgres:15
#                                    (same POSTGRES_* variables, PGDATA and port), for compose.yaml
# A real server or pipeline does not need this script: it passes an upstream image (BASE=docker.io/library/debian:
# bookworm-slim, HUNTER_POSTGRES_IMAGE=docker.io/library/postgres:15).
#
# usage: scripts/container-base.sh [--force] [base|postgres]...   (default: both; existing images are kept)
# env:   ENGINE (podman), HUNTER_BASE_IMAGE, HUNTER_POSTGRES_IMAGE, DEBIAN_MIRROR (default: the host's apt mirror),
#        DEBIAN_SUITE (bookworm). Needs root and debootstrap for the base. On this machine kind set CONTAINERS_CONF
#        first (scripts/podman-conf.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
engine="${ENGINE:-podman}"
base_image="${HUNTER_BASE_IMAGE:-localhost/hunter-base:bookworm}"
postgres_image="${HUNTER_POSTGRES_IMAGE:-localhost/hunter-postgres:15}"
suite="${DEBIAN_SUITE:-bookworm}"

force=no
targets=()
scratch=()
# the rootfs holds device nodes and root-owned files: removed on every exit, also on failure
trap 'rm -rf "${scratch[@]}"' EXIT
for arg in "$@"; do
  case "$arg" in
    --force) force=yes ;;
    base|postgres) targets+=("$arg") ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "container-base.sh: unknown argument: $arg (see --help)" >&2; exit 2 ;;
  esac
done
[ "${#targets[@]}" -gt 0 ] || targets=(base postgres)

have_image() { "$engine" image exists "$1" 2>/dev/null || "$engine" image inspect "$1" >/dev/null 2>&1; }

host_mirror() {
  # deb822 sources (Debian 12) first, then the one-line format
  awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null ||
    awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null
}

make_base() {
  if [ "$force" = no ] && have_image "$base_image"; then
    echo "base: $base_image exists (--force rebuilds it)"; return 0
  fi
  command -v debootstrap >/dev/null || { echo "base: debootstrap is missing: apt-get install debootstrap" >&2; exit 1; }
  local mirror work
  mirror="${DEBIAN_MIRROR:-$(host_mirror)}"
  mirror="${mirror:-http://deb.debian.org/debian}"
  work="$(mktemp -d "${TMPDIR:-/tmp}/hunter-base.XXXXXX")"
  scratch+=("$work")
  echo "base: debootstrap --variant=minbase $suite from $mirror"
  debootstrap --variant=minbase "$suite" "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -30 "$work/debootstrap.log" >&2; exit 1; }
  # debootstrap writes only the release suite; updates and security fixes matter for an image that runs in production
  cat >"$work/rootfs/etc/apt/sources.list" <<SOURCES
deb $mirror $suite main
deb $mirror $suite-updates main
deb ${mirror%/debian}/debian-security $suite-security main
SOURCES
  # apt in containers: no recommends, no docs, no caches left behind (what upstream slim images do)
  cat >"$work/rootfs/etc/apt/apt.conf.d/90container" <<'APT'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
APT
  rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/* "$work"/rootfs/usr/share/doc/* \
    "$work"/rootfs/usr/share/man/*
  tar --numeric-owner -C "$work/rootfs" -cf "$work/rootfs.tar" .
  "$engine" import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["/bin/bash"]' "$work/rootfs.tar" "$base_image" >/dev/null
  echo "base: $base_image built"
}

make_postgres() {
  if [ "$force" = no ] && have_image "$postgres_image"; then
    echo "postgres: $postgres_image exists (--force rebuilds it)"; return 0
  fi
  have_image "$base_image" || { echo "postgres: needs $base_image first (scripts/container-base.sh base)" >&2; exit 1; }
  local format=()
  # podman writes OCI images by default, which drop HEALTHCHECK; docker format keeps it
  [ "$engine" = podman ] && format=(--format docker)
  "$engine" build "${format[@]}" --build-arg "BASE=$base_image" -t "$postgres_image" \
    -f "$root/deploy/container/postgres.Containerfile" "$root/deploy/container"
  echo "postgres: $postgres_image built"
}

for target in "${targets[@]}"; do
  case "$target" in
    base) make_base ;;
    postgres) make_postgres ;;
  esac
done
