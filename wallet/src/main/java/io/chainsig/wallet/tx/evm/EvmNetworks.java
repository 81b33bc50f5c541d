package io.chainsig.wallet.tx.evm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The chain-id table loaded from {@code evm-networks.tsv}. */
public final class EvmNetworks {
  private static final EvmNetworks STANDARD = load();

  private final Map<Long, EvmNetwork> byChainId;

  private EvmNetworks(Map<Long, EvmNetwork> byChainId) {
    this.byChainId = Map.copyOf(byChainId);
  }

  /** The table shipped with the wallet. */
  public static EvmNetworks standard() {
    return STANDARD;
  }

  /** The listed network of a chain id. */
  public Optional<EvmNetwork> find(long chainId) {
    return Optional.ofNullable(byChainId.get(chainId));
  }

  /** The listed network, or {@link EvmNetwork#unknown(long)}. */
  public EvmNetwork byChainId(long chainId) {
    return find(chainId).orElseGet(() -> EvmNetwork.unknown(chainId));
  }

  private static EvmNetworks load() {
    try (InputStream in = EvmNetworks.class.getResourceAsStream("evm-networks.tsv")) {
      if (in == null) {
        throw new IllegalStateException("resource io/chainsig/wallet/tx/evm/evm-networks.tsv is missing");
      }
      Map<Long, EvmNetwork> rows = new HashMap<>();
      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .forEach(line -> {
            String[] cells = line.split("\t", -1);
            if (cells.length != 4 || !(cells[3].equals("mainnet") || cells[3].equals("testnet"))) {
              throw new IllegalStateException("evm-networks.tsv: bad row: " + line);
            }
            EvmNetwork network = new EvmNetwork(Long.parseLong(cells[0]), cells[1], cells[2], cells[3].equals("testnet"));
            if (rows.put(network.chainId(), network) != null) {
              throw new IllegalStateException("evm-networks.tsv lists chain id " + network.chainId() + " twice");
            }
          });
      return new EvmNetworks(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
