import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { CreateClientForm } from '@/components/resellers/reseller-forms';
import { Card } from '@/components/ui/card';
import { config, tenantOrigin } from '@/lib/config/env';
import { createFormatter } from '@/lib/format/formatter';
import { listClients } from '@/lib/resellers/clients';
import { PLATFORM_CURRENCY } from '@/lib/resellers/money';
import { requireReseller } from '@/lib/resellers/reseller-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reseller.meta'))('clients') };
}
export const dynamic = 'force-dynamic';

export default async function ResellerClientsPage() {
  const actor = await requireReseller();
  const [clients, t, locale] = await Promise.all([listClients(actor), getTranslations('resellerClients'), getLocale()]);
  const fmt = createFormatter({ locale, timeZone: 'UTC' });
  return (
    <div className="flex flex-col gap-6">
      <Card title={t('title')} description={t('description')}>
        {clients.length === 0 ? (
          <p className="text-sm text-slate-600">{t('empty')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-start text-sm" data-testid="clients-table">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pe-4">
                    {t('workspace')}
                  </th>
                  <th scope="col" className="py-2 pe-4">
                    {t('status')}
                  </th>
                  <th scope="col" className="py-2 pe-4">
                    {t('plan')}
                  </th>
                  <th scope="col" className="py-2 pe-4 text-end">
                    {t('price')}
                  </th>
                  <th scope="col" className="py-2 pe-4 text-end">
                    {t('members')}
                  </th>
                  <th scope="col" className="py-2">
                    {t('created')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {clients.map((client) => (
                  <tr key={client.id} className="border-t border-slate-100">
                    <td className="py-2 pe-4">
                      {t.rich('workspaceCell', {
                        name: client.name,
                        slug: client.slug,
                        link: (chunks) => (
                          <a href={tenantOrigin(client.slug)} className="font-medium text-brand-text underline">
                            {chunks}
                          </a>
                        ),
                        muted: (chunks) => (
                          <span className="text-slate-500" dir="ltr">
                            {chunks}
                          </span>
                        ),
                      })}
                      {client.ownerInvitationPending ? <span className="ms-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-800">{t('ownerInvited')}</span> : null}
                    </td>
                    <td className="py-2 pe-4">{t(`statuses.${client.status}`)}</td>
                    <td className="py-2 pe-4">{client.plan}</td>
                    <td className="py-2 pe-4 text-end tabular-nums">
                      {client.priceCents === null ? t('none') : fmt.money(client.priceCents, PLATFORM_CURRENCY)}
                      <span className="ms-1 text-xs text-slate-500">{client.priceSource === 'reseller' ? t('yourPrice') : t('listPrice')}</span>
                    </td>
                    <td className="py-2 pe-4 text-end tabular-nums">{fmt.number(client.members)}</td>
                    <td className="py-2">{fmt.date(client.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {actor.reseller.status === 'approved' ? (
        <Card title={t('create.title')} description={t('create.description')}>
          <CreateClientForm rootDomain={config.rootDomain} />
        </Card>
      ) : null}
    </div>
  );
}
