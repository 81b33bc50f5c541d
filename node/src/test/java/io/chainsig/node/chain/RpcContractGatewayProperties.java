package io.chainsig.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.chainsig.contract.ContractConfig;
import io.chainsig.contract.ContractException;
import io.chainsig.contract.RequestKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever the contract went through (requests asked, asked again, answered, timed out; blocks
 * produced and lost; the node restarted), the gateway's incremental reading gives the pending list
 * a full {@code pending_requests} reading gives.
 */
class RpcContractGatewayProperties {
  /** Requests share 4 paths and 2 payloads, so ids come back after an answer, a timeout or a lost block. */
  private static void sign(ContractRpcFake chain, int op) {
    try {
      chain.sign("p" + op % 4, String.format("%064x", op / 4 % 2 + 1));
    } catch (ContractException e) {
      assertThat(e).hasMessageContaining("too many identical");
    }
  }

  private static void respond(ContractRpcFake chain, int op) throws Exception {
    List<PendingSign> pending = chain.fullList();
    if (!pending.isEmpty()) {
      PendingSign p = pending.get(op % pending.size());
      chain.respond(new RequestKey(p.tweakHex(), p.payloadHex(), p.domainId()));
    }
  }

  @Test
  void theIncrementalListIsTheFullList() {
    qt().withExamples(100).forAll(lists().of(integers().between(0, 99)).ofSizeBetween(1, 40))
        .checkAssert(ops -> {
          try (ContractRpcFake chain = new ContractRpcFake(new ContractConfig(5, 16), ops.hashCode())) {
            chain.init(3);
            chain.votePks();
            chain.seal();
            RpcContractGateway gateway = chain.gateway(() -> 0);
            for (int op : ops) {
              if (op < 35) {
                sign(chain, op);
              } else if (op < 45) {
                respond(chain, op);
              } else if (op < 60) {
                chain.seal();
              } else if (op < 70) {
                chain.loseOpenBlock();
              } else if (op < 75) {
                gateway = chain.gateway(() -> 0); // the node restarted
              } else {
                assertThat(gateway.read().pending()).isEqualTo(chain.fullList());
              }
            }
            assertThat(gateway.read().pending()).isEqualTo(chain.fullList());
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }
}
