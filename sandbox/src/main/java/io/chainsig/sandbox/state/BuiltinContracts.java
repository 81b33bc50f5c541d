package io.chainsig.sandbox.state;

import io.chainsig.contract.ContractConfig;
import io.chainsig.contract.SignerContract;
import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Base58;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The sandbox runs no WebAssembly: a {@code DeployContract} action whose code is exactly {@link
 * #SIGNER_MARKER} puts the built-in signer contract on the receiver account (docs/sandbox.md).
 */
public final class BuiltinContracts {
  /** The code bytes that stand for the signer contract. */
  public static final byte[] SIGNER_MARKER =
      "chainsig:signer-contract:v1".getBytes(StandardCharsets.UTF_8);

  /** The code hash NEAR shows for an account without code (32 zero bytes). */
  public static final String NO_CODE_HASH = Base58.encode(new byte[32]);

  private BuiltinContracts() {}

  /** True if the code is the signer marker. */
  public static boolean isSignerMarker(byte[] code) {
    return Arrays.equals(code, SIGNER_MARKER);
  }

  /** The code hash shown for the signer contract's account. */
  public static String signerCodeHash() {
    return Base58.encode(Hashes.sha256(SIGNER_MARKER));
  }

  /** The state of a freshly deployed signer contract. */
  public static ContractState freshSignerState() {
    return ContractState.encode(new SignerContract(ContractConfig.defaults()));
  }
}
