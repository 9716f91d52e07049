import type { NotificationMessage } from '../notifications/notification-message.ts';

// A NotificationMessage as the body a Teams channel webhook (Workflows, "Post to a channel when
// a webhook request is received") takes: a message with one Adaptive Card attachment.
// Adaptive Cards have no arbitrary colours, so the brand shows as its name above the title.
// TextBlocks and facts read Teams' Markdown subset (bold, italic, lists, links) and titles are
// members' text, so the characters that make those are backslash-escaped (CommonMark): a goal
// named "[Click here](https://evil.example)" stays text instead of becoming a link.

const MARKDOWN_SPECIAL = /[\\`*_[\]()<>~]/g;

export function escapeMarkdown(text: string): string {
  // A leading "- ", "+ " or "1. " would start a list.
  return text
    .replace(MARKDOWN_SPECIAL, (char) => `\\${char}`)
    .replace(/^(\s*)([-+])(\s)/, '$1\\$2$3')
    .replace(/^(\s*\d+)\.(\s)/, '$1\\.$2');
}

/** Our own links (tenantOrigin) only; parentheses and spaces would end a Markdown link early. */
function markdownUrl(url: string): string {
  return url.replace(/[() ]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface TeamsWebhookBody {
  type: 'message';
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: Record<string, unknown> }];
}

export function adaptiveCard(message: NotificationMessage): TeamsWebhookBody {
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: escapeMarkdown(message.brand.name), size: 'Small', weight: 'Bolder', isSubtle: true, wrap: true },
    { type: 'TextBlock', text: escapeMarkdown(message.title), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
  ];
  if (message.fields.length > 0) {
    body.push({ type: 'FactSet', facts: message.fields.map((field) => ({ title: escapeMarkdown(field.label), value: escapeMarkdown(field.value) })) });
  }
  for (const item of message.items) {
    const text = escapeMarkdown(item.text);
    body.push({ type: 'TextBlock', text: item.url ? `• [${text}](${markdownUrl(item.url)})` : `• ${text}`, wrap: true, spacing: 'Small' });
  }
  const content: Record<string, unknown> = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    fallbackText: message.text,
    msteams: { width: 'Full' },
    body,
  };
  if (message.link) content.actions = [{ type: 'Action.OpenUrl', title: message.link.label, url: message.link.url }];
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content }] };
}
