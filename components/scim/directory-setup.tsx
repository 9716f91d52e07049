'use client';

import { CopyButton } from '@/components/developers/copy-button';
import { SecretReveal } from '@/components/developers/secret-reveal';
import { PROVIDER_LABELS, type DirectoryView } from '@/lib/scim/directory-schema';

export const TOKEN_WARNING = "Copy this token now. You won't see it again.";

const STEPS: Record<DirectoryView['provider'], string> = {
  okta: 'In Okta, open the app’s Provisioning tab, enable API integration, and paste the base URL as “SCIM connector base URL” (unique identifier: userName) and the token as the Bearer token.',
  azure: 'In Entra ID, open the enterprise app’s Provisioning page, choose Automatic, and paste the base URL as “Tenant URL” and the token as “Secret token”, then Test Connection.',
  generic: 'In your identity provider’s SCIM settings, use the base URL and send the token as “Authorization: Bearer <token>”.',
};

/** The base URL and the token (once), with what to do with them in the identity provider. */
export function DirectorySetup({ directory, token, onDone }: { directory: DirectoryView; token: string; onDone: () => void }) {
  return (
    <div className="flex flex-col gap-3">
      <SecretReveal key={token} revealed={{ title: `Bearer token for ${directory.name}`, secret: token, warning: TOKEN_WARNING }} onDone={onDone} testId="scim-token" />
      <div className="rounded-lg border border-slate-200 p-4">
        <p className="text-sm font-medium text-slate-800">SCIM base URL</p>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <code data-testid="scim-base-url" className="min-w-0 flex-1 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm break-all select-all">
            {directory.scimBaseUrl}
          </code>
          <CopyButton text={directory.scimBaseUrl} label="Copy the SCIM base URL" />
        </div>
        <p className="mt-3 text-sm text-slate-600">
          <span className="font-semibold">{PROVIDER_LABELS[directory.provider]}:</span> {STEPS[directory.provider]}
        </p>
      </div>
    </div>
  );
}
