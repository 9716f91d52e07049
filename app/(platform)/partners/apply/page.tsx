import type { Metadata } from 'next';
import Link from 'next/link';
import { PartnerApplicationForm } from '@/components/partners/partner-forms';

export const metadata: Metadata = { title: 'Become a partner' };

const PERKS = [
  { title: 'Reach every workspace', body: 'Publish integrations to the marketplace inside each Waypoint workspace, in its own brand.' },
  { title: 'A sandbox to build in', body: 'Approved partners get a sandbox workspace with demo data to install and test unpublished apps end to end.' },
  { title: 'OAuth, API and webhooks', body: 'Your app acts with the scopes a workspace consents to and receives signed webhook events.' },
];

export default function BecomeAPartnerPage() {
  return (
    <section className="mx-auto grid max-w-5xl gap-10 px-4 py-12 sm:px-6 lg:grid-cols-[1fr_28rem]">
      <div className="flex flex-col gap-6">
        <div>
          <p className="text-xs font-semibold tracking-wide text-brand-text uppercase">Waypoint partner program</p>
          <h1 className="mt-1 text-3xl font-bold text-slate-900">Become a partner</h1>
          <p className="mt-3 text-slate-600">Build integrations that teams use every day to reach their goals and keep their habits. Tell us about your company; the Waypoint team reviews every application.</p>
        </div>
        <ul className="flex flex-col gap-4">
          {PERKS.map((perk) => (
            <li key={perk.title} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="font-semibold text-slate-900">{perk.title}</h2>
              <p className="mt-1 text-sm text-slate-600">{perk.body}</p>
            </li>
          ))}
        </ul>
        <p className="text-sm text-slate-600">
          Already a partner?{' '}
          <Link href="/partner/signin" className="font-semibold text-brand-text underline">
            Sign in to the partner portal
          </Link>
        </p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="mb-4 text-lg font-semibold text-slate-900">Apply</h2>
        <PartnerApplicationForm />
      </div>
    </section>
  );
}
