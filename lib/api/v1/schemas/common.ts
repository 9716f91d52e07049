import { z } from 'zod';

// Building blocks shared by the v1 resource schemas. Timestamps are ISO 8601 in UTC; dates
// are calendar dates.

export const Timestamp = z.iso.datetime().meta({ description: 'An instant, ISO 8601 in UTC, e.g. 2026-06-15T09:30:00.000Z.' });
export const CalendarDate = z.iso.date().meta({ description: 'A calendar date, YYYY-MM-DD.' });

const queryDate = z.iso.date({ message: 'Use a date written YYYY-MM-DD.' });

/** limit and cursor, for every list. */
export const pageQuery = {
  limit: z.coerce
    .number({ message: 'Use a whole number from 1 to 100.' })
    .int('Use a whole number from 1 to 100.')
    .min(1, 'Use a whole number from 1 to 100.')
    .max(100, 'Use a whole number from 1 to 100.')
    .default(20)
    .meta({ description: 'Items per page, 1 to 100.' }),
  cursor: z
    .string()
    .min(1, 'Pass next_cursor from the previous page.')
    .max(500, 'This cursor is not valid for this list.')
    .optional()
    .meta({ description: 'Opaque: the next_cursor of the previous page. Leave out for the first page.' }),
};

/** from/to query parameters, both inclusive; `what` says which date they filter on. */
export function dateRangeQuery(what: string) {
  return {
    from: queryDate.optional().meta({ description: `Only items whose ${what} is on or after this date (YYYY-MM-DD, inclusive).` }),
    to: queryDate.optional().meta({ description: `Only items whose ${what} is on or before this date (YYYY-MM-DD, inclusive).` }),
  };
}

/** 422 on `to` when the range is backwards. */
export function checkDateRange(value: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (value.from && value.to && value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Use a date on or after from.' });
}

/** The envelope of every list. */
export function listOf<T extends z.ZodType>(item: T, description: string) {
  return z
    .object({
      data: z.array(item),
      next_cursor: z.string().nullable().meta({ description: 'Pass as ?cursor= to get the next page; null on the last page.' }),
    })
    .meta({ description });
}
