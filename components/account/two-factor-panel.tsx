'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import type { Enrolment, TwoFactorStatus } from '@/lib/account/two-factor-types';
import { api } from '@/lib/http/api-client';

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-3 rounded-md border border-amber-300 bg-amber-50 p-4" data-testid="recovery-codes">
      <p className="text-sm font-semibold text-amber-900">Save your recovery codes now: they are shown only once.</p>
      <p className="text-sm text-amber-900">Each one signs you in once if you lose your phone. Keep them somewhere safe, such as a password manager.</p>
      <ul className="grid grid-cols-2 gap-2 font-mono text-sm text-slate-900">
        {codes.map((code) => (
          <li key={code} data-testid="recovery-code">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            void navigator.clipboard
              ?.writeText(codes.join('\n'))
              .then(() => setCopied(true))
              .catch(() => setCopied(false))
          }
        >
          {copied ? 'Copied' : 'Copy codes'}
        </Button>
        <Button type="button" onClick={onDone}>
          I have saved them
        </Button>
      </div>
    </div>
  );
}

interface TwoFactorPanelProps {
  initial: TwoFactorStatus;
  /** Why it is required of this person, when it is (shown until it is on). */
  required: string | null;
  /** The routes: a workspace member's, or platform staff's. */
  basePath?: string;
  /** Platform staff cannot turn it off (lib/account/two-factor.ts): no form for it. */
  canTurnOff?: boolean;
}

/** Two-factor sign-in: set up with an authenticator app, recovery codes, turn off. */
export function TwoFactorPanel({ initial, required, basePath = '/api/app/account/two-factor', canTurnOff = true }: TwoFactorPanelProps) {
  const router = useRouter();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const start = useFormSubmit();
  const confirm = useFormSubmit();
  const regenerate = useFormSubmit();
  const disable = useFormSubmit();

  const done = () => {
    setCodes(null);
    router.refresh();
  };

  if (codes) return <RecoveryCodes codes={codes} onDone={done} />;

  if (!initial.enabled) {
    if (!initial.hasPassword) {
      return <p className="text-sm text-slate-700">Two-factor authentication protects sign-in with a password. You sign in with an email link or single sign-on: set a password first (“Forgot password?” on the sign-in page).</p>;
    }
    if (!enrolment) {
      return (
        <div className="flex flex-col gap-3">
          {required ? <FormAlert message={`${required} Set it up to continue.`} /> : null}
          <p className="text-sm text-slate-700">
            <Badge tone="neutral">Off</Badge> Add an authenticator app (1Password, Google Authenticator, Authy…): signing in with your password will then also ask for a code from it.
          </p>
          <FormAlert message={start.alert} />
          <div>
            <Button type="button" disabled={start.pending} onClick={() => void start.submit(async () => setEnrolment(await api<Enrolment>(basePath, { method: 'POST' })))}>
              Set up two-factor authentication
            </Button>
          </div>
        </div>
      );
    }
    const onConfirm = (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const code = String(new FormData(event.currentTarget).get('code') ?? '');
      void confirm.submit(async () => {
        const result = await api<{ recoveryCodes: string[] }>(`${basePath}/confirm`, { method: 'POST', json: { code } });
        setEnrolment(null);
        setCodes(result.recoveryCodes);
      });
    };
    return (
      <div className="flex flex-col gap-4">
        <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
          <li>Scan this QR code with your authenticator app, or type the key below into it.</li>
          <li>Enter the 6-digit code the app shows.</li>
        </ol>
        <img src={enrolment.qrCode} alt="QR code to add this account to your authenticator app" width={220} height={220} className="rounded-md border border-slate-200" />
        <div className="min-w-0">
          <p className="text-sm font-medium text-slate-800">Key</p>
          <code data-testid="totp-secret" className="block break-all rounded bg-slate-100 px-2 py-1 font-mono text-sm text-slate-900">
            {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
          </code>
        </div>
        <form onSubmit={onConfirm} noValidate className="flex flex-col gap-3" aria-label="Confirm two-factor authentication">
          <FormAlert message={confirm.alert} />
          <TextField label="Code from your app" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required error={confirm.errors.code} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={confirm.pending}>
              {confirm.pending ? 'Checking…' : 'Turn on'}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setEnrolment(null)}>
              Cancel
            </Button>
          </div>
        </form>
      </div>
    );
  }

  const onRegenerate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const code = String(new FormData(form).get('code') ?? '');
    void regenerate.submit(async () => {
      const result = await api<{ recoveryCodes: string[] }>(`${basePath}/recovery-codes`, { method: 'POST', json: { code } });
      form.reset();
      setCodes(result.recoveryCodes);
    });
  };
  const onDisable = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const code = String(data.get('code') ?? '');
    const password = String(data.get('password') ?? '');
    void disable.submit(async () => {
      await api(`${basePath}/disable`, { method: 'POST', json: { code, password } });
      router.refresh();
    });
  };
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-slate-700" data-testid="two-factor-status">
        <Badge tone="success">On</Badge> Signing in with your password also asks for a code from your app. Recovery codes left: {initial.recoveryCodesLeft}.
      </p>
      <form onSubmit={onRegenerate} noValidate className="flex flex-col gap-3" aria-label="New recovery codes">
        <h3 className="text-sm font-semibold text-slate-900">New recovery codes</h3>
        <FormAlert message={regenerate.alert} />
        <TextField label="Code from your app" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required error={regenerate.errors.code} hint="Your old recovery codes stop working." />
        <div>
          <Button type="submit" variant="secondary" disabled={regenerate.pending}>
            Make new recovery codes
          </Button>
        </div>
      </form>
      {canTurnOff ? (
        <form onSubmit={onDisable} noValidate className="flex flex-col gap-3" aria-label="Turn off two-factor authentication">
          <h3 className="text-sm font-semibold text-slate-900">Turn off</h3>
          {required ? <p className="text-sm text-amber-800">{required} You will be asked to set it up again.</p> : null}
          <FormAlert message={disable.alert} />
          <TextField label="Code from your app or a recovery code" name="code" autoComplete="one-time-code" error={disable.errors.code} />
          <TextField label="Or your password" name="password" type="password" autoComplete="current-password" error={disable.errors.password} />
          <div>
            <Button type="submit" variant="danger" disabled={disable.pending}>
              Turn off two-factor authentication
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
