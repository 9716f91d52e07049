import type { Metadata } from 'next';
import { AcceptAgreementForm } from '@/components/partners/partner-forms';
import { Card } from '@/components/ui/card';
import { FormattedDateTime } from '@/components/ui/formatted';
import { db } from '@/lib/db/client';
import { agreementState, CURRENT_AGREEMENT } from '@/lib/partners/agreement';
import { requirePartner } from '@/lib/partners/partner-session';

export const metadata: Metadata = { title: 'Agreement · Partner portal' };
export const dynamic = 'force-dynamic';

export default async function PartnerAgreementPage() {
  const actor = await requirePartner();
  const partner = await db.partner.findUniqueOrThrow({ where: { id: actor.partnerId }, select: { agreementVersion: true, agreementAcceptedAt: true } });
  const state = agreementState(partner);
  return (
    <div className="flex flex-col gap-6">
      <Card title={`${CURRENT_AGREEMENT.title}, version ${CURRENT_AGREEMENT.version}`}>
        {CURRENT_AGREEMENT.changes && state === 'outdated' ? <p className="mb-4 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900">What changed: {CURRENT_AGREEMENT.changes}</p> : null}
        <div className="flex flex-col gap-4">
          {CURRENT_AGREEMENT.sections.map((section) => (
            <section key={section.heading}>
              <h3 className="font-semibold text-slate-900">{section.heading}</h3>
              <p className="mt-1 text-sm text-slate-700">{section.body}</p>
            </section>
          ))}
        </div>
      </Card>
      <Card title="Acceptance">
        {state === 'current' ? (
          <p className="text-sm text-slate-700" data-testid="agreement-accepted">
            Accepted{partner.agreementAcceptedAt ? <> on <FormattedDateTime value={partner.agreementAcceptedAt} /></> : null}. Nothing to do until a new version is published.
          </p>
        ) : actor.role === 'owner' ? (
          <AcceptAgreementForm version={CURRENT_AGREEMENT.version} />
        ) : (
          <p className="text-sm text-slate-700">An owner of your partner account accepts the agreement.</p>
        )}
      </Card>
    </div>
  );
}
