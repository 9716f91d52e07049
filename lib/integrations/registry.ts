import { env } from '../config/env.ts';
import type { Env } from '../config/schema.ts';
import { platformOrigin } from '../config/env.ts';
import { notFound } from '../http/problem.ts';
import { integration as calendarFeed } from './calendar-feed/index.ts';
import { integration as googleCalendar } from './google-calendar/index.ts';
import { integration as microsoftTeams } from './microsoft-teams/index.ts';
import { integration as outlookCalendar } from './outlook-calendar/index.ts';
import { integration as slack } from './slack/index.ts';
import type { IntegrationId, IntegrationModule } from './types.ts';

// Every first-party integration, in the order the marketplace lists them. A new one is a
// folder with manifest.ts and index.ts, and one line in each list here. The modules are read
// on use, not at load: their code imports the framework, which imports this file.

export const INTEGRATION_IDS = ['google-calendar', 'outlook-calendar', 'slack', 'microsoft-teams', 'calendar-feed'] as const satisfies readonly IntegrationId[];

export function integrations(): readonly IntegrationModule[] {
  return [googleCalendar, outlookCalendar, slack, microsoftTeams, calendarFeed];
}

export function isIntegrationId(value: string): value is IntegrationId {
  return (INTEGRATION_IDS as readonly string[]).includes(value);
}

/** The integration, or a 404 for an id that is not one. */
export function integrationFor(id: string): IntegrationModule {
  const integration = integrations().find((candidate) => candidate.manifest.id === id);
  if (!integration) throw notFound('There is no such integration.');
  return integration;
}

/** Its required environment variables that are not set (empty: configured on this installation). */
export function missingEnv(integration: IntegrationModule, source: Env = env()): string[] {
  return integration.manifest.env.filter((entry) => entry.required && !source[entry.name as keyof Env]).map((entry) => entry.name);
}

export function isConfigured(integration: IntegrationModule, source: Env = env()): boolean {
  return missingEnv(integration, source).length === 0;
}

/** The OAuth redirect URI to register at the provider: one per provider, on the platform's root domain. */
export function redirectUri(integration: IntegrationModule): string | null {
  return integration.manifest.redirectPath ? `${platformOrigin()}${integration.manifest.redirectPath}` : null;
}
