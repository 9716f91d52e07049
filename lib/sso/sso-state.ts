import { z } from 'zod';

// What an SP-initiated sign-in remembers until the IdP answers: the host the person started
// on and the page to return to. It rides in Jackson's OAuth `state`, which Jackson keeps in
// its (server-side, encrypted) session store and hands back only to the ACS handler, so it
// never passes through the browser or the IdP. The RelayState the IdP sees is Jackson's own.

const stateSchema = z.object({
  v: z.literal(1),
  /** scheme://host of the workspace host the sign-in started on. */
  origin: z.string().url(),
  /** A local path on that host. */
  next: z.string().startsWith('/'),
  /** An admin's "Test connection". */
  test: z.boolean().optional(),
  /** Makes every state unique (Jackson requires one; it is not a secret). */
  nonce: z.string(),
});

export type SsoState = z.infer<typeof stateSchema>;

export function encodeState(state: SsoState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeState(raw: string | null | undefined): SsoState | null {
  if (!raw) return null;
  try {
    const parsed = stateSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
