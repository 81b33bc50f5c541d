/** Text and binary encodings used by chains: hex, base58 (with and without check) and bech32/bech32m. */
package io.chainsig.crypto.encoding;
