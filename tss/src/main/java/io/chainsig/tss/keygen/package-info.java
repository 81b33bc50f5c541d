/**
 * Distributed key generation, refresh and reshare: PedPop (Pedersen DKG with proofs of
 * possession) with an echo broadcast of the commitment hashes, over any {@link
 * io.chainsig.crypto.group.PrimeOrderGroup}. Specified in {@code docs/protocols/keygen.md} and
 * {@code docs/protocols/reshare.md}.
 */
package io.chainsig.tss.keygen;
