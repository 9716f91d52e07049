import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

export default function PlatformHome() {
  return (
    <section className="mx-auto max-w-5xl px-6 py-20">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-text">White-label goals and habits</p>
      <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">Give your people goals they reach and habits that stick, under your own brand.</h1>
      <p className="mt-6 max-w-2xl text-lg text-slate-600">
        Waypoint runs your workspace on your subdomain or your own domain, in your colors, with SSO, an API and billing built in.
      </p>
      <div className="mt-10 flex flex-wrap gap-3">
        <Link href="/signup" className={buttonClass('primary', 'px-6 py-3 text-base')}>
          Create your workspace
        </Link>
        <Link href="/signin" className={buttonClass('secondary', 'px-6 py-3 text-base')}>
          Sign in to your workspace
        </Link>
      </div>
    </section>
  );
}
