import { z } from 'zod';
import type { InstalledAppView } from '../../../marketplace/installations.ts';
import { listOf, Timestamp } from './common.ts';

// Marketplace apps installed in the workspace, in the public API.

export const InstalledAppResource = z
  .object({
    id: z.string().meta({ description: 'The installation, ins_…' }),
    app: z.object({
      id: z.string().meta({ description: 'The marketplace app, app_…' }),
      slug: z.string().meta({ description: 'Its listing is at /apps/{slug} in the workspace.' }),
      name: z.string(),
      partner: z.string().meta({ description: 'The partner that makes it.' }),
    }),
    version: z.number().int().meta({ description: 'The version of the app the installation consented to.' }),
    scopes: z.array(z.string()).meta({ description: 'What the app may do in the workspace (its tokens act as the app, within these scopes).' }),
    installedAt: Timestamp,
    installedBy: z.string().nullable().meta({ description: 'The email of the admin who installed it (null once their account is gone).' }),
    lastActivityAt: Timestamp.nullable().meta({ description: 'When the app last called the API (updated at most once a minute).' }),
    needsReconsent: z.boolean().meta({ description: 'The app’s live version asks for more scopes than were consented to; an admin re-consents on its install page.' }),
    webhookEvents: z.array(z.string()).meta({ description: 'Event types the app’s own webhook endpoint receives (empty: it subscribes to none).' }),
  })
  .meta({ description: 'A marketplace app installed in the workspace by an admin.' });
export type InstalledAppResource = z.infer<typeof InstalledAppResource>;

export const InstalledAppList = listOf(InstalledAppResource, 'Every app installed in the workspace now, newest install first, in one page.');

export function toInstalledAppResource(view: InstalledAppView): InstalledAppResource {
  return {
    id: view.id,
    app: { id: view.app.id, slug: view.app.slug, name: view.app.name, partner: view.app.partnerName },
    version: view.version.number,
    scopes: view.scopes,
    installedAt: view.installedAt,
    installedBy: view.installedBy?.email ?? null,
    lastActivityAt: view.lastActivityAt,
    needsReconsent: view.needsReconsent,
    webhookEvents: view.webhookEvents,
  };
}
