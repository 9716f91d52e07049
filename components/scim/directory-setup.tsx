'use client';

import { useTranslations } from 'next-intl';
import { CopyButton } from '@/components/developers/copy-button';
import { SecretReveal } from '@/components/developers/secret-reveal';
import type { DirectoryView } from '@/lib/scim/directory-schema';

/** The base URL and the token (once), with what to do with them in the identity provider. */
export function DirectorySetup({ directory, token, onDone }: { directory: DirectoryView; token: string; onDone: () => void }) {
  const t = useTranslations('directory.setup');
  const providers = useTranslations('directory.providers');
  return (
    <div className="flex flex-col gap-3">
      <SecretReveal key={token} revealed={{ title: t('tokenTitle', { name: directory.name }), secret: token, warning: t('tokenWarning') }} onDone={onDone} testId="scim-token" />
      <div className="rounded-lg border border-slate-200 p-4">
        <p className="text-sm font-medium text-slate-800">{t('baseUrl')}</p>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <code data-testid="scim-base-url" className="min-w-0 flex-1 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm break-all select-all" dir="ltr">
            {directory.scimBaseUrl}
          </code>
          <CopyButton text={directory.scimBaseUrl} label={t('copyBaseUrl')} />
        </div>
        <p className="mt-3 text-sm text-slate-600">
          {t.rich(`steps.${directory.provider}`, { provider: providers(directory.provider), strong: (chunks) => <span className="font-semibold">{chunks}</span> })}
        </p>
      </div>
    </div>
  );
}
