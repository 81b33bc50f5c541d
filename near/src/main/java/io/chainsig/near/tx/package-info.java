/**
 * NEAR transactions in their borsh wire format (nearcore {@code SignedTransaction}, transaction
 * version 0): the value types, decoding with bounds checks, encoding, and signature checks.
 */
package io.chainsig.near.tx;
