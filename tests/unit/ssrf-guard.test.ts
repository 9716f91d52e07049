import { describe, expect, it } from 'vitest';
import {
  assertPublicUrl,
  classifyAddress,
  UnsafeUrlError,
  type LookupFn,
  type UnsafeUrlReason,
} from '../../lib/webhooks/ssrf-guard.ts';

// Fake resolvers only: these tests never touch real DNS or connect anywhere.
function resolvesTo(...addresses: string[]): LookupFn {
  return async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
}
const noDns: LookupFn = async (host) => {
  throw new Error(`unexpected DNS lookup of ${host}`);
};

async function refusal(url: string, options: Parameters<typeof assertPublicUrl>[1] = {}): Promise<UnsafeUrlReason> {
  const error = await assertPublicUrl(url, { lookup: noDns, ...options }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UnsafeUrlError);
  return (error as UnsafeUrlError).reason;
}

describe('assertPublicUrl: literal addresses', () => {
  it.each([
    ['https://127.0.0.1/hook', 'loopback'],
    ['https://127.8.9.10/hook', 'loopback'],
    ['https://10.1.2.3/hook', 'private'],
    ['https://172.16.0.1/hook', 'private'],
    ['https://172.31.255.255/hook', 'private'],
    ['https://192.168.1.1/hook', 'private'],
    ['https://169.254.169.254/latest/meta-data/', 'metadata'],
    ['https://169.254.1.1/', 'link-local'],
    ['https://100.64.0.1/', 'cgnat'],
    ['https://0.0.0.0/', 'unspecified'],
    ['https://0/', 'unspecified'],
    ['https://224.0.0.1/', 'reserved'],
    ['https://255.255.255.255/', 'reserved'],
    ['https://[::1]/hook', 'loopback'],
    ['https://[::]/hook', 'unspecified'],
    ['https://[fe80::1]/hook', 'link-local'],
    ['https://[fc00::1]/hook', 'private'],
    ['https://[fd12:3456::1]/hook', 'private'],
    ['https://[fd00:ec2::254]/', 'metadata'],
    ['https://[ff02::1]/', 'reserved'],
    ['https://[::ffff:127.0.0.1]/hook', 'loopback'],
    ['https://[::ffff:10.0.0.1]/hook', 'private'],
    ['https://[::ffff:169.254.169.254]/', 'metadata'],
    ['https://[::127.0.0.1]/', 'reserved'],
    ['https://[64:ff9b::a00:1]/', 'reserved'],
    ['https://[2002:7f00:1::]/', 'reserved'],
  ] as const)('refuses %s as %s', async (url, reason) => {
    expect(await refusal(url)).toBe(reason);
  });

  it.each([
    ['http://2130706433/', 'decimal'],
    ['http://0x7f.1/', 'hex'],
    ['http://0177.0.0.1/', 'octal'],
    ['http://127.1/', 'short'],
  ])('refuses %s (%s form of 127.0.0.1, as WHATWG URL normalizes it)', async (url) => {
    expect(await refusal(url, { requireHttps: false })).toBe('loopback');
  });

  it.each(['https:/\\user:pass@93.184.216.34/', 'https:\\\\user:pass@93.184.216.34/', 'https://user@93.184.216.34/', 'http://:pw@127.0.0.1/'])('refuses credentials in %s', async (url) => {
    expect(await refusal(url, { requireHttps: false, allowLocalhost: true })).toBe('credentials');
  });

  it('accepts a public literal address without asking DNS', async () => {
    const result = await assertPublicUrl('https://93.184.216.34/hook', { lookup: noDns });
    expect(result.addresses).toEqual(['93.184.216.34']);
  });

  it('accepts a public IPv6 literal', async () => {
    const result = await assertPublicUrl('https://[2606:2800:220:1:248:1893:25c8:1946]/', { lookup: noDns });
    expect(result.addresses).toEqual(['2606:2800:220:1:248:1893:25c8:1946']);
  });
});

