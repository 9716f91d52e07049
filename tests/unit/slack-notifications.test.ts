import { describe, expect, it } from 'vitest';
import type { NotificationMessage } from '../../lib/integrations/notifications/notification-message.ts';
import { crossedThreshold, progressChange } from '../../lib/integrations/notifications/progress-thresholds.ts';
import { isDigestHour } from '../../lib/integrations/notifications/weekly-digest.ts';
import { escapeMrkdwn, slackBlocks, slackPost } from '../../lib/integrations/slack/slack-blocks.ts';
import { slackSignature, verifySlackRequest } from '../../lib/integrations/slack/slack-signature.ts';

describe('progress thresholds', () => {
  it('announces the highest quarter crossed upwards, once per change, nothing going down or staying', () => {
    expect(crossedThreshold(0, 24)).toBeNull();
    expect(crossedThreshold(24, 25)).toBe(25);
    expect(crossedThreshold(25, 49)).toBeNull();
    expect(crossedThreshold(10, 80)).toBe(75);
    expect(crossedThreshold(99, 100)).toBe(100);
    expect(crossedThreshold(80, 20)).toBeNull();
    expect(crossedThreshold(20, 50)).toBe(50);
  });

  it('reads changes.progress only when it holds two numbers', () => {
    expect(progressChange({ progress: { from: 1, to: 2 } })).toEqual({ from: 1, to: 2 });
    expect(progressChange({ title: { from: 'a', to: 'b' } })).toBeNull();
    expect(progressChange({ progress: { from: '1', to: 2 } })).toBeNull();
    expect(progressChange(null)).toBeNull();
  });
});

describe('the digest hour', () => {
  it('is Monday 09:xx in the zone, also for half-hour zones, and UTC for an unknown zone', () => {
    expect(isDigestHour('Europe/Paris', new Date('2026-12-07T08:00:00Z'))).toBe(true);
    expect(isDigestHour('Europe/Paris', new Date('2026-12-07T09:00:00Z'))).toBe(false);
    expect(isDigestHour('America/New_York', new Date('2026-12-07T14:00:00Z'))).toBe(true);
    expect(isDigestHour('Asia/Kathmandu', new Date('2026-12-07T04:00:00Z'))).toBe(true);
    expect(isDigestHour('Not/AZone', new Date('2026-12-07T09:00:00Z'))).toBe(true);
    expect(isDigestHour('UTC', new Date('2026-12-08T09:00:00Z'))).toBe(false);
  });
});

describe('Slack request signatures', () => {
  const secret = 'signing-secret';
  const body = 'team_id=T1&user_id=U1&text=goals';
  const now = new Date('2026-12-05T12:00:00Z');
  const ts = String(now.getTime() / 1000);

  it('accepts Slack’s documented example', () => {
    // https://docs.slack.dev/authentication/verifying-requests-from-slack (the worked example).
    const exampleBody = 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', '1531420618', exampleBody)).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
  });

  it('accepts a fresh, correctly signed request and refuses the rest', () => {
    expect(() => verifySlackRequest({ body, timestamp: ts, signature: slackSignature(secret, ts, body), secret, now })).not.toThrow();
    expect(() => verifySlackRequest({ body, timestamp: ts, signature: slackSignature('other', ts, body), secret, now })).toThrow(/does not match/);
    expect(() => verifySlackRequest({ body: `${body}x`, timestamp: ts, signature: slackSignature(secret, ts, body), secret, now })).toThrow(/does not match/);
    expect(() => verifySlackRequest({ body, timestamp: ts, signature: null, secret, now })).toThrow(/not signed/);
    expect(() => verifySlackRequest({ body, timestamp: '1e9', signature: 'v0=x', secret, now })).toThrow(/Unix time/);
    const old = String(Number(ts) - 301);
    expect(() => verifySlackRequest({ body, timestamp: old, signature: slackSignature(secret, old, body), secret, now })).toThrow(/five minutes/);
    const edge = String(Number(ts) - 300);
    expect(() => verifySlackRequest({ body, timestamp: edge, signature: slackSignature(secret, edge, body), secret, now })).not.toThrow();
  });
});

describe('Block Kit', () => {
  const message: NotificationMessage = {
    event: 'weekly_digest',
    teamId: null,
    title: 'Weekly digest: <Acme> & co',
    text: 'Last week: *bold* <!channel>',
    fields: [{ label: 'Active', value: '3' }],
    items: [{ text: 'Ship <it>', url: 'https://acme.example.test/goals/1' }, { text: 'and 2 more' }],
    link: { label: 'Open goals', url: 'https://acme.example.test/goals' },
    brand: { name: 'Acme', accentColor: '#123456' },
  };

  it('escapes members’ text for mrkdwn, so no one can @channel or forge links', () => {
    expect(escapeMrkdwn('<!channel> & <https://evil|x>')).toBe('&lt;!channel&gt; &amp; &lt;https://evil|x&gt;');
    const blocks = slackBlocks(message);
    expect(blocks.map((block) => block.type)).toEqual(['header', 'section', 'section', 'section', 'actions', 'context']);
    expect(JSON.stringify(blocks)).not.toContain('<!channel>');
    expect(blocks[3]).toMatchObject({ text: { text: '• <https://acme.example.test/goals/1|Ship &lt;it&gt;>\n• and 2 more' } });
  });

  it('colours the attachment with the brand accent and keeps a plain fallback', () => {
    const post = slackPost('C1', message);
    expect(post).toMatchObject({ channel: 'C1', attachments: [{ color: '#123456', fallback: message.text }], unfurl_links: false });
    expect(post.text).toBe('Weekly digest: <Acme> & co: Last week: *bold* <!channel>');
  });
});
