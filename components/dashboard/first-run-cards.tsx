import type { Member } from '@/lib/auth/session';
import { term } from '@/lib/branding/terminology';
import { setupChecklist, welcomeFor, type SetupStepKey, type WelcomeStepKey } from '@/lib/onboarding/first-run';
import type { TenantContext } from '@/lib/tenancy/tenant-context';
import { SetupChecklist, WelcomeCard, type FirstRunStep } from './first-run';

/**
 * The dashboard's first-run card: the setup checklist for owners and admins, the welcome for
 * everyone else who joined, or nothing once dismissed or done. Words follow the workspace's
 * terminology.
 */
export async function FirstRunCards({ tenant, member }: { tenant: TenantContext; member: Member }) {
  const t = tenant.branding.terminology;
  if (member.role === 'owner' || member.role === 'admin') {
    const checklist = await setupChecklist(tenant, member);
    if (!checklist.visible) return null;
    const copy: Record<SetupStepKey, Omit<FirstRunStep, 'key' | 'done'>> = {
      brand: { title: 'Brand your workspace', description: 'Your logo and colours, so it feels like yours.', href: '/settings/branding', action: 'Brand it' },
      invite: { title: 'Invite your people', description: 'Send invitations by email and choose their roles.', href: '/settings/members', action: 'Invite' },
      goal: { title: `Set a first ${term(t, 'goal')}`, description: `Something you or a ${term(t, 'team')} is working towards.`, href: '/goals?new=1', action: `New ${term(t, 'goal')}` },
      habit: { title: `Start a first ${term(t, 'habit')}`, description: 'A small thing done regularly; streaks keep count.', href: '/habits?new=1', action: `New ${term(t, 'habit')}` },
      domain: { title: 'Connect your domain', description: 'Serve the workspace on your own address, e.g. goals.example.com.', href: '/settings/domains', action: 'Add a domain' },
    };
    return <SetupChecklist workspaceName={tenant.name} steps={checklist.steps.map((s) => ({ ...copy[s.key], ...s }))} />;
  }
  const welcome = await welcomeFor(tenant, member);
  if (!welcome.visible) return null;
  const canWrite = member.role !== 'viewer';
  const copy: Record<WelcomeStepKey, Omit<FirstRunStep, 'key' | 'done'>> = {
    team: { title: `Join a ${term(t, 'team')}`, description: `See and share your ${term(t, 'team')}'s ${term(t, 'goals')}.`, href: '/teams', action: `Browse ${term(t, 'teams')}` },
    goal: canWrite
      ? { title: `Set your first ${term(t, 'goal')}`, description: 'Give it a target date and track progress.', href: '/goals?new=1', action: `New ${term(t, 'goal')}` }
      : { title: `Look at the ${term(t, 'goals')}`, description: `Your role can follow ${term(t, 'goals')} but not set them.`, href: '/goals', action: `See ${term(t, 'goals')}` },
    habit: canWrite
      ? { title: `Start a ${term(t, 'habit')}`, description: 'Log it each day and build a streak.', href: '/habits?new=1', action: `New ${term(t, 'habit')}` }
      : { title: `Look at ${term(t, 'habits')}`, description: 'Streaks and history, read-only for your role.', href: '/habits', action: `See ${term(t, 'habits')}` },
  };
  const steps = welcome.steps.filter((s) => canWrite || s.key === 'team').map((s) => ({ ...copy[s.key], ...s }));
  return (
    <WelcomeCard
      workspaceName={tenant.name}
      intro={`${tenant.name} is where you and your ${term(t, 'teams')} set ${term(t, 'goals')}, build ${term(t, 'habits')} and see how they are going. Three first steps:`}
      steps={steps}
    />
  );
}