describe('assertPublicUrl: resolved hostnames', () => {
  it('refuses a hostname resolving to loopback', async () => {
    expect(await refusal('https://evil.example/hook', { lookup: resolvesTo('127.0.0.1') })).toBe('loopback');
  });

  it('refuses a hostname resolving to a private address', async () => {
    expect(await refusal('https://intranet.example/hook', { lookup: resolvesTo('10.0.0.5') })).toBe('private');
  });

  it('refuses a hostname when any one of its addresses is private', async () => {
    expect(await refusal('https://mixed.example/', { lookup: resolvesTo('93.184.216.34', '192.168.0.10') })).toBe('private');
    expect(await refusal('https://mixed6.example/', { lookup: resolvesTo('2606:4700::1', 'fe80::1') })).toBe('link-local');
  });

  it('accepts a public hostname and returns every vetted address, once each', async () => {
    const lookup = resolvesTo('93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '93.184.216.34');
    const result = await assertPublicUrl('https://hooks.customer.example:8443/in?x=1', { lookup });
    expect(result.addresses).toEqual(['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946']);
    expect(result.url.href).toBe('https://hooks.customer.example:8443/in?x=1');
  });

  it('asks the resolver for the bare hostname', async () => {
    const asked: string[] = [];
    const lookup: LookupFn = async (host) => {
      asked.push(host);
      return [{ address: '93.184.216.34', family: 4 }];
    };
    await assertPublicUrl('https://Hooks.Customer.Example/path', { lookup });
    expect(asked).toEqual(['hooks.customer.example']);
  });

  it('refuses a hostname that does not resolve', async () => {
    const enotfound: LookupFn = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.example'), { code: 'ENOTFOUND' });
    };
    expect(await refusal('https://nowhere.example/', { lookup: enotfound })).toBe('unresolvable');
    expect(await refusal('https://empty.example/', { lookup: resolvesTo() })).toBe('unresolvable');
  });
});

describe('assertPublicUrl: allowLocalhost', () => {
  it('permits loopback, literal or resolved', async () => {
    expect((await assertPublicUrl('http://127.0.0.1:3000/', { allowLocalhost: true, requireHttps: false })).addresses).toEqual([
      '127.0.0.1',
    ]);
    expect((await assertPublicUrl('https://[::1]/', { allowLocalhost: true })).addresses).toEqual(['::1']);
    const resolved = await assertPublicUrl('https://localhost/', { allowLocalhost: true, lookup: resolvesTo('127.0.0.1', '::1') });
    expect(resolved.addresses).toEqual(['127.0.0.1', '::1']);
  });

  it('still refuses private, metadata, link-local and unspecified addresses', async () => {
    expect(await refusal('https://10.1.2.3/', { allowLocalhost: true })).toBe('private');
    expect(await refusal('https://169.254.169.254/', { allowLocalhost: true })).toBe('metadata');
    expect(await refusal('https://[fe80::1]/', { allowLocalhost: true })).toBe('link-local');
    expect(await refusal('https://0.0.0.0/', { allowLocalhost: true })).toBe('unspecified');
    expect(await refusal('https://localhost/', { allowLocalhost: true, lookup: resolvesTo('127.0.0.1', '10.0.0.5') })).toBe(
      'private',
    );
  });
});

describe('assertPublicUrl: schemes and syntax', () => {
  it.each(['ftp://93.184.216.34/', 'file:///etc/passwd', 'gopher://93.184.216.34/', 'javascript:alert(1)', 'data:,x'])(
    'refuses %s',
    async (url) => {
      expect(await refusal(url, { requireHttps: false })).toBe('scheme');
    },
  );

  it('requires https unless told otherwise', async () => {
    expect(await refusal('http://93.184.216.34/')).toBe('scheme');
    const result = await assertPublicUrl('http://93.184.216.34/', { requireHttps: false, lookup: noDns });
    expect(result.url.protocol).toBe('http:');
  });

  it('refuses what is not a URL', async () => {
    expect(await refusal('not a url')).toBe('invalid-url');
    expect(await refusal('https://')).toBe('invalid-url');
  });
});

describe('classifyAddress', () => {
  it('names the category of an address, or null for a public one', () => {
    expect(classifyAddress('8.8.8.8')).toBeNull();
    expect(classifyAddress('100.128.0.1')).toBeNull();
    expect(classifyAddress('172.32.0.1')).toBeNull();
    expect(classifyAddress('::ffff:8.8.8.8')).toBeNull();
    expect(classifyAddress('100.127.255.255')).toBe('cgnat');
    expect(classifyAddress('198.18.0.1')).toBe('reserved');
  });
});
