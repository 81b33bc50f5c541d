#!/usr/bin/env bash
# Installs what the test suite needs beyond Maven's own downloads: Maven itself and Node.js if the
# machine lacks them (Debian packages), and the npm packages of the interop tests.
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-test-deps: need $* (Debian packages); run as root or install them" >&2
    exit 1
  fi
  if [ -z "${CHAINSIG_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    export CHAINSIG_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v mvn >/dev/null 2>&1 || apt_install maven
command -v node >/dev/null 2>&1 || apt_install nodejs
command -v npm >/dev/null 2>&1 || apt_install npm

# npm packages, each from its committed package-lock.json; reinstalled only when the lock changed.
npm_ci() {
  local dir=$1
  local stamp="$dir/node_modules/.chainsig-lock"
  if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then
    return 0
  fi
  echo "install-test-deps: npm ci in ${dir#"$ROOT"/}" >&2
  (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
  cp "$dir/package-lock.json" "$stamp"
}

npm_ci "$ROOT/interop/js"

# Each module that needs more (an npm package, a Debian package) adds a script here; they are
# sourced in name order and can use apt_install and npm_ci.
for extra in "$ROOT"/scripts/install.d/*.sh; do
  [ -e "$extra" ] || continue
  # shellcheck source=/dev/null
  . "$extra"
done
