package io.chainsig.node.mpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.ProtocolAbortException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The exclusion rule of docs/node.md step 12, on a clock the test moves. */
class ParticipantHealthTest {
  private static final ParticipantId ME = ParticipantId.of(1);
  private static final ParticipantId CULPRIT = ParticipantId.of(3);
  private static final ProtocolAbortException NOBODY = ProtocolAbortException.unattributed("combined signature does not verify");
  private static final ParticipantHealth.Policy POLICY = new ParticipantHealth.Policy(3, Duration.ofMinutes(10), Duration.ofMinutes(5));

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final ParticipantHealth health = new ParticipantHealth(ME, POLICY, clock::get, metrics);

  private static ParticipantSet set(int... ids) {
    return ParticipantSet.ofIds(ids);
  }

  private static ParticipantId p(int id) {
    return ParticipantId.of(id);
  }

  private void advance(Duration d) {
    clock.addAndGet(d.toNanos());
  }

  private double exclusions(int participant) {
    var c = metrics.find("chainsig_exclusions_total").tag("participant", String.valueOf(participant)).counter();
    return c == null ? 0 : c.count();
  }

  private double excludedGauge() {
    return metrics.get("chainsig_excluded_participants").gauge().value();
  }

  @Test
  void anUnattributedAbortCountsAgainstEveryOtherSignerAndTheLimitExcludes() {
    assertThat(health.aborted("sign", set(1, 2, 3), NOBODY)).isEqualTo("failures: P2=1/3, P3=1/3");
    assertThat(health.failures(ME, "sign")).isZero();
    health.aborted("sign", set(1, 3, 4), NOBODY);
    assertThat(health.excluded()).isEmpty();
    assertThat(excludedGauge()).isZero();

    assertThat(health.aborted("sign", set(1, 3, 5), NOBODY)).isEqualTo("failures: P3=3/3, P5=1/3");

    assertThat(health.excluded()).containsExactly(CULPRIT);
    assertThat(excludedGauge()).isEqualTo(1.0);
    assertThat(exclusions(3)).isEqualTo(1.0);
    assertThat(exclusions(2)).isZero();
  }

  @Test
  void aCompletedSessionClearsItsSignersInThatProtocolOnly() {
    health.aborted("sign", set(1, 2, 3), NOBODY);
    health.aborted("sign", set(1, 2, 3), NOBODY);
    health.aborted("presign", set(1, 2, 4), NOBODY);
    health.succeeded("presign", set(1, 2, 3));

    assertThat(health.failures(p(2), "sign")).isEqualTo(2);
    assertThat(health.failures(p(2), "presign")).isZero();
    health.succeeded("sign", set(1, 2, 4));
    assertThat(health.failures(p(2), "sign")).isZero();
    assertThat(health.failures(CULPRIT, "sign")).isEqualTo(2);

    health.aborted("sign", set(1, 3, 5), NOBODY);
    assertThat(health.excluded()).containsExactly(CULPRIT);
  }

  @Test
  void twoParticipantsInEveryFailedSessionAreNotToldApartUntilAFailureWithoutOneOfThem() {
    for (int i = 0; i < 4; i++) {
      health.aborted("presign", set(1, 2, 3), NOBODY);
    }
    assertThat(health.failures(p(2), "presign")).isEqualTo(4);
    assertThat(health.excluded()).as("2 and 3 were in every failure: no evidence between them").isEmpty();

    health.aborted("presign", set(1, 3, 4), NOBODY);
    assertThat(health.excluded()).as("2's failures are all 3's too").containsExactly(CULPRIT);
    health.aborted("presign", set(1, 2, 3), NOBODY);
    assertThat(health.failures(p(2), "presign")).as("explained by the excluded 3").isEqualTo(4);
    health.succeeded("presign", set(1, 2, 4));
    assertThat(health.failures(p(2), "presign")).isZero();
  }

  @Test
  void aProvenCulpritIsExcludedAtOnceAndASuspectIsOnlyCounted() {
    health.aborted("presign", set(1, 2, 3, 4, 5),
        ProtocolAbortException.suspecting(List.of(p(4)), "only removing 4's R_i makes the rest fit"));
    assertThat(health.failures(p(4), "presign")).isEqualTo(1);
    assertThat(health.failures(p(2), "presign")).as("a named suspect leaves the others alone").isZero();
    assertThat(health.excluded()).isEmpty();

    assertThat(health.aborted("sign", set(1, 2, 3), ProtocolAbortException.blaming(p(2), "2 signs a different request")))
        .isEqualTo("participant P2 excluded");
    assertThat(health.excluded()).containsExactly(p(2));
    assertThat(exclusions(2)).isEqualTo(1.0);
  }

  @Test
  void thisNodeIsNeverCountedOrExcluded() {
    health.aborted("sign", set(1, 2, 3), ProtocolAbortException.blaming(ME, "bad message"));
    health.aborted("presign", set(1, 2, 3), ProtocolAbortException.suspecting(List.of(ME), "outlier"));
    assertThat(health.excluded()).isEmpty();
    assertThat(health.failures(ME, "presign")).isZero();
  }

  @Test
  void aFailureOfASetWithAnExcludedParticipantIsPutOnItAlone() {
    health.aborted("sign", set(1, 2, 3), ProtocolAbortException.blaming(CULPRIT, "bad message"));
    for (int i = 0; i < 5; i++) {
      health.aborted("presign", set(1, 2, 3), NOBODY);
    }
    assertThat(health.failures(p(2), "presign")).isZero();
    assertThat(health.excluded()).containsExactly(CULPRIT);
  }

