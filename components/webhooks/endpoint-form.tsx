'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/http/api-client';
import type { EndpointView } from '@/lib/webhooks/endpoint-schema';
import { EventTypePicker, type EventSelection, type EventTypeGroup } from './event-type-picker';
import { HeadersEditor, newHeaderRow, type HeaderRow } from './headers-editor';
import type { EndpointInput } from './webhook-requests';

/** The first error of a field or of its entries ("headers.X-Team", "eventTypes.0"). */
function fieldError(fields: Record<string, string>, name: string): string | undefined {
  if (fields[name]) return fields[name];
  const entry = Object.keys(fields).find((key) => key.startsWith(`${name}.`));
  return entry ? `${entry.slice(name.length + 1)}: ${fields[entry]}` : undefined;
}

interface Props {
  /** The accessible name of the form, e.g. "Add endpoint". */
  label: string;
  submitLabel: string;
  pendingLabel: string;
  groups: EventTypeGroup[];
  /** The endpoint being edited; none when adding one. */
  initial?: EndpointView;
  /** Adding offers "enabled"; an existing endpoint has its own switch. */
  withEnabled?: boolean;
  pending: boolean;
  /** The mutation's error: field errors go next to their fields, the rest above the form. */
  error: Error | null;
  onSubmit: (input: EndpointInput) => void;
  onCancel?: () => void;
}

export function EndpointForm({ label, submitLabel, pendingLabel, groups, initial, withEnabled = false, pending, error, onSubmit, onCancel }: Props) {
  const t = useTranslations('webhooks.form');
  const [url, setUrl] = useState(initial?.url ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [events, setEvents] = useState<EventSelection>({ all: !initial || initial.eventTypes.length === 0, types: initial?.eventTypes ?? [] });
  const [headers, setHeaders] = useState<HeaderRow[]>(() => Object.entries(initial?.headers ?? {}).map(([name, value]) => newHeaderRow(name, value)));
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const [local, setLocal] = useState<Record<string, string>>({});

  const server = error instanceof ApiError ? error.fields : {};
  const fields = { ...server, ...local };
  const alert = error && Object.keys(server).length === 0 ? error.message : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!events.all && events.types.length === 0) problems.eventTypes = t('chooseEventType');
    const filled = headers.filter((row) => row.name.trim() || row.value.trim());
    const names = filled.map((row) => row.name.trim().toLowerCase());
    if (names.some((name) => !name)) problems.headers = t('headerNeedsName');
    else if (new Set(names).size !== names.length) problems.headers = t('headerNameTwice');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    onSubmit({
      url: url.trim(),
      description: description.trim() || null,
      eventTypes: events.all ? [] : events.types,
      ...(withEnabled ? { enabled } : {}),
      headers: Object.fromEntries(filled.map((row) => [row.name.trim(), row.value])),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={label} className="flex flex-col gap-5">
      <FormAlert message={alert} />
      <TextField
        label={t('url')}
        name="url"
        type="url"
        dir="ltr"
        required
        maxLength={2048}
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={fields.url}
        placeholder="https://example.com/webhooks/waypoint"
        hint={t('urlHint')}
      />
      <TextField label={t('description')} name="description" maxLength={200} value={description} onChange={(e) => setDescription(e.target.value)} error={fields.description} />
      <EventTypePicker groups={groups} value={events} onChange={setEvents} error={fieldError(fields, 'eventTypes')} />
      <HeadersEditor rows={headers} onChange={setHeaders} error={fieldError(fields, 'headers')} />
      {withEnabled ? (
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} className="h-4 w-4 accent-brand" />
          {t('enabled')}
        </label>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" variant="ghost" onClick={onCancel}>
            {t('cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
