package io.chainsig.tss.simulation;

import io.chainsig.tss.Action;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.Protocol;
import io.chainsig.tss.ProtocolAbortException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Drives all parties of one protocol run through an in-memory network. Every send becomes one
 * {@link Envelope} per recipient and passes through the {@linkplain Builder#intercept interceptor}
 * (which can rewrite, multiply or drop it; this is how a test makes a party misbehave). Delivery
 * order is FIFO, or random with {@link Builder#reorder}; envelopes matching {@link Builder#delay}
 * are held back until nothing else is left to deliver.
 */
public final class InMemoryNetwork {
  private final Random shuffle;
  private final Predicate<Envelope> delayed;
  private final Function<Envelope, List<Envelope>> interceptor;

  private InMemoryNetwork(Builder b) {
    this.shuffle = b.shuffle;
    this.delayed = b.delayed;
    this.interceptor = b.interceptor;
  }

  /** A network that delivers everything in order, unchanged. */
  public static InMemoryNetwork reliable() {
    return builder().build();
  }

  /** A builder for a network with faults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Runs the parties until each has returned, aborted, or waits for messages that never come. */
  public <T> RunResult<T> run(Map<ParticipantId, ? extends Protocol<T>> parties) {
    return new Run<T>(parties).execute();
  }

  /** The state of one run. */
  private final class Run<T> {
    private final Set<ParticipantId> everyone;
    private final Map<ParticipantId, Protocol<T>> active;
    private final Map<ParticipantId, T> outputs = new HashMap<>();
    private final Map<ParticipantId, ProtocolAbortException> aborts = new HashMap<>();
    private final Map<ParticipantId, Long> bytes = new HashMap<>();
    private final Map<ParticipantId, Long> count = new HashMap<>();
    private final List<Envelope> pending = new ArrayList<>();
    private final List<Envelope> held = new ArrayList<>();

    Run(Map<ParticipantId, ? extends Protocol<T>> parties) {
      this.everyone = new TreeSet<>(parties.keySet());
      this.active = new TreeMap<>(parties);
    }

    RunResult<T> execute() {
      Set<ParticipantId> toPoke = new HashSet<>(everyone);
      while (true) {
        for (ParticipantId p : everyone) {
          if (toPoke.remove(p) && active.containsKey(p)) {
            pokeUntilWait(p);
          }
        }
        if (pending.isEmpty()) {
          if (held.isEmpty()) {
            break;
          }
          pending.addAll(held);
          held.clear();
        }
        Envelope e = pending.remove(shuffle == null ? 0 : shuffle.nextInt(pending.size()));
        Protocol<T> target = active.get(e.to());
        if (target != null) {
          target.message(e.from(), e.bytes());
          toPoke.add(e.to());
        }
      }
      return new RunResult<>(outputs, aborts, active.keySet(), bytes, count);
    }

    private void pokeUntilWait(ParticipantId p) {
      Protocol<T> party = active.get(p);
      while (true) {
        Action<T> action;
        try {
          action = party.poke();
        } catch (ProtocolAbortException e) {
          aborts.put(p, e);
          active.remove(p);
          return;
        }
        switch (action) {
          case Action.Wait<T> w -> {
            return;
          }
          case Action.Return<T> r -> {
            outputs.put(p, r.output());
            active.remove(p);
            return;
          }
          case Action.SendMany<T> s -> {
            for (ParticipantId to : everyone) {
              if (!to.equals(p)) {
                send(new Envelope(p, to, s.bytes().clone(), true));
              }
            }
          }
          case Action.SendPrivate<T> s -> send(new Envelope(p, s.to(), s.bytes(), false));
        }
      }
    }

    private void send(Envelope e) {
      bytes.merge(e.from(), (long) e.bytes().length, Long::sum);
      count.merge(e.from(), 1L, Long::sum);
      for (Envelope out : interceptor.apply(e)) {
        (delayed.test(out) ? held : pending).add(out);
      }
    }
  }

  /** Configures faults. */
  public static final class Builder {
    private Random shuffle;
    private Predicate<Envelope> delayed = e -> false;
    private Function<Envelope, List<Envelope>> interceptor = List::of;

    private Builder() {}

    /** Delivers pending envelopes in a random order drawn from {@code seed}. */
    public Builder reorder(long seed) {
      this.shuffle = new Random(seed);
      return this;
    }

    /** Holds back matching envelopes until nothing else is left to deliver. */
    public Builder delay(Predicate<Envelope> which) {
      this.delayed = which;
      return this;
    }

    /** Drops matching envelopes. */
    public Builder drop(Predicate<Envelope> which) {
      Function<Envelope, List<Envelope>> before = interceptor;
      this.interceptor = e -> before.apply(e).stream().filter(which.negate()).toList();
      return this;
    }

    /**
     * Lets {@code culprit} misbehave: each of its envelopes is replaced by what {@code rewrite}
     * returns (return the envelope unchanged to leave it alone, or an empty list to drop it).
     */
    public Builder misbehave(ParticipantId culprit, Function<Envelope, List<Envelope>> rewrite) {
      Function<Envelope, List<Envelope>> before = interceptor;
      this.interceptor =
          e -> before.apply(e).stream()
              .flatMap(x -> x.from().equals(culprit) ? rewrite.apply(x).stream() : java.util.stream.Stream.of(x))
              .toList();
      return this;
    }

    /** The network. */
    public InMemoryNetwork build() {
      return new InMemoryNetwork(this);
    }
  }

  @Override
  public String toString() {
    return "InMemoryNetwork";
  }
}
