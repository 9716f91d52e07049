import { AppError } from './problem.ts';

// Database errors that mean "your request" rather than "our fault", in one place, so a race or
// an odd byte never becomes a 500: a row that vanished between read and write (a concurrent
// delete) is 404, a unique or foreign-key clash is 409, bad data (a NUL byte, an unparseable
// value, too long a string) is 400, and a serialization failure or deadlock is a 409 the
// caller may retry. Matched by shape: this module must not pull Prisma into proxy.ts.

interface PrismaKnownError {
  name: string;
  code: string;
  meta?: { driverAdapterError?: { cause?: { originalCode?: string; code?: string } }; modelName?: string };
}

function isPrismaKnownError(error: unknown): error is PrismaKnownError {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'PrismaClientKnownRequestError' && typeof (error as { code?: unknown }).code === 'string';
}

/** The PostgreSQL SQLSTATE behind a Prisma error (driver adapter) or a pg error, if any. */
function sqlState(error: unknown): string | undefined {
  if (isPrismaKnownError(error)) {
    const cause = error.meta?.driverAdapterError?.cause;
    return cause?.originalCode ?? (cause?.code && /^[0-9A-Z]{5}$/.test(cause.code) ? cause.code : undefined);
  }
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof (error as { severity?: unknown }).severity === 'string' ? code : undefined;
}

/** A serialization failure or deadlock: the transaction did nothing and may simply run again. */
export function isRetryableConflict(error: unknown): boolean {
  const state = sqlState(error);
  return (isPrismaKnownError(error) && error.code === 'P2034') || state === '40001' || state === '40P01';
}

export function databaseErrorToAppError(error: unknown): AppError | null {
  const state = sqlState(error);
  const prismaCode = isPrismaKnownError(error) ? error.code : undefined;
  if (prismaCode === 'P2025' || prismaCode === 'P2001' || prismaCode === 'P2015' || prismaCode === 'P2018') return new AppError(404, 'not_found', 'Not found: it may have just been deleted.');
  if (prismaCode === 'P2002' || state === '23505') return new AppError(409, 'conflict', 'This conflicts with something that already exists.');
  if (prismaCode === 'P2003' || prismaCode === 'P2014' || state === '23503') return new AppError(409, 'conflict', 'This refers to something that no longer exists, or is still in use.');
  if (isRetryableConflict(error)) return new AppError(409, 'conflict', 'Someone changed this at the same time. Try again.');
  if (prismaCode === 'P2000' || prismaCode === 'P2006' || prismaCode === 'P2007' || prismaCode === 'P2019' || prismaCode === 'P2020' || state?.startsWith('22')) {
    return new AppError(400, 'bad_request', 'The request contains a value that is not acceptable (e.g. a control character, or a value out of range).');
  }
  return null;
}
