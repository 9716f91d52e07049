import type { Metadata } from 'next';
import Link from 'next/link';
import { ConfirmSignupForm } from '@/components/signup/confirm-signup-form';
import { config } from '@/lib/config/env';
import { lookupSignup } from '@/lib/signup/sign-up';

// The URL carries the sign-up token: keep it out of other sites' logs and search engines.
export const metadata: Metadata = { title: 'Create your workspace', robots: { index: false }, referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

// Following the link only shows this page; the button creates the workspace, so a mail
// scanner that opens links creates nothing.
export default async function ConfirmSignupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const signup = await lookupSignup(token);
  if (signup.status === 'invalid') {
    return (
      <section className="mx-auto max-w-lg px-6 py-16">
        <h1 className="text-2xl font-bold text-slate-900">This sign-up link is not valid any more</h1>
        <p className="mt-3 text-slate-600">Sign-up links work once, for 24 hours.</p>
        <Link href="/signup" className="mt-6 inline-block font-semibold text-brand-text underline">
          Sign up again
        </Link>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-lg px-6 py-16">
      <h1 className="text-2xl font-bold text-slate-900">Create {signup.workspaceName}</h1>
      <p className="mt-3 mb-6 text-slate-700" data-testid="signup-summary">
        {!signup.existingAccount
          ? `Create the workspace to finish signing up as ${signup.email}. You will be its owner.`
          : signup.keepsPassword
            ? `${signup.email} already has a Waypoint account: ${signup.workspaceName} will be added to it, with you as its owner. Your account keeps its password.`
            : `${signup.email} already has a Waypoint account, never confirmed until now: ${signup.workspaceName} will be added to it, with you as its owner. Any password on it is cleared (someone else may have set it); choose one with “Forgot password?” when you next sign in.`}
      </p>
      <ConfirmSignupForm token={token} slug={signup.slug} rootDomain={config.rootDomain} />
    </section>
  );
}
