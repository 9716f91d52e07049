import type { IncomingMessage, ServerResponse } from 'node:http';
import { NextRequest } from 'next/server';
import { sessionFromRequest } from '../auth/request-session.ts';
import { config } from '../config/env.ts';
import { AppError, problemResponse, unauthorized } from '../http/problem.ts';
import { enterWorkspace } from '../http/route/workspace-route.ts';
import { requestLogger } from '../observability/logger.ts';
import { noteRequest } from '../server/request-meta.ts';
import { parseHost } from '../tenancy/parse-host.ts';
import { resolveTenant } from '../tenancy/tenant-cache.ts';
import { isServable, type TenantContext } from '../tenancy/tenant-context.ts';
import { openLiveStream } from './live-stream.ts';
import { LIVE_PATH } from './live-path.ts';
import { parseSeq } from './replay.ts';

// GET /api/app/live, answered by Waypoint's HTTP server itself (lib/server/http-server.ts)
// rather than by a Next route: a stream lives for hours, and everything Next keeps per request
// (its request and response objects, the web stream piped into Node's) lived as long: about
// 92 KB an idle stream against 13 KB here (npm run bench, live). The door is the workspace app's all the same:
// the tenant from the Host as proxy.ts finds it (a suspended or canceled workspace gets 403),
// then enterWorkspace: a signed-in member's session cookie (401), permission workspace.read
// (403), and the 2FA requirement. The stream: lib/realtime/live-stream.ts; the messages:
// lib/realtime/protocol.ts. It resumes after Last-Event-ID (or ?after=<seq>, for a reconnect
// the page makes itself). The server loads this module on the first stream, once Next has
// started: through the auth modules it reaches Next's own, which need what Next sets up.

async function tenantOfHost(host: string | undefined): Promise<TenantContext> {
  const target = parseHost(host, config.rootDomain);
  if (target.kind === 'platform') throw new AppError(404, 'workspace_required', "This endpoint is served on a workspace's own address, e.g. https://acme.example.com.");
  const tenant = target.kind === 'invalid' ? null : await resolveTenant(target);
  if (!tenant) throw new AppError(404, 'workspace_not_found', `No workspace is served at ${host ?? 'this host'}.`);
  if (!isServable(tenant.status)) throw new AppError(403, 'workspace_suspended', `The ${tenant.name} workspace is ${tenant.status}.`);
  return tenant;
}

async function sendProblem(res: ServerResponse, error: unknown, requestId: string): Promise<void> {
  const response = problemResponse(error, { instance: LIVE_PATH, requestId });
  if (response.status === 405) res.setHeader('allow', 'GET');
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(await response.text());
}

/** Serves one live stream request; never throws (errors are answered as problem+json). */
export async function serveLive(req: IncomingMessage, res: ServerResponse, facts: { requestId: string; clientIp: string | null }): Promise<void> {
  const { requestId, clientIp } = facts;
  noteRequest(requestId, { route: LIVE_PATH });
  try {
    if (req.method !== 'GET') throw new AppError(405, 'method_not_allowed', 'The live stream answers GET only.');
    const tenant = await tenantOfHost(req.headers.host);
    noteRequest(requestId, { tenantId: tenant.id });
    const url = new URL(req.url ?? LIVE_PATH, `http://${req.headers.host}`);
    // Only the session cookie is read from it.
    const nextReq = new NextRequest(url, { headers: req.headers.cookie ? { cookie: req.headers.cookie } : {} });
    const log = requestLogger({ requestId, tenantId: tenant.id, route: LIVE_PATH });
    const { member } = await enterWorkspace({ req: nextReq, facts: { requestId, clientIp, tenantId: tenant.id }, requestId, log }, { permission: 'workspace.read' });
    const claims = await sessionFromRequest(nextReq, tenant);
    if (!claims) throw unauthorized();
    const after = parseSeq(req.headers['last-event-id'] as string | undefined) ?? parseSeq(url.searchParams.get('after'));
    await openLiveStream({ tenant, member, claims, after, res });
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    await sendProblem(res, error, requestId);
  }
}
