import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { capitalize, TERM_KEYS, type LocalizedTerminology, type Terminology } from '../branding/terminology.ts';
import type { Language } from './languages.ts';

// A workspace's own words (goals → "objectives") reach every message through reserved ICU
// arguments: {goal}, {goals}, {habit}, … as the word reads mid-sentence, and {Goal}, {Goals}, …
// capitalised. They are filled in when the catalog is loaded for a workspace, so no call site
// passes them and none can forget.

/** goal, goals, …, Goal, Goals, … */
export const TERM_ARGUMENTS: ReadonlySet<string> = new Set(TERM_KEYS.flatMap((key) => [key, capitalize(key)]));

/** The values of the reserved arguments for a set of words. */
export function termValues(words: Terminology): Record<string, string> {
  return Object.fromEntries(TERM_KEYS.flatMap((key) => [[key, words[key]], [capitalize(key), capitalize(words[key])]]));
}

/**
 * The words a workspace uses in a language: its English words in English; elsewhere the
 * catalog's word for each, unless the workspace set its own for that language.
 */
export function termsFor(language: Language, catalogWords: Terminology, branding: { terminology: Terminology; localizedTerminology: LocalizedTerminology } | null): Terminology {
  if (!branding) return catalogWords;
  if (language === 'en') return branding.terminology;
  return { ...catalogWords, ...branding.localizedTerminology[language] };
}

const mentionsTerm = new RegExp(`\\{\\s*(?:${[...TERM_ARGUMENTS].join('|')})\\s*\\}`);

function fill(elements: MessageFormatElement[], values: Record<string, string>): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.argument && element.value in values) return { type: TYPE.literal, value: values[element.value] };
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      return { ...element, options: Object.fromEntries(Object.entries(element.options).map(([key, option]) => [key, { ...option, value: fill(option.value, values) }])) } as MessageFormatElement;
    }
    if (element.type === TYPE.tag) return { ...element, children: fill(element.children, values) };
    return element;
  });
}

/** The message with the reserved arguments replaced by the words (escaped as ICU literals). */
export function fillTerms(message: string, values: Record<string, string>): string {
  if (!mentionsTerm.test(message)) return message;
  return printAST(fill(parse(message, { ignoreTag: false }), values));
}
