import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { CreateClientForm } from '@/components/resellers/reseller-forms';
import { config, tenantOrigin } from '@/lib/config/env';
import { listClients } from '@/lib/resellers/clients';
import { formatCents } from '@/lib/resellers/money';
import { requireReseller } from '@/lib/resellers/reseller-session';
import { FormattedDate } from '@/components/ui/formatted';

export const metadata: Metadata = { title: 'Clients' };
export const dynamic = 'force-dynamic';

export default async function ResellerClientsPage() {
  const actor = await requireReseller();
  const clients = await listClients(actor);
  return (
    <div className="flex flex-col gap-6">
      <Card title="Client workspaces" description="The workspaces you sold, with the plan each is on and what it pays.">
        {clients.length === 0 ? (
          <p className="text-sm text-slate-600">No clients yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="clients-table">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-4">Workspace</th>
                  <th scope="col" className="py-2 pr-4">Status</th>
                  <th scope="col" className="py-2 pr-4">Plan</th>
                  <th scope="col" className="py-2 pr-4 text-right">Price / month</th>
                  <th scope="col" className="py-2 pr-4 text-right">Members</th>
                  <th scope="col" className="py-2">Created</th>
                </tr>
              </thead>
              <tbody>
                {clients.map((client) => (
                  <tr key={client.id} className="border-t border-slate-100">
                    <td className="py-2 pr-4">
                      <a href={tenantOrigin(client.slug)} className="font-medium text-brand-text underline">
                        {client.name}
                      </a>{' '}
                      <span className="text-slate-500">({client.slug})</span>
                      {client.ownerInvitationPending ? <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-800">owner invited</span> : null}
                    </td>
                    <td className="py-2 pr-4">{client.status}</td>
                    <td className="py-2 pr-4">{client.plan}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">
                      {client.priceCents === null ? '—' : formatCents(client.priceCents)}
                      <span className="ml-1 text-xs text-slate-500">{client.priceSource === 'reseller' ? '(your price)' : '(list)'}</span>
                    </td>
                    <td className="py-2 pr-4 text-right tabular-nums">{client.members}</td>
                    <td className="py-2"><FormattedDate value={client.createdAt} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {actor.reseller.status === 'approved' ? (
        <Card title="Create a client workspace" description="The workspace is yours to manage commercially; its owner gets an invitation by email and pays your prices.">
          <CreateClientForm rootDomain={config.rootDomain} />
        </Card>
      ) : null}
    </div>
  );
}
