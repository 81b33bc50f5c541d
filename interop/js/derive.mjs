// Derives child keys and addresses with chainsig.js (an independent implementation), one JSON
// request per input line, one JSON answer per output line. Used by chainsig's cross-check test.
//   in:  {"root_secp256k1": "secp256k1:...", "root_ed25519": "ed25519:...", "predecessor": "...", "path": "..."}
//   out: {"secp256k1": "04...", "evm": "0x...", "p2wpkh": "bc1q...", "ed25519": "ed25519:..."}
import { utils } from 'chainsig.js';
import { getAddress, keccak256 } from 'viem';
import * as bitcoin from 'bitcoinjs-lib';
import readline from 'node:readline';

const { deriveChildPublicKey, deriveChildPublicKeyEd25519, najToUncompressedPubKeySEC1, compressPubKey } =
  utils.cryptography;

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  const req = JSON.parse(line);
  const out = {};
  try {
    if (req.root_secp256k1) {
      const child = deriveChildPublicKey(najToUncompressedPubKeySEC1(req.root_secp256k1), req.predecessor, req.path);
      out.secp256k1 = child;
      out.evm = getAddress('0x' + keccak256(Buffer.from(child.slice(2), 'hex')).slice(-40));
      out.p2wpkh = bitcoin.payments.p2wpkh({
        pubkey: Buffer.from(compressPubKey(child), 'hex'),
        network: bitcoin.networks.bitcoin,
      }).address;
    }
    if (req.root_ed25519) {
      out.ed25519 = deriveChildPublicKeyEd25519(req.root_ed25519, req.predecessor, req.path);
    }
  } catch (e) {
    out.error = String(e && e.message ? e.message : e);
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}
