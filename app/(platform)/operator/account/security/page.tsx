import type { Metadata } from 'next';
import { TwoFactorPanel } from '@/components/account/two-factor-panel';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { twoFactorStatus } from '@/lib/account/two-factor';
import { requireOperator } from '@/lib/auth/require-operator';

export const metadata: Metadata = { title: 'Security' };
export const dynamic = 'force-dynamic';

export default async function OperatorSecurityPage() {
  // Open to staff without 2FA: this is where they turn it on.
  const operator = await requireOperator({ twoFactorOptional: true });
  const twoFactor = await twoFactorStatus(operator);
  return (
    <div className="page flex flex-col gap-6">
      <PageHeader title="Security" description={`Your staff account, ${operator.email}.`} />
      <Card title="Two-factor authentication" description="A code from an app on your phone, asked for after your password. Required of all platform staff.">
        <TwoFactorPanel initial={twoFactor} required={twoFactor.enabled ? null : 'The operator console requires two-factor authentication of all platform staff.'} basePath="/api/operator/account/two-factor" canTurnOff={false} />
        {twoFactor.enabled ? <p className="mt-4 text-sm text-slate-600">Staff cannot turn it off. Lost your phone? Sign in with a recovery code, then ask a platform owner to reset your two-factor authentication so you can add the new one.</p> : null}
      </Card>
    </div>
  );
}
