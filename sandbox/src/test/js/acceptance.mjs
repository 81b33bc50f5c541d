// Acceptance test of the chainsig sandbox, driven by the real near-api-js client.
//
// Run by SandboxAcceptanceTest (Java), one phase per process so the test can restart the sandbox
// between phases:  node acceptance.mjs <phase> <state.json>
//
// Environment: RPC_URL, ROOT_SECRET_KEY (test.near, from validator_key.json), NODE_SECRET_KEY (the
// MPC node account's key, also held by the Java responder), MPC_ROOT_PUBLIC_KEY (secp256k1 root key).
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { Account, JsonRpcProvider, KeyPair, KeyPairSigner, actions, createTransaction } from 'near-api-js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { base58 } from '@scure/base';
import { createHash } from 'node:crypto';

const [phase, stateFile] = process.argv.slice(2);
const url = process.env.RPC_URL;
const provider = new JsonRpcProvider({ url }, { retries: 3, wait: 200, backoff: 1.5 });
const state = fs.existsSync(stateFile) ? JSON.parse(fs.readFileSync(stateFile, 'utf8')) : {};
const save = () => fs.writeFileSync(stateFile, JSON.stringify(state, null, 2));

const SIGNER = 'signer.test.near';
const NODE = 'node1.test.near';
const ALICE = 'alice.test.near';
const NEAR = 10n ** 24n;
const MARKER = new TextEncoder().encode('chainsig:signer-contract:v1');

const account = (id, secret) => new Account(id, provider, KeyPairSigner.fromSecretKey(secret));
const log = (...a) => console.log(`[${phase}]`, ...a);

async function expectError(promise, className) {
  try {
    await promise;
  } catch (e) {
    assert.equal(e.constructor.name, className, `expected ${className}, got ${e.constructor.name}: ${e.message}`);
    return e;
  }
  assert.fail(`expected ${className}, but the call succeeded`);
}

function hex(bytes) {
  return Buffer.from(bytes).toString('hex');
}

/** Checks a signer-contract response against the derived key the contract's view reports. */
async function verifySignature(response, path, payloadHex) {
  assert.equal(response.scheme, 'Secp256k1');
  const derived = await provider.callFunction({
    contractId: SIGNER, method: 'derived_public_key', args: { path, predecessor: ALICE, domain_id: 0 },
  });
  assert.match(derived, /^secp256k1:/);
  const pub = new Uint8Array([4, ...base58.decode(derived.slice('secp256k1:'.length))]);
  const bigR = Buffer.from(response.big_r.affine_point, 'hex');
  assert.equal(bigR.length, 33);
  const compact = new Uint8Array([...bigR.subarray(1), ...Buffer.from(response.s.scalar, 'hex')]);
  const msg = Buffer.from(payloadHex, 'hex');
  assert.ok(secp256k1.verify(compact, msg, pub, { prehash: false, lowS: true }), 'signature verifies');
  const recovered = secp256k1.Signature.fromBytes(compact, 'compact')
    .addRecoveryBit(response.recovery_id).recoverPublicKey(msg).toBytes(false);
  assert.equal(hex(recovered), hex(pub), 'recovery id recovers the derived key');
  log('verified signature under', derived);
}

async function setup() {
  const root = account('test.near', process.env.ROOT_SECRET_KEY);
  const signerKey = KeyPair.fromRandom('ed25519');
  const aliceKey = KeyPair.fromRandom('ed25519');
  const fcKey = KeyPair.fromRandom('ed25519');
  const nodeKey = KeyPair.fromString(process.env.NODE_SECRET_KEY);

  await root.createAccount({ newAccountId: SIGNER, publicKey: signerKey.getPublicKey(), nearToTransfer: 10n * NEAR });
  await root.createAccount({ newAccountId: NODE, publicKey: nodeKey.getPublicKey(), nearToTransfer: 10n * NEAR });
  await root.createAccount({ newAccountId: ALICE, publicKey: aliceKey.getPublicKey(), nearToTransfer: 10n * NEAR });
  const signer = account(SIGNER, signerKey.toString());
  await signer.deployContract(MARKER);
  const code = await provider.viewAccount({ accountId: SIGNER });
  assert.notEqual(code.code_hash, '11111111111111111111111111111111');

  await signer.callFunction({
    contractId: SIGNER, methodName: 'init',
    args: {
      parameters: {
        participants: [[NODE, 0, { url: 'https://node1.invalid:9000', tls_public_key: nodeKey.getPublicKey().toString() }]],
        threshold: 1,
      },
      domains: [{ id: 0, scheme: 'Secp256k1' }],
    },
  });
  const node = account(NODE, process.env.NODE_SECRET_KEY);
  const phaseAfterVote = await node.callFunction({
    contractId: SIGNER, methodName: 'vote_pk', args: { domain_id: 0, public_key: process.env.MPC_ROOT_PUBLIC_KEY },
  });
  assert.equal(phaseAfterVote, 'Running');

  const alice = account(ALICE, aliceKey.toString());
  await alice.addFunctionCallAccessKey({
    publicKey: fcKey.getPublicKey(), contractId: SIGNER, methodNames: ['sign'], allowance: NEAR / 4n,
  });
  const keys = await provider.viewAccessKeyList({ accountId: ALICE });
  assert.equal(keys.keys.length, 2);
  const fc = keys.keys.find((k) => k.public_key === fcKey.getPublicKey().toString());
  assert.deepEqual(fc.access_key.permission.FunctionCall.method_names, ['sign']);
  assert.equal(fc.access_key.permission.FunctionCall.receiver_id, SIGNER);

  // Views.
  assert.equal(await provider.callFunction({ contractId: SIGNER, method: 'public_key', args: {} }),
    process.env.MPC_ROOT_PUBLIC_KEY);
  const contractState = await provider.callFunction({ contractId: SIGNER, method: 'state', args: {} });
  assert.equal(contractState.Running.parameters.threshold, 1);
  const config = await provider.callFunction({ contractId: SIGNER, method: 'config', args: {} });
  assert.equal(config.request_timeout_blocks, 200);
  assert.deepEqual(await provider.callFunction({ contractId: SIGNER, method: 'pending_requests', args: {} }), []);

  const aliceState = await alice.getState();
  assert.ok(aliceState.balance.available > 9n * NEAR && aliceState.balance.available < 10n * NEAR);

  Object.assign(state, { alice: aliceKey.toString(), fc: fcKey.toString(), signer: signerKey.toString() });
  save();
  log('accounts, contract and keys are set up');
}

