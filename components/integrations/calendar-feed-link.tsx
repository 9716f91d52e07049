'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

  if (!data.installed) return <p className="text-sm text-slate-600">An admin needs to install the calendar feed before members can make links.</p>;

  return (
    <section className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6" aria-labelledby="calendar-feed-heading" data-testid="calendar-feed-panel">
      <div>
        <h2 id="calendar-feed-heading" className="text-lg font-semibold text-slate-900">
          Your calendar link
        </h2>
        <p className="mt-1 text-sm text-slate-600">Add it to Apple Calendar, Google Calendar or Outlook as a subscription (“From URL”). Anyone with the link sees your due dates and habit names, so keep it to yourself.</p>
      </div>
      <FormAlert message={alert} />
      {created ? (
        <div className="flex flex-col gap-2 rounded-md border border-amber-200 bg-amber-50 p-3" data-testid="calendar-feed-url">
          <p className="text-sm font-medium text-amber-900">Copy it now: it is shown only once.</p>
          <div className="flex flex-wrap items-start gap-2">
            <code className="min-w-0 flex-1 rounded bg-white px-2 py-1 font-mono text-xs break-all text-slate-900">{created.url}</code>
            <CopyButton text={created.url} label="Copy the calendar link" />
          </div>
        </div>
      ) : null}
      {data.active ? (
        <>
          <p className="text-sm text-slate-700" data-testid="calendar-feed-status">
            Link made <FormattedDateTime value={data.active.createdAt} />
            {data.active.lastUsedAt ? (
              <>
                , last fetched <FormattedDateTime value={data.active.lastUsedAt} />
              </>
            ) : (
              ', not fetched yet'
            )}
            .
          </p>
          <div className="flex flex-wrap gap-2">
            <ConfirmDialog
              trigger={<Button variant="secondary">Replace link</Button>}
              title="Replace your calendar link?"
              description="The current link stops working at once; calendars subscribed to it need the new one."
              confirmLabel="Replace"
              onConfirm={() => create.mutateAsync()}
              pending={create.isPending}
            />
            <ConfirmDialog
              trigger={<Button variant="danger-ghost">Stop link</Button>}
              title="Stop your calendar link?"
              description="Calendars subscribed to it stop updating, and the events disappear from them at their next refresh."
              confirmLabel="Stop link"
              onConfirm={() => stop.mutateAsync()}
              pending={stop.isPending}
            />
          </div>
        </>
      ) : (
        <div>
          <Button onClick={() => create.mutate()} disabled={create.isPending}>
            Create calendar link
          </Button>
        </div>
      )}
    </section>
  );
}
