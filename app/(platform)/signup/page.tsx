import type { Metadata } from 'next';
import { SignupForm } from '@/components/signup/signup-form';
import { PLAN_CATALOG, TRIAL } from '@/lib/billing/plan-catalog';
import { config } from '@/lib/config/env';

export const metadata: Metadata = { title: 'Create your workspace' };
export const dynamic = 'force-dynamic';

// What sign-up promises is what createWorkspaceRecord gives (lib/billing/trials.ts).
const trialPlan = PLAN_CATALOG.find((plan) => plan.id === TRIAL.planId)?.name ?? TRIAL.planId;
const offer =
  TRIAL.days > 0
    ? `Includes a free ${TRIAL.days}-day trial of the ${trialPlan} plan, with no card needed. When it ends, choose a plan or carry on with the Free plan; nothing is deleted.`
    : 'Starts on the Free plan, with no card needed.';

export default function SignupPage() {
  return (
    <section className="mx-auto max-w-lg px-6 py-16">
      <h1 className="text-2xl font-bold text-slate-900">Create your workspace</h1>
      <p className="mt-2 text-sm text-slate-600" data-testid="signup-offer">
        {offer} You will be the workspace owner. We email you a link to confirm your address first.
      </p>
      <SignupForm rootDomain={config.rootDomain} />
    </section>
  );
}