async function signAndRefusals() {
  const restricted = account(ALICE, state.fc);
  const payload = hex(createHash('sha256').update('hello chain signatures').digest());
  const response = await restricted.callFunction({
    contractId: SIGNER, methodName: 'sign', deposit: 1n,
    args: { request: { path: 'ethereum-1', payload_v2: { Ecdsa: payload }, domain_id: 0 } },
  });
  log('sign returned', JSON.stringify(response));
  await verifySignature(response, 'ethereum-1', payload);

  // The legacy request format signs too (another payload so it is a new request).
  const legacyPayload = createHash('sha256').update('legacy').digest();
  const legacy = await restricted.callFunction({
    contractId: SIGNER, methodName: 'sign', deposit: 1n,
    args: { request: { path: 'ethereum-1', payload: [...legacyPayload], key_version: 0 } },
  });
  await verifySignature(legacy, 'ethereum-1', hex(legacyPayload));

  // The restricted key may do nothing else.
  await expectError(restricted.callFunction({ contractId: SIGNER, methodName: 'vote_pk', args: {} }),
    'AccessKeyMethodNameMismatchActionError');
  await expectError(restricted.callFunction({ contractId: NODE, methodName: 'sign', args: {}, deposit: 1n }),
    'AccessKeyReceiverMismatchActionError');
  await expectError(restricted.transfer({ receiverId: NODE, amount: 1n }), 'AccessKeyRequiresFullAccessActionError');

  // Replays: the identical transaction runs once; another one with a used nonce is refused.
  const alice = account(ALICE, state.alice);
  const signed = await alice.createSignedTransaction({ receiverId: NODE, actions: [actions.transfer(5n)] });
  const first = await provider.sendTransactionUntil(signed, 'FINAL');
  assert.deepEqual(first.status, { SuccessValue: '' });
  const balance = (await provider.viewAccount({ accountId: ALICE })).amount;
  const again = await provider.sendTransactionUntil(signed, 'FINAL');
  assert.equal(again.transaction.hash, first.transaction.hash);
  assert.equal((await provider.viewAccount({ accountId: ALICE })).amount, balance, 'a resent transaction does not run twice');
  const tx = signed.transaction;
  const sameNonce = createTransaction(ALICE, tx.publicKey, NODE, tx.nonce, [actions.transfer(7n)], tx.blockHash);
  const { signedTransaction } = await alice.getSigner().signTransaction(sameNonce);
  await expectError(provider.sendTransactionUntil(signedTransaction, 'FINAL'), 'InvalidNonceError');
  log('restricted key and replay refusals hold');
}

async function signBeforeRestart() {
  const restricted = account(ALICE, state.fc);
  const payload = hex(createHash('sha256').update('survives a restart').digest());
  const signed = await restricted.createSignedTransaction({
    receiverId: SIGNER,
    actions: [actions.functionCall('sign', { request: { path: 'bitcoin-1', payload_v2: { Ecdsa: payload }, domain_id: 0 } }, 30_000_000_000_000n, 1n)],
  });
  const sent = await provider.sendTransactionUntil(signed, 'INCLUDED_FINAL');
  assert.equal(sent.final_execution_status, 'INCLUDED_FINAL');
  const pending = await provider.callFunction({ contractId: SIGNER, method: 'pending_requests', args: {} });
  assert.equal(pending.length, 1);
  assert.equal(pending[0].predecessor, ALICE);
  const head = await provider.viewBlock({ finality: 'final' });
  Object.assign(state, {
    pendingTx: base58.encode(createHash('sha256').update(signed.transaction.encode()).digest()),
    pendingPayload: payload,
    blockBefore: { height: head.header.height, hash: head.header.hash },
  });
  save();
  log('sign request pending at height', head.header.height);
}

