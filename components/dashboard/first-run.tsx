'use client';

import { Check, ChevronRight, X } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toaster';
import { useFormat } from '@/lib/format/format-context';
import { api } from '@/lib/http/api-client';

// The dashboard's first-run cards. What each step says and where it leads is decided by the
// server component (terminology, workspace name); these only render and dismiss.

export interface FirstRunStep {
  key: string;
  title: string;
  description: string;
  href: string;
  action: string;
  done: boolean;
}

function StepList({ steps, label }: { steps: FirstRunStep[]; label: string }) {
  const t = useTranslations('dashboard.firstRun');
  return (
    <ol aria-label={label} className="mt-4 flex flex-col divide-y divide-slate-100">
      {steps.map((step) => (
        <li key={step.key} data-done={step.done || undefined} className="flex items-center gap-3 py-3">
          <span
            className={`flex size-7 shrink-0 items-center justify-center rounded-full border ${step.done ? 'border-transparent bg-brand text-brand-fg' : 'border-slate-300 bg-white text-transparent'}`}
            aria-hidden
          >
            <Check className="size-4" />
          </span>
          <div className="min-w-0 flex-1">
            <p className={`text-sm font-semibold ${step.done ? 'text-slate-500 line-through' : 'text-slate-900'}`}>
              {step.title}
              <span className="sr-only">
                {' '}
                {step.done ? t('done') : t('toDo')}
              </span>
            </p>
            {step.done ? null : <p className="text-sm text-slate-600">{step.description}</p>}
          </div>
          {step.done ? null : (
            <Link href={step.href} className="inline-flex shrink-0 items-center gap-1 rounded-md px-2 py-1 text-sm font-semibold text-brand-text hover:bg-slate-100">
              {step.action}
              <ChevronRight className="size-4 rtl:-scale-x-100" aria-hidden />
            </Link>
          )}
        </li>
      ))}
    </ol>
  );
}

function useDismiss(path: string, message?: string) {
  const t = useTranslations('dashboard.firstRun');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [hidden, setHidden] = useState(false);
  async function dismiss() {
    setPending(true);
    try {
      await api(path, { method: 'DELETE' });
      setHidden(true);
      if (message) toast.success(message);
      router.refresh();
    } catch (error) {
      toast.error(error instanceof Error ? error.message : t('hideFailed'));
    } finally {
      setPending(false);
    }
  }
  return { dismiss, pending, hidden };
}

/** Owners and admins: brand it, invite people, a first goal and habit, a domain. */
export function SetupChecklist({ workspaceName, steps }: { workspaceName: string; steps: FirstRunStep[] }) {
  const t = useTranslations('dashboard.firstRun');
  const fmt = useFormat();
  const { dismiss, pending, hidden } = useDismiss('/api/app/onboarding/checklist', t('checklistHidden'));
  if (hidden) return null;
  const done = steps.filter((s) => s.done).length;
  return (
    <section aria-labelledby="setup-heading" data-testid="setup-checklist" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <h2 id="setup-heading" className="text-lg font-semibold text-slate-900">
            {t('setupHeading', { workspace: workspaceName })}
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {t('setupProgress', { done: fmt.number(done), total: fmt.number(steps.length) })}
          </p>
        </div>
        <Button variant="ghost" size="sm" onClick={dismiss} disabled={pending}>
          {t('hideChecklist')}
        </Button>
      </div>
      <div className="mt-3 h-2 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-label={t('setupProgressLabel')} aria-valuemin={0} aria-valuemax={steps.length} aria-valuenow={done}>
        <div className="h-full rounded-full bg-brand" style={{ width: `${(done / steps.length) * 100}%` }} />
      </div>
      <StepList steps={steps} label={t('setupSteps')} />
    </section>
  );
}

/** People who joined an existing workspace: what it is, and three first steps. */
export function WelcomeCard({ workspaceName, intro, steps }: { workspaceName: string; intro: string; steps: FirstRunStep[] }) {
  const t = useTranslations('dashboard.firstRun');
  const { dismiss, pending, hidden } = useDismiss('/api/app/onboarding/welcome');
  if (hidden) return null;
  return (
    <section aria-labelledby="welcome-heading" data-testid="welcome-card" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <h2 id="welcome-heading" className="text-lg font-semibold text-slate-900">
            {t('welcomeHeading', { workspace: workspaceName })}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{intro}</p>
        </div>
        <Button variant="ghost" size="icon-sm" onClick={dismiss} disabled={pending} aria-label={t('closeWelcome')}>
          <X aria-hidden />
        </Button>
      </div>
      <StepList steps={steps} label={t('firstSteps')} />
    </section>
  );
}
