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
    pricing: z
      .object({
        model: z.enum(['flat', 'usage', 'hybrid']).meta({ description: 'flat: a monthly fee; usage: per 1,000 API calls; hybrid: a fee including some calls, usage above.' }),
        description: z.string().meta({ description: 'The price in words, e.g. "$20.00 / month, 10,000 calls included, then $0.40 per 1,000".' }),
        currency: z.string().meta({ description: 'ISO currency code, lowercase.' }),
        monthlyFeeCents: z.number().int().nullable().meta({ description: 'The monthly fee in cents (flat, hybrid).' }),
        per1000CallsCents: z.number().int().nullable().meta({ description: 'The price of each started 1,000 calls in cents (usage, hybrid).' }),
        includedCalls: z.number().int().nullable().meta({ description: 'Calls a month included in the fee (hybrid).' }),
        billedVia: z.enum(['stripe', 'operator']).nullable().meta({ description: 'stripe: an add-on on the workspace’s subscription; operator: billed by the platform operator.' }),
        periodCalls: z.number().int().meta({ description: 'API calls the app made in the current billing period so far.' }),
        estimatedCents: z.number().int().meta({ description: 'The estimated cost of the current period so far, in cents (the invoice is the bill).' }),
      })
      .nullable()
      .meta({ description: 'The price of a paid app (null for a free one).' }),
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
    pricing: view.charge && view.charge.pricing.pricing !== 'free'
      ? {
          model: view.charge.pricing.pricing,
          description: view.charge.label,
          currency: view.charge.pricing.priceCurrency,
          monthlyFeeCents: view.charge.pricing.monthlyFeeCents,
          per1000CallsCents: view.charge.pricing.per1000CallsCents,
          includedCalls: view.charge.pricing.includedCalls,
          billedVia: view.charge.billedVia === 'stripe' || view.charge.billedVia === 'operator' ? view.charge.billedVia : null,
          periodCalls: view.charge.calls,
          estimatedCents: view.charge.estimatedCents,
        }
      : null,
  };
}
