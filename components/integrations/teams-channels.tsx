'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { api, ApiError } from '@/lib/http/api-client';
import type { TeamsRouteView } from '@/lib/integrations/microsoft-teams/teams-routes';
import { NOTIFICATION_EVENTS, type NotificationEvent } from '@/lib/integrations/notifications/notification-message';

const KEY = ['integrations', 'microsoft-teams', 'routes'];
const PATH = '/api/app/integrations/microsoft-teams/routes';


/** Admins' Teams channels: add one (webhook URL + notifications + team), send a test card, remove a mapping. */
export function TeamsChannels({ initial, teams }: { initial: TeamsRouteView[]; teams: { id: string; name: string }[] }) {
  const t = useTranslations('integrations');
  const eventLabel = (value: string) => ((NOTIFICATION_EVENTS as readonly string[]).includes(value) ? t(`events.${value as NotificationEvent}`) : value);
  const client = useQueryClient();
  const { data: routes } = useQuery({ queryKey: KEY, queryFn: () => api<{ routes: TeamsRouteView[] }>(PATH).then((r) => r.routes), initialData: initial });
  const [channelName, setChannelName] = useState('');
  const [webhookUrl, setWebhookUrl] = useState('');
  const [events, setEvents] = useState<NotificationEvent[]>(['goal_completed']);
  const [teamId, setTeamId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [tests, setTests] = useState<Record<string, string>>({});

  const add = useMutation({
    mutationFn: () => api(PATH, { method: 'POST', json: { channelName, webhookUrl, events, teamId: teamId || null } }),
    onSuccess: () => {
      setChannelName('');
      setWebhookUrl('');
      return client.invalidateQueries({ queryKey: KEY });
    },
    onError: (error) => {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors(error.fields);
      else setAlert(error.message);
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`${PATH}/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
    onError: (error) => setAlert(error.message),
  });
  const test = useMutation({
    mutationFn: (id: string) => api<{ delivered: boolean; error: string | null }>(`${PATH}/${id}/test`, { method: 'POST' }),
    onSuccess: (result, id) => setTests((current) => ({ ...current, [id]: result.delivered ? t('teams.sent') : t('teams.notDelivered', { error: result.error ?? '' }) })),
    onError: (error) => setAlert(error.message),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setAlert(null);
    add.mutate();
  }

  const toggle = (value: NotificationEvent) => setEvents((current) => (current.includes(value) ? current.filter((e) => e !== value) : [...current, value]));
  const eventsError = errors.events ?? Object.entries(errors).find(([key]) => key.startsWith('events.'))?.[1];

  return (
    <section className="flex flex-col gap-6 rounded-lg border border-slate-200 bg-white p-4 sm:p-6" aria-labelledby="teams-channels-heading" data-testid="teams-panel">
      <div>
        <h2 id="teams-channels-heading" className="text-lg font-semibold text-slate-900">
          {t('teams.heading')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('teams.intro')}</p>
      </div>
      <FormAlert message={alert} />
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('teams.formLabel')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t('teams.channelName')} name="channelName" placeholder={t('teams.channelPlaceholder')} value={channelName} onChange={(e) => setChannelName(e.target.value)} error={errors.channelName} maxLength={80} />
          <SelectField label={t('teams.team')} name="teamId" value={teamId} onChange={(e) => setTeamId(e.target.value)} error={errors.teamId} options={[{ value: '', label: t('teams.everyTeam') }, ...teams.map((team) => ({ value: team.id, label: team.name }))]} />
        </div>
        <TextField label={t('teams.webhookUrl')} name="webhookUrl" type="url" inputMode="url" autoComplete="off" placeholder="https://…logic.azure.com/workflows/…" value={webhookUrl} onChange={(e) => setWebhookUrl(e.target.value)} error={errors.webhookUrl} />
        <fieldset className="flex flex-col gap-2" aria-describedby={eventsError ? 'teams-events-error' : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t('teams.notifications')}</legend>
          {NOTIFICATION_EVENTS.map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="events" value={value} checked={events.includes(value)} onChange={() => toggle(value)} className="h-4 w-4 accent-brand" />
              {eventLabel(value)}
            </label>
          ))}
          {eventsError ? (
            <p id="teams-events-error" className="text-sm text-red-700">
              {eventsError}
            </p>
          ) : null}
        </fieldset>
        <div>
          <Button type="submit" disabled={add.isPending}>
            {t('teams.add')}
          </Button>
        </div>
      </form>
      {routes.length === 0 ? (
        <p className="text-sm text-slate-500">{t('teams.empty')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100" aria-label={t('teams.listLabel')}>
          {routes.map((route) => (
            <li key={route.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid={`teams-route-${route.id}`}>
              <div className="min-w-0">
                <p className="font-medium break-words text-slate-900">{route.channelName}</p>
                <p className="text-sm break-all text-slate-600" dir="ltr">
                  {route.webhookHint}
                </p>
                <div className="mt-1 flex flex-wrap gap-2">
                  <Badge tone="brand">{eventLabel(route.event)}</Badge>
                  <Badge>{route.teamName ?? t('teams.everyTeam')}</Badge>
                </div>
                {tests[route.id] ? (
                  <p role="status" className="mt-1 text-sm text-slate-700">
                    {tests[route.id]}
                  </p>
                ) : null}
              </div>
              <div className="flex shrink-0 gap-2">
                <Button variant="secondary" size="sm" onClick={() => test.mutate(route.id)} disabled={test.isPending} aria-label={t('teams.testLabel', { channel: route.channelName })}>
                  {t('teams.sendTest')}
                </Button>
                <ConfirmDialog
                  trigger={
                    <Button variant="danger-ghost" size="sm" aria-label={t('teams.removeLabel', { event: eventLabel(route.event), channel: route.channelName })}>
                      {t('teams.remove')}
                    </Button>
                  }
                  title={t('teams.removeTitle', { channel: route.channelName })}
                  description={t('teams.removeDescription', { event: eventLabel(route.event) })}
                  confirmLabel={t('teams.remove')}
                  onConfirm={() => remove.mutateAsync(route.id)}
                  pending={remove.isPending}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
