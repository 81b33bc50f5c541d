/**
 * Honest-majority threshold ECDSA on secp256k1 (Damgård, Jakobsen, Nielsen, Pagter, Østergaard,
 * "Fast Threshold ECDSA with Honest Majority", ePrint 2020/501): a three-round {@link
 * io.chainsig.tss.ecdsa.Presign} among exactly 2t+1 key holders, and a one-round {@link
 * io.chainsig.tss.ecdsa.Sign} to a leader with Groth–Shoup re-randomization (ePrint 2021/1330)
 * and the additive key-derivation tweak. Specified in {@code docs/protocols/presign.md} and
 * {@code docs/protocols/sign.md}.
 */
package io.chainsig.tss.ecdsa;
