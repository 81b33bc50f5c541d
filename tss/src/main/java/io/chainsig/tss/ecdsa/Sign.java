package io.chainsig.tss.ecdsa;

import io.chainsig.crypto.group.Secp256k1Group;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.Protocol;
import io.chainsig.tss.ProtocolSetupException;
import io.chainsig.tss.SessionId;
import java.util.Objects;
import java.util.Optional;

/**
 * The one-round sign of {@code docs/protocols/sign.md}: every signer sends its share s_i to the
 * leader, who combines, normalises to low s, verifies against {@code X + eps*G} and returns the
 * signature. Other signers return {@link Optional#empty()} once their share is sent.
 */
public final class Sign {
  private Sign() {}

  /**
   * Starts signing with {@code presignature}, which is spent by this call whatever happens next.
   *
   * @param session the run's session id, the same at every signer
   * @param presignature this signer's presignature part; must not have been used
   * @param signers the signer set; must equal the set that made the presignature
   * @param leader the signer that combines the shares
   * @param request the message hash, tweak and re-randomization entropy
   * @throws ProtocolSetupException if the signer set or leader does not fit the presignature
   * @throws PresignatureReusedException if the presignature was used before
   */
  public static Protocol<Optional<EcdsaSignature>> start(
      SessionId session,
      Presignature presignature,
      ParticipantSet signers,
      ParticipantId leader,
      SignRequest request) {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(presignature, "presignature");
    Objects.requireNonNull(signers, "signers");
    Objects.requireNonNull(leader, "leader");
    Objects.requireNonNull(request, "request");
    if (!signers.equals(presignature.signers())) {
      throw new ProtocolSetupException(
          "signer set " + signers + " differs from the presignature's " + presignature.signers());
    }
    if (!signers.contains(leader)) {
      throw new ProtocolSetupException("leader " + leader + " is not a signer");
    }
    Presignature.Secrets secrets = presignature.consume();
    return new SignRound(Secp256k1Group.INSTANCE, session, presignature, secrets, leader, request);
  }
}
