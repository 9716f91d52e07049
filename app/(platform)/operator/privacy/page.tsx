import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { EraseDialog, RestrictionForm } from '@/components/platform/person-actions';
import { CompletePrivacyRequest, NewPrivacyRequestForm } from '@/components/platform/privacy-request-forms';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { PageHeader } from '@/components/ui/page-header';
import { requireOperator } from '@/lib/auth/require-operator';
import { getPlatformFormatter, getPlatformServerText } from '@/lib/platform/platform-format';
import { platformCan } from '@/lib/platform/platform-roles';
import { findPerson, type PersonView } from '@/lib/privacy/person-lookup';
import { listRequests } from '@/lib/privacy/requests';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('operatorPrivacy');
  return { title: t('title') };
}
export const dynamic = 'force-dynamic';

// The register of data subject requests: what came in, when it is due, what was done; and a
// person found by address, to restrict processing for them, lift it, or erase them.
export default async function PrivacyRequestsPage({ searchParams }: { searchParams: Promise<{ email?: string; erased?: string }> }) {
  const operator = await requireOperator();
  const query = await searchParams;
  const email = typeof query.email === 'string' ? query.email.trim() : '';
  const [{ open, completed, overdue }, person, t, format] = await Promise.all([listRequests(), email ? findPerson(email) : null, getTranslations('operatorPrivacy'), getPlatformFormatter()]);
  const mayAct = platformCan(operator.role, 'platform:manage');
  return (
    <div className="page flex flex-col gap-8">
      <PageHeader title={t('title')} description={t('description')} />
      <section aria-labelledby="person-heading" className="flex flex-col gap-3">
        <h2 id="person-heading" className="text-lg font-semibold text-slate-900">
          {t('find.heading')}
        </h2>
        <form method="get" role="search" aria-label={t('find.heading')} className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <TextField label={t('find.email')} name="email" type="email" defaultValue={email} required className="sm:flex-1" dir="ltr" />
          <button type="submit" className={buttonClass('secondary')}>
            {t('find.submit')}
          </button>
        </form>
        {query.erased !== undefined ? <FormStatus message={t('find.erased', { count: Number(query.erased) || 0 })} /> : null}
        {email && !person ? <p className="text-sm text-slate-600">{t('find.noAccount')}</p> : null}
        {person ? <PersonPanel person={person} mayAct={mayAct} /> : null}
      </section>
      {mayAct ? <NewPrivacyRequestForm /> : null}
      <section aria-labelledby="open-heading" className="flex flex-col gap-3">
        <h2 id="open-heading" className="text-lg font-semibold text-slate-900">
          {t('open.heading', { count: format.number(open.length) })}
          {overdue ? <span className="ms-2 text-red-800">{t('open.overdueCount', { count: format.number(overdue) })}</span> : null}
        </h2>
        {open.length === 0 ? <p className="text-sm text-slate-600">{t('open.empty')}</p> : null}
        <ul className="flex flex-col gap-2">
          {open.map((request) => (
            <li key={request.id} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm" data-testid="privacy-request">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={request.overdue ? 'danger' : 'info'}>{request.overdue ? t('open.overdue') : t('open.due', { date: format.date(request.dueAt) })}</Badge>
                <span className="font-medium text-slate-900">{t(`kinds.${request.kind}`)}</span>
                <span className="break-all text-slate-700">{request.subjectEmail}</span>
                <span className="text-slate-600">{t('open.received', { date: format.date(request.receivedAt) })}</span>
              </div>
              {request.details ? <p className="break-words text-slate-700">{request.details}</p> : null}
              {mayAct ? <CompletePrivacyRequest id={request.id} /> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="done-heading" className="flex flex-col gap-3">
        <h2 id="done-heading" className="text-lg font-semibold text-slate-900">
          {t('completed.heading')}
        </h2>
        {completed.length === 0 ? <p className="text-sm text-slate-600">{t('completed.empty')}</p> : null}
        <ul className="flex flex-col gap-1 text-sm text-slate-800">
          {completed.map((request) => (
            <li key={request.id} className="break-words">
              {t('completed.row', {
                kind: t(`kinds.${request.kind}`),
                email: request.subjectEmail,
                outcome: request.outcome ?? '',
                date: format.date(request.completedAt!),
                late: request.completedAt! > request.dueAt ? 'yes' : 'no',
              })}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

async function PersonPanel({ person, mayAct }: { person: PersonView; mayAct: boolean }) {
  const [t, format, serverText] = await Promise.all([getTranslations('operatorPrivacy.person'), getPlatformFormatter(), getPlatformServerText()]);
  const erasable = person.openRequests.filter((request) => request.kind === 'erasure');
  return (
    <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm" data-testid="person">
      <div className="flex flex-wrap items-center gap-2">
        <span className="break-all font-medium text-slate-900">{person.email}</span>
        {person.name ? <span className="text-slate-700">{person.name}</span> : null}
        {person.platformRole ? <Badge tone="info">{t('staff', { role: person.platformRole })}</Badge> : null}
        {person.restriction ? <Badge tone="danger">{t('restricted')}</Badge> : null}
      </div>
      <div>
        <h3 className="font-semibold text-slate-900">{t('workspaces')}</h3>
        {person.workspaces.length === 0 ? <p className="text-slate-600">{t('none')}</p> : null}
        <ul className="mt-1 flex flex-col gap-1">
          {person.workspaces.map((workspace) => (
            <li key={workspace.tenantId} className="break-words">
              <Link href={`/operator/tenants/${workspace.tenantId}`} className="font-medium text-brand-text underline">
                {workspace.name}
              </Link>{' '}
              <span className="text-slate-600">{t('workspaceDetail', { slug: workspace.slug, role: workspace.role, lastOwner: workspace.lastOwner ? 'yes' : 'no' })}</span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="font-semibold text-slate-900">{t('restrictionHeading')}</h3>
        {person.restriction ? (
          <p className="break-words text-slate-700" data-testid="restriction">
            {t('restrictedSince', {
              date: format.dateTime(person.restriction.since),
              hasBy: person.restriction.by ? 'yes' : 'no',
              by: person.restriction.by ?? '',
              reason: person.restriction.reason ?? t('noReason'),
            })}
          </p>
        ) : (
          <p className="text-slate-700" data-testid="restriction">
            {t('notRestricted')}
          </p>
        )}
        {mayAct ? (
          <div className="mt-2">
            <RestrictionForm email={person.email} restricted={person.restriction !== null} />
          </div>
        ) : null}
      </div>
      <div>
        <h3 className="font-semibold text-slate-900">{t('erasureHeading')}</h3>
        {person.erasureBlocker ? (
          <p className="break-words text-slate-700">{serverText(person.erasureBlocker)}</p>
        ) : mayAct ? (
          <div className="mt-2">
            <EraseDialog userId={person.id} email={person.email} requests={erasable.map((request) => ({ id: request.id, label: t('erasureRequest', { date: format.date(request.receivedAt) }) }))} />
          </div>
        ) : (
          <p className="text-slate-700">{t('mayNotErase')}</p>
        )}
      </div>
    </div>
  );
}
