'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { FormAlert } from '@/components/ui/form-alert';
import type { ApiKeyView } from '@/lib/api-keys/api-key-schema';
import { apiKeysQueryKey, fetchApiKeys } from './api-key-requests';
import { ApiKeyItem } from './api-key-item';
import { CreateApiKeyForm, type ScopeOption } from './create-api-key-form';
import { SecretReveal, type RevealedSecret } from './secret-reveal';

interface Props {
  initial: ApiKeyView[];
  scopes: ScopeOption[];
  tiers: { value: string; label: string }[];
  minExpiry: string;
  /** Admins manage every key of the workspace; others see only theirs. */
  managesAll: boolean;
  /** The plan lacks API keys: existing keys are listed (and can be revoked), none created. */
  locked?: boolean;
}

export function ApiKeysPanel({ initial, scopes, tiers, minExpiry, managesAll, locked = false }: Props) {
  const t = useTranslations('apiKeys');
  const { data: keys } = useQuery({ queryKey: apiKeysQueryKey, queryFn: fetchApiKeys, initialData: initial });
  const [revealed, setRevealed] = useState<RevealedSecret | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  return (
    <div className="flex flex-col gap-6">
      {revealed ? <SecretReveal key={revealed.secret} revealed={revealed} onDone={() => setRevealed(null)} /> : null}
      {locked ? null : (
        <Card title={t('create.title')} description={t('create.description')}>
          <CreateApiKeyForm scopes={scopes} tiers={tiers} minExpiry={minExpiry} onCreated={({ key, secret }) => setRevealed({ title: t('reveal.newKey', { name: key.name }), secret })} />
        </Card>
      )}
      <Card title={managesAll ? t('list.workspaceKeys') : t('list.yourKeys')}>
        <FormAlert message={alert} />
        {keys.length === 0 ? <p className="text-sm text-slate-500">{t('list.empty')}</p> : null}
        <ul className="flex flex-col gap-4">
          {keys.map((key) => (
            <ApiKeyItem
              key={key.id}
              apiKey={key}
              onError={setAlert}
              onRotated={(result, graceHours) =>
                setRevealed({
                  title: t('reveal.newSecret', { name: result.key.name }),
                  secret: result.secret,
                  note: graceHours > 0 ? t('reveal.graceNote', { count: graceHours }) : t('reveal.stopped'),
                })
              }
            />
          ))}
        </ul>
      </Card>
    </div>
  );
}
