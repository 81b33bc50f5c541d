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

  /**
   * Version byte of {@link #toStorageBytes()}: 2 stores the points uncompressed (65 bytes), so that
   * restoring one for a sign run costs no square roots; version 1 (compressed, 33 bytes) is still
   * read.
   */
  public static final int STORAGE_VERSION = 2;

  /** The version with compressed points, still read. */
  private static final int STORAGE_VERSION_COMPRESSED = 1;

  /**
   * Encodes this presignature, secrets included, for the node's encrypted presignature store:
   * {@code version(1) = 2 | id(32) | owner(4) | signer count(4) | signer ids(4 each) | X(65) |
   * R(65) | c | alpha | beta | e (32 each)}, the points in uncompressed SEC1 form. A presignature restored with {@link #fromStorageBytes} starts
   * unused, so reuse across restarts must be prevented by the store (record the use durably
   * before signing, delete the entry). Refused once this object has been used.
   *
   * @throws PresignatureReusedException if it has been used
   */
  public byte[] toStorageBytes() {
    if (used.get()) {
      throw new PresignatureReusedException(id);
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(STORAGE_VERSION);
    out.writeBytes(id.bytes());
    out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(owner.value()).array());
    out.writeBytes(signers.encode());
    out.writeBytes(publicKey.toUncompressed());
    out.writeBytes(bigR.toUncompressed());
    out.writeBytes(c.toBytes());
    out.writeBytes(alpha.toBytes());
    out.writeBytes(beta.toBytes());
    out.writeBytes(e.toBytes());
    return out.toByteArray();
  }

  /**
   * Decodes {@link #toStorageBytes()}.
   *
   * @throws IllegalArgumentException if the bytes are not a valid encoding
   */
  public static Presignature fromStorageBytes(byte[] bytes) {
    try {
      java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
      int version = in.get();
      if (version != STORAGE_VERSION && version != STORAGE_VERSION_COMPRESSED) {
        throw new IllegalArgumentException("unknown presignature storage version");
      }
      int pointLength = version == STORAGE_VERSION ? 65 : 33;
      PresignatureId id = PresignatureId.of(take(in, 32));
      ParticipantId owner = ParticipantId.of(in.getInt());
      int count = in.getInt();
      if (count < 1 || count > ParticipantSet.MAX_PARTICIPANTS) {
        throw new IllegalArgumentException("bad signer count " + count);
      }
      java.util.List<ParticipantId> ids = new java.util.ArrayList<>();
      for (int i = 0; i < count; i++) {
        ids.add(ParticipantId.of(in.getInt()));
      }
      ParticipantSet signers = ParticipantSet.of(ids);
      if (!signers.contains(owner)) {
        throw new IllegalArgumentException("owner is not a signer");
      }
      Secp256k1Point publicKey = Secp256k1Point.fromSec1(take(in, pointLength));
      Secp256k1Point bigR = Secp256k1Point.fromSec1(take(in, pointLength));
      Secp256k1Scalar c = Secp256k1Scalar.fromBytes(take(in, 32));
      Secp256k1Scalar alpha = Secp256k1Scalar.fromBytes(take(in, 32));
      Secp256k1Scalar beta = Secp256k1Scalar.fromBytes(take(in, 32));
      Secp256k1Scalar e = Secp256k1Scalar.fromBytes(take(in, 32));
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes");
      }
      return new Presignature(id, owner, signers, publicKey, bigR, c, alpha, beta, e);
    } catch (java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated presignature", e);
    }
  }

  private static byte[] take(java.nio.ByteBuffer in, int n) {
    byte[] b = new byte[n];
    in.get(b);
    return b;
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
