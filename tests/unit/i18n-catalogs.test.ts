import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../../lib/i18n/languages.ts';

// Every catalog has every key of the English one and no other, and each message takes the same
// ICU arguments (names and kinds) as its English original and parses.

type Catalog = { [key: string]: string | Catalog };

function load(language: string): Catalog {
  return JSON.parse(readFileSync(path.join('messages', `${language}.json`), 'utf8')) as Catalog;
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
      if (element.type === TYPE.argument) found.add(`${element.value}:text`);
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
