import { imageDimensions } from '../branding/image-upload.ts';
import { assertPublicUrl, UnsafeUrlError, type LookupFn } from '../webhooks/ssrf-guard.ts';
import { lookup as dnsLookup } from 'node:dns/promises';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, JUSTIFICATION_MIN, type ScopeRequest } from './app-schema.ts';

// The automated checks a version must pass to be submitted for review. They run when the
// partner asks (the "Run checks" button), on every submission (stored on the version, shown to
// the partner and to the reviewer), and never block saving a draft: a draft may use loopback
// redirect URIs to be tried in the partner's sandbox workspace, but a submitted version is
// for every workspace, so it must use https.

export const APP_LOGO_MAX_BYTES = 512 * 1024;
export const APP_LOGO_MIN_SIDE = 128;
export const APP_LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'];

export interface SubmissionCheck {
  id: CheckId;
  ok: boolean;
  message: string;
  /** The form field to fix. */
  field: string;
}

export type CheckId = 'redirect_https' | 'redirect_no_wildcard' | 'privacy_url' | 'scopes_justified' | 'webhook_url' | 'logo' | 'description_length' | 'paid_app_links';

export const CHECK_LABELS: Record<CheckId, string> = {
  redirect_https: 'Redirect URIs use https',
  redirect_no_wildcard: 'Redirect URIs have no wildcard',
  privacy_url: 'Privacy policy URL',
  scopes_justified: 'Every scope is justified',
  webhook_url: 'Webhook URL is public and safe',
  logo: 'Logo size and type',
  description_length: 'Description length',
  paid_app_links: 'Paid apps link support and terms',
};

export interface CheckedVersion {
  description: string;
  privacyUrl: string | null;
  redirectUris: string[];
  scopes: ScopeRequest[];
  webhookEvents: string[];
  webhookUrl: string | null;
  /** free | flat | usage | hybrid; a paid app owes its buyers support and terms. */
  pricing?: string;
  supportUrl?: string | null;
  termsUrl?: string | null;
}

