package io.chainsig.tss.ecdsa;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.group.Secp256k1Group;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.ProtocolAbortException;
import io.chainsig.tss.SessionId;
import io.chainsig.tss.internal.ExponentDegreeTest;
import io.chainsig.tss.internal.ExponentInterpolation;
import io.chainsig.tss.internal.MessageCodec;
import io.chainsig.tss.internal.MessageReader;
import io.chainsig.tss.internal.Polynomial;
import io.chainsig.tss.internal.RoundBasedProtocol;
import io.chainsig.tss.internal.TaggedHash;
import io.chainsig.tss.keygen.KeyShare;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The three rounds of DJNPO20 presign; steps refer to {@code docs/protocols/presign.md}. */
final class PresignRounds extends RoundBasedProtocol<Presignature> {
  private static final String ID_LABEL = "chainsig/ecdsa/presignature-id/v1";
  private static final int ROUND_SHARES = 1;
  private static final int ROUND_NONCE = 2;
  private static final int ROUND_CHECK = 3;

  private final Secp256k1Group group;
  private final KeyShare<Secp256k1Scalar, Secp256k1Point> keyShare;
  private final ParticipantSet signers;
  private final int t;
  private final SecureRandom random;
  /** Steps 3 and 6: are the R_j (W_j) on one degree-t curve. */
  private final ExponentDegreeTest<Secp256k1Scalar, Secp256k1Point> degreeTest;
  /** Step 4: Lagrange coefficients at 0 over all signers, in id order. */
  private final List<Secp256k1Scalar> lagrange;
  /** Steps 3 and 6: the first t+1 signers, whose points give the value at 0. */
  private final ParticipantSet firstSigners;
  private final List<Secp256k1Scalar> firstLagrange;

  private Secp256k1Scalar k;
  private Secp256k1Scalar a;
  private Secp256k1Scalar b;
  private Secp256k1Scalar d;
  private Secp256k1Scalar e;
  private final Map<ParticipantId, Secp256k1Point> bigRs = new LinkedHashMap<>();
  private final Map<ParticipantId, Secp256k1Scalar> ws = new LinkedHashMap<>();
  private Secp256k1Point bigR;
  private Secp256k1Scalar w;

  PresignRounds(
      Secp256k1Group group,
      SessionId session,
      KeyShare<Secp256k1Scalar, Secp256k1Point> keyShare,
      ParticipantSet signers,
      int t,
      PresignSetup setup,
      SecureRandom random) {
    super(MessageCodec.PROTOCOL_PRESIGN, session, keyShare.owner(), signers, ROUND_CHECK);
    this.group = group;
    this.keyShare = keyShare;
    this.signers = signers;
    this.t = t;
    this.random = random;
    this.degreeTest = setup.degreeTest();
    this.lagrange = setup.lagrange();
    this.firstSigners = setup.firstSigners();
    this.firstLagrange = setup.firstLagrange();
  }

  @Override
  protected Set<ParticipantId> sendersOf(int round) {
    Set<ParticipantId> s = new HashSet<>(signers.ids());
    s.remove(me);
    return s;
  }

  @Override
  protected void start() {
    // presign.md step 1: five random polynomials; f_k, f_a of degree t, f_b, f_d, f_e of degree
    // 2t with constant term zero.
    Secp256k1Scalar zero = Secp256k1Scalar.ZERO;
    Polynomial<Secp256k1Scalar> fk = Polynomial.random(group, t, group.randomScalar(random), random);
    Polynomial<Secp256k1Scalar> fa = Polynomial.random(group, t, group.randomScalar(random), random);
    Polynomial<Secp256k1Scalar> fb = Polynomial.random(group, 2 * t, zero, random);
    Polynomial<Secp256k1Scalar> fd = Polynomial.random(group, 2 * t, zero, random);
    Polynomial<Secp256k1Scalar> fe = Polynomial.random(group, 2 * t, zero, random);
    for (ParticipantId j : signers.others(me)) {
      sendPrivate(
          j,
          writer(ROUND_SHARES)
              .scalar(group, fk.evaluate(j))
              .scalar(group, fa.evaluate(j))
              .scalar(group, fb.evaluate(j))
              .scalar(group, fd.evaluate(j))
              .scalar(group, fe.evaluate(j)));
    }
    k = fk.evaluate(me);
    a = fa.evaluate(me);
    b = fb.evaluate(me);
    d = fd.evaluate(me);
    e = fe.evaluate(me);
    await(ROUND_SHARES);
  }

  @Override
  protected void onRound(int round, Map<ParticipantId, MessageReader> messages)
      throws ProtocolAbortException {
    switch (round) {
      case ROUND_SHARES -> onShares(messages);
      case ROUND_NONCE -> onNonces(messages);
      case ROUND_CHECK -> onChecks(messages);
      default -> throw new IllegalStateException("no round " + round);
    }
  }

