package io.chainsig.tss.keygen;

import io.chainsig.crypto.ConstantTime;
import io.chainsig.crypto.group.PrimeOrderGroup;
import io.chainsig.tss.MaxMalicious;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.ProtocolAbortException;
import io.chainsig.tss.SessionId;
import io.chainsig.tss.internal.FeldmanCommitment;
import io.chainsig.tss.internal.MessageCodec;
import io.chainsig.tss.internal.MessageReader;
import io.chainsig.tss.internal.MessageWriter;
import io.chainsig.tss.internal.Polynomial;
import io.chainsig.tss.internal.RoundBasedProtocol;
import io.chainsig.tss.internal.TaggedHash;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PedPop with echo broadcast, the engine behind key generation, refresh and reshare: every
 * dealer shares a secret with a fresh degree-t polynomial, and every receiver ends with the sum of
 * the dealers' evaluations at its id. Steps refer to {@code docs/protocols/keygen.md}; the reshare
 * checks to {@code docs/protocols/reshare.md}.
 *
 * @param <S> the scalar type
 * @param <E> the group element type
 */
final class PedPop<S, E> extends RoundBasedProtocol<Optional<KeyShare<S, E>>> {
  private static final String COMMITMENT_LABEL = "chainsig/pedpop/commitment/v1";
  private static final int ROUND_COMMIT = 1;
  private static final int ROUND_ECHO = 2;
  private static final int ROUND_OPEN = 3;
  private static final int ROUND_CONFIRM = 4;
  private static final String CONFIRM_LABEL = "chainsig/pedpop/confirm/v1";

  private final PrimeOrderGroup<S, E> group;
  private final ParticipantSet dealers;
  private final ParticipantSet receivers;
  private final ParticipantSet everyone;
  private final MaxMalicious threshold;
  private final S dealerSecret;
  private final PublicKeyShares<E> oldKey;
  private final SecureRandom random;

  private Polynomial<S> polynomial;
  private FeldmanCommitment<E> commitment;
  private SchnorrProof<S, E> proof;
  private final Map<ParticipantId, byte[]> commitmentHashes = new LinkedHashMap<>();
  private KeyShare<S, E> result;
  private byte[] confirmation;

  /**
   * @param dealerSecret the secret this party deals, or null if it is not a dealer
   * @param oldKey for reshare and refresh: the key being reshared (null for key generation)
   */
  PedPop(
      PrimeOrderGroup<S, E> group,
      SessionId session,
      ParticipantId me,
      ParticipantSet dealers,
      ParticipantSet receivers,
      MaxMalicious threshold,
      S dealerSecret,
      PublicKeyShares<E> oldKey,
      SecureRandom random) {
    super(MessageCodec.PROTOCOL_PEDPOP, session, me, dealers.union(receivers), ROUND_CONFIRM);
    this.group = group;
    this.dealers = dealers;
    this.receivers = receivers;
    this.everyone = dealers.union(receivers);
    this.threshold = threshold;
    this.dealerSecret = dealerSecret;
    this.oldKey = oldKey;
    this.random = random;
  }

  private boolean isDealer() {
    return dealers.contains(me);
  }

  @Override
  protected Set<ParticipantId> sendersOf(int round) {
    Set<ParticipantId> s =
        new HashSet<>(
            switch (round) {
              case ROUND_ECHO -> everyone.ids();
              case ROUND_CONFIRM -> receivers.ids();
              default -> dealers.ids();
            });
    s.remove(me);
    return s;
  }

  @Override
  protected void start() throws ProtocolAbortException {
    if (isDealer()) {
      // keygen.md step 1: secret polynomial, Feldman commitment, proof of knowledge of f(0).
      polynomial = Polynomial.random(group, threshold.value(), dealerSecret, random);
      commitment = polynomial.commit(group);
      proof = SchnorrProof.prove(group, session, me, polynomial.constant(), commitment.constant(), random);
      // keygen.md step 2: broadcast only the hash of the commitment.
      byte[] h = commitmentHash(me, commitment);
      commitmentHashes.put(me, h);
      sendMany(writer(ROUND_COMMIT).bytes(h));
    }
    await(ROUND_COMMIT);
  }

