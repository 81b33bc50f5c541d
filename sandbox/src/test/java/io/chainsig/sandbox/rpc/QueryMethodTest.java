package io.chainsig.sandbox.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.contract.ContractStateCodec;
import io.chainsig.contract.SignerContractAbi;
import io.chainsig.sandbox.chain.Block;
import io.chainsig.sandbox.chain.ChainCodec;
import io.chainsig.sandbox.chain.ChainFixture;
import io.chainsig.sandbox.chain.ValidatorKey;
import io.chainsig.sandbox.state.BuiltinContracts;
import io.chainsig.near.tx.Action;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** View results are written exactly as before: NEAR's JSON array of byte values. */
class QueryMethodTest {
  private final ChainFixture f = new ChainFixture();

  private ObjectNode callFunction(String method) {
    return ChainCodec.MAPPER.createObjectNode().put("request_type", "call_function").put("finality", "final")
        .put("account_id", "signer.test.near").put("method_name", method)
        .put("args_base64", Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8)));
  }

  /** The answer as the RPC built it before: one number node per byte of the value. */
  private String expected(String method, Block head) {
    byte[] value = SignerContractAbi.view(
        ContractStateCodec.decode(f.chain.account("signer.test.near").orElseThrow().contractState().bytes()),
        method, "{}".getBytes(StandardCharsets.UTF_8));
    ObjectNode o = ChainCodec.MAPPER.createObjectNode();
    ArrayNode bytes = o.putArray("result");
    for (byte b : value) {
      bytes.add(b & 0xff);
    }
    o.putArray("logs");
    o.put("block_height", head.height()).put("block_hash", head.hash());
    return o.toString();
  }

  @Test
  void callFunctionAnswersAreByteForByteTheOldOnes() throws Exception {
    ValidatorKey signer = f.createAccount("signer.test.near");
    f.submit(f.tx(signer, "signer.test.near", new Action.DeployContract(BuiltinContracts.SIGNER_MARKER)));
    Block head = f.block();
    RpcMethods methods = new RpcMethods(f.chain, 1000, "127.0.0.1:0", f.root.publicKey());
    for (String method : new String[] {"state", "config", "pending_requests", "latest_key_version", "state"}) {
      String answer = methods.call("query", callFunction(method)).toString();
      assertThat(answer).as(method).isEqualTo(expected(method, head));
      assertThat(ChainCodec.MAPPER.writeValueAsString(methods.call("query", callFunction(method))))
          .isEqualTo(answer);
    }
  }
}