  @Test
  void failuresOutsideTheWindowAreForgotten() {
    health.aborted("sign", set(1, 2, 3), NOBODY);
    health.aborted("sign", set(1, 3, 4), NOBODY);
    advance(Duration.ofMinutes(10).plusSeconds(1));
    assertThat(health.aborted("sign", set(1, 3, 5), NOBODY)).isEqualTo("failures: P3=1/3, P5=1/3");
    assertThat(health.excluded()).isEmpty();
  }

  @Test
  void anExclusionEndsAfterItsTimeAndCountingStartsAgain() {
    health.aborted("sign", set(1, 2, 3), ProtocolAbortException.blaming(CULPRIT, "bad message"));
    advance(Duration.ofMinutes(5).minusSeconds(1));
    assertThat(health.excluded()).containsExactly(CULPRIT);
    advance(Duration.ofSeconds(1));
    assertThat(health.excluded()).isEmpty();
    assertThat(excludedGauge()).isZero();

    health.aborted("sign", set(1, 3, 4), NOBODY);
    health.aborted("sign", set(1, 3, 5), NOBODY);
    assertThat(health.excluded()).isEmpty();
    health.aborted("sign", set(1, 2, 3), NOBODY);
    assertThat(health.excluded()).containsExactly(CULPRIT);
    assertThat(exclusions(3)).isEqualTo(2.0);
  }

  @Test
  void avoidLeavesOutTheExcludedWhileAFullSetRemainsAndLetsTheEarliestBackOtherwise() {
    Set<ParticipantId> live = Set.of(p(1), p(2), p(3), p(4), p(5));
    assertThat(health.avoid(live, 3)).isEmpty();
    health.aborted("sign", set(1, 2, 3), ProtocolAbortException.blaming(p(4), "x"));
    advance(Duration.ofSeconds(10));
    health.aborted("sign", set(1, 2, 3), ProtocolAbortException.blaming(p(5), "x"));
    advance(Duration.ofSeconds(10));
    health.aborted("sign", set(1, 2, 3), ProtocolAbortException.blaming(p(2), "x"));

    // 5 live, 3 excluded: only 1 and 3 are left, a set needs 3, so 4 (whose exclusion ends first) comes back.
    assertThat(health.avoid(live, 3)).containsExactlyInAnyOrder(p(2), p(5));
    assertThat(health.avoid(live, 2)).containsExactlyInAnyOrder(p(2), p(4), p(5));
    // An excluded participant that is not live is avoided anyway and does not make room.
    assertThat(health.avoid(Set.of(p(1), p(3), p(4), p(5)), 3)).containsExactlyInAnyOrder(p(2), p(5));
    assertThat(health.excluded()).containsExactly(p(2), p(4), p(5));
  }

  /**
   * Five participants, sets of three with this node and two others drawn at random, one culprit
   * that spoils every session it is in: the culprit is the one excluded, never an honest
   * participant, and once it is left out every session completes.
   */
  @Test
  void overRandomSetsTheCulpritIsExcludedFirstAndTheRestKeepWorking() {
    for (long seed = 0; seed < 200; seed++) {
      ParticipantHealth h = new ParticipantHealth(ME, POLICY, clock::get, new SimpleMeterRegistry());
      Random random = new Random(seed);
      int sessions = 0;
      while (!h.excluded().contains(CULPRIT)) {
        assertThat(h.excluded()).as("seed %d: nobody is excluded before the culprit", seed).isEmpty();
        assertThat(sessions++).as("seed %d: the culprit is found within 30 sessions", seed).isLessThan(30);
        ParticipantSet s = randomSet(random, h.avoid(Set.of(p(1), p(2), p(3), p(4), p(5)), 3));
        if (s.contains(CULPRIT)) {
          h.aborted("presign", s, NOBODY);
        } else {
          h.succeeded("presign", s);
        }
      }
      assertThat(h.excluded()).as("seed %d: only the culprit is excluded", seed).containsExactly(CULPRIT);
      for (int i = 0; i < 20; i++) {
        ParticipantSet s = randomSet(random, h.avoid(Set.of(p(1), p(2), p(3), p(4), p(5)), 3));
        assertThat(s.contains(CULPRIT)).as("seed %d: sets leave the culprit out", seed).isFalse();
      }
    }
  }

  private static ParticipantSet randomSet(Random random, Set<ParticipantId> avoid) {
    List<ParticipantId> others = new ArrayList<>(List.of(p(2), p(3), p(4), p(5)));
    others.removeAll(avoid);
    java.util.Collections.shuffle(others, random);
    return ParticipantSet.of(List.of(ME, others.get(0), others.get(1)));
  }

  @Test
  void thePolicyIsValidated() {
    assertThatThrownBy(() -> new ParticipantHealth.Policy(0, Duration.ofMinutes(1), Duration.ofMinutes(1)))
        .hasMessageContaining("failuresToExclude");
    assertThatThrownBy(() -> new ParticipantHealth.Policy(3, Duration.ZERO, Duration.ofMinutes(1)))
        .hasMessageContaining("window");
    assertThatThrownBy(() -> new ParticipantHealth.Policy(3, Duration.ofMinutes(1), Duration.ofSeconds(-1)))
        .hasMessageContaining("exclusion");
    assertThatThrownBy(() -> new ParticipantHealth.Policy(3, null, Duration.ofMinutes(1)))
        .hasMessageContaining("window");
  }
}
