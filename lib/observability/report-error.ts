import type { Instrumentation } from 'next';
import { readTrusted } from '../http/trusted-headers.ts';
import { requestLogger } from './logger.ts';

type Params = Parameters<Instrumentation.onRequestError>;

/** Logs an error Next caught (a page or route that threw), with the ids to find the request by. */
export function reportRequestError(error: unknown, request: Params[1], context: Params[2]): void {
  const facts = readTrusted(request.headers as Record<string, string | string[] | undefined>);
  const digest = (error as { digest?: string } | null)?.digest;
  requestLogger({ requestId: facts.requestId, tenantId: facts.tenantId, route: context.routePath }).error(
    { err: error, digest, method: request.method, path: request.path.split('?')[0], routeType: context.routeType, renderSource: context.renderSource },
    'unexpected error',
  );
}
