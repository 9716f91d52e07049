'use client';

import { signIn } from 'next-auth/react';
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
  /** The message for ?error=SsoRequired (password and link sign-in refused for this address). */
  ssoRequiredMessage?: string;
  initialEmail?: string;
}

const SSO_REQUIRED = 'SsoRequired';
const TWO_FACTOR_REQUIRED = 'TwoFactorRequired';
const TWO_FACTOR_INVALID = 'TwoFactorInvalid';

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
  ssoRequiredMessage = 'Your organization requires single sign-on. Use “Continue with SSO”.',
  initialEmail = '',
}: Props) {
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
      setError('Enter your email and password.');
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
    setError(
      !result
        ? 'Could not reach the server. Try again.'
        : result.error === TWO_FACTOR_INVALID
          ? 'That code is not right, or was already used. Enter the code your app shows now, or a recovery code.'
          : result.error === 'CredentialsSignin'
            ? wrongCredentialsMessage
            : result.error === SSO_REQUIRED
              ? ssoRequiredMessage
              : result.error,
    );
    setPending(false);
  }

  async function onCodeSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    if (!challenge) return;
    if (!code) {
      setError('Enter the code from your authenticator app, or a recovery code.');
      return;
    }
    await submitCredentials({ ...challenge, code });
  }

  async function onLinkSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setError('Enter a valid email address.');
      return;
    }
    setPending(true);
    setError(null);
    // The answer is the same whether or not the address belongs to a member.
    const result = await signIn('email', { email: email.trim(), redirect: false, callbackUrl: redirectTo }).catch(() => null);
    if (result?.ok && !result.error) setLinkSent(true);
    else setError(!result ? 'Could not reach the server. Try again.' : result.error === SSO_REQUIRED ? ssoRequiredMessage : 'We could not send a sign-in link. Check the address and try again.');
    setPending(false);
  }

  function switchTo(next: 'password' | 'link') {
    setMode(next);
    setError(null);
    setLinkSent(false);
  }

  const emailField = <TextField label="Email" name="email" type="email" autoComplete="username" required defaultValue={email} onChange={(e) => setEmail(e.target.value)} />;

  if (challenge) {
    return (
      <form onSubmit={onCodeSubmit} method="post" noValidate className="flex flex-col gap-4" aria-label="Two-factor authentication">
        <FormAlert message={error} />
        <p className="text-sm text-slate-700">Enter the 6-digit code from your authenticator app. Lost your phone? Enter one of your recovery codes instead.</p>
        <TextField label="Authentication code" name="code" autoComplete="one-time-code" autoFocus required maxLength={64} />
        <Button type="submit" disabled={pending}>
          {pending ? 'Checking…' : 'Verify and sign in'}
        </Button>
        <Button
          type="button"
          variant="ghost"
          onClick={() => {
            setChallenge(null);
            setError(null);
          }}
        >
          Back
        </Button>
      </form>
    );
  }

  if (mode === 'link') {
    return (
      <div className="flex flex-col gap-4">
        {linkSent ? (
          <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
            Check your email for a sign-in link.
          </p>
        ) : null}
        <form onSubmit={onLinkSubmit} method="post" noValidate className="flex flex-col gap-4" aria-label="Sign-in link">
          <FormAlert message={error} />
          {emailField}
          <Button type="submit" disabled={pending}>
            {pending ? 'Sending…' : 'Email me a sign-in link'}
          </Button>
        </form>
        <Button type="button" variant="ghost" onClick={() => switchTo('password')}>
          Use my password instead
        </Button>
        {sso ? <SsoButton email={email} callbackUrl={redirectTo} /> : null}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onPasswordSubmit} method="post" noValidate className="flex flex-col gap-4" aria-label="Sign in">
        <FormAlert message={error} />
        {emailField}
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
        <Link href={`/forgot-password${email ? `?email=${encodeURIComponent(email)}` : ''}`} className="-mt-2 self-end text-sm font-medium text-brand-text underline">
          Forgot password?
        </Link>
        <Button type="submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      {magicLink ? (
        <Button type="button" variant="ghost" onClick={() => switchTo('link')}>
          Email me a link instead
        </Button>
      ) : null}
      {sso ? <SsoButton email={email} callbackUrl={redirectTo} /> : null}
    </div>
  );
}
