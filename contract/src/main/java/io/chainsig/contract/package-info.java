/**
 * The signer contract as a pure state machine (see {@code docs/contract.md}): sign requests that
 * stay pending until a participant responds or they time out, verification of the responses
 * against the derived key, views, and governance (participants, threshold, domains, votes).
 *
 * <p>Nothing here does I/O, reads a clock or starts a thread: the host (the sandbox chain, or a
 * test) passes block height and block random value in a {@link io.chainsig.contract.CallContext}
 * and persists the state through {@link io.chainsig.contract.ContractStateCodec}.
 */
package io.chainsig.contract;
