'use client';

import { useMutation } from '@tanstack/react-query';
import { X } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { api } from '@/lib/http/api-client';

/** One insight as the dashboard shows it: its sentence (naming the team of a team's insight) is worded on the server (lib/insights/insight-sentence.ts). */
export interface InsightLine {
  id: string;
  kind: string;
  text: string;
  href: string;
}

/** The member's insights with a dismiss button each (optimistic: the line goes at once, and comes back if the server refuses). */
export function InsightsList({ initial }: { initial: InsightLine[] }) {
  const t = useTranslations('insights');
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [alert, setAlert] = useState<string | null>(null);

  const dismiss = useMutation({
    mutationFn: (id: string) => api(`/api/app/insights/${id}/dismiss`, { method: 'POST' }),
    onMutate: (id) => {
      setAlert(null);
      setDismissed((ids) => new Set(ids).add(id));
    },
    onError: (error, id) => {
      setDismissed((ids) => new Set([...ids].filter((other) => other !== id)));
      setAlert(error.message);
    },
  });

  const shown = initial.filter((line) => !dismissed.has(line.id));
  return (
    <div className="flex flex-col gap-3">
      <FormAlert message={alert} />
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="insights-empty">
          {t('empty')}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="insights">
          {shown.map((line) => (
            <li key={line.id} className="flex items-start gap-2 py-2" data-testid={`insight-${line.kind}`}>
              <div className="min-w-0 flex-1 text-sm text-slate-800">
                <Link href={line.href} className="break-words hover:underline">
                  {line.text}
                </Link>
              </div>
              <Button variant="ghost" size="icon-sm" aria-label={t('dismissLabel')} title={t('dismiss')} onClick={() => dismiss.mutate(line.id)} data-testid="insight-dismiss">
                <X aria-hidden />
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
