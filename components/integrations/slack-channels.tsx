'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { api, ApiError } from '@/lib/http/api-client';
import { NOTIFICATION_EVENTS, type NotificationEvent } from '@/lib/integrations/notifications/notification-message';
import type { SlackChannel } from '@/lib/integrations/slack/slack-channels';
import type { SlackRouteView } from '@/lib/integrations/slack/slack-routes';

const ROUTES_KEY = ['integrations', 'slack', 'routes'];
const CHANNELS_KEY = ['integrations', 'slack', 'channels'];
const ROUTES_PATH = '/api/app/integrations/slack/routes';


type Mapping = { event: NotificationEvent; channelId: string; teamId: string | null };

const toMapping = (route: SlackRouteView): Mapping => ({ event: route.event, channelId: route.channelId, teamId: route.teamId });

/**
 * Admins map notifications to Slack channels: the channels come from Slack (public ones, and
 * private ones the bot was invited to); each change saves the whole mapping, as the API takes it.
 */
export function SlackChannels({ initial, teams }: { initial: SlackRouteView[]; teams: { id: string; name: string }[] }) {
  const t = useTranslations('integrations');
  const eventLabel = (value: string) => ((NOTIFICATION_EVENTS as readonly string[]).includes(value) ? t(`events.${value as NotificationEvent}`) : value);
  const client = useQueryClient();
  const { data: routes } = useQuery({ queryKey: ROUTES_KEY, queryFn: () => api<{ routes: SlackRouteView[] }>(ROUTES_PATH).then((r) => r.routes), initialData: initial });
  const channels = useQuery({ queryKey: CHANNELS_KEY, queryFn: () => api<{ channels: SlackChannel[] }>('/api/app/integrations/slack/channels').then((r) => r.channels) });
  const [event, setEvent] = useState<NotificationEvent>('goal_completed');
  const [channelId, setChannelId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (mappings: Mapping[]) => api<{ routes: SlackRouteView[] }>(ROUTES_PATH, { method: 'PUT', json: { routes: mappings } }),
    onSuccess: (body) => {
      client.setQueryData(ROUTES_KEY, body.routes);
      setChannelId('');
    },
    onError: (error) => {
      // The new mapping is the last one sent: its field errors belong to the form.
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        const last = `routes.${routes.length}.`;
        const mine = Object.entries(error.fields).filter(([key]) => key.startsWith(last));
        if (mine.length) setErrors(Object.fromEntries(mine.map(([key, value]) => [key.slice(last.length), value])));
        else setAlert(Object.values(error.fields)[0]);
      } else setAlert(error.message);
    },
  });

  function onSubmit(submitted: FormEvent) {
    submitted.preventDefault();
    setErrors({});
    setAlert(null);
    if (!channelId) return setErrors({ channelId: t('slack.pickChannel') });
    save.mutate([...routes.map(toMapping), { event, channelId, teamId: teamId || null }]);
  }

  const teamName = (id: string | null) => (id ? (teams.find((team) => team.id === id)?.name ?? t('slack.removedTeam')) : t('slack.everyTeam'));
  const channelOptions = (channels.data ?? []).map((channel) => ({ value: channel.id, label: `${channel.isPrivate ? '🔒 ' : '#'}${channel.name}` }));

  return (
    <section className="flex flex-col gap-6 rounded-lg border border-slate-200 bg-white p-4 sm:p-6" aria-labelledby="slack-channels-heading" data-testid="slack-panel">
      <div>
        <h2 id="slack-channels-heading" className="text-lg font-semibold text-slate-900">
          {t('slack.heading')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('slack.intro')}</p>
      </div>
      <FormAlert message={alert ?? (channels.error ? channels.error.message : null)} />
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('slack.formLabel')}>
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField label={t('slack.notification')} name="event" value={event} onChange={(e) => setEvent(e.target.value as NotificationEvent)} error={errors.event} options={NOTIFICATION_EVENTS.map((value) => ({ value, label: eventLabel(value) }))} />
          <SelectField
            label={t('slack.channel')}
            name="channelId"
            value={channelId}
            onChange={(e) => setChannelId(e.target.value)}
            error={errors.channelId}
            disabled={channels.isPending}
            options={[{ value: '', label: channels.isPending ? t('slack.loadingChannels') : t('slack.chooseChannel') }, ...channelOptions]}
          />
          <SelectField label={t('slack.team')} name="teamId" value={teamId} onChange={(e) => setTeamId(e.target.value)} error={errors.teamId} options={[{ value: '', label: t('slack.everyTeam') }, ...teams.map((team) => ({ value: team.id, label: team.name }))]} />
        </div>
        <div>
          <Button type="submit" disabled={save.isPending || channels.isPending}>
            {t('slack.add')}
          </Button>
        </div>
      </form>
      {routes.length === 0 ? (
        <p className="text-sm text-slate-500">{t('slack.empty')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100" aria-label={t('slack.listLabel')}>
          {routes.map((route, index) => (
            <li key={route.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid={`slack-route-${route.id}`}>
              <div className="min-w-0">
                <p className="font-medium break-words text-slate-900">{t('slack.channelName', { channel: route.channelName })}</p>
                <div className="mt-1 flex flex-wrap gap-2">
                  <Badge tone="brand">{eventLabel(route.event)}</Badge>
                  <Badge>{teamName(route.teamId)}</Badge>
                </div>
              </div>
              <Button
                variant="danger-ghost"
                size="sm"
                disabled={save.isPending}
                aria-label={t('slack.stopLabel', { event: eventLabel(route.event), channel: route.channelName })}
                onClick={() => save.mutate(routes.filter((_, other) => other !== index).map(toMapping))}
              >
                {t('slack.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
