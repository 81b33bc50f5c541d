package io.chainsig.benchmarks.sandbox;

import static io.chainsig.sandbox.chain.ChainFixture.call;

import io.chainsig.contract.ContractJson;
import io.chainsig.contract.RequestKey;
import io.chainsig.contract.TestRootKey;
import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.DerivationTweak;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.near.tx.Action;
import io.chainsig.near.tx.SignedTransaction;
import io.chainsig.sandbox.chain.ChainFixture;
import io.chainsig.sandbox.chain.TxRecord;
import io.chainsig.sandbox.chain.ValidatorKey;
import io.chainsig.sandbox.state.BuiltinContracts;
import io.chainsig.sandbox.state.ExecutionStatus;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The signer contract on a chain, Running with {@code nodes} participants (threshold 2) and a
 * known root key ({@link TestRootKey#fixed()}), one account per client; and rounds of pre-signed
 * transactions for it, so that a measured run spends no CPU on client-side signing.
 *
 * <p>Request {@code r} of a round is client {@code r % clients}'s sign call and is answered by
 * node {@code r % nodes}; each account's transactions carry increasing nonces in that order.
 */
final class SignerWorkload {
  /** The contract account. */
  static final String SIGNER = "signer.test.near";

  private final ChainFixture f;
  private final TestRootKey mpc = TestRootKey.fixed();
  private final List<ValidatorKey> clients = new ArrayList<>();
  private final List<ValidatorKey> nodes = new ArrayList<>();
  private int rounds;

  /** One round: request r's sign and respond transactions. */
  record Round(List<SignedTransaction> signs, List<SignedTransaction> responds) {
    Round {
      if (signs.size() != responds.size()) {
        throw new IllegalArgumentException("every sign needs its respond");
      }
      signs = List.copyOf(signs);
      responds = List.copyOf(responds);
    }
  }

  private SignerWorkload(ChainFixture f) {
    this.f = f;
  }

  /** Creates the accounts and a Running signer contract on the fixture's fresh chain. */
  static SignerWorkload setUp(ChainFixture f, int clientCount, int nodeCount) {
    if (clientCount < 1 || nodeCount < 2) {
      throw new IllegalArgumentException("at least 1 client and 2 nodes (threshold 2)");
    }
    SignerWorkload w = new SignerWorkload(f);
    ValidatorKey signer = f.createAccount(SIGNER);
    for (int i = 0; i < nodeCount; i++) {
      w.nodes.add(f.createAccount("node" + i + ".test.near"));
    }
    for (int i = 0; i < clientCount; i++) {
      w.clients.add(f.createAccount("client" + i + ".test.near"));
    }
    StringBuilder participants = new StringBuilder();
    for (int i = 0; i < nodeCount; i++) {
      participants.append(i == 0 ? "" : ",").append("[\"node").append(i).append(".test.near\",").append(i)
          .append(",{\"url\":\"https://n\",\"tls_public_key\":\"").append(w.nodes.get(i).publicKey()).append("\"}]");
    }
    w.expectSuccess(f.tx(signer, SIGNER, new Action.DeployContract(BuiltinContracts.SIGNER_MARKER)));
    w.expectSuccess(f.tx(signer, SIGNER, call("init", "{\"parameters\":{\"participants\":[" + participants
        + "],\"threshold\":2},\"domains\":[{\"id\":0,\"scheme\":\"Secp256k1\"}]}", BigInteger.ZERO)));
    for (int i = 0; i < 2; i++) {
      w.expectSuccess(f.tx(w.nodes.get(i), SIGNER, call("vote_pk",
          "{\"domain_id\":0,\"public_key\":\"" + w.mpc.publicKey().toNearString() + "\"}", BigInteger.ZERO)));
    }
    f.block();
    return w;
  }

  /** The chain. */
  io.chainsig.sandbox.chain.Chain chain() {
    return f.chain;
  }

  /** The next round: {@code perClient} sign requests of each client and their responds. */
  Round nextRound(int perClient) {
    int round = rounds++;
    int total = perClient * clients.size();
    long[] clientNonce = clients.stream().mapToLong(f::nonceOf).toArray();
    long[] nodeNonce = nodes.stream().mapToLong(f::nonceOf).toArray();
    List<SignedTransaction> signs = new ArrayList<>(total);
    List<SignedTransaction> responds = new ArrayList<>(total);
    for (int r = 0; r < total; r++) {
      int c = r % clients.size();
      int n = r % nodes.size();
      ValidatorKey client = clients.get(c);
      String path = "load-" + round + "-" + r;
      String payload = Hex.encode(Hashes.sha256(path.getBytes(StandardCharsets.UTF_8)));
      signs.add(f.tx(client, ++clientNonce[c], SIGNER, call("sign", "{\"request\":{\"path\":\"" + path
          + "\",\"payload_v2\":{\"Ecdsa\":\"" + payload + "\"},\"domain_id\":0}}", BigInteger.ONE)));
      RequestKey key = new RequestKey(
          DerivationTweak.of(NearAccountId.of(client.accountId()), path).toHex(), payload, 0);
      responds.add(f.tx(nodes.get(n), ++nodeNonce[n], SIGNER, call("respond", "{\"request\":"
          + ContractJson.requestKeyJson(key) + ",\"response\":" + ContractJson.responseJson(mpc.sign(key)) + "}",
          BigInteger.ZERO)));
    }
    return new Round(signs, responds);
  }

  private void expectSuccess(SignedTransaction stx) {
    TxRecord r = f.submit(stx);
    if (!(r.status() instanceof ExecutionStatus.SuccessValue)) {
      throw new IllegalStateException("set-up transaction failed: " + r.status());
    }
  }
}
