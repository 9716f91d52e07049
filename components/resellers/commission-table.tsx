import { ScrollBox } from '@/components/ui/scroll-box';
import type { CommissionLine } from '@/lib/resellers/dashboard';
import { formatCents, formatRate } from '@/lib/resellers/money';
import { FormattedDate } from '@/components/ui/formatted';

/**
 * Commission lines: own clients by name, overrides "via" the sub-reseller (never their client).
 * Each line shows its base (what the rate applied to: the sale, or for an override what was left
 * after the commissions below it). A refund is a line of its own, negative, so a fully refunded
 * sale and its refund sum to zero, and the footer nets every line shown.
 */
export function CommissionTable({ lines, caption }: { lines: CommissionLine[]; caption: string }) {
  if (lines.length === 0) return <p className="text-sm text-slate-600">No commissions yet. They appear when a client&apos;s invoice is paid.</p>;
  return (
    <ScrollBox label={caption}>
      <table className="w-full text-left text-sm" data-testid="commission-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4">Date</th>
            <th scope="col" className="py-2 pr-4">From</th>
            <th scope="col" className="py-2 pr-4">Plan</th>
            <th scope="col" className="py-2 pr-4 text-right">Sale</th>
            <th scope="col" className="py-2 pr-4 text-right" title="What the rate applied to: the sale, or for an override the sale less the commissions below it">
              Base
            </th>
            <th scope="col" className="py-2 pr-4 text-right">Rate</th>
            <th scope="col" className="py-2 pr-4 text-right">Commission</th>
            <th scope="col" className="py-2">Status</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} className="border-t border-slate-100">
              <td className="py-2 pr-4 whitespace-nowrap"><FormattedDate value={line.createdAt} /></td>
              <td className="py-2 pr-4">
                {line.clientName ?? `via ${line.viaResellerName ?? 'a sub-reseller'}`}
                {line.kind === 'reversal' ? <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-700">refund</span> : null}
              </td>
              <td className="py-2 pr-4">{line.planId ?? '—'}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatCents(line.saleCents)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatCents(line.baseCents)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatRate(line.rateBps)}</td>
              <td className="py-2 pr-4 text-right font-medium tabular-nums">{formatCents(line.amountCents)}</td>
              <td className="py-2">{line.status}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-slate-300">
            <th scope="row" colSpan={6} className="py-2 pr-4 text-right font-semibold text-slate-700">
              Net of these lines
            </th>
            <td className="py-2 pr-4 text-right font-semibold tabular-nums" data-testid="commission-net">
              {formatCents(lines.reduce((sum, line) => sum + line.amountCents, 0))}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </ScrollBox>
  );
}
