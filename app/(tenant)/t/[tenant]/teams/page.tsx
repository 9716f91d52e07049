import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TeamsBoard } from '@/components/teams/teams-board';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { leadCandidates } from '@/lib/teams/team-candidates';
import { listTeams } from '@/lib/teams/teams';
import { requireTenant } from '@/lib/tenancy/current-tenant';

type Params = Promise<{ tenant: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('teams');
  return { title: t('metaTitle') };
}

export default async function TeamsPage({ params }: { params: Params }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const [teams, candidates, t] = await Promise.all([listTeams(tenant, member), can(member.role, 'teams.manage') ? leadCandidates(tenant) : Promise.resolve(null), getTranslations('teams')]);
  return (
    <section className="mx-auto flex max-w-5xl flex-col gap-8 px-6 py-10">
      <header>
        <h1 className="text-3xl font-bold text-slate-900">{t('title')}</h1>
        <p className="mt-2 text-slate-600">{t('intro', { workspace: tenant.name })}</p>
      </header>
      <TeamsBoard initial={teams} viewerId={member.userId} leadCandidates={candidates} />
    </section>
  );
}
