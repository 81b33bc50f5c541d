package io.chainsig.sandbox.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.contract.ContractException;
import io.chainsig.contract.MethodNotFoundException;
import io.chainsig.contract.ProhibitedInViewException;
import io.chainsig.sandbox.chain.Block;
import io.chainsig.sandbox.chain.Chain;
import io.chainsig.sandbox.chain.ChainCodec;
import io.chainsig.sandbox.state.AccountRecord;
import io.chainsig.sandbox.state.BuiltinContracts;
import io.chainsig.sandbox.state.ViewResult;
import io.chainsig.near.tx.AccessKey;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code query} method: accounts, access keys, contract code and views. Always the latest
 * state (the sandbox keeps no state history), reported at the head block.
 */
final class QueryMethod {
  private final Chain chain;

  QueryMethod(Chain chain) {
    this.chain = chain;
  }

  private static ObjectNode obj() {
    return ChainCodec.MAPPER.createObjectNode();
  }

  JsonNode query(JsonNode params) throws RpcException {
    if (params == null || !params.isObject()) {
      throw RpcException.parse("Failed parsing args: query takes an object with request_type");
    }
    Block head = BlockReference.resolve(chain, params);
    String type = RpcParams.field(params, "request_type");
    String accountId = RpcParams.field(params, "account_id");
    Optional<AccountRecord> account = chain.account(accountId);
    ObjectNode at = obj().put("block_height", head.height()).put("block_hash", head.hash());
    if (account.isEmpty()) {
      throw RpcException.handler("UNKNOWN_ACCOUNT", at.deepCopy().put("requested_account_id", accountId),
          "account " + accountId + " does not exist while viewing");
    }
    AccountRecord a = account.get();
    ObjectNode result = switch (type) {
      case "view_account" -> obj().put("amount", a.amount().toString()).put("locked", "0")
          .put("code_hash", a.hasContract() ? BuiltinContracts.signerCodeHash() : BuiltinContracts.NO_CODE_HASH)
          .put("storage_usage", a.storageUsage()).put("storage_paid_at", 0);
      case "view_access_key" -> {
        String pk = RpcParams.field(params, "public_key");
        AccessKey k = a.keys().get(pk);
        if (k == null) {
          throw RpcException.handler("UNKNOWN_ACCESS_KEY", at.deepCopy().put("public_key", pk),
              "access key " + pk + " does not exist while viewing");
        }
        yield ChainCodec.accessKeyJson(k);
      }
      case "view_access_key_list" -> {
        ObjectNode o = obj();
        ArrayNode keys = o.putArray("keys");
        for (Map.Entry<String, AccessKey> e : a.keys().entrySet()) {
          keys.addObject().put("public_key", e.getKey()).set("access_key", ChainCodec.accessKeyJson(e.getValue()));
        }
        yield o;
      }
      case "view_code" -> {
        if (!a.hasContract()) {
          throw noCode(accountId, at);
        }
        yield obj().put("code_base64", Base64.getEncoder().encodeToString(BuiltinContracts.SIGNER_MARKER))
            .put("hash", BuiltinContracts.signerCodeHash());
      }
      case "view_state" -> {
        ObjectNode o = obj();
        o.putArray("values");
        yield o;
      }
      case "call_function" -> callFunction(params, accountId, a, at);
      default -> throw RpcException.parse("Failed parsing args: unknown request_type `" + type + "`");
    };
    result.setAll(at);
    return result;
  }

  private static RpcException noCode(String accountId, ObjectNode at) {
    return RpcException.handler("NO_CONTRACT_CODE", at.deepCopy().put("contract_account_id", accountId),
        "Contract code for contract ID #" + accountId + " has never been observed on the node");
  }

  private ObjectNode callFunction(JsonNode params, String accountId, AccountRecord a, ObjectNode at)
      throws RpcException {
    String method = RpcParams.field(params, "method_name");
    byte[] args;
    try {
      args = Base64.getDecoder().decode(RpcParams.field(params, "args_base64"));
    } catch (IllegalArgumentException e) {
      throw RpcException.parse("Failed parsing args: args_base64 is not valid base64");
    }
    if (!a.hasContract()) {
      throw noCode(accountId, at);
    }
    ViewResult value;
    try {
      value = chain.view(accountId, method, args).orElseThrow(() -> noCode(accountId, at));
    } catch (ContractException e) {
      throw contractError(at, obj().put("ExecutionError", "Smart contract panicked: " + e.getMessage()),
          e.getMessage());
    } catch (MethodNotFoundException e) {
      throw contractError(at, obj().put("MethodResolveError", "MethodNotFound"), "MethodNotFound");
    } catch (ProhibitedInViewException e) {
      ObjectNode host = obj();
      host.putObject("HostError").putObject("ProhibitedInView").put("method_name", e.method());
      throw contractError(at, host, e.getMessage());
    }
    ObjectNode o = obj();
    // NEAR's array of byte values, written once per distinct result and copied into each answer.
    o.putRawValue("result", new RawValue(value.rawByteArrayJson()));
    o.putArray("logs");
    return o;
  }

  private static RpcException contractError(ObjectNode at, JsonNode vmError, String message) {
    ObjectNode info = at.deepCopy();
    info.set("vm_error", vmError);
    return RpcException.handler("CONTRACT_EXECUTION_ERROR", info,
        "wasm execution failed with error: " + message);
  }
}
