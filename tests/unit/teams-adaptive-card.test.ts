import { describe, expect, it } from 'vitest';
import { adaptiveCard, escapeMarkdown } from '../../lib/integrations/microsoft-teams/adaptive-card.ts';
import type { NotificationMessage } from '../../lib/integrations/notifications/notification-message.ts';

const message: NotificationMessage = {
  event: 'weekly_digest',
  teamId: 'team_1',
  title: 'Objectives this week: [Click](https://evil.example) *now*',
  text: 'Objectives this week: 2 completed',
  fields: [{ label: 'Completed', value: '2' }],
  items: [
    { text: 'Run a half_marathon', url: 'https://acme.example.com/goals/g(1)' },
    { text: '- not a list', url: null },
  ],
  link: { label: 'Open Acme', url: 'https://acme.example.com/goals' },
  brand: { name: 'Acme', accentColor: '#ff5500' },
};

describe('Teams Adaptive Card', () => {
  it('escapes what would become links, emphasis or lists, and nothing else', () => {
    expect(escapeMarkdown('[Click](https://evil.example) *now*')).toBe('\\[Click\\]\\(https://evil.example\\) \\*now\\*');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('12. item')).toBe('12\\. item');
    expect(escapeMarkdown('Plain words, 50% done - on track.')).toBe('Plain words, 50% done - on track.');
    expect(escapeMarkdown('<at>Everyone</at>')).toBe('\\<at\\>Everyone\\</at\\>');
  });

  it('is a message with one Adaptive Card: brand, title, facts, items, and a button back', () => {
    const body = adaptiveCard(message);
    expect(body.type).toBe('message');
    expect(body.attachments).toHaveLength(1);
    const [attachment] = body.attachments;
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = attachment.content as { type: string; version: string; fallbackText: string; body: Record<string, unknown>[]; actions: Record<string, unknown>[] };
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4', fallbackText: message.text });
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Acme', isSubtle: true });
    expect(card.body[1]).toMatchObject({ type: 'TextBlock', text: 'Objectives this week: \\[Click\\]\\(https://evil.example\\) \\*now\\*', weight: 'Bolder' });
    expect(card.body[2]).toEqual({ type: 'FactSet', facts: [{ title: 'Completed', value: '2' }] });
    expect(card.body[3]).toMatchObject({ text: '• [Run a half\\_marathon](https://acme.example.com/goals/g%281%29)' });
    expect(card.body[4]).toMatchObject({ text: '• \\- not a list' });
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open Acme', url: 'https://acme.example.com/goals' }]);
    expect(JSON.stringify(adaptiveCard({ ...message, link: null }).attachments[0].content)).not.toContain('actions');
  });
});
