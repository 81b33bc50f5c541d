package io.chainsig.wallet.tx.evm;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.derivation.address.EvmAddress;
import io.chainsig.wallet.tx.NotSignableException;
import io.chainsig.wallet.tx.SignablePayload;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An EVM transaction to sign, described for the user: the network comes from the chain id (EIP-155
 * makes the signature valid on that chain only), amounts in ether units of the network's currency.
 */
public final class EvmPayment implements SignablePayload {
  /** SLIP-44 coin type of the {@code evm} keys. */
  public static final long EVM_COIN_TYPE = 60;

  private final EvmTransaction tx;
  private final Optional<EvmNetwork> network;
  private final Optional<Secp256k1PublicKey> signingKey;

  /** Describes a parsed transaction with the standard chain-id table. */
  public EvmPayment(EvmTransaction tx) {
    this(tx, EvmNetworks.standard(), Optional.empty());
  }

  /** Describes a parsed transaction; with the signing key known, its address is shown as the sender. */
  public EvmPayment(EvmTransaction tx, EvmNetworks networks, Optional<Secp256k1PublicKey> signingKey) {
    this.tx = tx;
    this.signingKey = signingKey;
    this.network = tx.chainId().isPresent() ? Optional.of(networks.byChainId(tx.chainId().getAsLong())) : Optional.empty();
  }

  /** The transaction. */
  public EvmTransaction transaction() {
    return tx;
  }

  /** The network named by the chain id; empty for a transaction without one. */
  public Optional<EvmNetwork> network() {
    return network;
  }

  @Override
  public Set<Long> coinTypes() {
    return Set.of(EVM_COIN_TYPE);
  }

  @Override
  public String networkName() {
    return network.map(EvmNetwork::name).orElse("EVM (no chain id: valid on every EVM chain)");
  }

  private String symbol() {
    return network.map(EvmNetwork::symbol).orElse("native units");
  }

  @Override
  public List<String> description() {
    List<String> lines = new ArrayList<>();
    String value = EtherUnits.format(tx.valueWei()) + " " + symbol();
    String to = tx.to().map(a -> a.toChecksumString()).orElse("a new contract");
    Optional<Erc20Call> erc20 = tx.erc20Call();
    if (tx.to().isEmpty()) {
      lines.add("Deploy a new contract" + (tx.valueWei().signum() > 0 ? " funded with " + value : ""));
    } else if (erc20.isPresent()) {
      lines.add(erc20Headline(erc20.get(), to));
    } else if (tx.data().length == 0) {
      lines.add("Send " + value);
    } else {
      lines.add("Call contract " + to + (tx.valueWei().signum() > 0 ? " sending " + value : ""));
    }
    signingKey.ifPresent(key -> lines.add("From: " + EvmAddress.of(key).toChecksumString() + " (this key)"));
    lines.add("To: " + to);
    lines.add("Value: " + value);
    lines.add("Network: " + networkName() + tx.chainId().stream().mapToObj(id -> " (chain id " + id + ")").findFirst().orElse(""));
    if (tx.data().length > 0 && erc20.isEmpty()) {
      lines.add("Data: " + tx.data().length + " bytes, function selector 0x" + Hex.encode(java.util.Arrays.copyOf(tx.data(), Math.min(4, tx.data().length))));
    }
    lines.add("Maximum network fee: " + EtherUnits.format(tx.gasLimit().multiply(tx.maxFeePerGasWei())) + " " + symbol());
    lines.add("Nonce: " + tx.nonce());
    return List.copyOf(lines);
  }

  private static String erc20Headline(Erc20Call call, String token) {
    return switch (call) {
      case Erc20Call.Transfer t -> "Transfer " + t.amount() + " base units of token " + token + " to " + t.to().toChecksumString();
      case Erc20Call.TransferFrom t -> "Transfer " + t.amount() + " base units of token " + token + " from "
          + t.from().toChecksumString() + " to " + t.to().toChecksumString();
      case Erc20Call.Approve a -> "Approve " + a.spender().toChecksumString() + " to spend "
          + (a.amount().equals(Erc20Call.UNLIMITED) ? "an UNLIMITED amount" : a.amount() + " base units")
          + " of token " + token;
    };
  }

  @Override
  public byte[] signingHash() {
    byte[] preimage = tx.signingPreimage().orElseThrow(() -> new NotSignableException(
        "this legacy transaction has no chain id (EIP-155): its signature would be valid on every EVM chain"));
    return Hashes.keccak256(preimage);
  }

  /** The max fee in wei, for tests and logs. */
  public BigInteger maxFeeWei() {
    return tx.gasLimit().multiply(tx.maxFeePerGasWei());
  }
}
