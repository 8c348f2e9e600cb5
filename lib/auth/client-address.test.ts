import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

const forwarded = (value: string) => new Headers({ 'x-forwarded-for': value });

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
});
