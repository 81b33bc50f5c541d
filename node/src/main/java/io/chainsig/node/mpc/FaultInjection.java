package io.chainsig.node.mpc;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A testing aid (docs/node.md, "Fault injection"): makes a node send wrong protocol messages so
 * that the honest nodes' abort handling and exclusion (step 9) can be watched. {@link #OFF} unless
 * {@code chainsig node --fault-injection MODE} asks for it. The protocols themselves stay as they
 * are: the wrong values are written into the messages on their way out ({@link #wrap}), and the
 * node's own view of the run keeps the right ones.
 *
 * <p>Only presign and sign messages are touched; key generation and reshare run as usual, so a
 * devnet with a faulty node still comes up.
 */
public enum FaultInjection {
  /** No fault: every message leaves as the protocol wrote it. */
  OFF("off") {
    @Override
    Optional<byte[]> corrupt(byte[] message) {
      return Optional.empty();
    }
  },

  /**
   * Presign round 2 carries {@code R_i + G} instead of {@code R_i} (docs/protocols/presign.md step
   * 2): a valid point, so the message parses, but the {@code R_j} no longer lie on one degree-t
   * curve and every honest signer aborts at step 3.
   */
  PRESIGN("presign") {
    @Override
    Optional<byte[]> corrupt(byte[] message) {
      if (!isMessage(message, PRESIGN_TAG, 2, 33 + 32)) {
        return Optional.empty();
      }
      byte[] wrong = message.clone();
      byte[] bigR = Arrays.copyOfRange(message, HEADER_LENGTH, HEADER_LENGTH + 33);
      byte[] shifted = Secp256k1Point.fromSec1(bigR).add(Secp256k1Point.GENERATOR).toCompressed();
      System.arraycopy(shifted, 0, wrong, HEADER_LENGTH, 33);
      return Optional.of(wrong);
    }
  },

  /**
   * The signature share sent to the leader is {@code s_i + 1} (docs/protocols/sign.md step 4): the
   * context is right, so the leader combines the shares, and its final check (step 7) fails.
   */
  SIGN("sign") {
    @Override
    Optional<byte[]> corrupt(byte[] message) {
      if (!isMessage(message, SIGN_TAG, 1, 32 + 32)) {
        return Optional.empty();
      }
      byte[] wrong = message.clone();
      int at = HEADER_LENGTH + 32;
      byte[] share = Arrays.copyOfRange(message, at, at + 32);
      byte[] shifted = Secp256k1Scalar.fromBytes(share).add(Secp256k1Scalar.ONE).toBytes();
      System.arraycopy(shifted, 0, wrong, at, 32);
      return Optional.of(wrong);
    }
  };

  // Every protocol message starts with a 35-byte header: version, protocol tag, round, session id
  // (docs/protocols/README.md, "Messages"; the tags and rounds are in presign.md and sign.md).
  private static final int HEADER_LENGTH = 35;
  private static final int PRESIGN_TAG = 2;
  private static final int SIGN_TAG = 3;

  private final String mode;

  FaultInjection(String mode) {
    this.mode = mode;
  }

  /**
   * The mode named {@code name} ({@code off}, {@code presign} or {@code sign}, any case).
   *
   * @throws IllegalArgumentException for any other name, listing the modes
   */
  public static FaultInjection parse(String name) {
    for (FaultInjection f : values()) {
      if (f.mode.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown fault-injection mode '" + name + "'; one of "
        + Stream.of(values()).map(FaultInjection::mode).collect(Collectors.joining(", ")));
  }

  /** The mode's name as the command line takes it. */
  public String mode() {
    return mode;
  }

  /** True for every mode but {@link #OFF}. */
  public boolean isOn() {
    return this != OFF;
  }

  /** {@code out} itself when off, else an outbox that corrupts this mode's messages on their way. */
  public MeshOutbox wrap(MeshOutbox out) {
    return isOn() ? new FaultInjectingOutbox(this, out) : out;
  }

  /**
   * The wrong version of one protocol message (header and payload), if this mode corrupts messages
   * of its protocol and round.
   */
  abstract Optional<byte[]> corrupt(byte[] message);

  private static boolean isMessage(byte[] message, int tag, int round, int payloadLength) {
    return message.length == HEADER_LENGTH + payloadLength && (message[1] & 0xFF) == tag && (message[2] & 0xFF) == round;
  }

  @Override
  public String toString() {
    return mode;
  }
}
