/**
 * Derivation paths of the wallet spec: the JSON object {@code {chain, domain, meta}}, its RFC 8785
 * canonical string (what the signer contract hashes) and the short key names the spec writes, such
 * as {@code david.near,bitcoin,near.org,}. SLIP-44 coin-type names come from {@code slip44.tsv}.
 */
package io.chainsig.wallet.path;
