import { getTranslations } from 'next-intl/server';
import type { Member } from '@/lib/auth/session';
import { setupChecklist, welcomeFor, type SetupStepKey, type WelcomeStepKey } from '@/lib/onboarding/first-run';
import type { TenantContext } from '@/lib/tenancy/tenant-context';
import { SetupChecklist, WelcomeCard, type FirstRunStep } from './first-run';

type StepCopy = Omit<FirstRunStep, 'key' | 'done'>;

/**
 * The dashboard's first-run card: the setup checklist for owners and admins, the welcome for
 * everyone else who joined, or nothing once dismissed or done. Words follow the workspace's
 * terminology (the catalog fills them in).
 */
export async function FirstRunCards({ tenant, member }: { tenant: TenantContext; member: Member }) {
  const t = await getTranslations('dashboard.firstRun');
  if (member.role === 'owner' || member.role === 'admin') {
    const checklist = await setupChecklist(tenant, member);
    if (!checklist.visible) return null;
    const step = (key: SetupStepKey, href: string): StepCopy => ({
      title: t(`setup.${key}.title`),
      description: t(`setup.${key}.description`),
      action: t(`setup.${key}.action`),
      href,
    });
    const copy: Record<SetupStepKey, StepCopy> = {
      brand: step('brand', '/settings/branding'),
      invite: step('invite', '/settings/members'),
      goal: step('goal', '/goals?new=1'),
      habit: step('habit', '/habits?new=1'),
      domain: step('domain', '/settings/domains'),
    };
    return <SetupChecklist workspaceName={tenant.name} steps={checklist.steps.map((s) => ({ ...copy[s.key], ...s }))} />;
  }
  const welcome = await welcomeFor(tenant, member);
  if (!welcome.visible) return null;
  const canWrite = member.role !== 'viewer';
  const step = (key: 'team' | 'goalWrite' | 'goalRead' | 'habitWrite' | 'habitRead', href: string): StepCopy => ({
    title: t(`welcome.${key}.title`),
    description: t(`welcome.${key}.description`),
    action: t(`welcome.${key}.action`),
    href,
  });
  const copy: Record<WelcomeStepKey, StepCopy> = {
    team: step('team', '/teams'),
    goal: canWrite ? step('goalWrite', '/goals?new=1') : step('goalRead', '/goals'),
    habit: canWrite ? step('habitWrite', '/habits?new=1') : step('habitRead', '/habits'),
  };
  const steps = welcome.steps.filter((s) => canWrite || s.key === 'team').map((s) => ({ ...copy[s.key], ...s }));
  return <WelcomeCard workspaceName={tenant.name} intro={t('welcomeIntro', { workspace: tenant.name })} steps={steps} />;
}
