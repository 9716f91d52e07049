import type { Metadata } from 'next';
import { SignupForm } from '@/components/signup/signup-form';
import { config } from '@/lib/config/env';

export const metadata: Metadata = { title: 'Create your workspace' };
export const dynamic = 'force-dynamic';

export default function SignupPage() {
  return (
    <section className="mx-auto max-w-lg px-6 py-16">
      <h1 className="text-2xl font-bold text-slate-900">Create your workspace</h1>
      <p className="mt-2 text-sm text-slate-600">Free during your trial. You will be the workspace owner. We email you a link to confirm your address first.</p>
      <SignupForm rootDomain={config.rootDomain} />
    </section>
  );
}
