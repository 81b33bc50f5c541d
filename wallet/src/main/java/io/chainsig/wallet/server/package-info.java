/**
 * The wallet service on 127.0.0.1: the dapp API (JSON over HTTP with CORS, the requesting origin
 * taken from the browser's Origin header), one consent page per request, and the audit log file.
 * {@link io.chainsig.wallet.server.WalletServer} is the entry point.
 */
package io.chainsig.wallet.server;
