import { BlockList, isIP } from 'node:net';

/**
 * The request header carrying the client address this app resolved for better-auth's rate limit. `authRequest`
 * overwrites whatever a client sent in it, so better-auth never reads an address a client chose.
 */
export const CLIENT_ADDRESS_HEADER = 'x-infra-review-client-address';

/**
 * The client's IP address from `X-Forwarded-For`, read from the right and skipping `trustedProxies` (IPs or CIDRs):
 * the first hop a trusted proxy saw. Null without trusted proxies (any client can write that header, so it proves
 * nothing) and when the chain holds no valid untrusted hop.
 */
export function clientAddress(headers: Headers, trustedProxies: readonly string[]): string | null {
  if (trustedProxies.length === 0) return null;
  const proxies = proxyList(trustedProxies);
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
