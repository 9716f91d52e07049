'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { CopyButton } from '@/components/developers/copy-button';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { FormattedDateTime } from '@/components/ui/formatted';
import { api } from '@/lib/http/api-client';
import type { CreatedFeedLink, FeedLinkStatus } from '@/lib/integrations/calendar-feed/feed-links';

const KEY = ['integrations', 'calendar-feed', 'link'];
const PATH = '/api/app/integrations/calendar-feed/link';

/** The member's feed link: create, copy while it is on screen, replace, stop. */
export function CalendarFeedLink({ initial }: { initial: FeedLinkStatus }) {
  const t = useTranslations('integrations.feed');
  const client = useQueryClient();
  const { data } = useQuery({ queryKey: KEY, queryFn: () => api<FeedLinkStatus>(PATH), initialData: initial });
  // The URL exists in the browser only until the page is left: the server keeps a hash.
  const [created, setCreated] = useState<CreatedFeedLink | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: () => api<CreatedFeedLink>(PATH, { method: 'POST' }),
    onMutate: () => setAlert(null),
    onSuccess: (link) => {
      setCreated(link);
      return client.invalidateQueries({ queryKey: KEY });
    },
    onError: (error) => setAlert(error.message),
  });
  const stop = useMutation({
    mutationFn: () => api(PATH, { method: 'DELETE' }),
    onMutate: () => setAlert(null),
    onSuccess: () => {
      setCreated(null);
      return client.invalidateQueries({ queryKey: KEY });
    },
    onError: (error) => setAlert(error.message),
  });

  if (!data.installed) return <p className="text-sm text-slate-600">{t('needsInstall')}</p>;

  return (
    <section className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6" aria-labelledby="calendar-feed-heading" data-testid="calendar-feed-panel">
      <div>
        <h2 id="calendar-feed-heading" className="text-lg font-semibold text-slate-900">
          {t('heading')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </div>
      <FormAlert message={alert} />
      {created ? (
        <div className="flex flex-col gap-2 rounded-md border border-amber-200 bg-amber-50 p-3" data-testid="calendar-feed-url">
          <p className="text-sm font-medium text-amber-900">{t('copyNow')}</p>
          <div className="flex flex-wrap items-start gap-2">
            <code className="min-w-0 flex-1 rounded bg-white px-2 py-1 font-mono text-xs break-all text-slate-900" dir="ltr">
              {created.url}
            </code>
            <CopyButton text={created.url} label={t('copy')} />
          </div>
        </div>
      ) : null}
      {data.active ? (
        <>
          <p className="text-sm text-slate-700" data-testid="calendar-feed-status">
            {data.active.lastUsedAt
              ? t.rich('madeFetched', { made: () => <FormattedDateTime value={data.active!.createdAt} />, fetched: () => <FormattedDateTime value={data.active!.lastUsedAt!} /> })
              : t.rich('madeNotFetched', { made: () => <FormattedDateTime value={data.active!.createdAt} /> })}
          </p>
          <div className="flex flex-wrap gap-2">
            <ConfirmDialog
              trigger={<Button variant="secondary">{t('replace')}</Button>}
              title={t('replaceTitle')}
              description={t('replaceDescription')}
              confirmLabel={t('replaceConfirm')}
              onConfirm={() => create.mutateAsync()}
              pending={create.isPending}
            />
            <ConfirmDialog
              trigger={<Button variant="danger-ghost">{t('stop')}</Button>}
              title={t('stopTitle')}
              description={t('stopDescription')}
              confirmLabel={t('stop')}
              onConfirm={() => stop.mutateAsync()}
              pending={stop.isPending}
            />
          </div>
        </>
      ) : (
        <div>
          <Button onClick={() => create.mutate()} disabled={create.isPending}>
            {t('create')}
          </Button>
        </div>
      )}
    </section>
  );
}
