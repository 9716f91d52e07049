import type { Mention } from './comment-schema.ts';

// @mentions. A comment is stored with each mention as a token, <@userId>, so it keeps naming
// the same person when they rename themselves. What people type is "@Name" (the
// autocomplete inserts the name; the browser may send the token it picked instead); both are
// resolved here, and only to members who can see the goal: anything else stays plain text.

const TOKEN = /<@([A-Za-z0-9_-]{1,100})>/g;
const WORD = /[\p{L}\p{N}_]/u;

export interface ResolvedMentions {
  /** The body with every mention as a token. */
  body: string;
  /** Ids mentioned, in order of first mention, each once. */
  mentionIds: string[];
}

/**
 * Turns "@Name" and <@id> into tokens for the candidates (people who can see the goal); a
 * token for anyone else becomes their plain "@Name" (`others`), or "@unknown".
 */
export function resolveMentions(text: string, candidates: readonly Mention[], others: ReadonlyMap<string, string> = new Map()): ResolvedMentions {
  const byId = new Map(candidates.map((c) => [c.userId, c.name]));
  const ids: string[] = [];
  const note = (id: string) => {
    if (!ids.includes(id)) ids.push(id);
  };
  // Tokens first: a candidate's stays, anyone else's is spelled out (and so never a mention).
  const tokensDone = text.replace(TOKEN, (whole, id: string) => (byId.has(id) ? whole : `@${others.get(id) ?? 'unknown'}`));
  // Longest names first, so "@Sam Lee" wins over "@Sam".
  const names = candidates.filter((c) => c.name.trim() !== '').sort((x, y) => y.name.length - x.name.length);
  let out = '';
  let i = 0;
  while (i < tokensDone.length) {
    const token = /^<@([A-Za-z0-9_-]{1,100})>/.exec(tokensDone.slice(i, i + 104));
    if (token && byId.has(token[1])) {
      note(token[1]);
      out += token[0];
      i += token[0].length;
      continue;
    }
    const ch = tokensDone[i];
    const before = i > 0 ? tokensDone[i - 1] : '';
    if (ch === '@' && (before === '' || !WORD.test(before))) {
      const rest = tokensDone.slice(i + 1);
      const hit = names.find((c) => {
        if (rest.slice(0, c.name.length).toLocaleLowerCase() !== c.name.toLocaleLowerCase()) return false;
        const next = rest.charAt(c.name.length);
        return next === '' || !WORD.test(next);
      });
      if (hit) {
        note(hit.userId);
        out += `<@${hit.userId}>`;
        i += 1 + hit.name.length;
        continue;
      }
    }
    out += ch;
    i += 1;
  }
  return { body: out, mentionIds: ids };
}

/** The body as people read and edit it: tokens as "@Name" (names now; "@former member" when gone). */
export function mentionsAsText(body: string, names: ReadonlyMap<string, string>): string {
  return body.replace(TOKEN, (_whole, id: string) => `@${names.get(id) ?? 'former member'}`);
}
