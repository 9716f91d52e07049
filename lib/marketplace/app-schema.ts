import { z } from 'zod';
import { EVENT_CATALOG, isBillingEventType } from '../events/event-catalog.ts';
import { hasUrlCredentials, URL_CREDENTIALS_MESSAGE } from '../http/outbound-url.ts';
import { OAUTH_SCOPES } from '../oauth/oauth-scopes.ts';
import { redirectUriProblem, webUrlProblem } from '../oauth/redirect-uri.ts';
import { APP_CATEGORY_IDS } from './categories.ts';
import { isReservedAppSlug } from './reserved-slugs.ts';

// What a partner writes about an app version: the listing, the OAuth client's needs (redirect
// URIs, scopes each with a justification), the webhook events and the links. Drafts may be
// incomplete (the submission checks say what is missing); what is there must be well formed.

/** Empty form fields mean "none". */
const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

function refineProblem(check: (value: string) => string | null) {
  return (value: string, ctx: z.RefinementCtx) => {
    const problem = check(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  };
}

const webUrl = z.preprocess(blankToNull, z.string().trim().max(2048, 'Use at most 2048 characters.').superRefine(refineProblem(webUrlProblem)).nullish());

export const DESCRIPTION_MIN = 80;
export const DESCRIPTION_MAX = 8000;
export const JUSTIFICATION_MIN = 20;
export const MAX_SCREENSHOTS = 5;

/** Scopes an installed app may ask for: the API's (no OpenID Connect: an installation acts as the app, not a person). */
export const APP_SCOPES = OAUTH_SCOPES.filter((scope) => !['openid', 'profile', 'email'].includes(scope)) as [string, ...string[]];

/**
 * Event types an app may subscribe to on install: the workspace's domain events but its billing
 * (subscription.*, payment.*), which is the workspace's own business, for its own endpoints, as
 * Stripe keeps an account's billing events to that account's endpoints.
 */
export const APP_EVENT_TYPES = Object.keys(EVENT_CATALOG).filter((type) => !isBillingEventType(type)) as [string, ...string[]];

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(SLUG_PATTERN, 'Use 3 to 40 lowercase letters, digits and dashes (not at the start or end).')
  .refine((value) => !isReservedAppSlug(value), 'This address belongs to a built-in integration. Choose another.');

const scopeRequest = z
  .object({
    scope: z.enum(APP_SCOPES, { message: `Scopes are ${APP_SCOPES.join(', ')}.` }),
    justification: z.string().trim().max(300, 'Use at most 300 characters.').default(''),
  })
  .strict();

export const versionFields = {
  name: z.string().trim().min(2, 'Name the app (at least 2 characters).').max(60, 'Use at most 60 characters.'),
  tagline: z.string().trim().max(120, 'Use at most 120 characters.'),
  description: z.string().max(DESCRIPTION_MAX, `Use at most ${DESCRIPTION_MAX} characters.`),
  category: z.enum(APP_CATEGORY_IDS, { message: 'Choose a category.' }),
  websiteUrl: webUrl,
  docsUrl: webUrl,
  supportUrl: webUrl,
  privacyUrl: webUrl,
  termsUrl: webUrl,
  setupUrl: webUrl,
  redirectUris: z
    .array(z.string().trim().min(1, 'Enter a redirect URI.').max(2048, 'Use at most 2048 characters.').superRefine(refineProblem(redirectUriProblem)))
    .max(10, 'Use at most 10 redirect URIs.')
    .refine((uris) => new Set(uris).size === uris.length, 'Each redirect URI once.'),
  scopes: z
    .array(scopeRequest)
    .max(APP_SCOPES.length)
    .refine((scopes) => new Set(scopes.map((s) => s.scope)).size === scopes.length, 'Each scope once.'),
  webhookEvents: z
    .array(z.enum(APP_EVENT_TYPES, { message: 'Unknown event type.' }))
    .max(APP_EVENT_TYPES.length)
    .transform((events) => [...new Set(events)]),
  webhookUrl: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .max(2048, 'Use at most 2048 characters.')
      .url('Enter a full URL, e.g. https://example.com/webhooks.')
      .refine((value) => !hasUrlCredentials(value), URL_CREDENTIALS_MESSAGE)
      .nullish(),
  ),
};

/** A new app: its first version's name and category, and optionally its URL slug. */
export const createAppSchema = z
  .object({
    name: versionFields.name,
    category: versionFields.category,
    tagline: versionFields.tagline.optional(),
    slug: z.preprocess(blankToNull, slug.nullish()),
  })
  .strict();

/** Changes to the editable version (draft or changes requested); only the fields sent change. */
export const versionUpdateSchema = z.object(versionFields).partial().strict();

export const commentSchema = z.object({ body: z.string().trim().min(1, 'Write a comment.').max(4000, 'Use at most 4000 characters.') }).strict();

export const submitSchema = z.object({ note: z.preprocess(blankToNull, z.string().trim().max(4000, 'Use at most 4000 characters.').nullish()) }).strict();

export const reasonSchema = z.object({ reason: z.string().trim().min(5, 'Say why (at least 5 characters).').max(4000, 'Use at most 4000 characters.') }).strict();

export const optionalReasonSchema = z.object({ reason: z.preprocess(blankToNull, z.string().trim().max(4000, 'Use at most 4000 characters.').nullish()) }).strict();

export type VersionUpdate = z.output<typeof versionUpdateSchema>;
export type ScopeRequest = z.output<typeof scopeRequest>;
