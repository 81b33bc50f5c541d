package io.chainsig.wallet.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.wallet.consent.AuditEntry;
import io.chainsig.wallet.consent.AuditLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends each decision to a file as one JSON object per line (JSON Lines). */
public final class FileAuditLog implements AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  /** Appends to {@code file}, creating it (and its folder) if needed. */
  public FileAuditLog(Path file) {
    this.file = file;
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the audit log folder for " + file, e);
    }
  }

  /** The file. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized void record(AuditEntry entry) {
    ObjectNode line = JSON.createObjectNode()
        .put("time", entry.time().toString())
        .put("request", entry.requestId())
        .put("origin", entry.origin())
        .put("key", entry.key())
        .put("path", entry.canonicalPath())
        .put("flow", entry.flow().name())
        .put("outcome", entry.outcome())
        .put("shown", entry.shownText())
        .put("signingHash", entry.signingHash());
    try {
      Files.writeString(file, line.toString() + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the audit log " + file, e);
    }
  }
}
