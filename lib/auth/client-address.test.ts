import { describe, expect, it } from 'vitest';
import { clientAddress, peerAddress } from './client-address';

const forwarded = (value: string) => new Headers({ 'x-forwarded-for': value });
const KEY = 'process-key';
/** A request as server.mjs passes it on: its key and the TCP peer, plus whatever the client sent. */
const fromPeer = (peer: string, extra: Record<string, string> = {}) => new Headers({ 'x-infra-review-peer': `${KEY} ${peer}`, ...extra });

describe('clientAddress', () => {
  it('ignores X-Forwarded-For entirely without trusted proxies', () => {
    expect(clientAddress(forwarded('198.51.100.7'), [])).toBeNull();
  });

  it('takes the rightmost hop that is not a trusted proxy', () => {
    const proxies = ['10.0.0.0/8', '2001:db8::/32'];
    expect(clientAddress(forwarded('192.0.2.1, 198.51.100.7, 10.0.0.3'), proxies)).toBe('198.51.100.7');
    expect(clientAddress(forwarded('198.51.100.7,2001:db8::5'), proxies)).toBe('198.51.100.7');
    expect(clientAddress(forwarded('2001:DB9::1'), proxies)).toBe('2001:db9::1');
  });

  it('answers null when the chain has only proxies, is missing, or holds a hop that is not an IP', () => {
    const proxies = ['10.0.0.1'];
    expect(clientAddress(forwarded('10.0.0.1'), proxies)).toBeNull();
    expect(clientAddress(new Headers(), proxies)).toBeNull();
    expect(clientAddress(forwarded('198.51.100.7, not-an-ip, 10.0.0.1'), proxies)).toBeNull();
  });

  it('takes the TCP peer server.mjs saw, and ignores forwarded headers from a peer that is not a trusted proxy', () => {
    expect(clientAddress(fromPeer('::ffff:192.0.2.9', { 'x-forwarded-for': '198.51.100.7' }), [], KEY)).toBe('192.0.2.9');
    expect(clientAddress(fromPeer('192.0.2.9', { 'x-forwarded-for': '198.51.100.7' }), ['10.0.0.0/8'], KEY)).toBe('192.0.2.9');
    expect(clientAddress(fromPeer('10.0.0.3', { 'x-forwarded-for': '198.51.100.7' }), ['10.0.0.0/8'], KEY)).toBe('198.51.100.7');
  });

  it('believes the peer header only with the process key: a client cannot send its own', () => {
    expect(peerAddress(fromPeer('192.0.2.9'), undefined)).toBeNull();
    expect(peerAddress(new Headers({ 'x-infra-review-peer': 'guess 192.0.2.9' }), KEY)).toBeNull();
    expect(peerAddress(fromPeer('not-an-ip'), KEY)).toBeNull();
    expect(peerAddress(fromPeer('2001:DB8::1'), KEY)).toBe('2001:db8::1');
  });
});
