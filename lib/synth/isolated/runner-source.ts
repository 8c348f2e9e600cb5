/**
 * The worker's own code, written into each scratch directory and run by Node before the answer (kept as text so
 * that bundlers cannot rewrite it). It reports on fd 3 one JSON line: `{"status":"exited"}` when the answer ran
 * to the end (the assembly is then read from CDK_OUTDIR), or `{"status":"failed",stage,message,stack}`, followed by
 * `{"status":"partial"}` when, after the answer threw at stage synth, its apps synthesized what it had built so far.
 * argv: <entry file> <network: namespace|module> <JSON: stat of each directory above the scratch directory>.
 */
export const RUNNER_SOURCE = String.raw`'use strict';
const fs = require('node:fs');
const path = require('node:path');
const writeSync = fs.writeSync;
const [entry, network, ancestorsJson] = process.argv.slice(2);
// Ten frames (Node's default) often end inside aws-cdk-lib or a library before reaching the answer's line.
Error.stackTraceLimit = 50;
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
  const resource = typeof e.resource === 'string' ? e.resource : undefined;
  return { status: 'failed', stage, code, message, stack: String(e.stack || ''), resource };
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
// The permission model cannot grant a directory's stat without its whole subtree, yet fs-extra (CDK's asset and
// custom-resource staging) stats every parent of a destination up to '/'. Those stats, taken by infra-review before
// the start, answer a denied stat of exactly those directories; every other path is checked as before.
const ancestors = new Map(Object.entries(JSON.parse(ancestorsJson || '{}')));
const S_IFMT = 0o170000;
function ancestorStat(file, options) {
  const s = typeof file === 'string' || file instanceof URL ? ancestors.get(path.resolve(String(file instanceof URL ? file.pathname : file))) : undefined;
  if (!s) return undefined;
  const bigint = Boolean(options && options.bigint);
  const number = bigint ? BigInt : Number;
  const stats = Object.create(bigint ? Object.prototype : fs.Stats.prototype);
  for (const key of ['dev', 'ino', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'size', 'blksize', 'blocks', 'atimeMs', 'mtimeMs', 'ctimeMs', 'birthtimeMs']) stats[key] = number(Math.trunc(s[key]));
  for (const key of ['atime', 'mtime', 'ctime', 'birthtime']) stats[key] = new Date(s[key + 'Ms']);
  const type = s.mode & S_IFMT;
  Object.assign(stats, {
    isDirectory: () => type === 0o040000, isFile: () => type === 0o100000, isSymbolicLink: () => type === 0o120000,
    isBlockDevice: () => false, isCharacterDevice: () => false, isFIFO: () => false, isSocket: () => false,
  });
  return stats;
}
const denied = (error) => error && error.code === 'ERR_ACCESS_DENIED';
for (const name of ['statSync', 'lstatSync']) {
  const original = fs[name];
  fs[name] = function (file, options) {
    try { return original.apply(this, arguments); } catch (error) { const s = denied(error) && ancestorStat(file, options); if (s) return s; throw error; }
  };
}
for (const name of ['stat', 'lstat']) {
  const original = fs[name];
  fs[name] = function (file, options, callback) {
    const cb = typeof options === 'function' ? options : callback;
    const opts = typeof options === 'function' ? undefined : options;
    const answer = (error, stats) => { const s = denied(error) && ancestorStat(file, opts); return s ? cb(null, s) : cb(error, stats); };
    try { return opts === undefined ? original.call(this, file, answer) : original.call(this, file, opts, answer); }
    catch (error) { const s = denied(error) && ancestorStat(file, opts); if (!s) throw error; process.nextTick(cb, null, s); }
  };
  const promised = fs.promises[name];
  fs.promises[name] = async function (file, options) {
    try { return await promised.apply(this, arguments); } catch (error) { const s = denied(error) && ancestorStat(file, options); if (s) return s; throw error; }
  };
}
// Every App the answer creates (aws-cdk-lib's App constructor calls this hook), so that what its code built before an
// exception can still be synthesized; infra-review marks such a template partial and keeps the failure.
const apps = [];
globalThis[Symbol.for('@aws-cdk/core.App#initHook')] = (app) => apps.push(app);
function salvage() {
  try {
    for (const app of apps) app.synth({ force: true, errorOnDuplicateSynth: false });
    writeSync(3, JSON.stringify({ status: 'partial' }) + '\n');
  } catch {}
}
function fail(error) {
  const failed = failure(error);
  const first = !reported;
  report(failed);
  if (first && failed.stage === 'synth' && apps.length) salvage();
  process.exit(70);
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
process.on('exit', (code) => report({ status: 'exited', code }));
require(entry);
`;
