package io.chainsig.storage;

/** One write in an atomic batch. */
public sealed interface WriteOp {
  /** The key written or deleted. */
  byte[] key();

  /**
   * Sets a key to a value.
   *
   * @param key the key
   * @param value the value
   */
  record Put(byte[] key, byte[] value) implements WriteOp {
    /** Copies. */
    public Put {
      key = key.clone();
      value = value.clone();
    }

    @Override
    public byte[] key() {
      return key.clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }
  }

  /**
   * Removes a key.
   *
   * @param key the key
   */
  record Delete(byte[] key) implements WriteOp {
    /** Copies. */
    public Delete {
      key = key.clone();
    }

    @Override
    public byte[] key() {
      return key.clone();
    }
  }
}
