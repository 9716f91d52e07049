import type { IntegrationId, IntegrationManifest } from '@/lib/integrations/types';

// A built-in integration's own words (its manifest's tagline, description, settings, setup
// steps) in the reader's language: the integrations catalog's manifests.<id>.*, with the
// manifest's English as the fallback for anything the catalog does not (yet) say.

/** The catalog key of an integration (google-calendar → googleCalendar). */
export const integrationKey = (id: IntegrationId) => id.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

type Loose = { (key: string, values?: Record<string, string>): string; has(key: string): boolean };

/** `t` is the integrations namespace's translator (useTranslations or getTranslations). */
export function manifestText(t: unknown, manifest: Pick<IntegrationManifest, 'id'>) {
  const words = t as Loose;
  const base = `manifests.${integrationKey(manifest.id)}`;
  const say = (path: string, fallback: string, values?: Record<string, string>) => (words.has(`${base}.${path}`) ? words(`${base}.${path}`, values) : fallback);
  return {
    tagline: (english: string) => say('tagline', english),
    description: (english: string[]) => english.map((paragraph, index) => say(`description.p${index + 1}`, paragraph)),
    setting: (setting: IntegrationManifest['settings'][number]) => ({ label: say(`settings.${setting.key}.label`, setting.label), description: say(`settings.${setting.key}.description`, setting.description) }),
    env: (entry: IntegrationManifest['env'][number]) => say(`env.${entry.name}`, entry.description),
    // A URL in a step (Slack's command URL) is passed in as it is, never translated.
    step: (english: string, index: number) => say(`setup.step${index + 1}`, english, { url: english.match(/https?:\/\/\S+[^.\s]/)?.[0] ?? '' }),
  };
}
