import type { Metadata } from 'next';
import { CompletePrivacyRequest, NewPrivacyRequestForm } from '@/components/platform/privacy-request-forms';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { requireOperator } from '@/lib/auth/require-operator';
import { createFormatter } from '@/lib/format/formatter';
import { platformCan } from '@/lib/platform/platform-roles';
import { listRequests } from '@/lib/privacy/requests';

export const metadata: Metadata = { title: 'Privacy requests' };
export const dynamic = 'force-dynamic';

const format = createFormatter();

// The register of data subject requests: what came in, when it is due, what was done.
export default async function PrivacyRequestsPage() {
  const operator = await requireOperator();
  const { open, completed, overdue } = await listRequests();
  const mayAct = platformCan(operator.role, 'platform:manage');
  return (
    <div className="page flex flex-col gap-8">
      <PageHeader
        title="Privacy requests"
        description="Access, erasure, rectification, restriction, objection and portability requests, each due 30 days after it arrived. Members export and delete their own data from Account › Privacy; record here what comes by email or letter."
      />
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