  @Override
  protected void onRound(int round, Map<ParticipantId, MessageReader> messages)
      throws ProtocolAbortException {
    switch (round) {
      case ROUND_COMMIT -> onCommitments(messages);
      case ROUND_ECHO -> onEchoes(messages);
      case ROUND_OPEN -> onOpenings(messages);
      case ROUND_CONFIRM -> onConfirmations(messages);
      default -> throw new IllegalStateException("no round " + round);
    }
  }

  private void onCommitments(Map<ParticipantId, MessageReader> messages)
      throws ProtocolAbortException {
    for (var e : messages.entrySet()) {
      MessageReader r = e.getValue();
      commitmentHashes.put(e.getKey(), r.bytes(32));
      r.end();
    }
    // keygen.md step 3: echo the whole vector of commitment hashes, in dealer order.
    MessageWriter w = writer(ROUND_ECHO).u16(dealers.size());
    for (ParticipantId d : dealers.ids()) {
      w.bytes(commitmentHashes.get(d));
    }
    sendMany(w);
    await(ROUND_ECHO);
  }

  private void onEchoes(Map<ParticipantId, MessageReader> messages) throws ProtocolAbortException {
    // keygen.md step 4: every echo must equal what this party received.
    for (var e : messages.entrySet()) {
      ParticipantId echoer = e.getKey();
      MessageReader r = e.getValue();
      int count = r.u16();
      if (count != dealers.size()) {
        throw r.malformed("echo lists " + count + " hashes, expected " + dealers.size());
      }
      for (ParticipantId d : dealers.ids()) {
        byte[] echoed = r.bytes(32);
        if (!ConstantTime.equals(echoed, commitmentHashes.get(d))) {
          List<ParticipantId> suspects = new ArrayList<>();
          if (!d.equals(me)) {
            suspects.add(d);
          }
          if (!d.equals(echoer)) {
            suspects.add(echoer);
          }
          String what =
              "inconsistent broadcast: " + echoer + " echoed a different commitment hash of " + d;
          throw suspects.size() == 1
              ? ProtocolAbortException.blaming(suspects.get(0), what)
              : ProtocolAbortException.suspecting(suspects, what);
        }
      }
      r.end();
    }
    if (isDealer()) {
      // keygen.md step 5: open the commitment and send each receiver its share privately.
      for (ParticipantId j : receivers.others(me)) {
        MessageWriter w = writer(ROUND_OPEN).u16(commitment.points().size());
        for (E p : commitment.points()) {
          w.element(group, p);
        }
        w.element(group, proof.nonceCommitment()).scalar(group, proof.response());
        w.scalar(group, polynomial.evaluate(j));
        sendPrivate(j, w);
      }
    }
    if (!receivers.contains(me)) {
      // reshare.md step 4: a dealer that receives no share still waits for the receivers'
      // confirmations, so that it only ends (and may delete its old share) once they agree.
      await(ROUND_CONFIRM);
      return;
    }
    await(ROUND_OPEN);
  }

