#!/usr/bin/env bash
# Installs the npm packages the test suites use (near-api-js for the sandbox acceptance test),
# exactly as pinned in the package-lock.json files. Needs node (>= 20.18.3) and npm on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
  echo "error: npm is not on the PATH (install nodejs and npm)" >&2
  exit 1
fi
# near-api-js 7.2 needs Node >= 20.18.3 (7.3 and later need 22).
if ! node -e 'const [a,b,c]=process.versions.node.split(".").map(Number); process.exit(a>20||(a==20&&(b>18||(b==18&&c>=3)))?0:1)'; then
  echo "error: node $(node --version) is too old; the sandbox acceptance test needs >= 20.18.3" >&2
  exit 1
fi
npm ci --prefix sandbox/src/test/js --no-audit --no-fund
