import { describe, expect, it } from 'vitest';
import { normalizeHost, parseHost } from '../../lib/tenancy/parse-host.ts';

const ROOT = 'localhost:3000';

describe('parseHost', () => {
  it('sends the root domain (with or without port, or www) to the platform', () => {
    expect(parseHost('localhost:3000', ROOT)).toEqual({ kind: 'platform' });
    expect(parseHost('LOCALHOST:3000', ROOT)).toEqual({ kind: 'platform' });
    expect(parseHost('localhost', ROOT)).toEqual({ kind: 'platform' });
    expect(parseHost('www.localhost:3000', ROOT)).toEqual({ kind: 'platform' });
  });

  it('reads a one-label subdomain as a tenant slug', () => {
    expect(parseHost('acme.localhost:3000', ROOT)).toEqual({ kind: 'subdomain', slug: 'acme' });
    expect(parseHost('Acme.Localhost:3000', ROOT)).toEqual({ kind: 'subdomain', slug: 'acme' });
    expect(parseHost('my-team.localhost', ROOT)).toEqual({ kind: 'subdomain', slug: 'my-team' });
  });

  it('refuses nested or malformed subdomains', () => {
    expect(parseHost('a.b.localhost:3000', ROOT)).toEqual({ kind: 'invalid' });
    expect(parseHost('-acme.localhost:3000', ROOT)).toEqual({ kind: 'invalid' });
    expect(parseHost('ac_me.localhost:3000', ROOT)).toEqual({ kind: 'invalid' });
    expect(parseHost('', ROOT)).toEqual({ kind: 'invalid' });
    expect(parseHost(null, ROOT)).toEqual({ kind: 'invalid' });
    expect(parseHost('evil.com/path', ROOT)).toEqual({ kind: 'invalid' });
  });

  it('treats any other host as a custom domain, without its port', () => {
    expect(parseHost('coach.acme.com', ROOT)).toEqual({ kind: 'custom', hostname: 'coach.acme.com' });
    expect(parseHost('coach.acme.test:3000', ROOT)).toEqual({ kind: 'custom', hostname: 'coach.acme.test' });
    expect(parseHost('coach.acme.com.', ROOT)).toEqual({ kind: 'custom', hostname: 'coach.acme.com' });
  });

  it('works with a production root domain', () => {
    expect(parseHost('waypoint.app', 'waypoint.app')).toEqual({ kind: 'platform' });
    expect(parseHost('acme.waypoint.app', 'waypoint.app')).toEqual({ kind: 'subdomain', slug: 'acme' });
    expect(parseHost('notwaypoint.app', 'waypoint.app')).toEqual({ kind: 'custom', hostname: 'notwaypoint.app' });
  });

  it('normalizes hosts and rejects absurd ones', () => {
    expect(normalizeHost(' Acme.Example.COM ')).toBe('acme.example.com');
    expect(normalizeHost('a'.repeat(300))).toBeNull();
    expect(normalizeHost('bad host')).toBeNull();
  });
});
