package io.chainsig.tss.keygen;

import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ProtocolSetupException;

/**
 * One participant's share {@code x_i} of a shared secret key, with the public side of the key.
 * {@link #toString()} redacts the share.
 *
 * @param <S> the scalar type
 * @param <E> the group element type
 * @param owner the participant holding the share
 * @param secretShare x_i = f(i), secret
 * @param publicShares the public key and verification shares
 */
public record KeyShare<S, E>(ParticipantId owner, S secretShare, PublicKeyShares<E> publicShares) {
  /** Requires that the owner is one of the participants. */
  public KeyShare {
    if (owner == null || secretShare == null || publicShares == null) {
      throw new ProtocolSetupException("missing key share field");
    }
    if (!publicShares.participants().contains(owner)) {
      throw new ProtocolSetupException(owner + " is not a participant of this key");
    }
  }

  /** The public key X. */
  public E publicKey() {
    return publicShares.publicKey();
  }

  @Override
  public String toString() {
    return "KeyShare[owner=" + owner + ", secretShare=<redacted>, publicKey=" + publicKey() + "]";
  }
}
