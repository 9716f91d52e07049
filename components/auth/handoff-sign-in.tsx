'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';

/**
 * Finishes sign-up (or SSO) on the tenant's host: trades the one-time token for a session here,
 * then goes to `next` (a local path). `provider` "impersonate": support's hand-off into a session
 * as a member (lib/platform/impersonation.ts).
 */
export function HandoffSignIn({ token, next = '/', provider = 'handoff' }: { token: string; next?: string; provider?: 'handoff' | 'impersonate' }) {
  const t = useTranslations('signin.handoff');
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

  if (!failed)
    return (
      <p className="text-slate-700" role="status">
        {t('signingIn')}
      </p>
    );
  return (
    <div role="alert" className="flex flex-col gap-3">
      <p className="text-slate-800">
        {needsCode ? t('needsCode') : provider === 'impersonate' ? t('supportLinkExpired') : t('linkExpired')}
      </p>
      <Link href="/signin" className="font-semibold text-brand-text underline">
        {t('signIn')}
      </Link>
    </div>
  );
}
