import type { NextRequest } from 'next/server';
import { handleScimRequest } from '@/lib/scim/scim-handler';

// SCIM 2.0 for identity providers (Okta, Entra ID, any SCIM client): /Users, /Groups,
// /ServiceProviderConfig and /ResourceTypes of one directory, authenticated by its bearer
// token. Every answer, errors included, is application/scim+json (lib/scim/scim-errors.ts).

type Context = { params: Promise<{ directoryId: string; path: string[] }> };

async function handle(req: NextRequest, { params }: Context): Promise<Response> {
  const { directoryId, path } = await params;
  return handleScimRequest(req, directoryId, path);
}

export const dynamic = 'force-dynamic';
export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
