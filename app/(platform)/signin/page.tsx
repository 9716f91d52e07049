import type { Metadata } from 'next';
import Link from 'next/link';
import { WorkspaceFinder } from '@/components/platform/workspace-finder';
import { config } from '@/lib/config/env';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default function PlatformSignInPage() {
  return (
    <section className="mx-auto max-w-lg px-6 py-16">
      <h1 className="text-2xl font-bold text-slate-900">Sign in to your workspace</h1>
      <p className="mt-2 text-sm text-slate-600">Each workspace has its own address. Enter yours and we will take you to its sign-in page.</p>
      <WorkspaceFinder rootDomain={config.rootDomain} scheme={config.scheme} />
      <p className="mt-10 text-sm text-slate-600">
        New here?{' '}
        <Link href="/signup" className="font-semibold text-brand-text underline">
          Create a workspace
        </Link>
        . Platform operators sign in{' '}
        <Link href="/operator/signin" className="font-semibold text-brand-text underline">
          here
        </Link>
        , resellers{' '}
        <Link href="/reseller/signin" className="font-semibold text-brand-text underline">
          here
        </Link>
        .
      </p>
    </section>
  );
}
