import { describe, expect, it } from 'vitest';
import * as brandingRoute from '../../app/api/app/settings/branding/route.ts';
import { db } from '../../lib/db/client.ts';
import { messagesFor } from '../../lib/i18n/messages.ts';
import { resolveTenant } from '../../lib/tenancy/tenant-cache.ts';
import { callRoute, type RouteHandlerFn } from '../support/app-client.ts';
import { createMember, createTenant } from '../support/factories.ts';
import { sessionCookie } from '../support/session-cookie.ts';

// The branding form's words per language (issue 22): each language's words are saved next to the
// English ones; a word left blank is that language's catalog word (messages/<language>/terms.json),
// and a word the schema refuses is a 422 naming the field, in the page's language.

const BLANK = { goal: '', goals: '', habit: '', habits: '', team: '', teams: '', apps: '' };

const BRANDING = {
  primaryColor: '#0ea5e9',
  secondaryColor: '#0c4a6e',
  accentColor: '#f43f5e',
  customCss: '',
  terminology: { ...BLANK, goals: 'objectives' },
  emailFromName: '',
  supportEmail: '',
  termsUrl: '',
  privacyUrl: '',
  hidePoweredBy: false,
};

/** Every other language's words, as the form sends them: all seven, blank where not set. */
function localized(de: Partial<typeof BLANK> = {}) {
  return { de: { ...BLANK, ...de }, fr: BLANK, es: BLANK, 'pt-BR': BLANK, ja: BLANK, ar: BLANK };
}

async function admin() {
  const tenant = await createTenant();
  const user = await createMember(tenant.id, 'admin');
  const cookie = await sessionCookie(user.id, tenant.id);
  const save = (json: unknown, headers: Record<string, string> = {}) =>
    callRoute(brandingRoute.PATCH as RouteHandlerFn, { tenantId: tenant.id, host: `${tenant.slug}.localhost:3100`, cookie, method: 'PATCH', path: '/api/app/settings/branding', json, headers });
  return { tenant, save };
}

describe('branding: the workspace’s words per language', () => {
  it('stores the German words set, and leaves the blank ones to the German catalog', async () => {
    const { tenant, save } = await admin();
    const answer = await save({ ...BRANDING, localizedTerminology: localized({ goal: 'Vorhaben', goals: 'Vorhaben ', team: 'Gruppe' }) });
    expect(answer.status, answer.text).toBe(200);

    // Only the words set are stored (trimmed); a language with none set is not stored at all.
    const stored = await db.branding.findUniqueOrThrow({ where: { tenantId: tenant.id } });
    expect(stored.localizedTerminology).toEqual({ de: { goal: 'Vorhaben', goals: 'Vorhaben', team: 'Gruppe' } });
    expect(stored.terminology).toEqual({ goals: 'objectives' });

    // The workspace serves them, and German pages use them; a blank word is the catalog's.
    const served = await resolveTenant({ kind: 'subdomain', slug: tenant.slug });
    expect(served?.branding.localizedTerminology).toEqual({ de: { goal: 'Vorhaben', goals: 'Vorhaben', team: 'Gruppe' } });
    const german = (await messagesFor('de', served!.branding)) as { terms: Record<string, string> };
    expect(german.terms).toEqual({ goal: 'Vorhaben', goals: 'Vorhaben', habit: 'Gewohnheit', habits: 'Gewohnheiten', team: 'Gruppe', teams: 'Teams', apps: 'Apps' });
    // English keeps the English words; French, with none of its own, the French catalog's.
    expect(((await messagesFor('en', served!.branding)) as { terms: Record<string, string> }).terms).toMatchObject({ goal: 'goal', goals: 'objectives' });
    expect(((await messagesFor('fr', served!.branding)) as { terms: Record<string, string> }).terms).toMatchObject({ goal: 'objectif', goals: 'objectifs' });

    // Blanking a word again falls back to the catalog word.
    expect((await save({ ...BRANDING, localizedTerminology: localized({ goal: 'Vorhaben' }) })).status).toBe(200);
    const again = await resolveTenant({ kind: 'subdomain', slug: tenant.slug });
    expect(((await messagesFor('de', again!.branding)) as { terms: Record<string, string> }).terms).toMatchObject({ goal: 'Vorhaben', goals: 'Ziele', team: 'Team' });
  });

  it('refuses a word that is not one with 422 and a field error, in the page’s language, and changes nothing', async () => {
    const { tenant, save } = await admin();
    expect((await save({ ...BRANDING, localizedTerminology: localized({ goal: 'Vorhaben' }) })).status).toBe(200);

    const refused = await save({ ...BRANDING, localizedTerminology: localized({ goal: '<b>' }) });
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body).toMatchObject({ code: 'validation_failed', errors: { 'localizedTerminology.de.goal': 'Use letters, digits, spaces, hyphens and apostrophes.' } });

    // The app's own pages ask in their language (lib/http/api-client.ts sends it): the same field, in German.
    const german = await save({ ...BRANDING, localizedTerminology: localized({ habits: 'x'.repeat(31) }) }, { 'accept-language': 'de' });
    expect(german.status).toBe(422);
    expect(german.body).toMatchObject({ errors: { 'localizedTerminology.de.habits': 'Verwende höchstens 30 Zeichen.' } });

    expect((await db.branding.findUniqueOrThrow({ where: { tenantId: tenant.id } })).localizedTerminology).toEqual({ de: { goal: 'Vorhaben' } });
  });
});
