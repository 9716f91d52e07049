'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { SsoButton } from './sso-button';

interface Props {
  redirectTo?: string;
  wrongCredentialsMessage: string;
  /** Offer a sign-in link by email as well (tenant hosts only; operators use a password). */
  magicLink?: boolean;
  /** Start on "check your email" (next-auth's verify-request page redirects here). */
  linkSent?: boolean;
  /** An error to show from the start, e.g. an expired sign-in link. */
  initialError?: string | null;
  /** Offer "Continue with SSO" (the workspace has a SAML connection for a verified domain). */
  sso?: boolean;
  /** The message for ?error=SsoRequired (password and link sign-in refused for this address); a general one by default. */
  ssoRequiredMessage?: string;
  initialEmail?: string;
}

const SSO_REQUIRED = 'SsoRequired';
const TWO_FACTOR_REQUIRED = 'TwoFactorRequired';
const TWO_FACTOR_INVALID = 'TwoFactorInvalid';
/** The throttle's sentence (lib/auth/throttle.ts), which next-auth hands back as the error. */
const TOO_MANY_ATTEMPTS = /^Too many failed sign-in attempts\. Try again in (\d+) minutes\.$/;

/**
 * Sign-in for the current host (a tenant, or the platform for operators): email + password,
 * or, where offered, a link by email. One mode at a time, so the page never has two fields
 * labelled "Email".
 */
export function SignInForm({
  redirectTo = '/',
  wrongCredentialsMessage,
  magicLink = false,
  linkSent: initiallySent = false,
  initialError = null,
  sso = false,
  ssoRequiredMessage: ssoRequiredProp,
  initialEmail = '',
}: Props) {
  const t = useTranslations('signin.form');
  const ssoRequiredMessage = ssoRequiredProp ?? t('ssoRequired');
  const [mode, setMode] = useState<'password' | 'link'>(magicLink && initiallySent ? 'link' : 'password');
  const [email, setEmail] = useState(initialEmail);
  const [error, setError] = useState<string | null>(initialError);
  const [linkSent, setLinkSent] = useState(magicLink && initiallySent);
  const [pending, setPending] = useState(false);
  // After a right password for an account with 2FA: the credentials wait here for the code.
  const [challenge, setChallenge] = useState<{ email: string; password: string } | null>(null);

  // Fields are read at submit, not from state: people (and tests) may type before hydration.
  async function onPasswordSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    if (!email || !password) {
      setError(t('enterEmailAndPassword'));
      return;
    }
    await submitCredentials({ email, password });
  }

  async function submitCredentials(credentials: { email: string; password: string; code?: string }) {
    setPending(true);
    setError(null);
    const result = await signIn('credentials', { ...credentials, redirect: false }).catch(() => null);
    if (result?.ok && !result.error) {
      window.location.assign(redirectTo);
      return;
    }
    if (result?.error === TWO_FACTOR_REQUIRED) {
      setChallenge({ email: credentials.email, password: credentials.password });
      setPending(false);
      return;
    }
    const throttled = result?.error ? TOO_MANY_ATTEMPTS.exec(result.error) : null;
    setError(
      !result
        ? t('unreachable')
        : result.error === TWO_FACTOR_INVALID
          ? t('wrongCode')
          : result.error === 'CredentialsSignin'
            ? wrongCredentialsMessage
            : result.error === SSO_REQUIRED
              ? ssoRequiredMessage
              : throttled
                ? t('tooManyAttempts', { minutes: Number(throttled[1]) })
                : result.error,
    );
    setPending(false);
  }

  async function onCodeSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    if (!challenge) return;
    if (!code) {
      setError(t('enterCode'));
      return;
    }
    await submitCredentials({ ...challenge, code });
  }

  async function onLinkSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setError(t('invalidEmail'));
      return;
    }
    setPending(true);
    setError(null);
    // The answer is the same whether or not the address belongs to a member.
    const result = await signIn('email', { email: email.trim(), redirect: false, callbackUrl: redirectTo }).catch(() => null);
    if (result?.ok && !result.error) setLinkSent(true);
    else setError(!result ? t('unreachable') : result.error === SSO_REQUIRED ? ssoRequiredMessage : t('linkNotSent'));
    setPending(false);
  }

  function switchTo(next: 'password' | 'link') {
    setMode(next);
    setError(null);
    setLinkSent(false);
  }

  const emailField = <TextField label={t('email')} name="email" type="email" autoComplete="username" required defaultValue={email} onChange={(e) => setEmail(e.target.value)} />;

  if (challenge) {
    return (
      <form onSubmit={onCodeSubmit} method="post" noValidate className="flex flex-col gap-4" aria-label={t('twoFactorLabel')}>
        <FormAlert message={error} />
        <p className="text-sm text-slate-700">{t('codeIntro')}</p>
        <TextField label={t('code')} name="code" autoComplete="one-time-code" autoFocus required maxLength={64} />
        <Button type="submit" disabled={pending}>
          {pending ? t('checking') : t('verify')}
        </Button>
        <Button
          type="button"
          variant="ghost"
          onClick={() => {
            setChallenge(null);
            setError(null);
          }}
        >
          {t('back')}
        </Button>
      </form>
    );
  }

  if (mode === 'link') {
    return (
      <div className="flex flex-col gap-4">
        {linkSent ? (
          <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
            {t('linkSent')}
          </p>
        ) : null}
        <form onSubmit={onLinkSubmit} method="post" noValidate className="flex flex-col gap-4" aria-label={t('linkLabel')}>
          <FormAlert message={error} />
          {emailField}
          <Button type="submit" disabled={pending}>
            {pending ? t('sending') : t('sendLink')}
          </Button>
        </form>
        <Button type="button" variant="ghost" onClick={() => switchTo('password')}>
          {t('usePassword')}
        </Button>
        {sso ? <SsoButton email={email} callbackUrl={redirectTo} /> : null}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onPasswordSubmit} method="post" noValidate className="flex flex-col gap-4" aria-label={t('signInLabel')}>
        <FormAlert message={error} />
        {emailField}
        <TextField label={t('password')} name="password" type="password" autoComplete="current-password" required />
        <Link href={`/forgot-password${email ? `?email=${encodeURIComponent(email)}` : ''}`} className="-mt-2 self-end text-sm font-medium text-brand-text underline">
          {t('forgot')}
        </Link>
        <Button type="submit" disabled={pending}>
          {pending ? t('signingIn') : t('signIn')}
        </Button>
      </form>
      {magicLink ? (
        <Button type="button" variant="ghost" onClick={() => switchTo('link')}>
          {t('useLink')}
        </Button>
      ) : null}
      {sso ? <SsoButton email={email} callbackUrl={redirectTo} /> : null}
    </div>
  );
}
