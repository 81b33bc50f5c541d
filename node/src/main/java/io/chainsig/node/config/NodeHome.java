package io.chainsig.node.config;

import io.chainsig.near.NearKeyFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.node.mesh.MeshKeyPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * A node's home directory:
 *
 * <ul>
 *   <li>{@code config.json}: {@link NodeConfig};
 *   <li>{@code account_key.json}: the NEAR account key ({@link NearKeyFile}), mode 0600;
 *   <li>{@code mesh_key.json}: the mesh ed25519 key ({@link NearKeyFile} format, mode 0600);
 *   <li>{@code storage.key}: the 32-byte AES key of the encrypted store, hex, mode 0600;
 *   <li>{@code data/}: the store.
 * </ul>
 */
public final class NodeHome {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;

  /** The home at {@code dir} (not read until asked). */
  public NodeHome(Path dir) {
    this.dir = dir;
  }

  /** The directory. */
  public Path dir() {
    return dir;
  }

  /** Where the store lives. */
  public Path dataDir() {
    return dir.resolve("data");
  }

  /**
   * Creates the home with fresh keys and the given config.
   *
   * @throws IllegalStateException if the home already holds keys (nothing is overwritten)
   */
  public void init(NodeConfig config, SecureRandom random) {
    for (String f : new String[] {"config.json", "account_key.json", "mesh_key.json", "storage.key"}) {
      if (Files.exists(dir.resolve(f))) {
        throw new IllegalStateException(dir.resolve(f) + " already exists; refusing to overwrite a node's keys");
      }
    }
    try {
      Files.createDirectories(dir);
      MeshKeyPair mesh = MeshKeyPair.generate(random);
      NearKeyFile meshFile = NearKeyFile.fromSeed(config.accountId(), mesh.seed());
      byte[] storageKey = new byte[32];
      random.nextBytes(storageKey);
      writeSecret("account_key.json", JSON.writeValueAsBytes(NearKeyFile.generate(config.accountId(), random)));
      writeSecret("mesh_key.json", JSON.writeValueAsBytes(meshFile));
      writeSecret("storage.key", Hex.encode(storageKey).getBytes(StandardCharsets.US_ASCII));
      Files.write(dir.resolve("config.json"), JSON.writeValueAsBytes(config));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the node home " + dir, e);
    }
  }

  private void writeSecret(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    try {
      Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException(p + " already exists");
    } catch (UnsupportedOperationException e) {
      Files.createFile(p);
    }
    Files.write(p, content);
  }

  /** Reads {@code config.json}. */
  public NodeConfig config() {
    return read("config.json", NodeConfig.class);
  }

  /** Reads the NEAR account key. */
  public NearKeyFile accountKey() {
    return read("account_key.json", NearKeyFile.class);
  }

  /** Reads the mesh key. */
  public MeshKeyPair meshKey() {
    return MeshKeyPair.fromSeed(read("mesh_key.json", NearKeyFile.class).seed());
  }

  /** Reads the storage key. */
  public byte[] storageKey() {
    try {
      return Hex.decode(Files.readString(dir.resolve("storage.key")).strip(), 32);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir.resolve("storage.key"), e);
    }
  }

  private <T> T read(String name, Class<T> type) {
    Path p = dir.resolve(name);
    if (!Files.exists(p)) {
      throw new IllegalStateException(p + " is missing; run 'chainsig node init --home " + dir + "' first");
    }
    try {
      return JSON.readValue(p.toFile(), type);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }
}
