import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, signWebhook } from '../../lib/webhooks/sign-webhook.ts';

const now = () => Math.floor(Date.now() / 1000);
const body = JSON.stringify({ type: 'goal.completed', data: { goalId: 'g_123', title: 'Run 5 km' } });

describe('signWebhook', () => {
  it('reproduces the published Standard Webhooks test vector', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const headers = signWebhook({
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: 1614265330,
      body: '{"test": 2432232314}',
      secrets: [secret],
    });
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
    // The reference library computes the same signature for the same input.
    const reference = new Webhook(secret).sign('msg_p5jXN8AQM9LWM0D4loKWxJek', new Date(1614265330 * 1000), '{"test": 2432232314}');
    expect(headers['webhook-signature']).toBe(reference);
  });

  it('is verified by the official standardwebhooks library', () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({ id: 'msg_1', timestamp: now(), body, secrets: [secret] });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('signs with every secret during a rotation, and each one verifies on its own', () => {
    const oldSecret = generateWebhookSecret();
    const newSecret = generateWebhookSecret();
    const headers = signWebhook({ id: 'msg_2', timestamp: now(), body, secrets: [oldSecret, newSecret] });
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=* v1,[A-Za-z0-9+/]+=*$/);
    expect(() => new Webhook(oldSecret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(newSecret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
  });

  it('fails verification when the body, timestamp or id is tampered with', () => {
    const secret = generateWebhookSecret();
    const timestamp = now();
    const headers = signWebhook({ id: 'msg_3', timestamp, body, secrets: [secret] });
    const verifier = new Webhook(secret);
    expect(() => verifier.verify(body.replace('5 km', '50 km'), headers)).toThrow(WebhookVerificationError);
    expect(() => verifier.verify(body, { ...headers, 'webhook-timestamp': String(timestamp - 1) })).toThrow(
      WebhookVerificationError,
    );
    expect(() => verifier.verify(body, { ...headers, 'webhook-id': 'msg_4' })).toThrow(WebhookVerificationError);
  });

  it('signs the exact bytes of a non-ASCII body', () => {
    const secret = generateWebhookSecret();
    const unicode = JSON.stringify({ title: 'Méditer 🧘 chaque jour' });
    const headers = signWebhook({ id: 'msg_5', timestamp: now(), body: unicode, secrets: [secret] });
    expect(new Webhook(secret).verify(Buffer.from(unicode, 'utf8'), headers)).toEqual(JSON.parse(unicode));
  });

  it('refuses malformed secrets, no secrets and non-second timestamps', () => {
    const sign = (secrets: string[], timestamp = now()) => () => signWebhook({ id: 'msg_6', timestamp, body, secrets });
    expect(sign([])).toThrow(/at least one secret/);
    expect(sign(['MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'])).toThrow(/whsec_/);
    expect(sign(['whsec_'])).toThrow(/whsec_/);
    expect(sign(['whsec_not base64!'])).toThrow(/whsec_/);
    expect(sign([generateWebhookSecret()], 1.5)).toThrow(/Unix seconds/);
  });
});

describe('generateWebhookSecret', () => {
  it("returns a fresh 'whsec_' secret holding 32 random bytes", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });
});
