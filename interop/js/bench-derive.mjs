// Side-by-side benchmark: the same derivations as chainsig's JMH DerivationBenchmark, through
// chainsig.js (npm) on one Node.js thread. Prints one JSON object with operations per second.
import { utils } from 'chainsig.js';

const { deriveChildPublicKey, deriveChildPublicKeyEd25519, najToUncompressedPubKeySEC1 } = utils.cryptography;
const SECP_ROOT = najToUncompressedPubKeySEC1(
  'secp256k1:3tFRbMqmoa6AAALMrEFAYCEoHcqKxeW38YptwowBVBtXK1vo36HDbUWuR6EZmoK4JcH6HDkNMGGqP1ouV7VZUWya');
const ED_ROOT = 'ed25519:G9hwngxWNKdmqMCmU1Yt6LPhFpayJeKFxyAV1HqMNLtF';
const paths = Array.from({ length: 1024 }, (_, i) => `ethereum-${i}`);
const seconds = Number(process.argv[2] || 5);

function measure(fn) {
  // Warm-up, then count calls for `seconds`.
  let i = 0;
  const warmEnd = performance.now() + 2000;
  while (performance.now() < warmEnd) fn(paths[i++ & 1023]);
  let n = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let k = 0; k < 16; k++) fn(paths[n++ & 1023]);
  }
  return n / ((performance.now() - start) / 1000);
}

const result = {
  node: process.version,
  'chainsig.js': '1.1.16',
  secp256k1ChildKey_ops_per_s: measure((p) => deriveChildPublicKey(SECP_ROOT, 'alice.near', p)),
  ed25519ChildKey_ops_per_s: measure((p) => deriveChildPublicKeyEd25519(ED_ROOT, 'alice.near', p)),
};
console.log(JSON.stringify(result));
