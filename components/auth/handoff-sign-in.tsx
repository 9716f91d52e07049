'use client';

import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';

/**
 * Finishes sign-up (or SSO) on the tenant's host: trades the one-time token for a session here,
 * then goes to `next` (a local path). `provider` "impersonate": support's hand-off into a session
 * as a member (lib/platform/impersonation.ts).
 */
export function HandoffSignIn({ token, next = '/', provider = 'handoff' }: { token: string; next?: string; provider?: 'handoff' | 'impersonate' }) {
  const [failed, setFailed] = useState(false);
  // A link proves the address, not the second factor: accounts with 2FA sign in on the form.
  const [needsCode, setNeedsCode] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return; // the token is single-use; Strict Mode runs effects twice
    started.current = true;
    signIn(provider, { token, redirect: false })
      .then((result) => {
        if (result?.ok && !result.error) window.location.replace(next);
        else {
          setNeedsCode(result?.error === 'TwoFactorRequired');
          setFailed(true);
        }
      })
      .catch(() => setFailed(true));
  }, [token, next, provider]);

  if (!failed) return <p className="text-slate-700" role="status">Signing you in…</p>;
  return (
    <div role="alert" className="flex flex-col gap-3">
      <p className="text-slate-800">
        {needsCode
          ? 'Your account uses two-factor authentication: sign in with your password and a code from your app.'
          : provider === 'impersonate'
            ? 'This support link has expired or was already used: start the session again from the operator console.'
            : 'This sign-in link has expired or was already used.'}
      </p>
      <Link href="/signin" className="font-semibold text-brand-text underline">
        Sign in with your email and password
      </Link>
    </div>
  );
}
