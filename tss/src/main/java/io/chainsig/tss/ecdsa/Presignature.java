package io.chainsig.tss.ecdsa;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One signer's part of a DJNPO20 presignature (presign.md step 7): the nonce point R, and secret
 * shares c_i (of 1/k), alpha_i = c_i + d_i, beta_i = c_i * x_i and the zero-share e_i. Usable for
 * exactly one {@link Sign} run: the first use marks it spent, a second use throws {@link
 * PresignatureReusedException}. It embeds x_i, so it dies with the key share (refresh, reshare).
 *
 * <p>The node must record the use durably before any signature share leaves it; this object only
 * guards against reuse within one process. {@link #toString()} redacts the secrets.
 */
public final class Presignature {
  private final PresignatureId id;
  private final ParticipantId owner;
  private final ParticipantSet signers;
  private final Secp256k1Point publicKey;
  private final Secp256k1Point bigR;
  private final Secp256k1Scalar c;
  private final Secp256k1Scalar alpha;
  private final Secp256k1Scalar beta;
  private final Secp256k1Scalar e;
  private final AtomicBoolean used = new AtomicBoolean();

  Presignature(
      PresignatureId id,
      ParticipantId owner,
      ParticipantSet signers,
      Secp256k1Point publicKey,
      Secp256k1Point bigR,
      Secp256k1Scalar c,
      Secp256k1Scalar alpha,
      Secp256k1Scalar beta,
      Secp256k1Scalar e) {
    this.id = id;
    this.owner = owner;
    this.signers = signers;
    this.publicKey = publicKey;
    this.bigR = bigR;
    this.c = c;
    this.alpha = alpha;
    this.beta = beta;
    this.e = e;
  }

  /** The id all signers share. */
  public PresignatureId id() {
    return id;
  }

  /** The signer holding this part. */
  public ParticipantId owner() {
    return owner;
  }

  /** The exact signer set that made it and must use it. */
  public ParticipantSet signers() {
    return signers;
  }

  /** The root public key X it was made for. */
  public Secp256k1Point publicKey() {
    return publicKey;
  }

  /** The nonce point R = k*G (public). */
  public Secp256k1Point bigR() {
    return bigR;
  }

  /** True once it has been handed to a sign run. */
  public boolean isUsed() {
    return used.get();
  }

  /**
   * Marks it spent and returns the secrets, once.
   *
   * @throws PresignatureReusedException on the second call
   */
  Secrets consume() {
    if (!used.compareAndSet(false, true)) {
      throw new PresignatureReusedException(id);
    }
    return new Secrets(c, alpha, beta, e);
  }

  /** The secrets without spending them, only for {@link PresignatureEncoding} to store them. */
  Secrets peekSecretsForStorage() {
    return new Secrets(c, alpha, beta, e);
  }

  /** The secret shares, released once by {@link #consume()}. */
  record Secrets(Secp256k1Scalar c, Secp256k1Scalar alpha, Secp256k1Scalar beta, Secp256k1Scalar e) {
    @Override
    public String toString() {
      return "Presignature.Secrets<redacted>";
    }
  }

  @Override
  public String toString() {
    return "Presignature[id=" + id.toHex() + ", owner=" + owner + ", signers=" + signers
        + ", R=" + bigR + ", secrets=<redacted>, used=" + used.get() + "]";
  }
}