  private void onShares(Map<ParticipantId, MessageReader> messages) throws ProtocolAbortException {
    // presign.md step 2: sum the evaluations received, broadcast R_i = k_i*G and w_i = a_i*k_i + b_i.
    for (MessageReader r : messages.values()) {
      k = k.add(r.scalar(group));
      a = a.add(r.scalar(group));
      b = b.add(r.scalar(group));
      d = d.add(r.scalar(group));
      e = e.add(r.scalar(group));
      r.end();
    }
    if (k.isZero()) {
      throw ProtocolAbortException.unattributed("nonce share k_i is zero");
    }
    Secp256k1Point myR = k.timesGenerator();
    Secp256k1Scalar myW = a.multiply(k).add(b);
    bigRs.put(me, myR);
    ws.put(me, myW);
    sendMany(writer(ROUND_NONCE).element(group, myR).scalar(group, myW));
    await(ROUND_NONCE);
  }

  private void onNonces(Map<ParticipantId, MessageReader> messages) throws ProtocolAbortException {
    for (var m : messages.entrySet()) {
      MessageReader r = m.getValue();
      bigRs.put(m.getKey(), r.element(group));
      ws.put(m.getKey(), r.scalar(group));
      r.end();
    }
    Map<ParticipantId, Secp256k1Point> sortedR = sorted(bigRs);
    // presign.md step 3: the R_j lie on one degree-t curve; R is its value at 0.
    requireDegree(sortedR, "R_i");
    bigR = ExponentInterpolation.atZero(group, sortedR, firstSigners, firstLagrange);
    if (bigR.isIdentity()) {
      throw ProtocolAbortException.unattributed("R is the identity");
    }
    // presign.md step 4: w = a*k from all 2t+1 shares of the degree-2t polynomial.
    w = Secp256k1Scalar.ZERO;
    List<ParticipantId> ids = signers.ids();
    for (int j = 0; j < ids.size(); j++) {
      w = w.add(lagrange.get(j).multiply(ws.get(ids.get(j))));
    }
    if (w.isZero()) {
      throw ProtocolAbortException.unattributed("w is zero");
    }
    // presign.md step 5: broadcast W_i = a_i*R.
    Secp256k1Point myW = bigR.multiply(a);
    bigRs.clear();
    bigRs.put(me, myW);
    sendMany(writer(ROUND_CHECK).element(group, myW));
    await(ROUND_CHECK);
  }

  private void onChecks(Map<ParticipantId, MessageReader> messages) throws ProtocolAbortException {
    Map<ParticipantId, Secp256k1Point> bigWs = bigRs;
    for (var m : messages.entrySet()) {
      MessageReader r = m.getValue();
      bigWs.put(m.getKey(), r.element(group));
      r.end();
    }
    Map<ParticipantId, Secp256k1Point> sortedW = sorted(bigWs);
    // presign.md step 6: the W_j lie on one degree-t curve whose value at 0 is w*G.
    requireDegree(sortedW, "W_i");
    Secp256k1Point bigW = ExponentInterpolation.atZero(group, sortedW, firstSigners, firstLagrange);
    if (!bigW.equals(w.timesGenerator())) {
      throw ProtocolAbortException.unattributed(
          "W != w*G: some party sent a wrong w_i or W_i (cannot tell which)");
    }
    // presign.md step 7: c_i = a_i / w, alpha_i = c_i + d_i, beta_i = c_i * x_i; keep e_i and R.
    Secp256k1Scalar c = a.multiply(w.inverse());
    PresignatureId id =
        PresignatureId.of(
            TaggedHash.of(ID_LABEL).add(session.bytes()).add(bigR.toCompressed()).digest());
    finish(
        new Presignature(
            id,
            me,
            signers,
            keyShare.publicKey(),
            bigR,
            c,
            c.add(d),
            c.multiply(keyShare.secretShare()),
            e));
  }

  private void requireDegree(Map<ParticipantId, Secp256k1Point> points, String what)
      throws ProtocolAbortException {
    if (degreeTest.accepts(points, random)) {
      return;
    }
    Optional<ParticipantId> culprit = ExponentInterpolation.singleOutlier(group, points, t, random);
    if (culprit.isPresent()) {
      throw ProtocolAbortException.suspecting(
          List.of(culprit.get()),
          "the " + what + " do not lie on a degree-t curve; only removing "
              + culprit.get() + "'s makes the rest fit");
    }
    throw ProtocolAbortException.unattributed("the " + what + " do not lie on a degree-t curve");
  }

  private Map<ParticipantId, Secp256k1Point> sorted(Map<ParticipantId, Secp256k1Point> m) {
    Map<ParticipantId, Secp256k1Point> out = new LinkedHashMap<>();
    for (ParticipantId j : signers.ids()) {
      out.put(j, m.get(j));
    }
    return out;
  }
}
