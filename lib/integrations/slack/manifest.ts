import type { IntegrationManifest } from '../types.ts';

export const manifest: IntegrationManifest = {
  id: 'slack',
  name: 'Slack',
  tagline: 'Completed goals, team progress, streaks, new members and a weekly digest in your Slack channels; /waypoint to log habits.',
  description: [
    'An admin adds Waypoint to the company’s Slack workspace and chooses which channel hears about what: goals completed, team goals passing 25, 50, 75 and 100%, habit streak milestones, new team members, and a weekly team digest on Monday morning in the workspace’s time zone.',
    'Messages use the workspace’s own name and words, with links back to the goal or team.',
    'The /waypoint command logs today’s habit (/waypoint log Morning run) or lists your goals (/waypoint goals) for the member linked to your Slack account.',
  ],
  category: 'communication',
  connects: 'workspace',
  providerScopes: ['chat:write', 'chat:write.public', 'channels:read', 'groups:read', 'commands', 'users:read', 'users:read.email'],
  events: ['goal.completed', 'goal.updated', 'habit.streak_milestone', 'team.member_added'],
  settings: [
    { key: 'routes', label: 'Channels', description: 'Which channel each kind of notification goes to (optionally for one team only).' },
  ],
  env: [
    { name: 'SLACK_CLIENT_ID', description: 'Client ID of a Slack app (api.slack.com/apps › Basic Information).', required: true },
    { name: 'SLACK_CLIENT_SECRET', description: 'Its client secret.', required: true },
    { name: 'SLACK_SIGNING_SECRET', description: 'Its signing secret: verifies that /waypoint commands come from Slack.', required: true },
  ],
  redirectPath: '/api/integrations/slack/callback',
  setupSteps: [
    'At api.slack.com/apps, create an app; under OAuth & Permissions add the redirect URL below and the bot token scopes listed below.',
    'Under Slash Commands, create /waypoint with the request URL https://<ROOT_DOMAIN>/api/integrations/slack/commands.',
    'Enable public distribution if workspaces outside your own Slack will install it.',
    'Set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_SIGNING_SECRET and restart Waypoint.',
  ],
};
