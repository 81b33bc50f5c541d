package io.chainsig.wallet.path;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SLIP-44 coin types by number and by key name, loaded from the {@code slip44.tsv} resource. A coin
 * type that is not in the table still works: key strings then write its number.
 */
public final class Slip44Registry {
  private static final Slip44Registry STANDARD = load();

  private final Map<Long, Slip44CoinType> byType;
  private final Map<String, Slip44CoinType> byName;

  private Slip44Registry(List<Slip44CoinType> rows) {
    Map<Long, Slip44CoinType> types = new HashMap<>();
    Map<String, Slip44CoinType> names = new HashMap<>();
    for (Slip44CoinType row : rows) {
      if (types.put(row.coinType(), row) != null) {
        throw new IllegalStateException("slip44.tsv lists coin type " + row.coinType() + " twice");
      }
      for (String name : row.keyNames()) {
        if (names.put(name, row) != null) {
          throw new IllegalStateException("slip44.tsv uses key name " + name + " twice");
        }
      }
    }
    this.byType = Map.copyOf(types);
    this.byName = Map.copyOf(names);
  }

  /** The table shipped with the wallet. */
  public static Slip44Registry standard() {
    return STANDARD;
  }

  /** The row of a coin type, if the table has it. */
  public Optional<Slip44CoinType> byCoinType(long coinType) {
    return Optional.ofNullable(byType.get(coinType));
  }

  /** The row a key name (or alias) refers to. */
  public Optional<Slip44CoinType> byKeyName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The name used in key strings: the table's key name, or the number for unlisted types. */
  public String keyNameOf(long coinType) {
    return byCoinType(coinType).map(Slip44CoinType::keyName).orElse(Long.toString(coinType));
  }

  /** A human name for prompts, e.g. {@code Bitcoin}; unlisted types read "SLIP-44 coin type N". */
  public String coinNameOf(long coinType) {
    return byCoinType(coinType).map(Slip44CoinType::coinName).orElse("SLIP-44 coin type " + coinType);
  }

  private static Slip44Registry load() {
    try (InputStream in = Slip44Registry.class.getResourceAsStream("slip44.tsv")) {
      if (in == null) {
        throw new IllegalStateException("resource io/chainsig/wallet/path/slip44.tsv is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return new Slip44Registry(
          reader.lines()
              .filter(line -> !line.isBlank() && !line.startsWith("#"))
              .map(Slip44Registry::row)
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Slip44CoinType row(String line) {
    String[] cells = line.split("\t", -1);
    if (cells.length != 4) {
      throw new IllegalStateException("slip44.tsv: expected 4 tab-separated cells in: " + line);
    }
    return new Slip44CoinType(
        Long.parseLong(cells[0]), cells[1], cells[2], Arrays.asList(cells[3].split(",")));
  }
}
