'use client';

import { useQuery } from '@tanstack/react-query';
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
  const { data: keys } = useQuery({ queryKey: apiKeysQueryKey, queryFn: fetchApiKeys, initialData: initial });
  const [revealed, setRevealed] = useState<RevealedSecret | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  return (
    <div className="flex flex-col gap-6">
      {revealed ? <SecretReveal key={revealed.secret} revealed={revealed} onDone={() => setRevealed(null)} /> : null}
      {locked ? null : (
        <Card title="Create API key" description="A key acts as you, with only the scopes you give it. Your role limits which scopes you can give.">
          <CreateApiKeyForm scopes={scopes} tiers={tiers} minExpiry={minExpiry} onCreated={({ key, secret }) => setRevealed({ title: `Your new key “${key.name}”`, secret })} />
        </Card>
      )}
      <Card title={managesAll ? 'Keys of this workspace' : 'Your keys'}>
        <FormAlert message={alert} />
        {keys.length === 0 ? <p className="text-sm text-slate-500">No API keys yet.</p> : null}
        <ul className="flex flex-col gap-4">
          {keys.map((key) => (
            <ApiKeyItem
              key={key.id}
              apiKey={key}
              onError={setAlert}
              onRotated={(result, graceHours) =>
                setRevealed({
                  title: `New secret for “${result.key.name}”`,
                  secret: result.secret,
                  note: graceHours > 0 ? `The previous secret keeps working for ${graceHours} hour${graceHours === 1 ? '' : 's'}, so you can switch over.` : 'The previous secret has stopped working.',
                })
              }
            />
          ))}
        </ul>
      </Card>
    </div>
  );
}
