package io.chainsig.tss.ecdsa;

import io.chainsig.crypto.ConstantTime;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.group.Secp256k1Group;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.ProtocolAbortException;
import io.chainsig.tss.SessionId;
import io.chainsig.tss.internal.MessageCodec;
import io.chainsig.tss.internal.MessageReader;
import io.chainsig.tss.internal.RoundBasedProtocol;
import io.chainsig.tss.internal.TaggedHash;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The sign round; steps refer to {@code docs/protocols/sign.md}. */
final class SignRound extends RoundBasedProtocol<Optional<EcdsaSignature>> {
  private static final String CONTEXT_LABEL = "chainsig/ecdsa/sign-context/v1";
  private static final int ROUND_SHARE = 1;

  private final Secp256k1Group group;
  private final Presignature presignature;
  private final Presignature.Secrets secrets;
  private final ParticipantSet signers;
  private final ParticipantId leader;
  private final SignRequest request;
  private final byte[] context;

  private Secp256k1Point rerandomizedR;
  private Secp256k1Scalar r;
  private Secp256k1Scalar ownShare;

  SignRound(
      Secp256k1Group group,
      SessionId session,
      Presignature presignature,
      Presignature.Secrets secrets,
      ParticipantId leader,
      SignRequest request) {
    super(MessageCodec.PROTOCOL_SIGN, session, presignature.owner(), presignature.signers(), ROUND_SHARE);
    this.group = group;
    this.presignature = presignature;
    this.secrets = secrets;
    this.signers = presignature.signers();
    this.leader = leader;
    this.request = request;
    // sign.md step 1: everything the signers must agree on, hashed.
    this.context =
        TaggedHash.of(CONTEXT_LABEL)
            .add(session.bytes())
            .add(presignature.id().bytes())
            .add(request.messageHash())
            .add(request.tweak().toBytes())
            .add(request.entropy())
            .add(signers.encode())
            .addInt(leader.value())
            .digest();
  }

  @Override
  protected Set<ParticipantId> sendersOf(int round) {
    if (!me.equals(leader)) {
      return Set.of();
    }
    Set<ParticipantId> s = new HashSet<>(signers.ids());
    s.remove(me);
    return s;
  }

  @Override
  protected void start() throws ProtocolAbortException {
    Secp256k1Scalar h = request.h();
    Secp256k1Scalar eps = request.tweak();
    // sign.md step 2: re-randomize with delta derived from fresh public entropy.
    Secp256k1Scalar delta =
        Rerandomization.delta(
            presignature.publicKey(), eps, h, presignature.bigR(), signers, request.entropy());
    rerandomizedR = presignature.bigR().multiply(delta);
    r = Secp256k1Scalar.reduce(rerandomizedR.x());
    if (r.isZero()) {
      throw ProtocolAbortException.unattributed("r is zero");
    }
    // sign.md step 3: alpha' = alpha/delta, beta' = (beta + c*eps)/delta,
    // s_i = lambda_i * (alpha'*h + beta'*r + e_i)
    //     = (lambda_i/delta) * (alpha*h + (beta + c*eps)*r) + lambda_i * e_i (one inversion).
    Secp256k1Scalar lambdaOverDelta = signers.lagrangeAtZeroDividedBy(group, me, delta);
    Secp256k1Scalar lambda = lambdaOverDelta.multiply(delta);
    Secp256k1Scalar beta = secrets.beta().add(secrets.c().multiply(eps));
    ownShare =
        lambdaOverDelta
            .multiply(secrets.alpha().multiply(h).add(beta.multiply(r)))
            .add(lambda.multiply(secrets.e()));
    if (!me.equals(leader)) {
      // sign.md step 4: send (context, s_i) to the leader only.
      sendPrivate(leader, writer(ROUND_SHARE).bytes(context).scalar(group, ownShare));
      finish(Optional.empty());
      return;
    }
    await(ROUND_SHARE);
  }

  @Override
  protected void onRound(int round, Map<ParticipantId, MessageReader> messages)
      throws ProtocolAbortException {
    Secp256k1Scalar s = ownShare;
    for (var m : messages.entrySet()) {
      MessageReader reader = m.getValue();
      byte[] theirContext = reader.bytes(32);
      Secp256k1Scalar si = reader.scalar(group);
      reader.end();
      // sign.md step 5: all signers agree on h, eps, the signer set and the presignature.
      if (!ConstantTime.equals(theirContext, context)) {
        throw ProtocolAbortException.blaming(
            m.getKey(),
            m.getKey() + " signs a different request, presignature or signer set");
      }
      s = s.add(si);
    }
    if (s.isZero()) {
      throw ProtocolAbortException.unattributed("s is zero");
    }
    // sign.md step 6: low s, flipping the recovery id when s is negated.
    boolean negate = s.isHigh();
    if (negate) {
      s = s.negate();
    }
    // sign.md step 7: verify against the child key X + eps*G before anything leaves.
    if (!EcdsaSignature.verifyTweaked(r, s, request.h(), presignature.publicKey(), request.tweak())) {
      throw ProtocolAbortException.unattributed(
          "combined signature does not verify: some signer sent a wrong s_i");
    }
    finish(
        Optional.of(
            new EcdsaSignature(
                rerandomizedR, s, EcdsaSignature.recoveryIdOf(rerandomizedR, negate))));
  }
}
