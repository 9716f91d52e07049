import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { FormattedDateTime } from '@/components/ui/formatted';
import { DEFAULT_LANGUAGE, languageOf } from '@/lib/i18n/languages';
import { serverTextTranslator } from '@/lib/i18n/server-text';
import type { LogRow } from '@/lib/integrations/log';

const TONES: Record<string, 'neutral' | 'warning' | 'danger'> = { info: 'neutral', warning: 'warning', error: 'danger' };

const LEVELS = ['info', 'warning', 'error'] as const;
const KINDS = ['sync', 'conflict', 'refresh', 'needs_attention', 'notification', 'command', 'connection'] as const;

const known = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** The integration's recent log: syncs, conflicts and how they resolved, errors. Entries are stored in English and read in the page's language. */
export async function IntegrationLog({ entries }: { entries: LogRow[] }) {
  const t = await getTranslations('integrations.log');
  const translate = await serverTextTranslator(languageOf(await getLocale()) ?? DEFAULT_LANGUAGE);
  return (
    <section aria-labelledby="recent-log" className="flex flex-col gap-2">
      <h2 id="recent-log" className="text-lg font-semibold text-slate-900">
        {t('heading')}
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm" data-testid="integration-log">
          {entries.map((entry) => (
            <li key={entry.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-baseline sm:gap-3">
              <span className="shrink-0 text-slate-600">
                <FormattedDateTime value={entry.createdAt} />
              </span>
              <span className="flex shrink-0 gap-1">
                <Badge tone={TONES[entry.level] ?? 'neutral'}>{known(LEVELS, entry.level) ? t(`levels.${entry.level}`) : entry.level}</Badge>
                <Badge>{known(KINDS, entry.kind) ? t(`kinds.${entry.kind}`) : String(entry.kind).replace('_', ' ')}</Badge>
              </span>
              <span className="min-w-0 break-words text-slate-800">{translate(entry.message)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