async function afterRestart() {
  const block = await provider.viewBlock({ blockId: state.blockBefore.height });
  assert.equal(block.header.hash, state.blockBefore.hash, 'blocks survive the restart');
  assert.ok(block.header.random_value.length > 0);
  const head = await provider.viewBlock({ finality: 'final' });
  assert.ok(head.header.height > state.blockBefore.height, 'the chain goes on');
  const keys = await provider.viewAccessKeyList({ accountId: ALICE });
  assert.equal(keys.keys.length, 2, 'keys survive the restart');
  const pending = await provider.callFunction({ contractId: SIGNER, method: 'pending_requests', args: {} });
  assert.equal(pending.length, 1, 'the pending request survives the restart');
  const early = await provider.viewTransactionStatus({ txHash: state.pendingTx, accountId: ALICE, waitUntil: 'INCLUDED_FINAL' });
  assert.equal(early.final_execution_status, 'INCLUDED_FINAL', 'the sign call is still waiting');
  log('accounts, keys, blocks and the pending request survived the restart');
}

async function pendingAnswered() {
  const outcome = await provider.viewTransactionStatus({ txHash: state.pendingTx, accountId: ALICE, waitUntil: 'FINAL' });
  const response = JSON.parse(Buffer.from(outcome.status.SuccessValue, 'base64').toString());
  await verifySignature(response, 'bitcoin-1', state.pendingPayload);
  const withReceipts = await provider.viewTransactionStatusWithReceipts({ txHash: state.pendingTx, accountId: ALICE, waitUntil: 'FINAL' });
  assert.equal(withReceipts.receipts.length, 1);
  log('the request made before the restart was answered after it');
}

async function rawCall(body) {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  return res.json();
}

async function errors() {
  const parse = await rawCall('{"jsonrpc": "2.0", "id": 1, "method": "status", ');
  assert.equal(parse.error.cause.name, 'PARSE_ERROR');
  const unknownMethod = await rawCall(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'no_such_method', params: {} }));
  assert.equal(unknownMethod.error.cause.name, 'METHOD_NOT_FOUND');
  const badBase64 = await rawCall(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'send_tx', params: { signed_tx_base64: '%%%not base64%%%' } }));
  assert.equal(badBase64.error.cause.name, 'PARSE_ERROR');
  const badBorsh = await rawCall(JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'broadcast_tx_async', params: [Buffer.from('not a transaction').toString('base64')] }));
  assert.equal(badBorsh.error.cause.name, 'PARSE_ERROR');

  const alice = account(ALICE, state.alice);
  const signed = await alice.createSignedTransaction({ receiverId: NODE, actions: [actions.transfer(1n)] });
  const bytes = signed.encode();
  bytes[bytes.length - 1] ^= 1;
  const badSig = await rawCall(JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'send_tx', params: { signed_tx_base64: Buffer.from(bytes).toString('base64'), wait_until: 'FINAL' } }));
  assert.equal(badSig.error.name, 'HANDLER_ERROR');
  assert.equal(badSig.error.cause.name, 'INVALID_TRANSACTION');
  assert.equal(badSig.error.data.TxExecutionError.InvalidTxError, 'InvalidSignature');

  await expectError(provider.viewAccount({ accountId: 'nobody.test.near' }), 'AccountDoesNotExistError');
  const ghost = new Account('ghost.test.near', provider, KeyPairSigner.fromSecretKey(state.alice));
  await expectError(ghost.transfer({ receiverId: ALICE, amount: 1n }), 'AccountDoesNotExistError');
  const stranger = new Account(ALICE, provider, KeyPairSigner.fromSecretKey(KeyPair.fromRandom('ed25519').toString()));
  await expectError(stranger.transfer({ receiverId: NODE, amount: 1n }), 'AccessKeyDoesNotExistError');
  await expectError(provider.callFunction({ contractId: SIGNER, method: 'no_such_view', args: {} }), 'ContractMethodNotFoundError');
  await expectError(provider.viewTransactionStatus({ txHash: '11111111111111111111111111111111', accountId: ALICE }), 'UnknownTransactionError');

  const status = await provider.viewNodeStatus();
  assert.equal(status.chain_id, 'sandbox');
  const chunk = await provider.viewChunk((await provider.viewBlock({ finality: 'final' })).chunks[0].chunk_hash);
  assert.ok(Array.isArray(chunk.transactions));
  const gas = await provider.viewGasPrice(null);
  assert.equal(gas.gas_price, '100000000');
  log('malformed requests get nearcore-shaped errors and the node keeps serving');
}

const phases = { setup, sign: signAndRefusals, 'sign-before-restart': signBeforeRestart, 'after-restart': afterRestart,
  'pending-answered': pendingAnswered, errors };
if (!phases[phase]) {
  console.error(`unknown phase ${phase}; phases: ${Object.keys(phases).join(', ')}`);
  process.exit(2);
}
phases[phase]().then(() => log('PASS'), (e) => {
  console.error(`[${phase}] FAIL`, e);
  process.exit(1);
});
