import type { KnownBlock } from '@slack/web-api';
import type { NotificationMessage } from '../notifications/notification-message.ts';

// NotificationMessage → Block Kit. The blocks sit in one attachment because that is the only
// place Slack draws a colour bar: the workspace's accent colour. `text` stays the plain
// fallback (notifications, screen readers). Everything from users is escaped for mrkdwn.

/** Slack's mrkdwn control characters (https://docs.slack.dev/messaging/formatting-message-text#escaping). */
export function escapeMrkdwn(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** A link in mrkdwn; the URL is ours (tenantOrigin), still stripped of the characters that would end it. */
function mrkdwnLink(url: string, label: string): string {
  return `<${url.replace(/[<>|\s]/g, '')}|${escapeMrkdwn(label)}>`;
}

export function slackBlocks(message: NotificationMessage): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(message.title, 150), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(escapeMrkdwn(message.text), 3000) } },
  ];
  if (message.fields.length) {
    blocks.push({ type: 'section', fields: message.fields.slice(0, 10).map((field) => ({ type: 'mrkdwn' as const, text: clip(`*${escapeMrkdwn(field.label)}*\n${escapeMrkdwn(field.value)}`, 2000) })) });
  }
  if (message.items.length) {
    const lines = message.items.map((item) => `• ${item.url ? mrkdwnLink(item.url, item.text) : escapeMrkdwn(item.text)}`);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(lines.join('\n'), 3000) } });
  }
  if (message.link) {
    blocks.push({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: clip(message.link.label, 75) }, url: message.link.url, action_id: 'open' }] });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(message.brand.name) }] });
  return blocks;
}

/** The chat.postMessage arguments for a message to a channel. */
export function slackPost(channel: string, message: NotificationMessage) {
  return {
    channel,
    text: clip(`${message.title}: ${message.text}`, 3000),
    attachments: [{ color: message.brand.accentColor, fallback: message.text, blocks: slackBlocks(message) }],
    unfurl_links: false,
    unfurl_media: false,
  };
}
