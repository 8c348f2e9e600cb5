import { BlockList, isIP } from 'node:net';

/**
 * The request header carrying the client address this app resolved for better-auth's rate limit. `authRequest`
 * overwrites whatever a client sent in it, so better-auth never reads an address a client chose.
 */
export const CLIENT_ADDRESS_HEADER = 'x-infra-review-client-address';

/** The header server.mjs sets on every request: its per-process key, then the TCP peer's address. */
export const PEER_HEADER = 'x-infra-review-peer';

/** The TCP peer's address as server.mjs saw it, when the header carries this process's key (`INFRA_REVIEW_PEER_KEY`); else null. */
export function peerAddress(headers: Headers, key = process.env.INFRA_REVIEW_PEER_KEY): string | null {
  const value = headers.get(PEER_HEADER);
  if (!key || !value?.startsWith(`${key} `)) return null;
  const address = value.slice(key.length + 1).replace(/^::ffff:(?=\d+\.)/, '');
  return isIP(address) ? address.toLowerCase() : null;
}

/**
 * The client's IP address: the TCP peer (from server.mjs) unless it is one of `trustedProxies` (IPs or CIDRs); behind
 * a trusted proxy (or with the peer unknown and proxies configured), `X-Forwarded-For` read from the right, skipping
 * trusted proxies: the first hop a trusted proxy saw. Forwarded headers are never read from an untrusted peer or
 * without trusted proxies (any client can write them). Null when nothing trustworthy is known.
 */
export function clientAddress(headers: Headers, trustedProxies: readonly string[], key?: string): string | null {
  const peer = peerAddress(headers, key);
  if (trustedProxies.length === 0) return peer;
  const proxies = proxyList(trustedProxies);
  if (peer && !proxies.check(peer, isIP(peer) === 4 ? 'ipv4' : 'ipv6')) return peer;
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (const hop of hops.reverse()) {
    const family = isIP(hop);
    if (family === 0) return null;
    if (!proxies.check(hop, family === 4 ? 'ipv4' : 'ipv6')) return hop.toLowerCase();
  }
  return null;
}

/** True when every entry is an IP address or a CIDR range (`TRUSTED_PROXIES` is refused otherwise). */
export function isProxyEntry(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function proxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}
