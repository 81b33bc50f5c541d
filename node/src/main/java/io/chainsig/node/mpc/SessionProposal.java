package io.chainsig.node.mpc;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.SessionId;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a session at the other participants (node.md steps 4 and 6). The session id is derived
 * from the proposal, so a participant can check that a message belongs to what was proposed.
 */
public sealed interface SessionProposal {
  /** Most signers a proposal may list. */
  int MAX_SIGNERS = 256;

  /** The participant that proposes (and owns the outcome). */
  ParticipantId initiator();

  /** The participants of the session. */
  ParticipantSet participants();

  /** The session id every participant uses. */
  SessionId sessionId();

  /** The wire bytes. */
  byte[] encode();

  /**
   * A presign batch owned by its initiator: one session that makes {@code count} presignatures
   * ({@code docs/protocols/presign.md}, "Batching"). Only the initiator will ever lead a signature
   * with them, so two leaders can never pick the same presignature.
   *
   * @param initiator the owner
   * @param participants the 2t+1 signers
   * @param epoch the key epoch
   * @param nonce 16 random bytes that make the session unique
   * @param count presignatures the session makes, 1 to {@link io.chainsig.tss.ecdsa.Presign#MAX_BATCH}
   */
  record Presign(ParticipantId initiator, ParticipantSet participants, long epoch, byte[] nonce, int count)
      implements SessionProposal {
    /** Validates. */
    public Presign {
      if (nonce.length != 16) {
        throw new IllegalArgumentException("presign nonce must be 16 bytes");
      }
      if (count < 1 || count > io.chainsig.tss.ecdsa.Presign.MAX_BATCH) {
        throw new IllegalArgumentException(
            "presign count " + count + " is not in 1.." + io.chainsig.tss.ecdsa.Presign.MAX_BATCH);
      }
      nonce = nonce.clone();
      checkMembers(initiator, participants);
    }

    @Override
    public byte[] nonce() {
      return nonce.clone();
    }

    @Override
    public SessionId sessionId() {
      return id("presign", initiator, participants, epoch, ByteBuffer.allocate(17).put(nonce).put((byte) count).array());
    }

    @Override
    public byte[] encode() {
      ByteBuffer b = header((byte) 1, initiator, participants, 8 + 16 + 1);
      b.putLong(epoch).put(nonce).put((byte) count);
      return b.array();
    }
  }

  /**
   * A sign run led by its initiator with one of its presignatures, for one pending request.
   *
   * @param initiator the leader
   * @param participants the presignature's signers
   * @param presignatureId the presignature (owned by the leader)
   * @param tweakHex the request's tweak
   * @param payloadHex the request's payload (message hash)
   * @param domainId the request's domain
   * @param entropyHex the request's fresh entropy (its block's random value)
   */
  record Sign(
      ParticipantId initiator,
      ParticipantSet participants,
      byte[] presignatureId,
      String tweakHex,
      String payloadHex,
      int domainId,
      String entropyHex)
      implements SessionProposal {
    /** Validates. */
    public Sign {
      if (presignatureId.length != 32) {
        throw new IllegalArgumentException("presignature id must be 32 bytes");
      }
      presignatureId = presignatureId.clone();
      Hex.decode(tweakHex, 32);
      Hex.decode(payloadHex, 32);
      Hex.decode(entropyHex, 32);
      checkMembers(initiator, participants);
    }

    @Override
    public byte[] presignatureId() {
      return presignatureId.clone();
    }

    @Override
    public SessionId sessionId() {
      return id("sign", initiator, participants, domainId, presignatureId);
    }

    @Override
    public byte[] encode() {
      ByteBuffer b = header((byte) 2, initiator, participants, 32 + 32 + 32 + 4 + 32);
      b.put(presignatureId).put(Hex.decode(tweakHex)).put(Hex.decode(payloadHex)).putInt(domainId)
          .put(Hex.decode(entropyHex));
      return b.array();
    }
  }

