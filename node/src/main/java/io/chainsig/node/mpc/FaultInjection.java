package io.chainsig.node.mpc;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.tss.BatchFrameCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
  OFF("off", 0, 0, 0, 0, 0) {
    @Override
    byte[] wrong(byte[] field) {
      return field;
    }
  },

  /**
   * Presign round 2 ({@code R_i || w_i}) carries {@code R_i + G} instead of {@code R_i}
   * (docs/protocols/presign.md step 2): a valid point, so the message parses, but the {@code R_j}
   * no longer lie on one degree-t curve and every honest signer aborts at step 3.
   */
  PRESIGN("presign", 2, 2, 33 + 32, 0, 33) {
    @Override
    byte[] wrong(byte[] bigR) {
      return Secp256k1Point.fromSec1(bigR).add(Secp256k1Point.GENERATOR).toCompressed();
    }
  },

  /**
   * The signature share sent to the leader ({@code ctx || s_i}, sign round 1) is {@code s_i + 1}
   * (docs/protocols/sign.md step 4): the context is right, so the leader combines the shares, and
   * its final check (step 7) fails.
   */
  SIGN("sign", 3, 1, 32 + 32, 32, 32) {
    @Override
    byte[] wrong(byte[] share) {
      return Secp256k1Scalar.fromBytes(share).add(Secp256k1Scalar.ONE).toBytes();
    }
  };

  // Every protocol message starts with a 35-byte header: version, protocol tag, round, session id
  // (docs/protocols/README.md, "Messages"; the tags, rounds and payloads are in presign.md and sign.md).
  private static final int HEADER_LENGTH = 35;
  /** The protocol tag of batch frames ({@link BatchFrameCodec}). */
  private static final int BATCH_TAG = 4;

  private final String mode;
  private final int tag;
  private final int round;
  private final int payloadLength;
  private final int fieldOffset;
  private final int fieldLength;

  /**
   * A mode that replaces one field of one round's messages of one protocol.
   *
   * @param mode the name on the command line
   * @param tag the protocol tag (0: none)
   * @param round the round
   * @param payloadLength the round's payload bytes after the header
   * @param fieldOffset where the field starts in the payload
   * @param fieldLength the field's bytes
   */
  FaultInjection(String mode, int tag, int round, int payloadLength, int fieldOffset, int fieldLength) {
    this.mode = mode;
    this.tag = tag;
    this.round = round;
    this.payloadLength = payloadLength;
    this.fieldOffset = fieldOffset;
    this.fieldLength = fieldLength;
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
   * of its protocol and round. In a batch frame (presign batches, docs/protocols/presign.md
   * "Batching") every run's message of that protocol and round is corrupted.
   */
  Optional<byte[]> corrupt(byte[] message) {
    if (!isOn() || message.length < HEADER_LENGTH) {
      return Optional.empty();
    }
    if ((message[1] & 0xFF) == BATCH_TAG) {
      return corruptBatch(message);
    }
    if (message.length != HEADER_LENGTH + payloadLength || (message[1] & 0xFF) != tag
        || (message[2] & 0xFF) != round) {
      return Optional.empty();
    }
    int at = HEADER_LENGTH + fieldOffset;
    byte[] wrong = message.clone();
    System.arraycopy(wrong(Arrays.copyOfRange(message, at, at + fieldLength)), 0, wrong, at, fieldLength);
    return Optional.of(wrong);
  }

  private Optional<byte[]> corruptBatch(byte[] frame) {
    BatchFrameCodec codec;
    List<List<byte[]>> runs;
    try {
      codec = BatchFrameCodec.ofFrame(frame);
      runs = codec.decode(frame);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    boolean changed = false;
    List<List<byte[]>> wrong = new ArrayList<>(runs.size());
    for (List<byte[]> run : runs) {
      List<byte[]> messages = new ArrayList<>(run.size());
      for (byte[] m : run) {
        Optional<byte[]> w = (m[1] & 0xFF) == BATCH_TAG ? Optional.empty() : corrupt(m);
        changed |= w.isPresent();
        messages.add(w.orElse(m));
      }
      wrong.add(messages);
    }
    return changed ? Optional.of(codec.encode(wrong)) : Optional.empty();
  }

  /** The wrong value for this mode's field. */
  abstract byte[] wrong(byte[] field);

  @Override
  public String toString() {
    return mode;
  }
}
