import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AbstractIntlMessages } from 'next-intl';
import type { LocalizedTerminology, Terminology } from '../branding/terminology.ts';
import { DEFAULT_LANGUAGE, type Language } from './languages.ts';
import { fillTerms, termsFor, termValues } from './terms.ts';

// The catalogs: messages/<language>/<namespace>.json, one file per screen or domain, so that
// people translating (or changing) one area touch one file. Read once per process. A key
// missing from a language shows in English: each catalog is laid over the English one
// (catalog tests fail on a missing key, so this is a safety net, not a way to ship half a
// language).

export type Messages = { [key: string]: string | Messages };

const MESSAGES_DIR = path.join(process.cwd(), 'messages');

const loaded = new Map<Language, Promise<Messages>>();

async function readCatalog(language: Language): Promise<Messages> {
  const folder = path.join(MESSAGES_DIR, language);
  const files = (await readdir(folder)).filter((file) => file.endsWith('.json')).sort();
  const entries = await Promise.all(files.map(async (file) => [file.slice(0, -'.json'.length), JSON.parse(await readFile(path.join(folder, file), 'utf8')) as Messages] as const));
  return Object.fromEntries(entries);
}

function catalog(language: Language): Promise<Messages> {
  let messages = loaded.get(language);
  if (!messages) {
    messages = readCatalog(language);
    loaded.set(language, messages);
    // A failed read is not cached: the next request tries again.
    messages.catch(() => loaded.delete(language));
  }
  return messages;
}

/** The catalog's own words in a language (messages/<language>/terms.json), English where it has none. */
export async function catalogWordsOf(language: Language): Promise<Terminology> {
  const english = (await catalog(DEFAULT_LANGUAGE)).terms as Terminology;
  return language === DEFAULT_LANGUAGE ? english : { ...english, ...((await catalog(language)).terms as Partial<Terminology>) };
}

function overlay(base: Messages, over: Messages): Messages {
  const out: Messages = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = out[key];
    out[key] = typeof value === 'object' && typeof under === 'object' ? overlay(under, value) : value;
  }
  return out;
}

function mapMessages(messages: Messages, change: (message: string) => string): Messages {
  return Object.fromEntries(Object.entries(messages).map(([key, value]) => [key, typeof value === 'string' ? change(value) : mapMessages(value, change)]));
}

/** A workspace's words, as load-tenant.ts serves them; null outside a workspace. */
export type WorkspaceWords = { terminology: Terminology; localizedTerminology: LocalizedTerminology } | null;

// Filled catalogs by language and words: most workspaces keep the catalog's words, so a few
// entries serve them all; the bound keeps workspaces with their own words from growing it.
const filled = new Map<string, Promise<Messages>>();
const FILLED_LIMIT = 200;

/** The language's messages (English where it has none), with the workspace's words filled in. */
export async function messagesFor(language: Language, words: WorkspaceWords = null): Promise<AbstractIntlMessages> {
  // The catalog's words are the same for every workspace: only the workspace's own ones vary.
  const own = words ? (language === DEFAULT_LANGUAGE ? words.terminology : words.localizedTerminology[language]) : null;
  const key = `${language}\u0000${JSON.stringify(own ?? null)}`;
  let messages = filled.get(key);
  if (!messages) {
    messages = (async () => {
      const english = await catalog(DEFAULT_LANGUAGE);
      const merged = language === DEFAULT_LANGUAGE ? english : overlay(english, await catalog(language));
      const terms = termsFor(language, merged.terms as Terminology, words);
      const values = termValues(terms);
      // terms.* is the workspace's words too, for a label that is nothing but the word.
      return { ...mapMessages(merged, (message) => fillTerms(message, values)), terms };
    })();
    if (filled.size >= FILLED_LIMIT) filled.delete(filled.keys().next().value!);
    filled.set(key, messages);
    messages.catch(() => filled.delete(key));
  }
  return messages;
}
