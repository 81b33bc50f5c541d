package io.chainsig.tss.keygen;

import io.chainsig.crypto.group.PrimeOrderGroup;
import io.chainsig.tss.MaxMalicious;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A versioned binary encoding of a {@link KeyShare} for the node's key file (which the node must
 * encrypt: the encoding contains the secret share).
 *
 * <pre>
 * version(1) | group name length(1) | group name | owner(4) | t(4) | count(4) | ids(4 each)
 *   | X | X_j for every participant in id order | x_i
 * </pre>
 */
public final class KeyShareEncoding {
  /** The encoding version. */
  public static final int VERSION = 1;

  private KeyShareEncoding() {}

  /** Encodes a key share. */
  public static <S, E> byte[] encode(PrimeOrderGroup<S, E> group, KeyShare<S, E> share) {
    PublicKeyShares<E> pub = share.publicShares();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(VERSION);
    byte[] name = group.name().getBytes(StandardCharsets.UTF_8);
    out.write(name.length);
    out.writeBytes(name);
    out.writeBytes(ByteBuffer.allocate(8).putInt(share.owner().value()).putInt(pub.threshold().value()).array());
    out.writeBytes(pub.participants().encode());
    out.writeBytes(group.encodeElement(pub.publicKey()));
    for (ParticipantId j : pub.participants().ids()) {
      out.writeBytes(group.encodeElement(pub.verificationShares().get(j)));
    }
    out.writeBytes(group.encodeScalar(share.secretShare()));
    return out.toByteArray();
  }

  /**
   * Decodes and checks a key share: the group must match, and the secret share must match its
   * verification share.
   *
   * @throws IllegalArgumentException if the bytes are not a valid key share of this group
   */
  public static <S, E> KeyShare<S, E> decode(PrimeOrderGroup<S, E> group, byte[] bytes) {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      if (in.get() != VERSION) {
        throw new IllegalArgumentException("unknown key share version");
      }
      String name = new String(take(in, in.get() & 0xFF), StandardCharsets.UTF_8);
      if (!name.equals(group.name())) {
        throw new IllegalArgumentException("key share of group " + name + ", not " + group.name());
      }
      ParticipantId owner = ParticipantId.of(in.getInt());
      MaxMalicious t = new MaxMalicious(in.getInt());
      int count = in.getInt();
      if (count < 1 || count > ParticipantSet.MAX_PARTICIPANTS) {
        throw new IllegalArgumentException("bad participant count " + count);
      }
      List<ParticipantId> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ids.add(ParticipantId.of(in.getInt()));
      }
      ParticipantSet participants = ParticipantSet.of(ids);
      E publicKey = group.decodeElement(take(in, group.elementLength()));
      Map<ParticipantId, E> verification = new LinkedHashMap<>();
      for (ParticipantId j : participants.ids()) {
        verification.put(j, group.decodeElement(take(in, group.elementLength())));
      }
      S secret = group.decodeScalar(take(in, group.scalarLength()));
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes");
      }
      PublicKeyShares<E> pub = new PublicKeyShares<>(participants, t, publicKey, verification);
      if (!participants.contains(owner)
          || !group.generatorTimes(secret).equals(verification.get(owner))) {
        throw new IllegalArgumentException("secret share does not match its verification share");
      }
      return new KeyShare<>(owner, secret, pub);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated key share", e);
    }
  }

  private static byte[] take(ByteBuffer in, int n) {
    byte[] b = new byte[n];
    in.get(b);
    return b;
  }
}
