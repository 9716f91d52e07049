import { z } from 'zod';
import { EVENT_CATALOG } from '../events/event-catalog.ts';
import { hasUrlCredentials, URL_CREDENTIALS_MESSAGE } from '../http/outbound-url.ts';

const EVENT_TYPES = Object.keys(EVENT_CATALOG) as [string, ...string[]];

// Headers a receiver might trust, or that the delivery itself sets: never customisable.
const RESERVED_HEADER = /^(authorization|proxy-authorization|cookie|host|content-length|content-type|transfer-encoding|connection|user-agent|webhook-.*|x-forwarded-.*)$/i;

const headers = z
  .record(
    z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/, 'Header names use letters, digits and - only.').refine((name) => !RESERVED_HEADER.test(name), 'This header is set by Waypoint and cannot be changed.'),
    z.string().max(500, 'Use at most 500 characters.').regex(/^[^\r\n]*$/, 'Header values cannot contain line breaks.'),
  )
  .refine((value) => Object.keys(value).length <= 10, 'Use at most 10 headers.');

export const endpointInputSchema = z
  .object({
    url: z
      .string()
      .trim()
      .max(2048, 'Use at most 2048 characters.')
      .url('Enter a full URL, e.g. https://example.com/webhooks.')
      // Credentials in a URL end up in logs and Basic auth headers; use a custom header instead.
      .refine((value) => !hasUrlCredentials(value), `${URL_CREDENTIALS_MESSAGE} Send them in a custom header instead.`),
    description: z.string().trim().max(200, 'Use at most 200 characters.').optional().nullable(),
    eventTypes: z.array(z.enum(EVENT_TYPES, { message: 'Unknown event type.' })).max(EVENT_TYPES.length).default([]),
    enabled: z.boolean().default(true),
    headers: headers.default({}),
  })
  .strict();

export const endpointUpdateSchema = endpointInputSchema.partial().strict();

export const rotateSecretSchema = z.object({ graceHours: z.number().min(0).max(168, 'Use 0 to 168 hours.').default(24) }).strict();

export interface EndpointView {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  enabled: boolean;
  headers: Record<string, string>;
  disabledReason: string | null;
  previousSecretValidUntil: string | null;
  createdAt: string;
  updatedAt: string;
}
