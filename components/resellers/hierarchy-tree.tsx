import { getLocale, getTranslations } from 'next-intl/server';
import { moneyList, type CurrencyAmount } from '@/components/payouts/money-lines';
import { createFormatter } from '@/lib/format/formatter';
import type { SubResellerNode } from '@/lib/resellers/dashboard';
import { rateText } from '@/lib/resellers/money';
import { RateForm } from './reseller-forms';

/** A node's summary line: tier, rate, status, clients and the viewer's overrides through it. */
type Describe = (node: SubResellerNode) => string;

/**
 * The viewer's network as nested lists; direct sub-resellers' rates are editable when
 * `editable`. `overrides`: what the viewer earned through each sub-reseller, per currency
 * (lib/resellers/dashboard.ts subResellerOverrides); none given, nothing earned.
 */
export async function HierarchyTree({ rootName, nodes, editable, overrides = {} }: { rootName: string; nodes: SubResellerNode[]; editable: boolean; overrides?: Record<string, CurrencyAmount[]> }) {
  const [t, locale] = await Promise.all([getTranslations('reseller.network'), getLocale()]);
  const fmt = createFormatter({ locale, timeZone: 'UTC' });
  const describe: Describe = (node) =>
    t('node', {
      tier: node.tier,
      rate: rateText(fmt, node.commissionRateBps),
      status: t(`statuses.${node.status}`),
      clients: node.clientCount,
      overrides: moneyList(fmt, overrides[node.id] ?? []),
    });
  return (
    <div data-testid="hierarchy-tree" className="text-sm">
      <p className="font-semibold text-slate-900">{t('you', { name: rootName })}</p>
      {nodes.length === 0 ? <p className="mt-2 text-slate-600">{t('none')}</p> : <Level nodes={nodes} editable={editable} depth={1} describe={describe} />}
    </div>
  );
}

function Level({ nodes, editable, depth, describe }: { nodes: SubResellerNode[]; editable: boolean; depth: number; describe: Describe }) {
  return (
    <ul className="mt-2 flex flex-col gap-3 border-s border-slate-200 ps-4">
      {nodes.map((node) => (
        <li key={node.id}>
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="font-medium text-slate-900">{node.name}</span>
            <span className="text-slate-600">{describe(node)}</span>
          </div>
          {editable && depth === 1 ? (
            <div className="mt-2">
              <RateForm resellerId={node.id} name={node.name} rateBps={node.commissionRateBps} />
            </div>
          ) : null}
          {node.children.length ? <Level nodes={node.children} editable={editable} depth={depth + 1} describe={describe} /> : null}
        </li>
      ))}
    </ul>
  );
}
