package io.chainsig.node.mpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainsig.contract.CallContext;
import io.chainsig.contract.CallOutcome;
import io.chainsig.contract.ContractConfig;
import io.chainsig.contract.ContractStateCodec;
import io.chainsig.contract.SignerContract;
import io.chainsig.contract.SignerContractAbi;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.near.rpc.ChainException;
import io.chainsig.node.chain.ContractCalls;
import io.chainsig.node.chain.ContractGateway;
import io.chainsig.node.chain.ContractSnapshot;
import io.chainsig.node.chain.ContractSnapshotParser;
import io.chainsig.node.chain.PendingSign;
import io.chainsig.node.chain.RequestSignature;
import io.chainsig.tss.ecdsa.EcdsaSignature;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real signer contract state machine, hosted in-process for engine simulations (the sandbox
 * chain hosts the same class for the acceptance tests). Each call is its own "block".
 */
final class InProcessContract {
  static final NearAccountId CONTRACT = NearAccountId.of("signer.test.near");
  private static final ObjectMapper JSON = new ObjectMapper();
  private SignerContract contract = new SignerContract(ContractConfig.defaults());
  private final SecureRandom random = new SecureRandom();
  private long height = 1;
  final List<Answer> answers = new CopyOnWriteArrayList<>();
  /** While set, every node's {@code vote_reshared} is lost on its way (as if the chain dropped it). */
  volatile boolean dropVoteReshared;

  /** A respond the contract accepted. */
  record Answer(PendingSign request, EcdsaSignature signature, String responder) {}

  synchronized CallOutcome call(String predecessor, String method, String argsJson, BigInteger deposit) {
    height++;
    byte[] rv = new byte[32];
    random.nextBytes(rv);
    contract.onBlock(height);
    CallContext ctx = new CallContext(CONTRACT, NearAccountId.of(predecessor), deposit, height, Hex.encode(rv));
    return SignerContractAbi.call(contract, ctx, method, argsJson.getBytes(StandardCharsets.UTF_8), "call-" + height);
  }

  /** The contract's state now, to go back to later (as a chain that loses its open block does). */
  synchronized byte[] saveState() {
    return ContractStateCodec.encode(contract);
  }

  /** Goes back to a saved state and makes more calls at once: no reading sees the state in between. */
  synchronized void restoreThen(byte[] state, Runnable calls) {
    contract = ContractStateCodec.decode(state);
    calls.run();
  }

  synchronized String view(String method) {
    return new String(SignerContractAbi.view(contract, method, "{}".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  /** The gateway one node uses, acting as {@code account}. */
  ContractGateway gatewayFor(String account) {
    return new ContractGateway() {
      @Override
      public ContractSnapshot read() throws ChainException {
        try {
          return ContractSnapshotParser.parse(JSON.readTree(view("state")), JSON.readTree(view("pending_requests")));
        } catch (java.io.IOException e) {
          throw new ChainException("bad view json", e);
        }
      }

      @Override
      public void respond(List<RequestSignature> responses) throws ChainException {
        synchronized (InProcessContract.this) {
          // One transaction's actions succeed or fail together: refuse the lot if any request is gone.
          java.util.Set<String> pending = new java.util.HashSet<>();
          read().pending().forEach(p -> pending.add(p.requestIdHex()));
          for (RequestSignature r : responses) {
            if (!pending.remove(r.request().requestIdHex())) {
              throw new ChainException("respond refused: request " + r.request().requestIdHex() + " is not pending (or answered twice in one transaction)");
            }
          }
          for (RequestSignature r : responses) {
            try {
              call(account, "respond", new String(ContractCalls.respondArgs(r.request(), r.signature()), StandardCharsets.UTF_8),
                  BigInteger.ZERO);
              answers.add(new Answer(r.request(), r.signature(), account));
            } catch (RuntimeException e) {
              throw new ChainException("respond refused: " + e.getMessage(), e);
            }
          }
        }
      }

      @Override
      public void voteReshared(long newEpoch) throws ChainException {
        if (dropVoteReshared) {
          throw new ChainException("vote_reshared lost on its way to the chain");
        }
        try {
          call(account, "vote_reshared", "{\"epoch_id\":" + newEpoch + "}", BigInteger.ZERO);
        } catch (RuntimeException e) {
          throw new ChainException("vote_reshared refused: " + e.getMessage(), e);
        }
      }

      @Override
      public void votePk(int domainId, Secp256k1Point publicKey) throws ChainException {
        try {
          call(account, "vote_pk", new String(ContractCalls.votePkArgs(domainId, publicKey), StandardCharsets.UTF_8), BigInteger.ZERO);
        } catch (RuntimeException e) {
          throw new ChainException("vote_pk refused: " + e.getMessage(), e);
        }
      }
    };
  }
}
