/**
 * Bitcoin transactions (BIP-144 serialization), PSBTs (BIP-174 version 0), output scripts as
 * addresses, and the BIP-143 signature hash of segwit v0 key-hash inputs.
 */
package io.chainsig.wallet.tx.bitcoin;
