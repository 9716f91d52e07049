import { getTranslations } from 'next-intl/server';
import { ERROR_CODES } from '@/lib/http/error-codes';
import { code } from './docs-intro';
import { errorCodeDescription } from './docs-words';

/** Every error code the API answers with (lib/http/error-codes.ts, the one registry), with its status. */
export async function ErrorCodesSection() {
  const t = await getTranslations('docs');
  const codes = Object.entries(ERROR_CODES).sort(([a], [b]) => a.localeCompare(b));
  const statusOf = (status: number | readonly number[]) => {
    const all = [status].flat();
    return all.length === 2 ? t('errorsPage.statusEither', { first: all[0], second: all[1] }) : all.join(', ');
  };
  return (
    <section aria-labelledby="error-codes" className="flex flex-col gap-3">
      <h1 id="error-codes" className="text-2xl font-bold text-slate-900">
        {t('guides.errors.title')}
      </h1>
      <p className="text-sm text-slate-600">{t.rich('errorsPage.intro', { c: code })}</p>
      <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 text-sm" data-testid="error-codes">
        {codes.map(([name, info]) => (
          <div key={name} className="flex flex-col gap-1 px-3 py-2 sm:flex-row sm:gap-4">
            <dt className="flex shrink-0 items-baseline gap-2 sm:w-72">
              <code className="font-mono break-all text-slate-900">{name}</code>
              <span className="text-xs text-slate-500">{statusOf(info.status)}</span>
            </dt>
            <dd className="text-slate-600">{errorCodeDescription(t, name, info.description)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
