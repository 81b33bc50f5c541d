/**
 * NEAR JSON-RPC over HTTP (POST /, JSON-RPC 2.0) with nearcore's request, response and error
 * shapes, so near-api-js works against the sandbox unchanged. See docs/sandbox.md.
 */
package io.chainsig.sandbox.rpc;
