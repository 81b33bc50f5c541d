/**
 * The sandbox chain itself: blocks with random values, transaction records and their progress
 * (included, pending, final), genesis and the validator key, and persistence of all of it.
 */
package io.chainsig.sandbox.chain;
