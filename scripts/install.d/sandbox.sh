# near-api-js (the real NEAR JavaScript client) for the sandbox acceptance test.
npm_ci "$ROOT/sandbox/src/test/js"
