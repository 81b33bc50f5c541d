package io.chainsig.sandbox.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainsig.contract.CallContext;
import io.chainsig.contract.ContractConfig;
import io.chainsig.contract.ContractStateCodec;
import io.chainsig.contract.Domain;
import io.chainsig.contract.Participant;
import io.chainsig.contract.SignatureScheme;
import io.chainsig.contract.SignerContract;
import io.chainsig.contract.ThresholdParameters;
import io.chainsig.derivation.NearAccountId;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractStateTest {
  private static final NearAccountId SIGNER = NearAccountId.of("signer.test.near");

  private static SignerContract initialized() {
    SignerContract c = new SignerContract(ContractConfig.defaults());
    c.init(new CallContext(SIGNER, SIGNER, BigInteger.ZERO, 1, "ab".repeat(32)),
        new ThresholdParameters(List.of(new Participant(NearAccountId.of("n1.test.near"), 0, "https://n1",
            "ed25519:6E8sCci9badyRkXb3JoRpBj5p8C6Tw41ELDZoiihKEtp")), 1),
        List.of(new Domain(0, SignatureScheme.Secp256k1)));
    return c;
  }

  @Test
  void aStateMadeFromAContractIsEncodedOnlyWhenItsBytesAreNeeded() {
    SignerContract c = initialized();
    byte[] expected = ContractStateCodec.encode(c);
    ContractState s = ContractState.of(c);
    assertThat(s.readOnly()).isSameAs(c);
    assertThat(s).hasToString("ContractState[not encoded yet]");
    assertThat(s.bytes()).isEqualTo(expected);
    assertThat(s).hasToString("ContractState[" + expected.length + " bytes]");
    assertThat(s.size()).isEqualTo(expected.length);
    assertThat(s).isEqualTo(ContractState.of(expected)).hasSameHashCodeAs(ContractState.of(expected));
  }

  @Test
  void decodeHandsOutCopiesThatLeaveTheStateAsItWas() {
    ContractState s = ContractState.of(initialized());
    byte[] before = ContractStateCodec.encode(s.readOnly());
    SignerContract changed = s.decode();
    assertThat(changed).isNotSameAs(s.readOnly()).isNotSameAs(s.decode());
    changed.onBlock(1);
    changed.votePk(new CallContext(SIGNER, NearAccountId.of("n1.test.near"), BigInteger.ZERO, 2, "ab".repeat(32)), 0,
        io.chainsig.contract.TestRootKey.fixed().publicKey());
    assertThat(ContractStateCodec.encode(changed)).isNotEqualTo(before);
    assertThat(s.bytes()).isEqualTo(before);
  }

  @Test
  void aStateReadFromBytesIsDecodedOnce() {
    byte[] bytes = ContractStateCodec.encode(initialized());
    ContractState s = ContractState.of(bytes);
    bytes[0] = 'x';
    assertThat(s.readOnly()).isSameAs(s.readOnly());
    assertThat(ContractStateCodec.encode(s.decode())).isEqualTo(s.bytes());
    // encode() keeps only the bytes: the next reader decodes them
    SignerContract c = initialized();
    ContractState encoded = ContractState.encode(c);
    assertThat(encoded).hasToString("ContractState[" + encoded.size() + " bytes]");
    assertThat(encoded.readOnly()).isNotSameAs(c);
  }
}
