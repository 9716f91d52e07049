import type { Formatter } from '../format/formatter.ts';
import type { Translator } from '../i18n/translator.ts';
import { insightMessage } from './insight-sentence.ts';
import { listInsights } from './list-insights.ts';

// The insights section of a member's weekly digest email (lib/notifications/emails.ts): their
// own and their teams' active insights, worded in the recipient's language like the dashboard.

/** At most this many: the digest points to the dashboard for the rest. */
export const DIGEST_INSIGHTS = 5;

/** The section's lines (heading first), or none when the member has no insight. */
export async function digestInsightLines(tenant: { id: string }, userId: string, t: Translator, fmt: Formatter, now: Date = new Date()): Promise<string[]> {
  const insights = await listInsights(tenant, { userId }, { now, limit: DIGEST_INSIGHTS });
  if (insights.length === 0) return [];
  const lines = insights.map((item) => {
    const { key, values } = insightMessage(item, fmt);
    return t('insights.digestItem', { text: t(`insights.${key}`, values) });
  });
  return [t('insights.digestHeading'), ...lines];
}
