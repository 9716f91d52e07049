import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { txtResolver } from '../../lib/tenancy/dns-resolver.ts';
import { startDnsStub, type DnsStub } from '../support/dns-stub-server.ts';

const PORT = 5390 + Math.floor(Math.random() * 8);
let stub: DnsStub;

beforeAll(async () => {
  stub = await startDnsStub(PORT);
  process.env.DNS_SERVERS = `127.0.0.1:${PORT}`;
});

afterAll(async () => {
  delete process.env.DNS_SERVERS;
  await stub.close();
});

describe('txtResolver with DNS_SERVERS', () => {
  it('asks the configured server over real DNS', async () => {
    stub.txt.set('_waypoint-verify.coach.example.test', ['waypoint-verify=abc123']);
    expect(await txtResolver()('_waypoint-verify.coach.example.test')).toEqual([['waypoint-verify=abc123']]);
  });

  it('fails for names the server does not know', async () => {
    await expect(txtResolver()('_waypoint-verify.unknown.example.test')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });
});