  /**
   * Sent by an old participant before a reshare: the public side of the current key, which
   * participants joining the set cannot get from the contract. A joiner accepts it once t+1 old
   * participants sent the same bytes (node.md step 8).
   *
   * @param initiator the old participant sending it
   * @param participants old and new participants together
   * @param newEpoch the epoch the reshare leads to
   * @param publicShares the encoded public key shares
   */
  record ReshareKey(ParticipantId initiator, ParticipantSet participants, long newEpoch, byte[] publicShares)
      implements SessionProposal {
    /** Validates. */
    public ReshareKey {
      if (publicShares.length > 64 * 1024) {
        throw new IllegalArgumentException("public key shares too large");
      }
      publicShares = publicShares.clone();
      checkMembers(initiator, participants);
    }

    @Override
    public byte[] publicShares() {
      return publicShares.clone();
    }

    @Override
    public SessionId sessionId() {
      return id("reshare-key", initiator, participants, newEpoch, new byte[0]);
    }

    @Override
    public byte[] encode() {
      ByteBuffer b = header((byte) 3, initiator, participants, 8 + 4 + publicShares.length);
      b.putLong(newEpoch).putInt(publicShares.length).put(publicShares);
      return b.array();
    }
  }

  /**
   * Parses a proposal.
   *
   * @throws IllegalArgumentException if malformed
   */
  static SessionProposal decode(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      byte type = b.get();
      ParticipantId initiator = ParticipantId.of(b.getInt());
      int n = b.getInt();
      if (n < 1 || n > MAX_SIGNERS) {
        throw new IllegalArgumentException("proposal lists " + n + " participants");
      }
      List<ParticipantId> ids = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ids.add(ParticipantId.of(b.getInt()));
      }
      ParticipantSet set = ParticipantSet.of(ids);
      SessionProposal p =
          switch (type) {
            case 1 -> new Presign(initiator, set, b.getLong(), take(b, 16), b.get() & 0xFF);
            case 2 -> new Sign(initiator, set, take(b, 32), Hex.encode(take(b, 32)), Hex.encode(take(b, 32)), b.getInt(), Hex.encode(take(b, 32)));
            case 3 -> {
              long epoch = b.getLong();
              int len = b.getInt();
              if (len < 0 || len > b.remaining()) {
                throw new IllegalArgumentException("reshare key length out of range");
              }
              yield new ReshareKey(initiator, set, epoch, take(b, len));
            }
            default -> throw new IllegalArgumentException("unknown proposal type " + type);
          };
      if (b.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes after the proposal");
      }
      return p;
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("proposal is truncated");
    }
  }

  private static byte[] take(ByteBuffer b, int n) {
    byte[] out = new byte[n];
    b.get(out);
    return out;
  }

  private static void checkMembers(ParticipantId initiator, ParticipantSet participants) {
    if (!participants.contains(initiator)) {
      throw new IllegalArgumentException("the initiator must be a participant of its session");
    }
    if (participants.size() > MAX_SIGNERS) {
      throw new IllegalArgumentException("too many participants");
    }
  }

  private static ByteBuffer header(byte type, ParticipantId initiator, ParticipantSet set, int extra) {
    ByteBuffer b = ByteBuffer.allocate(1 + 8 + 4 * set.size() + extra);
    b.put(type).putInt(initiator.value()).putInt(set.size());
    set.ids().forEach(id -> b.putInt(id.value()));
    return b;
  }

  private static SessionId id(String kind, ParticipantId initiator, ParticipantSet set, long num, byte[] extra) {
    StringBuilder sb = new StringBuilder("chainsig ").append(kind).append(' ').append(initiator.value()).append(' ');
    set.ids().forEach(i -> sb.append(i.value()).append(','));
    sb.append(' ').append(num).append(' ').append(Hex.encode(extra));
    return SessionId.of(Hashes.sha256(sb.toString().getBytes(StandardCharsets.US_ASCII)));
  }
}
