import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { AcceptAgreementForm } from '@/components/partners/partner-forms';
import { Card } from '@/components/ui/card';
import { db } from '@/lib/db/client';
import { createFormatter } from '@/lib/format/formatter';
import { agreementState, CURRENT_AGREEMENT } from '@/lib/partners/agreement';
import { requirePartner } from '@/lib/partners/partner-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partner.meta'))('agreement') };
}
export const dynamic = 'force-dynamic';

// The agreement's words in the page's language: messages/<language>/partnerAgreement.json has
// each published version under its id (dots and dashes dropped: 2026-12-01 → v20261201); a
// version not translated there shows as written in lib/partners/agreement.ts.
export default async function PartnerAgreementPage() {
  const actor = await requirePartner();
  const partner = await db.partner.findUniqueOrThrow({ where: { id: actor.partnerId }, select: { agreementVersion: true, agreementAcceptedAt: true } });
  const [t, catalog, locale] = await Promise.all([getTranslations('partner.agreement'), getTranslations('partnerAgreement'), getLocale()]);
  // Keyed by version, which the catalog's types cannot know ahead of it.
  const text = catalog as unknown as { (key: string): string; has(key: string): boolean };
  const fmt = createFormatter({ locale, timeZone: 'UTC' });
  const state = agreementState(partner);
  const key = `v${CURRENT_AGREEMENT.version.replace(/\W/g, '')}`;
  const words = (path: string, english: string) => (text.has(`${key}.${path}`) ? text(`${key}.${path}`) : english);
  return (
    <div className="flex flex-col gap-6">
      <Card title={t('heading', { title: words('title', CURRENT_AGREEMENT.title), version: CURRENT_AGREEMENT.version })}>
        {CURRENT_AGREEMENT.changes && state === 'outdated' ? (
          <p className="mb-4 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900">{t('changes', { changes: words('changes', CURRENT_AGREEMENT.changes) })}</p>
        ) : null}
        <div className="flex flex-col gap-4">
          {CURRENT_AGREEMENT.sections.map((section, index) => (
            <section key={section.heading}>
              <h3 className="font-semibold text-slate-900">{words(`sections.s${index + 1}.heading`, section.heading)}</h3>
              <p className="mt-1 text-sm text-slate-700">{words(`sections.s${index + 1}.body`, section.body)}</p>
            </section>
          ))}
        </div>
      </Card>
      <Card title={t('acceptance')}>
        {state === 'current' ? (
          <p className="text-sm text-slate-700" data-testid="agreement-accepted">
            {partner.agreementAcceptedAt ? t('acceptedOn', { date: fmt.dateTime(partner.agreementAcceptedAt) }) : t('accepted')}
          </p>
        ) : actor.role === 'owner' ? (
          <AcceptAgreementForm version={CURRENT_AGREEMENT.version} />
        ) : (
          <p className="text-sm text-slate-700">{t('ownerAccepts')}</p>
        )}
      </Card>
    </div>
  );
}
