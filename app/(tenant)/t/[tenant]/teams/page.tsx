import type { Metadata } from 'next';
import { TeamsBoard } from '@/components/teams/teams-board';
import { term } from '@/lib/branding/terminology';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { leadCandidates } from '@/lib/teams/team-candidates';
import { listTeams } from '@/lib/teams/teams';
import { requireTenant } from '@/lib/tenancy/current-tenant';

type Params = Promise<{ tenant: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const tenant = await requireTenant((await params).tenant);
  return { title: term(tenant.branding.terminology, 'teams', true) };
}

export default async function TeamsPage({ params }: { params: Params }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const terminology = tenant.branding.terminology;
  const [teams, candidates] = await Promise.all([listTeams(tenant, member), can(member.role, 'teams.manage') ? leadCandidates(tenant) : Promise.resolve(null)]);
  return (
    <section className="mx-auto flex max-w-5xl flex-col gap-8 px-6 py-10">
      <header>
        <h1 className="text-3xl font-bold text-slate-900">{term(terminology, 'teams', true)}</h1>
        <p className="mt-2 text-slate-600">
          {term(terminology, 'teams', true)} share {term(terminology, 'goals')}. Public ones are open to everyone in {tenant.name}; private ones only to the people in them.
        </p>
      </header>
      <TeamsBoard initial={teams} terminology={terminology} viewerId={member.userId} leadCandidates={candidates} />
    </section>
  );
}
