'use client';

import { useTranslations } from 'next-intl';
import type { EndpointUsage } from '@/lib/api/usage-stats';
import { useFormat } from '@/lib/format/format-context';

export function TopEndpoints({ endpoints }: { endpoints: EndpointUsage[] }) {
  const fmt = useFormat();
  const t = useTranslations('developers.topEndpoints');
  if (endpoints.length === 0) return <p className="text-sm text-slate-500">{t('empty')}</p>;
  return (
    <table className="w-full text-start text-sm" data-testid="top-endpoints">
      <thead className="border-b border-slate-200 text-slate-500">
        <tr>
          <th scope="col" className="py-2 pe-4 font-medium">{t('endpoint')}</th>
          <th scope="col" className="py-2 pe-4 text-end font-medium">{t('requests')}</th>
          <th scope="col" className="py-2 text-end font-medium">{t('errorRate')}</th>
        </tr>
      </thead>
      <tbody>
        {endpoints.map((e) => (
          <tr key={`${e.method} ${e.route}`} className="border-b border-slate-100">
            <td className="py-2 pe-4 font-mono text-xs">
              <span dir="ltr">
                {e.method} {e.route}
              </span>
            </td>
            <td className="py-2 pe-4 text-end tabular-nums">{fmt.number(e.requests)}</td>
            <td className={`py-2 text-end tabular-nums ${e.errorRate > 0.05 ? 'text-red-700' : ''}`}>{fmt.percent(e.errorRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
