import { z } from 'zod';
import { parseAllowlistEntry } from './ip-allowlist.ts';
import { SCOPES } from './scopes.ts';

export const TIERS = ['free', 'developer', 'business', 'enterprise'] as const;
export type ApiKeyTier = (typeof TIERS)[number];

export const createApiKeySchema = z
  .object({
    name: z.string().trim().min(1, 'Name the key.').max(80, 'Use at most 80 characters.'),
    scopes: z.array(z.enum(SCOPES, { message: `Scopes are ${SCOPES.join(', ')}.` })).min(1, 'Choose at least one scope.').max(SCOPES.length),
    tier: z.enum(TIERS).default('free'),
    expiresAt: z.iso
      .datetime({ offset: true, message: 'Use an ISO date-time, e.g. 2027-01-31T00:00:00Z.' })
      .refine((value) => new Date(value).getTime() > Date.now(), 'The expiry must be in the future.')
      .nullish(),
    ipAllowlist: z
      .array(z.string().trim().refine((entry) => parseAllowlistEntry(entry) !== null, 'Use an IPv4 or IPv6 address or CIDR range, e.g. 203.0.113.0/24.'))
      .max(50, 'Use at most 50 entries.')
      .default([]),
  })
  .strict();

export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const rotateApiKeySchema = z
  .object({ graceHours: z.number().min(0, 'Use 0 to 168 hours.').max(168, 'Use 0 to 168 hours.').default(24) })
  .strict();

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  last4: string;
  scopes: string[];
  tier: ApiKeyTier;
  status: 'active' | 'revoked' | 'expired';
  expiresAt: string | null;
  ipAllowlist: string[];
  createdBy: { id: string; name: string | null; email: string } | null;
  createdAt: string;
  lastUsedAt: string | null;
  rotatedAt: string | null;
  previousSecretValidUntil: string | null;
  requestCount: number;
}
