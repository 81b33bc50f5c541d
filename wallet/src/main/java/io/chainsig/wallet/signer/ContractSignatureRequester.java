package io.chainsig.wallet.signer;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.sdk.near.ChainSignaturesClient;
import io.chainsig.sdk.signer.EcdsaSignature;
import io.chainsig.sdk.signer.SignatureVerifier;
import java.util.Optional;

/**
 * Signs through the signer contract: the wallet's consent decisions end here, in a real {@code
 * sign} call to the network (via {@link ChainSignaturesClient}). Every answer is verified against
 * the key derived for the path before the wallet hands it to the dapp.
 */
public final class ContractSignatureRequester implements SignatureRequester, PublicKeyDirectory {
  private final ChainSignaturesClient client;

  /** Signs as the client's account. */
  public ContractSignatureRequester(ChainSignaturesClient client) {
    this.client = client;
  }

  @Override
  public Optional<Secp256k1PublicKey> publicKeyOf(String canonicalPath) {
    return Optional.of(client.derivedPublicKey(canonicalPath));
  }

  @Override
  public SignResult sign(String canonicalPath, byte[] payload32) {
    EcdsaSignature sig = client.sign(canonicalPath, payload32);
    SignatureVerifier.verify(payload32, sig, client.derivedPublicKey(canonicalPath));
    // The wallet's results carry the R whose y parity is the recovery id (same x, so same r).
    Secp256k1Point r = sig.bigR();
    boolean odd = sig.recoveryId() % 2 == 1;
    if (r.hasOddY() != odd) {
      r = r.negate();
    }
    return new SignResult(r.toCompressed(), sig.s().toBytes(), sig.recoveryId() % 2);
  }
}
