import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../../../http/error-codes.ts';

/** application/problem+json (RFC 9457), as lib/http/problem.ts writes it. */
export const Problem = z
  .object({
    type: z.string().meta({ description: 'A URI naming the kind of problem: https://docs.waypoint.dev/errors/<code>.' }),
    title: z.string().meta({ description: 'The HTTP status in words.' }),
    status: z.int().meta({ description: 'The HTTP status code.' }),
    detail: z.string().meta({ description: 'What went wrong, for people.' }),
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]).meta({ description: 'Stable and machine-readable: branch on it. Every code is listed in the developer docs.' }),
    errors: z.record(z.string(), z.string()).optional().meta({ description: 'Per field (body field, query parameter or header): what to fix.' }),
    instance: z.string().optional().meta({ description: 'The request path.' }),
    requestId: z.string().optional().meta({ description: 'The id of this request (also the X-Request-Id header): quote it to support.' }),
  })
  .meta({ description: 'An error. Branch on `code`, show `detail`.' });
