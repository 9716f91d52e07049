import type { Metadata } from 'next';
import Link from 'next/link';
import { EraseDialog, RestrictionForm } from '@/components/platform/person-actions';
import { CompletePrivacyRequest, NewPrivacyRequestForm } from '@/components/platform/privacy-request-forms';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { PageHeader } from '@/components/ui/page-header';
import { requireOperator } from '@/lib/auth/require-operator';
import { createFormatter } from '@/lib/format/formatter';
import { roleLabel } from '@/lib/members/role-labels';
import { platformCan } from '@/lib/platform/platform-roles';
import { findPerson, type PersonView } from '@/lib/privacy/person-lookup';
import { listRequests } from '@/lib/privacy/requests';

export const metadata: Metadata = { title: 'Privacy requests' };
export const dynamic = 'force-dynamic';

const format = createFormatter();

// The register of data subject requests: what came in, when it is due, what was done; and a
// person found by address, to restrict processing for them, lift it, or erase them.
export default async function PrivacyRequestsPage({ searchParams }: { searchParams: Promise<{ email?: string; erased?: string }> }) {
  const operator = await requireOperator();
  const query = await searchParams;
  const email = typeof query.email === 'string' ? query.email.trim() : '';
  const [{ open, completed, overdue }, person] = await Promise.all([listRequests(), email ? findPerson(email) : null]);
  const mayAct = platformCan(operator.role, 'platform:manage');
  return (
    <div className="page flex flex-col gap-8">
      <PageHeader
        title="Privacy requests"
        description="Access, erasure, rectification, restriction, objection and portability requests, each due 30 days after it arrived. Members export and delete their own data from Account › Privacy; record here what comes by email or letter."
      />
      <section aria-labelledby="person-heading" className="flex flex-col gap-3">
        <h2 id="person-heading" className="text-lg font-semibold text-slate-900">
          Find a person
        </h2>
        <form method="get" role="search" aria-label="Find a person" className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <TextField label="Email" name="email" type="email" defaultValue={email} required className="sm:flex-1" />
          <button type="submit" className={buttonClass('secondary')}>
            Find
          </button>
        </form>
        {query.erased !== undefined ? <FormStatus message={`Erased from ${Number(query.erased) || 0} workspace(s).`} /> : null}
        {email && !person ? <p className="text-sm text-slate-600">No account with this address.</p> : null}
        {person ? <PersonPanel person={person} mayAct={mayAct} /> : null}
      </section>
      {mayAct ? <NewPrivacyRequestForm /> : null}
      <section aria-labelledby="open-heading" className="flex flex-col gap-3">
        <h2 id="open-heading" className="text-lg font-semibold text-slate-900">
          Open ({open.length}){overdue ? <span className="ml-2 text-red-800">{overdue} overdue</span> : null}
        </h2>
        {open.length === 0 ? <p className="text-sm text-slate-600">No open request.</p> : null}
        <ul className="flex flex-col gap-2">
          {open.map((request) => (
            <li key={request.id} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm" data-testid="privacy-request">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={request.overdue ? 'danger' : 'info'}>{request.overdue ? 'Overdue' : `Due ${format.date(request.dueAt)}`}</Badge>
                <span className="font-medium capitalize text-slate-900">{request.kind}</span>
                <span className="break-all text-slate-700">{request.subjectEmail}</span>
                <span className="text-slate-600">received {format.date(request.receivedAt)}</span>
              </div>
              {request.details ? <p className="break-words text-slate-700">{request.details}</p> : null}
              {mayAct ? <CompletePrivacyRequest id={request.id} /> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="done-heading" className="flex flex-col gap-3">
        <h2 id="done-heading" className="text-lg font-semibold text-slate-900">
          Completed
        </h2>
        {completed.length === 0 ? <p className="text-sm text-slate-600">None yet.</p> : null}
        <ul className="flex flex-col gap-1 text-sm text-slate-800">
          {completed.map((request) => (
            <li key={request.id} className="break-words">
              <span className="capitalize">{request.kind}</span> for {request.subjectEmail}: {request.outcome} ({format.date(request.completedAt!)}
              {request.completedAt! > request.dueAt ? ', late' : ''})
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function PersonPanel({ person, mayAct }: { person: PersonView; mayAct: boolean }) {
  const erasable = person.openRequests.filter((request) => request.kind === 'erasure');
  return (
    <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm" data-testid="person">
      <div className="flex flex-wrap items-center gap-2">
        <span className="break-all font-medium text-slate-900">{person.email}</span>
        {person.name ? <span className="text-slate-700">{person.name}</span> : null}
        {person.platformRole ? <Badge tone="info">Staff ({person.platformRole.replace('_', ' ')})</Badge> : null}
        {person.restriction ? <Badge tone="danger">Restricted</Badge> : null}
      </div>
      <div>
        <h3 className="font-semibold text-slate-900">Workspaces</h3>
        {person.workspaces.length === 0 ? <p className="text-slate-600">None.</p> : null}
        <ul className="mt-1 flex flex-col gap-1">
          {person.workspaces.map((workspace) => (
            <li key={workspace.tenantId} className="break-words">
              <Link href={`/operator/tenants/${workspace.tenantId}`} className="font-medium text-brand-text underline">
                {workspace.name}
              </Link>{' '}
              <span className="text-slate-600">
                ({workspace.slug}) · {roleLabel(workspace.role)}
                {workspace.lastOwner ? ' · last owner' : ''}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="font-semibold text-slate-900">Restriction of processing</h3>
        {person.restriction ? (
          <p className="break-words text-slate-700" data-testid="restriction">
            Restricted since {format.dateTime(person.restriction.since)}
            {person.restriction.by ? ` by ${person.restriction.by}` : ''}: {person.restriction.reason ?? 'no reason recorded'}. No sign-in, no email; data kept.
          </p>
        ) : (
          <p className="text-slate-700" data-testid="restriction">
            Not restricted.
          </p>
        )}
        {mayAct ? (
          <div className="mt-2">
            <RestrictionForm email={person.email} restricted={person.restriction !== null} />
          </div>
        ) : null}
      </div>
      <div>
        <h3 className="font-semibold text-slate-900">Erasure</h3>
        {person.erasureBlocker ? (
          <p className="break-words text-slate-700">{person.erasureBlocker}</p>
        ) : mayAct ? (
          <div className="mt-2">
            <EraseDialog userId={person.id} email={person.email} requests={erasable.map((request) => ({ id: request.id, label: `Erasure request received ${format.date(request.receivedAt)}` }))} />
          </div>
        ) : (
          <p className="text-slate-700">Staff who manage the platform can erase this person.</p>
        )}
      </div>
    </div>
  );
}
