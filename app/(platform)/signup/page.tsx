import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignupForm } from '@/components/signup/signup-form';
import { PLAN_CATALOG, TRIAL } from '@/lib/billing/plan-catalog';
import { config } from '@/lib/config/env';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signup.page');
  return { title: t('metaTitle') };
}
export const dynamic = 'force-dynamic';

// What sign-up promises is what createWorkspaceRecord gives (lib/billing/trials.ts).
const trialPlan = PLAN_CATALOG.find((plan) => plan.id === TRIAL.planId)?.name ?? TRIAL.planId;

export default async function SignupPage() {
  const t = await getTranslations('signup.page');
  return (
    <section className="mx-auto max-w-lg px-6 py-16">
      <h1 className="text-2xl font-bold text-slate-900">{t('heading')}</h1>
      <p className="mt-2 text-sm text-slate-600" data-testid="signup-offer">
        {TRIAL.days > 0 ? t('offerTrial', { days: TRIAL.days, plan: trialPlan }) : t('offerFree')}
      </p>
      <SignupForm rootDomain={config.rootDomain} />
    </section>
  );
}
