/**
 * The worker's own code, written into each scratch directory and run by Node before the answer (kept as text so
 * that bundlers cannot rewrite it). It reports on fd 3 one JSON line: `{"status":"exited"}` when the answer ran
 * to the end (the assembly is then read from CDK_OUTDIR), or `{"status":"failed",stage,message,stack}`.
 * argv: <entry file> <network: namespace|module>.
 */
export const RUNNER_SOURCE = String.raw`'use strict';
const fs = require('node:fs');
const writeSync = fs.writeSync;
const [entry, network] = process.argv.slice(2);
let reported = false;
function report(value) {
  if (reported) return;
  reported = true;
  try { writeSync(3, JSON.stringify(value) + '\n'); } catch {}
}
const SANDBOX_CODES = new Set(['ERR_ACCESS_DENIED', 'ERR_INFRA_REVIEW_NO_NETWORK', 'ENETUNREACH', 'ENETDOWN', 'EFBIG']);
const COMPILE_CODES = new Set(['MODULE_NOT_FOUND', 'ERR_REQUIRE_ESM']);
function failure(error) {
  const e = error instanceof Error ? error : new Error(String(error));
  const code = [e.code, e.cause && e.cause.code].find((c) => typeof c === 'string');
  const stage = SANDBOX_CODES.has(code) ? 'sandbox' : COMPILE_CODES.has(code) ? 'compile' : 'synth';
  let message = String(e.message);
  if (e.cause && e.cause.message) message += ': ' + String(e.cause.message);
  if (code === 'ERR_ACCESS_DENIED') message += ' (' + [e.permission, e.resource].filter(Boolean).join(': ') + ')';
  return { status: 'failed', stage, code, message, stack: String(e.stack || '') };
}
function noNetwork(what) {
  return function () {
    const e = new Error('Network access is not allowed while synthesizing an answer (' + what + ').');
    e.code = 'ERR_INFRA_REVIEW_NO_NETWORK';
    throw e;
  };
}
if (network === 'module') {
  const net = require('node:net');
  net.Socket.prototype.connect = noNetwork('net.Socket.connect');
  net.Server.prototype.listen = noNetwork('net.Server.listen');
  net.connect = net.createConnection = noNetwork('net.connect');
  const tls = require('node:tls');
  tls.connect = noNetwork('tls.connect');
  for (const name of ['node:http', 'node:https']) {
    const mod = require(name);
    mod.request = mod.get = noNetwork(name + '.request');
  }
  require('node:http2').connect = noNetwork('http2.connect');
  require('node:dgram').createSocket = noNetwork('dgram.createSocket');
  const dns = require('node:dns');
  for (const key of Object.keys(dns)) if (/^(lookup|resolve)/.test(key)) dns[key] = noNetwork('dns.' + key);
  for (const key of Object.keys(dns.promises)) if (/^(lookup|resolve)/.test(key)) dns.promises[key] = noNetwork('dns.promises.' + key);
  globalThis.fetch = noNetwork('fetch');
  if (globalThis.WebSocket) globalThis.WebSocket = noNetwork('WebSocket');
}
process.on('uncaughtException', (error) => { report(failure(error)); process.exit(70); });
process.on('unhandledRejection', (error) => { report(failure(error)); process.exit(70); });
process.on('exit', (code) => report({ status: 'exited', code }));
require(entry);
`;
