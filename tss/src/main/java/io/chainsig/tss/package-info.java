/**
 * Sans-IO threshold protocols. A protocol is a state machine ({@link io.chainsig.tss.Protocol}):
 * {@code poke()} says what to do next and {@code message(from, bytes)} feeds it input. Nothing
 * here opens sockets, starts threads, reads clocks or touches storage; randomness is injected.
 *
 * <p>Common vocabulary: {@link io.chainsig.tss.ParticipantId}, {@link
 * io.chainsig.tss.ParticipantSet}, {@link io.chainsig.tss.SessionId}, the two thresholds {@link
 * io.chainsig.tss.MaxMalicious} and {@link io.chainsig.tss.ReconstructionThreshold}, and the two
 * error types {@link io.chainsig.tss.ProtocolSetupException} (bad arguments, before anything is
 * sent) and {@link io.chainsig.tss.ProtocolAbortException} (a run that had to stop, naming the
 * participant it blames where it can). The protocols are specified step by step in {@code
 * docs/protocols/}.
 */
package io.chainsig.tss;
