import type { IntegrationManifest } from '../types.ts';

export const manifest: IntegrationManifest = {
  id: 'calendar-feed',
  name: 'Calendar feed',
  tagline: 'A private iCalendar link with your goals’ due dates, milestones and habit reminders, for any calendar app.',
  description: [
    'Each member gets a private subscription URL to add to Apple Calendar, Google Calendar, Outlook or any app that reads iCalendar (.ics): their goals’ due dates, dated milestones and habit reminders.',
    'The link is a secret: anyone with it sees those titles and dates. Members can replace it at any time, which stops the old one at once.',
  ],
  category: 'calendar',
  connects: 'none',
  providerScopes: [],
  events: [],
  settings: [],
  env: [],
  setupSteps: [],
};
