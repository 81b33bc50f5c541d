/** The {@code chainsig} command line: one picocli command with a sub-command per job. */
package io.chainsig.cli;
