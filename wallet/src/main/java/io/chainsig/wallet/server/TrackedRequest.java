package io.chainsig.wallet.server;

import io.chainsig.wallet.consent.SignOutcome;
import io.chainsig.wallet.consent.SignRequest;
import java.util.concurrent.CompletableFuture;

/** A request the dapp can poll: the request and its outcome once decided. */
record TrackedRequest(SignRequest request, CompletableFuture<SignOutcome> outcome) {}
