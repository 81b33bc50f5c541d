/**
 * The consent policy of the wallet spec, deny by default. {@link
 * io.chainsig.wallet.consent.ConsentPolicy} maps (origin, key, payload) to one of the spec's five
 * flows or a refusal, each with the exact text the user sees; {@link
 * io.chainsig.wallet.consent.ConsentingSigner} wraps the signer port the way Teku's
 * SlashingProtectedSigner wraps a signer: the policy (and, when it says so, the user) first.
 */
package io.chainsig.wallet.consent;
