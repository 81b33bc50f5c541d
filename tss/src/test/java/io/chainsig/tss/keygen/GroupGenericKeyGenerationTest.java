package io.chainsig.tss.keygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.crypto.Ed25519Point;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.crypto.encoding.InvalidEncodingException;
import io.chainsig.crypto.group.Ed25519Group;
import io.chainsig.crypto.group.PrimeOrderGroup;
import io.chainsig.crypto.group.Secp256k1Group;
import io.chainsig.tss.MaxMalicious;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.Protocol;
import io.chainsig.tss.SeededRandom;
import io.chainsig.tss.SessionId;
import io.chainsig.tss.simulation.InMemoryNetwork;
import io.chainsig.tss.simulation.RunResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One generic test body for key generation and refresh, run over every group. */
class GroupGenericKeyGenerationTest {
  static <S, E> void keygenThenRefreshKeepsTheKey(PrimeOrderGroup<S, E> group, int n, int t) {
    ParticipantSet all = ParticipantSet.ofRange(n);
    SessionId session = SessionId.fromLabel("generic " + group.name());
    Map<ParticipantId, Protocol<KeyShare<S, E>>> parties = new LinkedHashMap<>();
    for (ParticipantId p : all.ids()) {
      parties.put(p, KeyGeneration.start(group, session, all, p, new MaxMalicious(t), new SeededRandom(p.value())));
    }
    RunResult<KeyShare<S, E>> r = InMemoryNetwork.builder().reorder(3).build().run(parties);
    assertThat(r.allFinished()).as("%s", r.aborts()).isTrue();
    E x = r.output(ParticipantId.of(1)).publicKey();
    S secret = reconstruct(group, r.outputs(), ParticipantSet.of(all.ids().subList(0, t + 1)));
    assertThat(group.generatorTimes(secret)).isEqualTo(x);

    Map<ParticipantId, Protocol<KeyShare<S, E>>> refresh = new LinkedHashMap<>();
    r.outputs().forEach((p, s) -> refresh.put(p, Refresh.start(group, SessionId.fromLabel("r"), s, new SeededRandom(9 + p.value()))));
    RunResult<KeyShare<S, E>> r2 = InMemoryNetwork.reliable().run(refresh);
    assertThat(r2.allFinished()).isTrue();
    assertThat(r2.output(ParticipantId.of(2)).publicKey()).isEqualTo(x);
    List<ParticipantId> last = all.ids().subList(n - t - 1, n);
    assertThat(reconstruct(group, r2.outputs(), ParticipantSet.of(last))).isEqualTo(secret);
  }

  static <S, E> S reconstruct(
      PrimeOrderGroup<S, E> group, Map<ParticipantId, KeyShare<S, E>> shares, ParticipantSet from) {
    S x = group.scalarOf(0);
    for (ParticipantId p : from.ids()) {
      x = group.add(x, group.multiply(from.lagrangeAtZero(group, p), shares.get(p).secretShare()));
    }
    return x;
  }

  @Test
  void secp256k1() {
    keygenThenRefreshKeepsTheKey(Secp256k1Group.INSTANCE, 4, 2);
  }

  @Test
  void ed25519() {
    keygenThenRefreshKeepsTheKey(Ed25519Group.INSTANCE, 4, 2);
  }

  @Test
  void ed25519RejectsSmallOrderPoints() {
    // A point of order 8 (RFC 8032 test lists): y = 0x26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05.
    byte[] order8 = Hex.decode("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05");
    assertThat(Ed25519Point.decode(order8).isIdentity()).isFalse();
    assertThatThrownBy(() -> Ed25519Group.INSTANCE.decodeElement(order8))
        .isInstanceOf(InvalidEncodingException.class);
    assertThatThrownBy(() -> Ed25519Group.INSTANCE.decodeElement(Ed25519Point.IDENTITY.encode()))
        .isInstanceOf(InvalidEncodingException.class);
    assertThat(Optional.of(Ed25519Group.INSTANCE.decodeElement(Ed25519Point.BASE.encode())))
        .contains(Ed25519Point.BASE);
  }
}
