'use client';

import type { EndpointUsage } from '@/lib/api/usage-stats';
import { useFormat } from '@/lib/format/format-context';

export function TopEndpoints({ endpoints }: { endpoints: EndpointUsage[] }) {
  const fmt = useFormat();
  if (endpoints.length === 0) return <p className="text-sm text-slate-500">No API requests in the last 30 days.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="top-endpoints">
      <thead className="border-b border-slate-200 text-slate-500">
        <tr>
          <th scope="col" className="py-2 pr-4 font-medium">Endpoint</th>
          <th scope="col" className="py-2 pr-4 text-right font-medium">Requests</th>
          <th scope="col" className="py-2 text-right font-medium">Error rate</th>
        </tr>
      </thead>
      <tbody>
        {endpoints.map((e) => (
          <tr key={`${e.method} ${e.route}`} className="border-b border-slate-100">
            <td className="py-2 pr-4 font-mono text-xs">
              {e.method} {e.route}
            </td>
            <td className="py-2 pr-4 text-right tabular-nums">{fmt.number(e.requests)}</td>
            <td className={`py-2 text-right tabular-nums ${e.errorRate > 0.05 ? 'text-red-700' : ''}`}>{fmt.percent(e.errorRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
