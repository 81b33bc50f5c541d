/**
 * The world state of the sandbox chain (accounts, balances, access keys, contract state) and the
 * rules that apply a transaction to it: validation with nearcore's {@code InvalidTxError}s, fees,
 * then the actions, atomically, with nearcore's {@code ActionError}s.
 */
package io.chainsig.sandbox.state;
