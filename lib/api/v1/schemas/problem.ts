import { z } from 'zod';

/** application/problem+json (RFC 9457), as lib/http/problem.ts writes it. */
export const Problem = z
  .object({
    type: z.string().meta({ description: 'A URI naming the kind of problem: https://docs.waypoint.dev/errors/<code>.' }),
    title: z.string().meta({ description: 'The HTTP status in words.' }),
    status: z.int().meta({ description: 'The HTTP status code.' }),
    detail: z.string().meta({ description: 'What went wrong, for people.' }),
    code: z.string().meta({ description: 'Stable and machine-readable, e.g. not_found, validation_failed, insufficient_scope, idempotency_key_reused.' }),
    errors: z.record(z.string(), z.string()).optional().meta({ description: 'Per field (body field, query parameter or header): what to fix.' }),
    instance: z.string().optional().meta({ description: 'The request path.' }),
  })
  .meta({ description: 'An error. Branch on `code`, show `detail`.' });
