import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_TERMINOLOGY, TERM_KEYS, capitalize, type Terminology } from '../branding/terminology.ts';
import { DEFAULT_LANGUAGE, type Language } from './languages.ts';
import { catalogWordsOf, type WorkspaceWords } from './messages.ts';

// The server's own sentences (validation and error messages in lib/) are written in English,
// and the API answers in English: its problem+json `title` and `detail` are a stable contract
// (issue 22). For people using the app's own pages, those sentences are translated on the way
// out, gettext-style: messages/<language>/errors/<area>.json maps each English sentence to its
// translation. A sentence with values in it is listed with {placeholders} ("Use at most {max}
// characters.") and matched as a pattern. A sentence nobody translated stays English.
//
// Sentences are listed with the catalog's words ("No such goal."). In a workspace that renamed
// them, the server says "No such objective.": its table is the same sentences with its English
// words in the key and its words in the language (the catalog's where it kept them) in the
// translation.

type Pattern = { match: RegExp; names: string[]; to: string };
type Table = { exact: Map<string, string>; patterns: Pattern[] };

const MESSAGES_DIR = path.join(process.cwd(), 'messages');
const PLACEHOLDER = /\{(\w+)\}/g;

const tables = new Map<Language, Promise<Table>>();

async function readTable(language: Language): Promise<Table> {
  const folder = path.join(MESSAGES_DIR, language, 'errors');
  const files = (await readdir(folder).catch(() => [] as string[])).filter((file) => file.endsWith('.json')).sort();
  const exact = new Map<string, string>();
  const patterns: Pattern[] = [];
  for (const file of files) {
    const entries = JSON.parse(await readFile(path.join(folder, file), 'utf8')) as Record<string, string>;
    for (const [english, translated] of Object.entries(entries)) {
      const names = [...english.matchAll(PLACEHOLDER)].map(([, name]) => name);
      if (!names.length) exact.set(english, translated);
      else {
        const source = english.split(PLACEHOLDER).map((part, index) => (index % 2 ? '([\\s\\S]+?)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
        patterns.push({ match: new RegExp(`^${source}$`), names, to: translated });
      }
    }
  }
  // Longer patterns first: "Use at most {max} characters for {field}." before "Use at most {max} characters."
  patterns.sort((a, b) => b.match.source.length - a.match.source.length);
  return { exact, patterns };
}

function table(language: Language): Promise<Table> {
  let found = tables.get(language);
  if (!found) {
    found = readTable(language);
    tables.set(language, found);
    found.catch(() => tables.delete(language));
  }
  return found;
}

const renamed = new Map<string, Table>();
const RENAMED_LIMIT = 200;

/** Whole words, either case: "goal" and "Goal" but not "goalkeeper". */
const wordPattern = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');

function swapWords(text: string, from: Terminology, to: Terminology): string {
  let out = text;
  // Plurals first: "goals" must not become "objectives" through "goal" + "s".
  for (const key of [...TERM_KEYS].sort((a, b) => from[b].length - from[a].length)) {
    if (from[key] === to[key]) continue;
    out = out.replace(wordPattern(capitalize(from[key])), capitalize(to[key])).replace(wordPattern(from[key]), to[key]);
  }
  return out;
}

async function tableFor(language: Language, catalogWords: Terminology, words: WorkspaceWords): Promise<Table> {
  const base = await table(language);
  const english = words?.terminology ?? DEFAULT_TERMINOLOGY;
  const local = { ...catalogWords, ...words?.localizedTerminology[language] };
  if (TERM_KEYS.every((key) => english[key] === DEFAULT_TERMINOLOGY[key] && local[key] === catalogWords[key])) return base;
  const key = `${language}\u0000${JSON.stringify([english, local])}`;
  let found = renamed.get(key);
  if (!found) {
    const exact = new Map([...base.exact].map(([from, to]) => [swapWords(from, DEFAULT_TERMINOLOGY, english), swapWords(to, catalogWords, local)]));
    found = { exact, patterns: base.patterns };
    if (renamed.size >= RENAMED_LIMIT) renamed.delete(renamed.keys().next().value!);
    renamed.set(key, found);
  }
  return found;
}

/** A translator of the server's English sentences into the language (identity for English), in a workspace's words when given. */
export async function serverTextTranslator(language: Language, words: WorkspaceWords = null): Promise<(english: string) => string> {
  if (language === DEFAULT_LANGUAGE) return (english) => english;
  const { exact, patterns } = words ? await tableFor(language, await catalogWordsOf(language), words) : await table(language);
  return (english) => {
    const direct = exact.get(english);
    if (direct !== undefined) return direct;
    for (const { match, names, to } of patterns) {
      const found = match.exec(english);
      if (found) return to.replace(PLACEHOLDER, (whole, name: string) => (names.includes(name) ? found[names.indexOf(name) + 1] : whole));
    }
    return english;
  };
}
