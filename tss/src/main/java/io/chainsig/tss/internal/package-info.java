/**
 * Machinery shared by the protocols and not part of the API: the round-based state machine base
 * class, the binary message codec, domain-separated hashing, polynomials and commitments. Callers
 * outside {@code io.chainsig.tss} should not depend on it.
 */
package io.chainsig.tss.internal;
