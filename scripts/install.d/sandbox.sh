# near-api-js 7.2 (the real NEAR JavaScript client) for the sandbox acceptance test.
# It needs Node.js >= 20.18.3 (near-api-js 7.3 and later need 22).
if ! node -e 'const [a,b,c]=process.versions.node.split(".").map(Number); process.exit(a>20||(a==20&&(b>18||(b==18&&c>=3)))?0:1)'; then
  echo "install-test-deps: node $(node --version) is too old; the sandbox acceptance test needs >= 20.18.3" >&2
  exit 1
fi
npm_ci "$ROOT/sandbox/src/test/js"
