import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../../lib/i18n/languages.ts';
import { TERM_ARGUMENTS } from '../../lib/i18n/terms.ts';

// Every catalog has every key of the English one and no other, and each message takes the same
// ICU arguments (names and kinds) as its English original and parses. The workspace's words
// ({goals}, {Goals}, …) are the exception: a language may use either form, or none (a
// sentence that needs no noun in German may need one in English).

type Catalog = { [key: string]: string | Catalog };

/** messages/<language>/<namespace>.json as one catalog, namespaces at the top. */
function load(language: string): Catalog {
  const folder = path.join('messages', language);
  return Object.fromEntries(readdirSync(folder).filter((file) => file.endsWith('.json')).map((file) => [file.slice(0, -5), JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Catalog]));
}

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

/** "name:kind" of each argument a message takes, sorted; plural and select branches included. */
function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument) {
        if (!TERM_ARGUMENTS.has(element.value)) found.add(`${element.value}:text`);
      }
      else if (element.type === TYPE.number) found.add(`${element.value}:number`);
      else if (element.type === TYPE.date || element.type === TYPE.time) found.add(`${element.value}:date`);
      else if (element.type === TYPE.plural) {
        found.add(`${element.value}:plural`);
        for (const option of Object.values(element.options)) walk(option.value);
      } else if (element.type === TYPE.select) {
        found.add(`${element.value}:select`);
        for (const option of Object.values(element.options)) walk(option.value);
      } else if (element.type === TYPE.tag) {
        found.add(`${element.value}:tag`);
        walk(element.children);
      }
    }
  };
  walk(parse(message, { ignoreTag: false }));
  return [...found].sort();
}

const english = flatten(load(DEFAULT_LANGUAGE));

describe('message catalogs', () => {
  it('every language has the same catalog files', () => {
    const files = (language: string) => readdirSync(path.join('messages', language)).sort();
    for (const language of LANGUAGES) expect(files(language), language).toEqual(files(DEFAULT_LANGUAGE));
  });

  it('lib/i18n/catalog-types.ts types every English catalog file, so a wrong key fails type-checking', () => {
    const typed = readFileSync('lib/i18n/catalog-types.ts', 'utf8');
    for (const file of readdirSync(path.join('messages', DEFAULT_LANGUAGE)).filter((name) => name.endsWith('.json'))) {
      const namespace = file.slice(0, -5);
      expect(typed, namespace).toContain(`import type ${namespace.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())} from '../../messages/en/${file}';`);
    }
  });

  it('every language names each of the words a workspace can rename', () => {
    for (const language of LANGUAGES) expect(Object.keys(load(language).terms as Catalog).sort(), language).toEqual(['apps', 'goal', 'goals', 'habit', 'habits', 'team', 'teams']);
  });

  it('no message puts a word in a key: keys are names, not English', () => {
    for (const key of english.keys()) expect(key, key).toMatch(/^[a-zA-Z0-9_.-]+$/);
  });

  it('English has messages, each of which parses', () => {
    expect(english.size).toBeGreaterThan(0);
    for (const [key, message] of english) expect(() => argumentsOf(message), key).not.toThrow();
  });

  for (const language of LANGUAGES.filter((l) => l !== DEFAULT_LANGUAGE)) {
    it(`${language} has exactly the English keys, each with the same arguments`, () => {
      const catalog = flatten(load(language));
      expect([...english.keys()].filter((key) => !catalog.has(key)), `missing in ${language}`).toEqual([]);
      expect([...catalog.keys()].filter((key) => !english.has(key)), `not in English`).toEqual([]);
      for (const [key, message] of catalog) {
        expect(message.trim(), `${language} ${key} is empty`).not.toBe('');
        expect(argumentsOf(message), `${language} ${key}`).toEqual(argumentsOf(english.get(key)!));
      }
    });
  }
});

// The server's sentences (messages/<language>/errors/*.json, lib/i18n/server-text.ts): English
// maps each sentence to itself; every language has the same sentences with the same {placeholders}.
describe('server sentence catalogs', () => {
  const folder = (language: string) => path.join('messages', language, 'errors');
  const table = (language: string) => Object.assign({}, ...readdirSync(folder(language)).sort().map((file) => JSON.parse(readFileSync(path.join(folder(language), file), 'utf8')) as Record<string, string>)) as Record<string, string>;
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map(([, name]) => name).sort();
  const englishTable = table(DEFAULT_LANGUAGE);

  it('English lists each sentence as itself', () => {
    for (const [key, value] of Object.entries(englishTable)) expect(value, key).toBe(key);
  });

  for (const language of LANGUAGES.filter((l) => l !== DEFAULT_LANGUAGE)) {
    it(`${language} translates every sentence, keeping its placeholders`, () => {
      expect(readdirSync(folder(language)).sort()).toEqual(readdirSync(folder(DEFAULT_LANGUAGE)).sort());
      const translated = table(language);
      expect(Object.keys(translated).sort()).toEqual(Object.keys(englishTable).sort());
      for (const [english, text] of Object.entries(translated)) {
        expect(text.trim(), `${language}: ${english}`).not.toBe('');
        expect(placeholders(text), `${language}: ${english}`).toEqual(placeholders(english));
      }
    });
  }
});
