import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { ScrollBox } from '@/components/ui/scroll-box';
import { COOKIES, subprocessors, type Subprocessor } from '@/lib/privacy/subprocessors';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('publicPages.legal');
  return { title: t('metaTitle') };
}
export const dynamic = 'force-dynamic';

// Public: who processes personal data for this Waypoint instance, and every cookie it sets.
export default async function SubprocessorsPage() {
  const list = subprocessors();
  const t = await getTranslations('publicPages.legal');
  // Services named by their brand keep it; the others are described in the page's language.
  const nameOf = (row: Subprocessor) => (row.id === 'smtp' ? t('services.smtp.name') : row.id === 'redis' ? t('services.redis.name') : row.name);
  return (
    <div className="page flex flex-col gap-8">
      <PageHeader title={t('title')} description={t('description')} />
      <section aria-labelledby="subprocessors-heading" className="flex flex-col gap-3">
        <h2 id="subprocessors-heading" className="text-lg font-semibold text-slate-900">
          {t('subprocessors')}
        </h2>
        <ScrollBox label={t('subprocessors')} className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full border-collapse text-start text-sm">
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2">
                  {t('service')}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t('purpose')}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t('data')}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t('here')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((row) => (
                <tr key={row.id} className="border-t border-slate-100">
                  <th scope="row" className="px-4 py-2 font-medium text-slate-900">
                    {nameOf(row)}
                  </th>
                  <td className="px-4 py-2">{t(`services.${row.id}.purpose`)}</td>
                  <td className="px-4 py-2">{t(`services.${row.id}.data`)}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{row.inUse ? t('inUse') : t('notUsed')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </section>
      <section aria-labelledby="cookies-heading" className="flex flex-col gap-3">
        <h2 id="cookies-heading" className="text-lg font-semibold text-slate-900">
          {t('cookies')}
        </h2>
        <p className="text-sm text-slate-700">{t('cookiesIntro')}</p>
        <ul className="flex flex-col gap-1 text-sm text-slate-800">
          {COOKIES.map((cookie) => (
            <li key={cookie.name}>
              {t.rich('cookie', {
                name: cookie.name,
                purpose: t(`cookiePurposes.${cookie.id}`),
                code: (chunks) => (
                  <code className="break-all" dir="ltr">
                    {chunks}
                  </code>
                ),
              })}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
