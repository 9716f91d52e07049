import { scimBadRequest } from './scim-errors.ts';

// The SCIM filters identity providers send (RFC 7644 §3.4.2.2), and only those: equality
// terms joined by "and", e.g.
//   userName eq "ada@acme.com"                      (Okta, Entra)
//   externalId eq "8d1c…"                          (Entra)
//   displayName eq "Engineering"                    (both, for groups)
//   id eq "…" and members[value eq "…"]            (Entra checking a membership)
// Attribute names and operators are case-insensitive. Anything else is a 400 invalidFilter
// rather than a silently wrong answer.

export type FilterValue = string | boolean | null;

export interface FilterTerm {
  /** Lower-cased attribute path: "username", "emails.value", "members.value". */
  attr: string;
  value: FilterValue;
}

const invalid = (detail: string) => scimBadRequest('invalidFilter', detail);

class Scanner {
  private pos = 0;
  constructor(private readonly text: string) {}

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  done(): boolean {
    this.skipSpace();
    return this.pos >= this.text.length;
  }

  /** An attribute path: letters, digits, $, -, _, ., and a URN prefix with colons. */
  attrPath(): string {
    this.skipSpace();
    const match = /^[A-Za-z][\w$.:-]*/.exec(this.text.slice(this.pos));
    if (!match) throw invalid(`Expected an attribute name at position ${this.pos + 1} of the filter.`);
    this.pos += match[0].length;
    return match[0];
  }

  word(): string {
    this.skipSpace();
    const match = /^[A-Za-z]+/.exec(this.text.slice(this.pos));
    if (!match) throw invalid(`Expected an operator at position ${this.pos + 1} of the filter.`);
    this.pos += match[0].length;
    return match[0].toLowerCase();
  }

  peek(char: string): boolean {
    this.skipSpace();
    return this.text[this.pos] === char;
  }

  expect(char: string): void {
    if (!this.peek(char)) throw invalid(`Expected "${char}" at position ${this.pos + 1} of the filter.`);
    this.pos++;
  }

  value(): FilterValue {
    this.skipSpace();
    const rest = this.text.slice(this.pos);
    if (rest.startsWith('"')) {
      // A JSON string: the grammar's compValue uses JSON's escapes.
      const match = /^"(?:[^"\\]|\\.)*"/.exec(rest);
      if (!match) throw invalid('A quoted value in the filter is not closed.');
      this.pos += match[0].length;
      try {
        return JSON.parse(match[0]) as string;
      } catch {
        throw invalid('A quoted value in the filter has an invalid escape.');
      }
    }
    const literal = /^(true|false|null)\b/i.exec(rest);
    if (literal) {
      this.pos += literal[0].length;
      const word = literal[0].toLowerCase();
      return word === 'null' ? null : word === 'true';
    }
    throw invalid('Filter values must be quoted strings, true, false or null.');
  }
}

function normalizeAttr(path: string): string {
  // urn:ietf:params:scim:schemas:core:2.0:User:userName → userName
  const core = /^urn:ietf:params:scim:schemas:core:2\.0:(?:User|Group):/i;
  return path.replace(core, '').toLowerCase();
}

/** Parses a filter into equality terms (all of which must hold). */
export function parseFilter(filter: string): FilterTerm[] {
  if (filter.length > 1000) throw invalid('The filter is too long.');
  const scanner = new Scanner(filter);
  const terms: FilterTerm[] = [];
  for (;;) {
    const attr = scanner.attrPath();
    if (scanner.peek('[')) {
      // members[value eq "…"] (a value filter on a multi-valued attribute)
      scanner.expect('[');
      const sub = scanner.attrPath();
      const op = scanner.word();
      if (op !== 'eq') throw invalid(`Only the "eq" operator is supported in filters, not "${op}".`);
      const value = scanner.value();
      scanner.expect(']');
      terms.push({ attr: `${normalizeAttr(attr)}.${sub.toLowerCase()}`, value });
    } else {
      const op = scanner.word();
      if (op !== 'eq') throw invalid(`Only the "eq" operator is supported in filters, not "${op}".`);
      terms.push({ attr: normalizeAttr(attr), value: scanner.value() });
    }
    if (scanner.done()) return terms;
    const joiner = scanner.word();
    if (joiner !== 'and') throw invalid(`Only "and" can join filter terms, not "${joiner}".`);
    if (terms.length >= 5) throw invalid('Use at most 5 terms in a filter.');
  }
}

/** The terms, checked against the attributes (e.g. "userName", "members.value") a resource type can be filtered by. */
export function filterTerms(filter: string | null, allowed: readonly string[]): FilterTerm[] {
  if (filter === null || filter.trim() === '') return [];
  const terms = parseFilter(filter);
  for (const term of terms) {
    if (!allowed.some((name) => name.toLowerCase() === term.attr)) throw invalid(`Filtering by "${term.attr}" is not supported; use one of: ${allowed.join(', ')}.`);
  }
  return terms;
}
