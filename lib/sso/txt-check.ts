import type { TxtResolver } from '../tenancy/domains.ts';

// One DNS TXT check of a domain's verification record, with the reason it failed in words an
// admin can act on: nothing at the name, or records there with other values (shown briefly).

export type TxtCheck =
  | { ok: true }
  | { ok: false; reason: 'not_found'; message: string }
  | { ok: false; reason: 'mismatch'; message: string; found: string[] }
  | { ok: false; reason: 'lookup_failed'; message: string };

/** Resolver answers that mean "there is no TXT record at that name". */
const ABSENT = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);
const SHOWN_VALUES = 3;
const SHOWN_CHARS = 60;

function brief(value: string): string {
  // A TXT value is whatever the domain's DNS holds: printable characters only, and not much of it.
  const printable = value.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > SHOWN_CHARS ? `${printable.slice(0, SHOWN_CHARS)}…` : printable;
}

export async function checkTxtRecord(resolver: TxtResolver, record: { name: string; value: string }): Promise<TxtCheck> {
  let answers: string[][];
  try {
    answers = await resolver(record.name);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && ABSENT.has(code)) answers = [];
    else return { ok: false, reason: 'lookup_failed', message: `The DNS lookup of ${record.name} failed${typeof code === 'string' ? ` (${code})` : ''}. Try again in a few minutes.` };
  }
  const values = answers.map((chunks) => chunks.join(''));
  if (values.includes(record.value)) return { ok: true };
  if (values.length === 0) {
    return { ok: false, reason: 'not_found', message: `No TXT record found at ${record.name}. Add it at your DNS provider; new records can take a while to appear.` };
  }
  const found = values.slice(0, SHOWN_VALUES).map(brief);
  const more = values.length > SHOWN_VALUES ? ` and ${values.length - SHOWN_VALUES} more` : '';
  return {
    ok: false,
    reason: 'mismatch',
    found,
    message: `The TXT record at ${record.name} has a different value: found ${found.map((value) => `"${value}"`).join(', ')}${more}; expected "${record.value}".`,
  };
}
