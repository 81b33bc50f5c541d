/** Borsh, the binary encoding of NEAR transactions: a bounded reader and a writer. */
package io.chainsig.near.borsh;
