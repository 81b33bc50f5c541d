package io.chainsig.cli;

/** A failure the command reports as one line on standard error, with exit code 1. */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the line to print. */
  public CliException(String message) {
    super(message);
  }
}
