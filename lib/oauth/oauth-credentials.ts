import { base62 } from '../api-keys/generate-api-key.ts';

// Every OAuth credential is a typed prefix and base62 randomness, so one can tell them apart
// at a glance (and in secret scanners) and reject malformed ones before touching the database.
// Client ids are public; everything else is stored only as a SHA-256 hash (hash-client-secret.ts).

const PREFIX = {
  clientId: 'wpc_',
  clientSecret: 'wps_',
  authorizationCode: 'wpac_',
  accessToken: 'wpat_',
  refreshToken: 'wprt_',
} as const;

type Kind = keyof typeof PREFIX;

/** 43 base62 characters: 256 bits (client ids: 24, 143 bits, enough to be unguessable). */
const LENGTH: Record<Kind, number> = { clientId: 24, clientSecret: 43, authorizationCode: 43, accessToken: 43, refreshToken: 43 };

export function generateCredential(kind: Kind): string {
  return `${PREFIX[kind]}${base62(LENGTH[kind])}`;
}

const SHAPES = Object.fromEntries(Object.entries(PREFIX).map(([kind, prefix]) => [kind, new RegExp(`^${prefix}[0-9A-Za-z]{${LENGTH[kind as Kind]}}$`)])) as Record<Kind, RegExp>;

export function looksLike(kind: Kind, value: unknown): value is string {
  return typeof value === 'string' && SHAPES[kind].test(value);
}

export const newAppId = () => `app_${base62(20)}`;
export const newGrantId = () => `grt_${base62(20)}`;