  private void onOpenings(Map<ParticipantId, MessageReader> messages)
      throws ProtocolAbortException {
    Map<ParticipantId, FeldmanCommitment<E>> commitments = new LinkedHashMap<>();
    S share = group.scalarOf(0);
    if (isDealer()) {
      commitments.put(me, commitment);
      share = polynomial.evaluate(me);
    }
    for (var e : messages.entrySet()) {
      ParticipantId dealer = e.getKey();
      MessageReader r = e.getValue();
      // keygen.md step 6: the opening must match the agreed hash and carry t+1 points.
      int length = r.u16();
      if (length != threshold.value() + 1) {
        throw r.malformed("commitment has " + length + " points, expected " + (threshold.value() + 1));
      }
      List<E> points = new ArrayList<>(length);
      for (int k = 0; k < length; k++) {
        points.add(r.element(group));
      }
      FeldmanCommitment<E> c = new FeldmanCommitment<>(points);
      SchnorrProof<S, E> pi = new SchnorrProof<>(r.element(group), r.scalar(group));
      S fj = r.nonZeroScalar(group, "share");
      r.end();
      if (!ConstantTime.equals(commitmentHash(dealer, c), commitmentHashes.get(dealer))) {
        throw ProtocolAbortException.blaming(dealer, dealer + " opened a commitment that does not match its hash");
      }
      if (!pi.verify(group, session, dealer, c.constant())) {
        throw ProtocolAbortException.blaming(dealer, dealer + " sent an invalid proof of knowledge");
      }
      if (!group.generatorTimes(fj).equals(c.evaluate(group, me))) {
        throw ProtocolAbortException.blaming(dealer, dealer + " sent a share that does not match its commitment");
      }
      if (oldKey != null) {
        // reshare.md step 2: a dealer must deal lambda_i * x_i, checked against X_i.
        E expected = group.scale(
            oldKey.verificationShares().get(dealer), dealers.lagrangeAtZero(group, dealer));
        if (!expected.equals(c.constant())) {
          throw ProtocolAbortException.blaming(dealer, dealer + " dealt a value other than its old share");
        }
      }
      commitments.put(dealer, c);
      share = group.add(share, fj);
    }
    // keygen.md step 7: combine.
    FeldmanCommitment<E> total = null;
    for (ParticipantId d : dealers.ids()) {
      FeldmanCommitment<E> c = commitments.get(d);
      total = total == null ? c : total.plus(group, c);
    }
    E publicKey = total.constant();
    if (group.isIdentity(publicKey)) {
      throw ProtocolAbortException.unattributed("the public key is the identity");
    }
    // reshare.md step 3: the same key.
    if (oldKey != null && !publicKey.equals(oldKey.publicKey())) {
      throw ProtocolAbortException.unattributed("reshared public key differs from the old one");
    }
    if (group.isZero(share)) {
      throw ProtocolAbortException.unattributed("own share is zero");
    }
    Map<ParticipantId, E> verificationShares = new LinkedHashMap<>();
    for (ParticipantId j : receivers.ids()) {
      verificationShares.put(j, total.evaluate(group, j));
    }
    if (!verificationShares.get(me).equals(group.generatorTimes(share))) {
      throw ProtocolAbortException.unattributed("own share does not match the combined commitment");
    }
    PublicKeyShares<E> pub = new PublicKeyShares<>(receivers, threshold, publicKey, verificationShares);
    result = new KeyShare<>(me, share, pub);
    // keygen.md step 8: confirm the public side of the result to everyone.
    confirmation = confirmationHash(pub);
    sendMany(writer(ROUND_CONFIRM).bytes(confirmation));
    await(ROUND_CONFIRM);
  }

  private void onConfirmations(Map<ParticipantId, MessageReader> messages)
      throws ProtocolAbortException {
    // keygen.md step 9: every receiver must confirm the same public key and verification shares.
    byte[] expected = confirmation;
    ParticipantId firstSender = null;
    for (var e : messages.entrySet()) {
      MessageReader r = e.getValue();
      byte[] theirs = r.bytes(32);
      r.end();
      if (expected == null) {
        expected = theirs;
        firstSender = e.getKey();
      } else if (!ConstantTime.equals(expected, theirs)) {
        if (firstSender == null) {
          throw ProtocolAbortException.blaming(
              e.getKey(), e.getKey() + " confirmed a different key than this party computed");
        }
        throw ProtocolAbortException.suspecting(
            List.of(firstSender, e.getKey()),
            firstSender + " and " + e.getKey() + " confirmed different keys");
      }
    }
    finish(Optional.ofNullable(result));
  }

  private byte[] confirmationHash(PublicKeyShares<E> pub) {
    TaggedHash h =
        TaggedHash.of(CONFIRM_LABEL)
            .add(group.name().getBytes(StandardCharsets.UTF_8))
            .add(session.bytes())
            .addInt(threshold.value())
            .add(receivers.encode())
            .add(group.encodeElement(pub.publicKey()));
    for (ParticipantId j : receivers.ids()) {
      h.add(group.encodeElement(pub.verificationShares().get(j)));
    }
    return h.digest();
  }

  private byte[] commitmentHash(ParticipantId dealer, FeldmanCommitment<E> c) {
    return TaggedHash.of(COMMITMENT_LABEL)
        .add(group.name().getBytes(StandardCharsets.UTF_8))
        .add(session.bytes())
        .addInt(dealer.value())
        .add(c.encode(group))
        .digest();
  }
}
