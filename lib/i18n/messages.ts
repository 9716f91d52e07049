import type { AbstractIntlMessages } from 'next-intl';
import { DEFAULT_LANGUAGE, type Language } from './languages.ts';

// The catalogs (messages/<language>.json), loaded once per process. A key missing from a
// language shows in English: each catalog is laid over the English one. (Catalog tests fail
// on a missing key, so this is a safety net, not a way to ship half a language.)

type Messages = { [key: string]: string | Messages };

const loaded = new Map<Language, Promise<Messages>>();

async function catalog(language: Language): Promise<Messages> {
  let messages = loaded.get(language);
  if (!messages) {
    messages = import(`../../messages/${language}.json`).then((module: { default: Messages }) => module.default);
    loaded.set(language, messages);
  }
  return messages;
}

function overlay(base: Messages, over: Messages): Messages {
  const out: Messages = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = out[key];
    out[key] = typeof value === 'object' && typeof under === 'object' ? overlay(under, value) : value;
  }
  return out;
}

/** The language's messages, English where it has none. */
export async function messagesFor(language: Language): Promise<AbstractIntlMessages> {
  const english = await catalog(DEFAULT_LANGUAGE);
  return language === DEFAULT_LANGUAGE ? english : overlay(english, await catalog(language));
}
