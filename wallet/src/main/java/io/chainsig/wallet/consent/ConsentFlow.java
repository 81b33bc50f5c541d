package io.chainsig.wallet.consent;

/** Which rule of the policy decided a request: the spec's five flows, or a refusal. */
public enum ConsentFlow {
  /** Flow 1: the origin's own typed key; signed without a prompt. */
  OWN_DOMAIN_KEY,
  /** Flow 2: a personal key (no domain); Accept/Reject with the parsed transaction. */
  PERSONAL_KEY,
  /** Flow 3: a personal EVM key; as flow 2, naming the network from the chain id. */
  PERSONAL_EVM_KEY,
  /** Flow 4: the origin's own untyped key (no chain); signed without a prompt. */
  OWN_DOMAIN_UNTYPED_KEY,
  /** Flow 5: another domain's key; suspicious-request warning, Reject first. */
  OTHER_DOMAIN_KEY,
  /** Refused before any prompt (chain mismatch, insecure origin, unsignable payload). */
  REFUSED
}
