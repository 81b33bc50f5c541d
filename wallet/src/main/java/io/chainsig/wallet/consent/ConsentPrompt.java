package io.chainsig.wallet.consent;

import java.util.List;
import java.util.Optional;

/**
 * What the user is asked: a title, the transaction lines, warnings, and the buttons in order.
 *
 * @param initialFocus the button focused when the prompt opens (Reject for risky prompts)
 * @param rememberable whether "don't ask again for a while" may be offered
 */
public record ConsentPrompt(
    String title,
    List<String> transaction,
    List<String> warnings,
    List<ConsentButton> buttons,
    Optional<ConsentButton> initialFocus,
    boolean rememberable) {
  /** Validates: there is always a way to refuse, and a focused button is one of the buttons. */
  public ConsentPrompt {
    transaction = List.copyOf(transaction);
    warnings = List.copyOf(warnings);
    buttons = List.copyOf(buttons);
    if (!buttons.contains(ConsentButton.REJECT)) {
      throw new IllegalArgumentException("every prompt offers Reject");
    }
    if (initialFocus.isPresent() && !buttons.contains(initialFocus.get())) {
      throw new IllegalArgumentException("the focused button must be on the prompt");
    }
  }

  /** The whole prompt as plain text, as recorded in the audit log. */
  public String text() {
    StringBuilder out = new StringBuilder(title);
    transaction.forEach(line -> out.append('\n').append(line));
    warnings.forEach(line -> out.append('\n').append(line));
    out.append('\n');
    buttons.forEach(b -> out.append('[').append(b.label()).append("] "));
    return out.toString().strip();
  }
}
