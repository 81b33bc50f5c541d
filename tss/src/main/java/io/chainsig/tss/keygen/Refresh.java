package io.chainsig.tss.keygen;

import io.chainsig.crypto.group.PrimeOrderGroup;
import io.chainsig.tss.Protocol;
import io.chainsig.tss.SessionId;
import io.chainsig.tss.internal.MappedProtocol;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Refresh ({@code docs/protocols/reshare.md}, same sets): all holders reshare to themselves with
 * the same threshold. The public key stays, every share changes, and old and new shares do not
 * combine (they lie on unrelated polynomials).
 */
public final class Refresh {
  private Refresh() {}

  /** Starts a refresh of {@code myShare} among all holders of the key. */
  public static <S, E> Protocol<KeyShare<S, E>> start(
      PrimeOrderGroup<S, E> group, SessionId session, KeyShare<S, E> myShare, SecureRandom random) {
    PublicKeyShares<E> key = myShare.publicShares();
    return new MappedProtocol<>(
        Reshare.start(
            group,
            session,
            myShare.owner(),
            key,
            key.participants(),
            Optional.of(myShare),
            key.participants(),
            key.threshold(),
            random),
        share -> share.orElseThrow());
  }
}
