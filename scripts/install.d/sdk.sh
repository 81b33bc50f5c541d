# Test dependencies of the sdk module's acceptance tests (sourced by scripts/install-test-deps.sh):
# litecoind (a Bitcoin Core fork; its -regtest node stands in for Bitcoin) from Debian, and anvil
# (a local EVM node) from npm.
if [ ! -x /usr/bin/litecoind ]; then
  apt_install litecoind
fi
npm_ci "$ROOT/sdk/src/test/js"
