import type { IntegrationManifest } from '../types.ts';

export const manifest: IntegrationManifest = {
  id: 'google-calendar',
  name: 'Google Calendar',
  tagline: 'Goals and milestones with due dates as events in your Google Calendar, both ways.',
  description: [
    'Each member connects their own Google account and picks which goals sync (all of theirs, team goals, or a list) and into which calendar.',
    'A goal with a due date becomes an event with a link back and reminders a day and an hour before; dated milestones become events too. Changing the goal updates the event; deleting it deletes the event.',
    'Moving the event in Google Calendar moves the goal’s due date (when the member may edit the goal); deleting the event unlinks it. When both sides changed since the last sync, the later change wins and the integration page says so.',
  ],
  category: 'calendar',
  connects: 'user',
  providerScopes: ['openid', 'email', 'https://www.googleapis.com/auth/calendar.events', 'https://www.googleapis.com/auth/calendar.readonly'],
  events: ['goal.created', 'goal.updated', 'goal.completed', 'goal.deleted'],
  settings: [
    { key: 'calendarId', label: 'Calendar', description: 'The calendar events go into (your primary calendar unless you pick another).' },
    { key: 'goals', label: 'Goals', description: 'All your goals, your team goals only, or a list you pick.' },
    { key: 'syncFrequency', label: 'Sync', description: 'Real time (on every change), hourly or daily.' },
  ],
  syncFrequencies: ['realtime', 'hourly', 'daily'],
  env: [
    { name: 'GOOGLE_CLIENT_ID', description: 'OAuth client id (Google Cloud console › APIs & Services › Credentials, type "Web application").', required: true },
    { name: 'GOOGLE_CLIENT_SECRET', description: 'The client secret of that OAuth client.', required: true },
  ],
  redirectPath: '/api/integrations/google-calendar/callback',
  setupSteps: [
    'In the Google Cloud console, enable the Google Calendar API for a project.',
    'Configure its OAuth consent screen with the scopes listed below.',
    'Create an OAuth client of type "Web application" with the redirect URI below.',
    'Set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET in the environment and restart Waypoint.',
  ],
};
