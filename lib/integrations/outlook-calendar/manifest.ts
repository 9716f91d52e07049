import type { IntegrationManifest } from '../types.ts';

export const manifest: IntegrationManifest = {
  id: 'outlook-calendar',
  name: 'Outlook Calendar',
  tagline: 'Goals and milestones with due dates as events in Outlook (Microsoft 365), both ways.',
  description: [
    'Each member connects their Microsoft work or personal account and picks which goals sync and into which calendar.',
    'A goal with a due date becomes an event with a link back and a reminder; dated milestones become events too. Changes in Waypoint update or delete the event.',
    'Moving the event in Outlook moves the goal’s due date (when the member may edit the goal); deleting it unlinks it. Changes come back through Microsoft Graph delta queries; when both sides changed, the later change wins and is logged.',
  ],
  category: 'calendar',
  connects: 'user',
  // offline_access: a refresh token; User.Read: the account's address (/me). No id_token is needed.
  providerScopes: ['offline_access', 'User.Read', 'Calendars.ReadWrite'],
  events: ['goal.created', 'goal.updated', 'goal.completed', 'goal.deleted'],
  settings: [
    { key: 'calendarId', label: 'Calendar', description: 'The calendar events go into (your default calendar unless you pick another).' },
    { key: 'goals', label: 'Goals', description: 'All your goals, your team goals only, or a list you pick.' },
    { key: 'syncFrequency', label: 'Sync', description: 'Real time (on every change), hourly or daily.' },
  ],
  syncFrequencies: ['realtime', 'hourly', 'daily'],
  env: [
    { name: 'MICROSOFT_CLIENT_ID', description: 'Application (client) id of an app registration in Microsoft Entra ID.', required: true },
    { name: 'MICROSOFT_CLIENT_SECRET', description: 'A client secret of that app registration.', required: true },
    { name: 'MICROSOFT_TENANT', description: 'common (default: work and personal accounts), organizations, or one directory’s tenant id.', required: false },
  ],
  redirectPath: '/api/integrations/outlook-calendar/callback',
  setupSteps: [
    'In the Microsoft Entra admin center, register an application (App registrations › New registration) for accounts in any organizational directory and personal Microsoft accounts.',
    'Add a "Web" platform with the redirect URI below.',
    'Under API permissions, add the delegated Microsoft Graph permissions listed below; under Certificates & secrets, create a client secret.',
    'Set MICROSOFT_CLIENT_ID and MICROSOFT_CLIENT_SECRET (and MICROSOFT_TENANT to limit sign-in to one directory) and restart Waypoint.',
  ],
};
