package io.chainsig.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.contract.ContractJson;
import io.chainsig.contract.RequestKey;
import io.chainsig.contract.SignatureResponse;
import io.chainsig.contract.TestRootKey;
import io.chainsig.sandbox.chain.ValidatorKey;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test stand-in for the MPC network: polls the signer contract's pending requests over JSON-RPC
 * and answers each with a plain ECDSA signature under the known test root key. The first answer
 * it ever sends is deliberately wrong, to show the contract refuses it and keeps the request.
 */
final class NodeResponder implements Runnable {
  private final ValidatorKey nodeKey;
  private final TestRootKey root;
  private final String contract;
  private volatile RpcClient rpc;
  final AtomicBoolean enabled = new AtomicBoolean(false);
  final AtomicBoolean stop = new AtomicBoolean(false);
  final AtomicInteger answered = new AtomicInteger();
  final AtomicInteger refusedWrongSignatures = new AtomicInteger();
  volatile Throwable failure;

  NodeResponder(RpcClient rpc, ValidatorKey nodeKey, TestRootKey root, String contract) {
    this.rpc = rpc;
    this.nodeKey = nodeKey;
    this.root = root;
    this.contract = contract;
  }

  void useRpc(RpcClient client) {
    this.rpc = client;
  }

  @Override
  public void run() {
    while (!stop.get()) {
      try {
        Thread.sleep(100);
        if (enabled.get()) {
          for (JsonNode p : rpc.view(contract, "pending_requests", "{}")) {
            answer(ContractJson.requestKey(p.get("request")));
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        // the sandbox may be restarting; try again
      }
    }
  }

  private void answer(RequestKey key) throws Exception {
    if (refusedWrongSignatures.get() == 0) {
      SignatureResponse wrong = TestRootKey.fixedOther().sign(key);
      JsonNode out = rpc.functionCall(nodeKey, contract, "respond", respondArgs(key, wrong));
      if (!out.get("status").has("Failure")
          || !out.get("status").toString().contains("invalid signature")) {
        failure = new AssertionError("a wrong signature was not refused: " + out.get("status"));
      }
      refusedWrongSignatures.incrementAndGet();
    }
    JsonNode out = rpc.functionCall(nodeKey, contract, "respond", respondArgs(key, root.sign(key)));
    if (!out.get("status").has("SuccessValue")) {
      failure = new AssertionError("respond failed: " + out.get("status"));
    }
    answered.incrementAndGet();
  }

  private static String respondArgs(RequestKey key, SignatureResponse sig) {
    return "{\"request\":" + ContractJson.requestKeyJson(key) + ",\"response\":" + ContractJson.responseJson(sig) + "}";
  }
}
