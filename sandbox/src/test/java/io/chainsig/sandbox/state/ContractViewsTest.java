package io.chainsig.sandbox.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.contract.ContractConfig;
import io.chainsig.contract.MethodNotFoundException;
import io.chainsig.contract.SignerContract;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContractViewsTest {
  private static final String ACCOUNT = "signer.test.near";
  private static final byte[] NO_ARGS = "{}".getBytes(StandardCharsets.UTF_8);
  private final ContractViews live = new ContractViews();
  private final ContractState fresh = ContractState.encode(new SignerContract(ContractConfig.defaults()));

  @Test
  void viewsAreSharedPerStateAndKeptWhileTheirValueStaysTheSame() {
    ViewResult config = live.view(ACCOUNT, fresh, "config", NO_ARGS);
    assertThat(live.view(ACCOUNT, fresh, "config", NO_ARGS)).isSameAs(config);
    assertThat(new String(config.value(), StandardCharsets.UTF_8))
        .isEqualTo("{\"request_timeout_blocks\":" + ContractConfig.DEFAULT_REQUEST_TIMEOUT_BLOCKS
            + ",\"max_waiting_calls_per_request\":" + ContractConfig.DEFAULT_MAX_WAITING_CALLS_PER_REQUEST + "}");
    // another state whose config view has the same value keeps the result (and its JSON form)
    ContractState sameConfig = ContractState.of(fresh.bytes());
    assertThat(live.view(ACCOUNT, sameConfig, "config", NO_ARGS)).isSameAs(config);
    // another state with another value gets a new result
    ContractState otherConfig = ContractState.encode(new SignerContract(new ContractConfig(7, 2)));
    ViewResult changed = live.view(ACCOUNT, otherConfig, "config", NO_ARGS);
    assertThat(new String(changed.value(), StandardCharsets.UTF_8))
        .isEqualTo("{\"request_timeout_blocks\":7,\"max_waiting_calls_per_request\":2}");
    // other arguments are another view
    assertThat(live.view(ACCOUNT, otherConfig, "config", "{ }".getBytes(StandardCharsets.UTF_8)))
        .isNotSameAs(changed);
  }

  @Test
  void viewErrorsAreThrownEveryTimeAndNotCached() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> live.view(ACCOUNT, fresh, "no_such_view", NO_ARGS))
          .isInstanceOf(MethodNotFoundException.class);
    }
  }
}
