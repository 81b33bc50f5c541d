package io.chainsig.contract;

import io.chainsig.derivation.NearAccountId;
import java.math.BigInteger;
import java.util.List;

/** Shared setup for contract tests: accounts, calls, and a contract brought to Running. */
final class ContractFixture {
  static final NearAccountId SIGNER = NearAccountId.of("signer.test.near");
  static final NearAccountId ALICE = NearAccountId.of("alice.test.near");
  static final NearAccountId N1 = NearAccountId.of("n1.test.near");
  static final NearAccountId N2 = NearAccountId.of("n2.test.near");
  static final NearAccountId N3 = NearAccountId.of("n3.test.near");
  static final NearAccountId N4 = NearAccountId.of("n4.test.near");
  static final String ENTROPY = "ab".repeat(32);
  static final String PAYLOAD = "01".repeat(32);

  final TestRootKey root = TestRootKey.fixed();
  final SignerContract contract = new SignerContract(ContractConfig.defaults());

  static Participant participant(NearAccountId account, int id) {
    return new Participant(account, id, "https://" + account.value() + ":9000",
        "ed25519:6E8sCci9badyRkXb3JoRpBj5p8C6Tw41ELDZoiihKEtp");
  }

  static ThresholdParameters threeOfTwo() {
    return new ThresholdParameters(List.of(participant(N1, 0), participant(N2, 1), participant(N3, 2)), 2);
  }

  static CallContext call(NearAccountId predecessor, long height) {
    return call(predecessor, height, BigInteger.ZERO);
  }

  static CallContext call(NearAccountId predecessor, long height, BigInteger deposit) {
    return new CallContext(SIGNER, predecessor, deposit, height, ENTROPY);
  }

  static CallContext signCall(long height) {
    return call(ALICE, height, BigInteger.ONE);
  }

  ContractFixture initialized() {
    contract.init(call(SIGNER, 1), threeOfTwo(), List.of(new Domain(0, SignatureScheme.Secp256k1)));
    return this;
  }

  ContractFixture running() {
    initialized();
    contract.votePk(call(N1, 2), 0, root.publicKey());
    contract.votePk(call(N2, 2), 0, root.publicKey());
    return this;
  }

  RequestKey sign(String callId, long height) {
    CallOutcome out = contract.sign(signCall(height), new SignArgs("btc/0", PAYLOAD, 0), callId);
    return ((CallOutcome.Pending) out).key();
  }
}
