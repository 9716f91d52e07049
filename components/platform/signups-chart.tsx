'use client';

import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '@/lib/format/format-context';

/** New workspaces per week (weeks start on Monday, UTC); the table after it is for screen readers. */
export function SignupsChart({ weeks }: { weeks: { weekStart: string; count: number }[] }) {
  const t = useTranslations('operatorTenants.signups');
  const format = useFormat();
  const data = weeks.map((week) => ({ ...week, label: format.shortDay(week.weekStart) }));
  return (
    <figure className="flex flex-col gap-2">
      <div className="h-48 w-full" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#475569' }} tickLine={false} axisLine={{ stroke: '#cbd5e1' }} interval="preserveStartEnd" minTickGap={12} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#475569' }} tickLine={false} axisLine={false} width={40} />
            <Tooltip cursor={{ fill: '#f1f5f9' }} formatter={(value) => [format.number(Number(value)), t('series')]} labelFormatter={(label) => t('weekOf', { week: String(label) })} />
            <Bar dataKey="count" name={t('series')} fill="var(--brand-primary)" radius={[3, 3, 0, 0]} maxBarSize={32} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-slate-600">{t('caption', { count: weeks.length })}</figcaption>
      {/* A table ignores a 1px width and stays as wide as its cells: the wrapper hides it. */}
      <div className="sr-only">
        <table>
          <caption>{t('tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('weekColumn')}</th>
              <th scope="col">{t('series')}</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.weekStart}>
                <td>{format.day(week.weekStart)}</td>
                <td>{format.number(week.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
