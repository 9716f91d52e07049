import { readdirSync } from 'node:fs';
import path from 'node:path';
import { routeMeta, type RouteMeta } from '../../lib/http/route/define-route.ts';
import type { RouteHandlerFn } from './app-client.ts';

// Every route handler under app/api, as Next would find them: its path pattern (e.g.
// /api/app/goals/[goalId]/archive), its HTTP method, and what its route builder declared.

const ROOT = path.resolve(import.meta.dirname, '../..');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export interface RouteEntry {
  pattern: string;
  method: (typeof METHODS)[number];
  handler: RouteHandlerFn;
  /** undefined: not made with a route builder. */
  meta: RouteMeta | undefined;
}

export async function routeModules(): Promise<RouteEntry[]> {
  const apiDir = path.join(ROOT, 'app/api');
  const files = readdirSync(apiDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /^route\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const entries: RouteEntry[] = [];
  for (const file of files) {
    const pattern = `/${path.relative(path.join(ROOT, 'app'), path.dirname(file)).split(path.sep).join('/')}`;
    const exported = (await import(file)) as Record<string, unknown>;
    for (const method of METHODS) {
      const handler = exported[method];
      if (typeof handler === 'function') entries.push({ pattern, method, handler: handler as RouteHandlerFn, meta: routeMeta(handler) });
    }
  }
  return entries;
}

/** The path for a pattern with these parameter values (catch-all segments joined with /). */
export function pathOf(pattern: string, params: Record<string, string | string[]>): string {
  return pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_match, name: string) => [params[name]].flat().map((part) => encodeURIComponent(part ?? '')).join('/'));
}
