import type { SubResellerNode } from '@/lib/resellers/dashboard';
import { formatCents, formatRate } from '@/lib/resellers/money';
import { RateForm } from './reseller-forms';

/** The viewer's network as nested lists; direct sub-resellers' rates are editable when `editable`. */
export function HierarchyTree({ rootName, nodes, editable }: { rootName: string; nodes: SubResellerNode[]; editable: boolean }) {
  return (
    <div data-testid="hierarchy-tree" className="text-sm">
      <p className="font-semibold text-slate-900">{rootName} (you)</p>
      {nodes.length === 0 ? <p className="mt-2 text-slate-600">No sub-resellers yet.</p> : <Level nodes={nodes} editable={editable} depth={1} />}
    </div>
  );
}

function Level({ nodes, editable, depth }: { nodes: SubResellerNode[]; editable: boolean; depth: number }) {
  return (
    <ul className="mt-2 flex flex-col gap-3 border-l border-slate-200 pl-4">
      {nodes.map((node) => (
        <li key={node.id}>
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="font-medium text-slate-900">{node.name}</span>
            <span className="text-slate-600">
              tier {node.tier} · {formatRate(node.commissionRateBps)} · {node.status} · {node.clientCount} clients · your overrides {formatCents(node.overrideCents)}
            </span>
          </div>
          {editable && depth === 1 ? (
            <div className="mt-2">
              <RateForm resellerId={node.id} name={node.name} rateBps={node.commissionRateBps} />
            </div>
          ) : null}
          {node.children.length ? <Level nodes={node.children} editable={editable} depth={depth + 1} /> : null}
        </li>
      ))}
    </ul>
  );
}
