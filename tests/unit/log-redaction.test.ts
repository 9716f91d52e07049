import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from '../../lib/observability/logger.ts';
import { REDACTED, scrub, scrubText } from '../../lib/observability/redact.ts';

// Structured logs carry no email address, whole IP address or credential, by default.

function capture(): { log: pino.Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { log: pino(loggerOptions(), stream), lines: () => chunks.join('').trim().split('\n').map((line) => JSON.parse(line)) };
}

describe('log redaction', () => {
  it('hashes emails, shortens IPs and removes credentials in fields, nested fields, errors and messages', () => {
    const { log, lines } = capture();
    const error = new Error('no account for zoe@example.com from 203.0.113.77');
    log.info(
      { email: 'zoe@example.com', ip: '203.0.113.77', ipv6: '2001:db8:85a3:8d3:1319:8a2e:370:7348', user: { password: 'hunter2', apiKey: 'wp_live_abcdefghijklmnopqrstu' }, url: '/auth/impersonate?token=abcdef123456&x=1', headers: { authorization: 'Bearer abc.def.ghi' }, count: 3, err: error },
      'sign-in failed for ZOE@example.com with Bearer abcdefghijklmnop',
    );
    const [line] = lines();
    const text = JSON.stringify(line);
    for (const secret of ['zoe@example.com', 'ZOE@example.com', '203.0.113.77', 'hunter2', 'wp_live_abcdefghijklmnopqrstu', 'abcdef123456', 'abc.def.ghi', 'abcdefghijklmnop', '370:7348']) expect(text, secret).not.toContain(secret);
    expect(line.email).toMatch(/^email:[0-9a-f]{12}$/);
    expect(line.ip).toBe('203.0.113.0');
    expect(line.count).toBe(3);
    // The error keeps what it says, without the address.
    expect(line.err).toMatchObject({ type: 'Error', message: expect.stringMatching(/^no account for email:[0-9a-f]{12} from 203\.0\.113\.0$/), stack: expect.stringContaining('log-redaction.test.ts') });
    expect((line.user as Record<string, unknown>).password).toBe(REDACTED);
    // The same address always gives the same hash, so one person's lines can be followed.
    expect(String(line.msg)).toContain(String(line.email));
  });

  it('leaves ordinary text and values alone', () => {
    expect(scrubText('webhooks: delivery attempt failed; retrying in 5 s (attempt 2)')).toBe('webhooks: delivery attempt failed; retrying in 5 s (attempt 2)');
    expect(scrub({ route: '/api/v1/goals', status: 201, ok: true, tenantId: 'cmx123' })).toEqual({ route: '/api/v1/goals', status: 201, ok: true, tenantId: 'cmx123' });
    expect(scrubText('ratelimit: kept in Redis at redis://127.0.0.1:6379')).toBe('ratelimit: kept in Redis at redis://127.0.0.1:6379');
  });

  it('keeps an error elsewhere in a line readable, scrubbed', () => {
    expect(scrub({ cause: new Error('no mailbox for a.person@example.com') })).toMatchObject({ cause: { type: 'Error', message: expect.stringMatching(/^no mailbox for email:[0-9a-f]{12}$/) } });
  });
});
