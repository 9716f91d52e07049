import { notFound } from 'next/navigation';
import { AppError } from '@/lib/http/problem';

/** For pages: a service's 404 (someone else's ticket, a junk id) is the page's not-found. */
export function orNotFound<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
}