export interface LogoFacts {
  contentType: string;
  size: number;
  data: Uint8Array;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function redirectHttps(uris: string[]): Omit<SubmissionCheck, 'id' | 'field'> {
  if (uris.length === 0) return { ok: false, message: 'Add at least one redirect URI: installers are sent back to it with the authorization code.' };
  const loopback = uris.filter((uri) => LOOPBACK.has(parse(uri)?.hostname ?? ''));
  if (loopback.length) return { ok: false, message: `Loopback redirect URIs work only in your sandbox workspace; remove ${loopback.join(', ')} before submitting.` };
  const other = uris.filter((uri) => parse(uri)?.protocol !== 'https:');
  if (other.length) return { ok: false, message: `Use https redirect URIs: ${other.join(', ')}.` };
  return { ok: true, message: `${uris.length} https redirect URI${uris.length === 1 ? '' : 's'}.` };
}

function noWildcard(uris: string[]): Omit<SubmissionCheck, 'id' | 'field'> {
  const wild = uris.filter((uri) => uri.includes('*'));
  return wild.length ? { ok: false, message: `Register each redirect URI in full, without *: ${wild.join(', ')}.` } : { ok: true, message: 'No wildcards.' };
}

function privacyUrl(value: string | null): Omit<SubmissionCheck, 'id' | 'field'> {
  if (!value) return { ok: false, message: 'Link your privacy policy: installers read it before they consent.' };
  const url = parse(value);
  if (!url || url.protocol !== 'https:' || !url.hostname.includes('.') || LOOPBACK.has(url.hostname)) {
    return { ok: false, message: 'The privacy policy must be a public https URL, e.g. https://example.com/privacy.' };
  }
  return { ok: true, message: url.href };
}

function scopesJustified(scopes: ScopeRequest[]): Omit<SubmissionCheck, 'id' | 'field'> {
  if (scopes.length === 0) return { ok: false, message: 'Request at least one scope.' };
  const weak = scopes.filter((scope) => scope.justification.trim().length < JUSTIFICATION_MIN);
  if (weak.length) return { ok: false, message: `Explain why the app needs ${weak.map((s) => s.scope).join(', ')} (at least ${JUSTIFICATION_MIN} characters each): installers read it.` };
  return { ok: true, message: `${scopes.length} scope${scopes.length === 1 ? '' : 's'}, each justified.` };
}

function logo(facts: LogoFacts | null): Omit<SubmissionCheck, 'id' | 'field'> {
  if (!facts) return { ok: false, message: 'Upload a logo (PNG, JPEG, WebP or SVG, at least 128 px square, at most 512 KB).' };
  if (!APP_LOGO_TYPES.includes(facts.contentType)) return { ok: false, message: 'The logo must be a PNG, JPEG, WebP or SVG image.' };
  if (facts.size > APP_LOGO_MAX_BYTES) return { ok: false, message: 'The logo must be at most 512 KB.' };
  try {
    const size = imageDimensions(Buffer.from(facts.data), facts.contentType);
    if (size && Math.min(size.width, size.height) < APP_LOGO_MIN_SIDE) return { ok: false, message: `The logo is ${size.width}×${size.height} px: use at least ${APP_LOGO_MIN_SIDE} px on its shorter side.` };
  } catch {
    return { ok: false, message: 'The logo could not be read; upload it again.' };
  }
  return { ok: true, message: 'Logo looks right.' };
}

function descriptionLength(description: string): Omit<SubmissionCheck, 'id' | 'field'> {
  const length = description.trim().length;
  if (length < DESCRIPTION_MIN) return { ok: false, message: `Describe the app in at least ${DESCRIPTION_MIN} characters (now ${length}).` };
  if (length > DESCRIPTION_MAX) return { ok: false, message: `Use at most ${DESCRIPTION_MAX} characters.` };
  return { ok: true, message: `${length} characters.` };
}

/** A paid app: where buyers get help and the terms they pay under (the field to fix is the first missing). */
function paidAppLinks(version: CheckedVersion): Omit<SubmissionCheck, 'id' | 'field'> & { field: string } {
  if (!version.pricing || version.pricing === 'free') return { ok: true, message: 'Free app.', field: 'supportUrl' };
  if (!version.supportUrl) return { ok: false, message: 'A paid app needs a support URL where buyers get help.', field: 'supportUrl' };
  if (!version.termsUrl) return { ok: false, message: 'A paid app needs terms of service: buyers pay under them.', field: 'termsUrl' };
  return { ok: true, message: 'Support and terms are linked.', field: 'supportUrl' };
}

/** Name resolution with a deadline, so a check never hangs on an unreachable resolver. */
function lookupWithin(ms: number, lookup: LookupFn): LookupFn {
  return (host) =>
    Promise.race([
      lookup(host),
      new Promise<never>((_, reject) => setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEOUT' })), ms).unref()),
    ]);
}

const systemLookup: LookupFn = (host) => dnsLookup(host, { all: true, verbatim: true });

async function webhookUrl(version: CheckedVersion, options: CheckOptions): Promise<Omit<SubmissionCheck, 'id' | 'field'>> {
  if (!version.webhookUrl) {
    return version.webhookEvents.length
      ? { ok: false, message: 'Enter the webhook URL the subscribed events are delivered to.' }
      : { ok: true, message: 'No webhook events subscribed.' };
  }
  if (!version.webhookEvents.length) return { ok: false, message: 'Choose the events to deliver to the webhook URL, or clear it.' };
  try {
    await assertPublicUrl(version.webhookUrl, { allowLocalhost: options.allowLocalhostWebhooks, requireHttps: !options.allowLocalhostWebhooks, lookup: lookupWithin(3000, options.lookup ?? systemLookup) });
  } catch (error) {
    if (error instanceof UnsafeUrlError) return { ok: false, message: error.message };
    throw error;
  }
  return { ok: true, message: 'Public https address.' };
}

export interface CheckOptions {
  /** Development only (WEBHOOKS_ALLOW_LOCALHOST): a receiver on this machine passes. */
  allowLocalhostWebhooks?: boolean;
  lookup?: LookupFn;
}

/** Every check, in the order the form shows its fields. */
export async function runSubmissionChecks(version: CheckedVersion, logoFacts: LogoFacts | null, options: CheckOptions = {}): Promise<SubmissionCheck[]> {
  const checks: [CheckId, string, Omit<SubmissionCheck, 'id' | 'field'>][] = [
    ['description_length', 'description', descriptionLength(version.description)],
    ['logo', 'logo', logo(logoFacts)],
    ['privacy_url', 'privacyUrl', privacyUrl(version.privacyUrl)],
    ['redirect_https', 'redirectUris', redirectHttps(version.redirectUris)],
    ['redirect_no_wildcard', 'redirectUris', noWildcard(version.redirectUris)],
    ['scopes_justified', 'scopes', scopesJustified(version.scopes)],
    ['webhook_url', 'webhookUrl', await webhookUrl(version, options)],
  ];
  const { field: paidField, ...paid } = paidAppLinks(version);
  checks.push(['paid_app_links', paidField, paid]);
  return checks.map(([id, field, result]) => ({ id, field, ...result }));
}

/** The failed checks as field errors (the first message per field). */
export function checkFieldErrors(checks: SubmissionCheck[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const check of checks) if (!check.ok) fields[check.field] ??= check.message;
  return fields;
}
