/** The node's home directory: its config file and key files, created by {@code chainsig node init}. */
package io.chainsig.node.config;
