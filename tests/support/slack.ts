import type { Member } from '../../lib/auth/session.ts';
import { tenantOrigin } from '../../lib/config/env.ts';
import type { IntegrationConnection } from '../../lib/db/generated/client.ts';
import { installIntegration } from '../../lib/integrations/installations.ts';
import { finishConnect, relayCallback, startConnect } from '../../lib/integrations/oauth-flow.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import type { FakeSlack } from './fakes/slack.ts';

/** Points Waypoint's Slack settings at the fake. */
export function useFakeSlack(fake: FakeSlack): void {
  process.env.SLACK_CLIENT_ID = fake.clientId;
  process.env.SLACK_CLIENT_SECRET = fake.clientSecret;
  process.env.SLACK_SIGNING_SECRET = fake.signingSecret;
  process.env.SLACK_API_BASE = fake.url;
}

export function forgetFakeSlack(): void {
  for (const name of ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_SIGNING_SECRET', 'SLACK_API_BASE']) delete process.env[name];
}

/**
 * An admin installs Slack and connects it the whole way round: Waypoint's consent URL → the
 * fake's "Allow" → the root-domain callback relays to the workspace → the code is exchanged.
 */
export async function installAndConnectSlack(tenant: TenantContext, admin: Member, fake: FakeSlack): Promise<IntegrationConnection> {
  await installIntegration(tenant, admin, 'slack');
  const consent = await startConnect({ tenant, member: admin, provider: 'slack', origin: tenantOrigin(tenant.slug) });
  const callback = new URL(await fake.approve(consent));
  const finish = new URL(await relayCallback('slack', callback.searchParams));
  const { connection, redirectTo } = await finishConnect({ tenant, member: admin, provider: 'slack', query: finish.searchParams });
  if (!connection) throw new Error(`Slack did not connect: ${redirectTo}`);
  return connection;
}
