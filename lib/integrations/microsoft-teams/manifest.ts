import type { IntegrationManifest } from '../types.ts';

export const manifest: IntegrationManifest = {
  id: 'microsoft-teams',
  name: 'Microsoft Teams',
  tagline: 'Completed goals, team progress, streaks, new members and a weekly digest in your Teams channels.',
  description: [
    'An admin adds a channel’s incoming webhook (the Workflows app’s “Post to a channel when a webhook request is received”) and chooses which notifications it gets: goals completed, team goals passing 25, 50, 75 and 100%, habit streak milestones, new team members and the weekly digest.',
    'Messages are Adaptive Cards in the workspace’s own name and words, with links back.',
  ],
  category: 'communication',
  connects: 'none',
  providerScopes: [],
  events: ['goal.completed', 'goal.updated', 'habit.streak_milestone', 'team.member_added'],
  settings: [
    { key: 'routes', label: 'Channels', description: 'A webhook URL per channel, and which notifications each gets.' },
  ],
  env: [],
  setupSteps: [
    'In Teams, open the channel › Workflows › “Post to a channel when a webhook request is received”, and copy the URL it gives.',
    'Paste it on this integration’s page and choose the notifications.',
  ],
};
