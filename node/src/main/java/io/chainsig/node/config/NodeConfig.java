package io.chainsig.node.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.chainsig.derivation.NearAccountId;

/**
 * The node's settings, stored as {@code config.json} in its home directory.
 *
 * @param accountId the NEAR account the node acts as (it signs {@code respond} and votes)
 * @param meshHost the address the mesh listens on
 * @param meshPort the mesh port
 * @param rpcUrl the NEAR JSON-RPC endpoint it follows
 * @param contractId the signer contract's account
 * @param httpHost the address of the metrics and health endpoint
 * @param httpPort the metrics and health port
 * @param presignaturePoolTarget how many presignatures the node keeps ready
 */
public record NodeConfig(
    @JsonProperty("account_id") String accountId,
    @JsonProperty("mesh_host") String meshHost,
    @JsonProperty("mesh_port") int meshPort,
    @JsonProperty("rpc_url") String rpcUrl,
    @JsonProperty("contract_id") String contractId,
    @JsonProperty("http_host") String httpHost,
    @JsonProperty("http_port") int httpPort,
    @JsonProperty("presignature_pool_target") int presignaturePoolTarget) {

  /** Validates every field, naming the one that is wrong. */
  public NodeConfig {
    NearAccountId.of(require(accountId, "account_id"));
    NearAccountId.of(require(contractId, "contract_id"));
    require(meshHost, "mesh_host");
    require(httpHost, "http_host");
    String rpc = require(rpcUrl, "rpc_url");
    if (!rpc.startsWith("http://") && !rpc.startsWith("https://")) {
      throw new IllegalArgumentException("config rpc_url must be an http(s) URL, got '" + rpc + "'");
    }
    port(meshPort, "mesh_port");
    port(httpPort, "http_port");
    if (presignaturePoolTarget < 0 || presignaturePoolTarget > 100_000) {
      throw new IllegalArgumentException("config presignature_pool_target must be 0..100000");
    }
  }

  private static String require(String v, String name) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("config " + name + " is missing");
    }
    return v;
  }

  private static void port(int p, String name) {
    if (p <= 0 || p > 65535) {
      throw new IllegalArgumentException("config " + name + " must be 1..65535, got " + p);
    }
  }
}
